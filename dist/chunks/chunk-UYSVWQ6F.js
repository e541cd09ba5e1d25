import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  formatDelta,
  formatInterval,
  formatParameter,
  isProportionMetric
} from "./chunk-J6QFQCEU.js";
import {
  readYamlFile
} from "./chunk-J3DWLQHK.js";
import {
  validateContract
} from "./chunk-BERRGJKQ.js";
import {
  didYouMean
} from "./chunk-QIDGOCBZ.js";
import {
  ModelguardError
} from "./chunk-7XDOXOVQ.js";

// src/compare/metricDirection.ts
var METRIC_DIRECTIONS = {
  accuracy: "higher",
  balanced_accuracy: "higher",
  precision: "higher",
  recall: "higher",
  f1: "higher",
  precision_macro: "higher",
  recall_macro: "higher",
  f1_macro: "higher",
  f1_weighted: "higher",
  roc_auc: "higher",
  pr_auc: "higher",
  r2: "higher",
  log_loss: "lower",
  brier: "lower",
  ece: "lower",
  mse: "lower",
  rmse: "lower",
  mae: "lower",
  mape: "lower",
  median_ae: "lower"
};
var DEFAULT_COMPARED_METRICS = {
  binary: ["accuracy", "balanced_accuracy", "f1", "roc_auc", "pr_auc", "log_loss", "brier"],
  multiclass: ["accuracy", "balanced_accuracy", "f1_macro", "f1_weighted", "roc_auc", "log_loss"],
  regression: ["rmse", "mae", "r2", "mape"]
};
var CLASSIFICATION_METRICS = [
  "accuracy",
  "balanced_accuracy",
  "precision",
  "recall",
  "f1",
  "precision_macro",
  "recall_macro",
  "f1_macro",
  "f1_weighted",
  "roc_auc",
  "pr_auc",
  "log_loss",
  "brier",
  "ece"
];
var BINARY_ONLY = /* @__PURE__ */ new Set(["precision", "recall", "f1", "brier"]);
var TASK_METRICS = {
  binary: CLASSIFICATION_METRICS,
  multiclass: CLASSIFICATION_METRICS.filter((m) => !BINARY_ONLY.has(m)),
  regression: ["mse", "rmse", "mae", "r2", "mape", "median_ae"]
};

