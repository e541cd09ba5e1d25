import { test } from "node:test";
import assert from "node:assert/strict";
import { getColumn, type Column } from "../../src/data/table.js";
import { dictionaryColumn, numericColumn, table } from "../helpers/tables.js";

test("getColumn: the first column of a name, undefined for none; names are data (__proto__, constructor, toString)", () => {
  const first = numericColumn("x", [1, 2]);
  const t = table([
    first,
    dictionaryColumn("__proto__", ["a", "b"]),
    numericColumn("x", [3, 4]),
    numericColumn("constructor", [5, 6]),
  ]);
  assert.equal(getColumn(t, "x"), first, "duplicates: the first wins, as the linear search did");
  assert.equal(getColumn(t, "__proto__")?.kind, "dictionary");
  assert.equal(getColumn(t, "constructor")?.name, "constructor");
  for (const absent of ["toString", "hasOwnProperty", "valueOf", "", "X", "y"])
    assert.equal(getColumn(t, absent), undefined, absent);
  assert.equal(getColumn(table([]), "x"), undefined);
  // Another table over the same columns (a spread with another source) finds the same columns.
  assert.equal(getColumn({ ...t, source: "other" }, "constructor"), t.columns[3]);
});

test("getColumn: the index is built once per table, so lookups do not walk the columns (20,000 columns)", () => {
  const n = 20_000;
  const columns: Column[] = Array.from({ length: n }, (_, i) => numericColumn(`c${i}`, [i]));
  let reads = 0;
  // Counts element reads of the columns array: a linear search reads up to n per lookup.
  const counted = new Proxy(columns, {
    get(target, key, receiver) {
      if (typeof key === "string" && /^[0-9]+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  const t = { source: "wide", rowCount: 1, columns: counted };
  assert.equal(getColumn(t, `c${n - 1}`), columns[n - 1]);
  assert.equal(reads, n, "the first lookup reads each column once, to build the index");
  for (let i = 0; i < n; i += 97) assert.equal(getColumn(t, `c${i}`), columns[i]);
  assert.equal(getColumn(t, "missing"), undefined);
  assert.equal(reads, n, "later lookups read no column");

  // A columns array grown after its first lookup (readonly by type only) is indexed again.
  columns.push(numericColumn("late", [0]));
  assert.equal(getColumn(t, "late"), columns[n]);
});
