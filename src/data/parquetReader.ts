/**
 * Parquet into a Table through hyparquet, one row group at a time (only wanted columns are decoded).
 *
 * Types come from the schema: BOOLEAN -> boolean; INT32/INT64 -> integer (an INT64 value beyond 2^53 turns the
 * column into text so ids keep their digits); FLOAT/DOUBLE/DECIMAL/FLOAT16 -> number; TIMESTAMP/DATE/INT96 ->
 * datetime (epoch ms, UTC); ENUM and pandas categoricals -> category; other text (UTF8/STRING, JSON, UUID, binary)
 * -> category or string by the rule of inferColumnType.ts. Nulls are missing; a stored NaN is a valid NaN.
 * Physical dictionary encoding says nothing here: writers such as pyarrow dictionary-encode every text column.
 * Nested columns (struct, list, map) are an error when wanted.
 *
 * Every codec common writers use is read: uncompressed, snappy (pyarrow/pandas), zstd (polars, Spark), gzip, brotli,
 * lz4 (Hadoop framing, as old pyarrow and parquet-mr wrote it) and lz4_raw, through hyparquet-compressors; LZO is
 * refused up front naming the column. Memory is bounded by a row group: the file is read through positioned reads,
 * one row group's wanted column chunks at a time.
 */
import {
  parquetMetadataAsync,
  parquetRead,
  parquetSchema,
  type ColumnMetaData,
  type FileMetaData,
  type SchemaElement,
} from "hyparquet";
import { compressors } from "hyparquet-compressors";
import { ModelguardError } from "../errors.js";
import {
  checkedCompressors,
  newFlatScratch,
  type FlatScratch,
  decodeFlatChunk,
  flatValueKind,
  type FlatChunk,
  type FlatTextChunk,
  type FlatValueKind,
} from "./parquetFlatColumn.js";
import { isCategoryCardinality, parseBooleanBytes } from "./inferColumnType.js";
import { INFERENCE_ROWS, rowsPerChunk, type ResolvedLoadOptions } from "./loadOptions.js";
import { openDataFile } from "./openDataFile.js";
import { parquetFileBuffer, type ParquetFileBuffer } from "./parquetFileBuffer.js";
import { parseDatetimeBytes } from "./parseDatetime.js";
import { isNanLiteralBytes, parseNumberBytes } from "./parseNumber.js";
import type { Column, ColumnType, Table } from "./table.js";

const DAY_MS = 86_400_000;

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** Timestamps and dates as epoch milliseconds (numbers), not Date objects. */
const PARSERS = {
  timestampFromMilliseconds: (ms: bigint) => Number(ms),
  timestampFromMicroseconds: (us: bigint) => Number(floorDiv(us, 1000n)),
  timestampFromNanoseconds: (ns: bigint) => Number(floorDiv(ns, 1_000_000n)),
  dateFromDays: (days: number) => days * DAY_MS,
};

interface ParquetColumnInfo {
  name: string;
  type: ColumnType;
  /** category/string decided by the cardinality rule (text columns without ENUM/categorical marks). */
  textRule: boolean;
  /** Values are epoch ms of a timestamp/date: their text is ISO 8601. */
  datetimeSource: boolean;
  nested: boolean;
  element: SchemaElement;
  /** How parquetFlatColumn.ts decodes it, null when only hyparquet does. */
  flat: FlatValueKind | null;
}

function inputError(file: string, message: string, hint: string, column?: string): ModelguardError {
  return new ModelguardError(
    "input",
    `${file}${column !== undefined ? `, column '${column}'` : ""}: ${message}`,
    hint,
    column !== undefined ? { file, column } : { file },
  );
}

