import type { DriftReport, FeatureDrift } from "../../src/drift/driftReport.js";
import type { EstimatedPerformanceReport } from "../performance/estimatedPerformance.js";

/**
 * One closed window: its drift report (features) and what else it saw. `dataset_drifted` is the verdict alerts
 * follow: the features' (`drift.dataset_drifted`, null when no feature could be tested), or'ed with the prediction's
 * when `prediction.counts_toward_dataset` is set.
 */
export interface WindowReport {
  window: number;
  started_at: string;
  closed_at: string;
  events: number;
  /** With `reference: registry:NAME`: the production version ("v3") whose profile the window was measured against. */
  model_version?: string;
  dataset_drifted: boolean | null;
  unknown_features: Record<string, number>;
  prediction: PredictionReport;
  drift: DriftReport;
  /**
   * With `window.time: event`: events that arrived after their window had closed (its end + allowed_lateness), since
   * the previous report; they were counted, not added to any window.
   */
  late_events?: number;
  /**
   * With `estimation`: the window's performance estimated from its events' probabilities (CBPE), with sampling bands
   * and the rules' verdicts.
   */
  estimated_performance?: EstimatedPerformanceReport;
}

/**
 * The window's predictions: counts, and their drift against the reference column `column` (tested with the drift
 * policy, on its own: no multiple-testing correction with the features). `drift` is null and `skipped` says why when
 * they could not be tested. Reports written before prediction drift have only the counts.
 */
export interface PredictionReport {
  count: number;
  missing: number;
  mean: number | null;
  top: Record<string, number>;
  /** The reference profile column predictions are compared with; null when there is none. */
  column?: string | null;
  drift?: FeatureDrift | null;
  skipped?: string;
}
