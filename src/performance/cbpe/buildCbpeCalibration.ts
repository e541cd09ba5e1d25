import { binaryCurve } from "../../model/metrics/binaryCurve.js";
import { rocAuc } from "../../model/metrics/rocAuc.js";
import { CBPE_METRICS, type CbpeMetric } from "./cbpeMetric.js";
import { fitIsotonicRegression } from "./fitIsotonicRegression.js";
import { needsCalibration } from "./needsCalibration.js";
import { samplingErrorComponents, type SamplingErrorComponent } from "./samplingErrorComponents.js";

/**
 * calibration.json (schemas/calibration.schema.json): what the monitor needs to estimate a binary classifier's
 * performance from its probabilities alone, learnt from labelled reference predictions.
 */
export interface CbpeCalibration {
  kind: "modelguard.calibration";
  version: 1;
  /** The class whose probability events carry (`probability`), and the other one, as text. */
  positive_class: string;
  negative_class: string;
  /** A score above this is a predicted positive when an event carries no predicted label (argmax of two classes). */
  threshold: number;
  /** The labelled predictions it was made from. */
  predictions: { path: string; sha256: string; rows: number; positives: number };
  /** Whether the isotonic calibrator is used (it lowered the cross-validated ECE), and the ECE without and with it. */
  check: { calibrate: boolean; ece_before: number | null; ece_after: number | null };
  /** The isotonic fit's thresholds (null: scores are used as they are). */
  isotonic: { x: number[]; y: number[] } | null;
  /** Per metric, NannyML's sampling error components from the reference (std null where nothing contributes). */
  sampling_error: Record<CbpeMetric, { std: number | null; fraction: number }>;
  /** The realized metrics on the reference rows: the baseline `max_drop` rules compare estimates with. */
  reference_metrics: Record<CbpeMetric, number | null>;
}

/**
 * Builds the calibration from labelled reference predictions: the raw positive-class probability, the true and the
 * predicted class of each row (1 = positive). The isotonic calibrator is fitted on every row and kept when the
 * cross-validated check says it helps (needsCalibration).
 *
 * Example: buildCbpeCalibration({score, yTrue, yPred}, {positiveClass: "1", negativeClass: "0", path, sha256})
 */
export function buildCbpeCalibration(
  rows: { score: Float64Array; yTrue: Uint8Array; yPred: Uint8Array },
  meta: { positiveClass: string; negativeClass: string; path: string; sha256: string; threshold?: number },
): CbpeCalibration {
  const { score, yTrue, yPred } = rows;
  const n = score.length;
  const check = needsCalibration(yTrue, score);
  const fit = check.calibrate ? fitIsotonicRegression(score, Float64Array.from(yTrue)) : null;
  const components = samplingErrorComponents(yTrue, yPred, score);
  const sampling = Object.create(null) as CbpeCalibration["sampling_error"];
  for (const m of CBPE_METRICS) sampling[m] = jsonComponent(components[m]);
  let positives = 0;
  for (let i = 0; i < n; i++) positives += yTrue[i]!;
  return {
    kind: "modelguard.calibration",
    version: 1,
    positive_class: meta.positiveClass,
    negative_class: meta.negativeClass,
    threshold: meta.threshold ?? 0.5,
    predictions: { path: meta.path, sha256: meta.sha256, rows: n, positives },
    check: { calibrate: check.calibrate, ece_before: check.eceBefore, ece_after: check.eceAfter },
    isotonic: fit ? { x: Array.from(fit.x), y: Array.from(fit.y) } : null,
    sampling_error: sampling,
    reference_metrics: realizedMetrics(yTrue, yPred, score),
  };
}

function jsonComponent(c: SamplingErrorComponent): { std: number | null; fraction: number } {
  return { std: Number.isFinite(c.std) ? c.std : null, fraction: c.fraction };
}

/** Accuracy, precision, recall, F1 (0 on a zero denominator, as scikit-learn's zero_division=0) and ROC AUC. */
export function realizedMetrics(
  yTrue: Uint8Array,
  yPred: Uint8Array,
  score: Float64Array,
): Record<CbpeMetric, number | null> {
  const n = yTrue.length;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < n; i++) {
    if (yPred[i] && yTrue[i]) tp++;
    else if (yPred[i]) fp++;
    else if (yTrue[i]) fn++;
  }
  const out = Object.create(null) as Record<CbpeMetric, number | null>;
  out.accuracy = n > 0 ? (n - fp - fn) / n : null;
  out.precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  out.recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  out.f1 = 2 * tp + fp + fn > 0 ? (2 * tp) / (2 * tp + fp + fn) : 0;
  out.roc_auc = n > 0 ? (rocAuc(binaryCurve(score, yTrue)) ?? null) : null;
  return out;
}
