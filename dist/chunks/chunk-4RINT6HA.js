import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  QuantileSketch
} from "./chunk-J3THV3KH.js";
import {
  ModelguardError,
  formatLocation
} from "./chunk-SJ6FC7J3.js";

// src/stats/radixSortFloat64.ts
function radixSortFloat64(values) {
  const copy = values.slice();
  radixSortFloat64InPlace(copy);
  return copy;
}
var LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
function radixSortFloat64InPlace(values, scratch) {
  const n = values.length;
  if (n < 512) {
    values.sort();
    return;
  }
  if (scratch && scratch.length < n) throw new RangeError("scratch is shorter than values");
  const other = scratch ?? new Float64Array(n);
  let a = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  let b = new Uint32Array(other.buffer, other.byteOffset, n * 2);
  const lo = LITTLE_ENDIAN ? 0 : 1;
  const hi = 1 - lo;
  const counts = new Uint32Array(65536 * 4);
  for (let i = 0; i < n; i++) {
    let l = a[2 * i + lo];
    let h = a[2 * i + hi];
    if (h & 2147483648) {
      l = ~l >>> 0;
      h = ~h >>> 0;
    } else {
      h = (h ^ 2147483648) >>> 0;
    }
    a[2 * i + lo] = l;
    a[2 * i + hi] = h;
    counts[l & 65535]++;
    counts[65536 + (l >>> 16)]++;
    counts[131072 + (h & 65535)]++;
    counts[196608 + (h >>> 16)]++;
  }
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? lo : hi;
    const shift = (pass & 1) * 16;
    const base = pass * 65536;
    if (counts[base + (a[word] >>> shift & 65535)] === n) continue;
    let sum = 0;
    for (let d = base; d < base + 65536; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const x0 = a[2 * i];
      const x1 = a[2 * i + 1];
      const j = counts[base + (a[2 * i + word] >>> shift & 65535)]++;
      b[2 * j] = x0;
      b[2 * j + 1] = x1;
    }
    const t = a;
    a = b;
    b = t;
  }
  if (a.buffer !== values.buffer || a.byteOffset !== values.byteOffset) {
    b.set(a);
    a = b;
  }
  for (let i = 0; i < n; i++) {
    const h = a[2 * i + hi];
    if (h & 2147483648) {
      a[2 * i + hi] = h ^ 2147483648;
    } else {
      a[2 * i + lo] = ~a[2 * i + lo];
      a[2 * i + hi] = ~h;
    }
  }
}

// src/stats/ldexp.ts
function ldexp(x, e) {
  if (e > 1023) {
    x *= TWO_P1023;
    e -= 1023;
    if (e > 1023) {
      x *= TWO_P1023;
      e -= 1023;
      if (e > 1023) e = 1023;
    }
  } else if (e < -1022) {
    x *= TWO_M969;
    e += 969;
    if (e < -1022) {
      x *= TWO_M969;
      e += 969;
      if (e < -1022) e = -1022;
    }
  }
  return x * POW2[e + 1022];
}
var TWO_P1023 = Math.pow(2, 1023);
var TWO_M969 = Math.pow(2, -969);
var POW2 = Float64Array.from({ length: 2046 }, (_, i) => Math.pow(2, i - 1022));

// src/stats/scaledMoments.ts
var EMPTY_MOMENTS = { n: 0, mean: NaN, exponent: 0, m2s: 0 };
function binaryExponent(x) {
  const a = Math.abs(x);
  let e = Math.floor(Math.log2(a));
  if (ldexp(1, e) > a) e--;
  else if (ldexp(1, e + 1) <= a) e++;
  return e;
}
function scaledMoments(values, valid) {
  let n = 0;
  let maxAbs = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (valid && valid[i] === 0 || !Number.isFinite(x)) continue;
    n++;
    const a = Math.abs(x);
    if (a > maxAbs) maxAbs = a;
  }
  if (n === 0) return EMPTY_MOMENTS;
  const ev = maxAbs > 0 ? binaryExponent(maxAbs) : 0;
  const sv = ldexp(1, ev);
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (valid && valid[i] === 0 || !Number.isFinite(x)) continue;
    sum += x / sv;
  }
  const meanY = sum / n;
  let maxDev = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (valid && valid[i] === 0 || !Number.isFinite(x)) continue;
    const d = Math.abs(x / sv - meanY);
    if (d > maxDev) maxDev = d;
  }
  const ed = maxDev > 0 ? binaryExponent(maxDev) : 0;
  const sd = ldexp(1, ed);
  let m2s = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (valid && valid[i] === 0 || !Number.isFinite(x)) continue;
    const d = (x / sv - meanY) / sd;
    m2s += d * d;
  }
  return { n, mean: ldexp(meanY, ev), exponent: ev + ed, m2s };
}
function mergeScaledMoments(a, b) {
  if (a.n === 0) return b;
  if (b.n === 0) return a;
  const n = a.n + b.n;
  const delta = b.mean - a.mean;
  let step = delta * b.n / n;
  if (!Number.isFinite(step)) step = delta * (b.n / n);
  const mean = Number.isFinite(step) ? a.mean + step : a.mean * (a.n / n) + b.mean * (b.n / n);
  const half = b.mean / 2 - a.mean / 2;
  let exponent = -Infinity;
  if (a.m2s > 0) exponent = a.exponent;
  if (b.m2s > 0) exponent = Math.max(exponent, b.exponent);
  if (half !== 0) exponent = Math.max(exponent, binaryExponent(half) + 1);
  if (exponent === -Infinity) return { n, mean, exponent: 0, m2s: 0 };
  const d = ldexp(half, 1 - exponent);
  const m2s = ldexp(a.m2s, 2 * (a.exponent - exponent)) + ldexp(b.m2s, 2 * (b.exponent - exponent)) + d * d * a.n * b.n / n;
  return { n, mean, exponent, m2s };
}
function momentsStd(m, ddof) {
  if (m.n <= ddof) return null;
  return ldexp(Math.sqrt(m.m2s / (m.n - ddof)), m.exponent);
}
function momentsM2(m) {
  return ldexp(m.m2s, 2 * m.exponent);
}
function momentsFrom(n, mean, m2, std) {
  if (n === 0 || mean === null) return EMPTY_MOMENTS;
  if (Number.isFinite(m2) && m2 >= MIN_PRECISE) {
    const exponent = Math.floor(binaryExponent(m2) / 2);
    return { n, mean, exponent, m2s: ldexp(m2, -2 * exponent) };
  }
  if (std === Infinity) return { n, mean, exponent: 0, m2s: Infinity };
  if (std !== null && std > 0 && n > 1) {
    const exponent = binaryExponent(std);
    const r = ldexp(std, -exponent);
    return { n, mean, exponent, m2s: r * r * (n - 1) };
  }
  return { n, mean, exponent: 0, m2s: Number.isFinite(m2) ? m2 : 0 };
}
var MIN_PRECISE = Math.pow(2, -969);

// src/profile/profileMoments.ts
function profileMoments(column) {
  return momentsFrom(column.count - column.infinite, column.mean, column.m2, column.std);
}

