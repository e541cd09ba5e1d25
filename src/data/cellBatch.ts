/**
 * A batch of parsed rows as byte ranges: the cell of batch row r in source column c is
 * bytes[starts[r * stride + c], ends[r * stride + c]). A start below 0 marks an absent cell (a JSONL key the row
 * lacks, or JSON null): always missing, whatever the NA strings are. Readers fill batches; column builders decode them.
 */
export interface CellBatch {
  bytes: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  stride: number;
  rows: number;
  /**
   * Optional, same layout: values a reader parsed on the fly for columns it was told are numeric (CSV does, while
   * it scans the bytes anyway). NaN means "not parsed here": the builder parses the bytes itself.
   */
  parsed?: Float64Array;
  /** Per source column, what `parsed` holds: PARSE_NONE (nothing: ignore it), PARSE_NUMBER or PARSE_INTEGER. */
  parseKinds?: Uint8Array;
}

/** What a reader may pre-parse in a source column: nothing, decimals (number), or digits only (integer). */
export const PARSE_NONE = 0;
export const PARSE_NUMBER = 1;
export const PARSE_INTEGER = 2;

/** How a column builder treats cells that do not fit its type. */
export type BuildMode =
  /** loadTable, inferred type: an integer column widens to number; a cell that fits nowhere marks the column for a text re-read. */
  | "infer"
  /**
   * scanTable, inferred type: the type never changes; cells that do not fit become `invalid` entries. An integral
   * number ("2.0", "1e3") is a valid integer: its value is exact.
   */
  | "fixed"
  /** Type from options.types: like "fixed", and 0/1 are also valid booleans. */
  | "forced";
