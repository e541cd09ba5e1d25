// The fleet's reference plan (monitor/fleet/fleetReference.ts) kept bounded without losing a switch a window waiting
// needs, and kept across a Redis restarted empty: real redis-server, a directory registry, no monitors.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MAX_SWITCHES } from "../../../monitor/fleet/fleetReference.js";
import { FleetStore, type PartialRecord } from "../../../monitor/fleet/fleetStore.js";
import { runCli } from "../../helpers/cli.js";
import { startRedisServer, type RedisServer } from "../../helpers/redisServer.js";
import { manualClock } from "../monitorFixtures.js";
import {
  MINUTE,
  planMember,
  promote as promoteVersion,
  redisCommand as redisCommandAt,
  type Clock,
  type PlanMember,
} from "./planMembers.js";

const T0 = Date.parse("2026-03-01T00:00:00.000Z");
const work = mkdtempSync(join(tmpdir(), "mg-fleet-plan-"));
let redis: RedisServer;
before(async () => {
  redis = await startRedisServer();
});
after(async () => {
  await redis.stop();
  rmSync(work, { recursive: true, force: true });
});

const promote = (registry: string, seed: number) => promoteVersion(work, registry, seed);

async function rollback(registry: string, version: number): Promise<void> {
  const r = await runCli(
    "registry",
    "set-production",
    `fraud@v${version}`,
    "--reason",
    "rollback",
    "--registry",
    registry,
  );
  assert.equal(r.code, 0, r.stderr);
}

const member = (
  name: string,
  registry: string,
  clock: Clock,
  prefix: string,
  otherFeatures = new Set<number>(),
  openAheadMs = 0,
) => planMember(name, { redisUrl: redis.url, work, registry, clock, prefix, otherFeatures, openAheadMs });
const redisCommand = (...args: string[]) => redisCommandAt(redis.url, ...args);

async function planOf(m: { store: FleetStore }): Promise<{ version: number; from: number }[]> {
  const text = await m.store.referencePlan();
  assert.ok(text !== null, "the fleet has a plan");
  return (JSON.parse(text) as { switches: { version: number; from: number }[] }).switches.map(({ version, from }) => ({
    version,
    from,
  }));
}

/** Rounds of a leader with no plan: it waits for one to be put back, then writes its own. */
async function firstPlan(m: PlanMember, lease: string): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await m.reference.follow(lease);
    assert.equal(await m.store.referencePlan(), null, `round ${i + 1}: the leader waits for a plan to be put back`);
  }
  await m.reference.follow(lease);
}

test("production promoted 9 times (and rolled back) before its first switch opens: one switch pending, replaced each time, and the window open keeps v1 on every member, round after round", async () => {
  const registry = join(work, "registry-flap");
  await promote(registry, 1);
  const clock = manualClock(T0 + 5000);
  const a = await member("a", registry, clock, "flap:");
  const b = await member("b", registry, clock, "flap:");
  try {
    const lease = (await a.store.lease(null, "a"))!;
    await firstPlan(a, lease);
    await b.reference.follow(null);
    assert.equal(a.reference.versionAt(T0), "v1");
    // 9 promotions 2 s apart while the window T0..T0+1min is open: each replaces the one pending at 00:01.
    for (let i = 2; i <= 10; i++) {
      await promote(registry, i);
      clock.advance(2000);
      await a.store.lease(lease, "a");
      assert.equal(await a.reference.poll(lease), `v${i}`);
      await a.reference.follow(lease);
      assert.deepEqual(
        (await planOf(a)).map((s) => s.version),
        [1, i],
        `after v${i}: v1 and the one switch pending`,
      );
    }
    const plan = await planOf(a);
    assert.equal(plan[1]!.from, T0 + MINUTE);
    await b.reference.follow(null);
    for (const m of [a, b]) {
      assert.equal(m.reference.versionAt(T0), "v1");
      assert.equal(m.reference.at(T0)?.version, "v1");
      assert.equal(m.reference.versionAt(T0 + MINUTE), "v10");
    }
    // Rolled back to v1 before the switch opened: the switch is cancelled.
    await rollback(registry, 1);
    clock.advance(2000);
    assert.equal(await a.reference.poll(lease), "v1");
    assert.deepEqual(
      (await planOf(a)).map((s) => s.version),
      [1],
    );
    for (let k = 0; k < 3; k++) {
      clock.advance(10 * MINUTE);
      for (const m of [a, b]) {
        await m.reference.follow(m === a ? lease : null);
        assert.equal(m.reference.versionAt(T0), "v1", `round ${k}: never without a version`);
        assert.equal(m.reference.at(T0)?.version, "v1");
      }
    }
  } finally {
    await a.store.close();
    await b.store.close();
  }
});

