import type { SketchJson } from "./quantileSketch.js";

/**
 * The reference profile: the contract between CI (which builds it from training data) and the monitor (which
 * compares live traffic with it). Every statistic in it is mergeable, so the profile of two shards merged equals the
 * profile of their union: counts, sketches and frequencies exactly; mean and std up to floating-point rounding.
 */
export interface ReferenceProfile {
  kind: "modelguard.profile";
  /** What this modelguard writes; a profile of version 1 is read into this form (see readProfile). */
  version: typeof PROFILE_VERSION;
  created_at: string;
  /** Files (or labels) the rows came from, in merge order. */
  sources: string[];
  rows: number;
  /** Relative accuracy of every numeric sketch; profiles merge only when it is the same. */
  sketch_accuracy: number;
  /** Number of reference bins for PSI. */
  bins: number;
  columns: Record<string, ColumnProfile>;
}

export type ColumnProfile = NumericProfile | CategoricalProfile | TextProfile | DatetimeProfile;

interface ProfileCounts {
  /** Cells holding a value. */
  count: number;
  /** Empty or NA cells, plus every row of a shard in which the column was absent. */
  missing: number;
  /** Cells whose text did not parse as the column's type. */
  invalid: number;
}

export interface NumericProfile extends ProfileCounts {
  kind: "numeric";
  type: "integer" | "number";
  /** Values of +-Infinity: in the sketch's own infinity counts (not in a bucket), not in min/max/mean/std. */
  infinite: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  /** Sample standard deviation (ddof = 1), over finite values. */
  std: number | null;
  /** Sum of squared deviations from the mean (finite values): what makes mean/std mergeable. */
  m2: number;
  sketch: SketchJson;
  /** PSI reference bins, derived from the sketch: bin i holds keys in (keys[i-1], keys[i]]; outer bins are open. */
  psi_bins: { keys: number[]; edges: number[]; proportions: number[] };
  quantiles: Record<"p01" | "p05" | "p25" | "p50" | "p75" | "p95" | "p99", number | null>;
}

export interface CategoricalProfile extends ProfileCounts {
  kind: "categorical";
  type: "category" | "boolean";
  distinct: number;
  /** Category values and their counts, most frequent first (ties by value). */
  frequencies: { values: string[]; counts: number[] };
}

export interface TextProfile extends ProfileCounts {
  kind: "text";
  type: "string";
  min_length: number | null;
  max_length: number | null;
  mean_length: number | null;
}

export interface DatetimeProfile extends ProfileCounts {
  kind: "datetime";
  type: "datetime";
  min: string | null;
  max: string | null;
}

/**
 * Version 2 writes a sketch store's empty buckets as skips (a negative count -n for n of them) where version 1 wrote
 * every bucket of the run; everything else is the same, and version 1 is still read.
 */
export const PROFILE_VERSION = 2;
/** The versions readProfile reads. */
export const READABLE_PROFILE_VERSIONS: readonly number[] = [1, 2];

export const PROFILE_DEFAULTS = { sketchAccuracy: 0.001, bins: 10 } as const;