// src/drift/columnSample.ts
function driftKindOfType(type) {
  if (type === "integer" || type === "number") return "numeric";
  if (type === "category" || type === "boolean") return "categorical";
  return null;
}
function sampleColumn(column, options = {}) {
  const kind = driftKindOfType(column.type);
  if (kind === null) {
    const reason = column.type === "datetime" ? "datetime columns are not tested for drift (time always moves on)" : "free-text column: too many distinct values for a distribution test";
    return { kind: "skipped", type: column.type, reason };
  }
  if (column.kind === "dictionary") {
    const perCode = new Float64Array(column.dictionary.length);
    let missing = 0;
    for (let i = 0; i < column.codes.length; i++) {
      const c = column.codes[i];
      if (c < 0) missing++;
      else perCode[c]++;
    }
    const counts = /* @__PURE__ */ new Map();
    let count = 0;
    column.dictionary.forEach((v, i) => {
      if (perCode[i] > 0) counts.set(v, (counts.get(v) ?? 0) + perCode[i]);
      count += perCode[i];
    });
    return { kind: "categorical", counts, count, missing };
  }
  const { values, valid } = column;
  if (column.type === "boolean") {
    let t = 0;
    let f = 0;
    for (let i = 0; i < values.length; i++) {
      if (valid[i] === 0) continue;
      if (values[i] === 1) t++;
      else f++;
    }
    const counts = /* @__PURE__ */ new Map();
    if (f) counts.set("false", f);
    if (t) counts.set("true", t);
    return { kind: "categorical", counts, count: t + f, missing: values.length - t - f };
  }
  const target = options.consume ? values : new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (valid[i] === 1 && x === x) target[n++] = x;
  }
  const sorted = target.subarray(0, n);
  radixSortFloat64InPlace(sorted, options.consume?.scratch);
  return { kind: "numeric", form: "exact", sorted, missing: values.length - n };
}
function sampleTable(table, options = {}) {
  const out = /* @__PURE__ */ new Map();
  for (const column of table.columns) out.set(column.name, sampleColumn(column, options));
  return out;
}
function sampleProfile(profile) {
  const out = /* @__PURE__ */ new Map();
  for (const [name, column] of Object.entries(profile.columns))
    out.set(name, sampleColumnProfile(column, profile.bins));
  return out;
}
function sampleColumnProfile(column, bins) {
  switch (column.kind) {
    case "numeric": {
      return {
        kind: "numeric",
        form: "sketch",
        sketch: QuantileSketch.fromJson(column.sketch),
        count: column.count,
        std0: momentsStd(profileMoments(column), 0),
        bins: { count: bins, keys: column.psi_bins.keys, proportions: column.psi_bins.proportions },
        missing: column.missing + column.invalid
      };
    }
    case "categorical": {
      const counts = /* @__PURE__ */ new Map();
      column.frequencies.values.forEach((v, i) => counts.set(v, column.frequencies.counts[i]));
      return { kind: "categorical", counts, count: column.count, missing: column.missing + column.invalid };
    }
    case "text":
      return {
        kind: "skipped",
        type: column.type,
        reason: "free-text column: too many distinct values for a distribution test"
      };
    case "datetime":
      return {
        kind: "skipped",
        type: column.type,
        reason: "datetime columns are not tested for drift (time always moves on)"
      };
  }
}
function toSketch(sample, accuracy) {
  if (sample.form === "sketch") return sample.sketch;
  const sketch = new QuantileSketch(accuracy);
  const s = sample.sorted;
  let i = 0;
  while (i < s.length) {
    let j = i + 1;
    while (j < s.length && s[j] === s[i]) j++;
    sketch.add(s[i], j - i);
    i = j;
  }
  return sketch;
}
function sampleCount(sample) {
  if (sample.kind === "categorical") return sample.count;
  return sample.form === "exact" ? sample.sorted.length : sample.count;
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

// src/data/loadOptions.ts
import { extname } from "node:path";

// src/data/naMatcher.ts
var DEFAULT_NA_VALUES = [
  "",
  "#N/A",
  "#N/A N/A",
  "#NA",
  "-1.#IND",
  "-1.#QNAN",
  "-NaN",
  "-nan",
  "1.#IND",
  "1.#QNAN",
  "<NA>",
  "N/A",
  "NA",
  "NULL",
  "NaN",
  "None",
  "n/a",
  "nan",
  "null"
];
var NaMatcher = class {
  values;
  /** Whether the empty cell is missing (it is unless "" was left out of naValues). */
  emptyIsNa;
  byLength = [];
  /** anyAccepted's answers by predicate: a wide file asks once per column, with one predicate per column type. */
  accepted = /* @__PURE__ */ new Map();
  constructor(naValues) {
    this.values = new Set(naValues);
    this.emptyIsNa = this.values.has("");
    for (const v of this.values) {
      const bytes = Buffer.from(v, "utf8");
      (this.byLength[bytes.length] ??= []).push(bytes);
    }
  }
  matches(bytes, start, end) {
    const list = this.byLength[end - start];
    if (list === void 0) return false;
    outer: for (const candidate of list) {
      for (let i = 0; i < candidate.length; i++) if (candidate[i] !== bytes[start + i]) continue outer;
      return true;
    }
    return false;
  }
  /** Whether some NA string also passes `accepts` (e.g. "-999" as a number): then NA must be checked first. */
  anyAccepted(accepts) {
    let answer = this.accepted.get(accepts);
    if (answer === void 0) {
      answer = false;
      for (const v of this.values) if (v !== "" && accepts(Buffer.from(v, "utf8"))) answer = true;
      this.accepted.set(accepts, answer);
    }
    return answer;
  }
};

// src/data/table.ts
var COLUMN_TYPES = ["integer", "number", "boolean", "datetime", "category", "string"];
function getColumn(table, name) {
  return table.columns.find((c) => c.name === name);
}
function isMissing(column, row) {
  return column.kind === "numeric" ? column.valid[row] === 0 : column.codes[row] === -1;
}
function cellText(column, row) {
  if (column.kind === "dictionary") {
    const code = column.codes[row];
    return code < 0 ? null : column.dictionary[code];
  }
  const raw = column.invalid.get(row);
  if (raw !== void 0) return raw;
  if (column.valid[row] === 0) return null;
  const v = column.values[row];
  if (column.type === "boolean") return v === 1 ? "true" : "false";
  if (column.type === "datetime") return new Date(v).toISOString();
  return String(v);
}

// src/data/loadOptions.ts
var MAX_FIELD_BYTES = 16 << 20;
var INFERENCE_ROWS = 1e4;
var SCAN_CHUNK_CELLS = 1 << 22;
function rowsPerChunk(chunkRows, chunkCells, columns) {
  return Math.max(1, Math.min(chunkRows, Math.floor(chunkCells / Math.max(1, columns))));
}
var EXTENSIONS = {
  ".csv": "csv",
  ".tsv": "csv",
  ".txt": "csv",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".parquet": "parquet"
};
function resolveLoadOptions(path, options = {}) {
  const ext = extname(path).toLowerCase();
  const format = options.format ?? EXTENSIONS[ext];
  if (format === void 0)
    throw new ModelguardError(
      "usage",
      `${path}: cannot tell the data format from the extension '${ext}'`,
      "Name the file .csv, .tsv, .jsonl, .ndjson or .parquet, or pass the format (csv, jsonl or parquet).",
      { file: path }
    );
  if (format !== "csv" && format !== "jsonl" && format !== "parquet")
    throw new ModelguardError("usage", `unknown data format '${String(format)}'`, "Use csv, jsonl or parquet.");
  const delimiter = options.delimiter ?? (ext === ".tsv" ? "	" : ",");
  const code = delimiter.charCodeAt(0);
  if (delimiter.length !== 1 || code > 127 || code === 34 || code === 10 || code === 13)
    throw new ModelguardError(
      "usage",
      `the CSV delimiter must be one ASCII character other than a quote or a line break, got ${JSON.stringify(delimiter)}`,
      'Use e.g. ",", ";", "|" or "\\t".'
    );
  const types = /* @__PURE__ */ new Map();
  const forced = options.types instanceof Map ? [...options.types] : Object.entries(options.types ?? {});
  for (const [name, type] of forced) {
    if (!COLUMN_TYPES.includes(type))
      throw new ModelguardError(
        "usage",
        `unknown column type '${String(type)}' for column '${name}'`,
        `Use one of ${COLUMN_TYPES.join(", ")}.`,
        { column: name }
      );
    types.set(name, type);
  }
  const maxFieldBytes = options.maxFieldBytes ?? MAX_FIELD_BYTES;
  if (!Number.isInteger(maxFieldBytes) || maxFieldBytes < 1 || maxFieldBytes > 1 << 30)
    throw new ModelguardError(
      "usage",
      `maxFieldBytes must be a whole number of bytes from 1 to 1 GiB, got ${String(maxFieldBytes)}`,
      `Leave it out for the default of ${MAX_FIELD_BYTES >> 20} MiB.`
    );
  return {
    format,
    delimiter: code,
    na: new NaMatcher(options.naValues ?? DEFAULT_NA_VALUES),
    columns: options.columns ? new Set(options.columns) : void 0,
    types,
    maxFieldBytes
  };
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
  const decoder4 = new TextDecoder("utf-8", { fatal: true });
  const names = record.fields.map(([s, e, escaped], i) => {
    const bytes = escaped ? unescapeQuotes(buf.subarray(s, e)) : buf.subarray(s, e);
    try {
      return decoder4.decode(bytes);
    } catch {
      throw located(`header field ${i + 1} is not valid UTF-8`, UTF8_HINT, { file, line });
    }
  });
  const seen = /* @__PURE__ */ new Map();
  names.forEach((name, i) => {
    if (name === "")
      throw located(
        `header field ${i + 1} is empty: every column needs a name`,
        "Give the column a name in the header row (or delete the column if it holds nothing).",
        { file, line }
      );
    const first = seen.get(name);
    if (first !== void 0)
      throw located(
        `column name '${name}' appears twice in the header, as fields ${first + 1} and ${i + 1}`,
        "Rename one of the two columns: every column needs a unique name.",
        { file, line, column: name }
      );
    seen.set(name, i);
  });
  return { names, dataOffset: record.next, dataLine: line + record.lineBreaks };
}
function parseRecord(buf, pos, end, eof, delimiter) {
  const fields = [];
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
          fields.push([pos + 1, end, escaped]);
          return { fields, next: end, lineBreaks, unterminatedField: fields.length - 1 };
        }
        if (p + 1 >= end && !eof) return null;
        if (buf[p + 1] === QUOTE && p + 1 < end) {
          escaped = true;
          p += 2;
          continue;
        }
        break;
      }
      fields.push([pos + 1, p, escaped]);
      pos = p + 1;
      while (pos < end && buf[pos] !== delimiter && buf[pos] !== LF && buf[pos] !== CR) pos++;
    } else {
      const s = pos;
      while (pos < end && buf[pos] !== delimiter && buf[pos] !== LF && buf[pos] !== CR) pos++;
      fields.push([s, pos, false]);
    }
    if (pos >= end) {
      if (!eof) return null;
      return { fields, next: end, lineBreaks, unterminatedField: -1 };
    }
    if (buf[pos] === delimiter) {
      pos++;
      continue;
    }
    if (buf[pos] === CR) {
      if (pos + 1 >= end && !eof) return null;
      pos += buf[pos + 1] === LF && pos + 1 < end ? 2 : 1;
    } else pos++;
    return { fields, next: pos, lineBreaks: lineBreaks + 1, unterminatedField: -1 };
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
  constructor(fh, file, names, delimiter, offset, line, chunkBytes = CSV_CHUNK_BYTES, readAheadEnabled = true, maxFieldBytes = MAX_FIELD_BYTES) {
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
    this.starts = new Int32Array(this.batchRows * ncols);
    this.ends = new Int32Array(this.batchRows * ncols);
    this.rowLines = new Int32Array(this.batchRows);
    this.parsed = new Float64Array(this.batchRows * ncols);
    this.parseKinds = new Uint8Array(ncols);
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
    const buffer = target && target.length >= size ? target : Buffer.allocUnsafe(size);
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
    const count = record ? record.fields.length : fieldsSeen;
    const sep = this.delimiter === 9 ? "\\t" : String.fromCharCode(this.delimiter);
    if (fieldsSeen < 0 || count > ncols) {
      const loc2 = this.location(rowLine, rowInBatch, ncols - 1);
      return located(
        `the row has ${count} field${count === 1 ? "" : "s"}, the header has ${ncols} (extra fields after the last column)`,
        `Every row needs exactly one field per header column. Quote values that contain the delimiter '${sep}' ("a${sep}b"), or remove the extra delimiter.`,
        loc2
      );
    }
    const loc = this.location(rowLine, rowInBatch, count);
    return located(
      `the row has ${count} field${count === 1 ? "" : "s"}, the header has ${ncols}: column '${this.names[count]}' gets no value`,
      `Every row needs exactly one field per header column; a missing value is an empty field, which still needs its delimiter '${sep}'.`,
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

// src/data/openDataFile.ts
import { open } from "node:fs/promises";
async function openDataFile(file) {
  try {
    const fh = await open(file, "r");
    const stat = await fh.stat();
    if (stat.isDirectory()) {
      await fh.close();
      throw new ModelguardError("input", `${file} is a directory, not a data file`, "Pass the path of a file.", {
        file
      });
    }
    return fh;
  } catch (e) {
    if (e instanceof ModelguardError) throw e;
    const code = e.code;
    if (code === "ENOENT")
      throw new ModelguardError(
        "input",
        `${file}: no such file`,
        "Check the path (it is relative to the working directory).",
        {
          file
        }
      );
    if (code === "EISDIR")
      throw new ModelguardError("input", `${file} is a directory, not a data file`, "Pass the path of a file.", {
        file
      });
    if (code === "EACCES" || code === "EPERM")
      throw new ModelguardError("input", `${file}: permission denied`, "Make the file readable for this user.", {
        file
      });
    throw new ModelguardError("input", `${file}: cannot open (${e.message})`, "Check the path.", { file });
  }
}

// src/data/byteInterner.ts
var ByteInterner = class {
  constructor(na) {
    this.na = na;
    this.slots = new Int32Array(16);
    this.mask = 15;
  }
  na;
  /** Distinct non-missing values, in order of first appearance; a value's code is its index here. */
  dictionary = [];
  slots;
  // entry index + 1, 0 = empty
  mask;
  hashes = new Int32Array(8);
  offsets = new Int32Array(8);
  lengths = new Int32Array(8);
  codes = new Int32Array(8);
  arena = new Uint8Array(64);
  arenaUsed = 0;
  entries = 0;
  /** Distinct byte strings seen (NA strings included). */
  get size() {
    return this.entries;
  }
  /** Code of bytes[start, end): its dictionary index, or -1 for an NA string or an absent cell (start < 0). */
  intern(bytes, start, end) {
    if (start < 0) return -1;
    let h = 2166136261 | 0;
    for (let p = start; p < end; p++) h = Math.imul(h ^ bytes[p], 16777619);
    const len = end - start;
    const slots = this.slots;
    const mask = this.mask;
    let slot = h & mask;
    while (true) {
      const idx = slots[slot];
      if (idx === 0) break;
      const entry = idx - 1;
      if (this.hashes[entry] === h && this.lengths[entry] === len) {
        const arena = this.arena;
        let i = 0;
        const off = this.offsets[entry];
        while (i < len && arena[off + i] === bytes[start + i]) i++;
        if (i === len) return this.codes[entry];
      }
      slot = slot + 1 & mask;
    }
    return this.insert(bytes, start, end, h, slot);
  }
  insert(bytes, start, end, h, slot) {
    const len = end - start;
    const entry = this.entries++;
    if (entry === this.hashes.length) {
      this.hashes = grow(this.hashes);
      this.offsets = grow(this.offsets);
      this.lengths = grow(this.lengths);
      this.codes = grow(this.codes);
    }
    if (this.arenaUsed + len > this.arena.length) {
      const next = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + len));
      next.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = next;
    }
    this.arena.set(bytes.subarray(start, end), this.arenaUsed);
    this.hashes[entry] = h;
    this.offsets[entry] = this.arenaUsed;
    this.lengths[entry] = len;
    this.arenaUsed += len;
    let code = -1;
    if (!this.na.matches(bytes, start, end)) {
      code = this.dictionary.length;
      this.dictionary.push(Buffer.from(bytes.buffer, bytes.byteOffset + start, len).toString("utf8"));
    }
    this.codes[entry] = code;
    this.slots[slot] = entry + 1;
    if (this.entries * 2 > this.slots.length) this.rehash();
    return code;
  }
  rehash() {
    const slots = new Int32Array(this.slots.length * 2);
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
function grow(a) {
  const next = new Int32Array(a.length * 2);
  next.set(a);
  return next;
}

// src/data/parseDatetime.ts
var DAY_MS = 864e5;
function parseDatetimeBytes(bytes, start, end) {
  if (end - start < 10) return NaN;
  const year = digits4(bytes, start);
  if (year < 0 || bytes[start + 4] !== 45 || bytes[start + 7] !== 45) return NaN;
  const month = digits2(bytes, start + 5);
  const day = digits2(bytes, start + 8);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  let ms = daysFromCivil(year, month, day) * DAY_MS;
  let p = start + 10;
  if (p === end) return ms;
  const sep = bytes[p];
  if (sep !== 84 && sep !== 116 && sep !== 32) return NaN;
  p++;
  if (end - p < 5 || bytes[p + 2] !== 58) return NaN;
  const hour = digits2(bytes, p);
  const minute = digits2(bytes, p + 3);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return NaN;
  p += 5;
  let second = 0;
  let millis = 0;
  if (p < end && bytes[p] === 58) {
    if (end - p < 3) return NaN;
    second = digits2(bytes, p + 1);
    if (second < 0 || second > 59) return NaN;
    p += 3;
    if (p < end && (bytes[p] === 46 || bytes[p] === 44)) {
      p++;
      const fracStart = p;
      let scale = 100;
      while (p < end) {
        const d = bytes[p] - 48;
        if (d < 0 || d > 9) break;
        millis += d * scale;
        scale = scale / 10;
        p++;
      }
      if (p === fracStart) return NaN;
      millis = Math.floor(millis);
    }
  }
  ms += ((hour * 60 + minute) * 60 + second) * 1e3 + millis;
  if (p === end) return ms;
  const z = bytes[p];
  if (z === 90 || z === 122) return p + 1 === end ? ms : NaN;
  if (z !== 43 && z !== 45) return NaN;
  const sign = z === 45 ? -1 : 1;
  p++;
  if (end - p < 2) return NaN;
  const offHour = digits2(bytes, p);
  p += 2;
  let offMinute = 0;
  if (p < end) {
    if (bytes[p] === 58) p++;
    if (end - p !== 2) return NaN;
    offMinute = digits2(bytes, p);
    p += 2;
  }
  if (offHour < 0 || offHour > 23 || offMinute < 0 || offMinute > 59 || p !== end) return NaN;
  return ms - sign * (offHour * 60 + offMinute) * 6e4;
}
function parseDatetime(text) {
  const bytes = Buffer.from(text, "utf8");
  const v = parseDatetimeBytes(bytes, 0, bytes.length);
  return v === v ? v : null;
}
function digits2(b, p) {
  const a = b[p] - 48;
  const c = b[p + 1] - 48;
  if (a < 0 || a > 9 || c < 0 || c > 9) return -1;
  return a * 10 + c;
}
function digits4(b, p) {
  const hi = digits2(b, p);
  const lo = digits2(b, p + 2);
  return hi < 0 || lo < 0 ? -1 : hi * 100 + lo;
}
function daysInMonth(year, month) {
  if (month === 2) return year % 4 === 0 && year % 100 !== 0 || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
function daysFromCivil(year, month, day) {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

// src/data/parseNumber.ts
var POW102 = new Float64Array(23);
for (let i = 0, p = 1; i < 23; i++, p *= 10) POW102[i] = p;
var MAX_FAST_DIGITS = 15;
function parseNumberBytes(bytes, start, end) {
  let p = start;
  if (p >= end) return NaN;
  let c = bytes[p];
  let negative = false;
  if (c === 45 || c === 43) {
    negative = c === 45;
    if (++p >= end) return NaN;
    c = bytes[p];
  }
  let mantissa = 0;
  let significant = 0;
  let digits = 0;
  let exponent = 0;
  while (c >= 48 && c <= 57) {
    if (mantissa !== 0 || c !== 48) {
      significant++;
      if (significant <= 17) mantissa = mantissa * 10 + (c - 48);
    }
    digits++;
    if (++p >= end) {
      c = -1;
      break;
    }
    c = bytes[p];
  }
  if (c === 46) {
    if (++p < end) {
      c = bytes[p];
      while (c >= 48 && c <= 57) {
        if (mantissa !== 0 || c !== 48) {
          significant++;
          if (significant <= 17) mantissa = mantissa * 10 + (c - 48);
        }
        exponent--;
        digits++;
        if (++p >= end) {
          c = -1;
          break;
        }
        c = bytes[p];
      }
    } else {
      c = -1;
    }
  }
  if (digits === 0) return parseSpecial(bytes, p, end, negative);
  if (c === 101 || c === 69) {
    if (++p >= end) return NaN;
    c = bytes[p];
    let expNegative = false;
    if (c === 45 || c === 43) {
      expNegative = c === 45;
      if (++p >= end) return NaN;
      c = bytes[p];
    }
    if (c < 48 || c > 57) return NaN;
    let e = 0;
    while (c >= 48 && c <= 57) {
      if (e < 1e12) e = e * 10 + (c - 48);
      if (++p >= end) {
        c = -1;
        break;
      }
      c = bytes[p];
    }
    exponent += expNegative ? -e : e;
  }
  if (p !== end) return NaN;
  if (significant <= MAX_FAST_DIGITS) {
    let value;
    if (mantissa === 0) value = 0;
    else if (exponent === 0) value = mantissa;
    else if (exponent > 0 && exponent <= 22) value = mantissa * POW102[exponent];
    else if (exponent < 0 && exponent >= -22) value = mantissa / POW102[-exponent];
    else if (exponent > 22 && exponent <= 22 + MAX_FAST_DIGITS - significant)
      value = mantissa * POW102[exponent - 22] * 1e22;
    else return Number(asciiText(bytes, start, end));
    return negative ? -value : value;
  }
  return Number(asciiText(bytes, start, end));
}
function parseSpecial(bytes, p, end, negative) {
  const n = end - p;
  if (n === 3) {
    const a = bytes[p] | 32;
    const b = bytes[p + 1] | 32;
    const c = bytes[p + 2] | 32;
    if (a === 105 && b === 110 && c === 102) return negative ? -Infinity : Infinity;
    return NaN;
  }
  if (n === 8 && lowerEquals(bytes, p, "infinity")) return negative ? -Infinity : Infinity;
  return NaN;
}
function isNanLiteralBytes(bytes, start, end) {
  let p = start;
  if (p < end && (bytes[p] === 45 || bytes[p] === 43)) p++;
  return end - p === 3 && lowerEquals(bytes, p, "nan");
}
function lowerEquals(bytes, p, lower) {
  for (let i = 0; i < lower.length; i++) if ((bytes[p + i] | 32) !== lower.charCodeAt(i)) return false;
  return true;
}
function asciiText(bytes, start, end) {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString("latin1");
}
function parseNumber(text) {
  const bytes = Buffer.from(text, "utf8");
  const v = parseNumberBytes(bytes, 0, bytes.length);
  if (v === v) return v;
  return isNanLiteralBytes(bytes, 0, bytes.length) ? NaN : null;
}

// src/data/inferColumnType.ts
var CELL_MISSING = 0;
var CELL_INTEGER = 1;
var CELL_BIG_INTEGER = 2;
var CELL_NUMBER = 3;
var CELL_BOOLEAN = 4;
var CELL_DATETIME = 5;
var CELL_TEXT = 6;
var CATEGORY_MAX_DISTINCT = 100;
function isCategoryCardinality(distinct, nonMissing) {
  return distinct > 0 && distinct <= CATEGORY_MAX_DISTINCT && distinct <= Math.max(20, 0.05 * nonMissing) && 2 * distinct <= nonMissing;
}
function isBlank(b) {
  return b === 32 || b === 9;
}
function trimStart(bytes, start, end) {
  while (start < end && isBlank(bytes[start])) start++;
  return start;
}
function trimEnd(bytes, start, end) {
  while (end > start && isBlank(bytes[end - 1])) end--;
  return end;
}
function parseIntegerBytes(bytes, start, end) {
  let p = start;
  let negative = false;
  if (p < end && (bytes[p] === 45 || bytes[p] === 43)) {
    negative = bytes[p] === 45;
    p++;
  }
  if (p >= end) return NaN;
  let v = 0;
  for (; p < end; p++) {
    const d = bytes[p] - 48;
    if (d < 0 || d > 9) return NaN;
    v = v * 10 + d;
  }
  return negative ? -v : v;
}
function parseBooleanBytes(bytes, start, end) {
  const n = end - start;
  if (n === 4) {
    if ((bytes[start] | 32) === 116 && (bytes[start + 1] | 32) === 114 && (bytes[start + 2] | 32) === 117 && (bytes[start + 3] | 32) === 101)
      return 1;
  } else if (n === 5) {
    if ((bytes[start] | 32) === 102 && (bytes[start + 1] | 32) === 97 && (bytes[start + 2] | 32) === 108 && (bytes[start + 3] | 32) === 115 && (bytes[start + 4] | 32) === 101)
      return 0;
  }
  return NaN;
}
function classifyCell(bytes, start, end, na) {
  if (start < 0 || na.matches(bytes, start, end)) return CELL_MISSING;
  const s = trimStart(bytes, start, end);
  const e = trimEnd(bytes, s, end);
  if (s === e) return CELL_TEXT;
  const int = parseIntegerBytes(bytes, s, e);
  if (int === int) return Number.isSafeInteger(int) ? CELL_INTEGER : CELL_BIG_INTEGER;
  const num = parseNumberBytes(bytes, s, e);
  if (num === num || isNanLiteralBytes(bytes, s, e)) return CELL_NUMBER;
  if (parseBooleanBytes(bytes, s, e) === parseBooleanBytes(bytes, s, e)) return CELL_BOOLEAN;
  if (parseDatetimeBytes(bytes, s, e) === parseDatetimeBytes(bytes, s, e)) return CELL_DATETIME;
  return CELL_TEXT;
}
var ColumnTypeInference = class {
  constructor(na) {
    this.na = na;
  }
  na;
  /** Cells per class, indexed by CellClass. */
  counts = new Float64Array(7);
  distinct = /* @__PURE__ */ new Set();
  distinctOverflow = false;
  get nonMissing() {
    return this.counts[1] + this.counts[2] + this.counts[3] + this.counts[4] + this.counts[5] + this.counts[6];
  }
  add(bytes, start, end) {
    const cls = classifyCell(bytes, start, end, this.na);
    this.counts[cls]++;
    if (cls !== CELL_MISSING && !this.distinctOverflow) {
      this.distinct.add(Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString("utf8"));
      if (this.distinct.size > CATEGORY_MAX_DISTINCT) {
        this.distinctOverflow = true;
        this.distinct.clear();
      }
    }
  }
  addText(text) {
    if (text === null || text === void 0) {
      this.counts[CELL_MISSING]++;
      return;
    }
    const bytes = Buffer.from(text, "utf8");
    this.add(bytes, 0, bytes.length);
  }
  get distinctCount() {
    return this.distinctOverflow ? CATEGORY_MAX_DISTINCT + 1 : this.distinct.size;
  }
  result() {
    return typeFromCounts(this.counts, this.distinctCount);
  }
};
function typeFromCounts(counts, distinct) {
  const integer = counts[CELL_INTEGER];
  const big = counts[CELL_BIG_INTEGER];
  const number = counts[CELL_NUMBER];
  const boolean = counts[CELL_BOOLEAN];
  const datetime = counts[CELL_DATETIME];
  const n = integer + big + number + boolean + datetime + counts[CELL_TEXT];
  if (n === 0) return "number";
  if (integer === n) return "integer";
  if (number > 0 && integer + big + number === n) return "number";
  if (boolean === n) return "boolean";
  if (datetime === n) return "datetime";
  return isCategoryCardinality(distinct, n) ? "category" : "string";
}

// src/data/numericColumnBuilder.ts
var ACCEPTS = {
  integer: (b) => !Number.isNaN(parseNumberBytes(b, 0, b.length)),
  number: (b) => !Number.isNaN(parseNumberBytes(b, 0, b.length)),
  boolean: (b) => !Number.isNaN(parseBooleanBytes(b, 0, b.length)),
  datetime: (b) => !Number.isNaN(parseDatetimeBytes(b, 0, b.length))
};
var NumericColumnBuilder = class {
  constructor(name, type, mode, na, capacity) {
    this.name = name;
    this.type = type;
    this.mode = mode;
    this.na = na;
    this.values = new Float64Array(Math.max(16, capacity));
    this.valid = new Uint8Array(this.values.length);
    this.naFirst = na.anyAccepted(ACCEPTS[type]);
  }
  name;
  type;
  mode;
  na;
  values;
  valid;
  invalid = /* @__PURE__ */ new Map();
  /** Mode "infer" only: a cell fit no number/boolean/datetime reading, so the column must be re-read as text. */
  demoted = false;
  /** Mode "infer" only: an integer beyond 2^53 was seen; unless the column widens to number it becomes text. */
  sawBigInteger = false;
  /** Some NA string parses as this type (e.g. "-999"), so every cell is checked against the NA strings first. */
  naFirst;
  /** Room for `rows` rows: grows by half (never past `limit` unless `rows` is), so memory follows the rows seen. */
  ensureCapacity(rows, limit = Infinity) {
    if (rows <= this.values.length) return;
    const size = Math.max(rows, Math.min(Math.ceil(this.values.length * 1.5), limit));
    const values = new Float64Array(size);
    values.set(this.values);
    const valid = new Uint8Array(size);
    valid.set(this.valid);
    this.values = values;
    this.valid = valid;
  }
  /** Decodes column `col` of `batch` into rows rowBase.. (capacity must be ensured). */
  decode(batch, col, rowBase) {
    if (this.demoted) return;
    const kind = batch.parseKinds ? batch.parseKinds[col] : PARSE_NONE;
    if (batch.parsed && !this.naFirst && (this.type === "number" && kind !== PARSE_NONE || this.type === "integer" && kind === PARSE_INTEGER))
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
    const valid = this.valid;
    for (let r = 0, i = col; r < rows; r++, i += stride) {
      const v = parsed[i];
      if (v === v) {
        values[rowBase + r] = v;
        valid[rowBase + r] = 1;
      } else {
        const s = starts[i];
        const e = ends[i];
        const w = this.type === "number" ? parseNumberBytes(bytes, s, e) : parseIntegerFast(bytes, s, e);
        if (w === w) {
          values[rowBase + r] = w;
          valid[rowBase + r] = 1;
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
    const valid = this.valid;
    const naFirst = this.naFirst;
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
        valid[rowBase + r] = 1;
      } else {
        this.slowCell(bytes, s, e, rowBase + r);
        if (this.demoted) return;
      }
    }
  }
  decodeNumbers(batch, col, rowBase) {
    const { bytes, starts, ends, stride, rows } = batch;
    const values = this.values;
    const valid = this.valid;
    const naFirst = this.naFirst;
    for (let r = 0, i = col; r < rows; r++, i += stride) {
      const s = starts[i];
      const e = ends[i];
      const v = parseNumberBytes(bytes, s, e);
      if (v === v && !naFirst) {
        values[rowBase + r] = v;
        valid[rowBase + r] = 1;
      } else {
        this.slowCell(bytes, s, e, rowBase + r);
        if (this.demoted) return;
      }
    }
  }
  decodeBooleans(batch, col, rowBase) {
    const { bytes, starts, ends, stride, rows } = batch;
    const values = this.values;
    const valid = this.valid;
    const naFirst = this.naFirst;
    for (let r = 0, i = col; r < rows; r++, i += stride) {
      const s = starts[i];
      const e = ends[i];
      const v = parseBooleanBytes(bytes, s, e);
      if (v === v && !naFirst) {
        values[rowBase + r] = v;
        valid[rowBase + r] = 1;
      } else {
        this.slowCell(bytes, s, e, rowBase + r);
        if (this.demoted) return;
      }
    }
  }
  decodeDatetimes(batch, col, rowBase) {
    const { bytes, starts, ends, stride, rows } = batch;
    const values = this.values;
    const valid = this.valid;
    const naFirst = this.naFirst;
    for (let r = 0, i = col; r < rows; r++, i += stride) {
      const s = starts[i];
      const e = ends[i];
      const v = parseDatetimeBytes(bytes, s, e);
      if (v === v && !naFirst) {
        values[rowBase + r] = v;
        valid[rowBase + r] = 1;
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
    if (v === v || this.mode !== "forced" || e - s !== 1) return v;
    return bytes[s] === 49 ? 1 : bytes[s] === 48 ? 0 : NaN;
  }
  /** Everything but the common cell: absent, NA, blanks around the value, NaN literals, and cells that do not fit. */
  slowCell(bytes, start, end, row) {
    if (start < 0 || this.na.matches(bytes, start, end)) {
      this.values[row] = NaN;
      this.valid[row] = 0;
      return;
    }
    const s = trimStart(bytes, start, end);
    const e = trimEnd(bytes, s, end);
    const type = this.type;
    if (type === "integer" || type === "number") {
      const int = parseIntegerBytes(bytes, s, e);
      if (Number.isSafeInteger(int)) return this.store(row, int);
      const num = parseNumberBytes(bytes, s, e);
      if (int === int && type === "integer" && this.mode === "infer") {
        this.sawBigInteger = true;
        return this.store(row, num);
      }
      const isNumber = num === num || isNanLiteralBytes(bytes, s, e);
      if (isNumber && type === "number") return this.store(row, num);
      if (isNumber && this.mode === "infer") {
        this.type = "number";
        return this.store(row, num);
      }
      if (isNumber && int !== int && Number.isSafeInteger(num)) return this.store(row, num);
    } else {
      const v = this.parseBooleanOrDatetime(bytes, s, e);
      if (v === v) return this.store(row, v);
    }
    if (this.mode === "infer") {
      this.demoted = true;
      return;
    }
    this.values[row] = NaN;
    this.valid[row] = 0;
    this.invalid.set(row, Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString("utf8"));
  }
  store(row, v) {
    this.values[row] = v;
    this.valid[row] = 1;
  }
  /** Fills rows from..to-1 as missing (a JSONL column that appears late). */
  fillMissing(from, to) {
    this.ensureCapacity(to);
    this.values.fill(NaN, from, to);
    this.valid.fill(0, from, to);
  }
  /** The column of the first `rows` rows. In mode "infer" check `needsTextReread` first. */
  finish(rows) {
    const values = fitLength(this.values, rows);
    const valid = fitLength(this.valid, rows);
    return { kind: "numeric", name: this.name, type: this.type, values, valid, invalid: this.invalid };
  }
  /** Mode "infer": whether some cell did not fit, so the column has to be read again as text. */
  get needsTextReread() {
    return this.demoted || this.sawBigInteger && this.type === "integer";
  }
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
    this.codes = new Int32Array(Math.max(16, capacity));
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
    const codes = new Int32Array(Math.max(rows, Math.min(Math.ceil(this.codes.length * 1.5), limit)));
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

// src/data/tableAssembler.ts
function createBuilder(plan, mode, na, capacity) {
  const m = plan.forced ? "forced" : mode;
  if (plan.type === null) return new DictionaryColumnBuilder(plan.name, "string", m, na, capacity, m === "infer");
  if (plan.type === "category" || plan.type === "string")
    return new DictionaryColumnBuilder(plan.name, plan.type, m, na, capacity);
  return new NumericColumnBuilder(plan.name, plan.type, m, na, capacity);
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
    this.builders = plans.map((p) => createBuilder(p, mode, na, capacity));
  }
  mode;
  na;
  capacity;
  maxRows;
  rows = 0;
  plans;
  builders;
  /** A column that first appears after `rows` rows (JSONL): the rows before it are missing. */
  addPlan(plan) {
    const builder = createBuilder(plan, this.mode, this.na, Math.min(this.capacity, this.rows));
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
  /** Columns in plan order; null where the column must be re-read as text (mode "infer"). */
  finish() {
    return this.builders.map(
      (b) => b instanceof NumericColumnBuilder && b.mode === "infer" && b.needsTextReread ? null : b.finish(this.rows)
    );
  }
};
var SampleInference = class {
  constructor(plans, na) {
    this.plans = plans;
    this.inferences = plans.map((p) => p.forced ? null : new ColumnTypeInference(na));
  }
  plans;
  rows = 0;
  inferences;
  add(batch) {
    const { bytes, starts, ends, stride, rows } = batch;
    this.plans.forEach((plan, k) => {
      const inference = this.inferences[k];
      if (!inference) return;
      for (let r = 0, i = plan.source; r < rows; r++, i += stride) inference.add(bytes, starts[i], ends[i]);
    });
    this.rows += rows;
  }
  /** Plans (by index) whose columns had no value in the sample so far. */
  get valueless() {
    return this.plans.flatMap((_, k) => this.inferences[k]?.nonMissing === 0 ? [k] : []);
  }
  /**
   * scanTable fixes each type before the first chunk, so a column without a value in the sample reads on: `add`
   * beyond the sample for just the plans `ks`, until each has INFERENCE_ROWS values. False once all have them.
   */
  extend(batch, ks) {
    const { bytes, starts, ends, stride, rows } = batch;
    let open2 = false;
    for (const k of ks) {
      const inference = this.inferences[k];
      for (let r = 0, i = this.plans[k].source; r < rows; r++, i += stride) inference.add(bytes, starts[i], ends[i]);
      if (inference.nonMissing < INFERENCE_ROWS) open2 = true;
    }
    return open2;
  }
  /** The plans with inferred types; a column with no value in the sample gets type null (see `extend`). */
  typedPlans() {
    return this.plans.map((plan, k) => {
      const inference = this.inferences[k];
      if (!inference) return plan;
      return { ...plan, type: inference.nonMissing === 0 ? null : inference.result() };
    });
  }
};

// src/data/csvReader.ts
function newReader(fh, file, header, options) {
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
    options.maxFieldBytes
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
async function inferPlans(fh, file, header, options, fixTypes = false) {
  const reader = new CsvRecordReader(
    fh,
    file,
    header.names,
    options.delimiter,
    header.dataOffset,
    header.dataLine,
    void 0,
    false,
    options.maxFieldBytes
  );
  const sample = new SampleInference(planColumns(header.names, options), options.na);
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
    const plans = sample.typedPlans();
    for (const k of valueless) plans[k].type ??= "number";
    return { plans, sampleRows: sample.rows, sampleBytes };
  }
  return { plans: sample.typedPlans(), sampleRows: sample.rows, sampleBytes };
}
async function loadCsv(file, options) {
  const fh = await openDataFile(file);
  try {
    const { size } = await fh.stat();
    const header = await readCsvHeader(fh, file, options.delimiter);
    const { plans, sampleRows, sampleBytes } = await inferPlans(fh, file, header, options);
    const capacity = sampleRows < INFERENCE_ROWS ? sampleRows : Math.ceil((size - header.dataOffset) / Math.max(1, sampleBytes) * sampleRows * 1.02) + 64;
    const main = new TableAssembler(plans, "infer", options.na, capacity);
    const reader = newReader(fh, file, header, options);
    main.updateParseKinds(reader.parseKinds);
    for (let batch = await reader.next(); batch; batch = await reader.next()) {
      main.add(batch);
      main.updateParseKinds(reader.parseKinds);
    }
    const columns = main.finish();
    const reread = plans.flatMap((p, k) => columns[k] === null ? [{ ...p, type: null }] : []);
    if (reread.length > 0) {
      const text = new TableAssembler(reread, "infer", options.na, main.rows);
      const again = newReader(fh, file, header, options);
      for (let batch = await again.next(); batch; batch = await again.next()) text.add(batch);
      const textColumns = text.finish();
      let j = 0;
      for (let k = 0; k < columns.length; k++) if (columns[k] === null) columns[k] = textColumns[j++];
    }
    return { source: file, rowCount: main.rows, columns };
  } finally {
    await fh.close();
  }
}
async function* scanCsv(file, options, maxChunkRows, chunkCells) {
  const fh = await openDataFile(file);
  try {
    const header = await readCsvHeader(fh, file, options.delimiter);
    const { plans } = await inferPlans(fh, file, header, options, true);
    const reader = newReader(fh, file, header, options);
    const chunkRows = rowsPerChunk(maxChunkRows, chunkCells, plans.length);
    const initialRows = Math.min(chunkRows, reader.batchRows);
    let yielded = false;
    while (true) {
      const chunk = new TableAssembler(plans, "fixed", options.na, initialRows, chunkRows);
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
    }
  } finally {
    await fh.close();
  }
}
async function csvColumnNames(file, options) {
  const fh = await openDataFile(file);
  try {
    return (await readCsvHeader(fh, file, options.delimiter)).names;
  } finally {
    await fh.close();
  }
}

// src/data/jsonlRecordReader.ts
import { isUtf8 as isUtf82 } from "node:buffer";

// src/data/scanJsonString.ts
var jsonStringScan = { at: 0, escaped: false };
var STRING_BAD_ESCAPE = -1;
var STRING_CONTROL_CHARACTER = -2;
var STRING_UNCLOSED = -3;
var QUOTE2 = 34;
var BACKSLASH = 92;
function scanJsonString(buf, q, e) {
  let escaped = false;
  let p = q + 1;
  while (p < e) {
    const c = buf[p];
    if (c === QUOTE2) {
      jsonStringScan.escaped = escaped;
      return p;
    }
    if (c === BACKSLASH) {
      escaped = true;
      const n = buf[p + 1];
      if (n === 117) {
        for (let k = 2; k < 6; k++) {
          if (p + k >= e || !isHexDigit(buf[p + k])) return problem(STRING_BAD_ESCAPE, p);
        }
        p += 6;
      } else if (n === QUOTE2 || n === BACKSLASH || n === 47 || n === 98 || n === 102 || n === 110 || n === 114 || n === 116)
        p += 2;
      else return problem(STRING_BAD_ESCAPE, p);
      continue;
    }
    if (c < 32) return problem(STRING_CONTROL_CHARACTER, p);
    p++;
  }
  return problem(STRING_UNCLOSED, q);
}
function problem(code, at) {
  jsonStringScan.at = at;
  return code;
}
function isHexDigit(c) {
  const l = c | 32;
  return c >= 48 && c <= 57 || l >= 97 && l <= 102;
}

// src/data/jsonlRecordReader.ts
var LF2 = 10;
var CR2 = 13;
var QUOTE3 = 34;
var BACKSLASH2 = 92;
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
var JsonlRecordReader = class {
  /**
   * @param wanted whether a column is loaded: nested values are an error there and skipped elsewhere.
   * @param knownNames columns registered up front (from an earlier pass), in order.
   * @param maxLineBytes a longer line is an error (it bounds the buffer: about twice this at most).
   */
  constructor(fh, file, wanted, knownNames = [], maxLineBytes = MAX_FIELD_BYTES) {
    this.fh = fh;
    this.file = file;
    this.wanted = wanted;
    this.maxLineBytes = maxLineBytes;
    this.buf = Buffer.allocUnsafe(CHUNK_BYTES);
    for (const name of knownNames) this.register(Buffer.from(name, "utf8"), 0, Buffer.byteLength(name), name);
    this.stride = this.names.length;
    const cells = Math.max(BATCH_CELLS2, this.stride);
    this.starts = new Int32Array(cells);
    this.ends = new Int32Array(cells);
    this.batch = { bytes: this.buf, starts: this.starts, ends: this.ends, stride: 0, rows: 0 };
  }
  fh;
  file;
  wanted;
  maxLineBytes;
  buf;
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
  keyInterner = new ByteInterner(new NaMatcher([]));
  /** Interner code -> column index. */
  keyColumn = [];
  /** Column names in order of first appearance. */
  names = [];
  stride = 0;
  sawContent = false;
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
  register(bytes, s, e, name) {
    const code = this.keyInterner.intern(bytes, s, e);
    let col = this.keyColumn[code];
    if (col === void 0) {
      col = this.names.length;
      this.names.push(name);
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
      if (p >= e || buf[p] !== QUOTE3) throw new LineSyntaxError(`expected a quoted key at character ${p - s + 1}`);
      const [ks, ke, kEscaped] = scanString(buf, p, e, s);
      let name = kEscaped ? JSON.parse(buf.toString("utf8", ks - 1, ke + 1)) : void 0;
      const keyBytes = name !== void 0 ? Buffer.from(name, "utf8") : buf;
      const kbS = name !== void 0 ? 0 : ks;
      const kbE = name !== void 0 ? keyBytes.length : ke;
      let col = this.keyColumn[this.keyInterner.intern(keyBytes, kbS, kbE)];
      if (col !== void 0) name = this.names[col];
      else {
        if (!first) return "new-key";
        name ??= buf.toString("utf8", ks, ke);
        if (name === "") throw new LineSyntaxError("a key is the empty string: every column needs a name");
        col = this.register(keyBytes, kbS, kbE, name);
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
      if (c === QUOTE3) {
        const [vs, ve, escaped] = scanString(buf, p, e, s, name);
        this.starts[base + col] = vs;
        this.ends[base + col] = escaped ? ~ve : ve;
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
  if (close >= 0) return [q + 1, close, jsonStringScan.escaped];
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
    if (c === QUOTE3) {
      p = scanString(buf, p, e, lineStart, key)[1] + 1;
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
    if (c !== BACKSLASH2) {
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
        if (cp >= 55296 && cp <= 56319 && buf[r] === BACKSLASH2 && buf[r + 1] === 117) {
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
async function inferJsonl(fh, file, options, fixTypes = false) {
  const wanted = wantedColumn(options);
  const reader = new JsonlRecordReader(fh, file, wanted, [], options.maxFieldBytes);
  const inferences = [];
  let rows = 0;
  while (rows < INFERENCE_ROWS) {
    const batch = await reader.next(INFERENCE_ROWS - rows);
    if (!batch) break;
    const { bytes, starts, ends, stride } = batch;
    for (let c = 0; c < stride; c++) {
      if (inferences[c] === void 0) {
        const name = reader.names[c];
        inferences[c] = wanted(name) && !options.types.has(name) ? new ColumnTypeInference(options.na) : null;
      }
      const inference = inferences[c];
      if (!inference) continue;
      for (let r = 0, i = c; r < batch.rows; r++, i += stride) inference.add(bytes, starts[i], ends[i]);
    }
    rows += batch.rows;
  }
  const names = [...reader.names];
  const sampleBytes = reader.offset;
  const valueless = fixTypes ? names.flatMap((_, c) => inferences[c]?.nonMissing === 0 ? [c] : []) : [];
  for (let open2 = valueless.length > 0; open2; ) {
    const batch = await reader.next();
    if (!batch) break;
    const { bytes, starts, ends, stride } = batch;
    open2 = false;
    for (const c of valueless) {
      const inference = inferences[c];
      for (let r = 0, i = c; r < batch.rows; r++, i += stride) inference.add(bytes, starts[i], ends[i]);
      if (inference.nonMissing < INFERENCE_ROWS) open2 = true;
    }
  }
  const plans = [];
  names.forEach((name, source) => {
    if (!wanted(name)) return;
    const inference = inferences[source];
    const type = !inference ? null : inference.nonMissing > 0 ? inference.result() : fixTypes ? "number" : null;
    plans.push(planFor(name, source, options, type));
  });
  return { names, plans, sampleRows: rows, sampleBytes };
}
async function assemble(reader, assembler, options, maxRows = Infinity, maxCells = Infinity) {
  const wanted = wantedColumn(options);
  const known = new Set(assembler.plans.map((p) => p.source));
  let seen = 0;
  while (assembler.rows < maxRows) {
    const columns = Math.max(1, assembler.plans.length);
    const cellRows = Math.floor((maxCells - assembler.rows * columns) / columns);
    if (cellRows < 1 && assembler.rows > 0) return true;
    const batch = await reader.next(Math.max(1, Math.min(maxRows - assembler.rows, cellRows)));
    if (!batch) return false;
    for (; seen < reader.names.length; seen++) {
      const name = reader.names[seen];
      if (known.has(seen) || !wanted(name)) continue;
      known.add(seen);
      assembler.addPlan(planFor(name, seen, options, null));
    }
    assembler.add(batch);
  }
  return true;
}
async function loadJsonl(file, options) {
  const fh = await openDataFile(file);
  try {
    const { size } = await fh.stat();
    const { names, plans, sampleRows, sampleBytes } = await inferJsonl(fh, file, options);
    const capacity = sampleRows < INFERENCE_ROWS ? sampleRows : Math.ceil(size / Math.max(1, sampleBytes) * sampleRows * 1.02) + 64;
    const main = new TableAssembler(plans, "infer", options.na, capacity);
    const mainReader = new JsonlRecordReader(fh, file, wantedColumn(options), names, options.maxFieldBytes);
    await assemble(mainReader, main, options);
    const columns = main.finish();
    const reread = main.plans.flatMap((p, k) => columns[k] === null ? [{ ...p, type: null }] : []);
    if (reread.length > 0) {
      const text = new TableAssembler(reread, "infer", options.na, main.rows);
      await assemble(
        new JsonlRecordReader(fh, file, wantedColumn(options), mainReader.names, options.maxFieldBytes),
        text,
        options
      );
      const textColumns = text.finish();
      let j = 0;
      for (let k = 0; k < columns.length; k++) if (columns[k] === null) columns[k] = textColumns[j++];
    }
    return { source: file, rowCount: main.rows, columns };
  } finally {
    await fh.close();
  }
}
async function* scanJsonl(file, options, maxChunkRows, chunkCells) {
  const fh = await openDataFile(file);
  try {
    const { names, plans } = await inferJsonl(fh, file, options, true);
    const reader = new JsonlRecordReader(fh, file, wantedColumn(options), names, options.maxFieldBytes);
    let known = plans;
    let yielded = false;
    while (true) {
      const chunkRows = rowsPerChunk(maxChunkRows, chunkCells, known.length);
      const chunk = new TableAssembler(known, "fixed", options.na, Math.min(chunkRows, 1024), chunkRows);
      const more = await assemble(reader, chunk, options, chunkRows, chunkCells);
      known = chunk.plans;
      if (chunk.rows > 0 || !yielded) {
        yielded = true;
        yield { source: file, rowCount: chunk.rows, columns: chunk.finish() };
      }
      if (!more) return;
    }
  } finally {
    await fh.close();
  }
}
async function jsonlColumnNames(file, options) {
  const fh = await openDataFile(file);
  try {
    const reader = new JsonlRecordReader(fh, file, () => false, [], options.maxFieldBytes);
    while (await reader.next()) ;
    return [...reader.names];
  } finally {
    await fh.close();
  }
}

// node_modules/hyparquet/src/node.js
import { createReadStream, promises as fs } from "fs";

// node_modules/hyparquet/src/constants.js
var ParquetTypes = [
  "BOOLEAN",
  "INT32",
  "INT64",
  "INT96",
  // deprecated
  "FLOAT",
  "DOUBLE",
  "BYTE_ARRAY",
  "FIXED_LEN_BYTE_ARRAY"
];
var Encodings = [
  "PLAIN",
  "GROUP_VAR_INT",
  // deprecated
  "PLAIN_DICTIONARY",
  "RLE",
  "BIT_PACKED",
  // deprecated
  "DELTA_BINARY_PACKED",
  "DELTA_LENGTH_BYTE_ARRAY",
  "DELTA_BYTE_ARRAY",
  "RLE_DICTIONARY",
  "BYTE_STREAM_SPLIT"
];
var FieldRepetitionTypes = [
  "REQUIRED",
  "OPTIONAL",
  "REPEATED"
];
var ConvertedTypes = [
  "UTF8",
  "MAP",
  "MAP_KEY_VALUE",
  "LIST",
  "ENUM",
  "DECIMAL",
  "DATE",
  "TIME_MILLIS",
  "TIME_MICROS",
  "TIMESTAMP_MILLIS",
  "TIMESTAMP_MICROS",
  "UINT_8",
  "UINT_16",
  "UINT_32",
  "UINT_64",
  "INT_8",
  "INT_16",
  "INT_32",
  "INT_64",
  "JSON",
  "BSON",
  "INTERVAL"
];
var CompressionCodecs = [
  "UNCOMPRESSED",
  "SNAPPY",
  "GZIP",
  "LZO",
  "BROTLI",
  "LZ4",
  "ZSTD",
  "LZ4_RAW"
];
var PageTypes = [
  "DATA_PAGE",
  "INDEX_PAGE",
  "DICTIONARY_PAGE",
  "DATA_PAGE_V2"
];
var BoundaryOrders = [
  "UNORDERED",
  "ASCENDING",
  "DESCENDING"
];
var EdgeInterpolationAlgorithms = [
  "SPHERICAL",
  "VINCENTY",
  "THOMAS",
  "ANDOYER",
  "KARNEY"
];

// node_modules/hyparquet/src/wkb.js
function wkbToGeojson(reader) {
  const flags = getFlags(reader);
  if (flags.type === 1) {
    return { type: "Point", coordinates: readPosition(reader, flags) };
  } else if (flags.type === 2) {
    return { type: "LineString", coordinates: readLine(reader, flags) };
  } else if (flags.type === 3) {
    return { type: "Polygon", coordinates: readPolygon(reader, flags) };
  } else if (flags.type === 4) {
    const points = [];
    for (let i = 0; i < flags.count; i++) {
      points.push(readPosition(reader, getFlags(reader)));
    }
    return { type: "MultiPoint", coordinates: points };
  } else if (flags.type === 5) {
    const lines = [];
    for (let i = 0; i < flags.count; i++) {
      lines.push(readLine(reader, getFlags(reader)));
    }
    return { type: "MultiLineString", coordinates: lines };
  } else if (flags.type === 6) {
    const polygons = [];
    for (let i = 0; i < flags.count; i++) {
      polygons.push(readPolygon(reader, getFlags(reader)));
    }
    return { type: "MultiPolygon", coordinates: polygons };
  } else if (flags.type === 7) {
    const geometries = [];
    for (let i = 0; i < flags.count; i++) {
      geometries.push(wkbToGeojson(reader));
    }
    return { type: "GeometryCollection", geometries };
  } else {
    throw new Error(`Unsupported geometry type: ${flags.type}`);
  }
}
function getFlags(reader) {
  const { view } = reader;
  const littleEndian = view.getUint8(reader.offset++) === 1;
  const rawType = view.getUint32(reader.offset, littleEndian);
  reader.offset += 4;
  const type = rawType % 1e3;
  const flags = Math.floor(rawType / 1e3);
  let count = 0;
  if (type > 1 && type <= 7) {
    count = view.getUint32(reader.offset, littleEndian);
    reader.offset += 4;
  }
  let dim = 2;
  if (flags) dim++;
  if (flags === 3) dim++;
  return { littleEndian, type, dim, count };
}
function readPosition(reader, flags) {
  const points = [];
  for (let i = 0; i < flags.dim; i++) {
    const coord = reader.view.getFloat64(reader.offset, flags.littleEndian);
    reader.offset += 8;
    points.push(coord);
  }
  return points;
}
function readLine(reader, flags) {
  const points = [];
  for (let i = 0; i < flags.count; i++) {
    points.push(readPosition(reader, flags));
  }
  return points;
}
function readPolygon(reader, flags) {
  const { view } = reader;
  const rings = [];
  for (let r = 0; r < flags.count; r++) {
    const count = view.getUint32(reader.offset, flags.littleEndian);
    reader.offset += 4;
    rings.push(readLine(reader, { ...flags, count }));
  }
  return rings;
}

// node_modules/hyparquet/src/convert.js
var decoder = new TextDecoder();
var DEFAULT_PARSERS = {
  timestampFromMilliseconds(millis) {
    return new Date(Number(millis));
  },
  timestampFromMicroseconds(micros) {
    return new Date(Number(micros / 1000n));
  },
  timestampFromNanoseconds(nanos) {
    return new Date(Number(nanos / 1000000n));
  },
  dateFromDays(days) {
    return new Date(days * 864e5);
  },
  stringFromBytes(bytes) {
    return bytes && decoder.decode(bytes);
  },
  jsonFromBytes(bytes) {
    return bytes && JSON.parse(decoder.decode(bytes));
  },
  geometryFromBytes(bytes) {
    return bytes && wkbToGeojson({ view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 });
  },
  geographyFromBytes(bytes) {
    return bytes && wkbToGeojson({ view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 });
  },
  uuidFromBytes(bytes) {
    if (!bytes) return void 0;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20, 32);
  }
};
function convertWithDictionary(data, dictionary, encoding, columnDecoder) {
  if (dictionary && encoding.endsWith("_DICTIONARY")) {
    let output = data;
    if (data instanceof Uint8Array && !(dictionary instanceof Uint8Array)) {
      output = new dictionary.constructor(data.length);
    }
    for (let i = 0; i < data.length; i++) {
      output[i] = dictionary[data[i]];
    }
    return output;
  } else {
    return convert(data, columnDecoder);
  }
}
function convert(data, columnDecoder) {
  const { element, parsers, utf8 = true, schemaPath } = columnDecoder;
  const { type, converted_type: ctype, logical_type: ltype } = element;
  const nullable = element.repetition_type !== "REQUIRED";
  const isVariant = schemaPath?.some((s) => s.element.logical_type?.type === "VARIANT");
  if (isVariant && type === "BYTE_ARRAY" && ctype !== "UTF8" && ltype?.type !== "STRING") {
    return data;
  }
  if (ctype === "DECIMAL") {
    const scale = element.scale || 0;
    const factor = 10 ** -scale;
    const arr = new Array(data.length);
    for (let i = 0; i < arr.length; i++) {
      if (data[i] instanceof Uint8Array) {
        arr[i] = parseDecimal(data[i]) * factor;
      } else {
        arr[i] = Number(data[i]) * factor;
      }
    }
    return arr;
  }
  if (!ctype && type === "INT96") {
    return Array.from(data).map((v) => parsers.timestampFromNanoseconds(parseInt96Nanos(v)));
  }
  if (ctype === "DATE") {
    return Array.from(data).map((v) => parsers.dateFromDays(v));
  }
  if (ctype === "TIMESTAMP_MILLIS") {
    return Array.from(data).map((v) => parsers.timestampFromMilliseconds(v));
  }
  if (ctype === "TIMESTAMP_MICROS") {
    return Array.from(data).map((v) => parsers.timestampFromMicroseconds(v));
  }
  if (ctype === "JSON") {
    return data.map((v) => parsers.jsonFromBytes(v));
  }
  if (ctype === "BSON") {
    throw new Error("parquet bson not supported");
  }
  if (ctype === "INTERVAL") {
    throw new Error("parquet interval not supported");
  }
  if (ltype?.type === "GEOMETRY") {
    return data.map((v) => parsers.geometryFromBytes(v));
  }
  if (ltype?.type === "GEOGRAPHY") {
    return data.map((v) => parsers.geographyFromBytes(v));
  }
  if (ltype?.type === "UUID") {
    return data.map((v) => parsers.uuidFromBytes(v));
  }
  if (ctype === "UTF8" || ltype?.type === "STRING" || utf8 && type === "BYTE_ARRAY") {
    return data.map((v) => parsers.stringFromBytes(v));
  }
  if (ctype === "UINT_64" || ltype?.type === "INTEGER" && ltype.bitWidth === 64 && !ltype.isSigned) {
    if (data instanceof BigInt64Array) return new BigUint64Array(data.buffer, data.byteOffset, data.length);
    const arr = nullable ? new Array(data.length) : new BigUint64Array(data.length);
    for (let i = 0; i < arr.length; i++) arr[i] = data[i];
    return arr;
  }
  if (ctype === "UINT_32" || ltype?.type === "INTEGER" && ltype.bitWidth === 32 && !ltype.isSigned) {
    if (data instanceof Int32Array) return new Uint32Array(data.buffer, data.byteOffset, data.length);
    const arr = nullable ? new Array(data.length) : new Uint32Array(data.length);
    for (let i = 0; i < arr.length; i++) {
      arr[i] = data[i] < 0 ? 4294967296 + data[i] : data[i];
    }
    return arr;
  }
  if (ltype?.type === "FLOAT16") {
    return Array.from(data).map(parseFloat16);
  }
  if (ltype?.type === "TIMESTAMP") {
    const { unit } = ltype;
    let parser = parsers.timestampFromMilliseconds;
    if (unit === "MICROS") parser = parsers.timestampFromMicroseconds;
    if (unit === "NANOS") parser = parsers.timestampFromNanoseconds;
    const arr = new Array(data.length);
    for (let i = 0; i < arr.length; i++) {
      arr[i] = parser(data[i]);
    }
    return arr;
  }
  return data;
}
function parseDecimal(bytes) {
  if (!bytes.length) return 0;
  let value = 0n;
  for (const byte of bytes) {
    value = value * 256n + BigInt(byte);
  }
  const bits = bytes.length * 8;
  if (value >= 2n ** BigInt(bits - 1)) {
    value -= 2n ** BigInt(bits);
  }
  return Number(value);
}
function parseInt96Nanos(value) {
  const days = (value >> 64n) - 2440588n;
  const nano = value & 0xffffffffffffffffn;
  return days * 86400000000000n + nano;
}
function parseFloat16(bytes) {
  if (!bytes) return void 0;
  const int16 = bytes[1] << 8 | bytes[0];
  const sign = int16 >> 15 ? -1 : 1;
  const exp = int16 >> 10 & 31;
  const frac = int16 & 1023;
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024);
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * 2 ** (exp - 15) * (1 + frac / 1024);
}

// node_modules/hyparquet/src/schema.js
function schemaTree(schema, rootIndex, path) {
  const element = schema[rootIndex];
  const children = [];
  let count = 1;
  if (element.num_children) {
    while (children.length < element.num_children) {
      const childElement = schema[rootIndex + count];
      const child = schemaTree(schema, rootIndex + count, [...path, childElement.name]);
      count += child.count;
      children.push(child);
    }
  }
  return { count, element, children, path };
}
function getSchemaPath(schema, name) {
  return getTreePath(schemaTree(schema, 0, []), name);
}
function getTreePath(tree, name) {
  const path = [tree];
  for (const part of name) {
    const child = tree.children.find((child2) => child2.element.name === part);
    if (!child) throw new Error(`parquet schema element not found: ${name}`);
    path.push(child);
    tree = child;
  }
  return path;
}
function getPhysicalColumns(schemaTree2) {
  const columns = [];
  function traverse(node) {
    if (node.children.length) {
      for (const child of node.children) {
        traverse(child);
      }
    } else {
      columns.push(node.path.join("."));
    }
  }
  traverse(schemaTree2);
  return columns;
}
function getMaxRepetitionLevel(schemaPath) {
  let maxLevel = 0;
  for (const { element } of schemaPath) {
    if (element.repetition_type === "REPEATED") {
      maxLevel++;
    }
  }
  return maxLevel;
}
function getMaxDefinitionLevel(schemaPath) {
  let maxLevel = 0;
  for (const { element } of schemaPath.slice(1)) {
    if (element.repetition_type !== "REQUIRED") {
      maxLevel++;
    }
  }
  return maxLevel;
}
function isListLike(schema) {
  if (!schema) return false;
  if (schema.element.converted_type !== "LIST") return false;
  if (schema.children.length > 1) return false;
  const firstChild = schema.children[0];
  if (firstChild.children.length > 1) return false;
  if (firstChild.element.repetition_type !== "REPEATED") return false;
  return true;
}
function isMapLike(schema) {
  if (!schema) return false;
  if (schema.element.converted_type !== "MAP") return false;
  if (schema.children.length > 1) return false;
  const firstChild = schema.children[0];
  if (firstChild.children.length !== 2) return false;
  if (firstChild.element.repetition_type !== "REPEATED") return false;
  const keyChild = firstChild.children.find((child) => child.element.name === "key");
  if (keyChild?.element.repetition_type === "REPEATED") return false;
  const valueChild = firstChild.children.find((child) => child.element.name === "value");
  if (valueChild?.element.repetition_type === "REPEATED") return false;
  return true;
}
function isFlatColumn(schemaPath) {
  if (schemaPath.length !== 2) return false;
  const [, column] = schemaPath;
  if (column.element.repetition_type === "REPEATED") return false;
  if (column.children.length) return false;
  return true;
}

// node_modules/hyparquet/src/thrift.js
var STOP = 0;
var TRUE = 1;
var FALSE = 2;
var BYTE = 3;
var I16 = 4;
var I32 = 5;
var I64 = 6;
var DOUBLE = 7;
var BINARY = 8;
var LIST = 9;
var STRUCT = 12;
function deserializeTCompactProtocol(reader) {
  const value = {};
  let fid = 0;
  while (true) {
    if (reader.offset >= reader.view.byteLength) throw new Error("thrift struct ended without STOP");
    const byte = reader.view.getUint8(reader.offset++);
    const type = byte & 15;
    if (type === STOP) break;
    const delta = byte >> 4;
    fid = delta ? fid + delta : readZigZag(reader);
    value[`field_${fid}`] = readElement(reader, type);
  }
  return value;
}
function readElement(reader, type) {
  switch (type) {
    case TRUE:
      return true;
    case FALSE:
      return false;
    case BYTE:
      return reader.view.getInt8(reader.offset++);
    case I16:
    case I32:
      return readZigZag(reader);
    case I64:
      return readZigZagBigInt(reader);
    case DOUBLE: {
      const value = reader.view.getFloat64(reader.offset, true);
      reader.offset += 8;
      return value;
    }
    case BINARY: {
      const stringLength = readVarInt(reader);
      if (reader.offset + stringLength > reader.view.byteLength) {
        throw new Error(`thrift binary length ${stringLength} exceeds remaining ${reader.view.byteLength - reader.offset} bytes`);
      }
      const strBytes = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, stringLength);
      reader.offset += stringLength;
      return strBytes;
    }
    case LIST: {
      const byte = reader.view.getUint8(reader.offset++);
      const elemType = byte & 15;
      let listSize = byte >> 4;
      if (listSize === 15) {
        listSize = readVarInt(reader);
      }
      const boolType = elemType === TRUE || elemType === FALSE;
      const values = new Array(listSize);
      for (let i = 0; i < listSize; i++) {
        values[i] = boolType ? readElement(reader, BYTE) === 1 : readElement(reader, elemType);
      }
      return values;
    }
    case STRUCT:
      return deserializeTCompactProtocol(reader);
    default:
      throw new Error(`thrift unhandled type: ${type}`);
  }
}
function readVarInt(reader) {
  let result = 0;
  let shift = 0;
  while (true) {
    const byte = reader.view.getUint8(reader.offset++);
    result |= (byte & 127) << shift;
    if (!(byte & 128)) {
      return result;
    }
    shift += 7;
  }
}
function readVarBigInt(reader) {
  let result = 0n;
  let shift = 0n;
  while (true) {
    const byte = reader.view.getUint8(reader.offset++);
    result |= BigInt(byte & 127) << shift;
    if (!(byte & 128)) {
      return result;
    }
    shift += 7n;
  }
}
function readZigZag(reader) {
  const zigzag = readVarInt(reader);
  return zigzag >>> 1 ^ -(zigzag & 1);
}
function readZigZagBigInt(reader) {
  const zigzag = readVarBigInt(reader);
  return zigzag >> 1n ^ -(zigzag & 1n);
}

// node_modules/hyparquet/src/geoparquet.js
function markGeoColumns(schema, key_value_metadata) {
  const columns = /* @__PURE__ */ new Map();
  const geo = key_value_metadata?.find(({ key }) => key === "geo")?.value;
  const decodedColumns = (geo && JSON.parse(geo)?.columns) ?? {};
  for (const [name, column] of Object.entries(decodedColumns)) {
    if (column.encoding !== "WKB") continue;
    const type = column.edges === "spherical" ? "GEOGRAPHY" : "GEOMETRY";
    const id = column.crs?.id ?? column.crs?.ids?.[0];
    const crs = id ? `${id.authority}:${id.code.toString()}` : void 0;
    columns.set(name, { type, crs });
  }
  for (let i = 1; i < schema.length; i++) {
    const { logical_type, name, num_children, type } = schema[i];
    if (num_children) {
      i += num_children;
      continue;
    }
    if (type === "BYTE_ARRAY" && !logical_type) {
      schema[i].logical_type = columns.get(name);
    }
  }
}

// node_modules/hyparquet/src/metadata.js
var defaultInitialFetchSize = 1 << 19;
var decoder2 = new TextDecoder();
function decode(value) {
  return value && decoder2.decode(value);
}
async function parquetMetadataAsync(asyncBuffer, { parsers, initialFetchSize = defaultInitialFetchSize, geoparquet = true } = {}) {
  if (!asyncBuffer || !(asyncBuffer.byteLength >= 0)) throw new Error("parquet expected AsyncBuffer");
  const footerOffset = Math.max(0, asyncBuffer.byteLength - initialFetchSize);
  const footerBuffer = await asyncBuffer.slice(footerOffset, asyncBuffer.byteLength);
  const footerView = new DataView(footerBuffer);
  if (footerView.getUint32(footerBuffer.byteLength - 4, true) !== 827474256) {
    throw new Error("parquet file invalid (footer != PAR1)");
  }
  const metadataLength = footerView.getUint32(footerBuffer.byteLength - 8, true);
  if (metadataLength > asyncBuffer.byteLength - 8) {
    throw new Error(`parquet metadata length ${metadataLength} exceeds available buffer ${asyncBuffer.byteLength - 8}`);
  }
  if (metadataLength + 8 > initialFetchSize) {
    const metadataOffset = asyncBuffer.byteLength - metadataLength - 8;
    const metadataBuffer = await asyncBuffer.slice(metadataOffset, footerOffset);
    const combinedBuffer = new ArrayBuffer(metadataLength + 8);
    const combinedView = new Uint8Array(combinedBuffer);
    combinedView.set(new Uint8Array(metadataBuffer));
    combinedView.set(new Uint8Array(footerBuffer), footerOffset - metadataOffset);
    return parquetMetadata(combinedBuffer, { parsers, geoparquet });
  } else {
    return parquetMetadata(footerBuffer, { parsers, geoparquet });
  }
}
function parquetMetadata(arrayBuffer, { parsers, geoparquet = true } = {}) {
  let view;
  if (arrayBuffer instanceof ArrayBuffer) {
    view = new DataView(arrayBuffer);
  } else if (arrayBuffer instanceof Uint8Array) {
    view = new DataView(arrayBuffer.buffer, arrayBuffer.byteOffset, arrayBuffer.byteLength);
  } else {
    throw new Error("parquet expected ArrayBuffer or Uint8Array");
  }
  const allParsers = { ...DEFAULT_PARSERS, ...parsers };
  if (view.byteLength < 8) {
    throw new Error("parquet file is too short");
  }
  if (view.getUint32(view.byteLength - 4, true) !== 827474256) {
    throw new Error("parquet file invalid (footer != PAR1)");
  }
  const metadataLengthOffset = view.byteLength - 8;
  const metadataLength = view.getUint32(metadataLengthOffset, true);
  if (metadataLength > view.byteLength - 8) {
    throw new Error(`parquet metadata length ${metadataLength} exceeds available buffer ${view.byteLength - 8}`);
  }
  const metadataOffset = metadataLengthOffset - metadataLength;
  const reader = { view, offset: metadataOffset };
  const metadata = deserializeTCompactProtocol(reader);
  const version = metadata.field_1;
  const schema = metadata.field_2.map((field) => ({
    type: ParquetTypes[field.field_1],
    type_length: field.field_2,
    repetition_type: FieldRepetitionTypes[field.field_3],
    name: decode(field.field_4),
    num_children: field.field_5,
    converted_type: ConvertedTypes[field.field_6],
    scale: field.field_7,
    precision: field.field_8,
    field_id: field.field_9,
    logical_type: logicalType(field.field_10)
  }));
  const columnSchema = schema.filter((e) => e.type);
  const num_rows = metadata.field_3;
  const row_groups = metadata.field_4.map((rowGroup) => ({
    columns: rowGroup.field_1.map((column, columnIndex) => ({
      file_path: decode(column.field_1),
      file_offset: column.field_2,
      meta_data: column.field_3 && {
        type: ParquetTypes[column.field_3.field_1],
        encodings: column.field_3.field_2?.map((e) => Encodings[e]),
        path_in_schema: column.field_3.field_3.map(decode),
        codec: CompressionCodecs[column.field_3.field_4],
        num_values: column.field_3.field_5,
        total_uncompressed_size: column.field_3.field_6,
        total_compressed_size: column.field_3.field_7,
        key_value_metadata: column.field_3.field_8?.map((kv) => ({
          key: decode(kv.field_1),
          value: decode(kv.field_2)
        })),
        data_page_offset: column.field_3.field_9,
        index_page_offset: column.field_3.field_10,
        dictionary_page_offset: column.field_3.field_11,
        statistics: convertStats(column.field_3.field_12, columnSchema[columnIndex], allParsers),
        encoding_stats: column.field_3.field_13?.map((encodingStat) => ({
          page_type: PageTypes[encodingStat.field_1],
          encoding: Encodings[encodingStat.field_2],
          count: encodingStat.field_3
        })),
        bloom_filter_offset: column.field_3.field_14,
        bloom_filter_length: column.field_3.field_15,
        size_statistics: column.field_3.field_16 && {
          unencoded_byte_array_data_bytes: column.field_3.field_16.field_1,
          repetition_level_histogram: column.field_3.field_16.field_2,
          definition_level_histogram: column.field_3.field_16.field_3
        },
        geospatial_statistics: column.field_3.field_17 && {
          bbox: column.field_3.field_17.field_1 && {
            xmin: column.field_3.field_17.field_1.field_1,
            xmax: column.field_3.field_17.field_1.field_2,
            ymin: column.field_3.field_17.field_1.field_3,
            ymax: column.field_3.field_17.field_1.field_4,
            zmin: column.field_3.field_17.field_1.field_5,
            zmax: column.field_3.field_17.field_1.field_6,
            mmin: column.field_3.field_17.field_1.field_7,
            mmax: column.field_3.field_17.field_1.field_8
          },
          geospatial_types: column.field_3.field_17.field_2
        }
      },
      offset_index_offset: column.field_4,
      offset_index_length: column.field_5,
      column_index_offset: column.field_6,
      column_index_length: column.field_7,
      crypto_metadata: column.field_8,
      encrypted_column_metadata: column.field_9
    })),
    total_byte_size: rowGroup.field_2,
    num_rows: rowGroup.field_3,
    sorting_columns: rowGroup.field_4?.map((sortingColumn) => ({
      column_idx: sortingColumn.field_1,
      descending: sortingColumn.field_2,
      nulls_first: sortingColumn.field_3
    })),
    file_offset: rowGroup.field_5,
    total_compressed_size: rowGroup.field_6,
    ordinal: rowGroup.field_7
  }));
  const key_value_metadata = metadata.field_5?.map((kv) => ({
    key: decode(kv.field_1),
    value: decode(kv.field_2)
  }));
  const created_by = decode(metadata.field_6);
  if (geoparquet) {
    markGeoColumns(schema, key_value_metadata);
  }
  return {
    version,
    schema,
    num_rows,
    row_groups,
    key_value_metadata,
    created_by,
    metadata_length: metadataLength
  };
}
function parquetSchema({ schema }) {
  return getSchemaPath(schema, [])[0];
}
function logicalType(logicalType2) {
  if (logicalType2?.field_1) return { type: "STRING" };
  if (logicalType2?.field_2) return { type: "MAP" };
  if (logicalType2?.field_3) return { type: "LIST" };
  if (logicalType2?.field_4) return { type: "ENUM" };
  if (logicalType2?.field_5) return {
    type: "DECIMAL",
    scale: logicalType2.field_5.field_1,
    precision: logicalType2.field_5.field_2
  };
  if (logicalType2?.field_6) return { type: "DATE" };
  if (logicalType2?.field_7) return {
    type: "TIME",
    isAdjustedToUTC: logicalType2.field_7.field_1,
    unit: timeUnit(logicalType2.field_7.field_2)
  };
  if (logicalType2?.field_8) return {
    type: "TIMESTAMP",
    isAdjustedToUTC: logicalType2.field_8.field_1,
    unit: timeUnit(logicalType2.field_8.field_2)
  };
  if (logicalType2?.field_10) return {
    type: "INTEGER",
    bitWidth: logicalType2.field_10.field_1,
    isSigned: logicalType2.field_10.field_2
  };
  if (logicalType2?.field_11) return { type: "NULL" };
  if (logicalType2?.field_12) return { type: "JSON" };
  if (logicalType2?.field_13) return { type: "BSON" };
  if (logicalType2?.field_14) return { type: "UUID" };
  if (logicalType2?.field_15) return { type: "FLOAT16" };
  if (logicalType2?.field_16) return {
    type: "VARIANT",
    specification_version: logicalType2.field_16.field_1
  };
  if (logicalType2?.field_17) return {
    type: "GEOMETRY",
    crs: decode(logicalType2.field_17.field_1)
  };
  if (logicalType2?.field_18) return {
    type: "GEOGRAPHY",
    crs: decode(logicalType2.field_18.field_1),
    algorithm: EdgeInterpolationAlgorithms[logicalType2.field_18.field_2]
  };
  return logicalType2;
}
function timeUnit(unit) {
  if (unit.field_1) return "MILLIS";
  if (unit.field_2) return "MICROS";
  if (unit.field_3) return "NANOS";
  throw new Error("parquet time unit required");
}
function convertStats(stats, schema, parsers) {
  return stats && {
    max: convertMetadata(stats.field_1, schema, parsers),
    min: convertMetadata(stats.field_2, schema, parsers),
    null_count: stats.field_3,
    distinct_count: stats.field_4,
    max_value: convertMetadata(stats.field_5, schema, parsers),
    min_value: convertMetadata(stats.field_6, schema, parsers),
    is_max_value_exact: stats.field_7,
    is_min_value_exact: stats.field_8
  };
}
function convertMetadata(value, schema, parsers) {
  const { type, converted_type, logical_type } = schema;
  if (value === void 0) return value;
  if (type === "BOOLEAN") return value[0] === 1;
  if (type === "BYTE_ARRAY") return parsers.stringFromBytes(value);
  const view = new DataView(value.buffer, value.byteOffset, value.byteLength);
  if (type === "FLOAT" && view.byteLength === 4) return view.getFloat32(0, true);
  if (type === "DOUBLE" && view.byteLength === 8) return view.getFloat64(0, true);
  if (type === "INT32" && converted_type === "DECIMAL" && view.byteLength === 4) {
    return view.getInt32(0, true) * 10 ** -(schema.scale || 0);
  }
  if (type === "INT64" && converted_type === "DECIMAL" && view.byteLength === 8) {
    return Number(view.getBigInt64(0, true)) * 10 ** -(schema.scale || 0);
  }
  if (type === "INT32" && converted_type === "DATE") return parsers.dateFromDays(view.getInt32(0, true));
  if (type === "INT64" && converted_type === "TIMESTAMP_MILLIS") return parsers.timestampFromMilliseconds(view.getBigInt64(0, true));
  if (type === "INT64" && converted_type === "TIMESTAMP_MICROS") return parsers.timestampFromMicroseconds(view.getBigInt64(0, true));
  if (type === "INT64" && logical_type?.type === "TIMESTAMP" && logical_type?.unit === "NANOS") return parsers.timestampFromNanoseconds(view.getBigInt64(0, true));
  if (type === "INT64" && logical_type?.type === "TIMESTAMP" && logical_type?.unit === "MICROS") return parsers.timestampFromMicroseconds(view.getBigInt64(0, true));
  if (type === "INT64" && logical_type?.type === "TIMESTAMP") return parsers.timestampFromMilliseconds(view.getBigInt64(0, true));
  const unsigned = converted_type?.startsWith("UINT_") || logical_type?.type === "INTEGER" && !logical_type.isSigned;
  if (type === "INT32" && unsigned && view.byteLength === 4) return view.getUint32(0, true);
  if (type === "INT64" && unsigned && view.byteLength === 8) return view.getBigUint64(0, true);
  if (type === "INT32" && view.byteLength === 4) return view.getInt32(0, true);
  if (type === "INT64" && view.byteLength === 8) return view.getBigInt64(0, true);
  if (converted_type === "DECIMAL") return parseDecimal(value) * 10 ** -(schema.scale || 0);
  if (logical_type?.type === "FLOAT16") return parseFloat16(value);
  if (logical_type?.type === "UUID") return parsers.uuidFromBytes(value);
  if (type === "FIXED_LEN_BYTE_ARRAY") return value;
  return value;
}

// node_modules/hyparquet/src/indexes.js
function readColumnIndex(reader, schema, parsers = void 0) {
  const allParsers = { ...DEFAULT_PARSERS, ...parsers };
  const thrift = deserializeTCompactProtocol(reader);
  return {
    null_pages: thrift.field_1,
    min_values: thrift.field_2.map((m) => convertMetadata(m, schema, allParsers)),
    max_values: thrift.field_3.map((m) => convertMetadata(m, schema, allParsers)),
    boundary_order: BoundaryOrders[thrift.field_4],
    null_counts: thrift.field_5,
    repetition_level_histograms: thrift.field_6,
    definition_level_histograms: thrift.field_7
  };
}
function readOffsetIndex(reader) {
  const thrift = deserializeTCompactProtocol(reader);
  return {
    // @ts-ignore
    page_locations: thrift.field_1.map((loc) => ({
      offset: loc.field_1,
      compressed_page_size: loc.field_2,
      first_row_index: loc.field_3
    })),
    unencoded_byte_array_data_bytes: thrift.field_2
  };
}

// node_modules/hyparquet/src/xxhash.js
var MASK = 0xffffffffffffffffn;
var PRIME1 = 0x9e3779b185ebca87n;
var PRIME2 = 0xc2b2ae3d27d4eb4fn;
var PRIME3 = 0x165667b19e3779f9n;
var PRIME4 = 0x85ebca77c2b2ae63n;
var PRIME5 = 0x27d4eb2f165667c5n;
function rotl64(x, r) {
  return (x << r | x >> 64n - r) & MASK;
}
function round(acc, val) {
  acc = acc + val * PRIME2 & MASK;
  acc = rotl64(acc, 31n);
  return acc * PRIME1 & MASK;
}
function mergeRound(acc, val) {
  acc ^= round(0n, val);
  return acc * PRIME1 + PRIME4 & MASK;
}
function xxhash64(input, seed = 0n) {
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const len = input.byteLength;
  let offset = 0;
  let h64;
  if (len >= 32) {
    let v1 = seed + PRIME1 + PRIME2 & MASK;
    let v2 = seed + PRIME2 & MASK;
    let v3 = seed;
    let v4 = seed - PRIME1 & MASK;
    while (offset + 32 <= len) {
      v1 = round(v1, view.getBigUint64(offset, true));
      offset += 8;
      v2 = round(v2, view.getBigUint64(offset, true));
      offset += 8;
      v3 = round(v3, view.getBigUint64(offset, true));
      offset += 8;
      v4 = round(v4, view.getBigUint64(offset, true));
      offset += 8;
    }
    h64 = rotl64(v1, 1n) + rotl64(v2, 7n) + rotl64(v3, 12n) + rotl64(v4, 18n) & MASK;
    h64 = mergeRound(h64, v1);
    h64 = mergeRound(h64, v2);
    h64 = mergeRound(h64, v3);
    h64 = mergeRound(h64, v4);
  } else {
    h64 = seed + PRIME5 & MASK;
  }
  h64 = h64 + BigInt(len) & MASK;
  while (offset + 8 <= len) {
    h64 ^= round(0n, view.getBigUint64(offset, true));
    h64 = rotl64(h64, 27n) * PRIME1 + PRIME4 & MASK;
    offset += 8;
  }
  if (offset + 4 <= len) {
    h64 ^= BigInt(view.getUint32(offset, true)) * PRIME1 & MASK;
    h64 = rotl64(h64, 23n) * PRIME2 + PRIME3 & MASK;
    offset += 4;
  }
  while (offset < len) {
    h64 ^= BigInt(view.getUint8(offset)) * PRIME5 & MASK;
    h64 = rotl64(h64, 11n) * PRIME1 & MASK;
    offset += 1;
  }
  h64 ^= h64 >> 33n;
  h64 = h64 * PRIME2 & MASK;
  h64 ^= h64 >> 29n;
  h64 = h64 * PRIME3 & MASK;
  h64 ^= h64 >> 32n;
  return h64;
}

// node_modules/hyparquet/src/bloom.js
var textEncoder = new TextEncoder();
var SALT = new Uint32Array([
  1203114875,
  1150766481,
  2284105051,
  2729912477,
  1884591559,
  770785867,
  2667333959,
  1550580529
]);
function blockIndex(hash, numBlocks) {
  return Number((hash >> 32n) * BigInt(numBlocks) >> 32n);
}
function blockMask(hash) {
  const m = new Uint32Array(8);
  const low = Number(hash & 0xffffffffn) | 0;
  for (let i = 0; i < 8; i++) {
    m[i] = 1 << (Math.imul(low, SALT[i]) >>> 27);
  }
  return m;
}
function sbbfContains(blocks, hash) {
  const offset = blockIndex(hash, blocks.length >> 3) << 3;
  const m = blockMask(hash);
  for (let i = 0; i < 8; i++) {
    if ((blocks[offset + i] & m[i]) === 0) return false;
  }
  return true;
}
function readBloomFilter(reader) {
  const header = deserializeTCompactProtocol(reader);
  const numBytes = header.field_1;
  if (typeof numBytes !== "number" || numBytes <= 0 || numBytes % 32 !== 0) return void 0;
  if (!header.field_2?.field_1) return void 0;
  if (!header.field_3?.field_1) return void 0;
  if (!header.field_4?.field_1) return void 0;
  const { view, offset } = reader;
  if (offset + numBytes > view.byteLength) {
    throw new Error(`parquet bloom filter truncated: need ${numBytes} bytes, have ${view.byteLength - offset}`);
  }
  const blocks = new Uint32Array(numBytes >> 2);
  for (let i = 0; i < blocks.length; i++) {
    blocks[i] = view.getUint32(offset + i * 4, true);
  }
  reader.offset = offset + numBytes;
  return { numBytes, blocks };
}
function hashParquetValue(value, element) {
  if (value === null || value === void 0) return void 0;
  const { type, converted_type, logical_type } = element;
  if (type === "BOOLEAN") {
    if (typeof value !== "boolean") return void 0;
    return xxhash64(new Uint8Array([value ? 1 : 0]));
  }
  if (type === "FLOAT") {
    if (typeof value !== "number") return void 0;
    const buf = new ArrayBuffer(4);
    new DataView(buf).setFloat32(0, value, true);
    return xxhash64(new Uint8Array(buf));
  }
  if (type === "DOUBLE") {
    if (typeof value !== "number") return void 0;
    const buf = new ArrayBuffer(8);
    new DataView(buf).setFloat64(0, value, true);
    return xxhash64(new Uint8Array(buf));
  }
  if (type === "INT32") {
    if (converted_type === "DATE" || converted_type === "DECIMAL" || converted_type === "TIME_MILLIS") return void 0;
    if (logical_type?.type === "DATE" || logical_type?.type === "TIME" || logical_type?.type === "DECIMAL") return void 0;
    if (typeof value !== "number" || !Number.isInteger(value)) return void 0;
    const buf = new ArrayBuffer(4);
    new DataView(buf).setInt32(0, value | 0, true);
    return xxhash64(new Uint8Array(buf));
  }
  if (type === "INT64") {
    if (converted_type === "TIMESTAMP_MILLIS" || converted_type === "TIMESTAMP_MICROS") return void 0;
    if (converted_type === "TIME_MICROS" || converted_type === "DECIMAL") return void 0;
    if (logical_type?.type === "TIMESTAMP" || logical_type?.type === "TIME" || logical_type?.type === "DECIMAL") return void 0;
    let bigValue;
    if (typeof value === "bigint") bigValue = value;
    else if (typeof value === "number" && Number.isSafeInteger(value)) bigValue = BigInt(value);
    else return void 0;
    const buf = new ArrayBuffer(8);
    new DataView(buf).setBigUint64(0, BigInt.asUintN(64, bigValue), true);
    return xxhash64(new Uint8Array(buf));
  }
  if (type === "BYTE_ARRAY") {
    if (converted_type === "JSON" || converted_type === "BSON" || converted_type === "DECIMAL") return void 0;
    if (logical_type?.type === "JSON" || logical_type?.type === "BSON" || logical_type?.type === "VARIANT") return void 0;
    if (logical_type?.type === "GEOMETRY" || logical_type?.type === "GEOGRAPHY") return void 0;
    if (typeof value === "string") return xxhash64(textEncoder.encode(value));
    if (value instanceof Uint8Array) return xxhash64(value);
    return void 0;
  }
  if (type === "FIXED_LEN_BYTE_ARRAY") {
    if (converted_type === "DECIMAL" || converted_type === "INTERVAL") return void 0;
    if (logical_type?.type === "DECIMAL" || logical_type?.type === "UUID" || logical_type?.type === "FLOAT16") return void 0;
    if (logical_type?.type === "GEOMETRY" || logical_type?.type === "GEOGRAPHY") return void 0;
    if (value instanceof Uint8Array) return xxhash64(value);
    return void 0;
  }
  return void 0;
}
function bloomEligibleColumns(filter) {
  const out = /* @__PURE__ */ new Set();
  walkBloomEligible(filter, out);
  return out;
}
function walkBloomEligible(filter, out) {
  if (!filter) return;
  if ("$and" in filter && Array.isArray(filter.$and)) {
    for (const sub of filter.$and) walkBloomEligible(sub, out);
    return;
  }
  if ("$or" in filter && Array.isArray(filter.$or)) {
    for (const sub of filter.$or) walkBloomEligible(sub, out);
    return;
  }
  if ("$nor" in filter) return;
  for (const [field, condition] of Object.entries(filter)) {
    if (field.startsWith("$")) continue;
    if (typeof condition === "object" && condition !== null && !Array.isArray(condition)) {
      if ("$eq" in condition || "$in" in condition) out.add(field);
    } else {
      out.add(field);
    }
  }
}

// node_modules/hyparquet/src/utils.js
function concat(aaa, bbb) {
  const chunk = 1e4;
  for (let i = 0; i < bbb.length; i += chunk) {
    aaa.push(...bbb.slice(i, i + chunk));
  }
}
function equals(a, b, strict = true) {
  if (strict ? a === b : a == b) return true;
  if (!a || !b || typeof a !== "object" || typeof b !== "object") return false;
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      if (a[i] !== b[i]) return false;
    }
    return true;
  }
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      if (!equals(a[i], b[i], strict)) return false;
    }
    return true;
  }
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  for (const k of aKeys) {
    if (!equals(a[k], b[k], strict)) return false;
  }
  return true;
}
function flatten(chunks) {
  if (!chunks) return [];
  if (chunks.length === 1) return chunks[0];
  const output = [];
  for (const chunk of chunks) {
    concat(output, chunk);
  }
  return output;
}

// node_modules/hyparquet/src/filter.js
var encoder = new TextEncoder();
function pathsNeededForFilter(filter) {
  if (!filter) return [];
  const paths = [];
  if ("$and" in filter && Array.isArray(filter.$and)) {
    paths.push(...filter.$and.flatMap(pathsNeededForFilter));
  } else if ("$or" in filter && Array.isArray(filter.$or)) {
    paths.push(...filter.$or.flatMap(pathsNeededForFilter));
  } else if ("$nor" in filter && Array.isArray(filter.$nor)) {
    paths.push(...filter.$nor.flatMap(pathsNeededForFilter));
  } else {
    paths.push(...Object.keys(filter));
  }
  return [...new Set(paths)];
}
function columnsNeededForFilter(filter) {
  return [...new Set(pathsNeededForFilter(filter).map((path) => path.split(".")[0]))];
}
function matchFilter(record, filter, strict = true) {
  if ("$and" in filter && Array.isArray(filter.$and)) {
    return filter.$and.every((subQuery) => matchFilter(record, subQuery, strict));
  }
  if ("$or" in filter && Array.isArray(filter.$or)) {
    return filter.$or.some((subQuery) => matchFilter(record, subQuery, strict));
  }
  if ("$nor" in filter && Array.isArray(filter.$nor)) {
    return !filter.$nor.some((subQuery) => matchFilter(record, subQuery, strict));
  }
  return Object.entries(filter).every(([field, condition]) => {
    const value = resolve(record, field);
    if (typeof condition !== "object" || condition === null || Array.isArray(condition)) {
      return equals(value, condition, strict);
    }
    return Object.entries(condition || {}).every(([operator, target]) => {
      if (operator === "$gt") return value !== null && value !== void 0 && value > target;
      if (operator === "$gte") return value !== null && value !== void 0 && value >= target;
      if (operator === "$lt") return value !== null && value !== void 0 && value < target;
      if (operator === "$lte") return value !== null && value !== void 0 && value <= target;
      if (operator === "$eq") return equals(value, target, strict);
      if (operator === "$ne") return !equals(value, target, strict);
      if (operator === "$in") return Array.isArray(target) && matchesIn(value, target, strict);
      if (operator === "$nin") return Array.isArray(target) && !matchesIn(value, target, strict);
      if (operator === "$not") return !matchFilter({ value }, { value: target }, strict);
      return true;
    });
  });
}
function matchesIn(value, targets, strict) {
  return targets.some((target) => equals(value, target, strict) || Array.isArray(value) && value.some((element) => equals(element, target, strict)));
}
function canSkipRowGroup({ rowGroup, physicalColumns, filter, strict = true, bloomFilters, schemaElements }) {
  if (!filter) return false;
  if ("$and" in filter && Array.isArray(filter.$and)) {
    return filter.$and.some((subFilter) => canSkipRowGroup({ rowGroup, physicalColumns, filter: subFilter, strict, bloomFilters, schemaElements }));
  }
  if ("$or" in filter && Array.isArray(filter.$or)) {
    return filter.$or.every((subFilter) => canSkipRowGroup({ rowGroup, physicalColumns, filter: subFilter, strict, bloomFilters, schemaElements }));
  }
  if ("$nor" in filter && Array.isArray(filter.$nor)) {
    return false;
  }
  for (const [field, condition] of Object.entries(filter)) {
    const columnIndex = physicalColumns.indexOf(field);
    if (columnIndex === -1) continue;
    const stats = rowGroup.columns[columnIndex].meta_data?.statistics;
    const { min, max, min_value, max_value, null_count: nullCount } = stats || {};
    const minVal = min_value !== void 0 ? min_value : min;
    const maxVal = max_value !== void 0 ? max_value : max;
    const haveStats = minVal !== void 0 && maxVal !== void 0;
    const bloom = bloomFilters?.[field];
    const element = schemaElements?.[field];
    const matchingNulls = matchFilter({ value: null }, { value: condition }, strict) && (nullCount === void 0 || nullCount > 0);
    if (haveStats && !matchingNulls && canSkipStats(condition, minVal, maxVal, strict, element)) {
      return true;
    }
    for (const [operator, target] of Object.entries(condition || {})) {
      if (bloom && element) {
        if (operator === "$eq") {
          const hash = hashParquetValue(target, element);
          if (hash !== void 0 && !sbbfContains(bloom.blocks, hash)) return true;
        }
        if (operator === "$in" && Array.isArray(target) && target.length > 0) {
          let allAbsent = true;
          for (const v of target) {
            const h = hashParquetValue(v, element);
            if (h === void 0 || sbbfContains(bloom.blocks, h)) {
              allAbsent = false;
              break;
            }
          }
          if (allAbsent) return true;
        }
      }
    }
  }
  return false;
}
function canSkipStats(condition, minVal, maxVal, strict, element) {
  if (minVal === void 0 || maxVal === void 0) return false;
  const mayContainNaN = element?.type === "FLOAT" || element?.type === "DOUBLE" || element?.logical_type?.type === "FLOAT16";
  for (const [operator, target] of Object.entries(condition || {})) {
    const minComparison = compareParquetValues(minVal, target, strict, element);
    const maxComparison = compareParquetValues(maxVal, target, strict, element);
    const binaryBounds = minVal instanceof Uint8Array || maxVal instanceof Uint8Array;
    const relationalBoundsAreSafe = !binaryBounds && (element?.type !== "BYTE_ARRAY" || typeof target === "string" && [...target].every((character) => character.charCodeAt(0) <= 127));
    if (operator === "$gt" && relationalBoundsAreSafe && maxComparison !== void 0 && maxComparison <= 0) return true;
    if (operator === "$gte" && relationalBoundsAreSafe && maxComparison !== void 0 && maxComparison < 0) return true;
    if (operator === "$lt" && relationalBoundsAreSafe && minComparison !== void 0 && minComparison >= 0) return true;
    if (operator === "$lte" && relationalBoundsAreSafe && minComparison !== void 0 && minComparison > 0) return true;
    if (operator === "$eq") {
      const targetMinComparison = compareParquetValues(target, minVal, strict, element);
      const targetMaxComparison = compareParquetValues(target, maxVal, strict, element);
      if (targetMinComparison !== void 0 && targetMinComparison < 0 || targetMaxComparison !== void 0 && targetMaxComparison > 0) return true;
    }
    if (operator === "$ne" && !mayContainNaN && equals(minVal, maxVal, strict) && equals(minVal, target, strict)) return true;
    if (operator === "$in" && Array.isArray(target) && target.every((value) => {
      const valueMinComparison = compareParquetValues(value, minVal, strict, element);
      const valueMaxComparison = compareParquetValues(value, maxVal, strict, element);
      return valueMinComparison !== void 0 && valueMinComparison < 0 || valueMaxComparison !== void 0 && valueMaxComparison > 0;
    })) return true;
    if (operator === "$nin" && !mayContainNaN && Array.isArray(target) && equals(minVal, maxVal, strict) && target.some((value) => equals(minVal, value, strict))) return true;
  }
  return false;
}
function compareParquetValues(a, b, strict, element) {
  if (element?.type === "BYTE_ARRAY") {
    if (typeof a !== "string" || typeof b !== "string") return void 0;
    return compareBytes(encoder.encode(a), encoder.encode(b));
  }
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array)) return void 0;
    return compareBytes(a, b);
  }
  if (a < b) return -1;
  if (a > b) return 1;
  if (equals(a, b, strict)) return 0;
  return void 0;
}
function compareBytes(a, b) {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    if (a[i] < b[i]) return -1;
    if (a[i] > b[i]) return 1;
  }
  if (a.length < b.length) return -1;
  if (a.length > b.length) return 1;
  return 0;
}
function matchesNull(condition, strict) {
  return matchFilter({ value: null }, { value: condition }, strict);
}
function filterPageRanges(filter, columnPages, groupRows, strict = true) {
  if (!filter) return void 0;
  if ("$and" in filter && Array.isArray(filter.$and)) {
    let ranges;
    for (const subFilter of filter.$and) {
      ranges = intersectRanges(ranges, filterPageRanges(subFilter, columnPages, groupRows, strict));
    }
    return ranges;
  }
  if ("$or" in filter && Array.isArray(filter.$or)) {
    let ranges = [];
    for (const subFilter of filter.$or) {
      const subRanges = filterPageRanges(subFilter, columnPages, groupRows, strict);
      if (!subRanges) return void 0;
      ranges = unionRanges(ranges, subRanges);
    }
    return ranges;
  }
  if ("$nor" in filter && Array.isArray(filter.$nor)) {
    return void 0;
  }
  let result;
  for (const [field, condition] of Object.entries(filter)) {
    const pages = columnPages[field];
    if (!pages) continue;
    const nullCanMatch = matchesNull(condition, strict);
    const keep = [];
    for (let i = 0; i < pages.pageStarts.length; i++) {
      const start = pages.pageStarts[i];
      const end = i + 1 < pages.pageStarts.length ? pages.pageStarts[i + 1] : groupRows;
      const nullCount = pages.nullCounts?.[i];
      const matchingNulls = nullCanMatch && (nullCount === void 0 || nullCount > 0);
      const skip = !pages.nullPages[i] && !matchingNulls && canSkipStats(condition, pages.minValues[i], pages.maxValues[i], strict, pages.element);
      if (!skip) {
        const last = keep[keep.length - 1];
        if (last && last[1] === start) last[1] = end;
        else keep.push([start, end]);
      }
    }
    result = intersectRanges(result, keep);
  }
  return result;
}
function intersectRanges(a, b) {
  if (!a) return b;
  if (!b) return a;
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i][0], b[j][0]);
    const end = Math.min(a[i][1], b[j][1]);
    if (start < end) out.push([start, end]);
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return out;
}
function unionRanges(a, b) {
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || i < a.length && a[i][0] <= b[j][0] ? a[i++] : b[j++];
    const last = out[out.length - 1];
    if (last && next[0] <= last[1]) last[1] = Math.max(last[1], next[1]);
    else out.push([next[0], next[1]]);
  }
  return out;
}
function resolve(record, path) {
  let value = record;
  for (const part of path.split(".")) {
    value = value?.[part];
  }
  return value;
}

// node_modules/hyparquet/src/plan.js
var runLimit = 1 << 21;
var columnGapLimit = 1 << 13;
function parquetPlan(options) {
  const { metadata, rowStart = 0, columns, useOffsetIndex = false } = options;
  if (!metadata) throw new Error("parquetPlan requires metadata");
  const groups = [];
  const fetches = [];
  const indexes = [];
  const scanPlan = parquetPlanGroups(options);
  for (const group of scanPlan.groups) {
    const groupPlan = parquetPlanGroup({ ...group, columns, useOffsetIndex });
    groups.push(...groupPlan.groups);
    fetches.push(...groupPlan.fetches);
    indexes.push(...groupPlan.indexes);
  }
  fetches.push(...indexes);
  return { metadata, rowStart, rowEnd: scanPlan.rowEnd, columns, fetches, groups };
}
function parquetPlanGroups({ metadata, rowStart = 0, rowEnd = Infinity, columns, filter, filterStrict = true, bloomFiltersByGroup, schemaElements, pageRangesByGroup, pageLocationsByGroup }) {
  if (!metadata) throw new Error("parquetPlan requires metadata");
  const schemaTree2 = parquetSchema(metadata);
  const physicalColumns = getPhysicalColumns(schemaTree2);
  const elementsByPath = filter ? {
    ...physicalSchemaElements(schemaTree2),
    ...schemaElements
  } : schemaElements;
  const groups = [];
  let groupStart = 0;
  for (let groupIndex = 0; groupIndex < metadata.row_groups.length; groupIndex++) {
    const rowGroup = metadata.row_groups[groupIndex];
    const groupRows = Number(rowGroup.num_rows);
    const groupEnd = groupStart + groupRows;
    if (groupRows > 0 && groupEnd > rowStart && groupStart < rowEnd && !canSkipRowGroup({
      rowGroup,
      physicalColumns,
      filter,
      strict: filterStrict,
      bloomFilters: bloomFiltersByGroup?.[groupIndex],
      schemaElements: elementsByPath
    })) {
      const selectStart = Math.max(rowStart - groupStart, 0);
      const selectEnd = Math.min(rowEnd - groupStart, groupRows);
      const pageRanges = pageRangesByGroup?.[groupIndex];
      const pageLocations = pageLocationsByGroup?.[groupIndex];
      let ranges = pageRanges ? pageRanges.map(([start, end]) => {
        const range = [Math.max(start, selectStart), Math.min(end, selectEnd)];
        return range;
      }).filter(([start, end]) => start < end) : [[selectStart, selectEnd]];
      if (ranges.length > 1) {
        const canSplit = rowGroup.columns.every((chunk) => {
          const columnName = chunk.meta_data?.path_in_schema[0];
          const columnPath = chunk.meta_data?.path_in_schema.join(".");
          if (columns && columnName && !columns.includes(columnName)) return true;
          return !!(chunk.offset_index_offset && chunk.offset_index_length) || !!(columnPath && pageLocations?.[columnPath]);
        });
        ranges = canSplit ? coalesceOverlappingPageRanges(ranges, rowGroup, columns, pageLocations) : [[ranges[0][0], ranges[ranges.length - 1][1]]];
      }
      if (ranges.length) {
        groups.push({ rowGroup, groupIndex, groupStart, groupRows, ranges, pageRanges, pageLocations });
      }
    }
    groupStart = groupEnd;
  }
  return { groups, rowEnd: isFinite(rowEnd) ? rowEnd : groupStart };
}
function parquetPlanGroup({ rowGroup, groupStart, groupRows, ranges, columns, useOffsetIndex = false, pageRanges, pageLocations }) {
  const chunks = [];
  const fetches = [];
  const indexes = [];
  const narrowed = ranges.length > 1 || ranges[0][0] > 0 || ranges[0][1] < groupRows;
  for (const chunk of rowGroup.columns) {
    const meta = chunk.meta_data;
    if (chunk.file_path) throw new Error("parquet file_path not supported");
    if (!meta) throw new Error("parquet column metadata is undefined");
    if (columns && !columns.includes(meta.path_in_schema[0])) continue;
    const columnOffset = meta.dictionary_page_offset || meta.data_page_offset;
    const startByte = Number(columnOffset);
    const endByte = Number(columnOffset + meta.total_compressed_size);
    const chunkPageLocations = pageLocations?.[meta.path_in_schema.join(".")];
    if (chunkPageLocations && narrowed) {
      chunks.push({ columnMetadata: meta, pageLocations: chunkPageLocations, range: { startByte, endByte } });
    } else if ((useOffsetIndex || pageRanges) && chunk.offset_index_offset && chunk.offset_index_length && narrowed) {
      const startByte2 = Number(chunk.offset_index_offset);
      chunks.push({
        columnMetadata: meta,
        offsetIndex: { startByte: startByte2, endByte: startByte2 + chunk.offset_index_length },
        range: { startByte: Number(columnOffset), endByte }
      });
    } else {
      chunks.push({ columnMetadata: meta, range: { startByte, endByte } });
    }
  }
  const columnRanges = [];
  let run;
  for (const chunk of chunks) {
    if ("pageLocations" in chunk) continue;
    if ("offsetIndex" in chunk) {
      indexes.push(chunk.offsetIndex);
    } else if (columns) {
      columnRanges.push(chunk.range);
    } else if (run && chunk.range.endByte - run.startByte <= runLimit) {
      run.endByte = chunk.range.endByte;
    } else {
      if (run) fetches.push(run);
      run = { ...chunk.range };
    }
  }
  if (run) fetches.push(run);
  fetches.push(...coalesceByteRanges(columnRanges, columnGapLimit, runLimit));
  const groups = ranges.map(([selectStart, selectEnd]) => ({
    chunks,
    rowGroup,
    groupStart,
    groupRows,
    selectStart,
    selectEnd
  }));
  return { groups, fetches, indexes };
}
function coalesceOverlappingPageRanges(ranges, rowGroup, columns, pageLocations) {
  const selectedPageLayouts = rowGroup.columns.filter((chunk) => !columns || columns.includes(chunk.meta_data?.path_in_schema[0] || "")).map((chunk) => pageLocations?.[chunk.meta_data?.path_in_schema.join(".") || ""]);
  const merged = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    const overlapsPage = last && selectedPageLayouts.some((pages) => {
      if (!pages) return true;
      const lastPages = pagesForRange(last, pages, Number(rowGroup.num_rows));
      const rangePages = pagesForRange(range, pages, Number(rowGroup.num_rows));
      return lastPages[0] <= rangePages[1] && rangePages[0] <= lastPages[1];
    });
    if (last && overlapsPage) last[1] = range[1];
    else merged.push([...range]);
  }
  return merged;
}
function pagesForRange([rangeStart, rangeEnd], pages, groupRows) {
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < pages.length; i++) {
    const pageStart = Number(pages[i].first_row_index);
    const pageEnd = i + 1 < pages.length ? Number(pages[i + 1].first_row_index) : groupRows;
    if (pageEnd > rangeStart && pageStart < rangeEnd) {
      first = Math.min(first, i);
      last = i;
    }
  }
  return [first, last];
}
async function prefetchBloomFilters({ file, metadata, filter, filterStrict = true }) {
  const result = metadata.row_groups.map(() => (
    /** @type {Record<string, BloomFilter>} */
    {}
  ));
  const eligibleCols = bloomEligibleColumns(filter);
  if (eligibleCols.size === 0) return result;
  const physicalColumns = getPhysicalColumns(parquetSchema(metadata));
  const tasks = [];
  metadata.row_groups.forEach((rowGroup, rgIdx) => {
    if (canSkipRowGroup({ rowGroup, physicalColumns, filter, strict: filterStrict })) return;
    for (const colName of eligibleCols) {
      const columnIdx = physicalColumns.indexOf(colName);
      if (columnIdx === -1) continue;
      const meta = rowGroup.columns[columnIdx]?.meta_data;
      if (!meta?.bloom_filter_offset || !meta.bloom_filter_length) continue;
      const start = Number(meta.bloom_filter_offset);
      const end = start + meta.bloom_filter_length;
      tasks.push((async () => {
        const buffer = await file.slice(start, end);
        const bloom = readBloomFilter({ view: new DataView(buffer), offset: 0 });
        if (bloom) result[rgIdx][colName] = bloom;
      })());
    }
  });
  if (tasks.length) await Promise.all(tasks);
  return result;
}
async function prefetchPageIndexes({ file, metadata, filter, filterStrict = true, rowStart = 0, rowEnd = Infinity, columns, bloomFiltersByGroup, schemaElements, parsers }) {
  const pageRangesByGroup = metadata.row_groups.map(() => void 0);
  const pageLocationsByGroup = metadata.row_groups.map(() => (
    /** @type {Record<string, PageLocation[]>} */
    {}
  ));
  if (filter && "$nor" in filter && Array.isArray(filter.$nor)) {
    return { pageRangesByGroup, pageLocationsByGroup };
  }
  const filterColumns = pathsNeededForFilter(filter);
  if (!filterColumns.length) return { pageRangesByGroup, pageLocationsByGroup };
  const schemaTree2 = parquetSchema(metadata);
  const physicalColumns = getPhysicalColumns(schemaTree2);
  const elementsByPath = {
    ...physicalSchemaElements(schemaTree2),
    ...schemaElements
  };
  const indexRanges = [];
  const indexTasks = [];
  const candidateGroups = [];
  let groupStart = 0;
  metadata.row_groups.forEach((rowGroup, rgIdx) => {
    const groupRows = Number(rowGroup.num_rows);
    const groupEnd = groupStart + groupRows;
    const overlaps = groupRows > 0 && groupEnd > rowStart && groupStart < rowEnd;
    groupStart = groupEnd;
    if (!overlaps) return;
    if (canSkipRowGroup({ rowGroup, physicalColumns, filter, strict: filterStrict, bloomFilters: bloomFiltersByGroup?.[rgIdx], schemaElements: elementsByPath })) return;
    const columnPages = {};
    let columnTaskCount = 0;
    const scheduledOffsetPaths = /* @__PURE__ */ new Set();
    let hasFilterIndex = false;
    for (const columnName of filterColumns) {
      const columnIdx = physicalColumns.indexOf(columnName);
      if (columnIdx === -1) continue;
      const chunk = rowGroup.columns[columnIdx];
      const meta = chunk?.meta_data;
      if (!meta) continue;
      if (!chunk.column_index_offset || !chunk.column_index_length) continue;
      if (!chunk.offset_index_offset || !chunk.offset_index_length) continue;
      const element = elementsByPath[columnName];
      if (!element) continue;
      hasFilterIndex = true;
      scheduledOffsetPaths.add(columnName);
      const columnIndexStart = Number(chunk.column_index_offset);
      const offsetIndexStart = Number(chunk.offset_index_offset);
      const columnIndexEnd = columnIndexStart + chunk.column_index_length;
      const offsetIndexEnd = offsetIndexStart + chunk.offset_index_length;
      indexRanges.push(
        { startByte: columnIndexStart, endByte: columnIndexEnd },
        { startByte: offsetIndexStart, endByte: offsetIndexEnd }
      );
      columnTaskCount++;
      indexTasks.push(async (prefetchedFile) => {
        const [columnIndexBuffer, offsetIndexBuffer] = await Promise.all([
          prefetchedFile.slice(columnIndexStart, columnIndexEnd),
          prefetchedFile.slice(offsetIndexStart, offsetIndexEnd)
        ]);
        const columnIndex = readColumnIndex({ view: new DataView(columnIndexBuffer), offset: 0 }, element, parsers);
        const offsetIndex = readOffsetIndex({ view: new DataView(offsetIndexBuffer), offset: 0 });
        pageLocationsByGroup[rgIdx][columnName] = offsetIndex.page_locations;
        columnPages[columnName] = {
          minValues: columnIndex.min_values,
          maxValues: columnIndex.max_values,
          nullPages: columnIndex.null_pages,
          nullCounts: columnIndex.null_counts,
          pageStarts: offsetIndex.page_locations.map((page) => Number(page.first_row_index)),
          element
        };
      });
    }
    if (hasFilterIndex) {
      for (const chunk of rowGroup.columns) {
        const meta = chunk.meta_data;
        if (!meta) continue;
        const columnName = meta.path_in_schema[0];
        const columnPath = meta.path_in_schema.join(".");
        if (columns && !columns.includes(columnName)) continue;
        if (scheduledOffsetPaths.has(columnPath)) continue;
        if (!chunk.offset_index_offset || !chunk.offset_index_length) continue;
        scheduledOffsetPaths.add(columnPath);
        const offsetIndexStart = Number(chunk.offset_index_offset);
        const offsetIndexEnd = offsetIndexStart + chunk.offset_index_length;
        indexRanges.push({ startByte: offsetIndexStart, endByte: offsetIndexEnd });
        columnTaskCount++;
        indexTasks.push(async (prefetchedFile) => {
          const offsetIndexBuffer = await prefetchedFile.slice(offsetIndexStart, offsetIndexEnd);
          const offsetIndex = readOffsetIndex({ view: new DataView(offsetIndexBuffer), offset: 0 });
          pageLocationsByGroup[rgIdx][columnPath] = offsetIndex.page_locations;
        });
      }
    }
    if (columnTaskCount) {
      candidateGroups.push({ rgIdx, groupRows, columnPages });
    }
  });
  if (indexTasks.length) {
    const prefetchedFile = prefetchAsyncBuffer(file, { fetches: coalesceByteRanges(indexRanges) });
    await Promise.all(indexTasks.map((task) => task(prefetchedFile)));
    for (const { rgIdx, groupRows, columnPages } of candidateGroups) {
      pageRangesByGroup[rgIdx] = filterPageRanges(filter, columnPages, groupRows, filterStrict);
    }
  }
  return { pageRangesByGroup, pageLocationsByGroup };
}
function coalesceByteRanges(ranges, maxGap = 0, maxSize = Infinity) {
  const sorted = ranges.map((range) => ({ ...range })).sort((a, b) => a.startByte - b.startByte || a.endByte - b.endByte);
  const merged = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.startByte <= last.endByte + maxGap && Math.max(last.endByte, range.endByte) - last.startByte <= maxSize) {
      last.endByte = Math.max(last.endByte, range.endByte);
    } else {
      merged.push(range);
    }
  }
  return merged;
}
function physicalSchemaElements(schemaTree2) {
  const elements = {};
  function traverse(node) {
    if (node.children.length) {
      for (const child of node.children) traverse(child);
    } else {
      elements[node.path.join(".")] = node.element;
    }
  }
  traverse(schemaTree2);
  return elements;
}
function prefetchAsyncBuffer(file, { fetches }) {
  const promises = fetches.map(({ startByte, endByte }) => file.slice(startByte, endByte));
  return {
    byteLength: file.byteLength,
    slice(start, end = file.byteLength) {
      const index = fetches.findIndex(({ startByte, endByte }) => startByte <= start && end <= endByte);
      if (index < 0) {
        return file.slice(start, end);
      }
      if (fetches[index].startByte !== start || fetches[index].endByte !== end) {
        const startOffset = start - fetches[index].startByte;
        const endOffset = end - fetches[index].startByte;
        if (promises[index] instanceof Promise) {
          return promises[index].then((buffer) => buffer.slice(startOffset, endOffset));
        } else {
          return promises[index].slice(startOffset, endOffset);
        }
      } else {
        return promises[index];
      }
    }
  };
}

