import { appendFileSync } from "node:fs";
import { isModelguardError } from "../errors.js";
import {
  createGitHubClient,
  isGitHubError,
  readPullRequestContext,
  upsertPullRequestComment,
} from "../github/index.js";
import type { RenderedReport } from "../report/reportInput.js";
import type { CliIO } from "./io.js";

export interface PublishOptions {
  rendered: RenderedReport;
  reportId: string;
  /** Post or update the sticky PR comment (when the run belongs to a pull request). */
  comment: boolean;
  env?: NodeJS.ProcessEnv;
  io: CliIO;
}

export interface PublishResult {
  summary: string | null;
  comment: { action: "created" | "updated"; url: string } | null;
  warnings: string[];
}

/**
 * Sends a rendered report where GitHub shows it: the job summary (when GITHUB_STEP_SUMMARY is set) and the one PR
 * comment of this report id. A comment that cannot be posted — no token, a fork's read-only token, a missing
 * `permissions:` line — becomes a warning that says why, never a failure: the summary still has the full report.
 */
export async function publishReport(o: PublishOptions): Promise<PublishResult> {
  const env = o.env ?? process.env;
  const warnings: string[] = [];
  const warn = (message: string) => {
    warnings.push(message);
    // In GitHub Actions, ::warning:: puts it on the run's summary page; elsewhere a plain line.
    o.io.err(
      env.GITHUB_ACTIONS === "true"
        ? `::warning title=modelguard::${message.replace(/\r?\n/g, "%0A")}`
        : `warning: ${message}`,
    );
  };
  let summary: string | null = null;
  if (env.GITHUB_STEP_SUMMARY) {
    appendFileSync(env.GITHUB_STEP_SUMMARY, o.rendered.summary + "\n");
    summary = env.GITHUB_STEP_SUMMARY;
  }
  if (!o.comment) return { summary, comment: null, warnings };

  let context;
  try {
    context = readPullRequestContext(env);
  } catch (e) {
    warn(`not posting the PR comment: ${isModelguardError(e) ? e.message : String(e)}`);
    return { summary, comment: null, warnings };
  }
  if (context.issueNumber === null) {
    o.io.err(`not a pull request (${context.eventName || "no event"}): the report goes to the job summary only`);
    return { summary, comment: null, warnings };
  }
  // The runner keeps hyphens in input names: the github-token input arrives as INPUT_GITHUB-TOKEN.
  const token = env.GITHUB_TOKEN ?? env["INPUT_GITHUB-TOKEN"] ?? "";
  if (token.trim() === "") {
    warn("not posting the PR comment: no GITHUB_TOKEN; pass `github-token: ${{ github.token }}` or set GITHUB_TOKEN");
    return { summary, comment: null, warnings };
  }
  try {
    const client = createGitHubClient({
      token,
      ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}),
      log: { warn: (m) => o.io.err(`github: ${m}`) },
    });
    const r = await upsertPullRequestComment(client, {
      owner: context.owner,
      repo: context.repo,
      issueNumber: context.issueNumber,
      reportId: o.reportId,
      body: o.rendered.comment,
    });
    o.io.err(`${r.action} the PR comment: ${r.url}`);
    o.io.commentPosted?.(r.url);
    return { summary, comment: { action: r.action, url: r.url }, warnings };
  } catch (e) {
    if (!isGitHubError(e)) throw e;
    const fork = context.isFork ? " (this pull request comes from a fork, whose token is read-only)" : "";
    warn(
      `could not post the PR comment${fork}: ${e.message}${e.hint ? ` — ${e.hint}` : ""}; the report is in the job summary`,
    );
    return { summary, comment: null, warnings };
  }
}
