import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { InferenceSession, Tensor } from "onnxruntime-node";
import { loadTable } from "../../../src/data/loadTable.js";
import { cellText, getColumn, type NumericColumn } from "../../../src/data/table.js";
import { evaluateModel } from "../../../src/model/evaluate/evaluateModel.js";
import type { ClassificationPredictions, RegressionPredictions } from "../../../src/model/evaluate/predictions.js";
import { classificationMetrics } from "../../../src/model/metrics/classificationMetrics.js";
import { liftBinaryProba } from "../../../src/model/metrics/liftBinaryProba.js";
import { regressionMetrics } from "../../../src/model/metrics/regressionMetrics.js";

interface Reference {
  data: string;
  target: string;
  features: string[];
  classes?: string[];
  positive_label?: string | null;
  y_true: number[];
  y_pred?: number[];
  proba?: number[];
  predictions?: number[];
  metrics: Record<string, number>;
  label_metrics?: Record<string, number>;
  per_class?: { label: string; precision: number; recall: number; f1: number; support: number }[];
  confusion_matrix?: number[][];
  min_margin?: number;
}

const REFERENCE = JSON.parse(readFileSync("fixtures/models/evaluate_reference.json", "utf8")) as Record<
  string,
  Reference
>;
const LABEL_METRICS = new Set([
  "accuracy",
  "balanced_accuracy",
  "precision",
  "recall",
  "f1",
  "precision_macro",
  "recall_macro",
  "f1_macro",
  "f1_weighted",
]);

/**
 * How far our value may be from scikit-learn's. scikit-learn computes on float64 probabilities; the ONNX models
 * compute in float32 (relative rounding 2^-24 = 6e-8 per operation), so probabilities differ by ~1e-7:
 * - label metrics and the confusion matrix are exact (min_margin in the reference shows no label is within 1e-3 of
 *   flipping);
 * - roc_auc and pr_auc depend on the ranking only, which float32 keeps on these data: exact to 1e-12;
 * - log_loss and brier are means of smooth functions of the probabilities: 1e-6;
 * - regression values (~150) differ by ~1e-5 absolute: 1e-6 relative on every metric.
 * The double-precision model computes in float64 like scikit-learn: 1e-12 on everything.
 */
function tolerance(model: string, metric: string, expected: number): number {
  if (model === "breast_cancer_double.onnx") return 1e-12 * Math.max(1, Math.abs(expected));
  if (LABEL_METRICS.has(metric)) return 0;
  if (metric === "roc_auc" || metric === "pr_auc") return 1e-12;
  if (metric === "log_loss" || metric === "brier") return 1e-6;
  return 1e-6 * Math.abs(expected);
}

const MODELS = Object.keys(REFERENCE).filter((m) => m !== "wine_zipmap.onnx");

test("every fixture's metrics agree with scikit-learn's within the float32 tolerance", async () => {
  const worst: Record<string, number> = {};
  for (const name of MODELS) {
    const ref = REFERENCE[name]!;
    const { document, predictions } = await evaluateModel({
      model: `fixtures/models/${name}`,
      data: ref.data,
      target: ref.target,
    });
    const labelsOnly = name === "breast_cancer_labels.onnx";
    const expected = labelsOnly ? ref.label_metrics! : ref.metrics;
    for (const [metric, value] of Object.entries(expected)) {
      const got = document.metrics[metric];
      assert.ok(got !== undefined, `${name}: ${metric} is computed`);
      const diff = Math.abs(got - value);
      assert.ok(diff <= tolerance(name, metric, value), `${name} ${metric}: ours ${got}, scikit-learn ${value}`);
      worst[metric] = Math.max(worst[metric] ?? 0, diff / Math.max(1, Math.abs(value)));
    }
    if (ref.confusion_matrix) {
      assert.deepEqual(document.confusion_matrix, ref.confusion_matrix, name);
      assert.deepEqual(document.classes, ref.classes);
      assert.deepEqual(document.per_class, ref.per_class, name);
      assert.equal(document.positive_label, ref.positive_label ?? undefined);
      const p = predictions as ClassificationPredictions;
      assert.deepEqual(Array.from(p.yTrue), ref.y_true, `${name}: true classes`);
      assert.deepEqual(Array.from(p.yPred), ref.y_pred, `${name}: predicted classes`);
      assert.ok(ref.min_margin! > 1e-3);
      if (labelsOnly) assert.equal(p.proba, undefined);
      else
        p.proba!.forEach((v, i) =>
          assert.ok(Math.abs(v - ref.proba![i]!) <= 1e-6, `${name} proba[${i}]: ${v} vs ${ref.proba![i]}`),
        );
    } else {
      const p = predictions as RegressionPredictions;
      assert.equal(document.task, "regression");
      assert.deepEqual(Array.from(p.yTrue), ref.y_true);
      p.yPred.forEach((v, i) => assert.ok(Math.abs(v - ref.predictions![i]!) <= 1e-4, `prediction ${i}`));
    }
  }
  // The measured worst relative disagreement per metric, for the record (see `tolerance`).
  assert.ok(Object.keys(worst).length >= 19, Object.keys(worst).join(", "));
});

