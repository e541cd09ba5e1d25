import type { Column } from "../data/table.js";
import { parseCellText } from "./parseCellText.js";

const ID_WORDS = new Set(["id", "uuid", "guid", "key"]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN = /^[A-Za-z0-9_-]+$/;

/**
 * Whether a column looks like an identifier, so that `schema infer` marks it `unique: true`.
 *
 * Rule: an integer, string or category column with at least 2 rows, no missing or unparsed cells and every value
 * distinct, and
 * - its name looks like an id: the last word of the name is id, uuid, guid or key (`id`, `customer_id`, `userId`,
 *   `ORDER-KEY`), or
 * - its values look like ids: integers forming a run of consecutive values (a row counter or serial key), or strings
 *   that are all UUIDs, or all of one length (at least 4), made of letters, digits, `_` and `-`, holding a digit, and
 *   not dates (`C000123`, hex hashes).
 *
 * isIdLike(column with name "customer_id" and values 17, 3, 99) === true
 */
export function isIdLike(column: Column, rows: number): boolean {
  if (rows < 2) return false;
  if (column.kind === "numeric") {
    if (column.type !== "integer" || column.invalid.size > 0) return false;
    const sorted = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      if (column.valid[r] !== 1) return false;
      sorted[r] = column.values[r]!;
    }
    sorted.sort();
    for (let i = 1; i < rows; i++) if (sorted[i] === sorted[i - 1]) return false;
    return idLikeName(column.name) || sorted[rows - 1]! - sorted[0]! === rows - 1;
  }
  const seen = new Uint8Array(column.dictionary.length);
  const texts = new Set<string>();
  for (let r = 0; r < rows; r++) {
    const code = column.codes[r]!;
    if (code < 0 || seen[code] === 1) return false;
    seen[code] = 1;
    const text = column.dictionary[code]!;
    if (texts.has(text)) return false;
    texts.add(text);
  }
  if (idLikeName(column.name)) return true;
  const values = [...texts];
  if (values.every((v) => UUID.test(v))) return true;
  const len = values[0]!.length;
  return (
    len >= 4 &&
    values.every((v) => v.length === len && TOKEN.test(v) && /\d/.test(v)) &&
    !values.every((v) => parseCellText(v, "datetime") !== undefined)
  );
}

/** The last word of the name (split at non-alphanumerics and camelCase humps) is id, uuid, guid or key. */
export function idLikeName(name: string): boolean {
  const words = name
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1 $2")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
  const last = words[words.length - 1];
  return last !== undefined && ID_WORDS.has(last);
}
