import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { validateFiles } from "../../src/cli/commands/validate.js";
import { parseSchemaFile } from "../../src/schema/parseSchemaFile.js";
import { ModelguardError } from "../../src/errors.js";
import { validateInColumnBlocks } from "../../src/schema/validateInColumnBlocks.js";
import { rng } from "../helpers/random.js";

const dir = mkdtempSync(join(tmpdir(), "modelguard-validate-blocks-"));
after(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, `${counter++}-${name}`);
  writeFileSync(path, content);
  return path;
}

type Pick = <T>(xs: readonly T[]) => T;

/** A schema column of a random type with random checks, and a random cell of that column. */
interface ColumnDraw {
  spec: string;
  cell: () => string;
}

function drawColumn(r: () => number, pick: Pick): ColumnDraw {
  const maybe = (p: number, text: string) => (r() < p ? text : "");
  const blank = (cell: () => string) => () => (r() < 0.1 ? "" : r() < 0.05 ? "oops" : cell());
  const common = (unique = true) =>
    maybe(0.4, ", nullable: true") +
    maybe(0.2, `, mostly: ${pick([0.5, 0.8, 0.95])}`) +
    (unique ? maybe(0.15, ", unique: true") : "");
  const kind = pick(["integer", "number", "string", "category", "boolean", "datetime"] as const);
  switch (kind) {
    case "integer":
    case "number": {
      const spec =
        `{ type: ${kind}` +
        common() +
        maybe(0.4, `, min: ${pick([0, 2, 5])}`) +
        maybe(0.4, `, max: ${pick([6, 9, 20])}`) +
        maybe(0.15, ", allowed: [1, 2, 3, 4]") +
        maybe(0.2, `, mean: { min: ${pick([1, 4])}, max: ${pick([5, 8])} }`) +
        maybe(0.2, `, median: { max: ${pick([3, 6])} }`) +
        maybe(0.2, `, quantiles: { 0.1: { min: 1 }, 0.9: { max: ${pick([5, 8])} } }`) +
        maybe(0.2, `, distinct_count: { max: ${pick([3, 6])} }`) +
        " }";
      const int = () => String(Math.floor(r() * 12) - 1);
      return { spec, cell: blank(kind === "integer" ? int : () => (r() < 0.5 ? int() : (r() * 10).toFixed(1))) };
    }
    case "string":
    case "category": {
      const spec =
        `{ type: ${kind}` +
        common() +
        maybe(0.3, ", allowed: [a, bb, ccc]") +
        maybe(0.3, `, pattern: "^[ab]"`) +
        maybe(0.3, `, length: { min: ${pick([1, 2])}, max: ${pick([2, 3])} }`) +
        maybe(0.2, `, distinct_count: { max: ${pick([2, 4])} }`) +
        " }";
      return { spec, cell: blank(() => pick(["a", "bb", "ccc", "dddd", "b c", '"q, ""x"""', "7"])) };
    }
    case "boolean":
      return { spec: `{ type: boolean${common(false)} }`, cell: blank(() => pick(["true", "false", "0", "1"])) };
    case "datetime":
      return {
        spec: `{ type: datetime${common()}${maybe(0.3, ', min: "2024-03-01"')} }`,
        cell: blank(() => `2024-0${1 + Math.floor(r() * 6)}-1${Math.floor(r() * 9)}`),
      };
  }
}

/**
 * A random CSV and schema: schema columns in the file in another order, schema columns missing from the file
 * (required or not), extra columns, and an environment that excludes some of each. `names` and `rows`: the CSV's
 * header and cells (as written: a quoted cell with its quotes).
 */
function draw(seed: number): { csv: string; schema: string; environment?: string; names: string[]; rows: string[][] } {
  const r = rng(seed);
  const pick: Pick = (xs) => xs[Math.floor(r() * xs.length)]!;
  const n = 2 + Math.floor(r() * 10);
  const columns = Array.from({ length: n }, (_, k) => ({ name: `s${k}`, ...drawColumn(r, pick) }));
  const inFile = columns.filter(() => r() < 0.8);
  const extras = Array.from({ length: Math.floor(r() * 4) }, (_, k) => ({
    name: `x${k}`,
    cell: () => String(Math.floor(r() * 5)),
  }));
  const fileColumns = [...inFile, ...extras].sort(() => r() - 0.5);
  const rows = pick([0, 1, 3, 7, 20, 45]);
  const names = fileColumns.map((c) => c.name);
  const cells = Array.from({ length: rows }, () => fileColumns.map((c) => c.cell()));
  const lines = [names.join(","), ...cells.map((row) => row.join(","))];
  const specs = columns.map(
    (c) => `  ${c.name}: ${r() < 0.2 ? c.spec.replace("{ type:", "{ required: false, type:") : c.spec}`,
  );
  const excluded = columns.filter(() => r() < 0.15).map((c) => c.name);
  const schema =
    `version: 1\ncolumns:\n${specs.join("\n")}\n` +
    (r() < 0.4 ? `rows: { min: ${pick([1, 5, 10])}, max: ${pick([10, 30])} }\n` : "") +
    (r() < 0.6 ? `extra_columns: ${pick(["error", "warn", "ignore"])}\n` : "") +
    `environments: { serving: { exclude: [${excluded.join(", ")}] } }\n`;
  return { csv: lines.join("\n") + "\n", schema, ...(r() < 0.3 && { environment: "serving" }), names, rows: cells };
}

