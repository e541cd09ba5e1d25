import { test } from "node:test";
import { execFileSync, spawnSync } from "node:child_process";
import assert from "node:assert/strict";
import {
  parquetMetadata,
  type ColumnMetaData,
  type FileMetaData,
  type PageHeader,
  type SchemaElement,
} from "hyparquet";
import { compressors } from "hyparquet-compressors";
import { ByteWriter, parquetWriteBuffer } from "hyparquet-writer";
import { writePageHeader } from "hyparquet-writer/src/datapage.js";
import { deltaBinaryPack } from "hyparquet-writer/src/delta.js";
import { writeMetadata } from "hyparquet-writer/src/metadata.js";
import { snappyCompress } from "hyparquet-writer/src/snappy.js";
import { decodeFlatChunk, newFlatScratch, type FlatValueKind } from "../../src/data/parquetFlatColumn.js";
import { loadTable } from "../../src/data/loadTable.js";
import { resolveLoadOptions } from "../../src/data/loadOptions.js";
import { loadParquet } from "../../src/data/parquetReader.js";
import { runCli } from "../helpers/cli.js";
import { rejectsWith, tempFile } from "./tempFiles.js";

/**
 * Corrupt and hostile Parquet files: each case is a page or footer a broken or malicious writer could produce, and
 * each must be an input error (exit 2) naming the file, never a wrong value, a huge allocation or an internal error.
 */

/** A column chunk of hand-written pages: each header as given, followed by its body. */
function chunk(pages: { header: PageHeader; body: Uint8Array }[]): Uint8Array {
  const w = new ByteWriter();
  for (const p of pages) {
    writePageHeader(w, p.header);
    w.appendBytes(p.body);
  }
  return new Uint8Array(w.getBuffer().slice(0, w.offset));
}

function dataPage(
  body: Uint8Array,
  n: number,
  encoding: PageHeader["data_page_header"] extends infer H ? (H extends { encoding: infer E } ? E : never) : never,
  size = body.length,
): { header: PageHeader; body: Uint8Array } {
  return {
    header: {
      type: "DATA_PAGE",
      uncompressed_page_size: size,
      compressed_page_size: body.length,
      data_page_header: {
        num_values: n,
        encoding,
        definition_level_encoding: "RLE",
        repetition_level_encoding: "RLE",
      },
    },
    body,
  };
}

function dictionaryPage(body: Uint8Array, n: number, size = body.length): { header: PageHeader; body: Uint8Array } {
  return {
    header: {
      type: "DICTIONARY_PAGE",
      uncompressed_page_size: size,
      compressed_page_size: body.length,
      dictionary_page_header: { num_values: n, encoding: "PLAIN" },
    },
    body,
  };
}

const f64 = (xs: number[]) => new Uint8Array(Float64Array.from(xs).buffer);
const meta = (codec: ColumnMetaData["codec"] = "UNCOMPRESSED") => ({ codec }) as ColumnMetaData;
const REQUIRED_DOUBLE: SchemaElement = { name: "x", type: "DOUBLE", repetition_type: "REQUIRED" };
const OPTIONAL_DOUBLE: SchemaElement = { name: "x", type: "DOUBLE", repetition_type: "OPTIONAL" };
const REQUIRED_TEXT: SchemaElement = {
  name: "s",
  type: "BYTE_ARRAY",
  converted_type: "UTF8",
  repetition_type: "REQUIRED",
};
const REQUIRED_BOOLEAN: SchemaElement = { name: "b", type: "BOOLEAN", repetition_type: "REQUIRED" };

function decode(
  bytes: Uint8Array,
  element: SchemaElement,
  kind: FlatValueKind,
  rows: number,
  codec: ColumnMetaData["codec"] = "UNCOMPRESSED",
) {
  return decodeFlatChunk(bytes, meta(codec), element, kind, rows, compressors);
}

/** A zstd frame without a content size holding `content` in one raw block. */
function zstdRawFrame(content: Uint8Array): Uint8Array {
  const h = 1 | (content.length << 3);
  return new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x00, h & 255, (h >> 8) & 255, (h >> 16) & 255, ...content]);
}

