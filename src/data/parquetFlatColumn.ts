/**
 * One flat Parquet column chunk (a top-level leaf: no repetition, definition level 0 or 1) decoded straight into
 * typed arrays: the definition levels become the validity mask and the values land in a Float64Array (or, for text,
 * codes into the chunk's distinct strings) without a JS array per value. hyparquet assembles every column value by
 * value through arrays holding nulls, which cost about three times the CSV loader's time on a nullable numeric file.
 *
 * Page headers come from hyparquet's thrift reader and pages are decompressed by the same codecs it uses, so what
 * this module reads is exactly what hyparquet would; what it does not know (FIXED_LEN_BYTE_ARRAY, INT96, decimals,
 * JSON, an INT64 beyond 2^53, an encoding it lacks) it declines with `null` and the caller goes through hyparquet.
 */
import type { ColumnMetaData, CompressionCodec, Compressors, DataReader, PageHeader, SchemaElement } from "hyparquet";
import { parquetHeader } from "hyparquet/src/column.js";
import { decompressPage } from "hyparquet/src/datapage.js";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { Decompress as ZstdStream } from "fzstd";
import { deltaBinaryUnpack } from "hyparquet/src/delta.js";
import { byteStreamSplit } from "hyparquet/src/encoding.js";
import { readVarInt } from "hyparquet/src/thrift.js";
import { lz4DecodedLength } from "./lz4BlockLength.js";
import { ParquetTextInterner } from "./parquetTextInterner.js";

const DAY_MS = 86_400_000;

/** How a physical value becomes the number the Table holds; "text" for strings. */
export type FlatValueKind =
  | "double"
  | "float"
  | "int32"
  | "uint32"
  | "date32"
  | "int64"
  | "timestampMillis"
  | "timestampMicros"
  | "timestampNanos"
  | "boolean"
  | "text";

/** A numeric column of one row group: values[r] with valid[r] = 1, or NaN with valid[r] = 0 where null. */
export interface FlatNumericChunk {
  kind: "numeric";
  values: Float64Array;
  valid: Uint8Array;
}

/**
 * A text column of one row group: codes[r] indexes texts, -1 where null. `texts` is the column's (its scratch's
 * interner's): the same array, grown, for every row group of the column, so an index means one text throughout.
 */
export interface FlatTextChunk {
  kind: "text";
  codes: Int32Array;
  texts: string[];
}

export type FlatChunk = FlatNumericChunk | FlatTextChunk;

/**
 * Arrays a column's chunks are decoded into, reused from one row group to the next: fresh memory costs a page
 * fault per 4 KiB on first touch, which on a 1M-row file cost more than the decoding. A chunk decoded into them
 * is valid until the next chunk of that column is decoded.
 */
export interface FlatScratch {
  values: Float64Array;
  valid: Uint8Array;
  codes: Int32Array;
  /** A decompressed page: read (values copied out, texts decoded) before the next page is decompressed. */
  page: Uint8Array;
  /** The column's distinct texts, each decoded once for all its row groups (a repeated value is not a new string). */
  text: ParquetTextInterner;
}

export function newFlatScratch(): FlatScratch {
  return {
    values: new Float64Array(0),
    valid: new Uint8Array(0),
    codes: new Int32Array(0),
    page: new Uint8Array(0),
    text: new ParquetTextInterner(),
  };
}

/**
 * The kind this module decodes an element into, mirroring hyparquet's `convert` (with the reader's parsers: epoch
 * milliseconds for dates and timestamps), or null when the element is left to hyparquet.
 */
