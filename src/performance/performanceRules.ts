import { gateChecks } from "../compare/judgeMetric.js";
import { checkGateMetrics, gatePolicyFrom, type Gate } from "../compare/gates.js";
import type { EvaluationTask } from "../model/evaluate/predictions.js";
import { formatParameter, isProportionMetric } from "../report/formatNumber.js";
import type { RealizedMetric } from "./realizedMetrics.js";

/** A realized-performance rule: a compare gate (`performance: {roc_auc: {max_drop: 0.02}, accuracy: {min: 0.9}}`). */
export type PerformanceRule = Gate;

/** pass: within the rule even at the interval's worse bound; breach: past it even at the better bound; else inconclusive. */
export type PerformanceOutcome = "pass" | "breach" | "inconclusive";

export interface PerformanceCheck {
  metric: string;
  /** min | max | max_drop | max_relative_drop | max_increase | max_relative_increase | min_gain */
  kind: string;
  threshold: number;
  /** The window's value of the metric (null: undefined for its rows, e.g. roc_auc with one class). */
  value: number | null;
  interval: [number, number] | null;
  /** Production's value of the metric (change rules). */
  reference: number | null;
  outcome: PerformanceOutcome;
  description: string;
}

/**
 * Parses `performance:` with compare's gate parser (the same rule keys, metric names, directions and errors: max_drop
 * on log_loss is refused with the fix), and checks the metrics belong to the task. `source` names the file and key.
 */
export function performanceRulesFrom(
  raw: Record<string, unknown>,
  task: EvaluationTask | null,
  source: string,
): PerformanceRule[] {
  const rules = gatePolicyFrom({ gates: raw as never }, source).gates;
  if (task !== null) checkGateMetrics(rules, task);
  return rules;
}

/**
 * Judges a window's realized metrics against the rules, like a non-inferiority test turned round: a rule is breached
 * only when the interval's better bound is past it (the window is worse with confidence), passes when its worse bound
 * is within it, and is inconclusive in between (no alert: the window may just be small). Change rules (max_drop, ...)
 * measure the window against production's value of the metric (`reference`, a fixed number: the interval is the
 * window's alone); min and max measure the window's value. A metric with no interval is judged on its value.
 */
export function judgePerformance(
  rules: readonly PerformanceRule[],
  realized: ReadonlyMap<string, RealizedMetric>,
  reference: ReadonlyMap<string, number>,
  confidence: number,
): PerformanceCheck[] {
  const out: PerformanceCheck[] = [];
  for (const rule of rules) {
    const m = realized.get(rule.metric) ?? null;
    const value = m && Number.isFinite(m.value) ? m.value : null;
    const interval = m?.interval ?? null;
    const base = reference.get(rule.metric);
    const ref = base !== undefined && Number.isFinite(base) ? base : null;
    const common = { metric: rule.metric, value, interval, reference: ref };
    for (const kind of ["min", "max"] as const) {
      const threshold = rule[kind];
      if (threshold === undefined) continue;
      out.push({
        ...common,
        kind,
        threshold,
        ...levelCheck(rule.metric, kind, threshold, value, interval, confidence),
      });
    }
    const { min: _min, max: _max, ...changes } = rule;
    const hasChange = Object.keys(changes).some((k) => k.startsWith("max_") || k === "min_gain");
    if (!hasChange) continue;
    if (value === null || ref === null) {
      for (const [kind, threshold] of changeRulesOf(rule))
        out.push({
          ...common,
          kind,
          threshold,
          outcome: "inconclusive",
          description: value === null ? "no value in this window" : "production has no value of this metric",
        });
      continue;
    }
    const ci: [number, number] | null = interval ? [interval[0] - ref, interval[1] - ref] : null;
    const ciRelative: [number, number] | null = ci && ref !== 0 ? [ci[0] / Math.abs(ref), ci[1] / Math.abs(ref)] : null;
    const checks = gateChecks(
      rule.metric,
      { ...changes, min: undefined, max: undefined },
      rule.direction,
      value,
      value - ref,
      ci,
      ciRelative,
      ref,
      confidence,
    );
    for (const c of checks)
      out.push({
        ...common,
        kind: c.kind,
        threshold: c.threshold,
        outcome: c.outcome === "fail" ? "breach" : c.outcome,
        description: c.description.replace("interval", "interval of the window's change from production's"),
      });
  }
  return out;
}

function changeRulesOf(rule: PerformanceRule): [string, number][] {
  const kinds = ["max_drop", "max_relative_drop", "max_increase", "max_relative_increase", "min_gain"] as const;
  return kinds.filter((k) => rule[k] !== undefined).map((k) => [k, rule[k]!]);
}

/** min/max with an interval: breached when even the better bound is past the level. */
function levelCheck(
  metric: string,
  kind: "min" | "max",
  threshold: number,
  value: number | null,
  interval: [number, number] | null,
  confidence: number,
): { outcome: PerformanceOutcome; description: string } {
  const proportion = isProportionMetric(metric);
  const show = (x: number) => (proportion ? `${formatParameter(x * 100)}%` : formatParameter(x));
  const rule = `${kind === "min" ? "value >=" : "value <="} ${show(threshold)}`;
  if (value === null) return { outcome: "inconclusive", description: `${rule}: no value in this window` };
  const [lo, hi] = interval ?? [value, value];
  const ok = (x: number) => (kind === "min" ? x >= threshold : x <= threshold);
  const worse = kind === "min" ? lo : hi;
  const better = kind === "min" ? hi : lo;
  const outcome: PerformanceOutcome = ok(worse) ? "pass" : ok(better) ? "inconclusive" : "breach";
  const pct = `${Number((confidence * 100).toFixed(1))}%`;
  const judged = interval
    ? `${pct} interval ${show(lo)} to ${show(hi)}, ${kind === "min" ? "upper" : "lower"} bound judged for a breach`
    : "no interval";
  return { outcome, description: `${rule}: ${show(value)} (${judged})` };
}
