import { after, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import type { WindowReport } from "../../monitor/windows/windowReport.js";
import { resolveMonitorConfig } from "../../monitor/config/monitorConfig.js";
import { startMonitor, type RunningMonitor } from "../../monitor/startMonitor.js";
import { buildProfile } from "../../src/profile/buildProfile.js";
import { writeProfile } from "../../src/profile/profileFile.js";
import { normals } from "../helpers/random.js";
import { dictionaryColumn, numericColumn, table } from "../helpers/tables.js";
import { crashImage, postEvents } from "./monitorFixtures.js";

// Every temporary directory of this file lives here, removed after its tests.
const tmpRoot = mkdtempSync(join(tmpdir(), "mg-monitor-prediction-"));
after(() => rmSync(tmpRoot, { recursive: true, force: true }));

const silent = pino({ level: "silent" });
const N = 5000;

type ReferenceColumn = "score" | "label" | "prediction";

/**
 * A reference profile of features x, y, plan plus the given columns predictions can be compared with: `score` (a
 * numeric model score around 0.3), `label` (class labels "0"/"1", 30% "1", as a category column), `prediction` (a
 * score too).
 */
function setup(extra: Record<string, unknown>, columns: ReferenceColumn[]) {
  const dir = mkdtempSync(join(tmpRoot, "prediction-"));
  const xs = normals(N, 11);
  const scores = normals(N, 13, 0.3, 0.1);
  const profile = buildProfile(
    table([
      numericColumn("x", xs, "number"),
      numericColumn("y", normals(N, 12, 10, 2), "number"),
      dictionaryColumn(
        "plan",
        xs.map((_, i) => ["basic", "pro", "team"][i % 3]!),
      ),
      ...columns.map((c) =>
        c === "label"
          ? dictionaryColumn(
              "label",
              xs.map((_, i) => (i % 10 < 3 ? "1" : "0")),
            )
          : numericColumn(c, scores, "number"),
      ),
    ]),
    { createdAt: "2026-01-01T00:00:00.000Z" },
  );
  writeProfile(join(dir, "profile.json"), profile);
  const raw = { model: "fraud", reference: "profile.json", state: "state", window: { size: 1000 }, ...extra };
  return resolveMonitorConfig(raw, join(dir, "monitor.yml"));
}

/**
 * n events as NDJSON. Features shift when `features` is set (x by 1.5 sd, y by 2 sd, plan toward "team"); each
 * event's prediction is `prediction(i)`.
 */
function traffic(n: number, seed: number, features: boolean, prediction: (i: number) => unknown): string {
  const xs = normals(n, seed, features ? 1.5 : 0, 1);
  const ys = normals(n, seed + 1, features ? 14 : 10, 2);
  return xs
    .map((x, i) =>
      JSON.stringify({
        features: { x, y: ys[i], plan: features && i % 2 === 0 ? "team" : ["basic", "pro", "team"][i % 3] },
        prediction: prediction(i),
      }),
    )
    .join("\n");
}

/** Scores as the reference has them (around 0.3), or shifted up to around 0.45. */
function scores(seed: number, shifted: boolean): (i: number) => number {
  const s = normals(1000, seed, shifted ? 0.45 : 0.3, 0.1);
  return (i) => s[i]!;
}

async function windows(m: RunningMonitor): Promise<WindowReport[]> {
  const r = (await (await fetch(`${m.url}/v1/drift?limit=10`)).json()) as { windows: WindowReport[] };
  return r.windows.slice().reverse();
}

function outbox(state: string): { id: string; kind: string; body: Record<string, unknown> }[] {
  const path = join(state, "outbox.jsonl");
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { id: string; kind: string; body: Record<string, unknown> });
}

