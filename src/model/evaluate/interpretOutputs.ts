import type { Column, Table } from "../../data/table.js";
import { ModelguardError } from "../../errors.js";
import { argmaxRows } from "../metrics/argmaxRows.js";
import { liftBinaryProba } from "../metrics/liftBinaryProba.js";
import type { MetricNote } from "../metrics/metricNote.js";
import { ClassLabels, distinctTargetTexts, sortLabels, targetClassIndices, targetValues } from "./classLabels.js";
import { metadataLabels, type OnnxModel } from "./loadOnnxModel.js";
import type { Predictions } from "./predictions.js";
import type { FloatOutput, GatheredOutput, LabelOutput } from "./runBatches.js";
import type { OutputSelection } from "./selectOutputs.js";

export type TaskOption = "auto" | "binary" | "multiclass" | "regression";

export interface InterpretOptions {
  model: OnnxModel;
  table: Table;
  target: Column;
  selection: OutputSelection;
  outputs: ReadonlyMap<string, GatheredOutput>;
  task: TaskOption;
  positiveLabel?: string;
  /** The feature columns that are missing in a row, to explain a NaN output. */
  missingFeatures(row: number): string[];
}

export interface Interpretation {
  predictions: Predictions;
  notes: MetricNote[];
}

/** Probabilities this far outside [0, 1] (float rounding in the model) are clipped; further is an error. */
const PROBABILITY_SLACK = 1e-6;

/**
 * Turns the gathered model outputs into predictions, following the output conventions:
 *
 * - class probabilities [N, C] (C >= 2): classification over C classes; predicted class = argmax (ties to the lower
 *   index) unless a label output is paired with them (skl2onnx's `label` + `probabilities`), whose labels win.
 * - a single value [N] or [N, 1]: with task binary, or auto when the model declares classes (metadata `classes` or
 *   a classifier node) or the target has at most 2 distinct integer values and every output lies in [0, 1], it is
 *   the probability of classes[1] (predicted class 1 when p > 0.5); otherwise a regression value (needs a numeric
 *   target).
 * - labels only ([N] int64/int32/string): classification without probabilities (the metrics' notes say why the
 *   probability metrics are missing).
 *
 * Classes are the metadata `classes` (JSON array), else the labels of the model's classifier node, else the sorted
 * distinct target values (numerically when all are numbers, scikit-learn's `classes_` order), joined by the
 * distinct predicted labels of a labels-only output. Target values map to classes by their text (or equal numeric
 * value); an integer label output may hold labels or class indices, see labelMode.
 * Probabilities that are NaN (usually from missing feature values) or outside [0, 1] (scores, not probabilities) are
 * "model" errors naming the row.
 */
