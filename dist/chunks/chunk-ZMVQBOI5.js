import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  GitHubError,
  appAuthOf,
  assertBodyFits,
  assertMarker,
  callGitHub,
  isRequestFailure,
  reportMarker,
  startsWithMarker,
  toGitHubError,
  withMarker
} from "./chunk-J6QFQCEU.js";
import {
  ModelguardError
} from "./chunk-7XDOXOVQ.js";

// src/github/readPullRequestContext.ts
import { existsSync } from "node:fs";
var REPOSITORY = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+)$/;
async function readPullRequestContext(env = process.env) {
  const repository = env.GITHUB_REPOSITORY ?? "";
  const m = REPOSITORY.exec(repository);
  if (!m || m[2] === "." || m[2] === "..") {
    throw new ModelguardError(
      "github",
      repository === "" ? "GITHUB_REPOSITORY is not set" : `GITHUB_REPOSITORY must be "owner/repo", got ${JSON.stringify(repository)}`,
      "run inside GitHub Actions, or set GITHUB_REPOSITORY=owner/repo (and GITHUB_EVENT_PATH for a pull request)"
    );
  }
  const path = env.GITHUB_EVENT_PATH;
  if (path && !existsSync(path)) throw unreadablePayload(path, "no such file");
  let context;
  try {
    context = await actionsContextFor(env);
  } catch (e) {
    if (!path) throw e;
    if (e instanceof SyntaxError) {
      throw new ModelguardError(
        "github",
        `the event payload ${path} is not valid JSON: ${e.message}`,
        "GITHUB_EVENT_PATH must name the runner's event JSON file"
      );
    }
    throw unreadablePayload(path, e.message);
  }
  return pullRequestContextOf(context);
}
function pullRequestContextOf(context) {
  const { owner, repo } = context.repo;
  const payload = typeof context.payload === "object" && context.payload !== null ? context.payload : {};
  let issueNumber = null;
  let isFork = false;
  let sha = context.sha ?? "";
  const pr = payload.pull_request;
  if (isRecord(pr) && Number.isInteger(pr.number)) {
    issueNumber = pr.number;
    const head = isRecord(pr.head) ? pr.head : {};
    const headRepo = head.repo;
    const base = fullName(isRecord(pr.base) ? pr.base.repo : void 0) ?? `${owner}/${repo}`;
    const headName = fullName(headRepo);
    isFork = headName === void 0 ? headRepo === null : headName.toLowerCase() !== base.toLowerCase();
    if (typeof head.sha === "string") sha = head.sha;
  } else if (context.eventName === "workflow_dispatch") {
    const inputs = payload.inputs;
    const n = isRecord(inputs) ? inputs.pull_request : void 0;
    if (typeof n === "string" && /^[1-9][0-9]{0,9}$/.test(n.trim())) issueNumber = Number(n.trim());
  } else {
    const issue = payload.issue;
    if (isRecord(issue) && issue.pull_request && Number.isInteger(issue.number)) issueNumber = issue.number;
  }
  return { owner, repo, issueNumber, isFork, sha, ref: context.ref ?? "", eventName: context.eventName ?? "" };
}
async function actionsContextFor(env) {
  const { context } = await import("./github-RVX2SHQM.js");
  const Context = context.constructor;
  const snapshot = () => {
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
function unreadablePayload(path, why) {
  return new ModelguardError(
    "github",
    `cannot read the event payload GITHUB_EVENT_PATH=${path}: ${why}`,
    "GITHUB_EVENT_PATH is set by the runner; unset it when running outside GitHub Actions"
  );
}
function isRecord(v) {
  return typeof v === "object" && v !== null;
}
function fullName(repo) {
  return isRecord(repo) && typeof repo.full_name === "string" ? repo.full_name : void 0;
}

// src/github/resolveTokenAuthor.ts
var GITHUB_ACTIONS_LOGIN = "github-actions[bot]";
var LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,99})(?:\[bot\])?$/;
var AUTHOR_OVERRIDE_HINT = "name the account the token writes as: `--comment-author LOGIN` (CLI), `comment-author:` (Action) or `github.author` (monitor.yml); a GitHub App's installation token writes as `<app-slug>[bot]`";
function isAuthorLogin(login) {
  return LOGIN.test(login);
}
function sameLogin(a, b) {
  return typeof a === "string" && a.toLowerCase() === b.toLowerCase();
}
var resolved = /* @__PURE__ */ new WeakMap();
async function resolveTokenAuthor(client, configured) {
  if (configured !== void 0) {
    if (!isAuthorLogin(configured)) {
      throw new GitHubError(
        "other",
        `invalid author login ${JSON.stringify(configured)}`,
        "a login is letters, digits and hyphens (e.g. 'ml-bot'), or a GitHub App's '<app-slug>[bot]'"
      );
    }
    return { login: configured, source: "configured" };
  }
  let pending = resolved.get(client);
  if (!pending) {
    pending = askGitHub(client);
    resolved.set(client, pending);
    const mine = pending;
    mine.catch(() => {
      if (resolved.get(client) === mine) resolved.delete(client);
    });
  }
  return pending;
}
async function askGitHub(client) {
  if (appAuthOf(client)) return askApp(client);
  const action = "find out which account the token acts as (GET /user)";
  try {
    const { data } = await client.request("GET /user");
    if (!isAuthorLogin(data.login)) {
      throw new GitHubError("other", `cannot ${action}: GitHub answered an unusable login`, AUTHOR_OVERRIDE_HINT);
    }
    return { login: data.login, source: "user" };
  } catch (e) {
    if (!isRequestFailure(e) || e instanceof GitHubError) throw e;
    const status = e.status;
    const message = e.response?.data?.message;
    if (status === 403 && typeof message === "string" && /not accessible by integration/i.test(message)) {
      return { login: GITHUB_ACTIONS_LOGIN, source: "installation" };
    }
    const err = toGitHubError(e, { action });
    throw new GitHubError(
      err.kind,
      err.message,
      `${err.hint ? `${err.hint}; or ` : ""}${AUTHOR_OVERRIDE_HINT}`,
      err.status,
      err.requestId
    );
  }
}
async function askApp(client) {
  const action = "find out which GitHub App the client authenticates as (GET /app)";
  const { data } = await callGitHub({ action }, () => client.request("GET /app"));
  const login = `${String(data?.slug ?? "")}[bot]`;
  if (!isAuthorLogin(login) || login === "[bot]") {
    throw new GitHubError("other", `cannot ${action}: GitHub answered an unusable slug`, AUTHOR_OVERRIDE_HINT);
  }
  return { login, source: "app" };
}

