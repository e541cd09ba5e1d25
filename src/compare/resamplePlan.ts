import type { ClassificationPredictions, Predictions, RegressionPredictions } from "../model/evaluate/predictions.js";
import { binOf } from "../model/metrics/expectedCalibrationError.js";
import { LOG_LOSS_EPS } from "../model/metrics/logLoss.js";
import { argsortFloat64 } from "../stats/argsortFloat64.js";
import { resampledMetricNames } from "./resampledMetric.js";

/**
 * What one weighted pass over the rows needs to compute every resampled metric of both models at once. A resample
 * gives row i a weight w_i (its count, see runResamples) and adds w_i x value to some of the stats: confusion cells,
 * loss sums, calibration bins. Score curves (ROC AUC, average precision) are walked in score order, sorted once here;
 * each adds its ROC AUC and its average precision to the stats. stats[0] is the total weight.
 *
 * The pass walks positions, not rows: position p holds row rowAt[p], in the first curve's descending score order
 * (the rows in file order without curves), so that curve is walked sequentially along with everything else and only
 * the other curves read the weights out of order. What a row adds is split in two:
 * - counts (a value of 1, the confusion cells and calibration bin counts): the row's `pattern`, the set of stats it
 *   adds its weight to, so a resample adds each row's weight to one number and each pattern's total to its stats
 *   once at the end (two models' binary confusion cells are 8 patterns);
 * - values: a loss term adds to one stat (a weighted sum, `sumValues`); a value whose stat depends on the row (a
 *   calibration bin's confidence) is one of `entries` (offset, value) pairs per position.
 *
 * The typed arrays live in SharedArrayBuffers so worker threads read them without a copy.
 */
export interface ResamplePlan {
  rows: number;
  /** Position p's row. */
  rowAt: Int32Array;
  /** Position p's pattern, an index into patternStart. */
  pattern: Int32Array;
  /** Pattern q adds its weight to stats[patternOffsets[patternStart[q] .. patternStart[q + 1] - 1]]. */
  patternStart: Int32Array;
  patternOffsets: Int32Array;
  /** Weighted sums: stats[sumOffsets[k]] gets sum over positions p of w_p x sumValues[k * rows + p]. */
  sumOffsets: Int32Array;
  sumValues: Float64Array;
  entries: number;
  /** Position p's value entries: offsets[p * entries + e], values[p * entries + e]. */
  offsets: Int32Array;
  values: Float64Array;
  /** curves[0], when there are curves, ranks the positions themselves (its `position` is the identity). */
  curves: RankedCurve[];
  /** Numbers one resample produces. */
  statCount: number;
}

export interface RankedCurve {
  /** The position (in the pass) of the row ranked j-th by descending score. */
  position: Int32Array;
  /** By rank: 1 when the row is of the curve's class. */
  positive: Uint8Array;
  /** By rank: 1 on the last row of a run of equal scores (one threshold). */
  tieEnd: Uint8Array;
  /** Where the pass writes this curve's ROC AUC; its average precision goes to rocAt + 1. */
  rocAt: number;
}

/** More patterns than this, and further count columns are planned as value entries instead (many-class ece). */
const MAX_PATTERNS = 4096;

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
/**
 * What a row adds to the stats besides the curves: a count (its weight to stats[offsets[i]], nothing where -1), a sum
 * (w x values[i] to one stat) or an entry (w x values[i] to stats[offsets[i]]).
 */
type EntryColumn =
  | { kind: "count"; offsets: Int32Array }
  | { kind: "sum"; offset: number; values: Float64Array }
  | { kind: "entry"; offsets: Int32Array; values: Float64Array };

