import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  MAX_SEED,
  seededRandom
} from "./chunk-CU7B2SDZ.js";
import {
  evaluateModels
} from "./chunk-3PWQBKGX.js";
import "./chunk-Z477IZJA.js";
import {
  withRegistryOptions
} from "./chunk-O4ABYM6J.js";
import "./chunk-FN27UHXI.js";
import {
  emitReport,
  readResult,
  withReportOptions
} from "./chunk-ZJAEGF6K.js";
import "./chunk-XLYBM3RQ.js";
import {
  DEFAULT_COMPARED_METRICS,
  DEFAULT_GATE_POLICY,
  DEFAULT_SLICE_MIN_SIZE,
  MAX_RESAMPLES,
  METRIC_DIRECTIONS,
  TASK_METRICS,
  checkGateMetrics,
  formatRuleThreshold,
  gateChecks,
  gatePolicyFrom,
  judgeMetric,
  normalQuantile,
  readGatePolicy,
  statusOf
} from "./chunk-UYSVWQ6F.js";
import {
  binomialDeviance,
  stirlingError
} from "./chunk-HPSV2ECA.js";
import "./chunk-SVB6GALK.js";
import {
  isGitSpec,
  readGitFile,
  readMetricsDocument
} from "./chunk-RHDI7ADI.js";
import {
  fetchVerifiedAsset,
  resolveVersion
} from "./chunk-O4L7E7A5.js";
import {
  MAX_ASSET_BYTES
} from "./chunk-7DF57UJG.js";
import {
  MISSING_SLICE,
  binOf,
  classificationMetrics,
  regressionMetrics,
  sliceKeyOf
} from "./chunk-56NJ2FAC.js";
import "./chunk-BPVXUAZL.js";
import "./chunk-DBRIWJPI.js";
import "./chunk-SMSJON5I.js";
import {
  cacheDirFromFlags,
  registryFromFlags
} from "./chunk-ETIZDIC2.js";
import "./chunk-ZMVQBOI5.js";
import {
  parseModelVersionSpec
} from "./chunk-YFEKVSLM.js";
import {
  formatCount,
  formatDelta,
  formatDetectable,
  formatInterval,
  formatParameter,
  formatRelativeInterval,
  formatValue,
  isProportionMetric
} from "./chunk-J6QFQCEU.js";
import "./chunk-KXKSH3KJ.js";
import {
  radixSortFloat64InPlace
} from "./chunk-R7MEBYWB.js";
import {
  runResamples
} from "./chunk-EOUY7LOJ.js";
import {
  argsortFloat64,
  influenceCalculator
} from "./chunk-2Y5XZXLW.js";
import {
  LOG_LOSS_EPS,
  logLoss
} from "./chunk-22WMU2UJ.js";
import "./chunk-IX27OB3T.js";
import "./chunk-4VXYNFVR.js";
import {
  stringifyContract
} from "./chunk-NXWTCSVE.js";
import "./chunk-63HQ5WJE.js";
import "./chunk-Z2HOCP5K.js";
import "./chunk-CIHEETR2.js";
import "./chunk-J3DWLQHK.js";
import "./chunk-BERRGJKQ.js";
import {
  allInOrder
} from "./chunk-BNU2NNMW.js";
import {
  quantileSorted
} from "./chunk-ABFRWPKF.js";
import "./chunk-QIDGOCBZ.js";
import {
  choiceOption,
  delimiterOption,
  listOption,
  numberOption
} from "./chunk-AI5GVDUK.js";
import {
  formatNumber,
  formatTable
} from "./chunk-TXLO3S3N.js";
import "./chunk-72K2B37S.js";
import "./chunk-3YGHXF46.js";
import {
  writeOutputFile
} from "./chunk-WKNXAUPU.js";
import {
  loadTable
} from "./chunk-TPKJ4BDL.js";
import "./chunk-LAIMP6IK.js";
import "./chunk-CV6AQ6IM.js";
import "./chunk-MYIUVGO5.js";
import "./chunk-FDVPQZHU.js";
import "./chunk-DYO4I62G.js";
import {
  getColumn
} from "./chunk-IXAQPRDD.js";
import {
  ModelguardError
} from "./chunk-7XDOXOVQ.js";
import "./chunk-3DORHFRE.js";

// src/stats/mcnemarExact.ts
function mcnemarExact(b, c) {
  if (!(Number.isInteger(b) && Number.isInteger(c) && b >= 0 && c >= 0)) {
    throw new RangeError(`mcnemarExact: counts must be non-negative integers, got ${b}, ${c}`);
  }
  const n = b + c;
  const k = Math.min(b, c);
  if (k === n) return 1;
  let term = 1;
  let tail = 1;
  for (let i = k; i >= 1; i--) {
    term *= i / (n - i + 1);
    tail += term;
    if (term < tail * 1e-17) break;
  }
  const p = 2 * halfBinomialPmf(k, n) * tail;
  return p > 1 ? 1 : p;
}
function halfBinomialPmf(k, n) {
  if (k === 0) return Math.pow(0.5, n);
  const half = n / 2;
  const lc = stirlingError(n) - stirlingError(k) - stirlingError(n - k) - binomialDeviance(k, half) - binomialDeviance(n - k, half);
  return Math.exp(lc) * Math.sqrt(n / (2 * Math.PI * k * (n - k)));
}

// src/compare/pairedBootstrap.ts
function pairedBootstrap(rows, metrics, options) {
  const random = seededRandom(options.seed);
  const counts = new Float64Array(rows);
  const deltas = new ResampleDeltas(metrics.length, options.resamples);
  for (let r = 0; r < options.resamples; r++) {
    counts.fill(0);
    for (let i = 0; i < rows; i++) counts[Math.floor(random() * rows)]++;
    metrics.forEach((m, k) => deltas.record(k, m.candidate.evaluate(counts), m.baseline.evaluate(counts)));
  }
  return deltas.intervals(
    metrics.map((m) => m.name),
    options
  );
}
var ResampleDeltas = class {
  deltas;
  relatives;
  filled;
  relativeOk;
  constructor(metrics, resamples) {
    this.deltas = Array.from({ length: metrics }, () => new Float64Array(resamples));
    this.relatives = Array.from({ length: metrics }, () => new Float64Array(resamples));
    this.filled = new Array(metrics).fill(0);
    this.relativeOk = new Array(metrics).fill(true);
  }
  record(k, candidate, baseline) {
    if (!Number.isFinite(candidate) || !Number.isFinite(baseline)) return;
    const j = this.filled[k]++;
    this.deltas[k][j] = candidate - baseline;
    if (baseline === 0) this.relativeOk[k] = false;
    else this.relatives[k][j] = (candidate - baseline) / Math.abs(baseline);
  }
  intervals(names, options) {
    const { deltas, relatives, filled, relativeOk } = this;
    return percentileIntervals(names, { deltas, relatives, filled, relativeOk }, options);
  }
};
function percentileIntervals(names, d, options) {
  const lower = (1 - options.confidence) / 2;
  const upper = 1 - lower;
  const out = /* @__PURE__ */ new Map();
  names.forEach((name, k) => {
    const n = d.filled[k];
    if (n === 0) {
      out.set(name, { delta: [NaN, NaN], relative: null, undefinedResamples: options.resamples });
      return;
    }
    const deltas = d.deltas[k].subarray(0, n);
    radixSortFloat64InPlace(deltas);
    const rel = d.relatives[k].subarray(0, n);
    if (d.relativeOk[k]) radixSortFloat64InPlace(rel);
    out.set(name, {
      delta: [quantileSorted(deltas, lower), quantileSorted(deltas, upper)],
      relative: d.relativeOk[k] ? [quantileSorted(rel, lower), quantileSorted(rel, upper)] : null,
      undefinedResamples: options.resamples - n
    });
  });
  return out;
}

