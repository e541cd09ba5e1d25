import { createClient } from "redis";
import type { FleetConfig } from "../fleet/fleetConfig.js";
import { FleetUnavailableError } from "../fleet/fleetStore.js";

/** A Redis command never waits longer than this (as the fleet store's). */
const COMMAND_TIMEOUT_MS = 2000;
/** Ids read from a member's inbox per call. */
const INBOX_BATCH = 1000;

/**
 * One side of a pair as it waits in Redis: the member holding it and, for a label, the label (as JSON text). An
 * event's side carries its row (JSON text of a JoinedEventRow: window, prediction, probability): the event's member
 * emits the joined row, from its own copy while the event waits there, else (dropped there by max_pending or
 * max_delay after it was pushed) from this one. Texts, not tables: Lua's cjson would round numbers to 14 digits.
 */
export interface PushedSide {
  member: string;
  label?: string;
  row?: string;
}

/** What pushing one side found: it waits now (or already did), or the pair is joined: then the label, as JSON text. */
export type PushResult =
  | { state: "waiting" }
  /**
   * `fresh`: this push made the pair; else it was joined before (this side pushed again, or a duplicate). `event`: the
   * event side's row (JSON text), when it carried one.
   */
  | { state: "joined"; label: string; eventMember: string; labelMember: string; fresh: boolean; event?: string };

/** A joined pair as Redis keeps it (`lj:j:<id>`). */
export interface JoinedPair {
  label: string;
  eventMember: string;
  event?: string;
}

// KEYS: event:<id>, label:<id>, joined:<id>, inbox of the other side's member (filled in by the script: ARGV[4] is
// the prefix of inboxes). ARGV: this side's record (JSON), the id, PX, inbox prefix.
// The pair is joined exactly once fleet-wide: the side that finds the other one waiting takes it (DEL) and writes
// `joined:<id>` in the same script, which Redis runs atomically; a side pushed again (a member restarted and pushes
// what still waits locally) finds `joined:<id>` and gets the same answer, never a second pair. The member of the
// side that was taken hears of it through its inbox list.
const PUSH_EVENT = `
local j = redis.call('GET', KEYS[3])
if j then return {'joined', j, 'old'} end
local l = redis.call('GET', KEYS[2])
if l then
  redis.call('DEL', KEYS[2])
  local ev = cjson.decode(ARGV[1])
  local lab = cjson.decode(l)
  local rec = cjson.encode({event_member = ev.member, label_member = lab.member, label = lab.label, event = ev.row})
  redis.call('SET', KEYS[3], rec, 'PX', ARGV[3])
  if lab.member ~= ev.member then
    redis.call('RPUSH', ARGV[4] .. lab.member, ARGV[2])
    redis.call('PEXPIRE', ARGV[4] .. lab.member, ARGV[3])
  end
  return {'joined', rec}
end
redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[3])
return {'waiting'}`;

const PUSH_LABEL = `
local j = redis.call('GET', KEYS[3])
if j then return {'joined', j, 'old'} end
local e = redis.call('GET', KEYS[1])
if e then
  redis.call('DEL', KEYS[1])
  local ev = cjson.decode(e)
  local lab = cjson.decode(ARGV[1])
  local rec = cjson.encode({event_member = ev.member, label_member = lab.member, label = lab.label, event = ev.row})
  redis.call('SET', KEYS[3], rec, 'PX', ARGV[3])
  if lab.member ~= ev.member then
    redis.call('RPUSH', ARGV[4] .. ev.member, ARGV[2])
    redis.call('PEXPIRE', ARGV[4] .. ev.member, ARGV[3])
  end
  return {'joined', rec}
end
redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[3])
return {'waiting'}`;

/**
 * The fleet-wide half of the label join, in Redis under the fleet's key prefix: `lj:e:<id>` (an event waiting, by
 * member), `lj:l:<id>` (a label waiting, with the label), `lj:j:<id>` (the pair, once joined) each expiring after
 * labels.max_delay, and `lj:inbox:<member>` (ids of that member's sides another member joined).
 */
