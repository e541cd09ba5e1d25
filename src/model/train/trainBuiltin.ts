import { formatLocation, ModelguardError } from "../../errors.js";
import type { Column, Table } from "../../data/table.js";
import { columnLevels } from "./columnLevels.js";
import { designMatrix } from "./designMatrix.js";
import { fitLogisticRegression } from "./fitLogisticRegression.js";
import { fitPreprocessor, type Preprocessor } from "./fitPreprocessor.js";
import { fitRidge } from "./fitRidge.js";
import type { LinearModel } from "./linearModel.js";
import { predictFromDesign, type TrainTask } from "./predictTrainedModel.js";
import { resolveTrainColumns, type BuiltinTrainer, type TrainColumnChoice } from "./resolveTrainColumns.js";

export type { BuiltinTrainer } from "./resolveTrainColumns.js";
export type { TrainTask } from "./predictTrainedModel.js";

export const DEFAULT_L2 = 1;
/**
 * Cells of the design matrix (rows x columns) the built-in trainers fit in memory: 2^27 doubles are 1 GiB, and ridge
 * keeps a centred copy. A million rows of 100 features fit.
 */
export const MAX_DESIGN_CELLS = 2 ** 27;
/** Classes of a logistic regression target: more is an id or a continuous value read as labels. */
export const MAX_CLASSES = 1000;
export const DEFAULT_SEED = 0;

export interface TrainOptions extends TrainColumnChoice {
  /** L2 penalty: logistic C = 1 / l2, ridge alpha = l2. Must be > 0. Default 1. */
  l2?: number;
  /** Recorded for reproducibility; both trainers are deterministic and draw no random numbers. Default 0. */
  seed?: number;
}

export interface TrainedModel {
  trainer: BuiltinTrainer;
  task: TrainTask;
  target: string;
  /** Every feature, in order. */
  features: string[];
  /** The one-hot encoded ones, in feature order. */
  categorical: string[];
  /** Classification: class labels as text, in scikit-learn's classes_ order; `label` outputs index this. */
  classes?: string[];
  preprocessor: Preprocessor;
  model: LinearModel;
  /** Training rows used (rows with a target). */
  rows: number;
  /** Rows left out because their target is missing. */
  droppedRows: number;
  l2: number;
  seed: number;
  /** L-BFGS steps (0 for ridge, solved in closed form). */
  iterations: number;
  converged: boolean;
  /** Largest |gradient component| of the objective at the solution (0 for ridge). */
  maxAbsGradient: number;
  /** On the training rows: accuracy (classification) or r2 (regression). */
  trainMetrics: { accuracy: number } | { r2: number };
}

/**
 * Fits a built-in model on a table: preprocessing fitted on the training rows (see fitPreprocessor), then
 * L2-regularised logistic regression (fitLogisticRegression) or ridge regression (fitRidge). Pure: no files, no
 * clock, no randomness; the same table and options give the same coefficients bit for bit.
 *
 * Rows whose target is missing are dropped (and counted); a classification target can be of any type, its classes
 * sorted as scikit-learn sorts classes_.
 */
