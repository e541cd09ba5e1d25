import { QuantileSketch, SketchStoreJson, type SketchJson } from "./quantileSketch.js";

/**
 * What reading a quantile sketch takes: its buckets, what their keys stand for, and its counts. A QuantileSketch
 * (which can also grow and merge) and a PackedSketch (a profile's sketch, read-only) both give it.
 */
export interface SketchReader {
  readonly relativeAccuracy: number;
  /** Key of +Infinity; its negation is the key of -Infinity. */
  readonly infinityKey: number;
  readonly count: number;
  readonly positiveInfinity: number;
  readonly negativeInfinity: number;
  /** Occupied buckets in ascending key order: parallel arrays of keys and counts, the caller's to keep. */
  buckets(): { keys: Int32Array; counts: Float64Array };
  keyValue(key: number): number;
  keyUpperBound(key: number): number;
  toJson(): SketchJson;
}

/**
 * A sketch read from a profile, to be read and never added to (the reference of a drift): its occupied buckets as a
 * run of a plain array (keys, then counts), the bucket geometry shared with every sketch of its accuracy. Why: a drift
 * against a wide profile holds one reference sketch per column, and a QuantileSketch with its two stores (each with
 * two lists, most columns' negative one empty) and its own copies of gamma and ln(gamma) took some 600 bytes a column
 * where this takes about 250 for six buckets. A plain array is 8 bytes an entry; a typed array view costs some 100
 * bytes before its contents.
 *
 * It lists the same buckets, in the same order, as QuantileSketch.fromJson(j).buckets(), so results are identical.
 */
export class PackedSketch implements SketchReader {
  private constructor(
    /** An empty sketch of the accuracy, shared: what keys stand for. */
    private readonly scale: QuantileSketch,
    /** From `start` on: the keys of the `n` occupied buckets ascending, then their counts. */
    private readonly packed: readonly number[],
    private readonly start: number,
    private readonly n: number,
    readonly count: number,
  ) {}

  static fromJson(j: SketchJson): PackedSketch {
    const buckets = occupiedBuckets(j);
    // An array of its final length: one grown by push keeps spare capacity, in every column.
    return PackedSketch.writeInto(j, buckets === 0 ? NO_BUCKETS : new Array<number>(2 * buckets), 0);
  }

  /** Writes the sketch of `j` into `packed` from `start` on (twice its occupied buckets) and reads it from there. */
  private static writeInto(j: SketchJson, packed: number[], start: number): PackedSketch {
    const scale = scaleOf(j.relative_accuracy);
    const positive = storeEntries(j.positive);
    const negative = storeEntries(j.negative);
    const negativeInfinity = j.negative_infinity ?? 0;
    const positiveInfinity = j.positive_infinity ?? 0;
    const n = occupiedBuckets(j, positive, negative);
    let b = start;
    let count = 0;
    const put = (key: number, c: number) => {
      packed[b] = key;
      packed[n + b++] = c;
      count += c;
    };
    if (negativeInfinity !== 0) put(-scale.infinityKey, negativeInfinity);
    for (let i = negative.indices.length - 1; i >= 0; i--) put(-negative.indices[i]!, negative.values[i]!);
    if (j.zero !== 0) put(0, j.zero);
    for (let i = 0; i < positive.indices.length; i++) put(positive.indices[i]!, positive.values[i]!);
    if (positiveInfinity !== 0) put(scale.infinityKey, positiveInfinity);
    return new PackedSketch(scale, packed, start, n, count);
  }

  get relativeAccuracy(): number {
    return this.scale.relativeAccuracy;
  }

  get infinityKey(): number {
    return this.scale.infinityKey;
  }

  get positiveInfinity(): number {
    const { packed, start, n } = this;
    return n > 0 && packed[start + n - 1] === this.scale.infinityKey ? packed[start + 2 * n - 1]! : 0;
  }

  get negativeInfinity(): number {
    const { packed, start, n } = this;
    return n > 0 && packed[start] === -this.scale.infinityKey ? packed[start + n]! : 0;
  }