export function interpretOutputs(options: InterpretOptions): Interpretation {
  const { model, selection, outputs, task } = options;
  const notes: MetricNote[] = [];
  let labels: LabelOutput | undefined;
  let scores: FloatOutput | undefined;
  if (selection.kind === "pair") {
    const l = outputs.get(selection.label)!;
    const p = outputs.get(selection.probabilities)!;
    if (l.kind !== "labels" || p.kind !== "float") throw new Error("pair outputs have the wrong kinds");
    labels = l;
    scores = p;
  } else {
    const o = outputs.get(selection.name)!;
    if (o.kind === "labels") labels = o;
    else scores = o;
  }
  if (scores && scores.rowDims.length > 1 && scores.width > 1)
    throw new ModelguardError(
      "model",
      `${model.path}: output '${scores.name}' has shape [N, ${scores.rowDims.join(", ")}]; modelguard reads ` +
        "probabilities [N, C], a single value [N] or [N, 1], or labels [N]",
      "pick another output with --output-name, or reshape the model's output",
      { file: model.path },
    );

  const declared = metadataLabels(model, "classes") ?? model.classifierLabels;
  const declaredOrigin = metadataLabels(model, "classes") ? "from the model's metadata" : "from the model's classifier";
  const matrix = scores !== undefined && scores.width >= 2 ? scores : undefined;
  const single = scores !== undefined && scores.width === 1 ? scores : undefined;

  // Which task?
  let regression: boolean;
  if (task === "regression") {
    if (!single || labels)
      throw new ModelguardError(
        "usage",
        `--task regression needs one continuous output, but ${model.path}'s ${describeSelection(selection, outputs)}`,
        "pass --task auto (or binary/multiclass), or pick a single-value output with --output-name",
      );
    regression = true;
  } else if (task === "binary" || task === "multiclass") {
    regression = false;
  } else if (matrix || labels) {
    regression = false;
  } else {
    regression = !declared && !looksBinary(options.target, options.table.rowCount, single!.values);
  }

  if (regression) {
    const yTrue = targetValues(options.table, options.target);
    const yPred = single!.values;
    checkFinite(options, single!, yPred, 1, "a regression value");
    if (options.positiveLabel !== undefined)
      throw new ModelguardError("usage", "--positive-label applies to binary classification only", "leave it out");
    return { predictions: { task: "regression", rowCount: yTrue.length, yTrue, yPred }, notes };
  }

  // Classification: classes, then target indices, predicted indices and probabilities.
  const fromData = declared === undefined;
  const predictedLabels = labels && !scores ? labels.dictionary : [];
  const classList =
    declared ?? sortLabels([...distinctTargetTexts(options.target, options.table.rowCount), ...predictedLabels]);
  const origin = fromData ? "the distinct target values" : declaredOrigin;
  const classes = new ClassLabels(classList);
  const c = classList.length;
  if (matrix && matrix.width !== c)
    throw new ModelguardError(
      "model",
      `${model.path}: output '${matrix.name}' has ${matrix.width} probability columns but there are ${c} classes ` +
        `(${origin}: ${classList.join(", ")})`,
      fromData
        ? "store the model's class labels, in the order of its probability columns, in its metadata as classes " +
            "(a JSON array); the test data may lack a class"
        : "the model's classes metadata must list one label per probability column",
      { file: model.path },
    );
  if (c < 2)
    throw new ModelguardError(
      "input",
      `${options.table.source}: only one class (${classList.join(", ")}) in the target '${options.target.name}' ` +
        "and the model declares no classes",
      "evaluate on data with both classes, or store the class labels in the model's metadata as classes",
      { file: options.table.source, column: options.target.name },
    );
  if (single && c !== 2)
    throw new ModelguardError(
      "model",
      `${model.path}: output '${single.name}' is a single value per row, but there are ${c} classes (${origin}: ` +
        `${classList.join(", ")}); a single probability is for binary classification`,
      "export the model with one probability column per class, or evaluate a binary target",
      { file: model.path },
    );
  const resolvedTask = c === 2 ? "binary" : "multiclass";
  if (task !== "auto" && task !== resolvedTask)
    throw new ModelguardError(
      "usage",
      `--task ${task} does not fit ${c} classes (${origin}: ${classList.join(", ")})`,
      `pass --task ${resolvedTask} or --task auto`,
    );

  const yTrue = targetClassIndices(options.table, options.target, classes, origin);
  let proba: Float64Array | undefined;
  let clipped = 0;
  if (matrix) {
    checkFinite(options, matrix, matrix.values, c, "a probability");
    clipped = checkProbabilities(options, matrix, c);
    proba = matrix.values;
  } else if (single) {
    checkFinite(options, single, single.values, 1, "a probability");
    clipped = checkProbabilities(options, single, 1);
    proba = liftBinaryProba(single.values, 1);
  }
  let yPred: Int32Array;
  if (labels) {
    const mode = labelMode(labels, classes, c, proba, model.metadata.has("modelguard_trainer"));
    const codeToClass = labels.dictionary.map((text, code) => {
      const k = mode === "text" ? classes.indexOf(text) : classIndexOf(text, c);
      if (k < 0) {
        const row = labels.codes.indexOf(code);
        throw new ModelguardError(
          "model",
          `${model.path}: output '${labels.name}' predicts '${text}' (row ${row}), which is not among the classes ` +
            `(${origin}: ${classList.join(", ")})`,
          "store the model's class labels in its metadata as classes (a JSON array), matching its label output",
          { file: model.path },
        );
      }
      return k;
    });
    // A plain loop: Int32Array.from with a mapping callback costs about 150 ms per million rows.
    yPred = new Int32Array(labels.codes.length);
    for (let i = 0; i < yPred.length; i++) yPred[i] = codeToClass[labels.codes[i]!]!;
    if (mode === "index")
      notes.push({ metric: "*", reason: `output '${labels.name}' holds class indices into classes, not labels` });
  } else {
    yPred = argmaxRows(proba!, c);
  }

  if (clipped > 0)
    notes.push({
      metric: "*",
      reason: `${clipped} probabilities within ${PROBABILITY_SLACK} outside [0, 1] (float rounding) were clipped`,
    });

  let positiveIndex: number | undefined;
  if (options.positiveLabel !== undefined) {
    if (c !== 2)
      throw new ModelguardError(
        "usage",
        `--positive-label applies to binary classification, but there are ${c} classes`,
        "leave --positive-label out for multiclass models",
      );
    positiveIndex = classes.indexOf(options.positiveLabel);
    if (positiveIndex < 0)
      throw new ModelguardError(
        "usage",
        `--positive-label '${options.positiveLabel}' is not one of the classes (${classList.join(", ")})`,
        "pass one of the class labels",
      );
  } else if (c === 2) positiveIndex = 1;

  return {
    predictions: {
      task: resolvedTask,
      rowCount: yTrue.length,
      classes: classList,
      ...(positiveIndex !== undefined ? { positiveIndex } : {}),
      yTrue,
      yPred,
      ...(proba ? { proba } : {}),
    },
    notes,
  };
}

