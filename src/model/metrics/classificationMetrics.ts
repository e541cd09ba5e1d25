import { argmaxRows } from "./argmaxRows.js";
import { averagePrecision } from "./averagePrecision.js";
import { binaryCurve } from "./binaryCurve.js";
import { brierScore } from "./brierScore.js";
import { confusionMatrix } from "./confusionMatrix.js";
import { expectedCalibrationError } from "./expectedCalibrationError.js";
import { logLoss } from "./logLoss.js";
import type { MetricNote } from "./metricNote.js";
import { pairwiseSum } from "../../stats/pairwiseSum.js";
import { perClassScores } from "./perClassScores.js";
import { rocAuc } from "./rocAuc.js";

export interface ClassificationMetricsInput {
  /** True class of each row, an index into `classes`. */
  yTrue: Int32Array;
  /** Predicted class of each row; defaults to the argmax of `proba` (ties to the lowest index). */
  yPred?: Int32Array;
  /** Row-major [N, C] class probabilities in [0, 1]; absent when the model outputs labels only. */
  proba?: Float64Array;
  /** Class labels, C >= 2; C = 2 makes the problem binary. */
  classes: string[];
  /** Binary problems only: index of the positive class (default 1). */
  positiveIndex?: number;
}

export interface PerClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface ClassificationMetricsResult {
  metrics: Record<string, number>;
  per_class: PerClassMetrics[];
  /** confusion_matrix[t][p]: rows with true class t predicted as p, over all C classes. */
  confusion_matrix: number[][];
  notes: MetricNote[];
}

const PROBABILITY_METRICS = ["roc_auc", "pr_auc", "log_loss", "brier", "ece"] as const;

/**
 * Classification metrics with scikit-learn 1.2.1's definitions and zero-division conventions (0 when a
 * denominator is 0). Metric names, in this order:
 *
 * - `accuracy`: share of rows with yPred = yTrue.
 * - `balanced_accuracy`: mean recall over the classes present in yTrue.
 * - `precision`, `recall`, `f1`: binary problems only, of the positive class.
 * - `precision_macro`, `recall_macro`, `f1_macro`: unweighted means over the classes present in yTrue or yPred
 *   (scikit-learn's default labels; a class absent from both is left out, not counted as 0).
 * - `f1_weighted`: mean F1 weighted by support.
 * - `roc_auc`: binary, of the positive-class probability; multiclass, the one-vs-rest macro mean
 *   (`roc_auc_score(y, proba, multi_class="ovr", average="macro")`). Exact with tied scores.
 * - `pr_auc`: average precision (step-wise), binary on the positive class, multiclass the one-vs-rest macro mean.
 * - `log_loss`: see `logLoss` (clip to [eps, 1 - eps], renormalise rows).
 * - `brier`: binary only, see `brierScore`.
 * - `ece`: top-label expected calibration error over 10 equal-width bins, see `expectedCalibrationError`.
 *
 * The probability metrics need `proba`. A metric that is undefined for the data is left out of `metrics` and
 * explained in `notes`: roc_auc when a class has no positive or no negative rows (one-vs-rest), pr_auc when a class
 * has no positive rows (scikit-learn warns and reports 0 there; we report nothing). `per_class` lists every class of
 * `classes`, present or not. Inputs out of range (class indices, probabilities outside [0, 1] or NaN, mismatched
 * lengths, no rows) throw a RangeError.
 *
 * Example:
 *   classificationMetrics({ yTrue: Int32Array.of(0, 1, 1), yPred: Int32Array.of(0, 0, 1), classes: ["no", "yes"] })
 *   -> metrics { accuracy: 0.667, balanced_accuracy: 0.75, precision: 1, recall: 0.5, f1: 0.667, ... },
 *      confusion_matrix [[1, 0], [1, 1]], notes for the five probability metrics
 */
