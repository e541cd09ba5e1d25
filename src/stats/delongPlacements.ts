import { argsortFloat64 } from "./argsortFloat64.js";

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
 * DeLong, DeLong & Clarke-Pearson (1988) placements of one scorer, in O(n): the rows sorted once by score
 * (argsortFloat64, a radix sort; pass `order` when the caller has it), then one walk over the runs of equal scores,
 * counting the positives and negatives below each run. NaN scores make every placement NaN.
 *
 * Example: delongPlacements(Float64Array.of(0.1, 0.4, 0.35, 0.8), Uint8Array.of(0, 0, 1, 1)).auc -> 0.75
 */
export function delongPlacements(score: Float64Array, positive: Uint8Array, order?: Int32Array): DelongPlacements {
  const n = score.length;
  let m = 0;
  let hasNaN = false;
  for (let i = 0; i < n; i++) {
    m += positive[i] ? 1 : 0;
    if (score[i] !== score[i]) hasNaN = true;
  }
  const nn = n - m;
  const placement = new Float64Array(n);
  if (hasNaN || m === 0 || m === n) return { auc: NaN, positives: m, negatives: nn, placement: placement.fill(NaN) };
  order ??= argsortFloat64(score);
  let posBelow = 0;
  let negBelow = 0;
  for (let start = 0; start < n;) {
    const s = score[order[start]!]!;
    let end = start;
    let posIn = 0;
    while (end < n && score[order[end]!] === s) posIn += positive[order[end++]!] ? 1 : 0;
    const negIn = end - start - posIn;
    // A positive outscores the negatives below its run and ties those in it; a negative is outscored by the
    // positives above its run and tied by those in it.
    const v10 = (negBelow + 0.5 * negIn) / nn;
    const v01 = (m - (posBelow + posIn) + 0.5 * posIn) / m;
    for (let j = start; j < end; j++) {
      const i = order[j]!;
      placement[i] = positive[i] ? v10 : v01;
    }
    posBelow += posIn;
    negBelow += negIn;
    start = end;
  }
  let sum = 0;
  for (let i = 0; i < n; i++) if (positive[i]) sum += placement[i]!;
  return { auc: sum / m, positives: m, negatives: nn, placement };
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
