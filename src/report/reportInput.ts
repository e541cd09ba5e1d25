import type { ValidateReport } from "../schema/validateReport.js";
import type { ComparisonResult } from "../compare/comparisonResult.js";
import type { DriftReport } from "../drift/driftReport.js";
import type { MetricsDocument } from "../model/evaluate/metricsDocument.js";

/** Facts about the run, shown in the report's "Run facts" part. Each is optional; absent facts are left out. */
export interface ReportFacts {
  commit?: string;
  ref?: string;
  /** Link to the workflow run; shown as a link in Markdown only when it is an http(s) URL, as text in HTML. */
  workflowRunUrl?: string;
  durationMs?: number;
  dataSha256?: string;
  modelSha256?: string;
  modelBytes?: number;
  baselineModelSha256?: string;
  /** ISO 8601 time; never invented, so that the same input renders the same report. */
  generatedAt?: string;
}

/** What one run produced. Any part may be missing: a validate-only run renders just the data section. */
export interface ReportInput {
  comparison?: ComparisonResult;
  candidateMetrics?: MetricsDocument;
  /** The baseline's metrics (its confusion matrix is shown next to the candidate's). */
  baselineMetrics?: MetricsDocument;
  validation?: ValidateReport;
  drift?: DriftReport;
  facts?: ReportFacts;
}

export interface RenderReportOptions {
  /** A directory whose `*.hbs` files replace the shipped templates of the same name (partials too). */
  templateDir?: string;
  /**
   * The id of the report's hidden marker (`<!-- modelguard:report id=ID -->`), which the GitHub layer prepends; shown
   * in the title so that several workflows' reports tell apart (except the CLI's "default"), and counted in the
   * comment's size budget.
   */
  reportId?: string;
  /** Where the full report is (job summary, artifact): linked from the line that says what a trimmed report left out. */
  fullReportUrl?: string;
  /**
   * The repository's directory (GITHUB_WORKSPACE or the git top level): paths inside it are shown relative to it,
   * absolute paths outside it by their last two parts, so no report shows the directories of the machine that ran it.
   */
  pathBase?: string;
}

export interface RenderedReport {
  /** The PR comment: at most 65,536 characters minus room for the marker line (see `commentBudget`). */
  comment: string;
  /** The job summary: the full Markdown, at most 1 MiB in UTF-8. */
  summary: string;
  /** One self-contained HTML file: no script, nothing loaded from anywhere. */
  html: string;
  /** What the comment left out to fit ("slices (2,000 rows)", ...), most important last; empty when nothing was. */
  omitted: string[];
  /** What the job summary left out to fit 1 MiB; usually empty. */
  summaryOmitted: string[];
}
