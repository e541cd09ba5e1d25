import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { callGitHub, classifyGitHubError, inferPermission } from "../../src/github/classifyGitHubError.js";
import { GitHubError } from "../../src/github/GitHubError.js";
import { upsertPullRequestComment } from "../../src/github/upsertPullRequestComment.js";
import { openIssue } from "../../src/github/findOpenIssueByMarker.js";
import { dispatchRepositoryEvent, dispatchWorkflow } from "../../src/github/dispatchWorkflow.js";
import { issueMarker } from "../../src/github/reportMarker.js";
import { startFakeGitHub, type FakeGitHub } from "../fakeGithub/startFakeGitHub.js";
import { clientForFake } from "../fakeGithub/clientForFake.js";

const REPO = "acme/models";
const TOKEN = "ghs_ClassifyTestSecret11223344556677889900";
let fake: FakeGitHub;
let readOnly: FakeGitHub;

before(async () => {
  fake = await startFakeGitHub({ token: TOKEN, repositories: [REPO] });
  // What a fork pull request's GITHUB_TOKEN can do: read, nothing else.
  readOnly = await startFakeGitHub({
    token: TOKEN,
    repositories: [REPO],
    permissions: { issues: "read", "pull-requests": "read", actions: "read", contents: "read" },
  });
});
beforeEach(() => {
  fake.clearFaults();
});
after(async () => {
  await fake.close();
  await readOnly.close();
});

async function failure(p: Promise<unknown>): Promise<GitHubError> {
  const e = await p.then(
    () => assert.fail("expected the call to fail"),
    (x: unknown) => x,
  );
  assert.ok(e instanceof GitHubError, String(e));
  return e;
}

test("403 'Resource not accessible by integration' on a PR comment is a permission problem naming pull-requests: write", async () => {
  const fault = fake.injectFault({
    method: "POST",
    path: /\/comments$/,
    status: 403,
    body: {
      message: "Resource not accessible by integration",
      documentation_url: "https://docs.github.com/rest/issues/comments#create-an-issue-comment",
      status: "403",
    },
  });
  const pr = fake.state.addPullRequest(REPO).number;
  const { client } = clientForFake(fake);
  const e = await failure(
    upsertPullRequestComment(client, { owner: "acme", repo: "models", issueNumber: pr, reportId: "r", body: "x" }),
  );
  assert.equal(fault.hits, 1, "a permission error is not retried");
  const c = classifyGitHubError(e);
  assert.equal(c.kind, "permission");
  assert.equal(c.status, 403);
  assert.match(c.message, /Resource not accessible by integration/);
  assert.match(c.hint, /add `permissions: pull-requests: write` to the workflow job/);
  assert.match(c.hint, /forks get a read-only GITHUB_TOKEN/);
  assert.match(c.hint, /job summary/);
});

test("a read-only (fork) token gets the right permission line for every kind of write", async () => {
  const { client } = clientForFake(readOnly);
  const pr = readOnly.state.addPullRequest(REPO).number;
  const cases: [() => Promise<unknown>, string][] = [
    [
      () =>
        upsertPullRequestComment(client, { owner: "acme", repo: "models", issueNumber: pr, reportId: "r", body: "x" }),
      "pull-requests: write",
    ],
    [
      () => openIssue(client, { owner: "acme", repo: "models", marker: issueMarker("m"), title: "Drift", body: "b" }),
      "issues: write",
    ],
    [
      () => dispatchWorkflow(client, { owner: "acme", repo: "models", workflow: "retrain.yml", ref: "main" }),
      "actions: write",
    ],
    [() => dispatchRepositoryEvent(client, { owner: "acme", repo: "models", eventType: "retrain" }), "contents: write"],
  ];
  for (const [call, permission] of cases) {
    const e = await failure(call());
    assert.equal(e.kind, "permission");
    assert.equal(e.status, 403);
    assert.ok(e.hint?.includes(`add \`permissions: ${permission}\` to the workflow job`), e.hint);
  }
  assert.deepEqual(readOnly.state.comments, []);
  assert.deepEqual(readOnly.state.workflowDispatches, []);
  assert.deepEqual(readOnly.violations, []);
});