// src/compare/resampledMetric.ts
var NEEDS_PROBA = /* @__PURE__ */ new Set(["roc_auc", "pr_auc", "log_loss", "brier", "ece"]);
function resampledMetricNames(p) {
  const ofTask = TASK_METRICS[p.task];
  return p.task === "regression" ? [...ofTask] : ofTask.filter((m) => p.proba !== void 0 || !NEEDS_PROBA.has(m));
}
function prepareResampledMetric(name, p) {
  if (!resampledMetricNames(p).includes(name)) return null;
  const evaluate = p.task === "regression" ? regression(name, p) : classification(name, p);
  return { name, evaluate };
}
function classification(name, p) {
  const C = p.classes.length;
  const { yTrue, yPred } = p;
  const n = p.rowCount;
  const pos = p.positiveIndex ?? 1;
  const confusion = (w) => {
    const m = new Float64Array(C * C);
    for (let i = 0; i < n; i++) m[yTrue[i] * C + yPred[i]] += w[i];
    return m;
  };
  const perClass = (m) => {
    const tp = new Float64Array(C);
    const truth = new Float64Array(C);
    const predicted = new Float64Array(C);
    for (let t = 0; t < C; t++) {
      for (let q = 0; q < C; q++) {
        const v = m[t * C + q];
        truth[t] += v;
        predicted[q] += v;
        if (t === q) tp[t] = v;
      }
    }
    const precision = tp.map((x, k) => predicted[k] > 0 ? x / predicted[k] : 0);
    const recall = tp.map((x, k) => truth[k] > 0 ? x / truth[k] : 0);
    const f1 = tp.map((x, k) => truth[k] + predicted[k] > 0 ? 2 * x / (truth[k] + predicted[k]) : 0);
    return { tp, truth, predicted, precision, recall, f1 };
  };
  const macro = (values, s) => {
    let sum = 0;
    let k = 0;
    for (let c = 0; c < C; c++) {
      if (s.truth[c] + s.predicted[c] === 0) continue;
      sum += values[c];
      k++;
    }
    return k > 0 ? sum / k : NaN;
  };
  const total = (w) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += w[i];
    return s;
  };
  switch (name) {
    case "accuracy":
      return (w) => {
        let right = 0;
        for (let i = 0; i < n; i++) if (yTrue[i] === yPred[i]) right += w[i];
        return right / total(w);
      };
    case "balanced_accuracy":
      return (w) => {
        const s = perClass(confusion(w));
        let sum = 0;
        let k = 0;
        for (let c = 0; c < C; c++) {
          if (s.truth[c] === 0) continue;
          sum += s.recall[c];
          k++;
        }
        return sum / k;
      };
    case "precision":
    case "recall":
    case "f1":
      return (w) => perClass(confusion(w))[name][pos];
    case "precision_macro":
    case "recall_macro":
    case "f1_macro":
      return (w) => {
        const s = perClass(confusion(w));
        return macro(s[name.replace("_macro", "")], s);
      };
    case "f1_weighted":
      return (w) => {
        const s = perClass(confusion(w));
        let sum = 0;
        let support = 0;
        for (let c = 0; c < C; c++) {
          sum += s.f1[c] * s.truth[c];
          support += s.truth[c];
        }
        return sum / support;
      };
    case "log_loss": {
      const losses = new Float64Array(n);
      for (let i = 0; i < n; i++)
        losses[i] = logLoss(yTrue.subarray(i, i + 1), p.proba.subarray(i * C, (i + 1) * C), C);
      return (w) => weightedMean(losses, w);
    }
    case "brier": {
      const sq = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const y = yTrue[i] === pos ? 1 : 0;
        sq[i] = (y - p.proba[i * C + pos]) ** 2;
      }
      return (w) => weightedMean(sq, w);
    }
    case "ece": {
      const bin = new Int32Array(n);
      const conf = new Float64Array(n);
      const right = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        let top = 0;
        let c = p.proba[i * C];
        for (let k = 1; k < C; k++) {
          if (p.proba[i * C + k] > c) {
            c = p.proba[i * C + k];
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
          const wi = w[i];
          if (wi === 0) continue;
          const b = bin[i];
          count[b] += wi;
          confidence[b] += wi * conf[i];
          if (right[i]) correct[b] += wi;
          all += wi;
        }
        let ece = 0;
        for (let b = 0; b < 10; b++) {
          if (count[b] === 0) continue;
          ece += count[b] / all * Math.abs(correct[b] / count[b] - confidence[b] / count[b]);
        }
        return ece;
      };
    }
    case "roc_auc":
    case "pr_auc": {
      const targets = p.task === "binary" ? [pos] : Array.from({ length: C }, (_, k) => k);
      const curves = targets.map((k) => rankedRows(p.proba, C, k, yTrue));
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
function rankedRows(proba, C, k, yTrue) {
  const n = yTrue.length;
  const score = new Float64Array(n);
  const positive = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    score[i] = proba[i * C + k];
    positive[i] = yTrue[i] === k ? 1 : 0;
  }
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => score[b] - score[a]);
  return { order, score, positive };
}
function weightedRocAuc(r, w) {
  let P = 0;
  let N = 0;
  for (let i = 0; i < r.order.length; i++) {
    const wi = w[i];
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
    const s = r.score[r.order[j]];
    const tp0 = tp;
    const fp0 = fp;
    while (j < n && r.score[r.order[j]] === s) {
      const i = r.order[j];
      if (r.positive[i]) tp += w[i];
      else fp += w[i];
      j++;
    }
    area += (fp - fp0) * (tp + tp0) / 2;
  }
  return area / (P * N);
}
function weightedAveragePrecision(r, w) {
  let P = 0;
  for (let i = 0; i < r.order.length; i++) if (r.positive[i]) P += w[i];
  if (P === 0) return NaN;
  let tp = 0;
  let fp = 0;
  let ap = 0;
  let prevRecall = 0;
  let j = 0;
  const n = r.order.length;
  while (j < n) {
    const s = r.score[r.order[j]];
    while (j < n && r.score[r.order[j]] === s) {
      const i = r.order[j];
      if (r.positive[i]) tp += w[i];
      else fp += w[i];
      j++;
    }
    if (tp + fp === 0) continue;
    const recall = tp / P;
    ap += (recall - prevRecall) * (tp / (tp + fp));
    prevRecall = recall;
  }
  return ap;
}
function regression(name, p) {
  const n = p.rowCount;
  const err = new Float64Array(n);
  for (let i = 0; i < n; i++) err[i] = p.yPred[i] - p.yTrue[i];
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
      const ape = err.map((e, i) => Math.abs(e) / Math.max(Math.abs(p.yTrue[i]), Number.EPSILON));
      return (w) => weightedMean(ape, w);
    }
    case "r2":
      return (w) => {
        let sw = 0;
        let sy = 0;
        for (let i = 0; i < n; i++) {
          sw += w[i];
          sy += w[i] * p.yTrue[i];
        }
        const mean = sy / sw;
        let ssRes = 0;
        let ssTot = 0;
        for (let i = 0; i < n; i++) {
          ssRes += w[i] * err[i] * err[i];
          ssTot += w[i] * (p.yTrue[i] - mean) ** 2;
        }
        if (ssTot === 0) return ssRes === 0 ? 1 : 0;
        return 1 - ssRes / ssTot;
      };
    case "median_ae": {
      const abs = err.map(Math.abs);
      const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => abs[a] - abs[b]);
      return (w) => {
        let total = 0;
        for (let i = 0; i < n; i++) total += w[i];
        const lo = Math.floor((total - 1) / 2);
        const hi = Math.floor(total / 2);
        let seen = 0;
        let a = NaN;
        for (let j = 0; j < n; j++) {
          const i = order[j];
          const wi = w[i];
          if (wi === 0) continue;
          if (Number.isNaN(a) && seen + wi > lo) a = abs[i];
          if (seen + wi > hi) return (a + abs[i]) / 2;
          seen += wi;
        }
        return NaN;
      };
    }
  }
  throw new Error(`no resampled metric ${name}`);
}
function weightedMean(x, w) {
  let s = 0;
  let t = 0;
  for (let i = 0; i < x.length; i++) {
    const wi = w[i];
    if (wi === 0) continue;
    s += wi * x[i];
    t += wi;
  }
  return s / t;
}

