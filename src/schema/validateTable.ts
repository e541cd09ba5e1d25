import { newFloat64Array, newInt32Array, newUint8Array } from "../data/smallTypedArray.js";
import { cellText, type Column, type Table } from "../data/table.js";
import { ModelguardError } from "../errors.js";
import { compilePattern, type CompiledPattern } from "./compilePattern.js";
import { codePoints, compileCheck, type CellReader, type CompiledCheck } from "./compileCheck.js";
import type { ColumnSchema, DataSchema, RowCheck, ValueRange } from "./dataSchema.js";
import { quantileSorted } from "../stats/quantileSorted.js";
import { fmtPercent } from "./fmtPercent.js";
import { parseCellText, type NumericCellType } from "./parseCellText.js";
import type { Severity, ValidationResult, Violation, ViolationExample, ViolationKind } from "./validationResult.js";

const MAX_EXAMPLES = 5;

/**
 * A column seen through the schema's numeric type. state per row: 0 missing, 1 a value of the type, 2 did not parse.
 * A cell's text is `texts`' (when compared by text, for the cells that did not parse), else the column's.
 */
interface NumericView {
  readonly kind: "numeric";
  readonly type: NumericCellType;
  readonly values: Float64Array;
  readonly state: Uint8Array;
  readonly column: Column;
  readonly texts: Map<number, string> | null;
}

/** A column seen as text (string and category schema types): codes into a dictionary, -1 missing. */
interface TextView {
  readonly kind: "text";
  readonly codes: Int32Array;
  readonly dictionary: readonly string[];
}

type View = NumericView | TextView;

/** Failing rows of one check: how many, and the first few (one object, reused from check to check). */
interface Failures {
  count: number;
  rows: number[];
}

/**
 * Checks a table against a schema and collects every violation (lazily, like pandera's `lazy=True`), never throwing
 * on bad data. TableValidator does the same over a table given chunk by chunk (scanTable), in memory that follows
 * the chunk, not the table: cell checks and row checks keep counts and the first examples; only `unique`,
 * `unique_together` (a map entry per distinct value or key) and `median`/`quantiles` (the column's values, 8 bytes
 * each) keep memory per row of the columns they name.
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
  const validator = new TableValidator(schema, table.source);
  validator.add(table);
  return validator.finish();
}

/** Failing rows of one check over all chunks so far: how many, the first examples, and how to word them. */
interface Found {
  /** Sort key: where the whole-table validator reported it (schema column, then the order of its checks). */
  order: number;
  kind: ViolationKind;
  spec: ColumnSchema;
  what: string;
  details: Record<string, number | string>;
  /** Numeric examples (other than type) are shown raw, text ones quoted. */
  rawExamples: boolean;
  count: number;
  examples: ViolationExample[];
}

/** Rows holding a value (or key) that occurs more than once: a map entry per distinct value, examples kept small. */
class DuplicateTracker {
  private readonly firstRow = new Map<string | number, number>();
  private readonly repeated = new Map<string | number, { count: number; rows: number[]; text: string[] }>();
  private readonly firstText = new Map<string | number, string>();

  /** @param keyIsText a text column's key is its example text: nothing more is kept per value. */
  constructor(private readonly keyIsText: boolean) {}

  add(key: string | number, row: number, text: () => string): void {
    const dup = this.repeated.get(key);
    if (dup) {
      dup.count++;
      if (dup.rows.length < MAX_EXAMPLES) {
        dup.rows.push(row);
        dup.text.push(text());
      }
      return;
    }
    const first = this.firstRow.get(key);
    if (first === undefined) {
      this.firstRow.set(key, row);
      // The example text of a first occurrence is needed only if the value repeats, but by then its chunk is gone.
      // A number whose text is its plain form keeps nothing more (a unique id column: one map entry per id).
      if (!this.keyIsText) {
        const t = text();
        if (typeof key !== "number" || t !== String(key)) this.firstText.set(key, t);
      }
      return;
    }
    const firstText = this.keyIsText ? (key as string) : (this.firstText.get(key) ?? String(key));
    this.firstText.delete(key);
    this.repeated.set(key, { count: 2, rows: [first, row], text: [firstText, text()] });
  }

