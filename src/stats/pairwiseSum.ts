/**
 * Sum of an array of doubles in exactly the order `np.sum` (numpy 1.24, float64, contiguous) adds them, so results
 * agree with numpy to the last bit.
 *
 * numpy's reduction walks the array in buffers of 8192 elements and adds each buffer's pairwise sum to the running
 * total (`total += pairwise(chunk)`). The pairwise sum of `n` elements is:
 *   - n < 8: a plain loop `s = 0; s += a[i]`;
 *   - n <= 128: eight running sums r[j] += a[i + j] over the largest multiple of 8, combined as
 *     `((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))`, then the remaining n % 8 elements added one by one;
 *   - otherwise: split at m = floor(n / 2) rounded down to a multiple of 8 and add the two halves' pairwise sums.
 * Error bound: O(log n) ulps instead of O(n) for a plain loop.
 *
 * Example: pairwiseSum(Float64Array.of(0.1, 0.2, 0.3)) -> 0.6000000000000001 (same as np.sum([0.1, 0.2, 0.3]))
 */
export function pairwiseSum(values: ArrayLike<number>, start = 0, end = values.length): number {
  if (!(start >= 0 && end <= values.length)) throw new RangeError("pairwiseSum: range outside the array");
  let total = 0;
  for (let lo = start; lo < end; lo += NUMPY_BUFFER_SIZE) {
    total += pairwiseBlock(values, lo, Math.min(NUMPY_BUFFER_SIZE, end - lo));
  }
  return total;
}

const NUMPY_BUFFER_SIZE = 8192;

/** numpy's `pairwise_sum` over values[lo .. lo + n). */
function pairwiseBlock(a: ArrayLike<number>, lo: number, n: number): number {
  if (n < 8) {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[lo + i]!;
    return s;
  }
  if (n <= 128) {
    let r0 = a[lo]!;
    let r1 = a[lo + 1]!;
    let r2 = a[lo + 2]!;
    let r3 = a[lo + 3]!;
    let r4 = a[lo + 4]!;
    let r5 = a[lo + 5]!;
    let r6 = a[lo + 6]!;
    let r7 = a[lo + 7]!;
    const full = n - (n % 8);
    let i = 8;
    for (; i < full; i += 8) {
      const k = lo + i;
      r0 += a[k]!;
      r1 += a[k + 1]!;
      r2 += a[k + 2]!;
      r3 += a[k + 3]!;
      r4 += a[k + 4]!;
      r5 += a[k + 5]!;
      r6 += a[k + 6]!;
      r7 += a[k + 7]!;
    }
    let s = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) s += a[lo + i]!;
    return s;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return pairwiseBlock(a, lo, half) + pairwiseBlock(a, lo + half, n - half);
}
