import { CBPE_METRICS, type CbpeMetric } from "./cbpeMetric.js";

/**
 * What a metric's sampling error on n rows is made of, measured once on the labelled reference: the standard
 * deviation of the metric's per-row contributions and the fraction of rows that contribute. The standard error on a
 * window of n rows is then std / sqrt(n * fraction).
 */
export interface SamplingErrorComponent {
  std: number;
  fraction: number;
}

/**
 * NannyML's sampling error components for binary classification (nannyml/sampling_error/binary_classification.py):
 * - accuracy: the std of "prediction right" over all rows, fraction 1;
 * - precision: the std of "true" among the predicted positives, fraction = predicted positives / n;
 * - recall: the std of "predicted positive" among the true positives, fraction = positives / n;
 * - f1: the std of TP rows as 1 and FP and FN rows as 0, scaled by (TP + FP + FN) / (TP + (FP + FN) / 2), fraction =
 *   (TP + FP + FN) / n;
 * - roc_auc: the Mann-Whitney form: with the minority class as positive, rows sorted by score (stable), for the k-th
 *   positive (k = 0, 1, ...) at sorted position r_k > 0 the count of negatives below it, r_k - k, over the negatives;
 *   std of those, fraction = positives / n.
 * A std is NaN where nothing contributes (no predicted positives, no positives, ...): no band then.
 *
 * Example: samplingErrorComponents(Uint8Array.of(1, 0, 1, 0), Uint8Array.of(1, 0, 0, 0), Float64Array.of(0.9, 0.2,
 *   0.4, 0.3)).accuracy -> {std: 0.4330127018922193, fraction: 1} (3 of 4 right: sqrt(0.75 * 0.25))
 */
export function samplingErrorComponents(
  yTrue: Uint8Array,
  yPred: Uint8Array,
  score: Float64Array,
): Record<CbpeMetric, SamplingErrorComponent> {
  const n = yTrue.length;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (let i = 0; i < n; i++) {
    if (yPred[i]) {
      if (yTrue[i]) tp++;
      else fp++;
    } else if (yTrue[i]) fn++;
    else tn++;
  }
  const f1Rows = tp + fp + fn;
  const f1Scale = f1Rows / ((fn + fp) * 0.5 + tp);
  const out = Object.create(null) as Record<CbpeMetric, SamplingErrorComponent>;
  out.accuracy = { std: bernoulliStd(tp + tn, n), fraction: 1 };
  out.precision = { std: bernoulliStd(tp, tp + fp), fraction: (tp + fp) / n };
  out.recall = { std: bernoulliStd(tp, tp + fn), fraction: (tp + fn) / n };
  out.f1 = { std: bernoulliStd(tp, f1Rows) * f1Scale, fraction: f1Rows / n };
  out.roc_auc = aurocComponent(yTrue, score);
  for (const m of CBPE_METRICS) if (!Number.isFinite(out[m].std)) out[m] = { std: NaN, fraction: out[m].fraction };
  return out;
}

/** numpy's std (population) of `ones` ones among `count` values. */
function bernoulliStd(ones: number, count: number): number {
  if (count === 0) return NaN;
  const p = ones / count;
  return Math.sqrt(p * (1 - p));
}

function aurocComponent(yTrue: Uint8Array, score: Float64Array): SamplingErrorComponent {
  const n = yTrue.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += yTrue[i]!;
  // The minority class as positive (NannyML flips labels and scores when positives are the majority).
  const flip = positives / n > 0.5;
  const s = flip ? Float64Array.from(score, (v) => 1 - v) : score;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => s[a]! - s[b]! || a - b);
  const ser: number[] = [];
  let k = 0;
  for (let r = 0; r < n; r++) {
    const y = flip ? 1 - yTrue[order[r]!]! : yTrue[order[r]!]!;
    // numpy's unique(y * rank)[1:] drops rank 0, a positive sorted first included.
    if (y === 1 && r > 0) ser.push(r - k++);
  }
  const nPos = flip ? n - positives : positives;
  const nNeg = n - nPos;
  if (ser.length === 0 || nNeg === 0) return { std: NaN, fraction: nPos / n };
  let mean = 0;
  for (const v of ser) mean += v / nNeg;
  mean /= ser.length;
  let ss = 0;
  for (const v of ser) ss += (v / nNeg - mean) ** 2;
  return { std: Math.sqrt(ss / ser.length), fraction: nPos / n };
}