export function flatValueKind(el: SchemaElement): FlatValueKind | null {
  if (el.repetition_type === "REPEATED" || (el.num_children ?? 0) > 0) return null;
  const ct = el.converted_type;
  const lt = el.logical_type;
  switch (el.type) {
    case "DOUBLE":
      return ct === undefined && lt === undefined ? "double" : null;
    case "FLOAT":
      return ct === undefined && lt === undefined ? "float" : null;
    case "BOOLEAN":
      return ct === undefined && lt === undefined ? "boolean" : null;
    case "INT32": {
      if (ct === "DATE") return lt === undefined || lt.type === "DATE" ? "date32" : null;
      const unsigned32 = lt?.type === "INTEGER" && lt.bitWidth === 32 && !lt.isSigned;
      if (ct === "UINT_32" || unsigned32) return lt === undefined || unsigned32 ? "uint32" : null;
      const plainCt = ct === undefined || ct === "INT_8" || ct === "INT_16" || ct === "INT_32";
      const smallUnsignedCt = ct === "UINT_8" || ct === "UINT_16";
      return (plainCt || smallUnsignedCt) && (lt === undefined || lt.type === "INTEGER") ? "int32" : null;
    }
    case "INT64": {
      if (ct === "TIMESTAMP_MILLIS") return "timestampMillis";
      if (ct === "TIMESTAMP_MICROS") return "timestampMicros";
      if (lt?.type === "TIMESTAMP" && ct === undefined)
        return lt.unit === "MILLIS" ? "timestampMillis" : lt.unit === "MICROS" ? "timestampMicros" : "timestampNanos";
      const plainCt = ct === undefined || ct === "INT_64" || ct === "INT_32" || ct === "INT_16" || ct === "INT_8";
      return plainCt && (lt === undefined || (lt.type === "INTEGER" && lt.isSigned)) ? "int64" : null;
    }
    case "BYTE_ARRAY": {
      const textCt = ct === undefined || ct === "UTF8" || ct === "ENUM";
      const textLt = lt === undefined || lt.type === "STRING" || lt.type === "ENUM";
      return textCt && textLt ? "text" : null;
    }
    default:
      return null;
  }
}

/** An INT64 beyond 2^53 (or an encoding not handled here): the chunk goes through hyparquet. */
class Decline extends Error {}

/** Values of one page before nulls are spread: numbers, or indexes into the chunk's texts. */
type PageValues = Float64Array | Float32Array | Int32Array;

interface ChunkState {
  scratch: FlatScratch;
  kind: FlatValueKind;
  rows: number;
  values: Float64Array | null;
  valid: Uint8Array;
  codes: Int32Array | null;
  /** Text: the interner the chunk's codes index (its `texts`). */
  text: ParquetTextInterner;
  /** Dictionary page: numbers (numeric kinds) or indexes into texts (text). */
  dictNumbers: Float64Array | null;
  dictCodes: Int32Array | null;
  row: number;
}

/**
 * Decodes the column chunk in `bytes` (dictionary page first, if any, then data pages; its whole byte range) of a
 * row group of `rows` rows. Null when the chunk needs hyparquet; throws on corrupt data.
 */
export function decodeFlatChunk(
  bytes: Uint8Array,
  meta: ColumnMetaData,
  element: SchemaElement,
  kind: FlatValueKind,
  rows: number,
  compressors: Compressors,
  scratch: FlatScratch = newFlatScratch(),
): FlatChunk | null {
  const nullable = element.repetition_type !== "REQUIRED";
  // every row is written below (values, validity or code), so what the arrays held before does not matter
  if (scratch.valid.length < rows) scratch.valid = new Uint8Array(rows);
  if (kind === "text" && scratch.codes.length < rows) scratch.codes = new Int32Array(rows);
  if (kind !== "text" && scratch.values.length < rows) scratch.values = new Float64Array(rows);
  // Between chunks only: the codes of one chunk all index one `texts` array.
  if (kind === "text") scratch.text.beforeChunk();
  const state: ChunkState = {
    scratch,
    kind,
    rows,
    values: kind === "text" ? null : scratch.values.subarray(0, rows),
    valid: scratch.valid.subarray(0, rows),
    codes: kind === "text" ? scratch.codes.subarray(0, rows) : null,
    text: scratch.text,
    dictNumbers: null,
    dictCodes: null,
    row: 0,
  };
  const reader: DataReader = { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 };
  let pageNumber = 0;
  try {
    while (state.row < rows) {
      pageNumber++;
      if (reader.offset >= bytes.byteLength) throw new Error(`column chunk ends after ${state.row} of ${rows} rows`);
      const header = parquetHeader(reader);
      const start = reader.offset;
      const size = header.compressed_page_size;
      if (!(size >= 0) || start + size > bytes.byteLength) throw new Error("page extends past its column chunk");
      reader.offset += size;
      const raw = bytes.subarray(start, start + size);
      if (header.type === "DICTIONARY_PAGE") readDictionaryPage(state, raw, header, meta, compressors);
      else if (header.type === "DATA_PAGE") readDataPageV1(state, raw, header, meta, nullable, compressors);
      else if (header.type === "DATA_PAGE_V2") readDataPageV2(state, raw, header, meta, nullable, compressors);
      // index pages carry no values
    }
  } catch (e) {
    if (e instanceof Decline) return null;
    // the page (1-based, the dictionary page included) tells a reader of the message where to look
    throw new Error(`page ${pageNumber}: ${(e as Error).message}`);
  }
  if (state.kind === "text") return { kind: "text", codes: state.codes!, texts: state.text.texts };
  return { kind: "numeric", values: state.values!, valid: state.valid };
}

