import { ldexp } from "./ldexp.js";

/**
 * Count, mean and sum of squared deviations of a sample, kept as M2 = m2s * 2^(2 exponent) so that neither the
 * squares nor their sum over- or underflow: values near +-1e308 have deviations whose squares exceed the double range,
 * values near 1e-170 have squares below it. Everything that can be written as a double (mean, standard deviation) is.
 */
export interface ScaledMoments {
  /** Finite values counted. */
  n: number;
  /** Their mean; NaN when n = 0. */
  mean: number;
  /** Power-of-two exponent of the deviation scale. */
  exponent: number;
  /** M2 / 2^(2 exponent). */
  m2s: number;
}

export const EMPTY_MOMENTS: ScaledMoments = { n: 0, mean: NaN, exponent: 0, m2s: 0 };

/** floor(log2 |x|) exactly, for finite x != 0 (subnormals included). */
export function binaryExponent(x: number): number {
  const a = Math.abs(x);
  let e = Math.floor(Math.log2(a));
  if (ldexp(1, e) > a) e--;
  else if (ldexp(1, e + 1) <= a) e++;
  return e;
}

/**
 * Moments of the finite values of `values` (where `valid[i]` is 1, when given), in two passes: the values are divided
 * by a power of two near the largest |x| before the mean, and the deviations by a power of two near the largest
 * deviation before squaring. Dividing by a power of two is exact, so in the double range the result is, bit for bit,
 * the textbook two-pass mean and sum((x - mean)^2); outside it, it is still accurate to a few ulp.
 *
 * Example: scaledMoments(Float64Array.of(1e300, 3e300)) -> mean 2e300, populationStd 1e300 (M2 = 2e600 itself is
 * not a double).
 */
export function scaledMoments(values: ArrayLike<number>, valid?: ArrayLike<number>): ScaledMoments {
  let n = 0;
  let maxAbs = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if ((valid && valid[i] === 0) || !Number.isFinite(x)) continue;
    n++;
    const a = Math.abs(x);
    if (a > maxAbs) maxAbs = a;
  }
  if (n === 0) return EMPTY_MOMENTS;
  const ev = maxAbs > 0 ? binaryExponent(maxAbs) : 0;
  const sv = ldexp(1, ev);
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if ((valid && valid[i] === 0) || !Number.isFinite(x)) continue;
    sum += x / sv;
  }
  const meanY = sum / n;
  let maxDev = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if ((valid && valid[i] === 0) || !Number.isFinite(x)) continue;
    const d = Math.abs(x / sv - meanY);
    if (d > maxDev) maxDev = d;
  }
  const ed = maxDev > 0 ? binaryExponent(maxDev) : 0;
  const sd = ldexp(1, ed);
  let m2s = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if ((valid && valid[i] === 0) || !Number.isFinite(x)) continue;
    const d = (x / sv - meanY) / sd;
    m2s += d * d;
  }
  return { n, mean: ldexp(meanY, ev), exponent: ev + ed, m2s };
}

/**
 * The moments of the union of two samples: Chan et al.'s pairwise update, M2 = M2_a + M2_b + delta^2 n_a n_b / n,
 * computed in units of the largest of the three terms' scales (so a negligible term may underflow, never the sum).
 */
export function mergeScaledMoments(a: ScaledMoments, b: ScaledMoments): ScaledMoments {
  if (a.n === 0) return b;
  if (b.n === 0) return a;
  const n = a.n + b.n;
  const delta = b.mean - a.mean;
  // Means near the double range: delta * n_b, or delta itself, can overflow; the weighted average cannot.
  let step = (delta * b.n) / n;
  if (!Number.isFinite(step)) step = delta * (b.n / n);
  const mean = Number.isFinite(step) ? a.mean + step : a.mean * (a.n / n) + b.mean * (b.n / n);
  const half = b.mean / 2 - a.mean / 2;
  let exponent = -Infinity;
  if (a.m2s > 0) exponent = a.exponent;
  if (b.m2s > 0) exponent = Math.max(exponent, b.exponent);
  if (half !== 0) exponent = Math.max(exponent, binaryExponent(half) + 1);
  if (exponent === -Infinity) return { n, mean, exponent: 0, m2s: 0 };
  const d = ldexp(half, 1 - exponent);
  const m2s =
    ldexp(a.m2s, 2 * (a.exponent - exponent)) + ldexp(b.m2s, 2 * (b.exponent - exponent)) + (d * d * a.n * b.n) / n;
  return { n, mean, exponent, m2s };
}

/** The standard deviation with `ddof` (0: population, 1: sample); null when n <= ddof. */
export function momentsStd(m: ScaledMoments, ddof: 0 | 1): number | null {
  if (m.n <= ddof) return null;
  return ldexp(Math.sqrt(m.m2s / (m.n - ddof)), m.exponent);
}

/** M2 as a double: +Infinity when it exceeds the double range (the moments themselves stay exact). */
export function momentsM2(m: ScaledMoments): number {
  return ldexp(m.m2s, 2 * m.exponent);
}

/**
 * Moments from a mean, a count and a stored M2 or sample standard deviation (profiles store both: M2 when it fits in
 * a double, the standard deviation always), the M2 preferred while it is a normal double.
 */
export function momentsFrom(n: number, mean: number | null, m2: number, std: number | null): ScaledMoments {
  if (n === 0 || mean === null) return EMPTY_MOMENTS;
  if (Number.isFinite(m2) && m2 >= MIN_PRECISE) {
    const exponent = Math.floor(binaryExponent(m2) / 2);
    return { n, mean, exponent, m2s: ldexp(m2, -2 * exponent) };
  }
  // A standard deviation beyond the largest double (values of both signs near +-1e308) left no finite record of
  // the spread; it stays infinite through merges rather than turning into NaN in binaryExponent.
  if (std === Infinity) return { n, mean, exponent: 0, m2s: Infinity };
  if (std !== null && std > 0 && n > 1) {
    const exponent = binaryExponent(std);
    const r = ldexp(std, -exponent);
    return { n, mean, exponent, m2s: r * r * (n - 1) };
  }
  return { n, mean, exponent: 0, m2s: Number.isFinite(m2) ? m2 : 0 };
}

/** Below 2^-969 an M2 has lost bits to the subnormal range; the standard deviation is then the better record. */
const MIN_PRECISE = Math.pow(2, -969);