  result(): { count: number; examples: ViolationExample[] } {
    let count = 0;
    const all: ViolationExample[] = [];
    for (const dup of this.repeated.values()) {
      count += dup.count;
      dup.rows.forEach((row, i) => all.push({ row, value: dup.text[i]! }));
    }
    all.sort((a, b) => a.row - b.row);
    return { count, examples: all.slice(0, MAX_EXAMPLES) };
  }
}

/** Values a column statistic is over, gathered chunk by chunk. */
interface StatState {
  spec: ColumnSchema;
  order: number;
  numeric: boolean;
  datetime: boolean;
  values: Float64Array;
  count: number;
  distinct: Set<string> | null;
}

/** A table-level rule's failures: a unique_together key or a row check. */
interface RuleFound {
  count: number;
  examples: ViolationExample[];
}

export class TableValidator {
  private rows = 0;
  private readonly ignored: Set<string>;
  /**
   * Schema column name -> index in schema.columns (the last, if a name repeats). The one map per schema column: a
   * wide schema (100,000 columns) paid 3.7 MB for each of the maps by name the validator used to keep, and each chunk
   * built one more of its columns by name.
   */
  private readonly specIndex: Map<string, number>;
  /** Whether a name repeats in schema.columns (a schema built in code: a schema file cannot name a column twice). */
  private readonly namesRepeat: boolean;
  /** Per schema column index: 1 once a chunk had the column. */
  private readonly seenSpecs: Uint8Array;
  /**
   * Per schema column index: the index of the chunk's (first) column of that name, else -1; set for a chunk and reset
   * after it. One array, not one per chunk: a wide file read in blocks of columns made one of every schema column
   * (400 KB for 100,000) each pass, and walked every schema column to find the block's few.
   */
  private readonly columnAt: Int32Array;
  /** Table columns the schema does not list, in order of first appearance (a JSONL key may first appear late). */
  private readonly extras: string[] = [];
  private readonly extraSet = new Set<string>();
  private readonly found = new Map<string, Found>();
  private readonly duplicates = new Map<string, DuplicateTracker>();
  private readonly stats = new Map<string, StatState>();
  private readonly compound: (DuplicateTracker | null)[];
  private readonly checks: RuleFound[];
  /**
   * The schema's checks, compiled at the first chunk: each chunk compiled them again against a map of every column's
   * type made for the chunk (100,000 entries a chunk for a wide schema).
   */
  private compiledChecks: CompiledCheck[] | undefined;
  private readonly patterns = new Map<string, CompiledPattern>();
  private readonly failures: Failures = { count: 0, rows: [] };

  constructor(
    private readonly schema: DataSchema,
    private readonly source: string,
  ) {
    this.ignored = new Set(schema.ignored ?? []);
    this.specIndex = new Map();
    schema.columns.forEach((c, i) => this.specIndex.set(c.name, i));
    this.namesRepeat = this.specIndex.size !== schema.columns.length;
    this.seenSpecs = new Uint8Array(schema.columns.length);
    this.columnAt = new Int32Array(schema.columns.length).fill(-1);
    this.compound = (schema.uniqueTogether ?? []).map(() => new DuplicateTracker(false));
    this.checks = (schema.checks ?? []).map(() => ({ count: 0, examples: [] }));
  }

  /**
   * Starts the rows again from 0: the chunks that follow are the same rows, other columns of them (a wide CSV read
   * once per block of columns). The result counts the rows of the last pass.
   */
  newPass(): void {
    this.rows = 0;
  }

  /**
   * The table's column names in file order, for a validator whose chunks hold only schema columns: the names the
   * schema does not list are its extra columns, as if a chunk had held them.
   */
  addColumnNames(names: readonly string[]): void {
    for (let k = 0; k < names.length; k++) if (!this.specIndex.has(names[k]!)) this.addExtra(names[k]!);
  }

