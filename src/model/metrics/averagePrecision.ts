import type { BinaryCurve } from "./binaryCurve.js";
import { pairwiseSum } from "../../stats/pairwiseSum.js";

/**
 * Average precision, the step-wise (not interpolated) area under the precision-recall curve, as scikit-learn's
 * `average_precision_score`: AP = sum_k (R_k - R_k-1) * P_k over the distinct thresholds from the highest, with
 * P_k = tp_k / (tp_k + fp_k), R_k = tp_k / positives and R_0 = 0. The terms are summed in scikit-learn's order
 * (lowest threshold first) with numpy's summation, so results agree to the last bit or nearly.
 *
 * Returns undefined when there are no positives (recall is 0/0; scikit-learn warns and returns 0).
 * Example: averagePrecision(binaryCurve(Float64Array.of(0.1, 0.4, 0.35, 0.8), Uint8Array.of(0, 0, 1, 1)))
 *   -> 0.8333333333333333  (1/2 * 1 + 1/2 * 2/3)
 */
export function averagePrecision(curve: BinaryCurve): number | undefined {
  const { tps, fps, positives } = curve;
  if (positives === 0) return undefined;
  const m = tps.length;
  const recall = (k: number): number => tps[k]! / tps[m - 1]!;
  const precision = (k: number): number => tps[k]! / (tps[k]! + fps[k]!);
  // scikit-learn reverses the curve, appends (recall 0, precision 1), and returns -sum(diff(recall) * precision[:-1]).
  const terms = new Float64Array(m);
  for (let j = 0; j < m - 1; j++) terms[j] = (recall(m - 2 - j) - recall(m - 1 - j)) * precision(m - 1 - j);
  terms[m - 1] = (0 - recall(0)) * precision(0);
  return -pairwiseSum(terms);
}
