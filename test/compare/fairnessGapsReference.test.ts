import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { compareSlices } from "../../src/compare/compareSlices.js";
import type { ClassificationPredictions } from "../../src/model/evaluate/predictions.js";

// Made by scripts/make_fairness_fixtures.py (numpy, pandas, scikit-learn): see its docstring for what each value is.
interface GapCase {
  kind: "positive_rate" | "true_positive_rate";
  rates: Record<string, number>;
  high: string;
  low: string;
  gap: number;
  replicated: [number, number];
  numpy: [number, number];
}
const ref = JSON.parse(readFileSync("fixtures/compare/fairness_gaps.json", "utf8")) as {
  labels: string[];
  seed: number;
  resamples: number;
  confidence: number;
  codes: number[];
  y_true: number[];
  y_pred: number[];
  cases: GapCase[];
};

const predictions: ClassificationPredictions = {
  task: "binary",
  rowCount: ref.codes.length,
  classes: ["0", "1"],
  positiveIndex: 1,
  yTrue: Int32Array.from(ref.y_true),
  yPred: Int32Array.from(ref.y_pred),
};
const result = compareSlices({
  candidate: predictions,
  baseline: predictions,
  column: "group",
  key: { codes: Int32Array.from(ref.codes), labels: ref.labels },
  policy: {
    gates: [],
    confidence: ref.confidence,
    resamples: ref.resamples,
    seed: ref.seed,
    on_inconclusive: "fail",
    slices: null,
  },
});

for (const c of ref.cases) {
  const gap = result.gaps.find((g) => g.kind === c.kind && g.model === "candidate");

  test(`fairness gap ${c.kind}: the slices, rates and gap equal pandas / scikit-learn`, () => {
    assert.ok(gap, `no ${c.kind} gap reported`);
    assert.equal(gap.high.value, c.high);
    assert.equal(gap.low.value, c.low);
    // rates are sums of 0/1 over counts: the same division in both languages
    assert.equal(gap.high.rate, c.rates[c.high]);
    assert.equal(gap.low.rate, c.rates[c.low]);
    assert.ok(Math.abs(gap.gap - c.gap) <= 1e-15, `${gap.gap} vs ${c.gap}`);
  });

  test(`fairness gap ${c.kind}: the interval is the bootstrap the Python re-implementation computes (to 1e-12)`, () => {
    assert.ok(gap?.ci);
    for (const i of [0, 1]) {
      assert.ok(Math.abs(gap.ci[i]! - c.replicated[i]!) <= 1e-12, `bound ${i}: ${gap.ci[i]} vs ${c.replicated[i]}`);
    }
  });

  test(`fairness gap ${c.kind}: the interval agrees with numpy's 200,000-resample bootstrap within Monte Carlo error`, () => {
    // Tolerance: each bound within 10% of the interval's width, as for the compare intervals (issue 13). The 2.5%
    // quantile of 2,000 resamples has a standard error of about 3% of the width here, so 10% is over three of them.
    assert.ok(gap?.ci);
    const width = c.numpy[1] - c.numpy[0];
    for (const i of [0, 1]) {
      const off = Math.abs(gap.ci[i]! - c.numpy[i]!);
      assert.ok(off <= 0.1 * width, `bound ${i}: ${gap.ci[i]} vs numpy ${c.numpy[i]} (off ${off}, width ${width})`);
    }
  });
}
