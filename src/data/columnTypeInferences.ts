import { CATEGORY_MAX_DISTINCT, CELL_MISSING, classifyCell, typeFromCounts } from "./inferColumnType.js";
import type { NaMatcher } from "./naMatcher.js";
import type { ColumnType } from "./table.js";
import { utf8Text } from "./utf8Text.js";

const CLASSES = 7;

/** More distinct values than a category may have: the values themselves no longer matter. */
const OVERFLOW = null;

/**
 * ColumnTypeInference of many columns at once, with the same answers, for a wide file's sample. Why not one
 * ColumnTypeInference per column: an object, a typed array view and a Set each, some 400 bytes, made 40 MB of
 * short-lived objects for 100,000 columns. Here a column costs its 7 counts in one shared array and one slot for
 * its distinct values: the first value is kept as a string, a Set is made only at a second distinct value.
 * Columns are numbered from 0 and only those `open`ed are inferred.
 */
export class ColumnTypeInferences {
  private counts = new Float64Array(CLASSES * 64);
  /** Per column: undefined (no value yet), the one value, a Set of them, or OVERFLOW. */
  private readonly distinct: (string | Set<string> | typeof OVERFLOW | undefined)[] = [];
  private opened = new Uint8Array(64);
  private readonly scratch = new Float64Array(CLASSES);

  constructor(private readonly na: NaMatcher) {}

  /** Starts inferring column `c`. */
  open(c: number): void {
    if (c >= this.opened.length) {
      const size = Math.max(c + 1, this.opened.length * 2);
      const opened = new Uint8Array(size);
      opened.set(this.opened);
      this.opened = opened;
      const counts = new Float64Array(size * CLASSES);
      counts.set(this.counts);
      this.counts = counts;
    }
    this.opened[c] = 1;
  }

  isOpen(c: number): boolean {
    return c < this.opened.length && this.opened[c] === 1;
  }

  /** ColumnTypeInference.add for column `c` (which must be open). */
  add(c: number, bytes: Uint8Array, start: number, end: number): void {
    const cls = classifyCell(bytes, start, end, this.na);
    this.counts[c * CLASSES + cls]!++;
    if (cls === CELL_MISSING) return;
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

  /** ColumnTypeInference.nonMissing of column `c`. */
  nonMissing(c: number): number {
    const counts = this.counts;
    const base = c * CLASSES;
    let n = 0;
    for (let k = 1; k < CLASSES; k++) n += counts[base + k]!;
    return n;
  }

  /** ColumnTypeInference.distinctCount of column `c`. */
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
