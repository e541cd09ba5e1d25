import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { CompressionCodec } from "hyparquet";
import { parquetWriteBuffer } from "hyparquet-writer";
import { loadTable, scanTable } from "../../src/data/loadTable.js";
import type { Table } from "../../src/data/table.js";
import { column, rejectsWith, tempFile, texts } from "./tempFiles.js";

const python = "/usr/bin/python3";
const script = fileURLToPath(new URL("../../scripts/compress_block.py", import.meta.url));
const hasCodecs =
  spawnSync(python, ["-c", "import zstandard, lz4.block, brotli, snappy"], { encoding: "utf8" }).status === 0;
const skip =
  !hasCodecs &&
  `${python} with zstandard, lz4, brotli and snappy is not installed (Debian: python3-zstandard python3-lz4 python3-brotli python3-snappy)`;

/** Compresses every block in one Python process (see scripts/compress_block.py --batch). */
function pythonCompressAll(codec: CompressionCodec, blocks: Uint8Array[]): Uint8Array[] {
  const input = Buffer.concat(
    blocks.flatMap((b) => {
      const length = Buffer.alloc(4);
      length.writeUInt32LE(b.length);
      return [length, b];
    }),
  );
  const output = execFileSync(python, [script, codec.toLowerCase(), "--batch"], { input, maxBuffer: 1 << 28 });
  const out: Uint8Array[] = [];
  for (let pos = 0; pos < output.length;) {
    const length = output.readUInt32LE(pos);
    out.push(new Uint8Array(output.subarray(pos + 4, pos + 4 + length)));
    pos += 4 + length;
  }
  assert.equal(out.length, blocks.length);
  return out;
}

/**
 * A Parquet file in `codec`: pages compressed by Node's zlib (gzip, brotli), hyparquet-writer (snappy) or, for zstd
 * and the lz4s, by the reference C libraries through Python. The writer is deterministic, so a first write collects
 * the pages and a second write takes their compressed forms in the same order.
 */
function parquetIn(
  codec: CompressionCodec,
  options: Omit<Parameters<typeof parquetWriteBuffer>[0], "codec">,
): ArrayBuffer {
  switch (codec) {
    case "GZIP":
      return parquetWriteBuffer({
        ...options,
        codec,
        compressors: { GZIP: (input) => new Uint8Array(gzipSync(input)) },
      });
    case "BROTLI":
      return parquetWriteBuffer({
        ...options,
        codec,
        compressors: {
          BROTLI: (input) =>
            new Uint8Array(brotliCompressSync(input, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })),
        },
      });
    case "ZSTD":
    case "LZ4":
    case "LZ4_RAW": {
      const pages: Uint8Array[] = [];
      parquetWriteBuffer({
        ...options,
        codec,
        compressors: { [codec]: (input: Uint8Array) => (pages.push(input.slice()), input) },
      });
      const compressed = pythonCompressAll(codec, pages);
      let next = 0;
      return parquetWriteBuffer({ ...options, codec, compressors: { [codec]: () => compressed[next++]! } });
    }
    default:
      return parquetWriteBuffer({ ...options, codec });
  }
}

const n = 3000;
const ints = Array.from({ length: n }, (_, i) => (i % 11 === 0 ? null : (i * 7919) % 100_003));
const doubles = Array.from({ length: n }, (_, i) => (i % 13 === 0 ? null : Math.sin(i) * 1e3));
const colors = Array.from({ length: n }, (_, i) => (i % 17 === 0 ? null : ["red", "green", "blue"][i % 3]!));
const ids = Array.from({ length: n }, (_, i) => `user-${i}`);
const flags = Array.from({ length: n }, (_, i) => (i % 19 === 0 ? null : i % 2 === 0));

