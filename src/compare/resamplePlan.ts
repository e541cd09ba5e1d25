import type { ClassificationPredictions, Predictions, RegressionPredictions } from "../model/evaluate/predictions.js";
import { binOf } from "../model/metrics/expectedCalibrationError.js";
import { logLoss } from "../model/metrics/logLoss.js";
import { resampledMetricNames } from "./resampledMetric.js";

/**
 * What one weighted pass over the rows needs to compute every resampled metric of both models at once. Each row has
 * `entries` (offset, value) pairs: a resample in which the row appears w times adds w * value to stats[offset]
 * (confusion cells, loss sums, calibration bins). Score curves (ROC AUC, average precision) are walked in score order,
 * sorted once here; each adds its ROC AUC and its average precision to the stats. stats[0] is the total weight.
 *
 * The typed arrays live in SharedArrayBuffers so worker threads read them without a copy.
 */
export interface ResamplePlan {
  rows: number;
  entries: number;
  offsets: Int32Array;
  values: Float64Array;
  curves: RankedCurve[];
  /** Numbers one resample produces. */
  statCount: number;
}

export interface RankedCurve {
  /** Row indices by descending score. */
  order: Int32Array;
  /** In `order`'s order: 1 when the row is of the curve's class. */
  positive: Uint8Array;
  /** In `order`'s order: 1 on the last row of a run of equal scores (one threshold). */
  tieEnd: Uint8Array;
  /** Where the pass writes this curve's ROC AUC; its average precision goes to rocAt + 1. */
  rocAt: number;
}

/** A metric of both models as a function of one resample's stats (`at` is where that resample's stats start). */
export interface PlannedMetric {
  name: string;
  candidate: (stats: Float64Array, at: number) => number;
  baseline: (stats: Float64Array, at: number) => number;
}

/** Metrics with no sufficient statistics of this kind (a median needs the whole multiset). */
const UNPLANNED = new Set(["median_ae"]);

/**
 * The plan for `names` on two models' predictions of the same rows (classes aligned). Metrics it cannot plan, or that
 * either model lacks, are left out; `planned` lists the others, in `names` order.
 */
export function buildResamplePlan(
  names: readonly string[],
  candidate: Predictions,
  baseline: Predictions,
): { plan: ResamplePlan; metrics: PlannedMetric[] } {
  const builder = new PlanBuilder(candidate.rowCount);
  const haveC = new Set(resampledMetricNames(candidate));
  const haveB = new Set(resampledMetricNames(baseline));
  const metrics: PlannedMetric[] = [];
  for (const name of names) {
    if (UNPLANNED.has(name) || !haveC.has(name) || !haveB.has(name)) continue;
    metrics.push({
      name,
      candidate: builder.metric(name, candidate, "c"),
      baseline: builder.metric(name, baseline, "b"),
    });
  }
  return { plan: builder.finish(), metrics };
}

type Evaluate = (stats: Float64Array, at: number) => number;
interface EntryColumn {
  offset: (i: number) => number;
  value: (i: number) => number;
}

class PlanBuilder {
  private statCount = 1;
  private readonly columns: EntryColumn[] = [];
  private readonly curves: RankedCurve[] = [];
  /** Statistics already planned, by a key naming model and kind, so metrics share them (one confusion matrix). */
  private readonly shared = new Map<string, number>();

  constructor(private readonly rows: number) {}

  private allocate(size: number): number {
    const at = this.statCount;
    this.statCount += size;
    return at;
  }

  private once(key: string, make: () => number): number {
    let at = this.shared.get(key);
    if (at === undefined) {
      at = make();
      this.shared.set(key, at);
    }
    return at;
  }

  /** Σ w x_i over the rows. */
  private sum(key: string, x: (i: number) => number): number {
    return this.once(key, () => {
      const at = this.allocate(1);
      const values = new Float64Array(this.rows);
      for (let i = 0; i < this.rows; i++) values[i] = x(i);
      this.columns.push({ offset: () => at, value: (i) => values[i]! });
      return at;
    });
  }

  metric(name: string, p: Predictions, side: string): Evaluate {
    return p.task === "regression" ? this.regression(name, p, side) : this.classification(name, p, side);
  }

