import { test } from "node:test";
import assert from "node:assert/strict";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import fc from "fast-check";
import { parquetMetadata, parquetSchema, type CompressionCodec, type Encoding, type SchemaElement } from "hyparquet";
import { parquetHeader } from "hyparquet/src/column.js";
import { compressors } from "hyparquet-compressors";
import { parquetWriteBuffer } from "hyparquet-writer";
import { snappyCompress } from "hyparquet-writer/src/snappy.js";
import { resolveLoadOptions } from "../../src/data/loadOptions.js";
import { decodeFlatChunk, flatValueKind } from "../../src/data/parquetFlatColumn.js";
import { loadParquet, scanParquet, type ParquetRoute } from "../../src/data/parquetReader.js";
import type { Table } from "../../src/data/table.js";
import { withDataPageV1 } from "./parquetPageV1.js";
import { rejectsWith, tempFile } from "./tempFiles.js";

/** One column of a random table: its schema element, values (null = missing) and page encoding. */
interface ColumnSpec {
  element: SchemaElement;
  data: unknown[];
  encoding: Encoding | undefined;
}

const ENCODINGS: Record<string, (Encoding | undefined)[]> = {
  INT32: [undefined, "PLAIN", "RLE_DICTIONARY", "DELTA_BINARY_PACKED", "BYTE_STREAM_SPLIT"],
  INT64: [undefined, "PLAIN", "RLE_DICTIONARY", "DELTA_BINARY_PACKED", "BYTE_STREAM_SPLIT"],
  DOUBLE: [undefined, "PLAIN", "RLE_DICTIONARY", "BYTE_STREAM_SPLIT"],
  FLOAT: [undefined, "PLAIN", "BYTE_STREAM_SPLIT"],
  BOOLEAN: [undefined, "PLAIN", "RLE"],
  BYTE_ARRAY: [undefined, "PLAIN", "RLE_DICTIONARY", "DELTA_BYTE_ARRAY", "DELTA_LENGTH_BYTE_ARRAY"],
};

/** Column kinds: a schema element (less name and repetition) and a value from a random draw. */
const KINDS: { element: Omit<SchemaElement, "name">; value: (r: () => number, card: number) => unknown }[] = [
  { element: { type: "INT32" }, value: (r, card) => Math.floor(r() * card) - (card >> 1) },
  { element: { type: "INT32", converted_type: "INT_16" }, value: (r) => Math.floor(r() * 65536) - 32768 },
  { element: { type: "INT32", converted_type: "UINT_32" }, value: (r) => Math.floor(r() * 4294967296) },
  { element: { type: "INT32", converted_type: "DATE" }, value: (r) => Math.floor(r() * 40000) - 10000 },
  { element: { type: "INT64" }, value: (r, card) => BigInt(Math.floor(r() * card) - (card >> 1)) * 1_000_003n },
  {
    // mostly safe integers, now and then beyond 2^53 (the column turns into text)
    element: { type: "INT64" },
    value: (r) => (r() < 0.002 ? 2n ** 60n + BigInt(Math.floor(r() * 1000)) : BigInt(Math.floor(r() * 1e15))),
  },
  {
    element: { type: "INT64", converted_type: "TIMESTAMP_MILLIS" },
    value: (r) => BigInt(Math.floor((r() - 0.3) * 4e12)),
  },
  {
    element: { type: "INT64", converted_type: "TIMESTAMP_MICROS" },
    value: (r) => BigInt(Math.floor((r() - 0.3) * 4e15)) - 7n,
  },
  {
    element: { type: "INT64", logical_type: { type: "TIMESTAMP", isAdjustedToUTC: true, unit: "NANOS" } },
    value: (r) => BigInt(Math.floor((r() - 0.3) * 4e15)) * 1000n - 999n,
  },
  {
    element: { type: "DOUBLE" },
    value: (r, card) => {
      const u = r();
      if (u < 0.01) return [NaN, -0, Infinity, -Infinity, 5e-324][Math.floor(r() * 5)];
      return Math.round((r() - 0.5) * card * 1e4) / 1e4;
    },
  },
  { element: { type: "FLOAT" }, value: (r) => Math.fround((r() - 0.5) * 1e6) },
  { element: { type: "BOOLEAN" }, value: (r) => r() < 0.4 },
  {
    element: { type: "BYTE_ARRAY", converted_type: "UTF8" },
    value: (r, card) => ["", "a", "Zürich", "東京", "user-"][Math.floor(r() * 5)]! + Math.floor(r() * card),
  },
];