// src/compare/compareSlices.ts
function compareSlices(input) {
  const { candidate, baseline, key, policy } = input;
  const gate = policy.slices;
  const metric = gate?.metric ?? (candidate.task === "regression" ? "rmse" : "accuracy");
  const direction = METRIC_DIRECTIONS[metric] ?? "higher";
  const minSize = gate?.min_size ?? DEFAULT_SLICE_MIN_SIZE;
  const rowsOf = groupRows(key);
  const gated = gate !== null && (gate.max_drop !== void 0 || gate.max_increase !== void 0);
  const slices = key.labels.map((label, k) => {
    const rows = rowsOf[k];
    const value2 = label === MISSING_SLICE ? null : label;
    const judged = rows.length >= minSize;
    const c = rows.length > 0 ? prepareResampledMetric(metric, subset(candidate, rows)) : null;
    const b = rows.length > 0 ? prepareResampledMetric(metric, subset(baseline, rows)) : null;
    const ones2 = new Float64Array(rows.length).fill(1);
    const cv = c ? finiteOrNull(c.evaluate(ones2)) : null;
    const bv = b ? finiteOrNull(b.evaluate(ones2)) : null;
    const delta = cv !== null && bv !== null ? cv - bv : null;
    let ci = null;
    if (c && b && rows.length > 1) {
      const iv = pairedBootstrap(rows.length, [{ name: metric, candidate: c, baseline: b }], policy).get(metric);
      if (iv && Number.isFinite(iv.delta[0]) && Number.isFinite(iv.delta[1])) ci = iv.delta;
    }
    const checks = gated && judged ? gateChecks(
      metric,
      {
        ...gate.max_drop !== void 0 ? { max_drop: gate.max_drop } : {},
        ...gate.max_increase !== void 0 ? { max_increase: gate.max_increase } : {}
      },
      direction,
      cv,
      delta,
      ci,
      null,
      bv,
      policy.confidence
    ) : [];
    return {
      value: value2,
      size: rows.length,
      judged,
      baseline: bv,
      candidate: cv,
      delta,
      ci,
      detectable_change: ci ? (ci[1] - ci[0]) / 2 : null,
      checks,
      status: checks.length > 0 ? statusOf(checks, gate.on_fail) : null
    };
  });
  const order = slices.map((s, k) => ({ s, k })).sort(
    (a, b) => a.s.value === b.s.value ? a.k - b.k : a.s.value === null ? 1 : b.s.value === null ? -1 : a.s.value < b.s.value ? -1 : 1
  );
  const rule = gated ? [
    gate.max_drop !== void 0 ? `max_drop ${formatRuleThreshold(metric, "max_drop", gate.max_drop)}` : "",
    gate.max_increase !== void 0 ? `max_increase ${formatRuleThreshold(metric, "max_increase", gate.max_increase)}` : "",
    `on slices of at least ${minSize} rows`,
    gate.on_fail === "warn" ? "(warn only)" : ""
  ].filter(Boolean).join(", ") : null;
  const statuses = slices.flatMap((s) => s.status ? [s.status] : []);
  return {
    column: input.column,
    metric,
    direction,
    min_size: minSize,
    rule,
    slices: order.map((o) => o.s),
    gaps: candidate.task === "binary" && baseline.task === "binary" ? [
      ...fairnessGaps(candidate, "candidate", key, rowsOf, minSize, policy),
      ...fairnessGaps(baseline, "baseline", key, rowsOf, minSize, policy)
    ] : [],
    status: gated ? worst(statuses) : null
  };
}
function worst(statuses) {
  for (const s of ["fail", "inconclusive", "warn"]) if (statuses.includes(s)) return s;
  return "pass";
}
function finiteOrNull(x) {
  return Number.isFinite(x) ? x : null;
}
function groupRows(key) {
  const counts = new Int32Array(key.labels.length);
  for (const c of key.codes) counts[c]++;
  const out = Array.from(counts, (n) => new Int32Array(n));
  const next = new Int32Array(key.labels.length);
  key.codes.forEach((c, i) => out[c][next[c]++] = i);
  return out;
}
function subset(p, rows) {
  if (p.task === "regression") {
    return {
      task: "regression",
      rowCount: rows.length,
      yTrue: Float64Array.from(rows, (i) => p.yTrue[i]),
      yPred: Float64Array.from(rows, (i) => p.yPred[i])
    };
  }
  const C = p.classes.length;
  let proba;
  if (p.proba) {
    proba = new Float64Array(rows.length * C);
    rows.forEach((i, j) => proba.set(p.proba.subarray(i * C, (i + 1) * C), j * C));
  }
  return {
    ...p,
    rowCount: rows.length,
    yTrue: Int32Array.from(rows, (i) => p.yTrue[i]),
    yPred: Int32Array.from(rows, (i) => p.yPred[i]),
    ...proba ? { proba } : {}
  };
}
function rateRows(p, rows, kind) {
  const pos = p.positiveIndex ?? 1;
  const hit = new Uint8Array(rows.length);
  const base = new Uint8Array(rows.length);
  rows.forEach((i, j) => {
    const predicted = p.yPred[i] === pos ? 1 : 0;
    if (kind === "positive_rate") {
      base[j] = 1;
      hit[j] = predicted;
    } else if (p.yTrue[i] === pos) {
      base[j] = 1;
      hit[j] = predicted;
    }
  });
  return { hit, base };
}
function rate(r) {
  let h = 0;
  let b = 0;
  for (let j = 0; j < r.hit.length; j++) {
    h += r.hit[j];
    b += r.base[j];
  }
  return b > 0 ? h / b : NaN;
}
function fairnessGaps(p, model, key, rowsOf, minSize, policy) {
  if (p.task !== "binary") return [];
  const out = [];
  for (const kind of ["positive_rate", "true_positive_rate"]) {
    const rated = key.labels.map((label2, k) => ({ label: label2, rows: rateRows(p, rowsOf[k], kind), size: rowsOf[k].length })).filter((s) => s.size >= minSize).map((s) => ({ ...s, rate: rate(s.rows) })).filter((s) => Number.isFinite(s.rate));
    if (rated.length < 2) continue;
    const high = rated.reduce((a, b) => b.rate > a.rate ? b : a);
    const low = rated.reduce((a, b) => b.rate < a.rate ? b : a);
    const label = (l) => l === MISSING_SLICE ? null : l;
    out.push({
      kind,
      model,
      high: { value: label(high.label), rate: high.rate },
      low: { value: label(low.label), rate: low.rate },
      gap: high.rate - low.rate,
      ci: gapInterval(high.rows, low.rows, policy)
    });
  }
  return out;
}
function gapInterval(a, b, policy) {
  const random = seededRandom(policy.seed);
  const draw = (r) => {
    const n = r.hit.length;
    let h = 0;
    let d = 0;
    for (let j = 0; j < n; j++) {
      const i = Math.floor(random() * n);
      h += r.hit[i];
      d += r.base[i];
    }
    return d > 0 ? h / d : NaN;
  };
  const gaps = new Float64Array(policy.resamples);
  let filled = 0;
  for (let r = 0; r < policy.resamples; r++) {
    const g = draw(a) - draw(b);
    if (Number.isFinite(g)) gaps[filled++] = g;
  }
  if (filled === 0) return null;
  const sorted = gaps.subarray(0, filled).sort();
  const lower = (1 - policy.confidence) / 2;
  return [quantileSorted(sorted, lower), quantileSorted(sorted, 1 - lower)];
}