export class FleetLabelStore {
  private readonly client: ReturnType<typeof createClient>;
  private connecting: Promise<unknown> | null = null;
  /**
   * Connections made so far: one more after each reconnect. A Redis that restarted may have lost what was pushed to
   * it (the fleet's Redis need not persist), so the join pushes everything that waits again after one.
   */
  connections = 0;

  constructor(
    private readonly fleet: FleetConfig,
    env: NodeJS.ProcessEnv,
    private readonly maxDelayMs: number,
  ) {
    const password = fleet.passwordEnv ? env[fleet.passwordEnv] : undefined;
    this.client = createClient({
      url: fleet.redisUrl,
      ...(password ? { password } : {}),
      disableOfflineQueue: true,
      commandOptions: { timeout: COMMAND_TIMEOUT_MS, rejectInFlight: true },
      socket: {
        connectTimeout: COMMAND_TIMEOUT_MS,
        reconnectStrategy: (retries: number) => Math.min(50 * 2 ** Math.min(retries, 5), 1000),
      },
    });
    // Failures surface through the commands (FleetUnavailableError); node-redis would otherwise throw them.
    this.client.on("error", () => undefined);
    this.client.on("ready", () => this.connections++);
  }

  private k(name: string): string {
    return `${this.fleet.keyPrefix}lj:${name}`;
  }

  connect(): Promise<unknown> {
    this.connecting ??= this.client.connect().catch(() => (this.connecting = null));
    return this.connecting;
  }

  async close(): Promise<void> {
    if (this.client.isOpen) this.client.destroy();
  }

  private async run<T>(f: () => Promise<T>): Promise<T> {
    if (!this.client.isReady) {
      await this.connect();
      if (!this.client.isReady) throw new FleetUnavailableError("Redis is unreachable");
    }
    try {
      return await f();
    } catch (e) {
      throw new FleetUnavailableError(`Redis command failed: ${(e as Error).message}`);
    }
  }

  /** Pushes one waiting side; resolves to what Redis holds for its id now. */
  async push(side: "event" | "label", id: string, record: PushedSide): Promise<PushResult> {
    const r = (await this.run(() =>
      this.client.eval(side === "event" ? PUSH_EVENT : PUSH_LABEL, {
        keys: [this.k(`e:${id}`), this.k(`l:${id}`), this.k(`j:${id}`)],
        arguments: [JSON.stringify(record), id, String(this.maxDelayMs), this.k("inbox:")],
      }),
    )) as [string, string?, string?];
    if (r[0] !== "joined") return { state: "waiting" };
    const pair = JSON.parse(r[1]!) as { event_member: string; label_member: string; label: string; event?: string };
    return {
      state: "joined",
      label: pair.label,
      eventMember: pair.event_member,
      labelMember: pair.label_member,
      fresh: r[2] !== "old",
      ...(pair.event !== undefined ? { event: pair.event } : {}),
    };
  }

  /** Ids of this member's sides that another member joined since the last call (at most INBOX_BATCH). */
  async inbox(member: string): Promise<string[]> {
    const r = await this.run(() => this.client.lPopCount(this.k(`inbox:${member}`), INBOX_BATCH));
    return r ?? [];
  }

  /** A joined pair: its label (JSON text), its event's member and row; null when it is not joined (or expired). */
  async joinedPair(id: string): Promise<JoinedPair | null> {
    const v = await this.run(() => this.client.get(this.k(`j:${id}`)));
    if (v === null) return null;
    const pair = JSON.parse(v) as { event_member: string; label: string; event?: string };
    return {
      label: pair.label,
      eventMember: pair.event_member,
      ...(pair.event !== undefined ? { event: pair.event } : {}),
    };
  }
}
