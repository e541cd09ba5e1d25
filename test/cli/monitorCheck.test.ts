import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
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
