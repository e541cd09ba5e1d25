/**
 * Deviance term bd0(x, m) = x log(x / m) + m - x >= 0, for x >= 0 and m > 0, computed without cancellation
 * (Loader 2000, as in R's dbinom/dpois).
 *
 * Convention: when |x - m| < 0.1 (x + m) the series with v = (x - m) / (x + m),
 *   bd0 = (x - m) v + 2 x sum_{j >= 1} v^(2j+1) / (2j + 1),
 * is summed until it stops changing; otherwise x log1p((x - m) / m) + (m - x) when x / m is within [1/2, 2]
 * (x - m is then exact), else x log(x / m) + m - x. Relative error a few ulps in the series region and about
 * 20 ulps at worst elsewhere; it is the exponent of a binomial or Poisson density:
 *   dbinom(k; n, p) = exp(δ(n) - δ(k) - δ(n - k) - bd0(k, n p) - bd0(n - k, n (1 - p))) sqrt(n / (2π k (n - k))).
 *
 * Example: binomialDeviance(3, 5) -> 3 log(0.6) + 2 = 0.46752312870202783
 */
export function binomialDeviance(x: number, m: number): number {
  if (!(x >= 0 && m > 0)) throw new RangeError(`binomialDeviance: need x >= 0 and m > 0, got ${x}, ${m}`);
  if (x === 0) return m;
  const d = x - m;
  if (Math.abs(d) < 0.1 * (x + m)) {
    let v = d / (x + m);
    let s = d * v;
    if (Math.abs(s) < 2.2250738585072014e-308) return s;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  const r = x / m;
  if (r >= 0.5 && r <= 2) return x * Math.log1p(d / m) - d;
  return x * Math.log(r) + m - x;
}
