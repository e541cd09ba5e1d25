import { binOf } from "../model/metrics/expectedCalibrationError.js";
import { logLoss } from "../model/metrics/logLoss.js";
import type { ClassificationPredictions, Predictions, RegressionPredictions } from "../model/evaluate/predictions.js";
import { TASK_METRICS } from "./metricDirection.js";

/**
 * A metric evaluated on a bootstrap resample given as per-row counts: `evaluate(counts)` is the metric of the
 * multiset in which row i appears counts[i] times — exactly what the metric module would compute on the rows
 * repeated that many times (tests check this against the scikit-learn-verified implementations).
 *
 * Everything that does not depend on the resample (per-row losses, score orders, calibration bins) is computed once
 * here, so one resample costs O(rows x classes). Returns NaN when the metric is undefined on a resample (e.g. ROC AUC
 * when a resample holds a single class); callers drop those resamples and say how many.
 */
export interface ResampledMetric {
  name: string;
  evaluate(counts: Float64Array): number;
}

const NEEDS_PROBA = new Set(["roc_auc", "pr_auc", "log_loss", "brier", "ece"]);

/** Metric names the comparison can resample for these predictions. */
export function resampledMetricNames(p: Predictions): string[] {
  const ofTask = TASK_METRICS[p.task];
  return p.task === "regression" ? [...ofTask] : ofTask.filter((m) => p.proba !== undefined || !NEEDS_PROBA.has(m));
}

export function prepareResampledMetric(name: string, p: Predictions): ResampledMetric | null {
  if (!resampledMetricNames(p).includes(name)) return null;
  const evaluate = p.task === "regression" ? regression(name, p) : classification(name, p);
  return { name, evaluate };
}

