import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parse as parseYaml } from "yaml";
import { ModelguardError } from "../../src/errors.js";
import { parseSchema } from "../../src/schema/parseSchema.js";
import { parseSchemaFile } from "../../src/schema/parseSchemaFile.js";
import { schemaColumnTypes } from "../../src/schema/schemaColumnTypes.js";

const FIXTURE = "fixtures/schema/customers.schema.yaml";

/** The ModelguardError parseSchema throws for `text`, checked to be a schema error. */
function schemaError(text: string, source = "s.yaml"): ModelguardError {
  try {
    parseSchema(text, source);
  } catch (e) {
    assert.ok(e instanceof ModelguardError, `expected a ModelguardError, got ${String(e)}`);
    assert.equal(e.code, "schema");
    assert.ok(e.hint && e.hint.length > 0, "every schema error has a hint");
    return e;
  }
  assert.fail(`expected a schema error for:\n${text}`);
}

const columns = (body: string) => `version: 1\ncolumns:\n${body}`;

test("the spec's example parses with every default filled in", () => {
  const schema = parseSchemaFile(FIXTURE);
  assert.equal(schema.version, 1);
  assert.equal(schema.source, FIXTURE);
  assert.equal(schema.extraColumns, "error");
  assert.deepEqual(schema.rows, { min: 10 });
  assert.deepEqual(
    schema.columns.map((c) => c.name),
    ["id", "age", "income", "plan", "email", "signup", "active", "notes"],
  );
  const byName = Object.fromEntries(schema.columns.map((c) => [c.name, c]));
  assert.deepEqual(byName.id, {
    name: "id",
    type: "integer",
    nullable: false,
    required: true,
    unique: true,
    mostly: 1,
  });
  assert.deepEqual(byName.age, {
    name: "age",
    type: "number",
    nullable: false,
    required: true,
    min: 18,
    max: 100,
    unique: false,
    mostly: 1,
  });
  assert.equal(byName.income!.nullable, true);
  assert.equal(byName.income!.mostly, 0.99);
  assert.deepEqual(byName.plan!.allowed, ["basic", "plus", "pro"]);
  assert.equal(byName.email!.pattern, "^[^@ ]+@[^@ ]+$");
  assert.equal(byName.signup!.min, Date.UTC(2020, 0, 1));
  assert.equal(byName.signup!.max, Date.UTC(2025, 11, 31, 23, 59, 59));
  assert.equal(byName.notes!.required, false);
  assert.deepEqual(
    schemaColumnTypes(schema),
    new Map([
      ["id", "integer"],
      ["age", "number"],
      ["income", "number"],
      ["plan", "category"],
      ["email", "string"],
      ["signup", "datetime"],
      ["active", "boolean"],
      ["notes", "string"],
    ]),
  );
});

test("the fixture also validates against the JSON Schema directly (what editors use)", () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(readFileSync("schemas/schema-file.schema.json", "utf8")));
  assert.ok(validate(parseYaml(readFileSync(FIXTURE, "utf8"))), JSON.stringify(validate.errors));
  assert.equal(validate({ version: 1, columns: { a: { type: "number", pattern: "x" } } }), false);
  assert.equal(validate({ version: 1, columns: { a: { type: "number", nulable: true } } }), false);
});

test("extra_columns and rows.max are read; unusual column names are kept as written", () => {
  const s = parseSchema(
    'version: 1\ncolumns:\n  "ünïcødé": {type: string}\n  "a|b": {type: number}\n  "`tick`": {type: category, allowed: [1, yes, "01"]}\n  "__proto__": {type: string}\nrows: {max: 5}\nextra_columns: warn\n',
    "u.yaml",
  );
  assert.deepEqual(
    s.columns.map((c) => c.name),
    ["ünïcødé", "a|b", "`tick`", "__proto__"],
  );
  assert.deepEqual(s.columns[2]!.allowed, ["1", "yes", "01"]);
  // Names are data: a Map, so `__proto__` is a column like any other.
  assert.deepEqual([...schemaColumnTypes(s).keys()], ["ünïcødé", "a|b", "`tick`", "__proto__"]);
  assert.deepEqual(s.rows, { max: 5 });
  assert.equal(s.extraColumns, "warn");
});

test("a wrong value type names the file, the key path and the value", () => {
  const e = schemaError(columns("  age: { type: number, min: x }\n"), "schema.yaml");
  assert.equal(e.message, "schema.yaml: columns.age.min: must be a number, got 'x' (line 3)");
});

