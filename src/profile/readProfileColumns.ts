import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { validateContract, validateContractPart } from "../contracts/validateContract.js";
import { checkColumn } from "./checkProfile.js";
import { MAX_PROFILE_BYTES, readProfile, reviveColumn } from "./profileFile.js";
import {
  PROFILE_VERSION,
  READABLE_PROFILE_VERSIONS,
  type ColumnProfile,
  type ReferenceProfile,
} from "./referenceProfile.js";

/** A profile's fields other than its columns, as readProfile gives them (of the current version). */
export type ProfileFields = Omit<ReferenceProfile, "columns">;

export interface ProfileColumns<T> {
  fields: ProfileFields;
  /** Each column converted, in the order of the columns of readProfile's result (Object.keys order). */
  columns: Map<string, T>;
  /** False when the file went through readProfile whole (an unusual layout), for tests. */
  streamed: boolean;
}

/** Bytes read from the file at a time; the buffer grows past it only to hold one column's JSON whole. */
const READ_BYTES = 1 << 20;

/**
 * readProfile for callers that walk the columns once: each column is parsed, checked (its part of the JSON Schema,
 * then readProfile's semantic checks) and handed to `convert` at once, so the parsed JSON of all columns is never held;
 * the file is read through a buffer of about one column. A wide profile (100,000 columns, 90 MB) costs what the
 * converted columns take, not the file's text and its parsed tree on top.
 *
 * Anything else goes through readProfile itself: a profile with a problem (for exactly its error message: the first
 * few problems over the whole file, a JSON syntax error with its position), and the layouts `modelguard profile` never
 * writes (`columns` before the fields the checks need, a field given twice). As with JSON.parse, a column named twice
 * keeps its first place and its last value.
 */
export function readProfileColumns<T>(
  path: string,
  convert: (name: string, column: ColumnProfile, fields: ProfileFields) => T,
): ProfileColumns<T> {
  const streamed = streamColumns(path, convert);
  if (streamed !== null) return streamed;
  const profile = readProfile(path);
  const { columns, ...fields } = profile;
  const converted = new Map<string, T>();
  for (const name of Object.keys(columns)) converted.set(name, convert(name, columns[name]!, fields));
  return { fields, columns: converted, streamed: false };
}

