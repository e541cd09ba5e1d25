import { ModelguardError } from "../errors.js";
import type { DriftReport } from "./driftReport.js";

/**
 * The columns one side has, in file order: its samples, or only their names (a wide file tested in blocks of columns
 * holds no side's samples whole).
 */
export interface SideColumns {
  has(name: string): boolean;
  keys(): Iterable<string>;
  readonly size: number;
}

/** The column names a config file's `drift.columns` overrides, and which of them it marks critical. */
export interface ConfiguredColumns {
  /** The config file as the user named it, for messages. */
  file: string;
  names: readonly string[];
  critical: readonly string[];
}

/**
 * A drift gate must not pass by testing nothing. Two checks on a run over files: every column named by --columns,
 * --critical or the config's drift.columns is in both the reference and the current data (a typo would otherwise
 * skip the column, drop its override, or make a critical column silently optional); and at least one column was
 * tested, else the error says why none was.
 */
export function checkRequestedColumns(
  reference: SideColumns,
  current: SideColumns,
  requested: { columns?: readonly string[]; critical?: readonly string[]; config?: ConfiguredColumns },
): void {
  const config = requested.config;
  const configLabel = config ? `${config.file}: drift.columns` : "";
  // With --columns only those columns were read: a critical column outside them is left out, not unknown.
  const tested = requested.columns ? new Set(requested.columns) : null;
  for (const [label, critical] of [
    ["--critical names", requested.critical],
    [`${configLabel} names critical`, config?.critical],
  ] as const) {
    const leftOut = (critical ?? []).filter((name) => tested !== null && !tested.has(name));
    if (leftOut.length > 0) {
      throw new ModelguardError(
        "usage",
        `${label} column${leftOut.length > 1 ? "s" : ""} left out by --columns: ${list(leftOut.map((n) => `'${n}'`))}`,
        "add them to --columns, or leave --columns out to test every column",
      );
    }
  }
  for (const [label, names] of [
    ["--columns", requested.columns],
    ["--critical", requested.critical],
    // Only the --columns were read; a config override of any other column plays no part in this run.
    [configLabel, config?.names.filter((name) => tested === null || tested.has(name))],
  ] as const) {
    const unknown = (names ?? []).flatMap((name) => {
      const where = !reference.has(name) ? (!current.has(name) ? "either file" : "the reference") : "the current data";
      return reference.has(name) && current.has(name) ? [] : [`'${name}' (not in ${where})`];
    });
    if (unknown.length > 0) {
      const shared = [...reference.keys()].filter((n) => current.has(n)).map((n) => `'${n}'`);
      throw new ModelguardError(
        "usage",
        `${label} names column${unknown.length > 1 ? "s" : ""} that cannot be tested: ${list(unknown)}`,
        requested.columns
          ? "names are case-sensitive and must be in the header of both files"
          : `columns in both files: ${list(shared) || "none"}`,
      );
    }
  }
}

/** Throws when the report tested no column, with the reason each column was skipped. */
export function checkSomethingTested(
  report: Pick<DriftReport, "skipped"> & { features: { length: number } },
  reference: SideColumns,
  current: SideColumns,
): void {
  if (report.features.length > 0) return;
  const reasons = report.skipped.map((s) => `'${s.name}': ${s.reason}`);
  const shared = [...reference.keys()].filter((n) => current.has(n));
  const names = [...reference.keys(), ...current.keys()];
  let hint: string;
  if (names.some((n) => /[;\t|]/.test(n)) && (reference.size === 1 || current.size === 1)) {
    hint = "a header read as one column holds ';', '|' or a tab: pass --delimiter (e.g. --delimiter ';' or tab)";
  } else if (shared.length === 0) {
    hint = "the files share no column name: check that both have a header row with the same names";
  } else {
    hint = "drift needs numeric, category or boolean columns with values on both sides";
  }
  throw new ModelguardError(
    "input",
    `no column could be tested for drift, so there is no verdict: ${reasons.length > 0 ? list(reasons) : "the reference has no columns"}`,
    hint,
  );
}

/** The first few items of a list, and how many more. */
function list(items: string[], max = 8): string {
  const shown = items.slice(0, max).join(", ");
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}