/** A single-segment zstd frame that declares `declared` bytes of content and holds `content` in one raw block. */
function zstdSizedFrame(content: Uint8Array, declared: number): Uint8Array {
  const h = 1 | (content.length << 3);
  return new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0x20, declared, h & 255, (h >> 8) & 255, (h >> 16) & 255, ...content]);
}

test("Parquet zstd: a page whose frame holds fewer or more bytes than its header says is an error, not stale bytes", () => {
  const short = chunk([
    dataPage(zstdRawFrame(f64([7, 8, 9])), 3, "PLAIN", 24),
    dataPage(zstdRawFrame(f64([1])), 3, "PLAIN", 24),
  ]);
  assert.throws(() => decode(short, REQUIRED_DOUBLE, "double", 6, "ZSTD"), /length 8 does not match header 24/);
  const long = chunk([dataPage(zstdRawFrame(f64([7, 8, 9])), 2, "PLAIN", 16)]);
  assert.throws(() => decode(long, REQUIRED_DOUBLE, "double", 2, "ZSTD"), /exceeds header 16/);
  // a frame that declares the header's size but holds less
  const sized = chunk([dataPage(zstdSizedFrame(f64([7]), 24), 3, "PLAIN", 24)]);
  assert.throws(() => decode(sized, REQUIRED_DOUBLE, "double", 3, "ZSTD"), /length 8 does not match header 24/);
  // a second frame after the first
  const two = new Uint8Array([...zstdRawFrame(f64([7])), ...zstdRawFrame(f64([8]))]);
  assert.throws(() => decode(chunk([dataPage(two, 2, "PLAIN", 16)]), REQUIRED_DOUBLE, "double", 2, "ZSTD"), /frame/);
  // well-formed frames still read, page after page
  const good = chunk([
    dataPage(zstdRawFrame(f64([7, 8, 9])), 3, "PLAIN", 24),
    dataPage(zstdSizedFrame(f64([1, 2]), 16), 2, "PLAIN", 16),
  ]);
  const c = decode(good, REQUIRED_DOUBLE, "double", 5, "ZSTD");
  assert.ok(c?.kind === "numeric");
  assert.deepEqual(Array.from(c.values), [7, 8, 9, 1, 2]);
});

test("Parquet: a declared page size beyond what the compressed bytes or the rows can hold is refused before any allocation", () => {
  const huge = 2 ** 31 - 1;
  // snappy: the stream's own length (5) differs from the header's
  const snappy = snappyCompress(new Uint8Array([1, 2, 3, 4, 5]));
  assert.throws(
    () => decode(chunk([dataPage(snappy, 1, "PLAIN", 8)]), REQUIRED_DOUBLE, "double", 1, "SNAPPY"),
    /snappy.*5.*8|8.*snappy.*5/,
  );
  for (const codec of ["SNAPPY", "ZSTD", "LZ4_RAW", "LZ4", "GZIP", "BROTLI"] as const) {
    const scratch = newFlatScratch();
    const body = codec === "ZSTD" ? zstdRawFrame(new Uint8Array([1])) : new Uint8Array([0x05, 0x10, 1, 2, 3, 4, 5]);
    const before = process.memoryUsage().arrayBuffers;
    assert.throws(
      () =>
        decodeFlatChunk(
          chunk([dataPage(body, 1, "PLAIN", huge)]),
          meta(codec),
          REQUIRED_DOUBLE,
          "double",
          1,
          compressors,
          scratch,
        ),
      /beyond/,
      codec,
    );
    assert.ok(scratch.page.length < 1 << 20, `${codec}: scratch page of ${scratch.page.length} bytes`);
    assert.ok(process.memoryUsage().arrayBuffers - before < 1 << 26, `${codec}: no large allocation`);
    // text pages have no per-row bound, but the compression ratio still bounds them (brotli's is not useful)
    if (codec !== "BROTLI")
      assert.throws(
        () => decode(chunk([dataPage(body, 1, "PLAIN", huge)]), REQUIRED_TEXT, "text", 1, codec),
        /beyond/,
        `${codec} text`,
      );
  }
  // a numeric page of 2 rows cannot need 1 MB even uncompressed-ly claimed through a codec with a large ratio
  const rle = zstdRawFrame(new Uint8Array(16));
  assert.throws(
    () => decode(chunk([dataPage(rle, 2, "PLAIN", 1 << 20)]), REQUIRED_DOUBLE, "double", 2, "ZSTD"),
    /beyond/,
  );
});

