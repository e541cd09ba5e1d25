import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);

// src/stats/radixSortFloat64.ts
function radixSortFloat64(values) {
  const copy = values.slice();
  radixSortFloat64InPlace(copy);
  return copy;
}
var LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
function radixSortFloat64InPlace(values, scratch) {
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
    let l = a[2 * i + lo];
    let h = a[2 * i + hi];
    if (h & 2147483648) {
      l = ~l >>> 0;
      h = ~h >>> 0;
    } else {
      h = (h ^ 2147483648) >>> 0;
    }
    a[2 * i + lo] = l;
    a[2 * i + hi] = h;
    counts[l & 65535]++;
    counts[65536 + (l >>> 16)]++;
    counts[131072 + (h & 65535)]++;
    counts[196608 + (h >>> 16)]++;
  }
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? lo : hi;
    const shift = (pass & 1) * 16;
    const base = pass * 65536;
    if (counts[base + (a[word] >>> shift & 65535)] === n) continue;
    let sum = 0;
    for (let d = base; d < base + 65536; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const x0 = a[2 * i];
      const x1 = a[2 * i + 1];
      const j = counts[base + (a[2 * i + word] >>> shift & 65535)]++;
      b[2 * j] = x0;
      b[2 * j + 1] = x1;
    }
    const t = a;
    a = b;
    b = t;
  }
  if (a.buffer !== values.buffer || a.byteOffset !== values.byteOffset) {
    b.set(a);
    a = b;
  }
  for (let i = 0; i < n; i++) {
    const h = a[2 * i + hi];
    if (h & 2147483648) {
      a[2 * i + hi] = h ^ 2147483648;
    } else {
      a[2 * i + lo] = ~a[2 * i + lo];
      a[2 * i + hi] = ~h;
    }
  }
}

export {
  radixSortFloat64,
  radixSortFloat64InPlace
};
