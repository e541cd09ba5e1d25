/**
 * Lower end of the Wilson score interval for a binomial proportion: k successes in n trials, z standard errors.
 *
 * Formula: (p + z²/2n - z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n), with p = k/n; 0 when n is 0.
 *
 * Example: wilsonLowerBound(40, 100, 3) -> 0.2672437967987211 (scipy.stats.binomtest(40, 100).proportion_ci(
 * confidence_level=1 - 2 * norm.sf(3), method="wilson").low)
 *
 * Unlike p - z·sqrt(p(1-p)/n), it stays in [0, 1] and is positive as soon as k is: one success is evidence of a
 * rate above zero, and a handful in a small sample is weak evidence of a large one.
 */
export function wilsonLowerBound(k: number, n: number, z: number): number {
  // k = 0 is exactly 0 (the formula leaves a rounding residue).
  if (!(n > 0) || k <= 0) return 0;
  const p = k / n;
  const z2n = (z * z) / n;
  const centre = p + z2n / 2;
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  return Math.max(0, (centre - spread) / (1 + z2n));
}