// src/compare/comparisonVerdict.ts
function verdictOf(metrics, policy, rows, paired, slices) {
  const pct = `${Number((policy.confidence * 100).toFixed(1))}%`;
  const judged = metrics.filter((m) => m.status !== null).map((m) => ({
    label: m.name,
    metric: m.name,
    status: m.status,
    advisory: policy.gates.find((g) => g.metric === m.name)?.on_fail === "warn",
    delta: m.delta,
    candidate: m.candidate,
    ci: m.ci,
    detectable: m.detectable_change,
    checks: m.checks,
    rows
  }));
  if (slices && slices.rule !== null) {
    for (const s of slices.slices) {
      if (s.status === null) continue;
      judged.push({
        label: `${slices.metric} on ${slices.column} = ${s.value ?? "(missing)"}`,
        metric: slices.metric,
        status: s.status,
        advisory: s.status === "warn",
        delta: s.delta,
        candidate: s.candidate,
        ci: s.ci,
        detectable: s.detectable_change,
        checks: s.checks,
        rows: s.size
      });
    }
  }
  const failed = judged.filter((j) => j.status === "fail");
  const warned = judged.filter((j) => j.status === "warn");
  const unsure = judged.filter((j) => j.status === "inconclusive");
  const onInconclusive = (j) => j.advisory && policy.on_inconclusive === "fail" ? "warn" : policy.on_inconclusive;
  const decisions = [
    ...failed.map(() => "fail"),
    ...warned.map(() => "warn"),
    ...unsure.map(onInconclusive)
  ];
  const verdict = decisions.includes("fail") ? "fail" : decisions.includes("warn") ? "warn" : "pass";
  const outcome = failed.length > 0 ? "fail" : unsure.length > 0 ? "inconclusive" : warned.length > 0 ? "warn" : "pass";
  if (failed.length > 0) return { verdict, outcome, reason: failureReason(failed[0], pct) + more(failed.length) };
  if (unsure.length > 0) {
    const also = unsure.length > 1 ? ` ${inconclusiveMore(unsure.slice(1))}` : "";
    const warnedToo = warned.length > 0 ? ` Advisory: ${failureReason(warned[0], pct)}.` : "";
    return {
      verdict,
      outcome,
      reason: `Not enough evidence: ${inconclusiveReason(unsure[0], pct)}.${also}${warnedToo} on_inconclusive: ${policy.on_inconclusive}.`
    };
  }
  if (warned.length > 0)
    return { verdict, outcome, reason: "advisory gate: " + failureReason(warned[0], pct) + more(warned.length) };
  if (judged.length === 0)
    return { verdict, outcome, reason: "no gates configured: metrics compared, nothing enforced" };
  const how = paired ? `at ${pct} confidence on ${formatCount(rows)} paired rows` : "on point values (no paired rows)";
  return { verdict, outcome, reason: `all ${judged.length} gate${judged.length > 1 ? "s" : ""} pass ${how}` };
}
function value(metric, x) {
  if (x === null || !Number.isFinite(x)) return "n/a";
  return isProportionMetric(metric) ? `${formatParameter(Number((x * 100).toFixed(2)))}%` : formatParameter(x);
}
function change(metric, x) {
  return formatDelta(x, isProportionMetric(metric));
}
function interval(j, pct) {
  return j.ci ? ` (${pct} interval ${formatInterval(j.ci, isProportionMetric(j.metric))})` : "";
}
function failureReason(j, pct) {
  const check = j.checks.find((c) => c.outcome === "fail");
  if (check.kind === "min" || check.kind === "max")
    return `${j.label} is ${value(j.metric, j.candidate)}, ${check.kind === "min" ? "below the minimum" : "above the maximum"} ${value(j.metric, check.threshold)}`;
  if (check.kind === "min_gain")
    return `${j.label} did not improve by ${allowed(j.metric, check)}: change ${change(j.metric, j.delta)}${interval(j, pct)}`;
  const worse = check.kind.includes("drop") ? "dropped" : "increased";
  const shown = j.ci ? "" : " (point values, no interval)";
  return `${j.label} ${worse} by more than the allowed ${allowed(j.metric, check)}: change ${change(j.metric, j.delta)}${interval(j, pct)}${shown}`;
}
function allowed(metric, check) {
  if (check.kind.includes("relative")) return `${formatParameter(check.threshold * 100)}% of the baseline`;
  return isProportionMetric(metric) ? formatDelta(check.threshold, true).replace(/^\+/, "") : formatParameter(check.threshold);
}
function inconclusiveReason(j, pct) {
  const check = j.checks.find((c) => c.outcome === "inconclusive");
  const what = check.kind.includes("drop") ? "drop" : check.kind.includes("increase") ? "increase" : "required improvement";
  const judgedOn = check.kind.includes("relative") ? ` (relative change ${pct} interval ${percent(check.interval[0])} to ${percent(check.interval[1])})` : interval(j, pct);
  const parts = [
    `${j.label} changed ${change(j.metric, j.delta)}${judgedOn}, which straddles the allowed ${what} of ${allowed(j.metric, check)}`
  ];
  if (j.metric === "accuracy" && j.rows !== null && j.rows > 0)
    parts.push(
      `with ${formatCount(j.rows)} test rows one row is ${change(j.metric, 1 / j.rows).replace(/^\+/, "")} of accuracy`
    );
  if (j.detectable !== null)
    parts.push(
      `the smallest change these rows can show is about ±${change(j.metric, j.detectable).replace(/^\+/, "")}`
    );
  return parts.join("; ");
}
function percent(x) {
  return `${x > 0 ? "+" : ""}${formatParameter(x * 100)}%`;
}
function inconclusiveMore(rest) {
  const names = rest.slice(0, 5).map((j) => j.label);
  const tail = rest.length > 5 ? ` and ${rest.length - 5} more` : "";
  return `Also inconclusive: ${names.join(", ")}${tail}.`;
}
function more(n) {
  return n > 1 ? ` (and ${n - 1} more gate${n > 2 ? "s" : ""})` : "";
}