// src/github/upsertPullRequestComment.ts
async function upsertPullRequestComment(client, input) {
  const { owner, repo, issueNumber } = input;
  const marker = reportMarker(input.reportId);
  const where = `${owner}/${repo}#${issueNumber}`;
  const body = withMarker(marker, input.body);
  assertBodyFits(body, `the '${input.reportId}' report comment for ${where}`);
  let author = input.authorLogin === void 0 ? void 0 : (await resolveTokenAuthor(client, input.authorLogin)).login;
  const newest = await callGitHub(
    { action: `list the comments of ${where}`, permission: "pull-requests: read" },
    async () => {
      let best = null;
      const pages = client.paginate.iterator("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
        owner,
        repo,
        issue_number: issueNumber,
        per_page: 100
      });
      for await (const page of pages) {
        for (const c of page.data) {
          if (!startsWithMarker(c.body, marker)) continue;
          author ??= (await resolveTokenAuthor(client)).login;
          if (!sameLogin(c.user?.login, author)) continue;
          const id = Number(c.id);
          if (!best || c.created_at > best.createdAt || c.created_at === best.createdAt && id > best.id) {
            best = { id, createdAt: c.created_at };
          }
        }
      }
      return best;
    }
  );
  const writeContext = { permission: "pull-requests: write" };
  if (newest) {
    try {
      const { data } = await client.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", {
        owner,
        repo,
        comment_id: newest.id,
        body
      });
      return { action: "updated", url: data.html_url, id: Number(data.id) };
    } catch (e) {
      if (!isRequestFailure(e)) throw e;
      const err = toGitHubError(e, { ...writeContext, action: `update the report comment on ${where}` });
      if (err.kind !== "not_found") throw err;
    }
  }
  return callGitHub({ ...writeContext, action: `comment on ${where}` }, async () => {
    const { data } = await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      owner,
      repo,
      issue_number: issueNumber,
      body
    });
    return { action: "created", url: data.html_url, id: Number(data.id) };
  });
}

