import { createClient } from "redis";
import type { FleetConfig } from "./fleetConfig.js";

/**
 * A Redis command failed or timed out: Redis is unreachable or restarting. The member keeps accepting events (its
 * journal is its durability) and tries again on its next period.
 */
export class FleetUnavailableError extends Error {}

/** The lease was lost (expired, or another member holds it): a leader write was refused by the fencing check. */
export class FencedError extends Error {}

/** One member's partial state of one window, as published: overwritten on every publish, never added to. */
export interface PartialRecord {
  member: string;
  /** true once the member closed the window (no more events of it will come from this member). */
  final: boolean;
  published_at: number;
  /** WindowStateJson of the member's window. */
  window: unknown;
}

export interface MemberRecord {
  /** When the member started, and when it last heartbeated (ms). */
  since: number;
  seen: number;
  /** Every window of the member ending at or before this time is published final (absent ones had no events). */
  through: number;
}

/** A Redis command never waits longer than this; a timed out command counts as Redis being unreachable. */
const COMMAND_TIMEOUT_MS = 2000;
/** Sent alerts and claims are remembered this long (a failover later than that cannot resend them anyway). */
const CLAIM_TTL_MS = 7 * 86_400_000;

// Every leader write starts with this check, in the same script: the write applies only while the lease holds the
// leader's own value (fencing token and member). A leader paused past its lease (GC, a stopped VM) finds another
// value there, or none, and its write is refused instead of overwriting the new leader's.
const FENCE = `if redis.call('GET', KEYS[1]) ~= ARGV[1] then return redis.error_reply('FENCED lease not held') end\n`;

/** Acquire or renew: renew when the lease holds our value; take it (with a new token from INCR) when it is free. */
const LEASE = `
local cur = redis.call('GET', KEYS[1])
if cur and cur == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return cur end
if cur then return false end
local token = redis.call('INCR', KEYS[2])
local value = token .. ':' .. ARGV[3]
if redis.call('SET', KEYS[1], value, 'NX', 'PX', ARGV[2]) then return value end
return false`;

/** A member's partial, unless the window was already finalized (then it is late: refused, 0). */
const PUBLISH = `
if redis.call('EXISTS', KEYS[3]) == 1 then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[3])
return 1`;

/**
 * The leader's result for one window, in one fenced step: the report, the alert state after it, the alert entries it
 * decided (appended to the shared outbox); the window's partials are dropped and old reports trimmed.
 */
const FINALIZE =
  FENCE +
  `
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
redis.call('SET', KEYS[2], ARGV[3])
redis.call('SET', KEYS[3], ARGV[4])
redis.call('ZADD', KEYS[4], ARGV[2], ARGV[2])
redis.call('ZREM', KEYS[5], ARGV[2])
redis.call('DEL', KEYS[6])
for i = 7, #ARGV do redis.call('RPUSH', KEYS[7], ARGV[i]) end
local keep = tonumber(ARGV[5])
local old = redis.call('ZRANGE', KEYS[4], 0, -(keep + 1))
for _, w in ipairs(old) do redis.call('DEL', ARGV[6] .. 'report:' .. w) end
if #old > 0 then redis.call('ZREMRANGEBYRANK', KEYS[4], 0, #old - 1) end
return 1`;

/** Drops a window nobody can finalize any more (older than the last finalized one): fenced. */
const DROP = FENCE + `redis.call('ZREM', KEYS[2], ARGV[2]) redis.call('DEL', KEYS[3]) return 1`;

/**
 * Claims an alert id before it is sent: "sent" (recorded sent before), "claimed" (ours now), "mine" (this leader
 * claimed it before: a retry), or the value of the leader that claimed it (it may or may not have sent it).
 */
const CLAIM =
  FENCE +
  `
if redis.call('EXISTS', KEYS[2]) == 1 then return 'sent' end
local c = redis.call('GET', KEYS[3])
if not c then redis.call('SET', KEYS[3], ARGV[1], 'PX', ARGV[2]) return 'claimed' end
if c == ARGV[1] then return 'mine' end
if ARGV[3] == '1' then redis.call('SET', KEYS[3], ARGV[1], 'PX', ARGV[2]) end
return c`;

