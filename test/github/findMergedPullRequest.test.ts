import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { findMergedPullRequest } from "../../src/github/findMergedPullRequest.js";
import { GitHubError } from "../../src/github/GitHubError.js";
import { clientForFake } from "../fakeGithub/clientForFake.js";
import { startFakeGitHub, type FakeGitHub } from "../fakeGithub/startFakeGitHub.js";

const TOKEN = "ghs_MergedPullRequestTestAAAABBBBCCCCDDDD";
const SHA = (c: string) => c.repeat(40);
let fake: FakeGitHub;

before(async () => {
  fake = await startFakeGitHub({ token: TOKEN, repositories: ["acme/models"] });
});
after(() => fake.close());

test("the merged pull request of a push: by its merge commit, by its head (fast-forward), none for a direct push", async () => {
  const { client } = clientForFake(fake);
  const squashed = fake.state.addPullRequest("acme/models", {
    title: "Retrain",
    headRef: "retrain",
    headSha: SHA("1"),
  });
  fake.state.mergePullRequest("acme/models", squashed.number, SHA("2"));
  const rebased = fake.state.addPullRequest("acme/models", { title: "Tune", headRef: "tune", headSha: SHA("3") });
  fake.state.mergePullRequest("acme/models", rebased.number, SHA("3"));
  // Open, not merged: a commit on its branch is not a merge of it.
  fake.state.addPullRequest("acme/models", { title: "Draft", headRef: "draft", headSha: SHA("4") });

  const bySquash = await findMergedPullRequest(client, { owner: "acme", repo: "models", sha: SHA("2") });
  assert.deepEqual(bySquash, {
    number: squashed.number,
    title: "Retrain",
    url: `https://github.com/acme/models/pull/${squashed.number}`,
    headSha: SHA("1"),
  });
  const byHead = await findMergedPullRequest(client, { owner: "acme", repo: "models", sha: SHA("3") });
  assert.equal(byHead?.number, rebased.number);
  assert.equal(await findMergedPullRequest(client, { owner: "acme", repo: "models", sha: SHA("4") }), null);
  assert.equal(await findMergedPullRequest(client, { owner: "acme", repo: "models", sha: SHA("9") }), null);
  assert.deepEqual(fake.violations, []);
  assert.deepEqual(fake.unhandled, []);
});

test("a repository the token cannot see is a GitHub error naming the lookup", async () => {
  const { client } = clientForFake(fake);
  await assert.rejects(
    findMergedPullRequest(client, { owner: "acme", repo: "missing", sha: SHA("2") }),
    (e: unknown) => e instanceof GitHubError && /pull requests of commit 222222222222 in acme\/missing/.test(e.message),
  );
});
