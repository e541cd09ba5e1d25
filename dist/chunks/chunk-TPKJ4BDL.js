import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  STRING_BAD_ESCAPE,
  STRING_CONTROL_CHARACTER,
  jsonStringScan,
  scanJsonString
} from "./chunk-LAIMP6IK.js";
import {
  CATEGORY_MAX_DISTINCT,
  CELL_BOOLEAN,
  CELL_DATETIME,
  CELL_INTEGER,
  CELL_MISSING,
  CELL_NUMBER,
  ColumnTypeInference,
  INFERENCE_ROWS,
  MAX_FIELD_BYTES,
  NaMatcher,
  SCAN_CHUNK_CELLS,
  SMALL_BYTES,
  classifyCell,
  compressionOf,
  grownInt32Array,
  isCategoryCardinality,
  newFloat64Array,
  newInt32Array,
  newUint8Array,
  openDataSource,
  parseBooleanBytes,
  parseIntegerBytes,
  resolveLoadOptions,
  rowsPerChunk,
  trimEnd,
  trimStart,
  typeFromCounts,
  utf8Text,
  withoutCompression
} from "./chunk-FDVPQZHU.js";
import {
  isNanLiteralBytes,
  parseDatetime,
  parseDatetimeBytes,
  parseNumber,
  parseNumberBytes
} from "./chunk-DYO4I62G.js";
import {
  NO_INVALID_CELLS
} from "./chunk-IXAQPRDD.js";
import {
  ModelguardError,
  formatLocation
} from "./chunk-7XDOXOVQ.js";

// src/data/byteRangeSource.ts
function byteRangeSource(source, end) {
  return {
    read: (buffer, offset, length, position) => position >= end ? Promise.resolve({ bytesRead: 0 }) : source.read(buffer, offset, Math.min(length, end - position), position)
  };
}

// src/data/csvRecordReader.ts
import { isUtf8 } from "node:buffer";

// src/data/cellBatch.ts
var PARSE_NONE = 0;
var PARSE_NUMBER = 1;
var PARSE_INTEGER = 2;

// src/data/findInvalidUtf8.ts
function findInvalidUtf8(bytes, start, end) {
  let p = start;
  while (p < end) {
    const b = bytes[p];
    if (b < 128) {
      p++;
      continue;
    }
    let need;
    let lo = 128;
    let hi = 191;
    if (b >= 194 && b <= 223) need = 1;
    else if (b === 224) {
      need = 2;
      lo = 160;
    } else if (b >= 225 && b <= 236 || b === 238 || b === 239) need = 2;
    else if (b === 237) {
      need = 2;
      hi = 159;
    } else if (b === 240) {
      need = 3;
      lo = 144;
    } else if (b >= 241 && b <= 243) need = 3;
    else if (b === 244) {
      need = 3;
      hi = 143;
    } else return p;
    if (p + need >= end) return p;
    const second = bytes[p + 1];
    if (second < lo || second > hi) return p;
    for (let k = 2; k <= need; k++) {
      const c = bytes[p + k];
      if (c < 128 || c > 191) return p;
    }
    p += need + 1;
  }
  return -1;
}