/**
 * Whether an integer label output holds class labels ("text": skl2onnx's `label`, the values of `classes_`) or class
 * indices ("index": modelguard's trainer writes `ArgMax`, with the labels in the `classes` metadata). String labels
 * are text. With probabilities alongside, the reading that agrees with their argmax on more rows wins (ties: text);
 * a model made by modelguard's trainer (metadata `modelguard_trainer`) has indices; otherwise text when every
 * predicted value is a class, else indices when every value is one.
 */
function labelMode(
  labels: LabelOutput,
  classes: ClassLabels,
  c: number,
  proba: Float64Array | undefined,
  ourTrainer: boolean,
): "text" | "index" {
  if (labels.type === "string") return "text";
  if (ourTrainer) return "index";
  const byText = labels.dictionary.map((t) => classes.indexOf(t));
  const byIndex = labels.dictionary.map((t) => classIndexOf(t, c));
  if (proba) {
    const argmax = argmaxRows(proba, c);
    let text = 0;
    let index = 0;
    for (let i = 0; i < argmax.length; i++) {
      const code = labels.codes[i]!;
      if (byText[code] === argmax[i]) text++;
      if (byIndex[code] === argmax[i]) index++;
    }
    return index > text ? "index" : "text";
  }
  if (byText.every((k) => k >= 0)) return "text";
  return byIndex.every((k) => k >= 0) ? "index" : "text";
}

/** The class index an integer label's text names, or -1. Example: classIndexOf("2", 3) -> 2 */
function classIndexOf(text: string, c: number): number {
  const v = Number(text);
  return Number.isInteger(v) && v >= 0 && v < c ? v : -1;
}

/** Auto task for a single float output without declared classes: a 0/1-like target and outputs in [0, 1]. */
function looksBinary(target: Column, rowCount: number, values: Float64Array): boolean {
  if (target.kind === "numeric" && target.type !== "boolean") {
    const distinct = distinctTargetTexts(target, rowCount, 3);
    if (distinct.length > 2 || distinct.some((t) => !Number.isInteger(Number(t)))) return false;
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v >= 0 && v <= 1)) return false;
  }
  return true;
}

function describeSelection(selection: OutputSelection, outputs: ReadonlyMap<string, GatheredOutput>): string {
  if (selection.kind === "pair")
    return `outputs '${selection.label}' and '${selection.probabilities}' are classifier outputs`;
  const o = outputs.get(selection.name)!;
  return o.kind === "labels"
    ? `output '${o.name}' holds labels (${o.type})`
    : `output '${o.name}' has ${o.width} columns per row`;
}

function checkFinite(
  options: InterpretOptions,
  output: FloatOutput,
  values: Float64Array,
  width: number,
  what: string,
) {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) continue;
    const row = Math.floor(i / width);
    const missing = options.missingFeatures(row);
    throw new ModelguardError(
      "model",
      `${options.model.path}: output '${output.name}' is ${v} for data row ${row}, not ${what}` +
        (missing.length > 0 ? `; that row has missing values in ${missing.join(", ")}` : ""),
      missing.length > 0
        ? "the model does not handle missing values: impute them (as in training) or drop those rows"
        : "check the model on that row; its inputs may be outside the range it was trained on",
      { file: options.model.path, row },
    );
  }
}

/** Clips values within PROBABILITY_SLACK of [0, 1] and returns how many; anything further out is an error. */
function checkProbabilities(options: InterpretOptions, output: FloatOutput, width: number): number {
  const values = output.values;
  let clipped = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v >= 0 && v <= 1) continue;
    if (v >= -PROBABILITY_SLACK && v <= 1 + PROBABILITY_SLACK) {
      values[i] = v < 0 ? 0 : 1;
      clipped++;
      continue;
    }
    throw new ModelguardError(
      "model",
      `${options.model.path}: output '${output.name}' holds ${v} for data row ${Math.floor(i / width)}, ` +
        "not a probability in [0, 1] (scores or logits?)",
      "end the model with a Softmax (or Sigmoid) so it outputs probabilities, pick a label output with " +
        "--output-name, or pass --task regression for a regression model",
      { file: options.model.path },
    );
  }
  return clipped;
}
