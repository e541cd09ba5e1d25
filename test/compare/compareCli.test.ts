import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "mg-compare-"));
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

test("a weaker candidate fails the gates with a reason naming the metric, exit 1; --no-fail exits 0", async () => {
  const r = await runCli(
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
    "fixtures/compare/gates.yml",
    "--json",
  );
  assert.equal(r.code, 1, r.stderr);
  const c = JSON.parse(r.stdout);
  assert.equal(c.verdict, "fail");
  assert.equal(c.paired, true);
  assert.equal(c.rows, 171);
  // log_loss rose beyond the allowed 0.02 over its whole interval: a failure shown with confidence, not "inconclusive".
  assert.equal(c.outcome, "fail");
  assert.match(
    c.reason,
    /^log_loss increased by more than the allowed 0\.02: change \+0\.09\d+ \(95% interval \+0\.04\d+ to \+0\.1\d+\)/,
  );
  const acc = c.metrics.find((m: { name: string }) => m.name === "accuracy");
  assert.ok(acc.ci[0] < acc.delta && acc.delta < acc.ci[1]);
  assert.deepEqual(acc.mcnemar, { baseline_only_correct: 7, candidate_only_correct: 2, p_value: acc.mcnemar.p_value });
  const again = await runCli(
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
    "fixtures/compare/gates.yml",
    "--json",
    "--no-fail",
  );
  assert.equal(again.code, 0);
  assert.deepEqual(JSON.parse(again.stdout).metrics, c.metrics, "seeded: the same intervals every run");
});

test("a model compared with itself passes every gate with intervals of zero width", async () => {
  const r = await runCli(
    "compare",
    "--candidate-model",
    prod,
    "--baseline-model",
    prod,
    "--data",
    `${DATA}/test.csv`,
    "--target",
    "malignant",
    "--gates",
    "fixtures/compare/gates.yml",
    "--json",
  );
  assert.equal(r.code, 0, r.stderr);
  const c = JSON.parse(r.stdout);
  assert.equal(c.verdict, "pass");
  assert.match(c.reason, /all 3 gates pass at 95% confidence on 171 paired rows/);
  for (const m of c.metrics) assert.deepEqual(m.ci, [0, 0], m.name);
});

test("aggregate comparison against a baseline read from git history", async () => {
  const repo = join(dir, "repo");
  mkdirSync(join(repo, "ml"), { recursive: true });
  const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, stdio: "pipe" });
  git("init", "-q", "-b", "main");
  git("config", "user.email", "t@example.invalid");
  git("config", "user.name", "t");
  const base = await runCli(
    "evaluate",
    "--model",
    resolve(prod),
    "--data",
    resolve(`${DATA}/test.csv`),
    "--target",
    "malignant",
    "-o",
    join(repo, "ml", "metrics.json"),
  );
  assert.equal(base.code, 0, base.stderr);
  git("add", ".");
  git("commit", "-qm", "baseline");
  const cand = join(dir, "cand-metrics.json");
  assert.equal(
    (await runCli("evaluate", "--model", weak, "--data", `${DATA}/test.csv`, "--target", "malignant", "-o", cand)).code,
    0,
  );
  const cwd = process.cwd();
  process.chdir(repo);
  try {
    const r = await runCli(
      "compare",
      "--candidate",
      cand,
      "--baseline",
      "git:main:ml/metrics.json",
      "--gates",
      resolve(cwd, "fixtures/compare/gates.yml"),
      "--json",
    );
    assert.equal(r.code, 1, r.stderr);
    const c = JSON.parse(r.stdout);
    assert.equal(c.paired, false);
    assert.equal(c.metrics.find((m: { name: string }) => m.name === "accuracy").ci, null);
    assert.match(c.notes.join(" "), /aggregate metrics only/);
    const missing = await runCli("compare", "--candidate", cand, "--baseline", "git:origin/main:ml/metrics.json");
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /fetch-depth: 0/);
  } finally {
    process.chdir(cwd);
  }
});

