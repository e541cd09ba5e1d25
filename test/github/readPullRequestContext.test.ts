import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pullRequestContextOf, readPullRequestContext } from "../../src/github/readPullRequestContext.js";
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

test("a pull_request from a branch of the same repository", async () => {
  assert.deepEqual(await readPullRequestContext(env("pull_request", prPayload("acme/models"))), {
    owner: "acme",
    repo: "models",
    issueNumber: 7,
    isFork: false,
    sha: "head111111111111111111111111111111111111",
    ref: "refs/pull/7/merge",
    eventName: "pull_request",
  });
});

test("a pull_request from a fork, and pull_request_target from a fork", async () => {
  const fork = await readPullRequestContext(env("pull_request", prPayload("someone/models")));
  assert.equal(fork.isFork, true);
  assert.equal(fork.issueNumber, 7);
  const target = await readPullRequestContext(
    env("pull_request_target", prPayload("someone/models"), { GITHUB_REF: "refs/heads/main" }),
  );
  assert.deepEqual(
    [target.isFork, target.issueNumber, target.eventName, target.ref],
    [true, 7, "pull_request_target", "refs/heads/main"],
  );
  // A fork deleted after the PR was opened leaves head.repo null.
  assert.equal((await readPullRequestContext(env("pull_request", prPayload(null)))).isFork, true);
  // Repository names are case-insensitive.
  assert.equal((await readPullRequestContext(env("pull_request", prPayload("ACME/Models")))).isFork, false);
});

test("a push has no pull request", async () => {
  const ctx = await readPullRequestContext(
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

test("an issue_comment on a pull request names the PR; on a plain issue it does not", async () => {
  const onPr = await readPullRequestContext(
    env("issue_comment", { issue: { number: 12, pull_request: { url: "x" } } }),
  );
  assert.equal(onPr.issueNumber, 12);
  const onIssue = await readPullRequestContext(env("issue_comment", { issue: { number: 13 } }));
  assert.equal(onIssue.issueNumber, null);
});

test("a workflow_dispatch with a pull_request input names that pull request (the gate dispatched on a PR)", async () => {
  const dispatched = await readPullRequestContext(
    env(
      "workflow_dispatch",
      { inputs: { pull_request: "42" }, ref: "refs/heads/main" },
      { GITHUB_REF: "refs/heads/main" },
    ),
  );
  assert.equal(dispatched.issueNumber, 42);
  assert.equal(dispatched.isFork, false);
  for (const input of [
    {},
    { pull_request: "" },
    { pull_request: "0" },
    { pull_request: "4 2" },
    { pull_request: 42 },
  ]) {
    const ctx = await readPullRequestContext(env("workflow_dispatch", { inputs: input }));
    assert.equal(ctx.issueNumber, null, JSON.stringify(input));
  }
  // Only a dispatch: a push payload with such a key is still a push.
  assert.equal((await readPullRequestContext(env("push", { inputs: { pull_request: "42" } }))).issueNumber, null);
});

test("without an event file (a local run) there is no pull request", async () => {
  const ctx = await readPullRequestContext({ GITHUB_REPOSITORY: "acme/models" });
  assert.deepEqual([ctx.issueNumber, ctx.isFork, ctx.sha, ctx.ref, ctx.eventName], [null, false, "", "", ""]);
});

test("a malformed GITHUB_REPOSITORY, a missing or broken event file are clear ModelguardErrors", async () => {
  for (const bad of [undefined, "", "acme", "acme/models/extra", "/models", "acme/", "ac me/models", "acme/.."]) {
    await assert.rejects(
      () => readPullRequestContext({ ...(bad === undefined ? {} : { GITHUB_REPOSITORY: bad }) }),
      (e: unknown) =>
        e instanceof ModelguardError &&
        e.code === "github" &&
        /GITHUB_REPOSITORY/.test(e.message) &&
        /owner\/repo/.test(e.hint ?? ""),
      String(bad),
    );
  }
  await assert.rejects(
    () => readPullRequestContext({ GITHUB_REPOSITORY: "acme/models", GITHUB_EVENT_PATH: join(dir, "missing.json") }),
    (e: unknown) => e instanceof ModelguardError && /cannot read the event payload/.test(e.message),
  );
  const broken = join(dir, "broken.json");
  writeFileSync(broken, "{not json");
  await assert.rejects(
    () => readPullRequestContext({ GITHUB_REPOSITORY: "acme/models", GITHUB_EVENT_PATH: broken }),
    (e: unknown) => e instanceof ModelguardError && /not valid JSON/.test(e.message),
  );
});

test("the context is @actions/github's, read from the env given, and process.env is left as it was", async () => {
  const [envObject, before] = [process.env, { ...process.env }];
  const given = env("pull_request", prPayload("acme/models"));
  const ctx = await readPullRequestContext(given);
  assert.equal(process.env, envObject);
  assert.deepEqual({ ...process.env }, before);
  // The same payload read by @actions/github's own context (the runner's case: process.env).
  const { context } = await import("@actions/github");
  const Context = context.constructor as new () => typeof context;
  const saved = process.env;
  process.env = given;
  try {
    const theirs = new Context();
    assert.deepEqual(pullRequestContextOf({ ...theirs, repo: theirs.repo }), ctx);
    assert.equal(theirs.payload.pull_request?.number, ctx.issueNumber);
    assert.deepEqual(theirs.repo, { owner: ctx.owner, repo: ctx.repo });
  } finally {
    process.env = saved;
  }
});

test("a payload file holding JSON that is not an object is an empty payload", async () => {
  for (const text of ["null", "5", '"text"']) {
    const path = join(dir, `scalar-${++n}.json`);
    writeFileSync(path, text);
    const ctx = await readPullRequestContext({ GITHUB_REPOSITORY: "acme/models", GITHUB_EVENT_PATH: path });
    assert.equal(ctx.issueNumber, null, text);
  }
});
