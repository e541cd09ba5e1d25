// Parquet text columns are matched by their bytes (parquetTextInterner.ts): each distinct value is decoded once per
// column, and the table is the one decoding every value gave (hyparquet's route is the judge).
import { test } from "node:test";
import assert from "node:assert/strict";
import type { SchemaElement } from "hyparquet";
import { parquetWriteBuffer } from "hyparquet-writer";
import { resolveLoadOptions } from "../../src/data/loadOptions.js";
import { loadParquet } from "../../src/data/parquetReader.js";
import { ParquetTextInterner } from "../../src/data/parquetTextInterner.js";
import type { DictionaryColumn, Table } from "../../src/data/table.js";
import { tempFile } from "./tempFiles.js";

const bytes = (...xs: number[]) => Uint8Array.from(xs);
const text = (s: string) => new TextEncoder().encode(s);

test("interner: a repeated value is the same index, decoded once; invalid UTF-8 decodes as TextDecoder does, each spelling its own entry", () => {
  const t = new ParquetTextInterner();
  t.beforeChunk();
  const page = bytes(...text("pro"), ...text("Zürich"), ...text("pro"), 0xff, 0xfe, 0xff);
  assert.equal(t.intern(page, 0, 3), 0);
  assert.equal(t.intern(page, 3, 10), 1);
  assert.equal(t.intern(page, 10, 13), 0, "the same bytes elsewhere in the page");
  assert.equal(t.intern(text("pro"), 0, 3), 0, "the same bytes in another page");
  assert.equal(t.intern(page, 13, 14), 2);
  assert.equal(t.intern(page, 14, 15), 3, "other bytes, though the same text");
  assert.equal(t.intern(page, 15, 16), 2);
  assert.equal(t.intern(bytes(), 0, 0), 4, "the empty string");
  assert.equal(t.intern(bytes(1), 1, 1), 4);
  assert.deepEqual(t.texts, ["pro", "Zürich", "\ufffd", "\ufffd", ""]);
  const before = t.texts;
  t.beforeChunk();
  assert.equal(t.texts, before, "kept from one chunk to the next");
});

test("interner: a column of mostly new values stops matching (each chunk then has its own texts); past its byte bound it starts over", () => {
  const unique = new ParquetTextInterner({ maxArenaBytes: 1 << 20, measureAfter: 100 });
  unique.beforeChunk();
  for (let i = 0; i < 100; i++) assert.equal(unique.intern(text(`id-${i}`), 0, text(`id-${i}`).length), i);
  unique.beforeChunk();
  const first = unique.texts;
  assert.deepEqual(first, [], "a new array for the next chunk");
  assert.equal(unique.intern(text("id-7"), 0, 4), 0);
  assert.equal(unique.intern(text("id-7"), 0, 4), 1, "decoded, not matched");
  assert.deepEqual(unique.texts, ["id-7", "id-7"]);
  unique.beforeChunk();
  assert.notEqual(unique.texts, first);

  const bounded = new ParquetTextInterner({ maxArenaBytes: 64, measureAfter: 1e9 });
  bounded.beforeChunk();
  for (let i = 0; i < 20; i++) bounded.intern(text(`value-${i}`), 0, text(`value-${i}`).length);
  const kept = bounded.texts;
  assert.equal(kept.length, 20, "within a chunk the bound waits (its codes index one array)");
  bounded.beforeChunk();
  assert.notEqual(bounded.texts, kept);
  assert.equal(bounded.intern(text("value-3"), 0, 7), 0, "started over");
  assert.equal(bounded.intern(text("value-3"), 0, 7), 0, "and matches again");
});

function dictionary(table: Table, name: string): DictionaryColumn {
  const c = table.columns.find((x) => x.name === name)!;
  assert.equal(c.kind, "dictionary");
  return c as DictionaryColumn;
}

test("Parquet text columns (PLAIN, dictionary and delta pages, many row groups, nulls, invalid UTF-8, unique ids) load as hyparquet decodes them", async () => {
  // 60,000 unique ids in row groups of 10,000: past 50,000 values mostly new, the id column stops matching.
  const rows = 60_000;
  const plans = ["basic", "pro", "team", "Zürich", "東京", ""];
  const bad = [bytes(0xff), bytes(0xfe), bytes(0x61, 0xc3)];
  const plan = Array.from({ length: rows }, (_, i) => (i % 17 === 0 ? null : plans[(i * 7) % plans.length]!));
  const raw = Array.from({ length: rows }, (_, i) => (i % 5 === 0 ? null : bad[i % bad.length]!));
  const id = Array.from({ length: rows }, (_, i) => `user-${i}`);
  const sku = Array.from({ length: rows }, (_, i) => `sku-${(i * 31) % 700}`);
  const schema: SchemaElement[] = [
    { name: "root", num_children: 5 },
    { name: "plain", type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "OPTIONAL" },
    { name: "dict", type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "OPTIONAL" },
    { name: "raw", type: "BYTE_ARRAY", repetition_type: "OPTIONAL" },
    { name: "id", type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "REQUIRED" },
    { name: "sku", type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "REQUIRED" },
  ];
  const file = parquetWriteBuffer({
    schema,
    rowGroupSize: 10_000,
    pageSize: 2048,
    columnData: [
      { name: "plain", data: plan as never, encoding: "PLAIN" },
      { name: "dict", data: plan as never, encoding: "RLE_DICTIONARY" },
      { name: "raw", data: raw as never, encoding: "PLAIN" },
      { name: "id", data: id as never, encoding: "DELTA_BYTE_ARRAY" },
      { name: "sku", data: sku as never, encoding: "PLAIN" },
    ],
  });
  const path = tempFile("texts.parquet", new Uint8Array(file));
  const options = resolveLoadOptions(path);
  const flat = await loadParquet(path, options, "flat");
  const reference = await loadParquet(path, options, "hyparquet");
  assert.equal(flat.rowCount, rows);
  for (const name of ["plain", "dict", "raw", "id", "sku"]) {
    const got = dictionary(flat, name);
    const want = dictionary(reference, name);
    assert.equal(got.type, want.type, name);
    assert.deepEqual(got.dictionary, want.dictionary, name);
    assert.deepEqual(Array.from(got.codes), Array.from(want.codes), name);
  }
  // The invalid spellings are one text, so one category, as decoding every value made them.
  assert.deepEqual(dictionary(flat, "raw").dictionary, ["\ufffd", "a\ufffd"]);
  assert.equal(dictionary(flat, "sku").dictionary.length, 700);
  assert.equal(dictionary(flat, "id").dictionary.length, rows);
});
