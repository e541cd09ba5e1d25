/**
 * Why a metric is missing from a `metrics` record (or what to keep in mind when reading it). Undefined metrics are
 * left out rather than written as NaN, which JSON cannot carry.
 *
 * Example: { metric: "roc_auc", reason: "only one class (benign) present in yTrue" }
 */
export interface MetricNote {
  metric: string;
  reason: string;
}