// node_modules/hyparquet/src/variant.js
var decoder3 = new TextDecoder();
var metadataCache = /* @__PURE__ */ new WeakMap();
function decodeVariantColumn(value, parsers = DEFAULT_PARSERS) {
  if (Array.isArray(value)) {
    return value.map((entry) => decodeVariantColumn(entry, parsers));
  }
  if (typeof value !== "object") return value;
  if ("metadata" in value) {
    const metadata = parseVariantMetadata(value.metadata);
    const shreddedFields = value.typed_value && decodeTypedValue(value.typed_value, metadata, parsers);
    const binaryValue = value.value && readVariant(makeReader(value.value), metadata, parsers);
    if (shreddedFields && binaryValue) {
      return { ...binaryValue, ...shreddedFields };
    }
    return shreddedFields ?? binaryValue;
  }
  return value;
}
function decodeTypedValue(typedValue, metadata, parsers) {
  if (typedValue instanceof Date) return typedValue;
  if (typedValue && typeof typedValue === "object" && !Array.isArray(typedValue) && !(typedValue instanceof Uint8Array)) {
    if ("typed_value" in typedValue && typedValue.typed_value !== null && typedValue.typed_value !== void 0) {
      return decodeTypedValue(typedValue.typed_value, metadata, parsers);
    }
    if ("value" in typedValue && typedValue.value instanceof Uint8Array) {
      return readVariant(makeReader(typedValue.value), metadata, parsers);
    }
    if ("typed_value" in typedValue || "value" in typedValue) {
      return null;
    }
    const result = {};
    for (const [key, field] of Object.entries(typedValue)) {
      if (!metadata.dictionary.includes(key)) continue;
      result[key] = decodeTypedValue(field, metadata, parsers);
    }
    return result;
  }
  if (typedValue instanceof Uint8Array) {
    return readVariant(makeReader(typedValue), metadata, parsers);
  }
  if (Array.isArray(typedValue)) {
    return typedValue.map((element) => decodeTypedValue(element, metadata, parsers));
  }
  return typedValue;
}
function makeReader(bytes) {
  return { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 };
}
function parseVariantMetadata(bytes) {
  let bufferCache = metadataCache.get(bytes.buffer);
  if (!bufferCache) {
    bufferCache = /* @__PURE__ */ new Map();
    metadataCache.set(bytes.buffer, bufferCache);
  }
  const key = `${bytes.byteOffset}:${bytes.byteLength}`;
  const cached = bufferCache.get(key);
  if (cached) return cached;
  const reader = makeReader(bytes);
  const header = reader.view.getUint8(reader.offset++);
  const version = header & 15;
  if (version !== 1) throw new Error(`parquet unsupported variant metadata version: ${version}`);
  const sorted = (header >> 4 & 1) === 1;
  const offsetSize = (header >> 6 & 3) + 1;
  const dictionarySize = readUnsigned(reader, offsetSize);
  const offsets = new Array(dictionarySize + 1);
  for (let i = 0; i < offsets.length; i++) {
    offsets[i] = readUnsigned(reader, offsetSize);
  }
  const base = reader.offset;
  const dictionary = new Array(dictionarySize);
  for (let i = 0; i < dictionarySize; i++) {
    const start = offsets[i];
    const end = offsets[i + 1];
    const strBytes = new Uint8Array(bytes.buffer, bytes.byteOffset + base + start, end - start);
    dictionary[i] = decoder3.decode(strBytes);
  }
  const metadata = { dictionary, sorted };
  bufferCache.set(key, metadata);
  return metadata;
}
function readUnsigned(reader, byteWidth2) {
  let value = 0;
  for (let i = 0; i < byteWidth2; i++) {
    value |= reader.view.getUint8(reader.offset + i) << i * 8;
  }
  reader.offset += byteWidth2;
  return value;
}
function readVariant(reader, metadata, parsers) {
  const typeByte = reader.view.getUint8(reader.offset++);
  const basicType = typeByte & 3;
  const header = typeByte >> 2;
  if (basicType === 0) return readVariantPrimitive(reader, header, parsers);
  if (basicType === 2) return readVariantObject(reader, header, metadata, parsers);
  if (basicType === 3) return readVariantArray(reader, header, metadata, parsers);
  const bytes = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, header);
  reader.offset += header;
  return decoder3.decode(bytes);
}
function readVariantPrimitive(reader, typeId, parsers) {
  switch (typeId) {
    case 0:
      return null;
    case 1:
      return true;
    case 2:
      return false;
    case 3: {
      const value = reader.view.getInt8(reader.offset);
      reader.offset += 1;
      return value;
    }
    case 4: {
      const value = reader.view.getInt16(reader.offset, true);
      reader.offset += 2;
      return value;
    }
    case 5: {
      const value = reader.view.getInt32(reader.offset, true);
      reader.offset += 4;
      return value;
    }
    case 6: {
      const value = reader.view.getBigInt64(reader.offset, true);
      reader.offset += 8;
      return value;
    }
    case 7: {
      const value = reader.view.getFloat64(reader.offset, true);
      reader.offset += 8;
      return value;
    }
    case 8:
      return readVariantDecimal(reader, 4);
    case 9:
      return readVariantDecimal(reader, 8);
    case 10:
      return readVariantDecimal(reader, 16);
    case 11: {
      const value = reader.view.getInt32(reader.offset, true);
      reader.offset += 4;
      return parsers.dateFromDays(value);
    }
    case 12:
    // timestamp_micros (utc)
    case 13: {
      const value = reader.view.getBigInt64(reader.offset, true);
      reader.offset += 8;
      return parsers.timestampFromMicroseconds(value);
    }
    case 14: {
      const value = reader.view.getFloat32(reader.offset, true);
      reader.offset += 4;
      return value;
    }
    case 15:
      return readVariantBinary(reader);
    case 16: {
      const bytes = readVariantBinary(reader);
      return decoder3.decode(bytes);
    }
    case 17: {
      const value = reader.view.getBigInt64(reader.offset, true);
      reader.offset += 8;
      return value;
    }
    case 18:
    // timestamp_nanos (utc)
    case 19: {
      const value = reader.view.getBigInt64(reader.offset, true);
      reader.offset += 8;
      return parsers.timestampFromNanoseconds(value);
    }
    case 20: {
      const bytes = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, 16);
      reader.offset += 16;
      const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    }
    default:
      throw new Error(`parquet unsupported variant primitive type: ${typeId}`);
  }
}
function readVariantObject(reader, header, metadata, parsers) {
  const offsetWidth = (header & 3) + 1;
  const idWidth = (header >> 2 & 3) + 1;
  const isLarge = header >> 4 & 1;
  const numElements = isLarge ? readUnsigned(reader, 4) : reader.view.getUint8(reader.offset++);
  const fieldIds = new Array(numElements);
  for (let i = 0; i < numElements; i++) {
    fieldIds[i] = readUnsigned(reader, idWidth);
  }
  const offsets = new Array(numElements + 1);
  for (let i = 0; i < offsets.length; i++) {
    offsets[i] = readUnsigned(reader, offsetWidth);
  }
  const out = {};
  for (let i = 0; i < numElements; i++) {
    const key = metadata.dictionary[fieldIds[i]];
    const valueReader = {
      view: reader.view,
      offset: reader.offset + offsets[i]
    };
    out[key] = readVariant(valueReader, metadata, parsers);
  }
  reader.offset += offsets[offsets.length - 1];
  return out;
}
function readVariantArray(reader, header, metadata, parsers) {
  const fieldOffsetSize = header & 3;
  const isLarge = header >> 2 & 1;
  const offsetWidth = fieldOffsetSize + 1;
  const numElements = readUnsigned(reader, isLarge ? 4 : 1);
  const offsets = new Array(numElements + 1);
  for (let i = 0; i < offsets.length; i++) {
    offsets[i] = readUnsigned(reader, offsetWidth);
  }
  const valuesStart = reader.offset;
  const result = new Array(numElements);
  for (let i = 0; i < numElements; i++) {
    const valueReader = {
      view: reader.view,
      offset: valuesStart + offsets[i]
    };
    result[i] = readVariant(valueReader, metadata, parsers);
  }
  reader.offset = valuesStart + offsets[offsets.length - 1];
  return result;
}
function readVariantDecimal(reader, width) {
  const scale = reader.view.getUint8(reader.offset);
  reader.offset += 1;
  let unscaled;
  if (width === 4) {
    unscaled = BigInt(reader.view.getInt32(reader.offset, true));
    reader.offset += 4;
  } else if (width === 8) {
    unscaled = reader.view.getBigInt64(reader.offset, true);
    reader.offset += 8;
  } else {
    const low = reader.view.getBigUint64(reader.offset, true);
    const high = reader.view.getBigInt64(reader.offset + 8, true);
    unscaled = high << 64n | low;
    reader.offset += 16;
  }
  return Number(unscaled) * 10 ** -scale;
}
function readVariantBinary(reader) {
  const length = reader.view.getUint32(reader.offset, true);
  reader.offset += 4;
  const bytes = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, length);
  reader.offset += length;
  return bytes;
}

