/**
 * Model evaluation: an ONNX model run with onnxruntime-node over a data file, scored against its target column.
 *
 * Model I/O conventions (shared with the built-in trainer, src/model/train):
 *
 * Inputs, by shape (see bindInputs):
 *   1. ONE float input (float32 or double) [N, F]: the features in order — `--features`, else the model's metadata
 *      `feature_names` (a JSON array), else every non-target column in file order. F must equal the declared width.
 *   2. SEVERAL inputs whose names are all data columns (skl2onnx's DataFrame convention, and our trainer's for mixed
 *      types): each fed as [N, 1] with its element type (float32, double, int64, string) from the column.
 *   Anything else is a "model" error listing the model's inputs and these conventions. Missing numeric cells become
 *   NaN; missing text cells "". A model with a fixed batch dimension gets batches of exactly that size; shorter
 *   batches are padded to 16 rows (MIN_BATCH_ROWS) by repeating their last row, so results do not depend on the
 *   batch size (onnxruntime sums differently for 1-4 rows).
 * Outputs (see selectOutputs, interpretOutputs): class probabilities [N, C]; a single probability [N] or [N, 1]
 *   (of classes[1], binary); labels only ([N] int64 or string: probability metrics are omitted with a note); a
 *   regression value [N] or [N, 1]; skl2onnx's pair `label` + `probabilities` as is. A ZipMap output (sequence of
 *   maps) is an error telling to export with `options={id(model): {'zipmap': False}}`. `--output-name` picks one.
 * Classes: metadata `classes` (a JSON array of label strings) when present, else the labels of the model's
 *   ai.onnx.ml classifier node, else the sorted distinct target values (scikit-learn's `classes_` order: numbers
 *   numerically, strings by code point), joined by the distinct predicted labels of a labels-only output. Target
 *   values map to class indices by their text. An int64 label output holds class labels (skl2onnx) or class indices
 *   into `classes` (our trainer's ArgMax): the reading that agrees with the probabilities' argmax wins, a model with
 *   `modelguard_trainer` metadata has indices. Task `auto`: regression for a single continuous output with a numeric
 *   target; binary or multiclass by the number of classes.
 *
 * Performance: the data is loaded once into the columnar Table (only the columns the model needs); each batch
 * (default 16,384 rows, which keeps the buffers in cache) is written into one reusable Float32Array straight from the Table's Float64Array columns
 * (fillRowMajor), one `session.run` per batch with non-spinning intra-op threads, outputs copied into one
 * Float64Array. `predictTable` is that inference path alone, `evaluateTable` adds interpretation and metrics.
 */
import { performance } from "node:perf_hooks";
import { allInOrder } from "../../allInOrder.js";
import { loadTable, readColumnNames, type LoadOptions } from "../../data/loadTable.js";
import { getColumn, isMissing, type Table } from "../../data/table.js";
import { ModelguardError } from "../../errors.js";
import { createBatchFeeders } from "./batchFeeders.js";
import { bindInputs, type InputPlan } from "./bindInputs.js";
import { interpretOutputs, type TaskOption } from "./interpretOutputs.js";
import { loadOnnxModel, type OnnxModel } from "./loadOnnxModel.js";
import { computeMetrics, type ComputedMetrics, type MetricsDocument } from "./metricsDocument.js";
import type { Predictions } from "./predictions.js";
import { MIN_BATCH_ROWS, runBatches, type GatheredOutput } from "./runBatches.js";
import { selectOutputs, type OutputSelection } from "./selectOutputs.js";
import { sha256Dataset } from "./sha256Dataset.js";
import { writePredictionsCsv } from "./writePredictionsCsv.js";

export const DEFAULT_BATCH_SIZE = 16_384;
export const DEFAULT_MIN_SLICE_SIZE = 30;

export interface EvaluateOptions {
  /** Path of the .onnx file. */
  model: string;
  /** Path of the data file (CSV, JSONL or Parquet). */
  data: string;
  target: string;
  task?: TaskOption;
  features?: string[];
  inputName?: string;
  outputName?: string;
  positiveLabel?: string;
  sliceBy?: string;
  minSliceSize?: number;
  /** Also write the per-row predictions CSV here. */
  predictions?: string;
  batchSize?: number;
  /** How to read the data file (delimiter, NA strings). */
  load?: LoadOptions;
}

