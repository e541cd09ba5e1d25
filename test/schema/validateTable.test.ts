import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import type { Column, Table } from "../../src/data/table.js";
import { parseSchema } from "../../src/schema/parseSchema.js";
import { validateTable } from "../../src/schema/validateTable.js";
import type { Violation } from "../../src/schema/validationResult.js";
import { rng, tableFromColumns, tableFromRecords, type Cell } from "./helpers.js";

const schemaOf = (columnsYaml: string, extra = "") =>
  parseSchema(`version: 1\ncolumns:\n${columnsYaml}${extra}`, "schema.yaml");

function only(violations: readonly Violation[], kind: string, column?: string): Violation {
  const found = violations.filter((v) => v.kind === kind && (column === undefined || v.column === column));
  assert.equal(found.length, 1, `expected one ${kind} violation, got ${JSON.stringify(violations, null, 1)}`);
  return found[0]!;
}

test("min: counts, fraction, first five examples in row order, and the message", () => {
  const ages: Cell[] = Array.from({ length: 1000 }, (_, i) => 20 + (i % 50));
  ages[4] = 12;
  ages[100] = 17.5;
  ages[500] = -3;
  ages[7] = null; // missing: counted by nullable only
  const table = tableFromColumns({ age: ages }, { age: "number" });
  const r = validateTable(table, schemaOf("  age: { type: number, min: 18, max: 100, nullable: true }\n"));
  assert.equal(r.rows, 1000);
  assert.equal(r.ok, false);
  assert.equal(r.violations.length, 1);
  const v = only(r.violations, "min", "age");
  assert.equal(v.count, 3);
  assert.equal(v.fraction, 0.003);
  assert.equal(v.severity, "error");
  assert.deepEqual(v.examples, [
    { row: 4, value: "12" },
    { row: 100, value: "17.5" },
    { row: 500, value: "-3" },
  ]);
  assert.equal(v.message, "age: 3 rows (0.3%) below min 18, e.g. row 4: 12");
  assert.deepEqual(v.details, { min: 18 });
});

test("max, with more than five failures: five examples, the first ones", () => {
  const xs = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 200 + i : 5));
  const r = validateTable(
    tableFromColumns({ x: xs }, { x: "integer" }),
    schemaOf("  x: { type: integer, max: 100 }\n"),
  );
  const v = only(r.violations, "max");
  assert.equal(v.count, 10);
  assert.equal(v.fraction, 0.5);
  assert.deepEqual(
    v.examples.map((e) => e.row),
    [0, 2, 4, 6, 8],
  );
  assert.equal(v.message, "x: 10 rows (50.0%) above max 100, e.g. row 0: 200");
});

test("type: cells that did not parse (column.invalid) with their raw text", () => {
  const table = tableFromColumns({ n: [1, "abc", 3, "12.5x", null, "—"] }, { n: "integer" });
  const r = validateTable(table, schemaOf("  n: { type: integer, nullable: true, min: 0 }\n"));
  const v = only(r.violations, "type");
  assert.equal(v.count, 3);
  assert.equal(v.fraction, 0.5);
  assert.deepEqual(v.examples, [
    { row: 1, value: "abc" },
    { row: 3, value: "12.5x" },
    { row: 5, value: "—" },
  ]);
  assert.equal(v.message, 'n: 3 rows (50.0%) not an integer, e.g. row 1: "abc"');
  assert.equal(r.violations.length, 1, "unparsed cells are not missing and not below min");
});

test("nullable: missing cells of numeric and text columns; nullable: true allows them", () => {
  const table = tableFromColumns(
    { a: [1, null, 3, undefined], s: ["x", null, "y", "z"] },
    { a: "number", s: "string" },
  );
  const strict = validateTable(table, schemaOf("  a: { type: number }\n  s: { type: string }\n"));
  const a = only(strict.violations, "nullable", "a");
  assert.equal(a.count, 2);
  assert.equal(a.fraction, 0.5);
  assert.deepEqual(a.examples, [
    { row: 1, value: null },
    { row: 3, value: null },
  ]);
  assert.equal(a.message, "a: 2 rows (50.0%) missing but the column is not nullable, e.g. row 1");
  assert.equal(only(strict.violations, "nullable", "s").count, 1);
  const lax = validateTable(
    table,
    schemaOf("  a: { type: number, nullable: true }\n  s: { type: string, nullable: true }\n"),
  );
  assert.deepEqual(lax.violations, []);
  assert.equal(lax.ok, true);
});

