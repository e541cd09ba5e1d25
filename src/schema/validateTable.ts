import { cellText, type Column, type Table } from "../data/table.js";
import { ModelguardError } from "../errors.js";
import { compilePattern } from "./compilePattern.js";
import { codePoints, compileCheck, type CellReader } from "./compileCheck.js";
import type { ColumnSchema, DataSchema, RowCheck, ValueRange } from "./dataSchema.js";
import { quantileSorted } from "../stats/quantileSorted.js";
import { fmtPercent } from "./fmtPercent.js";
import { parseCellText, type NumericCellType } from "./parseCellText.js";
import type { Severity, ValidationResult, Violation, ViolationExample, ViolationKind } from "./validationResult.js";

const MAX_EXAMPLES = 5;

/** A column seen through the schema's numeric type. state per row: 0 missing, 1 a value of the type, 2 did not parse. */
interface NumericView {
  readonly kind: "numeric";
  readonly type: NumericCellType;
  readonly values: Float64Array;
  readonly state: Uint8Array;
  text(row: number): string | null;
}

/** A column seen as text (string and category schema types): codes into a dictionary, -1 missing. */
interface TextView {
  readonly kind: "text";
  readonly codes: Int32Array;
  readonly dictionary: readonly string[];
}

type View = NumericView | TextView;

/** Failing rows of one check: how many, and the first few. */
interface Failures {
  count: number;
  rows: number[];
}

/**
 * Checks a table against a schema and collects every violation (lazily, like pandera's `lazy=True`), never throwing
 * on bad data.
 *
 * Order: `rows`, then per schema column `missing_column` or its cell checks (type, nullable, min, max, allowed,
 * pattern, unique), then `extra_column` in table order.
 *
 * - A column is checked through the schema's type. When the table column has another type (no forced types were
 *   given to the loader), cells are compared by text: each dictionary entry (or each cell's text) is parsed as the
 *   schema type once; text that does not parse is a `type` violation. An integer schema over a number column makes
 *   non-integral values `type` violations.
 * - Missing cells count only for `nullable`; cells that did not parse count only for `type`.
 * - min/max are inclusive; a literal NaN is outside every bound, so it fails min and max when they are set.
 * - `allowed` and `pattern` are tested once per dictionary entry, not per row; `pattern` matches anywhere in the
 *   value (anchor it with ^ and $).
 * - `unique` counts every row whose value occurs more than once (pandas `duplicated(keep=False)`); missing cells are
 *   not values and never duplicates.
 * - `mostly`: a check fails when failing rows / table rows > 1 - mostly; a check failing on fewer rows is reported
 *   with severity "warning". Exactly at the threshold passes.
 * - Rows in examples are 0-based data rows, the first five failing rows in row order.
 */