// src/compare/resamplePlan.ts
var MAX_PATTERNS = 4096;
var UNPLANNED = /* @__PURE__ */ new Set(["median_ae"]);
function buildResamplePlan(names, candidate, baseline) {
  const builder = new PlanBuilder(candidate.rowCount);
  const haveC = new Set(resampledMetricNames(candidate));
  const haveB = new Set(resampledMetricNames(baseline));
  const metrics = [];
  for (const name of names) {
    if (UNPLANNED.has(name) || !haveC.has(name) || !haveB.has(name)) continue;
    metrics.push({
      name,
      candidate: builder.metric(name, candidate, "c"),
      baseline: builder.metric(name, baseline, "b")
    });
  }
  return { plan: builder.finish(), metrics };
}
var PlanBuilder = class {
  constructor(rows) {
    this.rows = rows;
  }
  rows;
  statCount = 1;
  columns = [];
  curves = [];
  /** Statistics already planned, by a key naming model and kind, so metrics share them (one confusion matrix). */
  shared = /* @__PURE__ */ new Map();
  allocate(size) {
    const at = this.statCount;
    this.statCount += size;
    return at;
  }
  once(key, make) {
    let at = this.shared.get(key);
    if (at === void 0) {
      at = make();
      this.shared.set(key, at);
    }
    return at;
  }
  /** Σ w x_i over the rows. */
  sum(key, x) {
    return this.once(key, () => {
      const at = this.allocate(1);
      const values = new Float64Array(this.rows);
      for (let i = 0; i < this.rows; i++) values[i] = x(i);
      this.columns.push({ kind: "sum", offset: at, values });
      return at;
    });
  }
  metric(name, p, side) {
    return p.task === "regression" ? this.regression(name, p, side) : this.classification(name, p, side);
  }
  classification(name, p, side) {
    const C = p.classes.length;
    const pos = p.positiveIndex ?? 1;
    const { yTrue, yPred } = p;
    const mean = (at2) => (s, r) => s[r + at2] / s[r];
    switch (name) {
      case "log_loss": {
        const proba = p.proba;
        return mean(this.sum(`${side}:log_loss`, (i) => rowLogLoss(proba, i, C, yTrue[i])));
      }
      case "brier": {
        const proba = p.proba;
        return mean(this.sum(`${side}:brier`, (i) => ((yTrue[i] === pos ? 1 : 0) - proba[i * C + pos]) ** 2));
      }
      case "ece":
        return this.ece(p, side);
      case "roc_auc":
      case "pr_auc": {
        const targets = p.task === "binary" ? [pos] : Array.from({ length: C }, (_, k) => k);
        const at2 = targets.map((k) => this.once(`${side}:curve:${k}`, () => this.curve(p, k)));
        const which = name === "roc_auc" ? 0 : 1;
        return (s, r) => {
          let sum = 0;
          for (const a of at2) sum += s[r + a + which];
          return sum / at2.length;
        };
      }
    }
    const at = this.once(`${side}:confusion`, () => {
      const base = this.allocate(C * C);
      const offsets = new Int32Array(this.rows);
      for (let i = 0; i < this.rows; i++) offsets[i] = base + yTrue[i] * C + yPred[i];
      this.columns.push({ kind: "count", offsets });
      return base;
    });
    return (s, r) => confusionMetric(name, s.subarray(r + at, r + at + C * C), C, pos);
  }
  ece(p, side) {
    const C = p.classes.length;
    const proba = p.proba;
    const bin = new Int32Array(this.rows);
    const conf = new Float64Array(this.rows);
    const right = new Float64Array(this.rows);
    for (let i = 0; i < this.rows; i++) {
      let top = 0;
      let c = proba[i * C];
      for (let k = 1; k < C; k++) {
        if (proba[i * C + k] > c) {
          c = proba[i * C + k];
          top = k;
        }
      }
      bin[i] = binOf(c, 10);
      conf[i] = c;
      right[i] = top === p.yTrue[i] ? 1 : 0;
    }
    const at = this.once(`${side}:ece`, () => {
      const base = this.allocate(30);
      const at2 = (shift, keep) => Int32Array.from(bin, (b, i) => keep && keep[i] === 0 ? -1 : base + shift + b);
      this.columns.push({ kind: "count", offsets: at2(0) });
      this.columns.push({ kind: "entry", offsets: at2(10), values: conf });
      this.columns.push({ kind: "count", offsets: at2(20, right) });
      return base;
    });
    return (s, r) => {
      const all = s[r];
      let ece = 0;
      for (let b = 0; b < 10; b++) {
        const count = s[r + at + b];
        if (count === 0) continue;
        ece += count / all * Math.abs(s[r + at + 20 + b] / count - s[r + at + 10 + b] / count);
      }
      return ece;
    };
  }
  curve(p, k) {
    const C = p.classes.length;
    const n = this.rows;
    const score = new Float64Array(n);
    let nan = false;
    for (let i = 0; i < n; i++) {
      score[i] = p.proba[i * C + k];
      if (score[i] !== score[i]) nan = true;
    }
    const ascending = nan ? Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => score[a] - score[b]) : argsortFloat64(score);
    const order = new Int32Array(n);
    for (let j = 0; j < n; j++) order[j] = ascending[n - 1 - j];
    const positive = new Uint8Array(new SharedArrayBuffer(n));
    const tieEnd = new Uint8Array(new SharedArrayBuffer(n));
    for (let j = 0; j < n; j++) {
      const i = order[j];
      positive[j] = p.yTrue[i] === k ? 1 : 0;
      tieEnd[j] = j === n - 1 || score[order[j + 1]] !== score[i] ? 1 : 0;
    }
    const rocAt = this.allocate(2);
    this.curves.push({ order, positive, tieEnd, rocAt });
    return rocAt;
  }
  regression(name, p, side) {
    const { yTrue, yPred } = p;
    const mean = (at) => (s, r) => s[r + at] / s[r];
    switch (name) {
      case "mse":
      case "rmse": {
        const at = this.sum(`${side}:se`, (i) => (yPred[i] - yTrue[i]) ** 2);
        return name === "mse" ? mean(at) : (s, r) => Math.sqrt(s[r + at] / s[r]);
      }
      case "mae":
        return mean(this.sum(`${side}:ae`, (i) => Math.abs(yPred[i] - yTrue[i])));
      case "mape":
        return mean(
          this.sum(
            `${side}:ape`,
            (i) => Math.abs(yPred[i] - yTrue[i]) / Math.max(Math.abs(yTrue[i]), Number.EPSILON)
          )
        );
      case "r2": {
        let centre = 0;
        for (let i = 0; i < this.rows; i++) centre += yTrue[i];
        centre /= this.rows;
        const se = this.sum(`${side}:se`, (i) => (yPred[i] - yTrue[i]) ** 2);
        const y1 = this.sum("y:centred", (i) => yTrue[i] - centre);
        const y2 = this.sum("y:centred2", (i) => (yTrue[i] - centre) ** 2);
        return (s, r) => {
          const w = s[r];
          const m = s[r + y1] / w;
          const ssTot = s[r + y2] - w * m * m;
          const ssRes = s[r + se];
          if (ssTot <= 0) return ssRes === 0 ? 1 : 0;
          return 1 - ssRes / ssTot;
        };
      }
    }
    throw new Error(`no planned metric ${name}`);
  }
  finish() {
    const n = this.rows;
    const S = this.statCount;
    const rowAt = shared(Int32Array, n);
    if (this.curves.length > 0) rowAt.set(this.curves[0].order);
    else for (let i = 0; i < n; i++) rowAt[i] = i;
    const positionOf = new Int32Array(n);
    for (let p = 0; p < n; p++) positionOf[rowAt[p]] = p;
    const curves = this.curves.map((c) => {
      const position = shared(Int32Array, n);
      for (let j = 0; j < n; j++) position[j] = positionOf[c.order[j]];
      return { position, positive: c.positive, tieEnd: c.tieEnd, rocAt: c.rocAt };
    });
    let pattern = new Int32Array(n);
    let members = [[]];
    const valueColumns = [];
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
      const nextMembers = [];
      for (let p = 0; p < n && nextMembers.length <= MAX_PATTERNS; p++) {
        const off = rowOffsets[rowAt[p]];
        const key = pattern[p] * (S + 1) + off + 1;
        let id = table[key];
        if (id < 0) {
          id = table[key] = nextMembers.length;
          nextMembers.push(off < 0 ? members[pattern[p]] : [...members[pattern[p]], off]);
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
    members.forEach((m, q) => patternStart[q + 1] = patternStart[q] + m.length);
    const patternOffsets = shared(Int32Array, patternStart[members.length]);
    members.forEach((m, q) => patternOffsets.set(m, patternStart[q]));
    const sumColumns = valueColumns.filter((c) => c.kind === "sum");
    const entryColumns = valueColumns.filter((c) => c.kind === "entry");
    const sumOffsets = shared(Int32Array, sumColumns.length);
    const sumValues = shared(Float64Array, n * sumColumns.length);
    sumColumns.forEach((c, k) => {
      sumOffsets[k] = c.offset;
      for (let p = 0; p < n; p++) sumValues[k * n + p] = c.values[rowAt[p]];
    });
    const entries = entryColumns.length;
    const offsets = shared(Int32Array, n * entries);
    const values = shared(Float64Array, n * entries);
    entryColumns.forEach((c, e) => {
      for (let p = 0; p < n; p++) {
        const i = rowAt[p];
        offsets[p * entries + e] = Math.max(0, c.offsets[i]);
        values[p * entries + e] = c.offsets[i] < 0 ? 0 : c.values[i];
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
      statCount: S
    };
  }
};
function ones(offsets) {
  return Float64Array.from(offsets, (o) => o < 0 ? 0 : 1);
}
function shared(kind, length) {
  return new kind(new SharedArrayBuffer(kind.BYTES_PER_ELEMENT * length));
}
function confusionMetric(name, m, C, pos) {
  const tp = new Float64Array(C);
  const truth = new Float64Array(C);
  const predicted = new Float64Array(C);
  let right = 0;
  let all = 0;
  for (let t = 0; t < C; t++) {
    for (let q = 0; q < C; q++) {
      const v = m[t * C + q];
      truth[t] += v;
      predicted[q] += v;
      all += v;
      if (t === q) {
        tp[t] = v;
        right += v;
      }
    }
  }
  const precision = (k) => predicted[k] > 0 ? tp[k] / predicted[k] : 0;
  const recall = (k) => truth[k] > 0 ? tp[k] / truth[k] : 0;
  const f1 = (k) => truth[k] + predicted[k] > 0 ? 2 * tp[k] / (truth[k] + predicted[k]) : 0;
  const average = (f, include) => {
    let sum = 0;
    let count = 0;
    for (let k = 0; k < C; k++) {
      if (!include(k)) continue;
      sum += f(k);
      count++;
    }
    return count > 0 ? sum / count : NaN;
  };
  const present = (k) => truth[k] + predicted[k] > 0;
  switch (name) {
    case "accuracy":
      return right / all;
    case "balanced_accuracy":
      return average(recall, (k) => truth[k] > 0);
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
        sum += f1(k) * truth[k];
        support += truth[k];
      }
      return sum / support;
    }
  }
  throw new Error(`no confusion metric ${name}`);
}
function rowLogLoss(proba, i, C, t) {
  let rowSum = 0;
  for (let k = 0; k < C; k++) rowSum += clipProbability(proba[i * C + k]);
  return -Math.log(clipProbability(proba[i * C + t]) / rowSum);
}
function clipProbability(v) {
  return v < LOG_LOSS_EPS ? LOG_LOSS_EPS : v > 1 - LOG_LOSS_EPS ? 1 - LOG_LOSS_EPS : v;
}

// src/compare/weightedPairedBootstrap.ts
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
var MIN_WORK_FOR_WORKERS = 2e7;
var MIN_WORK_PER_WORKER = 1e7;
var MAX_WORKERS = 8;
var fromSource = new URL(import.meta.url).pathname.endsWith(".ts");
var workerEntry = fromSource ? new URL("./resampleWorker.ts", import.meta.url) : ["./resampleWorker.js", "./chunks/resampleWorker.js"].map((p) => new URL(p, import.meta.url)).find((u) => existsSync(fileURLToPath(u))) ?? new URL("./resampleWorker.js", import.meta.url);
function resampleWorkerFound() {
  return existsSync(fileURLToPath(workerEntry));
}
async function weightedPairedBootstrap(plan, metrics, options) {
  const B = options.resamples;
  const S = plan.statCount;
  const stats = new Float64Array(B * S);
  const work = plan.rows * B;
  const threads = Math.max(
    1,
    Math.min(
      options.threads ?? availableParallelism(),
      MAX_WORKERS,
      B,
      work < MIN_WORK_FOR_WORKERS ? 1 : Math.floor(work / MIN_WORK_PER_WORKER)
    )
  );
  if (threads === 1 || !resampleWorkerFound()) {
    runResamples(plan, options.seed, 0, B, stats);
  } else {
    const size = Math.ceil(B / threads);
    const blocks = [];
    for (let first = 0; first < B; first += size) {
      const count = Math.min(size, B - first);
      blocks.push(runInWorker(plan, options.seed, first, count).then((block) => stats.set(block, first * S)));
    }
    await Promise.all(blocks);
  }
  const deltas = new ResampleDeltas(metrics.length, B);
  for (let r = 0; r < B; r++) {
    const at = r * S;
    metrics.forEach((m, k) => deltas.record(k, m.candidate(stats, at), m.baseline(stats, at)));
  }
  return deltas.intervals(
    metrics.map((m) => m.name),
    options
  );
}
function runInWorker(plan, seed, first, count) {
  return runCompareWorker({ plan, seed, first, count }).then((m) => m.stats);
}
function runCompareWorker(workerData) {
  const worker = fromSource ? new Worker(
    `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(workerEntry.href)}); });`,
    { eval: true, workerData }
  ) : new Worker(workerEntry, { workerData });
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.once("message", (m) => {
      settled = true;
      if (m.error === void 0) resolve(m);
      else reject(new Error(`comparison worker failed: ${m.error}`));
      void worker.terminate();
    });
    worker.once("error", (e) => {
      if (!settled) reject(e);
      settled = true;
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`comparison worker exited with code ${code} before answering`));
    });
  });
}

