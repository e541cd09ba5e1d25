import { pairwiseSum } from "../../stats/pairwiseSum.js";

/** Machine epsilon of float64, scikit-learn 1.2's default clipping `eps="auto"` for float64 probabilities. */
export const LOG_LOSS_EPS = 2.220446049250313e-16;

/**
 * Multiclass cross-entropy, mean over rows of -ln p(true class), as scikit-learn 1.2.1's
 * `log_loss(y, proba, labels=range(C))`: every probability is first clipped to [eps, 1 - eps] with
 * eps = 2.220446049250313e-16 (float64 machine epsilon), then each row is divided by its sum (so a row such as
 * [1, 0, 0] becomes [1 - eps, eps, eps] / (1 + eps)), then the log is taken. A confidently wrong row costs about
 * -ln(eps) = 36.04. `proba` is row-major [N, C]; rows need not sum to 1.
 *
 * Example: logLoss(Int32Array.of(1, 0, 0, 1), Float64Array.of(0.1, 0.9, 0.9, 0.1, 0.8, 0.2, 0.35, 0.65), 2)
 *   -> 0.21616187468057912
 */
export function logLoss(yTrue: Int32Array, proba: Float64Array, classCount: number): number {
  const n = yTrue.length;
  if (proba.length !== n * classCount)
    throw new RangeError(`proba has ${proba.length} values, expected ${n} rows x ${classCount} classes`);
  const hi = 1 - LOG_LOSS_EPS;
  const losses = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const base = i * classCount;
    let rowSum = 0;
    for (let k = 0; k < classCount; k++) rowSum += clip(proba[base + k]!, LOG_LOSS_EPS, hi);
    const t = yTrue[i]!;
    if (!(t >= 0 && t < classCount)) throw new RangeError(`row ${i}: class index ${t} out of range`);
    losses[i] = -Math.log(clip(proba[base + t]!, LOG_LOSS_EPS, hi) / rowSum);
  }
  return pairwiseSum(losses) / n;
}

function clip(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
