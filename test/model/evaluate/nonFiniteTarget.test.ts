// A regression target holding Infinity is bad input (exit 2 naming file, row and column), not a crash in the metrics.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "mg-nonfinite-target-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const model = join(dir, "lin.onnx");
const tinf = file("tinf.csv", "x,y\n1,2\n2,inf\n3,4\n4,5\n");

before(async () => {
  const train = file("train.csv", "x,y\n1,2\n2,4.1\n3,6\n4,8.2\n5,9.9\n");
  const r = await runCli("train", "--builtin", "linear", "--data", train, "--target", "y", "-o", model);
  assert.equal(r.code, 0, r.stderr);
});

function assertInputError(r: { code: number; stdout: string; stderr: string }): void {
  assert.equal(r.code, 2, r.stderr);
  assert.doesNotMatch(r.stderr, /RangeError|at regressionMetrics/);
  assert.match(r.stderr, /tinf\.csv, row 1, column 'y': the target holds Infinity/);
  assert.match(r.stderr, /hint: .*(drop|fix)/);
}

test("evaluate: an infinite regression target is an input error naming file, row and column", async () => {
  assertInputError(await runCli("evaluate", "--model", model, "--data", tinf, "--target", "y"));
  const nan = file("tnan.csv", "x,y\n1,2\n2,-Infinity\n");
  const r = await runCli("evaluate", "--model", model, "--data", nan, "--target", "y");
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /tnan\.csv, row 1, column 'y': the target holds -Infinity/);
});

test("compare: the same input error, not a crash", async () => {
  const args = ["--candidate-model", model, "--baseline-model", model, "--data", tinf, "--target", "y"];
  assertInputError(await runCli("compare", ...args));
});

test("train --builtin: the location is said once", async () => {
  const r = await runCli("train", "--builtin", "linear", "--data", tinf, "--target", "y", "-o", join(dir, "x.onnx"));
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /tinf\.csv, row 1, column 'y': the target holds Infinity/);
  assert.equal(r.stderr.match(/row 1/g)?.length, 1, r.stderr);
  const feat = file("finf.csv", "x,y\n1,2\ninf,3\n3,4\n");
  const f = await runCli("train", "--builtin", "linear", "--data", feat, "--target", "y", "-o", join(dir, "f.onnx"));
  assert.equal(f.code, 2, f.stderr);
  assert.match(f.stderr, /finf\.csv, row 1, column 'x': the feature holds Infinity/);
  assert.equal(f.stderr.match(/row 1/g)?.length, 1, f.stderr);
});