/** The file's metadata and positioned reads on it; the caller closes it. */
async function openParquet(file: string) {
  const fh = await openDataFile(file);
  try {
    const buffer = parquetFileBuffer(fh, (await fh.stat()).size);
    const metadata = await parquetMetadataAsync(buffer);
    checkRowCounts(file, metadata);
    return { buffer, metadata, close: () => fh.close() };
  } catch (e) {
    await fh.close();
    if (e instanceof ModelguardError) throw e;
    throw inputError(
      file,
      `not a readable Parquet file (${(e as Error).message})`,
      "Check that the file is Parquet (it starts and ends with 'PAR1') and is not truncated.",
    );
  }
}

/**
 * The footer's num_rows sizes the columns and each row group's places its rows, so they must agree: a count that
 * does not (a corrupt or hostile footer) overran the typed arrays or silently dropped rows.
 */
function checkRowCounts(file: string, metadata: FileMetaData): void {
  const hint = "The file's footer is corrupt: rewrite the file with its writer.";
  let sum = 0n;
  metadata.row_groups.forEach((group, index) => {
    const rows = thriftInteger(group.num_rows);
    if (rows === null || rows < 0n)
      throw inputError(file, `row group ${index} declares ${String(group.num_rows)} rows`, hint);
    sum += rows;
  });
  const total = thriftInteger(metadata.num_rows);
  if (total !== sum)
    throw inputError(file, `the file declares ${String(metadata.num_rows)} rows but its row groups hold ${sum}`, hint);
  if (sum > BigInt(Number.MAX_SAFE_INTEGER)) throw inputError(file, `the file declares ${sum} rows`, hint);
}

/** An i64 field of the footer; a hostile footer can give the field another thrift type. */
function thriftInteger(value: unknown): bigint | null {
  if (typeof value === "bigint") return value;
  return typeof value === "number" && Number.isSafeInteger(value) ? BigInt(value) : null;
}

function pandasCategoricals(metadata: FileMetaData): Set<string> {
  const entry = metadata.key_value_metadata?.find((kv) => kv.key === "pandas");
  const names = new Set<string>();
  if (!entry?.value) return names;
  try {
    const meta = JSON.parse(entry.value) as { columns?: { name?: unknown; pandas_type?: unknown }[] };
    for (const c of meta.columns ?? [])
      if (c.pandas_type === "categorical" && typeof c.name === "string") names.add(c.name);
  } catch {
    // not pandas metadata after all
  }
  return names;
}

function typeOfElement(
  el: SchemaElement,
  categorical: boolean,
): Omit<ParquetColumnInfo, "name" | "nested" | "element" | "flat"> {
  const ct = el.converted_type;
  const lt = el.logical_type?.type;
  if (
    lt === "TIMESTAMP" ||
    lt === "DATE" ||
    ct === "TIMESTAMP_MILLIS" ||
    ct === "TIMESTAMP_MICROS" ||
    ct === "DATE" ||
    (el.type === "INT96" && ct === undefined)
  )
    return { type: "datetime", textRule: false, datetimeSource: true };
  if (el.type === "BOOLEAN") return { type: "boolean", textRule: false, datetimeSource: false };
  if (ct === "DECIMAL" || lt === "DECIMAL" || lt === "FLOAT16" || el.type === "FLOAT" || el.type === "DOUBLE")
    return { type: "number", textRule: false, datetimeSource: false };
  if (el.type === "INT32" || el.type === "INT64") return { type: "integer", textRule: false, datetimeSource: false };
  if (lt === "ENUM" || ct === "ENUM" || categorical)
    return { type: "category", textRule: false, datetimeSource: false };
  return { type: "string", textRule: true, datetimeSource: false };
}

function columnInfos(metadata: FileMetaData): ParquetColumnInfo[] {
  const categoricals = pandasCategoricals(metadata);
  return parquetSchema(metadata).children.map((child) => {
    const el = child.element;
    const nested = child.children.length > 0 || el.repetition_type === "REPEATED";
    const flat = nested ? null : flatValueKind(el);
    return { name: el.name, nested, element: el, flat, ...typeOfElement(el, categoricals.has(el.name)) };
  });
}