  private classification(name: string, p: ClassificationPredictions, side: string): Evaluate {
    const C = p.classes.length;
    const pos = p.positiveIndex ?? 1;
    const { yTrue, yPred } = p;
    const mean =
      (at: number): Evaluate =>
      (s, r) =>
        s[r + at]! / s[r]!;
    switch (name) {
      case "log_loss": {
        const proba = p.proba!;
        return mean(
          this.sum(`${side}:log_loss`, (i) => logLoss(yTrue.subarray(i, i + 1), proba.subarray(i * C, (i + 1) * C), C)),
        );
      }
      case "brier": {
        const proba = p.proba!;
        return mean(this.sum(`${side}:brier`, (i) => ((yTrue[i] === pos ? 1 : 0) - proba[i * C + pos]!) ** 2));
      }
      case "ece":
        return this.ece(p, side);
      case "roc_auc":
      case "pr_auc": {
        const targets = p.task === "binary" ? [pos] : Array.from({ length: C }, (_, k) => k);
        const at = targets.map((k) => this.once(`${side}:curve:${k}`, () => this.curve(p, k)));
        const which = name === "roc_auc" ? 0 : 1;
        return (s, r) => {
          let sum = 0;
          for (const a of at) sum += s[r + a + which]!;
          return sum / at.length;
        };
      }
    }
    const at = this.once(`${side}:confusion`, () => {
      const base = this.allocate(C * C);
      this.columns.push({ offset: (i) => base + yTrue[i]! * C + yPred[i]!, value: () => 1 });
      return base;
    });
    return (s, r) => confusionMetric(name, s.subarray(r + at, r + at + C * C), C, pos);
  }

  private ece(p: ClassificationPredictions, side: string): Evaluate {
    const C = p.classes.length;
    const proba = p.proba!;
    const bin = new Int32Array(this.rows);
    const conf = new Float64Array(this.rows);
    const right = new Float64Array(this.rows);
    for (let i = 0; i < this.rows; i++) {
      let top = 0;
      let c = proba[i * C]!;
      for (let k = 1; k < C; k++) {
        if (proba[i * C + k]! > c) {
          c = proba[i * C + k]!;
          top = k;
        }
      }
      bin[i] = binOf(c, 10);
      conf[i] = c;
      right[i] = top === p.yTrue[i] ? 1 : 0;
    }
    const at = this.once(`${side}:ece`, () => {
      const base = this.allocate(30);
      this.columns.push({ offset: (i) => base + bin[i]!, value: () => 1 });
      this.columns.push({ offset: (i) => base + 10 + bin[i]!, value: (i) => conf[i]! });
      this.columns.push({ offset: (i) => base + 20 + bin[i]!, value: (i) => right[i]! });
      return base;
    });
    return (s, r) => {
      const all = s[r]!;
      let ece = 0;
      for (let b = 0; b < 10; b++) {
        const count = s[r + at + b]!;
        if (count === 0) continue;
        ece += (count / all) * Math.abs(s[r + at + 20 + b]! / count - s[r + at + 10 + b]! / count);
      }
      return ece;
    };
  }

