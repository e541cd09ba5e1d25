import type { Column, DictionaryColumn, NumericColumn, Table } from "../data/table.js";
import { momentsM2, momentsStd, scaledMoments, type ScaledMoments } from "../stats/scaledMoments.js";
import { QuantileSketch } from "./quantileSketch.js";
import type { SketchReader } from "./packedSketch.js";
import {
  PROFILE_DEFAULTS,
  PROFILE_VERSION,
  type CategoricalProfile,
  type ColumnProfile,
  type DatetimeProfile,
  type NumericProfile,
  type ReferenceProfile,
  type TextProfile,
} from "./referenceProfile.js";

export interface ProfileOptions {
  sketchAccuracy?: number;
  bins?: number;
  /** Label stored in `sources`; defaults to the table's source. */
  source?: string;
  /** Timestamp to store; tests pin it. */
  createdAt?: string;
}

/** Profiles every column of a table. For files larger than memory, profile chunks and merge them (mergeProfiles). */
export function buildProfile(table: Table, options: ProfileOptions = {}): ReferenceProfile {
  const fields = profileFields(table, options);
  // Column names are data: no prototype, so `__proto__` is stored like any other name.
  const columns = Object.create(null) as Record<string, ColumnProfile>;
  for (const column of table.columns) columns[column.name] = profileColumn(column, fields.sketch_accuracy, fields.bins);
  return { ...fields, columns };
}

/** A table's profile but its columns, in the key order of buildProfile's. */
export function profileFields(table: Table, options: ProfileOptions = {}): Omit<ReferenceProfile, "columns"> {
  return {
    kind: "modelguard.profile",
    version: PROFILE_VERSION,
    created_at: options.createdAt ?? new Date().toISOString(),
    sources: [options.source ?? table.source],
    rows: table.rowCount,
    sketch_accuracy: options.sketchAccuracy ?? PROFILE_DEFAULTS.sketchAccuracy,
    bins: options.bins ?? PROFILE_DEFAULTS.bins,
  };
}

export function profileColumn(column: Column, sketchAccuracy: number, bins: number): ColumnProfile {
  if (column.kind === "dictionary") return column.type === "category" ? profileCategory(column) : profileText(column);
  switch (column.type) {
    case "integer":
    case "number":
      return profileNumeric(column, sketchAccuracy, bins);
    case "boolean":
      return profileBoolean(column);
    case "datetime":
      return profileDatetime(column);
  }
}

function profileNumeric(column: NumericColumn, sketchAccuracy: number, bins: number): NumericProfile {
  const sketch = new QuantileSketch(sketchAccuracy);
  return numericProfileFrom(numericColumnStats(column, sketch), sketch, bins);
}

/** What numericProfileFrom takes besides the sketch: a numeric column's counts, extremes and moments. */
export type NumericStats = Parameters<typeof numericProfileFrom>[0];

/**
 * A numeric column's stats, its values added to `sketch`: a fresh sketch for one table's profile, or a running
 * profile's, which so takes in a chunk without a sketch of the chunk's own (see RunningProfile).
 */
export function numericColumnStats(column: NumericColumn, sketch: QuantileSketch): NumericStats {
  const { values, valid } = column;
  let count = 0;
  let infinite = 0;
  let nan = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (valid[i] === 0) continue;
    const x = values[i]!;
    // A NaN that a reader let through (a Parquet float NaN) is missing, as drift's samples count it.
    if (x !== x) {
      nan++;
      continue;
    }
    count++;
    if (x === Infinity || x === -Infinity) {
      infinite++;
      continue;
    }
    if (x < min) min = x;
    if (x > max) max = x;
  }
  sketch.addValues(values, valid);
  // Two passes (mean, then squared deviations), scaled so that values near 1e308 or 1e-160 neither overflow nor
  // underflow, are exact enough to merge with Chan's formula.
  const moments = scaledMoments(values, valid);
  return {
    type: column.type === "integer" ? "integer" : "number",
    count,
    missing: countMissing(column) - column.invalid.size + nan,
    invalid: column.invalid.size,
    infinite,
    min: moments.n > 0 ? min : null,
    max: moments.n > 0 ? max : null,
    moments,
  };
}

