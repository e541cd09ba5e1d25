import type { MetricNote } from "../../src/model/metrics/metricNote.js";
import type { PerformanceCheck } from "../../src/performance/performanceRules.js";
import type { TaskSpec } from "../../src/performance/labelledPredictions.js";

/** Production's metrics the rules measure windows against, and the task they tell. */
export interface ProductionMetrics {
  /** Where they came from: the reference_metrics file, or `registry:NAME vN`. */
  source: string;
  spec: TaskSpec;
  values: Map<string, number>;
}

/** One window's realized performance as last judged. */
export interface PerformanceResult {
  /** Labelled rows the metrics are of (kept rows less unusable ones). */
  rows: number;
  metrics: Record<string, { value: number; interval: [number, number] | null }>;
  checks: PerformanceCheck[];
  breached: boolean;
  notes: MetricNote[];
  /** When it was judged (ms, the arrival clock of the labels that made it). */
  at: number;
}
