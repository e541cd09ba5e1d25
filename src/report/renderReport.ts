import Handlebars from "handlebars";
import { reportMarker } from "../github/reportMarker.js";
import { isPlainUrl } from "./reportHelpers.js";
import type { RenderedReport, RenderReportOptions, ReportInput } from "./reportInput.js";
import { mermaidDeltaChart, mermaidPsiChart } from "./mermaidCharts.js";
import { buildReportModel } from "./reportModel.js";
import { loadReportTemplates } from "./reportTemplates.js";
import { fitReport, FULL, reportView, type ChartFragments, type TrimState } from "./reportView.js";
import { svgDeltaChart, svgPsiChart } from "./svgCharts.js";

/** GitHub refuses comment bodies over 65,536 characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;
/** Room kept for the marker line the GitHub layer prepends (`<!-- modelguard:report id=ID -->\n`). */
export const MARKER_RESERVE = 200;
/** A step's job summary is at most 1 MiB. */
export const JOB_SUMMARY_LIMIT_BYTES = 1_048_576;

/**
 * Characters the comment may have: the limit minus room for the marker line the GitHub layer prepends. Checks the
 * report id (1-128 characters), so a bad id fails before anything renders.
 */
export function commentBudget(reportId?: string): number {
  const marker = reportId === undefined ? 0 : reportMarker(reportId).length + 1;
  return GITHUB_COMMENT_LIMIT - Math.max(MARKER_RESERVE, marker);
}

/**
 * The PR comment, the job summary and the HTML page of one run, from the shipped templates (or those of
 * `options.templateDir`). The comment leads with the verdict and its reason, then the metrics table, data validation,
 * drift, charts, confusion matrix, slices and run facts; it stays within `commentBudget` characters (counted in UTF-16
 * units, never fewer than GitHub's count) by leaving out parts in a fixed order (`TRIM_STEPS`), saying what was left
 * out and linking `options.fullReportUrl`. The summary is the same report within 1 MiB of UTF-8; the HTML is never
 * trimmed.
 *
 * Example: renderReport({ comparison }).comment starts "### ❌ Fail: the candidate may not replace production".
 */
export function renderReport(input: ReportInput, options: RenderReportOptions = {}): RenderedReport {
  const templates = loadReportTemplates(options.templateDir);
  const model = buildReportModel(input, options.reportId, options.pathBase);
  const fullReportUrl = isPlainUrl(options.fullReportUrl) ? options.fullReportUrl : null;

  const markdownCharts: ChartFragments = {
    deltas: model.deltaChart ? new Handlebars.SafeString(mermaidDeltaChart(model.deltaChart)) : null,
    psi: model.psiChart ? new Handlebars.SafeString(mermaidPsiChart(model.psiChart)) : null,
  };
  const budget = commentBudget(options.reportId);
  const comment = fitReport(
    model,
    (state: TrimState, omitted: string[]) =>
      templates.comment(
        reportView(model, state, markdownCharts, {
          format: "comment",
          omitted,
          limitText: "the size limit of a GitHub comment",
          fullReportUrl,
        }),
      ),
    (text) => text.length <= budget,
    "\n\n_The rest of this report did not fit in a comment._\n",
  );
  const summary = fitReport(
    model,
    (state: TrimState, omitted: string[]) =>
      templates.summary(
        reportView(model, state, markdownCharts, {
          format: "summary",
          omitted,
          limitText: "the 1 MiB limit of a job summary",
          fullReportUrl,
        }),
      ),
    (text) => Buffer.byteLength(text, "utf8") <= JOB_SUMMARY_LIMIT_BYTES,
    "\n\n_The rest of this report did not fit in the job summary._\n",
  );
  const htmlCharts: ChartFragments = {
    deltas: model.deltaChart ? new Handlebars.SafeString(svgDeltaChart(model.deltaChart)) : null,
    psi: model.psiChart ? new Handlebars.SafeString(svgPsiChart(model.psiChart)) : null,
  };
  const html = templates.html(
    reportView(model, FULL, htmlCharts, { format: "html", omitted: [], limitText: "", fullReportUrl: null }),
  );
  return {
    comment: comment.text,
    summary: summary.text,
    html,
    omitted: comment.omitted,
    summaryOmitted: summary.omitted,
  };
}
