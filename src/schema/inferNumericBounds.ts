import { quantileSorted } from "../stats/quantileSorted.js";

/** Bounds `schema infer` writes for a number or integer column, and why (for the YAML comment). */
export interface InferredBounds {
  readonly min?: number;
  readonly max?: number;
  /** Integer columns with a small, well-populated set of values: that set, ascending. */
  readonly allowed?: readonly number[];
  readonly notes: readonly string[];
}

/** Beyond the 1st and 99th percentiles, fences sit this many times the 1st-99th percentile range away. */
export const FENCE_MARGIN = 3;
/** The same on the log scale, for right-skewed positive columns: max = q99 (q99 / q01)^2. */
export const LOG_FENCE_MARGIN = 2;
/** An integer column with at most this many distinct values may get an `allowed` list. */
export const MAX_INTEGER_DOMAIN = 20;
/** Every value of an inferred domain (integer `allowed`, category `allowed`) occurs on at least this many rows. */
export const MIN_DOMAIN_COUNT = 5;
/** ...and, for integers, on at least this share of the rows with a value (the last values of a count thin out below it). */
const MIN_INTEGER_DOMAIN_SHARE = 0.01;

/**
 * Bounds that say what the column is, not where one sample happened to end, so that next week's data of the same
 * process passes and gross errors (a unit slip, a -999 sentinel, a negative amount) do not.
 *
 * `sorted` holds the column's finite values, ascending (no NaN, no infinities, at least one value).
 *
 * - Integer domain: an integer column with at most 20 distinct values, each on at least 5 rows and 1% of the rows
 *   (a rating, a flag, a code; a count whose tail thins out fails the rule and gets fences) -> `allowed`.
 * - Floor at 0: every value >= 0 and either some value is exactly 0 or the distribution is right-skewed (the
 *   99th percentile is more than twice as far above the median as the 1st percentile is below it, so values crowd
 *   against a floor) -> `min: 0`. A positive sample of a symmetric column (N(3, 1) at 1,000 rows has no negative one
 *   time in four) is no evidence of a floor.
 * - Fraction: every value in [0, 1] with 1 itself present, and a floor -> `max: 1`.
 * - Otherwise fences: with q01, q99 the 1st and 99th percentiles and s = q99 - q01 (max - min when that is 0),
 *   [q01 - 3s, q99 + 3s], rounded outward to 3 significant digits (integers: to whole numbers). For a normal column
 *   that is 7 standard deviations beyond the 1st/99th percentile, so no sample of any size reaches it by chance. A
 *   right-skewed column with positive values (incomes, durations) gets its upper fence on the log scale of its
 *   positive values, q99 (q99 / q01)^2 (at least 4 q99), since a long tail would cross a linear one: a Pareto tail
 *   of index 2 passes it once in a million rows, a lognormal one never. A lower fence below 0 on a
 *   sample without negatives and without a floor is left out (there is no evidence either way), as are both bounds
 *   of a constant column.
 */