test("Parquet: a dictionary-encoded page without its bit width is an error, not index 0 everywhere", () => {
  const bytes = chunk([dictionaryPage(f64([1.5, 2.5]), 2), dataPage(new Uint8Array(0), 3, "RLE_DICTIONARY")]);
  assert.throws(() => decode(bytes, REQUIRED_DOUBLE, "double", 3), /bit width/);
  // a width of 0 that is there still means every index is 0
  const zero = chunk([dictionaryPage(f64([1.5, 2.5]), 2), dataPage(new Uint8Array([0]), 3, "RLE_DICTIONARY")]);
  const c = decode(zero, REQUIRED_DOUBLE, "double", 3);
  assert.ok(c?.kind === "numeric");
  assert.deepEqual(Array.from(c.values), [1.5, 1.5, 1.5]);
});

test("Parquet: delta byte-array lengths must stay inside their page and prefixes inside the previous value", () => {
  // DELTA_BINARY_PACKED header for one value: block 128, 4 miniblocks, 1 value, first value zigzag-encoded
  const one = (v: number) => [0x80, 0x01, 0x04, 0x01, v < 0 ? -2 * v - 1 : 2 * v];
  const trailer = new TextEncoder().encode("SECRETSECRETSECRET");
  const past = chunk([dataPage(new Uint8Array([...one(20), 65, 66]), 1, "DELTA_LENGTH_BYTE_ARRAY")]);
  assert.throws(() => decode(new Uint8Array([...past, ...trailer]), REQUIRED_TEXT, "text", 1), /runs past the page/);
  const negative = chunk([dataPage(new Uint8Array([...one(-1), 65, 66]), 1, "DELTA_LENGTH_BYTE_ARRAY")]);
  assert.throws(() => decode(negative, REQUIRED_TEXT, "text", 1), /length -1/);
  // DELTA_BYTE_ARRAY: prefix lengths, then suffix lengths, then the suffixes
  const firstPrefix = chunk([dataPage(new Uint8Array([...one(2), ...one(1), 65]), 1, "DELTA_BYTE_ARRAY")]);
  assert.throws(() => decode(firstPrefix, REQUIRED_TEXT, "text", 1), /prefix/);
  // values "AB" then a prefix of 3 bytes of it: longer than "AB"
  const tooLong = chunk([
    dataPage(new Uint8Array([...deltaPack([0, 3]), ...deltaPack([2, 1]), 65, 66, 67]), 2, "DELTA_BYTE_ARRAY"),
  ]);
  assert.throws(() => decode(tooLong, REQUIRED_TEXT, "text", 2), /prefix/);
  const fine = chunk([
    dataPage(new Uint8Array([...deltaPack([0, 1]), ...deltaPack([2, 1]), 65, 66, 67]), 2, "DELTA_BYTE_ARRAY"),
  ]);
  const c = decode(fine, REQUIRED_TEXT, "text", 2);
  assert.ok(c?.kind === "text");
  assert.deepEqual(
    Array.from(c.codes, (k) => c.texts[k]),
    ["AB", "AC"],
  );
});

test("Parquet: a DATA_PAGE_V2 level length outside its page is an error", () => {
  const body = f64([7, 8, 9]);
  for (const [def, rep] of [
    [-8, 0],
    [25, 0],
    [0, -1],
    [0, 30],
  ] as const) {
    const header: PageHeader = {
      type: "DATA_PAGE_V2",
      uncompressed_page_size: body.length,
      compressed_page_size: body.length,
      data_page_header_v2: {
        num_values: 1,
        num_nulls: 0,
        num_rows: 1,
        encoding: "PLAIN",
        definition_levels_byte_length: def,
        repetition_levels_byte_length: rep,
        is_compressed: false,
      },
    };
    for (const element of [REQUIRED_DOUBLE, OPTIONAL_DOUBLE])
      assert.throws(
        () => decode(chunk([{ header, body }]), element, "double", 1),
        /levels of -?\d+ bytes/,
        `${def} ${rep}`,
      );
  }
});

