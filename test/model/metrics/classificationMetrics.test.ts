import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { classificationMetrics } from "../../../src/model/metrics/classificationMetrics.js";
import { liftBinaryProba } from "../../../src/model/metrics/liftBinaryProba.js";

interface ClassificationCase {
  name: string;
  classes: string[];
  positive_index: number | null;
  y_true: number[];
  y_pred: number[];
  proba: number[] | null;
  proba_positive?: number[];
  expected: {
    metrics: Record<string, number>;
    per_class: { label: string; precision: number; recall: number; f1: number; support: number }[];
    confusion_matrix: number[][];
  };
  omitted: Record<string, unknown>;
}

const fixture = JSON.parse(readFileSync("fixtures/metrics/classification.json", "utf8")) as {
  cases: ClassificationCase[];
};

/** Absolute 1e-9 for values up to 1, relative 1e-9 beyond. */
function deviation(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.max(1, Math.abs(expected));
}

function run(c: ClassificationCase, withPredictions = true) {
  const proba =
    c.proba_positive !== undefined
      ? liftBinaryProba(Float64Array.from(c.proba_positive))
      : c.proba === null
        ? undefined
        : Float64Array.from(c.proba);
  return classificationMetrics({
    yTrue: Int32Array.from(c.y_true),
    yPred: withPredictions || proba === undefined ? Int32Array.from(c.y_pred) : undefined,
    proba,
    classes: c.classes,
    positiveIndex: c.positive_index ?? undefined,
  });
}

test("every classification metric equals scikit-learn's on every fixture case", (t) => {
  const worst: Record<string, { dev: number; case: string }> = {};
  for (const c of fixture.cases) {
    const got = run(c);
    assert.deepEqual(Object.keys(got.metrics).sort(), Object.keys(c.expected.metrics).sort(), c.name);
    for (const [name, expected] of Object.entries(c.expected.metrics)) {
      const actual = got.metrics[name]!;
      const dev = deviation(actual, expected);
      assert.ok(dev <= 1e-9, `${c.name} ${name}: ${actual} vs scikit-learn ${expected}`);
      if (!(name in worst) || dev > worst[name]!.dev) worst[name] = { dev, case: c.name };
    }
    assert.deepEqual(got.confusion_matrix, c.expected.confusion_matrix, c.name);
    assert.equal(got.per_class.length, c.classes.length);
    got.per_class.forEach((pc, k) => {
      const e = c.expected.per_class[k]!;
      assert.equal(pc.label, e.label);
      assert.equal(pc.support, e.support);
      for (const key of ["precision", "recall", "f1"] as const)
        assert.ok(deviation(pc[key], e[key]) <= 1e-9, `${c.name} ${pc.label} ${key}: ${pc[key]} vs ${e[key]}`);
    });
    for (const metric of Object.keys(c.omitted)) {
      assert.ok(!(metric in got.metrics), `${c.name}: ${metric} should be omitted`);
      assert.ok(
        got.notes.some((n) => n.metric === metric),
        `${c.name}: a note should explain ${metric}`,
      );
    }
    assert.doesNotThrow(() => JSON.parse(JSON.stringify(got)));
    for (const v of Object.values(got.metrics)) assert.ok(Number.isFinite(v), `${c.name}: non-finite metric`);
  }
  for (const [name, w] of Object.entries(worst))
    t.diagnostic(`max deviation ${name}: ${w.dev.toExponential(2)} (${w.case})`);
});

test("fixture cases cover what they claim", () => {
  const names = fixture.cases.map((c) => c.name);
  for (const n of ["tied_scores_binary", "absent_from_true", "absent_from_predictions", "perfect_binary_hard"])
    assert.ok(names.includes(n));
  const tied = fixture.cases.find((c) => c.name === "tied_scores_binary")!;
  const distinct = new Set(tied.proba!.filter((_, i) => i % 2 === 1));
  assert.ok(distinct.size <= 11, "tied scores really are tied");
  const hard = fixture.cases.find((c) => c.name === "hard_probabilities_multiclass")!;
  assert.ok(hard.expected.metrics.log_loss! > 10, "a confidently wrong row costs about -ln(eps)");
});

test("predicted labels default to the argmax of the probabilities", () => {
  for (const c of fixture.cases.filter((x) => x.proba !== null || x.proba_positive !== undefined)) {
    const a = run(c, true);
    const b = run(c, false);
    assert.deepEqual(b, a, c.name);
  }
});

test("notes say why a metric is missing, and label-only models skip the probability metrics", () => {
  const get = (name: string) => run(fixture.cases.find((c) => c.name === name)!);
  const labelsOnly = get("wine_labels_only");
  assert.deepEqual(labelsOnly.notes.map((n) => n.metric).sort(), ["ece", "log_loss", "pr_auc", "roc_auc"]);
  const absent = get("absent_from_true");
  assert.match(absent.notes.find((n) => n.metric === "roc_auc")!.reason, /absent from yTrue: blue/);
  assert.match(absent.notes.find((n) => n.metric === "pr_auc")!.reason, /blue/);
  const negative = get("single_class_negative");
  assert.match(negative.notes.find((n) => n.metric === "roc_auc")!.reason, /only one class \(neg\)/);
  assert.ok("pr_auc" in get("single_class_positive").metrics);
  const unnormalised = get("unnormalised_rows");
  assert.ok("roc_auc" in unnormalised.metrics);
  assert.match(unnormalised.notes.find((n) => n.metric === "roc_auc")!.reason, /do not sum to 1/);
  assert.deepEqual(get("wine_logreg").notes, []);
});