function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const COMPRESS: Partial<Record<CompressionCodec, (b: Uint8Array) => Uint8Array>> = {
  UNCOMPRESSED: (b) => b,
  SNAPPY: snappyCompress,
  GZIP: (b) => new Uint8Array(gzipSync(b)),
  // quality 11 (the default) costs seconds over a run; the reader does not care how hard the writer tried
  BROTLI: (b) => new Uint8Array(brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } })),
};

interface FileSpec {
  seed: number;
  rows: number;
  columns: number;
  rowGroupSize: number;
  pageSize: number;
  codec: CompressionCodec;
  v1: boolean;
}

function makeColumns(spec: FileSpec): ColumnSpec[] {
  const r = seeded(spec.seed);
  return Array.from({ length: spec.columns }, (_, k) => {
    const kind = KINDS[Math.floor(r() * KINDS.length)]!;
    const nullShare = [0, 0, 0.1, 0.5, 1][Math.floor(r() * 5)]!;
    const required = nullShare === 0 && r() < 0.5;
    const card = [3, 50, 1e6][Math.floor(r() * 3)]!;
    const encodings = ENCODINGS[kind.element.type!]!;
    let encoding = encodings[Math.floor(r() * encodings.length)];
    if (encoding === "BYTE_STREAM_SPLIT" && kind.element.converted_type === "UINT_32") encoding = "PLAIN";
    const data = Array.from({ length: spec.rows }, () => (r() < nullShare ? null : kind.value(r, card)));
    const element: SchemaElement = {
      ...kind.element,
      name: `c${k}`,
      repetition_type: required ? "REQUIRED" : "OPTIONAL",
    };
    return { element, data, encoding };
  });
}

function writeFile(spec: FileSpec, columns: ColumnSpec[]): ArrayBuffer {
  const schema: SchemaElement[] = [{ name: "root", num_children: columns.length }, ...columns.map((c) => c.element)];
  const compress = COMPRESS[spec.codec]!;
  const bytes = parquetWriteBuffer({
    schema,
    codec: spec.codec,
    compressors: { [spec.codec]: compress },
    rowGroupSize: spec.rowGroupSize,
    pageSize: spec.pageSize,
    columnData: columns.map((c) => ({
      name: c.element.name,
      data: c.data as never,
      ...(c.encoding ? { encoding: c.encoding } : {}),
    })),
  });
  return spec.v1 ? withDataPageV1(bytes, compress) : bytes;
}

/** Cell-by-cell equality of two tables: types, values (NaN and -0 included), validity, invalid text, codes. */
function assertSameTable(got: Table, want: Table, label: string): void {
  assert.equal(got.rowCount, want.rowCount, label);
  assert.deepEqual(
    got.columns.map((c) => [c.name, c.kind, c.type]),
    want.columns.map((c) => [c.name, c.kind, c.type]),
    label,
  );
  got.columns.forEach((g, k) => {
    const w = want.columns[k]!;
    const where = `${label}, column ${g.name}`;
    if (g.kind === "numeric" && w.kind === "numeric") {
      for (let i = 0; i < got.rowCount; i++)
        if (!Object.is(g.values[i], w.values[i]) || g.valid[i] !== w.valid[i])
          assert.fail(`${where} row ${i}: ${g.values[i]}/${g.valid[i]} vs ${w.values[i]}/${w.valid[i]}`);
      assert.deepEqual([...g.invalid], [...w.invalid], where);
    } else if (g.kind === "dictionary" && w.kind === "dictionary") {
      assert.deepEqual(g.dictionary, w.dictionary, where);
      assert.deepEqual(Array.from(g.codes), Array.from(w.codes), where);
    }
  });
}

async function scanAll(path: string, route: ParquetRoute, chunkRows: number): Promise<Table[]> {
  const out: Table[] = [];
  for await (const t of scanParquet(path, resolveLoadOptions(path), chunkRows, 1 << 22, route)) out.push(t);
  return out;
}

