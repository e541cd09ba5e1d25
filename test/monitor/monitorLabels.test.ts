// Labels that arrive later (issue 15): POST /v1/labels and the label log, joined by id with the events, over HTTP on
// loopback with the real journal on disk: labels after events, before events, across a restart and a kill -9, the cap
// and the expiry counted, and each joined pair handed to the performance sink once with its prediction's window.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pino } from "pino";
import type { MonitorConfig } from "../../monitor/config/monitorConfig.js";
import type { JoinedRows, JoinedRowsSink } from "../../monitor/performance/joinedRowsSink.js";
import { startMonitor } from "../../monitor/startMonitor.js";
import { readLabelJoinFile } from "../../monitor/labels/labelJoinFile.js";
import { crashImage, manualClock, setupMonitor } from "./monitorFixtures.js";

const silent = pino({ level: "silent" });
const HOUR = 3_600_000;

/** A sink that keeps every row it is handed, as plain tuples [window, prediction, probability, label]. */
class RecordingSink implements JoinedRowsSink {
  rows: [number, unknown, number, unknown][] = [];
  calls = 0;
  addJoined(r: JoinedRows): void {
    this.calls++;
    for (let i = 0; i < r.length; i++) this.rows.push([r.window[i]!, r.prediction[i], r.probability[i]!, r.label[i]]);
  }
}

async function start(config: MonitorConfig, now = manualClock().now, env: NodeJS.ProcessEnv = {}) {
  const m = await startMonitor(config, { env, logger: silent, port: 0, tickIntervalMs: 0, pollIntervalMs: 0, now });
  const sink = new RecordingSink();
  m.monitor.labels?.setSink(sink);
  return { m, sink };
}

function event(id: unknown, x: number, prediction: unknown, probability?: number) {
  return JSON.stringify({
    id,
    features: { x, y: 10, plan: "pro" },
    prediction,
    ...(probability !== undefined ? { probability } : {}),
  });
}

async function post(url: string, path: string, body: string, headers: Record<string, string> = {}) {
  const r = await fetch(`${url}${path}`, {
    method: "POST",
    body,
    headers: { "content-type": "application/x-ndjson", ...headers },
  });
  const text = await r.text();
  return { status: r.status, body: JSON.parse(text) as Record<string, unknown>, text, headers: r.headers };
}

async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const m = new RegExp(`^${name.replace(/[{}"=]/g, (c) => `\\${c}`)} ([0-9.e+-]+)$`, "m").exec(text);
  assert.ok(m, `${name} in /metrics`);
  return Number(m[1]);
}

const labels = (pairs: [unknown, unknown][]) => pairs.map(([id, label]) => JSON.stringify({ id, label })).join("\n");

