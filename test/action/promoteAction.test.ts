import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startFakeGitHub, type FakeGitHub } from "../fakeGithub/startFakeGitHub.js";
import { buildActionCheckout, REPO_ROOT, runAction, TOKEN } from "./harness.js";

const DATA = "fixtures/datasets/breast_cancer";
const MODEL = "fixtures/models/breast_cancer_columns.onnx";
const OTHER_MODEL = "fixtures/models/breast_cancer_logreg.onnx";
const GATES = "fixtures/compare/gates.yml";
const ONNX = { MODELGUARD_ONNXRUNTIME_DIR: REPO_ROOT };
/** The harness's push event carries GITHUB_SHA = "b" x 40: the merge commit of the pull request below. */
const PUSHED = "b".repeat(40);
let checkout: string;
let fake: FakeGitHub;

before(async () => {
  checkout = buildActionCheckout();
  fake = await startFakeGitHub({ token: TOKEN, repositories: ["acme/models"] });
});
after(async () => {
  assert.deepEqual(fake.violations, []);
  assert.deepEqual(fake.unhandled, []);
  await fake.close();
});

const promote = (extra: Record<string, string> = {}) =>
  runAction({
    checkout,
    action: "actions/promote/action.yml",
    event: "push",
    apiUrl: fake.url,
    with: { data: `${DATA}/test.csv`, target: "malignant", model: MODEL, name: "bc", ...extra },
    env: ONNX,
  });

test("promote on the push of a merge: evaluates, releases v1, deploys, and comments v1 on the merged pull request", async () => {
  const pr = fake.state.addPullRequest("acme/models", { title: "Retrain on March", headSha: "c".repeat(40) });
  fake.state.mergePullRequest("acme/models", pr.number, PUSHED);

  const r = await promote({ "profile-data": `${DATA}/train.csv` });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.outputs["model-version"], "v1");
  assert.equal(r.outputs["model-tag"], "modelguard/bc/v1");
  assert.equal(r.outputs["pull-request"], String(pr.number));
  assert.ok(r.outputs["metrics-path"]);

  const release = fake.registry.releases.find((x) => x.tag === "modelguard/bc/v1");
  assert.ok(release, "the release of v1");
  assert.equal(release.makeLatest, "false");
  // The profile built from profile-data is stored with the version: what a monitor following production loads.
  const profile = JSON.parse(release.assets.find((a) => a.name === "profile.json")!.bytes.toString("utf8"));
  assert.equal(profile.kind, "modelguard.profile");
  assert.ok(Object.hasOwn(profile.columns, "mean_radius"));
  const card = JSON.parse(release.assets.find((a) => a.name === "card.json")!.bytes.toString("utf8"));
  // Re-evaluated on the test set after the merge, with the merged pull request and commit on the card.
  assert.ok(card.metrics.some((m: { name: string; value: number }) => m.name === "accuracy" && m.value > 0.9));
  assert.equal(card.git.pull_request, pr.number);
  assert.equal(card.git.commit, PUSHED);
  assert.ok(fake.registry.deployments.some((d) => d.environment === "model/bc" && d.ref === "modelguard/bc/v1"));

  const comments = fake.state.commentsOf("acme/models", pr.number);
  assert.equal(comments.length, 1);
  assert.match(comments[0]!.body, /`bc` v1 is production/);
  assert.match(comments[0]!.body, /the first production version/);
  assert.match(
    comments[0]!.body,
    /\[modelguard\/bc\/v1\]\(https:\/\/github\.com\/acme\/models\/releases\/tag\/modelguard\/bc\/v1\)/,
  );
  assert.match(comments[0]!.body, /\| accuracy \|/);
  assert.equal(
    r.outputs["comment-url"],
    `https://github.com/acme/models/pull/${pr.number}#issuecomment-${comments[0]!.id}`,
  );
});

test("a re-run on the same commit with the same model promotes nothing again: v1 stays, the comment is the same", async () => {
  const before = fake.registry.releases.length;
  const r = await promote();
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.outputs["model-version"], "v1");
  assert.match(r.stdout, /bc v1 is already production from commit b{40}: not promoting it again/);
  assert.equal(fake.registry.releases.length, before);
  assert.equal(fake.state.commentsOf("acme/models", Number(r.outputs["pull-request"])).length, 1);
});

test("with baseline-model registry:bc the comparison with production goes on the card of v2; the comment is updated", async () => {
  // Another model from the same commit (say the job's training changed): a new version.
  const r = await promote({ model: OTHER_MODEL, "baseline-model": "registry:bc", gates: GATES });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.outputs["model-version"], "v2");
  const release = fake.registry.releases.find((x) => x.tag === "modelguard/bc/v2")!;
  const card = JSON.parse(release.assets.find((a) => a.name === "card.json")!.bytes.toString("utf8"));
  assert.equal(card.previous_production, 1);
  assert.equal(card.comparison.baseline_version, 1);
  assert.ok(release.assets.some((a) => a.name === "comparison.json"));
  const pr = Number(r.outputs["pull-request"]);
  const comments = fake.state.commentsOf("acme/models", pr);
  assert.equal(comments.length, 1, "one comment per model on the pull request, updated");
  assert.match(comments[0]!.body, /`bc` v2 is production/);
  assert.match(comments[0]!.body, /replacing v1/);
  // v1's deployment is inactive now, v2's a success.
  const byVersion = (v: string) =>
    fake.registry.deployments.find((d) => (d.payload as { version?: string }).version === v)!.statuses.at(-1)!.state;
  assert.equal(byVersion("v1"), "inactive");
  assert.equal(byVersion("v2"), "success");
});

test("a direct push (no pull request) still promotes, and comments nowhere", async () => {
  fake.state.issues.find((i) => i.pullRequest?.mergeCommitSha === PUSHED)!.pullRequest!.mergeCommitSha = "d".repeat(40);
  const before = fake.state.comments.length;
  const r = await promote();
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.outputs["model-version"], "v3");
  assert.equal(r.outputs["pull-request"], undefined);
  assert.match(r.stdout, /a direct push/);
  assert.equal(fake.state.comments.length, before);
});

test("promote without name, data or target fails the step with what it needs", async () => {
  const r = await promote({ name: "" });
  assert.equal(r.code, 1);
  assert.match(r.stdout, /::error::promote needs 'name'/);
});
