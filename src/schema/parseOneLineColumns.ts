import { parseDocument } from "yaml";
import { findDuplicateKeys } from "./findDuplicateKeys.js";
import { parseFlowColumnLine } from "./parseFlowColumnLine.js";

/**
 * Column lines the simple recogniser (parseFlowColumnLine) leaves over, parsed per YAML document: small enough that
 * no document tree of the whole file is ever built, and that a piece's tree is garbage before it leaves the young
 * generation. At 2,000 lines each tree lived long enough to be promoted: parsing the 100,000-column schema `schema
 * infer` writes (20 MB) peaked at 321 MB of RSS, at 250 lines at 177 MB.
 */
const CHUNK_LINES = 250;

/**
 * Reads a schema file written one column per line (what `schema infer` writes), given as its lines: the top level
 * without `columns` as one small YAML document, then the column lines one by one, each read by parseFlowColumnLine
 * when it has the simple shape `  NAME: { key: value, ... }`, and the others (a tag, an anchor, an odd character) a
 * few hundred consecutive lines at a time as small YAML documents. Each column's value goes to `onColumn` as soon as
 * it is read, in the file's order, and is not kept here: a caller that builds what it needs of a column and drops
 * the value holds no more than that (the value of a 100,000-column schema was 30 MB). Why pieces: the document tree
 * of a 100,000-column schema (20 MB) took 700 MB and 19 s to build; a tree per piece of 250 lines still took 4.4 s
 * and most of the garbage.
 *
 * Returns the top-level value with `columns` where the file has it, as an empty object (null when no column line
 * follows `columns:`). Returns null, so that the caller parses the whole document the usual way, whenever the file
 * has another shape (a column over several lines, `columns` at another indentation or twice), any piece has a YAML
 * error, a warning or a repeated key, or `onColumn` returns false: a split that broke a construct (a quote or flow
 * collection over lines, an alias whose anchor is in another piece) shows up as an error in some piece, and the
 * full parse then reports it with its line.
 */
export function readOneLineColumns(
  lines: Iterable<string>,
  onColumn: (name: string, value: unknown) => boolean,
): Record<string, unknown> | null {
  const headLines: string[] = [];
  const tailLines: string[] = [];
  let columnLines = 0;
  let pending: string[] = [];
  /** Parses the pending lines as one piece, in the file's order; false when the piece fails. */
  const flush = (): boolean => {
    if (pending.length === 0) return true;
    const parsed = parseQuietly(`columns:\n${pending.join("\n")}`);
    pending = [];
    if (parsed === FAILED) return false;
    const piece = parsed as { columns?: unknown } | null;
    // A list (`  - ...` lines) is not a mapping of columns: the whole document says so with its line.
    if (piece === null || typeof piece.columns !== "object" || piece.columns === null || Array.isArray(piece.columns))
      return false;
    const got = piece.columns as Record<string, unknown>;
    for (const name of Object.keys(got)) if (!onColumn(name, got[name])) return false;
    return true;
  };
  // Before `columns:`, the column lines, and after: the column lines run to the next line at column 0 that is not a
  // comment or blank.
  let part: "head" | "columns" | "tail" = "head";
  for (const line of lines) {
    if (part === "head") {
      if (COLUMNS_LINE.test(line)) part = "columns";
      // A directive (`%YAML 1.1`) changes how every scalar reads, in pieces parsed without it too: the whole document.
      else if (/^%/m.test(line)) return null;
      else headLines.push(line);
      continue;
    }
    if (part === "columns") {
      if (/^[^\s#]/.test(line)) part = "tail";
      else {
        if (/^\s*(#.*)?$/.test(line)) continue;
        // Exactly two spaces, then the name: anything deeper is a column written over several lines.
        if (!/^ {2}[^\s#]/.test(line)) return null;
        columnLines++;
        const simple = parseFlowColumnLine(line);
        if (simple === null) {
          // A list item, a flow collection or an explicit key at the start of a line means something only next to
          // the lines around it (after another entry it is a YAML error, which a piece of its own would not show):
          // the whole document decides.
          if (/^ {2}(?:[[{?:]|-(?:\s|$))/.test(line)) return null;
          pending.push(line);
          if (pending.length >= CHUNK_LINES && !flush()) return null;
        } else if (!flush() || !onColumn(simple.name, simple.value)) return null;
        continue;
      }
    }
    // `columns:` twice.
    if (COLUMNS_LINE.test(line)) return null;
    tailLines.push(line);
  }
  if (part === "head" || !flush()) return null;
  // The rest of the file as the lines it was, `columns` and its lines left out.
  const rest = parseQuietly([...headLines, ...tailLines].join("\n"));
  if (rest === FAILED || (rest !== null && (typeof rest !== "object" || Array.isArray(rest)))) return null;
  const top = (rest ?? {}) as Record<string, unknown>;
  if (Object.prototype.hasOwnProperty.call(top, "columns")) return null;
  // In the file's order of top-level keys: `columns` where it was written.
  const head = parseQuietly(headLines.join("\n"));
  if (head === FAILED || (head !== null && typeof head !== "object")) return null;
  const before = head as Record<string, unknown> | null;
  const value: Record<string, unknown> = {};
  const putTop = (k: string, v: unknown) =>
    Object.defineProperty(value, k, { value: v, enumerable: true, writable: true, configurable: true });
  for (const k of Object.keys(before ?? {})) putTop(k, top[k]);
  putTop("columns", columnLines > 0 ? {} : null);
  for (const k of Object.keys(top)) if (!Object.prototype.hasOwnProperty.call(value, k)) putTop(k, top[k]);
  return value;
}

/** The line that starts the columns. */
const COLUMNS_LINE = /^columns:\s*(#.*)?$/;

/** The lines of a text, each without its "\n" or "\r\n", scanned with indexOf, never split. */
export function* linesOf(text: string): Generator<string, void, undefined> {
  // An array of 200,000 lines next to the text and the value was most of the peak.
  for (let start = 0; start < text.length;) {
    const { line, next } = lineAt(text, start);
    yield line;
    start = next;
  }
}

/** The line starting at `start` without its "\n" or "\r\n", and where the next line starts. */
function lineAt(text: string, start: number): { line: string; next: number } {
  const nl = text.indexOf("\n", start);
  if (nl < 0) return { line: text.slice(start), next: text.length };
  return { line: text.slice(start, nl > start && text[nl - 1] === "\r" ? nl - 1 : nl), next: nl + 1 };
}

const FAILED = Symbol("failed");

/** A small document's value (null when empty); FAILED when it has an error, a warning or a repeated key. */
function parseQuietly(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0 || doc.warnings.length > 0 || findDuplicateKeys(doc, 1).length > 0) return FAILED;
  try {
    return doc.toJS({ maxAliasCount: 1000 }) as unknown;
  } catch {
    return FAILED;
  }
}
