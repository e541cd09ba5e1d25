import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { validateFiles } from "../../src/cli/commands/validate.js";
import { parseSchemaFile } from "../../src/schema/parseSchemaFile.js";
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
 * (required or not), extra columns, and an environment that excludes some of each.
 */
function draw(seed: number): { csv: string; schema: string; environment?: string } {
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
  const lines = [fileColumns.map((c) => c.name).join(",")];
  for (let i = 0; i < rows; i++) lines.push(fileColumns.map((c) => c.cell()).join(","));
  const specs = columns.map(
    (c) => `  ${c.name}: ${r() < 0.2 ? c.spec.replace("{ type:", "{ required: false, type:") : c.spec}`,
  );
  const excluded = columns.filter(() => r() < 0.15).map((c) => c.name);
  const schema =
    `version: 1\ncolumns:\n${specs.join("\n")}\n` +
    (r() < 0.4 ? `rows: { min: ${pick([1, 5, 10])}, max: ${pick([10, 30])} }\n` : "") +
    (r() < 0.6 ? `extra_columns: ${pick(["error", "warn", "ignore"])}\n` : "") +
    `environments: { serving: { exclude: [${excluded.join(", ")}] } }\n`;
  return { csv: lines.join("\n") + "\n", schema, ...(r() < 0.3 && { environment: "serving" }) };
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

test("row checks, compound keys, JSON Lines and narrow files are read in one pass", async () => {
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
  const jsonl = file("j.jsonl", '{"a": 1, "b": 2, "c": 3}\n');
  assert.equal(await validateInColumnBlocks(jsonl, plain, {}, 1), null);
  // A block of no columns (or NaN) would loop for ever.
  for (const bad of [0, -1, Number.NaN])
    await assert.rejects(validateInColumnBlocks(csv, plain, {}, bad), /blockColumns must be at least 1/);
});
