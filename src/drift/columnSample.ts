import type { Column, Table } from "../data/table.js";
import { radixSortFloat64InPlace } from "../stats/radixSortFloat64.js";
import { PackedSketch, type SketchReader } from "../profile/packedSketch.js";
import { QuantileSketch } from "../profile/quantileSketch.js";
import type { ColumnProfile, ReferenceProfile } from "../profile/referenceProfile.js";
import { profileMoments } from "../profile/profileMoments.js";
import { momentsStd } from "../stats/scaledMoments.js";

/**
 * What drift methods compare: one column of one side, either exact (the sorted values or every category count) or
 * summarised (the sketch of a profile or of a monitor window). Methods accept both; exact pairs give exact results.
 */
export type ColumnSample = ExactNumericSample | SketchNumericSample | CategoricalSample | SkippedSample;

export interface ExactNumericSample {
  kind: "numeric";
  form: "exact";
  /** Non-missing values, ascending. */
  sorted: Float64Array;
  missing: number;
}

export interface SketchNumericSample {
  kind: "numeric";
  form: "sketch";
  sketch: SketchReader;
  count: number;
  /** Population standard deviation (ddof = 0) of the finite values, for the Wasserstein normalisation. */
  std0: number | null;
  /** Reference PSI bins when the sketch comes from a profile (keys of bucket boundaries and proportions). */
  bins?: { count: number; keys: number[]; proportions: number[] };
  missing: number;
  /** A profile's finite range (its min and max), for the out-of-range quality signal. */
  min?: number | null;
  max?: number | null;
  /** A monitor window's finite values outside the reference's range, counted as they arrived (see measureQuality). */
  outOfRange?: number;
}

export interface CategoricalSample {
  kind: "categorical";
  counts: Map<string, number>;
  count: number;
  missing: number;
}

export interface SkippedSample {
  kind: "skipped";
  type: string;
  reason: string;
}

export type SampleKind = "numeric" | "categorical";

/** The drift kind of a column type: numbers are numeric; categories and booleans categorical; the rest is not tested. */
export function driftKindOfType(type: string): SampleKind | null {
  if (type === "integer" || type === "number") return "numeric";
  if (type === "category" || type === "boolean") return "categorical";
  return null;
}

export interface SampleOptions {
  /**
   * Sort numeric values inside the column's own buffer instead of a copy, reusing `scratch` as working memory. For
   * callers that own a table they will not read again (the drift worker): it halves peak memory.
   */
  consume?: { scratch: Float64Array };
}

export function sampleColumn(column: Column, options: SampleOptions = {}): ColumnSample {
  const kind = driftKindOfType(column.type);
  if (kind === null) {
    const reason =
      column.type === "datetime"
        ? "datetime columns are not tested for drift (time always moves on)"
        : "free-text column: too many distinct values for a distribution test";
    return { kind: "skipped", type: column.type, reason };
  }
  if (column.kind === "dictionary") {
    const perCode = new Float64Array(column.dictionary.length);
    let missing = 0;
    for (let i = 0; i < column.codes.length; i++) {
      const c = column.codes[i]!;
      if (c < 0) missing++;
      else perCode[c]!++;
    }
    const counts = new Map<string, number>();
    let count = 0;
    column.dictionary.forEach((v, i) => {
      if (perCode[i]! > 0) counts.set(v, (counts.get(v) ?? 0) + perCode[i]!);
      count += perCode[i]!;
    });
    return { kind: "categorical", counts, count, missing };
  }
  const { values, valid } = column;
  if (column.type === "boolean") {
    let t = 0;
    let f = 0;
    for (let i = 0; i < values.length; i++) {
      if (valid[i] === 0) continue;
      if (values[i] === 1) t++;
      else f++;
    }
    const counts = new Map<string, number>();
    if (f) counts.set("false", f);
    if (t) counts.set("true", t);
    return { kind: "categorical", counts, count: t + f, missing: values.length - t - f };
  }
  // Compact the present values to the front (of the column itself when consuming it), then sort them.
  const target = options.consume ? values : new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (valid[i] === 1 && x === x) target[n++] = x;
  }
  const sorted = target.subarray(0, n);
  radixSortFloat64InPlace(sorted, options.consume?.scratch);
  return { kind: "numeric", form: "exact", sorted, missing: values.length - n };
}

export function sampleTable(table: Table, options: SampleOptions = {}): Map<string, ColumnSample> {
  const out = new Map<string, ColumnSample>();
  for (const column of table.columns) out.set(column.name, sampleColumn(column, options));
  return out;
}

/** Samples read from a profile: numeric columns as sketches carrying the profile's reference bins. */
export function sampleProfile(profile: ReferenceProfile): Map<string, ColumnSample> {
  const out = new Map<string, ColumnSample>();
  for (const [name, column] of Object.entries(profile.columns))
    out.set(name, sampleColumnProfile(column, profile.bins));
  return out;
}

/** One column of sampleProfile: `bins` is the profile's number of PSI bins. */
export function sampleColumnProfile(column: ColumnProfile, bins: number): ColumnSample {
  switch (column.kind) {
    case "numeric": {
      return {
        kind: "numeric",
        form: "sketch",
        // Read-only, and held for every column of a wide reference: packed (see PackedSketch).
        sketch: PackedSketch.fromJson(column.sketch),
        count: column.count,
        std0: momentsStd(profileMoments(column), 0),
        bins: { count: bins, keys: column.psi_bins.keys, proportions: column.psi_bins.proportions },
        missing: column.missing + column.invalid,
        min: column.min,
        max: column.max,
      };
    }
    case "categorical": {
      const counts = new Map<string, number>();
      column.frequencies.values.forEach((v, i) => counts.set(v, column.frequencies.counts[i]!));
      return { kind: "categorical", counts, count: column.count, missing: column.missing + column.invalid };
    }
    case "text":
      return {
        kind: "skipped",
        type: column.type,
        reason: "free-text column: too many distinct values for a distribution test",
      };
    case "datetime":
      return {
        kind: "skipped",
        type: column.type,
        reason: "datetime columns are not tested for drift (time always moves on)",
      };
  }
}

/**
 * A numeric sample as a sketch of the given accuracy (exact samples are bucketed value by value). A sketch of another
 * accuracy (a streamed current side against a profile made with --sketch-accuracy) is re-bucketed through each
 * bucket's representative value, so both sides' keys mean the same ranges.
 */
export function toSketch(sample: ExactNumericSample | SketchNumericSample, accuracy: number): SketchReader {
  if (sample.form === "sketch") {
    if (sample.sketch.relativeAccuracy === accuracy) return sample.sketch;
    const sketch = new QuantileSketch(accuracy);
    const { keys, counts } = sample.sketch.buckets();
    for (let i = 0; i < keys.length; i++) sketch.add(sample.sketch.keyValue(keys[i]!), counts[i]!);
    return sketch;
  }
  const sketch = new QuantileSketch(accuracy);
  const s = sample.sorted;
  // Sorted input: add runs of equal values at once.
  let i = 0;
  while (i < s.length) {
    let j = i + 1;
    while (j < s.length && s[j] === s[i]) j++;
    sketch.add(s[i]!, j - i);
    i = j;
  }
  return sketch;
}

export function sampleCount(sample: ExactNumericSample | SketchNumericSample | CategoricalSample): number {
  if (sample.kind === "categorical") return sample.count;
  return sample.form === "exact" ? sample.sorted.length : sample.count;
}