test("labels after events: each pair joined once, with the prediction's window, probability and label", async () => {
  const { config } = setupMonitor({ window: { size: 3 }, labels: { max_delay: "1h" } });
  const { m, sink } = await start(config);
  try {
    const events = [
      event("a", 0.1, 1, 0.9),
      event(7, 0.2, 0, 0.2),
      event("c", 0.3, 1, 0.6),
      // Window 1 from here (size 3); the last one has no id and is never joined.
      JSON.stringify({ id: "d", features: { x: 1 }, prediction: "yes", probabilities: { "1": 0.7, "0": 0.3 } }),
      JSON.stringify({ features: { x: 2 }, prediction: 0 }),
    ].join("\n");
    assert.equal((await post(m.url, "/v1/events", events)).status, 202);
    assert.equal(m.monitor.labels!.waitingEvents, 4);
    // The integer id 7 and the text "7" are the same key.
    const r = await post(
      m.url,
      "/v1/labels",
      labels([
        ["7", 0],
        ["a", 1],
        ["zz", 1],
      ]),
    );
    assert.equal(r.status, 202, r.text);
    assert.deepEqual(r.body, { accepted: 3, matched: 2, waiting_labels: 1 });
    assert.deepEqual(sink.rows, [
      [0, 0, 0.2, 0],
      [0, 1, 0.9, 1],
    ]);
    // A JSON array works as well; a repeated label is a duplicate, not a second row.
    const again = await post(
      m.url,
      "/v1/labels",
      JSON.stringify([
        { id: "d", label: "no" },
        { id: "a", label: 0 },
      ]),
    );
    assert.deepEqual(again.body, { accepted: 2, matched: 1, waiting_labels: 1 });
    assert.deepEqual(sink.rows.at(-1), [1, "yes", 0.7, "no"]);
    assert.equal(sink.rows.length, 3);
    assert.equal(await metric(m.url, "modelguard_monitor_labels_matched_total"), 3);
    assert.equal(await metric(m.url, "modelguard_monitor_labels_received_total"), 5);
    assert.equal(await metric(m.url, 'modelguard_monitor_labels_duplicate_total{kind="label"}'), 1);
    assert.equal(await metric(m.url, 'modelguard_monitor_labels_waiting{kind="event"}'), 1);
    assert.equal(await metric(m.url, 'modelguard_monitor_labels_waiting{kind="label"}'), 1);
    assert.equal(await metric(m.url, "modelguard_monitor_labels_events_with_id_total"), 4);
    // Wrong ids and probabilities are counted; the events still count in their window.
    await post(
      m.url,
      "/v1/events",
      [
        event(1.5, 0, 1, 0.5),
        event("p", 0, 1, 1.5),
        JSON.stringify({ id: "q", features: {}, probabilities: [0.1] }),
      ].join("\n"),
    );
    assert.equal(await metric(m.url, "modelguard_monitor_labels_invalid_ids_total"), 1);
    assert.equal(await metric(m.url, "modelguard_monitor_labels_invalid_probabilities_total"), 2);
  } finally {
    await m.shutdown();
  }
});

test("labels before events: the label waits, and the event that comes later joins it", async () => {
  const { config } = setupMonitor({ window: { size: 100 }, labels: {} });
  const { m, sink } = await start(config);
  try {
    assert.deepEqual(
      (
        await post(
          m.url,
          "/v1/labels",
          labels([
            ["e1", 1],
            ["e2", 0],
          ]),
        )
      ).body,
      {
        accepted: 2,
        matched: 0,
        waiting_labels: 2,
      },
    );
    assert.equal((await post(m.url, "/v1/events", [event("e2", 0, 1, 0.8), event("e3", 0, 0)].join("\n"))).status, 202);
    assert.deepEqual(sink.rows, [[0, 1, 0.8, 0]]);
    assert.equal(m.monitor.labels!.waitingLabels, 1);
    assert.equal(m.monitor.labels!.waitingEvents, 1);
    // An event with an id already joined is a duplicate: counted, not joined again.
    await post(m.url, "/v1/events", event("e2", 0, 0));
    assert.equal(await metric(m.url, 'modelguard_monitor_labels_duplicate_total{kind="event"}'), 1);
    assert.equal(sink.rows.length, 1);
  } finally {
    await m.shutdown();
  }
});