/**
 * A piece of a member's labelled rows of one window (its rows from ARGV[6] on) in field `<from>:<member>`, and the
 * member's small count beside them. A piece from 0 holds all of them: it replaces every piece the member had (and a
 * field of the member's whole rows as older versions wrote it, named by the member alone: a field not shaped like a
 * piece's).
 */
const PUBLISH_ROWS = `
if ARGV[6] == '0' then
  for _, f in ipairs(redis.call('HKEYS', KEYS[1])) do
    if string.find(f, '^[0-9]+:') then
      if string.sub(f, string.find(f, ':', 1, true) + 1) == ARGV[1] then redis.call('HDEL', KEYS[1], f) end
    elseif f == ARGV[1] then
      redis.call('HDEL', KEYS[1], f)
    end
  end
end
redis.call('HSET', KEYS[1], ARGV[6] .. ':' .. ARGV[1], ARGV[2])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
redis.call('PEXPIRE', KEYS[2], ARGV[5])
redis.call('ZADD', KEYS[3], ARGV[4], ARGV[4])
return 1`;

/**
 * The leader's realized-performance view of the fleet's windows, in one fenced step: the view every member shows,
 * and when a breach was decided the alert state after it and its alert entries (appended to the shared outbox).
 */
const PERFORMANCE_VERDICT =
  FENCE +
  `
redis.call('SET', KEYS[2], ARGV[2])
if ARGV[3] ~= '' then redis.call('SET', KEYS[3], ARGV[3]) end
for i = 4, #ARGV do redis.call('RPUSH', KEYS[4], ARGV[i]) end
return 1`;

/** Records an alert as sent (with the sender's result) and removes it from the shared outbox. */
const SENT =
  FENCE + `redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3]) redis.call('LREM', KEYS[3], 1, ARGV[4]) return 1`;

/**
 * The fleet's shared state in Redis, under `keyPrefix`:
 * - `members` (hash member -> {since, seen}): heartbeats;
 * - `lease` (string `token:member`, expiring) and `fence` (the token counter);
 * - `windows` (sorted set of window starts with partials) and `partials:<start>` (hash member -> PartialRecord);
 * - `report:<start>` (the merged window's report) and `reports` (sorted set of their starts, the last keep_windows);
 * - `alert` (the alert policy's state and the last finalized window);
 * - `outbox` (list of decided alert requests), `claim:<id>` and `sent:<id>` (who sends it, what it returned);
 * - realized performance: `perf:windows` (sorted set of window starts with labelled rows), `perf:rows:<start>` (hash
 *   `<from>:<member>` -> that member's labelled rows of the window from row `from` on, a piece per publish) and
 *   `perf:counts:<start>` (member -> its row count), both
 *   expiring; `perf:view` (the leader's merged view, what every member shows);
 * - `reference` (following production: the fleet's plan of which version each window is measured against).
 */
export class FleetStore {
  private readonly client: ReturnType<typeof createClient>;
  private readonly k: (name: string) => string;
  /** null while Redis answers; otherwise since when it does not and why. */
  down: { since: number; reason: string } | null;
  private connecting: Promise<unknown> | null = null;
  /** Connections made so far: a Redis that restarted may have lost everything, so what a member holds is sent again. */
  connections = 0;

  constructor(
    readonly fleet: FleetConfig,
    env: NodeJS.ProcessEnv,
    private readonly now: () => number = Date.now,
  ) {
    const password = fleet.passwordEnv ? env[fleet.passwordEnv] : undefined;
    this.client = createClient({
      url: fleet.redisUrl,
      ...(password ? { password } : {}),
      disableOfflineQueue: true,
      commandOptions: { timeout: COMMAND_TIMEOUT_MS, rejectInFlight: true },
      socket: {
        connectTimeout: COMMAND_TIMEOUT_MS,
        // Reconnect forever, backing off to 1 s: Redis coming back is the normal end of an outage.
        reconnectStrategy: (retries: number) => Math.min(50 * 2 ** Math.min(retries, 5), 1000),
      },
    });
    // Errors are reported through `down` (and the commands that fail); node-redis would otherwise throw them.
    this.client.on("error", (e: Error) => this.markDown(e));
    this.client.on("ready", () => {
      this.down = null;
      this.connections++;
    });
    this.k = (name) => fleet.keyPrefix + name;
    this.down = { since: now(), reason: "not connected yet" };
  }

