import type { ColumnType } from "../data/table.js";

/** What to do with table columns the schema does not list. */
export type ExtraColumnsPolicy = "error" | "warn" | "ignore";

/** One column of a schema file, with every default filled in. */
export interface ColumnSchema {
  readonly name: string;
  readonly type: ColumnType;
  /** Missing cells allowed. Default false. */
  readonly nullable: boolean;
  /** The column must be present. Default true. */
  readonly required: boolean;
  /** Inclusive bounds for number, integer and datetime columns (datetimes as epoch milliseconds, UTC). */
  readonly min?: number;
  readonly max?: number;
  /**
   * The only values allowed: strings for string and category columns (compared as text), numbers for number and
   * integer columns.
   */
  readonly allowed?: readonly string[] | readonly number[];
  /** Regular expression source in RE2 syntax (linear-time; see compilePattern); a cell passes when it matches anywhere. */
  readonly pattern?: string;
  /** Every non-missing value must occur once. Default false. */
  readonly unique: boolean;
  /** Fraction of rows, in (0, 1], that must pass each check of this column. Default 1. */
  readonly mostly: number;
  readonly description?: string;
}

/** A parsed, validated schema file (version 1). */
export interface DataSchema {
  readonly version: 1;
  /** File name or label the schema came from, used in messages. */
  readonly source: string;
  /** In file order. */
  readonly columns: readonly ColumnSchema[];
  readonly rows: { readonly min?: number; readonly max?: number };
  /** Default "error". */
  readonly extraColumns: ExtraColumnsPolicy;
  readonly description?: string;
}

/** The keys a column of a schema file may carry, in the order the schema file documents them. */
export const COLUMN_KEYS = [
  "type",
  "description",
  "nullable",
  "required",
  "min",
  "max",
  "allowed",
  "pattern",
  "unique",
  "mostly",
] as const;

/** Top-level keys of a schema file. */
export const TOP_LEVEL_KEYS = ["$schema", "version", "description", "columns", "rows", "extra_columns"] as const;
