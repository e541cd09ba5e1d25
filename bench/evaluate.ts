import { spawnSync } from "node:child_process";
import { writeFileSync, mkdirSync, existsSync, createWriteStream } from "node:fs";
import { join, resolve } from "node:path";
import type { Table } from "../src/data/table.js";
import { trainBuiltin } from "../src/model/train/trainBuiltin.js";
import { trainedModelToOnnx } from "../src/model/train/trainedModelToOnnx.js";
import { openOnnxModel } from "../src/model/evaluate/loadOnnxModel.js";
import { bindInputs } from "../src/model/evaluate/bindInputs.js";
import { selectOutputs } from "../src/model/evaluate/selectOutputs.js";
import { predictTable } from "../src/model/evaluate/evaluateModel.js";
import { seededRandom } from "../src/stats/seededRandom.js";
import { median } from "./measure.js";

const FEATURES = 30;

function makeTable(rows: number, seed: number): Table {
  const r = seededRandom(seed);
  const cols = Array.from({ length: FEATURES }, () => new Float64Array(rows));
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let z = 0;
    for (let f = 0; f < FEATURES; f++) {
      const x = Math.round((r() * 4 - 2) * 1e4) / 1e4;
      cols[f]![i] = x;
      z += ((f % 5) - 2) * 0.4 * x;
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
 * `npm run bench -- evaluate [rows]`: 1,000,000 rows x 30 features through a logistic model. Times our inference
 * path (batched float32 tensors filled from the table's columns, session.run per batch, outputs gathered) against a
 * bare session.run on one prebuilt [N, 30] tensor, in the same process. Target: <= 1.5x. For context it also times
 * the whole `modelguard evaluate` command on the same rows as CSV (file parsing and every metric included).
 */
export async function benchEvaluate(args: string[]): Promise<void> {
  const rows = Number(args[0] ?? 1_000_000);
  const runs = Number(args[1] ?? 7);
  const trainTable = makeTable(20_000, 1);
  const trained = trainBuiltin(trainTable, { trainer: "logistic", target: "y" });
  const bytes = trainedModelToOnnx(trained);
  const table = makeTable(rows, 2);
  const model = await openOnnxModel("bench.onnx", bytes);
  const plan = bindInputs(
    model,
    table.columns.map((c) => c.name),
    { dataPath: "bench", target: "y" },
  );
  const selection = selectOutputs(model);

  // The bare baseline: one prebuilt float32 tensor, one run.
  const flat = new Float32Array(rows * FEATURES);
  for (let f = 0; f < FEATURES; f++) {
    const col = (table.columns[f] as { values: Float64Array }).values;
    for (let i = 0; i < rows; i++) flat[i * FEATURES + f] = col[i]!;
  }
  // The runtime as openOnnxModel loaded it (loadOnnxRuntime): never imported here first, so its telemetry stays off
  // (ORT_DISABLE_TELEMETRY, set before the first session) and no mat-debug-*.log or .ses file is left behind.
  const tensor = new model.Tensor("float32", flat, [rows, FEATURES]);
  const inputName = model.session.inputNames[0]!;
  const bare: number[] = [];
  const ours: number[] = [];
  await model.session.run({ [inputName]: tensor });
  await predictTable(model, table, plan, selection);
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await model.session.run({ [inputName]: tensor });
    bare.push(performance.now() - t);
    t = performance.now();
    await predictTable(model, table, plan, selection);
    ours.push(performance.now() - t);
  }
  const b = median(bare);
  const o = median(ours);
  console.log(`evaluate, ${rows} rows x ${FEATURES} features, logistic model, median of ${runs}`);
  console.log(
    `  inference path  modelguard ${o.toFixed(0)} ms   bare session.run ${b.toFixed(0)} ms   ratio ${(o / b).toFixed(2)}x (target <= 1.5x)`,
  );

  // Context: the whole command, CSV parsing and metrics included.
  const dir = resolve(".bench-data", `evaluate-${rows}`);
  mkdirSync(dir, { recursive: true });
  const csv = join(dir, "test.csv");
  const modelPath = join(dir, "model.onnx");
  writeFileSync(modelPath, bytes);
  if (!existsSync(csv)) await writeCsv(csv, table);
  const t = performance.now();
  const r = spawnSync(
    "node",
    [resolve("bin/modelguard.js"), "evaluate", "--model", modelPath, "--data", csv, "--target", "y", "--json"],
    { encoding: "utf8", maxBuffer: 1 << 26 },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  console.log(
    `  whole command   modelguard evaluate on the ${rows}-row CSV: ${((performance.now() - t) / 1000).toFixed(2)} s (parse + inference + all metrics)`,
  );
}

async function writeCsv(path: string, table: Table): Promise<void> {
  const out = createWriteStream(path);
  const cols = table.columns as unknown as { name: string; values: Float64Array }[];
  out.write(cols.map((c) => c.name).join(",") + "\n");
  for (let i = 0; i < table.rowCount; i++) {
    if (!out.write(cols.map((c) => c.values[i]).join(",") + "\n"))
      await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
}
