import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  sha256File
} from "./chunk-Z477IZJA.js";
import {
  CBPE_METRICS,
  calibrateProbability
} from "./chunk-IN4FC3XQ.js";
import {
  binaryCurve,
  rocAuc
} from "./chunk-BPVXUAZL.js";
import {
  writeCalibration
} from "./chunk-DBRIWJPI.js";
import "./chunk-R7MEBYWB.js";
import "./chunk-BERRGJKQ.js";
import {
  formatTable
} from "./chunk-TXLO3S3N.js";
import "./chunk-3YGHXF46.js";
import "./chunk-WKNXAUPU.js";
import {
  loadTable
} from "./chunk-TPKJ4BDL.js";
import "./chunk-LAIMP6IK.js";
import "./chunk-MYIUVGO5.js";
import "./chunk-FDVPQZHU.js";
import "./chunk-DYO4I62G.js";
import {
  cellText,
  getColumn
} from "./chunk-IXAQPRDD.js";
import {
  ModelguardError
} from "./chunk-7XDOXOVQ.js";
import "./chunk-3DORHFRE.js";

// src/performance/cbpe/fitIsotonicRegression.ts
function fitIsotonicRegression(x, y) {
  const n = x.length;
  if (y.length !== n) throw new RangeError(`${n} scores but ${y.length} targets`);
  if (n === 0) throw new RangeError("isotonic regression needs at least one point");
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => x[a] - x[b] || y[a] - y[b]);
  const ux = [];
  const uy = [];
  const uw = [];
  for (let k = 0; k < n; ) {
    const xv = x[order[k]];
    let sum = 0;
    let w = 0;
    while (k < n && x[order[k]] === xv) {
      sum += y[order[k]];
      w += 1;
      k++;
    }
    ux.push(xv);
    uy.push(sum / w);
    uw.push(w);
  }
  const fitted = poolAdjacentViolators(Float64Array.from(uy), Float64Array.from(uw));
  const m = fitted.length;
  const keepX = [];
  const keepY = [];
  for (let i = 0; i < m; i++) {
    if (i === 0 || i === m - 1 || fitted[i] !== fitted[i - 1] || fitted[i] !== fitted[i + 1]) {
      keepX.push(ux[i]);
      keepY.push(fitted[i]);
    }
  }
  return { x: Float64Array.from(keepX), y: Float64Array.from(keepY) };
}
function poolAdjacentViolators(y, w) {
  const n = y.length;
  const target = Int32Array.from({ length: n }, (_, i2) => i2);
  let i = 0;
  while (i < n) {
    let k = target[i] + 1;
    if (k === n) break;
    if (y[i] < y[k]) {
      i = k;
      continue;
    }
    let sumWy = w[i] * y[i];
    let sumW = w[i];
    for (; ; ) {
      const prevY = y[k];
      sumWy += w[k] * y[k];
      sumW += w[k];
      k = target[k] + 1;
      if (k === n || prevY < y[k]) {
        y[i] = sumWy / sumW;
        w[i] = sumW;
        target[i] = k - 1;
        target[k - 1] = i;
        if (i > 0) i = target[i - 1];
        break;
      }
    }
  }
  for (let s = 0; s < n; ) {
    const k = target[s] + 1;
    for (let j = s + 1; j < k; j++) y[j] = y[s];
    s = k;
  }
  return y;
}

// src/performance/cbpe/needsCalibration.ts
var FOLDS = 10;
var ECE_BINS = 10;
function needsCalibration(yTrue, score) {
  const n = yTrue.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += yTrue[i];
  if (positives === 0 || positives === n) return { calibrate: false, eceBefore: null, eceAfter: null };
  if (rocAuc(binaryCurve(score, yTrue)) > 0.999) return { calibrate: false, eceBefore: null, eceAfter: null };
  const fold = new Int32Array(n);
  const dealt = [0, 0];
  for (let i = 0; i < n; i++) fold[i] = dealt[yTrue[i]]++ % FOLDS;
  const heldY = [];
  const heldP = [];
  const heldC = [];
  for (let k = 0; k < FOLDS; k++) {
    const trainX = [];
    const trainY = [];
    for (let i = 0; i < n; i++) {
      if (fold[i] === k) continue;
      trainX.push(score[i]);
      trainY.push(yTrue[i]);
    }
    const fit = fitIsotonicRegression(Float64Array.from(trainX), Float64Array.from(trainY));
    for (let i = 0; i < n; i++) {
      if (fold[i] !== k) continue;
      heldY.push(yTrue[i]);
      heldP.push(score[i]);
      heldC.push(calibrateProbability(fit, score[i]));
    }
  }
  const eceBefore = equalFrequencyEce(heldY, heldP);
  const eceAfter = equalFrequencyEce(heldY, heldC);
  return { calibrate: eceBefore > eceAfter, eceBefore, eceAfter };
}
function equalFrequencyEce(y, p) {
  const n = p.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => p[a] - p[b] || a - b);
  const width = Math.floor(n / (n <= 2 * ECE_BINS ? Math.floor(n / 2) : ECE_BINS));
  const bins = Math.floor(n / width);
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    const left = b * width;
    const right = b === bins - 1 ? n : left + width;
    let sp = 0;
    let sy = 0;
    for (let k = left; k < right; k++) {
      sp += p[order[k]];
      sy += y[order[k]];
    }
    const count = right - left;
    ece += count / n * Math.abs(sp / count - sy / count);
  }
  return ece;
}