// node_modules/hyparquet/src/assemble.js
function assembleLists(output, definitionLevels, repetitionLevels, values, schemaPath) {
  const maxDefinitionLevel = getMaxDefinitionLevel(schemaPath);
  if (!definitionLevels?.length && !repetitionLevels.length) {
    if (!maxDefinitionLevel || !values.length) return values;
    definitionLevels = new Array(values.length).fill(maxDefinitionLevel);
  }
  const n = definitionLevels?.length || repetitionLevels.length;
  const repetitionPath = schemaPath.map(({ element }) => element.repetition_type);
  let valueIndex = 0;
  const containerStack = [output];
  let currentContainer = output;
  let currentDepth = 0;
  let currentDefLevel = 0;
  let currentRepLevel = 0;
  if (repetitionLevels[0]) {
    while (currentDepth < repetitionPath.length - 2 && currentRepLevel < repetitionLevels[0]) {
      currentDepth++;
      if (repetitionPath[currentDepth] !== "REQUIRED") {
        currentContainer = currentContainer.at(-1);
        containerStack.push(currentContainer);
        currentDefLevel++;
      }
      if (repetitionPath[currentDepth] === "REPEATED") currentRepLevel++;
    }
  }
  for (let i = 0; i < n; i++) {
    const def = definitionLevels?.length ? definitionLevels[i] : maxDefinitionLevel;
    const rep = repetitionLevels[i];
    while (currentDepth && (rep < currentRepLevel || repetitionPath[currentDepth] !== "REPEATED")) {
      if (repetitionPath[currentDepth] !== "REQUIRED") {
        containerStack.pop();
        currentDefLevel--;
      }
      if (repetitionPath[currentDepth] === "REPEATED") currentRepLevel--;
      currentDepth--;
    }
    currentContainer = containerStack.at(-1);
    while ((currentDepth < repetitionPath.length - 2 || repetitionPath[currentDepth + 1] === "REPEATED") && (currentDefLevel < def || repetitionPath[currentDepth + 1] === "REQUIRED")) {
      currentDepth++;
      if (repetitionPath[currentDepth] !== "REQUIRED") {
        const newList = [];
        currentContainer.push(newList);
        currentContainer = newList;
        containerStack.push(newList);
        currentDefLevel++;
      }
      if (repetitionPath[currentDepth] === "REPEATED") currentRepLevel++;
    }
    if (def === maxDefinitionLevel) {
      currentContainer.push(values[valueIndex++]);
    } else if (currentDepth === repetitionPath.length - 2) {
      currentContainer.push(null);
    } else {
      currentContainer.push([]);
    }
  }
  if (!output.length) {
    for (let i = 0; i < maxDefinitionLevel; i++) {
      const newList = [];
      currentContainer.push(newList);
      currentContainer = newList;
    }
  }
  return output;
}
function assembleNested(subcolumnData, schema, parsers, depth = 0) {
  const path = schema.path.join(".");
  const optional = schema.element.repetition_type === "OPTIONAL";
  const nextDepth = optional ? depth + 1 : depth;
  if (isListLike(schema)) {
    let sublist = schema.children[0];
    let subDepth = nextDepth;
    if (sublist.children.length === 1) {
      sublist = sublist.children[0];
      subDepth++;
    }
    assembleNested(subcolumnData, sublist, parsers, subDepth);
    const subcolumn = sublist.path.join(".");
    const values = subcolumnData.get(subcolumn);
    if (!values) throw new Error("parquet list column missing values");
    if (optional) flattenAtDepth(values, depth);
    subcolumnData.set(path, values);
    subcolumnData.delete(subcolumn);
    return;
  }
  if (isMapLike(schema)) {
    const mapName = schema.children[0].element.name;
    assembleNested(subcolumnData, schema.children[0].children[0], parsers, nextDepth + 1);
    assembleNested(subcolumnData, schema.children[0].children[1], parsers, nextDepth + 1);
    const keys = subcolumnData.get(`${path}.${mapName}.key`);
    const values = subcolumnData.get(`${path}.${mapName}.value`);
    if (!keys) throw new Error("parquet map column missing keys");
    if (!values) throw new Error("parquet map column missing values");
    if (keys.length !== values.length) {
      throw new Error("parquet map column key/value length mismatch");
    }
    const out = assembleMaps(keys, values, nextDepth);
    if (optional) flattenAtDepth(out, depth);
    subcolumnData.delete(`${path}.${mapName}.key`);
    subcolumnData.delete(`${path}.${mapName}.value`);
    subcolumnData.set(path, out);
    return;
  }
  if (schema.children.length) {
    const invertDepth = schema.element.repetition_type === "REQUIRED" ? depth : depth + 1;
    const struct = {};
    for (const child of schema.children) {
      assembleNested(subcolumnData, child, parsers, invertDepth);
      const childData = subcolumnData.get(child.path.join("."));
      if (!childData) throw new Error("parquet struct missing child data");
      struct[child.element.name] = childData;
    }
    for (const child of schema.children) {
      subcolumnData.delete(child.path.join("."));
    }
    let inverted = invertStruct(struct, invertDepth);
    if (schema.element.logical_type?.type === "VARIANT") {
      inverted = decodeVariantColumn(inverted, parsers);
    }
    if (optional) flattenAtDepth(inverted, depth);
    subcolumnData.set(path, inverted);
  }
}
function flattenAtDepth(arr, depth) {
  for (let i = 0; i < arr.length; i++) {
    if (depth) {
      flattenAtDepth(arr[i], depth - 1);
    } else {
      arr[i] = arr[i][0];
    }
  }
}
function assembleMaps(keys, values, depth) {
  const out = [];
  for (let i = 0; i < keys.length; i++) {
    if (depth) {
      out.push(assembleMaps(keys[i], values[i], depth - 1));
    } else {
      if (keys[i]) {
        const obj = {};
        for (let j = 0; j < keys[i].length; j++) {
          const value = values[i][j];
          obj[keys[i][j]] = value === void 0 ? null : value;
        }
        out.push(obj);
      } else {
        out.push(void 0);
      }
    }
  }
  return out;
}
function invertStruct(struct, depth) {
  const keys = Object.keys(struct);
  const length = struct[keys[0]]?.length;
  const out = [];
  for (let i = 0; i < length; i++) {
    const obj = {};
    for (const key of keys) {
      if (struct[key].length !== length) throw new Error("parquet struct parsing error");
      obj[key] = struct[key][i];
    }
    if (depth) {
      out.push(invertStruct(obj, depth - 1));
    } else {
      out.push(obj);
    }
  }
  return out;
}