/** Every column chunk a flat kind covers is decoded by parquetFlatColumn.ts itself, not handed back to hyparquet. */
async function assertDecodedFlat(bytes: ArrayBuffer, columns: ColumnSpec[], label: string): Promise<void> {
  const metadata = parquetMetadata(bytes);
  const elements = parquetSchema(metadata).children.map((c) => c.element);
  for (const group of metadata.row_groups)
    group.columns.forEach((chunk, k) => {
      const meta = chunk.meta_data!;
      const kind = flatValueKind(elements[k]!);
      assert.ok(kind, `${label}: ${meta.path_in_schema[0]} has a flat kind`);
      const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
      const body = new Uint8Array(bytes, start, Number(meta.total_compressed_size));
      const decoded = decodeFlatChunk(body, meta, elements[k]!, kind, Number(group.num_rows), compressors);
      const big = columns[k]!.data.some((v) => typeof v === "bigint" && (v > 2n ** 53n || v < -(2n ** 53n)));
      if (!big || kind !== "int64") assert.ok(decoded, `${label}: ${meta.path_in_schema[0]} decoded flat`);
    });
}

test("property: flat columns of every physical type, encoding, codec and page version read as hyparquet reads them", async () => {
  const specs = fc.record({
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    rows: fc.integer({ min: 0, max: 1200 }),
    columns: fc.integer({ min: 1, max: 6 }),
    rowGroupSize: fc.integer({ min: 16, max: 1200 }),
    pageSize: fc.constantFrom(512, 4096, 1 << 20),
    codec: fc.constantFrom<CompressionCodec>("UNCOMPRESSED", "SNAPPY", "GZIP", "BROTLI"),
    v1: fc.boolean(),
  });
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(specs, async (spec) => {
      runs++;
      const label = JSON.stringify(spec);
      const columns = makeColumns(spec);
      const bytes = writeFile(spec, columns);
      const path = tempFile("flat.parquet", new Uint8Array(bytes));
      const options = resolveLoadOptions(path);
      assertSameTable(await loadParquet(path, options, "flat"), await loadParquet(path, options, "hyparquet"), label);
      await assertDecodedFlat(bytes, columns, label);
      const chunkRows = 1 + (spec.seed % 900);
      const flat = await scanAll(path, "flat", chunkRows);
      const reference = await scanAll(path, "hyparquet", chunkRows);
      assert.equal(flat.length, reference.length, label);
      flat.forEach((t, i) => assertSameTable(t, reference[i]!, `${label} chunk ${i}`));
    }),
    { numRuns: 24, seed: 13 },
  );
  assert.equal(runs, 24);
});

test("Parquet flat columns: a chunk past its data is a corrupt-file error in both routes, not a crash", async () => {
  const bytes = new Uint8Array(
    withDataPageV1(
      parquetWriteBuffer({
        codec: "UNCOMPRESSED",
        columnData: [
          { name: "x", data: Array.from({ length: 300 }, (_, i) => (i % 7 ? i / 3 : null)), type: "DOUBLE" },
        ],
      }),
      (b) => b,
    ),
  );
  // the definition levels' length (the first 4 bytes of the V1 page body) now claims more than the page holds
  const meta = parquetMetadata(bytes.buffer).row_groups[0]!.columns[0]!.meta_data!;
  const reader = { view: new DataView(bytes.buffer), offset: Number(meta.data_page_offset) };
  parquetHeader(reader);
  reader.view.setUint32(reader.offset, 0x7fff_0000, true);
  const path = tempFile("corrupt.parquet", bytes);
  // the flat decoder knows the column and the page; hyparquet's error names neither
  await rejectsWith(
    loadParquet(path, resolveLoadOptions(path), "flat"),
    "input",
    /column 'x': row group 0, page 1: .*cannot decode the Parquet data/,
    { file: path, column: "x" },
  );
  await rejectsWith(
    loadParquet(path, resolveLoadOptions(path), "hyparquet"),
    "input",
    /cannot decode the Parquet data/,
    {
      file: path,
    },
  );
});
