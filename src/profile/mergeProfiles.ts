import { ModelguardError } from "../errors.js";
import { categoricalProfileFrom, numericProfileFrom } from "./buildProfile.js";
import { EMPTY_MOMENTS, mergeScaledMoments } from "../stats/scaledMoments.js";
import { profileMoments } from "./profileMoments.js";
import { QuantileSketch } from "./quantileSketch.js";
import {
  PROFILE_VERSION,
  type CategoricalProfile,
  type ColumnProfile,
  type DatetimeProfile,
  type NumericProfile,
  type ReferenceProfile,
  type TextProfile,
} from "./referenceProfile.js";

/**
 * The profile of the union of the rows behind `a` and `b`. A column absent from one side counts as missing in all of
 * that side's rows. Types widen: integer + number = number; category + string = string (frequencies dropped);
 * numeric + categorical is an error, since no union of the data has both.
 *
 * With `consume`, each column of `a` and `b` is deleted from them once merged, so that a wide merge holds the two
 * profiles and the merged one column by column rather than all three at once (10,000 columns of 400 sketched values
 * each: some 100 MB less at the peak). For profiles nothing else holds, such as a stream's chunks (profileChunks).
 * When it throws (a column numeric on one side and categorical on the other), both inputs are left half emptied:
 * callers build them again rather than reuse them.
 */
export function mergeProfiles(
  a: ReferenceProfile,
  b: ReferenceProfile,
  { consume = false }: { consume?: boolean } = {},
): ReferenceProfile {
  if (a.sketch_accuracy !== b.sketch_accuracy) {
    throw new ModelguardError(
      "profile",
      `cannot merge profiles built with sketch accuracy ${a.sketch_accuracy} and ${b.sketch_accuracy}`,
      "rebuild both with the same --sketch-accuracy",
    );
  }
  if (a.bins !== b.bins) {
    throw new ModelguardError(
      "profile",
      `cannot merge profiles with ${a.bins} and ${b.bins} PSI bins`,
      "rebuild both with the same --bins",
    );
  }
  // Column names are data: own properties only, and a result without a prototype (`__proto__` is a name too).
  const has = (p: ReferenceProfile, name: string) => Object.hasOwn(p.columns, name);
  const names = [...Object.keys(a.columns), ...Object.keys(b.columns).filter((n) => !has(a, n))];
  const columns = Object.create(null) as Record<string, ColumnProfile>;
  for (const name of names) {
    const ca = has(a, name) ? a.columns[name]! : absentColumn(b.columns[name]!, a.rows, a.bins);
    const cb = has(b, name) ? b.columns[name]! : absentColumn(a.columns[name]!, b.rows, a.bins);
    columns[name] = mergeColumn(name, ca, cb, a.bins);
    if (consume) {
      delete a.columns[name];
      delete b.columns[name];
    }
  }
  return {
    kind: "modelguard.profile",
    version: PROFILE_VERSION,
    created_at: new Date().toISOString(),
    sources: [...a.sources, ...b.sources],
    rows: a.rows + b.rows,
    sketch_accuracy: a.sketch_accuracy,
    bins: a.bins,
    columns,
  };
}

/** The profile a column would have in a shard where every one of `rows` cells is missing. */
export function absentColumn(like: ColumnProfile, rows: number, bins: number): ColumnProfile {
  const empty = { count: 0, missing: rows, invalid: 0 };
  switch (like.kind) {
    case "numeric":
      return numericProfileFrom(
        { type: like.type, ...empty, infinite: 0, min: null, max: null, moments: EMPTY_MOMENTS },
        new QuantileSketch(like.sketch.relative_accuracy),
        bins,
      );
    case "categorical":
      return categoricalProfileFrom(like.type, new Map(), rows, 0);
    case "text":
      return { kind: "text", type: "string", ...empty, min_length: null, max_length: null, mean_length: null };
    case "datetime":
      return { kind: "datetime", type: "datetime", ...empty, min: null, max: null };
  }
}