// src/compare/gates.ts
var GATES_FILE_KEYS = [
  "$schema",
  "version",
  "gates",
  "confidence",
  "resamples",
  "seed",
  "on_inconclusive",
  "interval",
  "slices"
];
var DEFAULT_SLICE_MIN_SIZE = 200;
var RULE_KEYS = [
  "min",
  "max",
  "max_drop",
  "max_relative_drop",
  "max_increase",
  "max_relative_increase",
  "min_gain"
];
var MAX_RESAMPLES = 1e5;
var DEFAULT_GATE_POLICY = {
  confidence: 0.95,
  resamples: 2e3,
  seed: 0,
  on_inconclusive: "fail"
};
function readGatePolicy(path) {
  const value = readYamlFile(path, "config", "gates file");
  if (value === null || typeof value !== "object") {
    throw new ModelguardError(
      "config",
      `${path}: expected a mapping with a gates: section`,
      "see schemas/gates.schema.json",
      { file: path }
    );
  }
  const isProjectConfig = Object.keys(value).some((k) => !GATES_FILE_KEYS.includes(k));
  const problems = validateContract(isProjectConfig ? "config.schema.json" : "gates.schema.json", value);
  if (problems.length > 0) {
    throw new ModelguardError(
      "config",
      `${path}: ${problems.slice(0, 5).join("; ")}`,
      "see schemas/gates.schema.json",
      { file: path }
    );
  }
  return gatePolicyFrom(value, path);
}
function gatePolicyFrom(raw, source = "gates") {
  const finite = (key, value) => {
    if (value !== void 0 && !Number.isFinite(value)) {
      throw new ModelguardError(
        "config",
        `${source}: ${key}: must be a finite number, got ${value}`,
        "write the bound as a number (not .inf or .nan), or leave the rule out"
      );
    }
  };
  finite("confidence", raw.confidence);
  finite("resamples", raw.resamples);
  finite("seed", raw.seed);
  const gates = [];
  for (const [metric, g] of Object.entries(raw.gates ?? {})) {
    for (const k of RULE_KEYS) finite(`gates.${metric}.${k}`, g[k]);
    const known = METRIC_DIRECTIONS[metric];
    const direction = g.direction ?? known;
    if (!direction) {
      const guess = didYouMean(metric, Object.keys(METRIC_DIRECTIONS));
      throw new ModelguardError(
        "config",
        `${source}: gates.${metric}: unknown metric${guess ? ` (did you mean '${guess}'?)` : ""}`,
        "use a built-in metric name, or add `direction: higher` / `direction: lower` for a metric of your own metrics.json"
      );
    }
    const wrong = direction === "lower" ? ["max_drop", "max_relative_drop"].filter((k) => g[k] !== void 0) : ["max_increase", "max_relative_increase"].filter((k) => g[k] !== void 0);
    if (wrong.length > 0) {
      const fix = direction === "lower" ? wrong[0].replace("drop", "increase") : wrong[0].replace("increase", "drop");
      throw new ModelguardError(
        "config",
        `${source}: gates.${metric}.${wrong[0]}: ${metric} is ${direction === "lower" ? "lower" : "higher"}-is-better, so it cannot ${direction === "lower" ? "drop" : "increase"} into a regression`,
        `use ${fix} for ${metric}`
      );
    }
    if (g.min !== void 0 && g.max !== void 0 && g.min > g.max) {
      throw new ModelguardError("config", `${source}: gates.${metric}: min ${g.min} is above max ${g.max}`);
    }
    const { direction: _d, on_fail, ...rules } = g;
    gates.push({ metric, direction, on_fail: on_fail ?? "fail", ...rules });
  }
  return {
    gates,
    confidence: raw.confidence ?? DEFAULT_GATE_POLICY.confidence,
    resamples: raw.resamples ?? DEFAULT_GATE_POLICY.resamples,
    seed: raw.seed ?? DEFAULT_GATE_POLICY.seed,
    on_inconclusive: raw.on_inconclusive ?? DEFAULT_GATE_POLICY.on_inconclusive,
    slices: raw.slices ? sliceGateFrom(raw.slices, source, finite) : null,
    ...raw.interval !== void 0 ? { interval: raw.interval } : {}
  };
}
function sliceGateFrom(raw, source, finite) {
  finite("slices.min_size", raw.min_size);
  finite("slices.max_drop", raw.max_drop);
  finite("slices.max_increase", raw.max_increase);
  const metric = raw.metric ?? "accuracy";
  const direction = METRIC_DIRECTIONS[metric];
  if (!direction) {
    const guess = didYouMean(metric, Object.keys(METRIC_DIRECTIONS));
    throw new ModelguardError(
      "config",
      `${source}: slices.metric: unknown metric ${metric}${guess ? ` (did you mean '${guess}'?)` : ""}`,
      "gate slices on a built-in metric (accuracy, recall, rmse, ...)"
    );
  }
  const wrong = direction === "lower" ? raw.max_drop : raw.max_increase;
  if (wrong !== void 0) {
    const [bad, good] = direction === "lower" ? ["max_drop", "max_increase"] : ["max_increase", "max_drop"];
    throw new ModelguardError(
      "config",
      `${source}: slices.${bad}: ${metric} is ${direction}-is-better, so a regression is not ${direction === "lower" ? "a drop" : "an increase"}`,
      `use slices.${good} for ${metric}`
    );
  }
  return {
    metric,
    min_size: raw.min_size ?? DEFAULT_SLICE_MIN_SIZE,
    ...raw.max_drop !== void 0 ? { max_drop: raw.max_drop } : {},
    ...raw.max_increase !== void 0 ? { max_increase: raw.max_increase } : {},
    on_fail: raw.on_fail ?? "fail"
  };
}
function checkGateMetrics(gates, task, documentMetrics) {
  const ofTask = TASK_METRICS[task];
  const label = task === "regression" ? "regression" : `${task} classification`;
  for (const g of gates) {
    if (ofTask.includes(g.metric)) continue;
    const builtin = METRIC_DIRECTIONS[g.metric] !== void 0;
    if (!builtin && documentMetrics?.has(g.metric)) continue;
    const have = [...ofTask, ...[...documentMetrics ?? []].filter((m) => !ofTask.includes(m)).sort()];
    const guess = didYouMean(g.metric, have);
    throw new ModelguardError(
      "config",
      `gates.${g.metric}: ${builtin ? `${g.metric} is not a metric of ${label}` : `neither model has a metric ${g.metric}`}${guess ? ` (did you mean '${guess}'?)` : ""}; this comparison has: ${have.join(", ")}`,
      builtin ? "remove the gate, or gate one of the task's metrics (a gates file can only be shared by models of one task)" : documentMetrics ? "gate a metric both metrics.json files carry" : "a paired comparison computes the built-in metrics only: gate one of them, or compare metrics files (--candidate/--baseline) to gate a metric of your own"
    );
  }
}
function describeGate(g) {
  const parts = RULE_KEYS.filter((k) => g[k] !== void 0).map(
    (k) => `${k} ${formatRuleThreshold(g.metric, k, g[k])}`
  );
  return parts.join(", ") + (g.on_fail === "warn" ? " (warn only)" : "");
}
function formatRuleThreshold(metric, kind, threshold) {
  if (kind.includes("relative")) return `${formatParameter(threshold * 100)}% of baseline`;
  const proportion = isProportionMetric(metric);
  if (kind === "min" || kind === "max")
    return proportion ? `${formatParameter(threshold * 100)}%` : formatParameter(threshold);
  return proportion ? formatDelta(threshold, true).replace(/^\+/, "") : formatParameter(threshold);
}

