/** The data-quality signals measured per column against the reference. */
export const QUALITY_SIGNALS = [
  "missing_share",
  "out_of_range_share",
  "new_category_share",
  "non_finite_share",
] as const;
export type QualitySignal = (typeof QUALITY_SIGNALS)[number];

/**
 * How far each share may exceed what the reference leads us to expect before the signal fires (absolute, 0-1). A
 * signal also has to clear sampling noise (see measureQuality), so a five-event window with one empty cell is not an
 * alert. `false` turns a signal off.
 */
export type QualityThresholds = Record<QualitySignal, number | false>;

/**
 * Defaults a team can live with:
 * - missing_share 0.1: ten more points of empty cells than the reference had. Below that, missing values come and go
 *   with upstream batches; above it a join or a field broke (40% missing is never "normal variation").
 * - out_of_range_share 0.05: one value in twenty outside the reference's observed [min, max]. A few values past the
 *   edges are expected from a finite reference (its range is a sample's), and a unit change or a sentinel (-1, 9999)
 *   usually moves far more than 5%.
 * - new_category_share 0.05: one value in twenty is a category the reference never had (a renamed code, a new
 *   upstream enum); the reference's own rate of rare categories is expected on top (Good-Turing).
 * - non_finite_share 0: any +-Infinity in a column whose reference had none (a division by zero upstream); where the
 *   reference had some, more than its rate beyond sampling noise.
 */
export const DEFAULT_QUALITY_THRESHOLDS: Readonly<QualityThresholds> = Object.freeze({
  missing_share: 0.1,
  out_of_range_share: 0.05,
  new_category_share: 0.05,
  non_finite_share: 0,
});

/** The thresholds with the defaults filled in (keys left undefined or absent take the default). */
export function resolveQualityThresholds(partial: Partial<QualityThresholds> = {}): QualityThresholds {
  const out = { ...DEFAULT_QUALITY_THRESHOLDS };
  for (const s of QUALITY_SIGNALS) {
    const v = partial[s];
    if (v !== undefined) out[s] = v;
  }
  return out;
}
