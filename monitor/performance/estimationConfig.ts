import { CBPE_METRICS, type CbpeMetric } from "../../src/performance/cbpe/cbpeMetric.js";

/** One rule on an estimated metric, written like a gate: an absolute floor, or a largest drop from the reference. */
export interface EstimationRule {
  min?: number;
  max_drop?: number;
}

/** `estimation:` in monitor.yml, resolved. */
export interface EstimationConfig {
  /** calibration.json's absolute path, or "registry": the calibration asset of the production version followed. */
  calibration: string;
  /** The metrics estimated per window, in report order. */
  metrics: CbpeMetric[];
  /** Rules per metric (a Map: keys are metric names checked by the schema, kept apart from object keys anyway). */
  rules: Map<CbpeMetric, EstimationRule>;
}

export interface RawEstimationConfig {
  calibration: string;
  metrics?: CbpeMetric[];
  rules?: Partial<Record<CbpeMetric, EstimationRule>>;
}

/**
 * Fills the defaults of a schema-valid `estimation:` mapping: every metric when `metrics` is unset; a rule's metric is
 * estimated even when `metrics` leaves it out.
 */
export function resolveEstimationConfig(raw: RawEstimationConfig, io: { abs(path: string): string }): EstimationConfig {
  const rules = new Map<CbpeMetric, EstimationRule>();
  for (const m of CBPE_METRICS) {
    const r = raw.rules && Object.hasOwn(raw.rules, m) ? raw.rules[m] : undefined;
    if (r) rules.set(m, { ...r });
  }
  const wanted = new Set<CbpeMetric>(raw.metrics ?? CBPE_METRICS);
  for (const m of rules.keys()) wanted.add(m);
  return {
    calibration: raw.calibration === "registry" ? "registry" : io.abs(raw.calibration),
    metrics: CBPE_METRICS.filter((m) => wanted.has(m)),
    rules,
  };
}
