import type { ValidateReport } from "../schema/validateReport.js";
import type { ComparisonResult, MetricDirection, Verdict } from "../compare/comparisonResult.js";
import type { DriftReport, FeatureDrift } from "../drift/driftReport.js";
import type { MetricsDocument } from "../model/evaluate/metricsDocument.js";
import {
  formatBytes,
  formatCount,
  formatDuration,
  formatParameter,
  formatPercent,
  formatPValue,
  isProportionMetric,
} from "./formatNumber.js";
import type { ReportFacts, ReportInput } from "./reportInput.js";

/**
 * Everything a report shows, in plain values: strings exactly as they came from the data (the templates escape
 * them), numbers unformatted (the templates' helpers format them). Markdown and HTML render the same model; the
 * trimming of the PR comment works on it too (`reportView`).
 */
export interface ReportModel {
  reportId: string | null;
  /** The id shown in the title: the report id unless it is absent or the CLI's "default". */
  titleId: string | null;
  verdict: VerdictModel;
  comparison: ComparisonModel | null;
  /** The candidate's metrics, when there is no comparison to show them in. */
  candidateMetrics: CandidateMetricsModel | null;
  validation: ValidationModel | null;
  drift: DriftModel | null;
  confusion: ConfusionModel | null;
  slices: SlicesModel | null;
  facts: FactRow[];
  deltaChart: DeltaChartData | null;
  psiChart: PsiChartData | null;
}

/** "none": nothing was gated (e.g. an evaluate-only run). */
export type ReportStatus = Verdict | "none";

export interface VerdictModel {
  status: ReportStatus;
  /** "Fail: the candidate may not replace production". */
  headline: string;
  /** The one line a reviewer reads first: the comparison's reason, else the failing part's. */
  reason: string;
  /** Other parts that did not pass, one line each. */
  also: string[];
}

export interface MetricRow {
  name: string;
  direction: MetricDirection;
  baseline: number | null;
  candidate: number | null;
  delta: number | null;
  ci: [number, number] | null;
  /** Proportions show changes in percentage points. */
  proportion: boolean;
  rule: string | null;
  status: Verdict | null;
}

export interface CheckRow {
  metric: string;
  passed: boolean;
  status: Verdict;
  description: string;
}

export interface ComparisonModel {
  paired: boolean;
  /** "Paired on the same 171 rows, 2,000 bootstrap resamples, ..." or "Point values only: ...". */
  basis: string;
  /** "95% interval". */
  intervalHeader: string;
  rows: MetricRow[];
  checks: CheckRow[];
  /** McNemar's test on accuracy, one line per metric that has it. */
  mcnemar: string[];
  notes: string[];
  candidateSource: string;
  baselineSource: string;
}

export interface CandidateMetricsModel {
  task: string;
  rows: { name: string; value: number; proportion: boolean }[];
  notes: string[];
}

export interface ViolationRow {
  severity: "error" | "warning";
  status: Verdict;
  kind: string;
  column: string | null;
  count: number;
  fraction: number;
  message: string;
}

export interface ExampleRow {
  column: string | null;
  kind: string;
  row: number;
  value: string | null;
  trainRow: number | null;
}

export interface ValidationModel {
  status: Verdict;
  /** "2 failing checks and 1 warning on 1,000 rows of data/train.csv". */
  headline: string;
  sources: string;
  errors: number;
  warnings: number;
  violations: ViolationRow[];
  examples: ExampleRow[];
  /** Leakage notes (parts not judged). */
  notes: string[];
}

export interface FeatureRow {
  name: string;
  kind: string;
  method: string;
  statistic: number;
  psi: number | null;
  ks: number | null;
  chisquare: number | null;
  pValue: number | null;
  threshold: number;
  drifted: boolean;
  critical: boolean;
  approximate: boolean;
  referenceMissing: number;
  currentMissing: number;
}

export interface DriftModel {
  status: Verdict;
  /** "Dataset drift: 3 of 30 features drifted (10.0%) ...". */
  headline: string;
  summary: string;
  policy: string;
  sources: string;
  featureCount: number;
  driftedCount: number;
  /** Drifted features, critical first, then by PSI (else the decisive statistic), largest first. */
  drifted: FeatureRow[];
  /** Every feature, in the report's order. */
  features: FeatureRow[];
  skipped: { name: string; reason: string }[];
}

