// Realized performance in fleet mode (issue 15), against a real redis-server and the fake GitHub: three in-process
// members over HTTP, labels sent to other members than their events, a member crashed (its crash image: what a kill -9
// leaves) and Redis restarted empty between events and labels. The members' rows are merged by the leader, whose
// judgment equals one monitor fed everything (1e-12) and computeMetrics on the joined rows; a breach opens one issue
// and dispatches once per fleet.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { pino } from "pino";
import { createClient } from "redis";
import { resolveMonitorConfig, type MonitorConfig } from "../../../monitor/config/monitorConfig.js";
import type { FleetConfig } from "../../../monitor/fleet/fleetConfig.js";
import type { FleetWindowReport } from "../../../monitor/fleet/fleetMember.js";
import { FencedError, FleetStore } from "../../../monitor/fleet/fleetStore.js";
import { startMonitor, type RunningMonitor } from "../../../monitor/startMonitor.js";
import type { JoinedRows, JoinedRowsSink } from "../../../monitor/performance/joinedRowsSink.js";
import { validateContract } from "../../../src/contracts/validateContract.js";
import { computeMetrics } from "../../../src/model/evaluate/metricsDocument.js";
import { labelledPredictions } from "../../../src/performance/labelledPredictions.js";
import { startFakeGitHub } from "../../fakeGithub/startFakeGitHub.js";
import { normals, rng } from "../../helpers/random.js";
import { startRedisServer, type RedisServer } from "../../helpers/redisServer.js";
import { crashImage, manualClock, setupMonitor } from "../monitorFixtures.js";

const MINUTE = 60_000;
const T0 = Date.parse("2026-03-01T00:00:00.000Z");
const TOKEN = "ghs_fleetPerformanceToken0123456789abcdef";
// fixtures/report/metrics.json: production's accuracy 0.9708, binary with classes 0/1.
const PRODUCTION_METRICS = new URL("../../../fixtures/report/metrics.json", import.meta.url);
const quiet = pino({ level: "silent" });
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

let redis: RedisServer;
before(async () => {
  redis = await startRedisServer();
});
after(() => redis.stop());

interface Window {
  lines: string[];
  ids: string[];
  prediction: number[];
  probability: number[];
}

/** n events of window k (ids `w<k>-<i>`): the reference's features, the model's probability of x and its class. */
function window(k: number, n: number, seed: number): Window {
  const xs = normals(n, seed);
  const ys = normals(n, seed + 1, 10, 2);
  const out: Window = { lines: [], ids: [], prediction: [], probability: [] };
  xs.forEach((x, i) => {
    const p = sigmoid(3 * x);
    const id = `w${k}-${i}`;
    out.ids.push(id);
    out.probability.push(p);
    out.prediction.push(p > 0.5 ? 1 : 0);
    out.lines.push(
      JSON.stringify({
        id,
        features: { x, y: ys[i], plan: ["basic", "pro", "team"][i % 3] },
        prediction: p > 0.5 ? 1 : 0,
        probability: p,
      }),
    );
  });
  return out;
}

/** Each event's label: its prediction with probability `accuracy`, else the other class. */
function labelsOf(w: Window, accuracy: number, seed: number): number[] {
  const u = rng(seed);
  return w.prediction.map((p) => (u() < accuracy ? p : 1 - p));
}

function configs(extra: Record<string, unknown>, prefix: string) {
  const base = {
    window: { duration: "1m", time: "processing" },
    labels: { max_delay: "1h" },
    performance: { accuracy: { max_drop: 0.05 }, roc_auc: { min: 0.5 } },
    performance_policy: { min_rows: 100 },
    reference_metrics: "metrics.json",
    ...extra,
  };
  const one = setupMonitor(base);
  copyFileSync(PRODUCTION_METRICS, join(one.dir, "metrics.json"));
  const members = [1, 2, 3].map((i) => {
    const { dir } = setupMonitor(base);
    copyFileSync(PRODUCTION_METRICS, join(dir, "metrics.json"));
    return resolveMonitorConfig(
      {
        model: "fraud",
        reference: "profile.json",
        state: "state",
        ...base,
        fleet: { redis: redis.url, member: `m${i}`, key_prefix: prefix, lease: "3s", grace: "10s" },
      },
      join(dir, "monitor.yml"),
    );
  });
  return { single: one.config, members };
}