/** Text of a value, the way a CSV would have spelled it (for invalid entries and text columns). */
function valueText(v: unknown, datetimeSource: boolean): string {
  if (typeof v === "string") return v;
  if (typeof v === "number") return datetimeSource && Number.isFinite(v) ? new Date(v).toISOString() : String(v);
  if (typeof v === "bigint" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) return new TextDecoder().decode(v);
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? String(x) : x));
}

/** One output column, filled from hyparquet's decoded arrays. */
class ParquetColumnSink {
  rows = 0;
  private values: Float64Array | null = null;
  private valid: Uint8Array | null = null;
  private readonly invalid = new Map<number, string>();
  private codes: Int32Array | null = null;
  private readonly dictionary: string[] = [];
  private readonly index = new Map<string, number>();

  /**
   * @param fixed the type never changes (forced, or a scan after the sample): a value that does not fit is invalid.
   * @param forced from options.types: integral numbers count as integers and 0/1 as booleans.
   */
  constructor(
    readonly info: ParquetColumnInfo,
    public type: ColumnType,
    private readonly fixed: boolean,
    private readonly forced: boolean,
    private readonly capacity: number,
  ) {
    if (type === "category" || type === "string") this.codes = new Int32Array(capacity);
    else {
      this.values = new Float64Array(capacity);
      this.valid = new Uint8Array(capacity);
    }
  }

  /** Rows from..to-1 of a row group given as its decoded pieces (readGroup); rows no piece covers are missing. */
  append(pieces: readonly Piece[], from: number, to: number): void {
    let row = from;
    for (const { start, data } of pieces) {
      const end = Math.min(to, start + data.length);
      if (end <= row) continue;
      for (; row < start && row < to; row++) this.put(this.rows++, null);
      const at = this.rows;
      this.copy(data, row - start, end - start);
      this.rows = at + (end - row);
      row = end;
    }
    for (; row < to; row++) this.put(this.rows++, null);
  }

  /** Rows from..to-1 of a row group decoded by parquetFlatColumn.ts (only when flatFits says so). */
  appendFlat(chunk: FlatChunk, from: number, to: number): void {
    const at = this.rows;
    if (chunk.kind === "numeric") {
      this.values!.set(chunk.values.subarray(from, to), at);
      this.valid!.set(chunk.valid.subarray(from, to), at);
    } else {
      const codes = this.codes!;
      const remap = this.remapOf(chunk);
      const texts = chunk.texts;
      const chunkCodes = chunk.codes;
      for (let r = from, row = at; r < to; r++, row++) {
        const c = chunkCodes[r]!;
        if (c < 0) codes[row] = -1;
        else {
          let m = remap[c]!;
          if (m < 0) m = remap[c] = this.code(texts[c]!);
          codes[row] = m;
        }
      }
    }
    this.rows = at + (to - from);
  }

  /**
   * The chunk's text indexes -> this column's codes (-1: not seen yet). Its texts are the column's for every row group
   * (parquetFlatColumn.ts), so the map is kept from one chunk to the next and grown with them: each distinct text is
   * looked up by string once per column, not once per row group or per PLAIN value.
   */
  private remapOf(chunk: FlatTextChunk): Int32Array {
    const n = chunk.texts.length;
    if (this.remapTexts !== chunk.texts) {
      this.remapTexts = chunk.texts;
      this.remap = new Int32Array(Math.max(n, 64)).fill(-1);
    } else if (this.remap.length < n) {
      const grown = new Int32Array(Math.max(n, this.remap.length * 2)).fill(-1);
      grown.set(this.remap);
      this.remap = grown;
    }
    return this.remap;
  }
  private remapTexts: string[] | null = null;
  private remap = new Int32Array(0);

  /**
   * Whether a column chunk decoded as `kind` lands in this column unchanged: the column still has the type the
   * schema gave (not forced to another, not turned into text by an INT64 beyond 2^53).
   */
  flatFits(kind: FlatValueKind): boolean {
    if (kind === "text") return this.codes !== null && (this.info.type === "category" || this.info.type === "string");
    return this.values !== null && this.type === this.info.type && this.type === FLAT_TYPES[kind];
  }

