import { logGamma } from "./logGamma.js";

/**
 * Error of Stirling's formula in logarithms: δ(n) = log(n!) - log(sqrt(2π n) (n/e)^n), for real n >= 0
 * (n! = Γ(n + 1)). Loader (2000), "Fast and accurate computation of binomial probabilities".
 *
 * Convention: exact tabulated values for n = 0.5, 1, ..., 15 (computed with mpmath to 40 digits); the asymptotic
 * series δ(n) = 1/(12 n) - 1/(360 n^3) + 1/(1260 n^5) - 1/(1680 n^7) + 1/(1188 n^9) for n > 15, truncated
 * earlier for larger n; logGamma for other n <= 15. Absolute error below 1e-16 for n > 15, so terms such as
 * exp(δ(n) - δ(k) - δ(n - k) - ...) keep full relative precision however large n is.
 *
 * Example: stirlingError(1) -> 0.08106146679532726 (= 1 - log(sqrt(2π)))
 */
export function stirlingError(n: number): number {
  if (!(n >= 0)) throw new RangeError(`stirlingError: n must be >= 0, got ${n}`);
  if (n <= 15) {
    const twice = 2 * n;
    if (twice === Math.floor(twice)) return HALVES[twice]!;
    if (n === 0) return 0;
    return logGamma(n + 1) - (n + 0.5) * Math.log(n) + n - LOG_SQRT_2PI;
  }
  const nn = n * n;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

const S0 = 1 / 12;
const S1 = 1 / 360;
const S2 = 1 / 1260;
const S3 = 1 / 1680;
const S4 = 1 / 1188;
const LOG_SQRT_2PI = 0.9189385332046728; // log(sqrt(2π))

/** δ(k / 2) for k = 0..30 (δ(0) = 0 by continuity: 0! = 1 and the formula's limit). */
const HALVES = [
  0, 0.15342640972002736, 0.08106146679532726, 0.05481412105191765, 0.0413406959554093, 0.03316287351993629,
  0.02767792568499834, 0.023746163656297496, 0.020790672103765093, 0.018488450532673187, 0.016644691189821193,
  0.015134973221917378, 0.013876128823070748, 0.012810465242920227, 0.01189670994589177, 0.011104559758206917,
  0.010411265261972096, 0.009799416126158804, 0.009255462182712733, 0.008768700134139386, 0.00833056343336287,
  0.00793411456431402, 0.007573675487951841, 0.007244554301320383, 0.00694284010720953, 0.006665247032707682,
  0.006408994188004207, 0.006171712263039458, 0.0059513701127588475, 0.0057462165130101155, 0.005554733551962801,
];