async function post(url: string, path: string, lines: string[]) {
  const r = await fetch(`${url}${path}`, { method: "POST", body: lines.join("\n") });
  assert.equal(r.status, 202, await r.text());
}

interface PerformanceBody {
  windows: {
    window: number;
    started_at: string;
    labelled_rows: number;
    judged: boolean;
    breached: boolean;
    rows?: number;
    metrics?: Record<string, { value: number; interval: [number, number] | null }>;
  }[];
}

async function performance(m: RunningMonitor): Promise<PerformanceBody> {
  const r = await fetch(`${m.url}/v1/performance?limit=10`);
  assert.equal(r.status, 200);
  const body = (await r.json()) as PerformanceBody;
  assert.deepEqual(validateContract("monitor-performance.schema.json", body), []);
  return body;
}

test("fleet of 3: labels at other members than their events, a member crashed and Redis restarted empty in between; the leader's merged windows equal one monitor's and alert once", async () => {
  const fake = await startFakeGitHub({ token: TOKEN, repositories: ["acme/models"] });
  const { single, members } = configs(
    {
      github: { repository: "acme/models", web_url: "https://github.com" },
      alert: { consecutive: 2, cooldown: "1h", close_after_clean: 2 },
      actions: { issue: { labels: ["drift"] }, dispatch: { workflow: "retrain.yml", ref: "main" } },
    },
    "fleet-perf-a:",
  );
  const clock = manualClock(T0);
  const env = { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: fake.url };
  const start = (c: MonitorConfig, fleetMember: boolean) =>
    startMonitor(c, {
      env: fleetMember ? env : {},
      logger: quiet,
      port: 0,
      now: clock.now,
      tickIntervalMs: 0,
      fleetRoundMs: 0,
      ...(fleetMember ? {} : { sender: null }),
      github: { pacing: { retryBaseMs: 1, writeIntervalMs: 0, notifyingWriteIntervalMs: 0 }, rateLimitRetries: 0 },
    });
  const one = await start(single, false);
  const ms: RunningMonitor[] = [];
  for (const c of members) ms.push(await start(c, true));
  /** Members stopped for a while (their rounds do not run). */
  const down = new Set<RunningMonitor>();
  /** One second of a running fleet: every tick, then every member's label round and fleet round. */
  const step = async (seconds = 1) => {
    for (let s = 0; s < seconds; s++) {
      clock.advance(1000);
      for (const m of [one, ...ms]) if (!down.has(m)) await m.tick();
      const live = ms.filter((m) => !down.has(m));
      for (const m of live) await m.labelFleet!.round().catch(() => undefined);
      for (const m of live) await m.fleet!.round();
    }
  };
  /**
   * After a Redis restart the clients reconnect on their own (real time, with backoff): rounds before that find Redis
   * down, and which member leads would depend on who reconnected first. Waits for all, without moving the clock.
   */
  const reconnected = async () => {
    for (let i = 0; i < 400 && ms.some((m) => m.fleet!.status().redis !== "ok"); i++) {
      await new Promise((r) => setTimeout(r, 25));
      for (const m of ms) await m.fleet!.round();
    }
  };
  try {
    // Two windows of 300 events, in batches of 50: batch b to member b % 3 (and everything to the single monitor).
    const ws = [window(0, 300, 801), window(1, 300, 802)];
    const memberOf = new Map<string, number>();
    for (const [k, w] of ws.entries()) {
      clock.set(T0 + k * MINUTE + 1000);
      for (let b = 0; b < 6; b++) {
        const lines = w.lines.slice(b * 50, b * 50 + 50);
        await post(one.url, "/v1/events", lines);
        await post(ms[b % 3]!.url, "/v1/events", lines);
        for (const id of w.ids.slice(b * 50, b * 50 + 50)) memberOf.set(id, b % 3);
        await step();
      }
    }
    clock.set(T0 + 2 * MINUTE);
    await step(12);
    // Both windows merged by the fleet (no drift: the reference's inputs), none judged yet (no labels).
    const drift = (await (await fetch(`${ms[0]!.url}/v1/drift`)).json()) as { windows: FleetWindowReport[] };
    assert.equal(drift.windows.length, 2);
    assert.ok(drift.windows.every((w) => !w.dataset_drifted));
    assert.deepEqual((await performance(ms[1]!)).windows, []);

    // m2 crashes (kill -9: what its state directory holds now, nothing more) and restarts from that.
    const crashed = crashImage(members[1]!);
    await ms[1]!.shutdown();
    ms[1] = await start(crashed, true);
    await step(2);
    // Redis restarts empty: the waiting events pushed before are gone from it, and are pushed again.
    await redis.kill();
    await step();
    await redis.restart();
    await reconnected();
    await step(3);

    // Labels: window 0's predictions right as often as production's, window 1's 70% of the time; each batch of labels
    // goes to another member than its events.
    const labels = [labelsOf(ws[0]!, 0.97, 901), labelsOf(ws[1]!, 0.7, 902)];
    for (const [k, w] of ws.entries()) {
      const lines = w.ids.map((id, i) => JSON.stringify({ id, label: labels[k]![i] }));
      await post(one.url, "/v1/labels", lines);
      for (let b = 0; b < 6; b++) {
        const batch = lines.slice(b * 50, b * 50 + 50);
        const to = ((memberOf.get(w.ids[b * 50]!)! + 1 + (b % 2)) % 3) as 0 | 1 | 2;
        await post(ms[to]!.url, "/v1/labels", batch);
      }
      await step(3);
      if (k === 0) {
        // The leader crashes between the two windows' labels: another member leads (and judges window 1), and m1
        // comes back from its crash image a few seconds later.
        // Whoever leads now: after Redis came back empty, the first member whose round reconnected took the lease.
        const leader = ms.findIndex((m) => m.fleet!.status().leader);
        assert.ok(leader >= 0, "a member leads");
        const image = crashImage(members[leader]!);
        await ms[leader]!.shutdown();
        down.add(ms[leader]!);
        await step(4);
        assert.ok(
          ms.some((m, i) => i !== leader && m.fleet!.status().leader),
          "another member leads",
        );
        ms[leader] = await start(image, true);
        await step(2);
      }
    }
    await step(4);

    // Each pair emitted once, by its event's member.
    const matched = ms.map((m) => m.monitor.labels!.counts.matched);
    assert.equal(
      matched.reduce((a, b) => a + b, 0),
      600,
      `matched ${matched.join(", ")}`,
    );
    const mine = [0, 1, 2].map((k) => [...memberOf.values()].filter((v) => v === k).length);
    assert.deepEqual(matched, mine);

    const alone = (await performance(one)).windows.slice().reverse();
    const views = await Promise.all(ms.map((m) => performance(m)));
    // Every member shows the leader's merged view.
    assert.deepEqual(views[0]!.windows, views[1]!.windows);
    assert.deepEqual(views[0]!.windows, views[2]!.windows);
    const fleet = views[0]!.windows.slice().reverse();
    assert.equal(fleet.length, 2);
    assert.equal(alone.length, 2);
    fleet.forEach((f, i) => {
      const a = alone[i]!;
      assert.equal(f.started_at, a.started_at);
      assert.equal(f.labelled_rows, 300);
      assert.equal(f.rows, 300);
      assert.equal(f.breached, a.breached);
      assert.deepEqual(Object.keys(f.metrics!).sort(), Object.keys(a.metrics!).sort());
      // The same as scikit-learn's metric code on the joined rows (evaluate's computeMetrics, tested against it).
      const w = ws[i]!;
      const joined = labelledPredictions(
        {
          length: 300,
          label: labels[i]!.map(String),
          prediction: w.prediction.map(String),
          probability: w.probability,
        },
        { task: "binary", classes: ["0", "1"], positiveLabel: "1" },
      )!;
      const expected = computeMetrics(joined.predictions).metrics;
      for (const [name, m] of Object.entries(f.metrics!)) {
        const b = a.metrics![name]!;
        const close = (x: number, y: number, what: string) =>
          assert.ok(Math.abs(x - y) <= 1e-12, `window ${i} ${name} ${what}: ${x} vs ${y}`);
        close(m.value, b.value, "value vs one monitor");
        close(m.value, expected[name]!, "value vs computeMetrics");
        if (b.interval) {
          close(m.interval![0], b.interval[0], "lower");
          close(m.interval![1], b.interval[1], "upper");
        } else assert.equal(m.interval, null);
      }
    });
    assert.deepEqual(
      fleet.map((f) => f.breached),
      [false, true],
    );

    // One issue and one dispatch for the fleet, reason performance, sent by the leader.
    await step(3);
    assert.equal(fake.state.issues.length, 1);
    assert.match(fake.state.issues[0]!.title, /^Model fraud: realized performance below its rule$/);
    assert.match(
      fake.state.issues[0]!.body ?? "",
      /^\*\*Realized performance\*\* of window \d+ on \d+ labelled predictions/m,
    );
    assert.equal(fake.state.workflowDispatches.length, 1);
    assert.equal(fake.state.workflowDispatches[0]!.inputs.reason, "performance");
    assert.equal(fake.state.workflowDispatches[0]!.inputs.window_start, "2026-03-01T00:01:00.000Z");
    assert.deepEqual(fake.violations, []);

    // Every member's /metrics shows the fleet's newest judged window.
    const acc = fleet[1]!.metrics!.accuracy!.value;
    for (const m of ms) {
      const text = await (await fetch(`${m.url}/metrics`)).text();
      assert.equal(Number(/^modelguard_monitor_performance\{metric="accuracy"\} (\S+)$/m.exec(text)?.[1]), acc);
      assert.match(text, /^modelguard_monitor_performance_labelled_rows 300$/m);
      assert.match(text, /^modelguard_monitor_performance_breached 1$/m);
      assert.match(text, /^modelguard_monitor_performance_breaches_total 1$/m);
    }

    // A third window, merged before its labels come: /v1/drift's merged windows say how far their labels have come.
    const w2 = window(2, 150, 803);
    clock.set(T0 + 3 * MINUTE + 1000);
    for (let b = 0; b < 3; b++) await post(ms[b]!.url, "/v1/events", w2.lines.slice(b * 50, b * 50 + 50));
    clock.set(T0 + 4 * MINUTE);
    await step(12);
    const l2 = labelsOf(w2, 0.97, 903);
    for (let b = 0; b < 3; b++)
      await post(
        ms[(b + 1) % 3]!.url,
        "/v1/labels",
        w2.ids.slice(b * 50, b * 50 + 50).map((id, i) => JSON.stringify({ id, label: l2[b * 50 + i] })),
      );
    await step(4);
    const merged = (await (await fetch(`${ms[0]!.url}/v1/drift?limit=1`)).json()) as {
      windows: (FleetWindowReport & { performance?: unknown })[];
    };
    assert.equal(merged.windows[0]!.started_at, "2026-03-01T00:03:00.000Z");
    assert.deepEqual(merged.windows[0]!.performance, { labelled_rows: 150, judged: true, breached: false });
    views[0] = await performance(ms[0]!);

    // Redis restarts empty once more, after the alert: members publish their rows again, the leader judges the same
    // windows again, and nothing is alerted twice.
    // Judged again after the restart: the same windows but for when.
    const judged = (ws: PerformanceBody["windows"]) => ws.map((w) => ({ ...w, judged_at: undefined }));
    const before = judged(views[0]!.windows);
    await redis.kill();
    await step();
    await redis.restart();
    await reconnected();
    const client = createClient({ url: redis.url });
    await client.connect();
    try {
      // The members reconnect on their own backoff (real time, up to 1 s).
      let text: string | null = null;
      for (let i = 0; i < 100 && text === null; i++) {
        await step();
        text = await client.get("fleet-perf-a:perf:view");
        if (text === null) await new Promise((r) => setTimeout(r, 20));
      }
      assert.ok(text !== null, "the leader wrote the merged view again");
      assert.deepEqual(judged((JSON.parse(text) as PerformanceBody).windows), before);
    } finally {
      client.destroy();
    }
    await step(3);
    // m1 leads now (its round runs first), not m2 that alerted: its copy of the alert record says window 1 was alerted.
    assert.equal(ms[0]!.fleet!.status().leader, true);
    assert.deepEqual(judged((await performance(ms[2]!)).windows), before);
    assert.equal(fake.state.issues.length, 1);
    assert.equal(fake.state.workflowDispatches.length, 1);
  } finally {
    for (const m of [one, ...ms]) await m.shutdown();
    await fake.close();
  }
});
class RecordingSink implements JoinedRowsSink {
  rows: [number, unknown][] = [];
  addJoined(r: JoinedRows): void {
    for (let i = 0; i < r.length; i++) this.rows.push([r.probability[i]!, r.label[i]]);
  }
}

