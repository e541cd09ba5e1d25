import { radixSortFloat64InPlace } from "./radixSortFloat64.js";

export interface DelongPlacements {
  /** Area under the ROC curve (ties count one half), the mean placement of the positives. */
  auc: number;
  positives: number;
  negatives: number;
  /**
   * Per row: for a positive, V10 = the share of negatives it outscores (ties one half); for a negative, V01 = the share
   * of positives that outscore it. DeLong's structural components: mean(V10) = mean(V01) = auc.
   */
  placement: Float64Array;
}

/**
 * DeLong, DeLong & Clarke-Pearson (1988) placements of one scorer, in O(n log n): positives' and negatives' scores
 * sorted once each, every row placed by two binary searches. NaN scores make every placement NaN.
 *
 * Example: delongPlacements(Float64Array.of(0.1, 0.4, 0.35, 0.8), Uint8Array.of(0, 0, 1, 1)).auc -> 0.75
 */
export function delongPlacements(score: Float64Array, positive: Uint8Array): DelongPlacements {
  const n = score.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += positive[i] ? 1 : 0;
  const pos = new Float64Array(m);
  const neg = new Float64Array(n - m);
  let hasNaN = false;
  for (let i = 0, a = 0, b = 0; i < n; i++) {
    const s = score[i]!;
    if (s !== s) hasNaN = true;
    if (positive[i]) pos[a++] = s;
    else neg[b++] = s;
  }
  const placement = new Float64Array(n);
  if (hasNaN || m === 0 || m === n) return { auc: NaN, positives: m, negatives: n - m, placement: placement.fill(NaN) };
  radixSortFloat64InPlace(pos);
  radixSortFloat64InPlace(neg);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const s = score[i]!;
    if (positive[i]) {
      const below = lowerBound(neg, s);
      const v = (below + 0.5 * (upperBound(neg, s) - below)) / neg.length;
      placement[i] = v;
      sum += v;
    } else {
      const notAbove = upperBound(pos, s);
      placement[i] = (m - notAbove + 0.5 * (notAbove - lowerBound(pos, s))) / m;
    }
  }
  return { auc: sum / m, positives: m, negatives: n - m, placement };
}

/**
 * DeLong's covariance matrix of the AUCs of several scorers of the same rows: S10 / m + S01 / n, where S10 (S01) is
 * the sample covariance (denominator m - 1, n - 1) of the positives' (negatives') placements across scorers. The
 * variance of a paired difference A_1 - A_2 is cov[0][0] + cov[1][1] - 2 cov[0][1].
 */
export function delongCovariance(
  scores: readonly Float64Array[],
  positive: Uint8Array,
): { auc: number[]; covariance: number[][] } {
  const placed = scores.map((s) => delongPlacements(s, positive));
  const k = placed.length;
  const auc = placed.map((p) => p.auc);
  const covariance = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const m = placed[0]?.positives ?? 0;
  const nn = placed[0]?.negatives ?? 0;
  const n = positive.length;
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      let s10 = 0;
      let s01 = 0;
      const pa = placed[a]!.placement;
      const pb = placed[b]!.placement;
      for (let i = 0; i < n; i++) {
        const d = (pa[i]! - auc[a]!) * (pb[i]! - auc[b]!);
        if (positive[i]) s10 += d;
        else s01 += d;
      }
      const c = s10 / (m - 1) / m + s01 / (nn - 1) / nn;
      covariance[a]![b] = c;
      covariance[b]![a] = c;
    }
  }
  return { auc, covariance };
}

/** First index whose value is >= x. */
function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose value is > x. */
function upperBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