function readDictionaryPage(
  state: ChunkState,
  raw: Uint8Array,
  header: PageHeader,
  meta: ColumnMetaData,
  compressors: Compressors,
): void {
  const count = header.dictionary_page_header?.num_values ?? 0;
  // PLAIN values: a number takes 4 or 8 bytes, a text at least its 4-byte length (a boolean is never a dictionary)
  const width = state.kind === "text" || physicalOf(state.kind) === "INT32" || state.kind === "float" ? 4 : 8;
  const fits = (bytes: number) => Number.isSafeInteger(count) && count >= 0 && count * width <= bytes;
  // the count sizes arrays below: checked against the bytes before anything is allocated
  if (!fits(MAX_PAGE_BYTES)) throw new Error(`a dictionary of ${count} values is beyond any page`);
  const limit = state.kind === "text" ? MAX_PAGE_BYTES : count * width;
  const page = decompress(state, raw, header.uncompressed_page_size, meta.codec, compressors, limit);
  if (!fits(page.length))
    throw new Error(`a dictionary of ${count} values does not fit its page of ${page.length} bytes`);
  if (state.kind === "text") {
    const codes = new Int32Array(count);
    internPlainTexts(page, 0, count, state.text, codes);
    state.dictCodes = codes;
  } else {
    state.dictNumbers = Float64Array.from(plainNumbers(page, 0, count, state.kind));
  }
}

function readDataPageV1(
  state: ChunkState,
  raw: Uint8Array,
  header: PageHeader,
  meta: ColumnMetaData,
  nullable: boolean,
  compressors: Compressors,
): void {
  const daph = header.data_page_header;
  if (!daph) throw new Error("data page header is missing");
  const n = pageRows(state, daph.num_values);
  const page = decompress(state, raw, header.uncompressed_page_size, meta.codec, compressors, dataPageLimit(state, n));
  let pos = 0;
  let present = n;
  if (nullable) {
    // hyparquet, too, reads every level as the RLE hybrid: a deprecated BIT_PACKED run would be misread, not declined
    if (daph.definition_level_encoding !== "RLE")
      throw new Error(`definition levels in the ${daph.definition_level_encoding} encoding are not read`);
    const length = readUint32(page, pos);
    pos += 4;
    present = readLevels(page, pos, pos + length, state.valid, state.row, n);
    pos += length;
  }
  const values = pageValues(state, page, pos, page.length, present, daph.encoding);
  spread(state, values, n, present);
}

function readDataPageV2(
  state: ChunkState,
  raw: Uint8Array,
  header: PageHeader,
  meta: ColumnMetaData,
  nullable: boolean,
  compressors: Compressors,
): void {
  const daph = header.data_page_header_v2;
  if (!daph) throw new Error("data page header v2 is missing");
  const n = pageRows(state, daph.num_rows);
  const repLength = daph.repetition_levels_byte_length ?? 0;
  const defLength = daph.definition_levels_byte_length ?? 0;
  for (const [what, length] of [
    ["repetition", repLength],
    ["definition", defLength],
  ] as const)
    if (!(length >= 0 && length <= raw.length))
      throw new Error(`${what} levels of ${length} bytes in a page of ${raw.length} bytes`);
  if (daph.num_values !== daph.num_rows || repLength !== 0) throw new Decline();
  let present = n;
  if (nullable) present = readLevels(raw, 0, defLength, state.valid, state.row, n);
  let page = raw.subarray(defLength);
  if (daph.is_compressed !== false)
    page = decompress(
      state,
      page,
      header.uncompressed_page_size - defLength,
      meta.codec,
      compressors,
      dataPageLimit(state, n),
    );
  const values = pageValues(state, page, 0, page.length, present, daph.encoding);
  spread(state, values, n, present);
}

/**
 * The page decompressed: zstd (polars' and Spark's default) into the reused scratch page; gzip and brotli by Node's
 * zlib (native: hyparquet-compressors' JS brotli zero-fills a window of up to 16 MB per page, which made a file of
 * small pages take seconds); the other codecs as hyparquet does. Snappy stays with hyparquet-compressors' WebAssembly decoder even though it hands out a fresh copy
 * of each page: a JS decoder into the reused page (hyparquet's, or one copying runs with set/copyWithin) measured
 * slower on the bench file, whose pages are runs of a few bytes.
 */
