import { after, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { resolveMonitorConfig } from "../../../monitor/config/monitorConfig.js";
import { startMonitor } from "../../../monitor/startMonitor.js";
import type { WindowReport } from "../../../monitor/windows/windowReport.js";
import { WindowState } from "../../../monitor/windows/windowState.js";
import { layoutOf } from "../../../monitor/ingest/featureLayout.js";
import { batchOfEvents } from "../../../monitor/ingest/eventBatch.js";
import { buildCbpeCalibration, realizedMetrics } from "../../../src/performance/cbpe/buildCbpeCalibration.js";
import { writeCalibration } from "../../../src/performance/cbpe/calibrationFile.js";
import { CbpeEstimator } from "../../../src/performance/cbpe/cbpeEstimator.js";
import { CbpeSketch } from "../../../src/performance/cbpe/cbpeSketch.js";
import { buildProfile } from "../../../src/profile/buildProfile.js";
import { writeProfile } from "../../../src/profile/profileFile.js";
import { normals, rng } from "../../helpers/random.js";
import { numericColumn, table } from "../../helpers/tables.js";
import { postEvents } from "../monitorFixtures.js";
import { runCli } from "../../helpers/cli.js";
import { replayPredictionLog } from "../../../monitor/replay/replayPredictionLog.js";

// Estimated performance over HTTP: a binary classifier whose score depends on a hidden x (not a monitored feature, so
// the features never drift), y ~ Bernoulli(sigmoid(2x)), an overconfident score sigmoid(4x + 0.3). The calibration is
// learnt on 20,000 reference rows (x ~ N(0, 1)) as `modelguard calibrate` does; windows of 5,000 events.
const tmpRoot = mkdtempSync(join(tmpdir(), "mg-estimated-"));
after(() => rmSync(tmpRoot, { recursive: true, force: true }));
const silent = pino({ level: "silent" });
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const WINDOW = 5000;

function simulate(n: number, seed: number, mean: number, sd = 1) {
  const x = normals(n, seed, mean, sd);
  const u = rng(seed + 1);
  const score = Float64Array.from(x, (v) => sigmoid(4 * v + 0.3));
  const yTrue = Uint8Array.from(x, (v) => (u() < sigmoid(2 * v) ? 1 : 0));
  const yPred = Uint8Array.from(score, (s) => (s > 0.5 ? 1 : 0));
  return { score, yTrue, yPred };
}

function setup(extra: Record<string, unknown> = {}) {
  const dir = mkdtempSync(join(tmpRoot, "m-"));
  writeProfile(
    join(dir, "profile.json"),
    buildProfile(table([numericColumn("z", normals(5000, 3), "number")]), { createdAt: "2026-01-01T00:00:00.000Z" }),
  );
  const calibration = buildCbpeCalibration(simulate(20_000, 11, 0), {
    positiveClass: "1",
    negativeClass: "0",
    path: "preds.csv",
    sha256: "0".repeat(64),
  });
  writeCalibration(join(dir, "calibration.json"), calibration);
  const raw = {
    model: "churn",
    reference: "profile.json",
    state: "state",
    window: { size: WINDOW },
    alert: { consecutive: 1 },
    estimation: { calibration: "calibration.json", rules: { accuracy: { max_drop: 0.02 } } },
    ...extra,
  };
  return { dir, calibration, config: resolveMonitorConfig(raw, join(dir, "monitor.yml")) };
}

/** The events of a simulated window as NDJSON: z unchanged, the model's probability and predicted label. */
function events(w: ReturnType<typeof simulate>, seed: number, from = 0, to = w.score.length): string {
  const z = normals(w.score.length, seed);
  const lines: string[] = [];
  for (let i = from; i < to; i++)
    lines.push(JSON.stringify({ features: { z: z[i] }, probability: w.score[i], prediction: w.yPred[i] }));
  return lines.join("\n");
}

async function windows(url: string): Promise<WindowReport[]> {
  const r = await fetch(`${url}/v1/drift?limit=10`);
  return ((await r.json()) as { windows: WindowReport[] }).windows;
}

function outbox(state: string): { id: string; body: Record<string, unknown> }[] {
  const path = join(state, "outbox.jsonl");
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as { id: string; body: Record<string, unknown> })
    .filter((e) => e.body !== undefined);
}

