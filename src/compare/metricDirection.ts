import type { MetricDirection } from "./comparisonResult.js";

/** Which way is better for every built-in metric. */
export const METRIC_DIRECTIONS: Readonly<Record<string, MetricDirection>> = {
  accuracy: "higher",
  balanced_accuracy: "higher",
  precision: "higher",
  recall: "higher",
  f1: "higher",
  precision_macro: "higher",
  recall_macro: "higher",
  f1_macro: "higher",
  f1_weighted: "higher",
  roc_auc: "higher",
  pr_auc: "higher",
  r2: "higher",
  log_loss: "lower",
  brier: "lower",
  ece: "lower",
  mse: "lower",
  rmse: "lower",
  mae: "lower",
  mape: "lower",
  median_ae: "lower",
};

/** Metrics shown in a comparison even when not gated, per task. */
export const DEFAULT_COMPARED_METRICS: Readonly<Record<"binary" | "multiclass" | "regression", readonly string[]>> = {
  binary: ["accuracy", "balanced_accuracy", "f1", "roc_auc", "pr_auc", "log_loss", "brier"],
  multiclass: ["accuracy", "balanced_accuracy", "f1_macro", "f1_weighted", "roc_auc", "log_loss"],
  regression: ["rmse", "mae", "r2", "mape"],
};

/** Every classification metric, in the order comparisons list them. */
const CLASSIFICATION_METRICS = [
  "accuracy",
  "balanced_accuracy",
  "precision",
  "recall",
  "f1",
  "precision_macro",
  "recall_macro",
  "f1_macro",
  "f1_weighted",
  "roc_auc",
  "pr_auc",
  "log_loss",
  "brier",
  "ece",
] as const;
/** Of the positive class, so binary only. */
const BINARY_ONLY: ReadonlySet<string> = new Set(["precision", "recall", "f1", "brier"]);

/**
 * Every built-in metric a task can have (src/model/metrics), the one list the gates and the resampling read. A metric
 * of the list may still be missing for one model (roc_auc without probabilities).
 */
export const TASK_METRICS: Readonly<Record<"binary" | "multiclass" | "regression", readonly string[]>> = {
  binary: CLASSIFICATION_METRICS,
  multiclass: CLASSIFICATION_METRICS.filter((m) => !BINARY_ONLY.has(m)),
  regression: ["mse", "rmse", "mae", "r2", "mape", "median_ae"],
};
