import type { Command } from "commander";
import { execFileSync } from "node:child_process";
import { writeOutputFile } from "../../outputFile.js";
import { ModelguardError } from "../../errors.js";
import { reviveComparison, type ComparisonResult } from "../../compare/comparisonResult.js";
import { reviveDriftReport, type DriftReport } from "../../drift/driftReport.js";
import { reviveMetricsDocument } from "../../model/evaluate/metricsDocument.js";
import { renderReport } from "../../report/renderReport.js";
import type { ReportFacts, ReportInput } from "../../report/reportInput.js";
import { readReportInputFile, type ReportInputKind } from "../../report/readReportInputFile.js";
import type { CliIO } from "../io.js";
import { commentAuthorOf, publishReport } from "../publishReport.js";

export interface ReportOutputFlags {
  /** Markdown file to write (the full report, as in the job summary). */
  report?: string;
  html?: string;
  summary?: boolean;
  comment?: boolean;
  commentAuthor?: string;
  reportId: string;
  template?: string;
  fullReportUrl?: string;
}

/** Adds the flags every command that renders a report shares. */
export function withReportOptions(cmd: Command): Command {
  return cmd
    .option("--report <file>", "write the full report as Markdown")
    .option("--html <file>", "write the report as one self-contained HTML file")
    .option("--summary", "append the report to the GitHub job summary ($GITHUB_STEP_SUMMARY)")
    .option("--comment", "post or update the report's one comment on the pull request (needs GITHUB_TOKEN)")
    .option(
      "--comment-author <login>",
      "the account the token writes as, whose comment is the report's (default: the token's own; a GitHub App's " +
        "installation token needs its '<app-slug>[bot]')",
    )
    .option("--report-id <id>", "keeps separate comments for separate workflows", "default")
    .option("--template <dir>", "Handlebars templates that replace the shipped ones (same file names)")
    .option("--full-report-url <url>", "where the full report is, linked when the comment is trimmed");
}

export function registerReport(program: Command, io: CliIO): void {
  // --report names the Markdown output here too; the inputs are the results to render.
  withReportOptions(
    program
      .command("report")
      .description("render the PR report from saved results, and post it")
      .option("--comparison <file>", "compare --out result")
      .option("--validation <file>", "validate --out result")
      .option("--drift <file>", "drift --out result")
      .option("--metrics <file>", "evaluate -o result (the candidate's metrics)")
      .option("--baseline-metrics <file>", "evaluate -o result of the baseline (its confusion matrix is shown too)"),
  ).action(
    async (
      flags: ReportOutputFlags & {
        comparison?: string;
        validation?: string;
        drift?: string;
        metrics?: string;
        baselineMetrics?: string;
      },
    ) => {
      const input: ReportInput = {
        ...(flags.comparison ? { comparison: readResult(flags.comparison, "modelguard.comparison") } : {}),
        ...(flags.validation ? { validation: readResult(flags.validation, "modelguard.validation") } : {}),
        ...(flags.drift ? { drift: readResult(flags.drift, "modelguard.drift") } : {}),
        ...(flags.metrics ? { candidateMetrics: readResult(flags.metrics, "modelguard.metrics") } : {}),
        ...(flags.baselineMetrics ? { baselineMetrics: readResult(flags.baselineMetrics, "modelguard.metrics") } : {}),
      };
      if (Object.keys(input).length === 0) {
        throw new ModelguardError(
          "usage",
          "report needs at least one of --comparison, --validation, --drift, --metrics",
        );
      }
      // What was rendered is what a report step is judged on (the Action's verdict covers the job's earlier steps).
      const { comparison, validation, drift, candidateMetrics } = input;
      if (validation) io.result?.({ kind: "validation", value: validation, path: flags.validation ?? null });
      if (drift) io.result?.({ kind: "drift", value: drift, path: flags.drift ?? null });
      if (comparison) io.result?.({ kind: "comparison", value: comparison, path: flags.comparison ?? null });
      if (candidateMetrics) io.result?.({ kind: "metrics", value: candidateMetrics, path: flags.metrics ?? null });
      await emitReport(input, flags, io);
    },
  );
}

/** Renders the report and sends it wherever the flags say; prints the Markdown when nothing else was asked for. */
export async function emitReport(
  input: ReportInput,
  flags: ReportOutputFlags,
  io: CliIO,
  env = process.env,
): Promise<void> {
  // A bad login is a usage error before any file is written.
  const commentAuthor = flags.comment ? commentAuthorOf(flags.commentAuthor, env) : undefined;
  const facts: ReportFacts = { ...runFacts(env), ...input.facts };
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
      ...(flags.template ? { templateDir: flags.template } : {}),
      ...(flags.fullReportUrl
        ? { fullReportUrl: flags.fullReportUrl }
        : facts.workflowRunUrl
          ? { fullReportUrl: facts.workflowRunUrl }
          : {}),
    },
  );
  if (flags.report) write(flags.report, rendered.summary);
  if (flags.html) write(flags.html, rendered.html);
  if (flags.summary || flags.comment) {
    await publishReport({
      rendered,
      reportId: flags.reportId,
      comment: flags.comment === true,
      ...(commentAuthor ? { commentAuthor } : {}),
      env,
      io,
    });
  }
  if (!flags.report && !flags.html && !flags.summary && !flags.comment) io.out(rendered.summary);
  if (rendered.omitted.length > 0 && flags.comment) io.err(`the comment left out: ${rendered.omitted.join(", ")}`);
}

/**
 * The repository's directory, that report paths are shown relative to: GITHUB_WORKSPACE in a workflow, else the git
 * top level of the working directory; none outside a checkout.
 */
function pathBaseOf(env: NodeJS.ProcessEnv): { pathBase?: string } {
  if (env.GITHUB_WORKSPACE) return { pathBase: env.GITHUB_WORKSPACE };
  try {
    const top = execFileSync("git", ["rev-parse", "--show-toplevel"], { stdio: ["ignore", "pipe", "ignore"] })
      .toString()
      .trim();
    return top ? { pathBase: top } : {};
  } catch {
    return {};
  }
}

/** What GitHub Actions tells about the run, or git when run locally. */
function runFacts(env: NodeJS.ProcessEnv): ReportFacts {
  const facts: ReportFacts = {};
  if (env.GITHUB_SHA) facts.commit = env.GITHUB_SHA;
  else {
    try {
      facts.commit = execFileSync("git", ["rev-parse", "HEAD"], { stdio: ["ignore", "pipe", "ignore"] })
        .toString()
        .trim();
    } catch {
      // not a git checkout
    }
  }
  if (env.GITHUB_REF) facts.ref = env.GITHUB_REF;
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID) {
    facts.workflowRunUrl = `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
  }
  return facts;
}

/**
 * Reads a result file for the report, checked against its JSON Schema first (readReportInputFile): a malformed file,
 * or one a newer modelguard wrote, is an input error naming the file rather than a crash inside the templates.
 */
export function readResult<T>(path: string, kind: ReportInputKind): T {
  const value = readReportInputFile(path, kind);
  // Non-finite numbers are written as "Infinity" / "-Infinity" / "NaN" (stringifyContract): read them back.
  if (kind === "modelguard.comparison") return reviveComparison(value as ComparisonResult) as T;
  if (kind === "modelguard.drift") return reviveDriftReport(value as DriftReport) as T;
  if (kind === "modelguard.metrics") return reviveMetricsDocument(value as { metrics?: unknown }) as T;
  return value as T;
}

function write(path: string, text: string): void {
  writeOutputFile(path, text);
}