export function inferNumericBounds(sorted: Float64Array, type: "integer" | "number"): InferredBounds {
  const n = sorted.length;
  const lo = sorted[0]!;
  const hi = sorted[n - 1]!;
  if (type === "integer") {
    const domain = integerDomain(sorted);
    if (domain) return { allowed: domain, notes: [`${domain.length} values, each on 5 or more rows, so allowed`] };
  }
  if (lo === hi) return { notes: ["constant here, so no min/max"] };
  const q01 = quantileSorted(sorted, 0.01);
  const q50 = quantileSorted(sorted, 0.5);
  const q99 = quantileSorted(sorted, 0.99);
  const spread = q99 > q01 ? q99 - q01 : hi - lo;
  const skewedRight = q99 - q50 > 2 * (q50 - q01);
  const hasZero = lo === 0 || sortedIncludes(sorted, 0);
  const floor = lo >= 0 && (hasZero || skewedRight);
  const notes: string[] = [];
  let min: number | undefined;
  let max: number | undefined;
  if (floor) {
    min = 0;
    notes.push(hasZero ? "min 0: non-negative, with zeros" : "min 0: non-negative and skewed towards 0");
  } else {
    const fence = q01 - FENCE_MARGIN * spread;
    if (lo >= 0 && fence < 0) notes.push("no min: positive here, but nothing marks 0 as a floor");
    else if (Number.isFinite(fence)) {
      min = roundOut(fence, "down", type);
      notes.push(`min ${fmt(min)}: 1st percentile - ${FENCE_MARGIN} x the 1st-99th percentile range`);
    }
  }
  if (floor && hi <= 1 && sortedIncludes(sorted, 1)) {
    max = 1;
    notes.push("max 1: a fraction");
  } else if (skewedRight && lo >= 0) {
    const positive = sorted.subarray(firstAbove(sorted, 0));
    const l01 = Math.log(quantileSorted(positive, 0.01));
    const l99 = Math.log(quantileSorted(positive, 0.99));
    const fence = Math.exp(l99 + LOG_FENCE_MARGIN * Math.max(l99 - l01, Math.log(2)));
    if (Number.isFinite(fence)) {
      max = roundOut(Math.max(fence, hi), "up", type);
      notes.push(`max ${fmt(max)}: long upper tail, fenced on the log scale`);
    }
  } else {
    const fence = q99 + FENCE_MARGIN * spread;
    if (Number.isFinite(fence)) {
      max = roundOut(fence, "up", type);
      notes.push(`max ${fmt(max)}: 99th percentile + ${FENCE_MARGIN} x the 1st-99th percentile range`);
    }
  }
  // Literals, not spreads of `{ min }`: one object a column, with the keys it has (inferSchema makes 100,000 of them).
  if (min === undefined) return max === undefined ? { notes } : { max, notes };
  return max === undefined ? { min, notes } : { min, max, notes };
}

function integerDomain(sorted: Float64Array): number[] | null {
  const n = sorted.length;
  const minCount = Math.max(MIN_DOMAIN_COUNT, Math.ceil(MIN_INTEGER_DOMAIN_SHARE * n));
  const values: number[] = [];
  for (let i = 0; i < n;) {
    let j = i + 1;
    while (j < n && sorted[j] === sorted[i]) j++;
    if (j - i < minCount || values.length === MAX_INTEGER_DOMAIN) return null;
    values.push(sorted[i]! + 0);
    i = j;
  }
  return values;
}

/** Rounds to 3 significant digits away from the data (integers: to whole numbers, also away). */
function roundOut(x: number, direction: "down" | "up", type: "integer" | "number"): number {
  const step = x === 0 ? 1 : 10 ** (Math.floor(Math.log10(Math.abs(x))) - 2);
  const scaled = direction === "down" ? Math.floor(x / step) * step : Math.ceil(x / step) * step;
  // toPrecision removes the binary noise of `* step` (0.1 * 3 = 0.30000000000000004).
  let out = Number(scaled.toPrecision(12));
  // Subnormal and huge values, where the steps underflow or overflow: the fence itself.
  if (!Number.isFinite(out) || (direction === "down" ? !(out <= x) : !(out >= x))) out = x;
  if (type === "integer") out = direction === "down" ? Math.floor(out) : Math.ceil(out);
  return out + 0;
}

function sortedIncludes(sorted: Float64Array, v: number): boolean {
  const i = firstAbove(sorted, v, true);
  return i < sorted.length && sorted[i] === v;
}

/** Index of the first value > v (or >= v with orEqual). */
function firstAbove(sorted: Float64Array, v: number, orEqual = false): number {
  let a = 0;
  let b = sorted.length;
  while (a < b) {
    const m = (a + b) >> 1;
    if (sorted[m]! < v || (!orEqual && sorted[m] === v)) a = m + 1;
    else b = m;
  }
  return a;
}

function fmt(v: number): string {
  return String(v);
}