export interface ConfusionModel {
  classes: string[];
  /** Rows of true classes, cells of predicted ones; empty when there are more than MAX_MATRIX_CLASSES classes. */
  matrix: { label: string; cells: number[] }[];
  /** Why the matrix is not shown, when it is not. */
  matrixNote: string | null;
  perClass: { label: string; precision: number; recall: number; f1: number; support: number }[];
  positiveLabel: string | null;
}

export interface SlicesModel {
  metricNames: string[];
  count: number;
  judgedCount: number;
  rows: { column: string; value: string | null; size: number; judged: boolean; values: (number | null)[] }[];
}

export interface FactRow {
  label: string;
  value: string;
  /** Shown as a code span when it is hexadecimal (hashes, commits). */
  code: boolean;
  url: string | null;
}

export interface DeltaChartData {
  /** "pp": changes of proportions in percentage points; "%": relative changes, in percent of |baseline|. */
  unit: "pp" | "%";
  items: { name: string; value: number; ci: [number, number] | null; better: boolean | null }[];
  /** Metrics with a delta left out of the chart (not proportions, or no baseline to divide by). */
  leftOut: string[];
}

export interface PsiChartData {
  threshold: number | null;
  /** Every feature with a PSI, largest first. */
  items: { name: string; psi: number; drifted: boolean }[];
}

/** Longest data strings shown, in characters: the rest is cut with "…" (the JSON files keep everything). */
export const MAX_NAME = 200;
export const MAX_TEXT = 600;
export const MAX_REASON = 2000;
/** Confusion matrices with more classes than this show per-class metrics only. */
export const MAX_MATRIX_CLASSES = 30;
/** Metrics shown per slice. */
export const MAX_SLICE_METRICS = 4;

export function buildReportModel(input: ReportInput, reportId?: string): ReportModel {
  const comparison = input.comparison ? comparisonModel(input.comparison) : null;
  const validation = input.validation ? validationModel(input.validation) : null;
  const drift = input.drift ? driftModel(input.drift) : null;
  const metricsDoc = input.candidateMetrics;
  const id = reportId === undefined || reportId === "" ? null : clip(reportId, MAX_NAME);
  return {
    reportId: id,
    titleId: id === "default" ? null : id,
    verdict: verdictModel(input, validation, drift),
    comparison,
    candidateMetrics: !comparison && metricsDoc ? candidateMetricsModel(metricsDoc) : null,
    validation,
    drift,
    confusion: metricsDoc ? confusionModel(metricsDoc) : null,
    slices: metricsDoc?.slices?.length ? slicesModel(metricsDoc, input.comparison) : null,
    facts: factRows(input),
    deltaChart: comparison ? deltaChartData(comparison.rows) : null,
    psiChart: drift ? psiChartData(input.drift!) : null,
  };
}

/** At most `max` characters (code points), cut with "…". */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const chars = Array.from(s);
  return chars.length <= max ? s : chars.slice(0, max - 1).join("") + "…";
}

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

