import type { ValidateReport } from "../schema/validateReport.js";
import type {
  ComparisonResult,
  GateStatus,
  MetricDirection,
  SliceComparison,
  SliceMetricComparison,
  Verdict,
} from "../compare/comparisonResult.js";
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
import { displayPath } from "./displayPath.js";

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
  /** The candidate's confusion matrix, then the baseline's when it is known. */
  confusion: ConfusionModel[];
  slices: SlicesModel | null;
  /** `compare --slice-by`: each slice's change with its interval and gate, and the fairness gaps. */
  sliceComparison: SliceComparisonModel | null;
  facts: FactRow[];
  deltaChart: DeltaChartData | null;
  psiChart: PsiChartData | null;
}

/** "none": nothing was gated (e.g. an evaluate-only run). */
export type ReportStatus = Verdict | "none";

export interface VerdictModel {
  status: ReportStatus;
  /** "Fail", "Pass", "Warn", "Inconclusive" or "Info": the badge, and the start of the headline. */
  label: string;
  /** The headline after its label: "The candidate may not replace production". */
  title: string;
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
  /** The interval of the relative change, shown when a relative rule was judged on it. */
  ciRelative: [number, number] | null;
  /** Half the interval's width: the smallest change these rows can show. */
  detectable: number | null;
  /** Proportions show values in percent and changes in percentage points, everywhere in the report. */
  proportion: boolean;
  rule: string | null;
  status: GateStatus | null;
}

export interface CheckRow {
  metric: string;
  passed: boolean;
  status: GateStatus;
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
  /** The report's dataset_drifted (status is also "warn" when only data quality failed). */
  datasetDrifted: boolean;
  /** Data-quality signals that fired (at most MAX_QUALITY_ROWS), and how many more did. */
  quality: { name: string; signal: string; share: number; expected: number; threshold: number }[];
  qualityMore: number;
}

/** Fired quality signals listed in the drift section; the rest are counted. */
const MAX_QUALITY_ROWS = 20;

export interface ConfusionModel {
  /** "candidate" or "baseline". */
  side: string;
  /** The model's file, as shown in the report. */
  source: string;
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
  rows: {
    column: string;
    value: string | null;
    size: number;
    judged: boolean;
    values: { value: number | null; proportion: boolean }[];
  }[];
}