test("allowed: category text, numbers, and missing cells are not checked", () => {
  const table = tableFromColumns(
    { plan: ["basic", "pro", "premium", null, "Basic", "plus"], level: [1, 2, 3, 4, null, 2] },
    { plan: "category", level: "integer" },
  );
  const r = validateTable(
    table,
    schemaOf(
      "  plan: { type: category, allowed: [basic, plus, pro], nullable: true }\n" +
        "  level: { type: integer, allowed: [1, 2, 3], nullable: true }\n",
    ),
  );
  const plan = only(r.violations, "allowed", "plan");
  assert.equal(plan.count, 2);
  assert.deepEqual(plan.examples, [
    { row: 2, value: "premium" },
    { row: 4, value: "Basic" },
  ]);
  assert.equal(
    plan.message,
    'plan: 2 rows (33.3%) not in allowed values ["basic", "plus", "pro"], e.g. row 2: "premium"',
  );
  const level = only(r.violations, "allowed", "level");
  assert.equal(level.count, 1);
  assert.deepEqual(level.examples, [{ row: 3, value: "4" }]);
});

test("pattern runs in linear time: the classic catastrophic pattern on a long value answers correctly", () => {
  // With JavaScript's backtracking RegExp, ^(a+)+$ against 40 a's and a b takes longer than the age of the universe
  // (2^40 ways to split the a's); RE2 answers in one pass over the text.
  const evil = "a".repeat(100_000) + "b";
  const good = "a".repeat(100_000);
  const table = tableFromColumns({ s: ["aaa", evil, good, "b", evil.slice(-41)] }, { s: "string" });
  const r = validateTable(table, schemaOf("  s: { type: string, pattern: '^(a+)+$' }\n"));
  const v = only(r.violations, "pattern", "s");
  assert.equal(v.count, 3);
  assert.deepEqual(
    v.examples.map((e) => e.row),
    [1, 3, 4],
  );
});

test("pattern: JavaScript's \\u escapes keep working; RE2 classes and named groups too", () => {
  const table = tableFromColumns({ s: ["café", "cafe", "日本", "x1"] }, { s: "string" });
  const count = (pattern: string) =>
    validateTable(table, schemaOf(`  s: { type: string, pattern: '${pattern}' }\n`)).violations.length === 0
      ? 0
      : only(validateTable(table, schemaOf(`  s: { type: string, pattern: '${pattern}' }\n`)).violations, "pattern")
          .count;
  assert.equal(count("\\u00e9$"), 3); // only café ends in é
  assert.equal(count("\\u{65E5}"), 3);
  assert.equal(count("^\\p{L}+$"), 1); // x1 has a digit
  assert.equal(count("^(?<word>[a-z]+)\\d$"), 3);
  // An escaped backslash before u is a literal backslash, not an escape.
  assert.equal(count("\\\\u00e9"), 4);
});

test("pattern matches anywhere unless anchored; missing cells are not checked", () => {
  const table = tableFromColumns({ email: ["a@b.c", "no-at", "x y@z", null, "ok@ok"] }, { email: "string" });
  const r = validateTable(table, schemaOf("  email: { type: string, pattern: '^[^@ ]+@[^@ ]+$', nullable: true }\n"));
  const v = only(r.violations, "pattern");
  assert.equal(v.count, 2);
  assert.deepEqual(v.examples, [
    { row: 1, value: "no-at" },
    { row: 2, value: "x y@z" },
  ]);
  assert.deepEqual(v.details, { pattern: "^[^@ ]+@[^@ ]+$" });
  const unanchored = validateTable(table, schemaOf("  email: { type: string, pattern: '@', nullable: true }\n"));
  assert.equal(only(unanchored.violations, "pattern").count, 1);
});

