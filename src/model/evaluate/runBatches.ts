import type { InferenceSession, Tensor } from "onnxruntime-node";
import { ModelguardError } from "../../errors.js";
import type { BatchFeeder } from "./batchFeeders.js";

/** A float output gathered over all rows: row-major [N, width] doubles. */
export interface FloatOutput {
  kind: "float";
  name: string;
  type: "float32" | "float64";
  /** Dimensions after the batch dimension, e.g. [] for [N], [1] for [N, 1], [3] for [N, 3]. */
  rowDims: number[];
  width: number;
  values: Float64Array;
}

/** A label output (int64, int32 or string, one value per row) gathered over all rows, dictionary-encoded. */
export interface LabelOutput {
  kind: "labels";
  name: string;
  type: "int64" | "int32" | "string";
  rowDims: number[];
  /** Row -> index into `dictionary`. */
  codes: Int32Array;
  /** Distinct labels as text, in order of first appearance. */
  dictionary: string[];
}

export type GatheredOutput = FloatOutput | LabelOutput;

export interface RunBatchesOptions {
  rowCount: number;
  /** Rows per session.run (default 16,384). */
  batchRows: number;
  /** The model fixes its batch dimension to this many rows: every batch is padded to it. */
  fixedBatch?: number;
  /** Batches shorter than this (the last one, or all with a small --batch-size) are padded to it. */
  minRows?: number;
  /** For messages. */
  modelPath: string;
}

/**
 * Fewest rows per session.run. onnxruntime picks some kernels by batch shape (LinearClassifier and float64 MatMul
 * sum in another order for 1 to 4 rows), so a short last batch could differ from one big batch in the last bit; padded
 * to 16 rows, every batch size gives bit-identical outputs on the fixtures (test/model/evaluate/batches.test.ts).
 */
export const MIN_BATCH_ROWS = 16;

/**
 * Runs the session over all rows in batches — each feeder fills its reusable buffer for the batch, one
 * `session.run(feeds, outputNames)` per batch — and gathers the named outputs into whole-data arrays (float outputs
 * into one Float64Array, label outputs dictionary-encoded). Every batch's output must have the batch size as first
 * dimension and the same per-row shape; other output types than float32/float64/int64/int32/string are a "model"
 * error. Results do not depend on the batch size.
 *
 * Example: await runBatches(session, feeders, ["probabilities"], { rowCount: 171, batchRows: 50, modelPath })
 *   -> Map { "probabilities" => { kind: "float", width: 2, values: Float64Array(342), ... } }
 */
export async function runBatches(
  session: InferenceSession,
  feeders: readonly BatchFeeder[],
  outputNames: readonly string[],
  options: RunBatchesOptions,
): Promise<Map<string, GatheredOutput>> {
  const { rowCount, modelPath } = options;
  const step = options.fixedBatch ?? options.batchRows;
  const gathered = new Map<string, Gatherer>();
  for (let start = 0; start < rowCount; start += step) {
    const count = Math.min(step, rowCount - start);
    const rows = options.fixedBatch ?? Math.max(count, options.minRows ?? 1);
    const feeds: Record<string, Tensor> = {};
    for (const f of feeders) feeds[f.input] = f.tensor(start, count, rows);
    let result: InferenceSession.ReturnType;
    try {
      result = await session.run(feeds, outputNames);
    } catch (e) {
      throw new ModelguardError(
        "model",
        `${modelPath}: onnxruntime failed on rows ${start}..${start + count - 1}: ${(e as Error).message}`,
        "check that the model's inputs take the data's columns (types and shapes); see the message for the node",
        { file: modelPath },
      );
    }
    for (const name of outputNames) {
      const tensor = result[name] as Tensor;
      let g = gathered.get(name);
      if (!g) {
        g = createGatherer(name, tensor, rows, rowCount, modelPath);
        gathered.set(name, g);
      }
      g.add(tensor, start, count, rows);
    }
  }
  return new Map([...gathered].map(([name, g]) => [name, g.output]));
}

interface Gatherer {
  output: GatheredOutput;
  add(tensor: Tensor, start: number, count: number, rows: number): void;
}

function createGatherer(name: string, first: Tensor, rows: number, rowCount: number, modelPath: string): Gatherer {
  const dims = first.dims;
  if (dims.length === 0 || dims[0] !== rows)
    throw new ModelguardError(
      "model",
      `${modelPath}: output '${name}' has shape [${dims.join(", ")}] for a batch of ${rows} rows; ` +
        "modelguard needs one output row per input row (batch dimension first)",
      "export the model with a dynamic batch dimension first on every input and output",
      { file: modelPath },
    );
  const rowDims = dims.slice(1);
  const width = rowDims.reduce((a, b) => a * b, 1);
  const checkShape = (t: Tensor, batchRows: number) => {
    if (t.dims[0] !== batchRows || t.dims.length !== dims.length || t.dims.slice(1).some((d, i) => d !== rowDims[i]))
      throw new ModelguardError(
        "model",
        `${modelPath}: output '${name}' changed shape between batches ([${dims.join(", ")}] then [${t.dims.join(", ")}])`,
        "export the model with a fixed per-row output shape",
        { file: modelPath },
      );
  };
  if (first.type === "float32" || first.type === "float64") {
    const output: FloatOutput = {
      kind: "float",
      name,
      type: first.type,
      rowDims,
      width,
      values: new Float64Array(rowCount * width),
    };
    return {
      output,
      add(t, start, count, batchRows) {
        checkShape(t, batchRows);
        const data = t.data as Float32Array | Float64Array;
        output.values.set(data.subarray(0, count * width), start * width);
      },
    };
  }
  if (first.type === "int64" || first.type === "int32" || first.type === "string") {
    if (width !== 1)
      throw new ModelguardError(
        "model",
        `${modelPath}: output '${name}' is ${first.type} with shape [${dims.join(", ")}]; a label output has one value per row`,
        "pick a label output [N] or a probabilities output [N, C] with --output-name",
        { file: modelPath },
      );
    const output: LabelOutput = {
      kind: "labels",
      name,
      type: first.type,
      rowDims,
      codes: new Int32Array(rowCount),
      dictionary: [],
    };
    const index = new Map<string | number | bigint, number>();
    return {
      output,
      add(t, start, count, batchRows) {
        checkShape(t, batchRows);
        const data = t.data as BigInt64Array | Int32Array | string[];
        for (let i = 0; i < count; i++) {
          const v = data[i]!;
          let code = index.get(v);
          if (code === undefined) {
            code = output.dictionary.length;
            output.dictionary.push(String(v));
            index.set(v, code);
          }
          output.codes[start + i] = code;
        }
      },
    };
  }
  throw new ModelguardError(
    "model",
    `${modelPath}: output '${name}' is of type ${first.type}; modelguard reads float, double, int64, int32 and string outputs`,
    "add a Cast to float to the model's output, or pick another output with --output-name",
    { file: modelPath },
  );
}