export interface EvaluationResult {
  document: MetricsDocument;
  /** The per-row predictions the metrics were computed from (what --predictions writes). */
  predictions: Predictions;
}

/**
 * Evaluates the model file on the data file: loads both, binds inputs, runs batches, interprets the outputs,
 * computes the metrics (and slices), writes `options.predictions` when given, and returns the metrics document and
 * the predictions. Every problem is a ModelguardError ("usage", "input", "model" or "io").
 *
 * Example: const { document } = await evaluateModel({ model: "fixtures/models/wine_softmax.onnx",
 *   data: "fixtures/datasets/wine/test.csv", target: "cultivar" }); document.metrics.accuracy -> 0.736
 */
export async function evaluateModel(options: EvaluateOptions): Promise<EvaluationResult> {
  const [result] = await evaluateModels([options.model], options);
  if (options.predictions !== undefined) writePredictionsCsv(options.predictions, result!.predictions);
  return result!;
}

/**
 * evaluateModel for several models on the same data file, read once: the columns any model needs are loaded into
 * one Table and every model runs on it in turn (what a paired comparison needs; reading a 1M-row CSV costs more than
 * running a small model on it). Results are in `models` order; `options.model` and `options.predictions` are ignored.
 */
export async function evaluateModels(
  models: readonly string[],
  options: Omit<EvaluateOptions, "model" | "predictions">,
): Promise<EvaluationResult[]> {
  const started = performance.now();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const minSliceSize = options.minSliceSize ?? DEFAULT_MIN_SLICE_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new ModelguardError(
      "usage",
      `--batch-size must be a positive integer, got ${batchSize}`,
      "e.g. --batch-size 16384",
    );
  if (!Number.isInteger(minSliceSize) || minSliceSize < 0)
    throw new ModelguardError(
      "usage",
      `--min-slice-size must be an integer >= 0, got ${minSliceSize}`,
      "e.g. --min-slice-size 30",
    );
  const opened: OnnxModel[] = [];
  try {
    for (const path of models) opened.push(await loadOnnxModel(path));
    const selections = opened.map((model) => selectOutputs(model, options.outputName));
    const columnNames = await readColumnNames(options.data, options.load);
    for (const [flag, name] of [
      ["--target", options.target],
      ["--slice-by", options.sliceBy],
    ] as const) {
      if (name !== undefined && !columnNames.includes(name))
        throw new ModelguardError(
          "input",
          `${options.data}: ${flag === "--target" ? "target" : "slice"} column '${name}' not found; its columns: ${columnNames.join(", ")}`,
          `pass the name of a column of the data file with ${flag}`,
          { file: options.data, column: name },
        );
    }
    const plans = opened.map((model) =>
      bindInputs(model, columnNames, {
        dataPath: options.data,
        target: options.target,
        features: options.features,
        inputName: options.inputName,
      }),
    );
    const needed = new Set<string>([options.target]);
    if (options.sliceBy !== undefined) needed.add(options.sliceBy);
    for (const plan of plans)
      for (const b of plan.bindings) for (const c of b.kind === "matrix" ? b.features : [b.column]) needed.add(c);
    const [table, dataSha256] = await allInOrder([
      loadTable(options.data, { ...options.load, columns: [...needed] }),
      sha256Dataset(options.data),
    ]);
    const loaded = performance.now() - started;
    // The models run side by side: while one's batches are in onnxruntime's threads, this thread interprets and
    // scores the other's outputs.
    const evaluateOne = async (m: number): Promise<EvaluationResult> => {
      const modelStarted = performance.now();
      const model = opened[m]!;
      const computed = await evaluateTable(model, table, {
        plan: plans[m]!,
        selection: selections[m]!,
        target: options.target,
        task: options.task ?? "auto",
        positiveLabel: options.positiveLabel,
        sliceBy: options.sliceBy,
        minSliceSize,
        batchSize,
      });
      const { predictions, ...metricParts } = computed;
      const document: MetricsDocument = {
        kind: "modelguard.metrics",
        version: 1,
        task: metricParts.task,
        model: { path: models[m]!, sha256: model.sha256, bytes: model.bytes },
        data: { path: options.data, sha256: dataSha256, rows: table.rowCount },
        target: options.target,
        ...(metricParts.positive_label !== undefined ? { positive_label: metricParts.positive_label } : {}),
        ...(metricParts.classes ? { classes: metricParts.classes } : {}),
        metrics: metricParts.metrics,
        ...(metricParts.per_class ? { per_class: metricParts.per_class } : {}),
        ...(metricParts.confusion_matrix ? { confusion_matrix: metricParts.confusion_matrix } : {}),
        ...(metricParts.slices ? { slices: metricParts.slices } : {}),
        notes: metricParts.notes,
        // Reading the data is shared: each model's duration counts it once, plus its own run and metrics.
        duration_ms: Math.round(loaded + performance.now() - modelStarted),
      };
      return { document, predictions };
    };
    return await allInOrder(opened.map((_, m) => evaluateOne(m)));
  } finally {
    for (const model of opened) await model.session.release();
  }
}