  /** The schema column of this name (the last, if a name repeats). */
  specOf(name: string): ColumnSchema | undefined {
    const i = this.specIndex.get(name);
    return i === undefined ? undefined : this.schema.columns[i];
  }

  private addExtra(name: string): void {
    if (this.extraSet.has(name)) return;
    this.extraSet.add(name);
    this.extras.push(name);
  }

  /** Checks the next `chunk.rowCount` rows. */
  add(table: Table): void {
    // One pass over the chunk's columns: the first of each schema column (by index), and the names seen (for extra
    // and missing columns).
    const columnAt = this.columnAt;
    const present: number[] = [];
    table.columns.forEach((column, k) => {
      const i = this.specIndex.get(column.name);
      if (i === undefined) this.addExtra(column.name);
      else if (columnAt[i] === -1) {
        columnAt[i] = k;
        this.seenSpecs[i] = 1;
        present.push(i);
      }
    });
    try {
      this.addColumns(table, present);
    } finally {
      for (const i of present) columnAt[i] = -1;
    }
  }

  /** add's checks of a chunk whose schema columns (by index) are `present`, their columns in columnAt. */
  private addColumns(table: Table, present: number[]): void {
    const rowBase = this.rows;
    const rows = table.rowCount;
    this.rows += rows;
    const columnAt = this.columnAt;
    const columnNamed = (name: string): Column | undefined => {
      const i = this.specIndex.get(name);
      const k = i === undefined ? -1 : columnAt[i]!;
      return k >= 0 ? table.columns[k] : undefined;
    };
    // In schema order. With a name repeated, every column of the schema, as each of its specs is checked.
    const specs = this.namesRepeat
      ? this.schema.columns
      : present.sort((a, b) => a - b).map((i) => this.schema.columns[i]!);
    for (const spec of specs) {
      if (this.ignored.has(spec.name)) continue;
      const column = columnNamed(spec.name);
      if (column) this.checkColumn(column, spec, rows, rowBase);
    }

    // Views of the columns the table-level rules read, each made once.
    const views = new Map<string, View | null>();
    const viewOf = (name: string): View | null => {
      let view = views.get(name);
      if (view === undefined) {
        const column = columnNamed(name);
        view = column ? viewColumn(column, this.specOf(name)!.type, rows) : null;
        views.set(name, view);
      }
      return view;
    };
    (this.schema.uniqueTogether ?? []).forEach((key, k) => {
      if (key.some((n) => this.ignored.has(n))) return;
      const keyViews = key.map(viewOf);
      // A missing key column is already a missing_column violation (or allowed by required: false).
      if (keyViews.some((v) => v === null)) {
        this.compound[k] = null;
        return;
      }
      const tracker = this.compound[k];
      if (!tracker) return;
      for (let r = 0; r < rows; r++) {
        let joined: string | null = "";
        for (const view of keyViews as View[]) {
          const part = keyPart(view, r);
          if (part === null) {
            joined = null;
            break;
          }
          // Length-prefixed parts, so ("a,b", "c") and ("a", "b,c") stay different keys.
          joined += `${part.length}:${part}`;
        }
        if (joined !== null) tracker.add(joined, rowBase + r, () => rowText(key, keyViews as View[], r));
      }
    });
    if ((this.schema.checks ?? []).length > 0) {
      const compiled = (this.compiledChecks ??= this.compileChecks());
      (this.schema.checks ?? []).forEach((_check, i) =>
        this.runCheck(compiled[i]!, this.checks[i]!, viewOf, rows, rowBase),
      );
    }
  }

  private record(
    spec: ColumnSchema,
    rank: number,
    kind: ViolationKind,
    what: string,
    details: Record<string, number | string>,
    rawExamples: boolean,
    f: Failures,
    view: View,
    rowBase: number,
  ): void {
    if (f.count === 0) return;
    const key = `${this.specIndex.get(spec.name)}:${rank}`;
    let found = this.found.get(key);
    if (!found) {
      found = {
        order: this.specIndex.get(spec.name)! * 16 + rank,
        kind,
        spec,
        what,
        details,
        rawExamples,
        count: 0,
        examples: [],
      };
      this.found.set(key, found);
    }
    found.count += f.count;
    for (const row of f.rows) {
      if (found.examples.length >= MAX_EXAMPLES) break;
      found.examples.push({ row: rowBase + row, value: textAt(view, row) });
    }
  }

