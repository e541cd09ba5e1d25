import { formatCount } from "./formatNumber.js";
import type { ReportModel } from "./reportModel.js";

/** Parts of a report that trimming can remove whole. */
export type SectionKey =
  | "slices"
  | "driftDetails"
  | "validationExamples"
  | "confusion"
  | "psiChart"
  | "deltaChart"
  | "gateChecks"
  | "notes"
  | "facts"
  | "drift"
  | "validation";

/** Tables that trimming can cut short, with a row saying how many rows were left out. */
export type TableKey = "driftedFeatures" | "violations" | "metrics";

export interface TrimState {
  hidden: ReadonlySet<SectionKey>;
  /** Rows kept per table (absent: all). */
  limits: Readonly<Partial<Record<TableKey, number>>>;
}

export const FULL: TrimState = { hidden: new Set(), limits: {} };

/** A trimming step: remove a section, or cut a table to the most rows that fit. */
export type TrimStep =
  | { kind: "section"; key: SectionKey; present: (m: ReportModel) => boolean; label: (m: ReportModel) => string }
  | { kind: "rows"; key: TableKey; total: (m: ReportModel) => number; label: (left: number, total: number) => string };

/**
 * The fixed order in which a report too big for its budget is trimmed, least important first: whole sections (slices,
 * per-feature drift details, per-column validation examples, confusion matrix, charts, gate check details), then long
 * tables cut short (drifted features, validation checks), then what remains apart from the verdict, the reason and the
 * metrics table (notes, run facts, the drift and validation sections); the metrics table itself is cut only when it
 * alone is over the budget.
 */
export const TRIM_STEPS: readonly TrimStep[] = [
  {
    kind: "section",
    key: "slices",
    present: (m) => m.slices !== null || m.sliceComparison !== null,
    label: (m) => `slices (${formatCount(m.slices?.count ?? m.sliceComparison!.rows.length)})`,
  },
  {
    kind: "section",
    key: "driftDetails",
    present: (m) => m.drift !== null && (m.drift.features.length > 0 || m.drift.skipped.length > 0),
    label: (m) => `per-feature drift details (${formatCount(m.drift!.featureCount)} features)`,
  },
  {
    kind: "section",
    key: "validationExamples",
    present: (m) => (m.validation?.examples.length ?? 0) > 0,
    label: (m) => `examples of failing values (${formatCount(m.validation!.examples.length)})`,
  },
  {
    kind: "section",
    key: "confusion",
    present: (m) => m.confusion.length > 0,
    label: (m) => (m.confusion.length > 1 ? "confusion matrices" : "confusion matrix") + " and per-class metrics",
  },
  { kind: "section", key: "psiChart", present: (m) => m.psiChart !== null, label: () => "PSI chart" },
  { kind: "section", key: "deltaChart", present: (m) => m.deltaChart !== null, label: () => "metric change chart" },
  {
    kind: "section",
    key: "gateChecks",
    present: (m) => (m.comparison?.checks.length ?? 0) > 0,
    label: () => "gate check details",
  },
  {
    kind: "rows",
    key: "driftedFeatures",
    total: (m) => m.drift?.drifted.length ?? 0,
    label: (left, total) => `${formatCount(left)} of ${formatCount(total)} rows of the drifted-features table`,
  },
  {
    kind: "rows",
    key: "violations",
    total: (m) => m.validation?.violations.length ?? 0,
    label: (left, total) => `${formatCount(left)} of ${formatCount(total)} rows of the validation table`,
  },
  {
    kind: "section",
    key: "notes",
    present: (m) =>
      (m.comparison?.notes.length ?? 0) +
        (m.comparison?.mcnemar.length ?? 0) +
        (m.validation?.notes.length ?? 0) +
        (m.candidateMetrics?.notes.length ?? 0) >
      0,
    label: () => "notes",
  },
  { kind: "section", key: "facts", present: (m) => m.facts.length > 0, label: () => "run facts" },
  { kind: "section", key: "drift", present: (m) => m.drift !== null, label: () => "the drift section" },
  {
    kind: "section",
    key: "validation",
    present: (m) => m.validation !== null,
    label: () => "the data validation section",
  },
  {
    kind: "rows",
    key: "metrics",
    total: (m) => m.comparison?.rows.length ?? m.candidateMetrics?.rows.length ?? 0,
    label: (left, total) => `${formatCount(left)} of ${formatCount(total)} metrics`,
  },
];

/** Sections inside another: not listed as left out when their container is. */
const CONTAINER: Partial<Record<SectionKey | TableKey, SectionKey>> = {
  driftDetails: "drift",
  driftedFeatures: "drift",
  validationExamples: "validation",
  violations: "validation",
};

