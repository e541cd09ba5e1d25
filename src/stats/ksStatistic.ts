/**
 * Two-sample Kolmogorov-Smirnov statistic D = max_x |F_a(x) - F_b(x)| over every data point x of either sample,
 * where F_s(x) = #{s_i <= x} / |s| is the right-continuous empirical CDF.
 *
 * Convention (scipy.stats.ks_2samp): both CDFs are evaluated with `searchsorted(side='right')` at every data point, so
 * tied values are handled correctly: D is the largest gap after all copies of a tied value are counted on both sides.
 * Each gap is computed as `i / n - j / m` (two divisions, one subtraction), exactly as scipy does, so D agrees bit for
 * bit. One merge walk, O(n + m), no allocation.
 *
 * Inputs must be sorted ascending, NaN-free and non-empty.
 *
 * Example: ksStatistic(Float64Array.of(1, 2, 3), Float64Array.of(2, 3, 4, 5)) -> 0.5
 * (at x = 3: F_a = 1, F_b = 2/4).
 */
export function ksStatistic(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) throw new RangeError("ksStatistic: both samples must be non-empty");
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < n && j < m) {
    const ai = a[i]!;
    const bj = b[j]!;
    const x = ai <= bj ? ai : bj;
    while (i < n && a[i]! <= x) i++;
    while (j < m && b[j]! <= x) j++;
    const gap = Math.abs(i / n - j / m);
    if (gap > d) d = gap;
  }
  // Once one sample is used up its CDF is 1 and the other's only rises towards 1: the gap can only shrink.
  return d;
}