  /**
   * Failing rows are found first, into one reused Failures, and a violation's words made only when some row fails:
   * for a wide schema, the words, closures and result objects of every check of every column (some 600 bytes a
   * column) were most of validate's garbage.
   */
  private checkColumn(column: Column, spec: ColumnSchema, rows: number, rowBase: number): void {
    const view = viewColumn(column, spec.type, rows);
    const f = this.failures;
    const record = (rank: number, kind: ViolationKind, what: string, details = {}) =>
      this.record(spec, rank, kind, what, details, view.kind === "numeric" && kind !== "type", f, view, rowBase);

    if (view.kind === "numeric") {
      if (scanState(view.state, 2, f) > 0) record(0, "type", `not ${TYPE_WORDS[view.type]}`);
      if (!spec.nullable && scanState(view.state, 0, f) > 0)
        record(1, "nullable", "missing but the column is not nullable");
      if (spec.min !== undefined && scanBelow(view, spec.min, f) > 0)
        record(2, "min", `below min ${fmtBound(spec.min, view.type)}`, { min: spec.min });
      if (spec.max !== undefined && scanAbove(view, spec.max, f) > 0)
        record(3, "max", `above max ${fmtBound(spec.max, view.type)}`, { max: spec.max });
      if (spec.allowed !== undefined) {
        const allowed = new Set(spec.allowed.map(Number));
        if (scanValues(view, (v) => !allowed.has(v), f) > 0)
          record(4, "allowed", `not in allowed values ${listValues(spec.allowed)}`);
      }
      if (spec.unique) {
        const tracker = this.tracker(spec.name, false);
        const { state, values } = view;
        for (let r = 0; r < rows; r++) {
          const v = values[r]!;
          if (state[r] === 1 && v === v) tracker.add(v + 0, rowBase + r, () => textAt(view, r) ?? "");
        }
      }
      this.gatherStatistics(spec, view, rows);
      return;
    }

    if (!spec.nullable && scanCodes(view.codes, null, f) > 0)
      record(1, "nullable", "missing but the column is not nullable");
    if (spec.allowed !== undefined) {
      const allowed = new Set(spec.allowed.map(String));
      const bad = view.dictionary.map((d) => !allowed.has(d));
      if (scanCodes(view.codes, bad, f) > 0) record(4, "allowed", `not in allowed values ${listValues(spec.allowed)}`);
    }
    if (spec.pattern !== undefined) {
      const pattern = this.pattern(spec);
      const bad = view.dictionary.map((d) => !pattern.test(d));
      if (scanCodes(view.codes, bad, f) > 0)
        record(5, "pattern", `not matching pattern /${spec.pattern}/`, { pattern: spec.pattern });
    }
    if (spec.unique) {
      const tracker = this.tracker(spec.name, true);
      const { codes, dictionary } = view;
      for (let r = 0; r < rows; r++) {
        const code = codes[r]!;
        if (code >= 0) tracker.add(dictionary[code]!, rowBase + r, () => dictionary[code]!);
      }
    }
    if (spec.length !== undefined) {
      const { min = -Infinity, max = Infinity } = spec.length;
      const bad = view.dictionary.map((d) => {
        const n = codePoints(d);
        return n < min || n > max;
      });
      if (scanCodes(view.codes, bad, f) > 0)
        record(7, "length", `with a length outside ${rangeText(spec.length)} characters`, {
          ...(spec.length.min !== undefined && { min: spec.length.min }),
          ...(spec.length.max !== undefined && { max: spec.length.max }),
        });
    }
    this.gatherStatistics(spec, view, rows);
  }

  private tracker(name: string, keyIsText: boolean): DuplicateTracker {
    let t = this.duplicates.get(name);
    if (!t) this.duplicates.set(name, (t = new DuplicateTracker(keyIsText)));
    return t;
  }

