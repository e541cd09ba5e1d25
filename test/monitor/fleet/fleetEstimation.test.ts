// Estimated performance in fleet mode, against a real redis-server: the members' CBPE sketches travel in their
// partials and the leader's merged window estimates over the whole fleet's events, equal (1e-12) to one monitor fed
// all the traffic, rule verdict included.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { resolveMonitorConfig, type MonitorConfig } from "../../../monitor/config/monitorConfig.js";
import type { FleetWindowReport } from "../../../monitor/fleet/fleetMember.js";
import { startMonitor, type RunningMonitor } from "../../../monitor/startMonitor.js";
import { buildCbpeCalibration } from "../../../src/performance/cbpe/buildCbpeCalibration.js";
import { writeCalibration } from "../../../src/performance/cbpe/calibrationFile.js";
import { normals, rng } from "../../helpers/random.js";
import { startRedisServer, type RedisServer } from "../../helpers/redisServer.js";
import { manualClock, postEvents, setupMonitor } from "../monitorFixtures.js";

const MINUTE = 60_000;
const quiet = pino({ level: "silent" });
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const work = mkdtempSync(join(tmpdir(), "mg-fleet-estimation-"));
let redis: RedisServer;
before(async () => {
  redis = await startRedisServer();
});
after(() => {
  redis.stop();
  rmSync(work, { recursive: true, force: true });
});

/** The calibration of a model scoring sigmoid(4x + 0.3) where y ~ Bernoulli(sigmoid(2x)), from 20,000 rows. */
function calibrationFile(): string {
  const x = normals(20_000, 61);
  const u = rng(62);
  const score = Float64Array.from(x, (v) => sigmoid(4 * v + 0.3));
  const c = buildCbpeCalibration(
    {
      score,
      yTrue: Uint8Array.from(x, (v) => (u() < sigmoid(2 * v) ? 1 : 0)),
      yPred: Uint8Array.from(score, (s) => (s > 0.5 ? 1 : 0)),
    },
    { positiveClass: "1", negativeClass: "0", path: "preds.csv", sha256: "0".repeat(64) },
  );
  const path = join(work, "calibration.json");
  writeCalibration(path, c);
  return path;
}

/** n events: the features of the monitor fixtures' profile, and the model's probability of x (shifted by `mean`). */
function traffic(n: number, seed: number, mean: number, sd = 1): string[] {
  const xs = normals(n, seed, mean, sd);
  const ys = normals(n, seed + 1, 10, 2);
  return xs.map((x, i) => {
    const p = sigmoid(4 * x + 0.3);
    return JSON.stringify({
      features: { x, y: ys[i], plan: ["basic", "pro", "team"][i % 3] },
      probability: p,
      prediction: p > 0.5 ? 1 : 0,
    });
  });
}

test("fleet: 3 members' merged windows have the estimated performance one monitor fed all the traffic has (1e-12)", async () => {
  const calibration = calibrationFile();
  const base = {
    window: { duration: "1m", time: "processing" },
    estimation: { calibration, rules: { accuracy: { max_drop: 0.02 } } },
  };
  const single = setupMonitor(base).config;
  const members: MonitorConfig[] = [1, 2, 3].map((i) => {
    const { dir } = setupMonitor(base);
    return resolveMonitorConfig(
      {
        model: "fraud",
        reference: "profile.json",
        state: "state",
        ...base,
        fleet: { redis: redis.url, member: `m${i}`, key_prefix: "fleet-est:", lease: "3s", grace: "10s" },
      },
      join(dir, "monitor.yml"),
    );
  });
  const clock = manualClock();
  const start = (c: MonitorConfig) =>
    startMonitor(c, {
      env: {},
      logger: quiet,
      port: 0,
      now: clock.now,
      tickIntervalMs: 0,
      fleetRoundMs: 0,
      sender: null,
    });
  const one = await start(single);
  const ms: RunningMonitor[] = [];
  for (const c of members) ms.push(await start(c));
  const step = async () => {
    clock.advance(1000);
    for (const m of [one, ...ms]) await m.tick();
    for (const m of ms) await m.fleet!.round();
  };
  try {
    // Window 0: inputs as in the reference; window 1: near the decision boundary, where accuracy falls.
    for (let w = 0; w < 2; w++) {
      clock.set(Date.parse("2026-03-01T00:00:00.000Z") + w * MINUTE);
      const lines = w === 0 ? traffic(3000, 70, 0) : traffic(3000, 71, -0.075, 0.3);
      for (let b = 0; b < 30; b++) {
        const body = lines.slice(b * 100, b * 100 + 100).join("\n");
        assert.equal((await postEvents(one.url, body)).status, 202);
        assert.equal((await postEvents(ms[b % 3]!.url, body)).status, 202);
        await step();
      }
    }
    clock.set(Date.parse("2026-03-01T00:02:00.000Z"));
    for (let i = 0; i < 11; i++) await step();
    const r = await fetch(`${ms[2]!.url}/v1/drift?limit=10`);
    const fleet = ((await r.json()) as { windows: FleetWindowReport[] }).windows.reverse();
    const alone = one.monitor.recent;
    assert.equal(fleet.length, 2);
    fleet.forEach((f, i) => {
      const a = alone[i]!.estimated_performance!;
      const b = f.estimated_performance!;
      assert.deepEqual(f.fleet.members, ["m1", "m2", "m3"]);
      assert.equal(b.rows, 3000);
      assert.equal(b.breached, a.breached);
      a.metrics.forEach((m, k) => {
        const g = b.metrics[k]!;
        assert.equal(g.metric, m.metric);
        for (const key of ["value", "lower", "upper"] as const)
          assert.ok(Math.abs(m[key]! - g[key]!) <= 1e-12, `window ${i} ${m.metric} ${key}: ${m[key]} vs ${g[key]}`);
      });
    });
    assert.deepEqual(
      fleet.map((f) => f.estimated_performance!.breached),
      [false, true],
    );
  } finally {
    for (const m of [one, ...ms]) await m.shutdown();
  }
});
