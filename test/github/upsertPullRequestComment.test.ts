import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { upsertPullRequestComment } from "../../src/github/upsertPullRequestComment.js";
import { GitHubError } from "../../src/github/GitHubError.js";
import { MAX_COMMENT_BODY_CHARS, reportMarker } from "../../src/github/reportMarker.js";
import { startFakeGitHub, type FakeGitHub } from "../fakeGithub/startFakeGitHub.js";
import { clientForFake } from "../fakeGithub/clientForFake.js";

const REPO = "acme/models";
const TOKEN = "ghs_UpsertTestToken0123456789abcdefABCDEF";
let fake: FakeGitHub;

before(async () => {
  fake = await startFakeGitHub({ token: TOKEN });
});
after(() => fake.close());
beforeEach(() => {
  fake.clearFaults();
  fake.requests.length = 0;
});

function newPr(): number {
  return fake.state.addPullRequest(REPO).number;
}

function assertNoViolations(): void {
  assert.deepEqual(fake.violations, [], JSON.stringify(fake.violations, null, 2));
}

test("the first run creates the comment and the second updates the same one in place", async () => {
  const pr = newPr();
  const { client } = clientForFake(fake);
  const first = await upsertPullRequestComment(client, {
    owner: "acme",
    repo: "models",
    issueNumber: pr,
    reportId: "evaluate",
    body: "## Report\nF1 0.91",
  });
  assert.equal(first.action, "created");
  assert.match(first.url, new RegExp(`^https://github\\.com/acme/models/pull/${pr}#issuecomment-${first.id}$`));
  const second = await upsertPullRequestComment(client, {
    owner: "acme",
    repo: "models",
    issueNumber: pr,
    reportId: "evaluate",
    body: "## Report\nF1 0.93",
  });
  assert.deepEqual(second, { action: "updated", url: first.url, id: first.id });
  const comments = fake.state.commentsOf(REPO, pr);
  assert.equal(comments.length, 1);
  assert.equal(comments[0]?.body, `${reportMarker("evaluate")}\n## Report\nF1 0.93`);
  assert.equal(comments[0]?.user.login, "github-actions[bot]");
  assert.ok(fake.requests.every((r) => r.auth === "token"));
  assert.deepEqual(
    fake.requests.map((r) => r.operationId),
    [
      "issues/list-comments",
      "issues/create-comment",
      "issues/list-comments",
      // Asked once a comment with our marker is seen: is it the token's own?
      "users/get-authenticated",
      "issues/update-comment",
    ],
  );
  assertNoViolations();
});

test("our comment on page 3 of a 250-comment PR is found by following the Link headers", async () => {
  const pr = newPr();
  for (let i = 0; i < 230; i++) fake.state.addComment(REPO, pr, { body: `comment ${i}`, user: `user${i % 7}` });
  const ours = fake.state.addComment(REPO, pr, { body: `${reportMarker("evaluate")}\nold report` });
  for (let i = 0; i < 19; i++) fake.state.addComment(REPO, pr, { body: `later ${i}`, user: "octocat" });
  assert.equal(fake.state.commentsOf(REPO, pr).length, 250);

  const { client } = clientForFake(fake);
  const r = await upsertPullRequestComment(client, {
    owner: "acme",
    repo: "models",
    issueNumber: pr,
    reportId: "evaluate",
    body: "new report",
  });
  assert.equal(r.action, "updated");
  assert.equal(r.id, ours.id);
  assert.equal(fake.state.commentsOf(REPO, pr).length, 250, "no duplicate was posted");
  assert.equal(ours.body, `${reportMarker("evaluate")}\nnew report`);
  const lists = fake.requests.filter((q) => q.operationId === "issues/list-comments");
  assert.deepEqual(
    lists.map((q) => [q.query.per_page, q.query.page ?? "1"]),
    [
      ["100", "1"],
      ["100", "2"],
      ["100", "3"],
    ],
  );
  assertNoViolations();
});

