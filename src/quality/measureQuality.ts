import type { ColumnSample } from "../drift/columnSample.js";
import { wilsonLowerBound } from "../stats/wilsonLowerBound.js";
import type { QualitySignal, QualityThresholds } from "./qualityThresholds.js";

/** One signal of one column: the current share, what the reference leads us to expect, and the verdict. */
export interface SignalMeasure {
  /** count / total in the current data. */
  share: number;
  /** The cells or values the signal counted (missing cells, values out of range...). */
  count: number;
  /** What the share is of: every row for missing_share, the present (finite, for out_of_range_share) values otherwise. */
  total: number;
  /**
   * The share the reference leads us to expect: its own missing or non-finite share; for out-of-range values the
   * chance that a new value of the same distribution falls outside a sample's range, 2/(n+1) for n reference values;
   * for new categories the Good-Turing estimate of unseen mass, (categories seen once) / n.
   */
  expected: number;
  threshold: number | false;
  fired: boolean;
}

export interface FeatureQuality {
  name: string;
  missing_share: SignalMeasure;
  /** Numeric columns whose reference has a finite range. */
  out_of_range_share?: SignalMeasure;
  /** Numeric columns. */
  non_finite_share?: SignalMeasure;
  /** Categorical columns. */
  new_category_share?: SignalMeasure;
  /** The signals that fired, in QUALITY_SIGNALS order. */
  fired: QualitySignal[];
}

/**
 * Standard errors of the Wilson lower bound a share must clear. 3, not 1.96: a monitor judges every feature of every
 * window, and a quality alert should mean the data broke, not that one window of many was unlucky.
 */
const NOISE_Z = 3;

/**
 * The data-quality signals of one column against its reference (both sides of the same kind; exact values or
 * sketches). A signal fires when the current share is above expected + threshold even at the lower end of its Wilson
 * interval (z = 3): a large excess in a small window fires, a small excess needs a large one, and with nothing
 * expected and a threshold of 0 a single value fires (a non-finite value where the reference had none).
 *
 * Non-finite means +-Infinity: NaN is read as a missing value (the loaders' NA text "nan", JSON has none).
 * Out of range means outside the reference's observed finite [min, max], not a schema's bounds: `validate` already
 * checks a schema's min/max, and the observed range is what the model was trained on. Returns null for a column a
 * side cannot be measured on (kinds differ or a side was skipped).
 */
export function measureQuality(
  name: string,
  reference: ColumnSample,
  current: ColumnSample,
  thresholds: QualityThresholds,
): FeatureQuality | null {
  if (reference.kind === "skipped" || current.kind === "skipped" || reference.kind !== current.kind) return null;
  const judge = (signal: QualitySignal, count: number, total: number, expected: number): SignalMeasure => {
    const threshold = thresholds[signal];
    const fired = threshold !== false && total > 0 && wilsonLowerBound(count, total, NOISE_Z) > expected + threshold;
    return { share: total > 0 ? count / total : 0, count, total, expected, threshold, fired };
  };
  const out: FeatureQuality = { name, missing_share: judge("missing_share", 0, 0, 0), fired: [] };
  if (reference.kind === "categorical" && current.kind === "categorical") {
    out.missing_share = judge(
      "missing_share",
      current.missing,
      current.count + current.missing,
      share(reference.missing, reference.count + reference.missing),
    );
    let fresh = 0;
    for (const [value, c] of current.counts) if (!reference.counts.has(value)) fresh += c;
    let singletons = 0;
    for (const c of reference.counts.values()) if (c === 1) singletons++;
    if (current.count > 0)
      out.new_category_share = judge("new_category_share", fresh, current.count, share(singletons, reference.count));
  } else if (reference.kind === "numeric" && current.kind === "numeric") {
    const ref = numericFacts(reference);
    const cur = numericFacts(current);
    out.missing_share = judge(
      "missing_share",
      current.missing,
      cur.present + current.missing,
      share(reference.missing, ref.present + reference.missing),
    );
    if (cur.present > 0)
      out.non_finite_share = judge("non_finite_share", cur.nonFinite, cur.present, share(ref.nonFinite, ref.present));
    const finite = cur.present - cur.nonFinite;
    const outside = ref.min !== null && ref.max !== null ? outOfRange(current, ref.min, ref.max) : null;
    if (outside !== null && finite > 0) {
      const finiteRef = ref.present - ref.nonFinite;
      out.out_of_range_share = judge("out_of_range_share", outside, finite, 2 / (finiteRef + 1));
    }
  }
  for (const s of ["missing_share", "out_of_range_share", "new_category_share", "non_finite_share"] as const)
    if (out[s]?.fired) out.fired.push(s);
  return out;
}

function share(k: number, n: number): number {
  return n > 0 ? k / n : 0;
}

type NumericSample = Extract<ColumnSample, { kind: "numeric" }>;

/** Present values, how many are infinite, and the finite range (null: no finite value, or a sketch without one). */
function numericFacts(s: NumericSample): {
  present: number;
  nonFinite: number;
  min: number | null;
  max: number | null;
} {
  if (s.form === "sketch") {
    const nonFinite = s.sketch.positiveInfinity + s.sketch.negativeInfinity;
    return { present: s.count, nonFinite, min: s.min ?? null, max: s.max ?? null };
  }
  const v = s.sorted;
  // Ascending: -Infinity values first, +Infinity last.
  const lo = lowerBound(v, -Number.MAX_VALUE);
  const hi = upperBound(v, Number.MAX_VALUE);
  return {
    present: v.length,
    nonFinite: lo + (v.length - hi),
    min: hi > lo ? v[lo]! : null,
    max: hi > lo ? v[hi - 1]! : null,
  };
}

/** Finite values below min or above max: counted from the sorted values, or as the window counted them on arrival. */
function outOfRange(s: NumericSample, min: number, max: number): number | null {
  if (s.form === "sketch") return s.outOfRange ?? null;
  const v = s.sorted;
  const below = lowerBound(v, min) - lowerBound(v, -Number.MAX_VALUE);
  const above = upperBound(v, Number.MAX_VALUE) - upperBound(v, max);
  return below + above;
}

/** First index whose value is >= x. */
function lowerBound(v: Float64Array, x: number): number {
  let lo = 0;
  let hi = v.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose value is > x. */
function upperBound(v: Float64Array, x: number): number {
  let lo = 0;
  let hi = v.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
