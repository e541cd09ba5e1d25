// Integration: schema files and checks on tables read from real files by loadTable.
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadTable } from "../../src/data/loadTable.js";
import { checkLeakage } from "../../src/schema/checkLeakage.js";
import { inferSchema } from "../../src/schema/inferSchema.js";
import { parseSchema } from "../../src/schema/parseSchema.js";
import { parseSchemaFile } from "../../src/schema/parseSchemaFile.js";
import { schemaColumnTypes } from "../../src/schema/schemaColumnTypes.js";
import { validateTable } from "../../src/schema/validateTable.js";
import type { ValidationResult } from "../../src/schema/validationResult.js";

const summary = (r: ValidationResult) =>
  r.violations.map((v) => [
    v.kind,
    v.column,
    v.severity,
    v.count,
    v.examples.map((e) => `${e.row}:${e.value}`).join(" "),
  ]);

const EXPECTED = [
  ["unique", "id", "error", 2, "4:5 5:5"],
  ["type", "age", "error", 1, "2:abc"],
  ["min", "age", "error", 1, "3:12"],
  ["max", "age", "error", 1, "8:101"],
  ["min", "income", "error", 1, "4:-40"],
  ["allowed", "plan", "error", 1, "4:premium"],
  ["pattern", "email", "error", 1, "5:not-an-email"],
  ["min", "signup", "error", 1, "5:2019-12-31T00:00:00.000Z"],
  ["type", "active", "error", 1, "6:yes"],
  ["extra_column", "referrer", "error", 12, ""],
];

test("customers.csv loaded with the schema's forced types: every planted problem, nothing else", async () => {
  const schema = parseSchemaFile("fixtures/schema/customers.schema.yaml");
  const table = await loadTable("fixtures/schema/customers.csv", { types: schemaColumnTypes(schema) });
  const result = validateTable(table, schema);
  assert.equal(result.rows, 12);
  assert.equal(result.ok, false);
  assert.deepEqual(summary(result), EXPECTED);
});

test("customers.csv loaded without forced types gets the same verdicts (columns compared by text)", async () => {
  const schema = parseSchemaFile("fixtures/schema/customers.schema.yaml");
  const table = await loadTable("fixtures/schema/customers.csv");
  // The loader inferred other types for the columns holding bad cells.
  const types = Object.fromEntries(table.columns.map((c) => [c.name, c.type]));
  assert.equal(types.age, "string");
  assert.equal(types.active, "category");
  assert.deepEqual(summary(validateTable(table, schema)), EXPECTED);
});

test("breast cancer: inferred schema round-trips; the honest split shows no leakage", async () => {
  const train = await loadTable("fixtures/datasets/breast_cancer/train.csv");
  const test_ = await loadTable("fixtures/datasets/breast_cancer/test.csv");
  const { yaml } = inferSchema(train);
  const schema = parseSchema(yaml, "inferred.yaml");
  assert.deepEqual(validateTable(train, schema).violations, []);
  assert.ok(schema.columns.find((c) => c.name === "id")!.unique, "the id column is id-like");

  const leakage = checkLeakage(train, test_, { target: "malignant" });
  assert.equal(leakage.task, "classification");
  assert.equal(leakage.duplicateRows.count, 0);
  assert.deepEqual(leakage.targetLeakage, []);
  assert.equal(leakage.ok, true);
  // Real, strong features exist (about 90% accurate alone); they are simply not near-perfect.
  const lax = checkLeakage(train, test_, { target: "malignant", threshold: 0.85 });
  assert.ok(lax.targetLeakage.length > 0);
  assert.ok(lax.targetLeakage.every((f) => f.score < 0.99 && f.column !== "id"));

  const leaky = checkLeakage(train, train, { target: "malignant" });
  assert.equal(leaky.duplicateRows.count, train.rowCount, "every row of a table is in itself");
});
