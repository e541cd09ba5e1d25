import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "mg-slices-"));
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

interface Slice {
  value: string | null;
  size: number;
  judged: boolean;
  baseline: number;
  candidate: number;
  delta: number;
  ci: [number, number];
  status: string | null;
}

test("compare --slice-by: each slice's change with its interval, slice gates, and fairness gaps with intervals", async () => {
  const gates = join(dir, "gates.yml");
  writeFileSync(gates, "gates:\n  accuracy: { min: 0.5 }\nslices: { min_size: 40, max_drop: 0.2 }\n");
  const md = join(dir, "report.md");
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
    gates,
    "--slice-by",
    "size_band",
    "--json",
    "--report",
    md,
  );
  const c = JSON.parse(r.stdout);
  const s = c.slices;
  assert.equal(s.column, "size_band");
  assert.equal(s.metric, "accuracy");
  assert.equal(s.rule, "max_drop 20.00 pp, on slices of at least 40 rows");
  const slices = s.slices as Slice[];
  assert.equal(
    slices.reduce((n, x) => n + x.size, 0),
    171,
  );

  // Per-slice values equal what evaluate --slice-by computes (its metrics are checked against scikit-learn).
  const out = join(dir, "m.json");
  for (const [model, key] of [
    [weak, "candidate"],
    [prod, "baseline"],
  ] as const) {
    const e = await runCli(
      "evaluate",
      "--model",
      model,
      "--data",
      `${DATA}/test.csv`,
      "--target",
      "malignant",
      "--slice-by",
      "size_band",
      "--min-slice-size",
      "0",
      "-o",
      out,
    );
    assert.equal(e.code, 0, e.stderr);
    const doc = JSON.parse(readFileSync(out, "utf8"));
    for (const d of doc.slices) {
      const mine = slices.find((x) => x.value === d.value)!;
      assert.equal(mine.size, d.size);
      assert.ok(Math.abs(mine[key] - d.metrics.accuracy) < 1e-12, `${key} accuracy on ${d.value}`);
      if (key === "candidate") {
        // The candidate's true-positive rate per slice is its recall there.
        const tpr = (c.slices.gaps as { kind: string; model: string; high: { value: string; rate: number } }[]).find(
          (g) => g.kind === "true_positive_rate" && g.model === "candidate" && g.high.value === d.value,
        );
        if (tpr) assert.ok(Math.abs(tpr.high.rate - d.metrics.recall) < 1e-12);
      }
    }
  }
  for (const x of slices) {
    assert.ok(Math.abs(x.delta - (x.candidate - x.baseline)) < 1e-12);
    assert.ok(x.ci[0] <= x.delta + 1e-12 && x.delta - 1e-12 <= x.ci[1], `interval around the change on ${x.value}`);
    assert.equal(x.judged, x.size >= 40);
    assert.equal(x.status === null, !x.judged, "judged slices are gated, the others not");
  }
  // Fairness gaps: both rates, both models, each the highest minus the lowest rate with an interval around it.
  assert.deepEqual((c.slices.gaps as { kind: string; model: string }[]).map((g) => `${g.model} ${g.kind}`).sort(), [
    "baseline positive_rate",
    "baseline true_positive_rate",
    "candidate positive_rate",
    "candidate true_positive_rate",
  ]);
  for (const g of c.slices.gaps) {
    assert.ok(Math.abs(g.gap - (g.high.rate - g.low.rate)) < 1e-12);
    assert.ok(g.gap >= 0 && g.ci[0] <= g.gap && g.gap <= g.ci[1], JSON.stringify(g));
  }
  // A slice verdict takes part in the comparison's verdict, and the report shows the slices with their intervals.
  assert.equal(r.code, c.verdict === "fail" ? 1 : 0);
  const text = readFileSync(md, "utf8");
  assert.match(
    text,
    /Slices by size_band: accuracy per slice, gated \(max_drop 20\.00 pp, on slices of at least 40 rows\)/,
  );
  assert.match(text, /\| size_band \| rows \| baseline \| candidate \| change \| 95% interval \| status \|/);
  assert.match(
    text,
    /\| positive rate \(share predicted positive\) \| candidate \| \w+ \| \w+ \| \+\d+\.\d\d pp \| [-+]\d/,
  );

  // Slices of aggregate metrics files cannot be compared: a usage error.
  const agg = await runCli("compare", "--candidate", out, "--baseline", out, "--slice-by", "size_band");
  assert.equal(agg.code, 2);
  assert.match(agg.stderr, /--slice-by needs the rows/);
  const missing = await runCli(
    "compare",
    "--candidate-model",
    weak,
    "--baseline-model",
    prod,
    "--data",
    `${DATA}/test.csv`,
    "--target",
    "malignant",
    "--slice-by",
    "no_such_column",
  );
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no_such_column/);
});

test("compare --slice-by with a bad slice column and a bad target: the slice column's error, run after run", async () => {
  for (let run = 0; run < 3; run++) {
    const r = await runCli(
      "compare",
      "--candidate-model",
      weak,
      "--baseline-model",
      prod,
      "--data",
      `${DATA}/test.csv`,
      "--target",
      "no_such_target",
      "--slice-by",
      "no_such_slice",
    );
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /slice column 'no_such_slice' not found/);
  }
});
