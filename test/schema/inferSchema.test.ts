import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import type { ColumnType, Table } from "../../src/data/table.js";
import { COLUMN_TYPES } from "../../src/data/table.js";
import { inferSchema } from "../../src/schema/inferSchema.js";
import { idLikeName, isIdLike } from "../../src/schema/isIdLike.js";
import { parseSchema } from "../../src/schema/parseSchema.js";
import { validateTable } from "../../src/schema/validateTable.js";
import { rng, tableFromColumns, type Cell } from "./helpers.js";

function customers(n = 1000): Table {
  const r = rng(1);
  return tableFromColumns(
    {
      customer_id: Array.from({ length: n }, (_, i) => 1000 + i * 7),
      age: Array.from({ length: n }, () => 18 + Math.floor(r() * 80)),
      income: Array.from({ length: n }, (_, i) => (i % 50 === 0 ? null : Math.round(r() * 1e5) / 100)),
      plan: Array.from({ length: n }, () => ["basic", "plus", "pro"][Math.floor(r() * 3)]!),
      sku: Array.from({ length: n }, (_, i) => "SKU" + String(i).padStart(5, "0")),
      email: Array.from({ length: n }, (_, i) => `user${i}@example.com`),
      signup: Array.from({ length: n }, (_, i) => new Date(Date.UTC(2021, 0, 1) + i * 3_600_123)),
      active: Array.from({ length: n }, () => r() < 0.6),
      "a|b`c ü": Array.from({ length: n }, () => ["true", "01", "null", "x y", "-", "yes", "#"][Math.floor(r() * 7)]!),
      many: Array.from({ length: n }, (_, i) => "v" + (i % 150)),
    },
    {
      customer_id: "integer",
      age: "integer",
      income: "number",
      plan: "category",
      sku: "string",
      email: "string",
      signup: "datetime",
      active: "boolean",
      "a|b`c ü": "category",
      many: "category",
    },
    "data/customers.csv",
  );
}

test("infer: the YAML parses back to the same schema and the table validates, its dirty column within mostly", () => {
  const table = customers();
  const { schema, yaml } = inferSchema(table);
  const parsed = parseSchema(yaml, "inferred.yaml");
  assert.deepEqual({ ...parsed, source: schema.source }, schema);
  const result = validateTable(table, parsed);
  assert.deepEqual(
    result.violations.map((v) => [v.column, v.kind, v.severity]),
    [["income", "nullable", "warning"]],
  );
  assert.equal(result.ok, true);
});

test("infer: types, nullable, min/max, allowed, unique, rows and extra_columns", () => {
  const { schema } = inferSchema(customers());
  const by = Object.fromEntries(schema.columns.map((c) => [c.name, c]));
  assert.deepEqual(
    schema.columns.map((c) => [c.name, c.type]),
    [
      ["customer_id", "integer"],
      ["age", "integer"],
      ["income", "number"],
      ["plan", "category"],
      ["sku", "string"],
      ["email", "string"],
      ["signup", "datetime"],
      ["active", "boolean"],
      ["a|b`c ü", "category"],
      ["many", "category"],
    ],
  );
  // 2% missing is dirt that mostly allows for (1.5 x 2% + 4 standard errors, rounded up), not a nullable column.
  assert.deepEqual([by.income!.nullable, by.income!.mostly], [false, 0.952]);
  assert.equal(by.age!.nullable, false);
  assert.deepEqual([by.customer_id!.min, by.customer_id!.max], [undefined, undefined], "ids get no bounds");
  const span = 999 * 3_600_123;
  const day = 86_400_000;
  assert.equal(by.signup!.min, Math.floor((Date.UTC(2021, 0, 1) - span) / day) * day);
  assert.equal(by.signup!.max, undefined, "newer data comes later");
  assert.deepEqual(by.plan!.allowed, ["basic", "plus", "pro"]);
  assert.deepEqual(by["a|b`c ü"]!.allowed, ["#", "-", "01", "null", "true", "x y", "yes"]);
  assert.equal(by.many!.allowed, undefined, "150 distinct values is over the 100 limit");
  assert.equal(by.email!.allowed, undefined, "string columns get no allowed list");
  assert.deepEqual(
    schema.columns.filter((c) => c.unique).map((c) => c.name),
    ["customer_id", "sku"],
  );
  assert.deepEqual(schema.rows, { min: 1 });
  assert.equal(schema.extraColumns, "error");
  assert.equal(inferSchema(customers(), { maxAllowedValues: 150 }).schema.columns[9]!.allowed!.length, 150);
});

