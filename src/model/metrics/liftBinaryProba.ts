/**
 * Lifts a single positive-class probability column [N] to the row-major [N, 2] matrix the metrics take: the positive
 * column holds p, the other 1 - p (scikit-learn's convention for a 1-D `y_pred` in `log_loss`).
 *
 * Example: liftBinaryProba(Float64Array.of(0.9, 0.25)) -> [0.1, 0.9, 0.75, 0.25] (positive class at index 1)
 */
export function liftBinaryProba(positive: Float64Array, positiveIndex: 0 | 1 = 1): Float64Array {
  const n = positive.length;
  const out = new Float64Array(2 * n);
  const neg = 1 - positiveIndex;
  for (let i = 0; i < n; i++) {
    const p = positive[i]!;
    out[2 * i + positiveIndex] = p;
    out[2 * i + neg] = 1 - p;
  }
  return out;
}
