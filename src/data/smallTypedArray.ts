/**
 * Small zero-filled typed arrays carved out of shared 64 KB slabs. Why: every ArrayBuffer costs some 600 bytes of
 * resident memory beyond its contents (the buffer object, its backing-store record, a malloc block), so a wide file
 * (100,000 columns, a few arrays of a few rows each per column) spent hundreds of megabytes on bookkeeping; a view
 * into a slab costs about 100 bytes. Only arrays of at most SMALL_BYTES bytes come from a slab, so a slab kept alive
 * by one survivor wastes at most 64 KB, and nothing large (sorted in place, transferred to another thread) shares a
 * buffer. A slab is never reused once full: its views stay zero-filled until their owner writes them.
 */

/** Arrays of at most this many bytes come from a slab. */
export const SMALL_BYTES = 256;
const SLAB_BYTES = 64 * 1024;

let slab = new ArrayBuffer(SLAB_BYTES);
let used = 0;

/**
 * The offset in `slab` of `bytes` bytes (a multiple of 8), or -1 when the array is too large for one. A number, not
 * a [slab, offset] pair: that pair was one more short-lived object per array (100,000 a wide chunk).
 */
function carve(bytes: number): number {
  if (bytes > SMALL_BYTES) return -1;
  const size = (bytes + 7) & ~7;
  if (used + size > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    used = 0;
  }
  const at = used;
  used += size;
  return at;
}

export function newFloat64Array(length: number): Float64Array<ArrayBuffer> {
  const at = carve(length * 8);
  return at >= 0 ? new Float64Array(slab, at, length) : new Float64Array(length);
}

export function newInt32Array(length: number): Int32Array<ArrayBuffer> {
  const at = carve(length * 4);
  return at >= 0 ? new Int32Array(slab, at, length) : new Int32Array(length);
}

export function newUint8Array(length: number): Uint8Array<ArrayBuffer> {
  const at = carve(length);
  return at >= 0 ? new Uint8Array(slab, at, length) : new Uint8Array(length);
}

/** `a` copied into an array twice its length (from a slab while that is small), the new half filled with `fill`. */
export function grownInt32Array(a: Int32Array, fill = 0): Int32Array<ArrayBuffer> {
  const next = newInt32Array(a.length * 2);
  next.set(a);
  if (fill !== 0) next.fill(fill, a.length);
  return next;
}
