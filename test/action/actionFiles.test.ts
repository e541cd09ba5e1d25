import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { inputEnvName, inputsEnv, parseOutputFile, REPO_ROOT } from "./harness.js";

const work = mkdtempSync(join(tmpdir(), "mg-action-files-"));
after(() => rmSync(work, { recursive: true, force: true }));

const ACTIONS = [
  "action.yml",
  ...["validate", "train", "evaluate", "compare", "report", "promote"].map((s) => `actions/${s}/action.yml`),
];
const WORKFLOWS = [".github/workflows/ml-pr.yml", ".github/workflows/retrain.yml", ".github/workflows/promote.yml"];
const validator = join(REPO_ROOT, "node_modules/@action-validator/cli/cli.mjs");

function validate(path: string): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [validator, path], { encoding: "utf8" });
  return { status: r.status, output: r.stdout + r.stderr };
}

for (const file of ACTIONS) {
  test(`${file} passes action-validator and runs dist/index.js on node24`, () => {
    const text = readFileSync(join(REPO_ROOT, file), "utf8");
    const yml = parse(text);
    assert.equal(yml.runs.using, "node24");
    assert.equal(join(file, "..", yml.runs.main), join("dist", "index.js"));
    for (const [name, spec] of Object.entries(yml.inputs as Record<string, { description?: string }>)) {
      assert.ok(spec.description, `${file}: input ${name} has no description`);
    }
    // action-validator 0.6's schema predates node24 (its enum stops at node20): check the rest of the file.
    const dir = mkdtempSync(join(work, "validate-"));
    writeFileSync(join(dir, "action.yml"), text.replace("using: node24", "using: node20"));
    const r = validate(join(dir, "action.yml"));
    assert.equal(r.status, 0, r.output);
  });
}

test("the per-step actions fix their command through the command input's default", () => {
  for (const step of ["validate", "train", "evaluate", "compare", "report", "promote"]) {
    const yml = parse(readFileSync(join(REPO_ROOT, `actions/${step}/action.yml`), "utf8"));
    assert.equal(yml.inputs.command.default, step);
  }
});

for (const file of WORKFLOWS) {
  test(`${file} passes action-validator`, () => {
    const r = validate(join(REPO_ROOT, file));
    assert.equal(r.status, 0, r.output);
  });
}

test("action-validator does reject a broken workflow (the check above can fail)", () => {
  const dir = mkdtempSync(join(work, "validate-"));
  writeFileSync(join(dir, "bad.yml"), "name: x\non: pull_request\njobs:\n  a:\n    steps: 3\n");
  const r = validate(join(dir, "bad.yml"));
  assert.equal(r.status, 1, r.output);
  assert.match(r.output, /"errors"/);
});

test("input names become INPUT_ variables the runner's way; defaults and github.token resolve", () => {
  assert.equal(inputEnvName("baseline-model"), "INPUT_BASELINE-MODEL");
  assert.equal(inputEnvName("my input"), "INPUT_MY_INPUT");
  const env = inputsEnv(
    {
      inputs: { "fail-on": { default: "fail" }, "github-token": { default: "${{ github.token }}" }, data: {} },
      runs: { using: "node24", main: "x" },
    },
    { data: "a.csv" },
    "tok",
  );
  assert.deepEqual(env, { "INPUT_FAIL-ON": "fail", "INPUT_GITHUB-TOKEN": "tok", INPUT_DATA: "a.csv" });
  assert.throws(() => inputsEnv({ runs: { using: "node24", main: "x" } }, { dtaa: "x" }, "t"), /not declared/);
});

test("the outputs file parser reads heredoc blocks and rejects an unterminated one", () => {
  const text = "verdict<<ghadelimiter_1\npass\nghadelimiter_1\nreport<<EOF_2\nline 1\nline 2\nEOF_2\nold=style\n";
  assert.deepEqual(parseOutputFile(text), { verdict: "pass", report: "line 1\nline 2", old: "style" });
  assert.throws(() => parseOutputFile("x<<D\nvalue\n"), /no closing delimiter/);
});

test("retrain.yml declares every input the monitor's dispatch sends (GitHub refuses undeclared inputs)", async () => {
  const { dispatchPayload } = await import("../../monitor/alerts/alertRequests.js");
  const { resolveMonitorConfig } = await import("../../monitor/config/monitorConfig.js");
  const config = resolveMonitorConfig({ reference: "p.json" }, join(work, "monitor.yml"));
  const report = {
    window: 3,
    started_at: "2026-03-01T00:00:00.000Z",
    closed_at: "2026-03-01T01:00:00.000Z",
    model_version: "v2",
    drift: { drifted_features: ["x"] },
  } as unknown as Parameters<typeof dispatchPayload>[1];
  const sent = Object.keys(dispatchPayload(config, report)).sort();
  const yml = parse(readFileSync(join(REPO_ROOT, ".github/workflows/retrain.yml"), "utf8"));
  const declared = Object.keys(yml.on.workflow_dispatch.inputs).sort();
  assert.deepEqual(declared, sent);
  // and each reaches the training command as a MODELGUARD_* variable
  const env = yml.jobs.retrain.env as Record<string, string>;
  for (const k of ["reason", "detail", "window_start", "window_end", "features", "production_version"]) {
    assert.ok(
      Object.values(env).some((v) => v.includes(`inputs.${k}`)),
      k,
    );
  }
});
