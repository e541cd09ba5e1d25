import { contractNumber, type ContractList } from "../contracts/contractJson.js";
import type { MethodName } from "./methods/driftMethod.js";
import type { FeatureQuality } from "../quality/measureQuality.js";
import type { QualitySignal, QualityThresholds } from "../quality/qualityThresholds.js";

export interface TestResult {
  statistic: number;
  p_value?: number;
  approximation_error?: number;
  note?: string;
}

export interface FeatureDrift {
  name: string;
  kind: "numeric" | "categorical";
  /** "ks+psi" / "chisquare+psi" for auto, else the method's name. */
  method: string;
  /** The decisive statistic: PSI for auto, else the method's statistic. */
  statistic: number;
  /** The decisive p-value after multiple-testing correction (auto and test methods), else null. */
  p_value: number | null;
  /** The threshold applied to `statistic` (distance methods, and PSI in auto) or to `p_value` (ks, chisquare). */
  threshold: number;
  /** auto only: the significance level applied to p_value. */
  alpha?: number;
  drifted: boolean;
  critical: boolean;
  /** Every statistic computed for the column; p-values raw (before correction). */
  tests: Partial<Record<MethodName, TestResult>>;
  reference: { count: number; missing: number };
  current: { count: number; missing: number };
  /** True when a side was a profile sketch rather than the exact values. */
  approximate: boolean;
}

export interface SkippedFeature {
  name: string;
  reason: string;
}

export interface DriftReport {
  kind: "modelguard.drift";
  version: 1;
  reference: string;
  current: string;
  policy: {
    method: string;
    alpha: number;
    psi_threshold: number;
    correction: string;
    bins: number;
    dataset_share: number;
    /** Absent in reports written before it existed. */
    major_psi?: number | null;
  };
  features: FeatureDrift[];
  skipped: SkippedFeature[];
  drifted_features: string[];
  drifted_share: number;
  /** The verdict: the drifted share reached dataset_share, a critical column drifted, or a major_drifted one did. */
  dataset_drifted: boolean;
  /** Drifted columns whose PSI reached policy.major_psi (each alone makes the dataset drift). */
  major_drifted?: string[];
  /**
   * The data-quality signals of every column measured (reports written before them, and reports made without
   * thresholds, have none). A gate fails on quality_failed as on dataset_drifted.
   */
  quality?: {
    thresholds: QualityThresholds;
    features: FeatureQuality[];
    fired: { feature: string; signal: QualitySignal; share: number }[];
  };
  quality_failed?: boolean;
  /** One sentence saying why the dataset did or did not drift. */
  summary: string;
}

/**
 * A drift report whose per-column lists (features, quality.features) are made one item at a time: what detectDrift
 * builds, so a report of 100,000 columns is written (stringifyContractParts) without ever being held as objects.
 * stringifyContract of it is the report's JSON; wholeDriftReport makes the report itself.
 */
export type DriftReportParts = Omit<DriftReport, "features" | "quality"> & {
  features: ContractList<FeatureDrift>;
  quality?: Omit<NonNullable<DriftReport["quality"]>, "features"> & { features: ContractList<FeatureQuality> };
};

/** The report with every column made: for callers that read it as objects (the monitor, small reports). */
export function wholeDriftReport(parts: DriftReportParts): DriftReport {
  // Assigned over the copied keys, so the key order (and the JSON of both) stays the same.
  const report = { ...parts } as unknown as DriftReport;
  report.features = parts.features.toJSON();
  if (parts.quality) report.quality = { ...parts.quality, features: parts.quality.features.toJSON() };
  return report;
}

/**
 * A drift report as read back from JSON: the statistics written as "Infinity", "-Infinity" or "NaN" (an infinite
 * Wasserstein distance, a p-value no test could give) become numbers again. See stringifyContract.
 */
export function reviveDriftReport(report: DriftReport): DriftReport {
  const num = (x: number) => contractNumber(x) as number;
  // Not validated against a schema: whatever is not shaped like a report is left for its reader to reject.
  if (!Array.isArray(report.features)) return report;
  return {
    ...report,
    drifted_share: num(report.drifted_share),
    features: report.features.map((f) => {
      if (typeof f !== "object" || f === null || typeof f.tests !== "object" || f.tests === null) return f;
      const tests: FeatureDrift["tests"] = {};
      for (const [m, t] of Object.entries(f.tests) as [MethodName, TestResult][]) {
        tests[m] = {
          ...t,
          statistic: num(t.statistic),
          ...(t.p_value !== undefined ? { p_value: num(t.p_value) } : {}),
          ...(t.approximation_error !== undefined ? { approximation_error: num(t.approximation_error) } : {}),
        };
      }
      return {
        ...f,
        statistic: num(f.statistic),
        p_value: f.p_value === null ? null : num(f.p_value),
        threshold: num(f.threshold),
        tests,
      };
    }),
  };
}
