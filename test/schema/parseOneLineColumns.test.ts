import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse } from "yaml";
import { linesOf, readOneLineColumns } from "../../src/schema/parseOneLineColumns.js";

/**
 * readOneLineColumns' columns collected into one object, as the whole document's value has them (the reader itself
 * keeps none: parseSchemaLines builds each column as it comes).
 */
function parseOneLineColumns(text: string): Record<string, unknown> | null {
  const columns: Record<string, unknown> = {};
  const value = readOneLineColumns(linesOf(text), (name, v) => {
    if (Object.hasOwn(columns, name)) return false;
    // An own property whatever the name (`__proto__` included), as the whole document's value has.
    Object.defineProperty(columns, name, { value: v, enumerable: true, writable: true, configurable: true });
    return true;
  });
  if (value !== null && value.columns !== null) value.columns = columns;
  return value;
}
import { parseSchema } from "../../src/schema/parseSchema.js";

/** What the whole document parses to: the value the pieces must add up to. */
const whole = (text: string) => parse(text, { uniqueKeys: false }) as unknown;

test("a schema written one column per line is parsed in pieces to the whole document's value", () => {
  const names = Array.from({ length: 4500 }, (_, i) => (i === 7 ? "__proto__" : i === 8 ? "constructor" : `c${i}`));
  const text = [
    "# header comment",
    "version: 1",
    "columns:",
    "  # a comment between columns",
    ...names.map((n, i) => `  ${n}: { type: integer, min: ${i}, max: ${i + 10} }  # observed ${i}`),
    "",
    "rows: { min: 1 }",
    "extra_columns: warn",
  ].join("\n");
  const got = parseOneLineColumns(text);
  assert.ok(got !== null);
  assert.deepEqual(Object.keys(got), ["version", "columns", "rows", "extra_columns"]);
  assert.deepEqual(Object.keys(got.columns as object), names);
  assert.deepEqual(JSON.stringify(got), JSON.stringify(whole(text)));
  // `__proto__` is a column like any other, through the whole of parseSchema too.
  const schema = parseSchema(text, "wide.yml");
  assert.deepEqual(
    schema.columns.map((c) => c.name),
    names,
  );
});

test("other shapes, and pieces a split would break, fall back to the whole document (null)", () => {
  const cases = [
    // A column over several lines.
    "version: 1\ncolumns:\n  a:\n    type: integer\n",
    // Columns at another indentation.
    "version: 1\ncolumns:\n    a: { type: integer }\n",
    // A flow mapping over two lines, a quoted string over two lines.
    "version: 1\ncolumns:\n  a: { type: integer,\n  min: 1 }\n",
    'version: 1\ncolumns:\n  a: { type: string, pattern: "x\n  y" }\n',
    // An alias to an anchor in another piece, a repeated column, columns twice, a syntax error.
    `version: 1\ncolumns:\n  a: &t { type: integer }\n${Array.from({ length: 2000 }, (_, i) => `  b${i}: { type: integer }`).join("\n")}\n  z: *t\n`,
    "version: 1\ncolumns:\n  a: { type: integer }\n  a: { type: string }\n",
    "version: 1\ncolumns:\n  a: { type: integer }\ncolumns:\n  b: { type: integer }\n",
    "version: 1\ncolumns:\n  a: { type: integer\n",
    "version: 1\ncolumns: { a: { type: integer } }\n",
  ];
  for (const text of cases) assert.equal(parseOneLineColumns(text), null, text.slice(0, 80));
});

test("a line that means something only next to the line before it is read as the whole document reads it", () => {
  // Each is a YAML error after a column line; alone in a piece of its own, each parsed (as column "0", "a", "[ g ]").
  const after = [
    "  - { type: string }",
    "  { a: { type: integer } }",
    "  [{ type: string }]",
    "  [g]: { type: string }",
  ];
  for (const line of after) {
    const text = `version: 1\ncolumns:\n  a: { type: string }\n${line}\n`;
    assert.equal(parseOneLineColumns(text), null, line);
    assert.throws(() => parseSchema(text, "s.yaml"), /s\.yaml: line 4, column \d+: YAML syntax error/, line);
  }
  // The only column line a list item: `columns` is a list, which the whole document reports.
  assert.throws(
    () => parseSchema("version: 1\ncolumns:\n  - { type: string }\n", "s.yaml"),
    /s\.yaml: columns: must be a mapping \(key: value lines\), got a list \(line 3\)/,
  );
  // A directive changes how scalars read (YAML 1.1: 0777 is octal, `yes` a boolean): the whole document.
  const v11 = "%YAML 1.1\n---\nversion: 1\ncolumns:\n  b: { type: integer, min: 0777, max: 1000 }\n";
  assert.equal(parseOneLineColumns(v11), null);
  assert.equal(JSON.stringify(whole(v11)), JSON.stringify(parse(v11)));
});

test("errors in a one-line-per-column schema keep their line numbers (the whole document is parsed again)", () => {
  const lines = ["version: 1", "columns:", ...Array.from({ length: 3000 }, (_, i) => `  c${i}: { type: integer }`)];
  lines[2502] = "  c2500: { type: integer, min: x }";
  assert.throws(
    () => parseSchema(lines.join("\n"), "wide.yml"),
    (e: Error) => /wide\.yml: columns\.c2500\.min: .*\(line 2503\)/.test(e.message),
  );
  lines[2502] = "  c0: { type: integer }";
  assert.throws(
    () => parseSchema(lines.join("\n"), "wide.yml"),
    (e: Error) => /line 2503, column 3: .*Map keys must be unique; 'c0' is also on line 3/.test(e.message),
  );
});

const dir = mkdtempSync(join(tmpdir(), "modelguard-wide-schema-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The V8 heap the child may use. The whole document tree of this 1.7 MB schema of 20,000 columns does not fit in
 * 96 MB (measured: the old parse ran out of heap at 64 and 96 MB, and finished at 160); in pieces it fits in 64.
 */
const HEAP_LIMIT_MB = 64;

test("a schema of 20,000 columns, one per line, parses in a 64 MB heap: no document tree of the whole file", async () => {
  const script = join(dir, "child.mts");
  const src = pathToFileURL(fileURLToPath(new URL("../../src/schema/parseSchema.ts", import.meta.url))).href;
  writeFileSync(
    script,
    `import { parseSchema } from ${JSON.stringify(src)};
const lines = ["version: 1", "columns:"];
for (let i = 0; i < 20000; i++) lines.push(\`  c\${i}: { type: integer, min: 0, max: \${i} }  # observed 0.0% missing, \${i} distinct\`);
const schema = parseSchema(lines.join("\\n"), "wide.yml");
if (schema.columns.length !== 20000) throw new Error("columns: " + schema.columns.length);
`,
  );
  const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_LIMIT_MB}`, "--import", "tsx", script], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let err = "";
  child.stderr.on("data", (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
  const timeout = setTimeout(() => child.kill("SIGKILL"), 120_000);
  const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  clearTimeout(timeout);
  assert.equal(code, 0, err);
});
