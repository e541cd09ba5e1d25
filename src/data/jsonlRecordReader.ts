/**
 * JSON Lines into cell batches: one flat JSON object per line, parsed from bytes by a small hand-written parser
 * (strings, numbers, true/false/null). A cell is the value's text: a string's content (escapes decoded in place once
 * the batch is complete), a number's token as written (so ids beyond 2^53 keep their digits), "true"/"false";
 * null and absent keys are absent cells. Keys become columns in order of first appearance. Nested objects and
 * arrays are errors for wanted columns (flatten them first) and skipped for the others. Blank lines are skipped.
 */
import type { PositionedReader } from "./openDataSource.js";
import { isUtf8 } from "node:buffer";
import { ModelguardError, formatLocation, type SourceLocation } from "../errors.js";
import { ByteInterner } from "./byteInterner.js";
import type { CellBatch } from "./cellBatch.js";
import { formatBytes } from "./csvRecordReader.js";
import { findInvalidUtf8 } from "./findInvalidUtf8.js";
import { MAX_FIELD_BYTES } from "./loadOptions.js";
import { NaMatcher } from "./naMatcher.js";
import { grownInt32Array } from "./smallTypedArray.js";
import { jsonStringScan, scanJsonString, STRING_BAD_ESCAPE, STRING_CONTROL_CHARACTER } from "./scanJsonString.js";

const LF = 10;
const CR = 13;
const QUOTE = 34;
const BACKSLASH = 92;
const CHUNK_BYTES = 4 << 20;
const BATCH_CELLS = 1 << 16;

const JSON_HINT = 'Each line must be one JSON object, e.g. {"age": 31, "city": "Oslo", "member": true}.';

class LineSyntaxError extends Error {
  constructor(
    message: string,
    readonly key?: string,
    readonly nested = false,
  ) {
    super(message);
  }
}

/**
 * A reader's read buffer and cell arrays. Readers of files read by turns, never at once, can share one (JsonlColumnPasses
 * of drift's two sides): each takes them over when it starts a pass, and leaves them there grown if it grew them.
 */
class JsonlReadBuffers {
  buf = Buffer.allocUnsafe(CHUNK_BYTES);
  starts = new Int32Array(BATCH_CELLS);
  ends = new Int32Array(BATCH_CELLS);
}

export class JsonlRecordReader {
  private buf: Buffer;
  /** Where buf, starts and ends come from: this reader's own, or shared (see the constructor). */
  private readonly buffers: JsonlReadBuffers;
  private pos = 0;
  private end = 0;
  private filePos = 0;
  private eof = false;
  /** 1-based line of the next unread line. */
  private line = 1;
  private rowsBefore = 0;
  private starts: Int32Array;
  private ends: Int32Array;
  private readonly batch: CellBatch;
  private readonly keyInterner: ByteInterner;
  /**
   * Interner code -> column index, -1 (or past the end) for a key not seen in this pass. Typed arrays, as `codes`: for
   * 100,000 keys half the memory of arrays of numbers.
   */
  private keyColumn: Int32Array = new Int32Array(1024).fill(-1);
  /** Column names in order of first appearance. */
  readonly names: string[] = [];
  /** Column index -> interner code, for the first names.length columns. */
  private codes: Int32Array = new Int32Array(1024);
  private stride = 0;
  private sawContent = false;

  /**
   * @param wanted whether a column is loaded: nested values are an error there and skipped elsewhere.
   * @param maxLineBytes a longer line is an error (it bounds the buffer: about twice this at most).
   */
  constructor(
    private fh: PositionedReader,
    private readonly file: string,
    private wanted: (name: string) => boolean,
    private readonly maxLineBytes = MAX_FIELD_BYTES,
    sharedWith?: JsonlRecordReader,
  ) {
    // A reader of another file, read by turns with this one (never at once): its buffers serve both, and a key both
    // files have is one string (drift's two sides: 100,000 keys were some 2.4 MB of strings twice).
    this.buffers = sharedWith?.buffers ?? new JsonlReadBuffers();
    this.keyInterner = new ByteInterner(
      new NaMatcher([]),
      sharedWith && ((bytes, start, end) => sharedWith.keySpelling(bytes, start, end)),
    );
    const buffers = this.buffers;
    this.buf = buffers.buf;
    this.starts = buffers.starts;
    this.ends = buffers.ends;
    this.batch = { bytes: this.buf, starts: this.starts, ends: this.ends, stride: 0, rows: 0 };
  }