function classification(name: string, p: ClassificationPredictions): (w: Float64Array) => number {
  const C = p.classes.length;
  const { yTrue, yPred } = p;
  const n = p.rowCount;
  const pos = p.positiveIndex ?? 1;
  const confusion = (w: Float64Array) => {
    const m = new Float64Array(C * C);
    for (let i = 0; i < n; i++) m[yTrue[i]! * C + yPred[i]!]! += w[i]!;
    return m;
  };
  const perClass = (m: Float64Array) => {
    const tp = new Float64Array(C);
    const truth = new Float64Array(C);
    const predicted = new Float64Array(C);
    for (let t = 0; t < C; t++) {
      for (let q = 0; q < C; q++) {
        const v = m[t * C + q]!;
        truth[t]! += v;
        predicted[q]! += v;
        if (t === q) tp[t] = v;
      }
    }
    const precision = tp.map((x, k) => (predicted[k]! > 0 ? x / predicted[k]! : 0));
    const recall = tp.map((x, k) => (truth[k]! > 0 ? x / truth[k]! : 0));
    const f1 = tp.map((x, k) => (truth[k]! + predicted[k]! > 0 ? (2 * x) / (truth[k]! + predicted[k]!) : 0));
    return { tp, truth, predicted, precision, recall, f1 };
  };
  const macro = (values: Float64Array, s: { truth: Float64Array; predicted: Float64Array }) => {
    let sum = 0;
    let k = 0;
    for (let c = 0; c < C; c++) {
      if (s.truth[c]! + s.predicted[c]! === 0) continue;
      sum += values[c]!;
      k++;
    }
    return k > 0 ? sum / k : NaN;
  };
  const total = (w: Float64Array) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += w[i]!;
    return s;
  };

  switch (name) {
    case "accuracy":
      return (w) => {
        let right = 0;
        for (let i = 0; i < n; i++) if (yTrue[i] === yPred[i]) right += w[i]!;
        return right / total(w);
      };
    case "balanced_accuracy":
      return (w) => {
        const s = perClass(confusion(w));
        let sum = 0;
        let k = 0;
        for (let c = 0; c < C; c++) {
          if (s.truth[c]! === 0) continue;
          sum += s.recall[c]!;
          k++;
        }
        return sum / k;
      };
    case "precision":
    case "recall":
    case "f1":
      return (w) => perClass(confusion(w))[name][pos]!;
    case "precision_macro":
    case "recall_macro":
    case "f1_macro":
      return (w) => {
        const s = perClass(confusion(w));
        return macro(s[name.replace("_macro", "") as "precision" | "recall" | "f1"], s);
      };
    case "f1_weighted":
      return (w) => {
        const s = perClass(confusion(w));
        let sum = 0;
        let support = 0;
        for (let c = 0; c < C; c++) {
          sum += s.f1[c]! * s.truth[c]!;
          support += s.truth[c]!;
        }
        return sum / support;
      };
    case "log_loss": {
      const losses = new Float64Array(n);
      for (let i = 0; i < n; i++)
        losses[i] = logLoss(yTrue.subarray(i, i + 1), p.proba!.subarray(i * C, (i + 1) * C), C);
      return (w) => weightedMean(losses, w);
    }
    case "brier": {
      const sq = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const y = yTrue[i] === pos ? 1 : 0;
        sq[i] = (y - p.proba![i * C + pos]!) ** 2;
      }
      return (w) => weightedMean(sq, w);
    }
    case "ece": {
      const bin = new Int32Array(n);
      const conf = new Float64Array(n);
      const right = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        let top = 0;
        let c = p.proba![i * C]!;
        for (let k = 1; k < C; k++) {
          if (p.proba![i * C + k]! > c) {
            c = p.proba![i * C + k]!;
            top = k;
          }
        }
        bin[i] = binOf(c, 10);
        conf[i] = c;
        right[i] = top === yTrue[i] ? 1 : 0;
      }
      return (w) => {
        const count = new Float64Array(10);
        const correct = new Float64Array(10);
        const confidence = new Float64Array(10);
        let all = 0;
        for (let i = 0; i < n; i++) {
          const wi = w[i]!;
          if (wi === 0) continue;
          const b = bin[i]!;
          count[b]! += wi;
          confidence[b]! += wi * conf[i]!;
          if (right[i]) correct[b]! += wi;
          all += wi;
        }
        let ece = 0;
        for (let b = 0; b < 10; b++) {
          if (count[b] === 0) continue;
          ece += (count[b]! / all) * Math.abs(correct[b]! / count[b]! - confidence[b]! / count[b]!);
        }
        return ece;
      };
    }
    case "roc_auc":
    case "pr_auc": {
      // One-vs-rest per class (binary: the positive class only), rows presorted by score once.
      const targets = p.task === "binary" ? [pos] : Array.from({ length: C }, (_, k) => k);
      const curves = targets.map((k) => rankedRows(p.proba!, C, k, yTrue));
      const one = name === "roc_auc" ? weightedRocAuc : weightedAveragePrecision;
      return (w) => {
        let sum = 0;
        for (const c of curves) {
          const v = one(c, w);
          if (Number.isNaN(v)) return NaN;
          sum += v;
        }
        return sum / curves.length;
      };
    }
  }
  throw new Error(`no resampled metric ${name}`);
}

interface RankedRows {
  /** Row indices by descending score. */
  order: Int32Array;
  score: Float64Array;
  positive: Uint8Array;
}

function rankedRows(proba: Float64Array, C: number, k: number, yTrue: Int32Array): RankedRows {
  const n = yTrue.length;
  const score = new Float64Array(n);
  const positive = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    score[i] = proba[i * C + k]!;
    positive[i] = yTrue[i] === k ? 1 : 0;
  }
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => score[b]! - score[a]!);
  return { order, score, positive };
}

/** Trapezoidal ROC AUC over distinct thresholds (ties form one step), with row weights. */
function weightedRocAuc(r: RankedRows, w: Float64Array): number {
  let P = 0;
  let N = 0;
  for (let i = 0; i < r.order.length; i++) {
    const wi = w[i]!;
    if (r.positive[i]) P += wi;
    else N += wi;
  }
  if (P === 0 || N === 0) return NaN;
  let tp = 0;
  let fp = 0;
  let area = 0;
  let j = 0;
  const n = r.order.length;
  while (j < n) {
    const s = r.score[r.order[j]!]!;
    const tp0 = tp;
    const fp0 = fp;
    while (j < n && r.score[r.order[j]!] === s) {
      const i = r.order[j]!;
      if (r.positive[i]) tp += w[i]!;
      else fp += w[i]!;
      j++;
    }
    area += ((fp - fp0) * (tp + tp0)) / 2;
  }
  return area / (P * N);
}

