import type { IsotonicFit } from "./fitIsotonicRegression.js";

/**
 * The calibrated probability of a score: the isotonic fit interpolated linearly between its thresholds, and clipped
 * to its first and last value outside them (scikit-learn's `IsotonicRegression(out_of_bounds="clip").predict`, which
 * uses scipy's interp1d: the segment is found by a left binary search, slope * (v - x_lo) + y_lo).
 *
 * Example: calibrateProbability({x: Float64Array.of(0, 1), y: Float64Array.of(0.2, 0.6)}, 0.5) -> 0.4
 */
export function calibrateProbability(fit: IsotonicFit, v: number): number {
  const { x, y } = fit;
  const n = x.length;
  if (n === 1) return y[0]!;
  if (v !== v) return NaN;
  // Clipped into the fitted range first, then interpolated (the last point too, as scipy does it).
  if (v < x[0]!) v = x[0]!;
  else if (v > x[n - 1]!) v = x[n - 1]!;
  // First index with x[hi] >= v (numpy's searchsorted, side left), at least 1.
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (x[mid]! < v) lo = mid;
    else hi = mid;
  }
  const slope = (y[hi]! - y[lo]!) / (x[hi]! - x[lo]!);
  return slope * (v - x[lo]!) + y[lo]!;
}