  /**
   * Reads the file again from its start, keeping the first `keep` keys registered so far (all by default), in their
   * columns, as if they had been seen first: no key is registered again. The keys after them are forgotten (their
   * columns are numbered again as they appear) but their interned text is kept.
   */
  restart(keep = this.names.length): this {
    for (let c = keep; c < this.names.length; c++) this.keyColumn[this.codes[c]!] = -1;
    this.names.length = Math.min(keep, this.names.length);
    // The buffers as the last reader of them left them; a buffer grown for a long line is not kept.
    if (this.buffers.buf.length !== CHUNK_BYTES) this.buffers.buf = Buffer.allocUnsafe(CHUNK_BYTES);
    this.buf = this.buffers.buf;
    this.starts = this.buffers.starts;
    this.ends = this.buffers.ends;
    this.pos = 0;
    this.end = 0;
    this.filePos = 0;
    this.eof = false;
    this.line = 1;
    this.rowsBefore = 0;
    this.sawContent = false;
    this.stride = this.names.length;
    return this;
  }

  /**
   * The reader of another pass over the same file: from its start on `fh` (the file opened again), loading the columns
   * `wanted` says, and knowing every key read so far, as a new reader given them as its known names. Forgetting them
   * instead rebuilt arrays of every key each pass (for 100,000 keys, some 6 MB of garbage a pass).
   */
  reopen(fh: PositionedReader, wanted: (name: string) => boolean): this {
    this.fh = fh;
    this.wanted = wanted;
    return this.restart();
  }

  /** This reader's string of a key's bytes (escapes decoded), if it has met that key. */
  private keySpelling(bytes: Uint8Array, start: number, end: number): string | undefined {
    const code = this.keyInterner.find(bytes, start, end);
    return code === undefined ? undefined : this.keyInterner.dictionary[code];
  }

  /** File offset of the next unread line. */
  get offset(): number {
    return this.filePos - (this.end - this.pos);
  }

  /** The next batch of up to maxRows rows (its stride is the number of columns known when it started), or null. */
  async next(maxRows = Infinity): Promise<CellBatch | null> {
    while (true) {
      if (this.filePos === 0 && !this.eof) await this.fill();
      const batchStart = this.pos;
      const startLine = this.line;
      const rows = this.parseLines(maxRows);
      if (rows > 0) {
        if (!isUtf8(this.buf.subarray(batchStart, this.pos))) this.throwInvalidUtf8(batchStart, startLine, rows);
        this.unescapeStrings(rows);
        this.batch.bytes = this.buf;
        this.batch.starts = this.starts;
        this.batch.ends = this.ends;
        this.batch.stride = this.stride;
        this.batch.rows = rows;
        this.rowsBefore += rows;
        return this.batch;
      }
      if (this.eof && this.pos >= this.end) {
        if (!this.sawContent)
          throw new ModelguardError("input", `${this.file}: the file is empty (no JSON objects)`, JSON_HINT, {
            file: this.file,
          });
        return null;
      }
      await this.fill();
    }
  }

