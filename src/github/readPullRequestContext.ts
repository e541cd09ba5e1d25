import { existsSync } from "node:fs";
import type { context as actionsContext } from "@actions/github";
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

/** @actions/github's workflow context: the event payload, GITHUB_EVENT_NAME, GITHUB_SHA, GITHUB_REF, the repo. */
export type ActionsContext = typeof actionsContext;

/** What we read of it; `repo` is a getter of process.env on the real context, so a snapshot holds its value. */
export type ActionsContextFields = Pick<ActionsContext, "payload" | "eventName" | "sha" | "ref" | "repo">;

const REPOSITORY = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+)$/;

/**
 * Where the workflow runs, read by @actions/github's context from the runner's environment: GITHUB_REPOSITORY
 * ("owner/repo"), GITHUB_EVENT_NAME and the event payload at GITHUB_EVENT_PATH. What @actions/github lets through
 * is refused here first, with a message that says what to fix: a malformed GITHUB_REPOSITORY (it would split it
 * blindly), a missing payload file (it would print a line to stdout and go on with an empty payload), one that is not
 * JSON (a bare SyntaxError).
 */
export async function readPullRequestContext(env: NodeJS.ProcessEnv = process.env): Promise<PullRequestContext> {
  const repository = env.GITHUB_REPOSITORY ?? "";
  const m = REPOSITORY.exec(repository);
  if (!m || m[2] === "." || m[2] === "..") {
    throw new ModelguardError(
      "github",
      repository === ""
        ? "GITHUB_REPOSITORY is not set"
        : `GITHUB_REPOSITORY must be "owner/repo", got ${JSON.stringify(repository)}`,
      "run inside GitHub Actions, or set GITHUB_REPOSITORY=owner/repo (and GITHUB_EVENT_PATH for a pull request)",
    );
  }
  const path = env.GITHUB_EVENT_PATH;
  if (path && !existsSync(path)) throw unreadablePayload(path, "no such file");
  let context: ActionsContextFields;
  try {
    context = await actionsContextFor(env);
  } catch (e) {
    if (!path) throw e;
    if (e instanceof SyntaxError) {
      throw new ModelguardError(
        "github",
        `the event payload ${path} is not valid JSON: ${e.message}`,
        "GITHUB_EVENT_PATH must name the runner's event JSON file",
      );
    }
    throw unreadablePayload(path, (e as Error).message);
  }
  return pullRequestContextOf(context);
}

/**
 * Our view of @actions/github's context. pull_request and pull_request_target (and review events) carry
 * `pull_request.number` and `pull_request.head.repo.full_name`; an issue_comment on a pull request carries
 * `issue.number` and `issue.pull_request`; a workflow_dispatch names one with its `pull_request` input (the gate
 * dispatched on a pull request a workflow opened); push and the rest have no pull request (context.issue.number would give a
 * plain issue's number, or a push payload's nothing, so it is not used).
 */
export function pullRequestContextOf(context: ActionsContextFields): PullRequestContext {
  const { owner, repo } = context.repo;
  // A payload file holding `null` or a number leaves no object to read.
  const payload: ActionsContext["payload"] =
    typeof context.payload === "object" && context.payload !== null ? context.payload : {};
  let issueNumber: number | null = null;
  let isFork = false;
  let sha = context.sha ?? "";
  const pr: unknown = payload.pull_request;
  if (isRecord(pr) && Number.isInteger(pr.number)) {
    issueNumber = pr.number as number;
    const head = isRecord(pr.head) ? pr.head : {};
    const headRepo = head.repo;
    const base = fullName(isRecord(pr.base) ? pr.base.repo : undefined) ?? `${owner}/${repo}`;
    const headName = fullName(headRepo);
    // A deleted fork leaves head.repo null: still not this repository.
    isFork = headName === undefined ? headRepo === null : headName.toLowerCase() !== base.toLowerCase();
    if (typeof head.sha === "string") sha = head.sha;
  } else if (context.eventName === "workflow_dispatch") {
    // The PR gate dispatched on a pull request (a PR opened with GITHUB_TOKEN starts no pull_request workflow, so the
    // retraining workflow dispatches the gate with `pull_request: N`): the report goes to that pull request.
    const inputs: unknown = payload.inputs;
    const n = isRecord(inputs) ? inputs.pull_request : undefined;
    if (typeof n === "string" && /^[1-9][0-9]{0,9}$/.test(n.trim())) issueNumber = Number(n.trim());
  } else {
    const issue: unknown = payload.issue;
    if (isRecord(issue) && issue.pull_request && Number.isInteger(issue.number)) issueNumber = issue.number as number;
  }
  return { owner, repo, issueNumber, isFork, sha, ref: context.ref ?? "", eventName: context.eventName ?? "" };
}

/**
 * A fresh @actions/github context for `env`, as a snapshot. Its constructor reads process.env and takes no argument, so `env` stands
 * in for process.env for the (synchronous) construction; the module is imported on first use, because importing it
 * already builds a context from process.env, which throws on a broken payload file before we could say what is wrong.
 */
async function actionsContextFor(env: NodeJS.ProcessEnv): Promise<ActionsContextFields> {
  const { context } = await import("@actions/github");
  const Context = context.constructor as new () => ActionsContext;
  const snapshot = (): ActionsContextFields => {
    const c = new Context();
    return { payload: c.payload, eventName: c.eventName, sha: c.sha, ref: c.ref, repo: c.repo };
  };
  if (env === process.env) return snapshot();
  const saved = process.env;
  process.env = env;
  try {
    return snapshot();
  } finally {
    process.env = saved;
  }
}

function unreadablePayload(path: string, why: string): ModelguardError {
  return new ModelguardError(
    "github",
    `cannot read the event payload GITHUB_EVENT_PATH=${path}: ${why}`,
    "GITHUB_EVENT_PATH is set by the runner; unset it when running outside GitHub Actions",
  );
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

function fullName(repo: unknown): string | undefined {
  return isRecord(repo) && typeof repo.full_name === "string" ? repo.full_name : undefined;
}