// src/data/csvRecordReader.ts
var LF = 10;
var CR = 13;
var QUOTE = 34;
var CSV_CHUNK_BYTES = 4 << 20;
var MAX_RECORD_BYTES = 64 << 20;
var POW10 = new Float64Array(23);
for (let i = 0, p = 1; i < 23; i++, p *= 10) POW10[i] = p;
var BATCH_CELLS = 1 << 16;
var UTF8_HINT = "Re-encode the file as UTF-8, e.g. `iconv -f latin1 -t utf-8 in.csv > out.csv`, or export it as 'CSV UTF-8'.";
var QUOTE_HINT = 'Close the quote. A quote inside a quoted field is written twice (""); a line break is only allowed inside quotes.';
function located(message, hint, loc) {
  return new ModelguardError("input", `${formatLocation(loc)}: ${message}`, hint, loc);
}
async function readCsvHeader(fh, file, delimiter) {
  let buf = Buffer.allocUnsafe(64 << 10);
  let end = 0;
  let eof = false;
  const readMore = async () => {
    if (end === buf.length) {
      if (buf.length >= MAX_RECORD_BYTES)
        throw located(
          `the header record is longer than ${MAX_RECORD_BYTES >> 20} MiB`,
          "Check the first line for an unterminated quote.",
          { file, line: 1 }
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
  if (end >= 3 && buf[0] === 239 && buf[1] === 187 && buf[2] === 191) pos = 3;
  let line = 1;
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
      { file }
    );
  let record;
  while ((record = parseRecord(buf, pos, end, eof, delimiter)) === null) await readMore();
  if (record.unterminatedField >= 0)
    throw located(`the quoted name of header field ${record.unterminatedField + 1} is never closed`, QUOTE_HINT, {
      file,
      line
    });
  const names = headerNames(buf, pos, record, file, line);
  checkNames(names, file, line);
  return { names, dataOffset: record.next, dataLine: line + record.lineBreaks };
}
function headerNames(buf, pos, record, file, line) {
  const { count, starts, ends } = record;
  const allValid = isUtf8(buf.subarray(pos, record.next));
  const names = new Array(count);
  for (let i = 0; i < count; i++) {
    const s = starts[i];
    const escaped = ends[i] < 0;
    const e = escaped ? ~ends[i] : ends[i];
    const bytes = escaped ? Buffer.from(unescapeQuotes(buf.subarray(s, e))) : buf;
    const from = escaped ? 0 : s;
    const to = escaped ? bytes.length : e;
    if (!allValid && !isUtf8(bytes.subarray(from, to)))
      throw located(`header field ${i + 1} is not valid UTF-8`, UTF8_HINT, { file, line });
    const bom = to - from >= 3 && bytes[from] === 239 && bytes[from + 1] === 187 && bytes[from + 2] === 191;
    names[i] = bytes.toString("utf8", bom ? from + 3 : from, to);
  }
  return names;
}
function checkNames(names, file, line) {
  const order = new Int32Array(names.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => {
    const x = names[a];
    const y = names[b];
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  let first = -1;
  let repeat = -1;
  for (let j = 1; j < order.length; j++) {
    const i = order[j];
    const prev = order[j - 1];
    const runStart = j < 2 || names[order[j - 2]] !== names[i];
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
      { file, line }
    );
  if (repeat >= 0)
    throw located(
      `column name '${names[repeat]}' appears twice in the header, as fields ${first + 1} and ${repeat + 1}`,
      "Rename one of the two columns: every column needs a unique name.",
      { file, line, column: names[repeat] }
    );
}
function parseRecord(buf, pos, end, eof, delimiter) {
  let starts = new Int32Array(64);
  let ends = new Int32Array(64);
  let count = 0;
  const push = (s, e, escaped) => {
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
  const result = (next, lineBreaks2, unterminatedField) => ({
    count,
    starts,
    ends,
    next,
    lineBreaks: lineBreaks2,
    unterminatedField
  });
  let lineBreaks = 0;
  while (true) {
    if (pos < end && buf[pos] === QUOTE) {
      let p = pos + 1;
      let escaped = false;
      while (true) {
        while (p < end && buf[p] !== QUOTE) {
          if (buf[p] === LF || buf[p] === CR && buf[p + 1] !== LF) lineBreaks++;
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
function formatBytes(n) {
  const MiB = 1024 * 1024;
  return n % MiB === 0 ? `${n / MiB} MiB` : n % 1024 === 0 ? `${n / 1024} KiB` : `${n} bytes`;
}
function unescapeQuotes(bytes) {
  const out = new Uint8Array(bytes.length);
  let w = 0;
  for (let r = 0; r < bytes.length; r++) {
    out[w++] = bytes[r];
    if (bytes[r] === QUOTE) r++;
  }
  return out.subarray(0, w);
}
var CsvRecordReader = class {
  constructor(fh, file, names, delimiter, offset, line, chunkBytes = CSV_CHUNK_BYTES, readAheadEnabled = true, maxFieldBytes = MAX_FIELD_BYTES, done = null) {
    this.fh = fh;
    this.file = file;
    this.names = names;
    this.delimiter = delimiter;
    this.chunkBytes = chunkBytes;
    this.readAheadEnabled = readAheadEnabled;
    this.maxFieldBytes = maxFieldBytes;
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
      this.reserve = [reuse.buf, reuse.spare].filter((b) => b !== null && b.length > 1);
      reuse.reserve = [];
    }
    this.parseKinds = reuse?.parseKinds.length === ncols ? reuse.parseKinds.fill(0) : new Uint8Array(ncols);
    this.batch = {
      bytes: this.buf,
      starts: this.starts,
      ends: this.ends,
      stride: ncols,
      rows: 0,
      parsed: this.parsed,
      parseKinds: this.parseKinds
    };
  }
  fh;
  file;
  names;
  delimiter;
  chunkBytes;
  readAheadEnabled;
  maxFieldBytes;
  buf;
  pos = 0;
  end = 0;
  /** File offset of the next byte to read. */
  filePos;
  /** Room before the read-ahead bytes for the unfinished record carried over from the previous chunk. */
  headroom;
  spare = null;
  /** Chunk buffers taken over from a finished reader, used before any new one is allocated. */
  reserve = [];
  pending = null;
  eof = false;
  /** 1-based line of the next record. */
  line;
  /** Data rows handed out so far. */
  rowsBefore = 0;
  starts;
  ends;
  rowLines;
  parsed;
  batch;
  /**
   * Per source column, PARSE_NONE / PARSE_NUMBER / PARSE_INTEGER: numeric columns are parsed during the scan, so
   * their bytes are read once. Callers may change it between batches (an integer column that widens to number).
   */
  parseKinds;
  /** Where the unfinished record at the end of the buffer opened a quote: for the error when it never closes. */
  pendingQuote = null;
  /** The field the buffer ended in (its start in buf): fill stops before it grows past maxFieldBytes. */
  pendingField = null;
  /** Whether buf is a buffer of its own for a record longer than the headroom (not one of the two chunk buffers). */
  ownBuffer = false;
  /** Rows per batch. */
  batchRows;
  /** File offset of the next unread record. */
  get offset() {
    return this.filePos - (this.end - this.pos);
  }
  /** The next batch of up to `maxRows` records (at most `batchRows`), or null at the end of the file. */
  async next(maxRows = this.batchRows) {
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
  async fill() {
    const tail = this.end - this.pos;
    const field = this.pendingField;
    if (field && this.end - field.start > this.maxFieldBytes) this.throwFieldTooLong(field.line, 0, field.col);
    if (tail > Math.max(MAX_RECORD_BYTES, 2 * this.maxFieldBytes)) this.throwOversizedRecord();
    if (!this.pending) this.readAhead(this.spare);
    const bytesRead = await this.pending;
    this.pending = null;
    const next = this.spare;
    this.filePos += bytesRead;
    if (bytesRead === 0) this.eof = true;
    const old = this.buf;
    if (tail <= this.headroom) {
      old.copy(next, this.headroom - tail, this.pos, this.end);
      this.buf = next;
      this.pos = this.headroom - tail;
      this.end = this.headroom + bytesRead;
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
    this.buf[this.end] = LF;
    if (!this.eof && this.readAheadEnabled) this.readAhead(this.spare);
  }
  /** Starts reading the next chunk into `target` (after the headroom). */
  readAhead(target) {
    const size = this.headroom + this.chunkBytes + 1;
    let buffer = target && target.length >= size ? target : null;
    while (buffer === null && this.reserve.length > 0) {
      const b = this.reserve.pop();
      if (b.length >= size) buffer = b;
    }
    buffer ??= Buffer.allocUnsafe(size);
    this.spare = buffer;
    this.pending = this.fh.read(buffer, this.headroom, this.chunkBytes, this.filePos).then((r) => r.bytesRead);
    this.pending.catch(() => void 0);
  }
  escapedFields = 0;
  /**
   * Splits up to maxRows complete records from the buffer into starts/ends. Stops early at a record the buffer
   * does not hold entirely (unless at end of file). Fields with "" escapes get end = ~end until unescapeFields.
   */
  tokenize(maxRows) {
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
      let c = buf[pos];
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
            while (p < end && (c = buf[p]) !== QUOTE) {
              if (c === LF || c === CR && buf[p + 1] !== LF) line++;
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
          c = buf[pos];
          if (pos < end && c !== D && c !== LF && c !== CR) throw this.textAfterQuote(line, f - fBase, rows);
        } else {
          const s = pos;
          const kind = kinds[f - fBase];
          if (kind !== 0) {
            let negative = false;
            if (c === 45) {
              negative = true;
              c = buf[++pos];
            }
            const digitsStart = pos;
            let m = 0;
            let d = c - 48;
            while (d >= 0 && d <= 9) {
              m = m * 10 + d;
              c = buf[++pos];
              d = c - 48;
            }
            let digits = pos - digitsStart;
            let fraction = 0;
            if (c === 46 && kind === PARSE_NUMBER) {
              c = buf[++pos];
              const fractionStart = pos;
              d = c - 48;
              while (d >= 0 && d <= 9) {
                m = m * 10 + d;
                c = buf[++pos];
                d = c - 48;
              }
              fraction = pos - fractionStart;
              digits += fraction;
            }
            if ((c === D || c === LF || c === CR) && digits > 0 && digits <= 15) {
              const v = fraction === 0 ? m : m / POW10[fraction];
              parsed[f] = negative ? -v : v;
            } else {
              parsed[f] = NaN;
              while (c !== D && c !== LF && c !== CR) c = buf[++pos];
            }
          } else {
            while (c !== D && c !== LF && c !== CR) c = buf[++pos];
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
          c = buf[++pos];
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
  unescapeFields(rows) {
    const buf = this.buf;
    const n = rows * this.names.length;
    for (let i = 0; i < n; i++) {
      const e = this.ends[i];
      if (e >= 0) continue;
      const end = ~e;
      let w = this.starts[i];
      for (let r = w; r < end; r++) {
        buf[w++] = buf[r];
        if (buf[r] === QUOTE) r++;
      }
      this.ends[i] = w;
    }
  }
  location(line, rowInBatch, col) {
    const loc = { file: this.file, line, row: this.rowsBefore + rowInBatch };
    if (col >= 0 && col < this.names.length) loc.column = this.names[col];
    return loc;
  }
  /** @param fieldsSeen fields before the line ended, or -1 when an extra delimiter came after the last column. */
  ragged(rowStart, rowLine, rowInBatch, fieldsSeen) {
    const ncols = this.names.length;
    const record = parseRecord(this.buf, rowStart, this.end, true, this.delimiter);
    const count = record ? record.count : fieldsSeen;
    const sep2 = this.delimiter === 9 ? "\\t" : String.fromCharCode(this.delimiter);
    if (fieldsSeen < 0 || count > ncols) {
      const loc2 = this.location(rowLine, rowInBatch, ncols - 1);
      return located(
        `the row has ${count} field${count === 1 ? "" : "s"}, the header has ${ncols} (extra fields after the last column)`,
        `Every row needs exactly one field per header column. Quote values that contain the delimiter '${sep2}' ("a${sep2}b"), or remove the extra delimiter.`,
        loc2
      );
    }
    const loc = this.location(rowLine, rowInBatch, count);
    return located(
      `the row has ${count} field${count === 1 ? "" : "s"}, the header has ${ncols}: column '${this.names[count]}' gets no value`,
      `Every row needs exactly one field per header column; a missing value is an empty field, which still needs its delimiter '${sep2}'.`,
      loc
    );
  }
  unterminatedQuote(line, col, rowInBatch) {
    return located(
      `the quoted field that opens on line ${line} is never closed`,
      QUOTE_HINT,
      this.location(line, rowInBatch, col)
    );
  }
  textAfterQuote(line, col, rowInBatch) {
    return located(
      "text follows the closing quote of a quoted field",
      'Quote the whole field and write each quote inside it twice, e.g. "say ""hi"" twice".',
      this.location(line, rowInBatch, col)
    );
  }
  fieldTooLong(line, rowInBatch, col) {
    const limit = formatBytes(this.maxFieldBytes);
    return located(
      `the field is longer than ${limit}`,
      `A field this long is usually a quote that is never closed or a wrong delimiter. If the value is real, the limit is maxFieldBytes in the load options (default ${formatBytes(MAX_FIELD_BYTES)}).`,
      this.location(line, rowInBatch, col)
    );
  }
  throwFieldTooLong(line, rowInBatch, col) {
    throw this.fieldTooLong(line, rowInBatch, col);
  }
  throwOversizedRecord() {
    const q = this.pendingQuote;
    if (q)
      throw located(
        `the quoted field that opens on line ${q.line} is never closed (the record runs past ${MAX_RECORD_BYTES >> 20} MiB)`,
        QUOTE_HINT,
        this.location(q.line, 0, q.col)
      );
    throw located(
      `the record on line ${this.line} is longer than ${MAX_RECORD_BYTES >> 20} MiB`,
      "Check that the delimiter is right and that the file is CSV.",
      this.location(this.line, 0, -1)
    );
  }
  throwInvalidUtf8(batchStart, rows) {
    const buf = this.buf;
    const bad = findInvalidUtf8(buf, batchStart, this.pos);
    const ncols = this.names.length;
    let row = 0;
    let col = -1;
    for (let i = 0; i < rows * ncols; i++) {
      const s = this.starts[i];
      const e = this.ends[i] < 0 ? ~this.ends[i] : this.ends[i];
      if (bad >= s && bad < e) {
        row = Math.floor(i / ncols);
        col = i % ncols;
        break;
      }
    }
    let line = this.rowLines[row];
    for (let p = this.starts[row * ncols]; p < bad; p++) if (buf[p] === LF) line++;
    throw located(
      `the bytes are not valid UTF-8 (0x${buf[bad].toString(16).toUpperCase().padStart(2, "0")} at byte ${this.filePos - (this.end - bad)} of the file)`,
      UTF8_HINT,
      this.location(line, row, col)
    );
  }
};

// src/data/byteInterner.ts
var ByteInterner = class {
  /**
   * @param spelling the text of a new value's bytes when it already has a string for them (another interner's: see
   * `find`), so that equal values of two interners are one string; undefined, and the bytes are decoded.
   */
  constructor(na, spelling) {
    this.na = na;
    this.spelling = spelling;
    this.slots = newInt32Array(16);
    this.mask = 15;
  }
  na;
  spelling;
  /** Distinct non-missing values, in order of first appearance; a value's code is its index here. */
  dictionary = [];
  slots;
  // entry index + 1, 0 = empty
  mask;
  hashes = newInt32Array(8);
  offsets = newInt32Array(8);
  lengths = newInt32Array(8);
  codes = newInt32Array(8);
  arena = newUint8Array(64);
  arenaUsed = 0;
  entries = 0;
  /** Distinct byte strings seen (NA strings included). */
  get size() {
    return this.entries;
  }
  /** Code of bytes[start, end): its dictionary index, or -1 for an NA string or an absent cell (start < 0). */
  intern(bytes, start, end) {
    if (start < 0) return -1;
    const h = hash(bytes, start, end);
    const slot = this.probe(bytes, start, end, h);
    const idx = this.slots[slot];
    return idx !== 0 ? this.codes[idx - 1] : this.insert(bytes, start, end, h, slot);
  }
  /** The code of bytes[start, end) when interned already (-1 for an NA string), undefined when not; nothing added. */
  find(bytes, start, end) {
    const idx = this.slots[this.probe(bytes, start, end, hash(bytes, start, end))];
    return idx !== 0 ? this.codes[idx - 1] : void 0;
  }
  /** The slot of bytes[start, end): the one holding them, or the empty one where they would go. */
  probe(bytes, start, end, h) {
    const len = end - start;
    const slots = this.slots;
    const mask = this.mask;
    let slot = h & mask;
    while (true) {
      const idx = slots[slot];
      if (idx === 0) return slot;
      const entry = idx - 1;
      if (this.hashes[entry] === h && this.lengths[entry] === len) {
        const arena = this.arena;
        let i = 0;
        const off = this.offsets[entry];
        while (i < len && arena[off + i] === bytes[start + i]) i++;
        if (i === len) return slot;
      }
      slot = slot + 1 & mask;
    }
  }
  insert(bytes, start, end, h, slot) {
    const len = end - start;
    const entry = this.entries++;
    if (entry === this.hashes.length) {
      this.hashes = grownInt32Array(this.hashes);
      this.offsets = grownInt32Array(this.offsets);
      this.lengths = grownInt32Array(this.lengths);
      this.codes = grownInt32Array(this.codes);
    }
    if (this.arenaUsed + len > this.arena.length) {
      const next = newUint8Array(Math.max(this.arena.length * 2, this.arenaUsed + len));
      next.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = next;
    }
    const arena = this.arena;
    if (len <= 64) for (let i = 0, at = this.arenaUsed; i < len; i++) arena[at + i] = bytes[start + i];
    else arena.set(bytes.subarray(start, end), this.arenaUsed);
    this.hashes[entry] = h;
    this.offsets[entry] = this.arenaUsed;
    this.lengths[entry] = len;
    this.arenaUsed += len;
    let code = -1;
    if (!this.na.matches(bytes, start, end)) {
      code = this.dictionary.length;
      this.dictionary.push(this.spelling?.(bytes, start, end) ?? utf8Text(bytes, start, end));
    }
    this.codes[entry] = code;
    this.slots[slot] = entry + 1;
    if (this.entries * 2 > this.slots.length) this.rehash();
    return code;
  }
  rehash() {
    const slots = newInt32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let e = 0; e < this.entries; e++) {
      let slot = this.hashes[e] & mask;
      while (slots[slot] !== 0) slot = slot + 1 & mask;
      slots[slot] = e + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
};
function hash(bytes, start, end) {
  let h = 2166136261 | 0;
  for (let p = start; p < end; p++) h = Math.imul(h ^ bytes[p], 16777619);
  return h;
}

// src/data/numericColumnBuilder.ts
var ACCEPTS = {
  integer: (b) => !Number.isNaN(parseNumberBytes(b, 0, b.length)),
  number: (b) => !Number.isNaN(parseNumberBytes(b, 0, b.length)),
  boolean: (b) => !Number.isNaN(parseBooleanBytes(b, 0, b.length)),
  datetime: (b) => !Number.isNaN(parseDatetimeBytes(b, 0, b.length))
};
var NumericBuildContext = class {
  constructor(mode, na) {
    this.mode = mode;
    this.na = na;
    this.naFirstInteger = na.anyAccepted(ACCEPTS.integer);
    this.naFirstNumber = na.anyAccepted(ACCEPTS.number);
    this.naFirstBoolean = na.anyAccepted(ACCEPTS.boolean);
    this.naFirstDatetime = na.anyAccepted(ACCEPTS.datetime);
  }
  mode;
  na;
  /** Invalid cells (data row -> raw text) of the builders that have some, until their `finish`. */
  invalidCells = /* @__PURE__ */ new Map();
  naFirstInteger;
  naFirstNumber;
  naFirstBoolean;
  naFirstDatetime;
  /** Some NA string parses as this type (e.g. "-999"), so every cell is checked against the NA strings first. */
  naFirst(type) {
    return type === "number" ? this.naFirstNumber : type === "integer" ? this.naFirstInteger : type === "boolean" ? this.naFirstBoolean : this.naFirstDatetime;
  }
};
var DEMOTED = 1;
var SAW_BIG_INTEGER = 2;
var NumericColumnBuilder = class {
  constructor(context, type, capacity) {
    this.context = context;
    this.type = type;
    this.values = newFloat64Array(capacity);
  }
  context;
  type;
  values;
  /**
   * 1 where a cell is missing or did not parse; null until the first such cell. Most columns have none: their
   * `valid` is then the chunk's shared ones, and the build never writes a byte a cell nor holds a view a column for it.
   */
  missing = null;
  /** DEMOTED, SAW_BIG_INTEGER: two flags in one field (a builder's fields are kept few: see NumericBuildContext). */
  flags = 0;
  get mode() {
    return this.context.mode;
  }
  /** Mode "infer" only: a cell fit no number/boolean/datetime reading, so the column must be re-read as text. */
  get demoted() {
    return (this.flags & DEMOTED) !== 0;
  }
  /** Mode "infer" only: an integer beyond 2^53 was seen; unless the column widens to number it becomes text. */
  get sawBigInteger() {
    return (this.flags & SAW_BIG_INTEGER) !== 0;
  }
  /** Room for `rows` rows: grows by half (never past `limit` unless `rows` is), so memory follows the rows seen. */
  ensureCapacity(rows, limit = Infinity) {
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
  decode(batch, col, rowBase) {
    if (this.demoted) return;
    const kind = batch.parseKinds ? batch.parseKinds[col] : PARSE_NONE;
    if (batch.parsed && !this.context.naFirst(this.type) && (this.type === "number" && kind !== PARSE_NONE || this.type === "integer" && kind === PARSE_INTEGER))
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
  decodeParsed(batch, parsed, col, rowBase) {
    const { bytes, starts, ends, stride, rows } = batch;
    const values = this.values;
    for (let r = 0, i = col; r < rows; r++, i += stride) {
      const v = parsed[i];
      if (v === v) {
        values[rowBase + r] = v;
      } else {
        const s = starts[i];
        const e = ends[i];
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
  decodeIntegers(batch, col, rowBase) {
    const { bytes, starts, ends, stride, rows } = batch;
    const values = this.values;
    const naFirst = this.context.naFirst(this.type);
    for (let r = 0, i = col; r < rows; r++, i += stride) {
      const s = starts[i];
      const e = ends[i];
      let p = s;
      let negative = false;
      if (p < e && bytes[p] === 45) {
        negative = true;
        p++;
      }
      const digitsStart = p;
      let v = 0;
      while (p < e) {
        const d = bytes[p] - 48;
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
  decodeNumbers(batch, col, rowBase) {
    const { bytes, starts, ends, stride, rows } = batch;
    const values = this.values;
    const naFirst = this.context.naFirst(this.type);
    for (let r = 0, i = col; r < rows; r++, i += stride) {
      const s = starts[i];
      const e = ends[i];
      const v = parseNumberBytes(bytes, s, e);
      if (v === v && !naFirst) {
        values[rowBase + r] = v;
      } else {
        this.slowCell(bytes, s, e, rowBase + r);
        if (this.demoted) return;
      }
    }
  }
  decodeBooleans(batch, col, rowBase) {
    const { bytes, starts, ends, stride, rows } = batch;
    const values = this.values;
    const naFirst = this.context.naFirst(this.type);
    for (let r = 0, i = col; r < rows; r++, i += stride) {
      const s = starts[i];
      const e = ends[i];
      const v = parseBooleanBytes(bytes, s, e);
      if (v === v && !naFirst) {
        values[rowBase + r] = v;
      } else {
        this.slowCell(bytes, s, e, rowBase + r);
        if (this.demoted) return;
      }
    }
  }
  decodeDatetimes(batch, col, rowBase) {
    const { bytes, starts, ends, stride, rows } = batch;
    const values = this.values;
    const naFirst = this.context.naFirst(this.type);
    for (let r = 0, i = col; r < rows; r++, i += stride) {
      const s = starts[i];
      const e = ends[i];
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
  parseBooleanOrDatetime(bytes, s, e) {
    if (this.type === "datetime") return parseDatetimeBytes(bytes, s, e);
    const v = parseBooleanBytes(bytes, s, e);
    if (v === v || this.context.mode !== "forced" || e - s !== 1) return v;
    return bytes[s] === 49 ? 1 : bytes[s] === 48 ? 0 : NaN;
  }
  /** Everything but the common cell: absent, NA, blanks around the value, NaN literals, and cells that do not fit. */
  slowCell(bytes, start, end, row) {
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
        this.flags |= SAW_BIG_INTEGER;
        return this.store(row, num);
      }
      const isNumber = num === num || isNanLiteralBytes(bytes, s, e);
      if (isNumber && type === "number") return this.store(row, num);
      if (isNumber && mode === "infer") {
        this.type = "number";
        return this.store(row, num);
      }
      if (isNumber && int !== int && Number.isSafeInteger(num)) return this.store(row, num);
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
    if (cells === void 0) invalid.set(this, cells = /* @__PURE__ */ new Map());
    cells.set(row, utf8Text(bytes, start, end));
  }
  store(row, v) {
    this.values[row] = v;
    if (this.missing !== null) this.missing[row] = 0;
  }
  markMissing(row) {
    this.values[row] = NaN;
    (this.missing ??= newUint8Array(this.values.length))[row] = 1;
  }
  /** Fills rows from..to-1 as missing (a JSONL column that appears late). */
  fillMissing(from, to) {
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
  finish(name, rows, allValid) {
    const values = fitSmall(this.values, rows);
    const missing = this.missing;
    let valid;
    if (missing === null) valid = allValid ?? newUint8Array(rows).fill(1);
    else {
      valid = newUint8Array(rows);
      for (let i = 0; i < rows; i++) valid[i] = 1 - missing[i];
    }
    const invalid = this.context.invalidCells.get(this) ?? NO_INVALID_CELLS;
    this.context.invalidCells.delete(this);
    return new BuiltNumericColumn(name, this.type, values, valid, invalid);
  }
  /** Mode "infer": whether some cell did not fit, so the column has to be read again as text. */
  get needsTextReread() {
    return this.demoted || this.sawBigInteger && this.type === "integer";
  }
};
var BuiltNumericColumn = class {
  constructor(name, type, values, valid, invalid) {
    this.name = name;
    this.type = type;
    this.values = values;
    this.valid = valid;
    this.invalid = invalid;
  }
  name;
  type;
  values;
  valid;
  invalid;
  kind = "numeric";
};
function parseIntegerFast(bytes, s, e) {
  let p = s;
  let negative = false;
  if (p < e && bytes[p] === 45) {
    negative = true;
    p++;
  }
  if (p === e || e - p > 15) return NaN;
  let v = 0;
  for (; p < e; p++) {
    const d = bytes[p] - 48;
    if (d < 0 || d > 9) return NaN;
    v = v * 10 + d;
  }
  return negative ? -v : v;
}
function fitSmall(a, rows) {
  if (a.length === rows || a.byteLength > SMALL_BYTES) return fitLength(a, rows);
  const out = newFloat64Array(rows);
  for (let i = 0; i < rows; i++) out[i] = a[i];
  return out;
}
function fitLength(a, rows) {
  if (a.length === rows) return a;
  return a.length - rows <= (rows >> 3) + 1024 ? a.subarray(0, rows) : a.slice(0, rows);
}

// src/data/dictionaryColumnBuilder.ts
var DictionaryColumnBuilder = class {
  /**
   * @param reinfer mode "infer" only: the type is not known yet (the inference sample was all missing, or the
   *   column is being re-read after a cell did not fit its inferred type); `finish` infers it from the dictionary.
   */
  constructor(name, type, mode, na, capacity, reinfer = false) {
    this.name = name;
    this.type = type;
    this.mode = mode;
    this.na = na;
    this.reinfer = reinfer;
    this.codes = newInt32Array(capacity);
    this.interner = new ByteInterner(na);
  }
  name;
  type;
  mode;
  na;
  reinfer;
  codes;
  interner;
  /** Room for `rows` rows: grows by half (never past `limit` unless `rows` is), so memory follows the rows seen. */
  ensureCapacity(rows, limit = Infinity) {
    if (rows <= this.codes.length) return;
    const codes = newInt32Array(Math.max(rows, Math.min(Math.ceil(this.codes.length * 1.5), limit)));
    codes.set(this.codes);
    this.codes = codes;
  }
  decode(batch, col, rowBase) {
    const { bytes, starts, ends, stride, rows } = batch;
    const codes = this.codes;
    const interner = this.interner;
    for (let r = 0, i = col; r < rows; r++, i += stride)
      codes[rowBase + r] = interner.intern(bytes, starts[i], ends[i]);
  }
  fillMissing(from, to) {
    this.ensureCapacity(to);
    this.codes.fill(-1, from, to);
  }
  /**
   * The column of the first `rows` rows. Mode "infer": category vs string is decided on the whole column, and with
   * `reinfer` the full type is inferred from the distinct values (an all-missing sample may hide numbers).
   */
  finish(rows) {
    const codes = fitLength(this.codes, rows);
    const dictionary = this.interner.dictionary;
    let type = this.type;
    if (this.mode === "infer") {
      let nonMissing = 0;
      for (let i = 0; i < rows; i++) if (codes[i] >= 0) nonMissing++;
      if (this.reinfer) {
        const numeric = this.numericFromDictionary(codes, dictionary);
        if (numeric) return numeric;
      }
      type = isCategoryCardinality(dictionary.length, nonMissing) ? "category" : "string";
    }
    const column = { kind: "dictionary", name: this.name, type, codes, dictionary };
    return column;
  }
  /** When every distinct value reads as one integer/number/boolean/datetime type: that numeric column. */
  numericFromDictionary(codes, dictionary) {
    const counts = new Float64Array(7);
    const encoded = dictionary.map((v) => Buffer.from(v, "utf8"));
    for (const b of encoded) counts[classifyCell(b, 0, b.length, this.na)]++;
    const type = typeFromCounts(counts, dictionary.length);
    if (type === "category" || type === "string") return null;
    const byCode = new Float64Array(dictionary.length);
    encoded.forEach((b, i) => {
      const s = trimStart(b, 0, b.length);
      const e = trimEnd(b, s, b.length);
      byCode[i] = type === "boolean" ? parseBooleanBytes(b, s, e) : type === "datetime" ? parseDatetimeBytes(b, s, e) : parseNumberBytes(b, s, e);
    });
    const rows = codes.length;
    const values = new Float64Array(rows);
    const valid = new Uint8Array(rows);
    for (let i = 0; i < rows; i++) {
      const c = codes[i];
      if (c < 0) values[i] = NaN;
      else {
        values[i] = byCode[c];
        valid[i] = 1;
      }
    }
    return { kind: "numeric", name: this.name, type, values, valid, invalid: /* @__PURE__ */ new Map() };
  }
};

// src/data/columnTypeInferences.ts
var CLASSES = 7;
var OVERFLOW = null;
var NONE = 0;
var NUMERIC = 1;
var BOOLEAN = 2;
var DATETIME = 3;
var MIXED = 4;
var TRACKED = 5;
var GROUP_OF_CLASS = new Uint8Array(CLASSES).fill(MIXED);
GROUP_OF_CLASS[CELL_INTEGER] = NUMERIC;
GROUP_OF_CLASS[CELL_NUMBER] = NUMERIC;
GROUP_OF_CLASS[CELL_BOOLEAN] = BOOLEAN;
GROUP_OF_CLASS[CELL_DATETIME] = DATETIME;
var ColumnTypeInferences = class {
  constructor(na, deferDistinct = false) {
    this.na = na;
    this.deferDistinct = deferDistinct;
  }
  na;
  deferDistinct;
  counts = new Float64Array(CLASSES * 64);
  /** Per column: undefined (no value yet), the one value, a Set of them, or OVERFLOW. */
  distinct = [];
  opened = new Uint8Array(64);
  /** Per column, NONE..TRACKED (see above); all TRACKED without deferDistinct. */
  groups = new Uint8Array(64);
  scratch = new Float64Array(CLASSES);
  /** Starts inferring column `c`. */
  open(c) {
    if (c >= this.opened.length) {
      const size = Math.max(c + 1, this.opened.length * 2);
      const opened = new Uint8Array(size);
      opened.set(this.opened);
      this.opened = opened;
      const groups = new Uint8Array(size);
      groups.set(this.groups);
      this.groups = groups;
      const counts = new Float64Array(size * CLASSES);
      counts.set(this.counts);
      this.counts = counts;
    }
    this.opened[c] = 1;
    this.groups[c] = this.deferDistinct ? NONE : TRACKED;
  }
  isOpen(c) {
    return c < this.opened.length && this.opened[c] === 1;
  }
  /**
   * Column `c` (open, without a value so far) keeps its distinct values from now on, deferDistinct or not: for
   * cells added beyond the sample, which a second read of the sample would not see.
   */
  track(c) {
    this.groups[c] = TRACKED;
  }
  /** ColumnTypeInference.add for column `c` (which must be open). */
  add(c, bytes, start, end) {
    const cls = classifyCell(bytes, start, end, this.na);
    this.counts[c * CLASSES + cls]++;
    if (cls === CELL_MISSING) return;
    const group = this.groups[c];
    if (group === TRACKED) return this.addDistinct(c, bytes, start, end);
    if (group === MIXED) return;
    const cellGroup = GROUP_OF_CLASS[cls];
    if (group === NONE) this.groups[c] = cellGroup;
    else if (group !== cellGroup) this.groups[c] = MIXED;
  }
  addDistinct(c, bytes, start, end) {
    const seen = this.distinct[c];
    if (seen === OVERFLOW) return;
    const text = utf8Text(bytes, start, end);
    if (seen === void 0) this.distinct[c] = text;
    else if (typeof seen === "string") {
      if (seen !== text) this.distinct[c] = /* @__PURE__ */ new Set([seen, text]);
    } else {
      seen.add(text);
      if (seen.size > CATEGORY_MAX_DISTINCT) this.distinct[c] = OVERFLOW;
    }
  }
  /** `add` of the cells of source column `source` in a batch's rows (see CellBatch). */
  addCells(c, bytes, starts, ends, source, stride, rows) {
    for (let r = 0, i = source; r < rows; r++, i += stride) this.add(c, bytes, starts[i], ends[i]);
  }
  /** The columns (deferDistinct) whose distinct values the rule needs: read the sample again for them. */
  get rereads() {
    const cs = [];
    for (let c = 0; c < this.opened.length; c++) if (this.opened[c] === 1 && this.groups[c] === MIXED) cs.push(c);
    return cs;
  }
  /** The second read of the sample for a column of `rereads`: its distinct values, nothing counted again. */
  addDistinctCells(c, bytes, starts, ends, source, stride, rows) {
    const na = this.na;
    for (let r = 0, i = source; r < rows; r++, i += stride) {
      const s = starts[i];
      const e = ends[i];
      if (s >= 0 && !na.matches(bytes, s, e)) this.addDistinct(c, bytes, s, e);
    }
  }
  /** ColumnTypeInference.nonMissing of column `c`. */
  nonMissing(c) {
    const counts = this.counts;
    const base = c * CLASSES;
    let n = 0;
    for (let k = 1; k < CLASSES; k++) n += counts[base + k];
    return n;
  }
  /** ColumnTypeInference.distinctCount of column `c` (deferDistinct: once its `rereads` are done). */
  distinctCount(c) {
    const seen = this.distinct[c];
    if (seen === OVERFLOW) return CATEGORY_MAX_DISTINCT + 1;
    if (seen === void 0) return 0;
    return typeof seen === "string" ? 1 : seen.size;
  }
  /** ColumnTypeInference.result of column `c`: the type by the same rule. */
  result(c) {
    for (let k = 0; k < CLASSES; k++) this.scratch[k] = this.counts[c * CLASSES + k];
    return typeFromCounts(this.scratch, this.distinctCount(c));
  }
};

// src/data/tableAssembler.ts
function createBuilder(plan, mode, na, capacity, contexts) {
  const m = plan.forced ? "forced" : mode;
  if (plan.type === null) return new DictionaryColumnBuilder(plan.name, "string", m, na, capacity, m === "infer");
  if (plan.type === "category" || plan.type === "string")
    return new DictionaryColumnBuilder(plan.name, plan.type, m, na, capacity);
  let context = contexts.get(m);
  if (context === void 0) contexts.set(m, context = new NumericBuildContext(m, na));
  return new NumericColumnBuilder(context, plan.type, capacity);
}
var TableAssembler = class {
  /**
   * @param capacity rows each builder starts with: an estimate of the rows to come, never more (builders grow).
   * @param maxRows rows the caller will add at most (a scan chunk): growth stops there.
   */
  constructor(plans, mode, na, capacity, maxRows = Infinity) {
    this.mode = mode;
    this.na = na;
    this.capacity = capacity;
    this.maxRows = maxRows;
    this.plans = [...plans];
    this.builders = plans.map((p) => createBuilder(p, mode, na, capacity, this.contexts));
  }
  mode;
  na;
  capacity;
  maxRows;
  rows = 0;
  plans;
  builders;
  /** The numeric builders' shared part, one per mode. */
  contexts = /* @__PURE__ */ new Map();
  /** A column that first appears after `rows` rows (JSONL): the rows before it are missing. */
  addPlan(plan) {
    const builder = createBuilder(plan, this.mode, this.na, Math.min(this.capacity, this.rows), this.contexts);
    builder.fillMissing(0, this.rows);
    this.plans.push(plan);
    this.builders.push(builder);
  }
  add(batch) {
    const total = this.rows + batch.rows;
    for (let k = 0; k < this.builders.length; k++) {
      const b = this.builders[k];
      b.ensureCapacity(total, this.maxRows);
      b.decode(batch, this.plans[k].source, this.rows);
    }
    this.rows = total;
  }
  /** What a reader should pre-parse per source column, from the builders' current types. */
  updateParseKinds(kinds) {
    this.builders.forEach((b, k) => {
      const source = this.plans[k].source;
      kinds[source] = b instanceof NumericColumnBuilder && !b.demoted ? b.type === "number" ? PARSE_NUMBER : b.type === "integer" ? PARSE_INTEGER : PARSE_NONE : PARSE_NONE;
    });
  }
  /**
   * Columns in plan order; null where the column must be re-read as text (mode "infer"). Once: the builders are
   * dropped, since a scan generator suspended at its yield still holds the assembler, and a wide chunk's builders
   * (an object and two array views per column) cost more than its columns. Each is let go as its column is made (from
   * the last), so that a wide chunk never holds every builder and every column at once.
   */
  finish() {
    const columns = new Array(this.builders.length);
    const allValid = newUint8Array(this.rows).fill(1);
    for (let k = this.builders.length - 1; k >= 0; k--) {
      const b = this.builders.pop();
      if (b instanceof NumericColumnBuilder)
        columns[k] = b.mode === "infer" && b.needsTextReread ? null : b.finish(this.plans[k].name, this.rows, allValid);
      else columns[k] = b.finish(this.rows);
    }
    return columns;
  }
};
var SampleInference = class {
  /** @param plans the plans, which `typedPlans` gives back with their types set (they are the caller's no more). */
  constructor(plans, na) {
    this.plans = plans;
    this.inferences = new ColumnTypeInferences(na, true);
    for (let k = 0; k < plans.length; k++) if (!plans[k].forced) this.inferences.open(k);
  }
  plans;
  rows = 0;
  inferences;
  add(batch) {
    const { bytes, starts, ends, stride, rows } = batch;
    for (let k = 0; k < this.plans.length; k++)
      if (this.inferences.isOpen(k))
        this.inferences.addCells(k, bytes, starts, ends, this.plans[k].source, stride, rows);
    this.rows += rows;
  }
  /** Plans (by index) whose columns need the sample read again, into `addDistinct`. */
  get rereads() {
    return this.inferences.rereads;
  }
  /** The sample's rows again, for the plans `ks` of `rereads`. */
  addDistinct(batch, ks) {
    const { bytes, starts, ends, stride, rows } = batch;
    for (const k of ks) this.inferences.addDistinctCells(k, bytes, starts, ends, this.plans[k].source, stride, rows);
  }
  /** Plans (by index) whose columns had no value in the sample so far. */
  get valueless() {
    const ks = [];
    for (let k = 0; k < this.plans.length; k++)
      if (this.inferences.isOpen(k) && this.inferences.nonMissing(k) === 0) ks.push(k);
    return ks;
  }
  /**
   * scanTable fixes each type before the first chunk, so a column without a value in the sample reads on: `add`
   * beyond the sample for just the plans `ks`, until each has INFERENCE_ROWS values. False once all have them.
   */
  extend(batch, ks) {
    const { bytes, starts, ends, stride, rows } = batch;
    let open = false;
    for (const k of ks) {
      if (this.inferences.nonMissing(k) === 0) this.inferences.track(k);
      this.inferences.addCells(k, bytes, starts, ends, this.plans[k].source, stride, rows);
      if (this.inferences.nonMissing(k) < INFERENCE_ROWS) open = true;
    }
    return open;
  }
  /**
   * The plans with inferred types, set in place (a copy of each plan was some 5 MB for 100,000 columns); a column
   * with no value in the sample gets type null (see `extend`).
   */
  typedPlans() {
    for (let k = 0; k < this.plans.length; k++)
      if (this.inferences.isOpen(k))
        this.plans[k].type = this.inferences.nonMissing(k) === 0 ? null : this.inferences.result(k);
    return this.plans;
  }
};

// src/data/csvReader.ts
function newReader(fh, file, header, options, done = null) {
  const { names, dataOffset, dataLine } = header;
  return new CsvRecordReader(
    fh,
    file,
    names,
    options.delimiter,
    dataOffset,
    dataLine,
    void 0,
    true,
    options.maxFieldBytes,
    done
  );
}
function planColumns(names, options) {
  const plans = [];
  names.forEach((name, source) => {
    if (options.columns && !options.columns.has(name)) return;
    const forced = options.types.get(name);
    plans.push({ name, source, type: forced ?? null, forced: forced !== void 0 });
  });
  return plans;
}
async function inferPlans(fh, file, header, options, fixTypes = false, wanted = planColumns(header.names, options), done = null) {
  const reader = new CsvRecordReader(
    fh,
    file,
    header.names,
    options.delimiter,
    header.dataOffset,
    header.dataLine,
    void 0,
    false,
    options.maxFieldBytes,
    done
  );
  const sample = new SampleInference(wanted, options.na);
  while (sample.rows < INFERENCE_ROWS) {
    const batch = await reader.next(INFERENCE_ROWS - sample.rows);
    if (!batch) break;
    sample.add(batch);
  }
  const sampleBytes = reader.offset - header.dataOffset;
  const valueless = fixTypes ? sample.valueless : [];
  if (valueless.length > 0) {
    for (let batch = await reader.next(); batch; batch = await reader.next())
      if (!sample.extend(batch, valueless)) break;
  }
  const again = await rereadSample(fh, file, header, options, sample, reader);
  const plans = sample.typedPlans();
  for (const k of valueless) plans[k].type ??= "number";
  return { plans, sampleRows: sample.rows, sampleBytes, reader: again };
}
async function rereadSample(fh, file, header, options, sample, done) {
  const ks = sample.rereads;
  if (ks.length === 0) return done;
  const { names, dataOffset, dataLine } = header;
  const reader = new CsvRecordReader(
    fh,
    file,
    names,
    options.delimiter,
    dataOffset,
    dataLine,
    void 0,
    false,
    options.maxFieldBytes,
    done
  );
  for (let left = sample.rows; left > 0; ) {
    const batch = await reader.next(left);
    if (!batch) break;
    sample.addDistinct(batch, ks);
    left -= batch.rows;
  }
  return reader;
}
async function loadCsv(file, options) {
  const fh = await openDataSource(file, options.decompression);
  try {
    const header = await readCsvHeader(fh, file, options.delimiter);
    return (await loadCsvColumns(fh, file, header, options, planColumns(header.names, options), null)).table;
  } finally {
    await fh.close();
  }
}
async function loadCsvColumns(fh, file, header, options, wanted, done) {
  const infer = await inferPlans(fh, file, header, options, false, wanted, done);
  const { plans, sampleRows, sampleBytes } = infer;
  const size = await fh.estimatedSize();
  const capacity = sampleRows < INFERENCE_ROWS ? sampleRows : Math.ceil((size - header.dataOffset) / Math.max(1, sampleBytes) * sampleRows * 1.02) + 64;
  const main = new TableAssembler(plans, "infer", options.na, capacity);
  const reader = newReader(fh, file, header, options, infer.reader);
  main.updateParseKinds(reader.parseKinds);
  for (let batch = await reader.next(); batch; batch = await reader.next()) {
    main.add(batch);
    main.updateParseKinds(reader.parseKinds);
  }
  const columns = main.finish();
  const reread = [];
  for (let k = 0; k < columns.length; k++) if (columns[k] === null) reread.push({ ...plans[k], type: null });
  let last = reader;
  if (reread.length > 0) {
    const text = new TableAssembler(reread, "infer", options.na, main.rows);
    last = newReader(fh, file, header, options, reader);
    for (let batch = await last.next(); batch; batch = await last.next()) text.add(batch);
    const textColumns = text.finish();
    let j = 0;
    for (let k = 0; k < columns.length; k++) if (columns[k] === null) columns[k] = textColumns[j++];
  }
  return { table: { source: file, rowCount: main.rows, columns }, reader: last };
}
async function* scanCsv(file, options, maxChunkRows, chunkCells) {
  const fh = await openDataSource(file, options.decompression);
  try {
    const header = await readCsvHeader(fh, file, options.delimiter);
    const { plans, sampleRows, reader } = await inferPlans(fh, file, header, options, true);
    const rows = sampleRows < INFERENCE_ROWS ? sampleRows : void 0;
    const records = newReader(fh, file, header, options, reader);
    yield* scanRecords(records, file, plans, options, maxChunkRows, chunkCells, rows);
  } finally {
    await fh.close();
  }
}
async function* scanRecords(reader, file, plans, options, maxChunkRows, chunkCells, knownRows) {
  const chunkRows = rowsPerChunk(maxChunkRows, chunkCells, plans.length);
  let initialRows2 = Math.min(chunkRows, knownRows ?? Math.max(16, reader.batchRows));
  let yielded = false;
  while (true) {
    const chunk = new TableAssembler(plans, "fixed", options.na, initialRows2, chunkRows);
    chunk.updateParseKinds(reader.parseKinds);
    let done = false;
    while (chunk.rows < chunkRows) {
      const batch = await reader.next(chunkRows - chunk.rows);
      if (!batch) {
        done = true;
        break;
      }
      chunk.add(batch);
    }
    if (chunk.rows > 0 || !yielded) {
      yielded = true;
      yield { source: file, rowCount: chunk.rows, columns: chunk.finish() };
    }
    if (done) return;
    initialRows2 = chunkRows;
  }
}
async function planCsvScan(file, options) {
  if (compressionOf(file) !== void 0) return null;
  const fh = await openDataSource(file, options.decompression);
  try {
    const header = await readCsvHeader(fh, file, options.delimiter);
    const { plans, sampleBytes } = await inferPlans(fh, file, header, options, true);
    const sample = Buffer.allocUnsafe(sampleBytes);
    const { bytesRead } = await fh.read(sample, 0, sampleBytes, header.dataOffset);
    const quoted = sample.subarray(0, bytesRead).includes(34);
    return { header, plans, size: await fh.estimatedSize(), quoted };
  } finally {
    await fh.close();
  }
}
async function* scanCsvRange(file, options, plan, start, end, line, maxChunkRows, chunkCells) {
  const fh = await openDataSource(file, options.decompression);
  try {
    const header = { ...plan.header, dataOffset: start, dataLine: line };
    const reader = newReader(byteRangeSource(fh, end), file, header, options);
    yield* scanRecords(reader, file, plan.plans, options, maxChunkRows, chunkCells);
  } finally {
    await fh.close();
  }
}
async function csvColumnNames(file, options) {
  const fh = await openDataSource(file, options.decompression);
  try {
    return (await readCsvHeader(fh, file, options.delimiter)).names;
  } finally {
    await fh.close();
  }
}

// src/data/jsonlRecordReader.ts
import { isUtf8 as isUtf82 } from "node:buffer";
var LF2 = 10;
var CR2 = 13;
var QUOTE2 = 34;
var BACKSLASH = 92;
var CHUNK_BYTES = 4 << 20;
var BATCH_CELLS2 = 1 << 16;
var JSON_HINT = 'Each line must be one JSON object, e.g. {"age": 31, "city": "Oslo", "member": true}.';
var LineSyntaxError = class extends Error {
  constructor(message, key, nested = false) {
    super(message);
    this.key = key;
    this.nested = nested;
  }
  key;
  nested;
};
var JsonlReadBuffers = class {
  buf = Buffer.allocUnsafe(CHUNK_BYTES);
  starts = new Int32Array(BATCH_CELLS2);
  ends = new Int32Array(BATCH_CELLS2);
};
var JsonlRecordReader = class {
  /**
   * @param wanted whether a column is loaded: nested values are an error there and skipped elsewhere.
   * @param maxLineBytes a longer line is an error (it bounds the buffer: about twice this at most).
   */
  constructor(fh, file, wanted, maxLineBytes = MAX_FIELD_BYTES, sharedWith) {
    this.fh = fh;
    this.file = file;
    this.wanted = wanted;
    this.maxLineBytes = maxLineBytes;
    this.buffers = sharedWith?.buffers ?? new JsonlReadBuffers();
    this.keyInterner = new ByteInterner(
      new NaMatcher([]),
      sharedWith && ((bytes, start, end) => sharedWith.keySpelling(bytes, start, end))
    );
    const buffers = this.buffers;
    this.buf = buffers.buf;
    this.starts = buffers.starts;
    this.ends = buffers.ends;
    this.batch = { bytes: this.buf, starts: this.starts, ends: this.ends, stride: 0, rows: 0 };
  }
  fh;
  file;
  wanted;
  maxLineBytes;
  buf;
  /** Where buf, starts and ends come from: this reader's own, or shared (see the constructor). */
  buffers;
  pos = 0;
  end = 0;
  filePos = 0;
  eof = false;
  /** 1-based line of the next unread line. */
  line = 1;
  rowsBefore = 0;
  starts;
  ends;
  batch;
  keyInterner;
  /**
   * Interner code -> column index, -1 (or past the end) for a key not seen in this pass. Typed arrays, as `codes`: for
   * 100,000 keys half the memory of arrays of numbers.
   */
  keyColumn = new Int32Array(1024).fill(-1);
  /** Column names in order of first appearance. */
  names = [];
  /** Column index -> interner code, for the first names.length columns. */
  codes = new Int32Array(1024);
  stride = 0;
  sawContent = false;
  /**
   * Reads the file again from its start, keeping the first `keep` keys registered so far (all by default), in their
   * columns, as if they had been seen first: no key is registered again. The keys after them are forgotten (their
   * columns are numbered again as they appear) but their interned text is kept.
   */
  restart(keep = this.names.length) {
    for (let c = keep; c < this.names.length; c++) this.keyColumn[this.codes[c]] = -1;
    this.names.length = Math.min(keep, this.names.length);
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
  reopen(fh, wanted) {
    this.fh = fh;
    this.wanted = wanted;
    return this.restart();
  }
  /** This reader's string of a key's bytes (escapes decoded), if it has met that key. */
  keySpelling(bytes, start, end) {
    const code = this.keyInterner.find(bytes, start, end);
    return code === void 0 ? void 0 : this.keyInterner.dictionary[code];
  }
  /** File offset of the next unread line. */
  get offset() {
    return this.filePos - (this.end - this.pos);
  }
  /** The next batch of up to maxRows rows (its stride is the number of columns known when it started), or null. */
  async next(maxRows = Infinity) {
    while (true) {
      if (this.filePos === 0 && !this.eof) await this.fill();
      const batchStart = this.pos;
      const startLine = this.line;
      const rows = this.parseLines(maxRows);
      if (rows > 0) {
        if (!isUtf82(this.buf.subarray(batchStart, this.pos))) this.throwInvalidUtf8(batchStart, startLine, rows);
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
            file: this.file
          });
        return null;
      }
      await this.fill();
    }
  }
  async fill() {
    const remaining = this.end - this.pos;
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
    if (this.filePos === 0 && bytesRead >= 3 && this.buf[0] === 239 && this.buf[1] === 187 && this.buf[2] === 191)
      this.pos = 3;
    this.filePos += bytesRead;
    this.end += bytesRead;
    if (bytesRead === 0) this.eof = true;
  }
  /**
   * The column of the key bytes[s, e), registered if new under `name`, or when no name is given (an unescaped key)
   * under the interner's own copy of the bytes' text: one string per key, not two.
   */
  register(bytes, s, e, name) {
    const code = this.keyInterner.intern(bytes, s, e);
    let col = this.keyColumn[code];
    if (col === void 0 || col < 0) {
      col = this.names.length;
      this.names.push(name ?? this.keyInterner.dictionary[code]);
      if (col === this.codes.length) this.codes = grownInt32Array(this.codes);
      this.codes[col] = code;
      while (code >= this.keyColumn.length) this.keyColumn = grownInt32Array(this.keyColumn, -1);
      this.keyColumn[code] = col;
    }
    return col;
  }
  ensureCells(cells) {
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
  parseLines(maxRows) {
    const buf = this.buf;
    let rows = 0;
    this.stride = this.names.length;
    while (rows < maxRows && (rows === 0 || (rows + 1) * this.stride <= BATCH_CELLS2)) {
      let lineEnd = buf.indexOf(LF2, this.pos);
      if (lineEnd < 0 || lineEnd >= this.end) {
        if (!this.eof || this.pos >= this.end) break;
        lineEnd = this.end;
      }
      if (lineEnd - this.pos > this.maxLineBytes) this.throwLineTooLong();
      let s = this.pos;
      let e = lineEnd;
      while (s < e && isWhitespace(buf[s])) s++;
      while (e > s && isWhitespace(buf[e - 1])) e--;
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
      let outcome;
      try {
        outcome = this.parseObject(buf, s, e, base, rows === 0);
      } catch (err) {
        if (!(err instanceof LineSyntaxError)) throw err;
        const loc = { file: this.file, line: this.line, row: this.rowsBefore + rows };
        if (err.key !== void 0) loc.column = err.key;
        throw new ModelguardError(
          "input",
          `${formatLocation(loc)}: ${err.message}`,
          err.nested ? "Flatten nested values into top-level keys first (e.g. pandas.json_normalize, or jq), or leave the column out with `columns`." : JSON_HINT,
          loc
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
  parseObject(buf, s, e, base, first) {
    let p = s;
    if (buf[p] !== 123)
      throw new LineSyntaxError(
        buf[p] === 91 ? "the line is a JSON array, not an object" : "the line is not a JSON object"
      );
    p = skipWs(buf, p + 1, e);
    if (buf[p] === 125 && p === e - 1) return "ok";
    while (true) {
      if (p >= e || buf[p] !== QUOTE2) throw new LineSyntaxError(`expected a quoted key at character ${p - s + 1}`);
      const ks = p + 1;
      const ke = scanString(buf, p, e, s);
      const kEscaped = jsonStringScan.escaped;
      let name = kEscaped ? JSON.parse(buf.toString("utf8", ks - 1, ke + 1)) : void 0;
      const keyBytes = name !== void 0 ? Buffer.from(name, "utf8") : buf;
      const kbS = name !== void 0 ? 0 : ks;
      const kbE = name !== void 0 ? keyBytes.length : ke;
      let col = this.keyColumn[this.keyInterner.intern(keyBytes, kbS, kbE)];
      if (col !== void 0 && col >= 0) name = this.names[col];
      else {
        if (!first) return "new-key";
        if (name === "" || name === void 0 && ke === ks)
          throw new LineSyntaxError("a key is the empty string: every column needs a name");
        col = this.register(keyBytes, kbS, kbE, name);
        name = this.names[col];
        this.stride = this.names.length;
        this.ensureCells(base + this.stride);
        this.starts[base + col] = -1;
        this.ends[base + col] = -1;
      }
      p = skipWs(buf, ke + 1, e);
      if (buf[p] !== 58 || p >= e)
        throw new LineSyntaxError(`expected ':' after key '${name}' at character ${p - s + 1}`, name);
      p = skipWs(buf, p + 1, e);
      if (p >= e) throw new LineSyntaxError(`missing value for key '${name}'`, name);
      const c = buf[p];
      if (c === QUOTE2) {
        const ve = scanString(buf, p, e, s, name);
        this.starts[base + col] = p + 1;
        this.ends[base + col] = jsonStringScan.escaped ? ~ve : ve;
        p = ve + 1;
      } else if (c === 45 || c >= 48 && c <= 57) {
        const ve = scanNumber(buf, p, e);
        if (ve < 0) throw new LineSyntaxError(`malformed number for key '${name}' at character ${p - s + 1}`, name);
        this.starts[base + col] = p;
        this.ends[base + col] = ve;
        p = ve;
      } else if (matchWord(buf, p, e, "true") || matchWord(buf, p, e, "false")) {
        const len = c === 116 ? 4 : 5;
        this.starts[base + col] = p;
        this.ends[base + col] = p + len;
        p += len;
      } else if (matchWord(buf, p, e, "null")) {
        this.starts[base + col] = -1;
        this.ends[base + col] = -1;
        p += 4;
      } else if (c === 123 || c === 91) {
        if (this.wanted(name))
          throw new LineSyntaxError(
            `key '${name}' holds a nested ${c === 123 ? "object" : "array"}; only flat objects can be loaded`,
            name,
            true
          );
        p = skipNested(buf, p, e, s, name);
        this.starts[base + col] = -1;
        this.ends[base + col] = -1;
      } else throw new LineSyntaxError(`invalid value for key '${name}' at character ${p - s + 1}`, name);
      p = skipWs(buf, p, e);
      if (p < e && buf[p] === 44) {
        p = skipWs(buf, p + 1, e);
        continue;
      }
      if (p < e && buf[p] === 125) {
        if (p !== e - 1) throw new LineSyntaxError(`text after the closing '}' at character ${p - s + 2}`);
        return "ok";
      }
      throw new LineSyntaxError(`expected ',' or '}' after the value of '${name}' at character ${p - s + 1}`, name);
    }
  }
  /** Decodes the escapes of string cells (end = ~end) in place: the text only shrinks. */
  unescapeStrings(rows) {
    const n = rows * this.stride;
    for (let i = 0; i < n; i++) {
      const e = this.ends[i];
      if (e >= -1) continue;
      this.ends[i] = unescapeJsonInPlace(this.buf, this.starts[i], ~e);
    }
  }
  error(message, hint, line, column) {
    const loc = { file: this.file, line };
    if (column !== void 0) loc.column = column;
    return new ModelguardError("input", `${formatLocation(loc)}: ${message}`, hint, loc);
  }
  throwLineTooLong() {
    throw this.error(
      `the line is longer than ${formatBytes(this.maxLineBytes)}`,
      `Each line holds one record, a JSON object. A line this long is usually not JSON Lines (e.g. one JSON array of all records: convert it with \`jq -c '.[]'\`); if it is real, the limit is maxFieldBytes in the load options (default ${formatBytes(MAX_FIELD_BYTES)}).`,
      this.line
    );
  }
  throwInvalidUtf8(batchStart, startLine, rows) {
    const bad = findInvalidUtf8(this.buf, batchStart, this.pos);
    let line = startLine;
    for (let p = batchStart; p < bad; p++) if (this.buf[p] === LF2) line++;
    let column;
    for (let i = 0; i < rows * this.stride; i++) {
      const s = this.starts[i];
      const e = this.ends[i] < -1 ? ~this.ends[i] : this.ends[i];
      if (s >= 0 && bad >= s && bad < e) column = this.names[i % this.stride];
    }
    throw this.error(
      `the bytes are not valid UTF-8 (0x${this.buf[bad].toString(16).toUpperCase().padStart(2, "0")})`,
      "Re-encode the file as UTF-8, e.g. `iconv -f latin1 -t utf-8 in.jsonl > out.jsonl`.",
      line,
      column
    );
  }
};
function isWhitespace(b) {
  return b === 32 || b === 9 || b === CR2 || b === LF2;
}
function skipWs(buf, p, e) {
  while (p < e && isWhitespace(buf[p])) p++;
  return p;
}
function matchWord(buf, p, e, word) {
  if (e - p < word.length) return false;
  for (let i = 0; i < word.length; i++) if (buf[p + i] !== word.charCodeAt(i)) return false;
  const after = buf[p + word.length];
  return p + word.length === e || after === 44 || after === 125 || isWhitespace(after);
}
function scanString(buf, q, e, lineStart, key) {
  const close = scanJsonString(buf, q, e);
  if (close >= 0) return close;
  const at = jsonStringScan.at - lineStart + 1;
  if (close === STRING_BAD_ESCAPE) throw badEscape(jsonStringScan.at, lineStart, key);
  if (close === STRING_CONTROL_CHARACTER)
    throw new LineSyntaxError(`a control character inside a string at character ${at}`, key);
  throw new LineSyntaxError(`a string that opens at character ${at} is never closed`, key);
}
function badEscape(p, lineStart, key) {
  return new LineSyntaxError(`invalid escape sequence at character ${p - lineStart + 1}`, key);
}
function hexValue(c) {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 32;
  return l >= 97 && l <= 102 ? l - 87 : -1;
}
function scanNumber(buf, p, e) {
  if (buf[p] === 45) p++;
  if (p >= e) return -1;
  if (buf[p] === 48) p++;
  else if (buf[p] >= 49 && buf[p] <= 57) while (p < e && buf[p] >= 48 && buf[p] <= 57) p++;
  else return -1;
  if (p < e && buf[p] === 46) {
    p++;
    const f = p;
    while (p < e && buf[p] >= 48 && buf[p] <= 57) p++;
    if (p === f) return -1;
  }
  if (p < e && (buf[p] === 101 || buf[p] === 69)) {
    p++;
    if (p < e && (buf[p] === 43 || buf[p] === 45)) p++;
    const x = p;
    while (p < e && buf[p] >= 48 && buf[p] <= 57) p++;
    if (p === x) return -1;
  }
  if (p < e && !(buf[p] === 44 || buf[p] === 125 || isWhitespace(buf[p]))) return -1;
  return p;
}
function skipNested(buf, p, e, lineStart, key) {
  let depth = 0;
  while (p < e) {
    const c = buf[p];
    if (c === QUOTE2) {
      p = scanString(buf, p, e, lineStart, key) + 1;
      continue;
    }
    if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      depth--;
      if (depth === 0) return p + 1;
    }
    p++;
  }
  throw new LineSyntaxError(`the nested value of key '${key}' is never closed`, key);
}
function unescapeJsonInPlace(buf, s, e) {
  let w = s;
  let r = s;
  while (r < e) {
    const c = buf[r];
    if (c !== BACKSLASH) {
      buf[w++] = c;
      r++;
      continue;
    }
    const n = buf[r + 1];
    r += 2;
    switch (n) {
      case 98:
        buf[w++] = 8;
        break;
      case 102:
        buf[w++] = 12;
        break;
      case 110:
        buf[w++] = 10;
        break;
      case 114:
        buf[w++] = 13;
        break;
      case 116:
        buf[w++] = 9;
        break;
      case 117: {
        let cp = hex4(buf, r);
        r += 4;
        if (cp >= 55296 && cp <= 56319 && buf[r] === BACKSLASH && buf[r + 1] === 117) {
          const lo = hex4(buf, r + 2);
          if (lo >= 56320 && lo <= 57343) {
            cp = 65536 + (cp - 55296 << 10) + (lo - 56320);
            r += 6;
          }
        }
        if (cp >= 55296 && cp <= 57343) cp = 65533;
        if (cp < 128) buf[w++] = cp;
        else if (cp < 2048) {
          buf[w++] = 192 | cp >> 6;
          buf[w++] = 128 | cp & 63;
        } else if (cp < 65536) {
          buf[w++] = 224 | cp >> 12;
          buf[w++] = 128 | cp >> 6 & 63;
          buf[w++] = 128 | cp & 63;
        } else {
          buf[w++] = 240 | cp >> 18;
          buf[w++] = 128 | cp >> 12 & 63;
          buf[w++] = 128 | cp >> 6 & 63;
          buf[w++] = 128 | cp & 63;
        }
        break;
      }
      default:
        buf[w++] = n;
    }
  }
  return w;
}
function hex4(buf, p) {
  return hexValue(buf[p]) << 12 | hexValue(buf[p + 1]) << 8 | hexValue(buf[p + 2]) << 4 | hexValue(buf[p + 3]);
}

// src/data/jsonlReader.ts
function wantedColumn(options) {
  const columns = options.columns;
  return columns ? (name) => columns.has(name) : () => true;
}
function planFor(name, source, options, inferred) {
  const forced = options.types.get(name);
  return { name, source, type: forced ?? inferred, forced: forced !== void 0 };
}
async function inferJsonl(reader, options, fixTypes = false) {
  const wanted = wantedColumn(options);
  const inferences = new ColumnTypeInferences(options.na, true);
  const sources = [];
  let known = 0;
  let rows = 0;
  while (rows < INFERENCE_ROWS) {
    const batch = await reader.next(INFERENCE_ROWS - rows);
    if (!batch) break;
    const { bytes, starts, ends, stride } = batch;
    for (; known < stride; known++) {
      const name = reader.names[known];
      if (wanted(name) && !options.types.has(name)) inferences.open(sources.push(known) - 1);
    }
    for (let k = 0; k < sources.length; k++)
      inferences.addCells(k, bytes, starts, ends, sources[k], stride, batch.rows);
    rows += batch.rows;
  }
  known = reader.names.length;
  const sampleBytes = reader.offset;
  const valueless = [];
  if (fixTypes) {
    for (let k = 0; k < sources.length; k++) if (inferences.nonMissing(k) === 0) valueless.push(k);
  }
  for (let open = valueless.length > 0; open; ) {
    const batch = await reader.next();
    if (!batch) break;
    const { bytes, starts, ends, stride } = batch;
    open = false;
    for (const k of valueless) {
      if (inferences.nonMissing(k) === 0) inferences.track(k);
      inferences.addCells(k, bytes, starts, ends, sources[k], stride, batch.rows);
      if (inferences.nonMissing(k) < INFERENCE_ROWS) open = true;
    }
  }
  const rereads = inferences.rereads;
  if (rereads.length > 0) {
    reader.restart(known);
    for (let left = rows; left > 0; ) {
      const batch = await reader.next(left);
      if (!batch) break;
      const { bytes, starts, ends, stride } = batch;
      for (const k of rereads) inferences.addDistinctCells(k, bytes, starts, ends, sources[k], stride, batch.rows);
      left -= batch.rows;
    }
  }
  const plans = [];
  for (let source = 0, k = 0; source < known; source++) {
    const name = reader.names[source];
    if (!wanted(name)) continue;
    const open = sources[k] === source;
    const type = !open ? null : inferences.nonMissing(k) > 0 ? inferences.result(k) : fixTypes ? "number" : null;
    if (open) k++;
    plans.push(planFor(name, source, options, type));
  }
  reader.restart(known);
  return { known, plans, sampleRows: rows, sampleBytes };
}
async function assemble(reader, assembler, options, from, maxRows = Infinity, maxCells = Infinity) {
  const wanted = wantedColumn(options);
  let seen = from;
  while (assembler.rows < maxRows) {
    const columns = Math.max(1, assembler.plans.length);
    const cellRows = Math.floor((maxCells - assembler.rows * columns) / columns);
    if (cellRows < 1 && assembler.rows > 0) return { more: true, seen };
    const batch = await reader.next(Math.max(1, Math.min(maxRows - assembler.rows, cellRows)));
    if (!batch) return { more: false, seen };
    for (; seen < reader.names.length; seen++) {
      const name = reader.names[seen];
      if (wanted(name)) assembler.addPlan(planFor(name, seen, options, null));
    }
    assembler.add(batch);
  }
  return { more: true, seen };
}
async function loadJsonl(file, options) {
  const fh = await openDataSource(file, options.decompression);
  try {
    return await loadJsonlWith(newReader2(fh, file, options), fh, file, options);
  } finally {
    await fh.close();
  }
}
function newReader2(fh, file, options, sharedWith) {
  return new JsonlRecordReader(fh, file, wantedColumn(options), options.maxFieldBytes, sharedWith);
}
async function loadJsonlWith(reader, fh, file, options) {
  const { known, plans, sampleRows, sampleBytes } = await inferJsonl(reader, options);
  const size = await fh.estimatedSize();
  const capacity = sampleRows < INFERENCE_ROWS ? sampleRows : Math.ceil(size / Math.max(1, sampleBytes) * sampleRows * 1.02) + 64;
  const main = new TableAssembler(plans, "infer", options.na, capacity);
  await assemble(reader, main, options, known);
  const columns = main.finish();
  const reread = [];
  for (let k = 0; k < columns.length; k++) if (columns[k] === null) reread.push({ ...main.plans[k], type: null });
  if (reread.length > 0) {
    const text = new TableAssembler(reread, "infer", options.na, main.rows);
    await assemble(reader.restart(), text, options, reader.names.length);
    const textColumns = text.finish();
    let j = 0;
    for (let k = 0; k < columns.length; k++) if (columns[k] === null) columns[k] = textColumns[j++];
  }
  return { source: file, rowCount: main.rows, columns };
}
async function* scanJsonl(file, options, maxChunkRows, chunkCells) {
  const fh = await openDataSource(file, options.decompression);
  try {
    yield* scanJsonlWith(newReader2(fh, file, options), file, options, maxChunkRows, chunkCells);
  } finally {
    await fh.close();
  }
}
async function* scanJsonlWith(reader, file, options, maxChunkRows, chunkCells) {
  const inferred = await inferJsonl(reader, options, true);
  let rowsLeft = inferred.sampleRows < INFERENCE_ROWS ? inferred.sampleRows : -1;
  let known = inferred.plans;
  let seen = inferred.known;
  let yielded = false;
  while (true) {
    const chunkRows = rowsPerChunk(maxChunkRows, chunkCells, known.length);
    const capacity = rowsLeft >= 0 ? Math.min(chunkRows, rowsLeft) : initialRows(chunkRows, known.length);
    const chunk = new TableAssembler(known, "fixed", options.na, capacity, chunkRows);
    const assembled = await assemble(reader, chunk, options, seen, chunkRows, chunkCells);
    const more = assembled.more;
    seen = assembled.seen;
    known = chunk.plans;
    if (rowsLeft >= 0) rowsLeft = Math.max(0, rowsLeft - chunk.rows);
    if (chunk.rows > 0 || !yielded) {
      yielded = true;
      yield { source: file, rowCount: chunk.rows, columns: chunk.finish() };
    }
    if (!more) return;
  }
}
async function jsonlColumnNames(file, options) {
  const fh = await openDataSource(file, options.decompression);
  try {
    const reader = new JsonlRecordReader(fh, file, () => false, options.maxFieldBytes);
    while (await reader.next()) ;
    return [...reader.names];
  } finally {
    await fh.close();
  }
}
function initialRows(chunkRows, columns) {
  return Math.min(chunkRows, 1024, Math.max(16, Math.floor(INITIAL_CHUNK_CELLS / Math.max(1, columns))));
}
var INITIAL_CHUNK_CELLS = 1 << 16;

// src/data/loadDataFile.ts
async function loadDataFile(path, resolved) {
  switch (resolved.format) {
    case "csv":
      return loadCsv(path, resolved);
    case "jsonl":
      return loadJsonl(path, resolved);
    case "parquet":
      return (await parquetReader()).loadParquet(path, resolved);
  }
}
async function* scanDataFile(path, resolved, chunkRows, chunkCells) {
  switch (resolved.format) {
    case "csv":
      return yield* scanCsv(path, resolved, chunkRows, chunkCells);
    case "jsonl":
      return yield* scanJsonl(path, resolved, chunkRows, chunkCells);
    case "parquet":
      return yield* (await parquetReader()).scanParquet(path, resolved, chunkRows, chunkCells);
  }
}
async function dataFileColumnNames(path, resolved) {
  switch (resolved.format) {
    case "csv":
      return csvColumnNames(path, resolved);
    case "jsonl":
      return jsonlColumnNames(path, resolved);
    case "parquet":
      return (await parquetReader()).parquetColumnNames(path);
  }
}
function parquetReader() {
  return import("./parquetReader-GNZWQGZZ.js");
}

// src/data/concatTables.ts
function isValueless(c) {
  if (c.kind === "dictionary") return c.codes.every((code) => code < 0);
  return c.invalid.size === 0 && c.valid.every((v) => v === 0);
}
function isText(t) {
  return t === "category" || t === "string";
}
function columnSetError(shard, first, name, missing) {
  return new ModelguardError(
    "input",
    missing ? `${shard.file}: the shard has no column '${name}', which ${first.file} has` : `${shard.file}: the shard has a column '${name}' that ${first.file} lacks`,
    "Every shard of a dataset has the same columns: rewrite the odd shard, or leave the column out with --columns.",
    { file: shard.file, column: name }
  );
}
function columnNames(shards, format) {
  const first = shards[0];
  const names = [...first.columns.keys()];
  const known = new Set(names);
  for (const shard of shards.slice(1)) {
    for (const name of shard.columns.keys())
      if (!known.has(name)) {
        if (format !== "jsonl") throw columnSetError(shard, first, name, false);
        known.add(name);
        names.push(name);
      }
    if (format !== "jsonl") {
      for (const name of names) if (!shard.columns.has(name)) throw columnSetError(shard, first, name, true);
    }
  }
  return names;
}
function unifiedType(shards, name, forced) {
  if (forced !== void 0) return forced;
  let type = null;
  let from = null;
  let fallback = null;
  for (const shard of shards) {
    const c = shard.columns.get(name);
    if (!c) continue;
    fallback ??= c.type;
    if (isValueless(c)) continue;
    if (type === null || type === c.type) {
      type ??= c.type;
      from ??= shard;
      continue;
    }
    if ((type === "integer" || type === "number") && (c.type === "integer" || c.type === "number")) type = "number";
    else if (isText(type) && isText(c.type)) type = "string";
    else
      throw new ModelguardError(
        "input",
        `${shard.file}, column '${name}': the shard's values are ${c.type} but ${from.file} has ${type} values`,
        `Make the shards agree, or force the column's type with a schema (e.g. \`${name}: {type: string}\`) so every shard reads it the same way.`,
        { file: shard.file, column: name }
      );
  }
  return type ?? fallback ?? "number";
}
function concatNumeric(shards, name, type, total) {
  const values = new Float64Array(total);
  const valid = new Uint8Array(total);
  const invalid = /* @__PURE__ */ new Map();
  let at = 0;
  for (const shard of shards) {
    const c = shard.columns.get(name);
    shard.columns.delete(name);
    if (c?.kind === "numeric") {
      values.set(c.values, at);
      valid.set(c.valid, at);
      for (const [row, text] of c.invalid) invalid.set(at + row, text);
    } else values.fill(NaN, at, at + shard.rowCount);
    at += shard.rowCount;
  }
  return { kind: "numeric", name, type, values, valid, invalid };
}
function concatDictionary(shards, name, type, total, forced) {
  const codes = new Int32Array(total).fill(-1);
  const dictionary = [];
  const index = /* @__PURE__ */ new Map();
  let nonMissing = 0;
  let at = 0;
  for (const shard of shards) {
    const c = shard.columns.get(name);
    shard.columns.delete(name);
    if (c?.kind === "dictionary") {
      const remap = c.dictionary.map((text2) => {
        let code = index.get(text2);
        if (code === void 0) {
          code = dictionary.length;
          dictionary.push(text2);
          index.set(text2, code);
        }
        return code;
      });
      for (let i = 0; i < c.codes.length; i++) {
        const code = c.codes[i];
        if (code >= 0) {
          codes[at + i] = remap[code];
          nonMissing++;
        }
      }
    }
    at += shard.rowCount;
  }
  const text = forced ? type : isCategoryCardinality(dictionary.length, nonMissing) ? "category" : "string";
  return { kind: "dictionary", name, type: text, codes, dictionary };
}
function concatTables(source, shards, format, forced) {
  const names = columnNames(shards, format);
  const total = shards.reduce((n, s) => n + s.rowCount, 0);
  const columns = names.map((name) => {
    const type = unifiedType(shards, name, forced.get(name));
    return isText(type) ? concatDictionary(shards, name, type, total, forced.has(name)) : concatNumeric(shards, name, type, total);
  });
  return { source, rowCount: total, columns };
}

// src/data/partitionColumns.ts
function partitionTypes(dataset, forced, na) {
  const types = /* @__PURE__ */ new Map();
  dataset.partitionKeys.forEach((key, k) => {
    const given = forced.get(key);
    if (given !== void 0) {
      types.set(key, given);
      return;
    }
    const inference = new ColumnTypeInference(na);
    for (const shard of dataset.shards) inference.addText(shard.partitions[k][1]);
    const type = inference.result();
    types.set(
      key,
      type === "category" || type === "string" ? inference.distinctCount <= CATEGORY_MAX_DISTINCT ? "category" : "string" : type
    );
  });
  return types;
}
function numericValue(text, type) {
  switch (type) {
    case "integer": {
      const v = parseNumber(text);
      return v !== null && Number.isSafeInteger(v) ? v : NaN;
    }
    case "number":
      return parseNumber(text) ?? NaN;
    case "boolean": {
      const b = Buffer.from(text.trim(), "utf8");
      return parseBooleanBytes(b, 0, b.length);
    }
    case "datetime":
      return parseDatetime(text) ?? NaN;
    default:
      return NaN;
  }
}
function partitionColumn(shard, k, type, rows, na) {
  const [key, raw] = shard.partitions[k];
  const bytes = raw === null ? null : Buffer.from(raw, "utf8");
  const text = raw === null || na.matches(bytes, 0, bytes.length) ? null : raw;
  if (type === "category" || type === "string")
    return {
      kind: "dictionary",
      name: key,
      type,
      codes: new Int32Array(rows).fill(text === null ? -1 : 0),
      dictionary: text === null ? [] : [text]
    };
  const value = text === null ? NaN : numericValue(text, type);
  if (text !== null && value !== value)
    throw new ModelguardError(
      "input",
      `${shard.file}: the partition value ${key}=${text} is not a${type === "integer" ? "n" : ""} ${type}`,
      `The ${key} column is ${type} (forced, or inferred from the other partitions): rename the directory, or force the type "string".`,
      { file: shard.file, column: key }
    );
  return {
    kind: "numeric",
    name: key,
    type,
    values: new Float64Array(rows).fill(value),
    valid: new Uint8Array(rows).fill(text === null ? 0 : 1),
    invalid: /* @__PURE__ */ new Map()
  };
}

// src/data/loadDataset.ts
function shardOptions(dataset, options) {
  const resolved = dataset.shards.map((s) => resolveLoadOptions(s.file, options));
  const format = resolved[0].format;
  resolved.forEach((r, i) => {
    if (r.format !== format)
      throw new ModelguardError(
        "input",
        `${dataset.shards[i].file}: a ${r.format} shard in a dataset whose first shard, ${dataset.shards[0].file}, is ${format}`,
        "Keep one format per dataset (a glob such as data/*.parquet picks one).",
        { file: dataset.shards[i].file }
      );
  });
  return resolved;
}
function wantedPartitions(dataset, resolved) {
  const types = partitionTypes(dataset, resolved.types, resolved.na);
  return dataset.partitionKeys.flatMap(
    (key, k) => resolved.columns && !resolved.columns.has(key) ? [] : [{ key, k, type: types.get(key) }]
  );
}
function checkNoClash(shard, names, keys) {
  for (const name of names)
    if (keys.includes(name))
      throw new ModelguardError(
        "input",
        `${shard.file}: the column '${name}' is also a partition key (a ${name}=... directory)`,
        "Drop the column from the files or rename the partition directories: a name can be one or the other.",
        { file: shard.file, column: name }
      );
}
async function loadDataset(dataset, options) {
  const resolved = shardOptions(dataset, options);
  const partitions = wantedPartitions(dataset, resolved[0]);
  const keys = partitions.map((p) => p.key);
  const shards = [];
  for (let i = 0; i < dataset.shards.length; i++) {
    const shard = dataset.shards[i];
    const table = await loadDataFile(shard.file, resolved[i]);
    checkNoClash(
      shard,
      table.columns.map((c) => c.name),
      keys
    );
    const columns = new Map(table.columns.map((c) => [c.name, c]));
    for (const p of partitions)
      columns.set(p.key, partitionColumn(shard, p.k, p.type, table.rowCount, resolved[0].na));
    shards.push({ file: shard.file, rowCount: table.rowCount, columns });
  }
  const forced = new Map(resolved[0].types);
  for (const p of partitions) forced.set(p.key, p.type);
  return concatTables(dataset.spec, shards, resolved[0].format, forced);
}
async function* scanDataset(dataset, options, chunkRows, chunkCells) {
  const resolved = shardOptions(dataset, options);
  const partitions = wantedPartitions(dataset, resolved[0]);
  const keys = partitions.map((p) => p.key);
  const format = resolved[0].format;
  let fixed = null;
  let names = [];
  for (let i = 0; i < dataset.shards.length; i++) {
    const shard = dataset.shards[i];
    const opts = fixed ? { ...resolved[i], types: fixed } : resolved[i];
    for await (const chunk of scanDataFile(shard.file, opts, chunkRows, chunkCells)) {
      let columns = [...chunk.columns];
      if (fixed === null) {
        checkNoClash(
          shard,
          columns.map((c) => c.name),
          keys
        );
        fixed = new Map(resolved[0].types);
        for (const c of columns) fixed.set(c.name, c.type);
        names = columns.map((c) => c.name);
      } else {
        checkNoClash(
          shard,
          columns.map((c) => c.name),
          keys
        );
        if (format !== "jsonl") columns = inFirstShardOrder(shard, dataset.shards[0], columns, names);
      }
      for (const p of partitions) columns.push(partitionColumn(shard, p.k, p.type, chunk.rowCount, resolved[0].na));
      yield { source: chunk.source, rowCount: chunk.rowCount, columns };
    }
  }
}
function inFirstShardOrder(shard, first, columns, names) {
  const byName = new Map(columns.map((c) => [c.name, c]));
  for (const c of columns)
    if (!names.includes(c.name))
      throw new ModelguardError(
        "input",
        `${shard.file}: the shard has a column '${c.name}' that ${first.file} lacks`,
        "Every shard of a dataset has the same columns: rewrite the odd shard, or leave the column out with --columns.",
        { file: shard.file, column: c.name }
      );
  return names.map((name) => {
    const c = byName.get(name);
    if (!c)
      throw new ModelguardError(
        "input",
        `${shard.file}: the shard has no column '${name}', which ${first.file} has`,
        "Every shard of a dataset has the same columns: rewrite the odd shard, or leave the column out with --columns.",
        { file: shard.file, column: name }
      );
    return c;
  });
}
async function datasetColumnNames(dataset, options) {
  const resolved = shardOptions(dataset, options);
  return [...await dataFileColumnNames(dataset.shards[0].file, resolved[0]), ...dataset.partitionKeys];
}

// src/data/resolveDataset.ts
import { opendir, stat } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
var MAX_SHARDS = 1e4;
var MAX_LISTED_ENTRIES = 1e6;
var HIVE_NULL = "__HIVE_DEFAULT_PARTITION__";
var DATA_EXTENSIONS = [".csv", ".tsv", ".jsonl", ".ndjson", ".parquet"];
function isDataFile(name) {
  const plain = withoutCompression(name).toLowerCase();
  return DATA_EXTENSIONS.some((ext) => plain.endsWith(ext));
}
var GLOB_CHARS = /[*?[{]/;
function globToRegExp(pattern) {
  let re = "";
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*") {
      if (pattern[i + 1] === "*") {
        const slash = pattern[i + 2] === "/";
        re += slash ? "(?:[^/]*/)*" : ".*";
        i += slash ? 2 : 1;
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const close = pattern.indexOf("]", i + 2);
      if (close < 0) re += "\\[";
      else {
        let body = pattern.slice(i + 1, close).replace(/\\/g, "\\\\");
        if (body.startsWith("!")) body = "^" + body.slice(1);
        re += `[${body}]`;
        i = close;
      }
    } else if (c === "{") {
      braces++;
      re += "(?:";
    } else if (c === "}" && braces > 0) {
      braces--;
      re += ")";
    } else if (c === "," && braces > 0) re += "|";
    else re += c.replace(/[.+^$()|\\\]{}]/g, "\\$&");
  }
  return new RegExp(`^${re}${")".repeat(braces)}$`);
}
function listingError(spec, message, hint) {
  return new ModelguardError("input", `${spec}: ${message}`, hint, { file: spec });
}
async function walk(spec, root, accept) {
  const found = [];
  let seen = 0;
  const visit = async (dir) => {
    let handle;
    try {
      handle = await opendir(dir);
    } catch (e) {
      throw listingError(spec, `cannot list ${dir} (${e.message})`, "Check the path and its permissions.");
    }
    const subdirs = [];
    for await (const entry of handle) {
      if (++seen > MAX_LISTED_ENTRIES)
        throw listingError(
          spec,
          `more than ${MAX_LISTED_ENTRIES} entries to look at`,
          "Name a narrower directory or glob (e.g. data/date=2026-12-*/*.parquet)."
        );
      if (entry.name.startsWith(".") || entry.name.startsWith("_")) continue;
      const path = join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await stat(path).catch(() => null);
        isDir = target?.isDirectory() ?? false;
        isFile = target?.isFile() ?? false;
      }
      if (isDir) subdirs.push(path);
      else if (isFile) {
        const rel = relative(root, path).split(sep).join("/");
        if (!accept(rel)) continue;
        found.push(rel);
        if (found.length > MAX_SHARDS)
          throw listingError(
            spec,
            `more than ${MAX_SHARDS} shard files`,
            "Compact the shards into fewer, larger files, or name a subset with a glob."
          );
      }
    }
    for (const sub of subdirs) await visit(sub);
  };
  await visit(root);
  return found.sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
}
function partitionsOf(rel) {
  const dirs = rel.split("/").slice(0, -1);
  const out = [];
  for (const dir of dirs) {
    const eq = dir.indexOf("=");
    if (eq <= 0) continue;
    const raw = dir.slice(eq + 1);
    let value;
    try {
      value = decodeURIComponent(raw);
    } catch {
      value = raw;
    }
    out.push([dir.slice(0, eq), value === HIVE_NULL || value === "" ? null : value]);
  }
  return out;
}
function withPartitions(spec, root, rels) {
  const shards = rels.map((rel) => ({ file: join(root, ...rel.split("/")), partitions: partitionsOf(rel) }));
  const keys = shards[0].partitions.map(([k]) => k);
  for (const shard of shards) {
    const own = shard.partitions.map(([k]) => k);
    if (own.length !== keys.length || own.some((k, i) => k !== keys[i]))
      throw new ModelguardError(
        "input",
        `${shard.file}: its partition directories (${own.join("/") || "none"}) differ from those of ${shards[0].file} (${keys.join("/") || "none"})`,
        "Every shard of a Hive-partitioned dataset sits under the same key=value directories, in the same order.",
        { file: shard.file }
      );
  }
  if (new Set(keys).size !== keys.length)
    throw new ModelguardError(
      "input",
      `${shards[0].file}: the partition key '${keys.find((k, i) => keys.indexOf(k) !== i)}' appears twice in its path`,
      "Name each partition key once.",
      { file: shards[0].file }
    );
  return { spec, root, shards, partitionKeys: keys };
}
async function resolveDataset(spec) {
  const st = await stat(spec).catch(() => null);
  if (st?.isDirectory()) {
    const rels2 = await walk(spec, spec, isDataFile);
    if (rels2.length === 0)
      throw listingError(
        spec,
        "the directory holds no data files",
        "A dataset directory holds .csv, .tsv, .jsonl, .ndjson or .parquet files (CSV and JSONL may end in .gz or .zst), at any depth; names starting with '.' or '_' are skipped."
      );
    return withPartitions(spec, spec, rels2);
  }
  if (st !== null || !GLOB_CHARS.test(spec))
    return { spec, root: dirname(spec), shards: [{ file: spec, partitions: [] }], partitionKeys: [] };
  const segments = spec.split(/[\\/]/);
  const firstGlob = segments.findIndex((s) => GLOB_CHARS.test(s));
  const rootSegments = segments.slice(0, firstGlob);
  const root = rootSegments.length === 0 ? "." : rootSegments.join("/") || "/";
  const pattern = globToRegExp(segments.slice(firstGlob).join("/"));
  const rootStat = await stat(root).catch(() => null);
  const rels = rootStat?.isDirectory() ? await walk(spec, root, (rel) => pattern.test(rel)) : [];
  if (rels.length === 0)
    throw listingError(
      spec,
      "no file matches this glob",
      "Check the pattern: * matches within one directory, ** any number of directories (quote the pattern so the shell does not expand it)."
    );
  return withPartitions(spec, root, rels);
}

// src/data/loadTable.ts
function singleFile(dataset) {
  return dataset.shards.length === 1 && dataset.partitionKeys.length === 0 ? dataset.shards[0].file : null;
}
async function loadTable(path, options) {
  const dataset = await resolveDataset(path);
  const file = singleFile(dataset);
  if (file === null) return loadDataset(dataset, options);
  return loadDataFile(file, resolveLoadOptions(file, options));
}
async function* scanTable(path, options) {
  const chunkRows = Math.max(1, Math.floor(options?.chunkRows ?? 1e5));
  const chunkCells = Math.max(1, Math.floor(options?.chunkCells ?? SCAN_CHUNK_CELLS));
  const dataset = await resolveDataset(path);
  const file = singleFile(dataset);
  if (file === null) return yield* scanDataset(dataset, options, chunkRows, chunkCells);
  return yield* scanDataFile(file, resolveLoadOptions(file, options), chunkRows, chunkCells);
}
async function readColumnNames(path, options) {
  const dataset = await resolveDataset(path);
  const file = singleFile(dataset);
  if (file === null) return datasetColumnNames(dataset, options);
  return dataFileColumnNames(file, resolveLoadOptions(file, options));
}

export {
  readCsvHeader,
  newReader,
  loadCsvColumns,
  scanRecords,
  planCsvScan,
  scanCsvRange,
  newReader2,
  loadJsonlWith,
  scanJsonlWith,
  resolveDataset,
  loadTable,
  scanTable,
  readColumnNames
};
