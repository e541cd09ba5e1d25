/**
 * What a model predicted for each row of the evaluation data, in data-file order (index i is data row i, 0-based,
 * header excluded). `evaluateModel` returns it next to the metrics document so later steps (the paired comparison of
 * two models on the same rows) need not re-read the predictions CSV.
 */
export type EvaluationTask = "binary" | "multiclass" | "regression";

export interface ClassificationPredictions {
  task: "binary" | "multiclass";
  rowCount: number;
  /** Class labels as text; index k is column k of `proba`. */
  classes: string[];
  /** Binary only: index into `classes` of the positive class (`--positive-label`, default 1). */
  positiveIndex?: number;
  /** True class of each row, an index into `classes`. */
  yTrue: Int32Array;
  /** Predicted class of each row: the model's label output, else the argmax of `proba` (ties to the lower index). */
  yPred: Int32Array;
  /** Row-major [N, C] class probabilities; absent when the model outputs labels only. */
  proba?: Float64Array;
}

export interface RegressionPredictions {
  task: "regression";
  rowCount: number;
  yTrue: Float64Array;
  yPred: Float64Array;
}

export type Predictions = ClassificationPredictions | RegressionPredictions;