// src/compare/pairedIntervals.ts
var ANALYTIC_MIN_ROWS = 5e4;
var ANALYTIC_MIN_CLASS_ROWS = 500;
async function pairedIntervals(names, candidate, baseline, options) {
  const analytic = options.interval === "analytic" || options.interval === "auto" && analyticFits(candidate);
  const out = /* @__PURE__ */ new Map();
  const rest = [];
  const influences = analytic ? await bothInfluences(names, candidate, baseline) : null;
  names.forEach((name, k) => {
    const c = influences?.candidate[k];
    const b = influences?.baseline[k];
    const iv = c && b ? analyticInterval(c, b, options.confidence) : null;
    if (iv) out.set(name, iv);
    else rest.push(name);
  });
  if (rest.length === 0) return out;
  const { plan, metrics } = buildResamplePlan(rest, candidate, baseline);
  const fast = metrics.length > 0 ? await weightedPairedBootstrap(plan, metrics, options) : /* @__PURE__ */ new Map();
  const planned = new Set(metrics.map((m) => m.name));
  const unplanned = rest.flatMap((name) => {
    if (planned.has(name)) return [];
    const c = prepareResampledMetric(name, candidate);
    const b = prepareResampledMetric(name, baseline);
    return c && b ? [{ name, candidate: c, baseline: b }] : [];
  });
  const slow = unplanned.length > 0 ? pairedBootstrap(candidate.rowCount, unplanned, options) : /* @__PURE__ */ new Map();
  for (const name of rest) {
    const iv = fast.get(name) ?? slow.get(name);
    if (iv) out.set(name, { ...iv, method: "bootstrap" });
  }
  return out;
}
var INFLUENCE_WORKER_ROWS = 2e5;
async function bothInfluences(names, candidate, baseline) {
  const here = (p) => {
    const influence = influenceCalculator(p);
    return names.map((name) => influence(name));
  };
  if (candidate.rowCount < INFLUENCE_WORKER_ROWS || !resampleWorkerFound())
    return { candidate: here(candidate), baseline: here(baseline) };
  const away = runCompareWorker({
    kind: "influences",
    predictions: candidate,
    names: [...names]
  });
  const local = here(baseline);
  return { candidate: (await away).influences, baseline: local };
}
function analyticFits(p) {
  if (p.rowCount < ANALYTIC_MIN_ROWS) return false;
  if (p.task === "regression") return true;
  const counts = new Float64Array(p.classes.length);
  for (let i = 0; i < p.rowCount; i++) counts[p.yTrue[i]]++;
  return counts.every((c) => c >= ANALYTIC_MIN_CLASS_ROWS);
}
function analyticInterval(c, b, confidence) {
  const n = c.psi.length;
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const d = c.value - b.value;
  let sd = 0;
  let sr = 0;
  const absB = Math.abs(b.value);
  const r = absB > 0 ? d / absB : NaN;
  const sign = Math.sign(b.value);
  for (let i = 0; i < n; i++) {
    const pd = c.psi[i] - b.psi[i];
    sd += pd * pd;
    if (absB > 0) {
      const pr = (pd - r * sign * b.psi[i]) / absB;
      sr += pr * pr;
    }
  }
  const half = z * Math.sqrt(sd) / n;
  const halfR = z * Math.sqrt(sr) / n;
  return {
    delta: [d - half, d + half],
    relative: absB > 0 ? [r - halfR, r + halfR] : null,
    undefinedResamples: 0,
    method: c.method
  };
}

// src/compare/compareModels.ts
async function compareModels(input) {
  const started = Date.now();
  const candidate = input.candidate;
  const baseline = alignClasses(candidate, input.baseline);
  const rows = candidate.rowCount;
  const task = candidate.task;
  checkGateMetrics(input.policy.gates, task);
  const names = metricNames(task, input.policy.gates, input.metrics);
  const pointC = input.pointMetrics?.candidate ?? pointMetrics(candidate);
  const pointB = input.pointMetrics?.baseline ?? pointMetrics(baseline);
  const notes = [];
  const intervals = await pairedIntervals(names, candidate, baseline, {
    ...input.policy,
    interval: input.interval ?? input.policy.interval ?? "auto"
  });
  const methods = [...new Set([...intervals.values()].map((iv) => iv.method))];
  if (methods.some((m) => m !== "bootstrap"))
    notes.push(
      `intervals: ${[...intervals].map(([name, iv]) => `${name} ${INTERVAL_LABELS[iv.method]}`).join(", ")} (--interval ${input.interval ?? input.policy.interval ?? "auto"})`
    );
  for (const [name, iv] of intervals) {
    if (iv.undefinedResamples > 0) {
      notes.push(
        `${name}: undefined on ${iv.undefinedResamples} of ${input.policy.resamples} resamples (e.g. a class missing), left out of its interval`
      );
    }
  }
  const metrics = names.map((name) => {
    const gate = input.policy.gates.find((g) => g.metric === name);
    const b = pointB[name] ?? null;
    const c = pointC[name] ?? null;
    const iv = intervals.get(name);
    const entry = judge(name, gate, b, c, iv ?? null, input.policy.confidence);
    const analytic = entry.ci && iv && iv.method !== "bootstrap" ? iv.method : null;
    entry.ci_method = entry.ci ? analytic ? "analytic" : "bootstrap" : null;
    entry.ci_analytic = analytic;
    if (name === "accuracy" && task !== "regression")
      entry.mcnemar = mcnemar(candidate, baseline);
    return entry;
  });
  for (const g of input.policy.gates) {
    if (pointC[g.metric] === void 0)
      notes.push(
        `gate on ${g.metric}: the metric is not available for these models (${task}${"proba" in candidate && !candidate.proba ? ", labels only" : ""})`
      );
  }
  const slices = input.slices ? compareSlices({ candidate, baseline, column: input.slices.column, key: input.slices.key, policy: input.policy }) : void 0;
  const { verdict, outcome, reason } = verdictOf(metrics, input.policy, rows, true, slices);
  return {
    kind: "modelguard.comparison",
    version: 1,
    verdict,
    outcome,
    on_inconclusive: input.policy.on_inconclusive,
    reason,
    task,
    paired: true,
    confidence: input.policy.confidence,
    resamples: input.policy.resamples,
    seed: input.policy.seed,
    rows,
    data: input.data,
    candidate: input.candidateSide,
    baseline: input.baselineSide,
    metrics,
    ...slices ? { slices } : {},
    notes,
    duration_ms: Date.now() - started
  };
}
function metricNames(task, gates, extra) {
  return [.../* @__PURE__ */ new Set([...gates.map((g) => g.metric), ...extra ?? DEFAULT_COMPARED_METRICS[task]])];
}
function pointMetrics(p) {
  if (p.task === "regression") return regressionMetrics(p.yTrue, p.yPred).metrics;
  return classificationMetrics({
    yTrue: p.yTrue,
    yPred: p.yPred,
    ...p.proba ? { proba: p.proba } : {},
    classes: p.classes,
    ...p.task === "binary" ? { positiveIndex: p.positiveIndex ?? 1 } : {}
  }).metrics;
}
var judge = judgeMetric;
function mcnemar(c, b) {
  let baseOnly = 0;
  let candOnly = 0;
  for (let i = 0; i < c.rowCount; i++) {
    const cr = c.yPred[i] === c.yTrue[i];
    const br = b.yPred[i] === b.yTrue[i];
    if (br && !cr) baseOnly++;
    else if (cr && !br) candOnly++;
  }
  return {
    baseline_only_correct: baseOnly,
    candidate_only_correct: candOnly,
    p_value: mcnemarExact(baseOnly, candOnly)
  };
}
function alignClasses(candidate, baseline) {
  const fail = (why) => new ModelguardError(
    "input",
    `the two models cannot be compared on paired rows: ${why}`,
    "evaluate both models on the same data file with the same --target"
  );
  if (candidate.task !== baseline.task) throw fail(`the candidate is ${candidate.task}, the baseline ${baseline.task}`);
  if (candidate.rowCount !== baseline.rowCount) throw fail(`${candidate.rowCount} rows vs ${baseline.rowCount}`);
  if (candidate.task === "regression" || baseline.task === "regression") {
    for (let i = 0; i < candidate.rowCount; i++)
      if (candidate.yTrue[i] !== baseline.yTrue[i]) throw fail(`the targets differ at row ${i}`);
    return baseline;
  }
  const b = baseline;
  const map = candidate.classes.map((label) => b.classes.indexOf(label));
  if (map.some((k) => k < 0) || b.classes.length !== candidate.classes.length) {
    throw fail(`the classes differ: [${candidate.classes.join(", ")}] vs [${b.classes.join(", ")}]`);
  }
  if (map.every((bk, ck) => bk === ck) && candidate.positiveIndex === b.positiveIndex) {
    for (let i = 0; i < candidate.rowCount; i++)
      if (b.yTrue[i] !== candidate.yTrue[i]) throw fail(`the targets differ at row ${i}`);
    return b;
  }
  const inverse = new Int32Array(b.classes.length);
  map.forEach((bk, ck) => inverse[bk] = ck);
  const yTrue = b.yTrue.map((k) => inverse[k]);
  for (let i = 0; i < candidate.rowCount; i++)
    if (yTrue[i] !== candidate.yTrue[i]) throw fail(`the targets differ at row ${i}`);
  const C = b.classes.length;
  let proba;
  if (b.proba) {
    proba = new Float64Array(b.proba.length);
    for (let i = 0; i < b.rowCount; i++) for (let ck = 0; ck < C; ck++) proba[i * C + ck] = b.proba[i * C + map[ck]];
  }
  return {
    ...b,
    classes: candidate.classes,
    ...candidate.task === "binary" ? { positiveIndex: candidate.positiveIndex } : {},
    yTrue,
    yPred: b.yPred.map((k) => inverse[k]),
    ...proba ? { proba } : {}
  };
}
var INTERVAL_LABELS = {
  bootstrap: "bootstrap",
  clt: "normal (CLT)",
  delta: "delta method",
  delong: "DeLong"
};