function writeWith(codec: CompressionCodec, name: string): string {
  const bytes = parquetIn(codec, {
    rowGroupSize: 1000,
    // small pages: several data pages per chunk, so page boundaries inside a row group are crossed
    pageSize: 4096,
    columnData: [
      { name: "int", data: ints, type: "INT32" },
      // delta encodings and byte-stream-split, as Spark and pyarrow write them on request
      { name: "delta_int", data: ints, type: "INT64", encoding: "DELTA_BINARY_PACKED" },
      { name: "double", data: doubles, type: "DOUBLE" },
      { name: "split_double", data: doubles, type: "DOUBLE", encoding: "BYTE_STREAM_SPLIT" },
      { name: "color", data: colors, type: "STRING", encoding: "RLE_DICTIONARY" },
      { name: "id", data: ids, type: "STRING", encoding: "DELTA_BYTE_ARRAY" },
      { name: "id_len", data: ids, type: "STRING", encoding: "DELTA_LENGTH_BYTE_ARRAY" },
      { name: "flag", data: flags, type: "BOOLEAN" },
    ],
  });
  return tempFile(name, new Uint8Array(bytes));
}

function checkValues(t: Table, label: string): void {
  assert.equal(t.rowCount, n, label);
  assert.deepEqual(
    t.columns.map((c) => [c.name, c.type]),
    [
      ["int", "integer"],
      ["delta_int", "integer"],
      ["double", "number"],
      ["split_double", "number"],
      ["color", "category"],
      ["id", "string"],
      ["id_len", "string"],
      ["flag", "boolean"],
    ],
    label,
  );
  const intTexts = ints.map((v) => (v === null ? null : String(v)));
  assert.deepEqual(texts(t, "int"), intTexts, label);
  assert.deepEqual(texts(t, "delta_int"), intTexts, label);
  for (const name of ["double", "split_double"]) {
    const c = column(t, name);
    assert.ok(c.kind === "numeric");
    doubles.forEach((v, i) => {
      if (v === null) assert.equal(c.valid[i], 0, `${label} ${name} row ${i} missing`);
      else assert.equal(c.values[i], v, `${label} ${name} row ${i}`);
    });
  }
  assert.deepEqual(texts(t, "color"), colors, label);
  assert.deepEqual(texts(t, "id"), ids, label);
  assert.deepEqual(texts(t, "id_len"), ids, label);
  assert.deepEqual(
    texts(t, "flag"),
    flags.map((v) => (v === null ? null : String(v))),
    label,
  );
}

const CODECS: CompressionCodec[] = ["UNCOMPRESSED", "SNAPPY", "GZIP", "BROTLI", "ZSTD", "LZ4", "LZ4_RAW"];

for (const codec of CODECS)
  test(
    `Parquet ${codec}: nullable columns in plain, dictionary, delta and byte-stream-split encodings`,
    { skip },
    async () => {
      const path = writeWith(codec, `${codec.toLowerCase()}.parquet`);
      checkValues(await loadTable(path), codec);
      // streamed: chunks across row-group boundaries give the same cells
      const chunks: Table[] = [];
      for await (const chunk of scanTable(path, { chunkRows: 700 })) chunks.push(chunk);
      assert.deepEqual(
        chunks.map((c) => c.rowCount),
        [700, 700, 700, 700, 200],
      );
      assert.deepEqual(
        chunks.flatMap((c) => texts(c, "id")),
        ids,
      );
      assert.deepEqual(
        chunks.flatMap((c) => texts(c, "double")),
        doubles.map((v) => (v === null ? null : String(v))),
      );
    },
  );

test("Parquet: a codec no decompressor reads (LZO) is refused up front, naming the file, column and codec", async () => {
  // hyparquet-writer frames the pages with any compressor it is given; the codec field is what a reader must honour
  const bytes = parquetWriteBuffer({
    codec: "LZO",
    compressors: { LZO: (input) => input },
    columnData: [{ name: "x", data: [1, 2, 3], type: "INT32" }],
  });
  const path = tempFile("lzo.parquet", new Uint8Array(bytes));
  await rejectsWith(loadTable(path), "input", /column 'x': the Parquet compression codec LZO cannot be read/, {
    file: path,
    column: "x",
  });
});
