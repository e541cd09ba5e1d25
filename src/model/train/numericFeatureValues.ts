import { ModelguardError } from "../../errors.js";
import { getColumn, type Table } from "../../data/table.js";

/**
 * A numeric feature's cells as numbers, NaN where missing (or not parsed), for scoring a table with a trained
 * model. A column with no value at all is accepted as all-missing even though the loader types it as text (it
 * cannot tell an empty column's type). A feature absent from the table, or holding text, is a ModelguardError
 * "input".
 */
export function numericFeatureValues(table: Table, name: string): Float64Array {
  const c = getColumn(table, name);
  if (!c)
    throw new ModelguardError(
      "input",
      `the model needs feature '${name}', which is not a column of ${table.source}`,
      undefined,
      {
        file: table.source,
        column: name,
      },
    );
  if (c.kind === "numeric") return Float64Array.from(c.values, (v, i) => (c.valid[i] === 0 ? NaN : v));
  if (c.codes.every((code) => code < 0)) return new Float64Array(c.codes.length).fill(NaN);
  throw new ModelguardError(
    "input",
    `feature '${name}' is numeric in the model but text in ${table.source}`,
    "Check the column holds numbers (a stray word makes the whole column text).",
    { file: table.source, column: name },
  );
}
