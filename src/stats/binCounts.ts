/**
 * Counts of a sorted sample in the bins (-inf, e_0), [e_0, e_1), ..., [e_{k-1}, +inf) defined by k sorted inner
 * edges: `np.histogram(x, np.concatenate([[-inf], edges, [inf]]))[0]`.
 *
 * Formula: with L(e) = #{x_i < e} (a binary search on the sorted sample), bin 0 holds L(e_0), bin i holds
 * L(e_i) - L(e_{i-1}), the last bin holds n - L(e_{k-1}) (so +inf values land in it and -inf in bin 0, as numpy).
 * O(k log n), no allocation besides the result.
 *
 * Example: binCounts(Float64Array.of(1, 2, 2, 3, 5), Float64Array.of(2, 4)) -> [1, 3, 1]
 */
export function binCounts(sorted: ArrayLike<number>, innerEdges: ArrayLike<number>): Float64Array {
  const k = innerEdges.length;
  const n = sorted.length;
  const counts = new Float64Array(k + 1);
  let below = 0; // L(previous edge)
  let lo = 0;
  for (let e = 0; e < k; e++) {
    const edge = innerEdges[e]!;
    if (e > 0 && !(edge >= innerEdges[e - 1]!)) throw new RangeError("binCounts: edges must be sorted ascending");
    // lower bound: first index with sorted[i] >= edge, searching from the previous one
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < edge) lo = mid + 1;
      else hi = mid;
    }
    counts[e] = lo - below;
    below = lo;
  }
  counts[k] = n - below;
  return counts;
}