  private pattern(spec: ColumnSchema): CompiledPattern {
    let p = this.patterns.get(spec.name);
    if (p) return p;
    const compiled = compilePattern(spec.pattern!);
    if (!compiled.ok) {
      // parseSchema refuses such patterns; a DataSchema built another way gets the same message.
      throw new ModelguardError(
        "schema",
        `${spec.name}: pattern '${spec.pattern}' ${compiled.reason}`,
        "see https://github.com/google/re2/wiki/Syntax",
        { column: spec.name },
      );
    }
    p = compiled.pattern;
    this.patterns.set(spec.name, p);
    return p;
  }

  /** The values (numeric) or distinct texts the column-level expectations need. */
  private gatherStatistics(spec: ColumnSchema, view: View, rows: number): void {
    if (!(spec.mean || spec.median || spec.quantiles || spec.distinctCount)) return;
    let s = this.stats.get(spec.name);
    if (!s) {
      s = {
        spec,
        order: this.specIndex.get(spec.name)! * 16 + 8,
        numeric: view.kind === "numeric",
        datetime: view.kind === "numeric" && view.type === "datetime",
        values: new Float64Array(0),
        count: 0,
        distinct: view.kind === "numeric" ? null : new Set(),
      };
      this.stats.set(spec.name, s);
    }
    if (view.kind === "numeric") {
      if (s.count + rows > s.values.length) {
        const grown = new Float64Array(Math.max(s.count + rows, Math.ceil(s.values.length * 1.5)));
        grown.set(s.values.subarray(0, s.count));
        s.values = grown;
      }
      for (let r = 0; r < rows; r++)
        if (view.state[r] === 1 && !Number.isNaN(view.values[r]!)) s.values[s.count++] = view.values[r]!;
      return;
    }
    for (let r = 0; r < rows; r++) {
      const code = view.codes[r]!;
      if (code < 0) continue;
      s.count++;
      s.distinct!.add(view.dictionary[code]!);
    }
  }

  /** Each of the schema's checks compiled against its columns' types. */
  private compileChecks(): CompiledCheck[] {
    const types = new Map<string, ColumnSchema["type"]>();
    for (const c of this.schema.columns) types.set(c.name, c.type);
    return (this.schema.checks ?? []).map((check: RowCheck) => {
      const compiled = compileCheck(check.expr, types);
      if (!compiled.ok) {
        // parseSchema refuses such checks; a DataSchema built another way gets the same message.
        throw new ModelguardError(
          "schema",
          `check '${check.name}' ${compiled.message}`,
          "see compileCheck for the syntax",
        );
      }
      return compiled.check;
    });
  }

  /** Runs one row check on a chunk and counts the rows where it is false. */
  private runCheck(
    check: CompiledCheck,
    found: RuleFound,
    viewOf: (name: string) => View | null,
    rows: number,
    rowBase: number,
  ): void {
    const columns = check.columns;
    // Left out where a column it reads is excluded by the environment, or absent (a missing_column violation already).
    if (columns.some((c) => this.ignored.has(c))) return;
    const colViews = columns.map(viewOf);
    if (colViews.some((v) => v === null)) return;
    const readers = new Map<string, CellReader>();
    columns.forEach((name, i) => readers.set(name, cellReader(colViews[i]!)));
    const evaluate = check.bind(readers);
    for (let r = 0; r < rows; r++) {
      if (evaluate(r) === false) {
        found.count++;
        if (found.examples.length < MAX_EXAMPLES)
          found.examples.push({ row: rowBase + r, value: rowText(columns, colViews as View[], r) });
      }
    }
  }

