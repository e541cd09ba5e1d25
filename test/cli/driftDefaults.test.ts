import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../helpers/cli.js";

const DATA = "fixtures/datasets/breast_cancer";
const REF = `${DATA}/train.csv`;
const CUR = `${DATA}/current.csv`;
let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), "mg-drift-defaults-"));
});
after(() => rmSync(dir, { recursive: true, force: true }));

interface Report {
  features: { name: string }[];
  skipped: { name: string; reason: string }[];
}

async function drift(...args: string[]): Promise<Report> {
  const r = await runCli("drift", "--reference", REF, "--current", CUR, "--json", "--no-fail", ...args);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as Report;
}

const tested = (r: Report) => r.features.map((f) => f.name);
const skipped = (r: Report) => new Map(r.skipped.map((s) => [s.name, s.reason]));

test("drift skips id-like columns by default and lists them with the reason", async () => {
  const r = await drift();
  assert.equal(tested(r).includes("id"), false);
  assert.match(skipped(r).get("id")!, /^id-like \(every value distinct, a key rather than a feature\)/);
  assert.equal(tested(r).includes("malignant"), true, "the target is unknown, so it is tested");
  assert.equal(r.features.length, 32, "33 columns, the id left out");
});

test("the target is skipped wherever it is known: --target, modelguard.yml, the model's metadata", async () => {
  const byFlag = await drift("--target", "malignant");
  assert.equal(skipped(byFlag).get("malignant"), "the target (from --target): pass it in --columns to test it");
  assert.equal(byFlag.features.length, 31);

  const config = join(dir, "modelguard.yml");
  writeFileSync(config, "version: 1\ntarget: malignant\n");
  const byConfig = await drift("--config", config);
  assert.match(
    skipped(byConfig).get("malignant")!,
    new RegExp(`^the target \\(from ${config.replace(/[.]/g, "\\.")}\\)`),
  );

  const model = join(dir, "model.onnx");
  const trained = await runCli(
    "train",
    "--builtin",
    "logistic",
    "--data",
    REF,
    "--target",
    "malignant",
    "--features",
    "mean_radius,mean_texture",
    "-o",
    model,
  );
  assert.equal(trained.code, 0, trained.stderr);
  const byModel = await drift("--model", model);
  assert.match(skipped(byModel).get("malignant")!, /^the target \(from the metadata of .*model\.onnx\)/);

  const missing = await runCli("drift", "--reference", REF, "--current", CUR, "--model", join(dir, "nope.onnx"));
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /model file not found/);
});

test("--columns and a drift.columns entry bring skipped columns back", async () => {
  const listed = await drift("--target", "malignant", "--columns", "id,malignant,mean_radius");
  assert.deepEqual(tested(listed), ["id", "malignant", "mean_radius"]);
  assert.deepEqual(listed.skipped, []);
  const config = join(dir, "back.yml");
  writeFileSync(
    config,
    "version: 1\ntarget: malignant\ndrift:\n  columns:\n    id: { skip: false }\n    malignant: { critical: false }\n",
  );
  const configured = await drift("--config", config);
  assert.equal(tested(configured).includes("id"), true);
  assert.equal(tested(configured).includes("malignant"), true);
});
