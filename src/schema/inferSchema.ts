import { Document, Pair, Scalar, YAMLMap, type Node } from "yaml";
import type { Column, DictionaryColumn, NumericColumn, Table } from "../data/table.js";
import type { ColumnSchema, DataSchema } from "./dataSchema.js";
import { fmtPercent } from "./fmtPercent.js";
import { isIdLike } from "./isIdLike.js";
import { parseCellText } from "./parseCellText.js";

export interface InferSchemaOptions {
  /** Category columns with at most this many distinct values get an `allowed` list. Default 100, TFDV's limit. */
  maxAllowedValues?: number;
  /** Label of the data in the header comment and of the schema's `source`. Default: the table's source. */
  source?: string;
}

export interface InferredSchema {
  readonly schema: DataSchema;
  /** The schema file text: parseSchema(yaml) gives back `schema`, with the observations as comments. */
  readonly yaml: string;
}

/** Lines longer than this break `allowed` lists into one value per line. */
const LINE_WIDTH = 100;

/**
 * A first schema from data, for `modelguard schema infer`: every column with its type; `nullable: true` when a cell
 * is missing; observed min and max for number, integer and datetime columns (datetimes as ISO 8601, rounded outward
 * to the millisecond; left out when a column holds NaN or infinities); `allowed` for category columns with at most
 * `maxAllowedValues` distinct values; `unique: true` for id-like columns (see isIdLike); `rows: {min: 1}` (0 for an
 * empty table); `extra_columns: error`.
 *
 * The YAML carries what was observed as comments ("# observed 0.0% missing, 1,000 rows, min 18, max 97,
 * 43 distinct"). Validating the same table against it passes, unless cells failed to parse as their column's type
 * (a comment says so): those stay `type` violations. A repeated column name is listed once.
 */
export function inferSchema(table: Table, options: InferSchemaOptions = {}): InferredSchema {
  const maxAllowed = options.maxAllowedValues ?? 100;
  const source = options.source ?? table.source;
  const rows = table.rowCount;
  const doc = new Document({});
  const columnsNode = new YAMLMap();
  const columns: ColumnSchema[] = [];
  const names = new Set<string>();
  for (const column of table.columns) {
    if (names.has(column.name)) continue;
    names.add(column.name);
    const { spec, fields, comment } = inferColumn(column, rows, maxAllowed);
    columns.push(spec);
    const key = doc.createNode(column.name) as Scalar;
    key.commentBefore = ` ${comment}`;
    columnsNode.items.push(new Pair(key, columnNode(doc, fields)));
  }
  const rowsMin = Math.min(1, rows);
  const root = doc.contents as YAMLMap;
  root.items.push(new Pair(doc.createNode("version"), doc.createNode(1)));
  root.items.push(new Pair(doc.createNode("columns"), columnsNode));
  root.items.push(new Pair(doc.createNode("rows"), doc.createNode({ min: rowsMin }, { flow: true })));
  root.items.push(new Pair(doc.createNode("extra_columns"), doc.createNode("error")));
  doc.commentBefore =
    ` modelguard schema, inferred from ${source}: ${fmtInt(rows)} rows, ${fmtInt(columns.length)} column${columns.length === 1 ? "" : "s"}.\n` +
    " Comments show what was observed; edit the checks to what the data must satisfy.\n" +
    " Keys per column: type, nullable, required, min, max, allowed, pattern, unique, mostly.";
  const schema: DataSchema = { version: 1, source, columns, rows: { min: rowsMin }, extraColumns: "error" };
  return { schema, yaml: doc.toString({ lineWidth: LINE_WIDTH }) };
}

type Fields = Record<string, string | number | boolean | string[]>;

interface Inferred {
  spec: ColumnSchema;
  /** What the YAML lists, in order (datetime bounds as ISO text). */
  fields: Fields;
  comment: string;
}

