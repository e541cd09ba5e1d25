import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Pair, type YAMLMap } from "yaml";
import { COLUMN_TYPES, type ColumnType } from "../data/table.js";
import { ModelguardError } from "../errors.js";
import { packageRoot } from "../contracts/packageRoot.js";
import {
  COLUMN_KEYS,
  TOP_LEVEL_KEYS,
  type ColumnSchema,
  type DataSchema,
  type ExtraColumnsPolicy,
  type QuantileRange,
  type RowCheck,
  type ValueRange,
} from "./dataSchema.js";
import { compileCheck } from "./compileCheck.js";
import { compilePattern } from "./compilePattern.js";
import { didYouMean } from "./didYouMean.js";
import { findDuplicateKeys } from "./findDuplicateKeys.js";
import { linesOf, readOneLineColumns } from "./parseOneLineColumns.js";
import { parseCellText } from "./parseCellText.js";

/** The JSON Schema every schema file is checked against, in the package's schemas/ folder. */
export const SCHEMA_FILE_JSON_SCHEMA = "schema-file.schema.json";

const GENERAL_HINT =
  "see schemas/schema-file.schema.json for every key, or run `modelguard schema infer --data FILE` for a starting point";

/** Keys that apply to each column type; the rest are errors ("pattern does not apply to number columns"). */
const NUMBER_KEYS = ["type", "description", "nullable", "required", "min", "max", "allowed", "unique", "mostly"];
const STATS_KEYS = ["mean", "median", "quantiles", "distinct_count"];
const TEXT_KEYS = ["type", "description", "nullable", "required", "allowed", "pattern", "unique", "mostly"];
const KEYS_FOR_TYPE: Record<ColumnType, readonly string[]> = {
  number: [...NUMBER_KEYS, ...STATS_KEYS],
  integer: [...NUMBER_KEYS, ...STATS_KEYS],
  datetime: ["type", "description", "nullable", "required", "min", "max", "unique", "mostly", "distinct_count"],
  string: [...TEXT_KEYS, "distinct_count", "length"],
  category: [...TEXT_KEYS, "distinct_count", "length"],
  boolean: ["type", "description", "nullable", "required", "mostly"],
};

/** Type names people write that mean one of ours. */
const TYPE_SYNONYMS: Record<string, ColumnType> = {
  float: "number",
  double: "number",
  decimal: "number",
  numeric: "number",
  real: "number",
  int: "integer",
  long: "integer",
  int64: "integer",
  int32: "integer",
  str: "string",
  text: "string",
  bool: "boolean",
  date: "datetime",
  timestamp: "datetime",
  time: "datetime",
  categorical: "category",
  enum: "category",
  factor: "category",
};

/** Key names from other tools (JSON Schema, pandera, Great Expectations) that mean one of ours. */
const KEY_SYNONYMS: Record<string, string> = {
  minimum: "min",
  maximum: "max",
  ge: "min",
  le: "max",
  min_value: "min",
  max_value: "max",
  enum: "allowed",
  values: "allowed",
  categories: "allowed",
  isin: "allowed",
  regex: "pattern",
  dtype: "type",
  optional: "required",
};

type Segment = string | number;

interface Problem {
  path: Segment[];
  message: string;
  hint?: string;
  /** Point the line at the key rather than its value (unknown keys). */
  atKey?: boolean;
}

let validators: { file: ValidateFunction; column: ValidateFunction } | undefined;

/** The whole file's validator, and one of a single column (its `$defs/column`), compiled once. */
function schemaValidators(): { file: ValidateFunction; column: ValidateFunction } {
  if (!validators) {
    const ajv = new Ajv2020({ allErrors: true, strict: false, strictNumbers: true });
    const jsonSchema = JSON.parse(readFileSync(join(packageRoot(), "schemas", SCHEMA_FILE_JSON_SCHEMA), "utf8")) as {
      $id: string;
    };
    const file = ajv.compile(jsonSchema);
    const column = ajv.compile({ $ref: `${jsonSchema.$id}#/$defs/column` });
    validators = { file, column };
  }
  return validators;
}