test("two report ids on one PR keep two separate comments", async () => {
  const pr = newPr();
  const { client } = clientForFake(fake);
  const base = { owner: "acme", repo: "models", issueNumber: pr };
  const a = await upsertPullRequestComment(client, { ...base, reportId: "evaluate", body: "eval v1" });
  const b = await upsertPullRequestComment(client, { ...base, reportId: "drift", body: "drift v1" });
  const a2 = await upsertPullRequestComment(client, { ...base, reportId: "evaluate", body: "eval v2" });
  assert.equal(a.action, "created");
  assert.equal(b.action, "created");
  assert.notEqual(a.id, b.id);
  assert.deepEqual([a2.action, a2.id], ["updated", a.id]);
  const bodies = fake.state.commentsOf(REPO, pr).map((c) => c.body);
  assert.deepEqual(bodies, [`${reportMarker("evaluate")}\neval v2`, `${reportMarker("drift")}\ndrift v1`]);
  assertNoViolations();
});

test("a marker anywhere but our first line is not matched: quotes, data values, prefixes of other ids", async () => {
  const pr = newPr();
  const m = reportMarker("eval");
  const others = [
    `> ${m}\n> quoted by a reviewer`,
    `The data has a string value ${m} in column notes`,
    `Looks good!\n${m}\nold report pasted below`,
    `${m} trailing text on the marker line`,
    `${reportMarker("eval2")}\nanother report id`,
    ` ${m}\nleading space`,
  ];
  const seeded = others.map((body) => fake.state.addComment(REPO, pr, { body, user: "reviewer" }));
  const { client } = clientForFake(fake);
  const r = await upsertPullRequestComment(client, {
    owner: "acme",
    repo: "models",
    issueNumber: pr,
    reportId: "eval",
    body: "fresh",
  });
  assert.equal(r.action, "created");
  assert.deepEqual(
    seeded.map((c) => c.body),
    others,
    "nobody else's comment was edited",
  );
  assert.equal(fake.state.commentsOf(REPO, pr).length, others.length + 1);
  assertNoViolations();
});

test("a marker line ending in CRLF (an edit in the web UI) is still ours", async () => {
  const pr = newPr();
  const ours = fake.state.addComment(REPO, pr, { body: `${reportMarker("eval")}\r\nedited on the web` });
  const { client } = clientForFake(fake);
  const r = await upsertPullRequestComment(client, {
    owner: "acme",
    repo: "models",
    issueNumber: pr,
    reportId: "eval",
    body: "x",
  });
  assert.deepEqual([r.action, r.id], ["updated", ours.id]);
  assertNoViolations();
});

test("after a race left several of ours, the newest is updated and the others are left alone", async () => {
  const pr = newPr();
  const m = reportMarker("eval");
  const older = fake.state.addComment(REPO, pr, { body: `${m}\nrun 1` });
  fake.state.addComment(REPO, pr, { body: "unrelated", user: "octocat" });
  const newer = fake.state.addComment(REPO, pr, { body: `${m}\nrun 2` });
  const { client } = clientForFake(fake);
  const r = await upsertPullRequestComment(client, {
    owner: "acme",
    repo: "models",
    issueNumber: pr,
    reportId: "eval",
    body: "run 3",
  });
  assert.deepEqual([r.action, r.id], ["updated", newer.id]);
  assert.equal(newer.body, `${m}\nrun 3`);
  assert.equal(older.body, `${m}\nrun 1`);
  assertNoViolations();
});

test("authorLogin restricts matching to comments by that user", async () => {
  const pr = newPr();
  const m = reportMarker("eval");
  const byHuman = fake.state.addComment(REPO, pr, { body: `${m}\ncopied by hand`, user: "octocat" });
  const { client } = clientForFake(fake);
  const r = await upsertPullRequestComment(client, {
    owner: "acme",
    repo: "models",
    issueNumber: pr,
    reportId: "eval",
    body: "bot report",
    authorLogin: "github-actions[bot]",
  });
  assert.equal(r.action, "created");
  assert.equal(byHuman.body, `${m}\ncopied by hand`);
  assertNoViolations();
});

