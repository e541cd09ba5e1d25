const UNROLL = 8;
const BLOCK = 128;
const CHUNK = 8192;

/**
 * Sums doubles exactly the way numpy's `np.sum` / `np.mean` does on a contiguous float64 array, so that means computed
 * here equal scikit-learn's to the last bit: the array is cut into chunks of 8192 (numpy's buffer size) whose sums are
 * added left to right; each chunk is summed pairwise (halves split at a multiple of 8, blocks of at most 128 summed
 * with 8 interleaved accumulators combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)), fewer than 8 values one by one).
 * The rounding error grows like O(log n) rather than the O(n) of a plain loop.
 *
 * `start`/`end` select a range (default: the whole array).
 * Example: pairwiseSum(Float64Array.of(0.1, 0.2, 0.3)) -> 0.6000000000000001 (same as np.sum([0.1, 0.2, 0.3]))
 */
export function pairwiseSum(values: Float64Array, start = 0, end = values.length): number {
  let total = 0;
  for (let lo = start; lo < end; lo += CHUNK) total += pairwise(values, lo, Math.min(CHUNK, end - lo));
  return total;
}

function pairwise(a: Float64Array, lo: number, n: number): number {
  if (n < UNROLL) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[lo + i]!;
    return res;
  }
  if (n <= BLOCK) {
    let r0 = a[lo]!;
    let r1 = a[lo + 1]!;
    let r2 = a[lo + 2]!;
    let r3 = a[lo + 3]!;
    let r4 = a[lo + 4]!;
    let r5 = a[lo + 5]!;
    let r6 = a[lo + 6]!;
    let r7 = a[lo + 7]!;
    const whole = n - (n % UNROLL);
    let i = UNROLL;
    for (; i < whole; i += UNROLL) {
      const p = lo + i;
      r0 += a[p]!;
      r1 += a[p + 1]!;
      r2 += a[p + 2]!;
      r3 += a[p + 3]!;
      r4 += a[p + 4]!;
      r5 += a[p + 5]!;
      r6 += a[p + 6]!;
      r7 += a[p + 7]!;
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += a[lo + i]!;
    return res;
  }
  let half = Math.floor(n / 2);
  half -= half % UNROLL;
  return pairwise(a, lo, half) + pairwise(a, lo + half, n - half);
}