  /** The violations over every row added. */
  finish(): ValidationResult {
    const rows = this.rows;
    const violations: Violation[] = [];
    const push = (v: Violation) => violations.push(v);

    const { min: rowsMin, max: rowsMax } = this.schema.rows;
    if ((rowsMin !== undefined && rows < rowsMin) || (rowsMax !== undefined && rows > rowsMax)) {
      const below = rowsMin !== undefined && rows < rowsMin;
      push({
        kind: "rows",
        column: null,
        count: rows,
        fraction: rows > 0 ? 1 : 0,
        examples: [],
        severity: "error",
        message: `${this.source}: ${plural(rows, "row")}, ${below ? `fewer than the minimum ${fmtInt(rowsMin!)}` : `more than the maximum ${fmtInt(rowsMax!)}`}`,
        details: below ? { min: rowsMin! } : { max: rowsMax! },
      });
    }

    // Per schema column: missing_column, or its checks in the whole-table order.
    const perColumn: { order: number; make: () => Violation[] }[] = [];
    this.schema.columns.forEach((spec, i) => {
      if (this.ignored.has(spec.name) || this.seenSpecs[this.specIndex.get(spec.name)!] === 1 || !spec.required) return;
      perColumn.push({
        order: i * 16,
        make: () => [
          {
            kind: "missing_column",
            column: spec.name,
            count: rows,
            fraction: rows > 0 ? 1 : 0,
            examples: [],
            severity: "error",
            message: `${spec.name}: required column is missing from ${this.source}`,
          },
        ],
      });
    });
    for (const f of this.found.values()) perColumn.push({ order: f.order, make: () => [columnViolation(f, rows)] });
    for (const [name, tracker] of this.duplicates) {
      const spec = this.specOf(name)!;
      const { count, examples } = tracker.result();
      if (count === 0) continue;
      const numeric = spec.type !== "string" && spec.type !== "category";
      const f: Found = {
        order: this.specIndex.get(name)! * 16 + 6,
        kind: "unique",
        spec,
        what: "hold a value that occurs more than once",
        details: {},
        rawExamples: numeric,
        count,
        examples,
      };
      perColumn.push({ order: f.order, make: () => [columnViolation(f, rows)] });
    }
    for (const s of this.stats.values()) perColumn.push({ order: s.order, make: () => statisticViolations(s, rows) });
    perColumn.sort((a, b) => a.order - b.order);
    for (const p of perColumn) violations.push(...p.make());

    (this.schema.uniqueTogether ?? []).forEach((key, k) => {
      const tracker = this.compound[k];
      if (!tracker || key.some((n) => this.ignored.has(n))) return;
      const { count, examples } = tracker.result();
      if (count === 0) return;
      const fraction = rows > 0 ? count / rows : 0;
      push({
        kind: "compound_unique",
        column: null,
        count,
        fraction,
        examples,
        severity: "error",
        message: `(${key.join(", ")}): ${plural(count, "row")} (${fmtPercent(fraction)}) hold a combination that occurs more than once, e.g. row ${examples[0]!.row}: ${examples[0]!.value}`,
        details: { columns: key.join(", ") },
      });
    });
    (this.schema.checks ?? []).forEach((check, i) => {
      const found = this.checks[i]!;
      if (found.count === 0) return;
      const passes = found.count <= (1 - check.mostly) * rows + 1e-9 * Math.max(1, rows);
      const fraction = rows > 0 ? found.count / rows : 0;
      const examples = found.examples;
      const label = check.name === check.expr ? `'${check.expr}'` : `'${check.name}' (${check.expr})`;
      let message = `check ${label}: ${plural(found.count, "row")} (${fmtPercent(fraction)}) fail, e.g. row ${examples[0]!.row}: ${examples[0]!.value}`;
      if (check.mostly < 1) {
        const slack = fmtPercent(1 - check.mostly);
        message += passes
          ? ` (within mostly ${check.mostly}: up to ${slack} may fail)`
          : ` (more than the ${slack} mostly ${check.mostly} allows)`;
      }
      push({
        kind: "check",
        column: null,
        count: found.count,
        fraction,
        examples,
        severity: passes ? "warning" : "error",
        message,
        details: { check: check.name, expr: check.expr, ...(check.mostly < 1 && { mostly: check.mostly }) },
      });
    });

    if (this.schema.extraColumns !== "ignore") {
      for (const name of this.extras) {
        if (this.ignored.has(name)) continue;
        push({
          kind: "extra_column",
          column: name,
          count: rows,
          fraction: rows > 0 ? 1 : 0,
          examples: [],
          severity: this.schema.extraColumns === "warn" ? "warning" : "error",
          message: `${name}: column is not in the schema (extra_columns: ${this.schema.extraColumns})`,
        });
      }
    }

    return { ok: violations.every((v) => v.severity !== "error"), rows, violations };
  }
}