test("prediction drift: shifted scores with steady features are reported (KS + PSI against the profile's column), exported, and do not alert by default; the reverse too", async () => {
  const config = setup({ prediction: { column: "score" }, alert: { consecutive: 1 } }, ["score"]);
  const m = await startMonitor(config, { env: {}, logger: silent, port: 0 });
  try {
    // Window 0: features as in the reference, predictions shifted.
    const r0 = await postEvents(m.url, traffic(1000, 100, false, scores(500, true)));
    assert.equal(r0.status, 202);
    // `score` is the predictions' reference, not a feature: events without it have no missing values.
    assert.equal(r0.body.missing_values, 0);
    const [w0] = await windows(m);
    assert.equal(w0!.dataset_drifted, false);
    assert.deepEqual(w0!.drift.drifted_features, []);
    assert.ok(!w0!.drift.features.some((f) => f.name === "score"), "the prediction column is not tested as a feature");
    assert.equal(w0!.prediction.column, "score");
    const p0 = w0!.prediction.drift!;
    assert.equal(p0.kind, "numeric");
    assert.equal(p0.method, "ks+psi");
    assert.equal(p0.drifted, true);
    assert.ok(p0.tests.psi!.statistic >= 0.1 && p0.tests.ks!.statistic > 0.2, JSON.stringify(p0.tests));
    assert.equal(p0.current.count, 1000);
    let metrics = await (await fetch(`${m.url}/metrics`)).text();
    assert.match(metrics, /^modelguard_monitor_prediction_drifted 1$/m);
    assert.match(metrics, /^modelguard_monitor_prediction_psi (0\.[1-9]|[1-9])[0-9.e-]*$/m);
    assert.match(metrics, /^modelguard_monitor_prediction_ks 0\.[2-9][0-9.e-]*$/m);
    assert.match(metrics, /^modelguard_monitor_dataset_drifted 0$/m);
    // Reported, not counted: no alert.
    assert.deepEqual(outbox(config.state), []);

    // Window 1: features shifted, predictions as in the reference.
    assert.equal((await postEvents(m.url, traffic(1000, 200, true, scores(600, false)))).status, 202);
    const w1 = (await windows(m))[1]!;
    assert.equal(w1.dataset_drifted, true);
    assert.deepEqual(w1.drift.drifted_features.sort(), ["plan", "x", "y"]);
    assert.equal(w1.prediction.drift!.drifted, false);
    metrics = await (await fetch(`${m.url}/metrics`)).text();
    assert.match(metrics, /^modelguard_monitor_prediction_drifted 0$/m);
    const entries = outbox(config.state);
    assert.deepEqual(
      entries.map((e) => e.id),
      ["fraud:w1:issue.open"],
    );
    const body = String(entries[0]!.body.body);
    assert.match(
      body,
      /^Predictions against the reference column score: \*\*no drift\*\* \(numeric; PSI [0-9.]+, KS [0-9.]+, p-value \(adjusted\) [0-9.e+-]+; 1000 predictions\); reported only, not counted toward dataset drift\.$/m,
    );
  } finally {
    await m.shutdown();
  }
});

test("prediction drift counted toward dataset drift: class labels (sent as numbers) against a category column, chi-square + PSI, open the issue alone", async () => {
  const config = setup(
    {
      prediction: { column: "label", counts_toward_dataset: true },
      alert: { consecutive: 1 },
    },
    ["label"],
  );
  const m = await startMonitor(config, { env: {}, logger: silent, port: 0 });
  try {
    // Same share of "1" as the reference (30%): clean. Numbers are read as the category's text ("0", "1").
    assert.equal(
      (
        await postEvents(
          m.url,
          traffic(1000, 100, false, (i) => (i % 10 < 3 ? 1 : 0)),
        )
      ).status,
      202,
    );
    // 60% "1": the predictions drift, the features do not.
    assert.equal(
      (
        await postEvents(
          m.url,
          traffic(1000, 200, false, (i) => (i % 10 < 6 ? 1 : 0)),
        )
      ).status,
      202,
    );
    const [w0, w1] = await windows(m);
    assert.equal(w0!.prediction.drift!.drifted, false);
    assert.equal(w0!.dataset_drifted, false);
    assert.equal(w1!.drift.dataset_drifted, false, "no feature drifted");
    const p1 = w1!.prediction.drift!;
    assert.equal(p1.kind, "categorical");
    assert.equal(p1.method, "chisquare+psi");
    assert.equal(p1.drifted, true);
    assert.equal(p1.current.count, 1000);
    assert.equal(p1.current.missing, 0);
    assert.deepEqual(w1!.prediction.top, { "1": 600, "0": 400 });
    assert.equal(w1!.dataset_drifted, true, "counted toward dataset drift");
    const metrics = await (await fetch(`${m.url}/metrics`)).text();
    assert.match(metrics, /^modelguard_monitor_dataset_drifted 1$/m);
    const entries = outbox(config.state);
    assert.deepEqual(
      entries.map((e) => e.id),
      ["fraud:w1:issue.open"],
    );
    assert.match(
      String(entries[0]!.body.body),
      /^Predictions against the reference column label: \*\*drifted\*\* \(categorical; PSI [0-9.]+, chi-square [0-9.]+, p-value \(adjusted\) [0-9.e+-]+; 1000 predictions\); this window counts as drifted because of them \(prediction\.counts_toward_dataset\)\.$/m,
    );
  } finally {
    await m.shutdown();
  }
});

