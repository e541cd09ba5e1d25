import { binomialDeviance } from "./binomialDeviance.js";
import { stirlingError } from "./stirlingError.js";

/**
 * Chi-square survival function P(X >= x) for X ~ chi2(df), equal to `scipy.stats.chi2.sf(x, df)`: the regularized
 * upper incomplete gamma function Q(a, y) with a = df/2, y = x/2.
 *
 * Formula: with the density-like prefactor D(a, y) = y^a e^(-y) / Γ(a + 1), evaluated without cancellation as
 * exp(-δ(a) - bd0(a, y)) / sqrt(2π a) (Loader's Poisson density; δ = stirlingError, bd0 = binomialDeviance):
 *   - y < a + 1: Q = 1 - P with the series P(a, y) = D(a, y) sum_{k >= 0} y^k / ((a+1)(a+2)...(a+k));
 *   - y >= a + 1: the continued fraction Q(a, y) = a D(a, y) / (y + 1 - a - 1(1-a) / (y + 3 - a - 2(2-a) / ...)),
 *     evaluated by the modified Lentz method.
 * Both converge in O(sqrt(a)) terms near y = a. x <= 0 gives 1, x = Infinity gives 0.
 * Accuracy vs scipy 1.10.1 (measured over df = 1..200 and x from 1e-3 to 2000, values > 1e-300, plus random
 * points): relative error <= 1.6e-13. For df in the thousands the two differ by up to ~1e-11, and there scipy is the
 * less accurate one (e.g. x = 19471.95, df = 13415: mpmath 1.5194330442843393e-232, this 1.5194330442841796e-232,
 * scipy 1.5194330442669972e-232).
 *
 * Example: chiSquareSf(3.841458820694124, 1) -> 0.05000000000000011 (the 5% critical value; scipy: 0.04999999999999989)
 */
export function chiSquareSf(x: number, df: number): number {
  if (!(df > 0) || !Number.isFinite(df)) throw new RangeError(`chiSquareSf: df must be positive, got ${df}`);
  if (Number.isNaN(x)) throw new RangeError("chiSquareSf: x is NaN");
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  const a = df / 2;
  const y = x / 2;
  if (y === 0) return 1; // x is the smallest subnormal: P(a, 0) = 0
  if (y < a + 1) return 1 - lowerSeries(a, y);
  return upperContinuedFraction(a, y);
}

const EPS = 2.220446049250313e-16;
const TINY = 1e-300;
const MAX_ITER = 100000;

/** y^a e^(-y) / Γ(a + 1) */
function prefactor(a: number, y: number): number {
  return Math.exp(-stirlingError(a) - binomialDeviance(a, y)) / Math.sqrt(2 * Math.PI * a);
}

/** P(a, y) by its power series (y < a + 1). */
function lowerSeries(a: number, y: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < MAX_ITER; k++) {
    term *= y / (a + k);
    sum += term;
    if (term < sum * EPS) break;
  }
  return prefactor(a, y) * sum;
}

/** Q(a, y) by Legendre's continued fraction (y >= a + 1), modified Lentz. */
function upperContinuedFraction(a: number, y: number): number {
  let b = y + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return a * prefactor(a, y) * h;
}