test("unique counts every row of a repeated value (keep=False); missing is never a duplicate", () => {
  const table = tableFromColumns(
    { n: [1, 2, 2, 3, 3, 3, 4, null, null], s: ["a", "b", "b", "c", "c", "c", "d", null, null] },
    { n: "integer", s: "string" },
  );
  const r = validateTable(
    table,
    schemaOf(
      "  n: { type: integer, unique: true, nullable: true }\n  s: { type: string, unique: true, nullable: true }\n",
    ),
  );
  for (const column of ["n", "s"]) {
    const v = only(r.violations, "unique", column);
    assert.equal(v.count, 5);
    assert.equal(v.fraction, 5 / 9);
    assert.deepEqual(
      v.examples.map((e) => e.row),
      [1, 2, 3, 4, 5],
    );
  }
  assert.equal(
    only(r.violations, "unique", "n").message,
    "n: 5 rows (55.6%) hold a value that occurs more than once, e.g. row 1: 2",
  );
  const distinct = tableFromColumns({ n: [3, 1, 2, -0.5, 1e9] }, { n: "number" });
  assert.deepEqual(validateTable(distinct, schemaOf("  n: { type: number, unique: true }\n")).violations, []);
});

test("unique treats dictionary entries with the same text as one value", () => {
  const table: Table = {
    source: "t",
    rowCount: 3,
    columns: [
      { kind: "dictionary", name: "k", type: "string", codes: Int32Array.from([0, 1, 2]), dictionary: ["a", "b", "a"] },
    ],
  };
  const v = only(validateTable(table, schemaOf("  k: { type: string, unique: true }\n")).violations, "unique");
  assert.deepEqual(
    v.examples.map((e) => e.row),
    [0, 2],
  );
});

test("missing_column: required columns only; extra_column follows extra_columns", () => {
  const table = tableFromColumns({ a: [1, 2], surprise: ["x", "y"] }, { a: "integer", surprise: "string" });
  const cols = "  a: { type: integer }\n  b: { type: number }\n  c: { type: number, required: false }\n";
  const r = validateTable(table, schemaOf(cols));
  const missing = only(r.violations, "missing_column");
  assert.equal(missing.column, "b");
  assert.equal(missing.count, 2);
  assert.equal(missing.fraction, 1);
  assert.equal(missing.severity, "error");
  assert.equal(missing.message, "b: required column is missing from test.csv");
  const extra = only(r.violations, "extra_column");
  assert.equal(extra.column, "surprise");
  assert.equal(extra.severity, "error");
  assert.equal(extra.message, "surprise: column is not in the schema (extra_columns: error)");

  const warn = validateTable(table, schemaOf(cols.replace("  b: { type: number }\n", ""), "extra_columns: warn\n"));
  assert.equal(only(warn.violations, "extra_column").severity, "warning");
  assert.equal(warn.ok, true);
  const ignore = validateTable(table, schemaOf(cols.replace("  b: { type: number }\n", ""), "extra_columns: ignore\n"));
  assert.deepEqual(ignore.violations, []);
});

test("a required: false column that is present is checked", () => {
  const table = tableFromColumns({ c: [1, -1] }, { c: "number" });
  const r = validateTable(table, schemaOf("  c: { type: number, required: false, min: 0 }\n"));
  assert.equal(only(r.violations, "min").count, 1);
});

test("rows: below min and above max", () => {
  const table = tableFromColumns({ a: [1, 2, 3] }, { a: "integer" });
  const low = validateTable(table, schemaOf("  a: { type: integer }\n", "rows: { min: 100 }\n"));
  const v = only(low.violations, "rows");
  assert.equal(v.column, null);
  assert.equal(v.count, 3);
  assert.equal(v.severity, "error");
  assert.equal(v.message, "test.csv: 3 rows, fewer than the minimum 100");
  const high = validateTable(table, schemaOf("  a: { type: integer }\n", "rows: { max: 2 }\n"));
  assert.equal(only(high.violations, "rows").message, "test.csv: 3 rows, more than the maximum 2");
  assert.deepEqual(
    validateTable(table, schemaOf("  a: { type: integer }\n", "rows: { min: 3, max: 3 }\n")).violations,
    [],
  );
});