/** Two members with a cap of 2 waiting events, on a settable clock; member 1 records the rows it emits. */
async function twoCappedMembers(prefix: string) {
  const { members } = configs({ labels: { max_delay: "1h", max_pending: 2 } }, prefix);
  const clock = manualClock(T0);
  const ms: RunningMonitor[] = [];
  for (const c of members.slice(0, 2))
    ms.push(
      await startMonitor(c, { env: {}, logger: quiet, port: 0, now: clock.now, tickIntervalMs: 0, fleetRoundMs: 0 }),
    );
  const sink = new RecordingSink();
  ms[0]!.monitor.labels!.setSink(sink);
  return { members, clock, ms, sink };
}

/** An event with a join id, whose probability tells which event a row is. */
const ev = (id: string, p: number) =>
  JSON.stringify({ id, features: { x: p, y: 10, plan: "pro" }, prediction: p > 0.5 ? 1 : 0, probability: p });

test("fleet: an event evicted by max_pending after it was pushed still joins in Redis, and its row is emitted by its member", async () => {
  const { members, clock, ms, sink } = await twoCappedMembers("fleet-perf-b:");
  const rounds = async () => {
    for (let i = 0; i < 2; i++) for (const m of ms) await m.labelFleet!.round();
  };
  try {
    await post(ms[0]!.url, "/v1/events", [ev("a", 0.1), ev("b", 0.2)]);
    await rounds();
    // "a" and "b" are in Redis now; two more events evict them here (max_pending 2).
    await post(ms[0]!.url, "/v1/events", [ev("c", 0.3), ev("d", 0.4)]);
    assert.equal(ms[0]!.monitor.labels!.counts.evicted_events, 2);
    // Their labels reach the other member; the pairs join in Redis with the pushed events.
    await post(ms[1]!.url, "/v1/labels", [
      JSON.stringify({ id: "a", label: 0 }),
      JSON.stringify({ id: "c", label: 1 }),
    ]);
    await rounds();
    assert.deepEqual(sink.rows.sort(), [
      [0.1, 0],
      [0.3, 1],
    ]);
    assert.equal(ms[0]!.monitor.labels!.counts.matched, 2);
    assert.equal(ms[1]!.monitor.labels!.waitingLabels, 0);
    // A restart from the crash image replays the same: the row is not emitted again.
    const crashed = crashImage(members[0]!);
    await ms[0]!.shutdown();
    ms[0] = await startMonitor(crashed, {
      env: {},
      logger: quiet,
      port: 0,
      now: clock.now,
      tickIntervalMs: 0,
      fleetRoundMs: 0,
    });
    const again = new RecordingSink();
    ms[0].monitor.labels!.setSink(again);
    await rounds();
    assert.deepEqual(again.rows, []);
    assert.equal(ms[0].monitor.labels!.counts.matched, 2);
  } finally {
    for (const m of ms) await m.shutdown();
  }
});

