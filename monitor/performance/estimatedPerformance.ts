import type { CbpeEstimator } from "../../src/performance/cbpe/cbpeEstimator.js";
import type { CbpeSketch } from "../../src/performance/cbpe/cbpeSketch.js";
import type { CbpeMetric } from "../../src/performance/cbpe/cbpeMetric.js";
import { escapeMarkdown } from "../../src/report/escapeMarkdown.js";
import {
  PREDICTION_BOOLEAN,
  PREDICTION_NUMBER,
  PREDICTION_STRING,
  VALUE,
  type EventBatch,
} from "../ingest/eventBatch.js";
import type { EstimationConfig, EstimationRule } from "./estimationConfig.js";

/** How a rule judged a window: `fail` only when the whole band is past its limit (as a gate's interval). */
export type RuleVerdict = "pass" | "fail" | "inconclusive";

/** One estimated metric of a window, with its band, the reference value and its rule's verdict. */
export interface EstimatedMetricReport {
  metric: CbpeMetric;
  value: number | null;
  standard_error: number | null;
  lower: number | null;
  upper: number | null;
  /** The realized value on the calibration's labelled reference rows. */
  reference: number | null;
  rule?: EstimationRule & { limit: number; verdict: RuleVerdict };
}

/** A window's estimated performance (`estimated_performance` in its report). */
export interface EstimatedPerformanceReport {
  method: "cbpe";
  /** Events with a usable positive-class probability (estimated over), and those without one. */
  rows: number;
  missing_probability: number;
  metrics: EstimatedMetricReport[];
  /** True when a rule failed: the window alerts with reason `estimated_performance`. */
  breached: boolean;
}

/**
 * Adds events [from, to) of a batch to a window's CBPE sketch: each event with a positive-class probability in [0, 1]
 * goes in with its predicted class (its `prediction` when it is one of the calibration's two classes, as text, or a
 * boolean; else the probability above the calibration's threshold). Returns the events without a usable probability.
 */
export function addEstimationBatch(
  estimator: CbpeEstimator,
  sketch: CbpeSketch,
  b: EventBatch,
  from: number,
  to: number,
): number {
  const { positive_class: positive, negative_class: negative } = estimator.calibration;
  let missing = 0;
  for (let e = from; e < to; e++) {
    if (b.probabilityStatus[e] !== VALUE) {
      missing++;
      continue;
    }
    let predicted: boolean | null = null;
    const st = b.predictionStatus[e];
    if (st === PREDICTION_BOOLEAN) predicted = b.predictionValues[e] === 1;
    else if (st === PREDICTION_STRING || st === PREDICTION_NUMBER) {
      const text = st === PREDICTION_STRING ? b.category(-1, b.predictionValues[e]!) : String(b.predictionValues[e]);
      predicted = text === positive ? true : text === negative ? false : null;
    }
    if (!estimator.add(sketch, b.positiveProbability[e]!, predicted)) missing++;
  }
  return missing;
}

/** The report of a window's sketch: the configured metrics with their bands, judged by the rules. */
export function estimatedPerformanceReport(
  estimator: CbpeEstimator,
  config: EstimationConfig,
  sketch: CbpeSketch,
  missingProbability: number,
): EstimatedPerformanceReport {
  const reference = estimator.calibration.reference_metrics;
  let breached = false;
  const metrics = estimator.estimate(sketch, config.metrics).map((e): EstimatedMetricReport => {
    const out: EstimatedMetricReport = { ...e, reference: reference[e.metric] };
    const rule = config.rules.get(e.metric);
    if (rule && e.value !== null) {
      const limit = limitOf(rule, reference[e.metric]);
      if (limit !== null) {
        // Without a band (no sampling error component) the point estimate decides.
        const upper = e.upper ?? e.value;
        const lower = e.lower ?? e.value;
        const verdict: RuleVerdict = upper < limit ? "fail" : lower >= limit ? "pass" : "inconclusive";
        if (verdict === "fail") breached = true;
        out.rule = { ...rule, limit, verdict };
      }
    }
    return out;
  });
  return { method: "cbpe", rows: sketch.rows, missing_probability: missingProbability, metrics, breached };
}

/** The value a metric must stay at or above: the higher of `min` and reference - `max_drop` (null: no usable limit). */
function limitOf(rule: EstimationRule, reference: number | null): number | null {
  const limits: number[] = [];
  if (rule.min !== undefined) limits.push(rule.min);
  if (rule.max_drop !== undefined && reference !== null) limits.push(reference - rule.max_drop);
  return limits.length > 0 ? Math.max(...limits) : null;
}

/** The issue section of a breached window: each failed rule with its estimate, band and limit (Markdown). */
export function estimatedPerformanceSection(r: EstimatedPerformanceReport): string {
  const f = (x: number | null) => (x === null ? "—" : x.toFixed(4));
  const rows = r.metrics
    .filter((m) => m.rule?.verdict === "fail")
    .map(
      (m) =>
        `| ${escapeMarkdown(m.metric)} | ${f(m.value)} | ${f(m.lower)} to ${f(m.upper)} | ${f(m.reference)} | ${f(m.rule!.limit)} |`,
    );
  return [
    `**Estimated performance** (confidence-based, from ${r.rows} events' probabilities; no labels needed) is below its rule: the whole band is under the limit.`,
    "",
    "| metric | estimated | band (3 standard errors) | reference | limit |",
    "|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}