function countMissing(column: NumericColumn): number {
  let n = 0;
  for (let i = 0; i < column.valid.length; i++) if (column.valid[i] === 0) n++;
  return n;
}

/** The quantiles a profile stores, in the order of p01 .. p99. */
const QUANTILES = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];

/**
 * Everything derived from the sketch (PSI bins, quantiles), computed the same way when building and merging. The
 * profile holds the sketch's occupied buckets only, made a dense run when written.
 */
export function numericProfileFrom(
  s: {
    type: "integer" | "number";
    count: number;
    missing: number;
    invalid: number;
    infinite: number;
    min: number | null;
    max: number | null;
    /** Of the finite values. */
    moments: ScaledMoments;
  },
  sketch: QuantileSketch,
  bins: number,
): NumericProfile {
  // The occupied buckets listed once for the quantiles and the bins: a wide profile does this for every column.
  const buckets = sketch.buckets();
  const q = s.count > 0 ? sketch.quantiles(QUANTILES, buckets) : QUANTILES.map(() => null);
  return {
    kind: "numeric",
    type: s.type,
    count: s.count,
    missing: s.missing,
    invalid: s.invalid,
    infinite: s.infinite,
    min: s.min,
    max: s.max,
    mean: s.moments.n > 0 ? s.moments.mean : null,
    std: momentsStd(s.moments, 1),
    m2: momentsM2(s.moments),
    sketch: sketch.toProfileJson(),
    psi_bins: sketchBins(sketch, bins, buckets),
    quantiles: { p01: q[0]!, p05: q[1]!, p25: q[2]!, p50: q[3]!, p75: q[4]!, p95: q[5]!, p99: q[6]! },
  };
}

/**
 * Reference bins at the sketch's quantiles i/B, aligned to bucket boundaries so that the reference proportions are
 * exact bucket counts, and a current value's bin follows from its bucket key alone.
 *
 * Infinities are binned as the exact path bins them (psiBinEdges, binCounts): a quantile that leans towards an
 * infinite neighbour is that infinity; an edge at +inf leaves the +inf values alone in the last bin (edge key: the
 * outermost finite bucket), an edge at -inf makes an empty first bin (edge key: one below the key of -inf). An edge
 * at a value of the sample starts the bin above at that value's bucket, as the exact bins [e_i, e_i+1) do.
 */
export function sketchBins(
  sketch: SketchReader,
  bins: number,
  { keys, counts } = sketch.buckets(),
): NumericProfile["psi_bins"] {
  let total = 0;
  for (const c of counts) total += c;
  if (total === 0) return { keys: [], edges: [], proportions: [] };
  const inf = sketch.infinityKey;
  const keyAtRank = rankKeys(keys, counts);
  const edgeKeys: number[] = [];
  const step = 1 / bins;
  for (let i = 1; i < bins; i++) {
    const v = (total - 1) * (i * step);
    const rank = Math.floor(v);
    const t = v - rank;
    const below = keyAtRank(rank);
    const above = t > 0 ? keyAtRank(Math.min(rank + 1, total - 1)) : below;
    // Where the exact quantile is a value of the sample (no interpolation, ties, or the limit towards an
    // infinity), the exact bin [q, next edge) starts at that value: the edge key is one below its bucket.
    // Strictly between two values of different buckets, the lower one's bucket ends the bin below.
    let k: number;
    if (t === 0 || below === above) k = below - 1;
    else if (above === inf && (below !== -inf || t >= 0.5)) k = inf - 1;
    else if (below === -inf) k = -inf - 1;
    else k = below;
    if (edgeKeys.length === 0 || k > edgeKeys[edgeKeys.length - 1]!) edgeKeys.push(k);
  }
  // The top edge at the last occupied bucket would leave the last bin empty: drop it.
  while (edgeKeys.length > 0 && edgeKeys[edgeKeys.length - 1]! >= keys[keys.length - 1]!) edgeKeys.pop();
  const binCounts = new Array<number>(edgeKeys.length + 1).fill(0);
  let b = 0;
  for (let i = 0; i < keys.length; i++) {
    while (b < edgeKeys.length && keys[i]! > edgeKeys[b]!) b++;
    binCounts[b]! += counts[i]!;
  }
  return {
    // A copy of its own length: edgeKeys grew by push, with spare capacity that every numeric column would keep.
    keys: edgeKeys.slice(),
    // Clamped: JSON has no infinite edges, and the edge key says exactly where the bin ends.
    edges: edgeKeys.map((k) => Math.min(Math.max(sketch.keyUpperBound(k), -Number.MAX_VALUE), Number.MAX_VALUE)),
    proportions: binCounts.map((c) => c / total),
  };
}