test("raw octokit errors are classified too, with the permission inferred from the request", async () => {
  const { client } = clientForFake(readOnly);
  const raw = await client
    .request("POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches", {
      owner: "acme",
      repo: "models",
      workflow_id: "retrain.yml",
      ref: "main",
    })
    .catch((e: unknown) => e);
  const c = classifyGitHubError(raw);
  assert.equal(c.kind, "permission");
  assert.match(c.hint, /`permissions: actions: write`/);
  assert.match(c.message, /POST \/repos\/acme\/models\/actions\/workflows\/retrain\.yml\/dispatches/);
});

test("404, 5xx, 429, 422 and a network failure each get their kind", async () => {
  const { client } = clientForFake(fake, { serverErrorRetries: 1 });
  const missing = await failure(
    upsertPullRequestComment(client, { owner: "acme", repo: "nope", issueNumber: 1, reportId: "r", body: "x" }),
  );
  assert.equal(missing.kind, "not_found");
  assert.equal(missing.status, 404);
  assert.match(missing.hint ?? "", /check the owner, repository/);
  assert.match(missing.hint ?? "", /`permissions: pull-requests: read`/);

  fake.injectFault({ method: "GET", status: 503, times: 2 });
  const down = await failure(
    upsertPullRequestComment(client, { owner: "acme", repo: "models", issueNumber: 1, reportId: "r", body: "x" }),
  );
  assert.deepEqual([down.kind, down.status], ["server", 503]);

  fake.injectFault({
    method: "POST",
    status: 422,
    body: { message: "Validation Failed", errors: [{ code: "invalid" }] },
  });
  const invalid = await failure(
    dispatchRepositoryEvent(client, { owner: "acme", repo: "models", eventType: "retrain" }),
  );
  assert.deepEqual([invalid.kind, invalid.status], ["other", 422]);
  assert.match(invalid.hint ?? "", /invalid/);

  const c429 = classifyGitHubError({
    status: 429,
    message: "Too Many Requests",
    response: { headers: { "x-ratelimit-reset": "1700000000" }, data: {} },
    request: { method: "POST", url: "https://api.github.com/repos/o/r/dispatches" },
  });
  assert.equal(c429.kind, "rate_limited");
  assert.match(c429.message, /resets at 2023-11-14T22:13:20\.000Z/);

  const network = classifyGitHubError({ status: 500, message: "fetch failed", request: { method: "GET", url: "x" } });
  assert.deepEqual([network.kind, network.status], ["other", null]);
  assert.deepEqual(fake.violations, []);
});

test("a GitHubError classifies as itself, and anything else as 'other'", async () => {
  const e = new GitHubError("too_long", "too long", "trim", 422);
  assert.deepEqual(classifyGitHubError(e), { kind: "too_long", status: 422, message: "too long", hint: "trim" });
  const weird = classifyGitHubError(new Error("weird"));
  assert.deepEqual([weird.kind, weird.status], ["other", null]);
  assert.match(weird.hint, /not an answer from GitHub/);
  assert.equal(classifyGitHubError("a string").kind, "other");
  // A bug inside a call is not dressed up as a GitHub failure.
  await assert.rejects(
    callGitHub({}, async () => {
      throw new TypeError("bug");
    }),
    TypeError,
  );
});

test("the permission a request needs is inferred from its method and path, GHES prefix included", () => {
  assert.equal(inferPermission("POST", "/repos/o/r/issues/5/comments"), "pull-requests: write");
  assert.equal(inferPermission("PATCH", "/api/v3/repos/o/r/issues/comments/99"), "pull-requests: write");
  assert.equal(inferPermission("GET", "/repos/o/r/issues/5/comments"), "pull-requests: read");
  assert.equal(inferPermission("POST", "/repos/o/r/issues"), "issues: write");
  assert.equal(inferPermission("PATCH", "/repos/o/r/issues/7"), "issues: write");
  assert.equal(inferPermission("POST", "/repos/o/r/actions/workflows/ci.yml/dispatches"), "actions: write");
  assert.equal(inferPermission("POST", "/repos/o/r/dispatches"), "contents: write");
  assert.equal(inferPermission("GET", "/repos/o/r"), "contents: read");
  assert.equal(inferPermission("GET", "/user"), "");
});