// src/compare/compareAggregates.ts
function compareAggregates(input) {
  const started = Date.now();
  const { candidate, baseline, policy } = input;
  checkGateMetrics(
    policy.gates,
    candidate.task,
    /* @__PURE__ */ new Set([...Object.keys(candidate.metrics), ...Object.keys(baseline.metrics)])
  );
  const notes = [
    "aggregate metrics only: without paired predictions the gates compare point values, with no confidence interval"
  ];
  if (candidate.task !== baseline.task)
    notes.push(`the candidate's task is ${candidate.task}, the baseline's ${baseline.task}`);
  if (candidate.data.sha256 !== baseline.data.sha256) {
    notes.push(
      `the two metrics come from different data (sha256 ${candidate.data.sha256.slice(0, 12)} vs ${baseline.data.sha256.slice(0, 12)}): differences mix model and data changes`
    );
  }
  const names = metricNames(candidate.task, policy.gates, input.metrics).filter(
    (n) => n in candidate.metrics || n in baseline.metrics || policy.gates.some((g) => g.metric === n)
  );
  const metrics = names.map(
    (name) => judgeMetric(
      name,
      policy.gates.find((g) => g.metric === name),
      baseline.metrics[name] ?? null,
      candidate.metrics[name] ?? null,
      null,
      policy.confidence
    )
  );
  const { verdict, outcome, reason } = verdictOf(metrics, policy, null, false);
  return {
    kind: "modelguard.comparison",
    version: 1,
    verdict,
    outcome,
    on_inconclusive: policy.on_inconclusive,
    reason,
    task: candidate.task,
    paired: false,
    confidence: policy.confidence,
    resamples: 0,
    seed: policy.seed,
    rows: candidate.data.rows,
    data: candidate.data,
    candidate: input.candidateSide,
    baseline: input.baselineSide,
    metrics,
    notes,
    duration_ms: Date.now() - started
  };
}