test("switches that open one after another: the old ones go once no window waiting needs them; a window held unfinalized keeps its switch up to the hard cap, then the plan's first switch covers it", async () => {
  const registry = join(work, "registry-many");
  await promote(registry, 1);
  const clock = manualClock(T0 + 5000);
  const a = await member("a", registry, clock, "many:");
  try {
    const lease = (await a.store.lease(null, "a"))!;
    await firstPlan(a, lease);
    // Nothing waits in Redis: each switch opens (3 minutes on), then the one before it is not needed.
    for (let i = 2; i <= 4; i++) {
      await promote(registry, i);
      clock.advance(3 * MINUTE);
      await a.store.lease(lease, "a");
      await a.reference.poll(lease);
    }
    assert.deepEqual(
      (await planOf(a)).map((s) => s.version),
      [3, 4],
    );

    // A window at W stays unfinalized (a partial in Redis, its leader gone): every switch since is kept for it.
    const w = Math.floor(clock.now() / MINUTE) * MINUTE;
    const rec: PartialRecord = { member: "z", final: false, published_at: clock.now(), window: {} };
    assert.ok(await a.store.publish(w, rec, 3_600_000));
    assert.equal(a.reference.versionAt(w), "v3", "v4 is from the next window on");
    for (let i = 5; i < 5 + MAX_SWITCHES - 2; i++) {
      await promote(registry, i);
      clock.advance(3 * MINUTE);
      await a.store.lease(lease, "a");
      await a.reference.poll(lease);
      assert.equal(a.reference.versionAt(w), "v3", `after v${i}`);
    }
    assert.equal((await planOf(a)).length, MAX_SWITCHES);
    assert.equal((await planOf(a))[0]!.version, 3, "v3 is kept: the window waiting needs it");
    // One more: the cap drops v3; the window is judged against the first switch kept, never left without one.
    await promote(registry, 5 + MAX_SWITCHES - 2);
    clock.advance(3 * MINUTE);
    await a.store.lease(lease, "a");
    await a.reference.poll(lease);
    const plan = await planOf(a);
    assert.equal(plan.length, MAX_SWITCHES);
    assert.equal(plan[0]!.version, 4);
    assert.ok(plan[0]!.from > w);
    assert.equal(a.reference.versionAt(w), `v${plan[0]!.version}`);
    assert.equal(a.reference.at(w)?.version, `v${plan[0]!.version}`);
  } finally {
    await a.store.close();
  }
});

test("Redis restarted empty while a member that started during the outage leads: it waits and takes the plan another member puts back (windows before the switch stay v1); alone, it writes its version from a boundary ahead", async () => {
  const registry = join(work, "registry-restart");
  await promote(registry, 1);
  const clock = manualClock(T0 + 5000);
  const a = await member("a", registry, clock, "restart:");
  try {
    let lease = (await a.store.lease(null, "a"))!;
    await firstPlan(a, lease);
    await promote(registry, 2);
    clock.set(T0 + 50_000);
    assert.equal(await a.reference.poll(lease), "v2");
    const good = await a.store.referencePlan();
    assert.deepEqual(
      (await planOf(a)).map((s) => [s.version, s.from]),
      [
        [1, T0 + MINUTE],
        [2, T0 + 2 * MINUTE],
      ],
    );

    // Redis comes back empty; b starts now with no plan, on production (v2), and takes the lease.
    await redisCommand("FLUSHALL");
    const b = await member("b", registry, clock, "restart:");
    try {
      assert.equal(b.started.version, 2);
      const bLease = (await b.store.lease(null, "b"))!;
      await b.reference.follow(bLease);
      assert.equal(await b.store.referencePlan(), null, "a leader with no plan does not write one at once");
      assert.equal(b.reference.versionAt(T0 + MINUTE), null, "nor judges");
      // a, not leading, puts back the plan it holds.
      await a.reference.follow(null);
      assert.equal(await a.store.referencePlan(), good);
      await b.reference.follow(bLease);
      assert.equal(b.reference.versionAt(T0 + MINUTE), "v1", "windows before the switch are v1, as measured");
      assert.equal(b.reference.versionAt(T0 + 2 * MINUTE), "v2");
      // Put back only when Redis has none: a's copy does not overwrite the plan there.
      assert.equal(await a.store.restoreReferencePlan("{}"), false);
    } finally {
      await b.store.close();
    }

    // Nobody holds a plan: the leader writes its version after 3 rounds, from the first boundary every member reaches.
    await redisCommand("FLUSHALL");
    const c = await member("c", registry, clock, "restart-alone:");
    try {
      lease = (await c.store.lease(null, "c"))!;
      await firstPlan(c, lease);
      assert.deepEqual(await planOf(c), [{ version: 2, from: T0 + 2 * MINUTE }]);
      assert.equal(c.reference.versionAt(T0), "v2", "the first switch covers every earlier window");
    } finally {
      await c.store.close();
    }
  } finally {
    await a.store.close();
  }
});

