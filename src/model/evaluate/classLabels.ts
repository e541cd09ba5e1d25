import { cellText, type Column, type Table } from "../../data/table.js";
import { formatLocation, ModelguardError } from "../../errors.js";

/**
 * Class labels as text, and the lookup from a value's text to its class index. A value matches a class when the texts
 * are equal or when both are numbers of equal value ("1" matches "1.0"), so a numeric target column, an int64 label
 * output and `classes` metadata written as strings all agree.
 */
export class ClassLabels {
  private readonly byText = new Map<string, number>();
  private readonly byNumber = new Map<number, number>();

  constructor(readonly labels: readonly string[]) {
    labels.forEach((label, k) => {
      if (!this.byText.has(label)) this.byText.set(label, k);
      const v = asNumber(label);
      if (v !== undefined && !this.byNumber.has(v)) this.byNumber.set(v, k);
    });
  }

  /** Index of the class `text` names, or -1. */
  indexOf(text: string): number {
    const k = this.byText.get(text);
    if (k !== undefined) return k;
    const v = asNumber(text);
    return v === undefined ? -1 : (this.byNumber.get(v) ?? -1);
  }
}

function asNumber(text: string): number | undefined {
  if (text.trim() === "") return undefined;
  const v = Number(text);
  return Number.isFinite(v) ? v : undefined;
}

/**
 * Sorted the way scikit-learn sorts `classes_` (numpy's unique): numerically when every label is a number, else by
 * Unicode code points.
 * Example: sortLabels(["10", "9", "2"]) -> ["2", "9", "10"]; sortLabels(["b", "B", "a"]) -> ["B", "a", "b"]
 */
export function sortLabels(labels: Iterable<string>): string[] {
  const distinct = [...new Set(labels)];
  const numbers = distinct.map(asNumber);
  if (numbers.every((v) => v !== undefined)) {
    const order = distinct.map((label, i) => ({ label, v: numbers[i]! }));
    return order.sort((a, b) => a.v - b.v).map((o) => o.label);
  }
  return distinct.sort(compareCodePoints);
}

/**
 * Orders strings by Unicode code points (as numpy and Python do), which differs from JavaScript's UTF-16 code-unit
 * order for characters above U+FFFF. Example: compareCodePoints("\u{1F600}", "\uFF01") > 0, though "\u{1F600}" < "\uFF01"
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Only when one side is a surrogate (an astral character) does code-unit order disagree with code points.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs === ys) return x - y;
    return xs ? 1 : -1;
  }
  return a.length - b.length;
}

/**
 * The distinct texts of the target column (missing cells excluded), in order of first appearance; stops after
 * `limit` values when given.
 * Example: for a numeric column [1, 0, 1] -> ["1", "0"]
 */
export function distinctTargetTexts(column: Column, rowCount: number, limit = Infinity): string[] {
  if (column.kind === "dictionary") {
    const used = new Uint8Array(column.dictionary.length);
    const out: string[] = [];
    for (let i = 0; i < rowCount && out.length < limit; i++) {
      const code = column.codes[i]!;
      if (code >= 0 && used[code] === 0) {
        used[code] = 1;
        out.push(column.dictionary[code]!);
      }
    }
    return out;
  }
  const seen = new NumberIndex();
  const out: string[] = [];
  for (let i = 0; i < rowCount && out.length < limit; i++) {
    if (column.valid[i] === 0) continue;
    const v = column.values[i]!;
    if (seen.get(v) === undefined) {
      seen.set(v, out.length);
      out.push(cellText(column, i)!);
    }
  }
  return out;
}

/**
 * number -> number lookup tuned for the few distinct values of a class column: a linear scan over the first 8 keys
 * (3x faster than a Map per row on a million rows), then a Map.
 */
class NumberIndex {
  private readonly keys: number[] = [];
  private readonly values: number[] = [];
  private map: Map<number, number> | undefined;

