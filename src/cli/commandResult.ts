import type { ComparisonResult } from "../compare/comparisonResult.js";
import type { DriftReport } from "../drift/driftReport.js";
import type { MetricsDocument } from "../model/evaluate/metricsDocument.js";
import type { ValidateReport } from "../schema/validateReport.js";

/** What `promote` did: the version it stored and made production, and where. */
export interface PromotionSummary {
  name: string;
  version: number;
  tag: string;
  previous: number | null;
  registry: string;
  metrics: { name: string; value: number | null }[];
  deployment: { id: number; environment: string; url: string | null } | null;
  warnings: string[];
}

/**
 * What the Action reads of a drift report: the verdicts and the quality signals that fired. Not the report: a drift of
 * 100,000 columns would be held for the rest of the step (the report is written to --out for whoever needs it).
 */
export type DriftVerdict = Pick<DriftReport, "dataset_drifted" | "drifted_share" | "quality_failed"> & {
  quality?: Pick<NonNullable<DriftReport["quality"]>, "fired">;
};

/**
 * A result a command produced (or, for `report`, read and rendered), handed to whoever runs it in-process through
 * `CliIO.result`: the Action judges a step from these values instead of re-reading or parsing what the CLI printed.
 * `path` is the file it was written to or read from, when there is one.
 */
export type CommandResult =
  | { kind: "validation"; value: ValidateReport; path: string | null }
  | { kind: "drift"; value: DriftVerdict; path: string | null }
  | { kind: "comparison"; value: ComparisonResult; path: string | null }
  | { kind: "metrics"; value: MetricsDocument; path: string | null }
  | { kind: "promotion"; value: PromotionSummary; path: null };

export type CommandResultKind = CommandResult["kind"];