// node_modules/hyparquet/src/delta.js
function deltaBinaryUnpack(reader, count, output) {
  if (output instanceof Int32Array) {
    deltaBinaryUnpackInt32(reader, count, output);
    return;
  }
  const blockSize = readVarInt(reader);
  const miniblockPerBlock = readVarInt(reader);
  readVarInt(reader);
  let value = readZigZagBigInt(reader);
  let outputIndex = 0;
  output[outputIndex++] = value;
  const valuesPerMiniblock = blockSize / miniblockPerBlock;
  while (outputIndex < count) {
    const minDelta = readZigZagBigInt(reader);
    const bitWidths = new Uint8Array(miniblockPerBlock);
    for (let i = 0; i < miniblockPerBlock; i++) {
      bitWidths[i] = reader.view.getUint8(reader.offset++);
    }
    for (let i = 0; i < miniblockPerBlock && outputIndex < count; i++) {
      const bitWidth2 = bitWidths[i];
      if (bitWidth2) {
        let bitpackPos = 0;
        let miniblockCount = valuesPerMiniblock;
        const mask = (1n << BigInt(bitWidth2)) - 1n;
        while (miniblockCount && outputIndex < count) {
          let bits = BigInt(reader.view.getUint32(reader.offset, true) >>> bitpackPos) & mask;
          bitpackPos += bitWidth2;
          while (bitpackPos >= 32) {
            bitpackPos -= 32;
            reader.offset += 4;
            if (bitpackPos) {
              bits |= BigInt(reader.view.getUint32(reader.offset, true)) << BigInt(bitWidth2 - bitpackPos) & mask;
            }
          }
          const delta = minDelta + bits;
          value += delta;
          output[outputIndex++] = value;
          miniblockCount--;
        }
        if (miniblockCount) {
          reader.offset += Math.ceil((miniblockCount * bitWidth2 + bitpackPos) / 8);
        }
      } else {
        for (let j = 0; j < valuesPerMiniblock && outputIndex < count; j++) {
          value += minDelta;
          output[outputIndex++] = value;
        }
      }
    }
  }
}
function deltaBinaryUnpackInt32(reader, count, output) {
  const blockSize = readVarInt(reader);
  const miniblockPerBlock = readVarInt(reader);
  readVarInt(reader);
  let value = readZigZag(reader);
  let outputIndex = 0;
  output[outputIndex++] = value;
  const valuesPerMiniblock = blockSize / miniblockPerBlock;
  const { view } = reader;
  while (outputIndex < count) {
    const minDelta = readZigZagInt33(reader);
    const bitWidthsOffset = reader.offset;
    let offset = bitWidthsOffset + miniblockPerBlock;
    for (let i = 0; i < miniblockPerBlock && outputIndex < count; i++) {
      const bitWidth2 = view.getUint8(bitWidthsOffset + i);
      const end = offset + valuesPerMiniblock * bitWidth2 / 8;
      let bitOffset = 0;
      for (let j = 0; j < valuesPerMiniblock && outputIndex < count; j++) {
        let residual = 0;
        let bitsRead = 0;
        while (bitsRead < bitWidth2) {
          const bitsToRead = Math.min(8 - bitOffset, bitWidth2 - bitsRead);
          if (bitsRead < 32) {
            residual |= (view.getUint8(offset) >>> bitOffset & (1 << bitsToRead) - 1) << bitsRead;
          }
          bitsRead += bitsToRead;
          bitOffset += bitsToRead;
          if (bitOffset === 8) {
            bitOffset = 0;
            offset++;
          }
        }
        value = value + minDelta + residual | 0;
        output[outputIndex++] = value;
      }
      offset = end;
    }
    reader.offset = offset;
  }
}
function readZigZagInt33(reader) {
  const start = reader.offset;
  const low = readVarInt(reader);
  const high = reader.offset - start === 5 ? reader.view.getUint8(start + 4) >>> 4 & 1 : 0;
  return (low >>> 1 | high << 31) ^ -(low & 1);
}
function deltaLengthByteArray(reader, count, output) {
  const lengths = new Int32Array(count);
  deltaBinaryUnpack(reader, count, lengths);
  for (let i = 0; i < count; i++) {
    output[i] = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, lengths[i]);
    reader.offset += lengths[i];
  }
}
function deltaByteArray(reader, count, output) {
  const prefixData = new Int32Array(count);
  deltaBinaryUnpack(reader, count, prefixData);
  const suffixData = new Int32Array(count);
  deltaBinaryUnpack(reader, count, suffixData);
  for (let i = 0; i < count; i++) {
    const suffix = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, suffixData[i]);
    if (prefixData[i]) {
      output[i] = new Uint8Array(prefixData[i] + suffixData[i]);
      output[i].set(output[i - 1].subarray(0, prefixData[i]));
      output[i].set(suffix, prefixData[i]);
    } else {
      output[i] = suffix;
    }
    reader.offset += suffixData[i];
  }
}

