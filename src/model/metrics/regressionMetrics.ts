import type { MetricNote } from "./metricNote.js";
import { pairwiseSum } from "../../stats/pairwiseSum.js";

/** Machine epsilon of float64: scikit-learn's floor on |y| in the MAPE denominator. */
const EPS = 2.220446049250313e-16;

export interface RegressionMetricsResult {
  metrics: Record<string, number>;
  notes: MetricNote[];
}

/**
 * Regression metrics as scikit-learn 1.2.1 computes them (means use numpy's pairwise summation, see `pairwiseSum`):
 *
 * - `mse` = mean (y - yhat)^2, `rmse` = sqrt(mse), `mae` = mean |y - yhat|, `median_ae` = median |y - yhat|.
 * - `mape` = mean |y - yhat| / max(|y|, eps), eps = 2.22e-16 (a fraction, not a percentage; a zero in yTrue with a
 *   wrong prediction gives a huge value, as in scikit-learn).
 * - `r2` = 1 - sum (y - yhat)^2 / sum (y - mean y)^2, with scikit-learn's `force_finite` convention when the
 *   denominator is 0 (constant yTrue): 1 for perfect predictions, else 0. We call yTrue constant when all its values
 *   are equal; scikit-learn looks at its floating-point denominator instead, which for some constants (three times
 *   0.1, say) is a tiny non-zero number from rounding the mean, and then reports values like -5e29. Undefined (left
 *   out, with a note) for fewer than 2 rows, where scikit-learn returns NaN.
 *
 * Values must be finite and the arrays of equal, non-zero length (RangeError otherwise).
 * Example: regressionMetrics(Float64Array.of(3, -0.5, 2, 7), Float64Array.of(2.5, 0, 2, 8))
 *   -> { mse: 0.375, rmse: 0.612, mae: 0.5, r2: 0.9486081370449679, mape: 0.3273809523809524, median_ae: 0.5 }
 */
export function regressionMetrics(yTrue: Float64Array, yPred: Float64Array): RegressionMetricsResult {
  const n = yTrue.length;
  if (yPred.length !== n) throw new RangeError(`yTrue has ${n} rows but yPred has ${yPred.length}`);
  if (n === 0) throw new RangeError("regression metrics need at least one row");
  const sq = new Float64Array(n);
  const abs = new Float64Array(n);
  const pct = new Float64Array(n);
  let constant = true;
  const first = yTrue[0]!;
  for (let i = 0; i < n; i++) {
    const y = yTrue[i]!;
    const p = yPred[i]!;
    if (!Number.isFinite(y) || !Number.isFinite(p))
      throw new RangeError(`row ${i}: values must be finite (yTrue ${y}, yPred ${p})`);
    const d = y - p;
    sq[i] = d * d;
    abs[i] = Math.abs(p - y);
    pct[i] = abs[i]! / Math.max(Math.abs(y), EPS);
    if (y !== first) constant = false;
  }
  const sse = pairwiseSum(sq);
  const mse = sse / n;
  const metrics: Record<string, number> = {
    mse,
    rmse: Math.sqrt(mse),
    mae: pairwiseSum(abs) / n,
  };
  const notes: MetricNote[] = [];
  if (n < 2) {
    notes.push({ metric: "r2", reason: "R^2 is not defined with fewer than two rows" });
  } else {
    let residual = sse;
    let denominator = constant ? 0 : totalSquares(yTrue, 1);
    if (!Number.isFinite(residual) || !Number.isFinite(denominator)) {
      // Squares beyond the double range (values near 1e154 and up): R^2 is a ratio, so take both sums of squares in
      // units of a power of two near the largest value, where neither overflows.
      let max = 0;
      for (let i = 0; i < n; i++) max = Math.max(max, Math.abs(yTrue[i]!), Math.abs(yPred[i]!));
      const scale = Math.pow(2, Math.floor(Math.log2(max)));
      for (let i = 0; i < n; i++) sq[i] = ((yTrue[i]! - yPred[i]!) / scale) ** 2;
      residual = pairwiseSum(sq);
      denominator = constant ? 0 : totalSquares(yTrue, scale);
    }
    metrics.r2 = residual === 0 ? 1 : denominator === 0 ? 0 : 1 - residual / denominator;
    if (denominator === 0)
      notes.push({ metric: "r2", reason: "yTrue is constant: R^2 set to 1 for perfect predictions, else 0" });
  }
  metrics.mape = pairwiseSum(pct) / n;
  abs.sort();
  const mid = n >> 1;
  metrics.median_ae = n % 2 === 1 ? abs[mid]! : (abs[mid - 1]! + abs[mid]!) / 2;
  return { metrics, notes };
}

/** sum (y / scale - mean(y / scale))^2, numpy's pairwise order. */
function totalSquares(yTrue: Float64Array, scale: number): number {
  const n = yTrue.length;
  const dev = new Float64Array(n);
  for (let i = 0; i < n; i++) dev[i] = yTrue[i]! / scale;
  const mean = pairwiseSum(dev) / n;
  for (let i = 0; i < n; i++) {
    const d = yTrue[i]! / scale - mean;
    dev[i] = d * d;
  }
  return pairwiseSum(dev);
}