test("fleet: when the journal refuses the round that read an evicted event's pair from the inbox, the next round reads it again and the row comes", async () => {
  const { ms, sink } = await twoCappedMembers("fleet-perf-c:");
  try {
    await post(ms[0]!.url, "/v1/events", [ev("a", 0.1), ev("b", 0.2)]);
    await ms[0]!.labelFleet!.round();
    await post(ms[0]!.url, "/v1/events", [ev("c", 0.3), ev("d", 0.4)]);
    assert.equal(ms[0]!.monitor.labels!.counts.evicted_events, 2);
    await post(ms[1]!.url, "/v1/labels", [JSON.stringify({ id: "a", label: 0 })]);
    await ms[1]!.labelFleet!.round(); // joins "a" in Redis with the pushed event: member 0's inbox holds "a"
    // The journal refuses member 0's next round once (a full disk): "a" has left the inbox and no longer waits here.
    const journal = (ms[0]!.labelFleet as unknown as { o: { journal: { appendJoins: (...a: unknown[]) => unknown } } })
      .o.journal;
    const appendJoins = journal.appendJoins;
    journal.appendJoins = () => Promise.reject(new Error("ENOSPC: no space left on device"));
    await assert.rejects(ms[0]!.labelFleet!.round(), /ENOSPC/);
    journal.appendJoins = appendJoins;
    assert.deepEqual(sink.rows, []);
    await ms[0]!.labelFleet!.round();
    assert.deepEqual(sink.rows, [[0.1, 0]]);
    assert.equal(ms[0]!.monitor.labels!.counts.matched, 1);
  } finally {
    for (const m of ms) await m.shutdown();
  }
});