test("a bad type name is an error with a suggestion", () => {
  const e = schemaError(columns("  age: { type: flaot }\n  n: { type: int }\n  s: { type: strng }\n"));
  const lines = e.message.split("\n");
  assert.equal(lines.length, 3);
  assert.match(
    lines[0]!,
    /^s\.yaml: columns\.age\.type: must be one of number, .*; got 'flaot' \(did you mean 'number'\?\) \(line 3\)$/,
  );
  assert.match(lines[1]!, /columns\.n\.type: .*got 'int' \(did you mean 'integer'\?\) \(line 4\)$/);
  assert.match(lines[2]!, /columns\.s\.type: .*got 'strng' \(did you mean 'string'\?\) \(line 5\)$/);
});

test("unknown keys are errors, with 'did you mean' where there is a close key", () => {
  let e = schemaError(columns("  age:\n    type: number\n    nulable: true\n"));
  assert.equal(e.message, "s.yaml: columns.age.nulable: unknown key 'nulable' (did you mean 'nullable'?) (line 5)");
  assert.match(e.hint!, /nullable/);
  e = schemaError("version: 1\ncolums:\n  a: {type: number}\n");
  assert.match(e.message, /s\.yaml: colums: unknown key 'colums' \(did you mean 'columns'\?\) \(line 2\)/);
  assert.match(e.message, /s\.yaml: columns: missing/);
  e = schemaError(columns("  a: {type: number}\nrows: {minimum: 3}\n"));
  assert.match(e.message, /rows\.minimum: unknown key 'minimum' \(did you mean 'min'\?\) \(line 4\)/);
  e = schemaError(columns("  a: {type: number, colour: red}\n"));
  assert.equal(e.message, "s.yaml: columns.a.colour: unknown key 'colour' (line 3)");
});

test("a bad regex is a schema error naming the column", () => {
  const e = schemaError(columns("  email: { type: string, pattern: '[a-' }\n"));
  assert.match(
    e.message,
    /^s\.yaml: columns\.email\.pattern: '\[a-' is not a valid regular expression: .+ \(line 3\)$/,
  );
});

