import { pairwiseSum } from "../../stats/pairwiseSum.js";

/**
 * Brier score of a binary classifier: mean over rows of (y - p)^2 where y is 1 when the true class is
 * `positiveIndex` and p is that class's probability (column `positiveIndex` of the row-major [N, C] `proba`), as
 * scikit-learn's `brier_score_loss(y == pos, proba[:, pos])`. 0 is perfect; always predicting 0.5 scores 0.25.
 *
 * Example: brierScore(Int32Array.of(0, 1, 1, 0), liftBinaryProba(Float64Array.of(0.1, 0.9, 0.8, 0.3)), 2, 1)
 *   -> 0.03749999999999999 (0.0375 up to rounding, as scikit-learn)
 */
export function brierScore(yTrue: Int32Array, proba: Float64Array, classCount: number, positiveIndex: number): number {
  const n = yTrue.length;
  if (proba.length !== n * classCount)
    throw new RangeError(`proba has ${proba.length} values, expected ${n} rows x ${classCount} classes`);
  const terms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = (yTrue[i] === positiveIndex ? 1 : 0) - proba[i * classCount + positiveIndex]!;
    terms[i] = d * d;
  }
  return pairwiseSum(terms) / n;
}
