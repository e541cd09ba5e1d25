import type { EvaluationTask, Predictions } from "../model/evaluate/predictions.js";
import { ClassLabels, sortLabels } from "../model/evaluate/classLabels.js";

/**
 * Joined production rows: each a prediction and the label that came for it, columnar. Classification predictions and
 * labels are class labels as text (null: the event had no prediction); `probability` is the positive class's
 * probability of a binary classifier (NaN: none). Regression predictions and labels are numbers as text.
 */
export interface LabelledRows {
  length: number;
  label: ArrayLike<string>;
  prediction: ArrayLike<string | null>;
  probability: ArrayLike<number>;
}

/** What production's metrics.json says of the task: its task, classes and positive label (when it has them). */
export interface TaskSpec {
  task: EvaluationTask;
  classes?: readonly string[];
  positiveLabel?: string;
}

export interface LabelledPredictions {
  predictions: Predictions;
  /** Rows left out: no usable prediction (neither a label nor a probability), or not a number for regression. */
  unusable: number;
}

/**
 * The rows as `evaluate`'s Predictions, so realized metrics run through the very code `evaluate` does. Classes are
 * production's classes plus any other label or prediction seen, sorted as scikit-learn sorts `classes_`; a binary
 * task keeps production's positive label (else "1", as `evaluate --positive-label`). A binary row without a predicted
 * label is predicted from its probability (the argmax of [1 - p, p], ties to the lower index, as evaluate does), and
 * class probabilities are given only when every row has one. Null when no row is usable.
 */
export function labelledPredictions(rows: LabelledRows, spec: TaskSpec): LabelledPredictions | null {
  return spec.task === "regression" ? regressionRows(rows) : classificationRows(rows, spec);
}

function regressionRows(rows: LabelledRows): LabelledPredictions | null {
  const yTrue: number[] = [];
  const yPred: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const p = rows.prediction[i];
    const t = Number(rows.label[i]);
    const y = p === null || p === undefined || p.trim() === "" ? NaN : Number(p);
    if (!Number.isFinite(t) || !Number.isFinite(y) || rows.label[i]!.trim() === "") continue;
    yTrue.push(t);
    yPred.push(y);
  }
  if (yTrue.length === 0) return null;
  return {
    predictions: {
      task: "regression",
      rowCount: yTrue.length,
      yTrue: Float64Array.from(yTrue),
      yPred: Float64Array.from(yPred),
    },
    unusable: rows.length - yTrue.length,
  };
}

function classificationRows(rows: LabelledRows, spec: TaskSpec): LabelledPredictions | null {
  const binary = spec.task === "binary";
  const positive = spec.positiveLabel ?? "1";
  const known = new ClassLabels(spec.classes ?? []);
  const seen = new Set<string>(spec.classes ?? []);
  if (binary) seen.add(positive);
  const textOf = (s: string) => {
    // "1.0" and "1" are one class, as in evaluate: the text production's classes name it by.
    const k = known.indexOf(s);
    return k >= 0 ? spec.classes![k]! : s;
  };
  for (let i = 0; i < rows.length; i++) {
    seen.add(textOf(rows.label[i]!));
    const p = rows.prediction[i];
    if (p !== null && p !== undefined) seen.add(textOf(p));
  }
  // A binary model whose window shows one class only still has two: the other is production's, or "not positive".
  if (binary && seen.size < 2) seen.add(positive === "0" ? "1" : "0");
  const classes = sortLabels(seen);
  const labels = new ClassLabels(classes);
  const positiveIndex = binary ? labels.indexOf(positive) : undefined;
  const twoClasses = binary && classes.length === 2;
  let allProba = twoClasses;
  const keep: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const p = rows.prediction[i];
    const q = rows.probability[i]!;
    const hasProba = q >= 0 && q <= 1;
    if ((p === null || p === undefined) && !(twoClasses && hasProba)) continue;
    if (!hasProba) allProba = false;
    keep.push(i);
  }
  if (keep.length === 0) return null;
  const n = keep.length;
  const yTrue = new Int32Array(n);
  const yPred = new Int32Array(n);
  const proba = allProba ? new Float64Array(n * 2) : undefined;
  for (let j = 0; j < n; j++) {
    const i = keep[j]!;
    yTrue[j] = labels.indexOf(textOf(rows.label[i]!));
    const p = rows.prediction[i];
    const q = rows.probability[i]!;
    if (proba) {
      proba[j * 2 + positiveIndex!] = q;
      proba[j * 2 + 1 - positiveIndex!] = 1 - q;
    }
    if (p !== null && p !== undefined) yPred[j] = labels.indexOf(textOf(p));
    else {
      // argmax of [1 - q, q] in class order, ties to the lower index.
      const other = 1 - positiveIndex!;
      const pPos = q;
      const pOther = 1 - q;
      yPred[j] = pPos > pOther || (pPos === pOther && positiveIndex! < other) ? positiveIndex! : other;
    }
  }
  return {
    predictions: {
      task: spec.task === "multiclass" || classes.length > 2 ? "multiclass" : "binary",
      rowCount: n,
      classes,
      ...(binary && classes.length === 2 ? { positiveIndex } : {}),
      yTrue,
      yPred,
      ...(proba ? { proba } : {}),
    },
    unusable: rows.length - n,
  };
}