test("mostly: exactly at the threshold passes as a warning, one more row fails", () => {
  const table = (bad: number, n: number): Table => ({
    source: "t",
    rowCount: n,
    columns: [
      {
        kind: "numeric",
        name: "x",
        type: "number",
        values: Float64Array.from({ length: n }, (_, i) => (i < bad ? -1 : 1)),
        valid: new Uint8Array(n).fill(1),
        invalid: new Map(),
      },
    ],
  });
  const schema = (m: number) => schemaOf(`  x: { type: number, min: 0, mostly: ${m} }\n`);
  const check = (bad: number, n: number, m: number) => {
    const r = validateTable(table(bad, n), schema(m));
    return { ok: r.ok, v: r.violations[0] };
  };
  // 3 of 100 rows failing with mostly 0.97: exactly 1 - mostly.
  let { ok, v } = check(3, 100, 0.97);
  assert.equal(ok, true);
  assert.equal(v!.severity, "warning");
  assert.equal(v!.fraction, 0.03);
  assert.equal(v!.message, "x: 3 rows (3.0%) below min 0, e.g. row 0: -1 (within mostly 0.97: up to 3.0% may fail)");
  assert.deepEqual(v!.details, { min: 0, mostly: 0.97 });
  ({ ok, v } = check(4, 100, 0.97));
  assert.equal(ok, false);
  assert.equal(v!.severity, "error");
  assert.match(v!.message, /\(more than the 3\.0% mostly 0\.97 allows\)$/);
  // Thresholds whose complement is not exact in binary floating point.
  for (const [bad, n, m] of [
    [1, 10, 0.9],
    [3, 10, 0.7],
    [1, 100, 0.99],
    [7, 100, 0.93],
    [10000, 1_000_000, 0.99],
  ] as const) {
    assert.equal(check(bad, n, m).ok, true, `${bad}/${n} at mostly ${m}`);
    assert.equal(check(bad + 1, n, m).ok, false, `${bad + 1}/${n} at mostly ${m}`);
  }
});

test("mostly applies to every check of the column, nullable and type included", () => {
  const table = tableFromColumns({ x: [1, null, "bad", 4, 5, 6, 7, 8, 9, 10] }, { x: "integer" });
  const r = validateTable(table, schemaOf("  x: { type: integer, mostly: 0.9 }\n"));
  assert.equal(r.ok, true);
  assert.deepEqual(
    r.violations.map((v) => [v.kind, v.severity, v.count]),
    [
      ["type", "warning", 1],
      ["nullable", "warning", 1],
    ],
  );
});

test("a column whose table type differs from the schema type is compared by text", () => {
  // No forced types: the loader inferred numbers and strings where the schema says otherwise.
  const table = tableFromColumns(
    {
      code: [1, 2, 3, 1],
      amount: ["1.5", "x", "-2", null],
      whole: [1, 2.5, 3, 4],
      flag: [0, 1, 2, 1],
      when: ["2024-01-01", "2024-13-01", "2023-12-31T23:00:00Z", "2024-06-01"],
      bool: [true, false, true, true],
    },
    { code: "integer", amount: "string", whole: "number", flag: "integer", when: "string", bool: "boolean" },
  );
  const schema = schemaOf(
    "  code: { type: category, allowed: ['1', '2'] }\n" +
      "  amount: { type: number, min: 0, nullable: true }\n" +
      "  whole: { type: integer }\n" +
      "  flag: { type: boolean }\n" +
      "  when: { type: datetime, min: 2024-01-01 }\n" +
      "  bool: { type: string, allowed: ['true'] }\n",
  );
  const r = validateTable(table, schema);
  const summary = r.violations.map((v) => [
    v.kind,
    v.column,
    v.count,
    v.examples.map((e) => `${e.row}:${e.value}`).join(","),
  ]);
  assert.deepEqual(summary, [
    ["allowed", "code", 1, "2:3"],
    ["type", "amount", 1, "1:x"],
    ["min", "amount", 1, "2:-2"],
    ["type", "whole", 1, "1:2.5"],
    ["type", "flag", 1, "2:2"],
    ["type", "when", 1, "1:2024-13-01"],
    ["min", "when", 1, "2:2023-12-31T23:00:00Z"],
    ["allowed", "bool", 1, "1:false"],
  ]);
});

test("a literal NaN is outside every bound; infinities compare as numbers", () => {
  const table = tableFromColumns({ x: [NaN, Infinity, -Infinity, 5] }, { x: "number" });
  const r = validateTable(table, schemaOf("  x: { type: number, min: 0, max: 10 }\n"));
  assert.deepEqual(
    r.violations.map((v) => [v.kind, v.examples.map((e) => e.value)]),
    [
      ["min", ["NaN", "-Infinity"]],
      ["max", ["NaN", "Infinity"]],
    ],
  );
});