export function validateTable(table: Table, schema: DataSchema): ValidationResult {
  const rows = table.rowCount;
  const violations: Violation[] = [];
  const push = (v: Violation) => violations.push(v);

  const { min: rowsMin, max: rowsMax } = schema.rows;
  if ((rowsMin !== undefined && rows < rowsMin) || (rowsMax !== undefined && rows > rowsMax)) {
    const below = rowsMin !== undefined && rows < rowsMin;
    push({
      kind: "rows",
      column: null,
      count: rows,
      fraction: rows > 0 ? 1 : 0,
      examples: [],
      severity: "error",
      message: `${table.source}: ${plural(rows, "row")}, ${below ? `fewer than the minimum ${fmtInt(rowsMin!)}` : `more than the maximum ${fmtInt(rowsMax!)}`}`,
      details: below ? { min: rowsMin! } : { max: rowsMax! },
    });
  }

  // getColumn searches the column list; one Map keeps a 20,000-column schema over a 20,000-column table linear.
  const byName = new Map<string, Column>();
  for (const column of table.columns) if (!byName.has(column.name)) byName.set(column.name, column);
  const ignored = new Set(schema.ignored ?? []);
  for (const spec of schema.columns) {
    if (ignored.has(spec.name)) continue;
    const column = byName.get(spec.name);
    if (!column) {
      if (spec.required) {
        push({
          kind: "missing_column",
          column: spec.name,
          count: rows,
          fraction: rows > 0 ? 1 : 0,
          examples: [],
          severity: "error",
          message: `${spec.name}: required column is missing from ${table.source}`,
        });
      }
      continue;
    }
    checkColumn(column, spec, rows, push);
  }

  // Views of the columns the table-level rules read, each made once.
  const specs = new Map(schema.columns.map((c) => [c.name, c]));
  const views = new Map<string, View | null>();
  const viewOf = (name: string): View | null => {
    let view = views.get(name);
    if (view === undefined) {
      const column = byName.get(name);
      view = column ? viewColumn(column, specs.get(name)!.type, rows) : null;
      views.set(name, view);
    }
    return view;
  };
  for (const key of schema.uniqueTogether ?? []) {
    if (key.some((n) => ignored.has(n))) continue;
    const keyViews = key.map(viewOf);
    // A missing key column is already a missing_column violation (or allowed by required: false).
    if (keyViews.some((v) => v === null)) continue;
    const f = compoundDuplicates(keyViews as View[], rows);
    if (f.count === 0) continue;
    const fraction = rows > 0 ? f.count / rows : 0;
    const examples = f.rows.map((row) => ({ row, value: rowText(key, keyViews as View[], row) }));
    push({
      kind: "compound_unique",
      column: null,
      count: f.count,
      fraction,
      examples,
      severity: "error",
      message: `(${key.join(", ")}): ${plural(f.count, "row")} (${fmtPercent(fraction)}) hold a combination that occurs more than once, e.g. row ${examples[0]!.row}: ${examples[0]!.value}`,
      details: { columns: key.join(", ") },
    });
  }
  if ((schema.checks ?? []).length > 0) {
    const types = new Map(schema.columns.map((c) => [c.name, c.type]));
    for (const check of schema.checks ?? []) runCheck(check, types, ignored, viewOf, rows, push);
  }

  if (schema.extraColumns !== "ignore") {
    const known = new Set(schema.columns.map((c) => c.name));
    for (const column of table.columns) {
      if (known.has(column.name) || ignored.has(column.name)) continue;
      push({
        kind: "extra_column",
        column: column.name,
        count: rows,
        fraction: rows > 0 ? 1 : 0,
        examples: [],
        severity: schema.extraColumns === "warn" ? "warning" : "error",
        message: `${column.name}: column is not in the schema (extra_columns: ${schema.extraColumns})`,
      });
    }
  }

  return { ok: violations.every((v) => v.severity !== "error"), rows, violations };
}

function checkColumn(column: Column, spec: ColumnSchema, rows: number, push: (v: Violation) => void): void {
  const view = viewColumn(column, spec.type, rows);
  const report = (kind: ViolationKind, f: Failures, what: string, details: Record<string, number | string> = {}) => {
    if (f.count === 0) return;
    const passes = f.count <= (1 - spec.mostly) * rows + 1e-9 * Math.max(1, rows);
    const severity: Severity = passes ? "warning" : "error";
    const examples = f.rows.map((row) => ({ row, value: textAt(view, row) }));
    const fraction = rows > 0 ? f.count / rows : 0;
    let message = `${spec.name}: ${plural(f.count, "row")} (${fmtPercent(fraction)}) ${what}`;
    if (examples.length > 0) message += `, e.g. ${exampleText(examples[0]!, view, kind)}`;
    if (spec.mostly < 1) {
      const slack = fmtPercent(1 - spec.mostly);
      message += passes
        ? ` (within mostly ${spec.mostly}: up to ${slack} may fail)`
        : ` (more than the ${slack} mostly ${spec.mostly} allows)`;
      details = { ...details, mostly: spec.mostly };
    }
    push({
      kind,
      column: spec.name,
      count: f.count,
      fraction,
      examples,
      severity,
      message,
      ...(Object.keys(details).length > 0 && { details }),
    });
  };

  if (view.kind === "numeric") {
    report("type", scanState(view.state, 2), `not ${TYPE_WORDS[view.type]}`);
    if (!spec.nullable) report("nullable", scanState(view.state, 0), "missing but the column is not nullable");
    if (spec.min !== undefined) {
      const bound = spec.min;
      report(
        "min",
        scanValues(view, (v) => !(v >= bound)),
        `below min ${fmtBound(bound, view.type)}`,
        { min: bound },
      );
    }
    if (spec.max !== undefined) {
      const bound = spec.max;
      report(
        "max",
        scanValues(view, (v) => !(v <= bound)),
        `above max ${fmtBound(bound, view.type)}`,
        { max: bound },
      );
    }
    if (spec.allowed !== undefined) {
      const allowed = new Set(spec.allowed.map(Number));
      report(
        "allowed",
        scanValues(view, (v) => !allowed.has(v)),
        `not in allowed values ${listValues(spec.allowed)}`,
      );
    }
    if (spec.unique) report("unique", numericDuplicates(view), "hold a value that occurs more than once");
    checkStatistics(spec, view, rows, push);
    return;
  }

  if (!spec.nullable) report("nullable", scanCodes(view.codes, null), "missing but the column is not nullable");
  if (spec.allowed !== undefined) {
    const allowed = new Set(spec.allowed.map(String));
    const bad = view.dictionary.map((d) => !allowed.has(d));
    report("allowed", scanCodes(view.codes, bad), `not in allowed values ${listValues(spec.allowed)}`);
  }
  if (spec.pattern !== undefined) {
    const compiled = compilePattern(spec.pattern);
    if (!compiled.ok) {
      // parseSchema refuses such patterns; a DataSchema built another way gets the same message.
      throw new ModelguardError(
        "schema",
        `${spec.name}: pattern '${spec.pattern}' ${compiled.reason}`,
        "see https://github.com/google/re2/wiki/Syntax",
        { column: spec.name },
      );
    }
    const bad = view.dictionary.map((d) => !compiled.pattern.test(d));
    report("pattern", scanCodes(view.codes, bad), `not matching pattern /${spec.pattern}/`, { pattern: spec.pattern });
  }
  if (spec.unique) report("unique", textDuplicates(view), "hold a value that occurs more than once");
  if (spec.length !== undefined) {
    const { min = -Infinity, max = Infinity } = spec.length;
    const bad = view.dictionary.map((d) => {
      const n = codePoints(d);
      return n < min || n > max;
    });
    report("length", scanCodes(view.codes, bad), `with a length outside ${rangeText(spec.length)} characters`, {
      ...(spec.length.min !== undefined && { min: spec.length.min }),
      ...(spec.length.max !== undefined && { max: spec.length.max }),
    });
  }
  checkStatistics(spec, view, rows, push);
}