  /**
   * data[from..to-1] into the next rows. Numbers into a number column, and safe integers into an integer column, are
   * written straight into the typed arrays (the bulk of a numeric file); anything else goes through put.
   */
  private copy(data: ArrayLike<unknown>, from: number, to: number): void {
    const values = this.values;
    const valid = this.valid;
    let row = this.rows;
    if (values && valid && !this.info.datetimeSource && (this.type === "number" || this.type === "integer")) {
      const integer = this.type === "integer";
      for (let i = from; i < to; i++, row++) {
        const v = data[i];
        if (typeof v === "number" && (!integer || Number.isSafeInteger(v))) {
          values[row] = v;
          valid[row] = 1;
        } else {
          this.put(row, v);
          if (this.values !== values) {
            // put turned the column into text (an INT64 beyond 2^53): the rest goes through put too.
            for (i++, row++; i < to; i++, row++) this.put(row, data[i]);
            break;
          }
        }
      }
      return;
    }
    for (let i = from; i < to; i++, row++) this.put(row, data[i]);
  }

  private put(row: number, v: unknown): void {
    if (this.codes) {
      this.codes[row] = v === null || v === undefined ? -1 : this.code(valueText(v, this.info.datetimeSource));
      return;
    }
    const values = this.values!;
    const valid = this.valid!;
    if (v === null || v === undefined) {
      values[row] = NaN;
      valid[row] = 0;
      return;
    }
    const x = this.numeric(v);
    if (x === x || (typeof v === "number" && v !== v && this.type === "number")) {
      values[row] = x;
      valid[row] = 1;
      return;
    }
    if (!this.fixed && this.type === "integer" && typeof v === "bigint") {
      // beyond 2^53: the column becomes text so no digit is lost
      this.toText(row);
      this.codes![row] = this.code(String(v));
      return;
    }
    values[row] = NaN;
    valid[row] = 0;
    this.invalid.set(row, valueText(v, this.info.datetimeSource));
  }

  /** The value under this.type, NaN when it does not fit. */
  private numeric(v: unknown): number {
    switch (this.type) {
      case "integer":
        if (typeof v === "number") return Number.isSafeInteger(v) ? v : NaN;
        if (typeof v === "bigint") return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : NaN;
        return typeof v === "string" ? intFromText(v) : NaN;
      case "number":
        if (typeof v === "number") return this.info.datetimeSource ? NaN : v;
        if (typeof v === "bigint") return Number(v);
        return typeof v === "string" ? numberFromText(v) : NaN;
      case "boolean":
        if (typeof v === "boolean") return v ? 1 : 0;
        if (this.forced && (v === 0 || v === 1 || v === 0n || v === 1n)) return Number(v);
        return typeof v === "string" ? boolFromText(v) : NaN;
      case "datetime":
        if (typeof v === "number") return this.info.datetimeSource ? v : NaN;
        if (v instanceof Date) return v.getTime();
        return typeof v === "string" ? datetimeFromText(v) : NaN;
      default:
        return NaN;
    }
  }

  private code(text: string): number {
    let c = this.index.get(text);
    if (c === undefined) {
      c = this.dictionary.length;
      this.dictionary.push(text);
      this.index.set(text, c);
    }
    return c;
  }

  /** Switches an integer column to text: the values so far are safe integers, so their text is exact. */
  private toText(upTo: number): void {
    const codes = new Int32Array(this.capacity);
    for (let i = 0; i < upTo; i++) codes[i] = this.valid![i] ? this.code(String(this.values![i])) : -1;
    this.codes = codes;
    this.values = null;
    this.valid = null;
    this.type = "string";
  }