  private markDown(e: Error): void {
    // The message of a connection error names the host and port, never the password.
    if (!this.down) this.down = { since: this.now(), reason: e.message || e.name };
  }

  /** Connects (once; node-redis then reconnects by itself). Never throws: an unreachable Redis is an outage. */
  connect(): Promise<unknown> {
    this.connecting ??= this.client.connect().catch((e: Error) => {
      this.markDown(e);
      this.connecting = null;
    });
    return this.connecting;
  }

  async close(): Promise<void> {
    if (this.client.isOpen) this.client.destroy();
  }

  /** Runs a command; a connection problem becomes FleetUnavailableError, a refused fenced write FencedError. */
  private async run<T>(f: () => Promise<T>): Promise<T> {
    if (!this.client.isReady) {
      void this.connect();
      throw new FleetUnavailableError(`Redis is unreachable: ${this.down?.reason ?? "connecting"}`);
    }
    try {
      return await f();
    } catch (e) {
      const message = (e as Error).message ?? String(e);
      if (message.startsWith("FENCED")) throw new FencedError("the lease was lost; another member leads now");
      this.markDown(e as Error);
      throw new FleetUnavailableError(`Redis command failed: ${message}`);
    }
  }

  private evalScript(script: string, keys: string[], args: string[]): Promise<unknown> {
    return this.run(() => this.client.eval(script, { keys, arguments: args }));
  }

  async heartbeat(member: string, since: number, through: number): Promise<void> {
    const v: MemberRecord = { since, seen: this.now(), through };
    await this.run(() => this.client.hSet(this.k("members"), member, JSON.stringify(v)));
  }

  async members(): Promise<Map<string, MemberRecord>> {
    const all = await this.run(() => this.client.hGetAll(this.k("members")));
    const out = new Map<string, MemberRecord>();
    for (const [m, v] of Object.entries(all)) out.set(m, JSON.parse(v) as MemberRecord);
    return out;
  }

  /** Leader: forgets members not seen for `olderThanMs` (a scaled-down replica is not expected any more). */
  async forgetMembers(names: string[], lease: string): Promise<void> {
    if (names.length === 0) return;
    const script = FENCE + `for i = 2, #ARGV do redis.call('HDEL', KEYS[2], ARGV[i]) end return 1`;
    await this.evalScript(script, [this.k("lease"), this.k("members")], [lease, ...names]);
  }

  /** Acquires or renews the lease; returns its value (`token:member`) while held, null when another member has it. */
  async lease(current: string | null, member: string): Promise<string | null> {
    const v = await this.evalScript(
      LEASE,
      [this.k("lease"), this.k("fence")],
      [current ?? "", String(this.fleet.leaseMs), member],
    );
    return typeof v === "string" ? v : null;
  }

  /**
   * Gives the lease up (a member stopping gracefully, as in a rolling update): another member takes it on its next
   * round instead of after the lease expires. Only our own value is deleted.
   */
  async release(lease: string): Promise<void> {
    await this.evalScript(FENCE + `redis.call('DEL', KEYS[1]) return 1`, [this.k("lease")], [lease]);
  }

  /** Who holds the lease (`token:member`), or null. */
  leaseHolder(): Promise<string | null> {
    return this.run(() => this.client.get(this.k("lease")));
  }

  /** Overwrites this member's partial of window `start`; false when the window was finalized already (late). */
  async publish(start: number, record: PartialRecord, ttlMs: number): Promise<boolean> {
    const s = String(start);
    const r = await this.evalScript(
      PUBLISH,
      [this.k(`partials:${s}`), this.k("windows"), this.k(`report:${s}`)],
      [record.member, JSON.stringify(record), s, String(ttlMs)],
    );
    return r === 1;
  }

