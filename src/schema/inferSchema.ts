import { Document, Pair, Scalar, YAMLMap, type Node } from "yaml";
import type { Column, DictionaryColumn, NumericColumn, Table } from "../data/table.js";
import type { ColumnSchema, DataSchema } from "./dataSchema.js";
import { columnYamlText, type ColumnFields } from "./columnYamlText.js";
import { fmtInt } from "./fmtInt.js";
import { fmtPercent } from "./fmtPercent.js";
import { inferNumericBounds, MIN_DOMAIN_COUNT } from "./inferNumericBounds.js";
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
  /** The same text in pieces, to write without making it one string (22 MB for 100,000 columns) and its UTF-8 copy. */
  readonly yamlParts: readonly string[];
}

/**
 * A first schema from data (see inferSchemaText for the rules), as a value and as its YAML text. To write it to a file
 * or stdout, use inferSchemaText or inferSchemaJson, which make the text column by column and keep none of it.
 */
export function inferSchema(
  table: Table,
  options: InferSchemaOptions = {},
  columnsPerPiece = COLUMNS_PER_PIECE,
  columnText = true,
): InferredSchema {
  const columns: ColumnSchema[] = [];
  const yamlParts = [
    ...inferSchemaText(table, options, { columnsPerPiece, columnText, onColumn: (spec) => void columns.push(spec) }),
  ];
  const rows = table.rowCount;
  const source = options.source ?? table.source;
  const schema: DataSchema = { version: 1, source, columns, rows: { min: Math.min(1, rows) }, extraColumns: "error" };
  return {
    schema,
    yamlParts,
    get yaml() {
      return yamlParts.join("");
    },
  };
}

/**
 * A first schema from data, for `modelguard schema infer`, meant to pass next week's data of the same process and to
 * fail on what is wrong with it:
 * - every column with its type; `unique: true` and no bounds for id-like columns (see isIdLike: the next id is
 *   "above max" of every sample);
 * - number and integer columns: bounds only where the data shows the column is bounded, fences far beyond the
 *   sample otherwise (see inferNumericBounds); left out when a column holds NaN or infinities;
 * - datetime columns: a min back from the first value by the observed span, no max (newer data comes later);
 * - category columns: `allowed` when there are at most `maxAllowedValues` distinct values and each is on at least
 *   5 rows (a value seen once or twice says the set is open);
 * - missing cells: `nullable: true` above 5% of the rows; at or below it they are dirt, allowed for by a `mostly`
 *   (see dirtiness), as are a few cells that did not parse;
 * - `rows: {min: 1}` (0 for an empty table); `extra_columns: error`.
 *
 * The YAML carries what was observed and why each bound is there as comments ("# observed 0.0% missing, 1,000 rows,
 * min 18, max 97, min 0: non-negative..."). Validating the same table against it passes (a dirty column's checks
 * may warn), unless many cells failed to parse: those stay `type` violations. A repeated column name is listed once.
 *
 * The text comes in pieces as the columns are inferred (a few hundred columns' worth at most), for the caller to
 * write and drop: at 100,000 columns the text is 22 MB and the columns' schemas as values more. `onColumn`, if given,
 * is handed each column's schema as it goes.
 */
