import { ModelguardError } from "../../errors.js";
import { getColumn, type Table } from "../../data/table.js";
import { levelText } from "./columnLevels.js";
import { numericFeatureValues } from "./numericFeatureValues.js";
import type { Preprocessor } from "./fitPreprocessor.js";

/**
 * Applies a fitted Preprocessor to `rows` of a table (all rows when omitted): a row-major Float64Array of
 * rows x preprocessor.width. The same transform the ONNX graph performs, in float64: a missing number becomes the
 * training mean (standardised: 0), an unknown or missing category a block of zeros.
 *
 * A feature absent from the table, or a numeric feature that arrives as text, is a ModelguardError "input"
 * (see numericFeatureValues).
 */
export function designMatrix(pre: Preprocessor, table: Table, rows?: Int32Array): Float64Array {
  const n = rows ? rows.length : table.rowCount;
  const rowAt = (i: number) => (rows ? rows[i]! : i);
  const p = pre.width;
  const X = new Float64Array(n * p);
  pre.numeric.forEach((t, j) => {
    const values = numericFeatureValues(table, t.name);
    for (let i = 0; i < n; i++) {
      const v = values[rowAt(i)]!;
      X[i * p + j] = Number.isNaN(v) ? 0 : (v - t.mean) / t.scale;
    }
  });
  let offset = pre.numeric.length;
  for (const t of pre.categorical) {
    const c = getColumn(table, t.name);
    if (!c) throw missingFeature(table, t.name);
    const position = new Map(t.categories.map((cat, k) => [cat, k]));
    for (let i = 0; i < n; i++) {
      const text = levelText(c, rowAt(i));
      const k = text === null ? undefined : position.get(text);
      if (k !== undefined) X[i * p + offset + k] = 1;
    }
    offset += t.categories.length;
  }
  return X;
}

function missingFeature(table: Table, name: string): ModelguardError {
  return new ModelguardError("input", `feature '${name}' is not a column of ${table.source}`, undefined, {
    file: table.source,
    column: name,
  });
}