test("estimated performance over HTTP: a covariate-shift window's estimate holds the realized accuracy in its band; a drop alerts with reason estimated_performance", async () => {
  const { config, calibration } = setup();
  const m = await startMonitor(config, { env: {}, logger: silent, port: 0, tickIntervalMs: 0 });
  try {
    // Window 0: covariate shift (x ~ N(0.8, 1)), P(y|x) unchanged.
    const shifted = simulate(WINDOW, 21, 0.8);
    assert.equal((await postEvents(m.url, events(shifted, 5))).status, 202);
    const [w0] = await windows(m.url);
    const est = w0!.estimated_performance!;
    assert.equal(est.rows, WINDOW);
    assert.equal(est.missing_probability, 0);
    const realized = realizedMetrics(shifted.yTrue, shifted.yPred, shifted.score);
    const acc = est.metrics.find((x) => x.metric === "accuracy")!;
    assert.ok(
      acc.lower! <= realized.accuracy! && realized.accuracy! <= acc.upper!,
      `realized ${realized.accuracy} outside [${acc.lower}, ${acc.upper}]`,
    );
    assert.ok(Math.abs(acc.value! - realized.accuracy!) < 0.01, `${acc.value} vs ${realized.accuracy}`);
    assert.equal(acc.reference, calibration.reference_metrics.accuracy);
    assert.equal(acc.rule?.verdict, "pass");
    assert.equal(est.breached, false);
    assert.deepEqual(
      est.metrics.map((x) => x.metric),
      ["accuracy", "precision", "recall", "f1", "roc_auc"],
    );
    assert.equal(w0!.dataset_drifted, false, "the monitored feature did not drift");
    assert.deepEqual(outbox(config.state), []);

    // Window 1: the traffic moves to the decision boundary (x ~ N(-0.075, 0.3)): accuracy falls, the estimate sees it.
    const hard = simulate(WINDOW, 31, -0.075, 0.3);
    assert.equal((await postEvents(m.url, events(hard, 6))).status, 202);
    const [w1] = await windows(m.url);
    const acc1 = w1!.estimated_performance!.metrics.find((x) => x.metric === "accuracy")!;
    const realized1 = realizedMetrics(hard.yTrue, hard.yPred, hard.score).accuracy!;
    assert.ok(acc1.lower! <= realized1 && realized1 <= acc1.upper!, `${realized1} vs [${acc1.lower}, ${acc1.upper}]`);
    assert.equal(acc1.rule?.verdict, "fail");
    assert.ok(Math.abs(acc1.rule!.limit - (calibration.reference_metrics.accuracy! - 0.02)) < 1e-12);
    assert.equal(w1!.estimated_performance!.breached, true);
    assert.equal(w1!.dataset_drifted, false);
    const issue = outbox(config.state).find((e) => e.id === "churn:w1:estimated_performance:issue.open");
    assert.ok(
      issue,
      `outbox ids: ${outbox(config.state)
        .map((e) => e.id)
        .join(", ")}`,
    );
    const body = String(issue.body.body);
    assert.match(body, /Reason: estimated\\?_performance \(estimated performance below its rule\)/);
    assert.match(body, /\| accuracy \| 0\.\d{4} \| 0\.\d{4} to 0\.\d{4} \| 0\.\d{4} \| 0\.\d{4} \|/);

    const metrics = await (await fetch(`${m.url}/metrics`)).text();
    const gauge = (name: string) =>
      Number(new RegExp(`^${name}\\{metric="accuracy"\\} (\\S+)$`, "m").exec(metrics)?.[1] ?? NaN);
    assert.ok(Math.abs(gauge("modelguard_monitor_estimated_performance") - acc1.value!) < 1e-12);
    assert.ok(Math.abs(gauge("modelguard_monitor_estimated_performance_lower") - acc1.lower!) < 1e-12);
    assert.ok(Math.abs(gauge("modelguard_monitor_estimated_performance_upper") - acc1.upper!) < 1e-12);
    assert.equal(gauge("modelguard_monitor_estimated_performance_breached"), 1);
    assert.match(metrics, /^modelguard_monitor_estimated_performance_rows 5000$/m);
  } finally {
    await m.shutdown();
  }
});

test("estimated performance: the open window's sketch survives a restart (snapshot and journal replay) exactly", async () => {
  const { config, calibration } = setup();
  const w = simulate(WINDOW, 41, 0.5);
  const start = () => startMonitor(config, { env: {}, logger: silent, port: 0, tickIntervalMs: 0 });
  let m = await start();
  try {
    await postEvents(m.url, events(w, 7, 0, 2000));
    await m.checkpoint(); // the first 2,000 in the snapshot
    await postEvents(m.url, events(w, 7, 2000, 3500)); // these only in the journal
  } finally {
    await m.shutdown();
  }
  m = await start();
  try {
    await postEvents(m.url, events(w, 7, 3500, WINDOW));
    const [w0] = await windows(m.url);
    const expected = new CbpeSketch();
    const estimator = new CbpeEstimator(calibration);
    for (let i = 0; i < WINDOW; i++) estimator.add(expected, w.score[i]!, w.yPred[i] === 1);
    for (const e of estimator.estimate(expected)) {
      const got = w0!.estimated_performance!.metrics.find((x) => x.metric === e.metric)!;
      assert.ok(Math.abs(got.value! - e.value!) < 1e-12, `${e.metric}: ${got.value} vs ${e.value}`);
    }
  } finally {
    await m.shutdown();
  }
});