test("Parquet: an RLE run value wider than its bit width is an error (booleans, definition levels)", () => {
  const bools = chunk([dataPage(new Uint8Array([2, 0, 0, 0, 3 << 1, 0xff]), 3, "RLE")]);
  assert.throws(() => decode(bools, REQUIRED_BOOLEAN, "boolean", 3), /run value 255/);
  // definition levels (V1: 4-byte length, then the hybrid): a run of 3 with value 2, then 3 doubles
  const levels = new Uint8Array([2, 0, 0, 0, 3 << 1, 2, ...f64([1, 2, 3])]);
  assert.throws(() => decode(chunk([dataPage(levels, 3, "PLAIN")]), OPTIONAL_DOUBLE, "double", 3), /run value 2/);
});

test("Parquet: a dictionary count the page cannot hold is refused before it sizes an array", () => {
  for (const count of [2_000_000_000, -1]) {
    assert.throws(
      () => decode(chunk([dictionaryPage(new Uint8Array(8), count)]), REQUIRED_TEXT, "text", 1),
      /dictionary of -?\d+ values/,
    );
    assert.throws(
      () => decode(chunk([dictionaryPage(new Uint8Array(8), count)]), REQUIRED_DOUBLE, "double", 1),
      /dictionary of -?\d+ values/,
    );
  }
});

test("Parquet: V1 definition levels in the deprecated BIT_PACKED encoding are refused, not read as RLE", () => {
  const page = dataPage(new Uint8Array([1, 0, 0, 0, 0b111, ...f64([1, 2, 3])]), 3, "PLAIN");
  page.header.data_page_header!.definition_level_encoding = "BIT_PACKED";
  assert.throws(() => decode(chunk([page]), OPTIONAL_DOUBLE, "double", 3), /BIT_PACKED/);
  // a required column has no definition levels: the encoding named for them does not matter
  const required = dataPage(f64([1, 2, 3]), 3, "PLAIN");
  required.header.data_page_header!.definition_level_encoding = "BIT_PACKED";
  const c = decode(chunk([required]), REQUIRED_DOUBLE, "double", 3);
  assert.ok(c?.kind === "numeric");
  assert.deepEqual(Array.from(c.values), [1, 2, 3]);
});

/** INT32 values DELTA_BINARY_PACKED, as a delta byte-array page holds its lengths. */
function deltaPack(values: number[]): number[] {
  const w = new ByteWriter();
  deltaBinaryPack(w, Int32Array.from(values), "INT32");
  return Array.from(new Uint8Array(w.getBuffer(), 0, w.offset));
}

/**
 * A Parquet file of one required DOUBLE column "x" of `rows` rows in one row group whose column chunk is `body` (its
 * first page at byte 4), in `codec`: the footer of a file hyparquet-writer wrote, pointed at the new chunk.
 */
function fileWithChunk(body: Uint8Array, rows: number, codec: ColumnMetaData["codec"]): Uint8Array {
  const template = parquetWriteBuffer({
    columnData: [{ name: "x", data: new Float64Array(rows), type: "DOUBLE", nullable: false }],
  });
  const metadata = parquetMetadata(template);
  const column = metadata.row_groups[0]!.columns[0]!;
  const m = column.meta_data!;
  m.codec = codec;
  m.data_page_offset = 4n;
  m.dictionary_page_offset = undefined;
  m.total_compressed_size = BigInt(body.length);
  m.total_uncompressed_size = BigInt(body.length);
  m.statistics = undefined;
  m.encoding_stats = undefined;
  column.file_offset = 4n;
  column.offset_index_offset = undefined;
  column.offset_index_length = undefined;
  column.column_index_offset = undefined;
  column.column_index_length = undefined;
  const w = new ByteWriter();
  w.appendBytes(new TextEncoder().encode("PAR1"));
  w.appendBytes(body);
  const at = w.offset;
  writeMetadata(w, metadata as FileMetaData);
  w.appendUint32(w.offset - at);
  w.appendBytes(new TextEncoder().encode("PAR1"));
  return new Uint8Array(w.getBuffer().slice(0, w.offset));
}

