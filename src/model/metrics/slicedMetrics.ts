import { classificationMetrics, type ClassificationMetricsInput } from "./classificationMetrics.js";
import type { MetricNote } from "./metricNote.js";
import { regressionMetrics } from "./regressionMetrics.js";

/** The slice of each row: `codes[i]` indexes `labels`. */
export interface SliceKey {
  codes: Int32Array;
  labels: string[];
}

/** The rows to slice, with the task that says which metric set to compute. */
export type SlicedMetricsTarget =
  | ({ task: "classification" } & ClassificationMetricsInput)
  | { task: "regression"; yTrue: Float64Array; yPred: Float64Array };

export interface SliceMetrics {
  slice: string;
  /** Rows in the slice. */
  size: number;
  /** size >= minSize: large enough for its metrics to be compared or gated on. */
  judged: boolean;
  metrics: Record<string, number>;
  notes: MetricNote[];
}

/**
 * The metric set of `classificationMetrics` or `regressionMetrics` computed separately on each slice of the rows
 * (rows grouped by `slices.codes`), with the slice's size and `judged = size >= minSize` (default 30): metrics of
 * small slices are reported but should not be gated on. Classification keeps the full class list in every slice,
 * so a slice where a class is missing gets the notes the whole data would (roc_auc left out, and so on).
 * Every label of `slices.labels` gets an entry (a label with no rows: size 0, no metrics, a note), sorted by label
 * (code-unit order, ties by code).
 *
 * Example: slicedMetrics({ task: "regression", yTrue, yPred }, { codes: Int32Array.of(0, 1, 0), labels: ["a", "b"] })
 *   -> [{ slice: "a", size: 2, judged: false, metrics: {...}, notes: [] }, { slice: "b", size: 1, ... }]
 */
export function slicedMetrics(target: SlicedMetricsTarget, slices: SliceKey, minSize = 30): SliceMetrics[] {
  const n = target.yTrue.length;
  const { codes, labels } = slices;
  if (codes.length !== n) throw new RangeError(`${n} rows but ${codes.length} slice codes`);
  if (target.yPred !== undefined && target.yPred.length !== n)
    throw new RangeError(`yTrue has ${n} rows but yPred has ${target.yPred.length}`);
  if (target.task === "classification" && target.proba !== undefined) {
    const expected = n * target.classes.length;
    if (target.proba.length !== expected)
      throw new RangeError(`proba has ${target.proba.length} values, expected ${n} rows x ${target.classes.length}`);
  }
  const s = labels.length;
  const counts = new Int32Array(s + 1);
  for (let i = 0; i < n; i++) {
    const code = codes[i]!;
    if (!(code >= 0 && code < s)) throw new RangeError(`row ${i}: slice code ${code} out of range 0..${s - 1}`);
    counts[code + 1]!++;
  }
  for (let k = 0; k < s; k++) counts[k + 1]! += counts[k]!;
  const order = new Int32Array(n);
  const next = counts.slice(0, s);
  for (let i = 0; i < n; i++) order[next[codes[i]!]!++] = i;

  const out: SliceMetrics[] = [];
  for (let k = 0; k < s; k++) {
    const rows = order.subarray(counts[k]!, counts[k + 1]!);
    const size = rows.length;
    const entry: SliceMetrics = { slice: labels[k]!, size, judged: size >= minSize, metrics: {}, notes: [] };
    if (size === 0) {
      entry.notes.push({ metric: "*", reason: "the slice has no rows" });
    } else {
      const result = target.task === "classification" ? classifySlice(target, rows) : regressSlice(target, rows);
      entry.metrics = result.metrics;
      entry.notes = result.notes;
    }
    out.push(entry);
  }
  // Array.prototype.sort is stable, so equal labels keep their code order.
  return out.sort((a, b) => (a.slice < b.slice ? -1 : a.slice > b.slice ? 1 : 0));
}

function classifySlice(target: ClassificationMetricsInput, rows: Int32Array) {
  const c = target.classes.length;
  const proba = target.proba === undefined ? undefined : new Float64Array(rows.length * c);
  if (proba !== undefined) {
    for (let r = 0; r < rows.length; r++) {
      const i = rows[r]!;
      proba.set(target.proba!.subarray(i * c, (i + 1) * c), r * c);
    }
  }
  return classificationMetrics({
    yTrue: pick(target.yTrue, rows),
    yPred: target.yPred === undefined ? undefined : pick(target.yPred, rows),
    proba,
    classes: target.classes,
    positiveIndex: target.positiveIndex,
  });
}

function regressSlice(target: { yTrue: Float64Array; yPred: Float64Array }, rows: Int32Array) {
  return regressionMetrics(pick(target.yTrue, rows), pick(target.yPred, rows));
}

function pick<T extends Int32Array | Float64Array>(values: T, rows: Int32Array): T {
  const out = new (values.constructor as new (n: number) => T)(rows.length);
  for (let r = 0; r < rows.length; r++) out[r] = values[rows[r]!]!;
  return out;
}
