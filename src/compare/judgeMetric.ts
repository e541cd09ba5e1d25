import { formatDelta, formatInterval, formatParameter, isProportionMetric } from "../report/formatNumber.js";
import type { CheckOutcome, GateCheck, GateStatus, MetricComparison } from "./comparisonResult.js";
import { describeGate, formatRuleThreshold, type Gate } from "./gates.js";
import { METRIC_DIRECTIONS } from "./metricDirection.js";
import type { BootstrapInterval } from "./pairedBootstrap.js";

/**
 * Applies a gate's rules to one metric. A change rule with an interval has three outcomes: pass when the interval's
 * bound on the worse side is within the allowed change (non-inferiority shown at the chosen confidence), fail when
 * even the bound on the better side is beyond it (a regression shown with confidence), inconclusive when the
 * interval straddles the allowed change. Without an interval (aggregate metrics) the point value passes or fails.
 * min/max are judged on the candidate's value.
 */
export function judgeMetric(
  name: string,
  gate: Gate | undefined,
  baseline: number | null,
  candidate: number | null,
  iv: BootstrapInterval | null,
  confidence: number,
): MetricComparison {
  const direction = gate?.direction ?? METRIC_DIRECTIONS[name] ?? "higher";
  const delta = baseline !== null && candidate !== null ? candidate - baseline : null;
  const ci = iv && Number.isFinite(iv.delta[0]) && Number.isFinite(iv.delta[1]) ? iv.delta : null;
  const ciRelative = ci && iv?.relative ? iv.relative : null;
  const entry: MetricComparison = {
    name,
    direction,
    baseline,
    candidate,
    delta,
    ci,
    ci_relative: ciRelative,
    detectable_change: ci ? (ci[1] - ci[0]) / 2 : null,
    rule: gate ? describeGate(gate) : null,
    checks: [],
    status: null,
    passed: null,
  };
  if (!gate) return entry;
  entry.checks = gateChecks(name, gate, direction, candidate, delta, ci, ciRelative, baseline, confidence);
  entry.status = statusOf(entry.checks, gate.on_fail);
  entry.passed = entry.status === "pass";
  return entry;
}

/** fail (or warn for an advisory gate) when a check failed with confidence, else inconclusive when one was, else pass. */
export function statusOf(checks: readonly GateCheck[], onFail: "fail" | "warn"): GateStatus {
  if (checks.some((c) => c.outcome === "fail")) return onFail;
  if (checks.some((c) => c.outcome === "inconclusive")) return "inconclusive";
  return "pass";
}

/**
 * The checks of one gate on one metric (also used per slice). `ci`/`ciRelative` are the intervals of the delta and
 * the relative delta, null on point values.
 */
export function gateChecks(
  name: string,
  gate: Pick<
    Gate,
    "min" | "max" | "max_drop" | "max_relative_drop" | "max_increase" | "max_relative_increase" | "min_gain"
  >,
  direction: "higher" | "lower",
  candidate: number | null,
  delta: number | null,
  ci: readonly [number, number] | null,
  ciRelative: readonly [number, number] | null,
  baseline: number | null,
  confidence: number,
): GateCheck[] {
  const pct = `${Number((confidence * 100).toFixed(1))}%`;
  const proportion = isProportionMetric(name);
  const checks: GateCheck[] = [];
  const finite = (x: number | null): x is number => x !== null && Number.isFinite(x);
  const value = (x: number) => (proportion ? `${formatParameter(x * 100)}%` : formatParameter(x));
  const change = (x: number) => (proportion ? formatDelta(x, true) : formatDelta(x, false));
  const percent = (x: number) => `${x > 0 ? "+" : ""}${formatParameter(Number((x * 100).toFixed(2)))}%`;

  // min / max: the candidate's value, no interval.
  const level = (kind: "min" | "max", threshold: number) => {
    const ok = finite(candidate) && (kind === "min" ? candidate >= threshold : candidate <= threshold);
    checks.push({
      kind,
      threshold,
      measured: finite(candidate) ? candidate : null,
      outcome: ok ? "pass" : "fail",
      passed: ok,
      interval: null,
      description: `${kind === "min" ? "value >=" : "value <="} ${value(threshold)}: ${finite(candidate) ? value(candidate) : "no value"}`,
    });
  };
  if (gate.min !== undefined) level("min", gate.min);
  if (gate.max !== undefined) level("max", gate.max);

  /**
   * A change rule: `within(x)` says whether a change x is allowed. `worse` is the interval bound judged for a pass,
   * `better` the other one (a confident failure needs it beyond the allowed change too).
   */
  const changeRule = (
    kind: string,
    threshold: number,
    point: number | null,
    interval: readonly [number, number] | null,
    worseSide: "lower" | "upper",
    within: (x: number) => boolean,
    what: string,
    show: (x: number) => string,
  ) => {
    const worse = interval ? (worseSide === "lower" ? interval[0] : interval[1]) : point;
    const better = interval ? (worseSide === "lower" ? interval[1] : interval[0]) : point;
    let outcome: CheckOutcome;
    if (!finite(worse) || !finite(better)) outcome = "fail";
    else if (within(worse)) outcome = "pass";
    else if (!within(better)) outcome = "fail";
    else outcome = "inconclusive";
    const rule = `${what}${formatRuleThreshold(name, kind, threshold).replace(/ of baseline$/, "")}`;
    const shownInterval =
      show === change && proportion
        ? formatInterval(interval, true)
        : interval && `${show(interval[0])} to ${show(interval[1])}`;
    const judged = interval
      ? `${pct} interval ${shownInterval}, ${worseSide} bound judged`
      : finite(point)
        ? `point value ${show(point)}, no interval`
        : "no value";
    checks.push({
      kind,
      threshold,
      measured: finite(worse) ? worse : null,
      outcome,
      passed: outcome === "pass",
      interval: interval ? [interval[0], interval[1]] : null,
      description: `${rule} (${judged})`,
    });
  };
  const relPoint = delta !== null && baseline ? delta / Math.abs(baseline) : null;
  if (gate.max_drop !== undefined) {
    const t = gate.max_drop;
    changeRule("max_drop", t, delta, ci, "lower", (x) => x >= -t, "change >= -", change);
  }
  if (gate.max_relative_drop !== undefined) {
    const t = gate.max_relative_drop;
    changeRule("max_relative_drop", t, relPoint, ciRelative, "lower", (x) => x >= -t, "relative change >= -", percent);
  }
  if (gate.max_increase !== undefined) {
    const t = gate.max_increase;
    changeRule("max_increase", t, delta, ci, "upper", (x) => x <= t, "change <= +", change);
  }
  if (gate.max_relative_increase !== undefined) {
    const t = gate.max_relative_increase;
    changeRule(
      "max_relative_increase",
      t,
      relPoint,
      ciRelative,
      "upper",
      (x) => x <= t,
      "relative change <= +",
      percent,
    );
  }
  if (gate.min_gain !== undefined) {
    const t = gate.min_gain;
    // The improvement in the metric's own direction: the delta, or minus the delta for lower-is-better metrics.
    const gain = delta === null ? null : direction === "higher" ? delta : -delta;
    const gainCi: [number, number] | null = ci ? (direction === "higher" ? [ci[0], ci[1]] : [-ci[1], -ci[0]]) : null;
    changeRule(
      "min_gain",
      t,
      gain,
      gainCi,
      "lower",
      (x) => x >= t,
      "improvement >= ",
      (x) => (proportion ? formatDelta(x, true) : formatDelta(x, false)),
    );
  }
  return checks;
}
