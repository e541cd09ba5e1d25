import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "mg-inconclusive-"));
const DATA = "fixtures/datasets/breast_cancer";
const weak = join(dir, "weak.onnx");
const prod = "fixtures/models/breast_cancer_columns.onnx";
test.after(() => rmSync(dir, { recursive: true, force: true }));

test.before(async () => {
  const r = await runCli(
    "train",
    "--builtin",
    "logistic",
    "--data",
    `${DATA}/train.csv`,
    "--target",
    "malignant",
    "--features",
    "mean_radius,mean_texture,mean_smoothness",
    "-o",
    weak,
  );
  assert.equal(r.code, 0, r.stderr);
});

const compare = (gates: string, ...extra: string[]) => {
  const file = join(dir, `gates-${Math.random().toString(36).slice(2)}.yml`);
  writeFileSync(file, gates);
  return runCli(
    "compare",
    "--candidate-model",
    weak,
    "--baseline-model",
    prod,
    "--data",
    `${DATA}/test.csv`,
    "--target",
    "malignant",
    "--gates",
    file,
    "--json",
    ...extra,
  );
};

test("an interval straddling the allowed drop is inconclusive; on_inconclusive decides: fail exit 1, warn exit 0 with a warning, pass exit 0", async () => {
  // accuracy -2.92 pp, 95% interval about -6.4 to +0.6 pp: within 5 pp is possible, beyond it too.
  const fail = await compare("gates:\n  accuracy: { max_drop: 0.05 }\n");
  assert.equal(fail.code, 1, fail.stderr);
  const c = JSON.parse(fail.stdout);
  assert.equal(c.outcome, "inconclusive");
  assert.equal(c.verdict, "fail");
  assert.equal(c.on_inconclusive, "fail");
  const acc = c.metrics.find((m: { name: string }) => m.name === "accuracy");
  assert.equal(acc.status, "inconclusive");
  assert.equal(acc.checks[0].outcome, "inconclusive");
  assert.ok(acc.ci[0] < -0.05 && acc.ci[1] > -0.05, "the interval straddles -5 pp");
  assert.equal(acc.detectable_change, (acc.ci[1] - acc.ci[0]) / 2);
  // The reason says what the data can show: the interval, the margin, one row of 171, the detectable change.
  assert.match(c.reason, /^Not enough evidence: accuracy changed -2\.92 pp \(95% interval -\d\.\d\d to \+0\.\d\d pp\)/);
  assert.match(c.reason, /straddles the allowed drop of 5\.00 pp; with 171 test rows one row is 0\.58 pp of accuracy/);
  assert.match(c.reason, /on_inconclusive: fail\.$/);

  const warn = await compare("gates:\n  accuracy: { max_drop: 0.05 }\non_inconclusive: warn\n");
  assert.equal(warn.code, 0, warn.stderr);
  assert.equal(JSON.parse(warn.stdout).verdict, "warn");
  assert.match(warn.stderr, /warning: comparison: Not enough evidence/);

  // The flag wins over the file.
  const pass = await compare(
    "gates:\n  accuracy: { max_drop: 0.05 }\non_inconclusive: warn\n",
    "--on-inconclusive",
    "pass",
  );
  assert.equal(pass.code, 0, pass.stderr);
  const p = JSON.parse(pass.stdout);
  assert.equal(p.verdict, "pass");
  assert.equal(p.outcome, "inconclusive");
  assert.match(pass.stderr, /passes only because on_inconclusive is pass/);

  // A drop beyond the margin over the whole interval is a failure shown with confidence, whatever on_inconclusive.
  const sure = await compare("gates:\n  log_loss: { max_increase: 0.02 }\non_inconclusive: pass\n");
  assert.equal(sure.code, 1);
  assert.equal(JSON.parse(sure.stdout).outcome, "fail");

  const bad = await compare("gates:\n  accuracy: { max_drop: 0.05 }\non_inconclusive: maybe\n");
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /on_inconclusive/);
});

test("the report says inconclusive, shows the relative interval a relative rule was judged on and the detectable change", async () => {
  const md = join(dir, "r.md");
  const r = await compare("gates:\n  f1: { max_relative_drop: 0.08 }\n", "--report", md, "--no-fail");
  assert.equal(r.code, 0, r.stderr);
  const text = readFileSync(md, "utf8");
  assert.match(text, /^### ❌ Inconclusive: not enough evidence, so the candidate may not replace production\n/);
  const row = text.split("\n").find((l) => l.startsWith("| f1 |"))!;
  assert.match(
    row,
    /\| -\d\.\d\d to \+\d\.\d\d pp; relative -\d+\.\d+% to \+\d\.\d+% \| ±\d\.\d\d pp \| max_relative_drop 8% of baseline \| ❔ \|$/,
  );
  assert.match(text, /- ❔ f1: relative change &gt;= -8% \(95% interval -\d/);
  assert.doesNotMatch(text, /f1: f1:/);
  // Repository-relative paths only.
  assert.doesNotMatch(text, new RegExp(process.cwd().replace(/[/.]/g, "\\$&")));
  assert.match(text, /\| data \| fixtures\/datasets\/breast_cancer\/test\.csv \(171 rows\) \|/);
  // Both confusion matrices.
  assert.match(text, /\*\*candidate\*\* \(…\/mg-inconclusive-\w+\/weak\.onnx\)/);
  assert.match(text, /\*\*baseline\*\* \(fixtures\/models\/breast_cancer_columns\.onnx\)/);
});
