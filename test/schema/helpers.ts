import { seededRandom } from "../../src/stats/seededRandom.js";
import type { Column, ColumnType, Table } from "../../src/data/table.js";

export type Cell = string | number | boolean | Date | null | undefined;

/**
 * A Table built from records the way loadTable builds one with forced types, for tests that must not depend on the
 * loader: null/undefined are missing; for integer, number, boolean and datetime columns a number (boolean, Date)
 * is a value and a string is text that did not parse (it lands in `invalid`), except ISO strings in datetime columns,
 * which are values. String and category columns take any cell as its text.
 */
export function tableFromRecords(
  records: readonly Record<string, Cell>[],
  types: Record<string, ColumnType>,
  source = "test.csv",
): Table {
  const rows = records.length;
  const columns: Column[] = Object.entries(types).map(([name, type]) => {
    if (type === "string" || type === "category") {
      const codes = new Int32Array(rows);
      const dictionary: string[] = [];
      const index = new Map<string, number>();
      records.forEach((rec, r) => {
        const v = rec[name];
        if (v === null || v === undefined) {
          codes[r] = -1;
          return;
        }
        const text = v instanceof Date ? v.toISOString() : String(v);
        let code = index.get(text);
        if (code === undefined) {
          code = dictionary.length;
          dictionary.push(text);
          index.set(text, code);
        }
        codes[r] = code;
      });
      return { kind: "dictionary", name, type, codes, dictionary };
    }
    const values = new Float64Array(rows).fill(NaN);
    const valid = new Uint8Array(rows);
    const invalid = new Map<number, string>();
    records.forEach((rec, r) => {
      const v = rec[name];
      if (v === null || v === undefined) return;
      let n: number | undefined;
      if (typeof v === "number") n = v;
      else if (typeof v === "boolean") n = v ? 1 : 0;
      else if (v instanceof Date) n = v.getTime();
      else if (type === "datetime" && /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v))) {
        n = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v) || v.length === 10 ? v : `${v}Z`);
      }
      if (n === undefined) invalid.set(r, String(v));
      else {
        values[r] = n;
        valid[r] = 1;
      }
    });
    return { kind: "numeric", name, type, values, valid, invalid };
  });
  return { source, rowCount: rows, columns };
}

/** Column-wise variant: { age: [18, null, 40] }. */
export function tableFromColumns(
  data: Record<string, readonly Cell[]>,
  types: Record<string, ColumnType>,
  source = "test.csv",
): Table {
  const n = Math.max(0, ...Object.values(data).map((v) => v.length));
  const records = Array.from({ length: n }, (_, r) =>
    Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v[r]])),
  );
  return tableFromRecords(records, types, source);
}

/** The same seeded generator as the bootstrap (mulberry32), for reproducible test data. */
export const rng = seededRandom;
