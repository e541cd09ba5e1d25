import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateContract } from "../../src/contracts/validateContract.js";
import { readCalibration } from "../../src/performance/cbpe/calibrationFile.js";
import { runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "mg-calibrate-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("calibrate: evaluate --predictions -> calibration.json, a valid contract the monitor reads", async () => {
  const preds = join(dir, "preds.csv");
  const ev = await runCli(
    "evaluate",
    "--model",
    "fixtures/models/breast_cancer_label_proba.onnx",
    "--data",
    "fixtures/datasets/breast_cancer/test.csv",
    "--target",
    "malignant",
    "--predictions",
    preds,
    "-o",
    join(dir, "metrics.json"),
  );
  assert.equal(ev.code, 0, ev.stderr);
  const out = join(dir, "calibration.json");
  const r = await runCli("calibrate", "--predictions", preds, "-o", out);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /171 rows, positive class '1' \(65 positives\)/);
  const json = JSON.parse(readFileSync(out, "utf8")) as unknown;
  assert.deepEqual(validateContract("calibration.schema.json", json), []);
  const c = readCalibration(out);
  // The reference metrics are evaluate's own on the same rows.
  const metrics = JSON.parse(readFileSync(join(dir, "metrics.json"), "utf8")) as { metrics: Record<string, number> };
  for (const m of ["accuracy", "precision", "recall", "f1", "roc_auc"] as const)
    assert.ok(Math.abs(c.reference_metrics[m]! - metrics.metrics[m]!) < 1e-12, m);
  assert.equal(c.predictions.rows, 171);

  // --positive-label 0 turns it around: the probability read is p_0.
  const flipped = await runCli("calibrate", "--predictions", preds, "--positive-label", "0", "--json");
  assert.equal(flipped.code, 0, flipped.stderr);
  assert.equal((JSON.parse(flipped.stdout) as { positive_class: string }).positive_class, "0");
});

test("calibrate: bad input is exit 2 naming the file and line, never a stack trace", async () => {
  const bad = join(dir, "bad.csv");
  writeFileSync(bad, "row,label,p_0,p_1,target\n0,1,0.2,0.8,1\n1,0,0.7,1.3,0\n");
  const r = await runCli("calibrate", "--predictions", bad, "--json");
  assert.equal(r.code, 2);
  assert.match(r.stderr, /bad\.csv, line 3: p_1 is '1\.3', not a probability in \[0, 1\]/);
  assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/);

  const multi = join(dir, "multi.csv");
  writeFileSync(multi, "row,label,p_a,p_b,p_c,target\n0,a,0.2,0.3,0.5,c\n");
  const m = await runCli("calibrate", "--predictions", multi, "--json");
  assert.equal(m.code, 2);
  assert.match(m.stderr, /binary classifier's predictions with probabilities/);

  const target = join(dir, "target.csv");
  writeFileSync(target, "row,label,p_0,p_1,target\n0,1,0.2,0.8,2\n");
  assert.match((await runCli("calibrate", "--predictions", target, "--json")).stderr, /line 2: target '2' is neither/);
  assert.equal((await runCli("calibrate", "--predictions", bad)).code, 2, "no -o and no --json");
  assert.equal((await runCli("calibrate", "--predictions", bad, "--positive-label", "x", "--json")).code, 2);

  writeFileSync(join(dir, "broken.json"), JSON.stringify({ kind: "modelguard.calibration", version: 1 }));
  assert.throws(() => readCalibration(join(dir, "broken.json")), /is not a valid calibration: .*required/);
});