test("a comment deleted between listing and updating is posted afresh", async () => {
  const pr = newPr();
  fake.state.addComment(REPO, pr, { body: `${reportMarker("eval")}\nold` });
  fake.injectFault({ method: "PATCH", path: /\/issues\/comments\/\d+$/, status: 404 });
  const { client } = clientForFake(fake);
  const r = await upsertPullRequestComment(client, {
    owner: "acme",
    repo: "models",
    issueNumber: pr,
    reportId: "eval",
    body: "new",
  });
  assert.equal(r.action, "created");
  assert.equal(fake.state.commentsOf(REPO, pr).length, 2);
  assertNoViolations();
});

test("a body over 65,536 characters is refused before anything is sent", async () => {
  const pr = newPr();
  const { client } = clientForFake(fake);
  const marker = reportMarker("eval");
  const body = "x".repeat(MAX_COMMENT_BODY_CHARS - marker.length); // + marker + "\n" = 65,537
  await assert.rejects(
    upsertPullRequestComment(client, { owner: "acme", repo: "models", issueNumber: pr, reportId: "eval", body }),
    (e: unknown) => {
      assert.ok(e instanceof GitHubError);
      assert.equal(e.code, "github");
      assert.equal(e.kind, "too_long");
      assert.equal(e.status, null);
      assert.match(e.message, /65,537 characters; GitHub accepts at most 65,536/);
      assert.match(e.hint ?? "", /trim the report/);
      return true;
    },
  );
  assert.deepEqual(fake.requests, []);
});

test("a body of exactly 65,536 characters, counted in code points as GitHub does, is accepted", async () => {
  const pr = newPr();
  const { client } = clientForFake(fake);
  const marker = reportMarker("eval");
  // Astral characters are two UTF-16 units but one character each for GitHub.
  const chart = "📈".repeat(1000);
  const body = chart + "y".repeat(MAX_COMMENT_BODY_CHARS - marker.length - 1 - 1000);
  const r = await upsertPullRequestComment(client, {
    owner: "acme",
    repo: "models",
    issueNumber: pr,
    reportId: "eval",
    body,
  });
  assert.equal(r.action, "created");
  assert.equal(Array.from(fake.state.commentsOf(REPO, pr)[0]?.body ?? "").length, MAX_COMMENT_BODY_CHARS);
  assertNoViolations();
});

test("GitHub's 422 'body is too long' becomes the same typed too_long error", async () => {
  const pr = newPr();
  const fault = fake.injectFault({
    method: "POST",
    path: /\/issues\/\d+\/comments$/,
    status: 422,
    body: {
      message: "Validation Failed",
      errors: [
        {
          resource: "IssueComment",
          code: "custom",
          field: "body",
          message: "body is too long (maximum is 65536 characters)",
        },
      ],
      documentation_url: "https://docs.github.com/rest/issues/comments#create-an-issue-comment",
      status: "422",
    },
  });
  const { client } = clientForFake(fake);
  await assert.rejects(
    upsertPullRequestComment(client, { owner: "acme", repo: "models", issueNumber: pr, reportId: "eval", body: "x" }),
    (e: unknown) => {
      assert.ok(e instanceof GitHubError);
      assert.equal(e.kind, "too_long");
      assert.equal(e.status, 422);
      assert.match(e.hint ?? "", /trim the report/);
      return true;
    },
  );
  assert.equal(fault.hits, 1, "a 422 is not retried");
  assertNoViolations();
});

test("the fake's own 65,536-character check answers 422 too, and it maps to too_long", async () => {
  // Bypass the client-side guard by posting directly, to prove the fake enforces GitHub's limit.
  const pr = newPr();
  const { client } = clientForFake(fake);
  const err = await client
    .request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      owner: "acme",
      repo: "models",
      issue_number: pr,
      body: "z".repeat(MAX_COMMENT_BODY_CHARS + 1),
    })
    .then(
      () => null,
      (e: unknown) => e,
    );
  assert.equal((err as { status?: number }).status, 422);
  const { classifyGitHubError } = await import("../../src/github/classifyGitHubError.js");
  assert.equal(classifyGitHubError(err).kind, "too_long");
  assertNoViolations();
});