// node_modules/hyparquet/src/encoding.js
function readRleBitPackedHybrid(reader, width, output, length) {
  if (length === void 0) {
    length = reader.view.getUint32(reader.offset, true);
    reader.offset += 4;
  }
  const startOffset = reader.offset;
  let seen = 0;
  while (seen < output.length) {
    const header = readVarInt(reader);
    if (header & 1) {
      seen = readBitPacked(reader, header, width, output, seen);
    } else {
      const count = header >>> 1;
      readRle(reader, count, width, output, seen);
      seen += count;
    }
  }
  reader.offset = startOffset + length;
}
function readRle(reader, count, bitWidth2, output, seen) {
  const width = bitWidth2 + 7 >> 3;
  let value = 0;
  for (let i = 0; i < width; i++) {
    value |= reader.view.getUint8(reader.offset++) << (i << 3);
  }
  for (let i = 0; i < count; i++) {
    output[seen + i] = value;
  }
}
function readBitPacked(reader, header, bitWidth2, output, seen) {
  let count = header >> 1 << 3;
  const mask = (1 << bitWidth2) - 1;
  let data = 0;
  if (reader.offset < reader.view.byteLength) {
    data = reader.view.getUint8(reader.offset++);
  } else if (mask) {
    throw new Error(`parquet bitpack offset ${reader.offset} out of range`);
  }
  let left = 8;
  let right = 0;
  while (count) {
    if (right > 8) {
      right -= 8;
      left -= 8;
      data >>>= 8;
    } else if (left - right < bitWidth2) {
      data |= reader.view.getUint8(reader.offset) << left;
      reader.offset++;
      left += 8;
    } else {
      if (seen < output.length) {
        output[seen++] = data >> right & mask;
      }
      count--;
      right += bitWidth2;
    }
  }
  return seen;
}
function byteStreamSplit(reader, count, type, typeLength) {
  const width = byteWidth(type, typeLength);
  const bytes = new Uint8Array(count * width);
  for (let b = 0; b < width; b++) {
    for (let i = 0; i < count; i++) {
      bytes[i * width + b] = reader.view.getUint8(reader.offset++);
    }
  }
  if (type === "FLOAT") return new Float32Array(bytes.buffer);
  else if (type === "DOUBLE") return new Float64Array(bytes.buffer);
  else if (type === "INT32") return new Int32Array(bytes.buffer);
  else if (type === "INT64") return new BigInt64Array(bytes.buffer);
  else if (type === "FIXED_LEN_BYTE_ARRAY") {
    const split = new Array(count);
    for (let i = 0; i < count; i++) {
      split[i] = bytes.subarray(i * width, (i + 1) * width);
    }
    return split;
  }
  throw new Error(`parquet byte_stream_split unsupported type: ${type}`);
}
function byteWidth(type, typeLength) {
  switch (type) {
    case "INT32":
    case "FLOAT":
      return 4;
    case "INT64":
    case "DOUBLE":
      return 8;
    case "FIXED_LEN_BYTE_ARRAY":
      if (!typeLength) throw new Error("parquet byteWidth missing type_length");
      return typeLength;
    default:
      throw new Error(`parquet unsupported type: ${type}`);
  }
}