test("metrics are exactly those computed from a direct session.run on all rows (no batching, own binding)", async () => {
  for (const name of MODELS) {
    const ref = REFERENCE[name]!;
    const { document } = await evaluateModel({ model: `fixtures/models/${name}`, data: ref.data, target: ref.target });
    const outputs = await runDirectly(name, ref);
    const table = await loadTable(ref.data);
    const target = getColumn(table, ref.target)!;
    let expected: Record<string, number>;
    if (!ref.classes) {
      expected = regressionMetrics((target as NumericColumn).values, outputs.values!).metrics;
    } else {
      const classes = ref.classes;
      const yTrue = Int32Array.from({ length: table.rowCount }, (_, i) => classes.indexOf(cellText(target, i)!));
      const proba = outputs.values
        ? outputs.values.length === table.rowCount
          ? liftBinaryProba(outputs.values)
          : outputs.values
        : undefined;
      const yPred = outputs.labels ? Int32Array.from(outputs.labels, (l) => classes.indexOf(l)) : undefined;
      expected = classificationMetrics({ yTrue, yPred, proba, classes }).metrics;
    }
    assert.deepEqual(document.metrics, expected, name);
  }
});

/** The model's outputs from one session.run over every row, inputs built here row by row. */
async function runDirectly(name: string, ref: Reference): Promise<{ values?: Float64Array; labels?: string[] }> {
  const session = await InferenceSession.create(readFileSync(`fixtures/models/${name}`));
  const table = await loadTable(ref.data);
  const n = table.rowCount;
  const feeds: Record<string, Tensor> = {};
  const meta = session.inputMetadata;
  if (meta.length === 1) {
    const f = ref.features.length;
    const double = meta[0]!.isTensor && meta[0]!.type === "float64";
    const x = double ? new Float64Array(n * f) : new Float32Array(n * f);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < f; j++) x[i * f + j] = Number(cellText(getColumn(table, ref.features[j]!)!, i));
    feeds[meta[0]!.name] = new Tensor(double ? "float64" : "float32", x, [n, f]);
  } else {
    for (const m of meta) {
      if (!m.isTensor) throw new Error("tensor inputs only");
      const column = getColumn(table, m.name)!;
      const texts = Array.from({ length: n }, (_, i) => cellText(column, i)!);
      feeds[m.name] =
        m.type === "string"
          ? new Tensor("string", texts, [n, 1])
          : m.type === "int64"
            ? new Tensor(
                "int64",
                BigInt64Array.from(texts, (t) => BigInt(Number(t))),
                [n, 1],
              )
            : new Tensor("float32", Float32Array.from(texts, Number), [n, 1]);
    }
  }
  const result = await session.run(feeds);
  await session.release();
  const out: { values?: Float64Array; labels?: string[] } = {};
  for (const [, t] of Object.entries(result)) {
    const tensor = t as Tensor;
    if (tensor.type === "float32" || tensor.type === "float64")
      out.values = Float64Array.from(tensor.data as Float32Array);
    else out.labels = Array.from(tensor.data as BigInt64Array | string[], String);
  }
  return out;
}
