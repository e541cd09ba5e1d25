import type { CommandResult, CommandResultKind } from "../cli/commandResult.js";
import type { FailOn } from "./actionInputs.js";

export type Verdict = "pass" | "warn" | "fail";

export interface ActionOutcome {
  verdict: Verdict;
  /** Why, for the failure message and the log. */
  reason: string;
  violations: number | null;
  driftedShare: number | null;
}

/** The results a step's commands handed back, the latest of each kind (a step's closing `report` repeats them). */
export type StepResults = { [K in CommandResultKind]?: Extract<CommandResult, { kind: K }> };

/** Keeps `result` as the step's latest of its kind. */
export function recordResult(results: StepResults, result: CommandResult): void {
  // One assignment per kind keeps the pairing of kind and value checked by the compiler.
  switch (result.kind) {
    case "validation":
      results.validation = result;
      break;
    case "drift":
      results.drift = result;
      break;
    case "comparison":
      results.comparison = result;
      break;
    case "metrics":
      results.metrics = result;
      break;
    case "promotion":
      results.promotion = result;
      break;
  }
}

/**
 * The verdict of what this step ran, from the results its commands returned (a report step's are what it rendered,
 * so it judges everything of the job; a validate step only its own checks). A comparison's verdict is its own; a
 * failed data check or a drifted dataset (the CLI's exit 1) is "fail"; warnings-only checks are "warn".
 */
export function summarizeResults(results: StepResults): ActionOutcome {
  const validation = results.validation?.value;
  const drift = results.drift?.value;
  const comparison = results.comparison?.value;
  const reasons: { verdict: Verdict; text: string }[] = [];
  if (validation) {
    const errors = validation.violations.filter((v) => v.severity === "error").length;
    const warnings = validation.violations.length - errors;
    if (!validation.ok) reasons.push({ verdict: "fail", text: `data validation failed: ${errors} failing check(s)` });
    else if (warnings > 0) reasons.push({ verdict: "warn", text: `data validation: ${warnings} warning(s)` });
  }
  if (drift?.dataset_drifted) {
    reasons.push({
      verdict: "fail",
      text: `the data drifted from the reference (${(drift.drifted_share * 100).toFixed(1)}% of columns)`,
    });
  }
  if (drift?.quality_failed) {
    const columns = new Set(drift.quality?.fired.map((f) => f.feature));
    reasons.push({ verdict: "fail", text: `data quality failed in ${columns.size} column(s)` });
  }
  if (comparison && comparison.verdict !== "pass") {
    reasons.push({ verdict: comparison.verdict, text: `comparison ${comparison.verdict}: ${comparison.reason}` });
  }
  const verdict: Verdict = reasons.some((r) => r.verdict === "fail")
    ? "fail"
    : reasons.some((r) => r.verdict === "warn")
      ? "warn"
      : "pass";
  return {
    verdict,
    reason: reasons.length > 0 ? reasons.map((r) => r.text).join("; ") : "all checks passed",
    violations: validation ? validation.violations.length : null,
    driftedShare: drift ? drift.drifted_share : null,
  };
}

/** Whether the step fails: `fail` on a failed check, `warn` also on warnings, `never` not at all. */
export function stepFails(verdict: Verdict, failOn: FailOn): boolean {
  if (failOn === "never") return false;
  if (failOn === "warn") return verdict !== "pass";
  return verdict === "fail";
}