test("validate in blocks of 1 to 5 columns reports exactly what one pass does, on random files and schemas", async () => {
  let blocked = 0;
  for (let seed = 1; seed <= 120; seed++) {
    const { csv, schema, environment } = draw(seed);
    const schemaPath = file("schema.yml", schema);
    const data = seed % 3 === 0 ? file("data.csv.gz", gzipSync(csv)) : file("data.csv", csv);
    const flags = { data, schema: schemaPath, fail: true, ...(environment !== undefined && { environment }) };
    const whole = JSON.stringify(await validateFiles(flags, { blockColumns: Infinity }));
    for (let block = 1; block <= 5; block++) {
      const parts = JSON.stringify(await validateFiles(flags, { blockColumns: block }));
      assert.equal(parts, whole, `seed ${seed}, blocks of ${block}\n${schema}\n${csv}`);
    }
    const columns = csv.slice(0, csv.indexOf("\n")).split(",").length;
    if (columns > 1) blocked++;
    // The blocks were used: one pass is what validateFiles falls back to.
    const parsed = parseSchemaFile(schemaPath);
    if (columns > 1) assert.notEqual(await validateInColumnBlocks(data, parsed, {}, 1), null);
  }
  assert.ok(blocked > 100, `${blocked} files read in blocks`);
});

/**
 * draw's file as JSON Lines: the same cells in records whose keys come in any order, written escaped now and then
 * (`"\u0073..."` is `"s..."`); an empty cell null or left out; numbers now and then as strings and booleans as
 * true/false; extra keys (y0, y1) in some records only; now and then one column first seen in a late record; and a
 * byte order mark, CRLF line ends and blank lines on some seeds. `keys`: the file's keys.
 */
function jsonlTwin(seed: number, names: readonly string[], rows: readonly string[][]): { text: string; keys: number } {
  const r = rng(seed * 7919 + 1);
  const late = r() < 0.4 ? Math.floor(r() * names.length) : -1;
  const lateFrom = Math.floor(rows.length * 0.6);
  const keys = new Set<string>();
  const value = (text: string): string => {
    if (text.startsWith('"')) return JSON.stringify(text.slice(1, -1).replaceAll('""', '"'));
    if (/^-?\d+(\.\d+)?$/.test(text) && r() < 0.7) return text;
    if ((text === "true" || text === "false") && r() < 0.7) return text;
    return JSON.stringify(text);
  };
  const key = (name: string) =>
    r() < 0.15 ? `"\\u${name.charCodeAt(0).toString(16).padStart(4, "0")}${name.slice(1)}"` : JSON.stringify(name);
  const lines: string[] = [];
  for (const row of rows) {
    const fields: string[] = [];
    for (let k = 0; k < names.length; k++) {
      if (k === late && lines.length < lateFrom) continue;
      if (row[k] === "" && r() < 0.5) continue;
      fields.push(`${key(names[k]!)}: ${row[k] === "" ? "null" : value(row[k]!)}`);
      keys.add(names[k]!);
    }
    for (const extra of ["y0", "y1"])
      if (r() < 0.3) {
        fields.push(`${key(extra)}: ${r() < 0.5 ? Math.floor(r() * 9) : '"e"'}`);
        keys.add(extra);
      }
    fields.sort(() => r() - 0.5);
    lines.push(r() < 0.5 ? `{${fields.join(",")}}` : `{ ${fields.join(", ")} }`);
    if (r() < 0.05) lines.push("");
  }
  const newline = seed % 4 === 1 ? "\r\n" : "\n";
  return { text: (seed % 5 === 2 ? "\uFEFF" : "") + lines.join(newline) + newline, keys: keys.size };
}