test("patterns RE2 cannot run in linear time (backreferences, lookaround) are schema errors naming the column and why", () => {
  let e = schemaError(columns("  code: { type: string, pattern: '^(a)\\1$' }\n"));
  assert.equal(
    e.message,
    "s.yaml: columns.code.pattern: '^(a)\\1$' uses a backreference (\\1), which modelguard does not support: " +
      "patterns run on RE2, a linear-time engine, so that no pattern can stall validation (line 3)",
  );
  assert.match(e.hint!, /without backreferences and lookaround/);
  e = schemaError(
    columns(
      "  a: { type: string, pattern: '(?<x>.)\\k<x>' }\n  b: { type: category, pattern: '^(?!tmp)' }\n  c: { type: string, pattern: '(?<=@)x' }\n",
    ),
  );
  const lines = e.message.split("\n");
  assert.match(lines[0]!, /^s\.yaml: columns\.a\.pattern: .* uses a named backreference \(\\k\)/);
  assert.match(lines[1]!, /^s\.yaml: columns\.b\.pattern: '\^\(\?!tmp\)' uses a lookahead \(\(\?!\)/);
  assert.match(lines[2]!, /^s\.yaml: columns\.c\.pattern: .* uses a lookbehind \(\(\?<=\).* \(line 5\)$/);
  // The catastrophic-backtracking pattern itself is fine: RE2 runs it in linear time.
  assert.equal(
    parseSchema(columns("  a: { type: string, pattern: '^(a+)+$' }\n"), "s.yaml").columns[0]!.pattern,
    "^(a+)+$",
  );
});

test("min > max is an error, for columns and for rows", () => {
  let e = schemaError(columns("  age: { type: number, min: 5, max: 1 }\n"));
  assert.equal(e.message, "s.yaml: columns.age.min: min 5 is greater than max 1 (line 3)");
  e = schemaError(columns("  d: { type: datetime, min: 2024-02-01, max: 2024-01-01 }\n"));
  assert.match(e.message, /columns\.d\.min: min '2024-02-01' is greater than max '2024-01-01'/);
  e = schemaError(columns("  a: {type: number}\nrows: { min: 10, max: 5 }\n"));
  assert.match(e.message, /rows\.min: min 10 is greater than max 5 \(line 4\)/);
  // Equal bounds are fine.
  assert.equal(parseSchema(columns("  a: {type: number, min: 1, max: 1}\n"), "s.yaml").columns[0]!.min, 1);
});

test("version missing or not 1", () => {
  let e = schemaError("columns:\n  a: {type: number}\n");
  assert.equal(e.message, "s.yaml: version: missing (line 1)");
  assert.match(e.hint!, /version: 1/);
  e = schemaError("version: 2\ncolumns:\n  a: {type: number}\n");
  assert.equal(e.message, "s.yaml: version: must be 1, got 2 (line 1)");
  e = schemaError("version: '1'\ncolumns:\n  a: {type: number}\n");
  assert.equal(e.message, "s.yaml: version: must be 1, got '1' (line 1)");
});

test("YAML syntax errors name the line", () => {
  let e = schemaError("version: 1\ncolumns:\n  age: { type: number\n  x: 1\n");
  assert.match(e.message, /^s\.yaml: line 4, column \d+: YAML syntax error: /);
  e = schemaError("version: 1\ncolumns:\n  a: {type: number}\n  a: {type: string}\n");
  assert.equal(
    e.message,
    "s.yaml: line 4, column 3: YAML syntax error: Map keys must be unique; 'a' is also on line 3",
  );
  e = schemaError("version: 1\ncolumns:\n  a: 'unterminated\n");
  assert.match(e.message, /^s\.yaml: line \d+, column \d+: YAML syntax error: /);
});

test("keys that do not apply to a type, and type-specific value rules", () => {
  let e = schemaError(columns("  age: {type: number, pattern: 'a'}\n  b: {type: boolean, unique: true}\n"));
  assert.equal(
    e.message,
    "s.yaml: columns.age.pattern: 'pattern' does not apply to number columns (line 3)\n" +
      "s.yaml: columns.b.unique: 'unique' does not apply to boolean columns (line 4)",
  );
  e = schemaError(columns("  s: {type: string, min: 1}\n"));
  assert.match(e.message, /columns\.s\.min: 'min' does not apply to string columns/);
  e = schemaError(columns("  d: {type: datetime, min: yesterday}\n"));
  assert.match(e.message, /columns\.d\.min: must be an ISO 8601 date or date-time .*got 'yesterday' \(line 3\)/);
  e = schemaError(columns("  d: {type: datetime, max: 2024-02-30}\n"));
  assert.match(e.message, /columns\.d\.max: must be an ISO 8601/);
  e = schemaError(columns("  d: {type: datetime, max: 20240101}\n"));
  assert.match(e.message, /columns\.d\.max: must be a string, got 20240101/);
  e = schemaError(columns("  a: {type: integer, allowed: [1, 1.5]}\n"));
  assert.equal(e.message, "s.yaml: columns.a.allowed[1]: must be an integer, got 1.5 (line 3)");
  e = schemaError(columns("  a: {type: number, max: .inf}\n"));
  assert.match(e.message, /columns\.a\.max: must be a number, got \.inf/);
});

test("mostly must be in (0, 1]; allowed must be non-empty and without repeats", () => {
  let e = schemaError(columns("  a: {type: number, mostly: 0}\n  b: {type: number, mostly: 1.5}\n"));
  assert.match(e.message, /columns\.a\.mostly: must be > 0, got 0 \(line 3\)/);
  assert.match(e.message, /columns\.b\.mostly: must be <= 1, got 1\.5 \(line 4\)/);
  assert.equal(parseSchema(columns("  a: {type: number, mostly: 1}\n"), "s.yaml").columns[0]!.mostly, 1);
  e = schemaError(columns("  a: {type: category, allowed: []}\n"));
  assert.equal(e.message, "s.yaml: columns.a.allowed: must list at least one value (line 3)");
  e = schemaError(columns("  a: {type: category, allowed: [x, y, x]}\n"));
  assert.match(e.message, /columns\.a\.allowed: lists 'x' twice/);
  e = schemaError(columns("  a: {type: category, allowed: [1, '1']}\n"));
  assert.match(e.message, /columns\.a\.allowed: lists '1' twice \(values are compared as text\)/);
});

test("structure errors: empty file, a list, a column that is not a mapping, a missing type", () => {
  assert.match(schemaError("").message, /^s\.yaml: \(top level\): the file is empty$/);
  assert.match(schemaError("# only a comment\n").message, /the file is empty/);
  assert.match(schemaError("- a\n- b\n").message, /^s\.yaml: \(top level\): must be a mapping/);
  const e = schemaError(columns("  age: number\n"));
  assert.equal(e.message, "s.yaml: columns.age: must be a mapping (key: value lines), got 'number' (line 3)");
  assert.equal(e.hint, "write the column as `age: { type: number }`");
  assert.match(schemaError(columns("  a: {}\n")).message, /columns\.a\.type: missing \(line 3\)/);
  assert.match(
    schemaError(columns('  "a.b": {type: number, min: true}\n')).message,
    /columns\["a\.b"\]\.min: must be a number, got true/,
  );
  const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    .concat(["b", "c", "d", "e"].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${"abcd"[i]}`).join(", ")}]`))
    .join("\n");
  assert.match(schemaError(bomb).message, /^s\.yaml: Excessive alias count/);
  // An empty name is a name (pandas writes one for an unnamed index column).
  assert.equal(parseSchema(columns('  "": {type: number}\n'), "s.yaml").columns[0]!.name, "");
});

test("every problem is reported, ordered by line", () => {
  const e = schemaError(
    "version: 1\ncolumns:\n  a: {type: number, min: 3, max: 1}\n  b: {type: strin}\n  c: {type: string, pattern: '('}\nextra_columns: sometimes\n",
  );
  const lines = e.message.split("\n");
  assert.equal(lines.length, 4, e.message);
  assert.deepEqual(
    lines.map((l) => /\(line (\d+)\)$/.exec(l)?.[1]),
    ["3", "4", "5", "6"],
  );
  assert.match(lines[3]!, /extra_columns: must be one of error, warn, ignore; got 'sometimes'/);
});

test("parseSchemaFile: a missing file is a schema error naming it", () => {
  assert.throws(
    () => parseSchemaFile("fixtures/schema/does-not-exist.yaml"),
    (e: unknown) =>
      e instanceof ModelguardError &&
      e.code === "schema" &&
      /not found: fixtures\/schema\/does-not-exist\.yaml/.test(e.message),
  );
});

test(
  "a schema of 50,000 columns parses in linear time, and a repeated column name is still an error naming both lines",
  {
    // The yaml package's own duplicate-key check compared every key with every earlier one: 20,000 columns took 25 s,
    // 50,000 about a minute; linear, they take a few seconds. The timeout keeps a regression from passing slowly.
    timeout: 60_000,
  },
  () => {
    const n = 50_000;
    const body = Array.from({ length: n }, (_, i) => `  c${i}: { type: number, min: 0 }\n`).join("");
    const schema = parseSchema(columns(body), "wide.yaml");
    assert.equal(schema.columns.length, n);
    assert.equal(schema.columns[n - 1]!.name, `c${n - 1}`);

    // The repeat is the last line; the first occurrence is line 3 (after `version` and `columns`).
    const e = schemaError(columns(`${body}  c0: { type: string }\n`), "wide.yaml");
    assert.equal(
      e.message,
      `wide.yaml: line ${n + 3}, column 3: YAML syntax error: Map keys must be unique; 'c0' is also on line 3`,
    );
    assert.match(e.hint!, /may appear once/);

    // Every column wrong: one problem per column, each located (the line lookup is indexed, not a search per problem).
    const firstLines = body.slice(0, body.indexOf("  c20000:"));
    const bad = schemaError(columns(firstLines.replaceAll("type: number", "type: numbr")), "wide.yaml");
    assert.match(bad.message, /^wide\.yaml: columns\.c0\.type: must be one of .* \(line 3\)$/m);
    assert.match(bad.message, /and 19980 more problems$/);
  },
);

test("duplicate keys are found at every level, and keys that become the same text collide", () => {
  let e = schemaError(columns("  a: {type: number, min: 1, min: 2}\n"));
  assert.equal(
    e.message,
    "s.yaml: line 3, column 29: YAML syntax error: Map keys must be unique; 'min' is also on line 3",
  );
  e = schemaError("version: 1\ncolumns:\n  1: {type: number}\n  '1': {type: number}\n");
  assert.match(e.message, /^s\.yaml: line 4, column 3: .*Map keys must be unique; '1' is also on line 3$/);
  e = schemaError("version: 1\nversion: 1\ncolumns:\n  a: {type: number}\n");
  assert.match(e.message, /line 2, column 1: .*'version' is also on line 1/);
  // The same name in different mappings is not a repeat.
  assert.equal(parseSchema(columns("  min: {type: number, min: 1}\n"), "s.yaml").columns[0]!.min, 1);
});
