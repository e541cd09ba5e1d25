/**
 * Column type inference. Every non-missing cell is classified on its own (surrounding spaces and tabs ignored):
 *
 * | class       | cells                                                                                          |
 * |-------------|------------------------------------------------------------------------------------------------|
 * | integer     | `[+-]?digits` whose value is a safe integer (|v| < 2^53)                                         |
 * | big integer | `[+-]?digits` beyond 2^53: kept as text so ids never lose digits                                 |
 * | number      | other decimals (`1.5`, `.5`, `-2e-3`, `+7.`), `inf`/`infinity`/`nan` in any case                  |
 * | boolean     | `true` / `false` in any case (not 0/1: those are integers)                                      |
 * | datetime    | ISO 8601 date or datetime (see parseDatetime.ts)                                               |
 * | text        | anything else                                                                                  |
 *
 * and the column gets the first type that covers all its non-missing cells:
 * - all integer -> "integer"; integer, big integer and number with at least one number -> "number";
 *   all boolean -> "boolean"; all datetime -> "datetime";
 * - otherwise text: "category" when the values repeat, i.e. with d distinct values among n non-missing cells,
 *   `d <= 100 && d <= max(20, 0.05 * n) && 2 * d <= n` (at most 100 values like a TFDV string domain, no more than
 *   5% of the cells unless there are only a handful of values, and each value seen twice on average); else "string".
 * - a column without any non-missing cell is "number", every cell missing, as pandas reads it (float64): NaN
 *   literals are NA strings by default, so an all-NaN column is numeric, not text.
 *
 * Example: inferColumnType(["1", "2", null]) === "integer"; inferColumnType(["1", "2.5"]) === "number";
 * inferColumnType(["12345678901234567890"]) === "string".
 */
import { parseDatetimeBytes } from "./parseDatetime.js";
import { isNanLiteralBytes, parseNumberBytes } from "./parseNumber.js";
import { DEFAULT_NA_VALUES, NaMatcher } from "./naMatcher.js";
import type { ColumnType } from "./table.js";
import { newFloat64Array } from "./smallTypedArray.js";
import { utf8Text } from "./utf8Text.js";

export const CELL_MISSING = 0;
export const CELL_INTEGER = 1;
export const CELL_BIG_INTEGER = 2;
export const CELL_NUMBER = 3;
export const CELL_BOOLEAN = 4;
export const CELL_DATETIME = 5;
export const CELL_TEXT = 6;
export type CellClass = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** The most distinct values a category may have. */
export const CATEGORY_MAX_DISTINCT = 100;

/** The category rule above: whether d distinct values among n non-missing cells make a category. */
export function isCategoryCardinality(distinct: number, nonMissing: number): boolean {
  return (
    distinct > 0 &&
    distinct <= CATEGORY_MAX_DISTINCT &&
    distinct <= Math.max(20, 0.05 * nonMissing) &&
    2 * distinct <= nonMissing
  );
}

function isBlank(b: number): boolean {
  return b === 32 || b === 9;
}

/** Start of bytes[start, end) without leading spaces and tabs. */
export function trimStart(bytes: Uint8Array, start: number, end: number): number {
  while (start < end && isBlank(bytes[start]!)) start++;
  return start;
}

/** End of bytes[start, end) without trailing spaces and tabs. */
export function trimEnd(bytes: Uint8Array, start: number, end: number): number {
  while (end > start && isBlank(bytes[end - 1]!)) end--;
  return end;
}

/**
 * `[+-]?digits` as a number (possibly beyond 2^53, then inexact: check Number.isSafeInteger), or NaN when the
 * bytes are not that.
 */
export function parseIntegerBytes(bytes: Uint8Array, start: number, end: number): number {
  let p = start;
  let negative = false;
  if (p < end && (bytes[p] === 45 || bytes[p] === 43)) {
    negative = bytes[p] === 45;
    p++;
  }
  if (p >= end) return NaN;
  let v = 0;
  for (; p < end; p++) {
    const d = bytes[p]! - 48;
    if (d < 0 || d > 9) return NaN;
    v = v * 10 + d;
  }
  return negative ? -v : v;
}

