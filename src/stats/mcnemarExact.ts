import { binomialDeviance } from "./binomialDeviance.js";
import { stirlingError } from "./stirlingError.js";

/**
 * Exact two-sided McNemar test on the discordant pair counts b (A right, B wrong) and c (A wrong, B right), as
 * statsmodels `mcnemar([[., b], [c, .]], exact=True).pvalue`:
 *   p = min(1, 2 P(X <= min(b, c))),  X ~ Binomial(b + c, 1/2).
 * Convention: the binomial CDF is the sum of the probabilities from min(b, c) down, each the previous times
 * i / (n - i + 1), starting from the exact density at min(b, c) by Loader's saddle-point formula
 * (relative error ~1e-15 even for n in the millions). b = c = 0 gives 1.
 *
 * Example: mcnemarExact(1, 9) -> 0.021484375 (= 2 * 11 / 1024)
 */
export function mcnemarExact(b: number, c: number): number {
  if (!(Number.isInteger(b) && Number.isInteger(c) && b >= 0 && c >= 0)) {
    throw new RangeError(`mcnemarExact: counts must be non-negative integers, got ${b}, ${c}`);
  }
  const n = b + c;
  const k = Math.min(b, c);
  if (k === n) return 1; // n = 0
  // Tail sum relative to P(X = k): 1 + k/(n-k+1) + ...
  let term = 1;
  let tail = 1;
  for (let i = k; i >= 1; i--) {
    term *= i / (n - i + 1);
    tail += term;
    if (term < tail * 1e-17) break;
  }
  const p = 2 * halfBinomialPmf(k, n) * tail;
  return p > 1 ? 1 : p;
}

/** P(X = k) for X ~ Binomial(n, 1/2), 0 <= k < n. */
function halfBinomialPmf(k: number, n: number): number {
  if (k === 0) return Math.pow(0.5, n);
  const half = n / 2;
  const lc =
    stirlingError(n) -
    stirlingError(k) -
    stirlingError(n - k) -
    binomialDeviance(k, half) -
    binomialDeviance(n - k, half);
  return Math.exp(lc) * Math.sqrt(n / (2 * Math.PI * k * (n - k)));
}