// src/compare/judgeMetric.ts
function judgeMetric(name, gate, baseline, candidate, iv, confidence) {
  const direction = gate?.direction ?? METRIC_DIRECTIONS[name] ?? "higher";
  const delta = baseline !== null && candidate !== null ? candidate - baseline : null;
  const ci = iv && Number.isFinite(iv.delta[0]) && Number.isFinite(iv.delta[1]) ? iv.delta : null;
  const ciRelative = ci && iv?.relative ? iv.relative : null;
  const entry = {
    name,
    direction,
    baseline,
    candidate,
    delta,
    ci,
    ci_relative: ciRelative,
    detectable_change: ci ? (ci[1] - ci[0]) / 2 : null,
    rule: gate ? describeGate(gate) : null,
    checks: [],
    status: null,
    passed: null
  };
  if (!gate) return entry;
  entry.checks = gateChecks(name, gate, direction, candidate, delta, ci, ciRelative, baseline, confidence);
  entry.status = statusOf(entry.checks, gate.on_fail);
  entry.passed = entry.status === "pass";
  return entry;
}
function statusOf(checks, onFail) {
  if (checks.some((c) => c.outcome === "fail")) return onFail;
  if (checks.some((c) => c.outcome === "inconclusive")) return "inconclusive";
  return "pass";
}
function gateChecks(name, gate, direction, candidate, delta, ci, ciRelative, baseline, confidence) {
  const pct = `${Number((confidence * 100).toFixed(1))}%`;
  const proportion = isProportionMetric(name);
  const checks = [];
  const finite = (x) => x !== null && Number.isFinite(x);
  const value = (x) => proportion ? `${formatParameter(x * 100)}%` : formatParameter(x);
  const change = (x) => proportion ? formatDelta(x, true) : formatDelta(x, false);
  const percent = (x) => `${x > 0 ? "+" : ""}${formatParameter(Number((x * 100).toFixed(2)))}%`;
  const level = (kind, threshold) => {
    const ok = finite(candidate) && (kind === "min" ? candidate >= threshold : candidate <= threshold);
    checks.push({
      kind,
      threshold,
      measured: finite(candidate) ? candidate : null,
      outcome: ok ? "pass" : "fail",
      passed: ok,
      interval: null,
      description: `${kind === "min" ? "value >=" : "value <="} ${value(threshold)}: ${finite(candidate) ? value(candidate) : "no value"}`
    });
  };
  if (gate.min !== void 0) level("min", gate.min);
  if (gate.max !== void 0) level("max", gate.max);
  const changeRule = (kind, threshold, point, interval, worseSide, within, what, show) => {
    const worse = interval ? worseSide === "lower" ? interval[0] : interval[1] : point;
    const better = interval ? worseSide === "lower" ? interval[1] : interval[0] : point;
    let outcome;
    if (!finite(worse) || !finite(better)) outcome = "fail";
    else if (within(worse)) outcome = "pass";
    else if (!within(better)) outcome = "fail";
    else outcome = "inconclusive";
    const rule = `${what}${formatRuleThreshold(name, kind, threshold).replace(/ of baseline$/, "")}`;
    const shownInterval = show === change && proportion ? formatInterval(interval, true) : interval && `${show(interval[0])} to ${show(interval[1])}`;
    const judged = interval ? `${pct} interval ${shownInterval}, ${worseSide} bound judged` : finite(point) ? `point value ${show(point)}, no interval` : "no value";
    checks.push({
      kind,
      threshold,
      measured: finite(worse) ? worse : null,
      outcome,
      passed: outcome === "pass",
      interval: interval ? [interval[0], interval[1]] : null,
      description: `${rule} (${judged})`
    });
  };
  const relPoint = delta !== null && baseline ? delta / Math.abs(baseline) : null;
  if (gate.max_drop !== void 0) {
    const t = gate.max_drop;
    changeRule("max_drop", t, delta, ci, "lower", (x) => x >= -t, "change >= -", change);
  }
  if (gate.max_relative_drop !== void 0) {
    const t = gate.max_relative_drop;
    changeRule("max_relative_drop", t, relPoint, ciRelative, "lower", (x) => x >= -t, "relative change >= -", percent);
  }
  if (gate.max_increase !== void 0) {
    const t = gate.max_increase;
    changeRule("max_increase", t, delta, ci, "upper", (x) => x <= t, "change <= +", change);
  }
  if (gate.max_relative_increase !== void 0) {
    const t = gate.max_relative_increase;
    changeRule(
      "max_relative_increase",
      t,
      relPoint,
      ciRelative,
      "upper",
      (x) => x <= t,
      "relative change <= +",
      percent
    );
  }
  if (gate.min_gain !== void 0) {
    const t = gate.min_gain;
    const gain = delta === null ? null : direction === "higher" ? delta : -delta;
    const gainCi = ci ? direction === "higher" ? [ci[0], ci[1]] : [-ci[1], -ci[0]] : null;
    changeRule(
      "min_gain",
      t,
      gain,
      gainCi,
      "lower",
      (x) => x >= t,
      "improvement >= ",
      (x) => proportion ? formatDelta(x, true) : formatDelta(x, false)
    );
  }
  return checks;
}