  finish(): Column {
    const n = this.rows;
    if (this.codes) {
      let type = this.type as "category" | "string";
      if (!this.fixed && (this.info.textRule || this.info.type === "integer")) {
        let nonMissing = 0;
        for (let i = 0; i < n; i++) if (this.codes[i]! >= 0) nonMissing++;
        type = isCategoryCardinality(this.dictionary.length, nonMissing) ? "category" : "string";
      }
      return {
        kind: "dictionary",
        name: this.info.name,
        type,
        codes: this.codes.subarray(0, n),
        dictionary: this.dictionary,
      };
    }
    return {
      kind: "numeric",
      name: this.info.name,
      type: this.type as "integer" | "number" | "boolean" | "datetime",
      values: this.values!.subarray(0, n),
      valid: this.valid!.subarray(0, n),
      invalid: this.invalid,
    };
  }
}

/** The column type of each numeric kind parquetFlatColumn.ts decodes, as typeOfElement gives it. */
const FLAT_TYPES: Record<Exclude<FlatValueKind, "text">, ColumnType> = {
  double: "number",
  float: "number",
  int32: "integer",
  uint32: "integer",
  int64: "integer",
  date32: "datetime",
  timestampMillis: "datetime",
  timestampMicros: "datetime",
  timestampNanos: "datetime",
  boolean: "boolean",
};

function trimmedBytes(text: string): Buffer {
  return Buffer.from(text.trim(), "utf8");
}
function numberFromText(text: string): number {
  const b = trimmedBytes(text);
  const v = parseNumberBytes(b, 0, b.length);
  return v === v || !isNanLiteralBytes(b, 0, b.length) ? v : NaN;
}
function intFromText(text: string): number {
  const v = numberFromText(text);
  return Number.isSafeInteger(v) ? v : NaN;
}
function boolFromText(text: string): number {
  const b = trimmedBytes(text);
  return parseBooleanBytes(b, 0, b.length);
}
function datetimeFromText(text: string): number {
  const b = trimmedBytes(text);
  return parseDatetimeBytes(b, 0, b.length);
}

/** The wanted columns, with their types: forced, from the schema, or (scan) as the sample showed. */
function wantedInfos(file: string, metadata: FileMetaData, options: ResolvedLoadOptions): ParquetColumnInfo[] {
  const infos = columnInfos(metadata).filter((info) => !options.columns || options.columns.has(info.name));
  for (const info of infos)
    if (info.nested)
      throw inputError(
        file,
        "a nested Parquet column (struct, list or map) cannot be loaded",
        "Flatten it into top-level columns first, or leave it out with `columns`.",
        info.name,
      );
  checkCodecs(file, metadata, infos);
  return infos;
}

/** hyparquet's codecs behind the flat decoder's checks: a hostile page size is no less hostile in a decimal column. */
const HYPARQUET_COMPRESSORS = checkedCompressors(compressors);

const READABLE_CODECS: ReadonlySet<string> = new Set(["UNCOMPRESSED", ...Object.keys(compressors)]);

/** A codec no decompressor reads (LZO) is named up front, not left to look like a corrupt page. */
function checkCodecs(file: string, metadata: FileMetaData, infos: ParquetColumnInfo[]): void {
  const wanted = new Set(infos.map((i) => i.name));
  for (const group of metadata.row_groups)
    for (const chunk of group.columns) {
      const meta = chunk.meta_data;
      const name = meta?.path_in_schema[0];
      if (meta === undefined || name === undefined || !wanted.has(name) || READABLE_CODECS.has(meta.codec)) continue;
      throw inputError(
        file,
        `the Parquet compression codec ${meta.codec} cannot be read`,
        "Rewrite the file with snappy, zstd, gzip, brotli, lz4_raw or no compression (e.g. pandas " +
          "`df.to_parquet(path, compression='zstd')`).",
        name,
      );
    }
}

type Group = { index: number; start: number; rows: number };

function rowGroups(metadata: FileMetaData): Group[] {
  const groups: Group[] = [];
  let start = 0;
  metadata.row_groups.forEach((g, index) => {
    const rows = Number(g.num_rows);
    groups.push({ index, start, rows });
    start += rows;
  });
  return groups;
}