// src/github/findOpenIssueByMarker.ts
function toIssue(d) {
  return {
    number: d.number,
    id: Number(d.id),
    url: d.html_url,
    title: d.title,
    body: d.body ?? "",
    state: d.state === "closed" ? "closed" : "open",
    labels: d.labels.map((l) => typeof l === "string" ? l : l.name ?? "").filter((l) => l !== ""),
    createdAt: d.created_at
  };
}
async function findOpenIssueByMarker(client, input) {
  assertMarker(input.marker);
  const { owner, repo } = input;
  const wanted = (input.labels ?? []).map((l) => l.toLowerCase());
  let author = input.authorLogin === void 0 ? void 0 : (await resolveTokenAuthor(client, input.authorLogin)).login;
  return callGitHub({ action: `list the open issues of ${owner}/${repo}`, permission: "issues: read" }, async () => {
    let best = null;
    const pages = client.paginate.iterator("GET /repos/{owner}/{repo}/issues", {
      owner,
      repo,
      state: "open",
      per_page: 100,
      ...input.labels && input.labels.length > 0 ? { labels: input.labels.join(",") } : {}
    });
    for await (const page of pages) {
      for (const d of page.data) {
        if (d.pull_request) continue;
        if (!startsWithMarker(d.body, input.marker)) continue;
        const issue = toIssue(d);
        const labels = new Set(issue.labels.map((l) => l.toLowerCase()));
        if (!wanted.every((l) => labels.has(l))) continue;
        author ??= (await resolveTokenAuthor(client)).login;
        if (!sameLogin(d.user?.login, author)) continue;
        if (!best || issue.createdAt > best.createdAt || issue.createdAt === best.createdAt && issue.id > best.id) {
          best = issue;
        }
      }
    }
    return best;
  });
}
async function openIssue(client, input) {
  assertMarker(input.marker);
  const { owner, repo } = input;
  const body = withMarker(input.marker, input.body);
  assertBodyFits(body, `the body of the issue '${input.title}'`);
  return callGitHub({ action: `open an issue in ${owner}/${repo}`, permission: "issues: write" }, async () => {
    const { data } = await client.request("POST /repos/{owner}/{repo}/issues", {
      owner,
      repo,
      title: input.title,
      body,
      ...input.labels && input.labels.length > 0 ? { labels: input.labels } : {}
    });
    return toIssue(data);
  });
}
async function commentOnIssue(client, input) {
  const { owner, repo, issueNumber } = input;
  assertBodyFits(input.body, `the comment on ${owner}/${repo}#${issueNumber}`);
  return callGitHub({ action: `comment on ${owner}/${repo}#${issueNumber}`, permission: "issues: write" }, async () => {
    const { data } = await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      owner,
      repo,
      issue_number: issueNumber,
      body: input.body
    });
    return { id: Number(data.id), url: data.html_url };
  });
}
async function closeIssue(client, input) {
  const { owner, repo, issueNumber } = input;
  if (input.comment !== void 0) await commentOnIssue(client, { owner, repo, issueNumber, body: input.comment });
  return callGitHub({ action: `close ${owner}/${repo}#${issueNumber}`, permission: "issues: write" }, async () => {
    const { data } = await client.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
      owner,
      repo,
      issue_number: issueNumber,
      state: "closed",
      state_reason: input.reason ?? "completed"
    });
    return toIssue(data);
  });
}

// src/github/dispatchWorkflow.ts
var MAX_WORKFLOW_INPUTS = 25;
var MAX_CLIENT_PAYLOAD_KEYS = 10;
var MAX_EVENT_TYPE_LENGTH = 100;
var MAX_CLIENT_PAYLOAD_BYTES = 64 * 1024;
async function dispatchWorkflow(client, input) {
  const { owner, repo, workflow, ref } = input;
  const inputs = input.inputs ?? {};
  if (Object.keys(inputs).length > MAX_WORKFLOW_INPUTS) {
    throw new GitHubError(
      "other",
      `cannot dispatch ${workflow}: ${Object.keys(inputs).length} inputs, GitHub accepts at most ${MAX_WORKFLOW_INPUTS}`,
      "pass fewer inputs, e.g. one JSON string input"
    );
  }
  const context = {
    action: `dispatch workflow ${workflow} on ${ref} in ${owner}/${repo}`,
    permission: "actions: write"
  };
  const send = (returnRunDetails) => callGitHub(
    context,
    () => client.request("POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches", {
      owner,
      repo,
      workflow_id: workflow,
      ref,
      inputs,
      ...returnRunDetails ? { return_run_details: true } : {}
    })
  );
  if (!input.returnRunDetails) {
    await send(false);
    return null;
  }
  let response;
  try {
    response = await send(true);
  } catch (e) {
    if (e instanceof GitHubError && e.status === 422 && /return_run_details/.test(e.message)) {
      await send(false);
      return null;
    }
    throw e;
  }
  return response.status === 200 ? runDetailsOf(response.data) : null;
}
function runDetailsOf(data) {
  if (typeof data !== "object" || data === null) return null;
  const d = data;
  const runId = Number(d.workflow_run_id);
  if (!Number.isSafeInteger(runId) || runId <= 0) return null;
  if (typeof d.run_url !== "string" || typeof d.html_url !== "string") return null;
  return { runId, runUrl: d.run_url, htmlUrl: d.html_url };
}
async function dispatchRepositoryEvent(client, input) {
  const { owner, repo, eventType } = input;
  const payload = input.clientPayload ?? {};
  if (eventType.length < 1 || eventType.length > MAX_EVENT_TYPE_LENGTH) {
    throw new GitHubError(
      "other",
      `cannot send repository_dispatch: the event type must be 1-${MAX_EVENT_TYPE_LENGTH} characters, got ${eventType.length}`,
      "use a short event type such as 'modelguard-drift'"
    );
  }
  if (Object.keys(payload).length > MAX_CLIENT_PAYLOAD_KEYS) {
    throw new GitHubError(
      "other",
      `cannot send repository_dispatch '${eventType}': the client payload has ${Object.keys(payload).length} top-level keys, GitHub accepts at most ${MAX_CLIENT_PAYLOAD_KEYS}`,
      "nest the values under fewer top-level keys"
    );
  }
  const bytes = Buffer.byteLength(JSON.stringify(payload));
  if (bytes >= MAX_CLIENT_PAYLOAD_BYTES) {
    throw new GitHubError(
      "other",
      `cannot send repository_dispatch '${eventType}': the client payload is ${bytes} bytes of JSON, GitHub accepts less than ${MAX_CLIENT_PAYLOAD_BYTES}`,
      "send a pointer (an artifact name, a URL) instead of the data itself"
    );
  }
  await callGitHub(
    { action: `send repository_dispatch '${eventType}' to ${owner}/${repo}`, permission: "contents: write" },
    () => client.request("POST /repos/{owner}/{repo}/dispatches", {
      owner,
      repo,
      event_type: eventType,
      client_payload: payload
    })
  );
}

