import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateContract } from "../../src/contracts/validateContract.js";
import { runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "mg-interval-"));
const DATA = "fixtures/datasets/breast_cancer";
const MODELS = [
  "--candidate-model",
  "fixtures/models/breast_cancer_columns.onnx",
  "--baseline-model",
  "fixtures/models/breast_cancer_logreg.onnx",
  "--data",
  `${DATA}/test.csv`,
  "--target",
  "malignant",
];
test.after(() => rmSync(dir, { recursive: true, force: true }));

/** The analytic formula each metric of the binary default set has (metricInfluence). */
const FORMULA: Record<string, string> = {
  accuracy: "clt",
  balanced_accuracy: "delta",
  precision: "delta",
  recall: "delta",
  f1: "delta",
  roc_auc: "delong",
  pr_auc: "delta",
  log_loss: "clt",
  brier: "clt",
};

interface Metric {
  name: string;
  ci: [number, number] | null;
  ci_method?: string | null;
  ci_analytic?: string | null;
}

async function compare(...extra: string[]): Promise<{ metrics: Metric[]; notes: string[]; code: number }> {
  const r = await runCli("compare", ...MODELS, "--json", ...extra);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const c = JSON.parse(r.stdout);
  assert.deepEqual(validateContract("comparison.schema.json", c), []);
  return { ...c, code: r.code };
}

test("--interval analytic: each interval records its method and formula in the comparison; a note names them", async () => {
  const c = await compare("--interval", "analytic", "--metrics", [...Object.keys(FORMULA), "ece"].join(","));
  for (const m of c.metrics) {
    assert.ok(m.ci, `${m.name} has an interval`);
    if (m.name === "ece") {
      // No analytic form: it keeps the bootstrap whatever --interval says.
      assert.equal(m.ci_method, "bootstrap");
      assert.equal(m.ci_analytic, null);
    } else {
      assert.equal(m.ci_method, "analytic", m.name);
      assert.equal(m.ci_analytic, FORMULA[m.name], m.name);
    }
  }
  assert.ok(
    c.notes.some((n) => /roc_auc DeLong/.test(n) && /--interval analytic/.test(n)),
    c.notes.join("\n"),
  );
});

test("auto below 50,000 rows is the bootstrap; a gates file's interval: applies, and --interval overrides it", async () => {
  const auto = await compare();
  assert.ok(auto.metrics.length > 0);
  for (const m of auto.metrics) assert.deepEqual([m.ci_method, m.ci_analytic], ["bootstrap", null], m.name);

  const gates = join(dir, "gates.yml");
  writeFileSync(gates, "gates:\n  accuracy:\n    max_drop: 0.5\ninterval: analytic\n");
  const fromFile = await compare("--gates", gates);
  assert.equal(fromFile.metrics.find((m) => m.name === "roc_auc")!.ci_analytic, "delong");
  const flag = await compare("--gates", gates, "--interval", "bootstrap");
  for (const m of flag.metrics) assert.equal(m.ci_method, "bootstrap", m.name);

  // The same key at the top of a modelguard.yml (read by --gates as a whole project config).
  const project = join(dir, "modelguard.yml");
  writeFileSync(
    project,
    "version: 1\nregistry: ./models\ngates:\n  accuracy:\n    max_drop: 0.5\ninterval: analytic\n",
  );
  const fromProject = await compare("--gates", project);
  assert.equal(fromProject.metrics.find((m) => m.name === "accuracy")!.ci_method, "analytic");
});

test("an unknown interval: in a gates file is a config error naming the key, exit 2", async () => {
  const gates = join(dir, "bad.yml");
  writeFileSync(gates, "gates:\n  accuracy:\n    max_drop: 0.5\ninterval: fast\n");
  const r = await runCli("compare", ...MODELS, "--gates", gates);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /interval/);
  assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
});

test("the report says which intervals are analytic", async () => {
  const out = join(dir, "report.md");
  const r = await runCli("compare", ...MODELS, "--interval", "analytic", "--report", out);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const md = readFileSync(out, "utf8");
  assert.match(md, /analytic intervals of the change/);
  assert.match(md, /DeLong/);
});