/**
 * How row groups are decoded: "flat" (the default) decodes flat columns with parquetFlatColumn.ts and leaves the
 * rest to hyparquet; "hyparquet" decodes everything with hyparquet (the reference the tests compare against).
 */
export type ParquetRoute = "flat" | "hyparquet";

/** Decoded values of a column: data[k] is the value of row start + k of the row group. */
interface Piece {
  start: number;
  data: ArrayLike<unknown>;
}

/** A column of a row group: decoded by parquetFlatColumn.ts, or hyparquet's pieces. */
type GroupColumn = FlatChunk | Piece[];

type ParquetBuffer = ParquetFileBuffer;

/** Memory a load or scan reuses from one row group to the next (see FlatScratch). */
interface ReadScratch {
  columns: Map<string, FlatScratch>;
  /** The bytes of a row group's flat column chunks. */
  span: Uint8Array;
}

function newReadScratch(): ReadScratch {
  return { columns: new Map(), span: new Uint8Array(0) };
}

function appendGroupColumn(sink: ParquetColumnSink, column: GroupColumn, from: number, to: number): void {
  if (Array.isArray(column)) sink.append(column, from, to);
  else sink.appendFlat(column, from, to);
}

/**
 * Decodes one row group's wanted columns: the flat ones `sinks` take as they are straight into typed arrays
 * (parquetFlatColumn.ts), the others (and any chunk it declines) through hyparquet as decoded pieces in row order.
 */
async function readGroup(
  file: string,
  buffer: ParquetBuffer,
  metadata: FileMetaData,
  sinks: readonly ParquetColumnSink[],
  group: Group,
  route: ParquetRoute,
  scratch: ReadScratch,
): Promise<Map<string, GroupColumn>> {
  const columns = new Map<string, GroupColumn>();
  const flat = route === "flat" ? flatPlans(metadata, sinks, group) : [];
  if (flat.length > 0) {
    const read = await readChunks(buffer, flat, scratch).catch((e: unknown) => {
      throw inputError(
        file,
        `cannot read the Parquet data (${(e as Error).message})`,
        "Check that the file is not corrupt.",
      );
    });
    flat.forEach((plan, k) => {
      const name = plan.sink.info.name;
      let arrays = scratch.columns.get(name);
      if (!arrays) scratch.columns.set(name, (arrays = newFlatScratch()));
      const chunk = decodeOrFail(file, read[k]!, plan, group, arrays);
      if (chunk) columns.set(plan.sink.info.name, chunk);
    });
  }
  const rest = sinks.filter((s) => !columns.has(s.info.name)).map((s) => s.info.name);
  if (rest.length > 0)
    for (const [name, pieces] of await readPieces(file, buffer, metadata, rest, group)) columns.set(name, pieces);
  return columns;
}

/** A column chunk parquetFlatColumn.ts is to decode: its byte range in the file. */
interface FlatPlan {
  sink: ParquetColumnSink;
  kind: FlatValueKind;
  meta: ColumnMetaData;
  start: number;
  end: number;
}

/** The group's column chunks that go through parquetFlatColumn.ts (flat, of a kind the sink takes unchanged). */
function flatPlans(metadata: FileMetaData, sinks: readonly ParquetColumnSink[], group: Group): FlatPlan[] {
  const plans: FlatPlan[] = [];
  const chunks = metadata.row_groups[group.index]?.columns ?? [];
  for (const sink of sinks) {
    const kind = sink.info.flat;
    if (kind === null || !sink.flatFits(kind)) continue;
    const chunk = chunks.find(
      (c) => c.meta_data?.path_in_schema.length === 1 && c.meta_data.path_in_schema[0] === sink.info.name,
    );
    const meta = chunk?.meta_data;
    if (!chunk || !meta || chunk.file_path !== undefined) continue;
    const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
    plans.push({ sink, kind, meta, start, end: start + Number(meta.total_compressed_size) });
  }
  return plans;
}

