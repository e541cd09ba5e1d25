import { existsSync, readFileSync } from "node:fs";
import type { FailOn } from "./actionInputs.js";
import type { ResultPaths } from "./planCommand.js";

export type Verdict = "pass" | "warn" | "fail";

export interface ActionOutcome {
  verdict: Verdict;
  /** Why, for the failure message and the log. */
  reason: string;
  violations: number | null;
  driftedShare: number | null;
}

interface ValidationJson {
  ok: boolean;
  violations: { severity: string }[];
}
interface DriftJson {
  drifted_share: number;
  dataset_drifted: boolean;
  summary?: string;
}
interface ComparisonJson {
  verdict: Verdict;
  reason: string;
}

function readJson<T>(path: string, written: boolean): T | null {
  if (!written || !existsSync(path)) return null;
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

/**
 * The verdict of what this step ran, from the JSON the commands wrote (`written` says which this step wrote, so a
 * report step judges everything of the job and a validate step only its own checks). A comparison's verdict is its
 * own; a failed data check or a drifted dataset (the CLI's exit 1) is "fail"; warnings-only checks are "warn".
 */
export function summarizeResults(paths: ResultPaths, written: Set<keyof ResultPaths>): ActionOutcome {
  const validation = readJson<ValidationJson>(paths.validation, written.has("validation"));
  const drift = readJson<DriftJson>(paths.drift, written.has("drift"));
  const comparison = readJson<ComparisonJson>(paths.comparison, written.has("comparison"));
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
