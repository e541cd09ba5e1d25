import { PARSE_INTEGER, PARSE_NONE, type BuildMode, type CellBatch } from "./cellBatch.js";
import { parseBooleanBytes, parseIntegerBytes, trimEnd, trimStart } from "./inferColumnType.js";
import type { NaMatcher } from "./naMatcher.js";
import { parseDatetimeBytes } from "./parseDatetime.js";
import { isNanLiteralBytes, parseNumberBytes } from "./parseNumber.js";
import { newFloat64Array, newUint8Array, SMALL_BYTES } from "./smallTypedArray.js";
import { NO_INVALID_CELLS, type NumericColumn } from "./table.js";
import { utf8Text } from "./utf8Text.js";

export type NumericType = NumericColumn["type"];

/** Whether a text is a value of the type: one function per type, so NaMatcher can remember its answer. */
const ACCEPTS: Record<NumericType, (b: Uint8Array) => boolean> = {
  integer: (b) => !Number.isNaN(parseNumberBytes(b, 0, b.length)),
  number: (b) => !Number.isNaN(parseNumberBytes(b, 0, b.length)),
  boolean: (b) => !Number.isNaN(parseBooleanBytes(b, 0, b.length)),
  datetime: (b) => !Number.isNaN(parseDatetimeBytes(b, 0, b.length)),
};

/**
 * What the numeric builders of one assembler in one mode share, so that a builder does not hold it: a wide chunk
 * has a builder a column (100,000), each alive until the chunk is done. Invalid cells live here too, since few
 * columns have any.
 */
export class NumericBuildContext {
  /** Invalid cells (data row -> raw text) of the builders that have some, until their `finish`. */
  readonly invalidCells = new Map<NumericColumnBuilder, Map<number, string>>();
  private readonly naFirstInteger: boolean;
  private readonly naFirstNumber: boolean;
  private readonly naFirstBoolean: boolean;
  private readonly naFirstDatetime: boolean;

  constructor(
    readonly mode: BuildMode,
    readonly na: NaMatcher,
  ) {
    this.naFirstInteger = na.anyAccepted(ACCEPTS.integer);
    this.naFirstNumber = na.anyAccepted(ACCEPTS.number);
    this.naFirstBoolean = na.anyAccepted(ACCEPTS.boolean);
    this.naFirstDatetime = na.anyAccepted(ACCEPTS.datetime);
  }

  /** Some NA string parses as this type (e.g. "-999"), so every cell is checked against the NA strings first. */
  naFirst(type: NumericType): boolean {
    return type === "number"
      ? this.naFirstNumber
      : type === "integer"
        ? this.naFirstInteger
        : type === "boolean"
          ? this.naFirstBoolean
          : this.naFirstDatetime;
  }
}

const DEMOTED = 1;
const SAW_BIG_INTEGER = 2;

/**
 * Builds one integer/number/boolean/datetime column from cell batches. The common cell takes one byte-level parse
 * and two stores; everything else (NA strings, surrounding blanks, NaN literals, cells that do not fit) goes through
 * `slowCell`.
 */
export class NumericColumnBuilder {
  values: Float64Array;
  /**
   * 1 where a cell is missing or did not parse; null until the first such cell. Most columns have none: their
   * `valid` is then the chunk's shared ones, and the build never writes a byte a cell nor holds a view a column for it.
   */
  private missing: Uint8Array | null = null;
  /** DEMOTED, SAW_BIG_INTEGER: two flags in one field (a builder's fields are kept few: see NumericBuildContext). */
  private flags = 0;

  constructor(
    private readonly context: NumericBuildContext,
    public type: NumericType,
    capacity: number,
  ) {
    // As asked, however few: a wide file's chunk of a known few rows then needs no second, trimmed view at `finish`
    // (for 100,000 columns of one row, 16-row arrays and their trimmed views were some 40 MB).
    this.values = newFloat64Array(capacity);
  }

  get mode(): BuildMode {
    return this.context.mode;
  }