function verdictModel(input: ReportInput, validation: ValidationModel | null, drift: DriftModel | null): VerdictModel {
  const parts: { status: Verdict; reason: string; headline: Record<Verdict, string> }[] = [];
  if (input.comparison)
    parts.push({
      status: input.comparison.verdict,
      reason: clip(input.comparison.reason, MAX_REASON),
      headline: {
        pass: "Pass: the candidate may replace production",
        warn: "Warn: the candidate passes, with warnings",
        fail: "Fail: the candidate may not replace production",
      },
    });
  if (validation)
    parts.push({
      status: validation.status,
      reason: `Data validation: ${validation.headline}`,
      headline: {
        pass: "Pass: data checks pass",
        warn: "Warn: data validation has warnings",
        fail: "Fail: data validation failed",
      },
    });
  if (drift)
    parts.push({
      status: drift.status,
      reason: drift.headline,
      headline: { pass: "Pass: no dataset drift", warn: "Warn: the data drifted", fail: "Fail: the data drifted" },
    });
  if (parts.length === 0)
    return {
      status: "none",
      headline: "No gate: candidate metrics only",
      reason: input.candidateMetrics
        ? `Metrics of ${clip(input.candidateMetrics.model.path, MAX_NAME)} on ${formatCount(input.candidateMetrics.data.rows)} rows; no baseline was compared.`
        : "Nothing to report: no comparison, metrics, validation or drift result was given.",
      also: [],
    };
  const rank: Record<Verdict, number> = { pass: 0, warn: 1, fail: 2 };
  const worst = parts.reduce((w, p) => (rank[p.status] > rank[w.status] ? p : w), parts[0]!);
  // The comparison is the decision when it is as bad as anything else; otherwise the worst part leads.
  const lead = rank[parts[0]!.status] === rank[worst.status] ? parts[0]! : worst;
  return {
    status: worst.status,
    headline: lead.headline[worst.status],
    reason: lead.reason,
    also: parts.filter((p) => p !== lead && p.status !== "pass").map((p) => p.reason),
  };
}

function comparisonModel(c: ComparisonResult): ComparisonModel {
  const pct = `${Number((c.confidence * 100).toFixed(1))}%`;
  const basis = c.paired
    ? `Paired on the same ${c.rows !== null ? `${formatCount(c.rows)} ` : ""}rows, ${formatCount(c.resamples)} bootstrap resamples: intervals are ${pct} percentile bootstrap intervals of the delta, and change rules are judged on their worse bound.`
    : "Point values only: the models were not evaluated on the same rows, so deltas have no interval and change rules are judged on the point delta.";
  const rows: MetricRow[] = c.metrics.map((m) => ({
    name: clip(m.name, MAX_NAME),
    direction: m.direction,
    baseline: m.baseline,
    candidate: m.candidate,
    delta: m.delta,
    ci: m.ci,
    proportion: isProportionMetric(m.name),
    rule: m.rule === null ? null : clip(m.rule, MAX_TEXT),
    status: m.status,
  }));
  const checks: CheckRow[] = c.metrics.flatMap((m) =>
    m.checks.map((k) => ({
      metric: clip(m.name, MAX_NAME),
      passed: k.passed,
      status: k.passed ? ("pass" as const) : m.status === "warn" ? ("warn" as const) : ("fail" as const),
      description: clip(k.description, MAX_TEXT),
    })),
  );
  const mcnemar = c.metrics.flatMap((m) => {
    if (!m.mcnemar) return [];
    const { baseline_only_correct: b, candidate_only_correct: k, p_value: p } = m.mcnemar;
    const pText = p < 0.001 ? "p < 0.001" : `p = ${formatPValue(p)}`;
    return [
      `${clip(m.name, MAX_NAME)}: exact McNemar test on the ${plural(b + k, "row", "rows")} where the models disagree: the baseline alone is right on ${formatCount(b)}, the candidate alone on ${formatCount(k)}, ${pText}.`,
    ];
  });
  return {
    paired: c.paired,
    basis,
    intervalHeader: `${pct} interval`,
    rows,
    checks,
    mcnemar,
    notes: c.notes.map((n) => clip(n, MAX_TEXT)),
    candidateSource: clip(c.candidate.source, MAX_TEXT),
    baselineSource: clip(c.baseline.source, MAX_TEXT),
  };
}

function candidateMetricsModel(doc: MetricsDocument): CandidateMetricsModel {
  return {
    task: doc.task,
    rows: Object.entries(doc.metrics).map(([name, value]) => ({
      name: clip(name, MAX_NAME),
      value,
      proportion: isProportionMetric(name),
    })),
    notes: doc.notes.map((n) => clip(`${n.metric}: ${n.reason}`, MAX_TEXT)),
  };
}