function decompress(
  state: ChunkState,
  raw: Uint8Array,
  size: number,
  codec: CompressionCodec,
  compressors: Compressors,
  limit: number,
): Uint8Array {
  // a header is trusted only as far as its page could be valid: what the kind's values need and the codec can expand to
  const most = Math.min(MAX_PAGE_BYTES, limit, maxExpansion(codec, raw.length));
  if (!(size >= 0) || size > most)
    throw new Error(`a page of ${size} bytes is beyond what its ${raw.length} ${codec} bytes can hold (${most})`);
  if (codec === "GZIP" || codec === "BROTLI") {
    // maxOutputLength: a page that inflates past its declared size stops there instead of filling memory
    const options = { maxOutputLength: Math.max(size, 1) };
    const out = codec === "GZIP" ? gunzipSync(raw, options) : brotliDecompressSync(raw, options);
    if (out.length !== size) throw new Error(`decompressed page length ${out.length} does not match header ${size}`);
    // a plain Uint8Array: a Buffer's slice is a view (of a pool shared with other buffers), not a copy
    return new Uint8Array(out.buffer, out.byteOffset, out.length);
  }
  if (codec === "SNAPPY") {
    // hyparquet-compressors' snappy fills the header's size whatever its stream says: the stream's length must agree
    const reader: DataReader = { view: new DataView(raw.buffer, raw.byteOffset, raw.byteLength), offset: 0 };
    const length = raw.length > 0 ? readVarInt(reader) : -1;
    if (length !== size) throw new Error(`a snappy page of ${length} bytes does not match header ${size}`);
  }
  if (codec === "LZ4" || codec === "LZ4_RAW") {
    // hyparquet-compressors' LZ4 returns the header's size whatever the block held: the rest would read as zeros
    const length = lz4DecodedLength(raw, codec === "LZ4");
    if (length !== size) throw new Error(`an LZ4 page of ${length} bytes does not match header ${size}`);
  }
  if (codec !== "ZSTD") return decompressPage(raw, size, codec, compressors);
  return zstdPage(state, raw, size);
}

/**
 * One zstd frame into the scratch page by fzstd's stream decoder, which hands over each block as decoded: its real
 * length (fzstd's decompress into a given buffer returns the buffer whole, so a short frame left the previous page's
 * bytes in place, and it was 30-40 times slower on 64 KiB-1 MiB pages). The frame header is checked first, as the
 * decoder allocates its window from it.
 */
function zstdPage(state: ChunkState, raw: Uint8Array, size: number): Uint8Array {
  checkZstdFrame(raw, size);
  let length = 0;
  const stream = new ZstdStream((block: Uint8Array) => {
    if (length + block.length > size) throw new Error(`decompressed page length exceeds header ${size}`);
    // grown by what was decoded, never by the header alone
    if (state.scratch.page.length < length + block.length) {
      const grown = new Uint8Array(Math.min(size, Math.max(length + block.length, 2 * state.scratch.page.length)));
      grown.set(state.scratch.page.subarray(0, length));
      state.scratch.page = grown;
    }
    state.scratch.page.set(block, length);
    length += block.length;
  });
  stream.push(raw, true);
  if (length !== size) throw new Error(`decompressed page length ${length} does not match header ${size}`);
  return state.scratch.page.subarray(0, size);
}

/**
 * `base` (hyparquet-compressors) behind this module's checks, for the columns hyparquet decodes: the size bounds,
 * snappy's and LZ4's own lengths, one zstd frame of the header's size. Each page is a fresh array (hyparquet keeps
 * views of it).
 */
export function checkedCompressors(base: Compressors): Compressors {
  const out: Compressors = {};
  for (const codec of Object.keys(base) as CompressionCodec[])
    out[codec] = (input: Uint8Array, size: number) =>
      decompress({ scratch: newFlatScratch() } as ChunkState, input, size, codec, base, MAX_PAGE_BYTES);
  return out;
}

/** zstd's window limit by default (ZSTD_WINDOWLOG_LIMIT_DEFAULT): libzstd refuses frames that need more. */
const ZSTD_MAX_WINDOW = 2 ** 27;

/**
 * The page is one zstd frame, without a dictionary, whose declared content size (if any) is the header's and whose
 * window is at most zstd's default limit: what fzstd allocates before decoding.
 */
