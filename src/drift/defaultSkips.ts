import type { Column, ColumnType } from "../data/table.js";
import { idLikeName, isIdLike } from "../schema/isIdLike.js";
import type { ColumnSample } from "./columnSample.js";

/** Where the target's name came from, for the reason a skipped column is given. */
export interface KnownTarget {
  readonly name: string;
  /** "--target", "modelguard.yml", "the model's metadata"... */
  readonly from: string;
}

/**
 * The columns `drift` leaves out unless asked for: the target (a label drifting is a finding about the labels, not
 * about the features the model sees, and it is absent from serving data), and id-like columns (every new batch has
 * new ids, so an id column "drifts" in every run and says nothing). Id-likeness is the schema inference's rule (see
 * isIdLike), judged on each side read exactly: id-like in either is enough. A profile reference keeps no values, so
 * there only the current data is judged.
 *
 * Returns column name -> reason, in reference order.
 */
export function defaultSkips(
  reference: ReadonlyMap<string, ColumnSample>,
  current: ReadonlyMap<string, ColumnSample>,
  types: ReadonlyMap<string, ColumnType>,
  target: KnownTarget | undefined,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of reference.keys()) {
    if (target && name === target.name) {
      out.set(name, `the target (from ${target.from}): pass it in --columns to test it`);
      continue;
    }
    const type = types.get(name);
    if (type === undefined) continue;
    const sides = [reference.get(name), current.get(name)];
    if (sides.some((s) => s !== undefined && sampleIsIdLike(name, type, s))) {
      out.set(name, "id-like (every value distinct, a key rather than a feature): pass it in --columns to test it");
    }
  }
  return out;
}

/**
 * Below this many rows, distinct consecutive integers or distinct codes are as likely a small feature sample (ages 30,
 * 31, 32) as a key, and skipping a real feature hides its drift, which is worse than testing a key. Under it only the
 * column's name (`id`, `customer_id`, ...) makes it id-like.
 */
const MIN_ROWS_FOR_VALUE_RULE = 100;

/** isIdLike over the values a sample holds exactly; sketches and skipped samples are not judged. */
function sampleIsIdLike(name: string, type: ColumnType, sample: ColumnSample): boolean {
  const rows =
    sample.kind === "numeric"
      ? sample.form === "exact"
        ? sample.sorted.length
        : sample.count
      : sample.kind === "categorical"
        ? sample.count
        : 0;
  if (rows < MIN_ROWS_FOR_VALUE_RULE && !idLikeName(name)) return false;
  if (sample.kind === "numeric") {
    if (sample.form !== "exact" || sample.missing > 0 || (type !== "integer" && type !== "number")) return false;
    const n = sample.sorted.length;
    const column: Column = {
      kind: "numeric",
      name,
      type: type === "integer" ? "integer" : "number",
      values: sample.sorted,
      valid: new Uint8Array(n).fill(1),
      invalid: new Map(),
    };
    return isIdLike(column, n);
  }
  if (sample.kind === "categorical") {
    if (sample.missing > 0 || sample.counts.size !== sample.count) return false;
    const dictionary = [...sample.counts.keys()];
    const column: Column = {
      kind: "dictionary",
      name,
      type: "string",
      codes: Int32Array.from(dictionary, (_, i) => i),
      dictionary,
    };
    return isIdLike(column, dictionary.length);
  }
  return false;
}
