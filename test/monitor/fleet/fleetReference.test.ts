// The fleet's reference plan (monitor/fleet/fleetReference.ts) against a real redis-server and a directory registry,
// without monitors: what a leader writes, what members take from it, and what they do when it or a version is bad.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FencedError } from "../../../monitor/fleet/fleetStore.js";
import { startRedisServer, type RedisServer } from "../../helpers/redisServer.js";
import { manualClock } from "../monitorFixtures.js";
import {
  MINUTE,
  planMember,
  promote as promoteVersion,
  redisCommand as redisCommandAt,
  type Clock,
} from "./planMembers.js";

const T0 = Date.parse("2026-03-01T00:00:00.000Z");
const work = mkdtempSync(join(tmpdir(), "mg-fleet-reference-"));
let redis: RedisServer;
before(async () => {
  redis = await startRedisServer();
});
after(async () => {
  await redis.stop();
  rmSync(work, { recursive: true, force: true });
});

const promote = (registry: string, seed: number) => promoteVersion(work, registry, seed);
const member = (name: string, registry: string, clock: Clock) =>
  planMember(name, { redisUrl: redis.url, work, registry, clock, prefix: "ref-a:" });
const redisCommand = (...args: string[]) => redisCommandAt(redis.url, ...args);

test("the leader writes the plan (first production, covering every earlier window, then each switch at a boundary ahead), fenced; members follow it, keep theirs when it does not read, wait for a version they cannot load, and a Redis restarted empty gets it back", async () => {
  const registry = join(work, "registry");
  await promote(registry, 1);
  const clock = manualClock(T0 + 5000);
  const a = await member("a", registry, clock);
  const b = await member("b", registry, clock);
  const members = [a, b];
  try {
    assert.equal(a.started.version, 1);
    const lease = (await a.store.lease(null, "a"))!;
    assert.equal(a.reference.versionAt(T0), null, "no plan yet: the leader does not judge");
    // It waits 3 rounds for a member to put the fleet's plan back, then writes its own.
    for (let i = 0; i < 4; i++) await a.reference.follow(lease);
    await b.reference.follow(null);
    assert.equal(a.reference.versionAt(T0), "v1");
    assert.equal(b.reference.versionAt(0), "v1", "the first plan covers every window");
    const first = JSON.parse((await a.store.referencePlan())!) as { switches: unknown[] };
    assert.deepEqual(first.switches, [{ version: 1, sha256: a.started.sha256, from: T0 + MINUTE }]);

    // Production moves at 00:00:50: 50 s + 3 rounds + 10 s grace is past 00:01, so the switch is at 00:02.
    await promote(registry, 2);
    clock.set(T0 + 50_000);
    assert.equal(await b.reference.poll(null), null, "a member that does not lead schedules nothing");
    assert.equal(await a.reference.poll(lease), "v2");
    assert.equal(await a.reference.poll(lease), null);
    await b.reference.follow(null);
    for (const m of members) {
      assert.equal(m.reference.versionAt(T0 + 2 * MINUTE - 1), "v1");
      assert.equal(m.reference.versionAt(T0 + 2 * MINUTE), "v2");
      assert.equal(m.reference.at(T0 + 3 * MINUTE)?.version, "v2");
    }

    // Only the lease holder writes it.
    await assert.rejects(a.store.setReferencePlan("1:someone-else", "{}"), FencedError);

    // A plan that does not read is logged and ignored: the member keeps the one it has.
    const good = (await a.store.referencePlan())!;
    assert.equal(b.reference.versionAt(T0 + MINUTE), "v1");
    await redisCommand("SET", "ref-a:reference", '{"switches":[{"version":0}]}');
    await b.reference.follow(null);
    assert.equal(b.reference.versionAt(T0 + 2 * MINUTE), "v2");
    assert.match(b.errors.join("\n"), /reference plan in Redis does not read.*switches\[0\]\.version/);
    await redisCommand("SET", "ref-a:reference", good);

    // A member cannot start without its reference: neither the plan's versions nor production load (no registry).
    renameSync(registry, `${registry}.gone`);
    try {
      await assert.rejects(member("c", registry, clock));
    } finally {
      renameSync(`${registry}.gone`, registry);
    }

    // A plan naming a profile the registry does not have (another sha256): not loaded, its windows wait.
    const plan = JSON.parse(good) as { switches: { version: number; sha256: string; from: number }[] };
    plan.switches[1]!.sha256 = "0".repeat(64);
    await a.store.setReferencePlan(lease, JSON.stringify(plan));
    const f = await member("f", registry, clock);
    members.push(f);
    assert.equal(f.reference.versionAt(T0 + MINUTE), "v1");
    assert.equal(f.reference.versionAt(T0 + 2 * MINUTE), null, "waits: v2 is not the profile the plan names");
    assert.equal(f.reference.at(T0 + 2 * MINUTE)?.version, "v1", "measured against the last version it has");
    assert.match(f.errors.join("\n"), /cannot load the version the fleet's plan names.*has sha256/);
    await a.store.setReferencePlan(lease, good);
    clock.advance(1000); // its backoff
    await f.reference.follow(null);
    assert.equal(f.reference.versionAt(T0 + 2 * MINUTE), "v2");

    // A member starting after the switch starts on the plan's version for the window open now.
    clock.set(T0 + 2 * MINUTE + 5000);
    const g = await member("g", registry, clock);
    members.push(g);
    assert.equal(g.started.version, 2);
    assert.equal(g.reference.versionAt(T0), "v1");

    // Redis restarted empty: a member puts back the plan it knows (not production for every window), leading or not.
    await redisCommand("FLUSHALL");
    await a.reference.follow(null);
    assert.equal(await a.store.referencePlan(), good);
  } finally {
    for (const m of members) await m.store.close();
  }
});