// src/performance/cbpe/samplingErrorComponents.ts
function samplingErrorComponents(yTrue, yPred, score) {
  const n = yTrue.length;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (let i = 0; i < n; i++) {
    if (yPred[i]) {
      if (yTrue[i]) tp++;
      else fp++;
    } else if (yTrue[i]) fn++;
    else tn++;
  }
  const f1Rows = tp + fp + fn;
  const f1Scale = f1Rows / ((fn + fp) * 0.5 + tp);
  const out = /* @__PURE__ */ Object.create(null);
  out.accuracy = { std: bernoulliStd(tp + tn, n), fraction: 1 };
  out.precision = { std: bernoulliStd(tp, tp + fp), fraction: (tp + fp) / n };
  out.recall = { std: bernoulliStd(tp, tp + fn), fraction: (tp + fn) / n };
  out.f1 = { std: bernoulliStd(tp, f1Rows) * f1Scale, fraction: f1Rows / n };
  out.roc_auc = aurocComponent(yTrue, score);
  for (const m of CBPE_METRICS) if (!Number.isFinite(out[m].std)) out[m] = { std: NaN, fraction: out[m].fraction };
  return out;
}
function bernoulliStd(ones, count) {
  if (count === 0) return NaN;
  const p = ones / count;
  return Math.sqrt(p * (1 - p));
}
function aurocComponent(yTrue, score) {
  const n = yTrue.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += yTrue[i];
  const flip = positives / n > 0.5;
  const s = flip ? Float64Array.from(score, (v) => 1 - v) : score;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => s[a] - s[b] || a - b);
  const ser = [];
  let k = 0;
  for (let r = 0; r < n; r++) {
    const y = flip ? 1 - yTrue[order[r]] : yTrue[order[r]];
    if (y === 1 && r > 0) ser.push(r - k++);
  }
  const nPos = flip ? n - positives : positives;
  const nNeg = n - nPos;
  if (ser.length === 0 || nNeg === 0) return { std: NaN, fraction: nPos / n };
  let mean = 0;
  for (const v of ser) mean += v / nNeg;
  mean /= ser.length;
  let ss = 0;
  for (const v of ser) ss += (v / nNeg - mean) ** 2;
  return { std: Math.sqrt(ss / ser.length), fraction: nPos / n };
}

// src/performance/cbpe/buildCbpeCalibration.ts
function buildCbpeCalibration(rows, meta) {
  const { score, yTrue, yPred } = rows;
  const n = score.length;
  const check = needsCalibration(yTrue, score);
  const fit = check.calibrate ? fitIsotonicRegression(score, Float64Array.from(yTrue)) : null;
  const components = samplingErrorComponents(yTrue, yPred, score);
  const sampling = /* @__PURE__ */ Object.create(null);
  for (const m of CBPE_METRICS) sampling[m] = jsonComponent(components[m]);
  let positives = 0;
  for (let i = 0; i < n; i++) positives += yTrue[i];
  return {
    kind: "modelguard.calibration",
    version: 1,
    positive_class: meta.positiveClass,
    negative_class: meta.negativeClass,
    threshold: meta.threshold ?? 0.5,
    predictions: { path: meta.path, sha256: meta.sha256, rows: n, positives },
    check: { calibrate: check.calibrate, ece_before: check.eceBefore, ece_after: check.eceAfter },
    isotonic: fit ? { x: Array.from(fit.x), y: Array.from(fit.y) } : null,
    sampling_error: sampling,
    reference_metrics: realizedMetrics(yTrue, yPred, score)
  };
}
function jsonComponent(c) {
  return { std: Number.isFinite(c.std) ? c.std : null, fraction: c.fraction };
}
function realizedMetrics(yTrue, yPred, score) {
  const n = yTrue.length;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < n; i++) {
    if (yPred[i] && yTrue[i]) tp++;
    else if (yPred[i]) fp++;
    else if (yTrue[i]) fn++;
  }
  const out = /* @__PURE__ */ Object.create(null);
  out.accuracy = n > 0 ? (n - fp - fn) / n : null;
  out.precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  out.recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  out.f1 = 2 * tp + fp + fn > 0 ? 2 * tp / (2 * tp + fp + fn) : 0;
  out.roc_auc = n > 0 ? rocAuc(binaryCurve(score, yTrue)) ?? null : null;
  return out;
}

