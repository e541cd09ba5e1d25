/**
 * RFC 4180 records straight from file bytes, a fixed-size buffer at a time: quoted fields, "" escapes, line breaks
 * inside quotes, CRLF / LF / CR line ends, a final record with or without a line end, blank lines skipped (as pandas
 * does). Fields are never turned into strings here: a batch holds their byte ranges (see CellBatch), and only the
 * column builders decode what they need. Every batch is checked to be UTF-8 (`isUtf8`, native) before use.
 */
import type { PositionedReader } from "./openDataSource.js";
import { isUtf8 } from "node:buffer";
import { ModelguardError, formatLocation, type SourceLocation } from "../errors.js";
import { PARSE_NUMBER, type CellBatch } from "./cellBatch.js";
import { findInvalidUtf8 } from "./findInvalidUtf8.js";
import { MAX_FIELD_BYTES } from "./loadOptions.js";

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** Bytes read per file read. */
export const CSV_CHUNK_BYTES = 4 << 20;
/** A record longer than this is an error (in practice, an unterminated quote); it bounds the buffer. */
export const MAX_RECORD_BYTES = 64 << 20;
/** 10^0 .. 10^22, exact doubles. */
const POW10 = new Float64Array(23);
for (let i = 0, p = 1; i < 23; i++, p *= 10) POW10[i] = p;

/** Cells per batch: small enough for the field offsets to stay in cache while columns are decoded. */
const BATCH_CELLS = 1 << 16;

const UTF8_HINT =
  "Re-encode the file as UTF-8, e.g. `iconv -f latin1 -t utf-8 in.csv > out.csv`, or export it as 'CSV UTF-8'.";
const QUOTE_HINT =
  'Close the quote. A quote inside a quoted field is written twice (""); a line break is only allowed inside quotes.';

export interface CsvHeader {
  names: string[];
  /** Byte offset where the first data record starts. */
  dataOffset: number;
  /** 1-based line of the first data record. */
  dataLine: number;
}

function located(message: string, hint: string, loc: SourceLocation): ModelguardError {
  return new ModelguardError("input", `${formatLocation(loc)}: ${message}`, hint, loc);
}

/** Reads and checks the header record: the column names. */
export async function readCsvHeader(fh: PositionedReader, file: string, delimiter: number): Promise<CsvHeader> {
  let buf = Buffer.allocUnsafe(64 << 10);
  let end = 0;
  let eof = false;
  const readMore = async () => {
    if (end === buf.length) {
      if (buf.length >= MAX_RECORD_BYTES)
        throw located(
          `the header record is longer than ${MAX_RECORD_BYTES >> 20} MiB`,
          "Check the first line for an unterminated quote.",
          { file, line: 1 },
        );
      const next = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(next, 0, 0, end);
      buf = next;
    }
    const { bytesRead } = await fh.read(buf, end, buf.length - end, end);
    end += bytesRead;
    if (bytesRead === 0) eof = true;
  };
  await readMore();
  let pos = 0;
  if (end >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;
  let line = 1;
  // skip blank lines; a file of nothing but whitespace is empty
  while (true) {
    while (pos < end && (buf[pos] === LF || buf[pos] === CR)) {
      if (buf[pos] === LF || buf[pos + 1] !== LF) line++;
      pos++;
    }
    if (pos < end || eof) break;
    await readMore();
  }
  let probe = pos;
  while (true) {
    while (probe < end && (buf[probe] === 32 || buf[probe] === 9 || buf[probe] === LF || buf[probe] === CR)) probe++;
    if (probe < end || eof) break;
    await readMore();
  }
  if (probe >= end)
    throw new ModelguardError(
      "input",
      `${file}: the file is empty (no header row)`,
      "A CSV file starts with a header row naming the columns, then one row per record.",
      { file },
    );
  let record: ParsedRecord | null;
  while ((record = parseRecord(buf, pos, end, eof, delimiter)) === null) await readMore();
  if (record.unterminatedField >= 0)
    throw located(`the quoted name of header field ${record.unterminatedField + 1} is never closed`, QUOTE_HINT, {
      file,
      line,
    });
  const names = headerNames(buf, pos, record, file, line);
  checkNames(names, file, line);
  return { names, dataOffset: record.next, dataLine: line + record.lineBreaks };
}

/**
 * The column names of a header record. Why not a TextDecoder per field and an array per field: for 100,000 columns
 * those were some 35 MB of short-lived objects that lived through the whole header parse. The record is checked
 * to be UTF-8 at once (its delimiters and quotes are ASCII, so it is valid exactly when every field is, unless the
 * lenient text after a closing quote is not; then each field is checked, as before).
 */
function headerNames(buf: Buffer, pos: number, record: ParsedRecord, file: string, line: number): string[] {
  const { count, starts, ends } = record;
  const allValid = isUtf8(buf.subarray(pos, record.next));
  const names = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    const s = starts[i]!;
    const escaped = ends[i]! < 0;
    const e = escaped ? ~ends[i]! : ends[i]!;
    const bytes = escaped ? Buffer.from(unescapeQuotes(buf.subarray(s, e))) : buf;
    const from = escaped ? 0 : s;
    const to = escaped ? bytes.length : e;
    if (!allValid && !isUtf8(bytes.subarray(from, to)))
      throw located(`header field ${i + 1} is not valid UTF-8`, UTF8_HINT, { file, line });
    // a TextDecoder (which read each name before) drops a byte order mark at the start of each name
    const bom = to - from >= 3 && bytes[from] === 0xef && bytes[from + 1] === 0xbb && bytes[from + 2] === 0xbf;
    names[i] = bytes.toString("utf8", bom ? from + 3 : from, to);
  }
  return names;
}

