import { formatLocation, ModelguardError } from "../../errors.js";
import type { Table } from "../../data/table.js";
import { columnLevels } from "./columnLevels.js";
import type { TrainFeature } from "./resolveTrainColumns.js";

/**
 * One-hot columns one categorical feature may add: more distinct values than this is an id, a timestamp or free
 * text rather than a category, and would make a design matrix of rows x levels (a million levels: terabytes).
 */
export const MAX_ONE_HOT_LEVELS = 1000;
/**
 * Columns of the whole design matrix. Ridge solves a p x p system (4096^2 doubles: 128 MiB), logistic regression
 * keeps p x classes weights and L-BFGS history: both stay within a CI machine's memory below this.
 */
export const MAX_DESIGN_COLUMNS = 4096;

export interface NumericTransform {
  readonly name: string;
  /** Mean of the observed training values: the imputed value, and the centre of the standardisation. */
  readonly mean: number;
  /** Population standard deviation after imputation; 1 for a constant (or empty) column. */
  readonly scale: number;
}

export interface CategoricalTransform {
  readonly name: string;
  /** One-hot columns in this order (training categories, sorted like scikit-learn's categories_). */
  readonly categories: readonly string[];
}

/**
 * The fitted preprocessing. Design-matrix layout, as scikit-learn's ColumnTransformer([num, cat]) lays it out:
 * the numeric features first (in feature order), then one block of one-hot columns per categorical feature.
 */
export interface Preprocessor {
  readonly numeric: readonly NumericTransform[];
  readonly categorical: readonly CategoricalTransform[];
  /** Columns of the design matrix. */
  readonly width: number;
  /** A name per design column: the numeric feature, or "feature=category". */
  readonly columnNames: readonly string[];
}

/**
 * Fits the preprocessing on the training rows only, so nothing about held-out data leaks into the model.
 *
 * Numeric (scikit-learn's SimpleImputer(strategy="mean") then StandardScaler): mean m over the observed values;
 * missing cells (and NaN, and cells that did not parse) become m; scale = sqrt(sum over observed (x - m)^2 / n) with
 * n counting every training row, because the scaler sees the imputed column, whose imputed cells sit at the mean.
 * A constant column gets scale 1 (StandardScaler's rule); a column with no observed value gets mean 0 and scale 1,
 * so it is a zero column the L2 penalty gives a zero weight (scikit-learn's imputer drops such a column instead:
 * the same predictions). Infinite values are refused: no mean exists.
 *
 * Categorical (OneHotEncoder(handle_unknown="ignore")): one column per category seen in training; a missing cell
 * encodes as all zeros, like an unknown category at inference. (scikit-learn would make "missing" a category of its
 * own; we keep the model's inputs plain strings, where missing has no agreed spelling.)
 *
 * Bounded: at most MAX_ONE_HOT_LEVELS categories per feature and MAX_DESIGN_COLUMNS design columns, each an "input"
 * error that names the columns to leave out.
 */
export function fitPreprocessor(table: Table, features: readonly TrainFeature[], rows: Int32Array): Preprocessor {
  const numeric: NumericTransform[] = [];
  const categorical: CategoricalTransform[] = [];
  for (const f of features) {
    if (f.kind === "categorical") {
      const labels = columnLevels(f.column, rows).labels;
      if (labels.length === 0)
        throw new ModelguardError(
          "input",
          `${formatLocation({ file: table.source, column: f.name })}: the categorical feature has no value in the ${rows.length} training rows`,
          `Leave it out with --features, or fill it in.`,
          { file: table.source, column: f.name },
        );
      if (labels.length > MAX_ONE_HOT_LEVELS)
        throw new ModelguardError(
          "input",
          `${formatLocation({ file: table.source, column: f.name })}: the categorical feature has ${labels.length} distinct values in the ${rows.length} training rows; the built-in trainers one-hot encode at most ${MAX_ONE_HOT_LEVELS} per column`,
          `A column with that many values is an id or free text rather than a category: leave it out with --exclude ${f.name} (or list the features with --features)${f.column.kind === "numeric" ? ", or drop it from --categorical to use it as a number" : ""}.`,
          { file: table.source, column: f.name },
        );
      categorical.push({ name: f.name, categories: labels });
      continue;
    }
    const c = f.column;
    if (c.kind !== "numeric") throw new Error(`numeric feature '${f.name}' is a text column`);
    let sum = 0;
    let count = 0;
    for (const r of rows) {
      if (c.valid[r] === 0) continue;
      const v = c.values[r]!;
      if (Number.isNaN(v)) continue;
      if (!Number.isFinite(v))
        throw new ModelguardError(
          "input",
          `${formatLocation({ file: table.source, row: r, column: f.name })}: the feature holds ${v}`,
          "Infinite values have no mean or scale: clip them, or make them missing.",
          { file: table.source, column: f.name, row: r },
        );
      sum += v;
      count++;
    }
    const mean = count === 0 ? 0 : sum / count;
    let ss = 0;
    let constant = true;
    let first: number | undefined;
    for (const r of rows) {
      if (c.valid[r] === 0 || Number.isNaN(c.values[r]!)) continue;
      const v = c.values[r]!;
      first ??= v;
      if (v !== first) constant = false;
      ss += (v - mean) * (v - mean);
    }
    const std = Math.sqrt(ss / rows.length);
    numeric.push({ name: f.name, mean, scale: constant || std === 0 ? 1 : std });
  }
  const width = numeric.length + categorical.reduce((sum, t) => sum + t.categories.length, 0);
  if (width > MAX_DESIGN_COLUMNS) {
    const widest = [...categorical].sort((a, b) => b.categories.length - a.categories.length).slice(0, 3);
    throw new ModelguardError(
      "input",
      `the features of ${table.source} make ${width} model inputs after one-hot encoding (${numeric.length} numeric${widest.map((t) => `, '${t.name}' ${t.categories.length} levels`).join("")}${categorical.length > widest.length ? ", ..." : ""}); the built-in trainers take at most ${MAX_DESIGN_COLUMNS}`,
      `Leave out the categorical columns with the most levels (--exclude ${widest.map((t) => t.name).join(",") || "..."}), or train with your own command (train --run).`,
      { file: table.source },
    );
  }
  const columnNames = [
    ...numeric.map((t) => t.name),
    ...categorical.flatMap((t) => t.categories.map((cat) => `${t.name}=${cat}`)),
  ];
  return { numeric, categorical, width: columnNames.length, columnNames };
}
