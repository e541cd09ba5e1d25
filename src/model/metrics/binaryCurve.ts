import { radixSortFloat64 } from "../../stats/radixSortFloat64.js";
/** Cumulative counts of a binary classifier at each distinct score; see `binaryCurve`. */
export interface BinaryCurve {
  /** Distinct scores, descending. */
  thresholds: Float64Array;
  /** Positives scored >= thresholds[k]. */
  tps: Float64Array;
  /** Negatives scored >= thresholds[k]. */
  fps: Float64Array;
  positives: number;
  negatives: number;
}

/**
 * Cumulative true and false positives at each distinct score, highest first: scikit-learn's `_binary_clf_curve`,
 * from which ROC and precision-recall curves are read. Predicting "positive" for every score >= thresholds[k] gives
 * tps[k] true positives and fps[k] false positives; the last entry counts every row (tps = positives, fps = negatives).
 * Tied scores form one threshold, so areas computed from the curve are exact with ties.
 *
 * The scores of positives and of negatives are sorted separately (radix sort, O(N)) and merged,
 * which needs no index array. Scores must not be NaN.
 *
 * Example: binaryCurve(Float64Array.of(0.1, 0.4, 0.35, 0.8), Uint8Array.of(0, 0, 1, 1))
 *   -> thresholds [0.8, 0.4, 0.35, 0.1], tps [1, 1, 2, 2], fps [0, 1, 1, 2]
 */
export function binaryCurve(scores: Float64Array, isPositive: Uint8Array): BinaryCurve {
  const n = scores.length;
  if (isPositive.length !== n) throw new RangeError(`${n} scores but ${isPositive.length} labels`);
  let positives = 0;
  for (let i = 0; i < n; i++) if (isPositive[i]) positives++;
  const pos = new Float64Array(positives);
  const neg = new Float64Array(n - positives);
  let a = 0;
  let b = 0;
  for (let i = 0; i < n; i++) {
    const s = scores[i]!;
    if (s !== s) throw new RangeError(`score at row ${i} is NaN`);
    if (isPositive[i]) pos[a++] = s;
    else neg[b++] = s;
  }
  const posSorted = radixSortFloat64(pos);
  const negSorted = radixSortFloat64(neg);
  const thresholds = new Float64Array(n);
  const tps = new Float64Array(n);
  const fps = new Float64Array(n);
  let i = posSorted.length - 1;
  let j = negSorted.length - 1;
  let tp = 0;
  let fp = 0;
  let m = 0;
  while (i >= 0 || j >= 0) {
    let t: number;
    if (i < 0) t = negSorted[j]!;
    else if (j < 0) t = posSorted[i]!;
    else t = posSorted[i]! > negSorted[j]! ? posSorted[i]! : negSorted[j]!;
    while (i >= 0 && posSorted[i] === t) {
      tp++;
      i--;
    }
    while (j >= 0 && negSorted[j] === t) {
      fp++;
      j--;
    }
    thresholds[m] = t;
    tps[m] = tp;
    fps[m] = fp;
    m++;
  }
  return {
    thresholds: thresholds.subarray(0, m),
    tps: tps.subarray(0, m),
    fps: fps.subarray(0, m),
    positives,
    negatives: n - positives,
  };
}
