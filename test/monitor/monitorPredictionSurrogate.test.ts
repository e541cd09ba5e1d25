// A text prediction (a class name) with a lone surrogate escape ("\ud800") is invalid, like an id with one: UTF-8, the
// label join file's encoding, cannot hold it, so stored as it came it would come back after a restart as U+FFFD, another
// class. It counts as a missing prediction and an invalid value, on every ingest path, and is never a class.
import { afterEach, test } from "node:test";
import assert from "node:assert/strict";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pino } from "pino";
import type { MonitorConfig } from "../../monitor/config/monitorConfig.js";
import { startMonitor, type RunningMonitor } from "../../monitor/startMonitor.js";
import { postEvents, setupMonitor } from "./monitorFixtures.js";

const silent = pino({ level: "silent" });
const dirs: string[] = [];
const started: RunningMonitor[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((m) => m.shutdown()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup(extra: Record<string, unknown> = {}) {
  const { dir, config } = setupMonitor({ window: { size: 1000 }, labels: { max_delay: "1h" }, ...extra });
  dirs.push(dir);
  return { dir, config };
}

async function start(config: MonitorConfig) {
  const m = await startMonitor(config, {
    env: {},
    logger: silent,
    sender: null,
    port: 0,
    tickIntervalMs: 0,
    pollIntervalMs: 0,
  });
  started.push(m);
  return m;
}

/** An event line with `prediction` written as the raw JSON text given (escapes kept as they are). */
const line = (id: string, predictionJson: string) =>
  `{"id":"${id}","features":{"x":0.5,"y":10,"plan":"pro"},"prediction":${predictionJson}}`;

/** The window's prediction classes and its missing predictions. */
function predictionsOf(m: RunningMonitor) {
  const p = m.monitor.window.toJson().prediction;
  return { classes: [...p.categorical.values].sort(), missing: p.missing };
}

async function invalidValuesMetric(m: RunningMonitor): Promise<number> {
  const text = await m.metrics.registry.metrics();
  const hit = /^modelguard_monitor_rejected_total\{reason="invalid_value"\} (\d+)$/m.exec(text);
  return hit ? Number(hit[1]) : 0;
}

test("HTTP ingest: a class name with a lone surrogate escape is an invalid value and a missing prediction (NDJSON and a JSON array), never a class, and stays so across a restart", async () => {
  const { config } = setup();
  const m = await start(config);
  // The one-pass NDJSON reader: escaped strings, high and low halves, and a pair (a real character) for contrast.
  const ndjson = [
    line("e1", '"cat"'),
    line("e2", '"x\\ud800"'),
    line("e3", '"\\udfffy"'),
    line("e4", '"\\ud83d\\ude00"'),
    line("e5", '"c\\u0061t"'),
  ].join("\n");
  const r = await postEvents(m.url, ndjson);
  assert.equal(r.status, 202);
  assert.equal(r.body.accepted, 5, "the events are accepted; only their predictions are not classes");
  assert.equal(r.body.invalid_values, 2);
  // JSON.parse's path (an array body).
  const array = await fetch(`${m.url}/v1/events`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: `[${line("e6", '"\\ud800"')},${line("e7", '"dog"')}]`,
  });
  assert.equal(array.status, 202);
  assert.equal(((await array.json()) as { invalid_values: number }).invalid_values, 1);
  assert.deepEqual(predictionsOf(m), { classes: ["cat", "dog", "😀"], missing: 3 });
  assert.equal(await invalidValuesMetric(m), 3);
  // In the label join the events wait without a prediction, not with a class UTF-8 would turn into U+FFFD.
  const labels = m.monitor.labels!;
  assert.equal(labels.counts.invalid_ids, 0, "the ids are fine");
  assert.equal(labels.waitingEventRow("e2")!.prediction, null);
  assert.equal(labels.waitingEventRow("e1")!.prediction, "cat");

  // A restart (snapshot and label join file, then the journal) gives the same: nothing became "x\ufffd".
  await m.shutdown();
  const again = await start(config);
  assert.deepEqual(predictionsOf(again), { classes: ["cat", "dog", "😀"], missing: 3 });
  for (const id of ["e2", "e3", "e6"]) assert.equal(again.monitor.labels!.waitingEventRow(id)!.prediction, null, id);
  assert.equal(again.monitor.labels!.waitingEventRow("e4")!.prediction, "😀");
});

test("file source: a class name with a lone surrogate escape is an invalid value and a missing prediction, the line is not malformed", async () => {
  const { dir, config } = setup({ source: { file: "predictions.jsonl" } });
  const file = join(dir, "predictions.jsonl");
  const m = await start(config);
  writeFileSync(file, [line("f1", '"cat"'), line("f2", '"cat\\ud800"'), line("f3", '"\\udc00"'), ""].join("\n"));
  const polled = await m.source!.pollOnce();
  assert.deepEqual([polled.events, polled.malformed], [3, 0]);
  assert.deepEqual(predictionsOf(m), { classes: ["cat"], missing: 2 });
  assert.equal(await invalidValuesMetric(m), 2);
  assert.equal(m.monitor.labels!.waitingEventRow("f2")!.prediction, null);
});