/**
 * The chunks' bytes: one read of their whole span when what lies between them is small (a file of small row groups
 * would otherwise cost a read per column per group), else one read each. Either way bounded by the row group.
 */
async function readChunks(buffer: ParquetBuffer, plans: FlatPlan[], scratch: ReadScratch): Promise<Uint8Array[]> {
  const from = Math.max(0, Math.min(...plans.map((p) => p.start)));
  const to = Math.max(from, Math.min(buffer.byteLength, Math.max(...plans.map((p) => p.end))));
  const needed = plans.reduce((n, p) => n + (p.end - p.start), 0);
  if (to - from <= 2 * needed + (1 << 20)) {
    // into the reused buffer: its bytes are decoded before the next group is read
    if (scratch.span.length < to - from) scratch.span = new Uint8Array(to - from);
    const filled = await buffer.readInto(scratch.span.subarray(0, to - from), from);
    const span = scratch.span.subarray(0, filled);
    return plans.map((p) => span.subarray(p.start - from, p.end - from));
  }
  return Promise.all(plans.map(async (p) => new Uint8Array(await buffer.slice(p.start, p.end))));
}

/**
 * The chunk decoded, or null when hyparquet has to decode it; corrupt data is an input error naming the file, the
 * column, the row group and (from decodeFlatChunk's message) the page.
 */
function decodeOrFail(
  file: string,
  bytes: Uint8Array,
  plan: FlatPlan,
  group: Group,
  scratch: FlatScratch,
): FlatChunk | null {
  try {
    if (bytes.length !== plan.end - plan.start) throw new Error("the column chunk runs past the end of the file");
    return decodeFlatChunk(bytes, plan.meta, plan.sink.info.element, plan.kind, group.rows, compressors, scratch);
  } catch (e) {
    throw inputError(
      file,
      `row group ${group.index}, ${(e as Error).message} (cannot decode the Parquet data)`,
      "Check that the file is not corrupt: read it with its writer, or write it again.",
      plan.sink.info.name,
    );
  }
}

/** hyparquet's decoded pieces of the named columns of one row group, in row order. */
async function readPieces(
  file: string,
  buffer: ParquetBuffer,
  metadata: FileMetaData,
  names: string[],
  group: Group,
): Promise<Map<string, Piece[]>> {
  const pieces = new Map<string, Piece[]>(names.map((name) => [name, []]));
  try {
    await parquetRead({
      file: buffer,
      metadata,
      columns: names,
      rowStart: group.start,
      rowEnd: group.start + group.rows,
      parsers: PARSERS,
      compressors: HYPARQUET_COMPRESSORS,
      onChunk: (chunk) => {
        pieces
          .get(chunk.columnName)
          ?.push({ start: chunk.rowStart - group.start, data: chunk.columnData as ArrayLike<unknown> });
      },
    });
  } catch (e) {
    throw inputError(
      file,
      `cannot decode the Parquet data (${(e as Error).message})`,
      "Check that the file is not corrupt.",
    );
  }
  for (const list of pieces.values()) list.sort((a, b) => a.start - b.start);
  return pieces;
}

export async function loadParquet(
  file: string,
  options: ResolvedLoadOptions,
  route: ParquetRoute = "flat",
): Promise<Table> {
  const { buffer, metadata, close } = await openParquet(file);
  try {
    return await loadGroups(file, buffer, metadata, options, route);
  } finally {
    await close();
  }
}