test("Parquet: a corrupt page of a file is an input error naming the file, the column, the row group and the page", async () => {
  const good = fileWithChunk(
    chunk([dataPage(f64([1, 2]), 2, "PLAIN"), dataPage(f64([3]), 1, "PLAIN")]),
    3,
    "UNCOMPRESSED",
  );
  const okPath = tempFile("good.parquet", good);
  const t = await loadTable(okPath);
  const x = t.columns[0]!;
  assert.ok(x.kind === "numeric");
  assert.deepEqual(Array.from(x.values), [1, 2, 3]);
  const stale = fileWithChunk(
    chunk([dataPage(zstdRawFrame(f64([7, 8])), 2, "PLAIN", 16), dataPage(zstdRawFrame(f64([1])), 2, "PLAIN", 16)]),
    4,
    "ZSTD",
  );
  const path = tempFile("stale.parquet", stale);
  await rejectsWith(loadTable(path), "input", /column 'x'.*row group 0, page 2/, { file: path, column: "x" });
  const r = await runCli("schema", "infer", "--data", path, "-o", tempFile("stale.yaml", ""));
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /stale\.parquet.*column 'x'.*row group 0, page 2.*does not match header 16/);
  assert.doesNotMatch(r.stderr, /internal error|at .*\.ts:/);
});

const zstdCli = spawnSync("zstd", ["--version"]).status === 0;

test(
  "Parquet zstd: frames of the reference zstd, with and without a content size, over several blocks, read as hyparquet reads them",
  { skip: !zstdCli && "the zstd command line tool is not installed (Debian: zstd)" },
  async () => {
    const rows = 60_000;
    let page = 0;
    // every other page with its content size (as one-shot writers: arrow, polars), the others without (streaming)
    const compress = (input: Uint8Array) => {
      const sized = page++ % 2 === 0 ? [`--stream-size=${input.length}`] : [];
      return new Uint8Array(execFileSync("zstd", ["-q", "-3", "-c", ...sized], { input }));
    };
    const bytes = parquetWriteBuffer({
      codec: "ZSTD",
      compressors: { ZSTD: compress },
      rowGroupSize: 30_000,
      pageSize: 1 << 20,
      columnData: [
        {
          name: "x",
          data: Array.from({ length: rows }, (_, i) => (i % 7 === 0 ? null : Math.sin(i) * 1e6)),
          type: "DOUBLE",
        },
        {
          name: "id",
          data: Array.from({ length: rows }, (_, i) => `user-${i}`),
          type: "STRING",
          encoding: "DELTA_BYTE_ARRAY",
        },
        {
          name: "color",
          data: Array.from({ length: rows }, (_, i) => ["red", "green", "blue"][i % 3]!),
          type: "STRING",
        },
      ],
    });
    assert.ok(page >= 6, `${page} pages`);
    const path = tempFile("zstd.parquet", new Uint8Array(bytes));
    const options = resolveLoadOptions(path);
    const flat = await loadParquet(path, options, "flat");
    const reference = await loadParquet(path, options, "hyparquet");
    assert.equal(flat.rowCount, rows);
    for (const [k, c] of flat.columns.entries()) {
      const r = reference.columns[k]!;
      if (c.kind === "numeric" && r.kind === "numeric") {
        assert.deepEqual(Array.from(c.values), Array.from(r.values), c.name);
        assert.deepEqual(Array.from(c.valid), Array.from(r.valid), c.name);
      } else if (c.kind === "dictionary" && r.kind === "dictionary") {
        assert.deepEqual(
          Array.from(c.codes, (i) => c.dictionary[i]),
          Array.from(r.codes, (i) => r.dictionary[i]),
          c.name,
        );
      } else assert.fail(`${c.name}: ${c.kind} vs ${r.kind}`);
    }
  },
);

const lz4Cli = spawnSync("lz4", ["--version"]).status === 0;

