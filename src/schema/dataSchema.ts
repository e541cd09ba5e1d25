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
  /** Statistical expectations over the column's values (number and integer columns): mean, median, quantiles. */
  readonly mean?: ValueRange;
  readonly median?: ValueRange;
  /** Ascending by quantile. */
  readonly quantiles?: readonly QuantileRange[];
  /** Distinct non-missing values. */
  readonly distinctCount?: ValueRange;
  /** Each value's length in code points (string and category columns); a row check, subject to `mostly`. */
  readonly length?: ValueRange;
}

/** Inclusive bounds, either optional. */
export interface ValueRange {
  readonly min?: number;
  readonly max?: number;
}

export interface QuantileRange extends ValueRange {
  /** In [0, 1]. */
  readonly q: number;
}

/** A rule over the columns of each row (see compileCheck for the expression language). */
export interface RowCheck {
  /** The name in messages: the `name` given, else the expression. */
  readonly name: string;
  readonly expr: string;
  /** Fraction of rows that must pass; default 1. */
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
  /** Row checks over several columns, in file order. */
  readonly checks?: readonly RowCheck[];
  /** Compound keys: each combination of these columns' values occurs once. */
  readonly uniqueTogether?: readonly (readonly string[])[];
  /** Environment name -> the columns not expected there (`validate --environment`). */
  readonly environments?: ReadonlyMap<string, readonly string[]>;
  /**
   * Columns passed over entirely: not required, not checked, not extra. Set by forEnvironment for the columns the
   * environment excludes.
   */
  readonly ignored?: readonly string[];
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
  "mean",
  "median",
  "quantiles",
  "distinct_count",
  "length",
] as const;

/** Top-level keys of a schema file. */
export const TOP_LEVEL_KEYS = [
  "$schema",
  "version",
  "description",
  "columns",
  "rows",
  "extra_columns",
  "checks",
  "unique",
  "environments",
] as const;