// src/performance/cbpe/readLabelledPredictions.ts
var HINT = "write it with `modelguard evaluate --model model.onnx --data test.csv --predictions preds.csv`";
async function readLabelledPredictions(path, positiveLabel) {
  const fail = (message, line) => new ModelguardError("input", message, HINT, { file: path, ...line !== void 0 ? { line } : {} });
  const table = await loadTable(path, {
    format: "csv",
    naValues: [""],
    types: { label: "string", target: "string" }
  });
  const probaColumns = table.columns.filter((c) => c.name.startsWith("p_"));
  const label = getColumn(table, "label");
  const target = getColumn(table, "target");
  if (!label || !target || probaColumns.length !== 2)
    throw fail(
      `${path}: expected a binary classifier's predictions with probabilities (columns label, p_<class> for both classes, target); found ${table.columns.map((c) => c.name).slice(0, 8).join(", ")}`
    );
  const classes = probaColumns.map((c) => c.name.slice(2));
  const positive = positiveLabel ?? classes[1];
  const p = classes.indexOf(positive);
  if (p < 0) throw fail(`${path}: --positive-label '${positive}' is not one of its classes (${classes.join(", ")})`);
  const negative = classes[1 - p];
  const proba = probaColumns[p];
  const n = table.rowCount;
  if (n === 0) throw fail(`${path}: no rows`);
  const score = new Float64Array(n);
  const yTrue = new Uint8Array(n);
  const yPred = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const line = i + 2;
    const s = proba.kind === "numeric" && proba.valid[i] ? proba.values[i] : NaN;
    if (!(s >= 0 && s <= 1))
      throw fail(
        `${path}, line ${line}: ${proba.name} is '${cellText(proba, i) ?? ""}', not a probability in [0, 1]`,
        line
      );
    score[i] = s;
    const t = cellText(target, i);
    const l = cellText(label, i);
    if (t !== positive && t !== negative)
      throw fail(`${path}, line ${line}: target '${t ?? ""}' is neither '${positive}' nor '${negative}'`, line);
    if (l !== positive && l !== negative)
      throw fail(`${path}, line ${line}: label '${l ?? ""}' is neither '${positive}' nor '${negative}'`, line);
    yTrue[i] = t === positive ? 1 : 0;
    yPred[i] = l === positive ? 1 : 0;
  }
  return { positiveClass: positive, negativeClass: negative, score, yTrue, yPred };
}

// src/cli/commands/calibrate.ts
var EXAMPLE = "e.g. modelguard calibrate --predictions preds.csv -o calibration.json";
function registerCalibrate(program, io) {
  program.command("calibrate").description("learn the calibration the monitor's estimated performance needs, from labelled predictions").option("--predictions <csv>", "per-row predictions of a binary classifier (modelguard evaluate --predictions)").option("-o, --output <file>", "where to write calibration.json").option("--positive-label <label>", "the positive class (default: the second class, as evaluate's)").option("--json", "print the calibration on stdout").action(async (flags) => {
    if (!flags.predictions) throw new ModelguardError("usage", "calibrate needs --predictions FILE", EXAMPLE);
    if (!flags.output && !flags.json)
      throw new ModelguardError("usage", "calibrate needs -o FILE or --json", EXAMPLE);
    const rows = await readLabelledPredictions(flags.predictions, flags.positiveLabel);
    const calibration = buildCbpeCalibration(rows, {
      positiveClass: rows.positiveClass,
      negativeClass: rows.negativeClass,
      path: flags.predictions,
      sha256: await sha256File(flags.predictions)
    });
    if (flags.output) writeCalibration(flags.output, calibration);
    if (flags.json) {
      io.out(JSON.stringify(calibration, null, 2));
      return;
    }
    const c = calibration.check;
    const ece = (v) => v === null ? "-" : v.toFixed(4);
    io.out(
      `${calibration.predictions.rows} rows, positive class '${calibration.positive_class}' (${calibration.predictions.positives} positives)
` + (c.calibrate ? `isotonic calibration used: cross-validated ECE ${ece(c.ece_before)} -> ${ece(c.ece_after)} (${calibration.isotonic.x.length} points)` : c.ece_before === null ? "probabilities used as they are (one class only, or the classes are separated)" : `probabilities used as they are: calibration would not lower the cross-validated ECE (${ece(c.ece_before)} -> ${ece(c.ece_after)})`) + "\n" + formatTable(
        ["metric", "reference", "sampling std"],
        CBPE_METRICS.map((m) => [
          m,
          calibration.reference_metrics[m]?.toFixed(4) ?? "-",
          calibration.sampling_error[m].std?.toFixed(4) ?? "-"
        ])
      ) + `
wrote ${flags.output}`
    );
  });
}
export {
  registerCalibrate
};