// src/github/reportDeploymentStatus.ts
var MONITOR_STATUS_PREFIX = "modelguard monitor:";
var MAX_DESCRIPTION = 140;
async function reportDeploymentStatus(client, input) {
  const { owner, repo, environment, ref } = input;
  const where = `${owner}/${repo}`;
  const list = await callGitHub(
    { action: `list the deployments of ${ref} to ${environment} in ${where}`, permission: "deployments: read" },
    () => client.request("GET /repos/{owner}/{repo}/deployments", { owner, repo, environment, ref, per_page: 100 })
  );
  const ours = list.data.filter((d) => d.payload?.modelguard === 1).sort((a, b) => b.id - a.id)[0];
  if (!ours) return { outcome: "no-deployment" };
  const deploymentId = ours.id;
  const statuses = await callGitHub(
    { action: `read the status of the deployment of ${ref} in ${where}`, permission: "deployments: read" },
    () => client.request("GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", {
      owner,
      repo,
      deployment_id: deploymentId,
      per_page: 1
    })
  );
  const latest = statuses.data[0];
  if (latest?.state === "inactive") return { outcome: "inactive", deploymentId };
  const monitored = (latest?.description ?? "").startsWith(MONITOR_STATUS_PREFIX);
  if (monitored && (input.onlyIfUnmonitored || latest.state === input.state)) {
    return { outcome: "unchanged", deploymentId };
  }
  await callGitHub(
    { action: `set the status of the deployment of ${ref} in ${where}`, permission: "deployments: write" },
    () => client.request("POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", {
      owner,
      repo,
      deployment_id: deploymentId,
      state: input.state,
      environment,
      description: `${MONITOR_STATUS_PREFIX} ${input.description}`.slice(0, MAX_DESCRIPTION),
      auto_inactive: false
    })
  );
  return { outcome: "posted", deploymentId };
}

// src/github/findMergedPullRequest.ts
async function findMergedPullRequest(client, input) {
  const { owner, repo, sha } = input;
  const pulls = await callGitHub(
    {
      action: `list the pull requests of commit ${sha.slice(0, 12)} in ${owner}/${repo}`,
      permission: "contents: read"
    },
    // One page: a commit belongs to a handful of pull requests, not a hundred.
    () => client.request("GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls", {
      owner,
      repo,
      commit_sha: sha,
      per_page: 100
    })
  );
  const merged = pulls.data.filter((p) => p.merged_at !== null);
  const pick = merged.find((p) => p.merge_commit_sha === sha) ?? merged.find((p) => p.head.sha === sha) ?? null;
  return pick ? { number: pick.number, title: pick.title, url: pick.html_url, headSha: pick.head.sha } : null;
}

export {
  readPullRequestContext,
  isAuthorLogin,
  upsertPullRequestComment,
  findOpenIssueByMarker,
  openIssue,
  closeIssue,
  dispatchWorkflow,
  dispatchRepositoryEvent,
  findMergedPullRequest,
  reportDeploymentStatus
};
