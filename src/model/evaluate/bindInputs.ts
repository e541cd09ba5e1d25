import type { InferenceSession } from "onnxruntime-node";
import { ModelguardError } from "../../errors.js";
import { describeModelValue, metadataLabels, type OnnxModel } from "./loadOnnxModel.js";

/** Where the columns of a feature-matrix input came from, for messages. */
export type FeatureSource = "--features" | "metadata feature_names" | "file order";

/** Convention 1: one float32/float64 input [N, F] fed the feature columns in order. */
export interface MatrixBinding {
  kind: "matrix";
  input: string;
  type: "float32" | "float64";
  features: string[];
  source: FeatureSource;
}

/** Convention 2: an input named like a data column, fed that column as [N, 1] (or [N] when the input is 1-D). */
export interface ColumnBinding {
  kind: "column";
  input: string;
  type: "float32" | "float64" | "int64" | "string";
  column: string;
  /** The input is declared 1-D, [N]. */
  flat: boolean;
}

export type InputBinding = MatrixBinding | ColumnBinding;

export interface InputPlan {
  bindings: InputBinding[];
  /** The batch size the model's inputs fix (a number as first dimension), if any: batches are padded to it. */
  fixedBatch?: number;
}

export interface BindInputsOptions {
  /** The data file, for messages. */
  dataPath: string;
  target: string;
  /** `--features`: the columns of the feature-matrix input, in order. */
  features?: string[];
  /** `--input-name`: the model input that takes the feature matrix. */
  inputName?: string;
}

const COLUMN_TYPES = new Set(["float32", "float64", "int64", "string"]);
const CONVENTIONS =
  "modelguard feeds either (1) ONE float or double input [N, F] with the feature columns (from --features, the " +
  "model's feature_names metadata, or every non-target column in file order), or (2) one input per data column, " +
  "named like the column, of type float, double, int64 or string and shape [N, 1]";

/**
 * Decides which data columns feed which model inputs, from the column names alone (so nothing is loaded before the
 * model and the data are known to fit). The conventions, in order:
 *
 * - `--input-name X`: X takes the feature matrix; every other input must be named like a data column (convention 2).
 * - One input: a float/double input takes the feature matrix, unless it is named like a (non-target) data column,
 *   has a single column ([N] or [N, 1]) and no `--features` or `feature_names` metadata says otherwise; an int64 or
 *   string input named like a column takes that column.
 * - Several inputs: all must be named like data columns, one column each (skl2onnx's DataFrame convention). A
 *   model that mixes a feature-matrix input with per-column inputs needs `--input-name` (guessing which input
 *   takes the matrix would silently feed it the leftover columns when a column is missing from the file).
 *
 * The feature matrix's columns are `--features`, else the metadata `feature_names` (JSON array), else every column but
 * the target and the columns fed to their own inputs, in file order. Errors: a named column missing from the file
 * ("input", listing the columns), the target used as a feature or `--features` given to a per-column model ("usage"),
 * a feature count that differs from the input's declared width, or inputs no convention fits ("model", listing the
 * model's inputs and the conventions).
 *
 * Example: bindInputs(wineSoftmax, ["alcohol", ..., "proline", "cultivar"], { target: "cultivar", ... })
 *   -> { bindings: [{ kind: "matrix", input: "features", type: "float32", features: ["alcohol", ..., "proline"],
 *        source: "file order" }] }
 */