test("datetime bounds and messages use ISO text", () => {
  const table = tableFromColumns(
    { t: [new Date("2019-12-31T23:59:59.999Z"), new Date("2020-01-01T00:00:00Z"), new Date("2026-01-01T00:00:00Z")] },
    { t: "datetime" },
  );
  const r = validateTable(table, schemaOf("  t: { type: datetime, min: 2020-01-01, max: '2025-12-31T23:59:59Z' }\n"));
  assert.equal(
    only(r.violations, "min").message,
    "t: 1 row (33.3%) below min 2020-01-01T00:00:00.000Z, e.g. row 0: 2019-12-31T23:59:59.999Z",
  );
  assert.equal(only(r.violations, "max").count, 1);
});

test("column names with unicode, | and backticks", () => {
  const names = ["prénom 名前", "a|b", "`code`", "__proto__"];
  const table = tableFromColumns(
    { [names[0]!]: ["x", null], [names[1]!]: [1, -1], [names[2]!]: ["A1", "b"], [names[3]!]: ["p", "p"] },
    { [names[0]!]: "string", [names[1]!]: "number", [names[2]!]: "category", [names[3]!]: "string" },
  );
  const schema = schemaOf(
    '  "prénom 名前": { type: string }\n  "a|b": { type: number, min: 0 }\n' +
      "  '`code`': { type: category, pattern: '^[A-Z]\\d$' }\n  __proto__: { type: string, unique: true }\n",
  );
  const r = validateTable(table, schema);
  assert.deepEqual(
    r.violations.map((v) => [v.kind, v.column]),
    [
      ["nullable", "prénom 名前"],
      ["min", "a|b"],
      ["pattern", "`code`"],
      ["unique", "__proto__"],
    ],
  );
  assert.equal(r.violations[1]!.message, "a|b: 1 row (50.0%) below min 0, e.g. row 1: -1");
  assert.match(r.violations[2]!.message, /^`code`: 1 row/);
});

test("an empty table: no cell violations, fractions 0, rows checked", () => {
  const table = tableFromColumns({ a: [] }, { a: "number" });
  const r = validateTable(
    table,
    schemaOf("  a: { type: number, min: 1 }\n  b: { type: number }\n", "rows: { min: 1 }\n"),
  );
  assert.deepEqual(
    r.violations.map((v) => [v.kind, v.count, v.fraction]),
    [
      ["rows", 0, 0],
      ["missing_column", 0, 0],
    ],
  );
});

// A direct, row-by-row reading of the rules, to compare the typed-array implementation against.
function naive(
  values: (number | null)[],
  texts: (string | null)[],
  opts: { min: number; max: number; allowed: string[] },
) {
  const count = (f: (i: number) => boolean) => values.filter((_, i) => f(i)).length;
  const numCounts = new Map<number, number>();
  for (const v of values) if (v !== null) numCounts.set(v, (numCounts.get(v) ?? 0) + 1);
  const textCounts = new Map<string, number>();
  for (const t of texts) if (t !== null) textCounts.set(t, (textCounts.get(t) ?? 0) + 1);
  return {
    nullableN: count((i) => values[i] === null),
    min: count((i) => values[i] !== null && values[i]! < opts.min),
    max: count((i) => values[i] !== null && values[i]! > opts.max),
    uniqueN: count((i) => values[i] !== null && numCounts.get(values[i]!)! > 1),
    nullableS: count((i) => texts[i] === null),
    allowed: count((i) => texts[i] !== null && !opts.allowed.includes(texts[i]!)),
    pattern: count((i) => texts[i] !== null && !/^[ab]+$/u.test(texts[i]!)),
    uniqueS: count((i) => texts[i] !== null && textCounts.get(texts[i]!)! > 1),
  };
}

