import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  closeIssue,
  commentOnIssue,
  findOpenIssueByMarker,
  openIssue,
} from "../../src/github/findOpenIssueByMarker.js";
import { GitHubError } from "../../src/github/GitHubError.js";
import { issueMarker, MAX_COMMENT_BODY_CHARS } from "../../src/github/reportMarker.js";
import { startFakeGitHub, type FakeGitHub } from "../fakeGithub/startFakeGitHub.js";
import { clientForFake } from "../fakeGithub/clientForFake.js";

const TOKEN = "ghs_IssueTestSecretAAAABBBBCCCCDDDDEEEEFFFF";
let fake: FakeGitHub;
let repoCounter = 0;

before(async () => {
  fake = await startFakeGitHub({ token: TOKEN });
});
after(() => fake.close());
beforeEach(() => {
  fake.clearFaults();
  fake.requests.length = 0;
});

/** A fresh repository per test, so tests do not see each other's issues. */
function freshRepo(): { owner: string; repo: string; fullName: string } {
  const repo = `drift-${++repoCounter}`;
  fake.state.addRepository(`acme/${repo}`);
  return { owner: "acme", repo, fullName: `acme/${repo}` };
}

test("open, find, comment and close: one tracking issue per model, found by its hidden marker", async () => {
  const { owner, repo, fullName } = freshRepo();
  const { client } = clientForFake(fake);
  const marker = issueMarker("fraud-model");
  assert.equal(await findOpenIssueByMarker(client, { owner, repo, marker }), null);

  const opened = await openIssue(client, {
    owner,
    repo,
    marker,
    title: "Drift detected: fraud-model",
    body: "3 of 12 features drifted",
    labels: ["modelguard", "drift"],
  });
  assert.equal(opened.state, "open");
  assert.deepEqual(opened.labels, ["modelguard", "drift"]);
  assert.equal(opened.body, `${marker}\n3 of 12 features drifted`);
  assert.match(opened.url, new RegExp(`^https://github\\.com/${fullName}/issues/${opened.number}$`));

  const found = await findOpenIssueByMarker(client, { owner, repo, marker, labels: ["drift"] });
  assert.deepEqual(found, opened);
  assert.equal(await findOpenIssueByMarker(client, { owner, repo, marker: issueMarker("other-model") }), null);

  const c = await commentOnIssue(client, { owner, repo, issueNumber: opened.number, body: "still drifting" });
  assert.match(c.url, new RegExp(`/issues/${opened.number}#issuecomment-${c.id}$`));

  const closed = await closeIssue(client, {
    owner,
    repo,
    issueNumber: opened.number,
    comment: "Drift resolved after retraining.",
  });
  assert.equal(closed.state, "closed");
  const stored = fake.state.issuesOf(fullName)[0];
  assert.equal(stored?.state, "closed");
  assert.equal(stored?.stateReason, "completed");
  assert.deepEqual(
    fake.state.commentsOf(fullName, opened.number).map((x) => x.body),
    ["still drifting", "Drift resolved after retraining."],
  );
  assert.equal(await findOpenIssueByMarker(client, { owner, repo, marker }), null, "closed issues are not found");
  assert.deepEqual(fake.violations, []);
});

test("pull requests, closed issues, quoted markers and other labels are skipped; all pages are read", async () => {
  const { owner, repo, fullName } = freshRepo();
  const marker = issueMarker("churn");
  // A PR whose body starts with the marker: the issues API lists it, but it is not an issue.
  fake.state.addIssue(fullName, { title: "PR", body: `${marker}\nPR body`, pullRequest: true, user: "octocat" });
  fake.state.addIssue(fullName, { title: "old", body: `${marker}\nclosed`, state: "closed" });
  fake.state.addIssue(fullName, { title: "quote", body: `> ${marker}\n> quoted`, user: "octocat" });
  fake.state.addIssue(fullName, { title: "unlabelled", body: `${marker}\nno label` });
  const target = fake.state.addIssue(fullName, { title: "ours", body: `${marker}\ntracking`, labels: ["drift"] });
  // 150 newer open issues push ours to page 2 (newest first, 100 a page).
  for (let i = 0; i < 150; i++) fake.state.addIssue(fullName, { title: `noise ${i}`, labels: ["drift"] });

  const { client } = clientForFake(fake);
  const found = await findOpenIssueByMarker(client, { owner, repo, marker, labels: ["drift"] });
  assert.equal(found?.number, target.number);
  const lists = fake.requests.filter((q) => q.operationId === "issues/list-for-repo");
  assert.deepEqual(
    lists.map((q) => [q.query.state, q.query.labels, q.query.page ?? "1"]),
    [
      ["open", "drift", "1"],
      ["open", "drift", "2"],
    ],
  );
  // Without the label filter the older, unlabelled match also qualifies; the newest match still wins.
  const any = await findOpenIssueByMarker(client, { owner, repo, marker });
  assert.equal(any?.number, target.number);
  assert.deepEqual(fake.violations, []);
});