function checkZstdFrame(raw: Uint8Array, size: number): void {
  const fail = (why: string) => new Error(`the zstd frame ${why}`);
  if (raw.length < 6 || raw[0] !== 0x28 || raw[1] !== 0xb5 || raw[2] !== 0x2f || raw[3] !== 0xfd)
    throw fail("has no zstd magic number");
  const descriptor = raw[4]!;
  const singleSegment = (descriptor >> 5) & 1;
  const checksum = (descriptor >> 2) & 1;
  if (descriptor & 3) throw fail("needs a dictionary");
  const sizeBytes = [singleSegment, 2, 4, 8][descriptor >> 6]!;
  let pos = 5;
  let window = 0;
  if (!singleSegment) {
    const exponent = raw[pos]! >> 3;
    const base = 2 ** (10 + exponent);
    window = base + (base / 8) * (raw[pos]! & 7);
    pos++;
  }
  if (pos + sizeBytes > raw.length) throw fail("header is cut off");
  let content = -1;
  if (sizeBytes > 0) {
    content = 0;
    for (let i = sizeBytes - 1; i >= 0; i--) content = content * 256 + raw[pos + i]!;
    if (sizeBytes === 2) content += 256;
    if (content !== size) throw fail(`declares ${content} bytes, the page header ${size}`);
  }
  pos += sizeBytes;
  if (window > ZSTD_MAX_WINDOW) throw fail(`asks for a window of ${window} bytes`);
  // the blocks, to the frame's end: a second frame would get a window of its own
  for (let last = 0; !last;) {
    if (pos + 3 > raw.length) throw fail("ends before its last block");
    const b = raw[pos]! | (raw[pos + 1]! << 8) | (raw[pos + 2]! << 16);
    last = b & 1;
    const type = (b >> 1) & 3;
    if (type === 3) throw fail("has a reserved block type");
    pos += 3 + (type === 1 ? 1 : b >>> 3);
  }
  if (pos + 4 * checksum !== raw.length) throw fail("is followed by other bytes (one frame per page)");
}

/**
 * The most a page of `compressed` bytes can decompress to in the codec: snappy's longest copy is 64 bytes in 3, LZ4's
 * match length grows by 255 per byte, deflate's by at most 1032 to 1, a zstd block of 4 bytes (an RLE block) regenerates up to 128 KiB, and brotli
 * stops at the header's size on its own (maxOutputLength).
 */
function maxExpansion(codec: CompressionCodec, compressed: number): number {
  switch (codec) {
    case "UNCOMPRESSED":
      return compressed;
    case "SNAPPY":
      return 22 * compressed + 16;
    case "GZIP":
      return 1032 * compressed + 1024;
    case "LZ4":
    case "LZ4_RAW":
      return 256 * compressed + 16;
    case "ZSTD":
      return Math.ceil(compressed / 4) * 131072;
    default:
      return MAX_PAGE_BYTES;
  }
}

/**
 * The most a valid data page of n rows needs: text values have no such bound; numbers at most 8 bytes a value in
 * any encoding (delta blocks add their headers and a padded miniblock), and definition levels at most 2 bytes a
 * value (an RLE run per value) behind their 4-byte length.
 */
function dataPageLimit(state: ChunkState, n: number): number {
  return state.kind === "text" ? MAX_PAGE_BYTES : 4 + 2 * n + 8 * n + 16 * Math.ceil(n / 128) + 4096;
}

/** Parquet's page sizes are i32; a header claiming more is corrupt. */
const MAX_PAGE_BYTES = 2 ** 31 - 1;

function pageRows(state: ChunkState, n: number): number {
  if (!(n >= 0) || state.row + n > state.rows) throw new Error("pages hold more rows than the row group");
  return n;
}

/**
 * Writes the page's present values into rows state.row..state.row+n-1: in order where valid (already filled by the
 * definition levels; all 1 for a required column), NaN / -1 where not.
 */
function spread(state: ChunkState, values: PageValues, n: number, present: number): void {
  const base = state.row;
  const valid = state.valid;
  if (present === n) valid.fill(1, base, base + n);
  if (state.kind === "text") {
    const codes = state.codes!;
    if (present === n) codes.set(values, base);
    else for (let r = base, k = 0, end = base + n; r < end; r++) codes[r] = valid[r] ? values[k++]! : -1;
  } else {
    const out = state.values!;
    if (present === n) out.set(values, base);
    else for (let r = base, k = 0, end = base + n; r < end; r++) out[r] = valid[r] ? values[k++]! : NaN;
  }
  state.row = base + n;
}