// src/cli/resolveModelSpec.ts
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
async function resolveModelSpec(spec, flag, flags, io) {
  if (isGitSpec(spec)) {
    return tempModel(readGitFile(spec, MAX_ASSET_BYTES, flag), spec);
  }
  if (spec.startsWith("registry:")) {
    const parsed = parseModelVersionSpec(spec.slice("registry:".length));
    const registry = registryFromFlags(flags, io);
    const v = await resolveVersion(registry, parsed);
    const asset = v.card.assets.find((a) => a.name === "model.onnx");
    if (!asset) throw new ModelguardError("registry", `${v.name} v${v.version} has no model.onnx`, "");
    const { bytes } = await fetchVerifiedAsset(registry, v, asset, cacheDirFromFlags(flags));
    return {
      ...tempModel(bytes, `registry:${v.name}@v${v.version}`),
      registry: { uri: registry.uri, name: v.name, version: v.version, production: v.production }
    };
  }
  return { path: spec, source: spec, cleanup: () => void 0 };
}
function tempModel(bytes, source) {
  const dir = mkdtempSync(join(tmpdir(), "modelguard-model-"));
  const path = join(dir, "model.onnx");
  try {
    writeFileSync(path, bytes);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw new ModelguardError(
      "io",
      `cannot write a temporary copy of ${source}: ${e.message}`,
      "check TMPDIR"
    );
  }
  return { path, source, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
async function withResolvedModels(flags, io, run) {
  const opened = [];
  try {
    const resolved = { ...flags };
    if (flags.candidateModel) {
      opened.push(await resolveModelSpec(flags.candidateModel, "--candidate-model", flags, io));
      resolved.candidateModel = opened.at(-1).path;
    }
    const candidate = opened.at(-1);
    let baseline;
    if (flags.baselineModel) {
      baseline = await resolveModelSpec(flags.baselineModel, "--baseline-model", flags, io);
      opened.push(baseline);
      resolved.baselineModel = baseline.path;
    }
    const result = await run(resolved);
    const name = (side, f) => {
      if (!f || f.path === f.source) return;
      side.source = f.source;
      if (side.model) side.model = { ...side.model, path: f.source };
      if (f.registry) side.registry = f.registry;
    };
    name(result.comparison.candidate, candidate);
    name(result.comparison.baseline, baseline);
    const r = baseline?.registry;
    if (r) {
      result.comparison.notes.push(
        `baseline: ${r.name} v${r.version} from ${r.uri}${r.production ? " (production)" : " (not production)"}`
      );
    }
    return result;
  } finally {
    for (const f of opened) f.cleanup();
  }
}

// src/cli/commands/compare.ts
function registerCompare(program, io, exit) {
  return withReportOptions(
    withRegistryOptions(program.command("compare")).description("compare a candidate model with the production baseline, paired on the same rows, and gate it").option("--candidate-model <onnx>", "the new model").option(
      "--baseline-model <onnx>",
      "the production model: a path, git:REF:PATH, or registry:NAME[@vN] (NAME's production in --registry)"
    ).option("--data <file>", "with models: the test data both are evaluated on").option("--target <column>", "with models: the target column").option(
      "--task <task>",
      "auto | binary | multiclass | regression",
      choiceOption("--task", ["auto", "binary", "multiclass", "regression"]),
      "auto"
    ).option("--features <a,b>", "feature columns in model input order", listOption).option("--positive-label <label>", "binary: the positive class").option("--candidate <metrics.json>", "aggregate-only: the candidate's metrics.json").option(
      "--baseline <metrics.json|git:REF:PATH>",
      "aggregate-only: the baseline's metrics.json, e.g. git:origin/main:ml/metrics.json"
    ).option("--gates <file>", "gates YAML, or a modelguard.yml with a gates: section").option(
      "--confidence <c>",
      "confidence of the intervals (default 0.95)",
      numberOption("--confidence", { min: 0.5, max: 0.999 })
    ).option(
      "--resamples <n>",
      `bootstrap resamples (default 2000, at most ${MAX_RESAMPLES})`,
      numberOption("--resamples", { min: 1e3, max: MAX_RESAMPLES, integer: true })
    ).option(
      "--seed <n>",
      "bootstrap seed (default 0)",
      numberOption("--seed", { min: 0, max: MAX_SEED, integer: true })
    ).option(
      "--interval <method>",
      "auto (analytic from 50,000 rows, see README) | bootstrap | analytic (default auto, or the gates file's interval)",
      choiceOption("--interval", ["auto", "bootstrap", "analytic"])
    ).option("--metrics <a,b>", "metrics to show besides the gated ones (default: the task's usual set)", listOption).option(
      "--on-inconclusive <what>",
      "fail | warn | pass: the verdict when a gate's interval straddles its allowed change (default fail, or the gates file's on_inconclusive)",
      choiceOption("--on-inconclusive", ["fail", "warn", "pass"])
    ).option(
      "--slice-by <column>",
      "with models: also compare per value of this column, with intervals, slice gates (gates file `slices:`) and fairness gaps"
    ).option("--delimiter <c>", "CSV delimiter (default ,; 'tab' for tabs)", delimiterOption).option("--json", "print the comparison as JSON on stdout").option("--out <file>", "also write the comparison JSON to a file").option("--no-fail", "exit 0 even when a gate fails").option("--validation <file>", "with a report: the validate --out result to include").option("--drift <file>", "with a report: the drift --out result to include")
  ).action(async (flags) => {
    const { comparison, candidateMetrics, baselineMetrics } = await withResolvedModels(flags, io, compareCommand);
    const json = stringifyContract(comparison, 2);
    if (flags.out) writeOutputFile(flags.out, json + "\n");
    io.result?.({ kind: "comparison", value: comparison, path: flags.out ?? null });
    io.out(flags.json ? json : describeComparison(comparison));
    if (flags.report || flags.html || flags.summary || flags.comment) {
      await emitReport(
        {
          comparison,
          ...candidateMetrics ? { candidateMetrics } : {},
          ...baselineMetrics ? { baselineMetrics } : {},
          ...flags.validation ? { validation: readResult(flags.validation, "modelguard.validation") } : {},
          ...flags.drift ? { drift: readResult(flags.drift, "modelguard.drift") } : {}
        },
        { ...flags, reportId: flags.reportId ?? "default" },
        io
      );
    }
    if (comparison.verdict === "fail" && flags.fail) exit.code = 1;
    else if (comparison.verdict === "warn") warn(io, `comparison: ${comparison.reason}`);
    else if (comparison.outcome === "inconclusive")
      warn(io, `comparison passes only because on_inconclusive is pass: ${comparison.reason}`);
  });
}
function warn(io, message) {
  if (io.warning) io.warning(message);
  else io.err(`warning: ${message}`);
}
async function compareCommand(flags) {
  const policy = resolvePolicy(flags);
  const withModels = flags.candidateModel !== void 0 || flags.baselineModel !== void 0;
  const withMetrics = flags.candidate !== void 0 || flags.baseline !== void 0;
  if (withModels === withMetrics) {
    throw new ModelguardError(
      "usage",
      withModels ? "give either models (--candidate-model/--baseline-model) or metrics files (--candidate/--baseline), not both" : "compare needs two models or two metrics files",
      "paired: --candidate-model NEW.onnx --baseline-model PROD.onnx --data test.csv --target y; aggregates: --candidate metrics.json --baseline git:origin/main:ml/metrics.json"
    );
  }
  if (withMetrics) {
    if (!flags.candidate || !flags.baseline)
      throw new ModelguardError("usage", "aggregate comparison needs both --candidate and --baseline");
    if (flags.sliceBy !== void 0)
      throw new ModelguardError(
        "usage",
        "--slice-by needs the rows: it compares models (--candidate-model/--baseline-model with --data), not metrics files",
        "run compare with both models and --data to compare slices"
      );
    const candidate = readMetricsDocument(flags.candidate);
    const baseline = readMetricsDocument(flags.baseline);
    const comparison2 = compareAggregates({
      candidate,
      baseline,
      candidateSide: { source: flags.candidate, model: candidate.model },
      baselineSide: { source: flags.baseline, model: baseline.model },
      policy,
      ...flags.metrics ? { metrics: flags.metrics } : {}
    });
    return { comparison: comparison2, candidateMetrics: candidate, baselineMetrics: baseline };
  }
  if (!flags.candidateModel || !flags.baselineModel)
    throw new ModelguardError("usage", "paired comparison needs both --candidate-model and --baseline-model");
  if (!flags.data || !flags.target)
    throw new ModelguardError(
      "usage",
      "paired comparison needs --data and --target",
      "both models are evaluated on the same rows of --data"
    );
  const common = {
    data: flags.data,
    target: flags.target,
    ...flags.task ? { task: flags.task } : {},
    ...flags.features ? { features: flags.features } : {},
    ...flags.positiveLabel ? { positiveLabel: flags.positiveLabel } : {},
    ...flags.delimiter ? { load: { delimiter: flags.delimiter } } : {}
  };
  const [slices, evaluated] = await allInOrder([
    flags.sliceBy === void 0 ? void 0 : readSliceKey(flags.data, flags.sliceBy, flags.delimiter),
    evaluateModels([flags.candidateModel, flags.baselineModel], common)
  ]);
  const [cand, base] = [evaluated[0], evaluated[1]];
  const comparison = await compareModels({
    candidate: cand.predictions,
    baseline: base.predictions,
    candidateSide: { source: flags.candidateModel, model: cand.document.model },
    baselineSide: { source: flags.baselineModel, model: base.document.model },
    data: cand.document.data,
    pointMetrics: { candidate: cand.document.metrics, baseline: base.document.metrics },
    policy,
    ...flags.metrics ? { metrics: flags.metrics } : {},
    ...slices ? { slices: { column: flags.sliceBy, key: slices } } : {}
  });
  return { comparison, candidateMetrics: cand.document, baselineMetrics: base.document };
}
async function readSliceKey(data, column, delimiter) {
  const table = await loadTable(data, { ...delimiter ? { delimiter } : {}, columns: [column] });
  const col = getColumn(table, column);
  if (!col)
    throw new ModelguardError(
      "input",
      `${data}: slice column '${column}' not found`,
      "pass the name of a column of the data file with --slice-by",
      { file: data, column }
    );
  return sliceKeyOf(col, table.rowCount);
}
function resolvePolicy(flags) {
  const base = flags.gates ? readGatePolicy(flags.gates) : gatePolicyFrom({}, "flags");
  return {
    gates: base.gates,
    on_inconclusive: flags.onInconclusive ?? base.on_inconclusive,
    slices: base.slices,
    confidence: flags.confidence ?? base.confidence ?? DEFAULT_GATE_POLICY.confidence,
    resamples: flags.resamples ?? base.resamples ?? DEFAULT_GATE_POLICY.resamples,
    seed: flags.seed ?? base.seed ?? DEFAULT_GATE_POLICY.seed,
    interval: flags.interval ?? base.interval ?? "auto"
  };
}
function describeComparison(r) {
  const verdict = r.verdict.toUpperCase();
  const head = r.outcome === "inconclusive" ? `INCONCLUSIVE (verdict ${verdict})` : verdict;
  const pct = `${Number((r.confidence * 100).toFixed(1))}%`;
  const rows = r.metrics.map((m) => {
    const p = isProportionMetric(m.name);
    const relative = m.checks.some((k) => k.kind.includes("relative")) && m.ci_relative;
    return [
      m.name,
      formatValue(m.baseline, p),
      formatValue(m.candidate, p),
      formatDelta(m.delta, p),
      m.ci ? formatInterval(m.ci, p) + (relative ? `; relative ${formatRelativeInterval(m.ci_relative)}` : "") : "-",
      m.detectable_change === null ? "-" : formatDetectable(m.detectable_change, p),
      m.rule ?? "",
      m.status ?? ""
    ];
  });
  const analytic = r.metrics.some((m) => m.ci_method === "analytic");
  const how = r.paired ? `paired on ${r.rows} rows, ${analytic ? "analytic intervals where a note says so, else " : ""}${r.resamples} bootstrap resamples, ${pct} intervals; detectable = half the interval's width` : "aggregate metrics only: point values, no intervals";
  const lines = [
    `${head}: ${r.reason}`,
    "",
    formatTable(["metric", "baseline", "candidate", "change", `${pct} interval`, "detectable", "gate", "status"], rows),
    "",
    how
  ];
  const acc = r.metrics.find((m) => m.mcnemar);
  if (acc?.mcnemar) {
    lines.push(
      `McNemar (accuracy): baseline-only correct ${acc.mcnemar.baseline_only_correct}, candidate-only correct ${acc.mcnemar.candidate_only_correct}, exact p = ${formatNumber(acc.mcnemar.p_value)}`
    );
  }
  if (r.slices) {
    const s = r.slices;
    const p = isProportionMetric(s.metric);
    lines.push(
      "",
      `slices by ${s.column} (${s.metric}${s.rule ? `; gate ${s.rule}` : ", not gated"}):`,
      formatTable(
        [s.column, "rows", "baseline", "candidate", "change", `${pct} interval`, "status"],
        s.slices.map((x) => [
          x.value ?? "(missing)",
          String(x.size),
          formatValue(x.baseline, p),
          formatValue(x.candidate, p),
          formatDelta(x.delta, p),
          x.ci ? formatInterval(x.ci, p) : "-",
          x.status ?? (x.judged ? "" : `under ${s.min_size} rows`)
        ])
      )
    );
    for (const g of s.gaps)
      lines.push(
        `${g.model} ${g.kind.replace(/_/g, " ")} gap: ${g.high.value ?? "(missing)"} minus ${g.low.value ?? "(missing)"} = ${formatDelta(g.gap, true)}${g.ci ? ` (${pct} interval ${formatInterval(g.ci, true)})` : ""}`
      );
  }
  for (const n of r.notes) lines.push(`note: ${n}`);
  return lines.join("\n");
}
export {
  compareCommand,
  describeComparison,
  registerCompare
};