// src/stats/normalQuantile.ts
function normalQuantile(p) {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r2 = 0.180625 - q * q;
    return q * (((((((r2 * 2509.0809287301227 + 33430.57558358813) * r2 + 67265.7709270087) * r2 + 45921.95393154987) * r2 + 13731.69376550946) * r2 + 1971.5909503065513) * r2 + 133.14166789178438) * r2 + 3.3871328727963665) / (((((((r2 * 5226.495278852546 + 28729.085735721943) * r2 + 39307.89580009271) * r2 + 21213.794301586597) * r2 + 5394.196021424751) * r2 + 687.1870074920579) * r2 + 42.31333070160091) * r2 + 1);
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let x;
  if (r <= 5) {
    r -= 1.6;
    x = (((((((r * 7745450142783414e-19 + 0.022723844989269184) * r + 0.2417807251774506) * r + 1.2704582524523684) * r + 3.6478483247632045) * r + 5.769497221460691) * r + 4.630337846156546) * r + 1.4234371107496835) / (((((((r * 10507500716444169e-25 + 5475938084995345e-19) * r + 0.015198666563616457) * r + 0.14810397642748008) * r + 0.6897673349851) * r + 1.6763848301838038) * r + 2.053191626637759) * r + 1);
  } else {
    r -= 5;
    x = (((((((r * 20103343992922881e-23 + 27115555687434876e-21) * r + 0.0012426609473880784) * r + 0.026532189526576124) * r + 0.29656057182850487) * r + 1.7848265399172913) * r + 5.463784911164114) * r + 6.657904643501103) / (((((((r * 20442631033899397e-31 + 1421511758316446e-22) * r + 18463183175100548e-21) * r + 7868691311456133e-19) * r + 0.014875361290850615) * r + 0.1369298809227358) * r + 0.599832206555888) * r + 1);
  }
  return q < 0 ? -x : x;
}

export {
  METRIC_DIRECTIONS,
  DEFAULT_COMPARED_METRICS,
  TASK_METRICS,
  DEFAULT_SLICE_MIN_SIZE,
  MAX_RESAMPLES,
  DEFAULT_GATE_POLICY,
  readGatePolicy,
  gatePolicyFrom,
  checkGateMetrics,
  describeGate,
  formatRuleThreshold,
  judgeMetric,
  statusOf,
  gateChecks,
  normalQuantile
};
