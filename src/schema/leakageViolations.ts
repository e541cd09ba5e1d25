import type { LeakageMethod, LeakageResult } from "./checkLeakage.js";
import { fmtPercent } from "./fmtPercent.js";
import type { Violation } from "./validationResult.js";

function idNote(ids: readonly string[] | undefined): string {
  if (!ids || ids.length === 0) return "";
  const shown = ids.slice(0, 3).join(", ") + (ids.length > 3 ? ` and ${ids.length - 3} more` : "");
  return `; id-like ${shown} left out`;
}

const METHOD_WORDS: Record<LeakageMethod, string> = {
  majority_per_category: "majority target per category, fit on train",
  majority_per_quantile_bin: "majority target per quantile bin, fit on train",
  spearman: "Spearman correlation on the holdout",
  mean_per_category_spearman: "mean target per category fit on train, Spearman correlation on the holdout",
};

/**
 * A leakage result as violations of the ValidationResult shape (severity "error"), so `validate --holdout` reports
 * them with the schema checks (merge with mergeViolations): one `duplicate_rows` violation (column null; examples are
 * holdout rows, with the equal train row in `trainRow`), one `duplicate_train_rows` warning for rows repeated inside
 * the training data, and one `target_leakage` violation per flagged feature.
 */
export function leakageViolations(result: LeakageResult): Violation[] {
  const out: Violation[] = [];
  const dup = result.duplicateRows;
  if (dup.count > 0) {
    const first = dup.examples[0]!;
    out.push({
      kind: "duplicate_rows",
      column: null,
      count: dup.count,
      fraction: dup.fraction,
      examples: dup.examples.map((e) => ({
        row: e.holdoutRow,
        value: `train row ${e.trainRow}`,
        trainRow: e.trainRow,
      })),
      severity: "error",
      message:
        `${result.holdoutSource}: ${dup.count.toLocaleString("en-US")} holdout row${dup.count === 1 ? "" : "s"} ` +
        `(${fmtPercent(dup.fraction)}) also in ${result.trainSource} (equal in all ${dup.columns.length} shared ` +
        `columns${idNote(dup.idColumns)}), e.g. holdout row ${first.holdoutRow} = train row ${first.trainRow}`,
      details: { train: result.trainSource, holdout: result.holdoutSource },
    });
  }
  const within = result.trainDuplicates;
  if (within && within.count > 0) {
    const first = within.examples[0]!;
    out.push({
      kind: "duplicate_train_rows",
      column: null,
      count: within.count,
      fraction: within.fraction,
      examples: within.examples.map((e) => ({ row: e.row, value: `row ${e.firstRow}` })),
      // Not leakage: a repeated training row weighs twice, worth knowing but not a reason to fail the data.
      severity: "warning",
      message:
        `${result.trainSource}: ${within.count.toLocaleString("en-US")} row${within.count === 1 ? "" : "s"} ` +
        `(${fmtPercent(within.fraction)}) repeat an earlier row (equal in all ${within.columns.length} columns` +
        `${idNote(dup.idColumns)}), e.g. row ${first.row} = row ${first.firstRow}`,
      details: { train: result.trainSource },
    });
  }
  for (const f of result.targetLeakage) {
    const measure = f.method.endsWith("spearman")
      ? `|rho| ${f.score.toFixed(3)}`
      : `accuracy ${fmtPercent(f.score)} vs ${fmtPercent(f.baseline)} for the majority class`;
    out.push({
      kind: "target_leakage",
      column: f.column,
      count: f.rows,
      fraction: result.holdoutRows > 0 ? f.rows / result.holdoutRows : 0,
      examples: [],
      severity: "error",
      message:
        `${f.column}: predicts target '${result.target}' almost perfectly on its own (${measure} on the holdout; ` +
        `${METHOD_WORDS[f.method]}): likely target leakage`,
      details: { score: f.score, baseline: f.baseline, method: f.method, target: result.target ?? "" },
    });
  }
  return out;
}
