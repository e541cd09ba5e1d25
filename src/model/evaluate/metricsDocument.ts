import { contractNumber } from "../../contracts/contractJson.js";
import type { Column } from "../../data/table.js";
import { classificationMetrics, type PerClassMetrics } from "../metrics/classificationMetrics.js";
import type { MetricNote } from "../metrics/metricNote.js";
import { regressionMetrics } from "../metrics/regressionMetrics.js";
import { slicedMetrics } from "../metrics/slicedMetrics.js";
import type { EvaluationTask, Predictions } from "./predictions.js";
import { compareCodePoints } from "./classLabels.js";
import { MISSING_SLICE, sliceKeyOf } from "./sliceKeyOf.js";

/** The metrics of the rows whose `column` holds `value` (null: the rows where it is missing). */
export interface SliceEntry {
  column: string;
  value: string | null;
  size: number;
  /** size >= --min-slice-size: large enough to compare or gate on. */
  judged: boolean;
  metrics: Record<string, number>;
  /** Why metrics are missing in this slice (e.g. roc_auc when the slice holds one class). */
  notes: MetricNote[];
}

/** metrics.json, schemas/metrics.schema.json (https://modelguard.dev/schemas/metrics.v1.json). */
export interface MetricsDocument {
  kind: "modelguard.metrics";
  version: 1;
  task: EvaluationTask;
  model: { path: string; sha256: string; bytes: number };
  data: { path: string; sha256: string; rows: number };
  target: string;
  /** Binary classification: the class precision, recall, f1, roc_auc, pr_auc and brier are of. */
  positive_label?: string;
  /** Classification: the class labels, in the order of per_class and the confusion matrix. */
  classes?: string[];
  metrics: Record<string, number>;
  per_class?: PerClassMetrics[];
  /** confusion_matrix[t][p]: rows of true class t predicted as p. */
  confusion_matrix?: number[][];
  slices?: SliceEntry[];
  /** Metrics left out (undefined for the data) and other things to know when reading the numbers. */
  notes: MetricNote[];
  duration_ms: number;
}

/**
 * A metrics document as read back from JSON: metric values written as "Infinity" or "-Infinity" (an mse whose squares
 * overflow) become numbers again. Non-finite values are written that way (stringifyContract) rather than as null.
 */
export function reviveMetricsDocument<T extends { metrics?: unknown; slices?: unknown }>(doc: T): T {
  const revive = (m: unknown) => {
    if (typeof m !== "object" || m === null) return m;
    return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, contractNumber(v)]));
  };
  return {
    ...doc,
    metrics: revive(doc.metrics),
    ...(Array.isArray(doc.slices)
      ? { slices: doc.slices.map((s: { metrics?: unknown }) => ({ ...s, metrics: revive(s.metrics) })) }
      : {}),
  };
}

/** The metric part of a metrics document: what `computeMetrics` fills in. */
export type ComputedMetrics = Pick<
  MetricsDocument,
  "task" | "positive_label" | "classes" | "metrics" | "per_class" | "confusion_matrix" | "slices" | "notes"
>;

/**
 * The metrics of the predictions, overall and (with `sliceBy`) per slice, through src/model/metrics:
 * `classificationMetrics({ yTrue, yPred, proba, classes, positiveIndex })` or `regressionMetrics(yTrue, yPred)`, and
 * `slicedMetrics(target, sliceKeyOf(column), minSliceSize)`. Slices are listed by value (numerically for numeric
 * columns), the missing-value slice last.
 *
 * Example: computeMetrics({ task: "regression", rowCount: 2, yTrue: Float64Array.of(1, 2), yPred: Float64Array.of(1, 3) })
 *   -> { task: "regression", metrics: { mse: 0.5, rmse: 0.707, mae: 0.5, r2: -1, mape: 0.25, median_ae: 0.5 }, notes: [] }
 */
export function computeMetrics(
  predictions: Predictions,
  slicing?: { column: Column; minSize: number },
): ComputedMetrics {
  let out: ComputedMetrics;
  if (predictions.task === "regression") {
    const r = regressionMetrics(predictions.yTrue, predictions.yPred);
    out = { task: "regression", metrics: r.metrics, notes: r.notes };
  } else {
    const { yTrue, yPred, proba, classes, positiveIndex } = predictions;
    const r = classificationMetrics({ yTrue, yPred, proba, classes, positiveIndex });
    out = {
      task: predictions.task,
      ...(positiveIndex !== undefined ? { positive_label: classes[positiveIndex]! } : {}),
      classes,
      metrics: r.metrics,
      per_class: r.per_class,
      confusion_matrix: r.confusion_matrix,
      notes: r.notes,
    };
  }
  if (slicing) {
    const { column, minSize } = slicing;
    const key = sliceKeyOf(column, predictions.rowCount);
    const target =
      predictions.task === "regression"
        ? { task: "regression" as const, yTrue: predictions.yTrue, yPred: predictions.yPred }
        : {
            task: "classification" as const,
            yTrue: predictions.yTrue,
            yPred: predictions.yPred,
            proba: predictions.proba,
            classes: predictions.classes,
            positiveIndex: predictions.positiveIndex,
          };
    const entries: SliceEntry[] = slicedMetrics(target, key, minSize).map((s) => ({
      column: column.name,
      value: s.slice === MISSING_SLICE ? null : s.slice,
      size: s.size,
      judged: s.judged,
      metrics: s.metrics,
      notes: s.notes,
    }));
    out.slices = entries.sort(sliceOrder(column));
  }
  return out;
}

function sliceOrder(column: Column): (a: SliceEntry, b: SliceEntry) => number {
  const numeric = column.kind === "numeric";
  return (a, b) => {
    if (a.value === null || b.value === null) return a.value === b.value ? 0 : a.value === null ? 1 : -1;
    if (numeric) {
      const x = Number(a.value);
      const y = Number(b.value);
      if (Number.isFinite(x) && Number.isFinite(y) && x !== y) return x - y;
    }
    return compareCodePoints(a.value, b.value);
  };
}