function schemaValidator(): ValidateFunction {
  return schemaValidators().file;
}

/**
 * Parses the text of a schema file (YAML, version 1) into a DataSchema with every default filled in.
 *
 * The file is checked against schemas/schema-file.schema.json (ajv), then semantically: min <= max, datetime bounds
 * are ISO 8601, `pattern` compiles with RE2 (linear-time matching; see compilePattern), `allowed` has no value twice,
 * each of `checks` compiles against the columns' types (see compileCheck; a syntax error names the character), and
 * `unique` keys and `environments` name columns of the schema.
 * Unknown keys are errors, with a "did you mean" suggestion: a misspelt `nulable: true` silently ignored would leave
 * a check the author believes in switched off.
 *
 * Throws ModelguardError("schema") whose message has one line per problem, each
 * "<sourceName>: <key path>: <what is wrong> (line N)", e.g. "schema.yaml: columns.age.min: must be a number, got
 * 'x' (line 4)"; YAML syntax errors read "<sourceName>: line N, column C: YAML syntax error: ...".
 */
export function parseSchema(text: string, sourceName: string): DataSchema {
  // A wide schema written one column per line is read line by line; with any problem, the whole document is parsed,
  // so that every message has its line.
  return parseSchemaLines(linesOf(text), sourceName) ?? parseSchemaDocument(text, sourceName);
}

/**
 * The schema of a file written one column per line (what `schema infer` writes), given as its lines, built column by
 * column as each line is read: each column's value is checked against the column part of the JSON Schema and made
 * into its ColumnSchema at once, then dropped, so that the garbage of reading a wide schema dies young and what is
 * held is the ColumnSchemas. Null for any other shape and for any problem, which parseSchemaDocument then reports
 * with its line; the same schema as parseSchemaDocument otherwise.
 */
export function parseSchemaLines(lines: Iterable<string>, sourceName: string): DataSchema | null {
  const { file, column: validColumn } = schemaValidators();
  const problems: Problem[] = [];
  // Names that are array indices ("0", "17") come first, in ascending order, in the whole document's value (an
  // object's own keys): so in its columns too.
  const indexed: ColumnSchema[] = [];
  const named: ColumnSchema[] = [];
  const top = readOneLineColumns(lines, (name, raw) => {
    if (!isObject(raw) || !validColumn(raw)) return false;
    const column = buildColumn(ownString(name), raw, ["columns", name], problems);
    if (column === null) return false;
    (isArrayIndex(name) ? indexed : named).push(column);
    return true;
  });
  if (top === null || top.columns === null || !file(top)) return null;
  const columns = indexed.length === 0 ? named : indexed.sort((a, b) => Number(a.name) - Number(b.name)).concat(named);
  const schema = finishSchema(top, columns, sourceName, problems, []);
  return schema && problems.length === 0 ? schema : null;
}

/**
 * The name as a string of its own. A name read from a line is a slice of it, and V8 keeps a slice of 13 characters
 * or more as a view that holds the whole line: 225 bytes a column for 100,000 names of 20 characters, 184 as
 * property names, which V8 copies (internalizes) as the document's value had them.
 */
function ownString(name: string): string {
  return name.length < 13 ? name : Object.keys({ [name]: 0 })[0]!;
}

/** A canonical array index, 0 to 2^32 - 2: the property names an object lists first, in ascending order. */
function isArrayIndex(name: string): boolean {
  return /^(?:0|[1-9][0-9]{0,9})$/.test(name) && Number(name) <= 4294967294;
}