function validationModel(v: ValidateReport): ValidationModel {
  const errors = v.violations.filter((x) => x.severity === "error").length;
  const warnings = v.violations.length - errors;
  const status: Verdict = errors > 0 ? "fail" : warnings > 0 ? "warn" : "pass";
  const on = `${plural(v.rows, "row", "rows")} of ${clip(v.data, MAX_TEXT)}`;
  const headline =
    errors + warnings === 0
      ? `every check passes on ${on}`
      : [
          errors ? plural(errors, "failing check", "failing checks") : "",
          warnings ? plural(warnings, "warning", "warnings") : "",
        ]
          .filter(Boolean)
          .join(" and ") + ` on ${on}`;
  const sources = [
    v.schema !== null ? `schema ${clip(v.schema, MAX_TEXT)}` : "",
    v.holdout !== null ? `holdout ${clip(v.holdout, MAX_TEXT)}` : "",
  ]
    .filter(Boolean)
    .join(", ");
  // Errors first, then by the share of rows affected.
  const ordered = [...v.violations].sort(
    (a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) || b.fraction - a.fraction,
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
      message: clip(x.message, MAX_TEXT),
    })),
    examples: ordered.flatMap((x) =>
      x.examples.map((e) => ({
        column: x.column === null ? null : clip(x.column, MAX_NAME),
        kind: x.kind,
        row: e.row,
        value: e.value === null ? null : clip(e.value, MAX_NAME),
        trainRow: e.trainRow ?? null,
      })),
    ),
    notes: (v.leakage?.notes ?? []).map((n) => clip(n, MAX_TEXT)),
  };
}

function featureRow(f: FeatureDrift): FeatureRow {
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
    currentMissing: f.current.missing,
  };
}

function driftModel(d: DriftReport): DriftModel {
  const features = d.features.map(featureRow);
  const driftedCount = features.filter((f) => f.drifted).length;
  const n = features.length;
  const counted = `${formatCount(driftedCount)} of ${plural(n, "feature", "features")} drifted (${formatPercent(d.drifted_share)})`;
  const headline = d.dataset_drifted ? `Dataset drift: ${counted}.` : `No dataset drift: ${counted}.`;
  const p = d.policy;
  const policy = `Method ${p.method}: significance ${formatParameter(p.alpha)} with ${p.correction} correction, PSI threshold ${formatParameter(p.psi_threshold)}, ${formatCount(p.bins)} bins; the dataset drifts when ${formatPercent(p.dataset_share)} of features drift.`;
  const key = (f: FeatureRow) => f.psi ?? f.statistic;
  return {
    status: d.dataset_drifted ? "warn" : "pass",
    headline,
    summary: clip(d.summary, MAX_REASON),
    policy: clip(policy, MAX_TEXT),
    sources: `reference ${clip(d.reference, MAX_TEXT)}, current ${clip(d.current, MAX_TEXT)}`,
    featureCount: n,
    driftedCount,
    drifted: features
      .filter((f) => f.drifted)
      .sort((a, b) => Number(b.critical) - Number(a.critical) || key(b) - key(a)),
    features,
    skipped: d.skipped.map((s) => ({ name: clip(s.name, MAX_NAME), reason: clip(s.reason, MAX_TEXT) })),
  };
}

function confusionModel(doc: MetricsDocument): ConfusionModel | null {
  if (!doc.classes || (!doc.confusion_matrix && !doc.per_class)) return null;
  const classes = doc.classes.map((c) => clip(c, MAX_NAME));
  const tooMany = classes.length > MAX_MATRIX_CLASSES;
  return {
    classes,
    matrix:
      doc.confusion_matrix && !tooMany
        ? doc.confusion_matrix.map((cells, i) => ({ label: classes[i] ?? `class ${i}`, cells }))
        : [],
    matrixNote: tooMany
      ? `The matrix of ${formatCount(classes.length)} classes is in the metrics file; per-class metrics below.`
      : null,
    perClass: (doc.per_class ?? []).map((c) => ({ ...c, label: clip(c.label, MAX_NAME) })),
    positiveLabel: doc.positive_label !== undefined ? clip(doc.positive_label, MAX_NAME) : null,
  };
}

