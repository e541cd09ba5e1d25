import { influenceCalculator, type AnalyticMethod } from "../compare/metricInfluence.js";
import { computeMetrics } from "../model/evaluate/metricsDocument.js";
import type { Predictions } from "../model/evaluate/predictions.js";
import type { MetricNote } from "../model/metrics/metricNote.js";
import { normalQuantile } from "../stats/normalQuantile.js";

/** One metric of a window's labelled rows, with its one-sample interval when the metric has an analytic one. */
export interface RealizedMetric {
  value: number;
  /** value +- z x the standard error from its per-row influence; null for ece and median_ae (no analytic form). */
  interval: [number, number] | null;
  method: AnalyticMethod | null;
}

export interface RealizedMetrics {
  metrics: Map<string, RealizedMetric>;
  notes: MetricNote[];
}

/**
 * The metrics `evaluate` computes (computeMetrics: accuracy, roc_auc, rmse, ...) of labelled production rows, each
 * with the one-sample analytic interval compare's analytic intervals are the paired form of: value +- z sqrt(sum
 * psi_i^2) / n with psi the metric's per-row influence (metricInfluence): the normal interval with the n - 1 variance
 * for proportions and means, the delta method for ratios (precision, recall, f1), DeLong's variance for ROC AUC.
 *
 * Example: 200 rows, 180 right -> accuracy 0.9, 95% interval 0.9 +- 1.96 sqrt(0.9 x 0.1 / 199) = [0.858, 0.942]
 */
export function realizedMetrics(predictions: Predictions, confidence: number): RealizedMetrics {
  const computed = computeMetrics(predictions);
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const influence = predictions.rowCount > 1 ? influenceCalculator(predictions) : null;
  const metrics = new Map<string, RealizedMetric>();
  for (const [name, value] of Object.entries(computed.metrics)) {
    const inf = influence?.(name) ?? null;
    let interval: [number, number] | null = null;
    if (inf) {
      let s = 0;
      for (let i = 0; i < inf.psi.length; i++) s += inf.psi[i]! * inf.psi[i]!;
      const half = (z * Math.sqrt(s)) / inf.psi.length;
      interval = [value - half, value + half];
    }
    metrics.set(name, { value, interval, method: inf ? inf.method : null });
  }
  return { metrics, notes: computed.notes };
}