// node_modules/hyparquet/src/plain.js
function readPlain(reader, type, count, fixedLength) {
  if (count === 0) return [];
  if (type === "BOOLEAN") {
    return readPlainBoolean(reader, count);
  } else if (type === "INT32") {
    return readPlainInt32(reader, count);
  } else if (type === "INT64") {
    return readPlainInt64(reader, count);
  } else if (type === "INT96") {
    return readPlainInt96(reader, count);
  } else if (type === "FLOAT") {
    return readPlainFloat(reader, count);
  } else if (type === "DOUBLE") {
    return readPlainDouble(reader, count);
  } else if (type === "BYTE_ARRAY") {
    return readPlainByteArray(reader, count);
  } else if (type === "FIXED_LEN_BYTE_ARRAY") {
    if (!fixedLength) throw new Error("parquet missing fixed length");
    return readPlainByteArrayFixed(reader, count, fixedLength);
  } else {
    throw new Error(`parquet unhandled type: ${type}`);
  }
}
function readPlainBoolean(reader, count) {
  const values = new Array(count);
  for (let i = 0; i < count; i++) {
    const byteOffset = reader.offset + (i / 8 | 0);
    const bitOffset = i % 8;
    const byte = reader.view.getUint8(byteOffset);
    values[i] = (byte & 1 << bitOffset) !== 0;
  }
  reader.offset += Math.ceil(count / 8);
  return values;
}
function readPlainInt32(reader, count) {
  const values = (reader.view.byteOffset + reader.offset) % 4 ? new Int32Array(align(reader.view.buffer, reader.view.byteOffset + reader.offset, count * 4)) : new Int32Array(reader.view.buffer, reader.view.byteOffset + reader.offset, count);
  reader.offset += count * 4;
  return values;
}
function readPlainInt64(reader, count) {
  const values = (reader.view.byteOffset + reader.offset) % 8 ? new BigInt64Array(align(reader.view.buffer, reader.view.byteOffset + reader.offset, count * 8)) : new BigInt64Array(reader.view.buffer, reader.view.byteOffset + reader.offset, count);
  reader.offset += count * 8;
  return values;
}
function readPlainInt96(reader, count) {
  const values = new Array(count);
  for (let i = 0; i < count; i++) {
    const low = reader.view.getBigInt64(reader.offset + i * 12, true);
    const high = reader.view.getInt32(reader.offset + i * 12 + 8, true);
    values[i] = BigInt(high) << 64n | low;
  }
  reader.offset += count * 12;
  return values;
}
function readPlainFloat(reader, count) {
  const values = (reader.view.byteOffset + reader.offset) % 4 ? new Float32Array(align(reader.view.buffer, reader.view.byteOffset + reader.offset, count * 4)) : new Float32Array(reader.view.buffer, reader.view.byteOffset + reader.offset, count);
  reader.offset += count * 4;
  return values;
}
function readPlainDouble(reader, count) {
  const values = (reader.view.byteOffset + reader.offset) % 8 ? new Float64Array(align(reader.view.buffer, reader.view.byteOffset + reader.offset, count * 8)) : new Float64Array(reader.view.buffer, reader.view.byteOffset + reader.offset, count);
  reader.offset += count * 8;
  return values;
}
function readPlainByteArray(reader, count) {
  const values = new Array(count);
  for (let i = 0; i < count; i++) {
    const length = reader.view.getUint32(reader.offset, true);
    reader.offset += 4;
    values[i] = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, length);
    reader.offset += length;
  }
  return values;
}
function readPlainByteArrayFixed(reader, count, fixedLength) {
  const values = new Array(count);
  for (let i = 0; i < count; i++) {
    values[i] = new Uint8Array(reader.view.buffer, reader.view.byteOffset + reader.offset, fixedLength);
    reader.offset += fixedLength;
  }
  return values;
}
function align(buffer, offset, size) {
  const aligned = new ArrayBuffer(size);
  new Uint8Array(aligned).set(new Uint8Array(buffer, offset, size));
  return aligned;
}

// node_modules/hyparquet/src/snappy.js
var WORD_MASK = [0, 255, 65535, 16777215, 4294967295];
function copyBytes(fromArray, fromPos, toArray, toPos, length) {
  for (let i = 0; i < length; i++) {
    toArray[toPos + i] = fromArray[fromPos + i];
  }
}
function snappyUncompress(input, output) {
  const inputLength = input.byteLength;
  const outputLength = output.byteLength;
  let pos = 0;
  let outPos = 0;
  while (pos < inputLength) {
    const c = input[pos];
    pos++;
    if (c < 128) {
      break;
    }
  }
  if (outputLength && pos >= inputLength) {
    throw new Error("invalid snappy length header");
  }
  while (pos < inputLength) {
    const c = input[pos];
    let len = 0;
    pos++;
    if (pos >= inputLength) {
      throw new Error("missing eof marker");
    }
    if ((c & 3) === 0) {
      let len2 = (c >>> 2) + 1;
      if (len2 > 60) {
        if (pos + 3 >= inputLength) {
          throw new Error("snappy error literal pos + 3 >= inputLength");
        }
        const lengthSize = len2 - 60;
        len2 = input[pos] + (input[pos + 1] << 8) + (input[pos + 2] << 16) + (input[pos + 3] << 24);
        len2 = (len2 & WORD_MASK[lengthSize]) + 1;
        pos += lengthSize;
      }
      if (pos + len2 > inputLength) {
        throw new Error("snappy error literal exceeds input length");
      }
      copyBytes(input, pos, output, outPos, len2);
      pos += len2;
      outPos += len2;
    } else {
      let offset = 0;
      switch (c & 3) {
        case 1:
          len = (c >>> 2 & 7) + 4;
          offset = input[pos] + (c >>> 5 << 8);
          pos++;
          break;
        case 2:
          if (inputLength <= pos + 1) {
            throw new Error("snappy error end of input");
          }
          len = (c >>> 2) + 1;
          offset = input[pos] + (input[pos + 1] << 8);
          pos += 2;
          break;
        case 3:
          if (inputLength <= pos + 3) {
            throw new Error("snappy error end of input");
          }
          len = (c >>> 2) + 1;
          offset = input[pos] + (input[pos + 1] << 8) + (input[pos + 2] << 16) + (input[pos + 3] << 24);
          pos += 4;
          break;
        default:
          break;
      }
      if (offset === 0 || isNaN(offset)) {
        throw new Error(`invalid offset ${offset} pos ${pos} inputLength ${inputLength}`);
      }
      if (offset > outPos) {
        throw new Error("cannot copy from before start of buffer");
      }
      copyBytes(output, outPos - offset, output, outPos, len);
      outPos += len;
    }
  }
  if (outPos !== outputLength) throw new Error("premature end of input");
}

// node_modules/hyparquet/src/datapage.js
function readDataPage(bytes, daph, { type, element, schemaPath }) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const reader = { view, offset: 0 };
  let dataPage;
  const repetitionLevels = readRepetitionLevels(reader, daph, schemaPath);
  const { definitionLevels, numNulls } = readDefinitionLevels(reader, daph, schemaPath);
  const nValues = daph.num_values - numNulls;
  if (daph.encoding === "PLAIN") {
    dataPage = readPlain(reader, type, nValues, element.type_length);
  } else if (daph.encoding === "PLAIN_DICTIONARY" || daph.encoding === "RLE_DICTIONARY" || daph.encoding === "RLE") {
    const bitWidth2 = type === "BOOLEAN" ? 1 : view.getUint8(reader.offset++);
    if (bitWidth2) {
      dataPage = new Array(nValues);
      if (type === "BOOLEAN") {
        readRleBitPackedHybrid(reader, bitWidth2, dataPage);
        dataPage = dataPage.map((x) => !!x);
      } else {
        readRleBitPackedHybrid(reader, bitWidth2, dataPage, view.byteLength - reader.offset);
      }
    } else {
      dataPage = new Uint8Array(nValues);
    }
  } else if (daph.encoding === "BYTE_STREAM_SPLIT") {
    dataPage = byteStreamSplit(reader, nValues, type, element.type_length);
  } else if (daph.encoding === "DELTA_BINARY_PACKED") {
    const int32 = type === "INT32";
    dataPage = int32 ? new Int32Array(nValues) : new BigInt64Array(nValues);
    deltaBinaryUnpack(reader, nValues, dataPage);
  } else if (daph.encoding === "DELTA_LENGTH_BYTE_ARRAY") {
    dataPage = new Array(nValues);
    deltaLengthByteArray(reader, nValues, dataPage);
  } else if (daph.encoding === "DELTA_BYTE_ARRAY") {
    dataPage = new Array(nValues);
    deltaByteArray(reader, nValues, dataPage);
  } else {
    throw new Error(`parquet unsupported encoding: ${daph.encoding}`);
  }
  return { definitionLevels, repetitionLevels, dataPage };
}
function readRepetitionLevels(reader, daph, schemaPath) {
  if (schemaPath.length > 1) {
    const maxRepetitionLevel = getMaxRepetitionLevel(schemaPath);
    if (maxRepetitionLevel) {
      const values = new Array(daph.num_values);
      readRleBitPackedHybrid(reader, bitWidth(maxRepetitionLevel), values);
      return values;
    }
  }
  return [];
}
function readDefinitionLevels(reader, daph, schemaPath) {
  const maxDefinitionLevel = getMaxDefinitionLevel(schemaPath);
  if (!maxDefinitionLevel) return { definitionLevels: [], numNulls: 0 };
  const definitionLevels = new Array(daph.num_values);
  readRleBitPackedHybrid(reader, bitWidth(maxDefinitionLevel), definitionLevels);
  let numNulls = daph.num_values;
  for (const def of definitionLevels) {
    if (def === maxDefinitionLevel) numNulls--;
  }
  if (numNulls === 0) definitionLevels.length = 0;
  return { definitionLevels, numNulls };
}
function decompressPage(compressedBytes, uncompressed_page_size, codec, compressors) {
  let page;
  const customDecompressor = compressors?.[codec];
  if (codec === "UNCOMPRESSED") {
    page = compressedBytes;
  } else if (customDecompressor) {
    page = customDecompressor(compressedBytes, uncompressed_page_size);
  } else if (codec === "SNAPPY") {
    page = new Uint8Array(uncompressed_page_size);
    snappyUncompress(compressedBytes, page);
  } else {
    throw new Error(`parquet unsupported compression codec: ${codec}`);
  }
  if (page?.length !== uncompressed_page_size) {
    throw new Error(`parquet decompressed page length ${page?.length} does not match header ${uncompressed_page_size}`);
  }
  return page;
}
function readDataPageV2(compressedBytes, ph, columnDecoder) {
  const view = new DataView(compressedBytes.buffer, compressedBytes.byteOffset, compressedBytes.byteLength);
  const reader = { view, offset: 0 };
  const { type, element, schemaPath, codec, compressors } = columnDecoder;
  const daph2 = ph.data_page_header_v2;
  if (!daph2) throw new Error("parquet data page header v2 is undefined");
  const repetitionLevels = readRepetitionLevelsV2(reader, daph2, schemaPath);
  reader.offset = daph2.repetition_levels_byte_length;
  const definitionLevels = readDefinitionLevelsV2(reader, daph2, schemaPath);
  const uncompressedPageSize = ph.uncompressed_page_size - daph2.definition_levels_byte_length - daph2.repetition_levels_byte_length;
  let page = compressedBytes.subarray(reader.offset);
  if (daph2.is_compressed !== false) {
    page = decompressPage(page, uncompressedPageSize, codec, compressors);
  }
  const pageView = new DataView(page.buffer, page.byteOffset, page.byteLength);
  const pageReader = { view: pageView, offset: 0 };
  let dataPage;
  const nValues = daph2.num_values - daph2.num_nulls;
  if (daph2.encoding === "PLAIN") {
    dataPage = readPlain(pageReader, type, nValues, element.type_length);
  } else if (daph2.encoding === "RLE") {
    dataPage = new Array(nValues);
    readRleBitPackedHybrid(pageReader, 1, dataPage);
    dataPage = dataPage.map((x) => !!x);
  } else if (daph2.encoding === "PLAIN_DICTIONARY" || daph2.encoding === "RLE_DICTIONARY") {
    const bitWidth2 = pageView.getUint8(pageReader.offset++);
    dataPage = new Array(nValues);
    readRleBitPackedHybrid(pageReader, bitWidth2, dataPage, uncompressedPageSize - 1);
  } else if (daph2.encoding === "DELTA_BINARY_PACKED") {
    const int32 = type === "INT32";
    dataPage = int32 ? new Int32Array(nValues) : new BigInt64Array(nValues);
    deltaBinaryUnpack(pageReader, nValues, dataPage);
  } else if (daph2.encoding === "DELTA_LENGTH_BYTE_ARRAY") {
    dataPage = new Array(nValues);
    deltaLengthByteArray(pageReader, nValues, dataPage);
  } else if (daph2.encoding === "DELTA_BYTE_ARRAY") {
    dataPage = new Array(nValues);
    deltaByteArray(pageReader, nValues, dataPage);
  } else if (daph2.encoding === "BYTE_STREAM_SPLIT") {
    dataPage = byteStreamSplit(pageReader, nValues, type, element.type_length);
  } else {
    throw new Error(`parquet unsupported encoding: ${daph2.encoding}`);
  }
  return { definitionLevels, repetitionLevels, dataPage };
}
function readRepetitionLevelsV2(reader, daph2, schemaPath) {
  const maxRepetitionLevel = getMaxRepetitionLevel(schemaPath);
  if (!maxRepetitionLevel) return [];
  const values = new Array(daph2.num_values);
  readRleBitPackedHybrid(reader, bitWidth(maxRepetitionLevel), values, daph2.repetition_levels_byte_length);
  return values;
}
function readDefinitionLevelsV2(reader, daph2, schemaPath) {
  const maxDefinitionLevel = getMaxDefinitionLevel(schemaPath);
  if (maxDefinitionLevel) {
    const values = new Array(daph2.num_values);
    readRleBitPackedHybrid(reader, bitWidth(maxDefinitionLevel), values, daph2.definition_levels_byte_length);
    return values;
  }
}
function bitWidth(value) {
  return 32 - Math.clz32(value);
}

// node_modules/hyparquet/src/column.js
function readColumn(reader, { groupStart, selectStart, selectEnd }, columnDecoder, onPage) {
  const { pathInSchema, schemaPath } = columnDecoder;
  const isFlat = isFlatColumn(schemaPath);
  const chunks = [];
  let dictionary = void 0;
  let lastChunk = void 0;
  let rowCount = 0;
  let skipped = 0;
  const emitLastChunk = onPage && (() => {
    lastChunk && onPage({
      pathInSchema,
      columnData: lastChunk,
      rowStart: groupStart + rowCount - lastChunk.length,
      rowEnd: groupStart + rowCount
    });
  });
  while (isFlat ? rowCount < selectEnd : reader.offset < reader.view.byteLength - 1) {
    if (reader.offset >= reader.view.byteLength - 1) break;
    const header = parquetHeader(reader);
    if (header.type === "DICTIONARY_PAGE") {
      const { data } = readPage(reader, header, columnDecoder, dictionary, void 0, 0);
      if (data) dictionary = convert(data, columnDecoder);
    } else {
      const lastChunkLength = lastChunk?.length || 0;
      const result = readPage(reader, header, columnDecoder, dictionary, lastChunk, selectStart - rowCount);
      if (result.skipped) {
        if (!chunks.length) {
          skipped += result.skipped;
        }
        rowCount += result.skipped;
      } else if (result.data && lastChunk === result.data) {
        rowCount += result.data.length - lastChunkLength;
      } else if (result.data && result.data.length) {
        emitLastChunk?.();
        chunks.push(result.data);
        rowCount += result.data.length;
        lastChunk = result.data;
      }
    }
  }
  emitLastChunk?.();
  return { data: chunks, skipped };
}
function readPage(reader, header, columnDecoder, dictionary, previousChunk, pageStart) {
  const { type, element, schemaPath, codec, compressors } = columnDecoder;
  const compressedBytes = new Uint8Array(
    reader.view.buffer,
    reader.view.byteOffset + reader.offset,
    header.compressed_page_size
  );
  reader.offset += header.compressed_page_size;
  if (header.type === "DATA_PAGE") {
    const daph = header.data_page_header;
    if (!daph) throw new Error("parquet data page header is undefined");
    if (pageStart > daph.num_values && isFlatColumn(schemaPath)) {
      return { skipped: daph.num_values };
    }
    const page = decompressPage(compressedBytes, Number(header.uncompressed_page_size), codec, compressors);
    const { definitionLevels, repetitionLevels, dataPage } = readDataPage(page, daph, columnDecoder);
    const values = convertWithDictionary(dataPage, dictionary, daph.encoding, columnDecoder);
    const output = Array.isArray(previousChunk) ? previousChunk : [];
    const assembled = assembleLists(output, definitionLevels, repetitionLevels, values, schemaPath);
    return { skipped: 0, data: assembled };
  } else if (header.type === "DATA_PAGE_V2") {
    const daph2 = header.data_page_header_v2;
    if (!daph2) throw new Error("parquet data page header v2 is undefined");
    if (pageStart > daph2.num_rows) {
      return { skipped: daph2.num_rows };
    }
    const { definitionLevels, repetitionLevels, dataPage } = readDataPageV2(compressedBytes, header, columnDecoder);
    const values = convertWithDictionary(dataPage, dictionary, daph2.encoding, columnDecoder);
    const output = Array.isArray(previousChunk) ? previousChunk : [];
    const assembled = assembleLists(output, definitionLevels, repetitionLevels, values, schemaPath);
    return { skipped: 0, data: assembled };
  } else if (header.type === "DICTIONARY_PAGE") {
    const diph = header.dictionary_page_header;
    if (!diph) throw new Error("parquet dictionary page header is undefined");
    const page = decompressPage(
      compressedBytes,
      Number(header.uncompressed_page_size),
      codec,
      compressors
    );
    const reader2 = { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: 0 };
    const dictArray = readPlain(reader2, type, diph.num_values, element.type_length);
    return { skipped: 0, data: dictArray };
  } else {
    throw new Error(`parquet unsupported page type: ${header.type}`);
  }
}
function parquetHeader(reader) {
  const header = deserializeTCompactProtocol(reader);
  const type = PageTypes[header.field_1];
  const uncompressed_page_size = header.field_2;
  const compressed_page_size = header.field_3;
  const crc = header.field_4;
  const data_page_header = header.field_5 && {
    num_values: header.field_5.field_1,
    encoding: Encodings[header.field_5.field_2],
    definition_level_encoding: Encodings[header.field_5.field_3],
    repetition_level_encoding: Encodings[header.field_5.field_4],
    statistics: pageStatistics(header.field_5.field_5)
  };
  const index_page_header = header.field_6;
  const dictionary_page_header = header.field_7 && {
    num_values: header.field_7.field_1,
    encoding: Encodings[header.field_7.field_2],
    is_sorted: header.field_7.field_3
  };
  const data_page_header_v2 = header.field_8 && {
    num_values: header.field_8.field_1,
    num_nulls: header.field_8.field_2,
    num_rows: header.field_8.field_3,
    encoding: Encodings[header.field_8.field_4],
    definition_levels_byte_length: header.field_8.field_5,
    repetition_levels_byte_length: header.field_8.field_6,
    is_compressed: header.field_8.field_7 === void 0 ? true : header.field_8.field_7,
    // default true
    statistics: pageStatistics(header.field_8.field_8)
  };
  return {
    type,
    uncompressed_page_size,
    compressed_page_size,
    crc,
    data_page_header,
    index_page_header,
    dictionary_page_header,
    data_page_header_v2
  };
}
function pageStatistics(stats) {
  return stats && {
    max: stats.field_1,
    min: stats.field_2,
    null_count: stats.field_3,
    distinct_count: stats.field_4,
    max_value: stats.field_5,
    min_value: stats.field_6,
    is_max_value_exact: stats.field_7,
    is_min_value_exact: stats.field_8
  };
}