  buckets(): { keys: Int32Array; counts: Float64Array } {
    const { packed, start, n } = this;
    const keys = new Int32Array(n);
    const counts = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      keys[i] = packed[start + i]!;
      counts[i] = packed[start + n + i]!;
    }
    return { keys, counts };
  }

  keyValue(key: number): number {
    return this.scale.keyValue(key);
  }

  keyUpperBound(key: number): number {
    return this.scale.keyUpperBound(key);
  }

  /** The same document as QuantileSketch.fromJson(j).toJson() for the j it was read from. */
  toJson(): SketchJson {
    const { packed, start, n } = this;
    const inf = this.scale.infinityKey;
    let zero = 0;
    /** Positions of the keys of either sign. */
    const positive: number[] = [];
    const negative: number[] = [];
    for (let i = start; i < start + n; i++) {
      const key = packed[i]!;
      if (key === 0) zero = packed[n + i]!;
      else if (Math.abs(key) !== inf) (key > 0 ? positive : negative).push(i);
    }
    // Negative keys ascend as their store's indices descend.
    negative.reverse();
    const run = (at: number[], sign: 1 | -1) => {
      if (at.length === 0) return { offset: 0, counts: [] };
      const offset = sign * packed[at[0]!]!;
      const counts = new Array<number>(sign * packed[at[at.length - 1]!]! - offset + 1).fill(0);
      for (const i of at) counts[sign * packed[i]! - offset] = packed[n + i]!;
      return { offset, counts };
    };
    const positiveInfinity = this.positiveInfinity;
    const negativeInfinity = this.negativeInfinity;
    return {
      relative_accuracy: this.relativeAccuracy,
      zero,
      positive: run(positive, 1),
      negative: run(negative, -1),
      ...(positiveInfinity !== 0 ? { positive_infinity: positiveInfinity } : {}),
      ...(negativeInfinity !== 0 ? { negative_infinity: negativeInfinity } : {}),
    };
  }
}

const NO_BUCKETS: number[] = [];

/** Number of occupied buckets of the sketch `j` (its stores' entries as storeEntries gives them, when at hand). */
function occupiedBuckets(
  j: SketchJson,
  positive = storeEntries(j.positive),
  negative = storeEntries(j.negative),
): number {
  return (
    positive.indices.length +
    negative.indices.length +
    (j.zero !== 0 ? 1 : 0) +
    ((j.positive_infinity ?? 0) !== 0 ? 1 : 0) +
    ((j.negative_infinity ?? 0) !== 0 ? 1 : 0)
  );
}

/**
 * A store's occupied buckets (count not 0), ascending, in either form a profile's sketch may hold it: as
 * QuantileSketch.fromJson reads them.
 */
function storeEntries(store: SketchJson["positive"] | SketchStoreJson): {
  indices: readonly number[];
  values: readonly number[];
} {
  if (store instanceof SketchStoreJson && !store.values.includes(0)) return store;
  const indices: number[] = [];
  const values: number[] = [];
  if (store instanceof SketchStoreJson) {
    for (let i = 0; i < store.indices.length; i++) {
      if (store.values[i] === 0) continue;
      indices.push(store.indices[i]!);
      values.push(store.values[i]!);
    }
  } else {
    for (let i = 0; i < store.counts.length; i++) {
      if (store.counts[i] === 0) continue;
      indices.push(store.offset + i);
      values.push(store.counts[i]!);
    }
  }
  return { indices, values };
}

/**
 * One empty sketch per accuracy, for the bucket geometry. Bounded: a process meets one or two accuracies; past
 * MAX_SCALES distinct ones the cache starts over.
 */
const scales = new Map<number, QuantileSketch>();
const MAX_SCALES = 64;

function scaleOf(relativeAccuracy: number): QuantileSketch {
  let scale = scales.get(relativeAccuracy);
  if (scale === undefined) {
    if (scales.size >= MAX_SCALES) scales.clear();
    scale = new QuantileSketch(relativeAccuracy);
    scales.set(relativeAccuracy, scale);
  }
  return scale;
}