/** Average precision (step-wise, as scikit-learn): sum over distinct thresholds of (R_n - R_n-1) * P_n. */
function weightedAveragePrecision(r: RankedRows, w: Float64Array): number {
  let P = 0;
  for (let i = 0; i < r.order.length; i++) if (r.positive[i]) P += w[i]!;
  if (P === 0) return NaN;
  let tp = 0;
  let fp = 0;
  let ap = 0;
  let prevRecall = 0;
  let j = 0;
  const n = r.order.length;
  while (j < n) {
    const s = r.score[r.order[j]!]!;
    while (j < n && r.score[r.order[j]!] === s) {
      const i = r.order[j]!;
      if (r.positive[i]) tp += w[i]!;
      else fp += w[i]!;
      j++;
    }
    if (tp + fp === 0) continue;
    const recall = tp / P;
    ap += (recall - prevRecall) * (tp / (tp + fp));
    prevRecall = recall;
  }
  return ap;
}

function regression(name: string, p: RegressionPredictions): (w: Float64Array) => number {
  const n = p.rowCount;
  const err = new Float64Array(n);
  for (let i = 0; i < n; i++) err[i] = p.yPred[i]! - p.yTrue[i]!;
  switch (name) {
    case "mse":
    case "rmse": {
      const sq = err.map((e) => e * e);
      return name === "mse" ? (w) => weightedMean(sq, w) : (w) => Math.sqrt(weightedMean(sq, w));
    }
    case "mae": {
      const abs = err.map(Math.abs);
      return (w) => weightedMean(abs, w);
    }
    case "mape": {
      // scikit-learn: |y - yhat| / max(|y|, machine epsilon).
      const ape = err.map((e, i) => Math.abs(e) / Math.max(Math.abs(p.yTrue[i]!), Number.EPSILON));
      return (w) => weightedMean(ape, w);
    }
    case "r2":
      return (w) => {
        let sw = 0;
        let sy = 0;
        for (let i = 0; i < n; i++) {
          sw += w[i]!;
          sy += w[i]! * p.yTrue[i]!;
        }
        const mean = sy / sw;
        let ssRes = 0;
        let ssTot = 0;
        for (let i = 0; i < n; i++) {
          ssRes += w[i]! * err[i]! * err[i]!;
          ssTot += w[i]! * (p.yTrue[i]! - mean) ** 2;
        }
        if (ssTot === 0) return ssRes === 0 ? 1 : 0;
        return 1 - ssRes / ssTot;
      };
    case "median_ae": {
      const abs = err.map(Math.abs);
      const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => abs[a]! - abs[b]!);
      return (w) => {
        // The median of the multiset: the middle element, or the mean of the two middle ones.
        let total = 0;
        for (let i = 0; i < n; i++) total += w[i]!;
        const lo = Math.floor((total - 1) / 2);
        const hi = Math.floor(total / 2);
        let seen = 0;
        let a = NaN;
        for (let j = 0; j < n; j++) {
          const i = order[j]!;
          const wi = w[i]!;
          if (wi === 0) continue;
          if (Number.isNaN(a) && seen + wi > lo) a = abs[i]!;
          if (seen + wi > hi) return (a + abs[i]!) / 2;
          seen += wi;
        }
        return NaN;
      };
    }
  }
  throw new Error(`no resampled metric ${name}`);
}

function weightedMean(x: Float64Array, w: Float64Array): number {
  let s = 0;
  let t = 0;
  for (let i = 0; i < x.length; i++) {
    const wi = w[i]!;
    if (wi === 0) continue;
    s += wi * x[i]!;
    t += wi;
  }
  return s / t;
}
