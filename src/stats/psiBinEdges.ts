import { quantileSorted } from "./quantileSorted.js";

/**
 * Inner bin edges for PSI (and binned Jensen-Shannon) from a sorted reference sample: the reference quantiles at
 * 1/bins, 2/bins, ..., (bins-1)/bins, deduplicated. The outer bins are open: (-inf, e_0) and [e_last, +inf).
 *
 * Formula, as the numpy peer: `np.unique(np.quantile(ref, np.linspace(0, 1, bins + 1)[1:-1]))`. linspace computes
 * its points as i * step with step = 1 / bins, so we do the same (i * (1 / bins)) to get the same quantiles to the
 * bit. A heavily tied reference yields repeated quantiles; after deduplication there are fewer than bins - 1 edges
 * (and fewer bins), exactly as in the peer.
 *
 * Example: psiBinEdges(Float64Array.of(1, 2, 3, 4, 5), 4) -> [2, 3, 4]; psiBinEdges(Float64Array.of(0, 0, 0, 1), 4)
 * -> [0, 0.25] (quantiles 0, 0, 0.25)
 */
export function psiBinEdges(sortedRef: ArrayLike<number>, bins = 10): Float64Array {
  if (!(Number.isInteger(bins) && bins >= 1)) throw new RangeError(`psiBinEdges: bins must be an integer >= 1`);
  if (sortedRef.length === 0) throw new RangeError("psiBinEdges: empty reference sample");
  const step = 1 / bins;
  const qs = new Float64Array(bins - 1);
  for (let i = 1; i < bins; i++) qs[i - 1] = quantileSorted(sortedRef, i * step);
  qs.sort();
  let k = 0;
  for (let i = 0; i < qs.length; i++) {
    // np.unique (numpy 1.24, equal_nan=True): one of each value, NaN (from inf - inf in the lerp) kept once.
    if (i === 0 || !(qs[i] === qs[k - 1] || (Number.isNaN(qs[i]!) && Number.isNaN(qs[k - 1]!)))) qs[k++] = qs[i]!;
  }
  return qs.slice(0, k);
}
