import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ColumnType } from "../../src/data/table.js";
import { compileCheck, type CheckValue } from "../../src/schema/compileCheck.js";
import { forEnvironment } from "../../src/schema/forEnvironment.js";
import { parseSchema } from "../../src/schema/parseSchema.js";
import { validateTable } from "../../src/schema/validateTable.js";
import { runCli } from "../helpers/cli.js";
import { tableFromRecords } from "./helpers.js";

const TYPES = new Map<string, ColumnType>([
  ["price", "number"],
  ["qty", "integer"],
  ["total", "number"],
  ["country", "category"],
  ["state", "string"],
  ["start", "datetime"],
  ["end", "datetime"],
  ["vip", "boolean"],
  ["unit price", "number"],
]);

function evaluate(expr: string, row: Record<string, CheckValue>): CheckValue {
  const compiled = compileCheck(expr, TYPES);
  if (!compiled.ok) throw new Error(compiled.message);
  const readers = new Map(compiled.check.columns.map((c) => [c, () => row[c] ?? null]));
  return compiled.check.bind(readers)(0);
}

test("compileCheck: the issue's expressions, with SQL's null logic", () => {
  assert.equal(evaluate("end >= start", { start: 1, end: 2 }), true);
  assert.equal(evaluate("end >= start", { start: 3, end: 2 }), false);
  assert.equal(evaluate("end >= start", { start: 3, end: null }), null, "unknown, so the row passes");
  assert.equal(evaluate("abs(price * qty - total) <= 0.01", { price: 2.5, qty: 4, total: 10.004 }), true);
  assert.equal(evaluate("abs(price * qty - total) <= 0.01", { price: 2.5, qty: 4, total: 10.5 }), false);
  const rule = "country != 'US' or state is not null";
  assert.equal(evaluate(rule, { country: "US", state: "CA" }), true);
  assert.equal(evaluate(rule, { country: "US", state: null }), false);
  assert.equal(evaluate(rule, { country: "FR", state: null }), true);
  assert.equal(evaluate(rule, { country: null, state: null }), null, "unknown or false is unknown: the row passes");
});

test("compileCheck: functions, dates, col() and three-valued logic", () => {
  assert.equal(evaluate("false and state == 'x'", { state: null }), false);
  assert.equal(evaluate("true or state == 'x'", { state: null }), true);
  assert.equal(evaluate("not (state == 'x')", { state: null }), null);
  assert.equal(evaluate("start >= '2024-01-01'", { start: Date.UTC(2024, 0, 2) }), true);
  assert.equal(evaluate("end - start <= 86400000", { start: 0, end: 86_400_001 }), false);
  assert.equal(evaluate("len(state) == 2 and upper(state) == 'CA' and lower('AB') == 'ab'", { state: "ca" }), true);
  assert.equal(
    evaluate("round(total, 1) == 10.1 and min(price, qty) == 2 and max(price, qty, 7) == 7", {
      total: 10.06,
      price: 2,
      qty: 3,
    }),
    true,
  );
  assert.equal(evaluate("col('unit price') > 0", { "unit price": 3 }), true);
  assert.equal(evaluate("total / qty > 1", { total: 5, qty: 0 }), null, "division by zero is unknown");
  assert.equal(evaluate("vip == true or qty >= 10", { vip: false, qty: 12 }), true);
  assert.equal(evaluate("length('é🙂') == 2", {}), true, "characters, not UTF-16 units");
});

test("compileCheck: mistakes are errors with the reason, and parse errors with the position; never eval", () => {
  const err = (expr: string) => {
    const r = compileCheck(expr, TYPES);
    assert.equal(r.ok, false, expr);
    return r as { message: string; index?: number };
  };
  assert.deepEqual(err("end >= "), { ok: false, message: "cannot parse: Expected expression after >=", index: 7 });
  assert.match(err("prise > 0").message, /names column 'prise', which the schema does not list/);
  assert.match(err("Price > 0").message, /did you mean 'price'/);
  assert.match(err("country > 5").message, /compares a text value with a number/);
  assert.match(err("price + 1").message, /gives a number, not true or false/);
  assert.match(err("state == null").message, /write `x is null`/);
  assert.match(err("eval('1') == 1").message, /has no function 'eval'/);
  assert.match(err("price.constructor == 1").message, /'\.' or '\[\]'/);
  assert.match(err("state['length'] == 1").message, /'\.' or '\[\]'/);
  assert.match(err("abs(1)(2) == 1").message, /calls something that is not a function name/);
  assert.match(err("price > 0 ? true : false").message, /'\? :'/);
  assert.match(err("start > 'yesterday'").message, /not an ISO 8601 date/);
  assert.match(err("abs(price, qty) > 0").message, /abs\(\) takes 1 argument, got 2/);
  assert.match(err("x".repeat(2001)).message, /more than the 2000 allowed/);
  assert.match(err("abs(".repeat(100) + "price" + ")".repeat(100) + " > 0").message, /nests deeper than 64/);
});

