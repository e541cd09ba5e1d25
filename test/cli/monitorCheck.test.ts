import { test, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "mg-monitor-check-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const profile = join(dir, "profile.json");

function config(extra: string): string {
  const file = join(dir, `monitor-${Math.random().toString(36).slice(2)}.yml`);
  writeFileSync(file, `model: m\nreference: ${profile}\nstate: ${join(dir, "state")}\n${extra}`);
  return file;
}

test("monitor --check: checks the config against its profile the way a start does (prediction.column included)", async () => {
  const made = await runCli("profile", "--data", resolve("fixtures/datasets/breast_cancer/train.csv"), "-o", profile);
  assert.equal(made.code, 0, made.stderr);

  const ok = await runCli("monitor", "--check", "--config", config("prediction: { column: malignant }\n"));
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /ok \(model m, 33 reference columns, predictions vs 'malignant'\)/);

  const none = await runCli("monitor", "--check", "--config", config(""));
  assert.match(none.stdout, /no prediction drift/);

  const bad = await runCli("monitor", "--check", "--config", config("prediction: { column: malignnt }\n"));
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /prediction\.column: 'malignnt' is not a column of the reference profile/);
});

test(
  "monitor --check and a start refuse drift.columns overrides of columns the reference profile lacks",
  { timeout: 60_000 },
  async () => {
    if (!existsSync(profile)) {
      const made = await runCli(
        "profile",
        "--data",
        resolve("fixtures/datasets/breast_cancer/train.csv"),
        "-o",
        profile,
      );
      assert.equal(made.code, 0, made.stderr);
    }
    const known = config("drift:\n  columns:\n    mean_radius: { critical: true }\n");
    const ok = await runCli("monitor", "--check", "--config", known);
    assert.equal(ok.code, 0, ok.stderr);

    const typo = config("drift:\n  columns:\n    mean_radius: { critical: true }\n    mean_radiuss: { method: psi }\n");
    const bad = await runCli("monitor", "--check", "--config", typo);
    assert.equal(bad.code, 2, bad.stderr);
    assert.ok(bad.stderr.includes(`${typo}: drift.columns names a column the reference profile lacks: 'mean_radiuss'`));
    assert.match(bad.stderr, /mean_radius/);
    assert.doesNotMatch(bad.stderr, /\n\s+at /, "no stack trace");

    // A start fails the same way, before it listens.
    const started = await runCli("monitor", "--config", typo);
    assert.equal(started.code, 2, started.stderr);
    assert.ok(
      started.stderr.includes(`${typo}: drift.columns names a column the reference profile lacks: 'mean_radiuss'`),
    );
  },
);

test("monitor --check refuses an anonymous config on an address others can reach, as a start does", async () => {
  if (!existsSync(profile)) {
    const made = await runCli("profile", "--data", resolve("fixtures/datasets/breast_cancer/train.csv"), "-o", profile);
    assert.equal(made.code, 0, made.stderr);
  }
  const tokenEnv = "MG_CHECK_TEST_INGEST_TOKEN";
  delete process.env[tokenEnv];
  const open = config(`listen: 0.0.0.0:9470\ningest: { token_env: ${tokenEnv} }\n`);
  const refused = await runCli("monitor", "--check", "--config", open);
  assert.equal(refused.code, 2, refused.stdout);
  assert.match(refused.stderr, new RegExp(`${tokenEnv} is unset, so POST /v1/events would accept events from anyone`));

  const meant = config(`listen: 0.0.0.0:9470\ningest: { token_env: ${tokenEnv}, allow_anonymous: true }\n`);
  assert.equal((await runCli("monitor", "--check", "--config", meant)).code, 0);
  process.env[tokenEnv] = "s3cret";
  try {
    const withToken = await runCli("monitor", "--check", "--config", open);
    assert.equal(withToken.code, 0, withToken.stderr);
    assert.doesNotMatch(withToken.stdout + withToken.stderr, /s3cret/);
  } finally {
    delete process.env[tokenEnv];
  }
});
