/**
 * Natural logarithm of the gamma function, log |Γ(x)|, for x > 0.
 *
 * Formula: Lanczos approximation with g = 7 and 9 coefficients (Godfrey),
 *   Γ(x) = sqrt(2π) t^(x - 1/2) e^(-t) A(x),  t = x + g - 1/2,
 * evaluated in logarithms; for x < 0.5 the reflection Γ(x) Γ(1 - x) = π / sin(π x) is used.
 * Absolute error about 1e-15 near the zeros at 1 and 2, relative error about 1e-15 elsewhere. Used for arguments
 * outside the tables of the callers (Stirling error of non-half-integers below 15); large arguments go through
 * `stirlingError` instead.
 *
 * Example: logGamma(5) -> 3.1780538303479458 (= log 24)
 */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma: x must be positive, got ${x}`);
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + LANCZOS_G + 0.5;
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i]! / (z + i);
  return LOG_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const LOG_SQRT_2PI = 0.9189385332046728; // log(sqrt(2π))
