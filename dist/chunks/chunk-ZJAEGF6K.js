import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  require_lib
} from "./chunk-XLYBM3RQ.js";
import {
  reviveDriftReport
} from "./chunk-SVB6GALK.js";
import {
  reviveMetricsDocument
} from "./chunk-56NJ2FAC.js";
import {
  isAuthorLogin,
  readPullRequestContext,
  upsertPullRequestComment
} from "./chunk-ZMVQBOI5.js";
import {
  NO_VALUE,
  createGitHubClient,
  escapeMarkdown,
  formatBytes,
  formatChartNumber,
  formatCount,
  formatDelta,
  formatDetectable,
  formatDuration,
  formatInterval,
  formatMetric,
  formatPValue,
  formatParameter,
  formatPercent,
  formatRelativeInterval,
  formatValue,
  githubAuthFromEnv,
  isGitHubError,
  isProportionMetric,
  redactSecrets,
  reportMarker,
  sanitizeText
} from "./chunk-J6QFQCEU.js";
import {
  contractNumber
} from "./chunk-NXWTCSVE.js";
import {
  validateContract
} from "./chunk-BERRGJKQ.js";
import {
  didYouMean
} from "./chunk-QIDGOCBZ.js";
import {
  workflowWarning
} from "./chunk-TXLO3S3N.js";
import {
  writeOutputFile
} from "./chunk-WKNXAUPU.js";
import {
  packageRoot,
  readBoundedTextFile
} from "./chunk-MYIUVGO5.js";
import {
  ModelguardError,
  isModelguardError
} from "./chunk-7XDOXOVQ.js";
import {
  __toESM
} from "./chunk-3DORHFRE.js";

// src/cli/commands/report.ts
import { execFileSync } from "node:child_process";

// src/compare/comparisonResult.ts
function reviveComparison(c) {
  const num2 = (x) => contractNumber(x);
  return {
    ...c,
    metrics: c.metrics.map((m) => ({
      ...m,
      baseline: num2(m.baseline),
      candidate: num2(m.candidate),
      delta: num2(m.delta),
      ci: m.ci === null ? null : [num2(m.ci[0]), num2(m.ci[1])],
      ci_relative: m.ci_relative ? [num2(m.ci_relative[0]), num2(m.ci_relative[1])] : null,
      detectable_change: num2(m.detectable_change ?? null),
      checks: m.checks.map((k) => ({
        ...k,
        measured: num2(k.measured),
        interval: k.interval ? [num2(k.interval[0]), num2(k.interval[1])] : null,
        outcome: k.outcome ?? (k.passed ? "pass" : "fail")
      }))
    })),
    // Comparisons written before the inconclusive outcome existed: their verdict is what the evidence showed.
    outcome: c.outcome ?? c.verdict,
    on_inconclusive: c.on_inconclusive ?? "fail"
  };
}

// src/report/renderReport.ts
var import_handlebars3 = __toESM(require_lib(), 1);

// src/report/reportHelpers.ts
var import_handlebars = __toESM(require_lib(), 1);

