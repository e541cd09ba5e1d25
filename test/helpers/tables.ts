import type { Column, DictionaryColumn, NumericColumn, Table } from "../../src/data/table.js";

/** A numeric column from values; null is a missing cell. */
export function numericColumn(
  name: string,
  values: (number | null)[],
  type: NumericColumn["type"] = values.every((v) => v === null || Number.isInteger(v)) ? "integer" : "number",
): NumericColumn {
  return {
    kind: "numeric",
    name,
    type,
    values: Float64Array.from(values, (v) => (v === null ? NaN : v)),
    valid: Uint8Array.from(values, (v) => (v === null ? 0 : 1)),
    invalid: new Map(),
  };
}

/** A dictionary column from strings; null is a missing cell. */
export function dictionaryColumn(
  name: string,
  values: (string | null)[],
  type: DictionaryColumn["type"] = "category",
): DictionaryColumn {
  const dictionary: string[] = [];
  const index = new Map<string, number>();
  const codes = Int32Array.from(values, (v) => {
    if (v === null) return -1;
    let c = index.get(v);
    if (c === undefined) index.set(v, (c = dictionary.push(v) - 1));
    return c;
  });
  return { kind: "dictionary", name, type, codes, dictionary };
}

export function table(columns: Column[], source = "test"): Table {
  const rowCount = columns[0]?.kind === "numeric" ? columns[0].values.length : (columns[0]?.codes.length ?? 0);
  return { source, rowCount, columns };
}

/** Rows [from, to) of a table, as a new table (a shard). */
export function sliceTable(t: Table, from: number, to: number): Table {
  const columns = t.columns.map((c): Column => {
    if (c.kind === "numeric") {
      const invalid = new Map([...c.invalid].filter(([r]) => r >= from && r < to).map(([r, v]) => [r - from, v]));
      return { ...c, values: c.values.slice(from, to), valid: c.valid.slice(from, to), invalid };
    }
    return { ...c, codes: c.codes.slice(from, to) };
  });
  return { source: `${t.source}[${from}:${to}]`, rowCount: to - from, columns };
}