  /** Mode "infer" only: a cell fit no number/boolean/datetime reading, so the column must be re-read as text. */
  get demoted(): boolean {
    return (this.flags & DEMOTED) !== 0;
  }

  /** Mode "infer" only: an integer beyond 2^53 was seen; unless the column widens to number it becomes text. */
  get sawBigInteger(): boolean {
    return (this.flags & SAW_BIG_INTEGER) !== 0;
  }

  /** Room for `rows` rows: grows by half (never past `limit` unless `rows` is), so memory follows the rows seen. */
  ensureCapacity(rows: number, limit = Infinity): void {
    if (rows <= this.values.length) return;
    const size = Math.max(rows, Math.min(Math.ceil(this.values.length * 1.5), limit));
    const values = newFloat64Array(size);
    values.set(this.values);
    this.values = values;
    if (this.missing !== null) {
      const missing = newUint8Array(size);
      missing.set(this.missing);
      this.missing = missing;
    }
  }

  /** Decodes column `col` of `batch` into rows rowBase.. (capacity must be ensured). */
  decode(batch: CellBatch, col: number, rowBase: number): void {
    if (this.demoted) return;
    const kind = batch.parseKinds ? batch.parseKinds[col] : PARSE_NONE;
    if (
      batch.parsed &&
      !this.context.naFirst(this.type) &&
      ((this.type === "number" && kind !== PARSE_NONE) || (this.type === "integer" && kind === PARSE_INTEGER))
    )
      return this.decodeParsed(batch, batch.parsed, col, rowBase);
    switch (this.type) {
      case "integer":
        return this.decodeIntegers(batch, col, rowBase);
      case "number":
        return this.decodeNumbers(batch, col, rowBase);
      case "boolean":
        return this.decodeBooleans(batch, col, rowBase);
      case "datetime":
        return this.decodeDatetimes(batch, col, rowBase);
    }
  }

  /** Copies the values a reader parsed on the fly; cells it left as NaN take the byte path. */
  private decodeParsed(batch: CellBatch, parsed: Float64Array, col: number, rowBase: number): void {
    const { bytes, starts, ends, stride, rows } = batch;
    const values = this.values;
    for (let r = 0, i = col; r < rows; r++, i += stride) {
      const v = parsed[i]!;
      if (v === v) {
        values[rowBase + r] = v;
      } else {
        const s = starts[i]!;
        const e = ends[i]!;
        const w = this.type === "number" ? parseNumberBytes(bytes, s, e) : parseIntegerFast(bytes, s, e);
        if (w === w) {
          values[rowBase + r] = w;
        } else {
          this.slowCell(bytes, s, e, rowBase + r);
          if (this.demoted) return;
        }
      }
    }
  }

  private decodeIntegers(batch: CellBatch, col: number, rowBase: number): void {
    const { bytes, starts, ends, stride, rows } = batch;
    const values = this.values;
    const naFirst = this.context.naFirst(this.type);
    for (let r = 0, i = col; r < rows; r++, i += stride) {
      const s = starts[i]!;
      const e = ends[i]!;
      let p = s;
      let negative = false;
      if (p < e && bytes[p] === 45) {
        negative = true;
        p++;
      }
      const digitsStart = p;
      let v = 0;
      while (p < e) {
        const d = bytes[p]! - 48;
        if (d < 0 || d > 9) break;
        v = v * 10 + d;
        p++;
      }
      if (p === e && p !== digitsStart && p - digitsStart <= 15 && !naFirst) {
        values[rowBase + r] = negative ? -v : v;
      } else {
        this.slowCell(bytes, s, e, rowBase + r);
        if (this.demoted) return;
      }
    }
  }

