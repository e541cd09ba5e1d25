import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../helpers/cli.js";
import { normals } from "../helpers/random.js";
import { validateContract } from "../../src/contracts/validateContract.js";

let dir: string;
let ref: string;
let cur: string;
let small: string;

/** A CSV of three numeric columns a, b, c; `cell` may return "" for an empty cell. */
function writeCsv(path: string, rows: number, seed: number, cell: (col: number, row: number, x: number) => string) {
  const cols = [normals(rows, seed), normals(rows, seed + 1), normals(rows, seed + 2)];
  const lines = ["a,b,c"];
  for (let i = 0; i < rows; i++)
    lines.push(`${cell(0, i, cols[0]![i]!)},${cell(1, i, cols[1]![i]!)},${cell(2, i, cols[2]![i]!)}`);
  writeFileSync(path, lines.join("\n") + "\n");
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), "mg-drift-quality-"));
  ref = join(dir, "reference.csv");
  cur = join(dir, "current.csv");
  writeCsv(ref, 20_000, 1, (_c, _i, x) => x.toFixed(5));
  // The case: a million rows, column a 40% empty, column b with 1% of its values at 1e6 (outliers).
  const broken = (c: number, i: number, x: number) => {
    if (c === 0 && i % 5 < 2) return "";
    if (c === 1 && i % 100 === 0) return "1000000";
    return x.toFixed(5);
  };
  writeCsv(cur, 1_000_000, 11, broken);
  small = join(dir, "small.csv");
  writeCsv(small, 50_000, 21, broken);
});
after(() => rmSync(dir, { recursive: true, force: true }));

interface Report {
  dataset_drifted: boolean;
  drifted_features: string[];
  quality_failed: boolean;
  quality: {
    fired: { feature: string; signal: string; share: number }[];
    features: {
      name: string;
      missing_share: { share: number };
      out_of_range_share?: { share: number; fired: boolean };
    }[];
  };
  summary: string;
}

test("40% missing plus 1% of 1e6 outliers: no column drifts, but the gate fails on data quality and says why", async () => {
  const out = join(dir, "drift.json");
  const r = await runCli("drift", "--reference", ref, "--current", cur, "--out", out);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  const report = JSON.parse(readFileSync(out, "utf8")) as Report;
  assert.deepEqual(validateContract("drift.schema.json", report), []);
  assert.deepEqual(report.drifted_features, [], "the shapes did not move: no drift test fires");
  assert.equal(report.dataset_drifted, false);
  assert.equal(report.quality_failed, true);
  assert.deepEqual(
    report.quality.fired.map((f) => [f.feature, f.signal]),
    [["a", "missing_share"]],
  );
  const byName = new Map(report.quality.features.map((q) => [q.name, q]));
  assert.equal(byName.get("a")!.missing_share.share, 0.4);
  // 1% outliers are measured and reported, below the default 5% allowance.
  // (plus the normal tails past the reference's range: 2/(n+1) of them expected, 0.01%)
  const outside = byName.get("b")!.out_of_range_share!.share;
  assert.ok(outside >= 0.01 && outside < 0.0103, String(outside));
  assert.equal(byName.get("b")!.out_of_range_share!.fired, false);
  assert.match(report.summary, /^data quality failed: a missing 40%; no dataset drift: 0 of 3 columns drifted/);
  assert.match(r.stdout, /data quality \(columns where a signal fired/);
  assert.match(r.stdout, /^a\s+40% FAIL\s+0\.01%\s+-\s+0%$/m);

  // The PR report's drift section shows the signal and the verdict.
  const md = join(dir, "report.md");
  const rep = await runCli("report", "--drift", out, "--report", md);
  assert.equal(rep.code, 0, rep.stderr);
  const text = readFileSync(md, "utf8");
  assert.match(text, /Data quality failed in 1 column\. No dataset drift: 0 of 3 features drifted/);
  assert.match(text, /\| missing \| a \| 40\.0% \| 0% \| 10\.0% \|/);
  assert.match(text, /Warn: data quality failed/);
});

test("quality thresholds come from modelguard.yml: a stricter out_of_range_share catches the 1% outliers, false turns missing off", async () => {
  const config = join(dir, "modelguard.yml");
  writeFileSync(config, "version: 1\nquality:\n  out_of_range_share: 0.005\n  missing_share: false\n");
  const r = await runCli("drift", "--reference", ref, "--current", small, "--config", config, "--json");
  assert.equal(r.code, 1, r.stderr);
  const report = JSON.parse(r.stdout) as Report;
  assert.deepEqual(
    report.quality.fired.map((f) => [f.feature, f.signal]),
    [["b", "out_of_range_share"]],
  );
  const off = join(dir, "off.yml");
  writeFileSync(off, "version: 1\nquality:\n  missing_share: false\n");
  const clean = await runCli("drift", "--reference", ref, "--current", small, "--config", off);
  assert.equal(clean.code, 0, clean.stdout + clean.stderr);
  assert.match(clean.stdout, /data quality: no signal fired in 3 columns/);
  const bad = join(dir, "bad.yml");
  writeFileSync(bad, "version: 1\nquality:\n  missing_share: 2\n");
  const refused = await runCli("drift", "--reference", ref, "--current", small, "--config", bad);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /quality/);
});

test("--major-psi sets the PSI at which one drifted column makes the dataset drift", async () => {
  const bc = "fixtures/datasets/breast_cancer";
  const args = ["drift", "--reference", `${bc}/train.csv`, "--current", `${bc}/current.csv`, "--json"];
  const high = await runCli(...args, "--major-psi", "100");
  assert.equal(high.code, 0, high.stderr);
  const report = JSON.parse(high.stdout) as Report & { major_drifted: string[]; policy: { major_psi: number } };
  assert.deepEqual(report.major_drifted, []);
  assert.equal(report.policy.major_psi, 100);
  assert.equal(report.dataset_drifted, false);
  const bad = await runCli(...args, "--major-psi", "-1");
  assert.equal(bad.code, 2);
});
