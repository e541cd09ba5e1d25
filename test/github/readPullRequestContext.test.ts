import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readPullRequestContext } from "../../src/github/readPullRequestContext.js";
import { ModelguardError } from "../../src/errors.js";

const dir = mkdtempSync(join(tmpdir(), "mg-github-ctx-"));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

function env(eventName: string, payload: unknown, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const path = join(dir, `event-${++n}.json`);
  writeFileSync(path, JSON.stringify(payload));
  return {
    GITHUB_REPOSITORY: "acme/models",
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: path,
    GITHUB_SHA: "merge000000000000000000000000000000000000",
    GITHUB_REF: "refs/pull/7/merge",
    ...extra,
  };
}

function prPayload(headRepo: string | null) {
  return {
    action: "synchronize",
    number: 7,
    pull_request: {
      number: 7,
      head: {
        sha: "head111111111111111111111111111111111111",
        ref: "feature",
        repo: headRepo && { full_name: headRepo },
      },
      base: { ref: "main", repo: { full_name: "acme/models" } },
    },
  };
}

test("a pull_request from a branch of the same repository", () => {
  assert.deepEqual(readPullRequestContext(env("pull_request", prPayload("acme/models"))), {
    owner: "acme",
    repo: "models",
    issueNumber: 7,
    isFork: false,
    sha: "head111111111111111111111111111111111111",
    ref: "refs/pull/7/merge",
    eventName: "pull_request",
  });
});

test("a pull_request from a fork, and pull_request_target from a fork", () => {
  const fork = readPullRequestContext(env("pull_request", prPayload("someone/models")));
  assert.equal(fork.isFork, true);
  assert.equal(fork.issueNumber, 7);
  const target = readPullRequestContext(
    env("pull_request_target", prPayload("someone/models"), { GITHUB_REF: "refs/heads/main" }),
  );
  assert.deepEqual(
    [target.isFork, target.issueNumber, target.eventName, target.ref],
    [true, 7, "pull_request_target", "refs/heads/main"],
  );
  // A fork deleted after the PR was opened leaves head.repo null.
  assert.equal(readPullRequestContext(env("pull_request", prPayload(null))).isFork, true);
  // Repository names are case-insensitive.
  assert.equal(readPullRequestContext(env("pull_request", prPayload("ACME/Models"))).isFork, false);
});

test("a push has no pull request", () => {
  const ctx = readPullRequestContext(
    env(
      "push",
      { ref: "refs/heads/main", after: "abc" },
      { GITHUB_SHA: "abc1230000000000000000000000000000000000", GITHUB_REF: "refs/heads/main" },
    ),
  );
  assert.deepEqual(ctx, {
    owner: "acme",
    repo: "models",
    issueNumber: null,
    isFork: false,
    sha: "abc1230000000000000000000000000000000000",
    ref: "refs/heads/main",
    eventName: "push",
  });
});

test("an issue_comment on a pull request names the PR; on a plain issue it does not", () => {
  const onPr = readPullRequestContext(env("issue_comment", { issue: { number: 12, pull_request: { url: "x" } } }));
  assert.equal(onPr.issueNumber, 12);
  const onIssue = readPullRequestContext(env("issue_comment", { issue: { number: 13 } }));
  assert.equal(onIssue.issueNumber, null);
});

test("without an event file (a local run) there is no pull request", () => {
  const ctx = readPullRequestContext({ GITHUB_REPOSITORY: "acme/models" });
  assert.deepEqual([ctx.issueNumber, ctx.isFork, ctx.sha, ctx.ref, ctx.eventName], [null, false, "", "", ""]);
});

test("a malformed GITHUB_REPOSITORY, a missing or broken event file are clear ModelguardErrors", () => {
  for (const bad of [undefined, "", "acme", "acme/models/extra", "/models", "acme/", "ac me/models", "acme/.."]) {
    assert.throws(
      () => readPullRequestContext({ ...(bad === undefined ? {} : { GITHUB_REPOSITORY: bad }) }),
      (e: unknown) =>
        e instanceof ModelguardError &&
        e.code === "github" &&
        /GITHUB_REPOSITORY/.test(e.message) &&
        /owner\/repo/.test(e.hint ?? ""),
      String(bad),
    );
  }
  assert.throws(
    () => readPullRequestContext({ GITHUB_REPOSITORY: "acme/models", GITHUB_EVENT_PATH: join(dir, "missing.json") }),
    (e: unknown) => e instanceof ModelguardError && /cannot read the event payload/.test(e.message),
  );
  const broken = join(dir, "broken.json");
  writeFileSync(broken, "{not json");
  assert.throws(
    () => readPullRequestContext({ GITHUB_REPOSITORY: "acme/models", GITHUB_EVENT_PATH: broken }),
    (e: unknown) => e instanceof ModelguardError && /not valid JSON/.test(e.message),
  );
});