  private curve(p: ClassificationPredictions, k: number): number {
    const C = p.classes.length;
    const n = this.rows;
    const score = new Float64Array(n);
    for (let i = 0; i < n; i++) score[i] = p.proba![i * C + k]!;
    const order = new Int32Array(new SharedArrayBuffer(4 * n));
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => score[b]! - score[a]!);
    const positive = new Uint8Array(new SharedArrayBuffer(n));
    const tieEnd = new Uint8Array(new SharedArrayBuffer(n));
    for (let j = 0; j < n; j++) {
      const i = order[j]!;
      positive[j] = p.yTrue[i] === k ? 1 : 0;
      tieEnd[j] = j === n - 1 || score[order[j + 1]!] !== score[i] ? 1 : 0;
    }
    const rocAt = this.allocate(2);
    this.curves.push({ order, positive, tieEnd, rocAt });
    return rocAt;
  }

  private regression(name: string, p: RegressionPredictions, side: string): Evaluate {
    const { yTrue, yPred } = p;
    const mean =
      (at: number): Evaluate =>
      (s, r) =>
        s[r + at]! / s[r]!;
    switch (name) {
      case "mse":
      case "rmse": {
        const at = this.sum(`${side}:se`, (i) => (yPred[i]! - yTrue[i]!) ** 2);
        return name === "mse" ? mean(at) : (s, r) => Math.sqrt(s[r + at]! / s[r]!);
      }
      case "mae":
        return mean(this.sum(`${side}:ae`, (i) => Math.abs(yPred[i]! - yTrue[i]!)));
      case "mape":
        return mean(
          this.sum(
            `${side}:ape`,
            (i) => Math.abs(yPred[i]! - yTrue[i]!) / Math.max(Math.abs(yTrue[i]!), Number.EPSILON),
          ),
        );
      case "r2": {
        // Around the full sample's mean, so the resample's sum of squares does not cancel catastrophically.
        let centre = 0;
        for (let i = 0; i < this.rows; i++) centre += yTrue[i]!;
        centre /= this.rows;
        const se = this.sum(`${side}:se`, (i) => (yPred[i]! - yTrue[i]!) ** 2);
        const y1 = this.sum("y:centred", (i) => yTrue[i]! - centre);
        const y2 = this.sum("y:centred2", (i) => (yTrue[i]! - centre) ** 2);
        return (s, r) => {
          const w = s[r]!;
          const m = s[r + y1]! / w;
          const ssTot = s[r + y2]! - w * m * m;
          const ssRes = s[r + se]!;
          if (ssTot <= 0) return ssRes === 0 ? 1 : 0;
          return 1 - ssRes / ssTot;
        };
      }
    }
    throw new Error(`no planned metric ${name}`);
  }

  finish(): ResamplePlan {
    const entries = this.columns.length;
    const n = this.rows;
    const offsets = new Int32Array(new SharedArrayBuffer(4 * n * entries));
    const values = new Float64Array(new SharedArrayBuffer(8 * n * entries));
    this.columns.forEach((c, e) => {
      for (let i = 0; i < n; i++) {
        offsets[i * entries + e] = c.offset(i);
        values[i * entries + e] = c.value(i);
      }
    });
    return { rows: n, entries, offsets, values, curves: this.curves, statCount: this.statCount };
  }
}

/**
 * A confusion-matrix metric (weighted counts, row = true class, column = predicted), with scikit-learn's
 * conventions as src/compare/resampledMetric.ts has them: a ratio with a zero denominator is 0, macro averages skip
 * classes absent from both truth and predictions, balanced accuracy averages the recall of classes present.
 */
export function confusionMetric(name: string, m: Float64Array, C: number, pos: number): number {
  const tp = new Float64Array(C);
  const truth = new Float64Array(C);
  const predicted = new Float64Array(C);
  let right = 0;
  let all = 0;
  for (let t = 0; t < C; t++) {
    for (let q = 0; q < C; q++) {
      const v = m[t * C + q]!;
      truth[t]! += v;
      predicted[q]! += v;
      all += v;
      if (t === q) {
        tp[t] = v;
        right += v;
      }
    }
  }
  const precision = (k: number) => (predicted[k]! > 0 ? tp[k]! / predicted[k]! : 0);
  const recall = (k: number) => (truth[k]! > 0 ? tp[k]! / truth[k]! : 0);
  const f1 = (k: number) => (truth[k]! + predicted[k]! > 0 ? (2 * tp[k]!) / (truth[k]! + predicted[k]!) : 0);
  const average = (f: (k: number) => number, include: (k: number) => boolean) => {
    let sum = 0;
    let count = 0;
    for (let k = 0; k < C; k++) {
      if (!include(k)) continue;
      sum += f(k);
      count++;
    }
    return count > 0 ? sum / count : NaN;
  };
  const present = (k: number) => truth[k]! + predicted[k]! > 0;
  switch (name) {
    case "accuracy":
      return right / all;
    case "balanced_accuracy":
      return average(recall, (k) => truth[k]! > 0);
    case "precision":
      return precision(pos);
    case "recall":
      return recall(pos);
    case "f1":
      return f1(pos);
    case "precision_macro":
      return average(precision, present);
    case "recall_macro":
      return average(recall, present);
    case "f1_macro":
      return average(f1, present);
    case "f1_weighted": {
      let sum = 0;
      let support = 0;
      for (let k = 0; k < C; k++) {
        sum += f1(k) * truth[k]!;
        support += truth[k]!;
      }
      return sum / support;
    }
  }
  throw new Error(`no confusion metric ${name}`);
}
