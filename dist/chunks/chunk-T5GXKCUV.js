import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  ModelguardError
} from "./chunk-SJ6FC7J3.js";

// src/github/readPullRequestContext.ts
import { readFileSync } from "node:fs";
function readPullRequestContext(env = process.env) {
  const repository = env.GITHUB_REPOSITORY ?? "";
  const m = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+)$/.exec(repository);
  if (!m || m[2] === "." || m[2] === "..") {
    throw new ModelguardError(
      "github",
      repository === "" ? "GITHUB_REPOSITORY is not set" : `GITHUB_REPOSITORY must be "owner/repo", got ${JSON.stringify(repository)}`,
      "run inside GitHub Actions, or set GITHUB_REPOSITORY=owner/repo (and GITHUB_EVENT_PATH for a pull request)"
    );
  }
  const owner = m[1];
  const repo = m[2];
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  const payload = readPayload(env.GITHUB_EVENT_PATH);
  let issueNumber = null;
  let isFork = false;
  let sha = env.GITHUB_SHA ?? "";
  const pr = payload.pull_request;
  if (pr && Number.isInteger(pr.number)) {
    issueNumber = pr.number;
    const base = pr.base?.repo?.full_name ?? repository;
    const head = pr.head?.repo?.full_name;
    isFork = head === void 0 ? pr.head?.repo === null : head.toLowerCase() !== base.toLowerCase();
    sha = pr.head?.sha ?? sha;
  } else if (payload.issue?.pull_request && Number.isInteger(payload.issue.number)) {
    issueNumber = payload.issue.number;
  }
  return { owner, repo, issueNumber, isFork, sha, ref: env.GITHUB_REF ?? "", eventName };
}
function readPayload(path) {
  if (!path) return {};
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new ModelguardError(
      "github",
      `cannot read the event payload GITHUB_EVENT_PATH=${path}: ${e.message}`,
      "GITHUB_EVENT_PATH is set by the runner; unset it when running outside GitHub Actions"
    );
  }
  try {
    const v = JSON.parse(text);
    return typeof v === "object" && v !== null ? v : {};
  } catch (e) {
    throw new ModelguardError(
      "github",
      `the event payload ${path} is not valid JSON: ${e.message}`,
      "GITHUB_EVENT_PATH must name the runner's event JSON file"
    );
  }
}

// src/cli/neutralizeWorkflowCommands.ts
var MARKER = "​";
var LEADING_COMMAND = /^[\s\u0085\u180e]*::/;
function neutralizeWorkflowCommands(text) {
  return text.split(/(\r\n|\r|\n)/).map((part) => {
    if (part === "\n" || part === "\r" || part === "\r\n") return part;
    const line = part.replace(/##\[/g, `##${MARKER}[`);
    return LEADING_COMMAND.test(line) ? MARKER + line : line;
  }).join("");
}

export {
  readPullRequestContext,
  neutralizeWorkflowCommands
};