/** The first block of the reference lz4's frame of `input` (compressible, under 64 KiB: one compressed block). */
function lz4Block(input: Uint8Array): Uint8Array {
  const frame = new Uint8Array(execFileSync("lz4", ["-q", "-c", "-B4", "--no-frame-crc"], { input }));
  const flags = frame[4]!;
  const at = 4 + 3 + (flags & 0x08 ? 8 : 0) + (flags & 0x01 ? 4 : 0);
  const size = new DataView(frame.buffer, frame.byteOffset + at, 4).getUint32(0, true);
  assert.equal(size >>> 31, 0, "a compressed block");
  return frame.subarray(at + 4, at + 4 + size);
}

test(
  "Parquet LZ4: blocks of the reference lz4 read raw and Hadoop-framed; a block shorter than its page header is an error",
  { skip: !lz4Cli && "the lz4 command line tool is not installed (Debian: lz4)" },
  () => {
    const values = Array.from({ length: 500 }, (_, i) => [0.5, 1, 1e6, -3][i % 4]! + (i % 50 === 0 ? i : 0));
    const plain = f64(values);
    const block = lz4Block(plain);
    assert.ok(block.length < plain.length / 4, `compressed to ${block.length} bytes`);
    const framed = new Uint8Array(8 + block.length);
    new DataView(framed.buffer).setUint32(0, plain.length);
    new DataView(framed.buffer).setUint32(4, block.length);
    framed.set(block, 8);
    for (const [codec, body] of [
      ["LZ4_RAW", block],
      ["LZ4", framed],
      ["LZ4", block],
    ] as const) {
      const c = decode(
        chunk([dataPage(body, values.length, "PLAIN", plain.length)]),
        REQUIRED_DOUBLE,
        "double",
        values.length,
        codec,
      );
      assert.ok(c?.kind === "numeric", codec);
      assert.deepEqual(Array.from(c.values), values, codec);
      // the same block under a header that claims 8 bytes more
      assert.throws(
        () =>
          decode(
            chunk([dataPage(body, values.length + 1, "PLAIN", plain.length + 8)]),
            REQUIRED_DOUBLE,
            "double",
            values.length + 1,
            codec,
          ),
        new RegExp(`LZ4 page of ${plain.length} bytes does not match header ${plain.length + 8}`),
        codec,
      );
    }
    // eight literal bytes under a header of 24: hyparquet-compressors returns them and 16 zeros
    const short = new Uint8Array([0x80, ...f64([7])]);
    for (const codec of ["LZ4_RAW", "LZ4"] as const)
      assert.throws(
        () => decode(chunk([dataPage(short, 3, "PLAIN", 24)]), REQUIRED_DOUBLE, "double", 3, codec),
        /LZ4 page of 8 bytes does not match header 24/,
        codec,
      );
  },
);

test("Parquet: columns hyparquet decodes get the same page checks (sizes, zstd and LZ4 lengths)", async () => {
  const cases: [string, Uint8Array, RegExp][] = [
    [
      "zstd content size of the header, fewer bytes",
      fileWithChunk(chunk([dataPage(zstdSizedFrame(f64([7]), 24), 3, "PLAIN", 24)]), 3, "ZSTD"),
      /length 8 does not match header 24/,
    ],
    [
      "LZ4_RAW short block",
      fileWithChunk(chunk([dataPage(new Uint8Array([0x80, ...f64([7])]), 3, "PLAIN", 24)]), 3, "LZ4_RAW"),
      /LZ4 page of 8 bytes does not match header 24/,
    ],
    [
      "snappy 2 GiB claim",
      fileWithChunk(
        chunk([dataPage(new Uint8Array([0x05, 0x10, 1, 2, 3, 4, 5]), 1, "PLAIN", 2 ** 31 - 1)]),
        1,
        "SNAPPY",
      ),
      /beyond/,
    ],
  ];
  for (const [label, bytes, message] of cases) {
    const path = tempFile("hyparquet.parquet", bytes);
    for (const route of ["flat", "hyparquet"] as const)
      await rejectsWith(loadParquet(path, resolveLoadOptions(path), route), "input", message).catch((e: unknown) => {
        throw new Error(`${label}, ${route}: ${(e as Error).message}`);
      });
  }
});