/** The number of keys of the first record of JSON Lines `text` (a record of draw's has no nested value). */
function firstKeys(text: string): number {
  const line = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .find((l) => l.trim() !== "")!;
  return Object.keys(JSON.parse(line) as object).length;
}

/** validateFiles' report, or its error (as JSON): blocks must give the one pass's either way. */
async function validateOutcome(flags: Parameters<typeof validateFiles>[0], blockColumns: number): Promise<string> {
  try {
    return JSON.stringify(await validateFiles(flags, { blockColumns }));
  } catch (e) {
    if (!(e instanceof ModelguardError)) throw e;
    return JSON.stringify({ error: { code: e.code, message: e.message, hint: e.hint } });
  }
}

// JSON Lines. The assertions that validateInColumnBlocks gave a result fail until it reads JSON Lines (it gives null
// for them, and validateFiles reads them in one pass).

test("validate of JSON Lines in blocks of 1 to 5 columns reports exactly what one pass does, on random files and schemas", async () => {
  let blocked = 0;
  for (let seed = 1; seed <= 120; seed++) {
    const { schema, environment, names, rows } = draw(seed);
    const { text, keys } = jsonlTwin(seed, names, rows);
    const schemaPath = file("schema.yml", schema);
    const data = seed % 3 === 0 ? file("data.jsonl.gz", gzipSync(text)) : file("data.jsonl", text);
    const flags = { data, schema: schemaPath, fail: true, ...(environment !== undefined && { environment }) };
    const whole = await validateOutcome(flags, Infinity);
    for (let block = 1; block <= 5; block++)
      assert.equal(await validateOutcome(flags, block), whole, `seed ${seed}, blocks of ${block}\n${schema}\n${text}`);
    // The blocks were used (one pass is what validateFiles falls back to), when the first record has more keys than a
    // block: a narrower one is read in one pass.
    if (keys > 1 && firstKeys(text) > 1 && !whole.startsWith('{"error"')) {
      assert.notEqual(await validateInColumnBlocks(data, parseSchemaFile(schemaPath), {}, 1), null, `seed ${seed}`);
      blocked++;
    }
  }
  assert.ok(blocked > 80, `${blocked} files read in blocks`);
});

test("validate of JSON Lines in blocks: a nested value in a column read, a syntax error and an empty key are one pass's errors", async () => {
  const schema = file(
    "s.yml",
    "version: 1\ncolumns:\n  a: { type: integer }\n  b: { type: string }\n  c: { type: number }\n" +
      "environments: { serving: { exclude: [c] } }\n",
  );
  const records = [
    '{"a": 1, "b": "x", "c": 1.5, "x": 3}',
    '{"b": "y", "a": 2, "c": 2.5}',
    '{"c": 0, "a": 3, "b": "z"}',
  ];
  const cases: [string, (lines: string[]) => void, RegExp, string?][] = [
    ["nested in a schema column", (l) => (l[1] = '{"b": {"y": 1}, "a": 2, "c": 2.5}'), /line 2.*'b' holds a nested/],
    [
      "nested in an extra key",
      (l) => (l[2] = '{"c": 0, "x": [1, [2]], "a": 3, "b": "z"}'),
      /line 3.*'x' holds a nested/,
    ],
    [
      "nested in a column the environment excludes",
      (l) => (l[2] = '{"c": {}, "a": 3, "b": "z"}'),
      /line 3.*'c' holds a nested/,
      "serving",
    ],
    ["a syntax error", (l) => (l[2] = '{"c": 0, "a": 3 "b": "z"}'), /line 3.*expected ','/],
    ["a value that is no JSON", (l) => (l[1] = '{"b": "y", "a": 02, "c": 2.5}'), /line 2.*'a'/],
    ["an empty key", (l) => (l[1] = '{"b": "y", "": 2, "c": 2.5}'), /line 2.*empty string/],
  ];
  for (const [label, edit, error, environment] of cases) {
    const lines = [...records];
    edit(lines);
    const data = file("bad.jsonl", lines.join("\n") + "\n");
    const flags = { data, schema, fail: true, ...(environment !== undefined && { environment }) };
    const whole = await validateOutcome(flags, Infinity);
    assert.match(whole, error, label);
    for (let block = 1; block <= 3; block++) assert.equal(await validateOutcome(flags, block), whole, label);
  }
});

