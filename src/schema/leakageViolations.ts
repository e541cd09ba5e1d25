import type { LeakageMethod, LeakageResult } from "./checkLeakage.js";
import { fmtPercent } from "./fmtPercent.js";
import type { Violation } from "./validationResult.js";

const METHOD_WORDS: Record<LeakageMethod, string> = {
  majority_per_category: "majority target per category, fit on train",
  majority_per_quantile_bin: "majority target per quantile bin, fit on train",
  spearman: "Spearman correlation on the holdout",
  mean_per_category_spearman: "mean target per category fit on train, Spearman correlation on the holdout",
};

/**
 * A leakage result as violations of the ValidationResult shape (severity "error"), so `validate --holdout` reports
 * them with the schema checks (merge with mergeViolations): one `duplicate_rows` violation (column null; examples are
 * holdout rows, with the equal train row in `trainRow`) and one `target_leakage` violation per flagged feature.
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
        `columns), e.g. holdout row ${first.holdoutRow} = train row ${first.trainRow}`,
      details: { train: result.trainSource, holdout: result.holdoutSource },
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
