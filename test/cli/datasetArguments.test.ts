// Every command that takes a data argument takes a dataset: a directory, a glob, Hive partitions, .gz shards.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { runCli } from "../helpers/cli.js";

const work = mkdtempSync(join(tmpdir(), "modelguard-dataset-args-"));
after(() => rmSync(work, { recursive: true, force: true }));

const source = "fixtures/datasets/breast_cancer/test.csv";
const lines = readFileSync(source, "utf8").trimEnd().split("\n");
const header = lines[0]!;
const body = lines.slice(1);

// the same rows in the same order: 100 in one Hive partition (gzip), the rest in another (two plain shards)
const hive = join(work, "hive");
for (const [rel, rows] of [
  ["batch=1/part-0.csv.gz", body.slice(0, 100)],
  ["batch=2/part-0.csv", body.slice(100, 150)],
  ["batch=2/part-1.csv", body.slice(150)],
] as const) {
  const path = join(hive, rel);
  mkdirSync(join(path, ".."), { recursive: true });
  const text = [header, ...rows].join("\n") + "\n";
  writeFileSync(path, rel.endsWith(".gz") ? gzipSync(text) : text);
}
writeFileSync(join(hive, "_SUCCESS"), "");
const glob = join(hive, "batch=*/*.csv*");

/** Deep equality, numbers within 1e-9 relative (moments merged over shards differ in the last digits). */
function assertClose(actual: unknown, expected: unknown, path: string): void {
  if (typeof expected === "number" && typeof actual === "number") {
    assert.ok(
      Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)),
      `${path}: ${actual} vs ${expected}`,
    );
    return;
  }
  if (expected !== null && typeof expected === "object") {
    assert.ok(actual !== null && typeof actual === "object", path);
    assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort(), path);
    for (const [k, v] of Object.entries(expected))
      assertClose((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
    return;
  }
  assert.deepEqual(actual, expected, path);
}

function json(r: { code: number; stdout: string; stderr: string }): Record<string, unknown> {
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

test("evaluate --data DIR (Hive partitions, a .gz shard): the same metrics as on the single file", async () => {
  const model = "fixtures/models/breast_cancer_logreg.onnx";
  const one = json(await runCli("evaluate", "--model", model, "--data", source, "--target", "malignant", "--json"));
  const many = json(await runCli("evaluate", "--model", model, "--data", hive, "--target", "malignant", "--json"));
  assert.deepEqual(many.metrics, one.metrics);
  const data = many.data as { path: string; rows: number; sha256: string };
  assert.equal(data.rows, 171);
  assert.equal(data.path, hive);
  assert.match(data.sha256, /^[0-9a-f]{64}$/);
  assert.notEqual(data.sha256, (one.data as { sha256: string }).sha256);
});

test("profile, drift and validate take a glob or a directory; a bad shard is exit 2 naming it", async () => {
  const onePath = join(work, "one.json");
  const manyPath = join(work, "many.json");
  assert.equal((await runCli("profile", "--data", source, "-o", onePath)).code, 0);
  const r = await runCli("profile", "--data", glob, "-o", manyPath);
  assert.equal(r.code, 0, r.stderr);
  const one = JSON.parse(readFileSync(onePath, "utf8")) as { columns: Record<string, { count?: number }> };
  const many = JSON.parse(readFileSync(manyPath, "utf8")) as { columns: Record<string, unknown> };
  // every column of the file, with the same statistics, plus the partition key
  for (const [name, stats] of Object.entries(one.columns)) assertClose(many.columns[name], stats, name);
  assert.ok("batch" in many.columns);

  const drift = json(
    await runCli("drift", "--reference", source, "--current", hive, "--columns", "mean_radius,size_band", "--json"),
  );
  const self = json(
    await runCli("drift", "--reference", source, "--current", source, "--columns", "mean_radius,size_band", "--json"),
  );
  assert.deepEqual(drift.features, self.features);

  const schema = join(work, "schema.yaml");
  writeFileSync(schema, "version: 1\ncolumns:\n  mean_radius: {type: number, min: 0}\nextra_columns: ignore\n");
  const v = await runCli("validate", "--data", glob, "--schema", schema);
  assert.equal(v.code, 0, v.stdout + v.stderr);

  const bad = join(work, "bad");
  mkdirSync(bad);
  writeFileSync(join(bad, "a.csv"), "x\n1\n");
  writeFileSync(join(bad, "b.csv"), 'x\n1\n"2\n');
  const e = await runCli("validate", "--data", bad, "--schema", schema);
  assert.equal(e.code, 2);
  assert.match(e.stderr, /b\.csv, line 3/);
  assert.doesNotMatch(e.stderr, /\n\s+at /);
});
