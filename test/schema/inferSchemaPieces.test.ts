import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { parse } from "yaml";
import type { ColumnType } from "../../src/data/table.js";
import { COLUMN_TYPES } from "../../src/data/table.js";
import { inferSchema, inferSchemaJson, inferSchemaText } from "../../src/schema/inferSchema.js";
import { dictionaryColumn, numericColumn, table as tableOf } from "../helpers/tables.js";
import { tableFromColumns, type Cell } from "./helpers.js";

const typeArb = fc.constantFrom<ColumnType>(...COLUMN_TYPES);
const nameArb = fc.oneof(
  fc.string({ unit: "grapheme", minLength: 0, maxLength: 8 }),
  fc.constantFrom("a|b", "`x`", "#c", "- d", "x: y", "'q'", '"dq"', "[z]", "{w}", " sp ", "true", "1", "null", "~"),
  fc.constantFrom("columns", "modelguard-columns-placeholder", "__proto__", "x".repeat(120)),
);
function cellArb(type: ColumnType): fc.Arbitrary<Cell> {
  const missing = fc.constant(null);
  switch (type) {
    case "integer":
      return fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), missing);
    case "number":
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), missing);
    case "boolean":
      return fc.oneof(fc.boolean(), missing);
    case "datetime":
      return fc.oneof(
        fc.date({ min: new Date("1900-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }),
        missing,
      );
    case "category":
      // Long values, so that some `allowed` lists go over the line width and become blocks.
      return fc.oneof(fc.constantFrom("a", "b", "01", "true", "null", "é", "x y", "#", "", "w".repeat(40)), missing);
    case "string":
      return fc.oneof(fc.string({ unit: "grapheme", maxLength: 6 }), missing);
  }
}

/** Tables whose category columns repeat each value 5 times, so that they get `allowed` lists. */
const tableArb = fc
  .tuple(fc.uniqueArray(fc.tuple(nameArb, typeArb), { minLength: 0, maxLength: 12, selector: (p) => p[0] }), fc.nat(6))
  .chain(([cols, rows]) =>
    fc
      .tuple(...cols.map(([, type]) => fc.array(cellArb(type), { minLength: rows, maxLength: rows })))
      .map((data) =>
        tableFromColumns(
          Object.fromEntries(cols.map(([name], i) => [name, data[i]!.flatMap((c) => [c, c, c, c, c])])),
          Object.fromEntries(cols),
        ),
      ),
  );

test("schema infer writes the same text whatever the pieces: one column each, seven, or all in one document, and with columns as text or through yaml", () => {
  fc.assert(
    fc.property(tableArb, (table) => {
      // Every column through one yaml document: the text the others must give.
      const whole = inferSchema(table, {}, Infinity, false).yaml;
      assert.equal(inferSchema(table, {}, Infinity).yaml, whole);
      assert.equal(inferSchema(table, {}, 1, false).yaml, whole);
      assert.equal(inferSchema(table, {}, 1).yaml, whole);
      assert.equal(inferSchema(table, {}, 7).yaml, whole);
      assert.equal(inferSchema(table).yaml, whole);
      assert.equal(inferSchema(table, {}, 3).yamlParts.join(""), whole);
      // And it is the YAML of every column, in order, between version and rows.
      const value = parse(whole) as { version: number; columns: Record<string, unknown> | null; rows: unknown };
      assert.deepEqual(Object.keys(value), ["version", "columns", "rows", "extra_columns"]);
      const names = [...new Set(table.columns.map((c) => c.name))];
      assert.deepEqual(Object.keys(value.columns ?? {}), names);
    }),
    { numRuns: 200 },
  );
});

test("a table of 1,234 columns is written in pieces of 500 to the text of one document", () => {
  const cols = 1234;
  const names = Array.from({ length: cols }, (_, i) => (i % 100 === 3 ? `odd: ${i}` : `c${i}`));
  const table = tableFromColumns(
    Object.fromEntries(names.map((n, i) => [n, [i, i + 1, i % 7 === 0 ? null : i + 2, 0.5]])),
    Object.fromEntries(names.map((n, i) => [n, i % 2 === 0 ? "number" : "integer"])),
  );
  const pieces = inferSchema(table).yaml;
  assert.equal(pieces, inferSchema(table, {}, Infinity, false).yaml);
  assert.match(pieces, /^columns:\n {2}# observed 25\.0% missing, 4 rows, min 0, max 1, /m);
  assert.match(pieces, /\n {2}"odd: 3": \{ type: integer/);
  assert.match(pieces, /\nrows: \{ min: 1 \}\nextra_columns: error\n$/);
});

test("a repeated column name is listed once, as its first column, in the YAML, the JSON and the schema", () => {
  const a = numericColumn("a", [1.5, 2.5, 3.5, 4.5, 5.5], "number");
  const b = dictionaryColumn("b", ["x", "y", "x", "y", "x"]);
  const c = numericColumn("c", [1, 2, 3, 4, 5]);
  const repeated = tableOf([
    a,
    b,
    dictionaryColumn("a", ["p", "q", "r", "s", "t"], "string"),
    c,
    numericColumn("b", [9, 9, 9, 9, 9]),
    dictionaryColumn("a", ["u", "u", "u", "u", "u"]),
  ]);
  const once = tableOf([a, b, c]);
  const inferred = inferSchema(repeated);
  assert.deepEqual(
    inferred.schema.columns.map((col) => [col.name, col.type]),
    [
      ["a", "number"],
      ["b", "category"],
      ["c", "integer"],
    ],
  );
  assert.equal(inferred.yaml, inferSchema(once).yaml);
  assert.match(inferred.yaml, /: 5 rows, 3 columns\.\n/);
  assert.equal([...inferSchemaText(repeated)].join(""), inferred.yaml);
  assert.equal([...inferSchemaJson(repeated)].join(""), JSON.stringify(inferred.schema, null, 2) + "\n");
  assert.equal([...inferSchemaJson(once)].join(""), JSON.stringify(inferSchema(once).schema, null, 2) + "\n");
});

test("the JSON in pieces is JSON.stringify of the schema, for any table", () => {
  fc.assert(
    fc.property(tableArb, (table) => {
      assert.equal([...inferSchemaJson(table)].join(""), JSON.stringify(inferSchema(table).schema, null, 2) + "\n");
    }),
    { numRuns: 100 },
  );
});