/**
 * The column-level expectations (Great Expectations' expect_column_mean/median/quantile_values/unique_value_count
 * _to_be_between): each statistic over the values present (missing, unparsed and NaN cells left out; quantiles by
 * numpy's linear method), one violation per statistic outside its bounds. `count` is the number of values the
 * statistic is over. A column without values fails no expectation: there is nothing to measure.
 */
function checkStatistics(spec: ColumnSchema, view: View, rows: number, push: (v: Violation) => void): void {
  const wanted = spec.mean || spec.median || spec.quantiles || spec.distinctCount;
  if (!wanted) return;
  let sorted: Float64Array | null = null;
  let distinct: number;
  let count: number;
  if (view.kind === "numeric") {
    const xs: number[] = [];
    for (let r = 0; r < rows; r++) if (view.state[r] === 1 && !Number.isNaN(view.values[r]!)) xs.push(view.values[r]!);
    sorted = Float64Array.from(xs).sort();
    count = sorted.length;
    distinct = 0;
    for (let i = 0; i < count; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
  } else {
    const seen = new Set<string>();
    count = 0;
    for (let r = 0; r < rows; r++) {
      const code = view.codes[r]!;
      if (code < 0) continue;
      count++;
      seen.add(view.dictionary[code]!);
    }
    distinct = seen.size;
  }
  if (count === 0) return;
  const judge = (kind: ViolationKind, what: string, observed: number, range: ValueRange, extra = {}) => {
    const { min = -Infinity, max = Infinity } = range;
    if (observed >= min && observed <= max) return;
    push({
      kind,
      column: spec.name,
      count,
      fraction: rows > 0 ? count / rows : 0,
      examples: [],
      severity: "error",
      message: `${spec.name}: ${what} is ${fmtStat(observed, view)}, outside ${rangeText(range, view)} (over ${plural(count, "value")})`,
      details: {
        observed,
        ...extra,
        ...(range.min !== undefined && { min: range.min }),
        ...(range.max !== undefined && { max: range.max }),
      },
    });
  };
  if (sorted) {
    if (spec.mean) {
      let sum = 0;
      for (const x of sorted) sum += x;
      judge("mean", "mean", sum / count, spec.mean);
    }
    if (spec.median) judge("median", "median", quantileSorted(sorted, 0.5), spec.median);
    for (const range of spec.quantiles ?? []) {
      judge("quantile", `quantile ${range.q}`, quantileSorted(sorted, range.q), range, { quantile: range.q });
    }
  }
  if (spec.distinctCount) judge("distinct_count", "the number of distinct values", distinct, spec.distinctCount);
}

/** Every row whose values in all key columns are present and occur together on another row. */
function compoundDuplicates(views: readonly View[], rows: number): Failures {
  const seen = new Map<string, number>();
  const keys: (string | null)[] = new Array<string | null>(rows);
  for (let r = 0; r < rows; r++) {
    let key: string | null = "";
    for (const view of views) {
      const part = keyPart(view, r);
      if (part === null) {
        key = null;
        break;
      }
      // Length-prefixed parts, so ("a,b", "c") and ("a", "b,c") stay different keys.
      key += `${part.length}:${part}`;
    }
    keys[r] = key;
    if (key !== null) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const f: Failures = { count: 0, rows: [] };
  for (let r = 0; r < rows; r++) {
    const key = keys[r]!;
    if (key !== null && seen.get(key)! > 1) {
      f.count++;
      if (f.rows.length < MAX_EXAMPLES) f.rows.push(r);
    }
  }
  return f;
}

/** The cell's identity for a compound key: the number (as text) or the text; null when missing or unparsed. */
function keyPart(view: View, row: number): string | null {
  if (view.kind === "numeric") {
    if (view.state[row] !== 1) return null;
    return String(view.values[row]! + 0);
  }
  const code = view.codes[row]!;
  return code < 0 ? null : view.dictionary[code]!;
}

/** Runs one row check and reports the rows where it is false. */
function runCheck(
  check: RowCheck,
  types: ReadonlyMap<string, ColumnSchema["type"]>,
  ignored: ReadonlySet<string>,
  viewOf: (name: string) => View | null,
  rows: number,
  push: (v: Violation) => void,
): void {
  const compiled = compileCheck(check.expr, types);
  if (!compiled.ok) {
    // parseSchema refuses such checks; a DataSchema built another way gets the same message.
    throw new ModelguardError("schema", `check '${check.name}' ${compiled.message}`, "see compileCheck for the syntax");
  }
  const columns = compiled.check.columns;
  // Left out where a column it reads is excluded by the environment, or absent (a missing_column violation already).
  if (columns.some((c) => ignored.has(c))) return;
  const colViews = columns.map(viewOf);
  if (colViews.some((v) => v === null)) return;
  const readers = new Map<string, CellReader>();
  columns.forEach((name, i) => readers.set(name, cellReader(colViews[i]!)));
  const evaluate = compiled.check.bind(readers);
  const f: Failures = { count: 0, rows: [] };
  for (let r = 0; r < rows; r++) {
    if (evaluate(r) === false) {
      f.count++;
      if (f.rows.length < MAX_EXAMPLES) f.rows.push(r);
    }
  }
  if (f.count === 0) return;
  const passes = f.count <= (1 - check.mostly) * rows + 1e-9 * Math.max(1, rows);
  const fraction = rows > 0 ? f.count / rows : 0;
  const examples = f.rows.map((row) => ({ row, value: rowText(columns, colViews as View[], row) }));
  const label = check.name === check.expr ? `'${check.expr}'` : `'${check.name}' (${check.expr})`;
  let message = `check ${label}: ${plural(f.count, "row")} (${fmtPercent(fraction)}) fail, e.g. row ${examples[0]!.row}: ${examples[0]!.value}`;
  if (check.mostly < 1) {
    const slack = fmtPercent(1 - check.mostly);
    message += passes
      ? ` (within mostly ${check.mostly}: up to ${slack} may fail)`
      : ` (more than the ${slack} mostly ${check.mostly} allows)`;
  }
  push({
    kind: "check",
    column: null,
    count: f.count,
    fraction,
    examples,
    severity: passes ? "warning" : "error",
    message,
    details: { check: check.name, expr: check.expr, ...(check.mostly < 1 && { mostly: check.mostly }) },
  });
}

/** A view's cells as check values: numbers (datetimes in ms), booleans, text; null when missing, unparsed or NaN. */
function cellReader(view: View): CellReader {
  if (view.kind === "text") {
    const { codes, dictionary } = view;
    return (r) => (codes[r]! < 0 ? null : dictionary[codes[r]!]!);
  }
  const { state, values } = view;
  if (view.type === "boolean") return (r) => (state[r] === 1 ? values[r] === 1 : null);
  return (r) => {
    if (state[r] !== 1) return null;
    const v = values[r]!;
    return v === v ? v : null;
  };
}

/** "start=2024-01-02T00:00:00.000Z, end=2024-01-01T00:00:00.000Z": the row's cells of these columns, each clipped. */
function rowText(names: readonly string[], views: readonly View[], row: number): string {
  return names
    .map((name, i) => {
      const text = textAt(views[i]!, row);
      if (text === null) return `${name}=null`;
      const chars = [...text];
      return `${name}=${JSON.stringify(chars.length > 40 ? chars.slice(0, 39).join("") + "…" : text)}`;
    })
    .join(", ");
}

function rangeText(range: ValueRange, view?: View): string {
  const f = (v: number) => (view ? fmtStat(v, view) : String(v));
  if (range.min !== undefined && range.max !== undefined) return `[${f(range.min)}, ${f(range.max)}]`;
  return range.min !== undefined ? `>= ${f(range.min)}` : `<= ${f(range.max!)}`;
}

function fmtStat(v: number, view: View): string {
  if (view.kind === "numeric" && view.type === "datetime") return new Date(v).toISOString();
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
}

const TYPE_WORDS: Record<NumericCellType, string> = {
  integer: "an integer",
  number: "a number",
  boolean: "a boolean",
  datetime: "an ISO 8601 datetime",
};

/** The column through the schema type; see validateTable for the conversion rules. */
function viewColumn(column: Column, type: Column["type"], rows: number): View {
  if (type === "string" || type === "category") {
    if (column.kind === "dictionary") return { kind: "text", codes: column.codes, dictionary: column.dictionary };
    // A numeric column checked as text: intern each cell's text (numbers once per distinct value).
    const codes = new Int32Array(rows);
    const dictionary: string[] = [];
    const byText = new Map<string, number>();
    const byValue = new Map<number, number>();
    const intern = (text: string) => {
      let code = byText.get(text);
      if (code === undefined) {
        code = dictionary.length;
        dictionary.push(text);
        byText.set(text, code);
      }
      return code;
    };
    for (let r = 0; r < rows; r++) {
      if (column.valid[r] === 1) {
        const v = column.values[r]!;
        let code = byValue.get(v);
        if (code === undefined) {
          code = intern(cellText(column, r)!);
          byValue.set(v, code);
        }
        codes[r] = code;
      } else {
        const raw = column.invalid.get(r);
        codes[r] = raw === undefined ? -1 : intern(raw);
      }
    }
    return { kind: "text", codes, dictionary };
  }

  if (column.kind === "dictionary") {
    // Text checked as a numeric type: parse each dictionary entry once.
    const entryValue = new Float64Array(column.dictionary.length);
    const entryOk = new Uint8Array(column.dictionary.length);
    column.dictionary.forEach((text, i) => {
      const v = parseCellText(text, type);
      if (v !== undefined) {
        entryValue[i] = v;
        entryOk[i] = 1;
      }
    });
    const values = new Float64Array(rows);
    const state = new Uint8Array(rows);
    const { codes, dictionary } = column;
    for (let r = 0; r < rows; r++) {
      const code = codes[r]!;
      if (code < 0) continue;
      if (entryOk[code] === 1) {
        values[r] = entryValue[code]!;
        state[r] = 1;
      } else state[r] = 2;
    }
    return { kind: "numeric", type, values, state, text: (r) => (codes[r]! < 0 ? null : dictionary[codes[r]!]!) };
  }

  const direct = column.type === type || (type === "number" && column.type === "integer");
  if (direct || (type === "integer" && column.type === "number")) {
    const state = column.valid.slice();
    for (const row of column.invalid.keys()) if (row >= 0 && row < rows) state[row] = 2;
    if (!direct) {
      const values = column.values;
      for (let r = 0; r < rows; r++) if (state[r] === 1 && !Number.isInteger(values[r]!)) state[r] = 2;
    }
    return { kind: "numeric", type, values: column.values, state, text: (r) => cellText(column, r) };
  }

  // Another numeric type (e.g. a boolean column checked as number): compare by each cell's text.
  const values = new Float64Array(rows);
  const state = new Uint8Array(rows);
  const texts = new Map<number, string>();
  for (let r = 0; r < rows; r++) {
    const text = cellText(column, r);
    if (text === null) continue;
    const v = parseCellText(text, type);
    if (v === undefined) {
      state[r] = 2;
      texts.set(r, text);
    } else {
      values[r] = v;
      state[r] = 1;
    }
  }
  return { kind: "numeric", type, values, state, text: (r) => texts.get(r) ?? cellText(column, r) };
}

function scanState(state: Uint8Array, wanted: number): Failures {
  const f: Failures = { count: 0, rows: [] };
  for (let r = 0; r < state.length; r++) {
    if (state[r] === wanted) {
      f.count++;
      if (f.rows.length < MAX_EXAMPLES) f.rows.push(r);
    }
  }
  return f;
}

function scanValues(view: NumericView, fails: (v: number) => boolean): Failures {
  const { state, values } = view;
  const f: Failures = { count: 0, rows: [] };
  for (let r = 0; r < state.length; r++) {
    if (state[r] === 1 && fails(values[r]!)) {
      f.count++;
      if (f.rows.length < MAX_EXAMPLES) f.rows.push(r);
    }
  }
  return f;
}

/** Rows whose code is marked bad (per dictionary entry), or with bad === null, rows that are missing. */
function scanCodes(codes: Int32Array, bad: readonly boolean[] | null): Failures {
  const f: Failures = { count: 0, rows: [] };
  if (bad !== null && !bad.includes(true)) return f;
  const flags = bad === null ? null : Uint8Array.from(bad, (b) => (b ? 1 : 0));
  for (let r = 0; r < codes.length; r++) {
    const code = codes[r]!;
    if (flags === null ? code < 0 : code >= 0 && flags[code] === 1) {
      f.count++;
      if (f.rows.length < MAX_EXAMPLES) f.rows.push(r);
    }
  }
  return f;
}

function textDuplicates(view: TextView): Failures {
  const { codes, dictionary } = view;
  // Dictionary entries with the same text are the same value.
  const canonical = new Int32Array(dictionary.length);
  const first = new Map<string, number>();
  dictionary.forEach((d, i) => {
    const c = first.get(d);
    if (c === undefined) first.set(d, i);
    canonical[i] = c ?? i;
  });
  const counts = new Int32Array(dictionary.length);
  for (let r = 0; r < codes.length; r++) {
    const code = codes[r]!;
    if (code >= 0) counts[canonical[code]!]!++;
  }
  const f: Failures = { count: 0, rows: [] };
  if (!counts.some((c) => c > 1)) return f;
  for (let r = 0; r < codes.length; r++) {
    const code = codes[r]!;
    if (code >= 0 && counts[canonical[code]!]! > 1) {
      f.count++;
      if (f.rows.length < MAX_EXAMPLES) f.rows.push(r);
    }
  }
  return f;
}

function numericDuplicates(view: NumericView): Failures {
  const { state, values } = view;
  let n = 0;
  for (let r = 0; r < state.length; r++) if (state[r] === 1) n++;
  const sorted = new Float64Array(n);
  for (let r = 0, i = 0; r < state.length; r++) if (state[r] === 1) sorted[i++] = values[r]!;
  sorted.sort();
  const repeated: number[] = [];
  for (let i = 1; i < n; i++) {
    if (sorted[i] === sorted[i - 1] && (repeated.length === 0 || repeated[repeated.length - 1] !== sorted[i])) {
      repeated.push(sorted[i]!);
    }
  }
  const f: Failures = { count: 0, rows: [] };
  if (repeated.length === 0) return f;
  const dup = Float64Array.from(repeated);
  for (let r = 0; r < state.length; r++) {
    if (state[r] === 1 && sortedHas(dup, values[r]!)) {
      f.count++;
      if (f.rows.length < MAX_EXAMPLES) f.rows.push(r);
    }
  }
  return f;
}

function sortedHas(sorted: Float64Array, v: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = sorted[mid]!;
    if (m < v) lo = mid + 1;
    else if (m > v) hi = mid - 1;
    else return true;
  }
  return false;
}

function textAt(view: View, row: number): string | null {
  if (view.kind === "numeric") return view.text(row);
  const code = view.codes[row]!;
  return code < 0 ? null : view.dictionary[code]!;
}

function exampleText(e: ViolationExample, view: View, kind: ViolationKind): string {
  if (e.value === null) return `row ${e.row}`;
  const raw = view.kind === "numeric" && kind !== "type";
  return `row ${e.row}: ${raw ? e.value : JSON.stringify(e.value)}`;
}

function fmtBound(v: number, type: NumericCellType): string {
  return type === "datetime" ? new Date(v).toISOString() : String(v);
}

function listValues(values: readonly (string | number)[]): string {
  const shown = values.slice(0, 8).map((v) => (typeof v === "number" ? String(v) : JSON.stringify(v)));
  return `[${shown.join(", ")}${values.length > 8 ? `, ... ${values.length - 8} more` : ""}]`;
}

function plural(n: number, word: string): string {
  return `${fmtInt(n)} ${word}${n === 1 ? "" : "s"}`;
}

function fmtInt(n: number): string {
  return n.toLocaleString("en-US");
}