test("POST /v1/labels: bad lines are a 400 naming the line, and auth, Idempotency-Key and limits are those of events", async () => {
  const { config } = setupMonitor({ labels: {}, ingest: { max_body: "2kb", token_env: "TOKEN" } });
  const { m } = await start(config, manualClock().now, { TOKEN: "s3cret" });
  const auth = { authorization: "Bearer s3cret" };
  try {
    assert.equal((await post(m.url, "/v1/labels", labels([["a", 1]]))).status, 401);
    const cases: [string, RegExp, Record<string, unknown>][] = [
      ['{"id":"a","label":1}\n{"id":"b"}', /line 2: a label needs a 'label'/, { line: 2 }],
      ['{"id":"a","label":1}\n\n{"label":1}', /line 3: a label needs an 'id'/, { line: 3 }],
      ['{"id":true,"label":1}', /line 1: 'id' must be a string of 1 to 256 UTF-8 bytes or an integer/, { line: 1 }],
      [`{"id":"${"x".repeat(257)}","label":1}`, /line 1: 'id' must be/, { line: 1 }],
      // A lone surrogate has no UTF-8 form: the join's file would give back another id, or another label.
      ['{"id":"\\ud800","label":1}', /line 1: 'id' must be .*lone surrogate/, { line: 1 }],
      ['{"id":"a","label":"x\\udfff"}', /line 1: 'label' has a lone surrogate/, { line: 1 }],
      ['{"id":"a","label":{"k":1}}', /line 1: 'label' must be a string, a finite number or a boolean/, { line: 1 }],
      ['{"id":"a","label":1,"ts":"yesterday"}', /line 1: 'ts' must be an RFC 3339 time/, { line: 1 }],
      ['{"id":"a","label":1}\n{"id":', /line 2: invalid JSON/, { line: 2 }],
      ['[{"id":"a","label":1},{"id":"b","label":null}]', /label 1 \(0-based\): 'label' must be/, { index: 1 }],
      ["   ", /empty body/, {}],
    ];
    for (const [body, message, where] of cases) {
      const r = await post(m.url, "/v1/labels", body, auth);
      assert.equal(r.status, 400, body);
      assert.match(String(r.body.error), message, body);
      for (const [k, v] of Object.entries(where)) assert.equal(r.body[k], v, body);
    }
    assert.equal(m.monitor.labels!.counts.labels, 0, "nothing of a refused batch is applied");
    const big = labels(Array.from({ length: 200 }, (_, i) => [`id-${i}`, 1]));
    assert.equal((await post(m.url, "/v1/labels", big, auth)).status, 413);
    const body = labels([
      ["k1", 1],
      ["k2", 0],
    ]);
    const first = await post(m.url, "/v1/labels", body, { ...auth, "idempotency-key": "labels-1" });
    assert.equal(first.status, 202);
    const repeat = await post(m.url, "/v1/labels", body, { ...auth, "idempotency-key": "labels-1" });
    assert.equal(repeat.status, 202);
    assert.equal(repeat.text, first.text);
    assert.equal(repeat.headers.get("idempotent-replayed"), "true");
    assert.equal(m.monitor.labels!.counts.labels, 2, "a repeated key is applied once");
    const other = await post(m.url, "/v1/labels", labels([["k3", 1]]), { ...auth, "idempotency-key": "labels-1" });
    assert.equal(other.status, 422);
    assert.equal((await fetch(`${m.url}/v1/labels`, { headers: auth })).status, 405);
  } finally {
    await m.shutdown();
  }
  // Without `labels:` nothing would join them: 404, not a silent drop.
  const plain = await start(setupMonitor().config);
  try {
    const r = await post(plain.m.url, "/v1/labels", labels([["a", 1]]));
    assert.equal(r.status, 404);
    assert.match(String(r.body.error), /labels:/);
  } finally {
    await plain.m.shutdown();
  }
});

test("bounded: past max_pending the oldest waiting event or label is dropped and counted; max_delay expires them", async () => {
  const clock = manualClock();
  const { config } = setupMonitor({ window: { size: 1000 }, labels: { max_pending: 3, max_delay: "2h" } });
  const { m, sink } = await start(config, clock.now);
  try {
    await post(m.url, "/v1/events", ["a", "b", "c", "d", "e"].map((id) => event(id, 0, 1)).join("\n"));
    assert.equal(m.monitor.labels!.waitingEvents, 3);
    assert.equal(await metric(m.url, 'modelguard_monitor_labels_evicted_total{kind="event"}'), 2);
    // a and b were dropped: their labels wait in turn (and push each other out past the cap).
    await post(
      m.url,
      "/v1/labels",
      labels([
        ["a", 1],
        ["b", 1],
        ["c", 0],
        ["x1", 1],
        ["x2", 1],
        ["x3", 1],
      ]),
    );
    assert.deepEqual(sink.rows, [[0, 1, NaN, 0]]);
    assert.equal(m.monitor.labels!.waitingLabels, 3);
    assert.equal(await metric(m.url, 'modelguard_monitor_labels_evicted_total{kind="label"}'), 2);
    // One hour on: a new event. Two hours after the first ones, they expire unmatched (on the next record or tick).
    clock.advance(HOUR);
    await post(m.url, "/v1/events", event("late", 0, 0));
    clock.advance(HOUR);
    // The next record (here the label of "late") expires what waited max_delay, before it joins.
    await post(m.url, "/v1/labels", labels([["late", 1]]));
    assert.deepEqual(sink.rows.at(-1), [0, 0, NaN, 1]);
    assert.equal(await metric(m.url, "modelguard_monitor_labels_unmatched_events_total"), 2);
    assert.equal(await metric(m.url, "modelguard_monitor_labels_unmatched_labels_total"), 3);
    assert.equal(m.monitor.labels!.waitingEvents, 0);
    assert.equal(m.monitor.labels!.waitingLabels, 0);
  } finally {
    await m.shutdown();
  }
});