// node_modules/hyparquet/src/rowgroup.js
function readRowGroup(options, { metadata }, groupPlan) {
  const asyncColumns = [];
  const schemaTree2 = parquetSchema(metadata);
  for (const chunk of groupPlan.chunks) {
    const { path_in_schema: pathInSchema } = chunk.columnMetadata;
    const schemaPath = getTreePath(schemaTree2, pathInSchema);
    const columnDecoder = {
      pathInSchema,
      element: schemaPath[schemaPath.length - 1].element,
      schemaPath,
      ...options,
      ...chunk.columnMetadata,
      // merge after options, so a partial parsers object keeps the defaults
      parsers: { ...DEFAULT_PARSERS, ...options.parsers }
    };
    const { startByte, endByte } = chunk.range;
    if ("pageLocations" in chunk) {
      asyncColumns.push({
        pathInSchema,
        data: readSelectedPages(options, groupPlan, chunk, chunk.pageLocations, columnDecoder)
      });
    } else if ("offsetIndex" in chunk) {
      asyncColumns.push({
        pathInSchema,
        // fetch offset index
        data: Promise.resolve(options.file.slice(chunk.offsetIndex.startByte, chunk.offsetIndex.endByte)).then((arrayBuffer) => {
          const pages = readOffsetIndex({ view: new DataView(arrayBuffer), offset: 0 }).page_locations;
          return readSelectedPages(options, groupPlan, chunk, pages, columnDecoder);
        })
      });
    } else {
      asyncColumns.push({
        pathInSchema,
        data: Promise.resolve(options.file.slice(startByte, endByte)).then((buffer) => {
          const reader = { view: new DataView(buffer), offset: 0 };
          return readColumn(reader, groupPlan, columnDecoder, options.onPage);
        })
      });
    }
  }
  return {
    groupStart: groupPlan.groupStart,
    groupRows: groupPlan.groupRows,
    selectStart: groupPlan.selectStart,
    selectEnd: groupPlan.selectEnd,
    asyncColumns
  };
}
async function readSelectedPages(options, groupPlan, chunk, pages, columnDecoder) {
  const { data_page_offset, dictionary_page_offset } = chunk.columnMetadata;
  const { selectStart, selectEnd } = groupPlan;
  let { startByte, endByte } = chunk.range;
  let skipped = -1;
  const hasDict = dictionary_page_offset || data_page_offset < pages[0].offset;
  for (let i = 0; i < pages.length; i++) {
    const page = pages[i];
    const pageStart = Number(page.first_row_index);
    const pageEnd = i + 1 < pages.length ? Number(pages[i + 1].first_row_index) : groupPlan.groupRows;
    if (skipped < 0 && pageEnd > selectStart) {
      startByte = Number(page.offset);
      skipped = pageStart;
    }
    if (pageStart < selectEnd) {
      endByte = Number(page.offset) + page.compressed_page_size;
    }
  }
  if (skipped < 0) skipped = 0;
  let view;
  if (hasDict && skipped) {
    const dictLength = Number(pages[0].offset) - chunk.range.startByte;
    const [dictBuffer, dataBuffer] = await Promise.all([
      options.file.slice(chunk.range.startByte, Number(pages[0].offset)),
      options.file.slice(startByte, endByte)
    ]);
    const combined = new Uint8Array(dictLength + dataBuffer.byteLength);
    combined.set(new Uint8Array(dictBuffer, 0, dictLength));
    combined.set(new Uint8Array(dataBuffer), dictLength);
    view = new DataView(combined.buffer);
  } else if (hasDict) {
    view = new DataView(await options.file.slice(chunk.range.startByte, endByte));
  } else {
    view = new DataView(await options.file.slice(startByte, endByte));
  }
  const reader = { view, offset: 0 };
  const adjustedGroupPlan = skipped ? {
    ...groupPlan,
    groupStart: groupPlan.groupStart + skipped,
    selectStart: groupPlan.selectStart - skipped,
    selectEnd: groupPlan.selectEnd - skipped
  } : groupPlan;
  const { data, skipped: columnSkipped } = readColumn(reader, adjustedGroupPlan, columnDecoder, options.onPage);
  return {
    data,
    skipped: skipped + columnSkipped
  };
}
async function asyncGroupToRows({ asyncColumns }, selectStart, selectEnd, columns, rowFormat) {
  const asyncPages = await Promise.all(asyncColumns.map(
    (column) => column.data.then(({ skipped, data }) => ({ skipped, data: flatten(data) }))
  ));
  const selectCount = selectEnd - selectStart;
  if (rowFormat === "object") {
    const groupData2 = Array(selectCount);
    for (let selectRow = 0; selectRow < selectCount; selectRow++) {
      const rowData = {};
      for (let i = 0; i < asyncColumns.length; i++) {
        const { data, skipped } = asyncPages[i];
        rowData[asyncColumns[i].pathInSchema[0]] = data[selectStart + selectRow - skipped];
      }
      groupData2[selectRow] = rowData;
    }
    return groupData2;
  }
  const includedColumnNames = asyncColumns.map((child) => child.pathInSchema[0]).filter((name) => !columns || columns.includes(name));
  const columnOrder = columns ?? includedColumnNames;
  const columnIndexes = columnOrder.map((name) => asyncColumns.findIndex((column) => column.pathInSchema[0] === name));
  const groupData = Array(selectCount);
  for (let selectRow = 0; selectRow < selectCount; selectRow++) {
    const rowData = Array(asyncColumns.length);
    for (let i = 0; i < columnOrder.length; i++) {
      const colIdx = columnIndexes[i];
      if (colIdx < 0) throw new Error(`parquet column not found: ${columnOrder[i]}`);
      const { data, skipped } = asyncPages[colIdx];
      rowData[i] = data[selectStart + selectRow - skipped];
    }
    groupData[selectRow] = rowData;
  }
  return groupData;
}
function assembleAsync(asyncRowGroup, schemaTree2, parsers) {
  const { asyncColumns } = asyncRowGroup;
  const allParsers = { ...DEFAULT_PARSERS, ...parsers };
  const assembled = [];
  for (const child of schemaTree2.children) {
    if (child.children.length) {
      const childColumns = asyncColumns.filter((column) => column.pathInSchema[0] === child.element.name);
      if (!childColumns.length) continue;
      assembled.push({
        pathInSchema: child.path,
        data: (async () => {
          const resolved = await Promise.all(childColumns.map((c) => c.data));
          const subcolumnData = /* @__PURE__ */ new Map();
          const flattened = resolved.map(({ data }) => flatten(data));
          const skipped = Math.max(asyncRowGroup.selectStart ?? 0, ...resolved.map((result) => result.skipped));
          const end = Math.min(asyncRowGroup.selectEnd ?? Infinity, ...resolved.map((result, i) => result.skipped + flattened[i].length));
          for (let i = 0; i < childColumns.length; i++) {
            const start = skipped - resolved[i].skipped;
            const length = Math.max(0, end - skipped);
            subcolumnData.set(
              childColumns[i].pathInSchema.join("."),
              flattened[i].slice(start, start + length)
            );
          }
          assembleNested(subcolumnData, child, allParsers);
          const assembled2 = subcolumnData.get(child.element.name);
          if (!assembled2) throw new Error("parquet column data not assembled");
          return { data: [assembled2], skipped };
        })()
      });
    } else {
      const asyncColumn = asyncColumns.find((column) => column.pathInSchema[0] === child.element.name);
      if (asyncColumn) assembled.push(asyncColumn);
    }
  }
  return { ...asyncRowGroup, asyncColumns: assembled };
}

// node_modules/hyparquet/src/scan.js
async function prepareParquetRead(options) {
  const prepared = await prepareParquetOptions(options);
  return {
    options: prepared,
    plan: parquetPlan(prepared)
  };
}
async function prepareParquetOptions(options) {
  const metadata = options.metadata ?? await parquetMetadataAsync(options.file, options);
  const schemaColumns = parquetSchema(metadata).children.map((child) => child.element.name);
  const filterColumns = columnsNeededForFilter(options.filter);
  const missingFilterColumns = filterColumns.filter((column) => !schemaColumns.includes(column));
  if (missingFilterColumns.length) {
    throw new Error(`parquet filter columns not found: ${missingFilterColumns.join(", ")}`);
  }
  if (options.columns) {
    const missingColumns = options.columns.filter((column) => !schemaColumns.includes(column));
    if (missingColumns.length) throw new Error(`parquet column not found: ${missingColumns[0]}`);
  }
  let prepared = { ...options, metadata };
  prepared = await withBloomFilters(prepared);
  prepared = await withPageIndexes(prepared);
  return prepared;
}
function readParquetPlan(options, plan) {
  const readOptions = { ...options, file: prefetchAsyncBuffer(options.file, plan) };
  return plan.groups.map((group) => readRowGroup(readOptions, plan, group));
}
async function withBloomFilters(options) {
  if (!options.useBloomFilters || !options.filter || !options.metadata) return options;
  const schemaTree2 = parquetSchema(options.metadata);
  const schemaElements = {};
  for (const child of schemaTree2.children) schemaElements[child.element.name] = child.element;
  const bloomFiltersByGroup = await prefetchBloomFilters({
    file: options.file,
    metadata: options.metadata,
    filter: options.filter,
    filterStrict: options.filterStrict
  });
  return { ...options, bloomFiltersByGroup, schemaElements };
}
async function withPageIndexes(options) {
  if (!options.usePageIndex || !options.filter || !options.metadata) return options;
  const { pageRangesByGroup, pageLocationsByGroup } = await prefetchPageIndexes({
    file: options.file,
    metadata: options.metadata,
    filter: options.filter,
    filterStrict: options.filterStrict,
    rowStart: options.rowStart,
    rowEnd: options.rowEnd,
    columns: options.columns,
    bloomFiltersByGroup: options.bloomFiltersByGroup,
    schemaElements: options.schemaElements,
    parsers: options.parsers
  });
  return { ...options, pageRangesByGroup, pageLocationsByGroup };
}

// node_modules/hyparquet/src/read.js
var rowIndex = (
  /** @type {typeof import('../src/types.js').rowIndex} */
  /* @__PURE__ */ Symbol("rowIndex")
);
async function parquetRead(options) {
  options.metadata ??= await parquetMetadataAsync(options.file, options);
  const { rowStart = 0, rowEnd, columns, onChunk, onComplete, rowFormat, filter, filterStrict = true } = options;
  if (filter && rowFormat !== "object") {
    throw new Error('parquet filter requires rowFormat: "object"');
  }
  if (options.includeRowIndex && rowFormat !== "object") {
    throw new Error('parquet includeRowIndex requires rowFormat: "object"');
  }
  const filterColumns = columnsNeededForFilter(filter);
  let readColumns = columns;
  if (columns && filterColumns.length) {
    const selectedColumns = new Set(columns);
    const extraColumns = filterColumns.filter((column) => !selectedColumns.has(column));
    if (extraColumns.length) readColumns = [...columns, ...extraColumns];
  }
  const readOptions = readColumns === columns ? options : { ...options, columns: readColumns };
  const prepared = await prepareParquetRead(readOptions);
  const preparedOptions = prepared.options;
  const requiresProjection = readColumns !== columns;
  const asyncGroups = readParquetPlan(preparedOptions, prepared.plan);
  if (!onComplete && !onChunk) {
    await awaitAllColumns(asyncGroups);
    return;
  }
  if (!preparedOptions.metadata) throw new Error("parquet requires metadata");
  const schemaTree2 = parquetSchema(preparedOptions.metadata);
  const assembled = asyncGroups.map((arg) => assembleAsync(arg, schemaTree2, options.parsers));
  if (onChunk) {
    for (const asyncGroup of assembled) {
      for (const asyncColumn of asyncGroup.asyncColumns) {
        asyncColumn.data.then(({ data, skipped }) => {
          let rowStart2 = asyncGroup.groupStart + skipped;
          for (const columnData of data) {
            onChunk({
              columnName: asyncColumn.pathInSchema[0],
              columnData,
              rowStart: rowStart2,
              rowEnd: rowStart2 + columnData.length
            });
            rowStart2 += columnData.length;
          }
        }, () => {
        });
      }
    }
  }
  if (onComplete) {
    await awaitAllColumns(assembled);
    const rows = [];
    for (const asyncGroup of assembled) {
      const selectStart = asyncGroup.selectStart ?? Math.max(rowStart - asyncGroup.groupStart, 0);
      const selectEnd = asyncGroup.selectEnd ?? Math.min((rowEnd ?? Infinity) - asyncGroup.groupStart, asyncGroup.groupRows);
      const groupData = rowFormat === "object" ? await asyncGroupToRows(asyncGroup, selectStart, selectEnd, readColumns, "object") : await asyncGroupToRows(asyncGroup, selectStart, selectEnd, columns, "array");
      if (options.includeRowIndex) {
        for (let i = 0; i < groupData.length; i++) {
          Object.defineProperty(groupData[i], rowIndex, {
            value: asyncGroup.groupStart + selectStart + i
          });
        }
      }
      if (filter) {
        for (
          const row of
          /** @type {Record<string, any>[]} */
          groupData
        ) {
          if (matchFilter(row, filter, filterStrict)) {
            if (requiresProjection && columns) {
              for (const col of filterColumns) {
                if (!columns.includes(col)) delete row[col];
              }
            }
            rows.push(row);
          }
        }
      } else {
        concat(rows, groupData);
      }
    }
    onComplete(rows);
  } else {
    await awaitAllColumns(assembled);
  }
}
async function awaitAllColumns(asyncGroups) {
  const all = asyncGroups.flatMap((g) => g.asyncColumns.map((c) => c.data));
  const results = await Promise.allSettled(all);
  const failed = results.find((r) => r.status === "rejected");
  if (failed) throw failed.reason;
}

// node_modules/hyparquet/src/node.js
async function asyncBufferFromFile(filename) {
  const { size } = await fs.stat(filename);
  return {
    byteLength: size,
    slice(start, end) {
      if (start === end) return Promise.resolve(new ArrayBuffer(0));
      const reader = createReadStream(filename, { start, end: end === void 0 ? void 0 : end - 1 });
      return new Promise((resolve2, reject) => {
        const chunks = [];
        reader.on("data", (chunk) => chunks.push(chunk));
        reader.on("error", reject);
        reader.on("end", () => {
          const buffer = Buffer.concat(chunks);
          if (buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength) {
            resolve2(buffer.buffer);
          } else {
            resolve2(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength));
          }
        });
      });
    }
  };
}

// src/data/parquetReader.ts
var DAY_MS2 = 864e5;
function floorDiv(a, b) {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}
var PARSERS = {
  timestampFromMilliseconds: (ms) => Number(ms),
  timestampFromMicroseconds: (us) => Number(floorDiv(us, 1000n)),
  timestampFromNanoseconds: (ns) => Number(floorDiv(ns, 1000000n)),
  dateFromDays: (days) => days * DAY_MS2
};
function inputError(file, message, hint, column) {
  return new ModelguardError(
    "input",
    `${file}${column !== void 0 ? `, column '${column}'` : ""}: ${message}`,
    hint,
    column !== void 0 ? { file, column } : { file }
  );
}
async function openParquet(file) {
  const fh = await openDataFile(file);
  await fh.close();
  const buffer = await asyncBufferFromFile(file);
  try {
    const metadata = await parquetMetadataAsync(buffer);
    return { buffer, metadata };
  } catch (e) {
    throw inputError(
      file,
      `not a readable Parquet file (${e.message})`,
      "Check that the file is Parquet (it starts and ends with 'PAR1') and is not truncated."
    );
  }
}
function pandasCategoricals(metadata) {
  const entry = metadata.key_value_metadata?.find((kv) => kv.key === "pandas");
  const names = /* @__PURE__ */ new Set();
  if (!entry?.value) return names;
  try {
    const meta = JSON.parse(entry.value);
    for (const c of meta.columns ?? [])
      if (c.pandas_type === "categorical" && typeof c.name === "string") names.add(c.name);
  } catch {
  }
  return names;
}
function typeOfElement(el, categorical) {
  const ct = el.converted_type;
  const lt = el.logical_type?.type;
  if (lt === "TIMESTAMP" || lt === "DATE" || ct === "TIMESTAMP_MILLIS" || ct === "TIMESTAMP_MICROS" || ct === "DATE" || el.type === "INT96" && ct === void 0)
    return { type: "datetime", textRule: false, datetimeSource: true };
  if (el.type === "BOOLEAN") return { type: "boolean", textRule: false, datetimeSource: false };
  if (ct === "DECIMAL" || lt === "DECIMAL" || lt === "FLOAT16" || el.type === "FLOAT" || el.type === "DOUBLE")
    return { type: "number", textRule: false, datetimeSource: false };
  if (el.type === "INT32" || el.type === "INT64") return { type: "integer", textRule: false, datetimeSource: false };
  if (lt === "ENUM" || ct === "ENUM" || categorical)
    return { type: "category", textRule: false, datetimeSource: false };
  return { type: "string", textRule: true, datetimeSource: false };
}
function columnInfos(metadata) {
  const categoricals = pandasCategoricals(metadata);
  return parquetSchema(metadata).children.map((child) => {
    const el = child.element;
    const nested = child.children.length > 0 || el.repetition_type === "REPEATED";
    return { name: el.name, nested, ...typeOfElement(el, categoricals.has(el.name)) };
  });
}
function valueText(v, datetimeSource) {
  if (typeof v === "string") return v;
  if (typeof v === "number") return datetimeSource && Number.isFinite(v) ? new Date(v).toISOString() : String(v);
  if (typeof v === "bigint" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) return new TextDecoder().decode(v);
  return JSON.stringify(v, (_k, x) => typeof x === "bigint" ? String(x) : x);
}
var ParquetColumnSink = class {
  /**
   * @param fixed the type never changes (forced, or a scan after the sample): a value that does not fit is invalid.
   * @param forced from options.types: integral numbers count as integers and 0/1 as booleans.
   */
  constructor(info, type, fixed, forced, capacity) {
    this.info = info;
    this.type = type;
    this.fixed = fixed;
    this.forced = forced;
    this.capacity = capacity;
    if (type === "category" || type === "string") this.codes = new Int32Array(capacity);
    else {
      this.values = new Float64Array(capacity);
      this.valid = new Uint8Array(capacity);
    }
  }
  info;
  type;
  fixed;
  forced;
  capacity;
  rows = 0;
  values = null;
  valid = null;
  invalid = /* @__PURE__ */ new Map();
  codes = null;
  dictionary = [];
  index = /* @__PURE__ */ new Map();
  append(data, from, to) {
    for (let i = from; i < to; i++) this.put(this.rows++, data[i]);
  }
  put(row, v) {
    if (this.codes) {
      this.codes[row] = v === null || v === void 0 ? -1 : this.code(valueText(v, this.info.datetimeSource));
      return;
    }
    const values = this.values;
    const valid = this.valid;
    if (v === null || v === void 0) {
      values[row] = NaN;
      valid[row] = 0;
      return;
    }
    const x = this.numeric(v);
    if (x === x || typeof v === "number" && v !== v && this.type === "number") {
      values[row] = x;
      valid[row] = 1;
      return;
    }
    if (!this.fixed && this.type === "integer" && typeof v === "bigint") {
      this.toText(row);
      this.codes[row] = this.code(String(v));
      return;
    }
    values[row] = NaN;
    valid[row] = 0;
    this.invalid.set(row, valueText(v, this.info.datetimeSource));
  }
  /** The value under this.type, NaN when it does not fit. */
  numeric(v) {
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
  code(text) {
    let c = this.index.get(text);
    if (c === void 0) {
      c = this.dictionary.length;
      this.dictionary.push(text);
      this.index.set(text, c);
    }
    return c;
  }
  /** Switches an integer column to text: the values so far are safe integers, so their text is exact. */
  toText(upTo) {
    const codes = new Int32Array(this.capacity);
    for (let i = 0; i < upTo; i++) codes[i] = this.valid[i] ? this.code(String(this.values[i])) : -1;
    this.codes = codes;
    this.values = null;
    this.valid = null;
    this.type = "string";
  }
  finish() {
    const n = this.rows;
    if (this.codes) {
      let type = this.type;
      if (!this.fixed && (this.info.textRule || this.info.type === "integer")) {
        let nonMissing = 0;
        for (let i = 0; i < n; i++) if (this.codes[i] >= 0) nonMissing++;
        type = isCategoryCardinality(this.dictionary.length, nonMissing) ? "category" : "string";
      }
      return {
        kind: "dictionary",
        name: this.info.name,
        type,
        codes: this.codes.subarray(0, n),
        dictionary: this.dictionary
      };
    }
    return {
      kind: "numeric",
      name: this.info.name,
      type: this.type,
      values: this.values.subarray(0, n),
      valid: this.valid.subarray(0, n),
      invalid: this.invalid
    };
  }
};
function trimmedBytes(text) {
  return Buffer.from(text.trim(), "utf8");
}
function numberFromText(text) {
  const b = trimmedBytes(text);
  const v = parseNumberBytes(b, 0, b.length);
  return v === v || !isNanLiteralBytes(b, 0, b.length) ? v : NaN;
}
function intFromText(text) {
  const v = numberFromText(text);
  return Number.isSafeInteger(v) ? v : NaN;
}
function boolFromText(text) {
  const b = trimmedBytes(text);
  return parseBooleanBytes(b, 0, b.length);
}
function datetimeFromText(text) {
  const b = trimmedBytes(text);
  return parseDatetimeBytes(b, 0, b.length);
}
function wantedInfos(file, metadata, options) {
  const infos = columnInfos(metadata).filter((info) => !options.columns || options.columns.has(info.name));
  for (const info of infos)
    if (info.nested)
      throw inputError(
        file,
        "a nested Parquet column (struct, list or map) cannot be loaded",
        "Flatten it into top-level columns first, or leave it out with `columns`.",
        info.name
      );
  return infos;
}
function rowGroups(metadata) {
  const groups = [];
  let start = 0;
  for (const g of metadata.row_groups) {
    const rows = Number(g.num_rows);
    groups.push({ start, rows });
    start += rows;
  }
  return groups;
}
async function readGroup(file, buffer, metadata, names, group) {
  const pieces = /* @__PURE__ */ new Map();
  try {
    await parquetRead({
      file: buffer,
      metadata,
      columns: names,
      rowStart: group.start,
      rowEnd: group.start + group.rows,
      parsers: PARSERS,
      onChunk: (chunk) => {
        const list = pieces.get(chunk.columnName) ?? [];
        list.push({ start: chunk.rowStart, data: chunk.columnData });
        pieces.set(chunk.columnName, list);
      }
    });
  } catch (e) {
    throw inputError(
      file,
      `cannot decode the Parquet data (${e.message})`,
      "Check that the file is not corrupt."
    );
  }
  const out = /* @__PURE__ */ new Map();
  for (const name of names) {
    const values = new Array(group.rows).fill(null);
    for (const { start, data } of pieces.get(name) ?? []) {
      for (let i = 0; i < data.length; i++) {
        const row = start + i - group.start;
        if (row >= 0 && row < group.rows) values[row] = data[i];
      }
    }
    out.set(name, values);
  }
  return out;
}
async function loadParquet(file, options) {
  const { buffer, metadata } = await openParquet(file);
  const infos = wantedInfos(file, metadata, options);
  const total = Number(metadata.num_rows);
  const sinks = infos.map((info) => {
    const forced = options.types.get(info.name);
    return new ParquetColumnSink(info, forced ?? info.type, forced !== void 0, forced !== void 0, total);
  });
  for (const group of rowGroups(metadata)) {
    const data = await readGroup(
      file,
      buffer,
      metadata,
      infos.map((i) => i.name),
      group
    );
    sinks.forEach((sink) => sink.append(data.get(sink.info.name), 0, group.rows));
  }
  return { source: file, rowCount: total, columns: sinks.map((s) => s.finish()) };
}
async function* scanParquet(file, options, maxChunkRows, chunkCells) {
  const { buffer, metadata } = await openParquet(file);
  const infos = wantedInfos(file, metadata, options);
  const chunkRows = rowsPerChunk(maxChunkRows, chunkCells, infos.length);
  const names = infos.map((i) => i.name);
  const groups = rowGroups(metadata);
  const sampleSinks = infos.map((info) => {
    const forced = options.types.get(info.name);
    return new ParquetColumnSink(info, forced ?? info.type, forced !== void 0, forced !== void 0, INFERENCE_ROWS);
  });
  for (const group of groups) {
    const left = INFERENCE_ROWS - (sampleSinks[0]?.rows ?? INFERENCE_ROWS);
    if (left <= 0) break;
    const data = await readGroup(file, buffer, metadata, names, group);
    sampleSinks.forEach((sink) => sink.append(data.get(sink.info.name), 0, Math.min(left, group.rows)));
  }
  const types = sampleSinks.map((s) => s.finish().type);
  const newChunk = () => infos.map((info, k) => {
    const forced = options.types.has(info.name);
    return new ParquetColumnSink(info, types[k], true, forced, chunkRows);
  });
  let chunk = newChunk();
  let chunkRowCount = 0;
  let yielded = false;
  for (const group of groups) {
    const data = await readGroup(file, buffer, metadata, names, group);
    let offset = 0;
    while (offset < group.rows) {
      const take = Math.min(chunkRows - chunkRowCount, group.rows - offset);
      chunk.forEach((sink) => sink.append(data.get(sink.info.name), offset, offset + take));
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
async function parquetColumnNames(file) {
  const { metadata } = await openParquet(file);
  return columnInfos(metadata).map((i) => i.name);
}

// src/data/loadTable.ts
async function loadTable(path, options) {
  const resolved = resolveLoadOptions(path, options);
  switch (resolved.format) {
    case "csv":
      return loadCsv(path, resolved);
    case "jsonl":
      return loadJsonl(path, resolved);
    case "parquet":
      return loadParquet(path, resolved);
  }
}
async function* scanTable(path, options) {
  const resolved = resolveLoadOptions(path, options);
  const chunkRows = Math.max(1, Math.floor(options?.chunkRows ?? 1e5));
  const chunkCells = Math.max(1, Math.floor(options?.chunkCells ?? SCAN_CHUNK_CELLS));
  switch (resolved.format) {
    case "csv":
      return yield* scanCsv(path, resolved, chunkRows, chunkCells);
    case "jsonl":
      return yield* scanJsonl(path, resolved, chunkRows, chunkCells);
    case "parquet":
      return yield* scanParquet(path, resolved, chunkRows, chunkCells);
  }
}
async function readColumnNames(path, options) {
  const resolved = resolveLoadOptions(path, options);
  switch (resolved.format) {
    case "csv":
      return csvColumnNames(path, resolved);
    case "jsonl":
      return jsonlColumnNames(path, resolved);
    case "parquet":
      return parquetColumnNames(path);
  }
}

export {
  radixSortFloat64,
  radixSortFloat64InPlace,
  ldexp,
  EMPTY_MOMENTS,
  binaryExponent,
  scaledMoments,
  mergeScaledMoments,
  momentsStd,
  momentsM2,
  profileMoments,
  driftKindOfType,
  sampleTable,
  sampleProfile,
  toSketch,
  sampleCount,
  COLUMN_TYPES,
  getColumn,
  isMissing,
  cellText,
  SCAN_CHUNK_CELLS,
  parseDatetime,
  parseNumber,
  jsonStringScan,
  scanJsonString,
  loadTable,
  scanTable,
  readColumnNames
};