  /** Starts of windows with partials, up to `until` (inclusive), oldest first. */
  async windowsUpTo(until: number): Promise<number[]> {
    const r = await this.run(() => this.client.zRangeByScore(this.k("windows"), "-inf", until));
    return r.map(Number);
  }

  async partials(start: number): Promise<PartialRecord[]> {
    const all = await this.run(() => this.client.hGetAll(this.k(`partials:${start}`)));
    return Object.values(all).map((v) => JSON.parse(v) as PartialRecord);
  }

  async isFinalized(start: number): Promise<boolean> {
    return (await this.run(() => this.client.exists(this.k(`report:${start}`)))) === 1;
  }

  /** The shared alert state (null before the first finalized window). */
  async alertState<T>(): Promise<T | null> {
    const v = await this.run(() => this.client.get(this.k("alert")));
    return v === null ? null : (JSON.parse(v) as T);
  }

  async finalize(
    lease: string,
    start: number,
    reportJson: string,
    alertJson: string,
    entries: string[],
    keepWindows: number,
  ): Promise<boolean> {
    const s = String(start);
    const r = await this.evalScript(
      FINALIZE,
      [
        this.k("lease"),
        this.k(`report:${s}`),
        this.k("alert"),
        this.k("reports"),
        this.k("windows"),
        this.k(`partials:${s}`),
        this.k("outbox"),
      ],
      [lease, s, reportJson, alertJson, String(keepWindows), this.fleet.keyPrefix, ...entries],
    );
    return r === 1;
  }

  async drop(lease: string, start: number): Promise<void> {
    const s = String(start);
    await this.evalScript(DROP, [this.k("lease"), this.k("windows"), this.k(`partials:${s}`)], [lease, s]);
  }

  /** The last `limit` merged window reports, newest first (JSON texts). */
  async reports(limit: number): Promise<string[]> {
    const starts = await this.run(() => this.client.zRange(this.k("reports"), -limit, -1));
    if (starts.length === 0) return [];
    const texts = await this.run(() => this.client.mGet(starts.map((s) => this.k(`report:${s}`))));
    return texts.filter((t): t is string => t !== null).reverse();
  }

  /** The shared outbox: decided alert requests not recorded as sent, in order; `count` of them from `offset`. */
  outbox(offset = 0, count = 100): Promise<string[]> {
    return this.run(() => this.client.lRange(this.k("outbox"), offset, offset + count - 1));
  }

  async claim(lease: string, id: string, takeOver: boolean): Promise<string> {
    const r = await this.evalScript(
      CLAIM,
      [this.k("lease"), this.k(`sent:${id}`), this.k(`claim:${id}`)],
      [lease, String(CLAIM_TTL_MS), takeOver ? "1" : "0"],
    );
    return String(r);
  }

  /**
   * Gives back this leader's claim of an alert GitHub refused (a 4xx: nothing was carried out), so that a later leader
   * may send it: a dispatch claimed by a former leader is otherwise never resent. Not fenced: the claim holds the
   * lease value it was made under, and only the leader that made it knows GitHub refused, so it may give back its own
   * claim even after its lease lapsed during the send (a fenced give-back then lost the dispatch for good); another's
   * claim is kept.
   */
  async unclaim(lease: string, id: string): Promise<void> {
    await this.evalScript(
      `if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end return 1`,
      [this.k(`claim:${id}`)],
      [lease],
    );
  }

  async markSent(lease: string, id: string, result: unknown, entryText: string): Promise<void> {
    await this.evalScript(
      SENT,
      [this.k("lease"), this.k(`sent:${id}`), this.k("outbox")],
      [lease, JSON.stringify(result ?? null), String(CLAIM_TTL_MS), entryText],
    );
  }