// src/report/escapeHtml.ts
var HTML_ENTITIES = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;",
  "=": "&#61;"
};
function escapeHtml(text2) {
  return sanitizeText(text2).replace(/[&<>"'`=]/g, (c) => HTML_ENTITIES[c]);
}

// src/report/reportHelpers.ts
function statusIcon(status) {
  switch (status) {
    case "pass":
      return "✅";
    case "fail":
      return "❌";
    case "warn":
      return "⚠️";
    case "none":
      return "ℹ️";
    case "inconclusive":
      return "❔";
    default:
      return NO_VALUE;
  }
}
function isPlainUrl(url) {
  return typeof url === "string" && url.length <= 2e3 && /^https?:\/\/[A-Za-z0-9\-._~:/?&=%+,;!]+$/.test(url);
}
function registerReportHelpers(env, format) {
  const trusted = (s) => format === "markdown" ? new import_handlebars.default.SafeString(s) : s;
  const escape = format === "markdown" ? escapeMarkdown : escapeHtml;
  const text2 = (x) => x === null || x === void 0 ? "" : String(x);
  env.registerHelper("fmtMetric", (x) => trusted(formatMetric(num(x))));
  env.registerHelper("fmtValue", (x, p) => trusted(formatValue(num(x), p === true)));
  env.registerHelper("fmtDetectable", (x, p) => trusted(formatDetectable(num(x), p === true)));
  env.registerHelper("fmtRelInterval", (ci) => trusted(formatRelativeInterval(pair(ci))));
  env.registerHelper("fmtDelta", (d, p) => trusted(formatDelta(num(d), p === true)));
  env.registerHelper("fmtInterval", (ci, p) => trusted(formatInterval(pair(ci), p === true)));
  env.registerHelper("fmtNumber", (x) => trusted(formatParameter(num(x))));
  env.registerHelper("fmtP", (p) => trusted(formatPValue(num(p))));
  env.registerHelper("fmtInt", (n2) => trusted(formatCount(num(n2))));
  env.registerHelper("fmtPercent", (f) => trusted(formatPercent(num(f))));
  env.registerHelper("fmtBytes", (n2) => trusted(formatBytes(num(n2))));
  env.registerHelper("fmtDuration", (ms) => trusted(formatDuration(num(ms))));
  env.registerHelper("statusIcon", (s) => trusted(statusIcon(s)));
  env.registerHelper(
    "escape",
    (x) => x instanceof import_handlebars.default.SafeString ? x : new import_handlebars.default.SafeString(escape(text2(x)))
  );
  env.registerHelper(
    "md",
    (x) => x instanceof import_handlebars.default.SafeString ? x : new import_handlebars.default.SafeString(escape(text2(x)))
  );
  env.registerHelper("code", (x) => {
    const s = text2(x);
    if (format === "html") return new import_handlebars.default.SafeString(`<code>${escapeHtml(s)}</code>`);
    return new import_handlebars.default.SafeString(/^[0-9A-Fa-f]{1,128}$/.test(s) ? `\`${s}\`` : escapeMarkdown(s));
  });
  env.registerHelper("link", (label, url) => {
    const l = text2(label);
    if (format === "html")
      return new import_handlebars.default.SafeString(
        isPlainUrl(url) ? `${escapeHtml(l)} <span class="url">${escapeHtml(url)}</span>` : escapeHtml(l)
      );
    return new import_handlebars.default.SafeString(isPlainUrl(url) ? `[${escapeMarkdown(l)}](${url})` : escapeMarkdown(l));
  });
  env.registerHelper("eq", (a, b) => a === b);
  env.registerHelper(
    "plural",
    (n2, one, many) => trusted(escape(text2(n2 === 1 ? one : many)))
  );
}
function num(x) {
  return typeof x === "number" ? x : null;
}
function pair(x) {
  return Array.isArray(x) && x.length === 2 && typeof x[0] === "number" && typeof x[1] === "number" ? [x[0], x[1]] : null;
}

// src/report/escapeMermaidLabel.ts
function escapeMermaidLabel(text2, max = 40) {
  const kept = sanitizeText(text2).replace(/[^\p{L}\p{M}\p{N} _.,:+\-/()=]/gu, "?").replace(/\s+/g, " ").trim();
  const chars = Array.from(kept);
  const label = chars.length > max ? chars.slice(0, max - 3).join("") + "..." : kept;
  return label === "" ? "(blank)" : label;
}

// src/report/mermaidCharts.ts
var MERMAID_MAX_BARS = 20;
function mermaidDeltaChart(data, max = MERMAID_MAX_BARS) {
  const shown = [...data.items].sort((a, b) => Math.abs(b.value) - Math.abs(a.value)).slice(0, max);
  const unit = data.unit === "pp" ? " pp" : "%";
  const labels = shown.map((x) => {
    const sign = x.value > 0 ? "+" : x.value < 0 ? "-" : "";
    const how = x.better === null ? "no change" : x.better ? "better" : "worse";
    return `${escapeMermaidLabel(x.name, 28)}: ${sign}${formatChartNumber(Math.abs(x.value), 2)}${unit} (${how})`;
  });
  const top = Math.max(...shown.map((x) => Math.abs(x.value)), 0.01) * 1.1;
  const title = data.unit === "pp" ? "Metric changes, candidate vs baseline (percentage points)" : "Metric changes, candidate vs baseline (% of the baseline)";
  const lines = [
    "```mermaid",
    "xychart-beta horizontal",
    `    title "${title}"`,
    `    x-axis [${labels.map((l) => `"${l}"`).join(", ")}]`,
    `    y-axis "size of the change (${data.unit === "pp" ? "pp" : "% of baseline"})" 0 --> ${formatChartNumber(top, 4)}`,
    `    bar [${shown.map((x) => formatChartNumber(Math.abs(x.value), 4)).join(", ")}]`,
    "```"
  ];
  const caption = [
    "Bar length is the size of each change; the label gives its sign and whether it is better or worse.",
    data.items.length > shown.length ? `Largest ${shown.length} of ${formatCount(data.items.length)} changes.` : "",
    data.leftOut.length > 0 ? `Not charted: ${escapeMarkdown(data.leftOut.slice(0, 10).join(", "))}${data.leftOut.length > 10 ? " and more" : ""} (${data.unit === "pp" ? "not proportions" : "no baseline to compare with"}).` : ""
  ].filter(Boolean).join(" ");
  return `${lines.join("\n")}

<sub>${caption}</sub>`;
}
function mermaidPsiChart(data, max = MERMAID_MAX_BARS) {
  const shown = data.items.slice(0, max);
  const largest = Math.max(...shown.map((x) => x.psi), data.threshold ?? 0, 0.01);
  const cap = data.threshold !== null ? Math.min(largest, data.threshold * 5) : largest;
  const top = cap * 1.1;
  const cut = shown.some((x) => x.psi > cap);
  const labels = shown.map(
    (x) => `${escapeMermaidLabel(x.name, 32)}: ${formatMetric(x.psi)}${x.drifted ? " (drifted)" : ""}${x.psi > cap ? " ✂" : ""}`
  );
  const lines = [
    "```mermaid",
    "xychart-beta horizontal",
    `    title "PSI per feature${data.items.length > shown.length ? `, largest ${shown.length} of ${formatCount(data.items.length)}` : ""}"`,
    `    x-axis [${labels.map((l) => `"${l}"`).join(", ")}]`,
    `    y-axis "PSI${cut ? ` (axis cut at ${formatParameter(cap)})` : ""}" 0 --> ${formatChartNumber(top, 4)}`,
    `    bar [${shown.map((x) => formatChartNumber(Math.min(x.psi, cap), 4)).join(", ")}]`
  ];
  if (data.threshold !== null)
    lines.push(`    line [${shown.map(() => formatChartNumber(data.threshold, 4)).join(", ")}]`);
  lines.push("```");
  const caption = [
    data.threshold !== null ? `The line is the PSI threshold, ${formatParameter(data.threshold)}.` : "",
    cut ? `Bars marked ✂ are cut at ${formatParameter(cap)} (five times the threshold); their label has the value.` : "",
    "Labels give each feature's PSI and mark drifted features."
  ].filter(Boolean).join(" ");
  return `${lines.join("\n")}

<sub>${caption}</sub>`;
}

// src/report/displayPath.ts
import { isAbsolute, relative, sep } from "node:path";
function displayPath(path, base) {
  if (!isAbsolute(path)) return path;
  if (base !== void 0 && isAbsolute(base)) {
    const rel = relative(base, path);
    if (rel === "") return ".";
    if (!rel.startsWith("..") && !isAbsolute(rel)) return rel.split(sep).join("/");
  }
  const parts = path.split(/[\\/]+/).filter(Boolean);
  return parts.length <= 2 ? parts.join("/") : `…/${parts.slice(-2).join("/")}`;
}

// src/report/reportModel.ts
var MAX_QUALITY_ROWS = 20;
var MAX_NAME = 200;
var MAX_TEXT = 600;
var MAX_REASON = 2e3;
var MAX_MATRIX_CLASSES = 30;
var MAX_SLICE_METRICS = 4;
function buildReportModel(input, reportId, pathBase) {
  const show = (p) => displayPath(p, pathBase);
  const comparison = input.comparison ? comparisonModel(input.comparison, show) : null;
  const validation = input.validation ? validationModel(input.validation, show) : null;
  const drift = input.drift ? driftModel(input.drift, show) : null;
  const metricsDoc = input.candidateMetrics;
  const id = reportId === void 0 || reportId === "" ? null : clip(reportId, MAX_NAME);
  const sliceComparison = input.comparison?.slices ? sliceComparisonModel(input.comparison.slices, input.comparison.confidence) : null;
  return {
    reportId: id,
    titleId: id === "default" ? null : id,
    verdict: verdictModel(input, validation, drift, show),
    comparison,
    candidateMetrics: !comparison && metricsDoc ? candidateMetricsModel(metricsDoc) : null,
    validation,
    drift,
    confusion: [
      metricsDoc ? confusionModel(metricsDoc, "candidate", show) : null,
      input.baselineMetrics ? confusionModel(input.baselineMetrics, "baseline", show) : null
    ].filter((x) => x !== null),
    slices: !sliceComparison && metricsDoc?.slices?.length ? slicesModel(metricsDoc, input.comparison) : null,
    sliceComparison,
    facts: factRows(input, show),
    deltaChart: comparison ? deltaChartData(comparison.rows) : null,
    psiChart: drift ? psiChartData(input.drift) : null
  };
}
function clip(s, max) {
  if (s.length <= max) return s;
  const chars = Array.from(s);
  return chars.length <= max ? s : chars.slice(0, max - 1).join("") + "…";
}
var plural = (n2, one, many) => `${formatCount(n2)} ${n2 === 1 ? one : many}`;
var sentence = (s) => s === "" ? s : s[0].toUpperCase() + s.slice(1);
function verdictModel(input, validation, drift, show) {
  const parts = [];
  const c = input.comparison;
  if (c)
    parts.push({
      status: c.verdict,
      reason: clip(c.reason, MAX_REASON),
      // An inconclusive outcome says so whatever on_inconclusive made of it: "not enough evidence" is not a failure.
      headline: c.outcome === "inconclusive" ? {
        fail: ["Inconclusive", "not enough evidence, so the candidate may not replace production"],
        warn: ["Inconclusive", "not enough evidence; the candidate may replace production, with a warning"],
        pass: [
          "Inconclusive",
          "not enough evidence; the candidate may replace production (on_inconclusive: pass)"
        ]
      } : {
        pass: ["Pass", "the candidate may replace production"],
        warn: ["Warn", "the candidate passes, with warnings"],
        fail: ["Fail", "the candidate may not replace production"]
      }
    });
  if (validation)
    parts.push({
      status: validation.status,
      reason: `Data validation: ${validation.headline}`,
      headline: {
        pass: ["Pass", "data checks pass"],
        warn: ["Warn", "data validation has warnings"],
        fail: ["Fail", "data validation failed"]
      }
    });
  if (drift) {
    const what = drift.datasetDrifted ? "the data drifted" : "data quality failed";
    parts.push({
      status: drift.status,
      reason: drift.headline,
      headline: {
        pass: ["Pass", "no dataset drift"],
        warn: ["Warn", what],
        fail: ["Fail", what]
      }
    });
  }
  const of = (label2, title2) => ({ label: label2, title: sentence(title2), headline: `${label2}: ${title2}` });
  if (parts.length === 0)
    return {
      status: "none",
      ...of("Info", "candidate metrics only, no gate"),
      reason: input.candidateMetrics ? `Metrics of ${clip(show(input.candidateMetrics.model.path), MAX_NAME)} on ${formatCount(input.candidateMetrics.data.rows)} rows; no baseline was compared.` : "Nothing to report: no comparison, metrics, validation or drift result was given.",
      also: []
    };
  const rank = { pass: 0, warn: 1, fail: 2 };
  const worst = parts.reduce((w, p) => rank[p.status] > rank[w.status] ? p : w, parts[0]);
  const lead = rank[parts[0].status] === rank[worst.status] ? parts[0] : worst;
  const [label, title] = lead.headline[worst.status];
  return {
    status: worst.status,
    ...of(label, title),
    reason: lead.reason,
    also: parts.filter((p) => p !== lead && p.status !== "pass").map((p) => p.reason)
  };
}
function intervalBasis(c, pct) {
  const bootstrap = `, ${formatCount(c.resamples)} bootstrap resamples: intervals are ${pct} percentile bootstrap intervals of the change.`;
  const analytic = c.metrics.filter((m) => m.ci_method === "analytic").map((m) => clip(m.name, MAX_NAME));
  if (analytic.length === 0) return bootstrap;
  const rest = c.metrics.some((m) => m.ci && m.ci_method !== "analytic");
  return `: intervals are ${pct} analytic intervals of the change (estimate ± z × standard error: DeLong for ROC AUC, the delta method for ratios, the normal approximation for means) for ${analytic.join(", ")}${rest ? `; the others are percentile bootstrap intervals (${formatCount(c.resamples)} resamples)` : ""}.`;
}
function comparisonModel(c, show) {
  const pct = `${Number((c.confidence * 100).toFixed(1))}%`;
  const basis = c.paired ? `Paired on the same ${c.rows !== null ? `${formatCount(c.rows)} ` : ""}rows${intervalBasis(c, pct)} A change rule passes when the interval's worse bound is within the allowed change, fails when the whole interval is beyond it, and is inconclusive when the interval straddles it (on_inconclusive: ${c.on_inconclusive ?? "fail"}). Proportions (accuracy, f1, ...) are in percent, their changes in percentage points (pp).` : "Point values only: the models were not evaluated on the same rows, so changes have no interval and change rules are judged on the point change. Proportions (accuracy, f1, ...) are in percent, their changes in percentage points (pp).";
  const rows = c.metrics.map((m) => ({
    name: clip(m.name, MAX_NAME),
    direction: m.direction,
    baseline: m.baseline,
    candidate: m.candidate,
    delta: m.delta,
    ci: m.ci,
    // Shown where a relative rule was judged on it: every interval a gate used is on the page.
    ciRelative: m.checks.some((k) => k.kind.includes("relative")) ? m.ci_relative ?? null : null,
    detectable: m.detectable_change ?? null,
    proportion: isProportionMetric(m.name),
    rule: m.rule === null ? null : clip(m.rule, MAX_TEXT),
    status: m.status
  }));
  const checks = c.metrics.flatMap(
    (m) => m.checks.map((k) => ({
      metric: clip(m.name, MAX_NAME),
      passed: k.passed,
      status: k.outcome === "pass" || k.outcome === void 0 && k.passed ? "pass" : k.outcome === "inconclusive" ? "inconclusive" : m.status === "warn" ? "warn" : "fail",
      description: clip(k.description, MAX_TEXT)
    }))
  );
  const mcnemar = c.metrics.flatMap((m) => {
    if (!m.mcnemar) return [];
    const { baseline_only_correct: b, candidate_only_correct: k, p_value: p } = m.mcnemar;
    const pText = p < 1e-3 ? "p < 0.001" : `p = ${formatPValue(p)}`;
    return [
      `${clip(m.name, MAX_NAME)}: exact McNemar test on the ${plural(b + k, "row", "rows")} where the models disagree: the baseline alone is right on ${formatCount(b)}, the candidate alone on ${formatCount(k)}, ${pText}.`
    ];
  });
  return {
    paired: c.paired,
    basis,
    intervalHeader: `${pct} interval`,
    rows,
    checks,
    mcnemar,
    notes: c.notes.map((n2) => clip(n2, MAX_TEXT)),
    candidateSource: clip(show(c.candidate.source), MAX_TEXT),
    baselineSource: clip(show(c.baseline.source), MAX_TEXT)
  };
}
function candidateMetricsModel(doc) {
  return {
    task: doc.task,
    rows: Object.entries(doc.metrics).map(([name, value]) => ({
      name: clip(name, MAX_NAME),
      value,
      proportion: isProportionMetric(name)
    })),
    notes: doc.notes.map((n2) => clip(`${n2.metric}: ${n2.reason}`, MAX_TEXT))
  };
}
function validationModel(v, show) {
  const errors = v.violations.filter((x) => x.severity === "error").length;
  const warnings = v.violations.length - errors;
  const status = errors > 0 ? "fail" : warnings > 0 ? "warn" : "pass";
  const on = `${plural(v.rows, "row", "rows")} of ${clip(show(v.data), MAX_TEXT)}`;
  const headline = errors + warnings === 0 ? `every check passes on ${on}` : [
    errors ? plural(errors, "failing check", "failing checks") : "",
    warnings ? plural(warnings, "warning", "warnings") : ""
  ].filter(Boolean).join(" and ") + ` on ${on}`;
  const sources = [
    v.schema !== null ? `schema ${clip(show(v.schema), MAX_TEXT)}` : "",
    v.holdout !== null ? `holdout ${clip(show(v.holdout), MAX_TEXT)}` : ""
  ].filter(Boolean).join(", ");
  const ordered = [...v.violations].sort(
    (a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) || b.fraction - a.fraction
  );
  return {
    status,
    headline,
    sources,
    errors,
    warnings,
    violations: ordered.map((x) => ({
      severity: x.severity,
      status: x.severity === "error" ? "fail" : "warn",
      kind: x.kind,
      column: x.column === null ? null : clip(x.column, MAX_NAME),
      count: x.count,
      fraction: x.fraction,
      message: clip(x.message, MAX_TEXT)
    })),
    examples: ordered.flatMap(
      (x) => x.examples.map((e) => ({
        column: x.column === null ? null : clip(x.column, MAX_NAME),
        kind: x.kind,
        row: e.row,
        value: e.value === null ? null : clip(e.value, MAX_NAME),
        trainRow: e.trainRow ?? null
      }))
    ),
    notes: (v.leakage?.notes ?? []).map((n2) => clip(n2, MAX_TEXT))
  };
}
function featureRow(f) {
  return {
    name: clip(f.name, MAX_NAME),
    kind: f.kind,
    method: f.method,
    statistic: f.statistic,
    psi: f.tests.psi?.statistic ?? (f.method === "psi" ? f.statistic : null),
    ks: f.tests.ks?.statistic ?? null,
    chisquare: f.tests.chisquare?.statistic ?? null,
    pValue: f.p_value,
    threshold: f.threshold,
    drifted: f.drifted,
    critical: f.critical,
    approximate: f.approximate,
    referenceMissing: f.reference.missing,
    currentMissing: f.current.missing
  };
}
function driftModel(d, show) {
  const features = d.features.map(featureRow);
  const driftedCount = features.filter((f) => f.drifted).length;
  const n2 = features.length;
  const counted = `${formatCount(driftedCount)} of ${plural(n2, "feature", "features")} drifted (${formatPercent(d.drifted_share)})`;
  const fired = d.quality?.fired ?? [];
  const qualityColumns = new Set(fired.map((f) => f.feature)).size;
  const headline = (fired.length > 0 ? `Data quality failed in ${plural(qualityColumns, "column", "columns")}. ` : "") + (d.dataset_drifted ? `Dataset drift: ${counted}.` : `No dataset drift: ${counted}.`);
  const p = d.policy;
  const major = typeof p.major_psi === "number" ? `, or when one drifts with PSI ${formatParameter(p.major_psi)} or more` : "";
  const policy = `Method ${p.method}: significance ${formatParameter(p.alpha)} with ${p.correction} correction, PSI threshold ${formatParameter(p.psi_threshold)}, ${formatCount(p.bins)} bins; the dataset drifts when ${formatPercent(p.dataset_share)} of features drift${major}.`;
  const measured = new Map((d.quality?.features ?? []).map((q) => [q.name, q]));
  const quality = fired.slice(0, MAX_QUALITY_ROWS).map((f) => {
    const m = measured.get(f.feature)?.[f.signal];
    return {
      name: clip(f.feature, MAX_NAME),
      signal: f.signal.replace(/_share$/, "").replace(/_/g, " "),
      share: f.share,
      expected: m?.expected ?? 0,
      threshold: typeof m?.threshold === "number" ? m.threshold : 0
    };
  });
  const key = (f) => f.psi ?? f.statistic;
  return {
    status: d.dataset_drifted || d.quality_failed === true ? "warn" : "pass",
    headline,
    // The drift module's own summary says the same as the headline and more: the section shows it once.
    summary: clip(sentence(d.summary.trim() === "" ? headline : d.summary), MAX_REASON),
    policy: clip(policy, MAX_TEXT),
    sources: `reference ${clip(show(d.reference), MAX_TEXT)}, current ${clip(show(d.current), MAX_TEXT)}`,
    featureCount: n2,
    driftedCount,
    drifted: features.filter((f) => f.drifted).sort((a, b) => Number(b.critical) - Number(a.critical) || key(b) - key(a)),
    features,
    skipped: d.skipped.map((s) => ({ name: clip(s.name, MAX_NAME), reason: clip(s.reason, MAX_TEXT) })),
    datasetDrifted: d.dataset_drifted,
    quality,
    qualityMore: fired.length - quality.length
  };
}
function confusionModel(doc, side, show) {
  if (!doc.classes || !doc.confusion_matrix && !doc.per_class) return null;
  const classes = doc.classes.map((c) => clip(c, MAX_NAME));
  const tooMany = classes.length > MAX_MATRIX_CLASSES;
  return {
    side,
    source: clip(show(doc.model.path), MAX_TEXT),
    classes,
    matrix: doc.confusion_matrix && !tooMany ? doc.confusion_matrix.map((cells, i) => ({ label: classes[i] ?? `class ${i}`, cells })) : [],
    matrixNote: tooMany ? `The matrix of ${formatCount(classes.length)} classes is in the metrics file; per-class metrics below.` : null,
    perClass: (doc.per_class ?? []).map((c) => ({ ...c, label: clip(c.label, MAX_NAME) })),
    positiveLabel: doc.positive_label !== void 0 ? clip(doc.positive_label, MAX_NAME) : null
  };
}
function slicesModel(doc, comparison) {
  const slices = doc.slices ?? [];
  const present = new Set(slices.flatMap((s) => Object.keys(s.metrics)));
  const preferred = (comparison?.metrics.map((m) => m.name) ?? []).filter((n2) => present.has(n2));
  const metricNames = [.../* @__PURE__ */ new Set([...preferred, ...present])].slice(0, MAX_SLICE_METRICS);
  return {
    metricNames: metricNames.map((n2) => clip(n2, MAX_NAME)),
    count: slices.length,
    judgedCount: slices.filter((s) => s.judged).length,
    rows: slices.map((s) => ({
      column: clip(s.column, MAX_NAME),
      value: s.value === null ? null : clip(s.value, MAX_NAME),
      size: s.size,
      judged: s.judged,
      values: metricNames.map((n2) => ({ value: s.metrics[n2] ?? null, proportion: isProportionMetric(n2) }))
    }))
  };
}
var GAP_NAMES = {
  positive_rate: "positive rate (share predicted positive)",
  true_positive_rate: "true-positive rate (recall of the positive class)"
};
function sliceComparisonModel(s, confidence) {
  const value = (v) => v === null ? "(missing)" : clip(v, MAX_NAME);
  const judgedGaps = s.slices.filter((x) => x.size >= s.min_size).length;
  return {
    column: clip(s.column, MAX_NAME),
    metric: clip(s.metric, MAX_NAME),
    proportion: isProportionMetric(s.metric),
    rule: s.rule === null ? null : clip(s.rule, MAX_TEXT),
    minSize: s.min_size,
    intervalHeader: `${Number((confidence * 100).toFixed(1))}% interval`,
    status: s.status,
    rows: s.slices.map((x) => ({
      value: x.value === null ? null : clip(x.value, MAX_NAME),
      size: x.size,
      judged: x.judged,
      baseline: x.baseline,
      candidate: x.candidate,
      delta: x.delta,
      ci: x.ci,
      status: x.status
    })),
    gaps: s.gaps.map((g) => ({
      what: GAP_NAMES[g.kind] ?? g.kind,
      model: g.model,
      high: value(g.high.value),
      low: value(g.low.value),
      gap: g.gap,
      ci: g.ci
    })),
    gapsNote: s.gaps.length > 0 ? null : judgedGaps < 2 ? `Fairness gaps need two slices of at least ${formatCount(s.min_size)} rows; ${formatCount(judgedGaps)} ${judgedGaps === 1 ? "has" : "have"} that many.` : "Fairness gaps are computed for binary classification only."
  };
}
function factRows(input, show) {
  const f = input.facts ?? {};
  const c = input.comparison;
  const m = input.candidateMetrics;
  const rows = [];
  const add = (label, value, opts = {}) => {
    if (value === null || value === void 0 || value === "") return;
    rows.push({ label, value: clip(String(value), MAX_TEXT), code: false, url: null, ...opts });
  };
  const duration = f.durationMs ?? c?.duration_ms ?? m?.duration_ms;
  if (duration !== void 0) add("duration", formatDuration(duration));
  add("commit", f.commit, { code: true });
  add("ref", f.ref);
  if (f.workflowRunUrl) add("workflow run", f.workflowRunUrl, { url: f.workflowRunUrl });
  const data = c?.data ?? m?.data ?? null;
  if (data) add("data", `${show(data.path)} (${plural(data.rows, "row", "rows")})`);
  add("data sha256", f.dataSha256 ?? data?.sha256, { code: true });
  if (c) add("candidate", show(c.candidate.source));
  else if (m) add("candidate", show(m.model.path));
  add("candidate model sha256", f.modelSha256 ?? c?.candidate.model?.sha256 ?? m?.model.sha256, { code: true });
  const bytes = f.modelBytes ?? c?.candidate.model?.bytes ?? m?.model.bytes;
  if (bytes !== void 0) add("candidate model size", formatBytes(bytes));
  if (c) add("baseline", show(c.baseline.source));
  add("baseline model sha256", f.baselineModelSha256 ?? c?.baseline.model?.sha256, { code: true });
  if (c) add("bootstrap seed", formatCount(c.seed));
  add("generated at", f.generatedAt);
  return rows;
}
function deltaChartData(rows) {
  const withDelta = rows.filter((r) => r.delta !== null && Number.isFinite(r.delta));
  if (withDelta.length === 0) return null;
  const proportions = withDelta.filter((r) => r.proportion);
  const betterOf = (r, d) => d === 0 ? null : r.direction === "higher" ? d > 0 : d < 0;
  if (proportions.length > 0)
    return {
      unit: "pp",
      items: proportions.map((r) => ({
        name: r.name,
        value: r.delta * 100,
        ci: r.ci ? [r.ci[0] * 100, r.ci[1] * 100] : null,
        better: betterOf(r, r.delta)
      })),
      leftOut: withDelta.filter((r) => !r.proportion).map((r) => r.name)
    };
  const relative2 = withDelta.filter((r) => r.baseline !== null && r.baseline !== 0);
  if (relative2.length === 0) return null;
  return {
    unit: "%",
    items: relative2.map((r) => {
      const scale = 100 / Math.abs(r.baseline);
      return {
        name: r.name,
        value: r.delta * scale,
        ci: r.ci ? [r.ci[0] * scale, r.ci[1] * scale] : null,
        better: betterOf(r, r.delta)
      };
    }),
    leftOut: withDelta.filter((r) => !relative2.includes(r)).map((r) => r.name)
  };
}
function psiChartData(d) {
  const items = d.features.map((f) => ({
    name: clip(f.name, MAX_NAME),
    psi: f.tests.psi?.statistic ?? (f.method === "psi" ? f.statistic : NaN),
    drifted: f.drifted
  })).filter((x) => Number.isFinite(x.psi)).sort((a, b) => b.psi - a.psi);
  if (items.length === 0) return null;
  return { threshold: Number.isFinite(d.policy.psi_threshold) ? d.policy.psi_threshold : null, items };
}

// src/report/reportTemplates.ts
var import_handlebars2 = __toESM(require_lib(), 1);
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
var TEMPLATE_FILES = ["comment.hbs", "summary.hbs", "report.html.hbs"];
function shippedTemplateDir() {
  return join(packageRoot(), "templates");
}
function loadReportTemplates(templateDir) {
  const files = /* @__PURE__ */ new Map();
  for (const [name, path] of listTemplates(shippedTemplateDir())) files.set(name, { path, text: readTemplate(path) });
  if (templateDir !== void 0) {
    if (!existsSync(templateDir) || !statSync(templateDir).isDirectory())
      throw new ModelguardError(
        "usage",
        `template directory ${templateDir} does not exist`,
        "--template takes a directory of .hbs files that replace the shipped ones of the same name"
      );
    for (const [name, path] of listTemplates(templateDir)) {
      if (!name.startsWith("_") && !TEMPLATE_FILES.includes(name)) {
        const guess = didYouMean(name, TEMPLATE_FILES);
        throw new ModelguardError(
          "usage",
          `${path} is not a modelguard template`,
          `${guess ? `did you mean ${guess}? ` : ""}templates are ${TEMPLATE_FILES.join(", ")}, and partials named _NAME.hbs (Markdown) or _NAME.html.hbs (HTML)`
        );
      }
      files.set(name, { path, text: readTemplate(path) });
    }
  }
  for (const name of TEMPLATE_FILES)
    if (!files.has(name))
      throw new ModelguardError("io", `the shipped template ${name} is missing from ${shippedTemplateDir()}`);
  const markdown = import_handlebars2.default.create();
  registerReportHelpers(markdown, "markdown");
  markdown.registerHelper("mdEscape", mdEscapeHelper);
  const html = import_handlebars2.default.create();
  registerReportHelpers(html, "html");
  const compileMarkdown = (name) => {
    const file = files.get(name);
    try {
      const ast = escapeMustachesForMarkdown(markdown.parse(file.text), markdown);
      return markdown.compile(ast, COMPILE_OPTIONS);
    } catch (e) {
      throw templateError(file.path, e);
    }
  };
  const compileHtml = (name) => {
    const file = files.get(name);
    try {
      html.parse(file.text);
      return html.compile(file.text, COMPILE_OPTIONS);
    } catch (e) {
      throw templateError(file.path, e);
    }
  };
  for (const name of files.keys()) {
    if (!name.startsWith("_")) continue;
    if (name.endsWith(".html.hbs")) html.registerPartial(name.slice(1, -".html.hbs".length), compileHtml(name));
    else markdown.registerPartial(name.slice(1, -".hbs".length), compileMarkdown(name));
  }
  return {
    comment: guarded(compileMarkdown("comment.hbs"), files.get("comment.hbs").path),
    summary: guarded(compileMarkdown("summary.hbs"), files.get("summary.hbs").path),
    html: guarded(compileHtml("report.html.hbs"), files.get("report.html.hbs").path)
  };
}
var COMPILE_OPTIONS = { preventIndent: true };
function escapeMustachesForMarkdown(program, env) {
  const visitProgram = (p) => {
    if (!p) return;
    p.body = p.body.map(visitStatement);
  };
  const visitStatement = (s) => {
    switch (s.type) {
      case "MustacheStatement": {
        const m = s;
        if (!m.escaped) return m;
        const escaped = {
          ...m,
          escaped: false,
          path: pathTo("mdEscape", m.loc),
          params: [valueOf(m)],
          hash: NO_HASH
        };
        return escaped;
      }
      case "BlockStatement":
      case "DecoratorBlock":
      case "PartialBlockStatement": {
        const b = s;
        visitProgram(b.program);
        visitProgram(b.inverse);
        return b;
      }
      default:
        return s;
    }
  };
  const valueOf = (m) => {
    const path = m.path;
    const isHelperCall = m.params.length > 0 || m.hash !== void 0 || path.type === "PathExpression" && !path.data && path.parts.length === 1 && Object.hasOwn(env.helpers, path.original);
    if (!isHelperCall) return m.path;
    const sub = {
      type: "SubExpression",
      path,
      params: m.params,
      hash: m.hash,
      loc: m.loc
    };
    return sub;
  };
  visitProgram(program);
  return program;
}
var NO_HASH = void 0;
function pathTo(name, loc) {
  return { type: "PathExpression", data: false, depth: 0, parts: [name], original: name, loc };
}
function mdEscapeHelper(value) {
  if (value instanceof import_handlebars2.default.SafeString) return value.toHTML();
  if (value === null || value === void 0) return "";
  return escapeMarkdown(String(value));
}
function listTemplates(dir) {
  let names;
  try {
    names = readdirSync(dir);
  } catch (e) {
    throw new ModelguardError("io", `cannot read the template directory ${dir}: ${e.message}`);
  }
  return names.filter((n2) => n2.endsWith(".hbs")).sort().map((n2) => [n2, join(dir, n2)]);
}
function readTemplate(path) {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw new ModelguardError("io", `cannot read the template ${path}: ${e.message}`);
  }
}
function templateError(path, e) {
  return new ModelguardError(
    "config",
    `template ${basename(path)} (${path}) is invalid: ${e.message.split("\n")[0]}`,
    "templates use Handlebars syntax; see the shipped ones in templates/ for the data they receive"
  );
}
function guarded(t, path) {
  return (context, options) => {
    try {
      return t(context, options);
    } catch (e) {
      throw new ModelguardError(
        "config",
        `template ${basename(path)} (${path}) failed: ${e.message.split("\n")[0]}`,
        "check the helpers and partials it uses: the shipped templates show the available ones"
      );
    }
  };
}

// src/report/reportView.ts
var FULL = { hidden: /* @__PURE__ */ new Set(), limits: {} };
var TRIM_STEPS = [
  {
    kind: "section",
    key: "slices",
    present: (m) => m.slices !== null || m.sliceComparison !== null,
    label: (m) => `slices (${formatCount(m.slices?.count ?? m.sliceComparison.rows.length)})`
  },
  {
    kind: "section",
    key: "driftDetails",
    present: (m) => m.drift !== null && (m.drift.features.length > 0 || m.drift.skipped.length > 0),
    label: (m) => `per-feature drift details (${formatCount(m.drift.featureCount)} features)`
  },
  {
    kind: "section",
    key: "validationExamples",
    present: (m) => (m.validation?.examples.length ?? 0) > 0,
    label: (m) => `examples of failing values (${formatCount(m.validation.examples.length)})`
  },
  {
    kind: "section",
    key: "confusion",
    present: (m) => m.confusion.length > 0,
    label: (m) => (m.confusion.length > 1 ? "confusion matrices" : "confusion matrix") + " and per-class metrics"
  },
  { kind: "section", key: "psiChart", present: (m) => m.psiChart !== null, label: () => "PSI chart" },
  { kind: "section", key: "deltaChart", present: (m) => m.deltaChart !== null, label: () => "metric change chart" },
  {
    kind: "section",
    key: "gateChecks",
    present: (m) => (m.comparison?.checks.length ?? 0) > 0,
    label: () => "gate check details"
  },
  {
    kind: "rows",
    key: "driftedFeatures",
    total: (m) => m.drift?.drifted.length ?? 0,
    label: (left, total) => `${formatCount(left)} of ${formatCount(total)} rows of the drifted-features table`
  },
  {
    kind: "rows",
    key: "violations",
    total: (m) => m.validation?.violations.length ?? 0,
    label: (left, total) => `${formatCount(left)} of ${formatCount(total)} rows of the validation table`
  },
  {
    kind: "section",
    key: "notes",
    present: (m) => (m.comparison?.notes.length ?? 0) + (m.comparison?.mcnemar.length ?? 0) + (m.validation?.notes.length ?? 0) + (m.candidateMetrics?.notes.length ?? 0) > 0,
    label: () => "notes"
  },
  { kind: "section", key: "facts", present: (m) => m.facts.length > 0, label: () => "run facts" },
  { kind: "section", key: "drift", present: (m) => m.drift !== null, label: () => "the drift section" },
  {
    kind: "section",
    key: "validation",
    present: (m) => m.validation !== null,
    label: () => "the data validation section"
  },
  {
    kind: "rows",
    key: "metrics",
    total: (m) => m.comparison?.rows.length ?? m.candidateMetrics?.rows.length ?? 0,
    label: (left, total) => `${formatCount(left)} of ${formatCount(total)} metrics`
  }
];
var CONTAINER = {
  driftDetails: "drift",
  driftedFeatures: "drift",
  validationExamples: "validation",
  violations: "validation"
};
function omittedItems(model, state) {
  const out = [];
  for (const step of TRIM_STEPS) {
    const container = CONTAINER[step.key];
    if (container && state.hidden.has(container)) continue;
    if (step.kind === "section") {
      if (state.hidden.has(step.key) && step.present(model)) out.push(step.label(model));
    } else {
      const limit = state.limits[step.key];
      const total = step.total(model);
      if (limit !== void 0 && limit < total) out.push(step.label(total - limit, total));
    }
  }
  return out;
}
function reportView(model, state, charts, extras) {
  const hidden = (k) => state.hidden.has(k);
  const cut = (rows, key) => {
    const limit = state.limits[key];
    const kept = limit === void 0 ? rows : rows.slice(0, limit);
    return { rows: kept, more: rows.length - kept.length };
  };
  const c = model.comparison;
  const metricRows = c ? cut(c.rows, "metrics") : null;
  const cm = model.candidateMetrics;
  const candidateRows = cm ? cut(cm.rows, "metrics") : null;
  const v = hidden("validation") ? null : model.validation;
  const violations = v ? cut(v.violations, "violations") : null;
  const d = hidden("drift") ? null : model.drift;
  const drifted = d ? cut(d.drifted, "driftedFeatures") : null;
  const deltas = hidden("deltaChart") ? null : charts.deltas;
  const psi = hidden("psiChart") || hidden("drift") ? null : charts.psi;
  return {
    format: extras.format,
    reportId: model.reportId,
    titleId: model.titleId,
    verdict: model.verdict,
    comparison: c && {
      ...c,
      rows: metricRows.rows,
      rowsMore: metricRows.more,
      checks: hidden("gateChecks") ? [] : c.checks,
      mcnemar: hidden("notes") ? [] : c.mcnemar,
      notes: hidden("notes") ? [] : c.notes
    },
    candidateMetrics: cm && {
      ...cm,
      rows: candidateRows.rows,
      rowsMore: candidateRows.more,
      notes: hidden("notes") ? [] : cm.notes
    },
    validation: v && {
      ...v,
      violations: violations.rows,
      violationsMore: violations.more,
      examples: hidden("validationExamples") ? [] : v.examples,
      notes: hidden("notes") ? [] : v.notes
    },
    drift: d && {
      ...d,
      drifted: drifted.rows,
      driftedMore: drifted.more,
      details: hidden("driftDetails") ? null : { features: d.features, skipped: d.skipped }
    },
    charts: deltas || psi ? { deltas, psi } : null,
    confusion: hidden("confusion") ? [] : model.confusion,
    slices: hidden("slices") ? null : model.slices,
    sliceComparison: hidden("slices") ? null : model.sliceComparison,
    facts: hidden("facts") ? [] : model.facts,
    omitted: extras.omitted.length > 0 ? { items: extras.omitted, limitText: extras.limitText, url: extras.fullReportUrl } : null
  };
}
function fitReport(model, render, fits, cutNotice) {
  const attempt = (state2) => {
    const omitted = omittedItems(model, state2);
    return { text: render(state2, omitted), omitted };
  };
  let state = FULL;
  let result = attempt(state);
  if (fits(result.text)) return result;
  const removed = [];
  let truncated = false;
  for (const step of TRIM_STEPS) {
    if (step.kind === "section") {
      if (!step.present(model) || state.hidden.has(step.key)) continue;
      removed.push(step.key);
      state = { ...state, hidden: /* @__PURE__ */ new Set([...state.hidden, step.key]) };
      result = attempt(state);
      if (fits(result.text)) break;
    } else {
      const total = step.total(model);
      if (total === 0) continue;
      const container = CONTAINER[step.key];
      if (container && state.hidden.has(container)) continue;
      truncated = true;
      const withLimit = (limit) => ({ ...state, limits: { ...state.limits, [step.key]: limit } });
      let lo = -1;
      let hi = total - 1;
      let best = null;
      while (lo < hi) {
        const mid = lo + Math.ceil((hi - lo) / 2);
        const r = attempt(withLimit(mid));
        if (fits(r.text)) {
          lo = mid;
          best = r;
        } else hi = mid - 1;
      }
      state = withLimit(Math.max(lo, 0));
      result = best ?? attempt(state);
      if (best) break;
    }
  }
  if (fits(result.text) && !truncated) {
    for (const key of [...removed].reverse()) {
      const hidden = new Set(state.hidden);
      hidden.delete(key);
      const r = attempt({ ...state, hidden });
      if (fits(r.text)) {
        state = { ...state, hidden };
        result = r;
      }
    }
  }
  if (fits(result.text)) return result;
  return { text: hardCut(result.text, fits, cutNotice), omitted: [...result.omitted, "the end of the report"] };
}
function hardCut(text2, fits, notice) {
  let lo = 0;
  let hi = text2.length;
  while (lo < hi) {
    const mid = lo + Math.ceil((hi - lo) / 2);
    if (fits(text2.slice(0, mid) + notice)) lo = mid;
    else hi = mid - 1;
  }
  const cut = text2.lastIndexOf("\n", lo);
  return text2.slice(0, cut > 0 ? cut : 0) + notice;
}

// src/report/svgCharts.ts
var CHART_COLORS = {
  better: "#2da44e",
  worse: "#d1242f",
  neutral: "#8c959f",
  drifted: "#d1242f",
  stable: "#54aeff",
  ink: "#24292f",
  grid: "#d0d7de"
};
var SVG_MAX_BARS = 40;
var WIDTH = 760;
var LABEL_WIDTH = 230;
var VALUE_WIDTH = 110;
var ROW = 22;
var TOP = 40;
var BOTTOM = 26;
function svgDeltaChart(data, max = SVG_MAX_BARS) {
  const shown = [...data.items].sort((a, b) => Math.abs(b.value) - Math.abs(a.value)).slice(0, max);
  const unit = data.unit === "pp" ? " pp" : "%";
  const values = shown.flatMap((x2) => [x2.value, ...x2.ci ?? []]);
  let lo = Math.min(0, ...values);
  let hi = Math.max(0, ...values);
  if (hi - lo < 1e-9) hi = lo + 1;
  const pad = (hi - lo) * 0.05;
  lo -= lo < 0 ? pad : 0;
  hi += hi > 0 ? pad : 0;
  const plotLeft = LABEL_WIDTH + 10;
  const plotWidth = WIDTH - plotLeft - VALUE_WIDTH;
  const x = (v) => plotLeft + (v - lo) / (hi - lo) * plotWidth;
  const height = TOP + shown.length * ROW + BOTTOM;
  const title = data.unit === "pp" ? "Metric changes, candidate minus baseline (percentage points)" : "Metric changes, candidate minus baseline (% of the baseline)";
  const parts = [svgOpen(height, title)];
  parts.push(text(0, 16, title, { weight: "600" }));
  parts.push(line(x(0), TOP - 6, x(0), TOP + shown.length * ROW, CHART_COLORS.ink, 1));
  shown.forEach((item, i) => {
    const y = TOP + i * ROW;
    const color = item.better === null ? CHART_COLORS.neutral : item.better ? CHART_COLORS.better : CHART_COLORS.worse;
    const x0 = x(Math.min(0, item.value));
    const w = Math.max(Math.abs(x(item.value) - x(0)), item.value === 0 ? 0 : 1);
    parts.push(text(LABEL_WIDTH, y + 15, clipLabel(item.name, 34), { anchor: "end" }));
    parts.push(`<rect x="${n(x0)}" y="${y + 4}" width="${n(w)}" height="${ROW - 8}" fill="${color}"/>`);
    if (item.ci) parts.push(line(x(item.ci[0]), y + ROW / 2, x(item.ci[1]), y + ROW / 2, CHART_COLORS.ink, 1.5));
    const sign = item.value > 0 ? "+" : item.value < 0 ? "-" : "";
    const end = Math.max(x(item.value), x(0), item.ci ? x(item.ci[1]) : 0);
    parts.push(text(end + 6, y + 15, `${sign}${formatChartNumber(Math.abs(item.value), 2)}${unit}`, {}));
  });
  const axisY = TOP + shown.length * ROW + 16;
  parts.push(text(x(0), axisY, "0", { anchor: "middle", muted: true }));
  if (x(0) - x(lo) > 60)
    parts.push(text(x(lo), axisY, `${formatChartNumber(lo, 2)}${unit}`, { anchor: "start", muted: true }));
  if (x(hi) - x(0) > 60)
    parts.push(text(x(hi), axisY, `+${formatChartNumber(hi, 2)}${unit}`, { anchor: "end", muted: true }));
  parts.push("</svg>");
  const notes = [
    data.items.length > shown.length ? `Largest ${shown.length} of ${formatCount(data.items.length)} changes.` : "",
    shown.some((s) => s.ci) ? "Whiskers: bootstrap interval of the change." : "",
    data.leftOut.length > 0 ? `Not charted: ${data.leftOut.join(", ")}.` : ""
  ].filter(Boolean);
  return figure(parts.join(""), notes.join(" "));
}
function svgPsiChart(data, max = SVG_MAX_BARS) {
  const shown = data.items.slice(0, max);
  const positive = shown.map((s) => s.psi).filter((v) => v > 0);
  const smallest = Math.min(...positive, data.threshold ?? Infinity, 1);
  const largest = Math.max(...positive, data.threshold ?? 0, 1e-6);
  const loExp = Math.floor(Math.log10(smallest));
  const hiExp = Math.max(Math.ceil(Math.log10(largest * 1.0001)), loExp + 1);
  const plotLeft = LABEL_WIDTH + 10;
  const plotWidth = WIDTH - plotLeft - VALUE_WIDTH;
  const x = (v) => plotLeft + (Math.log10(Math.max(v, 10 ** loExp)) - loExp) / (hiExp - loExp) * plotWidth;
  const height = TOP + shown.length * ROW + BOTTOM;
  const title = `PSI per feature (log scale)${data.items.length > shown.length ? `, largest ${shown.length} of ${formatCount(data.items.length)}` : ""}`;
  const parts = [svgOpen(height, title)];
  parts.push(text(0, 16, title, { weight: "600" }));
  const bottom = TOP + shown.length * ROW;
  for (let e = loExp; e <= hiExp; e++) {
    parts.push(line(x(10 ** e), TOP - 6, x(10 ** e), bottom, CHART_COLORS.grid, 1));
    parts.push(text(x(10 ** e), bottom + 16, formatParameter(10 ** e), { anchor: "middle", muted: true }));
  }
  shown.forEach((item, i) => {
    const y = TOP + i * ROW;
    parts.push(text(LABEL_WIDTH, y + 15, clipLabel(item.name, 34), { anchor: "end" }));
    const color = item.drifted ? CHART_COLORS.drifted : CHART_COLORS.stable;
    parts.push(
      `<rect x="${n(plotLeft)}" y="${y + 4}" width="${n(Math.max(x(item.psi) - plotLeft, 1))}" height="${ROW - 8}" fill="${color}"/>`
    );
    parts.push(text(plotLeft + plotWidth + 8, y + 15, formatMetric(item.psi), {}));
  });
  if (data.threshold !== null) {
    const tx = x(data.threshold);
    parts.push(
      `<line x1="${n(tx)}" y1="${TOP - 6}" x2="${n(tx)}" y2="${bottom}" stroke="${CHART_COLORS.ink}" stroke-width="1.5" stroke-dasharray="4 3"/>`
    );
    parts.push(text(tx + 4, TOP - 10, `threshold ${formatParameter(data.threshold)}`, { muted: true }));
  }
  parts.push("</svg>");
  return figure(parts.join(""), "Red: drifted features. Logarithmic axis; values in the right-hand column.");
}
function svgOpen(height, title) {
  return `<svg class="chart" role="img" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}"><title>${escapeHtml(title)}</title>`;
}
function figure(svg, caption) {
  return `<figure class="chart">${svg}${caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : ""}</figure>`;
}
function text(x, y, content, o) {
  const attrs = [
    `x="${n(x)}"`,
    `y="${n(y)}"`,
    o.anchor && o.anchor !== "start" ? `text-anchor="${o.anchor}"` : "",
    o.weight ? `font-weight="${o.weight}"` : "",
    `fill="${o.muted ? "#57606a" : CHART_COLORS.ink}"`
  ].filter(Boolean);
  return `<text ${attrs.join(" ")}>${escapeHtml(content)}</text>`;
}
function line(x1, y1, x2, y2, stroke, width) {
  return `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="${stroke}" stroke-width="${width}"/>`;
}
function clipLabel(s, max) {
  const chars = Array.from(s);
  return chars.length > max ? chars.slice(0, max - 1).join("") + "…" : s;
}
function n(v) {
  return Number.isFinite(v) ? formatChartNumber(v, 1) : "0";
}

// src/report/renderReport.ts
var GITHUB_COMMENT_LIMIT = 65536;
var MARKER_RESERVE = 200;
var JOB_SUMMARY_LIMIT_BYTES = 1048576;
function commentBudget(reportId) {
  const marker = reportId === void 0 ? 0 : reportMarker(reportId).length + 1;
  return GITHUB_COMMENT_LIMIT - Math.max(MARKER_RESERVE, marker);
}
function renderReport(input, options = {}) {
  const templates = loadReportTemplates(options.templateDir);
  const model = buildReportModel(input, options.reportId, options.pathBase);
  const fullReportUrl = isPlainUrl(options.fullReportUrl) ? options.fullReportUrl : null;
  const markdownCharts = {
    deltas: model.deltaChart ? new import_handlebars3.default.SafeString(mermaidDeltaChart(model.deltaChart)) : null,
    psi: model.psiChart ? new import_handlebars3.default.SafeString(mermaidPsiChart(model.psiChart)) : null
  };
  const budget = commentBudget(options.reportId);
  const comment = fitReport(
    model,
    (state, omitted) => templates.comment(
      reportView(model, state, markdownCharts, {
        format: "comment",
        omitted,
        limitText: "the size limit of a GitHub comment",
        fullReportUrl
      })
    ),
    (text2) => text2.length <= budget,
    "\n\n_The rest of this report did not fit in a comment._\n"
  );
  const summary = fitReport(
    model,
    (state, omitted) => templates.summary(
      reportView(model, state, markdownCharts, {
        format: "summary",
        omitted,
        limitText: "the 1 MiB limit of a job summary",
        fullReportUrl
      })
    ),
    (text2) => Buffer.byteLength(text2, "utf8") <= JOB_SUMMARY_LIMIT_BYTES,
    "\n\n_The rest of this report did not fit in the job summary._\n"
  );
  const htmlCharts = {
    deltas: model.deltaChart ? new import_handlebars3.default.SafeString(svgDeltaChart(model.deltaChart)) : null,
    psi: model.psiChart ? new import_handlebars3.default.SafeString(svgPsiChart(model.psiChart)) : null
  };
  const html = templates.html(
    reportView(model, FULL, htmlCharts, { format: "html", omitted: [], limitText: "", fullReportUrl: null })
  );
  return {
    comment: comment.text,
    summary: summary.text,
    html,
    omitted: comment.omitted,
    summaryOmitted: summary.omitted
  };
}

// src/report/readReportInputFile.ts
var REPORT_INPUT_KINDS = {
  "modelguard.comparison": { schema: "comparison.schema.json", writtenBy: "modelguard compare --out FILE" },
  "modelguard.validation": { schema: "validation.schema.json", writtenBy: "modelguard validate --out FILE" },
  "modelguard.drift": { schema: "drift.schema.json", writtenBy: "modelguard drift --out FILE" },
  "modelguard.metrics": { schema: "metrics.schema.json", writtenBy: "modelguard evaluate -o FILE" }
};
var REPORT_INPUT_VERSION = 1;
var MAX_REPORT_INPUT_BYTES = 256 * 1024 * 1024;
var SHOWN_PROBLEMS = 5;
function readReportInputFile(path, kind) {
  const { schema, writtenBy } = REPORT_INPUT_KINDS[kind];
  const hint = `pass the file \`${writtenBy}\` wrote`;
  const fail = (message, h = hint) => new ModelguardError("input", message, h, { file: path });
  const text2 = readBoundedText(path, fail);
  let value;
  try {
    value = JSON.parse(text2.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw fail(`${path} is not valid JSON: ${e.message}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw fail(`${path} is not a ${kind} result: it holds ${Array.isArray(value) ? "a list" : JSON.stringify(value)}`);
  }
  const record = value;
  if (record.kind !== kind) {
    throw fail(`${path} is not a ${kind} result (kind is ${JSON.stringify(record.kind)})`);
  }
  if (typeof record.version === "number" && Number.isInteger(record.version) && record.version > REPORT_INPUT_VERSION) {
    throw fail(
      `${path} is a ${kind} result of version ${record.version}, newer than this modelguard reads (version ${REPORT_INPUT_VERSION})`,
      "upgrade modelguard to the version that wrote the file (or newer), or render it with that version"
    );
  }
  const problems = validateContract(schema, value);
  if (problems.length > 0) {
    const shown = problems.slice(0, SHOWN_PROBLEMS).map((p) => `  ${p}`);
    if (problems.length > SHOWN_PROBLEMS) shown.push(`  ... and ${problems.length - SHOWN_PROBLEMS} more`);
    throw fail(
      `${path} is not a valid ${kind} result (schemas/${schema}):
${shown.join("\n")}`,
      `${hint}, unedited; schemas/${schema} describes every key`
    );
  }
  return value;
}
function readBoundedText(path, fail) {
  return readBoundedTextFile(path, MAX_REPORT_INPUT_BYTES, (why) => {
    switch (why.reason) {
      case "missing":
        return fail(`${path}: not found`);
      case "directory":
        return fail(`${path} is a directory, not a result file`);
      case "not-a-file":
        return fail(`${path} is not a regular file`);
      case "too-large":
        return fail(
          `${path} is ${why.size} bytes, more than the ${MAX_REPORT_INPUT_BYTES / 1024 / 1024} MiB a result file may be`
        );
      case "io":
        return fail(`cannot read ${path}: ${why.message}`);
    }
  });
}

// src/cli/publishReport.ts
import { appendFileSync } from "node:fs";
function commentAuthorOf(flag, env = process.env) {
  const value = (flag ?? env["INPUT_COMMENT-AUTHOR"] ?? "").trim();
  if (value === "") return void 0;
  if (!isAuthorLogin(value)) {
    const source = flag === void 0 ? "the comment-author input" : "--comment-author";
    throw new ModelguardError(
      "usage",
      `${source} must be a GitHub login, got ${JSON.stringify(value.slice(0, 120))}`,
      "give the account the token writes as, e.g. 'ml-bot', or a GitHub App's '<app-slug>[bot]'; leave it out for GITHUB_TOKEN (github-actions[bot]) and personal access tokens"
    );
  }
  return value;
}
async function publishReport(o) {
  const env = o.env ?? process.env;
  const token = env.GITHUB_TOKEN ?? env["INPUT_GITHUB-TOKEN"] ?? "";
  const warnings = [];
  const warn = (text2) => {
    const message = redactSecrets(text2, token.trim());
    warnings.push(message);
    if (o.io.warning) o.io.warning(message);
    else o.io.err(env.GITHUB_ACTIONS === "true" ? workflowWarning(message) : `warning: ${message}`);
  };
  let summary = null;
  if (env.GITHUB_STEP_SUMMARY) {
    appendFileSync(env.GITHUB_STEP_SUMMARY, o.rendered.summary + "\n");
    summary = env.GITHUB_STEP_SUMMARY;
  }
  if (!o.comment) return { summary, comment: null, warnings };
  const commentAuthor = commentAuthorOf(o.commentAuthor, env);
  let context;
  try {
    context = await readPullRequestContext(env);
  } catch (e) {
    warn(`not posting the PR comment: ${isModelguardError(e) ? e.message : String(e)}`);
    return { summary, comment: null, warnings };
  }
  if (context.issueNumber === null) {
    o.io.err(
      redactSecrets(`not a pull request (${context.eventName || "no event"}): the report goes to the job summary only`)
    );
    return { summary, comment: null, warnings };
  }
  const auth = githubAuthFromEnv(env, { token, repository: `${context.owner}/${context.repo}` });
  if (!auth) {
    warn("not posting the PR comment: no GITHUB_TOKEN; pass `github-token: ${{ github.token }}` or set GITHUB_TOKEN");
    return { summary, comment: null, warnings };
  }
  try {
    const client = createGitHubClient({
      ...auth,
      ...env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {},
      log: { warn: (m) => o.io.err(`github: ${m}`) }
    });
    const r = await upsertPullRequestComment(client, {
      owner: context.owner,
      repo: context.repo,
      issueNumber: context.issueNumber,
      reportId: o.reportId,
      body: o.rendered.comment,
      ...commentAuthor ? { authorLogin: commentAuthor } : {}
    });
    const url = redactSecrets(r.url, token.trim());
    o.io.err(`${r.action} the PR comment: ${url}`);
    o.io.commentPosted?.(url);
    return { summary, comment: { action: r.action, url }, warnings };
  } catch (e) {
    if (!isGitHubError(e)) throw e;
    const fork = context.isFork ? " (this pull request comes from a fork, whose token is read-only)" : "";
    warn(
      `could not post the PR comment${fork}: ${e.message}${e.hint ? ` — ${e.hint}` : ""}; the report is in the job summary`
    );
    return { summary, comment: null, warnings };
  }
}

// src/cli/commands/report.ts
function withReportOptions(cmd) {
  return cmd.option("--report <file>", "write the full report as Markdown").option("--html <file>", "write the report as one self-contained HTML file").option("--summary", "append the report to the GitHub job summary ($GITHUB_STEP_SUMMARY)").option("--comment", "post or update the report's one comment on the pull request (needs GITHUB_TOKEN)").option(
    "--comment-author <login>",
    "the account the token writes as, whose comment is the report's (default: the token's own; a GitHub App's installation token needs its '<app-slug>[bot]')"
  ).option("--report-id <id>", "keeps separate comments for separate workflows", "default").option("--template <dir>", "Handlebars templates that replace the shipped ones (same file names)").option("--full-report-url <url>", "where the full report is, linked when the comment is trimmed");
}
function registerReport(program, io) {
  withReportOptions(
    program.command("report").description("render the PR report from saved results, and post it").option("--comparison <file>", "compare --out result").option("--validation <file>", "validate --out result").option("--drift <file>", "drift --out result").option("--metrics <file>", "evaluate -o result (the candidate's metrics)").option("--baseline-metrics <file>", "evaluate -o result of the baseline (its confusion matrix is shown too)")
  ).action(
    async (flags) => {
      const input = {
        ...flags.comparison ? { comparison: readResult(flags.comparison, "modelguard.comparison") } : {},
        ...flags.validation ? { validation: readResult(flags.validation, "modelguard.validation") } : {},
        ...flags.drift ? { drift: readResult(flags.drift, "modelguard.drift") } : {},
        ...flags.metrics ? { candidateMetrics: readResult(flags.metrics, "modelguard.metrics") } : {},
        ...flags.baselineMetrics ? { baselineMetrics: readResult(flags.baselineMetrics, "modelguard.metrics") } : {}
      };
      if (Object.keys(input).length === 0) {
        throw new ModelguardError(
          "usage",
          "report needs at least one of --comparison, --validation, --drift, --metrics"
        );
      }
      const { comparison, validation, drift, candidateMetrics } = input;
      if (validation) io.result?.({ kind: "validation", value: validation, path: flags.validation ?? null });
      if (drift) io.result?.({ kind: "drift", value: drift, path: flags.drift ?? null });
      if (comparison) io.result?.({ kind: "comparison", value: comparison, path: flags.comparison ?? null });
      if (candidateMetrics) io.result?.({ kind: "metrics", value: candidateMetrics, path: flags.metrics ?? null });
      await emitReport(input, flags, io);
    }
  );
}
async function emitReport(input, flags, io, env = process.env) {
  const commentAuthor = flags.comment ? commentAuthorOf(flags.commentAuthor, env) : void 0;
  const facts = { ...runFacts(env), ...input.facts };
  const c = input.comparison;
  if (c) {
    if (c.data) facts.dataSha256 ??= c.data.sha256;
    if (c.candidate.model) {
      facts.modelSha256 ??= c.candidate.model.sha256;
      facts.modelBytes ??= c.candidate.model.bytes;
    }
    if (c.baseline.model) facts.baselineModelSha256 ??= c.baseline.model.sha256;
    facts.durationMs ??= c.duration_ms;
  }
  const rendered = renderReport(
    { ...input, facts },
    {
      reportId: flags.reportId,
      ...pathBaseOf(env),
      ...flags.template ? { templateDir: flags.template } : {},
      ...flags.fullReportUrl ? { fullReportUrl: flags.fullReportUrl } : facts.workflowRunUrl ? { fullReportUrl: facts.workflowRunUrl } : {}
    }
  );
  if (flags.report) write(flags.report, rendered.summary);
  if (flags.html) write(flags.html, rendered.html);
  if (flags.summary || flags.comment) {
    await publishReport({
      rendered,
      reportId: flags.reportId,
      comment: flags.comment === true,
      ...commentAuthor ? { commentAuthor } : {},
      env,
      io
    });
  }
  if (!flags.report && !flags.html && !flags.summary && !flags.comment) io.out(rendered.summary);
  if (rendered.omitted.length > 0 && flags.comment) io.err(`the comment left out: ${rendered.omitted.join(", ")}`);
}
function pathBaseOf(env) {
  if (env.GITHUB_WORKSPACE) return { pathBase: env.GITHUB_WORKSPACE };
  try {
    const top = execFileSync("git", ["rev-parse", "--show-toplevel"], { stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
    return top ? { pathBase: top } : {};
  } catch {
    return {};
  }
}
function runFacts(env) {
  const facts = {};
  if (env.GITHUB_SHA) facts.commit = env.GITHUB_SHA;
  else {
    try {
      facts.commit = execFileSync("git", ["rev-parse", "HEAD"], { stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
    } catch {
    }
  }
  if (env.GITHUB_REF) facts.ref = env.GITHUB_REF;
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID) {
    facts.workflowRunUrl = `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
  }
  return facts;
}
function readResult(path, kind) {
  const value = readReportInputFile(path, kind);
  if (kind === "modelguard.comparison") return reviveComparison(value);
  if (kind === "modelguard.drift") return reviveDriftReport(value);
  if (kind === "modelguard.metrics") return reviveMetricsDocument(value);
  return value;
}
function write(path, text2) {
  writeOutputFile(path, text2);
}

export {
  withReportOptions,
  registerReport,
  emitReport,
  readResult
};