/** parseSchema by the whole YAML document, each problem with its line. */
export function parseSchemaDocument(text: string, sourceName: string): DataSchema {
  const lineCounter = new LineCounter();
  // uniqueKeys: false because the library's check is quadratic in the number of keys; findDuplicateKeys does it.
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: false });
  if (doc.errors.length > 0) {
    const lines = doc.errors.slice(0, 5).map((e) => {
      const pos = e.linePos?.[0];
      const where = pos ? `line ${pos.line}, column ${pos.col}` : "(unknown line)";
      const what = e.message
        .split("\n")[0]!
        .replace(/ at line \d+, column \d+:?\s*$/, "")
        .trim();
      return `${sourceName}: ${where}: YAML syntax error: ${what}`;
    });
    throw new ModelguardError(
      "schema",
      lines.join("\n"),
      "fix the YAML syntax (indentation, a missing ':' or an unclosed quote or bracket)",
    );
  }
  const duplicates = findDuplicateKeys(doc);
  if (duplicates.length > 0) {
    const lines = duplicates.map((d) => {
      const pos = lineCounter.linePos(d.offset);
      const first = lineCounter.linePos(d.firstOffset).line;
      return `${sourceName}: line ${pos.line}, column ${pos.col}: YAML syntax error: Map keys must be unique; ${show(d.key)} is also on line ${first}`;
    });
    throw new ModelguardError(
      "schema",
      lines.join("\n"),
      "each key, column names included, may appear once in its mapping: remove or rename the repeated one",
    );
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    // An alias bomb (more than maxAliasCount values) or an alias before its anchor; nothing else throws here.
    throw new ModelguardError(
      "schema",
      `${sourceName}: ${(e as Error).message}`,
      "write the values out instead of using YAML aliases",
    );
  }
  if (value === null || value === undefined) {
    throw new ModelguardError(
      "schema",
      `${sourceName}: (top level): the file is empty`,
      "a schema file needs at least `version: 1` and `columns:`; run `modelguard schema infer --data FILE` to make one",
    );
  }

  const problems: Problem[] = [];
  const validate = schemaValidator();
  if (!validate(value)) problems.push(...describeAjvErrors(validate.errors ?? [], value));
  const badPaths = problems.map((p) => p.path);
  const schema = isObject(value) ? buildSchema(value, sourceName, problems, badPaths) : null;

  if (problems.length > 0 || !schema) {
    const keyIndex = new Map<YAMLMap, Map<string, Pair>>();
    const located = problems.map((p) => ({
      ...p,
      line: lineOf(doc, lineCounter, keyIndex, p.path, p.atKey ?? false),
    }));
    located.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
    const message = located
      .slice(0, 20)
      .map((p) => `${sourceName}: ${renderPath(p.path)}: ${p.message}${p.line ? ` (line ${p.line})` : ""}`)
      .concat(located.length > 20 ? [`${sourceName}: ... and ${located.length - 20} more problems`] : [])
      .join("\n");
    throw new ModelguardError("schema", message, located[0]?.hint ?? GENERAL_HINT);
  }
  return schema;
}

/**
 * Builds the DataSchema from a value already checked by ajv, running the semantic checks. Parts under a path in
 * `skip` (ajv already reported them) are left alone; with problems, the returned schema is meaningless.
 */
function buildSchema(
  value: Record<string, unknown>,
  sourceName: string,
  problems: Problem[],
  skip: Segment[][],
): DataSchema | null {
  // A Set, not skip.some per column: thousands of columns with thousands of problems must stay linear.
  const skippedColumns = new Set(skip.filter((s) => s.length >= 2 && s[0] === "columns").map((s) => s[1]));
  const columns: ColumnSchema[] = [];
  const rawColumns = isObject(value.columns) ? value.columns : {};
  for (const name of Object.keys(rawColumns)) {
    const raw = rawColumns[name];
    const path: Segment[] = ["columns", name];
    if (!isObject(raw) || skippedColumns.has(name)) continue;
    const column = buildColumn(name, raw, path, problems);
    if (column) columns.push(column);
  }
  return finishSchema(value, columns, sourceName, problems, skip);
}

