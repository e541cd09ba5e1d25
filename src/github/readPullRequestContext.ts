import { readFileSync } from "node:fs";
import { ModelguardError } from "../errors.js";

export interface PullRequestContext {
  owner: string;
  repo: string;
  /** The pull request number, or null outside a pull request (push, schedule, workflow_dispatch, ...). */
  issueNumber: number | null;
  /** True when the pull request comes from another repository: its GITHUB_TOKEN is read-only. */
  isFork: boolean;
  /** The commit under test: the pull request's head commit, else GITHUB_SHA. */
  sha: string;
  /** GITHUB_REF, e.g. refs/heads/main or refs/pull/5/merge. */
  ref: string;
  eventName: string;
}

interface EventPayload {
  pull_request?: {
    number?: number;
    head?: { sha?: string; repo?: { full_name?: string } | null };
    base?: { repo?: { full_name?: string } };
  };
  issue?: { number?: number; pull_request?: unknown };
}

/**
 * Where the workflow runs, from the runner's environment: GITHUB_REPOSITORY ("owner/repo"), GITHUB_EVENT_NAME and
 * the event payload at GITHUB_EVENT_PATH. pull_request and pull_request_target (and review events) carry
 * `pull_request.number` and `pull_request.head.repo.full_name`; an issue_comment on a pull request carries
 * `issue.number`; push and the rest have no pull request.
 */
export function readPullRequestContext(env: NodeJS.ProcessEnv = process.env): PullRequestContext {
  const repository = env.GITHUB_REPOSITORY ?? "";
  const m = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+)$/.exec(repository);
  if (!m || m[2] === "." || m[2] === "..") {
    throw new ModelguardError(
      "github",
      repository === ""
        ? "GITHUB_REPOSITORY is not set"
        : `GITHUB_REPOSITORY must be "owner/repo", got ${JSON.stringify(repository)}`,
      "run inside GitHub Actions, or set GITHUB_REPOSITORY=owner/repo (and GITHUB_EVENT_PATH for a pull request)",
    );
  }
  const owner = m[1] as string;
  const repo = m[2] as string;
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  const payload = readPayload(env.GITHUB_EVENT_PATH);

  let issueNumber: number | null = null;
  let isFork = false;
  let sha = env.GITHUB_SHA ?? "";
  const pr = payload.pull_request;
  if (pr && Number.isInteger(pr.number)) {
    issueNumber = pr.number as number;
    const base = pr.base?.repo?.full_name ?? repository;
    const head = pr.head?.repo?.full_name;
    // A deleted fork leaves head.repo null: still not this repository.
    isFork = head === undefined ? pr.head?.repo === null : head.toLowerCase() !== base.toLowerCase();
    sha = pr.head?.sha ?? sha;
  } else if (payload.issue?.pull_request && Number.isInteger(payload.issue.number)) {
    issueNumber = payload.issue.number as number;
  }
  return { owner, repo, issueNumber, isFork, sha, ref: env.GITHUB_REF ?? "", eventName };
}

function readPayload(path: string | undefined): EventPayload {
  if (!path) return {};
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new ModelguardError(
      "github",
      `cannot read the event payload GITHUB_EVENT_PATH=${path}: ${(e as Error).message}`,
      "GITHUB_EVENT_PATH is set by the runner; unset it when running outside GitHub Actions",
    );
  }
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === "object" && v !== null ? (v as EventPayload) : {};
  } catch (e) {
    throw new ModelguardError(
      "github",
      `the event payload ${path} is not valid JSON: ${(e as Error).message}`,
      "GITHUB_EVENT_PATH must name the runner's event JSON file",
    );
  }
}
