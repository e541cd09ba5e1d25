import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  binaryCurve,
  rocAuc
} from "./chunk-BPVXUAZL.js";
import {
  logLoss
} from "./chunk-22WMU2UJ.js";
import {
  pairwiseSum
} from "./chunk-IX27OB3T.js";
import {
  contractNumber
} from "./chunk-NXWTCSVE.js";
import {
  cellText
} from "./chunk-IXAQPRDD.js";
import {
  ModelguardError,
  formatLocation
} from "./chunk-7XDOXOVQ.js";

// src/model/evaluate/sliceKeyOf.ts
var MAX_SLICES = 100;
var MISSING_SLICE = "\0missing";
function sliceKeyOf(column, rowCount) {
  const codes = new Int32Array(rowCount);
  const labels = [];
  const index = /* @__PURE__ */ new Map();
  const code = (key, label) => {
    let k = index.get(key);
    if (k === void 0) {
      k = labels.length;
      if (k === MAX_SLICES)
        throw new ModelguardError(
          "usage",
          `--slice-by '${column.name}' has more than ${MAX_SLICES} distinct values; slices are for groups`,
          "slice by a categorical column (or bin the numeric one into a few bands first)"
        );
      labels.push(label());
      index.set(key, k);
    }
    return k;
  };
  if (column.kind === "dictionary") {
    const byCode = new Int32Array(column.dictionary.length).fill(-1);
    let missing = -1;
    for (let i = 0; i < rowCount; i++) {
      const c = column.codes[i];
      if (c < 0) codes[i] = missing >= 0 ? missing : missing = code(MISSING_SLICE, () => MISSING_SLICE);
      else
        codes[i] = byCode[c] >= 0 ? byCode[c] : byCode[c] = code(column.dictionary[c], () => column.dictionary[c]);
    }
    return { codes, labels };
  }
  for (let i = 0; i < rowCount; i++) {
    if (column.valid[i] === 0) {
      const raw = column.invalid.get(i);
      codes[i] = raw === void 0 ? code(MISSING_SLICE, () => MISSING_SLICE) : code(`text:${raw}`, () => raw);
    } else {
      codes[i] = code(column.values[i], () => cellText(column, i));
    }
  }
  return { codes, labels };
}

// src/model/metrics/argmaxRows.ts
function argmaxRows(proba, classCount) {
  if (!Number.isInteger(classCount) || classCount < 1)
    throw new RangeError(`classCount must be >= 1, got ${classCount}`);
  if (proba.length % classCount !== 0)
    throw new RangeError(`proba has ${proba.length} values, not a multiple of ${classCount} classes`);
  const n = proba.length / classCount;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const base = i * classCount;
    let best = 0;
    let bestValue = proba[base];
    for (let k = 1; k < classCount; k++) {
      const v = proba[base + k];
      if (v > bestValue || bestValue !== bestValue && v === v) {
        best = k;
        bestValue = v;
      }
    }
    out[i] = best;
  }
  return out;
}

// src/model/metrics/averagePrecision.ts
function averagePrecision(curve) {
  const { tps, fps, positives } = curve;
  if (positives === 0) return void 0;
  const m = tps.length;
  const recall = (k) => tps[k] / tps[m - 1];
  const precision = (k) => tps[k] / (tps[k] + fps[k]);
  const terms = new Float64Array(m);
  for (let j = 0; j < m - 1; j++) terms[j] = (recall(m - 2 - j) - recall(m - 1 - j)) * precision(m - 1 - j);
  terms[m - 1] = (0 - recall(0)) * precision(0);
  return -pairwiseSum(terms);
}

// src/model/metrics/brierScore.ts
function brierScore(yTrue, proba, classCount, positiveIndex) {
  const n = yTrue.length;
  if (proba.length !== n * classCount)
    throw new RangeError(`proba has ${proba.length} values, expected ${n} rows x ${classCount} classes`);
  const terms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = (yTrue[i] === positiveIndex ? 1 : 0) - proba[i * classCount + positiveIndex];
    terms[i] = d * d;
  }
  return pairwiseSum(terms) / n;
}

