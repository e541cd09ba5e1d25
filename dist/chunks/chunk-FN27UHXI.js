import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  MAX_PROFILE_BYTES,
  PROFILE_VERSION,
  READABLE_PROFILE_VERSIONS,
  checkColumn,
  readProfile,
  reviveColumn
} from "./chunk-4VXYNFVR.js";
import {
  validateContract,
  validateContractPart
} from "./chunk-BERRGJKQ.js";

// src/profile/readProfileColumns.ts
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
var READ_BYTES = 1 << 20;
function readProfileColumns(path, convert) {
  const streamed = streamColumns(path, convert);
  if (streamed !== null) return streamed;
  const profile = readProfile(path);
  const { columns, ...fields } = profile;
  const converted = /* @__PURE__ */ new Map();
  for (const name of Object.keys(columns)) converted.set(name, convert(name, columns[name], fields));
  return { fields, columns: converted, streamed: false };
}
function streamColumns(path, convert) {
  let reader;
  try {
    reader = new ByteReader(path);
  } catch {
    return null;
  }
  try {
    const top = /* @__PURE__ */ new Map();
    let checked = null;
    const columns = /* @__PURE__ */ new Map();
    if (!reader.skipWhitespace() || reader.byte() !== OPEN_BRACE) return null;
    reader.pos++;
    if (!reader.skipWhitespace()) return null;
    if (reader.byte() === CLOSE_BRACE) return null;
    for (; ; ) {
      const key = reader.key();
      if (key === null || top.has(key)) return null;
      if (key === "columns") {
        checked = checkedFields(top);
        if (checked === null || !reader.skipWhitespace() || reader.byte() !== OPEN_BRACE) return null;
        if (!streamColumnEntries(reader, checked, columns, convert)) return null;
        top.set(key, {});
      } else {
        const value = reader.value();
        if (value === NOT_JSON) return null;
        top.set(key, value);
      }
      if (!reader.skipWhitespace()) return null;
      const next = reader.byte();
      reader.pos++;
      if (next === CLOSE_BRACE) break;
      if (next !== COMMA || !reader.skipWhitespace()) return null;
    }
    if (reader.skipWhitespace() || checked === null || checkedFields(top) === null) return null;
    return { fields: checked.fields, columns: inObjectKeyOrder(columns), streamed: true };
  } finally {
    reader.close();
  }
}
function checkedFields(top) {
  if (top.get("kind") !== "modelguard.profile") return null;
  const version = top.get("version");
  if (typeof version !== "number" || !READABLE_PROFILE_VERSIONS.includes(version)) return null;
  const value = Object.fromEntries(top);
  value["columns"] = {};
  if (validateContract("profile.schema.json", value).length > 0) return null;
  delete value["columns"];
  return { fields: { ...value, version: PROFILE_VERSION }, stored: version };
}
function streamColumnEntries(reader, { fields, stored }, out, convert) {
  reader.pos++;
  if (!reader.skipWhitespace()) return false;
  if (reader.byte() === CLOSE_BRACE) {
    reader.pos++;
    return true;
  }
  for (; ; ) {
    const name = reader.key();
    if (name === null) return false;
    const value = reader.value();
    if (value === NOT_JSON) return false;
    const pointer = `/columns/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    if (validateContractPart("profile.schema.json", "/$defs/column", value, pointer).length > 0) return false;
    const column = reviveColumn(value, stored);
    if (typeof column === "string" || checkColumn(fields, column) !== null) return false;
    out.set(name, convert(name, column, fields));
    if (!reader.skipWhitespace()) return false;
    const next = reader.byte();
    reader.pos++;
    if (next === CLOSE_BRACE) return true;
    if (next !== COMMA || !reader.skipWhitespace()) return false;
  }
}
function inObjectKeyOrder(columns) {
  const indices = [];
  for (const name of columns.keys()) if (isArrayIndex(name)) indices.push(name);
  if (indices.length === 0) return columns;
  indices.sort((a, b) => Number(a) - Number(b));
  const out = /* @__PURE__ */ new Map();
  for (const name of indices) out.set(name, columns.get(name));
  for (const [name, value] of columns) if (!out.has(name)) out.set(name, value);
  return out;
}
function isArrayIndex(name) {
  return /^(?:0|[1-9][0-9]{0,9})$/.test(name) && Number(name) < 4294967295;
}
var OPEN_BRACE = 123;
var CLOSE_BRACE = 125;
var OPEN_BRACKET = 91;
var CLOSE_BRACKET = 93;
var QUOTE = 34;
var BACKSLASH = 92;
var COMMA = 44;
var COLON = 58;
var NOT_JSON = /* @__PURE__ */ Symbol("not JSON");
function isWhitespace(b) {
  return b === 32 || b === 10 || b === 13 || b === 9;
}
var ByteReader = class {
  fd;
  buffer = Buffer.alloc(READ_BYTES);
  /** Bytes of the buffer holding data. */
  end = 0;
  eof = false;
  /** Bytes of the file not read yet, of its size when opened: a file growing meanwhile is read as readProfile reads it. */
  unread = 0;
  pos = 0;
  constructor(path) {
    this.fd = openSync(path, "r");
    try {
      const stat = fstatSync(this.fd);
      if (!stat.isFile() || stat.size > MAX_PROFILE_BYTES) throw new Error("not a profile-sized file");
      this.unread = stat.size;
    } catch (e) {
      closeSync(this.fd);
      throw e;
    }
  }
  close() {
    closeSync(this.fd);
  }
  /** The byte at pos; only after a call that made it available (skipWhitespace true, or a value just read). */
  byte() {
    return this.buffer[this.pos];
  }
  /**
   * Reads more of the file after `end`, keeping the bytes from `keep` on (moved to the front, positions shifted):
   * the shift, or -1 at the end of the file.
   */
  more(keep) {
    if (this.eof) return -1;
    const kept = this.end - keep;
    let target = this.buffer;
    if (kept + READ_BYTES > target.length) target = Buffer.alloc(Math.max(2 * target.length, kept + READ_BYTES));
    this.buffer.copy(target, 0, keep, this.end);
    this.buffer = target;
    this.end = kept;
    this.pos -= keep;
    const n = this.unread === 0 ? 0 : readSync(this.fd, this.buffer, this.end, Math.min(this.buffer.length - this.end, this.unread), null);
    if (n === 0) this.eof = true;
    this.end += n;
    this.unread -= n;
    return n === 0 ? -1 : keep;
  }
  /** Moves past whitespace: false at the end of the file. */
  skipWhitespace() {
    for (; ; ) {
      while (this.pos < this.end && isWhitespace(this.buffer[this.pos])) this.pos++;
      if (this.pos < this.end) return true;
      if (this.more(this.pos) < 0) return false;
    }
  }
  /** A key and its colon (the reader at the key's quote), or null when that is not what follows. */
  key() {
    if (this.byte() !== QUOTE) return null;
    const key = this.value();
    if (typeof key !== "string" || !this.skipWhitespace() || this.byte() !== COLON) return null;
    this.pos++;
    return this.skipWhitespace() ? key : null;
  }
  /** The JSON value at pos, parsed, with pos after it; NOT_JSON when it is not one. */
  value() {
    let start = this.pos;
    let p = start;
    let depth = 0;
    const first = this.buffer[p];
    const scalar = first !== OPEN_BRACE && first !== OPEN_BRACKET && first !== QUOTE;
    let inString = false;
    for (; ; ) {
      if (p >= this.end) {
        this.pos = p;
        const shift = this.more(start);
        if (shift < 0) {
          if (scalar && !inString && depth === 0) break;
          return NOT_JSON;
        }
        start -= shift;
        p = this.pos;
        continue;
      }
      const b = this.buffer[p];
      if (inString) {
        if (b === BACKSLASH) {
          if (p + 1 >= this.end) {
            this.pos = p;
            const shift = this.more(start);
            if (shift < 0) return NOT_JSON;
            start -= shift;
            p = this.pos;
            continue;
          }
          p += 2;
          continue;
        }
        p++;
        if (b === QUOTE) {
          inString = false;
          if (depth === 0) break;
        }
        continue;
      }
      if (scalar) {
        if (b === COMMA || b === CLOSE_BRACE || b === CLOSE_BRACKET || isWhitespace(b)) break;
        p++;
        continue;
      }
      p++;
      if (b === QUOTE) inString = true;
      else if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++;
      else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
        depth--;
        if (depth === 0) break;
      }
    }
    this.pos = p;
    try {
      return JSON.parse(this.buffer.toString("utf8", start, p));
    } catch {
      return NOT_JSON;
    }
  }
};

export {
  readProfileColumns
};