/**
 * Throws at the first header field, in file order, that is empty or repeats an earlier name. Duplicates are found by
 * sorting the field indices by name (ties by index) rather than through a Map of every name: for 100,000 columns one
 * Int32Array instead of a hash table of 100,000 entries.
 */
function checkNames(names: readonly string[], file: string, line: number): void {
  const order = new Int32Array(names.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => {
    const x = names[a]!;
    const y = names[b]!;
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  // a run of equal names lists their fields in file order: the first repeat of the run is its second index, and
  // the repeat earliest in the file is the least of those
  let first = -1;
  let repeat = -1;
  for (let j = 1; j < order.length; j++) {
    const i = order[j]!;
    const prev = order[j - 1]!;
    const runStart = j < 2 || names[order[j - 2]!] !== names[i];
    if (runStart && names[i] === names[prev] && names[i] !== "" && (repeat < 0 || i < repeat)) {
      first = prev;
      repeat = i;
    }
  }
  const empty = names.indexOf("");
  if (empty >= 0 && (repeat < 0 || empty < repeat))
    throw located(
      `header field ${empty + 1} is empty: every column needs a name`,
      "Give the column a name in the header row (or delete the column if it holds nothing).",
      { file, line },
    );
  if (repeat >= 0)
    throw located(
      `column name '${names[repeat]}' appears twice in the header, as fields ${first + 1} and ${repeat + 1}`,
      "Rename one of the two columns: every column needs a unique name.",
      { file, line, column: names[repeat]! },
    );
}

interface ParsedRecord {
  /** Fields in the record. */
  count: number;
  /** Field i is bytes [starts[i], ends[i]), quotes excluded; ends[i] is ~end when the field has "" escapes. */
  starts: Int32Array;
  ends: Int32Array;
  /** Offset after the record and its line end. */
  next: number;
  /** Line breaks consumed, the record's own line end included. */
  lineBreaks: number;
  /** Index of a field whose quote is never closed (only at end of file), else -1. */
  unterminatedField: number;
}

/**
 * One record of any number of fields, the slow general way (header, error messages). Null when the buffer ends
 * before the record does and more data may follow. Field offsets go to typed arrays that double as needed (not an
 * array per field: a header of 100,000 names is parsed again each time its buffer grows).
 */
function parseRecord(buf: Uint8Array, pos: number, end: number, eof: boolean, delimiter: number): ParsedRecord | null {
  let starts = new Int32Array(64);
  let ends = new Int32Array(64);
  let count = 0;
  const push = (s: number, e: number, escaped: boolean) => {
    if (count === starts.length) {
      const grownStarts = new Int32Array(count * 2);
      grownStarts.set(starts);
      starts = grownStarts;
      const grownEnds = new Int32Array(count * 2);
      grownEnds.set(ends);
      ends = grownEnds;
    }
    starts[count] = s;
    ends[count++] = escaped ? ~e : e;
  };
  const result = (next: number, lineBreaks: number, unterminatedField: number): ParsedRecord => ({
    count,
    starts,
    ends,
    next,
    lineBreaks,
    unterminatedField,
  });
  let lineBreaks = 0;
  while (true) {
    if (pos < end && buf[pos] === QUOTE) {
      let p = pos + 1;
      let escaped = false;
      while (true) {
        while (p < end && buf[p] !== QUOTE) {
          if (buf[p] === LF || (buf[p] === CR && buf[p + 1] !== LF)) lineBreaks++;
          p++;
        }
        if (p >= end) {
          if (!eof) return null;
          push(pos + 1, end, escaped);
          return result(end, lineBreaks, count - 1);
        }
        if (p + 1 >= end && !eof) return null;
        if (buf[p + 1] === QUOTE && p + 1 < end) {
          escaped = true;
          p += 2;
          continue;
        }
        break;
      }
      push(pos + 1, p, escaped);
      pos = p + 1;
      // lenient here: text after a closing quote runs to the next delimiter
      while (pos < end && buf[pos] !== delimiter && buf[pos] !== LF && buf[pos] !== CR) pos++;
    } else {
      const s = pos;
      while (pos < end && buf[pos] !== delimiter && buf[pos] !== LF && buf[pos] !== CR) pos++;
      push(s, pos, false);
    }
    if (pos >= end) {
      if (!eof) return null;
      return result(end, lineBreaks, -1);
    }
    if (buf[pos] === delimiter) {
      pos++;
      continue;
    }
    if (buf[pos] === CR) {
      if (pos + 1 >= end && !eof) return null;
      pos += buf[pos + 1] === LF && pos + 1 < end ? 2 : 1;
    } else pos++;
    return result(pos, lineBreaks + 1, -1);
  }
}

/** "16 MiB", "1000 bytes": a size limit the way messages state it. */
export function formatBytes(n: number): string {
  const MiB = 1024 * 1024;
  return n % MiB === 0 ? `${n / MiB} MiB` : n % 1024 === 0 ? `${n / 1024} KiB` : `${n} bytes`;
}

function unescapeQuotes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let w = 0;
  for (let r = 0; r < bytes.length; r++) {
    out[w++] = bytes[r]!;
    if (bytes[r] === QUOTE) r++;
  }
  return out.subarray(0, w);
}

/**
 * Streams the data records after the header in batches. A batch (and its bytes) is valid until the next call.
 */
export class CsvRecordReader {
  private buf: Buffer;
  private pos = 0;
  private end = 0;
  /** File offset of the next byte to read. */
  private filePos: number;
  /** Room before the read-ahead bytes for the unfinished record carried over from the previous chunk. */
  private readonly headroom: number;
  private spare: Buffer | null = null;
  /** Chunk buffers taken over from a finished reader, used before any new one is allocated. */
  private reserve: Buffer[] = [];
  private pending: Promise<number> | null = null;
  private eof = false;
  /** 1-based line of the next record. */
  private line: number;
  /** Data rows handed out so far. */
  private rowsBefore = 0;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly rowLines: Int32Array;
  private readonly parsed: Float64Array;
  private readonly batch: CellBatch;
  /**
   * Per source column, PARSE_NONE / PARSE_NUMBER / PARSE_INTEGER: numeric columns are parsed during the scan, so
   * their bytes are read once. Callers may change it between batches (an integer column that widens to number).
   */
  readonly parseKinds: Uint8Array;
  /** Where the unfinished record at the end of the buffer opened a quote: for the error when it never closes. */
  private pendingQuote: { line: number; col: number } | null = null;
  /** The field the buffer ended in (its start in buf): fill stops before it grows past maxFieldBytes. */
  private pendingField: { line: number; col: number; start: number; quoted: boolean } | null = null;
  /** Whether buf is a buffer of its own for a record longer than the headroom (not one of the two chunk buffers). */
  private ownBuffer = false;
  /** Rows per batch. */
  readonly batchRows: number;

  constructor(
    private readonly fh: PositionedReader,
    private readonly file: string,
    private readonly names: readonly string[],
    private readonly delimiter: number,
    offset: number,
    line: number,
    private readonly chunkBytes = CSV_CHUNK_BYTES,
    /** Read the next chunk while the current one is parsed (off for short reads such as the inference sample). */
    private readonly readAheadEnabled = true,
    private readonly maxFieldBytes = MAX_FIELD_BYTES,
    /**
     * A reader of the same file that is done (the inference sample's): its buffers and field offsets are taken over
     * rather than allocated again. For 100,000 columns they are some 13 MB that would otherwise wait for a GC.
     */
    done: CsvRecordReader | null = null,
  ) {
    this.filePos = offset;
    this.line = line;
    this.headroom = Math.max(64, chunkBytes >> 2);
    this.buf = Buffer.allocUnsafe(1);
    this.buf[0] = LF;
    const ncols = names.length;
    this.batchRows = Math.max(1, Math.floor(BATCH_CELLS / ncols));
    const cells = this.batchRows * ncols;
    const reuse = done !== null && done.pending === null && done.starts.length === cells ? done : null;
    this.starts = reuse?.starts ?? new Int32Array(cells);
    this.ends = reuse?.ends ?? new Int32Array(cells);
    this.rowLines = reuse?.rowLines ?? new Int32Array(this.batchRows);
    this.parsed = reuse?.parsed ?? new Float64Array(cells);
    if (reuse !== null) {
      this.reserve = [reuse.buf, reuse.spare].filter((b): b is Buffer => b !== null && b.length > 1);
      reuse.reserve = [];
    }
    // a 100,000-column header's kinds are 100 KB a reader, three readers a load (CsvColumnPasses loads many)
    this.parseKinds = reuse?.parseKinds.length === ncols ? reuse.parseKinds.fill(0) : new Uint8Array(ncols);
    this.batch = {
      bytes: this.buf,
      starts: this.starts,
      ends: this.ends,
      stride: ncols,
      rows: 0,
      parsed: this.parsed,
      parseKinds: this.parseKinds,
    };
  }

  /** File offset of the next unread record. */
  get offset(): number {
    return this.filePos - (this.end - this.pos);
  }

  /** The next batch of up to `maxRows` records (at most `batchRows`), or null at the end of the file. */
  async next(maxRows = this.batchRows): Promise<CellBatch | null> {
    const limit = Math.max(1, Math.min(maxRows, this.batchRows));
    while (true) {
      const batchStart = this.pos;
      const rows = this.tokenize(limit);
      if (rows > 0) {
        if (!isUtf8(this.buf.subarray(batchStart, this.pos))) this.throwInvalidUtf8(batchStart, rows);
        if (this.escapedFields > 0) this.unescapeFields(rows);
        this.batch.bytes = this.buf;
        this.batch.rows = rows;
        this.rowsBefore += rows;
        return this.batch;
      }
      if (this.eof && this.pos >= this.end) return null;
      await this.fill();
    }
  }

  /**
   * Moves on to the next chunk: the unread tail of the current one (an unfinished record) goes in front of the
   * bytes read ahead into the spare buffer, and the next read-ahead starts into the buffer just left, so reading
   * overlaps parsing. A record longer than the headroom gets a buffer of its own, which grows by doubling and is
   * appended to in place, so a long field costs a few times its size, not its size squared.
   */
  private async fill(): Promise<void> {
    const tail = this.end - this.pos;
    const field = this.pendingField;
    if (field && this.end - field.start > this.maxFieldBytes) this.throwFieldTooLong(field.line, 0, field.col);
    if (tail > Math.max(MAX_RECORD_BYTES, 2 * this.maxFieldBytes)) this.throwOversizedRecord();
    if (!this.pending) this.readAhead(this.spare);
    const bytesRead = await this.pending!;
    this.pending = null;
    const next = this.spare!;
    this.filePos += bytesRead;
    if (bytesRead === 0) this.eof = true;
    const old = this.buf;
    if (tail <= this.headroom) {
      old.copy(next, this.headroom - tail, this.pos, this.end);
      this.buf = next;
      this.pos = this.headroom - tail;
      this.end = this.headroom + bytesRead;
      // a record's own buffer is let go once the record is done; a chunk buffer is read into next
      this.spare = this.ownBuffer ? null : old;
      this.ownBuffer = false;
    } else {
      const need = tail + bytesRead + 1;
      let big = old;
      if (this.ownBuffer && old.length >= need) old.copyWithin(0, this.pos, this.end);
      else {
        big = Buffer.allocUnsafe(Math.max(need, 2 * tail + this.chunkBytes + 1));
        old.copy(big, 0, this.pos, this.end);
      }
      next.copy(big, tail, this.headroom, this.headroom + bytesRead);
      this.buf = big;
      this.pos = 0;
      this.end = tail + bytesRead;
      this.spare = next;
      this.ownBuffer = true;
    }
    this.buf[this.end] = LF; // sentinel: ends the unquoted-field scan without a bounds check
    if (!this.eof && this.readAheadEnabled) this.readAhead(this.spare);
  }

  /** Starts reading the next chunk into `target` (after the headroom). */
  private readAhead(target: Buffer | null): void {
    const size = this.headroom + this.chunkBytes + 1;
    let buffer = target && target.length >= size ? target : null;
    while (buffer === null && this.reserve.length > 0) {
      const b = this.reserve.pop()!;
      if (b.length >= size) buffer = b;
    }
    buffer ??= Buffer.allocUnsafe(size);
    this.spare = buffer;
    this.pending = this.fh.read(buffer, this.headroom, this.chunkBytes, this.filePos).then((r) => r.bytesRead);
    this.pending.catch(() => undefined); // awaited in fill; never an unhandled rejection if abandoned
  }

  private escapedFields = 0;

  /**
   * Splits up to maxRows complete records from the buffer into starts/ends. Stops early at a record the buffer
   * does not hold entirely (unless at end of file). Fields with "" escapes get end = ~end until unescapeFields.
   */
  private tokenize(maxRows: number): number {
    const buf = this.buf;
    const end = this.end;
    const eof = this.eof;
    const D = this.delimiter;
    const ncols = this.names.length;
    const starts = this.starts;
    const ends = this.ends;
    const rowLines = this.rowLines;
    const parsed = this.parsed;
    const kinds = this.parseKinds;
    let pos = this.pos;
    let line = this.line;
    let rows = 0;
    let escaped = 0;
    const maxField = this.maxFieldBytes;
    this.pendingQuote = null;
    this.pendingField = null;
    rowLoop: while (rows < maxRows && pos < end) {
      let c = buf[pos]!;
      if (c === LF) {
        pos++;
        line++;
        continue;
      }
      if (c === CR) {
        if (pos + 1 < end) pos += buf[pos + 1] === LF ? 2 : 1;
        else if (eof) pos++;
        else break;
        line++;
        continue;
      }
      const rowStart = pos;
      const rowLine = line;
      const fBase = rows * ncols;
      const fEnd = fBase + ncols;
      let f = fBase;
      while (true) {
        if (c === QUOTE) {
          const quoteLine = line;
          let p = pos + 1;
          const s = p;
          let esc = false;
          while (true) {
            while (p < end && (c = buf[p]!) !== QUOTE) {
              if (c === LF || (c === CR && buf[p + 1] !== LF)) line++;
              p++;
            }
            if (p >= end) {
              if (eof) throw this.unterminatedQuote(quoteLine, f - fBase, rows);
              this.pendingQuote = { line: quoteLine, col: f - fBase };
              this.pendingField = { line: quoteLine, col: f - fBase, start: s, quoted: true };
              pos = rowStart;
              line = rowLine;
              break rowLoop;
            }
            if (p + 1 < end) {
              if (buf[p + 1] === QUOTE) {
                esc = true;
                p += 2;
                continue;
              }
            } else if (!eof) {
              this.pendingQuote = { line: quoteLine, col: f - fBase };
              this.pendingField = { line: quoteLine, col: f - fBase, start: s, quoted: true };
              pos = rowStart;
              line = rowLine;
              break rowLoop;
            }
            break;
          }
          if (p - s > maxField) throw this.fieldTooLong(quoteLine, rows, f - fBase);
          starts[f] = s;
          parsed[f] = NaN;
          if (esc) {
            ends[f] = ~p;
            escaped++;
          } else ends[f] = p;
          pos = p + 1;
          c = buf[pos]!;
          if (pos < end && c !== D && c !== LF && c !== CR) throw this.textAfterQuote(line, f - fBase, rows);
        } else {
          const s = pos;
          const kind = kinds[f - fBase]!;
          if (kind !== 0) {
            // Numeric column: parse while scanning. Up to 15 digits, an optional fraction, no exponent: the digits
            // are an exact integer and 10^fraction digits an exact double, so one division is correctly rounded
            // (the fast path of parseNumberBytes). Anything else is left to the builder (NaN).
            let negative = false;
            if (c === 45) {
              negative = true;
              c = buf[++pos]!;
            }
            const digitsStart = pos;
            let m = 0;
            let d = c - 48;
            while (d >= 0 && d <= 9) {
              m = m * 10 + d;
              c = buf[++pos]!;
              d = c - 48;
            }
            let digits = pos - digitsStart;
            let fraction = 0;
            if (c === 46 && kind === PARSE_NUMBER) {
              c = buf[++pos]!;
              const fractionStart = pos;
              d = c - 48;
              while (d >= 0 && d <= 9) {
                m = m * 10 + d;
                c = buf[++pos]!;
                d = c - 48;
              }
              fraction = pos - fractionStart;
              digits += fraction;
            }
            if ((c === D || c === LF || c === CR) && digits > 0 && digits <= 15) {
              const v = fraction === 0 ? m : m / POW10[fraction]!;
              parsed[f] = negative ? -v : v;
            } else {
              parsed[f] = NaN;
              while (c !== D && c !== LF && c !== CR) c = buf[++pos]!;
            }
          } else {
            while (c !== D && c !== LF && c !== CR) c = buf[++pos]!;
          }
          if (pos - s > maxField) throw this.fieldTooLong(line, rows, f - fBase);
          starts[f] = s;
          ends[f] = pos;
          if (pos >= end && !eof) this.pendingField = { line, col: f - fBase, start: s, quoted: false };
        }
        f++;
        if (pos >= end) {
          if (!eof) {
            pos = rowStart;
            line = rowLine;
            break rowLoop;
          }
          if (f !== fEnd) throw this.ragged(rowStart, rowLine, rows, f - fBase);
          rowLines[rows++] = rowLine;
          line++;
          continue rowLoop;
        }
        if (c === D) {
          if (f === fEnd) throw this.ragged(rowStart, rowLine, rows, -1);
          c = buf[++pos]!;
          continue;
        }
        if (f !== fEnd) throw this.ragged(rowStart, rowLine, rows, f - fBase);
        if (c === CR) {
          if (pos + 1 < end) pos += buf[pos + 1] === LF ? 2 : 1;
          else if (eof) pos++;
          else {
            pos = rowStart;
            line = rowLine;
            break rowLoop;
          }
        } else pos++;
        line++;
        rowLines[rows++] = rowLine;
        continue rowLoop;
      }
    }
    this.pos = pos;
    this.line = line;
    this.escapedFields = escaped;
    return rows;
  }

  /** Turns each "" into " in place (the field only shrinks) for fields marked with end = ~end. */
  private unescapeFields(rows: number): void {
    const buf = this.buf;
    const n = rows * this.names.length;
    for (let i = 0; i < n; i++) {
      const e = this.ends[i]!;
      if (e >= 0) continue;
      const end = ~e;
      let w = this.starts[i]!;
      for (let r = w; r < end; r++) {
        buf[w++] = buf[r]!;
        if (buf[r] === QUOTE) r++;
      }
      this.ends[i] = w;
    }
  }

  private location(line: number, rowInBatch: number, col: number): SourceLocation {
    const loc: SourceLocation = { file: this.file, line, row: this.rowsBefore + rowInBatch };
    if (col >= 0 && col < this.names.length) loc.column = this.names[col]!;
    return loc;
  }

  /** @param fieldsSeen fields before the line ended, or -1 when an extra delimiter came after the last column. */
  private ragged(rowStart: number, rowLine: number, rowInBatch: number, fieldsSeen: number): ModelguardError {
    const ncols = this.names.length;
    const record = parseRecord(this.buf, rowStart, this.end, true, this.delimiter);
    const count = record ? record.count : fieldsSeen;
    const sep = this.delimiter === 9 ? "\\t" : String.fromCharCode(this.delimiter);
    if (fieldsSeen < 0 || count > ncols) {
      const loc = this.location(rowLine, rowInBatch, ncols - 1);
      return located(
        `the row has ${count} field${count === 1 ? "" : "s"}, the header has ${ncols} (extra fields after the last column)`,
        `Every row needs exactly one field per header column. Quote values that contain the delimiter '${sep}' ("a${sep}b"), or remove the extra delimiter.`,
        loc,
      );
    }
    const loc = this.location(rowLine, rowInBatch, count);
    return located(
      `the row has ${count} field${count === 1 ? "" : "s"}, the header has ${ncols}: column '${this.names[count]}' gets no value`,
      `Every row needs exactly one field per header column; a missing value is an empty field, which still needs its delimiter '${sep}'.`,
      loc,
    );
  }

  private unterminatedQuote(line: number, col: number, rowInBatch: number): ModelguardError {
    return located(
      `the quoted field that opens on line ${line} is never closed`,
      QUOTE_HINT,
      this.location(line, rowInBatch, col),
    );
  }

  private textAfterQuote(line: number, col: number, rowInBatch: number): ModelguardError {
    return located(
      "text follows the closing quote of a quoted field",
      'Quote the whole field and write each quote inside it twice, e.g. "say ""hi"" twice".',
      this.location(line, rowInBatch, col),
    );
  }

  private fieldTooLong(line: number, rowInBatch: number, col: number): ModelguardError {
    const limit = formatBytes(this.maxFieldBytes);
    return located(
      `the field is longer than ${limit}`,
      `A field this long is usually a quote that is never closed or a wrong delimiter. If the value is real, the limit is maxFieldBytes in the load options (default ${formatBytes(MAX_FIELD_BYTES)}).`,
      this.location(line, rowInBatch, col),
    );
  }

  private throwFieldTooLong(line: number, rowInBatch: number, col: number): never {
    throw this.fieldTooLong(line, rowInBatch, col);
  }

  private throwOversizedRecord(): never {
    const q = this.pendingQuote;
    if (q)
      throw located(
        `the quoted field that opens on line ${q.line} is never closed (the record runs past ${MAX_RECORD_BYTES >> 20} MiB)`,
        QUOTE_HINT,
        this.location(q.line, 0, q.col),
      );
    throw located(
      `the record on line ${this.line} is longer than ${MAX_RECORD_BYTES >> 20} MiB`,
      "Check that the delimiter is right and that the file is CSV.",
      this.location(this.line, 0, -1),
    );
  }

  private throwInvalidUtf8(batchStart: number, rows: number): never {
    const buf = this.buf;
    const bad = findInvalidUtf8(buf, batchStart, this.pos);
    const ncols = this.names.length;
    let row = 0;
    let col = -1;
    for (let i = 0; i < rows * ncols; i++) {
      const s = this.starts[i]!;
      const e = this.ends[i]! < 0 ? ~this.ends[i]! : this.ends[i]!;
      if (bad >= s && bad < e) {
        row = Math.floor(i / ncols);
        col = i % ncols;
        break;
      }
    }
    let line = this.rowLines[row]!;
    for (let p = this.starts[row * ncols]!; p < bad; p++) if (buf[p] === LF) line++;
    throw located(
      `the bytes are not valid UTF-8 (0x${buf[bad]!.toString(16).toUpperCase().padStart(2, "0")} at byte ${this.filePos - (this.end - bad)} of the file)`,
      UTF8_HINT,
      this.location(line, row, col),
    );
  }
}
