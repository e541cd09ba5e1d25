import type { BinaryCurve } from "./binaryCurve.js";

/**
 * Area under the ROC curve (true positive rate against false positive rate), by the trapezoid rule over the distinct
 * thresholds of `curve` starting from (0, 0) - scikit-learn's `roc_auc_score`. A tie between a positive and a negative
 * counts one half, so the result equals the Mann-Whitney probability P(score+ > score-) + P(score+ = score-) / 2.
 * The area is accumulated in whole counts, sum (fp_k - fp_k-1)(tp_k + tp_k-1), and divided once by 2 * P * N, so it
 * is exact up to a final rounding (below 2^53 counts, i.e. up to ~10^8 rows).
 *
 * Returns undefined when the curve has no positives or no negatives (the area is then not defined).
 * Example: rocAuc(binaryCurve(Float64Array.of(0.1, 0.4, 0.35, 0.8), Uint8Array.of(0, 0, 1, 1))) -> 0.75
 */
export function rocAuc(curve: BinaryCurve): number | undefined {
  const { tps, fps, positives, negatives } = curve;
  if (positives === 0 || negatives === 0) return undefined;
  let area2 = 0;
  let prevTp = 0;
  let prevFp = 0;
  for (let k = 0; k < tps.length; k++) {
    const tp = tps[k]!;
    const fp = fps[k]!;
    area2 += (fp - prevFp) * (tp + prevTp);
    prevTp = tp;
    prevFp = fp;
  }
  return area2 / (2 * positives * negatives);
}