  private decodeNumbers(batch: CellBatch, col: number, rowBase: number): void {
    const { bytes, starts, ends, stride, rows } = batch;
    const values = this.values;
    const naFirst = this.context.naFirst(this.type);
    for (let r = 0, i = col; r < rows; r++, i += stride) {
      const s = starts[i]!;
      const e = ends[i]!;
      const v = parseNumberBytes(bytes, s, e);
      if (v === v && !naFirst) {
        values[rowBase + r] = v;
      } else {
        this.slowCell(bytes, s, e, rowBase + r);
        if (this.demoted) return;
      }
    }
  }

  private decodeBooleans(batch: CellBatch, col: number, rowBase: number): void {
    const { bytes, starts, ends, stride, rows } = batch;
    const values = this.values;
    const naFirst = this.context.naFirst(this.type);
    for (let r = 0, i = col; r < rows; r++, i += stride) {
      const s = starts[i]!;
      const e = ends[i]!;
      const v = parseBooleanBytes(bytes, s, e);
      if (v === v && !naFirst) {
        values[rowBase + r] = v;
      } else {
        this.slowCell(bytes, s, e, rowBase + r);
        if (this.demoted) return;
      }
    }
  }

  private decodeDatetimes(batch: CellBatch, col: number, rowBase: number): void {
    const { bytes, starts, ends, stride, rows } = batch;
    const values = this.values;
    const naFirst = this.context.naFirst(this.type);
    for (let r = 0, i = col; r < rows; r++, i += stride) {
      const s = starts[i]!;
      const e = ends[i]!;
      const v = parseDatetimeBytes(bytes, s, e);
      if (v === v && !naFirst) {
        values[rowBase + r] = v;
      } else {
        this.slowCell(bytes, s, e, rowBase + r);
        if (this.demoted) return;
      }
    }
  }

  /** Value of a (trimmed) boolean or datetime cell, NaN when it does not fit. Forced booleans also take 0 and 1. */
  private parseBooleanOrDatetime(bytes: Uint8Array, s: number, e: number): number {
    if (this.type === "datetime") return parseDatetimeBytes(bytes, s, e);
    const v = parseBooleanBytes(bytes, s, e);
    if (v === v || this.context.mode !== "forced" || e - s !== 1) return v;
    return bytes[s] === 49 ? 1 : bytes[s] === 48 ? 0 : NaN;
  }

  /** Everything but the common cell: absent, NA, blanks around the value, NaN literals, and cells that do not fit. */
  slowCell(bytes: Uint8Array, start: number, end: number, row: number): void {
    if (start < 0 || this.context.na.matches(bytes, start, end)) return this.markMissing(row);
    const s = trimStart(bytes, start, end);
    const e = trimEnd(bytes, s, end);
    const type = this.type;
    const mode = this.context.mode;
    if (type === "integer" || type === "number") {
      const int = parseIntegerBytes(bytes, s, e);
      if (Number.isSafeInteger(int)) return this.store(row, int);
      const num = parseNumberBytes(bytes, s, e);
      if (int === int && type === "integer" && mode === "infer") {
        // beyond 2^53: keep going, decide at the end (text unless the column turns out to hold decimals)
        this.flags |= SAW_BIG_INTEGER;
        return this.store(row, num);
      }
      const isNumber = num === num || isNanLiteralBytes(bytes, s, e);
      if (isNumber && type === "number") return this.store(row, num);
      if (isNumber && mode === "infer") {
        this.type = "number"; // pandas-like widening: integers are exact doubles, nothing is lost
        return this.store(row, num);
      }
      if (isNumber && int !== int && Number.isSafeInteger(num)) return this.store(row, num); // "2.0", "1e3"
    } else {
      const v = this.parseBooleanOrDatetime(bytes, s, e);
      if (v === v) return this.store(row, v);
    }
    if (mode === "infer") {
      this.flags |= DEMOTED;
      return;
    }
    this.markMissing(row);
    const invalid = this.context.invalidCells;
    let cells = invalid.get(this);
    if (cells === undefined) invalid.set(this, (cells = new Map()));
    cells.set(row, utf8Text(bytes, start, end));
  }

  private store(row: number, v: number): void {
    this.values[row] = v;
    if (this.missing !== null) this.missing[row] = 0;
  }