/** The rest of buildSchema once the columns are built: the checks over them, rows, and the top-level keys. */
function finishSchema(
  value: Record<string, unknown>,
  columns: ColumnSchema[],
  sourceName: string,
  problems: Problem[],
  skip: Segment[][],
): DataSchema | null {
  const skipped = (path: Segment[]) => skip.some((s) => path.every((seg, i) => i >= s.length || s[i] === seg));
  const columnTypes = new Map<string, ColumnType>();
  for (const c of columns) columnTypes.set(c.name, c.type);
  // A column named twice, which only parseSchemaLines can pass (in a document it is a YAML error, reported before):
  // no schema, so that the whole document reports it with both lines.
  if (columnTypes.size !== columns.length) return null;
  // With a column in error its type is unknown: checks over the columns are judged once those parse.
  const columnsOk = problems.length === 0;
  const checks = columnsOk && !skipped(["checks"]) ? buildChecks(value.checks, columnTypes, problems) : [];
  const uniqueTogether = !skipped(["unique"]) ? buildUnique(value.unique, columnTypes, problems) : [];
  const environments = !skipped(["environments"])
    ? buildEnvironments(value.environments, columnTypes, problems)
    : new Map<string, readonly string[]>();
  const rows = isObject(value.rows) ? (value.rows as { min?: number; max?: number }) : {};
  if (!skipped(["rows"]) && rows.min !== undefined && rows.max !== undefined && rows.min > rows.max) {
    problems.push({
      path: ["rows", "min"],
      message: `min ${rows.min} is greater than max ${rows.max}`,
      hint: "swap them, or remove one",
    });
  }
  if (problems.length > 0) return null;
  const out: DataSchema = {
    version: 1,
    source: sourceName,
    columns,
    rows: { ...(rows.min !== undefined && { min: rows.min }), ...(rows.max !== undefined && { max: rows.max }) },
    extraColumns: (value.extra_columns as ExtraColumnsPolicy | undefined) ?? "error",
    ...(typeof value.description === "string" && { description: value.description }),
    ...(checks.length > 0 && { checks }),
    ...(uniqueTogether.length > 0 && { uniqueTogether }),
    ...(environments.size > 0 && { environments }),
  };
  return out;
}

/** The `checks:` list, each expression compiled against the columns' types so that mistakes surface at parse time. */
function buildChecks(raw: unknown, types: ReadonlyMap<string, ColumnType>, problems: Problem[]): RowCheck[] {
  if (!Array.isArray(raw)) return [];
  const out: RowCheck[] = [];
  raw.forEach((item: unknown, i) => {
    const entry = typeof item === "string" ? { expr: item } : isObject(item) ? item : null;
    if (!entry || typeof entry.expr !== "string") return;
    const expr = entry.expr;
    const name = typeof entry.name === "string" ? entry.name : expr;
    const compiled = compileCheck(expr, types);
    if (!compiled.ok) {
      const at = compiled.index !== undefined ? ` (at character ${compiled.index + 1} of the expression)` : "";
      problems.push({
        path: typeof item === "string" ? ["checks", i] : ["checks", i, "expr"],
        message: `check ${show(name)} ${compiled.message}${at}`,
        hint:
          "operators: + - * / % == != < <= > >= and or not, `x is null`, `x is not null`; functions: abs, min, max, " +
          "round, len, lower, upper; text in quotes ('US'); a column name with spaces or dots as col('unit price')",
      });
      return;
    }
    out.push({
      name,
      expr,
      mostly: typeof entry.mostly === "number" ? entry.mostly : 1,
      ...(typeof entry.description === "string" && { description: entry.description }),
    });
  });
  return out;
}

