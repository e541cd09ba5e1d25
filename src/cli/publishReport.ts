import { appendFileSync } from "node:fs";
import { isModelguardError, ModelguardError } from "../errors.js";
import {
  createGitHubClient,
  githubAuthFromEnv,
  isAuthorLogin,
  isGitHubError,
  readPullRequestContext,
  redactSecrets,
  upsertPullRequestComment,
} from "../github/index.js";
import type { RenderedReport } from "../report/reportInput.js";
import { workflowWarning, type CliIO } from "./io.js";

export interface PublishOptions {
  rendered: RenderedReport;
  reportId: string;
  /** Post or update the sticky PR comment (when the run belongs to a pull request). */
  comment: boolean;
  /**
   * The account whose comment is this report's (`--comment-author`); default the Action's `comment-author` input,
   * else the token's own account (see resolveTokenAuthor). Check it first with commentAuthorOf.
   */
  commentAuthor?: string;
  env?: NodeJS.ProcessEnv;
  io: CliIO;
}

export interface PublishResult {
  summary: string | null;
  comment: { action: "created" | "updated"; url: string } | null;
  warnings: string[];
}

/**
 * The configured comment author: the `--comment-author` flag, else the Action's `comment-author` input (the runner
 * passes it as INPUT_COMMENT-AUTHOR), else undefined (the token's own account). A value that cannot be a login is a
 * usage error, raised before anything is written.
 */
export function commentAuthorOf(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = (flag ?? env["INPUT_COMMENT-AUTHOR"] ?? "").trim();
  if (value === "") return undefined;
  if (!isAuthorLogin(value)) {
    const source = flag === undefined ? "the comment-author input" : "--comment-author";
    throw new ModelguardError(
      "usage",
      `${source} must be a GitHub login, got ${JSON.stringify(value.slice(0, 120))}`,
      "give the account the token writes as, e.g. 'ml-bot', or a GitHub App's '<app-slug>[bot]'; leave it out for " +
        "GITHUB_TOKEN (github-actions[bot]) and personal access tokens",
    );
  }
  return value;
}

/**
 * Sends a rendered report where GitHub shows it: the job summary (when GITHUB_STEP_SUMMARY is set) and the one PR
 * comment of this report id. A comment that cannot be posted — no token, a fork's read-only token, a missing
 * `permissions:` line — becomes a warning that says why, never a failure: the summary still has the full report.
 */
export async function publishReport(o: PublishOptions): Promise<PublishResult> {
  const env = o.env ?? process.env;
  // The runner keeps hyphens in input names: the github-token input arrives as INPUT_GITHUB-TOKEN.
  const token = env.GITHUB_TOKEN ?? env["INPUT_GITHUB-TOKEN"] ?? "";
  const warnings: string[] = [];
  const warn = (text: string) => {
    // Messages carry GitHub's answers and environment values: never the token.
    const message = redactSecrets(text, token.trim());
    warnings.push(message);
    // In GitHub Actions, ::warning:: puts it on the run's summary page; elsewhere a plain line.
    if (o.io.warning) o.io.warning(message);
    else o.io.err(env.GITHUB_ACTIONS === "true" ? workflowWarning(message) : `warning: ${message}`);
  };
  let summary: string | null = null;
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
      redactSecrets(`not a pull request (${context.eventName || "no event"}): the report goes to the job summary only`),
    );
    return { summary, comment: null, warnings };
  }
  // A GitHub App (MODELGUARD_APP_ID ...) when configured, else the token; a mistake in the App's settings is exit 2.
  const auth = githubAuthFromEnv(env, { token, repository: `${context.owner}/${context.repo}` });
  if (!auth) {
    warn("not posting the PR comment: no GITHUB_TOKEN; pass `github-token: ${{ github.token }}` or set GITHUB_TOKEN");
    return { summary, comment: null, warnings };
  }
  try {
    const client = createGitHubClient({
      ...auth,
      ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}),
      log: { warn: (m) => o.io.err(`github: ${m}`) },
    });
    const r = await upsertPullRequestComment(client, {
      owner: context.owner,
      repo: context.repo,
      issueNumber: context.issueNumber,
      reportId: o.reportId,
      body: o.rendered.comment,
      ...(commentAuthor ? { authorLogin: commentAuthor } : {}),
    });
    const url = redactSecrets(r.url, token.trim());
    o.io.err(`${r.action} the PR comment: ${url}`);
    o.io.commentPosted?.(url);
    return { summary, comment: { action: r.action, url }, warnings };
  } catch (e) {
    if (!isGitHubError(e)) throw e;
    const fork = context.isFork ? " (this pull request comes from a fork, whose token is read-only)" : "";
    warn(
      `could not post the PR comment${fork}: ${e.message}${e.hint ? ` — ${e.hint}` : ""}; the report is in the job summary`,
    );
    return { summary, comment: null, warnings };
  }
}
