import type { MethodName } from "./methods/driftMethod.js";

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
  };
  features: FeatureDrift[];
  skipped: SkippedFeature[];
  drifted_features: string[];
  drifted_share: number;
  dataset_drifted: boolean;
  /** One sentence saying why the dataset did or did not drift. */
  summary: string;
}