const SCHEMA = `version: 1
columns:
  customer_id: { type: integer }
  day: { type: datetime }
  price: { type: number, mean: { min: 5, max: 15 }, median: { max: 20 }, quantiles: { 0.9: { max: 50 } } }
  qty: { type: integer }
  total: { type: number }
  code: { type: string, length: { min: 2, max: 3 }, distinct_count: { max: 2 } }
  label: { type: integer }
unique: [customer_id, day]
checks:
  - abs(price * qty - total) <= 0.01
  - { name: qty positive, expr: qty > 0, mostly: 0.5 }
environments:
  serving: { exclude: [label] }
`;

function orders(
  rows: { id: number; day: string; price: number; qty: number; total: number; code: string; label?: number }[],
) {
  return tableFromRecords(
    rows.map((r) => ({
      customer_id: r.id,
      day: r.day,
      price: r.price,
      qty: r.qty,
      total: r.total,
      code: r.code,
      label: r.label,
    })),
    {
      customer_id: "integer",
      day: "datetime",
      price: "number",
      qty: "integer",
      total: "number",
      code: "string",
      label: "integer",
    },
    "orders.csv",
  );
}

test("validate: compound unique, row checks and statistical expectations report counts and examples", () => {
  const schema = parseSchema(SCHEMA, "schema.yml");
  const good = orders([
    { id: 1, day: "2024-01-01", price: 10, qty: 2, total: 20, code: "ab", label: 0 },
    { id: 1, day: "2024-01-02", price: 8, qty: 1, total: 8, code: "abc", label: 1 },
  ]);
  assert.deepEqual(validateTable(good, schema).violations, []);
  const bad = orders([
    { id: 1, day: "2024-01-01", price: 10, qty: 2, total: 20, code: "ab", label: 0 },
    { id: 1, day: "2024-01-01", price: 100, qty: 1, total: 99, code: "abcd", label: 1 },
    { id: 2, day: "2024-01-01", price: 10, qty: -1, total: -10, code: "x", label: 1 },
  ]);
  const vs = validateTable(bad, schema).violations;
  const by = new Map(vs.map((v) => [`${v.kind}:${v.column ?? ""}`, v]));
  assert.deepEqual(
    [...by.keys()].sort(),
    ["check:", "check:", "compound_unique:", "distinct_count:code", "length:code", "mean:price", "quantile:price"]
      .filter((k, i, a) => a.indexOf(k) === i)
      .sort(),
  );
  const dup = by.get("compound_unique:")!;
  assert.deepEqual([dup.count, dup.examples.map((e) => e.row)], [2, [0, 1]]);
  assert.equal(dup.examples[0]!.value, 'customer_id="1", day="2024-01-01T00:00:00.000Z"');
  const checks = vs.filter((v) => v.kind === "check");
  assert.deepEqual(
    checks.map((v) => [v.details!.check, v.count, v.severity, v.examples[0]!.row]),
    [
      ["abs(price * qty - total) <= 0.01", 1, "error", 1],
      ["qty positive", 1, "warning", 2],
    ],
  );
  assert.match(
    checks[0]!.message,
    /^check 'abs\(price \* qty - total\) <= 0.01': 1 row \(33\.3%\) fail, e.g. row 1: price="100", qty="1", total="99"$/,
  );
  assert.equal(by.get("mean:price")!.details!.observed, 40);
  assert.match(by.get("mean:price")!.message, /^price: mean is 40, outside \[5, 15\] \(over 3 values\)$/);
  assert.deepEqual(
    [by.get("length:code")!.count, by.get("length:code")!.examples.map((e) => e.value)],
    [2, ["abcd", "x"]],
  );
  assert.equal(by.get("distinct_count:code")!.details!.observed, 3);
});

