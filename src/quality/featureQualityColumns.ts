import type { FeatureQuality, SignalMeasure } from "./measureQuality.js";
import { QUALITY_SIGNALS, type QualitySignal, type QualityThresholds } from "./qualityThresholds.js";

const SIGNALS = QUALITY_SIGNALS.length;
const PRESENT = 1;
const FIRED = 2;

/**
 * A column has three signals at most (measureQuality): missing_share; a categorical column's new_category_share; a
 * numeric column's non_finite_share and out_of_range_share. Their values take three slots a column, not four: 2.4 MB
 * less for 100,000 columns.
 */
const SLOTS = 3;
const SLOT_OF: Readonly<Record<QualitySignal, number>> = {
  missing_share: 0,
  new_category_share: 1,
  non_finite_share: 1,
  out_of_range_share: 2,
};

/**
 * The data-quality measures of a drift report's columns as typed arrays (count, total and expected per signal), about
 * 80 bytes a column where the FeatureQuality objects took some 500: a wide drift holds them all until the report is
 * written, one FeatureQuality made at a time. `feature(i)` is measureQuality's object again, keys in its order.
 */
export class FeatureQualityColumns {
  private readonly names: string[] = [];
  /** Per column and signal: PRESENT, FIRED. */
  private readonly flags: Uint8Array;
  /** Per column and slot (SLOT_OF its signal): count, total, expected. */
  private readonly values: Float64Array;

  constructor(
    capacity: number,
    private readonly thresholds: QualityThresholds,
  ) {
    this.flags = new Uint8Array(capacity * SIGNALS);
    this.values = new Float64Array(capacity * SLOTS * 3);
  }

  get length(): number {
    return this.names.length;
  }

  push(q: FeatureQuality): void {
    const i = this.names.length;
    if (i * SIGNALS === this.flags.length) throw new Error("FeatureQualityColumns: more columns than its capacity");
    if (q.new_category_share !== undefined && q.non_finite_share !== undefined)
      throw new Error("FeatureQualityColumns: one column's new_category_share and non_finite_share share a slot");
    this.names.push(q.name);
    QUALITY_SIGNALS.forEach((signal, s) => {
      const m = q[signal];
      if (m === undefined) return;
      if (m.threshold !== this.thresholds[signal] || m.share !== share(m.count, m.total))
        throw new Error(`FeatureQualityColumns: ${signal} was not measured with these thresholds`);
      this.flags[i * SIGNALS + s] = PRESENT | (m.fired ? FIRED : 0);
      const v = (i * SLOTS + SLOT_OF[signal]) * 3;
      this.values[v] = m.count;
      this.values[v + 1] = m.total;
      this.values[v + 2] = m.expected;
    });
  }

  /** The column's FeatureQuality: name, missing_share, fired, then the other signals measured, as measureQuality. */
  feature(i: number): FeatureQuality {
    const measure = (signal: QualitySignal): SignalMeasure | undefined => {
      const flags = this.flags[i * SIGNALS + QUALITY_SIGNALS.indexOf(signal)]!;
      if ((flags & PRESENT) === 0) return undefined;
      const v = (i * SLOTS + SLOT_OF[signal]) * 3;
      const count = this.values[v]!;
      const total = this.values[v + 1]!;
      return {
        share: share(count, total),
        count,
        total,
        expected: this.values[v + 2]!,
        threshold: this.thresholds[signal],
        fired: (flags & FIRED) !== 0,
      };
    };
    const out: FeatureQuality = {
      name: this.names[i]!,
      missing_share: measure("missing_share")!,
      fired: QUALITY_SIGNALS.filter((s) => (this.flags[i * SIGNALS + QUALITY_SIGNALS.indexOf(s)]! & FIRED) !== 0),
    };
    // measureQuality's order: a categorical column's new categories; a numeric one's non-finite, then out-of-range.
    for (const signal of ["new_category_share", "non_finite_share", "out_of_range_share"] as const) {
      const m = measure(signal);
      if (m !== undefined) out[signal] = m;
    }
    return out;
  }
}

function share(count: number, total: number): number {
  return total > 0 ? count / total : 0;
}
