import { cellText, type Column } from "../../data/table.js";

/**
 * The distinct values of a column, in the order scikit-learn sorts them (`np.unique`, which fixes `classes_` and
 * OneHotEncoder's `categories_`): numbers numerically, text by Unicode code point. Each value is kept as the text a
 * model file and its users see: `cellText` for numbers ("1", "2.5", booleans "false"/"true", datetimes in ISO
 * 8601), the string itself for text columns.
 */
export interface ColumnLevels {
  readonly labels: readonly string[];
  /** Per table row: index into `labels`, or -1 where the cell is missing (or the row was not counted). */
  readonly index: Int32Array;
}

/** A cell's level text, or null when it is missing (numbers: also NaN and cells that did not parse). */
export function levelText(column: Column, row: number): string | null {
  if (column.kind === "dictionary") {
    const code = column.codes[row]!;
    return code < 0 ? null : column.dictionary[code]!;
  }
  if (column.valid[row] === 0 || Number.isNaN(column.values[row]!)) return null;
  return cellText(column, row);
}

/** Compares by Unicode code point, as numpy sorts str arrays (JavaScript's `<` compares UTF-16 units instead). */
export function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const d = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (d !== 0) return d;
  }
}

/**
 * Levels of `column` over `rows` (all rows when omitted).
 *
 * Example: a number column [10, 9, missing, 10] -> labels ["9", "10"], index [1, 0, -1, 1].
 */
export function columnLevels(column: Column, rows?: Int32Array): ColumnLevels {
  const rowCount = column.kind === "numeric" ? column.values.length : column.codes.length;
  const index = new Int32Array(rowCount).fill(-1);
  const each = (fn: (row: number) => void) => {
    if (rows) for (const r of rows) fn(r);
    else for (let r = 0; r < rowCount; r++) fn(r);
  };
  if (column.kind === "dictionary") {
    const used = new Uint8Array(column.dictionary.length);
    each((r) => {
      const c = column.codes[r]!;
      if (c >= 0) used[c] = 1;
    });
    const codes = [...used.keys()].filter((c) => used[c] === 1);
    codes.sort((a, b) => compareCodePoints(column.dictionary[a]!, column.dictionary[b]!));
    const position = new Int32Array(column.dictionary.length).fill(-1);
    codes.forEach((c, i) => (position[c] = i));
    each((r) => {
      const c = column.codes[r]!;
      if (c >= 0) index[r] = position[c]!;
    });
    return { labels: codes.map((c) => column.dictionary[c]!), index };
  }
  const distinct = new Map<number, number>(); // value -> a row holding it
  each((r) => {
    if (levelText(column, r) === null) return;
    const v = column.values[r]!;
    if (!distinct.has(v)) distinct.set(v, r); // a Map keys by SameValueZero: -0 and 0 are one level, as in numpy
  });
  const values = [...distinct.keys()].sort((a, b) => a - b);
  const position = new Map(values.map((v, i) => [v, i]));
  each((r) => {
    if (levelText(column, r) !== null) index[r] = position.get(column.values[r]!)!;
  });
  return { labels: values.map((v) => levelText(column, distinct.get(v)!)!), index };
}