/** The streamed read, or null when readProfile must have the last word (a problem, or an unusual layout). */
function streamColumns<T>(
  path: string,
  convert: (name: string, column: ColumnProfile, fields: ProfileFields) => T,
): ProfileColumns<T> | null {
  let reader: ByteReader;
  try {
    reader = new ByteReader(path);
  } catch {
    return null;
  }
  try {
    const top = new Map<string, unknown>();
    let checked: CheckedFields | null = null;
    const columns = new Map<string, T>();
    if (!reader.skipWhitespace() || reader.byte() !== OPEN_BRACE) return null;
    reader.pos++;
    if (!reader.skipWhitespace()) return null;
    if (reader.byte() === CLOSE_BRACE) return null;
    for (;;) {
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
    // Nothing but whitespace after the profile, and the fields after `columns` (if any) as the schema wants them.
    if (reader.skipWhitespace() || checked === null || checkedFields(top) === null) return null;
    return { fields: checked.fields, columns: inObjectKeyOrder(columns), streamed: true };
  } finally {
    reader.close();
  }
}

interface CheckedFields {
  /** As readProfile gives them: of the current version. */
  fields: ProfileFields;
  /** The version the file was written in, which says how to read its sketch stores. */
  stored: number;
}

/** The top-level fields as readProfile checks them (kind, version, the JSON Schema), or null on any problem. */
function checkedFields(top: Map<string, unknown>): CheckedFields | null {
  if (top.get("kind") !== "modelguard.profile") return null;
  const version = top.get("version");
  if (typeof version !== "number" || !READABLE_PROFILE_VERSIONS.includes(version)) return null;
  const value: Record<string, unknown> = Object.fromEntries(top);
  value["columns"] = {};
  if (validateContract("profile.schema.json", value).length > 0) return null;
  delete value["columns"];
  return { fields: { ...(value as Omit<ProfileFields, "version">), version: PROFILE_VERSION }, stored: version };
}

/** The entries of `columns` (the reader at its `{`), each checked and converted; false on any problem. */
function streamColumnEntries<T>(
  reader: ByteReader,
  { fields, stored }: CheckedFields,
  out: Map<string, T>,
  convert: (name: string, column: ColumnProfile, fields: ProfileFields) => T,
): boolean {
  reader.pos++;
  if (!reader.skipWhitespace()) return false;
  if (reader.byte() === CLOSE_BRACE) {
    reader.pos++;
    return true;
  }
  for (;;) {
    const name = reader.key();
    if (name === null) return false;
    const value = reader.value();
    if (value === NOT_JSON) return false;
    const pointer = `/columns/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    if (validateContractPart("profile.schema.json", "/$defs/column", value, pointer).length > 0) return false;
    const column = reviveColumn(value as ColumnProfile, stored);
    if (typeof column === "string" || checkColumn(fields, column) !== null) return false;
    out.set(name, convert(name, column, fields));
    if (!reader.skipWhitespace()) return false;
    const next = reader.byte();
    reader.pos++;
    if (next === CLOSE_BRACE) return true;
    if (next !== COMMA || !reader.skipWhitespace()) return false;
  }
}

/**
 * The map in the order JSON.parse's object would list its keys: array indices ("0", "17") first, ascending, then
 * the other names in the order they came (a repeated name where it first came).
 */
function inObjectKeyOrder<T>(columns: Map<string, T>): Map<string, T> {
  const indices: string[] = [];
  for (const name of columns.keys()) if (isArrayIndex(name)) indices.push(name);
  if (indices.length === 0) return columns;
  indices.sort((a, b) => Number(a) - Number(b));
  const out = new Map<string, T>();
  for (const name of indices) out.set(name, columns.get(name)!);
  for (const [name, value] of columns) if (!out.has(name)) out.set(name, value);
  return out;
}

function isArrayIndex(name: string): boolean {
  return /^(?:0|[1-9][0-9]{0,9})$/.test(name) && Number(name) < 4294967295;
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const NOT_JSON: unique symbol = Symbol("not JSON");

function isWhitespace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

/**
 * A JSON file read forward through a buffer: it finds where a key or value ends (strings, escapes and nesting
 * tracked byte by byte: the structural bytes are ASCII, which UTF-8 never uses inside a longer character) and
 * JSON.parse reads that slice, so the syntax is checked as strictly as JSON.parse checks the whole file. The buffer
 * holds the value being read, and grows to at most the file's size (itself at most MAX_PROFILE_BYTES).
 */
class ByteReader {
  private readonly fd: number;
  private buffer = Buffer.alloc(READ_BYTES);
  /** Bytes of the buffer holding data. */
  private end = 0;
  private eof = false;
  /** Bytes of the file not read yet, of its size when opened: a file growing meanwhile is read as readProfile reads it. */
  private unread = 0;
  pos = 0;

  constructor(path: string) {
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

  close(): void {
    closeSync(this.fd);
  }

  /** The byte at pos; only after a call that made it available (skipWhitespace true, or a value just read). */
  byte(): number {
    return this.buffer[this.pos]!;
  }

  /**
   * Reads more of the file after `end`, keeping the bytes from `keep` on (moved to the front, positions shifted):
   * the shift, or -1 at the end of the file.
   */
  private more(keep: number): number {
    if (this.eof) return -1;
    const kept = this.end - keep;
    let target = this.buffer;
    if (kept + READ_BYTES > target.length) target = Buffer.alloc(Math.max(2 * target.length, kept + READ_BYTES));
    this.buffer.copy(target, 0, keep, this.end);
    this.buffer = target;
    this.end = kept;
    this.pos -= keep;
    const n =
      this.unread === 0
        ? 0
        : readSync(this.fd, this.buffer, this.end, Math.min(this.buffer.length - this.end, this.unread), null);
    if (n === 0) this.eof = true;
    this.end += n;
    this.unread -= n;
    return n === 0 ? -1 : keep;
  }

  /** Moves past whitespace: false at the end of the file. */
  skipWhitespace(): boolean {
    for (;;) {
      while (this.pos < this.end && isWhitespace(this.buffer[this.pos]!)) this.pos++;
      if (this.pos < this.end) return true;
      if (this.more(this.pos) < 0) return false;
    }
  }

  /** A key and its colon (the reader at the key's quote), or null when that is not what follows. */
  key(): string | null {
    if (this.byte() !== QUOTE) return null;
    const key = this.value();
    if (typeof key !== "string" || !this.skipWhitespace() || this.byte() !== COLON) return null;
    this.pos++;
    return this.skipWhitespace() ? key : null;
  }

  /** The JSON value at pos, parsed, with pos after it; NOT_JSON when it is not one. */
  value(): unknown {
    let start = this.pos;
    let p = start;
    let depth = 0;
    const first = this.buffer[p]!;
    const scalar = first !== OPEN_BRACE && first !== OPEN_BRACKET && first !== QUOTE;
    let inString = false;
    for (;;) {
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
      const b = this.buffer[p]!;
      if (inString) {
        if (b === BACKSLASH) {
          // The escaped byte is skipped with it; when it is past the buffer, the check above reads more first.
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
      return JSON.parse(this.buffer.toString("utf8", start, p)) as unknown;
    } catch {
      return NOT_JSON;
    }
  }
}