  /**
   * Writes a piece of this member's labelled rows of window `start` (JSON text: its rows from row `from` on) and their
   * count; a piece from 0 replaces the member's pieces (a repeat is the same).
   */
  async publishRows(
    start: number,
    member: string,
    rowsJson: string,
    count: string,
    ttlMs: number,
    from = 0,
  ): Promise<void> {
    const s = String(start);
    await this.evalScript(
      PUBLISH_ROWS,
      [this.k(`perf:rows:${s}`), this.k(`perf:counts:${s}`), this.k("perf:windows")],
      [member, rowsJson, count, s, String(ttlMs), String(from)],
    );
  }

  /** Starts of windows with labelled rows up to `until`, oldest first; those before `expired` are forgotten. */
  async rowWindows(until: number, expired: number): Promise<number[]> {
    await this.run(() => this.client.zRemRangeByScore(this.k("perf:windows"), "-inf", `(${expired}`));
    const r = await this.run(() => this.client.zRangeByScore(this.k("perf:windows"), "-inf", until));
    return r.map(Number);
  }

  /** Each member's row count of window `start` (small: read every round to see whether the window changed). */
  async rowCounts(start: number): Promise<Map<string, string>> {
    return new Map(Object.entries(await this.run(() => this.client.hGetAll(this.k(`perf:counts:${start}`)))));
  }

  /** The pieces of the members' labelled rows of window `start` (JSON texts, each naming its member), any order. */
  async rows(start: number): Promise<string[]> {
    return this.run(() => this.client.hVals(this.k(`perf:rows:${start}`)));
  }

  /** Leader: the merged performance view, with the alert state and entries of a breach when one was decided. */
  async performanceVerdict(lease: string, viewJson: string, alertJson: string | null, entries: string[]) {
    await this.evalScript(
      PERFORMANCE_VERDICT,
      [this.k("lease"), this.k("perf:view"), this.k("alert"), this.k("outbox")],
      [lease, viewJson, alertJson ?? "", ...entries],
    );
  }

  /** Leader: replaces the fleet's alert record and appends `entries` to the shared outbox, in one fenced step. */
  async updateAlert(lease: string, alertJson: string, entries: string[]): Promise<void> {
    await this.evalScript(
      FENCE +
        `redis.call('SET', KEYS[2], ARGV[2]) for i = 3, #ARGV do redis.call('RPUSH', KEYS[3], ARGV[i]) end return 1`,
      [this.k("lease"), this.k("alert"), this.k("outbox")],
      [lease, alertJson, ...entries],
    );
  }

  /** The leader's last merged performance view (JSON text), or null. */
  performanceView(): Promise<string | null> {
    return this.run(() => this.client.get(this.k("perf:view")));
  }

  /** The fleet's reference plan (JSON text), or null before a leader wrote one. */
  referencePlan(): Promise<string | null> {
    return this.run(() => this.client.get(this.k("reference")));
  }

  /**
   * Any member: puts back the plan it holds when Redis has none (a Redis restarted empty). Not fenced: the plan is the
   * fleet's, not the leader's, and SET NX leaves one another member put back first. True when this one was set.
   */
  async restoreReferencePlan(planJson: string): Promise<boolean> {
    return (await this.run(() => this.client.set(this.k("reference"), planJson, { NX: true }))) === "OK";
  }

  /** The oldest window start with partials not finalized (or dropped) yet, or null. */
  async oldestWindow(): Promise<number | null> {
    const r = await this.run(() => this.client.zRange(this.k("windows"), 0, 0));
    return r.length > 0 ? Number(r[0]) : null;
  }

  /** Leader: replaces the fleet's reference plan, fenced by its lease. */
  async setReferencePlan(lease: string, planJson: string): Promise<void> {
    await this.evalScript(
      FENCE + `redis.call('SET', KEYS[2], ARGV[2]) return 1`,
      [this.k("lease"), this.k("reference")],
      [lease, planJson],
    );
  }

  /** What a sent alert returned (null: sent without a result), or undefined when it is not recorded as sent. */
  async sentResult(id: string): Promise<unknown> {
    const v = await this.run(() => this.client.get(this.k(`sent:${id}`)));
    return v === null ? undefined : (JSON.parse(v) as unknown);
  }
}