export interface SliceComparisonModel {
  column: string;
  metric: string;
  proportion: boolean;
  rule: string | null;
  minSize: number;
  intervalHeader: string;
  status: GateStatus | null;
  rows: Pick<
    SliceMetricComparison,
    "value" | "size" | "judged" | "baseline" | "candidate" | "delta" | "ci" | "status"
  >[];
  gaps: { what: string; model: string; high: string; low: string; gap: number; ci: [number, number] | null }[];
  /** Why no gaps are shown, when none are. */
  gapsNote: string | null;
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

/**
 * `pathBase`: the repository's directory (GITHUB_WORKSPACE or the git top level); file paths inside it are shown
 * relative to it, others by their last parts (see displayPath).
 */
export function buildReportModel(input: ReportInput, reportId?: string, pathBase?: string): ReportModel {
  const show: ShowPath = (p) => displayPath(p, pathBase);
  const comparison = input.comparison ? comparisonModel(input.comparison, show) : null;
  const validation = input.validation ? validationModel(input.validation, show) : null;
  const drift = input.drift ? driftModel(input.drift, show) : null;
  const metricsDoc = input.candidateMetrics;
  const id = reportId === undefined || reportId === "" ? null : clip(reportId, MAX_NAME);
  const sliceComparison = input.comparison?.slices
    ? sliceComparisonModel(input.comparison.slices, input.comparison.confidence)
    : null;
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
      input.baselineMetrics ? confusionModel(input.baselineMetrics, "baseline", show) : null,
    ].filter((x): x is ConfusionModel => x !== null),
    slices: !sliceComparison && metricsDoc?.slices?.length ? slicesModel(metricsDoc, input.comparison) : null,
    sliceComparison,
    facts: factRows(input, show),
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

type ShowPath = (path: string) => string;

/** "no dataset drift: ..." -> "No dataset drift: ...". */
const sentence = (s: string) => (s === "" ? s : s[0]!.toUpperCase() + s.slice(1));

function verdictModel(
  input: ReportInput,
  validation: ValidationModel | null,
  drift: DriftModel | null,
  show: ShowPath,
): VerdictModel {
  type Headline = [label: string, title: string];
  const parts: { status: Verdict; reason: string; headline: Record<Verdict, Headline> }[] = [];
  const c = input.comparison;
  if (c)
    parts.push({
      status: c.verdict,
      reason: clip(c.reason, MAX_REASON),
      // An inconclusive outcome says so whatever on_inconclusive made of it: "not enough evidence" is not a failure.
      headline:
        c.outcome === "inconclusive"
          ? {
              fail: ["Inconclusive", "not enough evidence, so the candidate may not replace production"],
              warn: ["Inconclusive", "not enough evidence; the candidate may replace production, with a warning"],
              pass: [
                "Inconclusive",
                "not enough evidence; the candidate may replace production (on_inconclusive: pass)",
              ],
            }
          : {
              pass: ["Pass", "the candidate may replace production"],
              warn: ["Warn", "the candidate passes, with warnings"],
              fail: ["Fail", "the candidate may not replace production"],
            },
    });
  if (validation)
    parts.push({
      status: validation.status,
      reason: `Data validation: ${validation.headline}`,
      headline: {
        pass: ["Pass", "data checks pass"],
        warn: ["Warn", "data validation has warnings"],
        fail: ["Fail", "data validation failed"],
      },
    });
  if (drift) {
    // A quality failure without drift is not "the data drifted": the headline says what failed.
    const what = drift.datasetDrifted ? "the data drifted" : "data quality failed";
    parts.push({
      status: drift.status,
      reason: drift.headline,
      headline: {
        pass: ["Pass", "no dataset drift"],
        warn: ["Warn", what],
        fail: ["Fail", what],
      },
    });
  }
  const of = (label: string, title: string) => ({ label, title: sentence(title), headline: `${label}: ${title}` });
  if (parts.length === 0)
    return {
      status: "none",
      ...of("Info", "candidate metrics only, no gate"),
      reason: input.candidateMetrics
        ? `Metrics of ${clip(show(input.candidateMetrics.model.path), MAX_NAME)} on ${formatCount(input.candidateMetrics.data.rows)} rows; no baseline was compared.`
        : "Nothing to report: no comparison, metrics, validation or drift result was given.",
      also: [],
    };
  const rank: Record<Verdict, number> = { pass: 0, warn: 1, fail: 2 };
  const worst = parts.reduce((w, p) => (rank[p.status] > rank[w.status] ? p : w), parts[0]!);
  // The comparison is the decision when it is as bad as anything else; otherwise the worst part leads.
  const lead = rank[parts[0]!.status] === rank[worst.status] ? parts[0]! : worst;
  const [label, title] = lead.headline[worst.status];
  return {
    status: worst.status,
    ...of(label, title),
    reason: lead.reason,
    also: parts.filter((p) => p !== lead && p.status !== "pass").map((p) => p.reason),
  };
}

/** How the intervals were made, from each metric's ci_method (comparisons without it were all bootstrap). */
function intervalBasis(c: ComparisonResult, pct: string): string {
  const bootstrap = `, ${formatCount(c.resamples)} bootstrap resamples: intervals are ${pct} percentile bootstrap intervals of the change.`;
  const analytic = c.metrics.filter((m) => m.ci_method === "analytic").map((m) => clip(m.name, MAX_NAME));
  if (analytic.length === 0) return bootstrap;
  const rest = c.metrics.some((m) => m.ci && m.ci_method !== "analytic");
  return `: intervals are ${pct} analytic intervals of the change (estimate ± z × standard error: DeLong for ROC AUC, the delta method for ratios, the normal approximation for means) for ${analytic.join(", ")}${rest ? `; the others are percentile bootstrap intervals (${formatCount(c.resamples)} resamples)` : ""}.`;
}

function comparisonModel(c: ComparisonResult, show: ShowPath): ComparisonModel {
  const pct = `${Number((c.confidence * 100).toFixed(1))}%`;
  const basis = c.paired
    ? `Paired on the same ${c.rows !== null ? `${formatCount(c.rows)} ` : ""}rows${intervalBasis(c, pct)} A change rule passes when the interval's worse bound is within the allowed change, fails when the whole interval is beyond it, and is inconclusive when the interval straddles it (on_inconclusive: ${c.on_inconclusive ?? "fail"}). Proportions (accuracy, f1, ...) are in percent, their changes in percentage points (pp).`
    : "Point values only: the models were not evaluated on the same rows, so changes have no interval and change rules are judged on the point change. Proportions (accuracy, f1, ...) are in percent, their changes in percentage points (pp).";
  const rows: MetricRow[] = c.metrics.map((m) => ({
    name: clip(m.name, MAX_NAME),
    direction: m.direction,
    baseline: m.baseline,
    candidate: m.candidate,
    delta: m.delta,
    ci: m.ci,
    // Shown where a relative rule was judged on it: every interval a gate used is on the page.
    ciRelative: m.checks.some((k) => k.kind.includes("relative")) ? (m.ci_relative ?? null) : null,
    detectable: m.detectable_change ?? null,
    proportion: isProportionMetric(m.name),
    rule: m.rule === null ? null : clip(m.rule, MAX_TEXT),
    status: m.status,
  }));
  const checks: CheckRow[] = c.metrics.flatMap((m) =>
    m.checks.map((k) => ({
      metric: clip(m.name, MAX_NAME),
      passed: k.passed,
      status:
        k.outcome === "pass" || (k.outcome === undefined && k.passed)
          ? ("pass" as const)
          : k.outcome === "inconclusive"
            ? ("inconclusive" as const)
            : m.status === "warn"
              ? ("warn" as const)
              : ("fail" as const),
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
    candidateSource: clip(show(c.candidate.source), MAX_TEXT),
    baselineSource: clip(show(c.baseline.source), MAX_TEXT),
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

function validationModel(v: ValidateReport, show: ShowPath): ValidationModel {
  const errors = v.violations.filter((x) => x.severity === "error").length;
  const warnings = v.violations.length - errors;
  const status: Verdict = errors > 0 ? "fail" : warnings > 0 ? "warn" : "pass";
  const on = `${plural(v.rows, "row", "rows")} of ${clip(show(v.data), MAX_TEXT)}`;
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
    v.schema !== null ? `schema ${clip(show(v.schema), MAX_TEXT)}` : "",
    v.holdout !== null ? `holdout ${clip(show(v.holdout), MAX_TEXT)}` : "",
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

function driftModel(d: DriftReport, show: ShowPath): DriftModel {
  const features = d.features.map(featureRow);
  const driftedCount = features.filter((f) => f.drifted).length;
  const n = features.length;
  const counted = `${formatCount(driftedCount)} of ${plural(n, "feature", "features")} drifted (${formatPercent(d.drifted_share)})`;
  const fired = d.quality?.fired ?? [];
  const qualityColumns = new Set(fired.map((f) => f.feature)).size;
  const headline =
    (fired.length > 0 ? `Data quality failed in ${plural(qualityColumns, "column", "columns")}. ` : "") +
    (d.dataset_drifted ? `Dataset drift: ${counted}.` : `No dataset drift: ${counted}.`);
  const p = d.policy;
  const major =
    typeof p.major_psi === "number" ? `, or when one drifts with PSI ${formatParameter(p.major_psi)} or more` : "";
  const policy = `Method ${p.method}: significance ${formatParameter(p.alpha)} with ${p.correction} correction, PSI threshold ${formatParameter(p.psi_threshold)}, ${formatCount(p.bins)} bins; the dataset drifts when ${formatPercent(p.dataset_share)} of features drift${major}.`;
  const measured = new Map((d.quality?.features ?? []).map((q) => [q.name, q]));
  const quality = fired.slice(0, MAX_QUALITY_ROWS).map((f) => {
    const m = measured.get(f.feature)?.[f.signal];
    return {
      name: clip(f.feature, MAX_NAME),
      signal: f.signal.replace(/_share$/, "").replace(/_/g, " "),
      share: f.share,
      expected: m?.expected ?? 0,
      threshold: typeof m?.threshold === "number" ? m.threshold : 0,
    };
  });
  const key = (f: FeatureRow) => f.psi ?? f.statistic;
  return {
    status: d.dataset_drifted || d.quality_failed === true ? "warn" : "pass",
    headline,
    // The drift module's own summary says the same as the headline and more: the section shows it once.
    summary: clip(sentence(d.summary.trim() === "" ? headline : d.summary), MAX_REASON),
    policy: clip(policy, MAX_TEXT),
    sources: `reference ${clip(show(d.reference), MAX_TEXT)}, current ${clip(show(d.current), MAX_TEXT)}`,
    featureCount: n,
    driftedCount,
    drifted: features
      .filter((f) => f.drifted)
      .sort((a, b) => Number(b.critical) - Number(a.critical) || key(b) - key(a)),
    features,
    skipped: d.skipped.map((s) => ({ name: clip(s.name, MAX_NAME), reason: clip(s.reason, MAX_TEXT) })),
    datasetDrifted: d.dataset_drifted,
    quality,
    qualityMore: fired.length - quality.length,
  };
}

function confusionModel(doc: MetricsDocument, side: string, show: ShowPath): ConfusionModel | null {
  if (!doc.classes || (!doc.confusion_matrix && !doc.per_class)) return null;
  const classes = doc.classes.map((c) => clip(c, MAX_NAME));
  const tooMany = classes.length > MAX_MATRIX_CLASSES;
  return {
    side,
    source: clip(show(doc.model.path), MAX_TEXT),
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
      values: metricNames.map((n) => ({ value: s.metrics[n] ?? null, proportion: isProportionMetric(n) })),
    })),
  };
}

const GAP_NAMES: Record<string, string> = {
  positive_rate: "positive rate (share predicted positive)",
  true_positive_rate: "true-positive rate (recall of the positive class)",
};

function sliceComparisonModel(s: SliceComparison, confidence: number): SliceComparisonModel {
  const value = (v: string | null) => (v === null ? "(missing)" : clip(v, MAX_NAME));
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
      status: x.status,
    })),
    gaps: s.gaps.map((g) => ({
      what: GAP_NAMES[g.kind] ?? g.kind,
      model: g.model,
      high: value(g.high.value),
      low: value(g.low.value),
      gap: g.gap,
      ci: g.ci,
    })),
    gapsNote:
      s.gaps.length > 0
        ? null
        : judgedGaps < 2
          ? `Fairness gaps need two slices of at least ${formatCount(s.min_size)} rows; ${formatCount(judgedGaps)} ${judgedGaps === 1 ? "has" : "have"} that many.`
          : "Fairness gaps are computed for binary classification only.",
  };
}

function factRows(input: ReportInput, show: ShowPath): FactRow[] {
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
  if (data) add("data", `${show(data.path)} (${plural(data.rows, "row", "rows")})`);
  add("data sha256", f.dataSha256 ?? data?.sha256, { code: true });
  if (c) add("candidate", show(c.candidate.source));
  else if (m) add("candidate", show(m.model.path));
  add("candidate model sha256", f.modelSha256 ?? c?.candidate.model?.sha256 ?? m?.model.sha256, { code: true });
  const bytes = f.modelBytes ?? c?.candidate.model?.bytes ?? m?.model.bytes;
  if (bytes !== undefined) add("candidate model size", formatBytes(bytes));
  if (c) add("baseline", show(c.baseline.source));
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
