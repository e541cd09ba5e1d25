/**
 * The columnar table every module works on. Numbers live in Float64Array (missing = NaN, with a validity mask so a
 * literal NaN in a file and a missing cell stay distinguishable); strings and categories are dictionary-encoded.
 */
export type ColumnType = "integer" | "number" | "boolean" | "datetime" | "category" | "string";

export const COLUMN_TYPES: readonly ColumnType[] = ["integer", "number", "boolean", "datetime", "category", "string"];

/** integer, number, boolean (0/1) and datetime (epoch milliseconds, UTC) are stored as numbers. */
export interface NumericColumn {
  readonly kind: "numeric";
  readonly name: string;
  readonly type: "integer" | "number" | "boolean" | "datetime";
  readonly values: Float64Array;
  /** 1 where the cell holds a value of the column's type, 0 where it is missing or did not parse. */
  readonly valid: Uint8Array;
  /** Cells whose text did not parse as the column's type: data row -> raw text. Their value is NaN, valid 0. */
  readonly invalid: ReadonlyMap<number, string>;
}

/** The `invalid` of every column without invalid cells: one shared empty map rather than one per column. */
export const NO_INVALID_CELLS: ReadonlyMap<number, string> = new Map();

/** category and string columns: one code per row into `dictionary`, -1 for missing. */
export interface DictionaryColumn {
  readonly kind: "dictionary";
  readonly name: string;
  readonly type: "category" | "string";
  readonly codes: Int32Array;
  readonly dictionary: readonly string[];
}

export type Column = NumericColumn | DictionaryColumn;

export interface Table {
  /** Path or label of where the rows came from, used in every message. */
  readonly source: string;
  readonly rowCount: number;
  readonly columns: readonly Column[];
}

/**
 * Each columns array's columns by name, built on its first lookup and dropped with it (a WeakMap: tables are plain
 * values, built in many places). A linear search made a lookup per column of a wide table quadratic: 20,000 columns
 * were 200 million name comparisons. A Map, never a plain object, since names are data (`__proto__`, `constructor`).
 */
const columnsByName = new WeakMap<readonly Column[], { length: number; byName: Map<string, Column> }>();

/** The table's column of this name (the first, if several share it), or undefined. O(1) after the first lookup. */
export function getColumn(table: Table, name: string): Column | undefined {
  const columns = table.columns;
  let index = columnsByName.get(columns);
  // The array is readonly by type; the length check still catches one grown after its first lookup.
  if (index === undefined || index.length !== columns.length) {
    const byName = new Map<string, Column>();
    for (const c of columns) if (!byName.has(c.name)) byName.set(c.name, c);
    index = { length: columns.length, byName };
    columnsByName.set(columns, index);
  }
  return index.byName.get(name);
}

export function isMissing(column: Column, row: number): boolean {
  return column.kind === "numeric" ? column.valid[row] === 0 : column.codes[row] === -1;
}

/** The cell as text, the way reports show example values. Missing cells are null. */
export function cellText(column: Column, row: number): string | null {
  if (column.kind === "dictionary") {
    const code = column.codes[row]!;
    return code < 0 ? null : column.dictionary[code]!;
  }
  const raw = column.invalid.get(row);
  if (raw !== undefined) return raw;
  if (column.valid[row] === 0) return null;
  const v = column.values[row]!;
  if (column.type === "boolean") return v === 1 ? "true" : "false";
  if (column.type === "datetime") return new Date(v).toISOString();
  return String(v);
}