// src/model/metrics/confusionMatrix.ts
function confusionMatrix(yTrue, yPred, classCount) {
  if (yTrue.length !== yPred.length)
    throw new RangeError(`yTrue has ${yTrue.length} rows but yPred has ${yPred.length}`);
  const counts = new Float64Array(classCount * classCount);
  for (let i = 0; i < yTrue.length; i++) {
    const t = yTrue[i];
    const p = yPred[i];
    if (!(t >= 0 && t < classCount && p >= 0 && p < classCount))
      throw new RangeError(`row ${i}: class index out of range 0..${classCount - 1} (true ${t}, predicted ${p})`);
    counts[t * classCount + p]++;
  }
  const out = [];
  for (let t = 0; t < classCount; t++) out.push(Array.from(counts.subarray(t * classCount, (t + 1) * classCount)));
  return out;
}

// src/model/metrics/expectedCalibrationError.ts
function expectedCalibrationError(yTrue, proba, classCount, bins = 10) {
  const n = yTrue.length;
  if (proba.length !== n * classCount)
    throw new RangeError(`proba has ${proba.length} values, expected ${n} rows x ${classCount} classes`);
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins must be a positive integer, got ${bins}`);
  const count = new Float64Array(bins);
  const correct = new Float64Array(bins);
  const confidence = new Float64Array(bins);
  for (let i = 0; i < n; i++) {
    const base = i * classCount;
    let top = 0;
    let conf = proba[base];
    for (let k = 1; k < classCount; k++) {
      if (proba[base + k] > conf) {
        conf = proba[base + k];
        top = k;
      }
    }
    const b = binOf(conf, bins);
    count[b]++;
    confidence[b] += conf;
    if (top === yTrue[i]) correct[b]++;
  }
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    const c = count[b];
    if (c === 0) continue;
    ece += c / n * Math.abs(correct[b] / c - confidence[b] / c);
  }
  return ece;
}
function binOf(x, bins) {
  let b = Math.ceil(x * bins) - 1;
  if (b < 0) return 0;
  if (b > bins - 1) b = bins - 1;
  while (b > 0 && x <= b / bins) b--;
  while (b < bins - 1 && x > (b + 1) / bins) b++;
  return b;
}

// src/model/metrics/perClassScores.ts
function perClassScores(confusion) {
  const c = confusion.length;
  const out = { precision: [], recall: [], f1: [], support: [], predicted: [] };
  for (let k = 0; k < c; k++) {
    const row = confusion[k];
    if (row.length !== c) throw new RangeError(`confusion matrix row ${k} has ${row.length} columns, expected ${c}`);
    let support = 0;
    let predicted = 0;
    for (let j = 0; j < c; j++) {
      support += row[j];
      predicted += confusion[j][k];
    }
    const tp = row[k];
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const denom = precision + recall;
    out.precision.push(precision);
    out.recall.push(recall);
    out.f1.push(denom === 0 ? 0 : 2 * precision * recall / denom);
    out.support.push(support);
    out.predicted.push(predicted);
  }
  return out;
}

// src/model/metrics/classificationMetrics.ts
var PROBABILITY_METRICS = ["roc_auc", "pr_auc", "log_loss", "brier", "ece"];
function classificationMetrics(input) {
  const { yTrue, proba, classes } = input;
  const c = classes.length;
  const n = yTrue.length;
  if (c < 2) throw new RangeError(`classification needs at least 2 classes, got ${c}`);
  if (n === 0) throw new RangeError("classification metrics need at least one row");
  for (let i = 0; i < n; i++) {
    const t = yTrue[i];
    if (!(t >= 0 && t < c)) throw new RangeError(`yTrue row ${i}: class index ${t} out of range 0..${c - 1}`);
  }
  if (proba !== void 0) checkProba(proba, n, c);
  const yPred = input.yPred ?? (proba === void 0 ? void 0 : argmaxRows(proba, c));
  if (yPred === void 0) throw new RangeError("classification metrics need yPred or proba");
  if (yPred.length !== n) throw new RangeError(`yTrue has ${n} rows but yPred has ${yPred.length}`);
  const binary = c === 2;
  const positive = input.positiveIndex ?? 1;
  if (input.positiveIndex !== void 0 && !binary)
    throw new RangeError("positiveIndex applies to binary problems only (C = 2)");
  if (positive !== 0 && positive !== 1) throw new RangeError(`positiveIndex must be 0 or 1, got ${positive}`);
  const confusion = confusionMatrix(yTrue, yPred, c);
  const s = perClassScores(confusion);
  const metrics = {};
  const notes = [];
  let correct = 0;
  for (let k = 0; k < c; k++) correct += confusion[k][k];
  metrics.accuracy = correct / n;
  const presentRecalls = [];
  for (let k = 0; k < c; k++) if (s.support[k] > 0) presentRecalls.push(s.recall[k]);
  metrics.balanced_accuracy = mean(presentRecalls);
  if (binary) {
    metrics.precision = s.precision[positive];
    metrics.recall = s.recall[positive];
    metrics.f1 = s.f1[positive];
  }
  const labels = [];
  for (let k = 0; k < c; k++) if (s.support[k] > 0 || s.predicted[k] > 0) labels.push(k);
  metrics.precision_macro = mean(labels.map((k) => s.precision[k]));
  metrics.recall_macro = mean(labels.map((k) => s.recall[k]));
  metrics.f1_macro = mean(labels.map((k) => s.f1[k]));
  metrics.f1_weighted = pairwiseSum(Float64Array.from(labels, (k) => s.f1[k] * s.support[k])) / pairwiseSum(Float64Array.from(labels, (k) => s.support[k]));
  if (proba === void 0) {
    for (const metric of PROBABILITY_METRICS)
      if (binary || metric !== "brier")
        notes.push({ metric, reason: "no probabilities: the model outputs labels only" });
  } else {
    rankingMetrics(yTrue, proba, classes, binary ? positive : -1, metrics, notes);
    metrics.log_loss = logLoss(yTrue, proba, c);
    if (binary) metrics.brier = brierScore(yTrue, proba, c, positive);
    metrics.ece = expectedCalibrationError(yTrue, proba, c, 10);
  }
  const per_class = classes.map((label, k) => ({
    label,
    precision: s.precision[k],
    recall: s.recall[k],
    f1: s.f1[k],
    support: s.support[k]
  }));
  return { metrics, per_class, confusion_matrix: confusion, notes };
}
function rankingMetrics(yTrue, proba, classes, positive, metrics, notes) {
  const c = classes.length;
  const n = yTrue.length;
  const targets = positive >= 0 ? [positive] : classes.map((_, k) => k);
  const rocs = [];
  const aps = [];
  const noPositives = [];
  const scores = new Float64Array(n);
  const isPositive = new Uint8Array(n);
  for (const k of targets) {
    for (let i = 0; i < n; i++) {
      scores[i] = proba[i * c + k];
      isPositive[i] = yTrue[i] === k ? 1 : 0;
    }
    const curve = binaryCurve(scores, isPositive);
    const roc = rocAuc(curve);
    const ap = averagePrecision(curve);
    if (curve.positives === 0) noPositives.push(classes[k]);
    if (roc !== void 0) rocs.push(roc);
    if (ap !== void 0) aps.push(ap);
  }
  const supports = new Float64Array(c);
  for (let i = 0; i < n; i++) supports[yTrue[i]]++;
  const present = classes.filter((_, k) => supports[k] > 0);
  if (rocs.length === targets.length) metrics.roc_auc = mean(rocs);
  else if (present.length === 1)
    notes.push({ metric: "roc_auc", reason: `only one class (${present[0]}) present in yTrue` });
  else
    notes.push({
      metric: "roc_auc",
      reason: `one-vs-rest ROC AUC is undefined for classes absent from yTrue: ${noPositives.join(", ")}`
    });
  if (aps.length === targets.length) metrics.pr_auc = mean(aps);
  else if (positive >= 0)
    notes.push({ metric: "pr_auc", reason: `positive class (${classes[positive]}) absent from yTrue` });
  else
    notes.push({
      metric: "pr_auc",
      reason: `average precision is undefined for classes absent from yTrue: ${noPositives.join(", ")}`
    });
  if (positive < 0 && metrics.roc_auc !== void 0) {
    let worst = 0;
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let k = 0; k < c; k++) sum += proba[i * c + k];
      if (Math.abs(1 - sum) > 1e-8 + 1e-5 * Math.abs(sum)) worst = Math.max(worst, Math.abs(1 - sum));
    }
    if (worst > 0)
      notes.push({
        metric: "roc_auc",
        reason: `probability rows do not sum to 1 (off by up to ${worst.toPrecision(3)}); scores ranked as given`
      });
  }
}
function checkProba(proba, n, c) {
  if (proba.length !== n * c)
    throw new RangeError(`proba has ${proba.length} values, expected ${n} rows x ${c} classes (row-major)`);
  for (let i = 0; i < proba.length; i++) {
    const p = proba[i];
    if (!(p >= 0 && p <= 1))
      throw new RangeError(`proba row ${Math.floor(i / c)}, class ${i % c}: ${p} is not a probability in [0, 1]`);
  }
}
function mean(values) {
  return pairwiseSum(Float64Array.from(values)) / values.length;
}

// src/model/metrics/regressionMetrics.ts
var EPS = 2220446049250313e-31;
function regressionMetrics(yTrue, yPred) {
  const n = yTrue.length;
  if (yPred.length !== n) throw new RangeError(`yTrue has ${n} rows but yPred has ${yPred.length}`);
  if (n === 0) throw new RangeError("regression metrics need at least one row");
  const sq = new Float64Array(n);
  const abs = new Float64Array(n);
  const pct = new Float64Array(n);
  let constant = true;
  const first = yTrue[0];
  for (let i = 0; i < n; i++) {
    const y = yTrue[i];
    const p = yPred[i];
    if (!Number.isFinite(y) || !Number.isFinite(p))
      throw new RangeError(`row ${i}: values must be finite (yTrue ${y}, yPred ${p})`);
    const d = y - p;
    sq[i] = d * d;
    abs[i] = Math.abs(p - y);
    pct[i] = abs[i] / Math.max(Math.abs(y), EPS);
    if (y !== first) constant = false;
  }
  const sse = pairwiseSum(sq);
  const mse = sse / n;
  const metrics = {
    mse,
    rmse: Math.sqrt(mse),
    mae: pairwiseSum(abs) / n
  };
  const notes = [];
  if (n < 2) {
    notes.push({ metric: "r2", reason: "R^2 is not defined with fewer than two rows" });
  } else {
    let residual = sse;
    let denominator = constant ? 0 : totalSquares(yTrue, 1);
    if (!Number.isFinite(residual) || !Number.isFinite(denominator)) {
      let max = 0;
      for (let i = 0; i < n; i++) max = Math.max(max, Math.abs(yTrue[i]), Math.abs(yPred[i]));
      const scale = Math.pow(2, Math.floor(Math.log2(max)));
      for (let i = 0; i < n; i++) sq[i] = ((yTrue[i] - yPred[i]) / scale) ** 2;
      residual = pairwiseSum(sq);
      denominator = constant ? 0 : totalSquares(yTrue, scale);
    }
    metrics.r2 = residual === 0 ? 1 : denominator === 0 ? 0 : 1 - residual / denominator;
    if (denominator === 0)
      notes.push({ metric: "r2", reason: "yTrue is constant: R^2 set to 1 for perfect predictions, else 0" });
  }
  metrics.mape = pairwiseSum(pct) / n;
  abs.sort();
  const mid = n >> 1;
  metrics.median_ae = n % 2 === 1 ? abs[mid] : (abs[mid - 1] + abs[mid]) / 2;
  return { metrics, notes };
}
function totalSquares(yTrue, scale) {
  const n = yTrue.length;
  const dev = new Float64Array(n);
  for (let i = 0; i < n; i++) dev[i] = yTrue[i] / scale;
  const mean2 = pairwiseSum(dev) / n;
  for (let i = 0; i < n; i++) {
    const d = yTrue[i] / scale - mean2;
    dev[i] = d * d;
  }
  return pairwiseSum(dev);
}

// src/model/metrics/slicedMetrics.ts
function slicedMetrics(target, slices, minSize = 30) {
  const n = target.yTrue.length;
  const { codes, labels } = slices;
  if (codes.length !== n) throw new RangeError(`${n} rows but ${codes.length} slice codes`);
  if (target.yPred !== void 0 && target.yPred.length !== n)
    throw new RangeError(`yTrue has ${n} rows but yPred has ${target.yPred.length}`);
  if (target.task === "classification" && target.proba !== void 0) {
    const expected = n * target.classes.length;
    if (target.proba.length !== expected)
      throw new RangeError(`proba has ${target.proba.length} values, expected ${n} rows x ${target.classes.length}`);
  }
  const s = labels.length;
  const counts = new Int32Array(s + 1);
  for (let i = 0; i < n; i++) {
    const code = codes[i];
    if (!(code >= 0 && code < s)) throw new RangeError(`row ${i}: slice code ${code} out of range 0..${s - 1}`);
    counts[code + 1]++;
  }
  for (let k = 0; k < s; k++) counts[k + 1] += counts[k];
  const order = new Int32Array(n);
  const next = counts.slice(0, s);
  for (let i = 0; i < n; i++) order[next[codes[i]]++] = i;
  const out = [];
  for (let k = 0; k < s; k++) {
    const rows = order.subarray(counts[k], counts[k + 1]);
    const size = rows.length;
    const entry = { slice: labels[k], size, judged: size >= minSize, metrics: {}, notes: [] };
    if (size === 0) {
      entry.notes.push({ metric: "*", reason: "the slice has no rows" });
    } else {
      const result = target.task === "classification" ? classifySlice(target, rows) : regressSlice(target, rows);
      entry.metrics = result.metrics;
      entry.notes = result.notes;
    }
    out.push(entry);
  }
  return out.sort((a, b) => a.slice < b.slice ? -1 : a.slice > b.slice ? 1 : 0);
}
function classifySlice(target, rows) {
  const c = target.classes.length;
  const proba = target.proba === void 0 ? void 0 : new Float64Array(rows.length * c);
  if (proba !== void 0) {
    for (let r = 0; r < rows.length; r++) {
      const i = rows[r];
      proba.set(target.proba.subarray(i * c, (i + 1) * c), r * c);
    }
  }
  return classificationMetrics({
    yTrue: pick(target.yTrue, rows),
    yPred: target.yPred === void 0 ? void 0 : pick(target.yPred, rows),
    proba,
    classes: target.classes,
    positiveIndex: target.positiveIndex
  });
}
function regressSlice(target, rows) {
  return regressionMetrics(pick(target.yTrue, rows), pick(target.yPred, rows));
}
function pick(values, rows) {
  const out = new values.constructor(rows.length);
  for (let r = 0; r < rows.length; r++) out[r] = values[rows[r]];
  return out;
}

// src/model/evaluate/classLabels.ts
var ClassLabels = class {
  constructor(labels) {
    this.labels = labels;
    labels.forEach((label, k) => {
      if (!this.byText.has(label)) this.byText.set(label, k);
      const v = asNumber(label);
      if (v !== void 0 && !this.byNumber.has(v)) this.byNumber.set(v, k);
    });
  }
  labels;
  byText = /* @__PURE__ */ new Map();
  byNumber = /* @__PURE__ */ new Map();
  /** Index of the class `text` names, or -1. */
  indexOf(text) {
    const k = this.byText.get(text);
    if (k !== void 0) return k;
    const v = asNumber(text);
    return v === void 0 ? -1 : this.byNumber.get(v) ?? -1;
  }
};
function asNumber(text) {
  if (text.trim() === "") return void 0;
  const v = Number(text);
  return Number.isFinite(v) ? v : void 0;
}
function sortLabels(labels) {
  const distinct = [...new Set(labels)];
  const numbers = distinct.map(asNumber);
  if (numbers.every((v) => v !== void 0)) {
    const order = distinct.map((label, i) => ({ label, v: numbers[i] }));
    return order.sort((a, b) => a.v - b.v).map((o) => o.label);
  }
  return distinct.sort(compareCodePoints);
}
function compareCodePoints(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 55296 && x <= 57343;
    const ys = y >= 55296 && y <= 57343;
    if (xs === ys) return x - y;
    return xs ? 1 : -1;
  }
  return a.length - b.length;
}
function distinctTargetTexts(column, rowCount, limit = Infinity) {
  if (column.kind === "dictionary") {
    const used = new Uint8Array(column.dictionary.length);
    const out2 = [];
    for (let i = 0; i < rowCount && out2.length < limit; i++) {
      const code = column.codes[i];
      if (code >= 0 && used[code] === 0) {
        used[code] = 1;
        out2.push(column.dictionary[code]);
      }
    }
    return out2;
  }
  const seen = new NumberIndex();
  const out = [];
  for (let i = 0; i < rowCount && out.length < limit; i++) {
    if (column.valid[i] === 0) continue;
    const v = column.values[i];
    if (seen.get(v) === void 0) {
      seen.set(v, out.length);
      out.push(cellText(column, i));
    }
  }
  return out;
}
var NumberIndex = class {
  keys = [];
  values = [];
  map;
  get(key) {
    const keys = this.keys;
    for (let k = 0; k < keys.length; k++) if (keys[k] === key) return this.values[k];
    return this.map?.get(key);
  }
  set(key, value) {
    if (this.keys.length < 8) {
      this.keys.push(key);
      this.values.push(value);
    } else (this.map ??= /* @__PURE__ */ new Map()).set(key, value);
  }
};
function targetClassIndices(table, column, classes, origin) {
  const n = table.rowCount;
  const out = new Int32Array(n);
  const fail = (row, text) => {
    const loc = { file: table.source, row, column: column.name };
    if (text === null)
      throw new ModelguardError(
        "input",
        `${formatLocation(loc)}: the target is missing`,
        "every evaluated row needs a label: drop the rows without one",
        loc
      );
    throw new ModelguardError(
      "input",
      `${formatLocation(loc)}: target value '${text}' is not among the model's classes (${classes.labels.join(", ")}; ${origin})`,
      "evaluate on data labelled like the training data, check --target, or store every class in the model's metadata as classes (a JSON array)",
      loc
    );
  };
  if (column.kind === "dictionary") {
    const byCode = Int32Array.from(column.dictionary, (text) => classes.indexOf(text));
    for (let i = 0; i < n; i++) {
      const code = column.codes[i];
      if (code < 0) fail(i, null);
      const k = byCode[code];
      if (k < 0) fail(i, column.dictionary[code]);
      out[i] = k;
    }
    return out;
  }
  const cache = new NumberIndex();
  for (let i = 0; i < n; i++) {
    if (column.valid[i] === 0) fail(i, column.invalid.get(i) ?? null);
    const v = column.values[i];
    let k = cache.get(v);
    if (k === void 0) {
      k = classes.indexOf(cellText(column, i));
      cache.set(v, k);
    }
    if (k < 0) fail(i, cellText(column, i));
    out[i] = k;
  }
  return out;
}
function targetValues(table, column) {
  const hint = "regression needs a number in every row of the target: fill or drop the other rows";
  if (column.kind === "numeric" && column.type !== "datetime" && column.type !== "boolean") {
    for (let i = 0; i < table.rowCount; i++) {
      const v = column.values[i];
      if (column.valid[i] !== 0 && Number.isFinite(v)) continue;
      const loc = { file: table.source, row: i, column: column.name };
      const raw = column.invalid.get(i);
      const what = column.valid[i] !== 0 ? `the target holds ${v}` : raw === void 0 ? "the target is missing" : `target value '${raw}' is not a number`;
      throw new ModelguardError(
        "input",
        `${formatLocation(loc)}: ${what}`,
        column.valid[i] !== 0 ? "regression needs a finite number in every row of the target: fix or drop the row" : hint,
        loc
      );
    }
    return column.values;
  }
  for (let i = 0; i < table.rowCount; i++) {
    const text = cellText(column, i);
    if (text === null || !Number.isFinite(Number(text))) {
      const loc = { file: table.source, row: i, column: column.name };
      throw new ModelguardError(
        "input",
        `${formatLocation(loc)}: target value ${text === null ? "is missing" : `'${text}' is not a number`} (a ${column.type} column)`,
        hint,
        loc
      );
    }
  }
  throw new ModelguardError(
    "input",
    `${formatLocation({ file: table.source, column: column.name })}: the target is a ${column.type} column, not numbers`,
    hint,
    { file: table.source, column: column.name }
  );
}