/** The `count` present values of a data page in `encoding`, as numbers or indexes into state.texts. */
function pageValues(
  state: ChunkState,
  page: Uint8Array,
  pos: number,
  end: number,
  count: number,
  encoding: string,
): PageValues {
  const kind = state.kind;
  switch (encoding) {
    case "PLAIN":
      if (kind === "text") return plainTextCodes(state, page, pos, count);
      return plainNumbers(page, pos, count, kind);
    case "PLAIN_DICTIONARY":
    case "RLE_DICTIONARY": {
      if (count > 0 && pos >= end) throw new Error("a dictionary-encoded page holds no bit width");
      const indexes = new Int32Array(count);
      const width = count > 0 ? page[pos]! : 0;
      if (width > 24) throw new Decline();
      // a width of 0: every index is 0, and some writers put no runs after it
      if (width > 0) readHybrid(page, pos + 1, end, width, indexes, 0, count);
      const dictionary = kind === "text" ? state.dictCodes : state.dictNumbers;
      if (!dictionary) throw new Error("a dictionary-encoded page comes without a dictionary page");
      const size = dictionary.length;
      const out = kind === "text" ? indexes : new Float64Array(count);
      for (let i = 0; i < count; i++) {
        const x = indexes[i]!;
        if (x >= size) throw new Error(`dictionary index ${x} is beyond the dictionary's ${size} values`);
        out[i] = dictionary[x]!;
      }
      return out;
    }
    case "RLE": {
      // booleans only; both page versions prefix the runs with their length
      if (kind !== "boolean") throw new Decline();
      const bits = new Int32Array(count);
      if (count > 0) {
        const length = readUint32(page, pos);
        readHybrid(page, pos + 4, pos + 4 + length, 1, bits, 0, count);
      }
      return bits;
    }
    case "BYTE_STREAM_SPLIT": {
      if (kind === "text" || kind === "boolean") throw new Decline();
      const reader = { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: pos };
      const split = byteStreamSplit(reader, count, physicalOf(kind), undefined);
      return numbersOf(split as Float64Array | Float32Array | Int32Array | BigInt64Array, kind);
    }
    case "DELTA_BINARY_PACKED": {
      if (kind === "text" || kind === "boolean" || kind === "double" || kind === "float") throw new Decline();
      const reader = { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: pos };
      const out = physicalOf(kind) === "INT32" ? new Int32Array(count) : new BigInt64Array(count);
      if (count > 0) deltaBinaryUnpack(reader, count, out);
      return numbersOf(out, kind);
    }
    case "DELTA_LENGTH_BYTE_ARRAY":
    case "DELTA_BYTE_ARRAY": {
      if (kind !== "text") throw new Decline();
      const reader = { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: pos };
      const raw = new Array<Uint8Array>(count);
      if (count > 0)
        if (encoding === "DELTA_BYTE_ARRAY") deltaByteArray(reader, count, raw);
        else deltaLengthByteArray(reader, count, raw);
      const codes = new Int32Array(count);
      for (let i = 0; i < count; i++) codes[i] = state.text.intern(raw[i]!, 0, raw[i]!.length);
      return codes;
    }
    default:
      throw new Decline();
  }
}

function physicalOf(kind: FlatValueKind): "INT32" | "INT64" | "DOUBLE" | "FLOAT" {
  if (kind === "int32" || kind === "uint32" || kind === "date32") return "INT32";
  if (kind === "double") return "DOUBLE";
  if (kind === "float") return "FLOAT";
  return "INT64";
}

const SAFE_HIGH = 2 ** 21;

/** Typed values of a physical type into numbers of the kind (an INT64 beyond 2^53 declines the chunk). */
function numbersOf(a: Float64Array | Float32Array | Int32Array | BigInt64Array, kind: FlatValueKind): PageValues {
  if (a instanceof BigInt64Array) {
    const out = new Float64Array(a.length);
    const halves = new Int32Array(a.buffer, a.byteOffset, a.length * 2);
    for (let i = 0; i < a.length; i++) out[i] = int64Number(halves[2 * i]!, halves[2 * i + 1]!, kind, a, i);
    return out;
  }
  if (a instanceof Int32Array) {
    if (kind === "int32") return a;
    const out = new Float64Array(a.length);
    for (let i = 0; i < a.length; i++) out[i] = int32Number(a[i]!, kind);
    return out;
  }
  return a;
}