test("fleet store: a member's rows of a window come in pieces, and a whole publish replaces its pieces (never added twice); old windows are forgotten; the leader's performance verdict is fenced", async () => {
  const config = (member: string): FleetConfig => ({
    redisUrl: redis.url,
    passwordEnv: null,
    keyPrefix: "fleet-perf-c:",
    member,
    leaseMs: 60_000,
    graceMs: 0,
  });
  const a = new FleetStore(config("a"), {});
  const b = new FleetStore(config("b"), {});
  await a.connect();
  await b.connect();
  for (let i = 0; i < 200 && (a.down !== null || b.down !== null); i++) await new Promise((r) => setTimeout(r, 10));
  try {
    await a.publishRows(60_000, "a", '{"member":"a","from":0,"label":["1"]}', "1+0+0", 60_000, 0);
    await a.publishRows(60_000, "a", '{"member":"a","from":1,"label":["0"]}', "2+0+1", 60_000, 1);
    await b.publishRows(60_000, "b", '{"member":"b","from":0,"label":["0"]}', "1+0+0", 60_000, 0);
    // A member named like a piece's field ("1:a" is a's piece from row 1) keeps its own rows apart.
    await b.publishRows(60_000, "1:a", '{"member":"1:a","from":0,"label":["1"]}', "1+0+0", 60_000, 0);
    await a.publishRows(120_000, "a", '{"member":"a","from":0,"label":[]}', "0+1+0", 60_000, 0);
    assert.deepEqual((await a.rows(60_000)).sort(), [
      '{"member":"1:a","from":0,"label":["1"]}',
      '{"member":"a","from":0,"label":["1"]}',
      '{"member":"a","from":1,"label":["0"]}',
      '{"member":"b","from":0,"label":["0"]}',
    ]);
    assert.deepEqual([...(await a.rowCounts(60_000))].sort(), [
      ["1:a", "1+0+0"],
      ["a", "2+0+1"],
      ["b", "1+0+0"],
    ]);
    // A whole publish (after a restart or a reconnect) replaces the member's pieces, and only its own.
    await a.publishRows(60_000, "a", '{"member":"a","from":0,"label":["1","0","1"]}', "3+0+0", 60_000, 0);
    assert.deepEqual((await a.rows(60_000)).sort(), [
      '{"member":"1:a","from":0,"label":["1"]}',
      '{"member":"a","from":0,"label":["1","0","1"]}',
      '{"member":"b","from":0,"label":["0"]}',
    ]);
    assert.deepEqual(await a.rowWindows(120_000, 0), [60_000, 120_000]);
    assert.deepEqual(await a.rowWindows(60_000, 0), [60_000]);
    // Windows that started before `expired` are forgotten (their rows expire by themselves).
    assert.deepEqual(await a.rowWindows(1e12, 100_000), [120_000]);
    const lease = (await a.lease(null, "a"))!;
    await a.performanceVerdict(lease, '{"windows":[]}', '{"state":{}}', ['{"id":"p1"}']);
    assert.equal(await b.performanceView(), '{"windows":[]}');
    assert.deepEqual(await b.outbox(), ['{"id":"p1"}']);
    assert.deepEqual(await b.alertState(), { state: {} });
    // A member that does not hold the lease (a paused former leader) writes nothing.
    await assert.rejects(b.performanceVerdict(`${lease}x`, '{"windows":[1]}', null, ['{"id":"p2"}']), FencedError);
    assert.equal(await a.performanceView(), '{"windows":[]}');
    assert.deepEqual(await a.outbox(), ['{"id":"p1"}']);
  } finally {
    await a.close();
    await b.close();
  }
});