test("with two open issues for one marker (an earlier race), the newest is returned", async () => {
  const { owner, repo, fullName } = freshRepo();
  const marker = issueMarker("ltv");
  fake.state.addIssue(fullName, { title: "first", body: `${marker}\na` });
  const newer = fake.state.addIssue(fullName, { title: "second", body: `${marker}\nb` });
  const { client } = clientForFake(fake);
  assert.equal((await findOpenIssueByMarker(client, { owner, repo, marker }))?.number, newer.number);
});

test("closeIssue can close as not planned; a bad marker or an oversized body is refused before sending", async () => {
  const { owner, repo, fullName } = freshRepo();
  const { client } = clientForFake(fake);
  const issue = fake.state.addIssue(fullName, { title: "t", body: `${issueMarker("m")}\nx` });
  await closeIssue(client, { owner, repo, issueNumber: issue.number, reason: "not_planned" });
  assert.equal(issue.stateReason, "not_planned");
  fake.requests.length = 0;

  for (const marker of ["modelguard drift", "<!-- two\nlines -->", "<!-- a --> b -->"]) {
    await assert.rejects(
      findOpenIssueByMarker(client, { owner, repo, marker }),
      (e: unknown) => e instanceof GitHubError && /invalid marker/.test(e.message),
    );
  }
  await assert.rejects(
    openIssue(client, { owner, repo, marker: issueMarker("m"), title: "t", body: "b".repeat(MAX_COMMENT_BODY_CHARS) }),
    (e: unknown) => e instanceof GitHubError && e.kind === "too_long",
  );
  await assert.rejects(
    commentOnIssue(client, { owner, repo, issueNumber: issue.number, body: "c".repeat(MAX_COMMENT_BODY_CHARS + 1) }),
    (e: unknown) => e instanceof GitHubError && e.kind === "too_long",
  );
  assert.deepEqual(fake.requests, []);
});

test("a missing issue is not_found with the issues permission in the hint", async () => {
  const { owner, repo } = freshRepo();
  const { client } = clientForFake(fake);
  await assert.rejects(closeIssue(client, { owner, repo, issueNumber: 999 }), (e: unknown) => {
    assert.ok(e instanceof GitHubError);
    assert.equal(e.kind, "not_found");
    assert.match(e.hint ?? "", /`permissions: issues: write`/);
    return true;
  });
});

test("a stranger's issue starting with our marker is not found, labelled or not; ours is, asked of GitHub once", async () => {
  const { owner, repo, fullName } = freshRepo();
  const marker = issueMarker("fraud");
  const ours = fake.state.addIssue(fullName, { title: "ours", body: `${marker}\ntracking`, labels: ["drift"] });
  fake.state.addIssue(fullName, { title: "fake", body: `${marker}\nnewer`, labels: ["drift"], user: "mallory" });
  fake.state.addIssue(fullName, { title: "fake 2", body: `${marker}\nnewest`, user: "mallory" });
  const { client } = clientForFake(fake);
  assert.equal((await findOpenIssueByMarker(client, { owner, repo, marker }))?.number, ours.number);
  assert.equal((await findOpenIssueByMarker(client, { owner, repo, marker, labels: ["drift"] }))?.number, ours.number);
  assert.equal(fake.requests.filter((q) => q.operationId === "users/get-authenticated").length, 1);

  // Only the stranger's left: nothing is ours.
  const { client: other } = clientForFake(fake);
  await closeIssue(other, { owner, repo, issueNumber: ours.number });
  assert.equal(await findOpenIssueByMarker(other, { owner, repo, marker }), null);
  assert.equal(await findOpenIssueByMarker(other, { owner, repo, marker, labels: ["drift"] }), null);
  // An explicit author (a GitHub App's bot) is taken as given.
  assert.equal(
    (await findOpenIssueByMarker(other, { owner, repo, marker, authorLogin: "MALLORY" }))?.title,
    "fake 2",
    "logins compare case-insensitively",
  );
  assert.deepEqual(fake.violations, []);
});

test("labels are checked on the answer too, not only asked for", async () => {
  const { owner, repo, fullName } = freshRepo();
  const marker = issueMarker("m2");
  fake.state.addIssue(fullName, { title: "unlabelled", body: `${marker}\nx` });
  const { client } = clientForFake(fake);
  const { data } = await client.request("GET /repos/{owner}/{repo}/issues", { owner, repo });
  // A server (or proxy) that ignores the labels filter must not hand us an unlabelled issue.
  fake.injectFault({ method: "GET", path: `/repos/${fullName}/issues$`, status: 200, body: data });
  assert.equal(await findOpenIssueByMarker(client, { owner, repo, marker, labels: ["drift"] }), null);
  assert.equal(fake.requests.at(-1)?.query.labels, "drift");
});