function columnViolation(f: Found, rows: number): Violation {
  const { spec, kind, examples } = f;
  let details = f.details;
  const passes = f.count <= (1 - spec.mostly) * rows + 1e-9 * Math.max(1, rows);
  const severity: Severity = passes ? "warning" : "error";
  const fraction = rows > 0 ? f.count / rows : 0;
  let message = `${spec.name}: ${plural(f.count, "row")} (${fmtPercent(fraction)}) ${f.what}`;
  if (examples.length > 0) message += `, e.g. ${exampleText(examples[0]!, f.rawExamples)}`;
  if (spec.mostly < 1) {
    const slack = fmtPercent(1 - spec.mostly);
    message += passes
      ? ` (within mostly ${spec.mostly}: up to ${slack} may fail)`
      : ` (more than the ${slack} mostly ${spec.mostly} allows)`;
    details = { ...details, mostly: spec.mostly };
  }
  return {
    kind,
    column: spec.name,
    count: f.count,
    fraction,
    examples,
    severity,
    message,
    ...(Object.keys(details).length > 0 && { details }),
  };
}

/**
 * The column-level expectations (Great Expectations' expect_column_mean/median/quantile_values/unique_value_count
 * _to_be_between): each statistic over the values present (missing, unparsed and NaN cells left out; quantiles by
 * numpy's linear method), one violation per statistic outside its bounds. `count` is the number of values the
 * statistic is over. A column without values fails no expectation: there is nothing to measure.
 */
