import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";
import { startFakeGitHub, type FakeGitHub } from "../fakeGithub/startFakeGitHub.js";
import { buildActionCheckout, copyCheckout, REPO_ROOT, runAction, TOKEN } from "./harness.js";

const DATA = "fixtures/datasets/breast_cancer";
const MODEL = "fixtures/models/breast_cancer_columns.onnx";
const GATES = "fixtures/compare/gates.yml";
const ONNX = { MODELGUARD_ONNXRUNTIME_DIR: REPO_ROOT };
const work = mkdtempSync(join(tmpdir(), "mg-action-test-"));
const schema = join(work, "schema.yml");
let checkout: string;
let fake: FakeGitHub;

before(async () => {
  checkout = buildActionCheckout();
  const quiet = { out: () => {}, err: () => {} };
  assert.equal(await main(["schema", "infer", "--data", `${DATA}/train.csv`, "-o", schema], quiet), 0);
  fake = await startFakeGitHub({ token: TOKEN, repositories: ["acme/models"] });
});
after(async () => {
  rmSync(work, { recursive: true, force: true });
  assert.deepEqual(fake.violations, []);
  await fake.close();
});

function errorLines(stdout: string): string[] {
  return stdout.split("\n").filter((l) => l.startsWith("::error::"));
}

test("validate (per-step action) checks the schema and drift, writes the summary, and never loads onnxruntime", async () => {
  // A fresh checkout with no onnxruntime anywhere near: no override, an empty tool cache, an npm that fails.
  const fresh = copyCheckout(checkout);
  const bin = mkdtempSync(join(work, "nonpm-"));
  writeFileSync(join(bin, "npm"), "#!/bin/sh\necho npm must not run >&2\nexit 3\n", { mode: 0o755 });
  const r = await runAction({
    checkout: fresh,
    action: "actions/validate/action.yml",
    event: "push",
    with: { data: `${DATA}/train.csv`, schema, reference: `${DATA}/train.csv` },
    env: { PATH: `${bin}:${process.env.PATH}` },
  });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.outputs.verdict, "pass");
  assert.equal(r.outputs.violations, "0");
  assert.equal(r.outputs["drifted-share"], "0");
  assert.ok(r.outputs["report-path"] && existsSync(r.outputs["report-path"]));
  assert.match(r.summary, /Data validation/);
  assert.match(r.summary, /Drift/);
  assert.equal(existsSync(join(fresh, "dist/node_modules")), false);
  assert.doesNotMatch(r.stdout + r.stderr, /npm must not run/);
});

test("validate fails the step on drift (current vs train) with an ::error:: line, and fail-on never keeps it green", async () => {
  // 3 of 33 columns drift in the fixture: a config that calls 5% of drifted columns a drifted dataset.
  const config = join(work, "modelguard.yml");
  writeFileSync(config, "version: 1\ndrift:\n  dataset_share: 0.05\n");
  const args = {
    checkout,
    action: "actions/validate/action.yml",
    event: "push" as const,
    with: { data: `${DATA}/current.csv`, reference: `${DATA}/train.csv`, config },
  };
  const r = await runAction(args);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.equal(r.outputs.verdict, "fail");
  assert.ok(Number(r.outputs["drifted-share"]) > 0);
  assert.equal(errorLines(r.stdout).length, 1);
  assert.match(errorLines(r.stdout)[0]!, /drifted/);
  const never = await runAction({ ...args, with: { ...args.with, "fail-on": "never" } });
  assert.equal(never.code, 0);
  assert.equal(never.outputs.verdict, "fail");
});