// src/model/evaluate/metricsDocument.ts
function reviveMetricsDocument(doc) {
  const revive = (m) => {
    if (typeof m !== "object" || m === null) return m;
    return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, contractNumber(v)]));
  };
  return {
    ...doc,
    metrics: revive(doc.metrics),
    ...Array.isArray(doc.slices) ? { slices: doc.slices.map((s) => ({ ...s, metrics: revive(s.metrics) })) } : {}
  };
}
function computeMetrics(predictions, slicing) {
  let out;
  if (predictions.task === "regression") {
    const r = regressionMetrics(predictions.yTrue, predictions.yPred);
    out = { task: "regression", metrics: r.metrics, notes: r.notes };
  } else {
    const { yTrue, yPred, proba, classes, positiveIndex } = predictions;
    const r = classificationMetrics({ yTrue, yPred, proba, classes, positiveIndex });
    out = {
      task: predictions.task,
      ...positiveIndex !== void 0 ? { positive_label: classes[positiveIndex] } : {},
      classes,
      metrics: r.metrics,
      per_class: r.per_class,
      confusion_matrix: r.confusion_matrix,
      notes: r.notes
    };
  }
  if (slicing) {
    const { column, minSize } = slicing;
    const key = sliceKeyOf(column, predictions.rowCount);
    const target = predictions.task === "regression" ? { task: "regression", yTrue: predictions.yTrue, yPred: predictions.yPred } : {
      task: "classification",
      yTrue: predictions.yTrue,
      yPred: predictions.yPred,
      proba: predictions.proba,
      classes: predictions.classes,
      positiveIndex: predictions.positiveIndex
    };
    const entries = slicedMetrics(target, key, minSize).map((s) => ({
      column: column.name,
      value: s.slice === MISSING_SLICE ? null : s.slice,
      size: s.size,
      judged: s.judged,
      metrics: s.metrics,
      notes: s.notes
    }));
    out.slices = entries.sort(sliceOrder(column));
  }
  return out;
}
function sliceOrder(column) {
  const numeric = column.kind === "numeric";
  return (a, b) => {
    if (a.value === null || b.value === null) return a.value === b.value ? 0 : a.value === null ? 1 : -1;
    if (numeric) {
      const x = Number(a.value);
      const y = Number(b.value);
      if (Number.isFinite(x) && Number.isFinite(y) && x !== y) return x - y;
    }
    return compareCodePoints(a.value, b.value);
  };
}

export {
  ClassLabels,
  sortLabels,
  distinctTargetTexts,
  targetClassIndices,
  targetValues,
  argmaxRows,
  binOf,
  classificationMetrics,
  regressionMetrics,
  MISSING_SLICE,
  sliceKeyOf,
  reviveMetricsDocument,
  computeMetrics
};