test("durable: waiting events survive a restart (snapshot) and a crash (journal replay), and join afterwards", async () => {
  const { config } = setupMonitor({ window: { size: 1000 }, labels: {} });
  const clock = manualClock();
  let { m } = await start(config, clock.now);
  await post(m.url, "/v1/events", [event("s1", 0, 1, 0.75), event("s2", 0, 0, 0.25)].join("\n"));
  await post(m.url, "/v1/labels", labels([["early", 1]]));
  // A kill -9 here: the copy of the state directory has the journal and no shutdown snapshot.
  const crashed = crashImage(config);
  await post(m.url, "/v1/labels", labels([["s2", 0]]));
  await m.shutdown();

  let sink: RecordingSink;
  ({ m, sink } = await start(config, clock.now));
  try {
    assert.equal(m.monitor.labels!.waitingEvents, 1);
    assert.equal(m.monitor.labels!.counts.matched, 1);
    assert.equal((await post(m.url, "/v1/labels", labels([["s1", 1]]))).body.matched, 1);
    assert.deepEqual(sink.rows, [[0, 1, 0.75, 1]]);
    await post(m.url, "/v1/events", event("early", 0, 1));
    assert.equal(m.monitor.labels!.counts.matched, 3);
  } finally {
    await m.shutdown();
  }

  ({ m, sink } = await start(crashed, clock.now));
  try {
    assert.equal(m.monitor.labels!.waitingEvents, 2);
    assert.equal(m.monitor.labels!.waitingLabels, 1);
    await post(
      m.url,
      "/v1/labels",
      labels([
        ["s1", 1],
        ["s2", 0],
      ]),
    );
    assert.deepEqual(sink.rows, [
      [0, 1, 0.75, 1],
      [0, 0, 0.25, 0],
    ]);
  } finally {
    await m.shutdown();
  }
});

test("event-time windows: rows of a window still open are held until it closes and gets its index", async () => {
  const clock = manualClock(Date.parse("2026-03-01T00:00:30.000Z"));
  const { config } = setupMonitor({
    window: { duration: "1m", time: "event", allowed_lateness: "0s" },
    labels: {},
  });
  const { m, sink } = await start(config, clock.now);
  try {
    const at = (iso: string, id: string) =>
      JSON.stringify({ id, ts: iso, features: { x: 0, y: 10, plan: "pro" }, prediction: 1 });
    await post(m.url, "/v1/events", [at("2026-03-01T00:00:10Z", "w0"), at("2026-03-01T00:00:20Z", "w0b")].join("\n"));
    await post(m.url, "/v1/labels", labels([["w0", 1]]));
    assert.deepEqual(sink.rows, [], "window still open: no index yet");
    clock.set(Date.parse("2026-03-01T00:01:05.000Z"));
    await post(m.url, "/v1/events", at("2026-03-01T00:01:01Z", "w1"));
    assert.deepEqual(sink.rows, [[0, 1, NaN, 1]]);
    await post(
      m.url,
      "/v1/labels",
      labels([
        ["w0b", 0],
        ["w1", 1],
      ]),
    );
    assert.deepEqual(sink.rows.slice(1), [[0, 1, NaN, 0]], "w0b's window is closed: at once; w1's is held");
    clock.set(Date.parse("2026-03-01T00:02:05.000Z"));
    await m.tick();
    assert.deepEqual(sink.rows.slice(2), [[1, 1, NaN, 1]]);
  } finally {
    await m.shutdown();
  }
});