  private async fill(): Promise<void> {
    const remaining = this.end - this.pos;
    // the buffer ends inside one line (parseLines took every complete one): its bytes so far are `remaining`
    if (remaining > this.maxLineBytes) this.throwLineTooLong();
    if (remaining >= this.buf.length) {
      const next = Buffer.allocUnsafe(this.buf.length * 2);
      this.buf.copy(next, 0, this.pos, this.end);
      this.buf = next;
      this.buffers.buf = next;
    } else if (this.pos > 0) this.buf.copyWithin(0, this.pos, this.end);
    this.pos = 0;
    this.end = remaining;
    const { bytesRead } = await this.fh.read(this.buf, this.end, this.buf.length - this.end, this.filePos);
    if (this.filePos === 0 && bytesRead >= 3 && this.buf[0] === 0xef && this.buf[1] === 0xbb && this.buf[2] === 0xbf)
      this.pos = 3; // UTF-8 byte order mark
    this.filePos += bytesRead;
    this.end += bytesRead;
    if (bytesRead === 0) this.eof = true;
  }

  /**
   * The column of the key bytes[s, e), registered if new under `name`, or when no name is given (an unescaped key)
   * under the interner's own copy of the bytes' text: one string per key, not two.
   */
  private register(bytes: Uint8Array, s: number, e: number, name?: string): number {
    const code = this.keyInterner.intern(bytes, s, e);
    let col = this.keyColumn[code];
    if (col === undefined || col < 0) {
      col = this.names.length;
      this.names.push(name ?? this.keyInterner.dictionary[code]!);
      if (col === this.codes.length) this.codes = grownInt32Array(this.codes);
      this.codes[col] = code;
      while (code >= this.keyColumn.length) this.keyColumn = grownInt32Array(this.keyColumn, -1);
      this.keyColumn[code] = col;
    }
    return col;
  }

  private ensureCells(cells: number): void {
    if (cells <= this.starts.length) return;
    const size = Math.max(cells, this.starts.length * 2);
    const starts = new Int32Array(size);
    starts.set(this.starts);
    const ends = new Int32Array(size);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
    this.buffers.starts = starts;
    this.buffers.ends = ends;
  }

  /** Parses complete lines into the batch arrays; stops before a line that brings new keys into a non-empty batch. */
  private parseLines(maxRows: number): number {
    const buf = this.buf;
    let rows = 0;
    this.stride = this.names.length;
    // the stride can grow with the first row (its new keys): the cell bound is checked against the current one
    while (rows < maxRows && (rows === 0 || (rows + 1) * this.stride <= BATCH_CELLS)) {
      let lineEnd = buf.indexOf(LF, this.pos);
      if (lineEnd < 0 || lineEnd >= this.end) {
        if (!this.eof || this.pos >= this.end) break;
        lineEnd = this.end;
      }
      if (lineEnd - this.pos > this.maxLineBytes) this.throwLineTooLong();
      let s = this.pos;
      let e = lineEnd;
      while (s < e && isWhitespace(buf[s]!)) s++;
      while (e > s && isWhitespace(buf[e - 1]!)) e--;
      if (s === e) {
        this.pos = lineEnd + 1;
        this.line++;
        continue;
      }
      this.sawContent = true;
      const base = rows * this.stride;
      this.ensureCells(base + this.stride);
      this.starts.fill(-1, base, base + this.stride);
      this.ends.fill(-1, base, base + this.stride);
      let outcome: "ok" | "new-key";
      try {
        outcome = this.parseObject(buf, s, e, base, rows === 0);
      } catch (err) {
        if (!(err instanceof LineSyntaxError)) throw err;
        const loc: SourceLocation = { file: this.file, line: this.line, row: this.rowsBefore + rows };
        if (err.key !== undefined) loc.column = err.key;
        throw new ModelguardError(
          "input",
          `${formatLocation(loc)}: ${err.message}`,
          err.nested
            ? "Flatten nested values into top-level keys first (e.g. pandas.json_normalize, or jq), or leave the column out with `columns`."
            : JSON_HINT,
          loc,
        );
      }
      if (outcome === "new-key") break;
      rows++;
      this.pos = Math.min(lineEnd + 1, this.end);
      this.line++;
    }
    return rows;
  }