async function loadGroups(
  file: string,
  buffer: ParquetBuffer,
  metadata: FileMetaData,
  options: ResolvedLoadOptions,
  route: ParquetRoute,
): Promise<Table> {
  const infos = wantedInfos(file, metadata, options);
  const total = Number(metadata.num_rows);
  // a chunk decoded into them is appended before the next group is read
  const scratch = newReadScratch();
  let sinks: ParquetColumnSink[];
  try {
    sinks = infos.map((info) => {
      const forced = options.types.get(info.name);
      return new ParquetColumnSink(info, forced ?? info.type, forced !== undefined, forced !== undefined, total);
    });
  } catch (e) {
    // a row count beyond a typed array's length: a footer that agrees with itself can still claim it
    if (!(e instanceof RangeError)) throw e;
    throw inputError(
      file,
      `the file declares ${total} rows, more than a column in memory can hold (${e.message})`,
      "Check that the file is not corrupt; a file this large has to be split before it is loaded whole.",
    );
  }
  for (const group of rowGroups(metadata)) {
    const data = await readGroup(file, buffer, metadata, sinks, group, route, scratch);
    sinks.forEach((sink) => appendGroupColumn(sink, data.get(sink.info.name)!, 0, group.rows));
  }
  return { source: file, rowCount: total, columns: sinks.map((s) => s.finish()) };
}

export async function* scanParquet(
  file: string,
  options: ResolvedLoadOptions,
  maxChunkRows: number,
  chunkCells: number,
  route: ParquetRoute = "flat",
): AsyncGenerator<Table> {
  const { buffer, metadata, close } = await openParquet(file);
  try {
    yield* scanGroups(file, buffer, metadata, options, maxChunkRows, chunkCells, route);
  } finally {
    await close();
  }
}

async function* scanGroups(
  file: string,
  buffer: ParquetBuffer,
  metadata: FileMetaData,
  options: ResolvedLoadOptions,
  maxChunkRows: number,
  chunkCells: number,
  route: ParquetRoute,
): AsyncGenerator<Table> {
  const infos = wantedInfos(file, metadata, options);
  const chunkRows = rowsPerChunk(maxChunkRows, chunkCells, infos.length);
  // a group's chunks are appended (across the chunks yielded meanwhile) before the next group is read
  const scratch = newReadScratch();
  const groups = rowGroups(metadata);
  // types: forced, or what loadTable would make of the first INFERENCE_ROWS rows
  const sampleSinks = infos.map((info) => {
    const forced = options.types.get(info.name);
    return new ParquetColumnSink(info, forced ?? info.type, forced !== undefined, forced !== undefined, INFERENCE_ROWS);
  });
  for (const group of groups) {
    const left = INFERENCE_ROWS - (sampleSinks[0]?.rows ?? INFERENCE_ROWS);
    if (left <= 0) break;
    const data = await readGroup(file, buffer, metadata, sampleSinks, group, route, scratch);
    sampleSinks.forEach((sink) => appendGroupColumn(sink, data.get(sink.info.name)!, 0, Math.min(left, group.rows)));
  }
  const types = sampleSinks.map((s) => s.finish().type);
  const newChunk = () =>
    infos.map((info, k) => {
      const forced = options.types.has(info.name);
      return new ParquetColumnSink(info, types[k]!, true, forced, chunkRows);
    });
  let chunk = newChunk();
  let chunkRowCount = 0;
  let yielded = false;
  for (const group of groups) {
    // every chunk's sinks have the same (fixed) types, so the current ones decide which columns are flat
    const data = await readGroup(file, buffer, metadata, chunk, group, route, scratch);
    let offset = 0;
    while (offset < group.rows) {
      const take = Math.min(chunkRows - chunkRowCount, group.rows - offset);
      chunk.forEach((sink) => appendGroupColumn(sink, data.get(sink.info.name)!, offset, offset + take));
      offset += take;
      chunkRowCount += take;
      if (chunkRowCount === chunkRows) {
        yielded = true;
        yield { source: file, rowCount: chunkRowCount, columns: chunk.map((s) => s.finish()) };
        chunk = newChunk();
        chunkRowCount = 0;
      }
    }
  }
  if (chunkRowCount > 0 || !yielded)
    yield { source: file, rowCount: chunkRowCount, columns: chunk.map((s) => s.finish()) };
}

export async function parquetColumnNames(file: string): Promise<string[]> {
  const { metadata, close } = await openParquet(file);
  await close();
  return columnInfos(metadata).map((i) => i.name);
}