export function trainBuiltin(table: Table, options: TrainOptions): TrainedModel {
  const l2 = options.l2 ?? DEFAULT_L2;
  if (!Number.isFinite(l2) || l2 <= 0)
    throw new ModelguardError(
      "usage",
      `--l2 must be a finite number > 0, got ${l2}`,
      "It is the L2 penalty (logistic C = 1 / l2, ridge alpha = l2); 1 is a sound start.",
    );
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new ModelguardError("usage", `--seed must be a non-negative integer, got ${seed}`);
  const { target, features } = resolveTrainColumns(table, options);

  let rows: Int32Array;
  let classes: string[] | undefined;
  let classIndex: Int32Array | undefined;
  let values: Float64Array | undefined;
  if (options.trainer === "logistic") {
    const levels = columnLevels(target);
    classes = [...levels.labels];
    rows = rowsWhere(table.rowCount, (r) => levels.index[r]! >= 0);
    classIndex = Int32Array.from(rows, (r) => levels.index[r]!);
  } else {
    rows = rowsWhere(table.rowCount, (r) => hasNumber(target, r));
    values = Float64Array.from(rows, (r) => numberAt(table, target, r));
  }
  const droppedRows = table.rowCount - rows.length;
  if (rows.length === 0)
    throw new ModelguardError(
      "input",
      table.rowCount === 0
        ? `${table.source} has no data rows`
        : `no rows left to train on: the target '${target.name}' is missing in all ${table.rowCount} rows of ${table.source}`,
      "Train on a file with target values.",
      { file: table.source, column: target.name },
    );
  if (classes && classes.length < 2)
    throw new ModelguardError(
      "input",
      `the target '${target.name}' has a single class ('${classes[0]}') in the ${rows.length} training rows of ${table.source}`,
      "A classifier needs at least two classes: check the target column and the training split.",
      { file: table.source, column: target.name },
    );

  if (classes && classes.length > MAX_CLASSES)
    throw new ModelguardError(
      "input",
      `the target '${target.name}' has ${classes.length} classes in the ${rows.length} training rows of ${table.source}; --builtin logistic takes at most ${MAX_CLASSES}`,
      "A target with that many values is a number or an id: for a number, train --builtin linear (regression).",
      { file: table.source, column: target.name },
    );

  const preprocessor = fitPreprocessor(table, features, rows);
  if (rows.length * preprocessor.width > MAX_DESIGN_CELLS)
    throw new ModelguardError(
      "input",
      `${rows.length} training rows x ${preprocessor.width} model inputs of ${table.source} make a design matrix of ${rows.length * preprocessor.width} cells; the built-in trainers hold at most ${MAX_DESIGN_CELLS} (1 GiB)`,
      "Train on a sample of the rows, leave out features (--exclude, or one-hot columns with many levels), or train with your own command (train --run).",
      { file: table.source },
    );
  const X = designMatrix(preprocessor, table, rows);
  const n = rows.length;
  const p = preprocessor.width;
  const common = {
    trainer: options.trainer,
    target: target.name,
    features: features.map((f) => f.name),
    categorical: features.filter((f) => f.kind === "categorical").map((f) => f.name),
    preprocessor,
    rows: n,
    droppedRows,
    l2,
    seed,
  };
  if (classes && classIndex) {
    const task: TrainTask = classes.length === 2 ? "binary" : "multiclass";
    const fit = fitLogisticRegression(X, n, p, classIndex, classes.length, l2);
    const pred = predictFromDesign(task, fit.model, X, n);
    let correct = 0;
    for (let i = 0; i < n; i++) if (pred.label![i] === classIndex[i]) correct++;
    return {
      ...common,
      task,
      classes,
      model: fit.model,
      iterations: fit.iterations,
      converged: fit.converged,
      maxAbsGradient: fit.maxAbsGradient,
      trainMetrics: { accuracy: correct / n },
    };
  }
  let model: LinearModel;
  try {
    model = fitRidge(X, n, p, values!, l2);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw new ModelguardError(
      "input",
      `ridge regression on ${table.source} is numerically singular (${e.message})`,
      "Increase --l2, or remove features with extreme values.",
      { file: table.source },
    );
  }
  const pred = predictFromDesign("regression", model, X, n);
  return {
    ...common,
    task: "regression",
    model,
    iterations: 0,
    converged: true,
    maxAbsGradient: 0,
    trainMetrics: { r2: r2Score(values!, pred.value!) },
  };
}

function rowsWhere(count: number, keep: (row: number) => boolean): Int32Array {
  const out: number[] = [];
  for (let r = 0; r < count; r++) if (keep(r)) out.push(r);
  return Int32Array.from(out);
}

function hasNumber(c: Column, r: number): boolean {
  return c.kind === "numeric" && c.valid[r] === 1 && !Number.isNaN(c.values[r]!);
}

function numberAt(table: Table, c: Column, r: number): number {
  const v = c.kind === "numeric" ? c.values[r]! : NaN;
  if (!Number.isFinite(v))
    throw new ModelguardError(
      "input",
      `${formatLocation({ file: table.source, row: r, column: c.name })}: the target holds ${v}`,
      "A regression target must be finite: fix or drop the row.",
      { file: table.source, column: c.name, row: r },
    );
  return v;
}

/**
 * r2 = 1 - sum (y - yhat)^2 / sum (y - mean y)^2; for a constant target, scikit-learn's force_finite convention:
 * 1 when the fit is perfect, else 0.
 */
function r2Score(y: Float64Array, yhat: Float64Array): number {
  let mean = 0;
  for (const v of y) mean += v;
  mean /= y.length;
  let res = 0;
  let tot = 0;
  for (let i = 0; i < y.length; i++) {
    res += (y[i]! - yhat[i]!) ** 2;
    tot += (y[i]! - mean) ** 2;
  }
  if (tot === 0) return res === 0 ? 1 : 0;
  return 1 - res / tot;
}