  /**
   * One object into the cells of the row at `base`. A key not seen before: registered when `first` (the row starts
   * the batch, so the stride can still grow), else "new-key" and nothing is consumed.
   */
  private parseObject(buf: Buffer, s: number, e: number, base: number, first: boolean): "ok" | "new-key" {
    let p = s;
    if (buf[p] !== 0x7b /* { */)
      throw new LineSyntaxError(
        buf[p] === 0x5b ? "the line is a JSON array, not an object" : "the line is not a JSON object",
      );
    p = skipWs(buf, p + 1, e);
    if (buf[p] === 0x7d /* } */ && p === e - 1) return "ok";
    while (true) {
      if (p >= e || buf[p] !== QUOTE) throw new LineSyntaxError(`expected a quoted key at character ${p - s + 1}`);
      const ks = p + 1;
      const ke = scanString(buf, p, e, s);
      const kEscaped = jsonStringScan.escaped;
      // a known key is found by its bytes; only a new one (or an escaped one) is decoded to a string
      let name = kEscaped ? (JSON.parse(buf.toString("utf8", ks - 1, ke + 1)) as string) : undefined;
      const keyBytes = name !== undefined ? Buffer.from(name, "utf8") : buf;
      const kbS = name !== undefined ? 0 : ks;
      const kbE = name !== undefined ? keyBytes.length : ke;
      let col = this.keyColumn[this.keyInterner.intern(keyBytes, kbS, kbE)];
      if (col !== undefined && col >= 0) name = this.names[col]!;
      else {
        if (!first) return "new-key";
        if (name === "" || (name === undefined && ke === ks))
          throw new LineSyntaxError("a key is the empty string: every column needs a name");
        col = this.register(keyBytes, kbS, kbE, name);
        name = this.names[col]!;
        this.stride = this.names.length;
        this.ensureCells(base + this.stride);
        this.starts[base + col] = -1;
        this.ends[base + col] = -1;
      }
      p = skipWs(buf, ke + 1, e);
      if (buf[p] !== 0x3a /* : */ || p >= e)
        throw new LineSyntaxError(`expected ':' after key '${name}' at character ${p - s + 1}`, name);
      p = skipWs(buf, p + 1, e);
      if (p >= e) throw new LineSyntaxError(`missing value for key '${name}'`, name);
      const c = buf[p]!;
      if (c === QUOTE) {
        const ve = scanString(buf, p, e, s, name);
        this.starts[base + col] = p + 1;
        this.ends[base + col] = jsonStringScan.escaped ? ~ve : ve;
        p = ve + 1;
      } else if (c === 0x2d || (c >= 48 && c <= 57)) {
        const ve = scanNumber(buf, p, e);
        if (ve < 0) throw new LineSyntaxError(`malformed number for key '${name}' at character ${p - s + 1}`, name);
        this.starts[base + col] = p;
        this.ends[base + col] = ve;
        p = ve;
      } else if (matchWord(buf, p, e, "true") || matchWord(buf, p, e, "false")) {
        const len = c === 0x74 ? 4 : 5;
        this.starts[base + col] = p;
        this.ends[base + col] = p + len;
        p += len;
      } else if (matchWord(buf, p, e, "null")) {
        this.starts[base + col] = -1;
        this.ends[base + col] = -1;
        p += 4;
      } else if (c === 0x7b || c === 0x5b) {
        if (this.wanted(name))
          throw new LineSyntaxError(
            `key '${name}' holds a nested ${c === 0x7b ? "object" : "array"}; only flat objects can be loaded`,
            name,
            true,
          );
        p = skipNested(buf, p, e, s, name);
        this.starts[base + col] = -1;
        this.ends[base + col] = -1;
      } else throw new LineSyntaxError(`invalid value for key '${name}' at character ${p - s + 1}`, name);
      p = skipWs(buf, p, e);
      if (p < e && buf[p] === 0x2c /* , */) {
        p = skipWs(buf, p + 1, e);
        continue;
      }
      if (p < e && buf[p] === 0x7d) {
        if (p !== e - 1) throw new LineSyntaxError(`text after the closing '}' at character ${p - s + 2}`);
        return "ok";
      }
      throw new LineSyntaxError(`expected ',' or '}' after the value of '${name}' at character ${p - s + 1}`, name);
    }
  }