test("estimated performance: events without a probability are counted apart; a label prediction decides the class, else the threshold", () => {
  const { calibration } = setup();
  const layout = layoutOf(buildProfile(table([numericColumn("z", [1, 2, 3], "number")])));
  layout.estimator = new CbpeEstimator(calibration);
  layout.positiveClass = "1";
  const a = new WindowState(layout, 0, 1);
  const batch = batchOfEvents(layout, [
    { features: { z: 1 }, prediction: 1 },
    { features: { z: 1 }, prediction: "1" },
  ]);
  a.addBatch(batch, 0, batch.length);
  batch.release();
  assert.equal(a.cbpeMissing, 2);
  assert.equal(a.cbpe!.rows, 0);
  const p = layout.estimator.calibrate(0.9);
  const more = batchOfEvents(layout, [
    { features: { z: 1 }, prediction: 0, probability: 0.9 },
    { features: { z: 1 }, probability: 0.9 },
    { features: { z: 1 }, prediction: "maybe", probability: 0.2 },
    { features: { z: 1 }, probability: 1.5 },
  ] as Parameters<typeof batchOfEvents>[1]);
  a.addBatch(more, 0, more.length);
  more.release();
  // The label 0 makes the first a predicted negative (FN += p); the second is thresholded (0.9 > 0.5: TP += p); a
  // prediction that is neither class is thresholded too (0.2: a negative); 1.5 is no probability.
  assert.equal(a.cbpe!.rows, 3);
  assert.ok(Math.abs(a.cbpe!.tp - p) < 1e-15 && Math.abs(a.cbpe!.fp - (1 - p)) < 1e-15);
  assert.ok(Math.abs(a.cbpe!.fn - p - layout.estimator.calibrate(0.2)) < 1e-15);
  assert.equal(a.cbpeMissing, 3);
  // A window state with estimation merges and round-trips through JSON (the fleet's partials, snapshots).
  const b = WindowState.fromJson(layout, JSON.parse(JSON.stringify(a.toJson())) as ReturnType<typeof a.toJson>);
  b.merge(a);
  assert.equal(b.cbpeMissing, 6);
  assert.equal(b.cbpe!.rows, 6);
  assert.ok(Math.abs(b.cbpe!.value("accuracy")! - a.cbpe!.value("accuracy")!) < 1e-15);
  const bad = { ...a.toJson(), estimation: { ...a.toJson().estimation!, bins: [[9999, 1, 0]] } };
  assert.throws(() => WindowState.fromJson(layout, bad as ReturnType<typeof a.toJson>), /window\.estimation: /);
});

test("estimation config: registry needs a registry reference; a positive class that disagrees with labels stops the start", async () => {
  assert.throws(
    () => setup({ estimation: { calibration: "registry" } }),
    /estimation\.calibration: registry needs reference: registry:NAME/,
  );
  assert.throws(
    () => setup({ estimation: { calibration: "c.json", rules: { accuracy: { max_rise: 1 } } } }),
    /unknown key/,
  );
  const { config } = setup({ labels: { positive_class: "yes" } });
  await assert.rejects(
    startMonitor(config, { env: {}, logger: silent, port: 0, tickIntervalMs: 0 }),
    /labels\.positive_class is 'yes' but the calibration's positive class is '1'/,
  );
});

test("monitor --check reads the calibration as a start would; monitor replay estimates too and decides the same alert", async () => {
  const { dir, config } = setup();
  writeFileSync(
    join(dir, "monitor.yml"),
    `model: churn\nreference: profile.json\nstate: state\nestimation: {calibration: missing.json}\n`,
  );
  const missing = await runCli("monitor", "--check", "--config", join(dir, "monitor.yml"));
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /calibration not found: .*missing\.json/);
  writeFileSync(
    join(dir, "monitor.yml"),
    `model: churn\nreference: profile.json\nstate: state\nestimation: {calibration: calibration.json}\n`,
  );
  assert.equal((await runCli("monitor", "--check", "--config", join(dir, "monitor.yml"))).code, 0);

  const log = join(dir, "log.jsonl");
  writeFileSync(log, events(simulate(WINDOW, 51, 0.8), 8) + "\n" + events(simulate(WINDOW, 52, -0.075, 0.3), 9) + "\n");
  const r = await replayPredictionLog(config, { from: log });
  assert.equal(r.windows.length, 2);
  assert.deepEqual(
    r.alerts.map((a) => a.id),
    ["churn:w1:estimated_performance:issue.open"],
  );
});