function inferColumn(column: Column, rows: number, maxAllowed: number): Inferred {
  const base = { name: column.name, type: column.type, required: true, unique: false, mostly: 1 } as const;
  const fields: Fields = { type: column.type };
  const notes: string[] = [];
  let secondLine: string | undefined;
  let spec: ColumnSchema;
  if (column.kind === "numeric") {
    const s = numericStats(column, rows);
    const missingShare = rows > 0 ? s.missing / rows : 0;
    notes.push(`observed ${fmtMissing(missingShare)} missing`, `${fmtInt(rows)} rows`);
    const nullable = s.missing > 0;
    if (nullable) fields.nullable = true;
    let min: number | undefined;
    let max: number | undefined;
    if (column.type === "boolean") {
      notes.push(`${fmtPercent(s.count > 0 ? s.trues / s.count : 0)} true`);
    } else if (s.count > 0 && s.nan === 0 && Number.isFinite(s.min) && Number.isFinite(s.max)) {
      if (column.type === "datetime") {
        const lo = Math.floor(s.min);
        const hi = Math.ceil(s.max);
        const loText = new Date(lo).toISOString();
        const hiText = new Date(hi).toISOString();
        // Years beyond 9999 do not round-trip through ISO 8601 text.
        if (parseCellText(loText, "datetime") === lo && parseCellText(hiText, "datetime") === hi) {
          min = lo;
          max = hi;
          fields.min = loText;
          fields.max = hiText;
        }
        notes.push(`min ${loText}`, `max ${hiText}`);
      } else {
        min = s.min + 0; // -0 -> 0
        max = s.max + 0;
        fields.min = min;
        fields.max = max;
        notes.push(`min ${fmtNumber(s.min)}`, `max ${fmtNumber(s.max)}`);
      }
      notes.push(`${fmtInt(s.distinct)} distinct`);
    } else if (s.count > 0) {
      notes.push(`${fmtInt(s.distinct)} distinct`);
      if (s.nan > 0) notes.push(`${fmtInt(s.nan)} NaN, so no min/max`);
      else notes.push("infinite values, so no min/max");
    }
    if (column.invalid.size > 0) {
      notes.push(`${fmtInt(column.invalid.size)} cells did not parse as ${column.type} and will fail the type check`);
    }
    const unique = isIdLike(column, rows);
    if (unique) {
      fields.unique = true;
      notes.push("all distinct and id-like, so unique");
    }
    spec = { ...base, nullable, unique, ...(min !== undefined && { min }), ...(max !== undefined && { max }) };
  } else {
    const s = textStats(column, rows);
    notes.push(`observed ${fmtMissing(rows > 0 ? s.missing / rows : 0)} missing`, `${fmtInt(rows)} rows`);
    const nullable = s.missing > 0;
    if (nullable) fields.nullable = true;
    notes.push(`${fmtInt(s.values.length)} distinct`);
    let allowed: string[] | undefined;
    if (column.type === "category") {
      const top = [...s.values].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3);
      const present = rows - s.missing;
      if (top.length > 0) {
        secondLine = `most common ${top.map(([v, n]) => `${JSON.stringify(clip(v))} ${fmtPercent(n / present)}`).join(", ")}`;
      }
      if (s.values.length > 0 && s.values.length <= maxAllowed) {
        allowed = s.values.map(([v]) => v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        fields.allowed = allowed;
      } else if (s.values.length > maxAllowed) {
        notes.push(`more than ${maxAllowed}, so no allowed list`);
      }
    } else if (s.values.length > 0) {
      notes.push(`length ${fmtInt(s.minLength)} to ${fmtInt(s.maxLength)}`);
    }
    const unique = isIdLike(column, rows);
    if (unique) {
      fields.unique = true;
      notes.push("all distinct and id-like, so unique");
    }
    spec = { ...base, nullable, unique, ...(allowed !== undefined && { allowed }) };
  }
  return { spec, fields, comment: notes.join(", ") + (secondLine ? `\n ${secondLine}` : "") };
}

/** `{ type: number, min: 0 }` on one line; a column with a long `allowed` list as a block with one value per line. */
function columnNode(doc: Document, fields: Fields): Node {
  const flow = doc.createNode(fields, { flow: true }) as Node;
  const allowed = fields.allowed;
  if (!Array.isArray(allowed)) return flow;
  const oneLine = doc.createNode(fields, { flow: true }).toString();
  if (oneLine.length <= LINE_WIDTH - 30) return flow;
  const block = new YAMLMap();
  for (const [k, v] of Object.entries(fields)) {
    const flowValue = k === "allowed" ? JSON.stringify(v).length <= LINE_WIDTH - 20 : true;
    block.items.push(new Pair(doc.createNode(k), doc.createNode(v, { flow: flowValue })));
  }
  return block;
}

interface NumericStats {
  count: number;
  missing: number;
  nan: number;
  trues: number;
  min: number;
  max: number;
  distinct: number;
}

function numericStats(column: NumericColumn, rows: number): NumericStats {
  const { values, valid } = column;
  let count = 0;
  let nan = 0;
  let trues = 0;
  let min = Infinity;
  let max = -Infinity;
  const present = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    if (valid[r] !== 1) continue;
    const v = values[r]!;
    present[count++] = v;
    if (Number.isNaN(v)) nan++;
    else {
      if (v < min) min = v;
      if (v > max) max = v;
      if (v === 1) trues++;
    }
  }
  const sorted = present.subarray(0, count).sort();
  let distinct = 0;
  for (let i = 0; i < count; i++) if (i === 0 || !Object.is(sorted[i], sorted[i - 1])) distinct++;
  const missing = rows - count - column.invalid.size;
  return { count, missing, nan, trues, min, max, distinct };
}

interface TextStats {
  missing: number;
  /** Distinct values with their row counts. */
  values: [string, number][];
  minLength: number;
  maxLength: number;
}

function textStats(column: DictionaryColumn, rows: number): TextStats {
  const counts = new Int32Array(column.dictionary.length);
  let missing = 0;
  for (let r = 0; r < rows; r++) {
    const code = column.codes[r]!;
    if (code < 0) missing++;
    else counts[code]!++;
  }
  const byText = new Map<string, number>();
  let minLength = Infinity;
  let maxLength = 0;
  column.dictionary.forEach((text, i) => {
    const n = counts[i]!;
    if (n === 0) return;
    byText.set(text, (byText.get(text) ?? 0) + n);
    const len = [...text].length;
    if (len < minLength) minLength = len;
    if (len > maxLength) maxLength = len;
  });
  return { missing, values: [...byText], minLength, maxLength };
}

/** At most 16 characters of a value, for comments. */
function clip(text: string): string {
  const chars = [...text];
  return chars.length > 16 ? chars.slice(0, 15).join("") + "…" : text;
}

function fmtMissing(share: number): string {
  return share === 0 ? "0.0%" : fmtPercent(share);
}

function fmtInt(n: number): string {
  return n.toLocaleString("en-US");
}

function fmtNumber(v: number): string {
  return Number.isInteger(v) ? fmtInt(v) : String(Number(v.toPrecision(6)));
}
