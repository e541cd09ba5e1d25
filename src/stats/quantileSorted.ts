/**
 * Quantile q of a sorted sample with numpy's default method (`np.quantile(x, q)`, method 'linear', Hyndman & Fan
 * type 7), with numpy 1.24's exact arithmetic.
 *
 * Formula: virtual index v = (n - 1) q, i = floor(v), t = v - i; result = lerp(x[i], x[i+1], t) where numpy's
 * lerp is a + (b - a) t for t < 0.5 and b - (b - a) (1 - t) for t >= 0.5 (exact at both ends). When v >= n - 1 both
 * neighbours are the last element (numpy then uses t = v + 1, which only matters for infinite values).
 * For bin edges, q should be computed as numpy's linspace does: `i * (1 / bins)`, not `i / bins`
 * (they differ in the last bit, e.g. 3 * 0.1 = 0.30000000000000004), see psiBinEdges.
 *
 * Example: quantileSorted(Float64Array.of(1, 2, 3, 4), 0.5) -> 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError("quantileSorted: empty sample");
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantileSorted: q must be in [0, 1], got ${q}`);
  const v = (n - 1) * q;
  let prev = Math.floor(v);
  let next = prev + 1;
  if (v >= n - 1) {
    prev = -1;
    next = -1;
  }
  const t = v - prev;
  const a = sorted[prev < 0 ? n + prev : prev]!;
  const b = sorted[next < 0 ? n + next : next]!;
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}