function int32Number(v: number, kind: FlatValueKind): number {
  if (kind === "uint32") return v < 0 ? v + 4294967296 : v;
  if (kind === "date32") return v * DAY_MS;
  return v;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** An INT64 given as its little-endian halves; `source[i]` is only read (as a BigInt) for nanosecond timestamps. */
function int64Number(low: number, high: number, kind: FlatValueKind, source: BigInt64Array, i: number): number {
  if (kind === "timestampNanos") return Number(floorDiv(source[i]!, 1_000_000n));
  const safe = (high > -SAFE_HIGH && high < SAFE_HIGH) || (high === -SAFE_HIGH && low !== 0);
  if (!safe) {
    if (kind === "int64") throw new Decline();
    if (kind === "timestampMillis") return Number(source[i]!);
    return Number(floorDiv(source[i]!, 1000n));
  }
  const v = high * 4294967296 + (low >>> 0);
  if (kind === "timestampMicros") {
    // floor(v / 1000) exactly: the float quotient can round across an integer, the remainder says which way
    let q = Math.floor(v / 1000);
    const r = v - q * 1000;
    if (r < 0) q--;
    else if (r >= 1000) q++;
    return q;
  }
  return v;
}

/** `count` PLAIN values of a numeric kind at pos. */
function plainNumbers(page: Uint8Array, pos: number, count: number, kind: FlatValueKind): PageValues {
  if (kind === "boolean") {
    if (pos + Math.ceil(count / 8) > page.length) throw new Error("PLAIN booleans run past the page");
    const out = new Int32Array(count);
    for (let i = 0; i < count; i++) out[i] = (page[pos + (i >> 3)]! >> (i & 7)) & 1;
    return out;
  }
  const type = physicalOf(kind);
  const width = type === "DOUBLE" || type === "INT64" ? 8 : 4;
  if (pos + count * width > page.length) throw new Error("PLAIN values run past the page");
  const at = page.byteOffset + pos;
  // a view where aligned, else one copy of the bytes
  const buffer =
    at % width === 0 ? page.buffer : Uint8Array.prototype.slice.call(page, pos, pos + count * width).buffer;
  const offset = at % width === 0 ? at : 0;
  switch (type) {
    case "DOUBLE":
      return new Float64Array(buffer, offset, count);
    case "FLOAT":
      return new Float32Array(buffer, offset, count);
    case "INT32":
      return numbersOf(new Int32Array(buffer, offset, count), kind);
    default:
      return numbersOf(new BigInt64Array(buffer, offset, count), kind);
  }
}

/** PLAIN byte arrays of a data page: their indexes in the column's texts. */
function plainTextCodes(state: ChunkState, page: Uint8Array, pos: number, count: number): Int32Array {
  const codes = new Int32Array(count);
  internPlainTexts(page, pos, count, state.text, codes);
  return codes;
}

/**
 * `count` PLAIN byte arrays at pos into codes[0..count-1]: each one's index in the interner's texts. A value seen
 * before (in this page, or any earlier one of the column) is matched by its bytes, without a new string.
 */
function internPlainTexts(
  page: Uint8Array,
  pos: number,
  count: number,
  text: ParquetTextInterner,
  codes: Int32Array,
): number {
  for (let i = 0; i < count; i++) {
    const length = readUint32(page, pos);
    pos += 4;
    const end = pos + length;
    if (end > page.length) throw new Error("a PLAIN byte array runs past the page");
    codes[i] = text.intern(page, pos, end);
    pos = end;
  }
  return pos;
}

function readUint32(page: Uint8Array, pos: number): number {
  if (pos + 4 > page.length) throw new Error("a length runs past the page");
  return (page[pos]! | (page[pos + 1]! << 8) | (page[pos + 2]! << 16) | (page[pos + 3]! << 24)) >>> 0;
}

/**
 * Definition levels (bit width 1: 1 present, 0 null) into out[at..at+n-1]; the count of present values. The
 * hybrid of readHybrid, specialised: a bit-packed byte is eight levels, a run is a fill.
 */
function readLevels(page: Uint8Array, pos: number, end: number, out: Uint8Array, at: number, n: number): number {
  if (end > page.length) throw new Error("definition levels run past the page");
  const reader: DataReader = { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: pos };
  let k = at;
  const stop = at + n;
  let present = 0;
  while (k < stop) {
    if (reader.offset >= end) throw new Error("RLE / bit-packed runs end before their values");
    const header = readVarInt(reader);
    let p = reader.offset;
    if (header & 1) {
      const groups = header >>> 1;
      const take = Math.min(groups * 8, stop - k);
      if (p + Math.ceil(take / 8) > end) throw new Error("a bit-packed run extends past its data");
      const whole = k + (take & ~7);
      for (; k < whole; k += 8) {
        const b = page[p++]!;
        out[k] = b & 1;
        out[k + 1] = (b >> 1) & 1;
        out[k + 2] = (b >> 2) & 1;
        out[k + 3] = (b >> 3) & 1;
        out[k + 4] = (b >> 4) & 1;
        out[k + 5] = (b >> 5) & 1;
        out[k + 6] = (b >> 6) & 1;
        out[k + 7] = b >> 7;
        present += POPCOUNT[b]!;
      }
      if (k < whole + (take & 7)) {
        const b = page[p]!;
        for (let i = 0; k < whole + (take & 7); i++, k++) present += out[k] = (b >> i) & 1;
      }
      reader.offset += groups;
    } else {
      const run = header >>> 1;
      if (p >= end) throw new Error("an RLE run extends past its data");
      const value = page[p++]!;
      if (value > 1) throw new Error(`a definition level run value ${value} in a column of levels 0 and 1`);
      const take = Math.min(run, stop - k);
      out.fill(value, k, k + take);
      present += value * take;
      k += take;
      reader.offset = p;
    }
  }
  return present;
}

/**
 * DELTA_LENGTH_BYTE_ARRAY values as hyparquet decodes them, within the reader's view (the page): hyparquet's own
 * builds each value on the view's whole buffer, so a hostile length read the bytes after the page.
 */
function deltaLengthByteArray(reader: DataReader, count: number, output: Uint8Array[]): void {
  const lengths = new Int32Array(count);
  deltaBinaryUnpack(reader, count, lengths);
  byteArraysOf(reader, null, lengths, output);
}

/** DELTA_BYTE_ARRAY values (a prefix of the previous value, then a suffix), checked as deltaLengthByteArray. */
function deltaByteArray(reader: DataReader, count: number, output: Uint8Array[]): void {
  const prefixes = new Int32Array(count);
  deltaBinaryUnpack(reader, count, prefixes);
  const suffixes = new Int32Array(count);
  deltaBinaryUnpack(reader, count, suffixes);
  byteArraysOf(reader, prefixes, suffixes, output);
}

function byteArraysOf(
  reader: DataReader,
  prefixes: Int32Array | null,
  lengths: Int32Array,
  output: Uint8Array[],
): void {
  const view = reader.view;
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  for (let i = 0; i < lengths.length; i++) {
    const length = lengths[i]!;
    if (length < 0) throw new Error(`a byte array of length ${length}`);
    if (reader.offset + length > bytes.length) throw new Error("a delta byte array runs past the page");
    const suffix = bytes.subarray(reader.offset, reader.offset + length);
    reader.offset += length;
    const prefix = prefixes ? prefixes[i]! : 0;
    const previous = i > 0 ? output[i - 1]!.length : 0;
    if (prefix < 0 || prefix > previous)
      throw new Error(`a prefix of ${prefix} bytes of a previous value of ${previous} bytes`);
    if (prefix === 0) output[i] = suffix;
    else {
      const value = new Uint8Array(prefix + length);
      value.set(output[i - 1]!.subarray(0, prefix));
      value.set(suffix, prefix);
      output[i] = value;
    }
  }
}

const POPCOUNT = Uint8Array.from({ length: 256 }, (_, b) => {
  let c = 0;
  for (let x = b; x; x >>= 1) c += x & 1;
  return c;
});

/**
 * The RLE / bit-packed hybrid of `count` values of `width` (at most 24) bits at page[pos..end) into out[at..].
 * Values past `count` in the last bit-packed group are padding and may be cut off by the writer.
 */
function readHybrid(
  page: Uint8Array,
  pos: number,
  end: number,
  width: number,
  out: Uint8Array | Int32Array,
  at: number,
  count: number,
): void {
  const reader: DataReader = { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: pos };
  const mask = (1 << width) - 1;
  const valueBytes = (width + 7) >> 3;
  let n = 0;
  while (n < count) {
    if (reader.offset >= end) throw new Error("RLE / bit-packed runs end before their values");
    const header = readVarInt(reader);
    let p = reader.offset;
    if (header & 1) {
      const values = (header >>> 1) * 8;
      const take = Math.min(values, count - n);
      if (p + Math.ceil((take * width) / 8) > end) throw new Error("a bit-packed run extends past its data");
      if (width === 0) out.fill(0, at + n, at + n + take);
      else {
        let acc = 0;
        let bits = 0;
        for (let k = at + n, e = at + n + take; k < e; k++) {
          while (bits < width) {
            acc |= page[p++]! << bits;
            bits += 8;
          }
          out[k] = acc & mask;
          acc >>>= width;
          bits -= width;
        }
      }
      n += take;
      reader.offset += (values * width) >> 3;
    } else {
      const run = header >>> 1;
      if (p + valueBytes > end) throw new Error("an RLE run extends past its data");
      let value = 0;
      for (let i = 0; i < valueBytes; i++) value |= page[p++]! << (i * 8);
      if (value > mask) throw new Error(`an RLE run value ${value} is wider than its ${width} bits`);
      const take = Math.min(run, count - n);
      out.fill(value, at + n, at + n + take);
      n += take;
      reader.offset = p;
    }
  }
}
