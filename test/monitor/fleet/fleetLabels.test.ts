// Fleet mode with labels (issue 15): a label may reach another member than its event. Three in-process members on a
// real redis-server; the test runs the label rounds itself, so every step is deterministic.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { pino } from "pino";
import { resolveMonitorConfig } from "../../../monitor/config/monitorConfig.js";
import type { JoinedRows, JoinedRowsSink } from "../../../monitor/performance/joinedRowsSink.js";
import { startMonitor, type RunningMonitor } from "../../../monitor/startMonitor.js";
import { startRedisServer, type RedisServer } from "../../helpers/redisServer.js";
import { crashImage, manualClock, setupMonitor } from "../monitorFixtures.js";

const quiet = pino({ level: "silent" });
let redis: RedisServer;
before(async () => {
  redis = await startRedisServer();
});
after(() => redis.stop());

class RecordingSink implements JoinedRowsSink {
  rows: [number, unknown, number, unknown][] = [];
  addJoined(r: JoinedRows): void {
    for (let i = 0; i < r.length; i++) this.rows.push([r.window[i]!, r.prediction[i], r.probability[i]!, r.label[i]]);
  }
}

function memberConfigs(n: number, prefix: string) {
  return Array.from({ length: n }, (_, i) => {
    const { dir } = setupMonitor();
    const raw = {
      model: "fraud",
      reference: "profile.json",
      state: "state",
      window: { duration: "1m", time: "processing" },
      labels: { max_delay: "1h" },
      fleet: { redis: redis.url, member: `m${i + 1}`, key_prefix: prefix, lease: "3s", grace: "10s" },
    };
    return resolveMonitorConfig(raw, `${dir}/monitor.yml`);
  });
}

async function start(c: ReturnType<typeof memberConfigs>[number], clock: ReturnType<typeof manualClock>) {
  const m = await startMonitor(c, {
    env: {},
    logger: quiet,
    port: 0,
    now: clock.now,
    tickIntervalMs: 0,
    fleetRoundMs: 0,
    sender: null,
  });
  const sink = new RecordingSink();
  m.monitor.labels!.setSink(sink);
  return { m, sink };
}

async function post(url: string, path: string, lines: unknown[]) {
  const r = await fetch(`${url}${path}`, { method: "POST", body: lines.map((l) => JSON.stringify(l)).join("\n") });
  assert.equal(r.status, 202, await r.text());
}

const event = (id: string, p: number) => ({
  id,
  features: { x: p, y: 10, plan: "pro" },
  prediction: p > 0.5 ? 1 : 0,
  probability: p,
});

async function labelRounds(ms: RunningMonitor[], times = 2) {
  for (let i = 0; i < times; i++) for (const m of ms) await m.labelFleet!.round();
}

test("fleet of 3: labels sent to other members than their events are joined once, by the event's member", async () => {
  const clock = manualClock();
  const cs = memberConfigs(3, "mg-labels-a:");
  const members = await Promise.all(cs.map((c) => start(c, clock)));
  const ms = members.map((x) => x.m);
  try {
    // Events e0..e8 to m1; labels to m2 and m3 (e8's label before its event, to m3); e0's label sent twice.
    await post(ms[2]!.url, "/v1/labels", [{ id: "e8", label: 1 }]);
    await labelRounds(ms);
    await post(
      ms[0]!.url,
      "/v1/events",
      Array.from({ length: 9 }, (_, i) => event(`e${i}`, i / 10)),
    );
    await post(
      ms[1]!.url,
      "/v1/labels",
      [0, 1, 2, 3].map((i) => ({ id: `e${i}`, label: i % 2 })),
    );
    await post(
      ms[2]!.url,
      "/v1/labels",
      [4, 5, 6, 0].map((i) => ({ id: `e${i}`, label: i % 2 })),
    );
    await labelRounds(ms);
    const rows = members[0]!.sink.rows.slice().sort((a, b) => (a[2] as number) - (b[2] as number));
    assert.deepEqual(
      rows.map((r) => [r[1], r[2], r[3]]),
      [0, 1, 2, 3, 4, 5, 6, 8].map((i) => [i / 10 > 0.5 ? 1 : 0, i / 10, i === 8 ? 1 : i % 2]),
    );
    assert.deepEqual(members[1]!.sink.rows, []);
    assert.deepEqual(members[2]!.sink.rows, []);
    const counts = ms.map((m) => m.monitor.labels!.counts);
    assert.equal(counts[0]!.matched, 8, "each pair counted once, by the event's member");
    assert.equal(counts[1]!.matched + counts[2]!.matched, 0);
    assert.deepEqual(
      ms.map((m) => [m.monitor.labels!.waitingEvents, m.monitor.labels!.waitingLabels]),
      [
        [1, 0], // e7 has no label
        [0, 0],
        [0, 0],
      ],
    );
    // The second label of e0 (to m3): its pair was joined already, so it is a duplicate there.
    assert.equal(counts[2]!.duplicate_labels, 1);
    // A member restarted from a crash image pushes what waits again: Redis answers the same, nothing joins twice.
    const crashed = crashImage(cs[0]!);
    await ms[0]!.shutdown();
    const again = await start(crashed, clock);
    ms[0] = again.m;
    await labelRounds(ms);
    assert.equal(again.m.monitor.labels!.counts.matched, 8);
    assert.deepEqual(again.sink.rows, []);
    await post(ms[1]!.url, "/v1/labels", [{ id: "e7", label: 1 }]);
    await labelRounds(ms);
    assert.deepEqual(
      again.sink.rows.map((r) => [r[2], r[3]]),
      [[0.7, 1]],
    );
    // Redis restarts empty (no persistence): what was pushed before is gone, so each member pushes again all that
    // waits once it is connected again; pairs still join once.
    await post(ms[0]!.url, "/v1/events", [event("r1", 0.3), event("r2", 0.9)]);
    await labelRounds(ms);
    await redis.kill();
    await post(ms[1]!.url, "/v1/labels", [{ id: "r1", label: 0 }]);
    await assert.rejects(ms[1]!.labelFleet!.round());
    await redis.restart();
    await post(ms[2]!.url, "/v1/labels", [{ id: "r2", label: 1 }]);
    for (let i = 0; i < 50 && again.sink.rows.length < 3; i++) {
      for (const m of ms) await m.labelFleet!.round().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.deepEqual(
      again.sink.rows
        .slice(1)
        .map((r) => [r[2], r[3]])
        .sort(),
      [
        [0.3, 0],
        [0.9, 1],
      ],
    );
    assert.equal(again.m.monitor.labels!.counts.matched, 11);
    assert.deepEqual(
      ms.map((m) => m.monitor.labels!.waitingLabels),
      [0, 0, 0],
    );
  } finally {
    for (const m of ms) await m.shutdown();
  }
});
