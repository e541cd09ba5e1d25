/** One column line of a schema file, `  NAME: { key: value, ... }`, as the `yaml` package would read it. */
export interface FlowColumnLine {
  readonly name: string;
  readonly value: Record<string, unknown>;
}

/** Deeper flow collections than this are left to the `yaml` package (a schema has two levels: quantiles). */
const MAX_DEPTH = 8;
/** YAML limits an implicit key to 1,024 characters; longer keys are left to the `yaml` package and its error. */
const MAX_KEY_LENGTH = 1000;

/**
 * A plain scalar of the safe kind: letters, digits, `_ . / ~ $ + - ( )` and inner spaces. No YAML indicator
 * (`: # , [ ] { } & * ! | > ' " % @` and backquote) can occur in it, so where it ends never depends on what follows.
 */
const PLAIN = /[\w./~$+()\-\p{L}\p{N}\p{M}](?:[\w./~$+()\- \p{L}\p{N}\p{M}]*[\w./~$+()\-\p{L}\p{N}\p{M}])?/uy;
/** Characters a quoted scalar may hold as written: none of the controls, tabs, line breaks or a byte-order mark. */
// eslint-disable-next-line no-control-regex -- excluding control characters is the point
const QUOTED_TEXT = /[^"'\\\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]+/y;

const ESCAPES: ReadonlyMap<string, string> = new Map([
  ["0", "\0"],
  ["a", "\x07"],
  ["b", "\b"],
  ["e", "\x1b"],
  ["f", "\f"],
  ["n", "\n"],
  ["r", "\r"],
  ["t", "\t"],
  ["v", "\v"],
  ["N", "\u0085"],
  ["_", "\u00a0"],
  ["L", "\u2028"],
  ["P", "\u2029"],
  [" ", " "],
  ['"', '"'],
  ["/", "/"],
  ["\\", "\\"],
]);

/** Thrown inside the recogniser when the line is not of the simple shape; never leaves this module. */
const NOT_SIMPLE = Symbol("not simple");

/**
 * Reads a column line written the way `schema infer` writes it (and people edit it): two spaces, the name, `: `, a
 * flow mapping of plain, quoted or nested flow values, and perhaps a comment, giving exactly the value the `yaml`
 * package (YAML 1.2 core schema, the options parseSchema uses) gives for the line under `columns:`.
 *
 * Returns null for any line outside that simple shape (a tag, an anchor, a key written twice, a tab, a plain scalar
 * with an indicator character in it, a name that reads as null, ...): the caller then hands the line to the `yaml`
 * package, whose messages and edge cases stay the reference. Why: a YAML document tree per piece of a 100,000-column
 * schema was most of the time and the garbage of reading it.
 */
export function parseFlowColumnLine(line: string): FlowColumnLine | null {
  // A carriage return is a line break to YAML: left to the yaml path.
  if (!line.startsWith("  ") || line.includes("\r")) return null;
  try {
    const reader = new LineReader(line, 2);
    const name = reader.key();
    if (!reader.take(":") || !reader.take(" ")) return null;
    reader.spaces();
    if (!reader.take("{")) return null;
    const value = reader.map(1);
    const end = reader.pos;
    reader.spaces();
    // Nothing after the mapping but spaces and a comment, which YAML starts only after a space.
    if (reader.pos < line.length && !(reader.pos > end && line[reader.pos] === "#")) return null;
    return { name, value };
  } catch (e) {
    if (e === NOT_SIMPLE) return null;
    throw e;
  }
}

class LineReader {
  constructor(
    readonly text: string,
    public pos: number,
  ) {}

  take(ch: string): boolean {
    if (this.text[this.pos] !== ch) return false;
    this.pos++;
    return true;
  }

  spaces(): void {
    while (this.text.charCodeAt(this.pos) === 32) this.pos++;
  }

  /** A mapping key as the property name `yaml` makes of it; a key that reads as null is not simple. */
  key(): string {
    const start = this.pos;
    const value = this.scalar();
    if (value === null || this.pos - start > MAX_KEY_LENGTH) throw NOT_SIMPLE;
    return String(value);
  }

  /** After the `{`: the entries up to and including the `}`. */
  map(depth: number): Record<string, unknown> {
    if (depth > MAX_DEPTH) throw NOT_SIMPLE;
    const out: Record<string, unknown> = {};
    this.spaces();
    if (this.take("}")) return out;
    for (;;) {
      const key = this.key();
      if (!this.take(":") || !this.take(" ")) throw NOT_SIMPLE;
      this.spaces();
      const next = this.text[this.pos];
      const value = next === "," || next === "}" ? null : this.value(depth);
      // A repeated key is an error for parseSchema: left to the yaml path, which reports it with its line.
      if (Object.hasOwn(out, key)) throw NOT_SIMPLE;
      // As the yaml package does: assignment, but an own property for a name the prototype has (`__proto__`).
      if (key in out) Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
      else out[key] = value;
      this.spaces();
      if (this.take("}")) return out;
      if (!this.take(",")) throw NOT_SIMPLE;
      this.spaces();
    }
  }

  /** After the `[`: the items up to and including the `]`. */
  seq(depth: number): unknown[] {
    if (depth > MAX_DEPTH) throw NOT_SIMPLE;
    const out: unknown[] = [];
    this.spaces();
    if (this.take("]")) return out;
    for (;;) {
      out.push(this.value(depth));
      this.spaces();
      if (this.take("]")) return out;
      if (!this.take(",")) throw NOT_SIMPLE;
      this.spaces();
    }
  }

  value(depth: number): unknown {
    if (this.take("{")) return this.map(depth + 1);
    if (this.take("[")) return this.seq(depth + 1);
    return this.scalar();
  }

  scalar(): unknown {
    const first = this.text[this.pos];
    if (first === '"') return this.doubleQuoted();
    if (first === "'") return this.singleQuoted();
    PLAIN.lastIndex = this.pos;
    const match = PLAIN.exec(this.text);
    if (match === null) throw NOT_SIMPLE;
    const text = match[0];
    // `- ` starts a sequence entry, and a lone `-` is not a scalar in a flow collection.
    if (text[0] === "-" && (text.length === 1 || text[1] === " ")) throw NOT_SIMPLE;
    this.pos += text.length;
    return resolvePlain(text);
  }

  /** The characters a quoted scalar holds as written from here on (QUOTED_TEXT), taken; "" when there are none. */
  private quotedRun(): string {
    QUOTED_TEXT.lastIndex = this.pos;
    const run = QUOTED_TEXT.exec(this.text);
    if (run === null) return "";
    this.pos += run[0].length;
    return run[0];
  }

  doubleQuoted(): string {
    let out = "";
    this.pos++;
    for (;;) {
      out += this.quotedRun();
      const ch = this.text[this.pos];
      if (ch === '"') {
        this.pos++;
        return out;
      }
      if (ch === "'") {
        out += ch;
        this.pos++;
        continue;
      }
      if (ch !== "\\") throw NOT_SIMPLE;
      const code = this.text[this.pos + 1];
      const simple = code === undefined ? undefined : ESCAPES.get(code);
      if (simple !== undefined) {
        out += simple;
        this.pos += 2;
        continue;
      }
      const length = code === "x" ? 2 : code === "u" ? 4 : code === "U" ? 8 : 0;
      const hex = this.text.slice(this.pos + 2, this.pos + 2 + length);
      if (length === 0 || hex.length !== length || !/^[0-9a-fA-F]+$/.test(hex)) throw NOT_SIMPLE;
      const point = parseInt(hex, 16);
      if (point > 0x10ffff) throw NOT_SIMPLE;
      out += String.fromCodePoint(point);
      this.pos += 2 + length;
    }
  }

  singleQuoted(): string {
    let out = "";
    this.pos++;
    for (;;) {
      out += this.quotedRun();
      const ch = this.text[this.pos];
      if (ch === "'") {
        if (this.text[this.pos + 1] !== "'") {
          this.pos++;
          return out;
        }
        out += "'";
        this.pos += 2;
      } else if (ch === '"' || ch === "\\") {
        out += ch;
        this.pos++;
      } else throw NOT_SIMPLE;
    }
  }
}

/**
 * A plain scalar's value under the YAML 1.2 core schema, the tags tried in the `yaml` package's order: null, bool,
 * octal, decimal and hexadecimal ints, .inf/.nan, floats with and without an exponent; anything else is a string
 * (`yes`, `1_000`, `0o8`).
 */
export function resolvePlain(text: string): unknown {
  if (/^(?:~|[Nn]ull|NULL)$/.test(text)) return null;
  if (/^(?:[Tt]rue|TRUE)$/.test(text)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(text)) return false;
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.slice(2), 8);
  if (/^[-+]?[0-9]+$/.test(text)) return parseInt(text, 10);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(text)) {
    return text.slice(-3).toLowerCase() === "nan" ? NaN : text[0] === "-" ? -Infinity : Infinity;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(text)) return parseFloat(text);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(text)) return parseFloat(text);
  return text;
}
