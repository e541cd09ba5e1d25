/**
 * NannyML's estimated ROC AUC: the ROC curve a classifier would have if each row were positive with its calibrated
 * probability p. Rows are ranked by their raw score (highest first); at each distinct score the expected true
 * positives grow by the sum of p and the false positives by the sum of 1 - p, and the area under the curve of the
 * cumulative sums (normalised by their totals) is taken by the trapezoid rule:
 *
 *   AUC = sum over distinct scores k of FP_k * (TP_above_k + TP_k / 2) / (TP_total * FP_total)
 *
 * Tied scores form one threshold (scikit-learn's roc_curve; NannyML walks tied rows one by one and rounds the sums to
 * 5 decimals). Equal to scikit-learn's roc_auc_score of every row counted as a positive with weight p and as a
 * negative with weight 1 - p. NaN when the expected positives or negatives are 0.
 *
 * Example: estimateRocAuc(Float64Array.of(0.9, 0.1), Float64Array.of(1, 0)) -> 1
 */
export function estimateRocAuc(score: Float64Array, calibrated: Float64Array): number {
  const n = score.length;
  if (calibrated.length !== n) throw new RangeError(`${n} scores but ${calibrated.length} probabilities`);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[b]! - score[a]!);
  let tpAbove = 0;
  let fpAbove = 0;
  let area = 0;
  for (let k = 0; k < n;) {
    const s = score[order[k]!]!;
    let tp = 0;
    let fp = 0;
    while (k < n && score[order[k]!] === s) {
      const p = calibrated[order[k]!]!;
      tp += p;
      fp += 1 - p;
      k++;
    }
    area += fp * (tpAbove + tp / 2);
    tpAbove += tp;
    fpAbove += fp;
  }
  return tpAbove > 0 && fpAbove > 0 ? area / (tpAbove * fpAbove) : NaN;
}