export function* inferSchemaText(
  table: Table,
  options: InferSchemaOptions = {},
  { columnsPerPiece = COLUMNS_PER_PIECE, columnText = true, onColumn }: SchemaTextOptions = {},
): Generator<string> {
  const names = distinctNames(table.columns);
  const rows = table.rowCount;
  // The rest of the file around a placeholder column, which the columns' text then replaces.
  const doc = new Document({});
  const columnsNode = new YAMLMap();
  if (names.count > 0) columnsNode.items.push(new Pair(doc.createNode(PLACEHOLDER), doc.createNode(null)));
  const root = doc.contents as YAMLMap;
  root.items.push(new Pair(doc.createNode("version"), doc.createNode(1)));
  root.items.push(new Pair(doc.createNode("columns"), columnsNode));
  root.items.push(new Pair(doc.createNode("rows"), doc.createNode({ min: Math.min(1, rows) }, { flow: true })));
  root.items.push(new Pair(doc.createNode("extra_columns"), doc.createNode("error")));
  doc.commentBefore =
    ` modelguard schema, inferred from ${options.source ?? table.source}: ${fmtInt(rows)} rows, ${fmtInt(names.count)} column${names.count === 1 ? "" : "s"}.\n` +
    " Comments show what was observed; edit the checks to what the data must satisfy.\n" +
    " Keys per column: type, nullable, required, min, max, allowed, pattern, unique, mostly, and expectations\n" +
    " (mean, median, quantiles, distinct_count, length); top level: rows, checks, unique, environments.";
  const frame = doc.toString({ lineWidth: LINE_WIDTH });
  if (names.count === 0) {
    yield frame;
    return;
  }
  // The placeholder's line follows `columns:` at the start of a line: the header's lines are all comments.
  const at = frame.indexOf(PLACEHOLDER_LINE);
  if (at < 0) throw new Error("the schema text lost its placeholder column");
  yield frame.slice(0, at + 1 + PIECE_HEAD.length);
  // Columns of the common shape are written as text (columnYamlText); the others a few hundred at a time as a small
  // yaml document of their own (`columns:` and the pairs), stringified and dropped: a YAML document of every column
  // of a 100,000-column table took 500 MB.
  let piece = new Document({});
  let pieceNode = new YAMLMap();
  const flush = function* () {
    if (pieceNode.items.length === 0) return;
    (piece.contents as YAMLMap).items.push(new Pair(piece.createNode("columns"), pieceNode));
    const text = piece.toString({ lineWidth: LINE_WIDTH });
    if (!text.startsWith(PIECE_HEAD))
      throw new Error(`a piece of the schema text starts ${JSON.stringify(text.slice(0, 20))}`);
    yield text.slice(PIECE_HEAD.length);
    piece = new Document({});
    pieceNode = new YAMLMap();
  };
  for (const column of inferColumns(table, names, options)) {
    if (onColumn) onColumn(columnSpec(column));
    const name = column.column.name;
    const text = columnText ? columnYamlText(name, column.fields, column.comment) : undefined;
    if (text !== undefined) {
      if (pieceNode.items.length > 0) yield* flush();
      yield text;
      continue;
    }
    const key = piece.createNode(name) as Scalar;
    key.commentBefore = ` ${column.comment}`;
    pieceNode.items.push(new Pair(key, columnNode(piece, column.fields)));
    if (pieceNode.items.length >= columnsPerPiece) yield* flush();
  }
  yield* flush();
  yield frame.slice(at + PLACEHOLDER_LINE.length);
}

/**
 * JSON.stringify(inferSchema(table, options).schema, null, 2) + "\n" in pieces, a column at a time (see
 * inferSchemaText).
 */
export function* inferSchemaJson(table: Table, options: InferSchemaOptions = {}): Generator<string> {
  const names = distinctNames(table.columns);
  const frame = `${JSON.stringify(
    {
      version: 1,
      source: options.source ?? table.source,
      columns: [],
      rows: { min: Math.min(1, table.rowCount) },
      extraColumns: "error",
    } satisfies DataSchema,
    null,
    2,
  )}\n`;
  // A JSON string holds no line break, so this is the key's own line.
  const at = frame.indexOf(JSON_COLUMNS_LINE);
  if (at < 0) throw new Error("the schema JSON lost its columns");
  // Between the list's brackets.
  const cut = at + JSON_COLUMNS_LINE.length - 2;
  let first = true;
  for (const column of inferColumns(table, names, options)) {
    const text = JSON.stringify(columnSpec(column), null, 2).replaceAll("\n", "\n    ");
    yield first ? `${frame.slice(0, cut)}\n    ${text}` : `,\n    ${text}`;
    first = false;
  }
  yield first ? frame : `\n  ${frame.slice(cut)}`;
}

