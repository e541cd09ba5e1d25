/**
 * An increasing step-and-ramp function: the thresholds scikit-learn's `IsotonicRegression(out_of_bounds="clip")` keeps
 * after fitting (`X_thresholds_`, `y_thresholds_`), which `calibrateProbability` interpolates linearly.
 */
export interface IsotonicFit {
  /** Increasing scores. */
  x: Float64Array;
  /** Non-decreasing calibrated values at `x`. */
  y: Float64Array;
}

/**
 * Isotonic regression of `y` on `x` (increasing), as scikit-learn 1.2 fits it: rows sorted by (x, y), equal x merged
 * into one point with the mean y and the count as weight, pool-adjacent-violators on those points (the same
 * single-pass algorithm as scikit-learn's `_inplace_contiguous_isotonic_regression`, so blocks are averaged in the
 * same order), then only the first and last point of each constant run kept.
 *
 *   minimise sum_i w_i (f_i - y_i)^2  subject to f_1 <= f_2 <= ... <= f_m
 *
 * Example: fitIsotonicRegression(Float64Array.of(0.1, 0.2, 0.3), Float64Array.of(0, 1, 0))
 *   -> x [0.1, 0.2, 0.3], y [0, 0.5, 0.5]
 */
export function fitIsotonicRegression(x: Float64Array, y: Float64Array): IsotonicFit {
  const n = x.length;
  if (y.length !== n) throw new RangeError(`${n} scores but ${y.length} targets`);
  if (n === 0) throw new RangeError("isotonic regression needs at least one point");
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => x[a]! - x[b]! || y[a]! - y[b]!);
  // Equal x merged (scikit-learn's _make_unique: the weighted mean of y, the summed weight).
  const ux: number[] = [];
  const uy: number[] = [];
  const uw: number[] = [];
  for (let k = 0; k < n;) {
    const xv = x[order[k]!]!;
    let sum = 0;
    let w = 0;
    while (k < n && x[order[k]!] === xv) {
      sum += y[order[k]!]!;
      w += 1;
      k++;
    }
    ux.push(xv);
    uy.push(sum / w);
    uw.push(w);
  }
  const fitted = poolAdjacentViolators(Float64Array.from(uy), Float64Array.from(uw));
  // Keep the ends of each constant run: interpolation between them gives the same function.
  const m = fitted.length;
  const keepX: number[] = [];
  const keepY: number[] = [];
  for (let i = 0; i < m; i++) {
    if (i === 0 || i === m - 1 || fitted[i] !== fitted[i - 1] || fitted[i] !== fitted[i + 1]) {
      keepX.push(ux[i]!);
      keepY.push(fitted[i]!);
    }
  }
  return { x: Float64Array.from(keepX), y: Float64Array.from(keepY) };
}

/** scikit-learn's _inplace_contiguous_isotonic_regression, on copies: the fitted value of each point. */
function poolAdjacentViolators(y: Float64Array, w: Float64Array): Float64Array {
  const n = y.length;
  const target = Int32Array.from({ length: n }, (_, i) => i);
  let i = 0;
  while (i < n) {
    let k = target[i]! + 1;
    if (k === n) break;
    if (y[i]! < y[k]!) {
      i = k;
      continue;
    }
    let sumWy = w[i]! * y[i]!;
    let sumW = w[i]!;
    for (;;) {
      const prevY = y[k]!;
      sumWy += w[k]! * y[k]!;
      sumW += w[k]!;
      k = target[k]! + 1;
      if (k === n || prevY < y[k]!) {
        y[i] = sumWy / sumW;
        w[i] = sumW;
        target[i] = k - 1;
        target[k - 1] = i;
        // Backtrack: the merged block may now violate the one before it.
        if (i > 0) i = target[i - 1]!;
        break;
      }
    }
  }
  for (let s = 0; s < n;) {
    const k = target[s]! + 1;
    for (let j = s + 1; j < k; j++) y[j] = y[s]!;
    s = k;
  }
  return y;
}