/** `unique: [a, b]` (one compound key) or `unique: [[a, b], [c, d]]`; every column must be in the schema. */
function buildUnique(raw: unknown, types: ReadonlyMap<string, ColumnType>, problems: Problem[]): string[][] {
  if (!Array.isArray(raw) || raw.length === 0) return [];
  const keys: unknown[][] = raw.every((k) => typeof k === "string") ? [raw] : raw.filter(Array.isArray);
  const out: string[][] = [];
  keys.forEach((key, i) => {
    const names = key.filter((n): n is string => typeof n === "string");
    const path: Segment[] = keys.length === 1 && raw.every((k) => typeof k === "string") ? ["unique"] : ["unique", i];
    const unknown = names.filter((n) => !types.has(n));
    if (unknown.length > 0) {
      const suggestion = didYouMean(unknown[0]!, [...types.keys()]);
      problems.push({
        path,
        message: `names column${unknown.length > 1 ? "s" : ""} ${unknown.map(show).join(", ")} that the schema does not list${suggestion ? ` (did you mean '${suggestion}'?)` : ""}`,
        hint: "a compound key is made of columns listed under `columns:`",
      });
      return;
    }
    if (new Set(names).size !== names.length) {
      problems.push({ path, message: "lists a column twice", hint: "name each column of the key once" });
      return;
    }
    out.push(names);
  });
  return out;
}

function buildEnvironments(
  raw: unknown,
  types: ReadonlyMap<string, ColumnType>,
  problems: Problem[],
): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  if (!isObject(raw)) return out;
  for (const [env, spec] of Object.entries(raw)) {
    if (!isObject(spec) || !Array.isArray(spec.exclude)) continue;
    const names = (spec.exclude as unknown[]).filter((n): n is string => typeof n === "string");
    const unknown = names.filter((n) => !types.has(n));
    if (unknown.length > 0) {
      const suggestion = didYouMean(unknown[0]!, [...types.keys()]);
      problems.push({
        path: ["environments", env, "exclude"],
        message: `names ${unknown.map(show).join(", ")}, not a column of the schema${suggestion ? ` (did you mean '${suggestion}'?)` : ""}`,
        hint: "exclude lists columns under `columns:` that this environment's data does not have",
      });
      continue;
    }
    out.set(env, names);
  }
  return out;
}