test("infer: the YAML carries what was observed as comments", () => {
  const { yaml } = inferSchema(customers());
  assert.match(yaml, /^# modelguard schema, inferred from data\/customers\.csv: 1,000 rows, 10 columns\./);
  assert.match(
    yaml,
    /\n {2}# observed 0\.0% missing, 1,000 rows, min 18, max 97, no min: positive here, but nothing marks 0 as a floor, max 334: 99th percentile \+ 3 x the 1st-99th percentile range, \d+ distinct\n {2}age: \{ type: integer, max: 334 \}\n/,
  );
  assert.match(
    yaml,
    /\n {2}# observed 2\.0% missing, 1,000 rows, min [\d.]+, max [\d.]+, .*, mostly 0\.952: leaves room for missing cells at the observed rate\n {2}income: \{ type: number, max: \d+, mostly: 0\.952 \}/,
  );
  assert.match(
    yaml,
    /# observed 0\.0% missing, 1,000 rows, 3 distinct\n {2}# most common "\w+" [\d.]+%, "\w+" [\d.]+%, "\w+" [\d.]+%\n {2}plan:/,
  );
  assert.match(yaml, /# observed 0\.0% missing, 1,000 rows, 150 distinct, more than 100, so no allowed list\n/);
  assert.match(yaml, /# observed 0\.0% missing, 1,000 rows, [\d.]+% true\n {2}active: \{ type: boolean \}/);
  assert.match(
    yaml,
    /all distinct and id-like, so unique and no bounds\n {2}customer_id: \{ type: integer, unique: true \}/,
  );
  assert.match(yaml, /\nrows: \{ min: 1 \}\nextra_columns: error\n$/);
});

test("infer: long allowed lists break into one value per line and still parse back", () => {
  const values = Array.from({ length: 60 }, (_, i) => `category number ${i}`);
  const table = tableFromColumns(
    { c: [...values, ...values, ...values, ...values, ...values, null] },
    { c: "category" },
  );
  const { yaml, schema } = inferSchema(table);
  assert.match(yaml, /\n {4}allowed:\n {6}- category number 0\n/);
  assert.ok(
    yaml.split("\n").every((l) => l.length <= 120),
    yaml,
  );
  assert.deepEqual({ ...parseSchema(yaml, "x"), source: schema.source }, schema);
  assert.equal(validateTable(table, parseSchema(yaml, "x")).ok, true);
});

test("infer: cells that did not parse are noted, and stay type violations", () => {
  const table = tableFromColumns({ n: [1, 2, "oops"] }, { n: "integer" });
  const { yaml } = inferSchema(table);
  assert.match(yaml, /1 cells did not parse as integer and will fail the type check/);
  const r = validateTable(table, parseSchema(yaml, "x"));
  assert.deepEqual(
    r.violations.map((v) => v.kind),
    ["type"],
  );
});

test("infer: NaN and infinities leave min/max out; an empty table needs rows >= 0", () => {
  const table = tableFromColumns({ a: [1, NaN, 3], b: [1, Infinity, 2] }, { a: "number", b: "number" });
  const { schema, yaml } = inferSchema(table);
  assert.equal(schema.columns[0]!.min, undefined);
  assert.equal(schema.columns[1]!.max, undefined);
  assert.match(yaml, /1 NaN, so no min\/max/);
  assert.equal(validateTable(table, parseSchema(yaml, "x")).ok, true);
  const empty = tableFromColumns({ a: [] }, { a: "string" });
  const inferred = inferSchema(empty);
  assert.deepEqual(inferred.schema.rows, { min: 0 });
  assert.equal(validateTable(empty, parseSchema(inferred.yaml, "x")).ok, true);
});

test("id-like rule: names", () => {
  for (const yes of ["id", "ID", "customer_id", "userId", "userID", "order-key", "UUID", "row guid", "Kunden_ID"]) {
    assert.equal(idLikeName(yes), true, yes);
  }
  for (const no of ["idea", "grid", "paid", "valid", "keys", "identity", "age", "monkey"]) {
    assert.equal(idLikeName(no), false, no);
  }
});

test("id-like rule: values", () => {
  const col = (values: Cell[], type: ColumnType, name = "x") => {
    const t = tableFromColumns({ [name]: values }, { [name]: type });
    return isIdLike(t.columns[0]!, t.rowCount);
  };
  assert.equal(col([5, 3, 4, 6], "integer"), true, "a run of consecutive integers");
  assert.equal(col([5, 3, 40, 6], "integer"), false, "distinct but not a run, and no id name");
  assert.equal(col([5, 3, 40, 6], "integer", "account_id"), true, "distinct with an id name");
  assert.equal(col([5, 5, 6], "integer", "id"), false, "repeated values are never id-like");
  assert.equal(col([1, null, 2], "integer", "id"), false, "missing values are never id-like");
  assert.equal(col([1.5, 2.5], "number", "id"), false, "number columns are not ids");
  assert.equal(col(["C0001", "C0002", "A9999"], "string"), true, "same-length codes with digits");
  assert.equal(col(["alpha", "bravo", "delta"], "string"), false, "words are not ids");
  assert.equal(col(["2024-01-01", "2024-01-02"], "string"), false, "dates are not ids");
  assert.equal(
    col(["0f8fad5b-d9cb-469f-a165-70867728950e", "7c9e6679-7425-40de-944e-e07fc1f90ae7"], "string"),
    true,
    "UUIDs",
  );
  assert.equal(col([7], "integer", "id"), false, "a single row proves nothing");
});

const typeArb = fc.constantFrom<ColumnType>(...COLUMN_TYPES);
const nameArb = fc.oneof(
  fc.string({ unit: "grapheme", minLength: 0, maxLength: 8 }),
  fc.constantFrom("a|b", "`x`", "#c", "- d", "x: y", "'q'", '"dq"', "[z]", "{w}", " sp ", "true", "1", "null", "~"),
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
      return fc.oneof(fc.constantFrom("a", "b", "01", "true", "null", "é", "x y", "#", ""), missing);
    case "string":
      return fc.oneof(fc.string({ unit: "grapheme", maxLength: 6 }), missing);
  }
}

test("property: any table validates against its inferred schema, which parses back unchanged", () => {
  const tableArb = fc
    .tuple(
      fc.uniqueArray(fc.tuple(nameArb, typeArb), { minLength: 1, maxLength: 5, selector: (p) => p[0] }),
      fc.nat(30),
    )
    .chain(([cols, rows]) =>
      fc
        .tuple(...cols.map(([, type]) => fc.array(cellArb(type), { minLength: rows, maxLength: rows })))
        .map((data) =>
          tableFromColumns(Object.fromEntries(cols.map(([name], i) => [name, data[i]!])), Object.fromEntries(cols)),
        ),
    );
  fc.assert(
    fc.property(tableArb, (table) => {
      const { schema, yaml } = inferSchema(table);
      const parsed = parseSchema(yaml, "inferred.yaml");
      assert.deepEqual({ ...parsed, source: schema.source }, schema);
      const result = validateTable(table, parsed);
      assert.deepEqual(result.violations, [], yaml);
    }),
    { numRuns: 300 },
  );
});
