import { PackedSketch } from "../profile/packedSketch.js";
import { profileMoments } from "../profile/profileMoments.js";
import type { NumericProfile } from "../profile/referenceProfile.js";
import { momentsStd } from "../stats/scaledMoments.js";

/** Positions in a ProfileSketchSample's array. */
const COUNT = 0;
const MISSING = 1;
const STD0 = 2;
const MIN = 3;
const MAX = 4;
/** Which of std0, min, max are null: NULL_STD0 | NULL_MIN | NULL_MAX. */
const NULLS = 5;
const BIN_COUNT = 6;
const BIN_KEYS = 7;
const BIN_PROPORTIONS = 8;
/** The bin keys, then the proportions, then the sketch's keys and counts. */
const HEAD = 9;

const NULL_STD0 = 1;
const NULL_MIN = 2;
const NULL_MAX = 4;

/**
 * A profile's numeric column as a drift sample (a SketchNumericSample): its sketch and what the methods read of the
 * column (counts, standard deviation, range, PSI bins) in one plain array of numbers. Why: a drift against a wide
 * profile holds one such sample per column while it reads the current data, and the sample as an object of nine
 * fields with its bins as an object of two lists, the sketch's buckets a third, and std0, min and max each a boxed
 * number took some 630 bytes a column; this takes some 400 for six values.
 *
 * `bins` makes its lists when read: each column's PSI reads them once.
 */
export class ProfileSketchSample {
  readonly sketch: PackedSketch;
  private readonly data: number[];

  constructor(column: NumericProfile, bins: number) {
    const keys = column.psi_bins.keys;
    const proportions = column.psi_bins.proportions;
    const at = HEAD + keys.length + proportions.length;
    const data = new Array<number>(at + PackedSketch.entries(column.sketch));
    const std0 = momentsStd(profileMoments(column), 0);
    data[COUNT] = column.count;
    data[MISSING] = column.missing + column.invalid;
    data[STD0] = std0 ?? 0;
    data[MIN] = column.min ?? 0;
    data[MAX] = column.max ?? 0;
    data[NULLS] =
      (std0 === null ? NULL_STD0 : 0) | (column.min === null ? NULL_MIN : 0) | (column.max === null ? NULL_MAX : 0);
    data[BIN_COUNT] = bins;
    data[BIN_KEYS] = keys.length;
    data[BIN_PROPORTIONS] = proportions.length;
    for (let i = 0; i < keys.length; i++) data[HEAD + i] = keys[i]!;
    for (let i = 0; i < proportions.length; i++) data[HEAD + keys.length + i] = proportions[i]!;
    this.sketch = PackedSketch.writeInto(column.sketch, data, at);
    this.data = data;
  }

  get kind(): "numeric" {
    return "numeric";
  }

  get form(): "sketch" {
    return "sketch";
  }

  get count(): number {
    return this.data[COUNT]!;
  }

  get missing(): number {
    return this.data[MISSING]!;
  }

  get std0(): number | null {
    return this.data[NULLS]! & NULL_STD0 ? null : this.data[STD0]!;
  }

  get min(): number | null {
    return this.data[NULLS]! & NULL_MIN ? null : this.data[MIN]!;
  }

  get max(): number | null {
    return this.data[NULLS]! & NULL_MAX ? null : this.data[MAX]!;
  }

  get bins(): { count: number; keys: number[]; proportions: number[] } {
    const k = this.data[BIN_KEYS]!;
    const p = this.data[BIN_PROPORTIONS]!;
    return {
      count: this.data[BIN_COUNT]!,
      keys: this.data.slice(HEAD, HEAD + k),
      proportions: this.data.slice(HEAD + k, HEAD + k + p),
    };
  }
}
