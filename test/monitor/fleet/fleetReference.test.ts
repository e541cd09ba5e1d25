// The fleet's reference plan (monitor/fleet/fleetReference.ts) against a real redis-server and a directory registry,
// without monitors: what a leader writes, what members take from it, and what they do when it or a version is bad.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "redis";
import { FleetReference } from "../../../monitor/fleet/fleetReference.js";
import { FencedError, FleetStore } from "../../../monitor/fleet/fleetStore.js";
import { ProductionReference } from "../../../monitor/reference/ProductionReference.js";
import type { JudgedReference } from "../../../monitor/windows/driftMonitor.js";
import { DirectoryModelRegistry } from "../../../src/registry/DirectoryModelRegistry.js";
import { buildProfile } from "../../../src/profile/buildProfile.js";
import { writeProfile } from "../../../src/profile/profileFile.js";
import { runCli } from "../../helpers/cli.js";
import { normals } from "../../helpers/random.js";
import { startRedisServer, type RedisServer } from "../../helpers/redisServer.js";
import { numericColumn, table } from "../../helpers/tables.js";
import { manualClock, waitFor } from "../monitorFixtures.js";

const MODEL = "fixtures/models/breast_cancer_columns.onnx";
const T0 = Date.parse("2026-03-01T00:00:00.000Z");
const MINUTE = 60_000;
const work = mkdtempSync(join(tmpdir(), "mg-fleet-reference-"));
let redis: RedisServer;
before(async () => {
  redis = await startRedisServer();
});
after(async () => {
  await redis.stop();
  rmSync(work, { recursive: true, force: true });
});

async function promote(registry: string, seed: number): Promise<void> {
  const path = join(work, `profile-${seed}.json`);
  writeProfile(
    path,
    buildProfile(table([numericColumn("x", normals(500, seed), "number")]), { createdAt: "2026-01-01" }),
  );
  const r = await runCli("promote", "--name", "fraud", "--model", MODEL, "--profile", path, "--registry", registry);
  assert.equal(r.code, 0, r.stderr);
}

/** A member's plan reader: its own store, registry reader and state directory, on the test's clock. */
async function member(name: string, registry: string, clock: ReturnType<typeof manualClock>) {
  const store = new FleetStore(
    { redisUrl: redis.url, passwordEnv: null, keyPrefix: "ref-a:", member: name, leaseMs: 3000, graceMs: 10_000 },
    {},
    clock.now,
  );
  const errors: string[] = [];
  const reference = new FleetReference({
    production: new ProductionReference("fraud", new DirectoryModelRegistry(registry), mkdtempSync(join(work, name))),
    store,
    durationMs: MINUTE,
    periodMs: 1000,
    graceMs: 10_000,
    now: clock.now,
    log: {
      info: () => {},
      warn: () => {},
      error: (o: object, m: string) => void errors.push(`${m} ${JSON.stringify(o)}`),
    },
  });
  const started = await reference.start(new FleetStore(store.fleet, {}, clock.now));
  await store.connect();
  await waitFor("Redis to answer", () => store.down === null);
  // What a monitor's judgedReference gives when the features match; its fields are not read here.
  reference.attach(
    (v) =>
      ({
        version: `v${v.version}`,
        label: `v${v.version}`,
        samples: new Map(),
        prediction: null,
        ranges: [],
      }) as JudgedReference,
  );
  return { store, reference, errors, started };
}

async function redisCommand(...args: string[]): Promise<unknown> {
  const c = createClient({ url: redis.url });
  await c.connect();
  try {
    return await c.sendCommand(args);
  } finally {
    c.destroy();
  }
}

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