  /** Decodes the escapes of string cells (end = ~end) in place: the text only shrinks. */
  private unescapeStrings(rows: number): void {
    const n = rows * this.stride;
    for (let i = 0; i < n; i++) {
      const e = this.ends[i]!;
      if (e >= -1) continue;
      this.ends[i] = unescapeJsonInPlace(this.buf, this.starts[i]!, ~e);
    }
  }

  private error(message: string, hint: string, line: number, column?: string): ModelguardError {
    const loc: SourceLocation = { file: this.file, line };
    if (column !== undefined) loc.column = column;
    return new ModelguardError("input", `${formatLocation(loc)}: ${message}`, hint, loc);
  }

  private throwLineTooLong(): never {
    throw this.error(
      `the line is longer than ${formatBytes(this.maxLineBytes)}`,
      `Each line holds one record, a JSON object. A line this long is usually not JSON Lines (e.g. one JSON array of all records: convert it with \`jq -c '.[]'\`); if it is real, the limit is maxFieldBytes in the load options (default ${formatBytes(MAX_FIELD_BYTES)}).`,
      this.line,
    );
  }

  private throwInvalidUtf8(batchStart: number, startLine: number, rows: number): never {
    const bad = findInvalidUtf8(this.buf, batchStart, this.pos);
    let line = startLine;
    for (let p = batchStart; p < bad; p++) if (this.buf[p] === LF) line++;
    let column: string | undefined;
    for (let i = 0; i < rows * this.stride; i++) {
      const s = this.starts[i]!;
      const e = this.ends[i]! < -1 ? ~this.ends[i]! : this.ends[i]!;
      if (s >= 0 && bad >= s && bad < e) column = this.names[i % this.stride]!;
    }
    throw this.error(
      `the bytes are not valid UTF-8 (0x${this.buf[bad]!.toString(16).toUpperCase().padStart(2, "0")})`,
      "Re-encode the file as UTF-8, e.g. `iconv -f latin1 -t utf-8 in.jsonl > out.jsonl`.",
      line,
      column,
    );
  }
}

function isWhitespace(b: number): boolean {
  return b === 32 || b === 9 || b === CR || b === LF;
}

function skipWs(buf: Uint8Array, p: number, e: number): number {
  while (p < e && isWhitespace(buf[p]!)) p++;
  return p;
}

function matchWord(buf: Uint8Array, p: number, e: number, word: string): boolean {
  if (e - p < word.length) return false;
  for (let i = 0; i < word.length; i++) if (buf[p + i] !== word.charCodeAt(i)) return false;
  const after = buf[p + word.length];
  return p + word.length === e || after === 0x2c || after === 0x7d || isWhitespace(after!);
}

/**
 * The string token opening at q (a quote): its content ends at the returned index (the closing quote) and starts at
 * q + 1; whether it has escapes is left in jsonStringScan.escaped. Not a [start, end, escaped] array: two of those
 * per key made 10 MB of garbage for one record of 100,000 keys.
 */
function scanString(buf: Uint8Array, q: number, e: number, lineStart: number, key?: string): number {
  const close = scanJsonString(buf, q, e);
  if (close >= 0) return close;
  const at = jsonStringScan.at - lineStart + 1;
  if (close === STRING_BAD_ESCAPE) throw badEscape(jsonStringScan.at, lineStart, key);
  if (close === STRING_CONTROL_CHARACTER)
    throw new LineSyntaxError(`a control character inside a string at character ${at}`, key);
  throw new LineSyntaxError(`a string that opens at character ${at} is never closed`, key);
}

function badEscape(p: number, lineStart: number, key?: string): LineSyntaxError {
  return new LineSyntaxError(`invalid escape sequence at character ${p - lineStart + 1}`, key);
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 32;
  return l >= 97 && l <= 102 ? l - 87 : -1;
}