test("a usage error fails the step with the message, not a stack trace, and reaches error-code and the summary", async () => {
  const r = await runAction({
    checkout,
    action: "actions/validate/action.yml",
    event: "push",
    with: { data: `${DATA}/train.csv` },
  });
  assert.equal(r.code, 1);
  const errors = errorLines(r.stdout);
  assert.equal(errors.length, 1, r.stdout);
  assert.match(errors[0]!, /validate needs --schema and\/or --holdout%0Ahint: make a schema with/);
  assert.doesNotMatch(r.stdout + r.stderr, /\n\s+at /);
  // The ModelguardError itself, not text scraped from the CLI's stderr: its code and hint, escaped for Markdown.
  assert.equal(r.outputs["error-code"], "usage");
  assert.equal(r.outputs.verdict, undefined);
  assert.match(r.summary, /^### modelguard could not run\n\nvalidate needs --schema and\/or --holdout\n\n/m);
  assert.match(
    r.summary,
    /\*\*Hint:\*\* make a schema with &#96;modelguard schema infer --data FILE -o schema\.yml&#96;/,
  );
});

test("an input error (a data file that is not there) names the file in the annotation, error-code and summary", async () => {
  const missing = join(work, "no <such> file.csv");
  const r = await runAction({
    checkout,
    action: "actions/validate/action.yml",
    event: "push",
    with: { data: missing, schema },
  });
  assert.equal(r.code, 1);
  const errors = errorLines(r.stdout);
  assert.equal(errors.length, 1, r.stdout);
  assert.ok(errors[0]!.includes(missing), errors[0]);
  assert.equal(r.outputs["error-code"], "input");
  assert.ok(r.summary.includes("no &lt;such&gt; file.csv"), r.summary);
  assert.ok(!r.summary.includes("<such>"), "data in the summary is escaped");
});

/** Lines the runner would execute: `::` after leading whitespace, or the legacy `##[` form anywhere. */
function commandLines(stdout: string): string[] {
  return stdout.split(/\r\n|\r|\n/).filter((l) => /^[\s\u0085]*::/.test(l) || l.includes("##["));
}

// Issue #8: the Action logged the CLI's tables with core.info, and their rows start with column names.
test("column names that look like workflow commands reach the log neutralised, as data", async () => {
  const names = [
    "::warning title=x::y",
    "::add-mask::secretvalue",
    "::stop-commands::tok",
    "  ##[warning]legacy",
    "ok",
  ];
  const data = join(work, "commands.csv");
  const rows = Array.from({ length: 50 }, (_, i) => names.map((_, k) => ((i * 7 + k * 3) % 11) / 10).join(","));
  writeFileSync(data, [names.map((n) => JSON.stringify(n)).join(","), ...rows].join("\n") + "\n");
  const r = await runAction({
    checkout,
    action: "actions/validate/action.yml",
    event: "push",
    with: { data, reference: data },
  });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  // The only commands are the Action's own: masking the token it was given.
  assert.deepEqual(commandLines(r.stdout), [`::add-mask::${TOKEN}`]);
  for (const n of names.slice(0, 3)) assert.ok(r.stdout.includes(`\u200b${n}`), `'${n}' is in the log, neutralised`);
  assert.ok(r.stdout.includes("##\u200b[warning]legacy"));

  // A usage error quoting the data: one ::error:: annotation, its data escaped onto one line, nothing else executed.
  const t = await runAction({
    checkout,
    action: "actions/train/action.yml",
    event: "push",
    with: { data, target: "nope\n::warning title=x::y", model: join(work, "never.onnx") },
  });
  assert.equal(t.code, 1, t.stdout + t.stderr);
  const commands = commandLines(t.stdout).filter((l) => l !== `::add-mask::${TOKEN}`);
  assert.equal(commands.length, 1, commands.join("\n"));
  assert.match(commands[0]!, /^::error::.*is not a column/);
  assert.match(commands[0]!, /%0A::warning title=x::y/, "the newline in the data is escaped, as escapeData does");
  assert.ok(t.outputs["error-code"]);
  assert.doesNotMatch(t.summary, /^::warning/m, "the summary has the message on one line");
});

test("the root action rejects a missing or unknown command", async () => {
  const r = await runAction({ checkout, action: "action.yml", event: "push", with: { command: "deploy" } });
  assert.equal(r.code, 1);
  assert.match(errorLines(r.stdout)[0] ?? "", /unknown command 'deploy'/);
});

test("train (builtin) writes an ONNX model that evaluate scores; evaluate sets metrics-path", async () => {
  const model = join(work, "trained.onnx");
  const t = await runAction({
    checkout,
    action: "actions/train/action.yml",
    event: "push",
    with: { data: `${DATA}/train.csv`, target: "malignant", model },
  });
  assert.equal(t.code, 0, t.stdout + t.stderr);
  assert.equal(t.outputs["model-path"], model);
  assert.ok(existsSync(model));
  const e = await runAction({
    checkout,
    action: "actions/evaluate/action.yml",
    event: "push",
    with: { data: `${DATA}/test.csv`, target: "malignant", model },
    env: ONNX,
  });
  assert.equal(e.code, 0, e.stdout + e.stderr);
  const metrics = JSON.parse(readFileSync(e.outputs["metrics-path"]!, "utf8"));
  assert.equal(metrics.kind, "modelguard.metrics");
  assert.ok(metrics.metrics.accuracy > 0.9);
  assert.match(e.summary, /accuracy/);
});

test("compare on a pull request posts exactly one comment across two runs, and sets comment-url", async () => {
  const pr = fake.state.addPullRequest("acme/models");
  const run = () =>
    runAction({
      checkout,
      action: "actions/compare/action.yml",
      event: "pull_request",
      prNumber: pr.number,
      apiUrl: fake.url,
      with: { data: `${DATA}/test.csv`, target: "malignant", model: MODEL, "baseline-model": MODEL, gates: GATES },
      env: ONNX,
    });
  const first = await run();
  assert.equal(first.code, 0, first.stdout + first.stderr);
  assert.equal(first.outputs.verdict, "pass");
  assert.ok(first.outputs["comment-url"]);
  const second = await run();
  assert.equal(second.code, 0, second.stdout + second.stderr);
  const comments = fake.state.commentsOf("acme/models", pr.number);
  assert.equal(comments.length, 1);
  assert.equal(second.outputs["comment-url"], first.outputs["comment-url"]);
  assert.match(
    first.outputs["comment-url"]!,
    new RegExp(`/acme/models/pull/${pr.number}#issuecomment-${comments[0]!.id}$`),
  );
  assert.match(second.summary, /accuracy/);
  // The token appears once, in the ::add-mask:: command that makes the runner mask it everywhere else.
  const withToken = (first.stdout + first.stderr).split("\n").filter((l) => l.includes(TOKEN));
  assert.deepEqual(withToken, [`::add-mask::${TOKEN}`]);
});

test("compare on a push writes the job summary only", async () => {
  const before = fake.requests.length;
  const r = await runAction({
    checkout,
    action: "action.yml",
    event: "push",
    apiUrl: fake.url,
    with: { command: "compare", data: `${DATA}/test.csv`, target: "malignant", model: MODEL, "baseline-model": MODEL },
    env: ONNX,
  });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(fake.requests.length, before);
  assert.equal(r.outputs["comment-url"], undefined);
  assert.match(r.summary, /accuracy/);
});

test("a failing gate fails the step: exit code 1 and one ::error:: line, after the report is written", async () => {
  const strict = join(work, "strict-gates.yml");
  writeFileSync(strict, "gates:\n  accuracy: { min: 0.999 }\n");
  const r = await runAction({
    checkout,
    action: "action.yml",
    event: "push",
    with: {
      command: "compare",
      data: `${DATA}/test.csv`,
      target: "malignant",
      model: MODEL,
      "baseline-model": MODEL,
      gates: strict,
    },
    env: ONNX,
  });
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.equal(r.outputs.verdict, "fail");
  assert.equal(errorLines(r.stdout).length, 1);
  assert.match(errorLines(r.stdout)[0]!, /comparison fail/);
  assert.match(r.summary, /accuracy/);
  // The verdict came from the comparison the command returned, which is also the file comparison-path names.
  const comparison = JSON.parse(readFileSync(r.outputs["comparison-path"]!, "utf8"));
  assert.equal(comparison.verdict, "fail");
  assert.ok(
    errorLines(r.stdout)[0]!.includes(comparison.reason.replace(/%/g, "%25")),
    "the annotation carries the comparison's reason",
  );
  assert.equal(r.outputs["error-code"], undefined);
});

test("compare passes on-inconclusive and slice-by to the command; a bad on-inconclusive is an input error", async () => {
  const r = await runAction({
    checkout,
    action: "actions/compare/action.yml",
    event: "push",
    with: {
      data: `${DATA}/test.csv`,
      target: "malignant",
      model: MODEL,
      "baseline-model": MODEL,
      gates: GATES,
      "on-inconclusive": "warn",
      "slice-by": "size_band",
    },
    env: ONNX,
  });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const comparison = JSON.parse(readFileSync(r.outputs["comparison-path"]!, "utf8"));
  assert.equal(comparison.on_inconclusive, "warn");
  assert.equal(comparison.slices.column, "size_band");
  assert.match(r.summary, /Slices by size_band/);
  const bad = await runAction({
    checkout,
    action: "actions/compare/action.yml",
    event: "push",
    with: {
      data: `${DATA}/test.csv`,
      target: "malignant",
      model: MODEL,
      "baseline-model": MODEL,
      "on-inconclusive": "maybe",
    },
    env: ONNX,
  });
  assert.notEqual(bad.code, 0);
  assert.match(bad.stdout + bad.stderr, /'on-inconclusive' must be fail, warn or pass, got 'maybe'/);
});

test("a fork pull request (read-only token) warns and still writes the summary", async () => {
  const forkFake = await startFakeGitHub({
    token: TOKEN,
    repositories: ["acme/models"],
    permissions: { "pull-requests": "read", issues: "read" },
  });
  try {
    const pr = forkFake.state.addPullRequest("acme/models", { headRepoFullName: "contributor/models" });
    const r = await runAction({
      checkout,
      action: "actions/compare/action.yml",
      event: "fork_pull_request",
      prNumber: pr.number,
      apiUrl: forkFake.url,
      with: { data: `${DATA}/test.csv`, target: "malignant", model: MODEL, "baseline-model": MODEL },
      env: ONNX,
    });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(
      r.stdout,
      /^::warning title=modelguard::could not post the PR comment \(this pull request comes from a fork/m,
    );
    assert.equal(forkFake.state.commentsOf("acme/models", pr.number).length, 0);
    assert.match(r.summary, /accuracy/);
    assert.deepEqual(forkFake.violations, []);
  } finally {
    await forkFake.close();
  }
});

test("report renders the earlier steps of the job (validate + evaluate) into one PR comment", async () => {
  const pr = fake.state.addPullRequest("acme/models");
  const runnerTemp = mkdtempSync(join(work, "job-"));
  const common = { checkout, event: "pull_request" as const, prNumber: pr.number, apiUrl: fake.url, runnerTemp };
  const v = await runAction({
    ...common,
    action: "actions/validate/action.yml",
    with: { data: `${DATA}/train.csv`, schema },
  });
  assert.equal(v.code, 0, v.stdout + v.stderr);
  assert.equal(fake.state.commentsOf("acme/models", pr.number).length, 0, "validate comments only when asked");
  const e = await runAction({
    ...common,
    action: "actions/evaluate/action.yml",
    with: { data: `${DATA}/test.csv`, target: "malignant", model: MODEL },
    env: ONNX,
  });
  assert.equal(e.code, 0, e.stdout + e.stderr);
  const r = await runAction({ ...common, action: "actions/report/action.yml" });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const comments = fake.state.commentsOf("acme/models", pr.number);
  assert.equal(comments.length, 1);
  assert.match(comments[0]!.body, /accuracy/);
  assert.equal(r.outputs.verdict, "pass");
});

// The real install path: npm fetches the pinned onnxruntime-node from the npm registry into the runner's tool cache
// (npm ci has just put it in npm's cache, so this reads no more than that), then a second step reuses it.
test("evaluate installs onnxruntime-node into the tool cache with the real npm, once", async () => {
  const toolCache = mkdtempSync(join(work, "tool-cache-"));
  const run = () =>
    runAction({
      checkout,
      action: "actions/evaluate/action.yml",
      event: "push",
      with: { data: `${DATA}/test.csv`, target: "malignant", model: MODEL },
      env: { RUNNER_TOOL_CACHE: toolCache },
    });
  const first = await run();
  assert.equal(first.code, 0, first.stdout + first.stderr);
  const installed = join(toolCache, "modelguard-onnxruntime");
  assert.ok(existsSync(installed), "installed under the tool cache");
  assert.match(first.stdout + first.stderr, /is not cached: npm install/);
  const second = await run();
  assert.equal(second.code, 0, second.stdout + second.stderr);
  assert.match(second.stdout + second.stderr, /using the cached copy/);
  assert.doesNotMatch(second.stdout + second.stderr, /is not cached/);
});
