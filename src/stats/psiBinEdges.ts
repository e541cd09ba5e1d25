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
 * Infinite reference values: numpy's lerp turns a quantile between a finite value and an infinity, or between two
 * equal infinities, into NaN (inf - inf), and the NaN edges cannot bin anything. We take the lerp's limit instead:
 * the quantile equals an infinite neighbour whenever it leans towards it at all (np.quantile([1, 2, inf], 0.9) is
 * NaN in numpy, +inf here; [-inf, 1, 2, 3] at 0.1 gives -inf), and the nearer neighbour between -inf and +inf. An
 * edge at +inf makes a last bin of the +inf values alone; one at -inf an empty first bin (binCounts: x < -inf).
 *
 * Example: psiBinEdges(Float64Array.of(1, 2, 3, 4, 5), 4) -> [2, 3, 4]; psiBinEdges(Float64Array.of(0, 0, 0, 1), 4)
 * -> [0, 0.25] (quantiles 0, 0, 0.25)
 */
export function psiBinEdges(sortedRef: ArrayLike<number>, bins = 10): Float64Array {
  if (!(Number.isInteger(bins) && bins >= 1)) throw new RangeError(`psiBinEdges: bins must be an integer >= 1`);
  if (sortedRef.length === 0) throw new RangeError("psiBinEdges: empty reference sample");
  const step = 1 / bins;
  const qs = new Float64Array(bins - 1);
  for (let i = 1; i < bins; i++) qs[i - 1] = edgeQuantile(sortedRef, i * step);
  qs.sort();
  let k = 0;
  for (let i = 0; i < qs.length; i++) {
    // np.unique (numpy 1.24, equal_nan=True): one of each value, NaN (from inf - inf in the lerp) kept once.
    if (i === 0 || !(qs[i] === qs[k - 1] || (Number.isNaN(qs[i]!) && Number.isNaN(qs[k - 1]!)))) qs[k++] = qs[i]!;
  }
  return qs.slice(0, k);
}

/** quantileSorted, with the limit of the interpolation where an infinite neighbour makes numpy's arithmetic NaN. */
function edgeQuantile(sorted: ArrayLike<number>, q: number): number {
  const x = quantileSorted(sorted, q);
  if (!Number.isNaN(x)) return x;
  const n = sorted.length;
  const v = (n - 1) * q;
  const i = Math.min(Math.floor(v), n - 1);
  const t = v - i;
  const a = sorted[i]!;
  const b = sorted[Math.min(i + 1, n - 1)]!;
  if (t === 0 || a === b) return a;
  if (a === -Infinity && b === Infinity) return t < 0.5 ? a : b;
  return a === -Infinity ? a : b;
}
