// Realized performance in fleet mode: a member publishes the labelled rows a closed window gained since its last
// publish, not the window's whole rows each time labels come (which wrote O(rows x label batches) to Redis). Two
// in-process members on a manual clock and a real redis-server; what Redis receives is read from its INFO counters.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { pino } from "pino";
import { resolveMonitorConfig, type MonitorConfig } from "../../../monitor/config/monitorConfig.js";
import { startMonitor, type RunningMonitor } from "../../../monitor/startMonitor.js";
import { normals, rng } from "../../helpers/random.js";
import { startRedisServer, type RedisServer } from "../../helpers/redisServer.js";
import { crashImage, manualClock, setupMonitor } from "../monitorFixtures.js";
import { redisCommand } from "./planMembers.js";

const T0 = Date.parse("2026-03-01T00:00:00.000Z");
const PRODUCTION_METRICS = new URL("../../../fixtures/report/metrics.json", import.meta.url);
const PREFIX = "fleet-rows-pieces:";
const EVENTS = 4000;
const BATCHES = 20;
const quiet = pino({ level: "silent" });

let redis: RedisServer;
before(async () => {
  redis = await startRedisServer();
});
after(() => redis.stop());

function memberConfig(member: string): MonitorConfig {
  const base = {
    window: { duration: "1m", time: "processing" },
    labels: { max_delay: "1h" },
    performance: { accuracy: { max_drop: 0.05 } },
    performance_policy: { min_rows: 100 },
    reference_metrics: "metrics.json",
  };
  const { dir } = setupMonitor(base);
  copyFileSync(PRODUCTION_METRICS, join(dir, "metrics.json"));
  return resolveMonitorConfig(
    {
      model: "fraud",
      reference: "profile.json",
      state: "state",
      ...base,
      fleet: { redis: redis.url, member, key_prefix: PREFIX, lease: "3s", grace: "10s" },
    },
    join(dir, "monitor.yml"),
  );
}

function start(c: MonitorConfig, clock: ReturnType<typeof manualClock>): Promise<RunningMonitor> {
  return startMonitor(c, { env: {}, logger: quiet, port: 0, now: clock.now, tickIntervalMs: 0, fleetRoundMs: 0 });
}

async function post(url: string, path: string, lines: string[]) {
  const r = await fetch(`${url}${path}`, { method: "POST", body: lines.join("\n") });
  assert.equal(r.status, 202, await r.text());
}

const bytesIn = async () =>
  Number(/total_net_input_bytes:(\d+)/.exec((await redisCommand(redis.url, "INFO", "stats")) as string)![1]);

test("a member publishes only the labelled rows a closed window gained: the bytes Redis receives per round stay flat as labels come, not growing with the window's rows; the leader merges the pieces into every row once, across a member's restart", async (t) => {
  const clock = manualClock(T0);
  const configs = [memberConfig("m1"), memberConfig("m2")];
  const ms = [await start(configs[0]!, clock), await start(configs[1]!, clock)];
  /** Bytes Redis received during each second's fleet rounds (the label rounds, which join pairs, are not counted). */
  const perRound: number[] = [];
  const step = async (seconds = 1) => {
    for (let s = 0; s < seconds; s++) {
      clock.advance(1000);
      for (const m of ms) await m.tick();
      for (const m of ms) await m.labelFleet!.round();
      const before = await bytesIn();
      for (const m of ms) await m.fleet!.round();
      perRound.push((await bytesIn()) - before);
    }
  };
  try {
    // Window 0: EVENTS events, half to each member, with the model's probability and class.
    const xs = normals(EVENTS, 31);
    const u = rng(32);
    const ids = xs.map((_, i) => `e${i}`);
    const prediction = xs.map((x) => (x > 0 ? 1 : 0));
    const lines = xs.map((x, i) =>
      JSON.stringify({
        id: ids[i],
        features: { x, y: 10 + 2 * x, plan: ["basic", "pro", "team"][i % 3] },
        prediction: prediction[i],
        probability: 1 / (1 + Math.exp(-3 * x)),
      }),
    );
    clock.set(T0 + 1000);
    await post(ms[0]!.url, "/v1/events", lines.slice(0, EVENTS / 2));
    await post(ms[1]!.url, "/v1/events", lines.slice(EVENTS / 2));
    clock.set(T0 + 60_000);
    await step(15); // window 0 closed and merged (its end + 10 s grace)

    // Its labels come in BATCHES batches, one a second, each to the member of its events.
    const labels = prediction.map((p) => (u() < 0.9 ? p : 1 - p));
    const per = EVENTS / BATCHES;
    const labelRounds: number[] = [];
    for (let b = 0; b < BATCHES; b++) {
      const batch = ids
        .slice(b * per, (b + 1) * per)
        .map((id, i) => JSON.stringify({ id, label: labels[b * per + i] }));
      // Half the batches to each member (each label where its event is), so both members' rows grow.
      await post(ms[b * per < EVENTS / 2 ? 0 : 1]!.url, "/v1/labels", batch);
      if (b === BATCHES / 2 + 2) {
        // m2 restarts from what its state directory holds (a kill -9): it publishes its rows whole again, once.
        const image = crashImage(configs[1]!);
        await ms[1]!.shutdown();
        ms[1] = await start(image, clock);
      }
      await step();
      labelRounds.push(perRound.at(-1)!);
    }
    await step(3);

    // Every member shows the leader's merged window: every labelled row, once.
    for (const m of ms) {
      const body = (await (await fetch(`${m.url}/v1/performance?limit=5`)).json()) as {
        windows: { window: number; labelled_rows: number; rows?: number; judged: boolean }[];
      };
      const w = body.windows.find((x) => x.window === T0 / 60_000);
      assert.ok(w, JSON.stringify(body));
      assert.equal(w.labelled_rows, EVENTS);
      assert.equal(w.rows, EVENTS);
      assert.ok(w.judged);
    }

    // What the members wrote per round while the labels came: each round a batch (200 rows), never the window's rows
    // so far (the window's rows grow 20-fold over these rounds). The round after m2's restart writes m2's rows whole
    // (its first publish after it), the round before it lost the batch the restart came in the middle of.
    const restart = BATCHES / 2 + 2;
    const pieces = labelRounds.filter((_, b) => b < restart - 1 || b > restart);
    const first = pieces[0]!;
    const last = pieces.at(-1)!;
    t.diagnostic(
      `bytes into Redis per round while labels came (${per} rows a round, ${EVENTS} in the window): ${labelRounds.join(" ")}; total ${labelRounds.reduce((a, b) => a + b, 0)}`,
    );
    assert.ok(last < 1.5 * first, `flat: the last piece's round ${last} B vs the first's ${first} B`);
    assert.ok(labelRounds[restart]! > 2 * first, "a restarted member publishes its rows whole once");
  } finally {
    for (const m of ms) await m.shutdown();
  }
});
