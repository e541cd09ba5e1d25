import type { MethodName } from "./methods/driftMethod.js";

export type MethodChoice = "auto" | MethodName;
export type Correction = "bh" | "bonferroni" | "none";

export interface ColumnDriftOverride {
  method?: MethodChoice;
  /** Threshold of the column's method (a p-value for ks/chisquare, a distance otherwise). */
  threshold?: number;
  /** auto only: significance level of the test after correction. */
  alpha?: number;
  /** auto only: the effect-size floor on PSI. */
  psi_threshold?: number;
  /** When a critical column drifts, the dataset drifts whatever the share. */
  critical?: boolean;
  /** Leave the column out of drift testing. */
  skip?: boolean;
}

/**
 * How columns are tested and when they count as drifted. The default ("auto") needs both a significant test (KS or
 * chi-square, Benjamini-Hochberg-adjusted p < 0.05) and a material effect (PSI >= 0.1): with large samples every
 * p-value is tiny, with small samples PSI is noise; requiring both answers both complaints.
 */
export interface DriftPolicy {
  method: MethodChoice;
  /** Threshold for the chosen method when it is not auto. */
  threshold?: number;
  alpha: number;
  psi_threshold: number;
  correction: Correction;
  bins: number;
  /** The dataset drifts when at least this share of tested columns drift. */
  dataset_share: number;
  /**
   * The dataset also drifts when any one column drifts (its test passing, under auto) with a PSI at or above this:
   * a strong shift of one feature (often the model's key one) is news even when it is 3 of 31. null: off.
   */
  major_psi: number | null;
  columns: Record<string, ColumnDriftOverride>;
}

/** The column's own settings (an own property only: a policy built elsewhere may have a prototype). */
export function columnOverride(policy: DriftPolicy, name: string): ColumnDriftOverride {
  return Object.hasOwn(policy.columns, name) ? (policy.columns[name] ?? {}) : {};
}

export const DEFAULT_DRIFT_POLICY: DriftPolicy = {
  method: "auto",
  alpha: 0.05,
  psi_threshold: 0.1,
  correction: "bh",
  bins: 10,
  dataset_share: 0.5,
  // 0.25 is the industry's "significant shift" line for PSI (0.1-0.25 moderate): at or above it, with the test
  // passing, one column is enough to look.
  major_psi: 0.25,
  columns: {},
};

/**
 * Fills in the defaults. Under `auto` a bare `threshold` is the PSI floor (auto's only distance threshold) unless
 * `psi_threshold` is given, so `drift: { threshold: 0.2 }` means the same in modelguard.yml and in monitor.yml.
 */
export function resolvePolicy(partial: Partial<DriftPolicy> = {}): DriftPolicy {
  const defined = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
  // Column names are data: the overrides live in an object without a prototype, so `constructor` is not Object's.
  const columns = Object.assign(Object.create(null) as Record<string, ColumnDriftOverride>, partial.columns ?? {});
  const policy: DriftPolicy = { ...DEFAULT_DRIFT_POLICY, ...defined, columns };
  if (policy.method === "auto" && partial.psi_threshold === undefined && partial.threshold !== undefined)
    policy.psi_threshold = partial.threshold;
  return policy;
}