export function classificationMetrics(input: ClassificationMetricsInput): ClassificationMetricsResult {
  const { yTrue, proba, classes } = input;
  const c = classes.length;
  const n = yTrue.length;
  if (c < 2) throw new RangeError(`classification needs at least 2 classes, got ${c}`);
  if (n === 0) throw new RangeError("classification metrics need at least one row");
  for (let i = 0; i < n; i++) {
    const t = yTrue[i]!;
    if (!(t >= 0 && t < c)) throw new RangeError(`yTrue row ${i}: class index ${t} out of range 0..${c - 1}`);
  }
  if (proba !== undefined) checkProba(proba, n, c);
  const yPred = input.yPred ?? (proba === undefined ? undefined : argmaxRows(proba, c));
  if (yPred === undefined) throw new RangeError("classification metrics need yPred or proba");
  if (yPred.length !== n) throw new RangeError(`yTrue has ${n} rows but yPred has ${yPred.length}`);
  const binary = c === 2;
  const positive = input.positiveIndex ?? 1;
  if (input.positiveIndex !== undefined && !binary)
    throw new RangeError("positiveIndex applies to binary problems only (C = 2)");
  if (positive !== 0 && positive !== 1) throw new RangeError(`positiveIndex must be 0 or 1, got ${positive}`);

  const confusion = confusionMatrix(yTrue, yPred, c);
  const s = perClassScores(confusion);
  const metrics: Record<string, number> = {};
  const notes: MetricNote[] = [];

  let correct = 0;
  for (let k = 0; k < c; k++) correct += confusion[k]![k]!;
  metrics.accuracy = correct / n;
  const presentRecalls: number[] = [];
  for (let k = 0; k < c; k++) if (s.support[k]! > 0) presentRecalls.push(s.recall[k]!);
  metrics.balanced_accuracy = mean(presentRecalls);
  if (binary) {
    metrics.precision = s.precision[positive]!;
    metrics.recall = s.recall[positive]!;
    metrics.f1 = s.f1[positive]!;
  }
  const labels: number[] = [];
  for (let k = 0; k < c; k++) if (s.support[k]! > 0 || s.predicted[k]! > 0) labels.push(k);
  metrics.precision_macro = mean(labels.map((k) => s.precision[k]!));
  metrics.recall_macro = mean(labels.map((k) => s.recall[k]!));
  metrics.f1_macro = mean(labels.map((k) => s.f1[k]!));
  metrics.f1_weighted =
    pairwiseSum(Float64Array.from(labels, (k) => s.f1[k]! * s.support[k]!)) /
    pairwiseSum(Float64Array.from(labels, (k) => s.support[k]!));

  if (proba === undefined) {
    for (const metric of PROBABILITY_METRICS)
      if (binary || metric !== "brier")
        notes.push({ metric, reason: "no probabilities: the model outputs labels only" });
  } else {
    rankingMetrics(yTrue, proba, classes, binary ? positive : -1, metrics, notes);
    metrics.log_loss = logLoss(yTrue, proba, c);
    if (binary) metrics.brier = brierScore(yTrue, proba, c, positive);
    metrics.ece = expectedCalibrationError(yTrue, proba, c, 10);
  }

  const per_class = classes.map((label, k) => ({
    label,
    precision: s.precision[k]!,
    recall: s.recall[k]!,
    f1: s.f1[k]!,
    support: s.support[k]!,
  }));
  return { metrics, per_class, confusion_matrix: confusion, notes };
}

/** roc_auc and pr_auc: of the positive class (positive >= 0) or one-vs-rest macro means (positive = -1). */
function rankingMetrics(
  yTrue: Int32Array,
  proba: Float64Array,
  classes: string[],
  positive: number,
  metrics: Record<string, number>,
  notes: MetricNote[],
): void {
  const c = classes.length;
  const n = yTrue.length;
  const targets = positive >= 0 ? [positive] : classes.map((_, k) => k);
  const rocs: number[] = [];
  const aps: number[] = [];
  const noPositives: string[] = [];
  const scores = new Float64Array(n);
  const isPositive = new Uint8Array(n);
  for (const k of targets) {
    for (let i = 0; i < n; i++) {
      scores[i] = proba[i * c + k]!;
      isPositive[i] = yTrue[i] === k ? 1 : 0;
    }
    const curve = binaryCurve(scores, isPositive);
    const roc = rocAuc(curve);
    const ap = averagePrecision(curve);
    if (curve.positives === 0) noPositives.push(classes[k]!);
    if (roc !== undefined) rocs.push(roc);
    if (ap !== undefined) aps.push(ap);
  }
  const supports = new Float64Array(c);
  for (let i = 0; i < n; i++) supports[yTrue[i]!]!++;
  const present = classes.filter((_, k) => supports[k]! > 0);
  if (rocs.length === targets.length) metrics.roc_auc = mean(rocs);
  else if (present.length === 1)
    notes.push({ metric: "roc_auc", reason: `only one class (${present[0]}) present in yTrue` });
  else
    notes.push({
      metric: "roc_auc",
      reason: `one-vs-rest ROC AUC is undefined for classes absent from yTrue: ${noPositives.join(", ")}`,
    });
  if (aps.length === targets.length) metrics.pr_auc = mean(aps);
  else if (positive >= 0)
    notes.push({ metric: "pr_auc", reason: `positive class (${classes[positive]}) absent from yTrue` });
  else
    notes.push({
      metric: "pr_auc",
      reason: `average precision is undefined for classes absent from yTrue: ${noPositives.join(", ")}`,
    });
  if (positive < 0 && metrics.roc_auc !== undefined) {
    let worst = 0;
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let k = 0; k < c; k++) sum += proba[i * c + k]!;
      // numpy.allclose(1, sum): |1 - sum| <= 1e-8 + 1e-5 * |sum|
      if (Math.abs(1 - sum) > 1e-8 + 1e-5 * Math.abs(sum)) worst = Math.max(worst, Math.abs(1 - sum));
    }
    if (worst > 0)
      notes.push({
        metric: "roc_auc",
        reason: `probability rows do not sum to 1 (off by up to ${worst.toPrecision(3)}); scores ranked as given`,
      });
  }
}

function checkProba(proba: Float64Array, n: number, c: number): void {
  if (proba.length !== n * c)
    throw new RangeError(`proba has ${proba.length} values, expected ${n} rows x ${c} classes (row-major)`);
  for (let i = 0; i < proba.length; i++) {
    const p = proba[i]!;
    if (!(p >= 0 && p <= 1))
      throw new RangeError(`proba row ${Math.floor(i / c)}, class ${i % c}: ${p} is not a probability in [0, 1]`);
  }
}

function mean(values: number[]): number {
  return pairwiseSum(Float64Array.from(values)) / values.length;
}
