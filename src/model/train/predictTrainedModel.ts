import type { Table } from "../../data/table.js";
import { designMatrix } from "./designMatrix.js";
import type { Preprocessor } from "./fitPreprocessor.js";
import { decisionFunction, type LinearModel } from "./linearModel.js";

export type TrainTask = "binary" | "multiclass" | "regression";

export interface TrainedPrediction {
  /** Classification: index into the classes, per row. */
  label?: Int32Array;
  /** Classification: row-major rows x classes (two columns for binary). */
  probabilities?: Float64Array;
  /** Regression. */
  value?: Float64Array;
  /** The linear outputs z (log-odds, class scores, or the regression value): rows x model.outputs. */
  decision: Float64Array;
}

/**
 * Predictions in float64 from a design matrix, with the ONNX graph's rules: binary label = (z > 0) (scikit-learn's
 * `predict`), probabilities [sigmoid(-z), sigmoid(z)]; multiclass label = first argmax of z, probabilities
 * softmax(z); regression value = z.
 */
export function predictFromDesign(
  task: TrainTask,
  model: LinearModel,
  X: Float64Array,
  rows: number,
): TrainedPrediction {
  const decision = decisionFunction(model, X, rows);
  if (task === "regression") return { value: decision, decision };
  if (task === "binary") {
    const label = new Int32Array(rows);
    const probabilities = new Float64Array(rows * 2);
    for (let i = 0; i < rows; i++) {
      const z = decision[i]!;
      label[i] = z > 0 ? 1 : 0;
      probabilities[2 * i] = 1 / (1 + Math.exp(z));
      probabilities[2 * i + 1] = 1 / (1 + Math.exp(-z));
    }
    return { label, probabilities, decision };
  }
  const K = model.outputs;
  const label = new Int32Array(rows);
  const probabilities = new Float64Array(rows * K);
  for (let i = 0; i < rows; i++) {
    let best = 0;
    for (let k = 1; k < K; k++) if (decision[i * K + k]! > decision[i * K + best]!) best = k;
    label[i] = best;
    const max = decision[i * K + best]!;
    let sum = 0;
    for (let k = 0; k < K; k++) sum += Math.exp(decision[i * K + k]! - max);
    for (let k = 0; k < K; k++) probabilities[i * K + k] = Math.exp(decision[i * K + k]! - max) / sum;
  }
  return { label, probabilities, decision };
}

/** Predictions for every row of a table (same columns as in training; extra columns are ignored). */
export function predictTrainedModel(
  trained: { task: TrainTask; preprocessor: Preprocessor; model: LinearModel },
  table: Table,
): TrainedPrediction {
  const X = designMatrix(trained.preprocessor, table);
  return predictFromDesign(trained.task, trained.model, X, table.rowCount);
}
