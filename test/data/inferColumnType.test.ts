import { test } from "node:test";
import assert from "node:assert/strict";
import { inferColumnType, isCategoryCardinality } from "../../src/data/inferColumnType.js";

test("integer, number, boolean, datetime", () => {
  assert.equal(inferColumnType(["1", "-2", "+3", "0", null, ""]), "integer");
  assert.equal(inferColumnType(["1", "2.5"]), "number");
  assert.equal(inferColumnType(["1e3", "-.5", "+7.", "Infinity", "-inf", "INF"]), "number");
  assert.equal(inferColumnType([" 1", "2 "]), "integer");
  assert.equal(inferColumnType(["true", "False", "TRUE", "false"]), "boolean");
  assert.equal(inferColumnType(["0", "1", "1"]), "integer", "0/1 are integers, not booleans");
  assert.equal(inferColumnType(["2024-01-31", "2024-01-31T10:00:00Z", "2024-01-31 10:00:00+02:00"]), "datetime");
});

test("integers beyond 2^53 are text (ids keep their digits); with decimals around they are numbers", () => {
  assert.equal(inferColumnType(["9007199254740991", "1"]), "integer");
  assert.equal(inferColumnType(["9007199254740993", "12345678901234567890"]), "string");
  assert.equal(inferColumnType(["9007199254740993", "1.5", "2.5", "3.5"]), "number");
});

test("mixed columns are text", () => {
  assert.equal(inferColumnType(["1", "x"]), "string");
  assert.equal(inferColumnType(["true", "1"]), "string");
  assert.equal(inferColumnType(["2024-01-31", "5"]), "string");
});

test("category when values repeat, string when they do not", () => {
  const repeated = Array.from({ length: 100 }, (_, i) => ["red", "green", "blue"][i % 3]!);
  assert.equal(inferColumnType(repeated), "category");
  const names = Array.from({ length: 100 }, (_, i) => `name-${i}`);
  assert.equal(inferColumnType(names), "string");
  assert.equal(inferColumnType(["a"]), "string", "one value seen once is not a category");
  assert.equal(inferColumnType(["a", "a"]), "category");
  assert.equal(inferColumnType(["a", "b", "c", "a", "b", "c"]), "category");
  assert.equal(inferColumnType(["a", "b", "c", "d", "e", "a"]), "string");
});

test("the category rule: at most 100 values, max(20, 5%) of the cells, each seen twice on average", () => {
  assert.equal(isCategoryCardinality(20, 40), true);
  assert.equal(isCategoryCardinality(21, 40), false);
  assert.equal(isCategoryCardinality(50, 1000), true);
  assert.equal(isCategoryCardinality(51, 1000), false);
  assert.equal(isCategoryCardinality(100, 10_000), true);
  assert.equal(isCategoryCardinality(101, 1_000_000), false);
  assert.equal(isCategoryCardinality(0, 0), false);
});

test("all-missing is number; NA strings are missing, custom NA strings replace the defaults", () => {
  assert.equal(inferColumnType([null, "", "NA", "n/a", "NULL", "nan", "-NaN", "#N/A", "<NA>", "None"]), "number");
  assert.equal(inferColumnType([]), "number");
  assert.equal(inferColumnType(["1", "NA", "2"]), "integer");
  assert.equal(inferColumnType(["1", "NA", "2"], { naValues: [] }), "string");
  assert.equal(inferColumnType(["1", "-999", "2"], { naValues: ["-999"] }), "integer");
  assert.equal(inferColumnType(["1", "missing", "2"], { naValues: ["missing"] }), "integer");
});
