import { cellText, type Column } from "../../data/table.js";
import { ModelguardError } from "../../errors.js";
import type { SliceKey } from "../metrics/slicedMetrics.js";

/** At most this many distinct values in a slice column; more means a continuous column, not groups. */
export const MAX_SLICES = 100;

/** Label that stands for missing cells inside SliceKey.labels; it becomes `value: null` in the metrics document. */
export const MISSING_SLICE = "\u0000missing";

/**
 * The slice of every row by the value of `column` (as its text; missing cells form their own slice, MISSING_SLICE).
 * More than MAX_SLICES distinct values is a "usage" error.
 *
 * Example: sliceKeyOf(sizeBand, 3) with cells ["small", null, "small"]
 *   -> { codes: [0, 1, 0], labels: ["small", "\u0000missing"] }
 */
export function sliceKeyOf(column: Column, rowCount: number): SliceKey {
  const codes = new Int32Array(rowCount);
  const labels: string[] = [];
  const index = new Map<string | number, number>();
  const code = (key: string | number, label: () => string) => {
    let k = index.get(key);
    if (k === undefined) {
      k = labels.length;
      if (k === MAX_SLICES)
        throw new ModelguardError(
          "usage",
          `--slice-by '${column.name}' has more than ${MAX_SLICES} distinct values; slices are for groups`,
          "slice by a categorical column (or bin the numeric one into a few bands first)",
        );
      labels.push(label());
      index.set(key, k);
    }
    return k;
  };
  if (column.kind === "dictionary") {
    const byCode = new Int32Array(column.dictionary.length).fill(-1);
    let missing = -1;
    for (let i = 0; i < rowCount; i++) {
      const c = column.codes[i]!;
      if (c < 0) codes[i] = missing >= 0 ? missing : (missing = code(MISSING_SLICE, () => MISSING_SLICE));
      else
        codes[i] =
          byCode[c]! >= 0 ? byCode[c]! : (byCode[c] = code(column.dictionary[c]!, () => column.dictionary[c]!));
    }
    return { codes, labels };
  }
  for (let i = 0; i < rowCount; i++) {
    if (column.valid[i] === 0) {
      const raw = column.invalid.get(i);
      codes[i] = raw === undefined ? code(MISSING_SLICE, () => MISSING_SLICE) : code(`text:${raw}`, () => raw);
    } else {
      codes[i] = code(column.values[i]!, () => cellText(column, i)!);
    }
  }
  return { codes, labels };
}
