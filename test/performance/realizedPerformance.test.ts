import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { labelledPredictions, type TaskSpec } from "../../src/performance/labelledPredictions.js";
import { realizedMetrics } from "../../src/performance/realizedMetrics.js";
import { judgePerformance, performanceRulesFrom } from "../../src/performance/performanceRules.js";
import { ModelguardError } from "../../src/errors.js";

interface Case {
  name: string;
  task: "binary" | "multiclass" | "regression";
  classes: string[];
  positive_label?: string;
  rows: { label: string[]; prediction: string[]; probability: (number | null)[] };
  metrics: Record<string, number>;
  intervals: Record<string, [number, number]>;
}

// scripts/make_realized_performance_fixtures.py: scikit-learn's metrics and independently computed 95% intervals.
const CASES = (
  JSON.parse(readFileSync(new URL("../../fixtures/performance/realized.json", import.meta.url), "utf8")) as {
    cases: Case[];
  }
).cases;
// Metrics: the same sums in another order (pairwise vs numpy); intervals: DeLong via midranks vs placements.
const METRIC_TOLERANCE = 1e-12;
const INTERVAL_TOLERANCE = 1e-9;

function rowsOf(c: Case) {
  return {
    length: c.rows.label.length,
    label: c.rows.label,
    prediction: c.rows.prediction,
    probability: Float64Array.from(c.rows.probability, (p) => (p === null ? NaN : p)),
  };
}

function specOf(c: Case): TaskSpec {
  return {
    task: c.task,
    ...(c.classes.length > 0 ? { classes: c.classes } : {}),
    ...(c.positive_label !== undefined ? { positiveLabel: c.positive_label } : {}),
  };
}

for (const c of CASES) {
  test(`realized metrics equal scikit-learn's on the joined rows: ${c.name}`, () => {
    const joined = labelledPredictions(rowsOf(c), specOf(c));
    assert.ok(joined);
    assert.equal(joined.unusable, 0);
    const r = realizedMetrics(joined.predictions, 0.95);
    for (const [name, expected] of Object.entries(c.metrics)) {
      const got = r.metrics.get(name);
      assert.ok(got, `${name} missing`);
      assert.ok(Math.abs(got.value - expected) <= METRIC_TOLERANCE, `${name}: ${got.value} vs ${expected}`);
    }
    for (const [name, [lo, hi]] of Object.entries(c.intervals)) {
      const iv = r.metrics.get(name)!.interval;
      assert.ok(iv, `${name}: no interval`);
      assert.ok(
        Math.abs(iv[0] - lo) <= INTERVAL_TOLERANCE && Math.abs(iv[1] - hi) <= INTERVAL_TOLERANCE,
        `${name}: ${iv} vs ${lo},${hi}`,
      );
    }
  });
}

test("labelled rows: a binary row without a label is predicted from its probability; production's class texts win", () => {
  const joined = labelledPredictions(
    {
      length: 4,
      label: ["1.0", "0", "1", "0"],
      prediction: [null, "0", "1", null],
      probability: Float64Array.of(0.8, 0.3, 0.6, 0.5),
    },
    { task: "binary", classes: ["0", "1"], positiveLabel: "1" },
  )!;
  const p = joined.predictions;
  assert.ok(p.task === "binary");
  assert.deepEqual(p.classes, ["0", "1"]);
  assert.deepEqual([...p.yTrue], [1, 0, 1, 0]);
  // 0.5 ties to the lower index, as evaluate's argmax does.
  assert.deepEqual([...p.yPred], [1, 0, 1, 0]);
  assert.deepEqual([...p.proba!], [1 - 0.8, 0.8, 1 - 0.3, 0.3, 1 - 0.6, 0.6, 0.5, 0.5]);
  // A row with neither a prediction nor a probability is unusable; one class seen still makes a binary problem.
  const one = labelledPredictions(
    { length: 2, label: ["1", "1"], prediction: ["1", null], probability: Float64Array.of(NaN, NaN) },
    { task: "binary" },
  )!;
  assert.equal(one.unusable, 1);
  assert.equal(one.predictions.rowCount, 1);
  if (one.predictions.task !== "regression") assert.deepEqual(one.predictions.classes, ["0", "1"]);
});

test("performance rules: compare's parser; a breach needs the interval's better bound past the rule", () => {
  const rules = performanceRulesFrom(
    { accuracy: { min: 0.9 }, roc_auc: { max_drop: 0.02 } },
    "binary",
    "monitor.yml: performance",
  );
  const shifted = CASES.find((c) => c.name === "breast_cancer_shifted")!;
  const r = realizedMetrics(labelledPredictions(rowsOf(shifted), specOf(shifted))!.predictions, 0.95);
  const acc = r.metrics.get("accuracy")!;
  // accuracy 0.874 on 269 rows, 95% interval about [0.834, 0.913]: it straddles 0.9, so inconclusive (no alert).
  const checks = judgePerformance(
    rules,
    r.metrics,
    new Map([
      ["roc_auc", 0.99],
      ["accuracy", 0.97],
    ]),
    0.95,
  );
  const byKind = new Map(checks.map((c) => [`${c.metric}.${c.kind}`, c]));
  assert.equal(byKind.get("accuracy.min")!.outcome, acc.interval![1] < 0.9 ? "breach" : "inconclusive");
  assert.equal(byKind.get("accuracy.min")!.outcome, "inconclusive");
  assert.equal(byKind.get("roc_auc.max_drop")!.outcome, "pass");
  // A level the whole interval is below: a breach; above: a pass.
  const strict = judgePerformance(
    performanceRulesFrom({ accuracy: { min: 0.95 } }, "binary", "p"),
    r.metrics,
    new Map(),
    0.95,
  );
  assert.equal(strict[0]!.outcome, "breach");
  assert.match(strict[0]!.description, /value >= 95%: 87\.\d+% \(95% interval/);
  const loose = judgePerformance(
    performanceRulesFrom({ accuracy: { min: 0.8 } }, "binary", "p"),
    r.metrics,
    new Map(),
    0.95,
  );
  assert.equal(loose[0]!.outcome, "pass");
  // max_drop against production's 0.99: the whole interval of the change is below -0.05.
  const drop = judgePerformance(
    performanceRulesFrom({ accuracy: { max_drop: 0.05 } }, "binary", "p"),
    r.metrics,
    new Map([["accuracy", 0.99]]),
    0.95,
  );
  assert.equal(drop[0]!.outcome, "breach");
  assert.equal(drop[0]!.reference, 0.99);
  // No production value for a change rule: inconclusive, never a breach.
  const none = judgePerformance(
    performanceRulesFrom({ accuracy: { max_drop: 0.05 } }, "binary", "p"),
    r.metrics,
    new Map(),
    0.95,
  );
  assert.equal(none[0]!.outcome, "inconclusive");
  // The gate parser's errors: an unknown metric, a rule against the metric's direction, a metric of another task.
  assert.throws(
    () => performanceRulesFrom({ acuracy: { min: 0.9 } }, "binary", "m.yml: performance"),
    (e: unknown) => e instanceof ModelguardError && /did you mean 'accuracy'/.test(e.message),
  );
  assert.throws(
    () => performanceRulesFrom({ log_loss: { max_drop: 0.1 } }, "binary", "p"),
    /log_loss is lower-is-better, so it cannot drop/,
  );
  assert.throws(
    () => performanceRulesFrom({ rmse: { max: 3 } }, "binary", "p"),
    /not a metric of binary classification/,
  );
});
