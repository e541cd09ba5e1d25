import {
  CATEGORY_MAX_DISTINCT,
  CELL_BOOLEAN,
  CELL_DATETIME,
  CELL_INTEGER,
  CELL_MISSING,
  CELL_NUMBER,
  classifyCell,
  typeFromCounts,
} from "./inferColumnType.js";
import type { NaMatcher } from "./naMatcher.js";
import type { ColumnType } from "./table.js";
import { utf8Text } from "./utf8Text.js";

const CLASSES = 7;

/** More distinct values than a category may have: the values themselves no longer matter. */
const OVERFLOW = null;

/**
 * What a deferring column's cells have been so far: none, all integer/number, all boolean, all datetime (the type
 * rule then never asks how many distinct values there are), or MIXED (it does: see `rereads`). TRACKED: the column
 * keeps its distinct values as they come.
 */
const NONE = 0;
const NUMERIC = 1;
const BOOLEAN = 2;
const DATETIME = 3;
const MIXED = 4;
const TRACKED = 5;

/** The group of each cell class (see above); a big integer alone is not numeric for the rule, so it is MIXED. */
const GROUP_OF_CLASS = new Uint8Array(CLASSES).fill(MIXED);
GROUP_OF_CLASS[CELL_INTEGER] = NUMERIC;
GROUP_OF_CLASS[CELL_NUMBER] = NUMERIC;
GROUP_OF_CLASS[CELL_BOOLEAN] = BOOLEAN;
GROUP_OF_CLASS[CELL_DATETIME] = DATETIME;

/**
 * ColumnTypeInference of many columns at once, with the same answers, for a wide file's sample. Why not one
 * ColumnTypeInference per column: an object, a typed array view and a Set each, some 400 bytes, made 40 MB of
 * short-lived objects for 100,000 columns. Here a column costs its 7 counts in one shared array and one slot for
 * its distinct values: the first value is kept as a string, a Set is made only at a second distinct value.
 * Columns are numbered from 0 and only those `open`ed are inferred.
 *
 * With `deferDistinct`, a column keeps no distinct values while its cells are all numbers, all booleans or all
 * datetimes, since the type rule then does not count them: a wide file of numbers made a Set and a string a cell
 * (some 35 MB for 100,000 columns x 6 rows). A column whose cells stop being one of those is listed in `rereads`,
 * and the caller reads the sample again through `addDistinctCells` for just those columns.
 */
export class ColumnTypeInferences {
  private counts = new Float64Array(CLASSES * 64);
  /** Per column: undefined (no value yet), the one value, a Set of them, or OVERFLOW. */
  private readonly distinct: (string | Set<string> | typeof OVERFLOW | undefined)[] = [];
  private opened = new Uint8Array(64);
  /** Per column, NONE..TRACKED (see above); all TRACKED without deferDistinct. */
  private groups = new Uint8Array(64);
  private readonly scratch = new Float64Array(CLASSES);

  constructor(
    private readonly na: NaMatcher,
    private readonly deferDistinct = false,
  ) {}

  /** Starts inferring column `c`. */
  open(c: number): void {
    if (c >= this.opened.length) {
      const size = Math.max(c + 1, this.opened.length * 2);
      const opened = new Uint8Array(size);
      opened.set(this.opened);
      this.opened = opened;
      const groups = new Uint8Array(size);
      groups.set(this.groups);
      this.groups = groups;
      const counts = new Float64Array(size * CLASSES);
      counts.set(this.counts);
      this.counts = counts;
    }
    this.opened[c] = 1;
    this.groups[c] = this.deferDistinct ? NONE : TRACKED;
  }

  isOpen(c: number): boolean {
    return c < this.opened.length && this.opened[c] === 1;
  }

  /**
   * Column `c` (open, without a value so far) keeps its distinct values from now on, deferDistinct or not: for
   * cells added beyond the sample, which a second read of the sample would not see.
   */
  track(c: number): void {
    this.groups[c] = TRACKED;
  }

  /** ColumnTypeInference.add for column `c` (which must be open). */
  add(c: number, bytes: Uint8Array, start: number, end: number): void {
    const cls = classifyCell(bytes, start, end, this.na);
    this.counts[c * CLASSES + cls]!++;
    if (cls === CELL_MISSING) return;
    const group = this.groups[c]!;
    if (group === TRACKED) return this.addDistinct(c, bytes, start, end);
    if (group === MIXED) return;
    const cellGroup = GROUP_OF_CLASS[cls]!;
    if (group === NONE) this.groups[c] = cellGroup;
    else if (group !== cellGroup) this.groups[c] = MIXED;
  }

  private addDistinct(c: number, bytes: Uint8Array, start: number, end: number): void {
    const seen = this.distinct[c];
    if (seen === OVERFLOW) return;
    const text = utf8Text(bytes, start, end);
    if (seen === undefined) this.distinct[c] = text;
    else if (typeof seen === "string") {
      if (seen !== text) this.distinct[c] = new Set([seen, text]);
    } else {
      seen.add(text);
      if (seen.size > CATEGORY_MAX_DISTINCT) this.distinct[c] = OVERFLOW;
    }
  }

  /** `add` of the cells of source column `source` in a batch's rows (see CellBatch). */
  addCells(
    c: number,
    bytes: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    source: number,
    stride: number,
    rows: number,
  ): void {
    for (let r = 0, i = source; r < rows; r++, i += stride) this.add(c, bytes, starts[i]!, ends[i]!);
  }

  /** The columns (deferDistinct) whose distinct values the rule needs: read the sample again for them. */
  get rereads(): number[] {
    const cs: number[] = [];
    for (let c = 0; c < this.opened.length; c++) if (this.opened[c] === 1 && this.groups[c] === MIXED) cs.push(c);
    return cs;
  }

  /** The second read of the sample for a column of `rereads`: its distinct values, nothing counted again. */
  addDistinctCells(
    c: number,
    bytes: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    source: number,
    stride: number,
    rows: number,
  ): void {
    const na = this.na;
    for (let r = 0, i = source; r < rows; r++, i += stride) {
      const s = starts[i]!;
      const e = ends[i]!;
      if (s >= 0 && !na.matches(bytes, s, e)) this.addDistinct(c, bytes, s, e);
    }
  }

  /** ColumnTypeInference.nonMissing of column `c`. */
  nonMissing(c: number): number {
    const counts = this.counts;
    const base = c * CLASSES;
    let n = 0;
    for (let k = 1; k < CLASSES; k++) n += counts[base + k]!;
    return n;
  }

  /** ColumnTypeInference.distinctCount of column `c` (deferDistinct: once its `rereads` are done). */
  distinctCount(c: number): number {
    const seen = this.distinct[c];
    if (seen === OVERFLOW) return CATEGORY_MAX_DISTINCT + 1;
    if (seen === undefined) return 0;
    return typeof seen === "string" ? 1 : seen.size;
  }

  /** ColumnTypeInference.result of column `c`: the type by the same rule. */
  result(c: number): ColumnType {
    for (let k = 0; k < CLASSES; k++) this.scratch[k] = this.counts[c * CLASSES + k]!;
    return typeFromCounts(this.scratch, this.distinctCount(c));
  }
}