function statisticViolations(s: StatState, rows: number): Violation[] {
  const { spec, count } = s;
  if (count === 0) return [];
  const out: Violation[] = [];
  const fmt = { datetime: s.datetime };
  const judge = (kind: ViolationKind, what: string, observed: number, range: ValueRange, extra = {}) => {
    const { min = -Infinity, max = Infinity } = range;
    if (observed >= min && observed <= max) return;
    out.push({
      kind,
      column: spec.name,
      count,
      fraction: rows > 0 ? count / rows : 0,
      examples: [],
      severity: "error",
      message: `${spec.name}: ${what} is ${fmtStat(observed, fmt)}, outside ${rangeText(range, fmt)} (over ${plural(count, "value")})`,
      details: {
        observed,
        ...extra,
        ...(range.min !== undefined && { min: range.min }),
        ...(range.max !== undefined && { max: range.max }),
      },
    });
  };
  let distinct: number;
  if (s.numeric) {
    const sorted = s.values.subarray(0, count).sort();
    distinct = 0;
    for (let i = 0; i < count; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
    if (spec.mean) {
      let sum = 0;
      for (const x of sorted) sum += x;
      judge("mean", "mean", sum / count, spec.mean);
    }
    if (spec.median) judge("median", "median", quantileSorted(sorted, 0.5), spec.median);
    for (const range of spec.quantiles ?? []) {
      judge("quantile", `quantile ${range.q}`, quantileSorted(sorted, range.q), range, { quantile: range.q });
    }
  } else distinct = s.distinct!.size;
  if (spec.distinctCount) judge("distinct_count", "the number of distinct values", distinct, spec.distinctCount);
  return out;
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

/** How statistics are shown: datetimes (epoch milliseconds) as ISO 8601. */
interface StatFormat {
  datetime: boolean;
}

function rangeText(range: ValueRange, format?: StatFormat): string {
  const f = (v: number) => (format ? fmtStat(v, format) : String(v));
  if (range.min !== undefined && range.max !== undefined) return `[${f(range.min)}, ${f(range.max)}]`;
  return range.min !== undefined ? `>= ${f(range.min)}` : `<= ${f(range.max!)}`;
}

function fmtStat(v: number, format: StatFormat): string {
  if (format.datetime) return new Date(v).toISOString();
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
    const codes = newInt32Array(rows);
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
    const values = newFloat64Array(rows);
    const state = newUint8Array(rows);
    const { codes } = column;
    for (let r = 0; r < rows; r++) {
      const code = codes[r]!;
      if (code < 0) continue;
      if (entryOk[code] === 1) {
        values[r] = entryValue[code]!;
        state[r] = 1;
      } else state[r] = 2;
    }
    return { kind: "numeric", type, values, state, column, texts: null };
  }

  const direct = column.type === type || (type === "number" && column.type === "integer");
  if (direct || (type === "integer" && column.type === "number")) {
    // A copy from a shared slab when small: a wide chunk makes one per column (see smallTypedArray.ts).
    const state = newUint8Array(rows);
    // A loop, not set() of a subarray, and forEach only when some cell did not parse: a view and an iterator a
    // column added up for a wide chunk.
    const valid = column.valid;
    for (let r = 0; r < rows; r++) state[r] = valid[r]!;
    if (column.invalid.size > 0)
      column.invalid.forEach((_, row) => {
        if (row >= 0 && row < rows) state[row] = 2;
      });
    if (!direct) {
      const values = column.values;
      for (let r = 0; r < rows; r++) if (state[r] === 1 && !Number.isInteger(values[r]!)) state[r] = 2;
    }
    return { kind: "numeric", type, values: column.values, state, column, texts: null };
  }

  // Another numeric type (e.g. a boolean column checked as number): compare by each cell's text.
  const values = newFloat64Array(rows);
  const state = newUint8Array(rows);
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
  return { kind: "numeric", type, values, state, column, texts };
}

/** The scans below fill `f` (emptied first) with the failing rows and return how many. */
function fail(f: Failures, row: number): void {
  f.count++;
  if (f.rows.length < MAX_EXAMPLES) f.rows.push(row);
}

function scanState(state: Uint8Array, wanted: number, f: Failures): number {
  f.count = 0;
  f.rows.length = 0;
  for (let r = 0; r < state.length; r++) if (state[r] === wanted) fail(f, r);
  return f.count;
}

/** Values below `bound` (NaN included). */
function scanBelow(view: NumericView, bound: number, f: Failures): number {
  const { state, values } = view;
  f.count = 0;
  f.rows.length = 0;
  for (let r = 0; r < state.length; r++) if (state[r] === 1 && !(values[r]! >= bound)) fail(f, r);
  return f.count;
}

/** Values above `bound` (NaN included). */
function scanAbove(view: NumericView, bound: number, f: Failures): number {
  const { state, values } = view;
  f.count = 0;
  f.rows.length = 0;
  for (let r = 0; r < state.length; r++) if (state[r] === 1 && !(values[r]! <= bound)) fail(f, r);
  return f.count;
}

function scanValues(view: NumericView, fails: (v: number) => boolean, f: Failures): number {
  const { state, values } = view;
  f.count = 0;
  f.rows.length = 0;
  for (let r = 0; r < state.length; r++) if (state[r] === 1 && fails(values[r]!)) fail(f, r);
  return f.count;
}

/** Rows whose code is marked bad (per dictionary entry), or with bad === null, rows that are missing. */
function scanCodes(codes: Int32Array, bad: readonly boolean[] | null, f: Failures): number {
  f.count = 0;
  f.rows.length = 0;
  if (bad !== null && !bad.includes(true)) return 0;
  const flags = bad === null ? null : Uint8Array.from(bad, (b) => (b ? 1 : 0));
  for (let r = 0; r < codes.length; r++) {
    const code = codes[r]!;
    if (flags === null ? code < 0 : code >= 0 && flags[code] === 1) fail(f, r);
  }
  return f.count;
}

function textAt(view: View, row: number): string | null {
  if (view.kind === "numeric") return view.texts?.get(row) ?? cellText(view.column, row);
  const code = view.codes[row]!;
  return code < 0 ? null : view.dictionary[code]!;
}

function exampleText(e: ViolationExample, raw: boolean): string {
  if (e.value === null) return `row ${e.row}`;
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