/** Two profiles of one column merged (mergeProfiles' rules for types); an error where no union has both. */
export function mergeColumn(name: string, a: ColumnProfile, b: ColumnProfile, bins: number): ColumnProfile {
  if (a.kind === "numeric" && b.kind === "numeric") return mergeNumeric(a, b, bins);
  if (a.kind === "categorical" && b.kind === "categorical") return mergeCategorical(a, b);
  if (a.kind === "datetime" && b.kind === "datetime") return mergeDatetime(a, b);
  const textual = (c: ColumnProfile) => c.kind === "text" || (c.kind === "categorical" && c.type === "category");
  if (textual(a) && textual(b))
    return mergeText(a as TextProfile | CategoricalProfile, b as TextProfile | CategoricalProfile);
  throw new ModelguardError(
    "profile",
    `column '${name}' is ${a.kind} (${a.type}) in one profile and ${b.kind} (${b.type}) in the other`,
    "profile both shards with the same schema (modelguard profile --schema schema.yml) so types agree",
  );
}

function mergeNumeric(a: NumericProfile, b: NumericProfile, bins: number): NumericProfile {
  const sketch = QuantileSketch.fromJson(a.sketch);
  sketch.merge(QuantileSketch.fromJson(b.sketch));
  const moments = mergeScaledMoments(profileMoments(a), profileMoments(b));
  return numericProfileFrom(
    {
      type: a.type === "integer" && b.type === "integer" ? "integer" : "number",
      count: a.count + b.count,
      missing: a.missing + b.missing,
      invalid: a.invalid + b.invalid,
      infinite: a.infinite + b.infinite,
      min: minOf(a.min, b.min),
      max: maxOf(a.max, b.max),
      moments,
    },
    sketch,
    bins,
  );
}

function mergeCategorical(a: CategoricalProfile, b: CategoricalProfile): CategoricalProfile {
  const freq = new Map<string, number>();
  for (const p of [a, b])
    p.frequencies.values.forEach((v, i) => freq.set(v, (freq.get(v) ?? 0) + p.frequencies.counts[i]!));
  const type = a.type === "boolean" && b.type === "boolean" ? "boolean" : "category";
  return categoricalProfileFrom(type, freq, a.missing + b.missing, a.invalid + b.invalid);
}

function mergeDatetime(a: DatetimeProfile, b: DatetimeProfile): DatetimeProfile {
  const pick = (x: string | null, y: string | null, f: (p: number, q: number) => number) =>
    x === null ? y : y === null ? x : new Date(f(Date.parse(x), Date.parse(y))).toISOString();
  return {
    kind: "datetime",
    type: "datetime",
    count: a.count + b.count,
    missing: a.missing + b.missing,
    invalid: a.invalid + b.invalid,
    min: pick(a.min, b.min, Math.min),
    max: pick(a.max, b.max, Math.max),
  };
}

function mergeText(a: TextProfile | CategoricalProfile, b: TextProfile | CategoricalProfile): TextProfile {
  const lengths = (p: TextProfile | CategoricalProfile) => {
    if (p.kind === "text") return { min: p.min_length, max: p.max_length, total: (p.mean_length ?? 0) * p.count };
    const lens = p.frequencies.values.map((v) => [...v].length);
    let total = 0;
    lens.forEach((l, i) => (total += l * p.frequencies.counts[i]!));
    return { min: lens.length ? Math.min(...lens) : null, max: lens.length ? Math.max(...lens) : null, total };
  };
  const la = lengths(a);
  const lb = lengths(b);
  const count = a.count + b.count;
  return {
    kind: "text",
    type: "string",
    count,
    missing: a.missing + b.missing,
    invalid: a.invalid + b.invalid,
    min_length: minOf(la.min, lb.min),
    max_length: maxOf(la.max, lb.max),
    mean_length: count > 0 ? (la.total + lb.total) / count : null,
  };
}

function minOf(x: number | null, y: number | null): number | null {
  return x === null ? y : y === null ? x : Math.min(x, y);
}
function maxOf(x: number | null, y: number | null): number | null {
  return x === null ? y : y === null ? x : Math.max(x, y);
}