function buildColumn(
  name: string,
  raw: Record<string, unknown>,
  path: Segment[],
  problems: Problem[],
): ColumnSchema | null {
  // The constant, not the parsed string: a wide schema held 100,000 copies of "number" (24 bytes each).
  const type = COLUMN_TYPES.find((t) => t === raw.type) ?? (raw.type as ColumnType);
  const before = problems.length;
  let min: number | undefined;
  let max: number | undefined;
  for (const key of ["min", "max"] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    let n: number | undefined;
    if (type === "datetime") {
      n = typeof v === "string" ? parseCellText(v, "datetime") : undefined;
      if (n === undefined) {
        problems.push({
          path: [...path, key],
          message: `must be an ISO 8601 date or date-time like 2024-01-31 or 2024-01-31T12:00:00Z, got ${show(v)}`,
          hint: "write datetime bounds as ISO 8601 text; without an offset they are UTC",
        });
      }
    } else n = v as number;
    if (key === "min") min = n;
    else max = n;
  }
  if (min !== undefined && max !== undefined && min > max) {
    problems.push({
      path: [...path, "min"],
      message: `min ${show(raw.min)} is greater than max ${show(raw.max)}`,
      hint: "swap them, or remove one",
    });
  }
  let allowed: string[] | number[] | undefined;
  if (Array.isArray(raw.allowed)) {
    if (type === "number" || type === "integer") allowed = raw.allowed as number[];
    else {
      const texts = (raw.allowed as unknown[]).map((v) => String(v));
      const seen = new Set<string>();
      for (const t of texts) {
        if (seen.has(t)) {
          problems.push({
            path: [...path, "allowed"],
            message: `lists ${show(t)} twice (values are compared as text)`,
            hint: "remove the repeated value; quote values like '01' that YAML would otherwise read as numbers",
          });
          break;
        }
        seen.add(t);
      }
      allowed = texts;
    }
  }
  const pattern = raw.pattern as string | undefined;
  if (pattern !== undefined) {
    const compiled = compilePattern(pattern);
    if (!compiled.ok) {
      problems.push({
        path: [...path, "pattern"],
        message: `${show(pattern)} ${compiled.reason}`,
        hint: compiled.unsupported
          ? "rewrite it without backreferences and lookaround (RE2 syntax: https://github.com/google/re2/wiki/Syntax), e.g. list the alternatives, or anchor with ^ and $ instead of a lookahead"
          : "RE2 syntax (https://github.com/google/re2/wiki/Syntax), as in JavaScript without backreferences and lookaround; in YAML quote it with single quotes so backslashes stay as written",
      });
    }
  }
  let quantiles: QuantileRange[] | undefined;
  if (isObject(raw.quantiles)) {
    quantiles = Object.entries(raw.quantiles)
      .map(([q, r]) => ({ q: Number(q), ...(r as ValueRange) }))
      .sort((a, b) => a.q - b.q);
    for (const range of quantiles) {
      if (!(range.q >= 0 && range.q <= 1)) {
        problems.push({
          path: [...path, "quantiles", String(range.q)],
          message: `quantile ${range.q} is not between 0 and 1`,
          hint: "key each range by a quantile such as 0.05, 0.5 or 0.95",
        });
      }
    }
  }
  const ranges: Partial<Record<"mean" | "median" | "distinct_count" | "length", ValueRange>> = {};
  for (const key of ["mean", "median", "distinct_count", "length"] as const) {
    if (isObject(raw[key])) ranges[key] = raw[key] as ValueRange;
  }
  const allRanges: [Segment[], ValueRange][] = [
    ...Object.entries(ranges).map(([k, r]): [Segment[], ValueRange] => [[...path, k], r]),
    ...(quantiles ?? []).map((r): [Segment[], ValueRange] => [[...path, "quantiles", String(r.q)], r]),
  ];
  for (const [p, r] of allRanges) {
    if (r.min !== undefined && r.max !== undefined && r.min > r.max) {
      problems.push({ path: [...p, "min"], message: `min ${r.min} is greater than max ${r.max}`, hint: "swap them" });
    }
  }
  if (problems.length > before) return null;
  const nullable = (raw.nullable as boolean | undefined) ?? false;
  const required = (raw.required as boolean | undefined) ?? true;
  const unique = (raw.unique as boolean | undefined) ?? false;
  const mostly = (raw.mostly as number | undefined) ?? 1;
  // The common column of a wide schema (type and bounds, what `schema infer` writes for numbers) as one literal of
  // its keys, which V8 lays out inside the object: 80 bytes a column where the keys added one by one below take 111
  // (an array of further keys). The same keys in the same order either way.
  if (
    allowed === undefined &&
    pattern === undefined &&
    typeof raw.description !== "string" &&
    quantiles === undefined &&
    Object.keys(ranges).length === 0
  ) {
    if (min === undefined && max === undefined) return { name, type, nullable, required, unique, mostly };
    if (min === undefined) return { name, type, nullable, required, max, unique, mostly };
    if (max === undefined) return { name, type, nullable, required, min, unique, mostly };
    return { name, type, nullable, required, min, max, unique, mostly };
  }
  // Assigned key by key in the order the spread literal had: a literal of conditional spreads took 200 bytes a
  // column, this 145 (a schema of 100,000 columns is held through the whole of `validate`).
  const column: Mutable<ColumnSchema> = {
    name,
    type,
    nullable,
    required,
  } as Mutable<ColumnSchema>;
  if (min !== undefined) column.min = min;
  if (max !== undefined) column.max = max;
  if (allowed !== undefined) column.allowed = allowed;
  if (pattern !== undefined) column.pattern = pattern;
  column.unique = unique;
  column.mostly = mostly;
  if (typeof raw.description === "string") column.description = raw.description;
  if (ranges.mean) column.mean = ranges.mean;
  if (ranges.median) column.median = ranges.median;
  if (quantiles) column.quantiles = quantiles;
  if (ranges.distinct_count) column.distinctCount = ranges.distinct_count;
  if (ranges.length) column.length = ranges.length;
  return column;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function describeAjvErrors(errors: readonly ErrorObject[], data: unknown): Problem[] {
  // One problem per location; a `then` branch (type-specific rule) says more than the generic one.
  const byPath = new Map<string, { problem: Problem; specific: boolean }>();
  for (const e of errors) {
    const problem = describeAjvError(e, data);
    if (!problem) continue;
    const key = JSON.stringify(problem.path);
    const specific = e.schemaPath.includes("/then/");
    const seen = byPath.get(key);
    if (!seen || (specific && !seen.specific)) byPath.set(key, { problem, specific });
  }
  return [...byPath.values()].map((v) => v.problem);
}

function describeAjvError(e: ErrorObject, data: unknown): Problem | undefined {
  const path = pointerToPath(e.instancePath, data);
  const got = valueAt(data, path);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "if":
      return undefined;
    case "additionalProperties": {
      const key = String(params.additionalProperty);
      const candidates = keysAt(path);
      const synonym = KEY_SYNONYMS[key.toLowerCase()];
      const suggestion = synonym && candidates.includes(synonym) ? synonym : didYouMean(key, candidates);
      return {
        path: [...path, key],
        atKey: true,
        message: `unknown key '${key}'${suggestion ? ` (did you mean '${suggestion}'?)` : ""}`,
        hint: `keys allowed here: ${candidates.filter((k) => k !== "$schema").join(", ")}`,
      };
    }
    case "required": {
      const key = String(params.missingProperty);
      const hints: Record<string, string> = {
        version: "add `version: 1` at the top of the file",
        columns: "add `columns:` with one entry per column, e.g. `age: { type: number }`",
        type: `add \`type:\`, one of ${COLUMN_TYPES.join(", ")}`,
      };
      return { path: [...path, key], message: "missing", hint: hints[key] ?? GENERAL_HINT };
    }
    case "type": {
      const expected = ([] as unknown[]).concat(params.type).map(String);
      const isColumn = path.length === 2 && path[0] === "columns";
      return {
        path,
        message: `must be ${expected.map(describeType).join(" or ")}, got ${show(got)}`,
        hint: isColumn
          ? `write the column as \`${String(path[1])}: { type: ${typeof got === "string" && (COLUMN_TYPES as readonly string[]).includes(got) ? got : "number"} }\``
          : GENERAL_HINT,
      };
    }
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const isType = path[path.length - 1] === "type";
      const text = String(got);
      const synonym = (word: string | undefined) =>
        word === undefined ? undefined : TYPE_SYNONYMS[word.toLowerCase()];
      const suggestion =
        (isType ? synonym(text) : undefined) ??
        (typeof got === "string" ? didYouMean(text, allowed) : undefined) ??
        (isType && typeof got === "string" ? synonym(didYouMean(text, Object.keys(TYPE_SYNONYMS))) : undefined);
      return {
        path,
        message: `must be one of ${allowed.join(", ")}; got ${show(got)}${suggestion ? ` (did you mean '${suggestion}'?)` : ""}`,
        hint: suggestion ? `write ${suggestion}` : `use one of ${allowed.join(", ")}`,
      };
    }
    case "const": {
      const expected = params.allowedValue;
      return {
        path,
        message: `must be ${JSON.stringify(expected)}, got ${show(got)}`,
        hint: path[0] === "version" ? "this modelguard reads schema files of `version: 1`" : GENERAL_HINT,
      };
    }
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum": {
      const cmp = String(params.comparison);
      return {
        path,
        message: `must be ${cmp} ${String(params.limit)}, got ${show(got)}`,
        hint:
          path[path.length - 1] === "mostly"
            ? "mostly is the fraction of rows that must pass, greater than 0 and at most 1 (e.g. 0.99)"
            : GENERAL_HINT,
      };
    }
    case "minItems":
      return { path, message: "must list at least one value", hint: "list the allowed values, or remove `allowed`" };
    case "uniqueItems": {
      const list = Array.isArray(got) ? got : [];
      return {
        path,
        message: `lists ${show(list[Number(params.j)])} twice`,
        hint: "remove the repeated value",
      };
    }
    case "false schema": {
      const key = String(path[path.length - 1]);
      const column = valueAt(data, path.slice(0, -1));
      const type = isObject(column) ? String(column.type) : "this";
      const applicable = KEYS_FOR_TYPE[type as ColumnType];
      return {
        path,
        atKey: true,
        message: `'${key}' does not apply to ${type} columns`,
        hint: applicable ? `keys for ${type} columns: ${applicable.join(", ")}` : GENERAL_HINT,
      };
    }
    default:
      return { path, message: e.message ?? "is invalid", hint: GENERAL_HINT };
  }
}