// Issue #15: the ref went to git as an argument of its own, so a ref starting with '-' was an option to git show.
test("a git: baseline whose ref starts with '-' is a usage error and git never sees it as an option", async () => {
  const target = join(dir, "injected");
  mkdirSync(target);
  const cand = join(dir, "cand-for-git.json");
  const e = await runCli(
    "evaluate",
    "--model",
    weak,
    "--data",
    `${DATA}/test.csv`,
    "--target",
    "malignant",
    "-o",
    cand,
  );
  assert.equal(e.code, 0, e.stderr);
  for (const spec of [`git:--output=${join(target, "out")}:x`, "git:-p:ml/metrics.json"]) {
    const r = await runCli("compare", "--candidate", cand, "--baseline", spec);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /starts with '-'/);
  }
  assert.deepEqual(readdirSync(target), [], "git wrote no file");
  assert.equal(existsSync(join(target, "out:x")), false);
});

// Issue #18: a gate on a metric the task does not have failed the gate (every run) instead of naming the mistake.
test("a gate on a metric the task lacks is a config error naming it and the task's metrics, exit 2", async () => {
  const gates = join(dir, "rmse-gates.yml");
  writeFileSync(gates, "gates:\n  rmse: { max_increase: 0.1 }\n");
  const candMetrics = join(dir, "cand-rmse.json");
  const baseMetrics = join(dir, "base-rmse.json");
  for (const [model, out] of [
    [weak, candMetrics],
    [prod, baseMetrics],
  ] as const) {
    const e = await runCli(
      "evaluate",
      "--model",
      model,
      "--data",
      `${DATA}/test.csv`,
      "--target",
      "malignant",
      "-o",
      out,
    );
    assert.equal(e.code, 0, e.stderr);
  }
  const aggregate = await runCli("compare", "--candidate", candMetrics, "--baseline", baseMetrics, "--gates", gates);
  const paired = await runCli(
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
    gates,
  );
  for (const r of [aggregate, paired]) {
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /gates\.rmse: rmse is not a metric of binary classification/);
    assert.match(r.stderr, /this comparison has: accuracy, balanced_accuracy/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  }
  // A metric of the user's own (direction given) must be in one of the metrics files.
  writeFileSync(gates, "gates:\n  latency_ms: { direction: lower, max_increase: 5 }\n");
  const own = await runCli("compare", "--candidate", candMetrics, "--baseline", baseMetrics, "--gates", gates);
  assert.equal(own.code, 2, own.stderr);
  assert.match(own.stderr, /gates\.latency_ms: neither model has a metric latency_ms/);
});

test("usage errors name what is missing", async () => {
  const none = await runCli("compare");
  assert.equal(none.code, 2);
  assert.match(none.stderr, /compare needs two models or two metrics files/);
  const both = await runCli("compare", "--candidate-model", "a.onnx", "--candidate", "m.json");
  assert.equal(both.code, 2);
  writeFileSync(join(dir, "not-metrics.json"), "{}");
  copyFileSync(join(dir, "not-metrics.json"), join(dir, "b.json"));
  const bad = await runCli("compare", "--candidate", join(dir, "not-metrics.json"), "--baseline", join(dir, "b.json"));
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /is not a modelguard metrics file/);
});

test('infinite metrics stay "Infinity" in compare --out and --json, and report renders them', async () => {
  const metrics = (mae: number) => ({
    kind: "modelguard.metrics",
    version: 1,
    task: "regression",
    model: { path: "m.onnx", sha256: "a".repeat(64), bytes: 1 },
    data: { path: "d.csv", sha256: "b".repeat(64), rows: 2 },
    target: "y",
    metrics: { mse: "Infinity", rmse: "Infinity", mae, r2: 0 },
    notes: [],
    duration_ms: 1,
  });
  const cand = join(dir, "inf-cand.json");
  const base = join(dir, "inf-base.json");
  writeFileSync(cand, JSON.stringify(metrics(1.7e308)));
  writeFileSync(base, JSON.stringify(metrics(1.6e308)));
  const out = join(dir, "inf-comparison.json");
  const r = await runCli("compare", "--candidate", cand, "--baseline", base, "--out", out, "--json");
  assert.equal(r.code, 0, r.stderr);
  for (const text of [r.stdout, readFileSync(out, "utf8")]) {
    const rmse = (
      JSON.parse(text) as { metrics: { name: string; baseline: unknown; candidate: unknown }[] }
    ).metrics.find((m) => m.name === "rmse");
    assert.deepEqual([rmse?.baseline, rmse?.candidate], ["Infinity", "Infinity"]);
  }
  const report = await runCli("report", "--comparison", out);
  assert.equal(report.code, 0, report.stderr);
  const row = report.stdout.split("\n").find((l) => l.includes("rmse"));
  assert.match(row ?? "", /Infinity|∞/, report.stdout);
});