/** Key of the value of a given 0-based rank (a binary search on the cumulative counts). */
function rankKeys(keys: Int32Array, counts: Float64Array): (rank: number) => number {
  const cumulative = new Float64Array(counts.length);
  let seen = 0;
  for (let i = 0; i < counts.length; i++) cumulative[i] = seen += counts[i]!;
  return (rank) => {
    let lo = 0;
    let hi = keys.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > rank) hi = mid;
      else lo = mid + 1;
    }
    return keys[lo]!;
  };
}

function profileCategory(column: DictionaryColumn): CategoricalProfile {
  const counts = new Float64Array(column.dictionary.length);
  let missing = 0;
  for (let i = 0; i < column.codes.length; i++) {
    const c = column.codes[i]!;
    if (c < 0) missing++;
    else counts[c]!++;
  }
  const freq = new Map<string, number>();
  column.dictionary.forEach((v, i) => {
    if (counts[i]! > 0) freq.set(v, (freq.get(v) ?? 0) + counts[i]!);
  });
  return categoricalProfileFrom("category", freq, missing, 0);
}

function profileBoolean(column: NumericColumn): CategoricalProfile {
  let t = 0;
  let f = 0;
  for (let i = 0; i < column.values.length; i++) {
    if (column.valid[i] === 0) continue;
    if (column.values[i] === 1) t++;
    else f++;
  }
  const freq = new Map<string, number>();
  if (f > 0) freq.set("false", f);
  if (t > 0) freq.set("true", t);
  return categoricalProfileFrom("boolean", freq, countMissing(column) - column.invalid.size, column.invalid.size);
}

export function categoricalProfileFrom(
  type: "category" | "boolean",
  freq: Map<string, number>,
  missing: number,
  invalid: number,
): CategoricalProfile {
  const entries = [...freq].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let count = 0;
  for (const [, c] of entries) count += c;
  return {
    kind: "categorical",
    type,
    count,
    missing,
    invalid,
    distinct: entries.length,
    frequencies: { values: entries.map((e) => e[0]), counts: entries.map((e) => e[1]) },
  };
}

function profileText(column: DictionaryColumn): TextProfile {
  const lengths = column.dictionary.map((s) => [...s].length);
  let count = 0;
  let missing = 0;
  let total = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < column.codes.length; i++) {
    const c = column.codes[i]!;
    if (c < 0) {
      missing++;
      continue;
    }
    const len = lengths[c]!;
    count++;
    total += len;
    if (len < min) min = len;
    if (len > max) max = len;
  }
  return {
    kind: "text",
    type: "string",
    count,
    missing,
    invalid: 0,
    min_length: count > 0 ? min : null,
    max_length: count > 0 ? max : null,
    mean_length: count > 0 ? total / count : null,
  };
}

function profileDatetime(column: NumericColumn): DatetimeProfile {
  let count = 0;
  let nan = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < column.values.length; i++) {
    if (column.valid[i] === 0) continue;
    const x = column.values[i]!;
    if (x !== x) {
      nan++;
      continue;
    }
    count++;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return {
    kind: "datetime",
    type: "datetime",
    count,
    missing: countMissing(column) - column.invalid.size + nan,
    invalid: column.invalid.size,
    min: count > 0 ? new Date(min).toISOString() : null,
    max: count > 0 ? new Date(max).toISOString() : null,
  };
}