/** End of a JSON number token starting at p, or -1 if malformed: -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)? */
function scanNumber(buf: Uint8Array, p: number, e: number): number {
  if (buf[p] === 0x2d) p++;
  if (p >= e) return -1;
  if (buf[p] === 48) p++;
  else if (buf[p]! >= 49 && buf[p]! <= 57) while (p < e && buf[p]! >= 48 && buf[p]! <= 57) p++;
  else return -1;
  if (p < e && buf[p] === 0x2e) {
    p++;
    const f = p;
    while (p < e && buf[p]! >= 48 && buf[p]! <= 57) p++;
    if (p === f) return -1;
  }
  if (p < e && (buf[p] === 0x65 || buf[p] === 0x45)) {
    p++;
    if (p < e && (buf[p] === 0x2b || buf[p] === 0x2d)) p++;
    const x = p;
    while (p < e && buf[p]! >= 48 && buf[p]! <= 57) p++;
    if (p === x) return -1;
  }
  if (p < e && !(buf[p] === 0x2c || buf[p] === 0x7d || isWhitespace(buf[p]!))) return -1;
  return p;
}

/** Skips a nested object/array value (strings respected), returning the offset after it. */
function skipNested(buf: Uint8Array, p: number, e: number, lineStart: number, key: string): number {
  let depth = 0;
  while (p < e) {
    const c = buf[p]!;
    if (c === QUOTE) {
      p = scanString(buf, p, e, lineStart, key) + 1;
      continue;
    }
    if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      depth--;
      if (depth === 0) return p + 1;
    }
    p++;
  }
  throw new LineSyntaxError(`the nested value of key '${key}' is never closed`, key);
}

/** Decodes JSON escapes of bytes[s, e) in place; returns the new end. */
export function unescapeJsonInPlace(buf: Uint8Array, s: number, e: number): number {
  let w = s;
  let r = s;
  while (r < e) {
    const c = buf[r]!;
    if (c !== BACKSLASH) {
      buf[w++] = c;
      r++;
      continue;
    }
    const n = buf[r + 1]!;
    r += 2;
    switch (n) {
      case 0x62:
        buf[w++] = 8;
        break;
      case 0x66:
        buf[w++] = 12;
        break;
      case 0x6e:
        buf[w++] = 10;
        break;
      case 0x72:
        buf[w++] = 13;
        break;
      case 0x74:
        buf[w++] = 9;
        break;
      case 0x75: {
        let cp = hex4(buf, r);
        r += 4;
        if (cp >= 0xd800 && cp <= 0xdbff && buf[r] === BACKSLASH && buf[r + 1] === 0x75) {
          const lo = hex4(buf, r + 2);
          if (lo >= 0xdc00 && lo <= 0xdfff) {
            cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
            r += 6;
          }
        }
        if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd; // lone surrogate: not encodable in UTF-8
        if (cp < 0x80) buf[w++] = cp;
        else if (cp < 0x800) {
          buf[w++] = 0xc0 | (cp >> 6);
          buf[w++] = 0x80 | (cp & 63);
        } else if (cp < 0x10000) {
          buf[w++] = 0xe0 | (cp >> 12);
          buf[w++] = 0x80 | ((cp >> 6) & 63);
          buf[w++] = 0x80 | (cp & 63);
        } else {
          buf[w++] = 0xf0 | (cp >> 18);
          buf[w++] = 0x80 | ((cp >> 12) & 63);
          buf[w++] = 0x80 | ((cp >> 6) & 63);
          buf[w++] = 0x80 | (cp & 63);
        }
        break;
      }
      default: // " \ /
        buf[w++] = n;
    }
  }
  return w;
}

function hex4(buf: Uint8Array, p: number): number {
  return (
    (hexValue(buf[p]!) << 12) | (hexValue(buf[p + 1]!) << 8) | (hexValue(buf[p + 2]!) << 4) | hexValue(buf[p + 3]!)
  );
}