test("the label log (labels.source): lines joined like POST /v1/labels, malformed lines skipped and counted", async () => {
  const { dir, config } = setupMonitor({ labels: { source: { file: "labels.jsonl" } } });
  const file = join(dir, "labels.jsonl");
  writeFileSync(file, "");
  const { m, sink } = await start(config);
  try {
    await post(m.url, "/v1/events", [event("f1", 0, 1, 0.6), event("f2", 0, 0, 0.1)].join("\n"));
    appendFileSync(
      file,
      '{"id":"f1","label":1}\nnot json\n{"id":"f2","label":0,"ts":"2026-03-01T00:00:00Z"}\n{"id":"f3"',
    );
    await m.labelSource!.pollOnce();
    assert.deepEqual(sink.rows, [
      [0, 1, 0.6, 1],
      [0, 0, 0.1, 0],
    ]);
    assert.equal(await metric(m.url, 'modelguard_monitor_rejected_total{reason="label_source_malformed"}'), 1);
    assert.deepEqual(m.monitor.labels!.sourcePosition?.line, 3, "the unfinished last line waits for its newline");
  } finally {
    await m.shutdown();
  }
  // Resumes after the last journaled position: the same lines are not read twice.
  appendFileSync(file, ',"label":1}\n');
  const { m: again } = await start(config);
  try {
    await again.labelSource!.pollOnce();
    assert.equal(again.monitor.labels!.counts.labels, 3);
    assert.equal(again.monitor.labels!.waitingLabels, 1);
  } finally {
    await again.shutdown();
  }
});

function startChild(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "monitor/main.ts", join(dir, "monitor.json")], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, GITHUB_TOKEN: "" },
  });
  return new Promise((resolve, reject) => {
    let buf = "";
    child.stdout!.on("data", (c: Buffer) => {
      buf += c.toString();
      const m = /"msg":"listening","url":"([^"]+)"/.exec(buf);
      if (m) resolve({ child, url: m[1]! });
    });
    child.once("exit", (code) => reject(new Error(`monitor exited with ${code} before listening: ${buf}`)));
  });
}

const exited = (c: ChildProcess) =>
  new Promise<number | null>((r) => (c.exitCode !== null ? r(c.exitCode) : c.once("exit", (code) => r(code))));

test("kill -9 between the event and its label: the acknowledged event still waits after the restart and joins", async () => {
  const { dir } = setupMonitor({ listen: "127.0.0.1:0", window: { size: 100000 }, labels: {} });
  let { child, url } = await startChild(dir);
  try {
    const r = await post(url, "/v1/events", [event("k1", 0, 1, 0.9), event("k2", 0, 0, 0.4)].join("\n"));
    assert.equal(r.status, 202);
    assert.equal((await post(url, "/v1/labels", labels([["k2", 0]]))).body.matched, 1);
    child.kill("SIGKILL");
    await exited(child);
    ({ child, url } = await startChild(dir));
    assert.equal(await metric(url, 'modelguard_monitor_labels_waiting{kind="event"}'), 1);
    assert.equal(await metric(url, "modelguard_monitor_labels_matched_total"), 1, "replay does not count k2 twice");
    const late = await post(
      url,
      "/v1/labels",
      labels([
        ["k1", 1],
        ["k2", 0],
      ]),
    );
    assert.deepEqual(late.body, { accepted: 2, matched: 1, waiting_labels: 0 });
    assert.equal(await metric(url, "modelguard_monitor_labels_matched_total"), 2);
    assert.equal(await metric(url, 'modelguard_monitor_labels_duplicate_total{kind="label"}'), 1);
    child.kill("SIGTERM");
    assert.equal(await exited(child), 0);
    const snap = JSON.parse(readFileSync(join(dir, "state", "snapshot.json"), "utf8")) as {
      labels: { counts: { matched: number }; columns_file: string };
    };
    assert.equal(snap.labels.counts.matched, 2);
    // The waiting sides are in the label join file the snapshot names.
    const sides = readLabelJoinFile(join(dir, "state"), snap.labels.columns_file);
    assert.deepEqual([sides.events.size, sides.labels.size, sides.joined.size], [0, 0, 2]);
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
  }
});