test("the examples' rows, the rows check and every check kind come out the same from blocks of 2 columns", async () => {
  const csv = [
    "id,n,s,x,d",
    "1,5,a,9,2024-01-01",
    "2,,bb,9,2024-02-01",
    "2,40,zzzz,9,not a day",
    "3,7.5,,9,2024-03-01",
    "4,x,a,9,",
  ].join("\n");
  const schema = file(
    "s.yml",
    `version: 1
columns:
  id: { type: integer, unique: true }
  n: { type: integer, min: 0, max: 10, mean: { max: 3 }, median: { max: 4 }, quantiles: { 0.9: { max: 5 } } }
  s: { type: string, pattern: "^[ab]", length: { max: 2 }, allowed: [a, bb], distinct_count: { max: 1 }, mostly: 0.7 }
  d: { type: datetime, min: "2024-01-15" }
  gone: { type: number }
rows: { min: 10 }
`,
  );
  const data = file("d.csv", csv + "\n");
  const whole = await validateFiles({ data, schema, fail: true }, { blockColumns: Infinity });
  const parts = await validateFiles({ data, schema, fail: true }, { blockColumns: 2 });
  assert.equal(JSON.stringify(parts), JSON.stringify(whole));
  assert.deepEqual(
    whole.violations.map((v) => `${v.kind}:${v.column ?? ""}:${v.examples.map((e) => e.row).join("/")}`),
    [
      "rows::",
      "unique:id:1/2",
      "type:n:3/4",
      "nullable:n:1",
      "max:n:2",
      "mean:n:",
      "median:n:",
      "quantile:n:",
      "nullable:s:3",
      "allowed:s:2",
      "pattern:s:2",
      "length:s:2",
      "distinct_count:s:",
      "type:d:2",
      "nullable:d:4",
      "min:d:0",
      "missing_column:gone:",
      "extra_column:x:",
    ],
  );
});

test("a repeated header name is the same error in blocks as in one pass", async () => {
  const data = file("twice.csv", "a,b,a,c\n1,2,3,4\n");
  const schema = file("s.yml", "version: 1\ncolumns:\n  a: { type: integer }\n  b: { type: integer }\n");
  const message = async (blockColumns: number) =>
    validateFiles({ data, schema, fail: true }, { blockColumns }).then(
      () => "no error",
      (e: Error) => e.message,
    );
  assert.match(await message(Infinity), /column name 'a' appears twice in the header/);
  assert.equal(await message(1), await message(Infinity));
});

test("row checks, compound keys and narrow files are read in one pass, CSV or JSON Lines", async () => {
  const csv = file("c.csv", "a,b,c\n1,2,3\n");
  const parse = (text: string) => parseSchemaFile(file("s.yml", `version: 1\ncolumns:\n${text}`));
  const plain = parse("  a: { type: integer }\n  b: { type: integer }\n");
  assert.notEqual(await validateInColumnBlocks(csv, plain, {}, 2), null);
  assert.equal(await validateInColumnBlocks(csv, plain, {}, 3), null, "3 columns: no more than a block");
  assert.equal(await validateInColumnBlocks(csv, parse("  a: { type: integer }\nchecks:\n  - a > 0\n"), {}, 1), null);
  assert.equal(
    await validateInColumnBlocks(csv, parse("  a: { type: integer }\n  b: { type: integer }\nunique: [a, b]\n"), {}, 1),
    null,
  );
  // JSON Lines whose first record has more keys than a block is read in blocks (fails until validateInColumnBlocks
  // reads JSON Lines), the other cases as CSV; a file whose keys pass a block only in later records in one pass (it is
  // not read in full only to find out).
  const jsonl = file("j.jsonl", '{"a": 1, "b": 2, "c": 0}\n{"c": 3, "a": 4}\n');
  assert.notEqual(await validateInColumnBlocks(jsonl, plain, {}, 2), null, "JSON Lines of 3 keys in blocks of 2");
  assert.equal(await validateInColumnBlocks(jsonl, plain, {}, 3), null, "3 keys: no more than a block");
  const growing = file("g.jsonl", '{"a": 1}\n{"b": 3, "c": 4}\n');
  assert.equal(await validateInColumnBlocks(growing, plain, {}, 2), null, "a first record of 1 key: one pass");
  assert.equal(await validateInColumnBlocks(jsonl, parse("  a: { type: integer }\nchecks:\n  - a > 0\n"), {}, 1), null);
  assert.equal(
    await validateInColumnBlocks(
      jsonl,
      parse("  a: { type: integer }\n  b: { type: integer }\nunique: [a, b]\n"),
      {},
      1,
    ),
    null,
  );
  // A block of no columns (or NaN) would loop for ever.
  for (const bad of [0, -1, Number.NaN])
    await assert.rejects(validateInColumnBlocks(csv, plain, {}, bad), /blockColumns must be at least 1/);
});
