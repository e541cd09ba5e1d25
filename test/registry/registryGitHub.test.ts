// The registry commands against the fake GitHub (releases, assets on the uploads host, the pointer on the
// modelguard-registry branch through the contents API, deployments), with a real octokit client over loopback.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../helpers/cli.js";
import { startFakeGitHub, type FakeGitHub } from "../fakeGithub/startFakeGitHub.js";
import { clientForFake } from "../fakeGithub/clientForFake.js";
import { setGitHubPacingForTests } from "../../src/github/createGitHubClient.js";
import { GitHubModelRegistry } from "../../src/registry/GitHubModelRegistry.js";
import type { ModelRegistry } from "../../src/registry/ModelRegistry.js";
import { promoteModel } from "../../src/registry/promoteModel.js";
import { setProduction } from "../../src/registry/setProduction.js";

const dir = mkdtempSync(join(tmpdir(), "mg-registry-gh-"));
const M1 = "fixtures/models/breast_cancer_columns.onnx";
const M2 = "fixtures/models/breast_cancer_double.onnx";
const DATA = "fixtures/datasets/breast_cancer/test.csv";
const sha = (p: string) => createHash("sha256").update(readFileSync(p)).digest("hex");
const context = { actor: "tester", commit: null, ref: null, pullRequest: null, runUrl: null };
let fake: FakeGitHub;
let restorePacing: () => void;
const saved = { ...process.env };

before(async () => {
  fake = await startFakeGitHub({ token: "ghs_registrytoken", repositories: ["acme/models"] });
  // The CLI's clients are created in-process: without a write a second, as GitHub asks, this suite takes seconds.
  restorePacing = setGitHubPacingForTests({ retryBaseMs: 1, writeIntervalMs: 0, notifyingWriteIntervalMs: 0 });
  process.env.GITHUB_TOKEN = "ghs_registrytoken";
  process.env.GITHUB_API_URL = fake.url;
  delete process.env.GITHUB_ACTIONS;
});
after(async () => {
  restorePacing();
  process.env = saved;
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

test("promote, list, show, pull, compare, rollback against GitHub releases, with deployments", async () => {
  const reg = ["--registry", "github:acme/models", "--cache-dir", join(dir, "cache")];
  let r = await runCli("promote", "--name", "bc", "--model", M1, ...reg, "--reason", "first", "--json");
  assert.equal(r.code, 0, r.stderr);
  const first = JSON.parse(r.stdout);
  assert.equal(first.version, 1);
  assert.ok(first.deployment, "a deployment to model/bc");
  const rel = fake.registry.releases[0]!;
  assert.equal(rel.tag, "modelguard/bc/v1");
  assert.equal(rel.makeLatest, "false");
  assert.deepEqual(
    rel.assets.map((a) => a.name),
    ["model.onnx", "card.json"],
  );
  assert.match(rel.body ?? "", /## bc v1/);
  assert.ok(fake.requests.some((q) => q.url.startsWith("/uploads/repos/acme/models/releases/")));

  const cmp = join(dir, "cmp.json");
  r = await runCli(
    "compare",
    "--candidate-model",
    M2,
    "--baseline-model",
    "registry:bc",
    ...reg,
    "--data",
    DATA,
    "--target",
    "malignant",
    "--out",
    cmp,
    "--no-fail",
  );
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(readFileSync(cmp, "utf8")).baseline.registry, {
    uri: "github:acme/models",
    name: "bc",
    version: 1,
    production: true,
  });

  r = await runCli("promote", "--name", "bc", "--model", M2, "--comparison", cmp, ...reg, "--reason", "better");
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /promoted bc v2 .*\(was v1\).*deployed to model\/bc/);
  const [d1, d2] = fake.registry.deployments;
  assert.equal(d1!.environment, "model/bc");
  assert.deepEqual((d2!.payload as { version: string }).version, "v2");
  assert.deepEqual(
    d1!.statuses.map((s) => s.state),
    ["success", "inactive"],
  );
  assert.deepEqual(
    d2!.statuses.map((s) => s.state),
    ["success"],
  );

  r = await runCli("registry", "list", "bc", ...reg, "--json");
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).production, 2);

  r = await runCli("registry", "set-production", "bc@v1", "--reason", "rollback", ...reg);
  assert.equal(r.code, 0, r.stderr);
  r = await runCli("registry", "show", "bc", ...reg, "--json");
  const shown = JSON.parse(r.stdout);
  assert.equal(shown.version, 1);
  assert.deepEqual(
    shown.history.map((m: { from: number | null; to: number }) => [m.from, m.to]),
    [
      [null, 1],
      [1, 2],
      [2, 1],
    ],
  );

  r = await runCli("registry", "pull", "bc@v2", "-o", join(dir, "out"), ...reg);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(sha(join(dir, "out", "model.onnx")), sha(M2));

  // A replaced asset is refused (the cache holds the good bytes, so a fresh cache is used).
  fake.registry.tamperAsset("modelguard/bc/v2", "model.onnx", Buffer.from("not the model"));
  r = await runCli(
    "registry",
    "pull",
    "bc@v2",
    "-o",
    join(dir, "out2"),
    "--registry",
    "github:acme/models",
    "--cache-dir",
    join(dir, "cache2"),
  );
  assert.equal(r.code, 2);
  assert.match(r.stderr, /does not match its model card.*refusing to use it/);
  assert.doesNotMatch(r.stdout + r.stderr, /ghs_registrytoken/);
  assert.deepEqual(fake.violations, []);
});

function racing(inner: ModelRegistry, interloper: () => Promise<unknown>): ModelRegistry {
  let raced = false;
  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === "writePointer") {
        return async (...args: Parameters<ModelRegistry["writePointer"]>) => {
          if (!raced) {
            raced = true;
            await interloper();
          }
          return target.writePointer(...args);
        };
      }
      const v = Reflect.get(target, prop, receiver);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
}

test("the race on GitHub: the contents API's sha makes the loser fail; a rollback retries", async () => {
  const registry = new GitHubModelRegistry(clientForFake(fake).client, "acme", "models");
  const other = new GitHubModelRegistry(clientForFake(fake).client, "acme", "models");
  const files = (p: string) => ({ model: { path: p, bytes: readFileSync(p) } });
  await promoteModel(registry, "race", files(M1), context, "base");
  const loser = promoteModel(
    racing(registry, () => promoteModel(other, "race", files(M2), { ...context, actor: "winner" }, "won")),
    "race",
    files(M1),
    context,
    "lost",
  );
  await assert.rejects(
    loser,
    /production of race moved from v1 to v3 while v2 was being promoted .*by winner.*NOT production/,
  );
  const r = await setProduction(
    racing(registry, () => setProduction(other, "race", 2, context, "other")),
    "race",
    1,
    context,
    "rollback",
  );
  assert.equal(r.attempts, 2);
  const { pointer } = await registry.readPointer("race");
  assert.deepEqual(
    pointer.moves.map((m) => [m.from, m.to]),
    [
      [null, 1],
      [1, 3],
      [3, 2],
      [2, 1],
    ],
  );
  assert.ok(fake.requests.some((q) => q.status === 409 && q.operationId === "repos/create-or-update-file-contents"));
  assert.deepEqual(fake.violations, []);
});
