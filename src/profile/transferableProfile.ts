import type { NumericStats } from "./buildProfile.js";
import { QuantileSketch } from "./quantileSketch.js";
import type { ColumnProfile } from "./referenceProfile.js";

/**
 * A running profile as it crosses between threads (a worker's byte range, to the thread that merges the ranges). A
 * structured clone keeps data, not classes or prototypes: the columns go as [name, column] pairs (names are data,
 * never keys of a plain object), a numeric column as its stats and the number of its sketch, and the sketches all
 * packed into four typed arrays that are transferred, not copied. Why: a range of 10,000 columns sent as profiles
 * was some 10,000 x 2 arrays of JS numbers on either side (16 bytes a bucket, cloned), and revived into stores; packed
 * it is 8 bytes a bucket (12 when a count is not a 32-bit integer), moved, and merged into the running sketches
 * straight from the arrays.
 */
export interface TransferableProfile {
  rows: number;
  chunks: number;
  sources: string[];
  columns: [string, TransferredColumn][];
  sketches: PackedSketches;
}

/** A numeric column (its stats and its sketch's number in `sketches`), or any other column's profile. */
export type TransferredColumn = { stats: NumericStats; sketch: number } | ColumnProfile;

export const isTransferredNumeric = (c: TransferredColumn): c is { stats: NumericStats; sketch: number } =>
  "stats" in c;

/**
 * Sketches of one accuracy, packed. Sketch i: its zero, +Infinity and -Infinity counts at counts3[3i..3i+3); its
 * positive store's occupied buckets (by ascending index) at keys/counts[bounds[2i]..bounds[2i+1]), its negative
 * store's at [bounds[2i+1]..bounds[2i+2]).
 */
export interface PackedSketches {
  relativeAccuracy: number;
  counts3: Float64Array;
  bounds: Float64Array;
  keys: Int32Array;
  counts: Uint32Array | Float64Array;
}

/** The sketches packed, and the buffers to transfer with them. */
export function packSketches(
  sketches: readonly QuantileSketch[],
  relativeAccuracy: number,
): { packed: PackedSketches; transfer: ArrayBuffer[] } {
  let buckets = 0;
  let whole = true;
  const tally = (_: number, c: number) => {
    buckets++;
    if (c !== c >>> 0) whole = false;
  };
  for (const s of sketches) {
    s.forEachStored(1, tally);
    s.forEachStored(-1, tally);
  }
  const counts3 = new Float64Array(3 * sketches.length);
  const bounds = new Float64Array(2 * sketches.length + 1);
  const keys = new Int32Array(buckets);
  const counts = whole ? new Uint32Array(buckets) : new Float64Array(buckets);
  let b = 0;
  const put = (i: number, c: number) => {
    keys[b] = i;
    counts[b++] = c;
  };
  sketches.forEach((s, i) => {
    counts3[3 * i] = s.zero;
    counts3[3 * i + 1] = s.positiveInfinity;
    counts3[3 * i + 2] = s.negativeInfinity;
    bounds[2 * i] = b;
    s.forEachStored(1, put);
    bounds[2 * i + 1] = b;
    s.forEachStored(-1, put);
  });
  bounds[2 * sketches.length] = b;
  return {
    packed: { relativeAccuracy, counts3, bounds, keys, counts },
    transfer: [counts3.buffer, bounds.buffer, keys.buffer, counts.buffer] as ArrayBuffer[],
  };
}

/** Merges packed sketch i into `sketch` (of the same accuracy): what sketch.merge(the sketch packed) does. */
export function mergePackedSketch(p: PackedSketches, i: number, sketch: QuantileSketch): void {
  if (sketch.relativeAccuracy !== p.relativeAccuracy) {
    throw new RangeError(`cannot merge sketches of accuracy ${sketch.relativeAccuracy} and ${p.relativeAccuracy}`);
  }
  const { counts3, bounds } = p;
  sketch.mergeStored(
    counts3[3 * i]!,
    counts3[3 * i + 1]!,
    counts3[3 * i + 2]!,
    p.keys,
    p.counts,
    bounds[2 * i]!,
    bounds[2 * i + 1]!,
    bounds[2 * i + 2]!,
  );
}

/** Packed sketch i as a sketch of its own. */
export function unpackSketch(p: PackedSketches, i: number): QuantileSketch {
  const sketch = new QuantileSketch(p.relativeAccuracy);
  mergePackedSketch(p, i, sketch);
  return sketch;
}
