// The leader's pass over the fleet's shared outbox against a real redis-server, driven step by step: a refused
// dispatch whose send outlasted the lease is still sent once later (its claim given back), and the outbox gauges count
// every entry whatever stopped the sending (found by review R5).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Registry } from "prom-client";
import type { MonitorConfig } from "../../../monitor/config/monitorConfig.js";
import { parkable, type OutboxEntry } from "../../../monitor/alerts/outbox.js";
import type { FleetConfig } from "../../../monitor/fleet/fleetConfig.js";
import { FleetMember, type FleetMemberOptions } from "../../../monitor/fleet/fleetMember.js";
import { FleetMetrics } from "../../../monitor/fleet/fleetMetrics.js";
import { FleetStore } from "../../../monitor/fleet/fleetStore.js";
import { startRedisServer, type RedisServer } from "../../helpers/redisServer.js";
import { redisCommand } from "./planMembers.js";

let redis: RedisServer;
const dirs: string[] = [];
before(async () => {
  redis = await startRedisServer();
});
after(async () => {
  await redis.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const silent = { info() {}, warn() {}, error() {}, debug() {} };

/** What these tests drive of a member directly: its lease and one pass over the shared outbox. */
interface OutboxPass {
  lease: string | null;
  sendAlerts(): Promise<void>;
}

async function leader(
  prefix: string,
  leaseMs: number,
  sender: FleetMemberOptions["sender"],
  now: () => number,
): Promise<{ member: FleetMember; pass: OutboxPass; store: FleetStore }> {
  const fleet: FleetConfig = {
    redisUrl: redis.url,
    passwordEnv: null,
    keyPrefix: prefix,
    member: "a",
    leaseMs,
    graceMs: 0,
  };
  const store = new FleetStore(fleet, {});
  await store.connect();
  for (let i = 0; i < 200 && store.down !== null; i++) await new Promise((r) => setTimeout(r, 10));
  const state = mkdtempSync(join(tmpdir(), "modelguard-fleet-outbox-"));
  dirs.push(state);
  const member = new FleetMember({
    config: { window: { durationMs: 60_000 }, state, keepWindows: 10 } as unknown as MonitorConfig,
    fleet,
    host: { layout: null, openWindows: () => [], reportOf: () => ({}) } as unknown as FleetMemberOptions["host"],
    store,
    metrics: new FleetMetrics(new Registry()),
    sender,
    now,
    log: silent,
  });
  const pass = member as unknown as OutboxPass;
  pass.lease = await store.lease(null, "a");
  return { member, pass, store };
}

const entry = (id: string, kind: OutboxEntry["kind"]): OutboxEntry => ({
  id,
  kind,
  method: "POST",
  path: "/repos/acme/models/actions/workflows/retrain.yml/dispatches",
  body: {},
  created_at: new Date().toISOString(),
});

test("a dispatch GitHub refused while the leader's lease ran out is given back and sent once later", async () => {
  const prefix = "fleet-outbox-lease:";
  const dispatch = entry("fraud:w1:dispatch", "dispatch");
  await redisCommand(redis.url, "RPUSH", `${prefix}outbox`, JSON.stringify(dispatch));
  let refuse = true;
  const dispatched: string[] = [];
  const sender: FleetMemberOptions["sender"] = async (e) => {
    if (refuse) {
      // A slow answer (GitHub, the client's pacing) longer than the 400 ms lease, then a 403.
      await new Promise((r) => setTimeout(r, 700));
      throw parkable(new Error("403 Resource not accessible by integration"));
    }
    dispatched.push(e.id);
  };
  const { pass, store } = await leader(prefix, 400, sender, Date.now);
  try {
    await pass.sendAlerts();
    // The claim made under the lapsed lease was given back: nothing holds the dispatch.
    assert.equal(await redisCommand(redis.url, "GET", `${prefix}claim:${dispatch.id}`), null);
    refuse = false;
    // Past the parked dispatch's first backoff (1 s), the member leads again, under a new lease.
    await new Promise((r) => setTimeout(r, 1100));
    pass.lease = await store.lease(null, "a");
    await pass.sendAlerts();
    assert.deepEqual(dispatched, [dispatch.id], "sent once, when GitHub accepted it");
    assert.deepEqual(await redisCommand(redis.url, "LRANGE", `${prefix}outbox`, "0", "-1"), []);
  } finally {
    await store.close();
  }
});

test("the outbox gauges count every entry of the shared outbox while GitHub fails at its head or while backing off", async () => {
  const prefix = "fleet-outbox-gauge:";
  const texts = Array.from({ length: 130 }, (_, i) => JSON.stringify(entry(`w${i}:issue.update`, "issue.update")));
  await redisCommand(redis.url, "RPUSH", `${prefix}outbox`, ...texts);
  let now = 1_000_000;
  let tried = 0;
  const sender: FleetMemberOptions["sender"] = async () => {
    tried++;
    throw new Error("502 Bad Gateway");
  };
  const { member, pass, store } = await leader(prefix, 60_000, sender, () => now);
  try {
    const seen: number[] = [];
    for (let round = 0; round < 6; round++) {
      await pass.sendAlerts();
      seen.push(member.pendingAlerts().length);
      now += 1000;
    }
    // Before: 1 after a failure at the head, the first page (100) while backing off.
    assert.deepEqual(seen, [130, 130, 130, 130, 130, 130]);
    assert.ok(tried >= 1 && tried <= 6, `the head is tried once a round at most, with a backoff: ${tried}`);
  } finally {
    await store.close();
  }
});