function keysAt(path: Segment[]): readonly string[] {
  if (path.length === 0) return TOP_LEVEL_KEYS;
  if (path.length === 1 && path[0] === "rows") return ["min", "max"];
  if (path.length === 2 && path[0] === "columns") return COLUMN_KEYS;
  if (path.length === 2 && path[0] === "checks") return ["expr", "name", "description", "mostly"];
  if (path.length === 2 && path[0] === "environments") return ["exclude"];
  if (path.length === 3 && path[0] === "columns") return ["min", "max"];
  return [];
}

function describeType(t: string): string {
  switch (t) {
    case "number":
      return "a number";
    case "integer":
      return "an integer";
    case "string":
      return "a string";
    case "boolean":
      return "true or false";
    case "object":
      return "a mapping (key: value lines)";
    case "array":
      return "a list";
    default:
      return t;
  }
}

/** A value as messages quote it: strings in single quotes, the rest as YAML/JSON would write them. */
function show(v: unknown): string {
  if (typeof v === "string") return `'${v}'`;
  if (v === undefined) return "nothing";
  if (v === null) return "an empty value";
  if (typeof v === "number")
    return Number.isNaN(v) ? ".nan" : Number.isFinite(v) ? String(v) : v > 0 ? ".inf" : "-.inf";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return String(v);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** JSON pointer to path segments; indexes into lists become numbers. */
function pointerToPath(pointer: string, data: unknown): Segment[] {
  if (pointer === "") return [];
  const path: Segment[] = [];
  for (const raw of pointer.slice(1).split("/")) {
    const seg = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    path.push(Array.isArray(valueAt(data, path)) ? Number(seg) : seg);
  }
  return path;
}

function valueAt(data: unknown, path: Segment[]): unknown {
  let cur = data;
  for (const seg of path) {
    if (Array.isArray(cur)) cur = cur[Number(seg)];
    else if (isObject(cur) && Object.hasOwn(cur, String(seg))) cur = cur[String(seg)];
    else return undefined;
  }
  return cur;
}

/** "columns.age.min"; names that are not plain words are quoted: columns["a.b"].min. */
function renderPath(path: readonly Segment[]): string {
  if (path.length === 0) return "(top level)";
  let out = "";
  for (const seg of path) {
    const s = String(seg);
    if (typeof seg === "number") out += `[${seg}]`;
    else if (/^[\p{L}\p{N}_$-]+$/u.test(s)) out += out === "" ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/**
 * The 1-based line of the node at `path` (its key with atKey), or of its nearest existing ancestor. `keyIndex` keeps
 * each mapping's keys once looked up, so that locating one problem per column of a wide schema stays linear.
 */
function lineOf(
  doc: Document,
  counter: LineCounter,
  keyIndex: Map<YAMLMap, Map<string, Pair>>,
  path: Segment[],
  atKey: boolean,
): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined = rangeStart(node);
  for (let i = 0; i < path.length; i++) {
    const seg = String(path[i]);
    if (isMap(node)) {
      let keys = keyIndex.get(node);
      if (!keys) {
        keys = new Map();
        for (const p of node.items) {
          const text = isScalar(p.key) ? String(p.key.value) : String(p.key);
          if (!keys.has(text)) keys.set(text, p);
        }
        keyIndex.set(node, keys);
      }
      const pair = keys.get(seg);
      if (!pair) break;
      const last = i === path.length - 1;
      offset = (last && atKey) || pair.value === null ? rangeStart(pair.key) : (rangeStart(pair.value) ?? offset);
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else break;
  }
  return offset === undefined ? undefined : counter.linePos(offset).line;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range?.[0];
}
