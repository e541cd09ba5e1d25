import { ModelguardError } from "../../errors.js";
import type { Table } from "../../data/table.js";
import { columnLevels } from "./columnLevels.js";
import type { TrainFeature } from "./resolveTrainColumns.js";

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
          `categorical feature '${f.name}' has no value in the ${rows.length} training rows of ${table.source}`,
          `Leave it out with --features, or fill it in.`,
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
          `feature '${f.name}' holds ${v} in row ${r} of ${table.source}`,
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
  const columnNames = [
    ...numeric.map((t) => t.name),
    ...categorical.flatMap((t) => t.categories.map((cat) => `${t.name}=${cat}`)),
  ];
  return { numeric, categorical, width: columnNames.length, columnNames };
}