test("an invalid report id is refused before sending", async () => {
  const { client } = clientForFake(fake);
  for (const reportId of ["", "a b", "x-->", "line\nbreak", "-leading-dash"]) {
    await assert.rejects(
      upsertPullRequestComment(client, { owner: "acme", repo: "models", issueNumber: 1, reportId, body: "x" }),
      (e: unknown) => e instanceof GitHubError && /invalid report id/.test(e.message),
    );
  }
  for (const authorLogin of ["", "mal lory", "x[bot]]", "-lead", "a\nb"]) {
    await assert.rejects(
      upsertPullRequestComment(client, {
        owner: "acme",
        repo: "models",
        issueNumber: 1,
        reportId: "r",
        body: "x",
        authorLogin,
      }),
      (e: unknown) => e instanceof GitHubError && /invalid author login/.test(e.message),
    );
  }
  assert.deepEqual(fake.requests, []);
});

test("works against a GitHub Enterprise Server style prefix (/api/v3), paging included", async () => {
  const ghes = await startFakeGitHub({ token: TOKEN, basePath: "/api/v3", webUrl: "https://ghe.example.com" });
  try {
    const pr = ghes.state.addPullRequest(REPO).number;
    for (let i = 0; i < 120; i++) ghes.state.addComment(REPO, pr, { body: `c${i}`, user: "octocat" });
    ghes.state.addComment(REPO, pr, { body: `${reportMarker("eval")}\nold` });
    const { client } = clientForFake(ghes);
    assert.match(ghes.url, /\/api\/v3$/);
    const r = await upsertPullRequestComment(client, {
      owner: "acme",
      repo: "models",
      issueNumber: pr,
      reportId: "eval",
      body: "new",
    });
    assert.equal(r.action, "updated");
    assert.match(r.url, /^https:\/\/ghe\.example\.com\/acme\/models\/pull\//);
    assert.ok(ghes.requests.every((q) => q.url.startsWith("/api/v3/")));
    assert.deepEqual(ghes.violations, []);
  } finally {
    await ghes.close();
  }
});

test("a stranger's comment starting with our marker is never adopted: ours is created, then updated on the next run", async () => {
  const pr = newPr();
  const m = reportMarker("evaluate");
  const stranger = fake.state.addComment(REPO, pr, { body: `${m}\nI am the report now`, user: "mallory" });
  const { client } = clientForFake(fake);
  const input = { owner: "acme", repo: "models", issueNumber: pr, reportId: "evaluate" };
  const first = await upsertPullRequestComment(client, { ...input, body: "run 1" });
  assert.equal(first.action, "created");
  assert.notEqual(first.id, stranger.id);
  const second = await upsertPullRequestComment(client, { ...input, body: "run 2" });
  assert.deepEqual([second.action, second.id], ["updated", first.id]);
  assert.equal(stranger.body, `${m}\nI am the report now`, "the stranger's comment is untouched");
  assert.equal(stranger.updatedAt, stranger.createdAt);
  const ours = fake.state.commentsOf(REPO, pr).filter((c) => c.id !== stranger.id);
  assert.deepEqual(
    ours.map((c) => [c.user.login, c.body]),
    [["github-actions[bot]", `${m}\nrun 2`]],
  );
  assert.ok(
    !fake.requests.some((q) => q.method === "PATCH" && q.path.endsWith(`/comments/${stranger.id}`)),
    "no request touched the stranger's comment",
  );
  // GITHUB_TOKEN cannot read /user (403): the identity is github-actions[bot], asked once per client.
  assert.equal(fake.requests.filter((q) => q.operationId === "users/get-authenticated").length, 1);
  assertNoViolations();
});

test("a newer stranger's comment does not displace ours, even when it is the newest marker on the PR", async () => {
  const pr = newPr();
  const m = reportMarker("eval");
  const ours = fake.state.addComment(REPO, pr, { body: `${m}\nold` });
  const stranger = fake.state.addComment(REPO, pr, { body: `${m}\nnewer, by someone else`, user: "mallory" });
  const { client } = clientForFake(fake);
  const r = await upsertPullRequestComment(client, {
    owner: "acme",
    repo: "models",
    issueNumber: pr,
    reportId: "eval",
    body: "new",
  });
  assert.deepEqual([r.action, r.id], ["updated", ours.id]);
  assert.equal(stranger.body, `${m}\nnewer, by someone else`);
  assertNoViolations();
});

test("with a user token the author is the account GET /user names; github-actions[bot]'s comments are not ours", async () => {
  const userFake = await startFakeGitHub({ token: TOKEN, actor: "ml-bot" });
  try {
    const n = userFake.state.addPullRequest(REPO).number;
    const m = reportMarker("eval");
    const botComment = userFake.state.addComment(REPO, n, { body: `${m}\nby the workflow token` });
    const mine = userFake.state.addComment(REPO, n, { body: `${m}\nmine`, user: "ML-Bot" });
    const { client } = clientForFake(userFake);
    const input = { owner: "acme", repo: "models", issueNumber: n, reportId: "eval", body: "new" };
    const r = await upsertPullRequestComment(client, input);
    assert.deepEqual([r.action, r.id], ["updated", mine.id], "logins compare case-insensitively, as GitHub's do");
    await upsertPullRequestComment(client, input);
    assert.equal(botComment.body, `${m}\nby the workflow token`);
    assert.equal(userFake.requests.filter((q) => q.operationId === "users/get-authenticated").length, 1);
    assert.deepEqual(userFake.violations, []);
  } finally {
    await userFake.close();
  }
});

test("a configured author (a GitHub App's installation token) is used as given, without asking GitHub", async () => {
  const appFake = await startFakeGitHub({ token: TOKEN, actor: "acme-ml[bot]" });
  try {
    const n = appFake.state.addPullRequest(REPO).number;
    const m = reportMarker("eval");
    const actionsBot = appFake.state.addComment(REPO, n, { body: `${m}\nby github-actions` });
    const { client } = clientForFake(appFake);
    const input = { owner: "acme", repo: "models", issueNumber: n, reportId: "eval", authorLogin: "acme-ml[bot]" };
    const first = await upsertPullRequestComment(client, { ...input, body: "v1" });
    const second = await upsertPullRequestComment(client, { ...input, body: "v2" });
    assert.deepEqual([first.action, second.action, second.id], ["created", "updated", first.id]);
    assert.equal(actionsBot.body, `${m}\nby github-actions`);
    assert.equal(appFake.requests.filter((q) => q.operationId === "users/get-authenticated").length, 0);
    assert.deepEqual(appFake.violations, []);
  } finally {
    await appFake.close();
  }
});

test("an identity GitHub will not give (401, or a 403 that is not an installation token's) is an error, not a guess", async () => {
  const pr = newPr();
  fake.state.addComment(REPO, pr, { body: `${reportMarker("eval")}\nold` });
  const { client } = clientForFake(fake);
  fake.injectFault({ method: "GET", path: "^/user$", status: 401 });
  const input = { owner: "acme", repo: "models", issueNumber: pr, reportId: "eval", body: "x" };
  await assert.rejects(upsertPullRequestComment(client, input), (e: unknown) => {
    assert.ok(e instanceof GitHubError);
    assert.equal(e.status, 401);
    assert.match(e.message, /find out which account the token acts as/);
    return true;
  });
  fake.injectFault({
    method: "GET",
    path: "^/user$",
    status: 403,
    body: { message: "Resource protected by organization SAML enforcement.", documentation_url: "x" },
  });
  await assert.rejects(upsertPullRequestComment(client, input), (e: unknown) => {
    assert.ok(e instanceof GitHubError);
    assert.equal(e.status, 403);
    assert.match(e.hint ?? "", /comment-author/);
    return true;
  });
  // A failure is not cached: once GitHub answers, the same client carries on.
  const r = await upsertPullRequestComment(client, input);
  assert.equal(r.action, "updated");
  assert.equal(fake.state.commentsOf(REPO, pr).length, 1);
  assertNoViolations();
});