export interface SchemaTextOptions {
  /** Columns per yaml document; any number gives the same text (the tests check 1, 7 and all at once). */
  columnsPerPiece?: number;
  /** false: every column through yaml, none as text (columnYamlText), for the tests that the two agree. */
  columnText?: boolean;
  /** Handed each column's schema as it is inferred. */
  onColumn?: (spec: ColumnSchema) => void;
}

const COLUMNS_PER_PIECE = 500;
/** Lines longer than this break `allowed` lists into one value per line. */
const LINE_WIDTH = 100;
const PIECE_HEAD = "columns:\n";
const PLACEHOLDER = "modelguard-columns-placeholder";
const PLACEHOLDER_LINE = `\n${PIECE_HEAD}  ${PLACEHOLDER}: null\n`;
const JSON_COLUMNS_LINE = '\n  "columns": [],';

interface DistinctNames {
  /** 1 for the first column of each name: a repeated name is listed once, as its first column. */
  first: Uint8Array;
  count: number;
}

/** The columns' distinct names, found by sorting the columns by name: a Set of 100,000 names held 2.6 MB. */
function distinctNames(columns: readonly Column[]): DistinctNames {
  const order = new Int32Array(columns.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  // Equal names in column order, so that the first of a run is the first column of its name.
  order.sort((a, b) => {
    const x = columns[a]!.name;
    const y = columns[b]!.name;
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  const first = new Uint8Array(columns.length);
  let count = 0;
  for (let k = 0; k < order.length; k++) {
    if (k > 0 && columns[order[k]!]!.name === columns[order[k - 1]!]!.name) continue;
    first[order[k]!] = 1;
    count++;
  }
  return { first, count };
}

interface InferredColumn {
  column: Column;
  /** What the YAML lists, in order (datetime bounds as ISO text). */
  fields: ColumnFields;
  comment: string;
  nullable: boolean;
  unique: boolean;
  mostly: number;
  bounds: Bounds;
}

interface Bounds {
  readonly min?: number;
  readonly max?: number;
  readonly allowed?: readonly string[] | readonly number[];
}

/** The column's schema as a value, made only where it is wanted (the YAML needs the text alone). */
function columnSpec({ column, nullable, unique, mostly, bounds }: InferredColumn): ColumnSchema {
  // The keys in the order JSON output has always had them.
  return {
    name: column.name,
    type: column.type,
    required: true,
    unique,
    nullable,
    mostly,
    ...(bounds.min !== undefined && { min: bounds.min }),
    ...(bounds.max !== undefined && { max: bounds.max }),
    ...(bounds.allowed !== undefined && { allowed: bounds.allowed }),
  };
}

/** The first column of each name, inferred. */
function* inferColumns(table: Table, names: DistinctNames, options: InferSchemaOptions): Generator<InferredColumn> {
  const maxAllowed = options.maxAllowedValues ?? 100;
  const rows = table.rowCount;
  const context: InferContext = { rows, rowsText: fmtInt(rows), maxAllowed, scratch: null };
  for (let i = 0; i < table.columns.length; i++) {
    if (names.first[i] !== 1) continue;
    yield inferColumn(table.columns[i]!, context);
  }
}

interface InferContext {
  rows: number;
  /** fmtInt(rows), the same in every column's comment. */
  rowsText: string;
  maxAllowed: number;
  scratch: Float64Array | null;
}

function inferColumn(column: Column, context: InferContext): InferredColumn {
  const { rows, maxAllowed } = context;
  const fields: ColumnFields = { type: column.type };
  const notes: string[] = [];
  let secondLine: string | undefined;
  const invalid = column.kind === "numeric" ? column.invalid.size : 0;
  const missing = column.kind === "numeric" ? numericMissing(column, rows) : textMissing(column, rows);
  notes.push(`observed ${fmtMissing(rows > 0 ? missing / rows : 0)} missing`, `${context.rowsText} rows`);
  const { nullable, mostly } = dirtiness(missing, invalid, rows);
  if (nullable) fields.nullable = true;
  const unique = isIdLike(column, rows);
  let bounds: Bounds = NO_BOUNDS;
  if (column.kind === "numeric") {
    // One buffer for every numeric column's sorted values: a typed array per column was an ArrayBuffer each, 100,000
    // of them for a wide table, garbage outside the V8 heap.
    const s = numericStats(column, rows, (context.scratch ??= new Float64Array(rows)));
    if (column.type === "boolean") {
      notes.push(`${fmtPercent(s.count > 0 ? s.trues / s.count : 0)} true`);
    } else if (s.count > 0 && s.nan === 0 && Number.isFinite(s.min) && Number.isFinite(s.max)) {
      if (column.type === "datetime") {
        const loText = new Date(Math.floor(s.min)).toISOString();
        const hiText = new Date(Math.ceil(s.max)).toISOString();
        notes.push(`min ${loText}`, `max ${hiText}`);
        if (!unique) {
          // Back from the first value by the sample's span (at least a day), to midnight UTC; no max, as newer data
          // comes later. Catches 1970-01-01 and 1900-01-01 placeholders, not next week.
          const lo = Math.floor((s.min - Math.max(s.max - s.min, DAY_MS)) / DAY_MS) * DAY_MS;
          const text = new Date(lo).toISOString();
          if (parseCellText(text, "datetime") === lo) {
            bounds = { min: lo };
            fields.min = text.endsWith("T00:00:00.000Z") ? text.slice(0, 10) : text;
            notes.push("min: back by the observed span, no max: newer data comes later");
          }
        }
      } else {
        notes.push(`min ${fmtNumber(s.min)}`, `max ${fmtNumber(s.max)}`);
        if (!unique) {
          const inferred = inferNumericBounds(s.sorted, column.type);
          bounds = inferred;
          if (inferred.allowed) fields.allowed = [...inferred.allowed];
          if (inferred.min !== undefined) fields.min = inferred.min;
          if (inferred.max !== undefined) fields.max = inferred.max;
          notes.push(...inferred.notes);
        }
      }
      notes.push(`${fmtInt(s.distinct)} distinct`);
    } else if (s.count > 0) {
      notes.push(`${fmtInt(s.distinct)} distinct`);
      if (s.nan > 0) notes.push(`${fmtInt(s.nan)} NaN, so no min/max`);
      else notes.push("infinite values, so no min/max");
    }
    if (invalid > 0) {
      notes.push(
        `${fmtInt(invalid)} cells did not parse as ${column.type}` +
          (mostly < 1 ? ", allowed for by mostly" : " and will fail the type check"),
      );
    }
  } else {
    const s = textStats(column, rows);
    notes.push(`${fmtInt(s.values.length)} distinct`);
    if (column.type === "category") {
      const top = [...s.values].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3);
      const present = rows - missing;
      if (top.length > 0) {
        secondLine = `most common ${top.map(([v, n]) => `${JSON.stringify(clip(v))} ${fmtPercent(n / present)}`).join(", ")}`;
      }
      const rare = s.values.filter(([, n]) => n < MIN_DOMAIN_COUNT).length;
      if (s.values.length > maxAllowed) notes.push(`more than ${maxAllowed}, so no allowed list`);
      else if (rare > 0 && !unique) {
        notes.push(`${fmtInt(rare)} on fewer than ${MIN_DOMAIN_COUNT} rows, so the set looks open: no allowed list`);
      } else if (s.values.length > 0 && !unique) {
        const allowed = s.values.map(([v]) => v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        bounds = { allowed };
        fields.allowed = allowed;
      }
    } else if (s.values.length > 0) {
      notes.push(`length ${fmtInt(s.minLength)} to ${fmtInt(s.maxLength)}`);
    }
  }
  if (unique) {
    fields.unique = true;
    notes.push("all distinct and id-like, so unique and no bounds");
  }
  if (mostly < 1) {
    fields.mostly = mostly;
    notes.push(
      `mostly ${mostly}: leaves room for ${nullable ? "cells that did not parse" : "missing cells"} at the observed rate`,
    );
  }
  const comment = notes.join(", ") + (secondLine ? `\n ${secondLine}` : "");
  return { column, fields, comment, nullable, unique, mostly, bounds };
}

const NO_BOUNDS: Bounds = {};
const DAY_MS = 86_400_000;
/** Missing cells above this share make a column nullable; at or below it they are dirt that `mostly` allows for. */
const MAX_DIRTY_SHARE = 0.05;
/** `mostly` never leaves room for more than this share; a dirtier sample is too small to say. */
const MAX_ALLOWANCE = 0.2;

/**
 * Whether missing cells are part of the column (nullable) or dirt (a few percent at most), and the `mostly` that
 * lets next week's dirt through: allowance = 1.5 p + 4 sqrt(p (1 - p) / n) for the dirty share p of n rows (missing
 * cells when not nullable, plus cells that did not parse), rounded up to 2 significant digits: the observed rate, a
 * margin of half of it, and 4 standard errors of its estimate. A larger allowance than 20% makes the column nullable
 * (and leaves unparsed cells to fail the type check).
 */
function dirtiness(missing: number, invalid: number, rows: number): { nullable: boolean; mostly: number } {
  if (rows === 0) return { nullable: false, mostly: 1 };
  const nullable = missing / rows > MAX_DIRTY_SHARE;
  const dirty = (nullable ? 0 : missing) + invalid;
  if (dirty === 0) return { nullable, mostly: 1 };
  const p = dirty / rows;
  const raw = 1.5 * p + 4 * Math.sqrt((p * (1 - p)) / rows);
  const step = 10 ** (Math.floor(Math.log10(raw)) - 1);
  const allowance = Number((Math.ceil(raw / step) * step).toPrecision(2));
  if (allowance > MAX_ALLOWANCE) return { nullable: missing > 0, mostly: 1 };
  return { nullable, mostly: Number((1 - allowance).toPrecision(6)) };
}

function numericMissing(column: NumericColumn, rows: number): number {
  let present = 0;
  for (let r = 0; r < rows; r++) if (column.valid[r] === 1) present++;
  return rows - present - column.invalid.size;
}

function textMissing(column: DictionaryColumn, rows: number): number {
  let missing = 0;
  for (let r = 0; r < rows; r++) if (column.codes[r]! < 0) missing++;
  return missing;
}

/** `{ type: number, min: 0 }` on one line; a column with a long `allowed` list as a block with one value per line. */
function columnNode(doc: Document, fields: ColumnFields): Node {
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
  /** The values present, ascending (NaN last). */
  sorted: Float64Array;
}

/** `scratch` (of `rows` values) holds `sorted`, which is only good until the next call. */
function numericStats(column: NumericColumn, rows: number, scratch: Float64Array): NumericStats {
  const { values, valid } = column;
  let count = 0;
  let nan = 0;
  let trues = 0;
  let min = Infinity;
  let max = -Infinity;
  const present = scratch;
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
  // The buffer itself when every row has a value: a view is an object a column.
  const sorted = (count === present.length ? present : present.subarray(0, count)).sort();
  let distinct = 0;
  for (let i = 0; i < count; i++) if (i === 0 || !Object.is(sorted[i], sorted[i - 1])) distinct++;
  const missing = rows - count - column.invalid.size;
  return { count, missing, nan, trues, min, max, distinct, sorted };
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

function fmtNumber(v: number): string {
  return Number.isInteger(v) ? fmtInt(v) : String(Number(v.toPrecision(6)));
}
