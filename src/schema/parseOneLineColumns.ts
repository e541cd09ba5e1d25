import { parseDocument } from "yaml";
import { findDuplicateKeys } from "./findDuplicateKeys.js";

/**
 * Column lines parsed per YAML document: small enough that no document tree of the whole file is ever built, and that
 * a piece's tree is garbage before it leaves the young generation. At 2,000 lines each tree lived long enough to be
 * promoted: parsing the 100,000-column schema `schema infer` writes (20 MB) peaked at 321 MB of RSS, at 250 lines at
 * 177 MB (a `validate` with it peaks while loading the data, so it gained less: 366 MB to 357 MB).
 */
const CHUNK_LINES = 250;

/**
 * The value of a schema file written one column per line (what `schema infer` writes), parsed in pieces: the top
 * level without `columns`, then the column lines a few thousand at a time, each piece its own small YAML document.
 * Why: the document tree of a 100,000-column schema (20 MB) took 700 MB and 19 s to build, for a value of 30 MB.
 *
 * Returns null, so that the caller parses the whole document the usual way, whenever the file has another shape
 * (a column over several lines, `columns` at another indentation or twice) or any piece has a YAML error, a warning
 * or a repeated key: a split that broke a construct (a quote or flow collection over lines, an alias whose anchor is
 * in another piece) shows up as an error in some piece, and the full parse then reports it with its line.
 */
export function parseOneLineColumns(text: string): Record<string, unknown> | null {
  const lines = text.split(/\r?\n/);
  let columnsLine = -1;
  for (let i = 0; i < lines.length; i++) {
    if (/^columns:\s*(#.*)?$/.test(lines[i]!)) {
      if (columnsLine >= 0) return null;
      columnsLine = i;
    }
  }
  if (columnsLine < 0) return null;
  // The column lines run to the next line at column 0 that is not a comment or blank.
  let end = columnsLine + 1;
  while (end < lines.length && !/^[^\s#]/.test(lines[end]!)) end++;
  const columnLines: string[] = [];
  for (let i = columnsLine + 1; i < end; i++) {
    const line = lines[i]!;
    if (/^\s*(#.*)?$/.test(line)) continue;
    // Exactly two spaces, then the name: anything deeper is a column written over several lines.
    if (!/^ {2}[^\s#]/.test(line)) return null;
    columnLines.push(line);
  }
  const rest = parseQuietly([...lines.slice(0, columnsLine), ...lines.slice(end)].join("\n"));
  if (rest === FAILED || (rest !== null && (typeof rest !== "object" || Array.isArray(rest)))) return null;
  const top = (rest ?? {}) as Record<string, unknown>;
  if (Object.prototype.hasOwnProperty.call(top, "columns")) return null;
  const columns: Record<string, unknown> = {};
  for (let i = 0; i < columnLines.length; i += CHUNK_LINES) {
    const parsed = parseQuietly(`columns:\n${columnLines.slice(i, i + CHUNK_LINES).join("\n")}`);
    if (parsed === FAILED) return null;
    const piece = parsed as { columns?: unknown } | null;
    if (piece === null || typeof piece.columns !== "object" || piece.columns === null) return null;
    for (const name of Object.keys(piece.columns)) {
      if (Object.prototype.hasOwnProperty.call(columns, name)) return null;
      // An own property whatever the name (`__proto__` included), as the whole document's value has.
      Object.defineProperty(columns, name, {
        value: (piece.columns as Record<string, unknown>)[name],
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  // In the file's order of top-level keys: `columns` where it was written.
  const head = parseQuietly(lines.slice(0, columnsLine).join("\n"));
  if (head === FAILED || (head !== null && typeof head !== "object")) return null;
  const before = head as Record<string, unknown> | null;
  const value: Record<string, unknown> = {};
  const put = (k: string, v: unknown) =>
    Object.defineProperty(value, k, { value: v, enumerable: true, writable: true, configurable: true });
  for (const k of Object.keys(before ?? {})) put(k, top[k]);
  put("columns", columnLines.length > 0 ? columns : null);
  for (const k of Object.keys(top)) if (!Object.prototype.hasOwnProperty.call(value, k)) put(k, top[k]);
  return value;
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