function slicesModel(doc: MetricsDocument, comparison: ComparisonResult | undefined): SlicesModel {
  const slices = doc.slices ?? [];
  const present = new Set(slices.flatMap((s) => Object.keys(s.metrics)));
  const preferred = (comparison?.metrics.map((m) => m.name) ?? []).filter((n) => present.has(n));
  const metricNames = [...new Set([...preferred, ...present])].slice(0, MAX_SLICE_METRICS);
  return {
    metricNames: metricNames.map((n) => clip(n, MAX_NAME)),
    count: slices.length,
    judgedCount: slices.filter((s) => s.judged).length,
    rows: slices.map((s) => ({
      column: clip(s.column, MAX_NAME),
      value: s.value === null ? null : clip(s.value, MAX_NAME),
      size: s.size,
      judged: s.judged,
      values: metricNames.map((n) => s.metrics[n] ?? null),
    })),
  };
}

function factRows(input: ReportInput): FactRow[] {
  const f: ReportFacts = input.facts ?? {};
  const c = input.comparison;
  const m = input.candidateMetrics;
  const rows: FactRow[] = [];
  const add = (label: string, value: string | null | undefined, opts: Partial<FactRow> = {}) => {
    if (value === null || value === undefined || value === "") return;
    rows.push({ label, value: clip(String(value), MAX_TEXT), code: false, url: null, ...opts });
  };
  const duration = f.durationMs ?? c?.duration_ms ?? m?.duration_ms;
  if (duration !== undefined) add("duration", formatDuration(duration));
  add("commit", f.commit, { code: true });
  add("ref", f.ref);
  if (f.workflowRunUrl) add("workflow run", f.workflowRunUrl, { url: f.workflowRunUrl });
  const data = c?.data ?? m?.data ?? null;
  if (data) add("data", `${data.path} (${plural(data.rows, "row", "rows")})`);
  add("data sha256", f.dataSha256 ?? data?.sha256, { code: true });
  if (c) add("candidate", c.candidate.source);
  else if (m) add("candidate", m.model.path);
  add("candidate model sha256", f.modelSha256 ?? c?.candidate.model?.sha256 ?? m?.model.sha256, { code: true });
  const bytes = f.modelBytes ?? c?.candidate.model?.bytes ?? m?.model.bytes;
  if (bytes !== undefined) add("candidate model size", formatBytes(bytes));
  if (c) add("baseline", c.baseline.source);
  add("baseline model sha256", f.baselineModelSha256 ?? c?.baseline.model?.sha256, { code: true });
  if (c) add("bootstrap seed", formatCount(c.seed));
  add("generated at", f.generatedAt);
  return rows;
}

function deltaChartData(rows: MetricRow[]): DeltaChartData | null {
  const withDelta = rows.filter((r) => r.delta !== null && Number.isFinite(r.delta));
  if (withDelta.length === 0) return null;
  const proportions = withDelta.filter((r) => r.proportion);
  const betterOf = (r: MetricRow, d: number) => (d === 0 ? null : r.direction === "higher" ? d > 0 : d < 0);
  if (proportions.length > 0)
    return {
      unit: "pp",
      items: proportions.map((r) => ({
        name: r.name,
        value: r.delta! * 100,
        ci: r.ci ? [r.ci[0] * 100, r.ci[1] * 100] : null,
        better: betterOf(r, r.delta!),
      })),
      leftOut: withDelta.filter((r) => !r.proportion).map((r) => r.name),
    };
  const relative = withDelta.filter((r) => r.baseline !== null && r.baseline !== 0);
  if (relative.length === 0) return null;
  return {
    unit: "%",
    items: relative.map((r) => {
      const scale = 100 / Math.abs(r.baseline!);
      return {
        name: r.name,
        value: r.delta! * scale,
        ci: r.ci ? [r.ci[0] * scale, r.ci[1] * scale] : null,
        better: betterOf(r, r.delta!),
      };
    }),
    leftOut: withDelta.filter((r) => !relative.includes(r)).map((r) => r.name),
  };
}

function psiChartData(d: DriftReport): PsiChartData | null {
  const items = d.features
    .map((f) => ({
      name: clip(f.name, MAX_NAME),
      psi: f.tests.psi?.statistic ?? (f.method === "psi" ? f.statistic : NaN),
      drifted: f.drifted,
    }))
    .filter((x) => Number.isFinite(x.psi))
    .sort((a, b) => b.psi - a.psi);
  if (items.length === 0) return null;
  return { threshold: Number.isFinite(d.policy.psi_threshold) ? d.policy.psi_threshold : null, items };
}
