import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ModelguardError } from "../../src/errors.js";
import { readBoundedTextFile, readBoundedTextLines } from "../../src/readBoundedTextFile.js";
import type { DataSchema } from "../../src/schema/dataSchema.js";
import { linesOf } from "../../src/schema/parseOneLineColumns.js";
import { parseSchemaDocument, parseSchemaLines } from "../../src/schema/parseSchema.js";
import { parseSchemaFile } from "../../src/schema/parseSchemaFile.js";

const dir = mkdtempSync(join(tmpdir(), "modelguard-schema-lines-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const refuse = () => new ModelguardError("input", "refused");
const fileLines = (file: string) => [...readBoundedTextLines(file, 1 << 30, refuse)];

/** The schema as comparable text: key order included, the environments map as its entries. */
const show = (s: DataSchema) => JSON.stringify(s, (_k, v: unknown) => (v instanceof Map ? [...v] : v));

/** What parseSchemaFile gives, what the whole document gives, and whether the file was read line by line. */
function both(name: string, bytes: string | Buffer): { file: string; document: string; byLines: boolean } {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const text = readBoundedTextFile(path, 1 << 30, refuse).replace(/^\uFEFF/, "");
  return {
    file: show(parseSchemaFile(path)),
    document: show(parseSchemaDocument(text, path)),
    byLines: parseSchemaLines(readBoundedTextLines(path, 1 << 30, refuse), path) !== null,
  };
}

test("a schema file read a line at a time is the schema of the whole document, column order and key order included", () => {
  const cases: [string, string | Buffer][] = [
    // Names that are array indices come first in ascending order, as an object's keys do in the document's value.
    [
      "indices.yml",
      "version: 1\ncolumns:\n  b: { type: number }\n  10: { type: integer }\n  2: { type: string }\n  '01': { type: string }\n" +
        "  4294967294: { type: number }\n  4294967295: { type: number }\n  0: { type: boolean }\n",
    ],
    // A byte-order mark and CRLF line ends.
    [
      "bom.yml",
      "\uFEFFversion: 1\r\ncolumns:\r\n  a: { type: number, min: 1 }\r\n  b: { type: string }\r\nrows: { min: 2 }\r\n",
    ],
    // Top-level keys before and after the columns, names that are prototype keys, every kind of column key.
    [
      "all.yml",
      "rows: { max: 9 }\nversion: 1\ndescription: d\ncolumns:\n  # a comment\n\n  __proto__: { type: number, nullable: true }\n" +
        "  a_very_long_column_name: { type: string, pattern: '^[a-z]+ and more$', description: \"long text of a column\" }\n" +
        "  k: { type: category, allowed: [alpha_long_value, beta] }\n" +
        "  x: { type: number, quantiles: { 0.9: { max: 3 }, 0.1: { min: 0 } }, mean: { min: 1, max: 2 }, mostly: 0.5 }\n" +
        "  t: { type: datetime, min: 2024-01-01, max: '2025-01-01T00:00:00Z' }\n" +
        "  tagged: !!map { type: integer, unique: true }\n" +
        "extra_columns: warn\nunique: [a_very_long_column_name]\nenvironments: { serving: { exclude: [k] } }\n" +
        "checks:\n  - len(a_very_long_column_name) > 0\n",
    ],
    // A line longer than the 64 KiB read buffer, with a two-byte character across the buffer's end.
    [
      "long.yml",
      `version: 1\ncolumns:\n  a: { type: number }\n  s: { type: string, allowed: [${Array.from({ length: 20_000 }, (_, i) => `v${i}é`).join(", ")}] }\n  z: { type: integer }`,
    ],
    // Bytes that are not UTF-8 read as U+FFFD, as when the whole file is decoded.
    [
      "latin1.yml",
      Buffer.from("version: 1\ncolumns:\n  a\xe2\x82: { type: number }\n  b\xff: { type: string }\n", "latin1"),
    ],
  ];
  for (const [name, bytes] of cases) {
    const got = both(name, bytes);
    assert.equal(got.byLines, true, `${name} is read line by line`);
    assert.equal(got.file, got.document, name);
  }
  const order = JSON.parse(both("indices2.yml", cases[0]![1]).file) as { columns: { name: string }[] };
  assert.deepEqual(
    order.columns.map((c) => c.name),
    ["0", "2", "10", "4294967294", "b", "01", "4294967295"],
  );
});

test("a schema file with a problem, or of another shape, gets the whole document's message with its line", () => {
  const cases = [
    "version: 1\ncolumns:\n  a: { type: numbr }\n  b: { type: number, min: 3, max: 1 }\n",
    "version: 2\ncolumns:\n  a: { type: number }\nextra_columns: maybe\n",
    "version: 1\ncolumns:\n  a: { type: number }\n  b: { type: number }\n  a: { type: string }\n",
    "version: 1\ncolumns:\n  a: { type: number }\nrows: { min: 1 }\ncolumns:\n  b: { type: number }\n",
    "version: 1\ncolumns:\n  a: { type: number, min: 1 }\nunique: [b]\n",
    "version: 1\ncolumns:\n",
    "version: 1\ncolumns:\n  a:\n    type: number\n  b: { type: number, mostly: 2 }\n",
    "",
  ];
  cases.forEach((text, i) => {
    const path = join(dir, `bad${i}.yml`);
    writeFileSync(path, text);
    const expected = (() => {
      try {
        return show(parseSchemaDocument(text, path));
      } catch (e) {
        return (e as Error).message;
      }
    })();
    assert.equal(parseSchemaLines(readBoundedTextLines(path, 1 << 30, refuse), path), null, text);
    assert.throws(
      () => parseSchemaFile(path),
      (e: Error) => e instanceof ModelguardError && e.message === expected,
      text,
    );
  });
});

test("readBoundedTextLines gives the lines of the text readBoundedTextFile gives, whatever falls on the buffer's end", () => {
  const path = join(dir, "lines.txt");
  const pieces = ["", "a", "é", "\r", "\n", "\r\n", "🙂", "x".repeat(70_000), "\uFEFF"];
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647);
  for (let round = 0; round < 40; round++) {
    let text = round % 2 === 0 ? "\uFEFF" : "";
    const parts = 1 + (next() % 40);
    for (let k = 0; k < parts; k++) text += pieces[next() % pieces.length];
    writeFileSync(path, text);
    const whole = readBoundedTextFile(path, 1 << 30, refuse).replace(/^\uFEFF/, "");
    assert.deepEqual(fileLines(path), [...linesOf(whole)], JSON.stringify(text.slice(0, 60)));
  }
});