/** What a trim state leaves out, in the order of TRIM_STEPS. */
export function omittedItems(model: ReportModel, state: TrimState): string[] {
  const out: string[] = [];
  for (const step of TRIM_STEPS) {
    const container = CONTAINER[step.key];
    if (container && state.hidden.has(container)) continue;
    if (step.kind === "section") {
      if (state.hidden.has(step.key) && step.present(model)) out.push(step.label(model));
    } else {
      const limit = state.limits[step.key];
      const total = step.total(model);
      if (limit !== undefined && limit < total) out.push(step.label(total - limit, total));
    }
  }
  return out;
}

/** Fragments the renderer built for one format (Mermaid for Markdown, SVG for HTML): trusted, inserted raw. */
export interface ChartFragments {
  deltas: unknown;
  psi: unknown;
}

export interface ViewExtras {
  format: "comment" | "summary" | "html";
  omitted: string[];
  /** "GitHub's 65,536-character comment limit". */
  limitText: string;
  fullReportUrl: string | null;
}

/**
 * The data a template receives: the model with the trimmed parts removed (null or empty), tables cut to their limits
 * with `...More` counts of the rows left out, the charts of the template's format, and the `omitted` notice.
 */
export function reportView(model: ReportModel, state: TrimState, charts: ChartFragments, extras: ViewExtras) {
  const hidden = (k: SectionKey) => state.hidden.has(k);
  const cut = <T>(rows: readonly T[], key: TableKey) => {
    const limit = state.limits[key];
    const kept = limit === undefined ? rows : rows.slice(0, limit);
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
      rows: metricRows!.rows,
      rowsMore: metricRows!.more,
      checks: hidden("gateChecks") ? [] : c.checks,
      mcnemar: hidden("notes") ? [] : c.mcnemar,
      notes: hidden("notes") ? [] : c.notes,
    },
    candidateMetrics: cm && {
      ...cm,
      rows: candidateRows!.rows,
      rowsMore: candidateRows!.more,
      notes: hidden("notes") ? [] : cm.notes,
    },
    validation: v && {
      ...v,
      violations: violations!.rows,
      violationsMore: violations!.more,
      examples: hidden("validationExamples") ? [] : v.examples,
      notes: hidden("notes") ? [] : v.notes,
    },
    drift: d && {
      ...d,
      drifted: drifted!.rows,
      driftedMore: drifted!.more,
      details: hidden("driftDetails") ? null : { features: d.features, skipped: d.skipped },
    },
    charts: deltas || psi ? { deltas, psi } : null,
    confusion: hidden("confusion") ? [] : model.confusion,
    slices: hidden("slices") ? null : model.slices,
    sliceComparison: hidden("slices") ? null : model.sliceComparison,
    facts: hidden("facts") ? [] : model.facts,
    omitted:
      extras.omitted.length > 0
        ? { items: extras.omitted, limitText: extras.limitText, url: extras.fullReportUrl }
        : null,
  };
}

export type ReportView = ReturnType<typeof reportView>;

export interface FitResult {
  text: string;
  omitted: string[];
}

/**
 * The report rendered as fully as fits: render everything; while over the budget, apply TRIM_STEPS in order (a table
 * step keeps the most rows that fit, found by bisection). When whole sections were removed and nothing was cut short,
 * sections are then put back, most important first, wherever they still fit (a small early section need not go because
 * a large later one did). As a last resort (a template that is over the budget on its own), the text is cut at a line
 * end and says so.
 */
export function fitReport(
  model: ReportModel,
  render: (state: TrimState, omitted: string[]) => string,
  fits: (text: string) => boolean,
  cutNotice: string,
): FitResult {
  const attempt = (state: TrimState) => {
    const omitted = omittedItems(model, state);
    return { text: render(state, omitted), omitted };
  };
  let state: TrimState = FULL;
  let result = attempt(state);
  if (fits(result.text)) return result;

  const removed: SectionKey[] = [];
  let truncated = false;
  for (const step of TRIM_STEPS) {
    if (step.kind === "section") {
      if (!step.present(model) || state.hidden.has(step.key)) continue;
      removed.push(step.key);
      state = { ...state, hidden: new Set([...state.hidden, step.key]) };
      result = attempt(state);
      if (fits(result.text)) break;
    } else {
      const total = step.total(model);
      if (total === 0) continue;
      const container = CONTAINER[step.key];
      if (container && state.hidden.has(container)) continue;
      truncated = true;
      const withLimit = (limit: number): TrimState => ({ ...state, limits: { ...state.limits, [step.key]: limit } });
      // Largest limit in [0, total - 1] that fits; -1 when even 0 does not.
      let lo = -1;
      let hi = total - 1;
      let best: { text: string; omitted: string[] } | null = null;
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

/** The longest prefix ending at a line break that fits together with the notice. */
function hardCut(text: string, fits: (t: string) => boolean, notice: string): string {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = lo + Math.ceil((hi - lo) / 2);
    if (fits(text.slice(0, mid) + notice)) lo = mid;
    else hi = mid - 1;
  }
  const cut = text.lastIndexOf("\n", lo);
  return text.slice(0, cut > 0 ? cut : 0) + notice;
}