  get(key: number): number | undefined {
    const keys = this.keys;
    for (let k = 0; k < keys.length; k++) if (keys[k] === key) return this.values[k];
    return this.map?.get(key);
  }

  set(key: number, value: number): void {
    if (this.keys.length < 8) {
      this.keys.push(key);
      this.values.push(value);
    } else (this.map ??= new Map()).set(key, value);
  }
}

/**
 * The class index of every row's target value. A missing target, or a value that is none of the classes, is an
 * "input" error naming the file, row, column and value.
 */
export function targetClassIndices(table: Table, column: Column, classes: ClassLabels, origin: string): Int32Array {
  const n = table.rowCount;
  const out = new Int32Array(n);
  const fail = (row: number, text: string | null): never => {
    const loc = { file: table.source, row, column: column.name };
    if (text === null)
      throw new ModelguardError(
        "input",
        `${formatLocation(loc)}: the target is missing`,
        "every evaluated row needs a label: drop the rows without one",
        loc,
      );
    throw new ModelguardError(
      "input",
      `${formatLocation(loc)}: target value '${text}' is not among the model's classes (${classes.labels.join(", ")}; ${origin})`,
      "evaluate on data labelled like the training data, check --target, or store every class in the model's " +
        "metadata as classes (a JSON array)",
      loc,
    );
  };
  if (column.kind === "dictionary") {
    const byCode = Int32Array.from(column.dictionary, (text) => classes.indexOf(text));
    for (let i = 0; i < n; i++) {
      const code = column.codes[i]!;
      if (code < 0) fail(i, null);
      const k = byCode[code]!;
      if (k < 0) fail(i, column.dictionary[code]!);
      out[i] = k;
    }
    return out;
  }
  const cache = new NumberIndex();
  for (let i = 0; i < n; i++) {
    if (column.valid[i] === 0) fail(i, column.invalid.get(i) ?? null);
    const v = column.values[i]!;
    let k = cache.get(v);
    if (k === undefined) {
      k = classes.indexOf(cellText(column, i)!);
      cache.set(v, k);
    }
    if (k < 0) fail(i, cellText(column, i));
    out[i] = k;
  }
  return out;
}

/** The target as numbers for regression; a missing or non-numeric value is an "input" error at its row. */
export function targetValues(table: Table, column: Column): Float64Array {
  const hint = "regression needs a number in every row of the target: fill or drop the other rows";
  if (column.kind === "numeric" && column.type !== "datetime" && column.type !== "boolean") {
    for (let i = 0; i < table.rowCount; i++) {
      const v = column.values[i]!;
      if (column.valid[i] !== 0 && Number.isFinite(v)) continue;
      const loc = { file: table.source, row: i, column: column.name };
      const raw = column.invalid.get(i);
      // The CSV reader accepts inf and -inf as numbers; no error or R2 is defined on them.
      const what =
        column.valid[i] !== 0
          ? `the target holds ${v}`
          : raw === undefined
            ? "the target is missing"
            : `target value '${raw}' is not a number`;
      throw new ModelguardError(
        "input",
        `${formatLocation(loc)}: ${what}`,
        column.valid[i] !== 0
          ? "regression needs a finite number in every row of the target: fix or drop the row"
          : hint,
        loc,
      );
    }
    return column.values;
  }
  for (let i = 0; i < table.rowCount; i++) {
    const text = cellText(column, i);
    if (text === null || !Number.isFinite(Number(text))) {
      const loc = { file: table.source, row: i, column: column.name };
      throw new ModelguardError(
        "input",
        `${formatLocation(loc)}: target value ${text === null ? "is missing" : `'${text}' is not a number`} ` +
          `(a ${column.type} column)`,
        hint,
        loc,
      );
    }
  }
  throw new ModelguardError(
    "input",
    `${formatLocation({ file: table.source, column: column.name })}: the target is a ${column.type} column, not numbers`,
    hint,
    { file: table.source, column: column.name },
  );
}