test("prediction drift survives kill -9: the replayed window gives the same prediction report", async () => {
  const config = setup({ prediction: { column: "score" }, snapshot_interval: "1h" }, ["score"]);
  let m = await startMonitor(config, { env: {}, logger: silent, port: 0 });
  let crashed = config;
  try {
    // Half a window, snapshotted; the other half only in the journal.
    assert.equal((await postEvents(m.url, traffic(500, 100, false, scores(500, true)))).status, 202);
    await m.checkpoint();
    const more = scores(501, true);
    assert.equal((await postEvents(m.url, traffic(499, 102, false, more))).status, 202);
    crashed = crashImage(config);
    assert.equal((await postEvents(m.url, traffic(1, 104, false, more))).status, 202);
    const expected = (await windows(m))[0]!.prediction;
    await m.shutdown();
    m = await startMonitor(crashed, { env: {}, logger: silent, port: 0 });
    assert.equal((await postEvents(m.url, traffic(1, 104, false, more))).status, 202);
    const replayed = (await windows(m))[0]!.prediction;
    assert.equal(replayed.drift!.drifted, true);
    assert.deepEqual(replayed, expected);
  } finally {
    await m.shutdown();
  }
});

test("prediction.column: `prediction` by default when the profile has it; none without; a named column must be in the profile", async () => {
  const withColumn = setup({}, ["prediction"]);
  let m = await startMonitor(withColumn, { env: {}, logger: silent, port: 0 });
  try {
    const r = await postEvents(m.url, traffic(1000, 100, false, scores(500, true)));
    assert.equal(r.body.missing_values, 0);
    const [w] = await windows(m);
    assert.equal(w!.prediction.column, "prediction");
    assert.equal(w!.prediction.drift!.drifted, true);
    // Not counted by default.
    assert.equal(w!.dataset_drifted, false);
  } finally {
    await m.shutdown();
  }

  const without = setup({}, []);
  m = await startMonitor(without, { env: {}, logger: silent, port: 0 });
  try {
    await postEvents(m.url, traffic(1000, 100, false, scores(500, true)));
    const [w] = await windows(m);
    assert.equal(w!.prediction.column, null);
    assert.equal(w!.prediction.drift, null);
    assert.equal(w!.prediction.count, 1000);
  } finally {
    await m.shutdown();
  }

  // Predictions of the other kind than the column's are counted missing, and a window without any is not tested.
  const labels = setup({ prediction: { column: "score" } }, ["score"]);
  m = await startMonitor(labels, { env: {}, logger: silent, port: 0 });
  try {
    await postEvents(
      m.url,
      traffic(1000, 100, false, (i) => (i % 2 ? "yes" : null)),
    );
    const [w] = await windows(m);
    assert.equal(w!.prediction.drift, null);
    assert.match(w!.prediction.skipped!, /no values in the current data/);
  } finally {
    await m.shutdown();
  }

  await assert.rejects(
    startMonitor(setup({ prediction: { column: "proba" } }, ["score"]), { env: {}, logger: silent, port: 0 }),
    (e: Error) => /prediction\.column: 'proba' is not a column of the reference profile/.test(e.message),
  );
  assert.throws(
    () => setup({ prediction: { colum: "score" } }, ["score"]),
    (e: Error) => /colum/.test(e.message),
  );
});