/** "true" / "false" in any case -> 1 / 0, else NaN. */
export function parseBooleanBytes(bytes: Uint8Array, start: number, end: number): number {
  const n = end - start;
  if (n === 4) {
    if (
      (bytes[start]! | 32) === 116 &&
      (bytes[start + 1]! | 32) === 114 &&
      (bytes[start + 2]! | 32) === 117 &&
      (bytes[start + 3]! | 32) === 101
    )
      return 1;
  } else if (n === 5) {
    if (
      (bytes[start]! | 32) === 102 &&
      (bytes[start + 1]! | 32) === 97 &&
      (bytes[start + 2]! | 32) === 108 &&
      (bytes[start + 3]! | 32) === 115 &&
      (bytes[start + 4]! | 32) === 101
    )
      return 0;
  }
  return NaN;
}

/** The class of one cell (see the table above). A start below 0 marks an absent cell (JSONL): missing. */
export function classifyCell(bytes: Uint8Array, start: number, end: number, na: NaMatcher): CellClass {
  if (start < 0 || na.matches(bytes, start, end)) return CELL_MISSING;
  const s = trimStart(bytes, start, end);
  const e = trimEnd(bytes, s, end);
  if (s === e) return CELL_TEXT;
  const int = parseIntegerBytes(bytes, s, e);
  if (int === int) return Number.isSafeInteger(int) ? CELL_INTEGER : CELL_BIG_INTEGER;
  const num = parseNumberBytes(bytes, s, e);
  if (num === num || isNanLiteralBytes(bytes, s, e)) return CELL_NUMBER;
  if (parseBooleanBytes(bytes, s, e) === parseBooleanBytes(bytes, s, e)) return CELL_BOOLEAN;
  if (parseDatetimeBytes(bytes, s, e) === parseDatetimeBytes(bytes, s, e)) return CELL_DATETIME;
  return CELL_TEXT;
}

/** Accumulates cells of one column and tells its type (the rule above). */
export class ColumnTypeInference {
  /** Cells per class, indexed by CellClass. */
  readonly counts = newFloat64Array(7);
  private readonly distinct = new Set<string>();
  private distinctOverflow = false;

  constructor(private readonly na: NaMatcher) {}

  get nonMissing(): number {
    return this.counts[1]! + this.counts[2]! + this.counts[3]! + this.counts[4]! + this.counts[5]! + this.counts[6]!;
  }

  add(bytes: Uint8Array, start: number, end: number): void {
    const cls = classifyCell(bytes, start, end, this.na);
    this.counts[cls]!++;
    if (cls !== CELL_MISSING && !this.distinctOverflow) {
      this.distinct.add(utf8Text(bytes, start, end));
      if (this.distinct.size > CATEGORY_MAX_DISTINCT) {
        this.distinctOverflow = true;
        this.distinct.clear();
      }
    }
  }

  addText(text: string | null | undefined): void {
    if (text === null || text === undefined) {
      this.counts[CELL_MISSING]!++;
      return;
    }
    const bytes = Buffer.from(text, "utf8");
    this.add(bytes, 0, bytes.length);
  }

  get distinctCount(): number {
    return this.distinctOverflow ? CATEGORY_MAX_DISTINCT + 1 : this.distinct.size;
  }

  result(): ColumnType {
    return typeFromCounts(this.counts, this.distinctCount);
  }
}

/** The type for per-class cell counts (indexed by CellClass) and the number of distinct non-missing values. */
export function typeFromCounts(counts: ArrayLike<number>, distinct: number): ColumnType {
  const integer = counts[CELL_INTEGER]!;
  const big = counts[CELL_BIG_INTEGER]!;
  const number = counts[CELL_NUMBER]!;
  const boolean = counts[CELL_BOOLEAN]!;
  const datetime = counts[CELL_DATETIME]!;
  const n = integer + big + number + boolean + datetime + counts[CELL_TEXT]!;
  if (n === 0) return "number";
  if (integer === n) return "integer";
  if (number > 0 && integer + big + number === n) return "number";
  if (boolean === n) return "boolean";
  if (datetime === n) return "datetime";
  return isCategoryCardinality(distinct, n) ? "category" : "string";
}

/**
 * The type of a column given as texts (null/undefined = missing; NA strings, by default pandas' list, too).
 * Example: inferColumnType(["a", "b", "a", "b"]) === "category"
 */
export function inferColumnType(
  values: Iterable<string | null | undefined>,
  options: { naValues?: readonly string[] } = {},
): ColumnType {
  const inference = new ColumnTypeInference(new NaMatcher(options.naValues ?? DEFAULT_NA_VALUES));
  for (const v of values) inference.addText(v);
  return inference.result();
}
