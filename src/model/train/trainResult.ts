import type { BuiltinTrainer, TrainedModel, TrainTask } from "./trainBuiltin.js";

/**
 * What `modelguard train --builtin` reports (JSON with --json, and written next to the model): enough to know what
 * was trained on what, and to find the exact file again by its sha256.
 */
export interface TrainResult {
  model: { path: string; sha256: string; bytes: number };
  trainer: BuiltinTrainer;
  task: TrainTask;
  target: string;
  features: string[];
  categorical: string[];
  classes?: string[];
  /** Training rows used. */
  rows: number;
  /** Rows dropped because the target is missing. */
  dropped_rows: number;
  l2: number;
  seed: number;
  /** L-BFGS steps; 0 for ridge (closed form). */
  iterations: number;
  converged: boolean;
  /** Computed in JavaScript on the training rows. */
  train_metrics: { accuracy: number } | { r2: number };
}

export function toTrainResult(m: TrainedModel, model: TrainResult["model"]): TrainResult {
  return {
    model,
    trainer: m.trainer,
    task: m.task,
    target: m.target,
    features: m.features,
    categorical: m.categorical,
    ...(m.classes ? { classes: m.classes } : {}),
    rows: m.rows,
    dropped_rows: m.droppedRows,
    l2: m.l2,
    seed: m.seed,
    iterations: m.iterations,
    converged: m.converged,
    train_metrics: m.trainMetrics,
  };
}
