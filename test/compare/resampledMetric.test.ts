import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { prepareResampledMetric, resampledMetricNames } from "../../src/compare/resampledMetric.js";
import { classificationMetrics } from "../../src/model/metrics/classificationMetrics.js";
import { regressionMetrics } from "../../src/model/metrics/regressionMetrics.js";
import type {
  ClassificationPredictions,
  Predictions,
  RegressionPredictions,
} from "../../src/model/evaluate/predictions.js";

interface Case {
  name: string;
  classes: string[];
  positive_index: number | null;
  y_true: number[];
  y_pred: number[];
  proba: number[][] | null;
}
const cases = (
  JSON.parse(readFileSync("fixtures/metrics/classification.json", "utf8")) as { cases: Case[] }
).cases.filter((c) => c.proba !== null && c.y_true.length >= 20);

function predictions(c: Case): ClassificationPredictions {
  return {
    task: c.classes.length === 2 ? "binary" : "multiclass",
    rowCount: c.y_true.length,
    classes: c.classes,
    ...(c.classes.length === 2 ? { positiveIndex: c.positive_index ?? 1 } : {}),
    yTrue: Int32Array.from(c.y_true),
    yPred: Int32Array.from(c.y_pred),
    proba: Float64Array.from(c.proba!.flat()),
  };
}

/** The rows repeated counts[i] times: what a bootstrap resample is. */
function expand(p: Predictions, counts: Float64Array): Predictions {
  const idx: number[] = [];
  counts.forEach((k, i) => {
    for (let j = 0; j < k; j++) idx.push(i);
  });
  if (p.task === "regression") {
    return {
      ...p,
      rowCount: idx.length,
      yTrue: Float64Array.from(idx, (i) => p.yTrue[i]!),
      yPred: Float64Array.from(idx, (i) => p.yPred[i]!),
    };
  }
  const C = p.classes.length;
  return {
    ...p,
    rowCount: idx.length,
    yTrue: Int32Array.from(idx, (i) => p.yTrue[i]!),
    yPred: Int32Array.from(idx, (i) => p.yPred[i]!),
    proba: Float64Array.from(idx.flatMap((i) => Array.from(p.proba!.subarray(i * C, (i + 1) * C)))),
  };
}

function reference(p: Predictions): Record<string, number> {
  if (p.task === "regression") return regressionMetrics(p.yTrue, p.yPred).metrics;
  return classificationMetrics({
    yTrue: p.yTrue,
    yPred: p.yPred,
    proba: p.proba!,
    classes: p.classes,
    ...(p.task === "binary" ? { positiveIndex: p.positiveIndex! } : {}),
  }).metrics;
}

function close(a: number, b: number) {
  return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));
}

test("with every count 1, each resampled metric equals the scikit-learn-verified metric", () => {
  assert.ok(cases.length >= 3);
  for (const c of cases) {
    const p = predictions(c);
    const want = reference(p);
    for (const name of resampledMetricNames(p)) {
      if (want[name] === undefined) continue;
      const got = prepareResampledMetric(name, p)!.evaluate(new Float64Array(p.rowCount).fill(1));
      assert.ok(close(got, want[name]!), `${c.name} ${name}: ${got} vs ${want[name]}`);
    }
  }
});

test("on any resample, a resampled metric equals the metric of the rows repeated (property)", () => {
  const p = predictions(cases[0]!);
  const names = resampledMetricNames(p);
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: p.rowCount, maxLength: p.rowCount }), (ks) => {
      const counts = Float64Array.from(ks);
      const e = expand(p, counts) as ClassificationPredictions;
      if (e.rowCount === 0 || new Set(e.yTrue).size < 2) return;
      const want = reference(e);
      for (const name of names) {
        if (want[name] === undefined) continue;
        const got = prepareResampledMetric(name, p)!.evaluate(counts);
        assert.ok(close(got, want[name]!), `${name}: ${got} vs ${want[name]}`);
      }
    }),
    { numRuns: 60 },
  );
});

test("regression metrics on resamples equal the metrics of the rows repeated, median included", () => {
  const yTrue = Float64Array.from({ length: 41 }, (_, i) => 10 + ((i * 7) % 13) + (i % 3) * 0.5);
  const yPred = yTrue.map((y, i) => y + (((i * 5) % 11) - 5) * 0.3);
  const p: RegressionPredictions = { task: "regression", rowCount: 41, yTrue, yPred };
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 41, maxLength: 41 }), (ks) => {
      const counts = Float64Array.from(ks);
      if (ks.reduce((a, b) => a + b, 0) < 2) return;
      const want = reference(expand(p, counts));
      for (const name of resampledMetricNames(p)) {
        const got = prepareResampledMetric(name, p)!.evaluate(counts);
        assert.ok(close(got, want[name]!), `${name}: ${got} vs ${want[name]}`);
      }
    }),
    { numRuns: 100 },
  );
});

test("probability metrics are not offered for a labels-only model", () => {
  const p = { ...predictions(cases[0]!) };
  delete p.proba;
  assert.deepEqual(
    resampledMetricNames(p).filter((n) => ["roc_auc", "log_loss", "brier", "ece", "pr_auc"].includes(n)),
    [],
  );
  assert.equal(prepareResampledMetric("roc_auc", p), null);
});