test("a plan in Redis that does not read: logged once, and the leader writes its good plan back over it", async () => {
  const registry = join(work, "registry-bad");
  await promote(registry, 1);
  const clock = manualClock(T0 + 5000);
  const a = await member("a", registry, clock, "bad:");
  const b = await member("b", registry, clock, "bad:");
  try {
    const lease = (await a.store.lease(null, "a"))!;
    await firstPlan(a, lease);
    await b.reference.follow(null);
    const good = await a.store.referencePlan();
    await redisCommand("SET", "bad:reference", '{"switches":[{"version":0}]}');
    for (let i = 0; i < 3; i++) await b.reference.follow(null);
    assert.equal(b.errors.filter((e) => /reference plan in Redis does not read/.test(e)).length, 1, "logged once");
    assert.equal(b.reference.versionAt(T0), "v1", "b keeps its plan");
    assert.equal(await b.store.referencePlan(), '{"switches":[{"version":0}]}', "a member not leading leaves it");
    await a.reference.follow(lease);
    assert.equal(await a.store.referencePlan(), good, "the leader wrote its plan back");
    await b.reference.follow(null);
    assert.equal(b.reference.versionAt(T0), "v1");
  } finally {
    await a.store.close();
    await b.store.close();
  }
});

test("a production version whose profile has other features is not scheduled, and is logged once, not every poll", async () => {
  const registry = join(work, "registry-other");
  await promote(registry, 1);
  const clock = manualClock(T0 + 5000);
  const a = await member("a", registry, clock, "other:", new Set([2]));
  try {
    const lease = (await a.store.lease(null, "a"))!;
    await firstPlan(a, lease);
    const plan = await a.store.referencePlan();
    await promote(registry, 2);
    for (let i = 0; i < 4; i++) {
      clock.advance(1000);
      await a.store.lease(lease, "a");
      assert.equal(await a.reference.poll(lease), null);
      await a.reference.follow(lease);
    }
    assert.equal(await a.store.referencePlan(), plan, "not scheduled");
    assert.equal(a.errors.filter((e) => /has other features/.test(e)).length, 1);
  } finally {
    await a.store.close();
  }
});

test("event-time windows open up to a window ahead of the clock: a switch less than that (+ a round + grace) ahead counts as opened and is followed, not replaced", async () => {
  const registry = join(work, "registry-ahead");
  await promote(registry, 1);
  const clock = manualClock(T0 + 5000);
  const a = await member("a", registry, clock, "ahead:", new Set(), MINUTE);
  try {
    const lease = (await a.store.lease(null, "a"))!;
    await firstPlan(a, lease);
    for (let i = 2; i <= 3; i++) {
      await promote(registry, i);
      clock.advance(2000);
      await a.store.lease(lease, "a");
      assert.equal(await a.reference.poll(lease), `v${i}`);
    }
    // v2 at 00:01 may have a window opened already (an event stamped up to a window ahead): v3 follows it.
    assert.deepEqual(
      (await planOf(a)).map((s) => [s.version, s.from]),
      [
        [1, T0],
        [2, T0 + MINUTE],
        [3, T0 + 2 * MINUTE],
      ],
    );
  } finally {
    await a.store.close();
  }
});