export interface EvaluateTableOptions {
  plan: InputPlan;
  selection: OutputSelection;
  target: string;
  task: TaskOption;
  positiveLabel?: string;
  sliceBy?: string;
  minSliceSize: number;
  batchSize: number;
}

/**
 * The in-memory part of evaluateModel, for a model and a Table already loaded: run, interpret, score. What a
 * benchmark times against a bare `session.run`.
 */
export async function evaluateTable(
  model: OnnxModel,
  table: Table,
  options: EvaluateTableOptions,
): Promise<ComputedMetrics & { predictions: Predictions }> {
  if (table.rowCount === 0)
    throw new ModelguardError("input", `${table.source}: no data rows to evaluate`, "evaluate on a file with rows", {
      file: table.source,
    });
  const target = getColumn(table, options.target);
  if (!target)
    throw new ModelguardError(
      "input",
      `${table.source}: target column '${options.target}' not found; its columns: ${table.columns.map((c) => c.name).join(", ")}`,
      "pass the name of a column of the data file with --target",
      { file: table.source, column: options.target },
    );
  const outputs = await predictTable(model, table, options.plan, options.selection, options.batchSize);
  const fed = options.plan.bindings.flatMap((b) => (b.kind === "matrix" ? b.features : [b.column]));
  const { predictions, notes } = interpretOutputs({
    model,
    table,
    target,
    selection: options.selection,
    outputs,
    task: options.task,
    positiveLabel: options.positiveLabel,
    missingFeatures: (row) => fed.filter((name) => isMissing(getColumn(table, name)!, row)),
  });
  const sliceColumn = options.sliceBy === undefined ? undefined : getColumn(table, options.sliceBy);
  if (options.sliceBy !== undefined && !sliceColumn)
    throw new ModelguardError(
      "input",
      `${table.source}: slice column '${options.sliceBy}' not found`,
      "check --slice-by",
      {
        file: table.source,
        column: options.sliceBy,
      },
    );
  const computed = computeMetrics(
    predictions,
    sliceColumn ? { column: sliceColumn, minSize: options.minSliceSize } : undefined,
  );
  return { ...computed, notes: [...notes, ...computed.notes], predictions };
}

/**
 * Runs the model over every row of the table in batches and returns the selected outputs gathered over all rows
 * (no interpretation): the inference path alone.
 */
export async function predictTable(
  model: OnnxModel,
  table: Table,
  plan: InputPlan,
  selection: OutputSelection,
  batchSize: number = DEFAULT_BATCH_SIZE,
): Promise<Map<string, GatheredOutput>> {
  const batchRows = Math.min(batchSize, table.rowCount);
  const capacity = plan.fixedBatch ?? Math.max(batchRows, MIN_BATCH_ROWS);
  const feeders = createBatchFeeders(plan.bindings, table, capacity, model.Tensor);
  const names = selection.kind === "pair" ? [selection.label, selection.probabilities] : [selection.name];
  return runBatches(model.session, feeders, names, {
    rowCount: table.rowCount,
    batchRows,
    ...(plan.fixedBatch !== undefined ? { fixedBatch: plan.fixedBatch } : { minRows: MIN_BATCH_ROWS }),
    modelPath: model.path,
  });
}