export function bindInputs(model: OnnxModel, columnNames: readonly string[], options: BindInputsOptions): InputPlan {
  const { target, dataPath } = options;
  const inFile = new Set(columnNames);
  const isColumn = (name: string) => inFile.has(name) && name !== target;
  const inputs = model.inputs;
  const fromMetadata = metadataLabels(model, "feature_names");
  const tensorType = (v: InferenceSession.ValueMetadata) => (v.isTensor ? v.type : "non-tensor");
  const isFloat = (v: InferenceSession.ValueMetadata) => tensorType(v) === "float32" || tensorType(v) === "float64";

  let matrix: InferenceSession.ValueMetadata | undefined;
  let perColumn: InferenceSession.ValueMetadata[];
  if (options.inputName !== undefined) {
    matrix = inputs.find((v) => v.name === options.inputName);
    if (!matrix)
      throw new ModelguardError(
        "usage",
        `--input-name '${options.inputName}' is not an input of ${model.path}; its inputs: ${inputs.map(describeModelValue).join(", ")}`,
        "pass one of the model's input names, or leave --input-name out",
      );
    perColumn = inputs.filter((v) => v !== matrix);
  } else if (inputs.length === 1) {
    const only = inputs[0]!;
    const single = only.isTensor && (only.shape.length === 1 || (only.shape.length === 2 && !isWide(only.shape[1]!)));
    const columnInput =
      isColumn(only.name) && (!isFloat(only) || (single && options.features === undefined && !fromMetadata));
    matrix = columnInput ? undefined : only;
    perColumn = columnInput ? [only] : [];
  } else {
    const others = inputs.filter((v) => !isColumn(v.name));
    if (others.length > 0) throw unsupported(model, dataPath, others);
    perColumn = [...inputs];
  }

  const missingColumns = perColumn.filter((v) => !isColumn(v.name));
  if (missingColumns.length > 0) throw unsupported(model, dataPath, missingColumns);
  if (matrix && !isFloat(matrix)) throw unsupported(model, dataPath, [matrix]);
  if (!matrix && options.features !== undefined)
    throw new ModelguardError(
      "usage",
      `--features applies to a model with one feature-matrix input, but ${model.path} takes one input per column: ` +
        perColumn.map((v) => v.name).join(", "),
      "leave --features out: each input is fed the data column of its name",
    );

  const bindings: InputBinding[] = [];
  for (const v of perColumn) {
    const type = tensorType(v);
    const rank = v.isTensor ? v.shape.length : 0;
    const width = v.isTensor && rank === 2 ? v.shape[1]! : 1;
    if (!COLUMN_TYPES.has(type) || rank > 2 || isWide(width)) throw unsupported(model, dataPath, [v]);
    bindings.push({
      kind: "column",
      input: v.name,
      type: type as ColumnBinding["type"],
      column: v.name,
      flat: rank === 1,
    });
  }
  if (matrix) {
    const fed = new Set(perColumn.map((v) => v.name));
    const source: FeatureSource =
      options.features !== undefined ? "--features" : fromMetadata ? "metadata feature_names" : "file order";
    const features =
      options.features ?? fromMetadata ?? columnNames.filter((name) => name !== target && !fed.has(name));
    checkFeatures(model, matrix, features, source, options, columnNames);
    bindings.unshift({
      kind: "matrix",
      input: matrix.name,
      type: tensorType(matrix) as MatrixBinding["type"],
      features,
      source,
    });
  }

  const batchDims = inputs.flatMap((v) => (v.isTensor && typeof v.shape[0] === "number" ? [v.shape[0]] : []));
  const fixedBatch = batchDims[0];
  if (fixedBatch !== undefined && (fixedBatch < 1 || batchDims.some((d) => d !== fixedBatch)))
    throw unsupported(model, dataPath, inputs);
  return fixedBatch === undefined ? { bindings } : { bindings, fixedBatch };
}

/** A declared dimension that is a number other than 1. */
function isWide(dim: number | string): boolean {
  return typeof dim === "number" && dim !== 1;
}

function checkFeatures(
  model: OnnxModel,
  input: InferenceSession.ValueMetadata,
  features: string[],
  source: FeatureSource,
  options: BindInputsOptions,
  columnNames: readonly string[],
): void {
  const { dataPath, target } = options;
  const seen = new Set<string>();
  for (const f of features) {
    if (seen.has(f))
      throw new ModelguardError(
        source === "--features" ? "usage" : "model",
        `feature '${f}' is listed twice (${source})`,
        "list each feature column once, in the order the model was trained on",
      );
    seen.add(f);
  }
  if (seen.has(target))
    throw new ModelguardError(
      "usage",
      `the target column '${target}' is also a feature (${source})`,
      "a model must not see its own label: remove the target from the features, or pass the right --target",
    );
  const absent = features.filter((f) => !columnNames.includes(f));
  if (absent.length > 0)
    throw new ModelguardError(
      "input",
      `${dataPath}: feature column${absent.length > 1 ? "s" : ""} ${absent.map((f) => `'${f}'`).join(", ")} ` +
        `(${source}) not in the file; its columns: ${columnNames.join(", ")}`,
      source === "--features"
        ? "check the names passed to --features"
        : "evaluate on data with the columns the model was trained on, or pass --features",
      { file: dataPath, column: absent[0]! },
    );
  if (features.length === 0)
    throw new ModelguardError(
      "usage",
      `no feature columns to feed the model's input '${input.name}': ${dataPath} has only the target column`,
      "pass --features, or evaluate on a file with feature columns",
    );
  const shape = input.isTensor ? input.shape : [];
  if (shape.length !== 0 && shape.length !== 2) throw unsupported(model, dataPath, [input]);
  const expected = shape[1];
  if (typeof expected === "number" && expected !== features.length) {
    const origin = source === "file order" ? `every non-target column of ${dataPath}, in file order` : `from ${source}`;
    throw new ModelguardError(
      "model",
      `${model.path}: input '${input.name}' expects ${expected} features but ${features.length} were given ` +
        `(${origin}): ${features.join(", ")}`,
      `pass --features with the model's ${expected} feature columns in training order, ` +
        "or store them in the model's metadata as feature_names (a JSON array)",
      { file: model.path },
    );
  }
}

function unsupported(
  model: OnnxModel,
  dataPath: string,
  culprits: readonly InferenceSession.ValueMetadata[],
): ModelguardError {
  return new ModelguardError(
    "model",
    `${model.path}: cannot feed the model's inputs ${model.inputs.map(describeModelValue).join(", ")} ` +
      `(${culprits.map((v) => v.name).join(", ")} fit no convention with the columns of ${dataPath}). ${CONVENTIONS}`,
    "re-export the model with one of these input layouts, or pass --input-name to name the feature-matrix input",
    { file: model.path },
  );
}
