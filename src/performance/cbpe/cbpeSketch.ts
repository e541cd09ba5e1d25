import { CBPE_METRICS, type CbpeMetric } from "./cbpeMetric.js";
import type { SamplingErrorComponent } from "./samplingErrorComponents.js";

/**
 * Fine equal-width bins of the raw score over [0, 1] for the estimated ROC AUC. Rows in one bin count as tied: pairs
 * within a bin get half credit instead of their order, which moves the AUC by at most half the share of expected
 * positive-negative pairs falling in one bin (measured: 1e-7 on the fixtures' 800-row windows of continuous scores).
 */
export const CBPE_SCORE_BINS = 2048;

/** One estimated metric of a window: the value, its standard error and the band value +- 3 standard errors. */
export interface EstimatedMetric {
  metric: CbpeMetric;
  value: number | null;
  standard_error: number | null;
  lower: number | null;
  upper: number | null;
}

/** The sketch as JSON: counts and sums, and the non-empty bins as [index, rows, sum of calibrated p]. */
export interface CbpeSketchJson {
  rows: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  bins: [number, number, number][];
}

/**
 * What a window keeps for confidence-based performance estimation, mergeable across windows and fleet members (two
 * sketches merged are the sketch of the union, up to floating-point summation order). Each row adds its calibrated
 * probability p of the positive class to an expected confusion matrix: a predicted positive is a true positive with
 * probability p (TP += p, FP += 1 - p), a predicted negative a false negative with probability p (FN += p, TN += 1 - p),
 * which is exact; and its raw score's bin gets one row and p, from which the ROC AUC is estimated.
 *
 * Example: s.add(0.9, 0.8, true); s.add(0.2, 0.1, false) -> TP 0.8, FP 0.2, FN 0.1, TN 0.9, estimated accuracy 0.85
 */
export class CbpeSketch {
  rows = 0;
  tp = 0;
  fp = 0;
  fn = 0;
  tn = 0;
  readonly binRows = new Float64Array(CBPE_SCORE_BINS);
  readonly binPositive = new Float64Array(CBPE_SCORE_BINS);

  /** One row: its raw score (the model's probability, in [0, 1]), calibrated probability and predicted class. */
  add(score: number, calibrated: number, predictedPositive: boolean): void {
    this.rows++;
    if (predictedPositive) {
      this.tp += calibrated;
      this.fp += 1 - calibrated;
    } else {
      this.fn += calibrated;
      this.tn += 1 - calibrated;
    }
    const b = binOfScore(score);
    this.binRows[b]!++;
    this.binPositive[b]! += calibrated;
  }

  merge(other: CbpeSketch): void {
    this.rows += other.rows;
    this.tp += other.tp;
    this.fp += other.fp;
    this.fn += other.fn;
    this.tn += other.tn;
    for (let b = 0; b < CBPE_SCORE_BINS; b++) {
      this.binRows[b]! += other.binRows[b]!;
      this.binPositive[b]! += other.binPositive[b]!;
    }
  }

  toJSON(): CbpeSketchJson {
    const bins: [number, number, number][] = [];
    for (let b = 0; b < CBPE_SCORE_BINS; b++)
      if (this.binRows[b]! > 0) bins.push([b, this.binRows[b]!, this.binPositive[b]!]);
    return { rows: this.rows, tp: this.tp, fp: this.fp, fn: this.fn, tn: this.tn, bins };
  }

  /** The sketch a `toJSON` wrote; throws a RangeError on anything else (a corrupt snapshot or partial). */
  static fromJSON(json: CbpeSketchJson): CbpeSketch {
    const s = new CbpeSketch();
    for (const k of ["rows", "tp", "fp", "fn", "tn"] as const) {
      const v = json[k];
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw new RangeError(`cbpe sketch: bad ${k}`);
      s[k] = v;
    }
    if (!Array.isArray(json.bins)) throw new RangeError("cbpe sketch: bins is not an array");
    for (const bin of json.bins) {
      const [b, rows, positive] = bin;
      if (!Number.isInteger(b) || b < 0 || b >= CBPE_SCORE_BINS || !(rows >= 0) || !(positive >= 0))
        throw new RangeError("cbpe sketch: bad bin");
      s.binRows[b] = rows;
      s.binPositive[b] = positive;
    }
    return s;
  }

  /** The estimated value of one metric (null without rows, or where it is undefined: no expected positives...). */
  value(metric: CbpeMetric): number | null {
    const { rows, tp, fp, fn, tn } = this;
    if (rows === 0) return null;
    // Zero denominators give 0 as scikit-learn's zero_division=0 does for the realized metrics.
    switch (metric) {
      case "accuracy":
        return (tp + tn) / rows;
      case "precision":
        return tp + fp > 0 ? tp / (tp + fp) : 0;
      case "recall":
        return tp + fn > 0 ? tp / (tp + fn) : 0;
      case "f1":
        return tp + 0.5 * (fp + fn) > 0 ? tp / (tp + 0.5 * (fp + fn)) : 0;
      case "roc_auc":
        return this.rocAuc();
    }
  }

  /** The ROC AUC over the score bins, highest first, tied within a bin (see estimateRocAuc for the formula). */
  private rocAuc(): number | null {
    let tpAbove = 0;
    let fpAbove = 0;
    let area = 0;
    for (let b = CBPE_SCORE_BINS - 1; b >= 0; b--) {
      const rows = this.binRows[b]!;
      if (rows === 0) continue;
      const tp = this.binPositive[b]!;
      const fp = rows - tp;
      area += fp * (tpAbove + tp / 2);
      tpAbove += tp;
      fpAbove += fp;
    }
    return tpAbove > 0 && fpAbove > 0 ? area / (tpAbove * fpAbove) : null;
  }

  /**
   * The estimates of `metrics`, each with NannyML's sampling error std / sqrt(rows * fraction) from the reference's
   * components, and the band value +- 3 standard errors cut to [0, 1] (null without a component).
   */
  estimate(
    components: Readonly<Partial<Record<CbpeMetric, SamplingErrorComponent>>>,
    metrics: readonly CbpeMetric[] = CBPE_METRICS,
  ): EstimatedMetric[] {
    return metrics.map((metric) => {
      const value = this.value(metric);
      const c = components[metric];
      const se =
        c && value !== null && Number.isFinite(c.std) && c.fraction > 0
          ? c.std / Math.sqrt(this.rows * c.fraction)
          : null;
      return {
        metric,
        value,
        standard_error: se,
        lower: se === null ? null : Math.max(0, value! - 3 * se),
        upper: se === null ? null : Math.min(1, value! + 3 * se),
      };
    });
  }
}

/** The bin of a score in [0, 1] (outside: the first or last bin). */
export function binOfScore(score: number): number {
  const b = Math.floor(score * CBPE_SCORE_BINS);
  return b < 0 ? 0 : b >= CBPE_SCORE_BINS ? CBPE_SCORE_BINS - 1 : b;
}