test("environments: serving data without the label passes; an unknown environment is a usage error", () => {
  const schema = parseSchema(SCHEMA, "schema.yml");
  const serving = tableFromRecords([{ customer_id: 1, day: "2024-01-01", price: 10, qty: 1, total: 10, code: "ab" }], {
    customer_id: "integer",
    day: "datetime",
    price: "number",
    qty: "integer",
    total: "number",
    code: "string",
  });
  assert.deepEqual(
    validateTable(serving, schema).violations.map((v) => v.kind),
    ["missing_column"],
  );
  assert.deepEqual(validateTable(serving, forEnvironment(schema, "serving")).violations, []);
  assert.throws(() => forEnvironment(schema, "prod"), /has no environment 'prod'[\s\S]*/);
  assert.throws(
    () => forEnvironment(schema, "prod"),
    (e: Error & { hint?: string }) => /serving/.test(e.hint ?? ""),
  );
});

test("schema file: checks, unique and environments are checked when parsed, with line numbers", () => {
  const problem = (text: string) => {
    try {
      parseSchema(text, "s.yml");
    } catch (e) {
      return (e as Error).message;
    }
    assert.fail("no error");
  };
  const base = "version: 1\ncolumns:\n  a: { type: integer }\n  b: { type: string }\n";
  assert.equal(
    problem(base + "checks:\n  - a > 1\n  - a >= \n"),
    "s.yml: checks[1]: check 'a >=' cannot parse: Expected expression after >= at character 5 of the expression (line 7)".replace(
      " at character 5 of the expression",
      " (at character 5 of the expression)",
    ),
  );
  assert.match(
    problem(base + "checks:\n  - { name: n, expr: 'c > 1' }\n"),
    /checks\[0\]\.expr: check 'n' names column 'c'.*\(line 6\)/,
  );
  assert.match(
    problem(base + "unique: [a, c]\n"),
    /unique: names column 'c' that the schema does not list .*\(line 5\)/,
  );
  assert.match(
    problem(base + "environments: { serving: { exclude: [lable] } }\n"),
    /environments\.serving\.exclude: names 'lable'/,
  );
  assert.match(
    problem(base.replace("a: { type: integer }", "a: { type: integer, length: { max: 3 } }")),
    /'length' does not apply to integer columns/,
  );
  assert.match(
    problem(base.replace("b: { type: string }", "b: { type: string, mean: { max: 3 } }")),
    /'mean' does not apply to string columns/,
  );
  assert.match(
    problem(base.replace("a: { type: integer }", "a: { type: integer, mean: { min: 3, max: 1 } }")),
    /columns\.a\.mean\.min: min 3 is greater than max 1/,
  );
  assert.match(
    problem(base.replace("a: { type: integer }", "a: { type: integer, quantiles: { 1.5: { max: 1 } } }")),
    /columns\.a\.quantiles/,
  );
  const ok = parseSchema(base + "unique: [[a, b], [b]]\n", "s.yml");
  assert.deepEqual(ok.uniqueTogether, [["a", "b"], ["b"]]);
});

test("CLI: validate --environment, and a check that does not parse exits 2 naming file, line, check and position", async () => {
  const dir = mkdtempSync(join(tmpdir(), "mg-rules-"));
  try {
    const schema = join(dir, "schema.yml");
    writeFileSync(schema, SCHEMA);
    const data = join(dir, "serving.csv");
    writeFileSync(data, "customer_id,day,price,qty,total,code\n1,2024-01-01,10,1,10,ab\n2,2024-01-01,10,2,21,ab\n");
    const plain = await runCli("validate", "--data", data, "--schema", schema);
    assert.equal(plain.code, 1, plain.stdout + plain.stderr);
    assert.match(plain.stdout, /label: required column is missing/);
    const serving = await runCli("validate", "--data", data, "--schema", schema, "--environment", "serving", "--json");
    assert.equal(serving.code, 1, serving.stderr);
    const report = JSON.parse(serving.stdout);
    assert.equal(report.environment, "serving");
    assert.deepEqual(
      report.violations.map((v: { kind: string; count: number }) => [v.kind, v.count]),
      [["check", 1]],
    );
    const unknown = await runCli("validate", "--data", data, "--schema", schema, "--environment", "prod");
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /has no environment 'prod'/);
    writeFileSync(schema, SCHEMA.replace("qty > 0", "qty > "));
    const broken = await runCli("validate", "--data", data, "--schema", schema);
    assert.equal(broken.code, 2, broken.stdout);
    assert.match(
      broken.stderr,
      /schema\.yml: checks\[1\]\.expr: check 'qty positive' cannot parse: Expected expression after > \(at character 6 of the expression\) \(line 13\)/,
    );
    assert.doesNotMatch(broken.stderr, /at .*\.ts:\d+/, "no stack trace");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