  private markMissing(row: number): void {
    this.values[row] = NaN;
    (this.missing ??= newUint8Array(this.values.length))[row] = 1;
  }

  /** Fills rows from..to-1 as missing (a JSONL column that appears late). */
  fillMissing(from: number, to: number): void {
    this.ensureCapacity(to);
    if (from >= to) return;
    this.values.fill(NaN, from, to);
    (this.missing ??= newUint8Array(this.values.length)).fill(1, from, to);
  }

  /**
   * The column of the first `rows` rows. In mode "infer" check `needsTextReread` first. `allValid`, when given, is
   * `rows` ones that the column takes as its `valid` if no cell is missing: a chunk's columns share it (no reader
   * writes `valid`), where one view per column of a wide file cost some 100 bytes of view and 8 of slab.
   */
  finish(name: string, rows: number, allValid?: Uint8Array): NumericColumn {
    const values = fitSmall(this.values, rows);
    const missing = this.missing;
    let valid: Uint8Array;
    if (missing === null) valid = allValid ?? newUint8Array(rows).fill(1);
    else {
      valid = newUint8Array(rows);
      for (let i = 0; i < rows; i++) valid[i] = 1 - missing[i]!;
    }
    const invalid = this.context.invalidCells.get(this) ?? NO_INVALID_CELLS;
    this.context.invalidCells.delete(this);
    return new BuiltNumericColumn(name, this.type, values, valid, invalid);
  }

  /** Mode "infer": whether some cell did not fit, so the column has to be read again as text. */
  get needsTextReread(): boolean {
    return this.demoted || (this.sawBigInteger && this.type === "integer");
  }
}

/**
 * A finished column: an instance of a class, not an object literal. V8 tracks where literals are made and, when the
 * objects of one place outlive a young-generation collection, makes that place's later objects in the old
 * generation, where they wait for a full collection: a chunk's columns live through the chunk, so one chunk caught
 * by a collection sent every later chunk's columns there (validate of 100,000 columns read in blocks peaked 10-30 MB
 * higher in runs where it happened). Objects made by `new` are not tracked so.
 */
class BuiltNumericColumn implements NumericColumn {
  readonly kind = "numeric";
  constructor(
    readonly name: string,
    readonly type: NumericType,
    readonly values: Float64Array,
    readonly valid: Uint8Array,
    readonly invalid: ReadonlyMap<number, string>,
  ) {}
}

/** `[-]digits` with at most 15 digits (a safe integer), else NaN. */
function parseIntegerFast(bytes: Uint8Array, s: number, e: number): number {
  let p = s;
  let negative = false;
  if (p < e && bytes[p] === 45) {
    negative = true;
    p++;
  }
  if (p === e || e - p > 15) return NaN;
  let v = 0;
  for (; p < e; p++) {
    const d = bytes[p]! - 48;
    if (d < 0 || d > 9) return NaN;
    v = v * 10 + d;
  }
  return negative ? -v : v;
}

/**
 * fitLength, but a slab array (see smallTypedArray.ts) longer than `rows` is copied to an exact one: a wide chunk
 * presized at 16 rows that holds 6 then keeps 6 rows of slab a column, not 16.
 */
function fitSmall(a: Float64Array, rows: number): Float64Array {
  if (a.length === rows || a.byteLength > SMALL_BYTES) return fitLength(a, rows);
  const out = newFloat64Array(rows);
  for (let i = 0; i < rows; i++) out[i] = a[i]!;
  return out;
}

/**
 * The first `rows` elements. A view when the spare capacity is small (copying would cost more than the slack:
 * fresh pages are slow to fault in), a copy when the estimate was far off.
 */
export function fitLength<T extends Float64Array | Uint8Array | Int32Array>(a: T, rows: number): T {
  if (a.length === rows) return a;
  return (a.length - rows <= (rows >> 3) + 1024 ? a.subarray(0, rows) : a.slice(0, rows)) as T;
}
