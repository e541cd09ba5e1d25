export type ViolationKind =
  | "missing_column"
  | "extra_column"
  | "type"
  | "nullable"
  | "min"
  | "max"
  | "allowed"
  | "pattern"
  | "unique"
  | "rows"
  | "duplicate_rows"
  | "target_leakage"
  | "check"
  | "compound_unique"
  | "length"
  | "mean"
  | "median"
  | "quantile"
  | "distinct_count"
  | "duplicate_train_rows";

export type Severity = "error" | "warning";

export interface ViolationExample {
  /** 0-based data row (header excluded). For duplicate_rows, the holdout row. */
  readonly row: number;
  /** The cell as text (the raw text for type violations); null for a missing cell. */
  readonly value: string | null;
  /** duplicate_rows only: the train row holding the same values. */
  readonly trainRow?: number;
}

/**
 * One failed check. Cell checks (type, nullable, min, max, allowed, pattern, unique, length) and table rules (check:
 * a row expression, compound_unique: a combination of columns) count failing rows; statistical expectations (mean,
 * median, quantile, distinct_count) count the values the statistic is over, with the observed value in `details`;
 * `missing_column` and `extra_column` count every row (fraction 1); `rows` counts the table's rows (fraction 1);
 * `duplicate_rows` counts holdout rows also in train (fraction of the holdout); `target_leakage` counts the holdout
 * rows the one-feature rule was scored on (fraction of the holdout), with the score in `details`.
 */
export interface Violation {
  readonly kind: ViolationKind;
  /** The column checked; null for table-level checks (rows, duplicate_rows). */
  readonly column: string | null;
  readonly count: number;
  /** count / rows (0 when there are no rows). */
  readonly fraction: number;
  /** Up to five, the first failing rows in row order. */
  readonly examples: readonly ViolationExample[];
  readonly severity: Severity;
  /** One line for humans: "age: 3 rows (0.3%) below min 18, e.g. row 4: 12". */
  readonly message: string;
  /** Numbers behind the message: the bound, `mostly`, a leakage score... */
  readonly details?: Readonly<Record<string, number | string>>;
}

export interface ValidationResult {
  /** No violation has severity "error". */
  readonly ok: boolean;
  /** Data rows of the validated table. */
  readonly rows: number;
  readonly violations: readonly Violation[];
}

/** The result with more violations appended (e.g. leakage checks for `validate --holdout`), `ok` recomputed. */
export function mergeViolations(result: ValidationResult, more: readonly Violation[]): ValidationResult {
  const violations = [...result.violations, ...more];
  return { ok: violations.every((v) => v.severity !== "error"), rows: result.rows, violations };
}
