import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { contractNumber, stringifyContract } from "../../src/contracts/contractJson.js";
import { readMetricsDocument } from "../../src/compare/readMetricsDocument.js";
import { runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "mg-contract-json-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("stringifyContract writes non-finite numbers as strings a reader can tell from null; contractNumber reads them", () => {
  const text = stringifyContract({ a: Infinity, b: -Infinity, c: NaN, d: null, e: [1, Infinity], f: "Infinity" });
  assert.equal(text, '{"a":"Infinity","b":"-Infinity","c":"NaN","d":null,"e":[1,"Infinity"],"f":"Infinity"}');
  const back = JSON.parse(text) as Record<string, unknown>;
  assert.equal(contractNumber(back.a), Infinity);
  assert.equal(contractNumber(back.b), -Infinity);
  assert.ok(Number.isNaN(contractNumber(back.c)));
  assert.equal(contractNumber(back.d), null);
  assert.equal(contractNumber(0.5), 0.5);
});

test('metrics.json: an mse whose squares overflow is written as "Infinity" and read back as Infinity', async () => {
  // The diabetes target scaled by 1e160: every error is ~1e160 and its square beyond the double range.
  const lines = readFileSync("fixtures/datasets/diabetes/test.csv", "utf8").trim().split("\n");
  const scaled = lines.map((l, i) => {
    if (i === 0) return l;
    const cells = l.split(",");
    cells[cells.length - 1] = String(Number(cells[cells.length - 1]) * 1e160);
    return cells.join(",");
  });
  const data = join(dir, "huge.csv");
  writeFileSync(data, scaled.join("\n") + "\n");
  const out = join(dir, "metrics.json");
  const r = await runCli(
    "evaluate",
    "--model",
    "fixtures/models/diabetes_linear.onnx",
    "--data",
    data,
    "--target",
    "progression",
    "--task",
    "regression",
    "-o",
    out,
  );
  assert.equal(r.code, 0, r.stderr);
  const text = readFileSync(out, "utf8");
  assert.match(text, /"mse": "Infinity"/);
  const doc = readMetricsDocument(out);
  assert.equal(doc.metrics.mse, Infinity);
  assert.equal(doc.metrics.rmse, Infinity);
  assert.ok(Number.isFinite(doc.metrics.mae!) && doc.metrics.mae! > 1e159);
  // R^2 is a ratio of sums of squares: taken in scaled units it stays defined (it was NaN, which failed the schema).
  assert.ok(Number.isFinite(doc.metrics.r2!) && doc.metrics.r2! < 1, String(doc.metrics.r2));
});