test("metrics come in the documented order", () => {
  const r = run(fixture.cases.find((c) => c.name === "breast_cancer_logreg")!);
  assert.deepEqual(Object.keys(r.metrics), [
    "accuracy",
    "balanced_accuracy",
    "precision",
    "recall",
    "f1",
    "precision_macro",
    "recall_macro",
    "f1_macro",
    "f1_weighted",
    "roc_auc",
    "pr_auc",
    "log_loss",
    "brier",
    "ece",
  ]);
});

test("the doc comment's example", () => {
  const r = classificationMetrics({
    yTrue: Int32Array.of(0, 1, 1),
    yPred: Int32Array.of(0, 0, 1),
    classes: ["no", "yes"],
  });
  assert.equal(r.metrics.accuracy, 2 / 3);
  assert.equal(r.metrics.balanced_accuracy, 0.75);
  assert.equal(r.metrics.precision, 1);
  assert.equal(r.metrics.recall, 0.5);
  assert.deepEqual(r.confusion_matrix, [
    [1, 0],
    [1, 1],
  ]);
  assert.equal(r.notes.length, 5);
});

test("bad inputs are refused with a RangeError", () => {
  const base = { yTrue: Int32Array.of(0, 1), yPred: Int32Array.of(0, 1), classes: ["a", "b"] };
  assert.throws(() => classificationMetrics({ ...base, classes: ["a"] }), RangeError);
  assert.throws(() => classificationMetrics({ ...base, yTrue: Int32Array.of(0, 2) }), /out of range/);
  assert.throws(() => classificationMetrics({ ...base, yPred: Int32Array.of(0, 5) }), /out of range/);
  assert.throws(() => classificationMetrics({ ...base, yPred: Int32Array.of(0) }), /rows/);
  assert.throws(() => classificationMetrics({ ...base, yTrue: new Int32Array(0), yPred: new Int32Array(0) }), /row/);
  assert.throws(() => classificationMetrics({ ...base, proba: Float64Array.of(0.5, 0.5, 1.5, -0.5) }), /probability/);
  assert.throws(() => classificationMetrics({ ...base, proba: Float64Array.of(0.5, 0.5, NaN, 0.5) }), /probability/);
  assert.throws(() => classificationMetrics({ ...base, proba: Float64Array.of(0.5, 0.5) }), /expected 2 rows/);
  assert.throws(() => classificationMetrics({ yTrue: base.yTrue, classes: base.classes }), /yPred or proba/);
  assert.throws(() => classificationMetrics({ ...base, positiveIndex: 2 }), /positiveIndex/);
  assert.throws(() => classificationMetrics({ ...base, classes: ["a", "b", "c"], positiveIndex: 0 }), /binary/);
});

const labelled = fc.integer({ min: 2, max: 5 }).chain((c) =>
  fc.record({
    c: fc.constant(c),
    rows: fc.array(
      fc.record({
        y: fc.integer({ min: 0, max: c - 1 }),
        p: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: c, maxLength: c }),
      }),
      { minLength: 1, maxLength: 60 },
    ),
  }),
);

function build(c: number, rows: { y: number; p: number[] }[]) {
  const proba = new Float64Array(rows.length * c);
  rows.forEach((r, i) => {
    const total = r.p.reduce((a, b) => a + b, 0);
    r.p.forEach((v, k) => (proba[i * c + k] = total === 0 ? 1 / c : v / total));
  });
  return {
    yTrue: Int32Array.from(rows, (r) => r.y),
    proba,
    classes: Array.from({ length: c }, (_, k) => `k${k}`),
  };
}

test("property: rates lie in [0, 1], the confusion matrix sums to N and its rows to the supports", () => {
  fc.assert(
    fc.property(labelled, ({ c, rows }) => {
      const input = build(c, rows);
      const r = classificationMetrics(input);
      for (const name of [
        "accuracy",
        "balanced_accuracy",
        "precision",
        "recall",
        "f1",
        "precision_macro",
        "recall_macro",
        "f1_macro",
        "f1_weighted",
        "roc_auc",
        "pr_auc",
        "brier",
        "ece",
      ]) {
        const v = r.metrics[name];
        if (v !== undefined) assert.ok(v >= 0 && v <= 1, `${name} = ${v}`);
      }
      assert.ok(r.metrics.log_loss! >= 0);
      const total = r.confusion_matrix.flat().reduce((a, b) => a + b, 0);
      assert.equal(total, rows.length);
      r.confusion_matrix.forEach((row, k) =>
        assert.equal(
          row.reduce((a, b) => a + b, 0),
          r.per_class[k]!.support,
        ),
      );
      const trace = r.confusion_matrix.reduce((a, row, k) => a + row[k]!, 0);
      assert.equal(r.metrics.accuracy, trace / rows.length);
    }),
    { numRuns: 300 },
  );
});

test("property: roc_auc and pr_auc are invariant under a strictly increasing transform of the scores", () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ y: fc.boolean(), s: fc.integer({ min: 0, max: 30 }) }), { minLength: 2, maxLength: 80 }),
      (rows) => {
        const yTrue = Int32Array.from(rows, (r) => (r.y ? 1 : 0));
        const score = Float64Array.from(rows, (r) => r.s / 30);
        // x -> x^3 / 2 + 0.1 is strictly increasing and keeps [0, 1] inside [0, 1]; ties stay ties.
        const moved = score.map((x) => (x * x * x) / 2 + 0.1);
        const a = classificationMetrics({ yTrue, proba: liftBinaryProba(score), classes: ["n", "p"] });
        const b = classificationMetrics({ yTrue, proba: liftBinaryProba(moved), classes: ["n", "p"] });
        assert.equal(b.metrics.roc_auc, a.metrics.roc_auc);
        assert.equal(b.metrics.pr_auc, a.metrics.pr_auc);
      },
    ),
    { numRuns: 300 },
  );
});
