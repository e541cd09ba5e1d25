// The Action as a GitHub App through its inputs (app-id, app-private-key, app-installation-id), against the fake
// GitHub, which verifies the App's JWT: the comment is the App's, the key is masked before anything is logged, and a
// wrong setting fails the step naming the input, before any request.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";
import { startFakeGitHub, type FakeGitHub } from "../fakeGithub/startFakeGitHub.js";
import { buildActionCheckout, runAction, TOKEN } from "./harness.js";

const DATA = "fixtures/datasets/breast_cancer";
const work = mkdtempSync(join(tmpdir(), "mg-action-app-"));
const schema = join(work, "schema.yml");
const { privateKey, publicKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});
const APP = { id: 515151, slug: "modelguard-action-app", installationId: 7707 };
let checkout: string;
let fake: FakeGitHub;

before(async () => {
  checkout = buildActionCheckout();
  const quiet = { out: () => {}, err: () => {} };
  assert.equal(await main(["schema", "infer", "--data", `${DATA}/train.csv`, "-o", schema], quiet), 0);
  fake = await startFakeGitHub({ token: TOKEN, repositories: ["acme/models"], app: { ...APP, publicKey } });
});
after(async () => {
  rmSync(work, { recursive: true, force: true });
  assert.deepEqual(fake.violations, []);
  await fake.close();
});

const ops = (id: string) => fake.requests.filter((r) => r.operationId === id);
const keyLines = privateKey
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l !== "" && !l.startsWith("-----"));

function validateStep(prNumber: number, app: Record<string, string>) {
  return runAction({
    checkout,
    action: "actions/validate/action.yml",
    event: "pull_request",
    prNumber,
    apiUrl: fake.url,
    with: { data: `${DATA}/train.csv`, schema, comment: "true", ...app },
  });
}

test("app-id + app-private-key: the PR comment is the App's (not the github-token's), and the key is masked before anything is logged", async () => {
  const pr = fake.state.addPullRequest("acme/models");
  const r = await validateStep(pr.number, { "app-id": String(APP.id), "app-private-key": privateKey });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const comments = fake.state.commentsOf("acme/models", pr.number);
  assert.equal(comments.length, 1);
  assert.equal(comments[0]!.user.login, `${APP.slug}[bot]`);
  assert.equal(ops("apps/get-repo-installation").length, 1, "the installation found from the repository");
  assert.ok(ops("apps/create-installation-access-token").every((q) => q.auth === "bearer" && q.status === 201));
  assert.equal(ops("issues/create-comment").at(-1)?.auth, "token");

  const out = (r.stdout + r.stderr).split("\n");
  const masks = out.filter((l) => l.startsWith("::add-mask::"));
  for (const line of keyLines) assert.ok(masks.includes(`::add-mask::${line}`), `a line of the key is not masked`);
  // Every mask comes before the first line of anything else; no other line holds a piece of the key.
  const firstOther = out.findIndex((l) => l !== "" && !l.startsWith("::add-mask::"));
  assert.ok(firstOther > 0 && out.slice(firstOther).every((l) => !l.startsWith("::add-mask::")), out.join("\n"));
  for (const l of out.slice(firstOther)) assert.ok(!keyLines.some((k) => l.includes(k)), `key in the log: ${l}`);
});

test("app-installation-id is used as given (no lookup); a key with its newlines written as \\n works", async () => {
  const pr = fake.state.addPullRequest("acme/models");
  const lookups = ops("apps/get-repo-installation").length;
  const r = await validateStep(pr.number, {
    "app-id": String(APP.id),
    "app-private-key": privateKey.trim().replace(/\n/g, "\\n"),
    "app-installation-id": String(APP.installationId),
  });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(ops("apps/get-repo-installation").length, lookups);
  assert.equal(fake.state.commentsOf("acme/models", pr.number)[0]!.user.login, `${APP.slug}[bot]`);
});

test("a wrong App setting fails the step naming the input (error-code usage when the id is there), with no stack trace and no request", async () => {
  const pr = fake.state.addPullRequest("acme/models");
  const cases: [Record<string, string>, RegExp][] = [
    [{ "app-id": "my-app", "app-private-key": privateKey }, /app-id: 'my-app' is not a GitHub App id/],
    [{ "app-id": String(APP.id), "app-private-key": "not a key" }, /app-private-key: not a PEM private key/],
    [
      { "app-id": String(APP.id), "app-private-key": privateKey, "app-installation-id": "12ab" },
      /app-installation-id: '12ab' is not an installation id/,
    ],
    [{ "app-private-key": privateKey }, /'app-private-key' is set but 'app-id' is not/],
  ];
  for (const [app, message] of cases) {
    const before = fake.requests.length;
    const r = await validateStep(pr.number, app);
    assert.equal(r.code, 1, r.stdout);
    const errors = r.stdout.split("\n").filter((l) => l.startsWith("::error::"));
    assert.equal(errors.length, 1, r.stdout);
    assert.match(errors[0]!, message);
    if (app["app-id"]) assert.equal(r.outputs["error-code"], "usage");
    assert.doesNotMatch(r.stdout + r.stderr, /internal error| {4}at /);
    assert.equal(fake.requests.length, before, "nothing sent");
    for (const l of r.stdout.split("\n").filter((x) => !x.startsWith("::add-mask::")))
      assert.ok(!keyLines.some((k) => l.includes(k)), `key in the log: ${l}`);
  }
  assert.equal(fake.state.commentsOf("acme/models", pr.number).length, 0);
});
