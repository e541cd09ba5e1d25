/**
 * The row order that sorts doubles ascending (a stable argsort): order[j] is the index of the j-th smallest value.
 * A least-significant-digit radix sort over the IEEE-754 bits, as radixSortFloat64 does, carrying each value's index:
 * 4 passes of 16 bits, a pass skipped when every key has the same digit (scores that were float32 skip the lowest).
 * Linear in n, and every pass reads its input in order, where a comparison sort or a binary search per row would jump
 * around memory: on 1e6 scores it is about 10x quicker than sorting an index array with a comparator.
 * NaN must be removed first (it has no place in an order); -0 sorts before +0.
 *
 * Example: argsortFloat64(Float64Array.of(0.3, -1, 0.3, 2)) -> Int32Array [1, 0, 2, 3]
 */
export function argsortFloat64(values: Float64Array): Int32Array {
  const n = values.length;
  const bits = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  const lo = LITTLE_ENDIAN ? 0 : 1;
  const hi = 1 - lo;
  let keyLo = new Uint32Array(n);
  let keyHi = new Uint32Array(n);
  let order = new Int32Array(n);
  const counts = new Uint32Array(65536 * 4);
  for (let i = 0; i < n; i++) {
    let l = bits[2 * i + lo]!;
    let h = bits[2 * i + hi]!;
    // An unsigned key that orders like the number: flip the sign bit of positives, every bit of negatives.
    if (h & 0x80000000) {
      l = ~l >>> 0;
      h = ~h >>> 0;
    } else {
      h = (h ^ 0x80000000) >>> 0;
    }
    keyLo[i] = l;
    keyHi[i] = h;
    order[i] = i;
    counts[l & 0xffff]!++;
    counts[65536 + (l >>> 16)]!++;
    counts[131072 + (h & 0xffff)]!++;
    counts[196608 + (h >>> 16)]!++;
  }
  if (n < 2) return order;
  let nextLo = new Uint32Array(n);
  let nextHi = new Uint32Array(n);
  let nextOrder = new Int32Array(n);
  for (let pass = 0; pass < 4; pass++) {
    const shift = (pass & 1) * 16;
    const base = pass * 65536;
    const digitOf = pass < 2 ? keyLo : keyHi;
    if (counts[base + ((digitOf[0]! >>> shift) & 0xffff)] === n) continue;
    let sum = 0;
    for (let d = base; d < base + 65536; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    const digits = pass < 2 ? keyLo : keyHi;
    for (let i = 0; i < n; i++) {
      const j = counts[base + ((digits[i]! >>> shift) & 0xffff)]!++;
      nextLo[j] = keyLo[i]!;
      nextHi[j] = keyHi[i]!;
      nextOrder[j] = order[i]!;
    }
    [keyLo, nextLo] = [nextLo, keyLo];
    [keyHi, nextHi] = [nextHi, keyHi];
    [order, nextOrder] = [nextOrder, order];
  }
  return order;
}

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