class PlanBuilder {
  private statCount = 1;
  private readonly columns: EntryColumn[] = [];
  private readonly curves: (Omit<RankedCurve, "position"> & { order: Int32Array })[] = [];
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
      this.columns.push({ kind: "sum", offset: at, values });
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
        return mean(this.sum(`${side}:log_loss`, (i) => rowLogLoss(proba, i, C, yTrue[i]!)));
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
      const offsets = new Int32Array(this.rows);
      for (let i = 0; i < this.rows; i++) offsets[i] = base + yTrue[i]! * C + yPred[i]!;
      this.columns.push({ kind: "count", offsets });
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
      const at = (shift: number, keep?: Float64Array) =>
        Int32Array.from(bin, (b, i) => (keep && keep[i] === 0 ? -1 : base + shift + b));
      this.columns.push({ kind: "count", offsets: at(0) });
      this.columns.push({ kind: "entry", offsets: at(10), values: conf });
      this.columns.push({ kind: "count", offsets: at(20, right) });
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
    let nan = false;
    for (let i = 0; i < n; i++) {
      score[i] = p.proba![i * C + k]!;
      if (score[i] !== score[i]) nan = true;
    }
    // Descending: the radix argsort's ascending order read backwards (ties stay together, which is all a threshold
    // needs). NaN has no place in a radix order; a comparator sort keeps the old behaviour for it.
    const ascending = nan
      ? Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => score[a]! - score[b]!)
      : argsortFloat64(score);
    const order = new Int32Array(n);
    for (let j = 0; j < n; j++) order[j] = ascending[n - 1 - j]!;
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
    const n = this.rows;
    const S = this.statCount;
    const rowAt = shared(Int32Array, n);
    if (this.curves.length > 0) rowAt.set(this.curves[0]!.order);
    else for (let i = 0; i < n; i++) rowAt[i] = i;
    const positionOf = new Int32Array(n);
    for (let p = 0; p < n; p++) positionOf[rowAt[p]!] = p;
    const curves: RankedCurve[] = this.curves.map((c) => {
      const position = shared(Int32Array, n);
      for (let j = 0; j < n; j++) position[j] = positionOf[c.order[j]!]!;
      return { position, positive: c.positive, tieEnd: c.tieEnd, rocAt: c.rocAt };
    });

    // Count columns fold into patterns, one column at a time: a position's pattern id and the column's offset (or
    // none) map to the next id through a dense table.
    let pattern = new Int32Array(n);
    let members: number[][] = [[]];
    const valueColumns: Exclude<EntryColumn, { kind: "count" }>[] = [];
    for (const column of this.columns) {
      if (column.kind !== "count") {
        valueColumns.push(column);
        continue;
      }
      const { offsets: rowOffsets } = column;
      const asEntry = () => valueColumns.push({ kind: "entry", offsets: rowOffsets, values: ones(rowOffsets) });
      if (members.length * (S + 1) > 1 << 22) {
        asEntry();
        continue;
      }
      const next = new Int32Array(n);
      const table = new Int32Array(members.length * (S + 1)).fill(-1);
      const nextMembers: number[][] = [];
      for (let p = 0; p < n && nextMembers.length <= MAX_PATTERNS; p++) {
        const off = rowOffsets[rowAt[p]!]!;
        const key = pattern[p]! * (S + 1) + off + 1;
        let id = table[key]!;
        if (id < 0) {
          id = table[key] = nextMembers.length;
          nextMembers.push(off < 0 ? members[pattern[p]!]! : [...members[pattern[p]!]!, off]);
        }
        next[p] = id;
      }
      if (nextMembers.length > MAX_PATTERNS) {
        asEntry();
        continue;
      }
      pattern = next;
      members = nextMembers;
    }
    const patternStart = shared(Int32Array, members.length + 1);
    members.forEach((m, q) => (patternStart[q + 1] = patternStart[q]! + m.length));
    const patternOffsets = shared(Int32Array, patternStart[members.length]!);
    members.forEach((m, q) => patternOffsets.set(m, patternStart[q]!));

    // Sums (loss terms) are one sequential dot product each; entries (a calibration bin's confidence sum, counts past
    // MAX_PATTERNS) keep an offset per position.
    const sumColumns = valueColumns.filter((c) => c.kind === "sum");
    const entryColumns = valueColumns.filter((c) => c.kind === "entry");
    const sumOffsets = shared(Int32Array, sumColumns.length);
    const sumValues = shared(Float64Array, n * sumColumns.length);
    sumColumns.forEach((c, k) => {
      sumOffsets[k] = c.offset;
      for (let p = 0; p < n; p++) sumValues[k * n + p] = c.values[rowAt[p]!]!;
    });
    const entries = entryColumns.length;
    const offsets = shared(Int32Array, n * entries);
    const values = shared(Float64Array, n * entries);
    entryColumns.forEach((c, e) => {
      for (let p = 0; p < n; p++) {
        const i = rowAt[p]!;
        // A count with no stat for this row (-1) adds nothing: offset 0 (the total weight) with value 0.
        offsets[p * entries + e] = Math.max(0, c.offsets[i]!);
        values[p * entries + e] = c.offsets[i]! < 0 ? 0 : c.values[i]!;
      }
    });
    const sharedPattern = shared(Int32Array, n);
    sharedPattern.set(pattern);
    return {
      rows: n,
      rowAt,
      pattern: sharedPattern,
      patternStart,
      patternOffsets,
      sumOffsets,
      sumValues,
      entries,
      offsets,
      values,
      curves,
      statCount: S,
    };
  }
}

/** A count column as entries: 1 where it adds. */
function ones(offsets: Int32Array): Float64Array {
  return Float64Array.from(offsets, (o) => (o < 0 ? 0 : 1));
}

/** A typed array over a SharedArrayBuffer, so worker threads read it without a copy. */
function shared<T extends Int32Array | Float64Array>(
  kind: { new (b: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number },
  length: number,
): T {
  return new kind(new SharedArrayBuffer(kind.BYTES_PER_ELEMENT * length));
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

/** Row i's term of logLoss (src/model/metrics/logLoss.ts): its probabilities clipped, the row renormalised. */
function rowLogLoss(proba: Float64Array, i: number, C: number, t: number): number {
  let rowSum = 0;
  for (let k = 0; k < C; k++) rowSum += clipProbability(proba[i * C + k]!);
  return -Math.log(clipProbability(proba[i * C + t]!) / rowSum);
}

function clipProbability(v: number): number {
  return v < LOG_LOSS_EPS ? LOG_LOSS_EPS : v > 1 - LOG_LOSS_EPS ? 1 - LOG_LOSS_EPS : v;
}