test("property: counts and examples equal a row-by-row reading of the rules", () => {
  const cell = fc.option(fc.integer({ min: -5, max: 5 }), { nil: null });
  const text = fc.option(fc.constantFrom("a", "b", "ab", "c", "", "ba", "zz"), { nil: null });
  fc.assert(
    fc.property(fc.array(fc.tuple(cell, text), { maxLength: 60 }), (pairs) => {
      const values = pairs.map((p) => p[0]);
      const texts = pairs.map((p) => p[1]);
      const table = tableFromColumns({ n: values, s: texts }, { n: "integer", s: "category" });
      const schema = schemaOf(
        "  n: { type: integer, min: -2, max: 3, unique: true }\n" +
          "  s: { type: category, allowed: [a, b, ab], pattern: '^[ab]+$', unique: true }\n",
      );
      const r = validateTable(table, schema);
      const want = naive(values, texts, { min: -2, max: 3, allowed: ["a", "b", "ab"] });
      const got = (kind: string, column: string) => r.violations.find((v) => v.kind === kind && v.column === column);
      const expectations: [string, string, number][] = [
        ["nullable", "n", want.nullableN],
        ["min", "n", want.min],
        ["max", "n", want.max],
        ["unique", "n", want.uniqueN],
        ["nullable", "s", want.nullableS],
        ["allowed", "s", want.allowed],
        ["pattern", "s", want.pattern],
        ["unique", "s", want.uniqueS],
      ];
      for (const [kind, column, n] of expectations) {
        const v = got(kind, column);
        assert.equal(v?.count ?? 0, n, `${kind} ${column}`);
        if (v) {
          assert.equal(v.fraction, n / pairs.length);
          assert.equal(v.examples.length, Math.min(5, n));
          const rows = v.examples.map((e) => e.row);
          assert.deepEqual(
            rows,
            [...rows].sort((a, b) => a - b),
          );
        }
      }
      assert.equal(r.ok, r.violations.length === 0);
    }),
    { numRuns: 300 },
  );
});

test("at scale: 1,000,000 rows x 20 columns give exact counts (timing lives in bench/, not here)", () => {
  const rows = 1_000_000;
  const random = rng(7);
  const columns: Column[] = [];
  const specs: string[] = [];
  for (let c = 0; c < 10; c++) {
    const values = new Float64Array(rows);
    const valid = new Uint8Array(rows).fill(1);
    for (let r = 0; r < rows; r++) values[r] = c === 0 ? r : Math.floor(random() * 1000);
    valid[rows - 1] = 0;
    columns.push({ kind: "numeric", name: `n${c}`, type: "integer", values, valid, invalid: new Map([[5, "oops"]]) });
    specs.push(`  n${c}: { type: integer, min: 1, max: 998, nullable: true${c === 0 ? ", unique: true" : ""} }`);
  }
  const dictionary = Array.from({ length: 50 }, (_, i) => `cat${i}`);
  for (let c = 0; c < 10; c++) {
    const codes = new Int32Array(rows);
    for (let r = 0; r < rows; r++) codes[r] = r % 97 === 0 ? -1 : Math.floor(random() * 50);
    columns.push({ kind: "dictionary", name: `s${c}`, type: "category", codes, dictionary });
    specs.push(
      `  s${c}: { type: category, nullable: true, pattern: '^cat\\d$', allowed: [${dictionary.slice(0, 40).join(", ")}]${c === 0 ? ", unique: true" : ""} }`,
    );
  }
  const table: Table = { source: "big", rowCount: rows, columns };
  const schema = schemaOf(specs.join("\n") + "\n");
  const r = validateTable(table, schema);
  assert.equal(r.rows, rows);
  assert.ok(!r.violations.some((v) => v.kind === "unique" && v.column === "n0"), "n0 holds distinct values");
  const s3 = columns[13]!;
  assert.ok(s3.kind === "dictionary");
  let missing = 0;
  let badPattern = 0;
  let notAllowed = 0;
  for (const code of s3.codes) {
    if (code < 0) missing++;
    else {
      if (code >= 10) badPattern++;
      if (code >= 40) notAllowed++;
    }
  }
  assert.equal(only(r.violations, "pattern", "s3").count, badPattern);
  assert.equal(only(r.violations, "allowed", "s3").count, notAllowed);
  assert.equal(only(r.violations, "unique", "s0").count, rows - missing);
  assert.equal(only(r.violations, "type", "n3").count, 1);
  assert.ok(!r.violations.some((v) => v.kind === "nullable" && v.column === "n3"), "n3 is nullable: true");
});

test("tableFromRecords: strings in numeric columns become unparsed cells", () => {
  const t = tableFromRecords([{ a: "x" }, { a: 2 }], { a: "number" });
  const col = t.columns[0]!;
  assert.equal(col.kind, "numeric");
  if (col.kind === "numeric") {
    assert.deepEqual([...col.invalid], [[0, "x"]]);
    assert.deepEqual([...col.valid], [0, 1]);
  }
});
