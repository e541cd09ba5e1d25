import { createWriteStream, existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Table } from "../src/data/table.js";
import { trainBuiltin } from "../src/model/train/trainBuiltin.js";
import { trainedModelToOnnx } from "../src/model/train/trainedModelToOnnx.js";
import { seededRandom } from "../src/stats/seededRandom.js";

export const COMPARE_FEATURES = 10;

export interface CompareBenchFiles {
  dir: string;
  data: string;
  candidate: string;
  baseline: string;
}

/**
 * Deterministic rows of 10 features in [-2, 2] (4 decimals, as a CSV holds them) and a 0/1 target drawn from a
 * logistic model, so both trained models land near 0.7-0.8 accuracy and their difference is small, as in a real PR.
 */
function makeTable(rows: number, seed: number): Table {
  const r = seededRandom(seed);
  const cols = Array.from({ length: COMPARE_FEATURES }, () => new Float64Array(rows));
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let z = 0.2;
    for (let f = 0; f < COMPARE_FEATURES; f++) {
      const x = Math.round((r() * 4 - 2) * 1e4) / 1e4;
      cols[f]![i] = x;
      z += ((f % 5) - 2) * 0.35 * x + (f === 9 ? 0.3 * x : 0);
    }
    y[i] = r() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  const valid = new Uint8Array(rows).fill(1);
  const numeric = (name: string, values: Float64Array, type: "number" | "integer") =>
    ({ kind: "numeric", name, type, values, valid, invalid: new Map() }) as const;
  return {
    source: "bench",
    rowCount: rows,
    columns: [...cols.map((c, f) => numeric(`f${f}`, c, "number")), numeric("y", y, "integer")],
  };
}

/**
 * The compare bench's inputs under .bench-data/compare-ROWS (made once, reused): test.csv with f0..f9 and y, a
 * candidate logistic model trained on 20,000 rows of every feature and a baseline trained on 2,000 rows without f9.
 */
export async function compareBenchFiles(rows: number): Promise<CompareBenchFiles> {
  const dir = resolve(".bench-data", `compare-${rows}`);
  const files = {
    dir,
    data: join(dir, "test.csv"),
    candidate: join(dir, "candidate.onnx"),
    baseline: join(dir, "baseline.onnx"),
  };
  if (existsSync(files.data) && existsSync(files.candidate) && existsSync(files.baseline)) return files;
  mkdirSync(dir, { recursive: true });
  const features = Array.from({ length: COMPARE_FEATURES }, (_, f) => `f${f}`);
  const candidate = trainBuiltin(makeTable(20_000, 11), { trainer: "logistic", target: "y", features });
  const baseline = trainBuiltin(makeTable(2_000, 12), {
    trainer: "logistic",
    target: "y",
    features: features.slice(0, -1),
  });
  writeFileSync(files.candidate, trainedModelToOnnx(candidate));
  writeFileSync(files.baseline, trainedModelToOnnx(baseline));
  await writeCsv(files.data, makeTable(rows, 13));
  return files;
}

async function writeCsv(path: string, table: Table): Promise<void> {
  const partial = path + ".partial";
  const out = createWriteStream(partial);
  const cols = table.columns as unknown as { name: string; values: Float64Array }[];
  out.write(cols.map((c) => c.name).join(",") + "\n");
  for (let i = 0; i < table.rowCount; i++) {
    if (!out.write(cols.map((c) => c.values[i]).join(",") + "\n"))
      await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  renameSync(partial, path);
}
