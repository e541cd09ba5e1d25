import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);

// src/stats/pairwiseSum.ts
function pairwiseSum(values, start = 0, end = values.length) {
  if (!(start >= 0 && end <= values.length)) throw new RangeError("pairwiseSum: range outside the array");
  let total = 0;
  for (let lo = start; lo < end; lo += NUMPY_BUFFER_SIZE) {
    total += pairwiseBlock(values, lo, Math.min(NUMPY_BUFFER_SIZE, end - lo));
  }
  return total;
}
var NUMPY_BUFFER_SIZE = 8192;
function pairwiseBlock(a, lo, n) {
  if (n < 8) {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[lo + i];
    return s;
  }
  if (n <= 128) {
    let r0 = a[lo];
    let r1 = a[lo + 1];
    let r2 = a[lo + 2];
    let r3 = a[lo + 3];
    let r4 = a[lo + 4];
    let r5 = a[lo + 5];
    let r6 = a[lo + 6];
    let r7 = a[lo + 7];
    const full = n - n % 8;
    let i = 8;
    for (; i < full; i += 8) {
      const k = lo + i;
      r0 += a[k];
      r1 += a[k + 1];
      r2 += a[k + 2];
      r3 += a[k + 3];
      r4 += a[k + 4];
      r5 += a[k + 5];
      r6 += a[k + 6];
      r7 += a[k + 7];
    }
    let s = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) s += a[lo + i];
    return s;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return pairwiseBlock(a, lo, half) + pairwiseBlock(a, lo + half, n - half);
}

export {
  pairwiseSum
};
