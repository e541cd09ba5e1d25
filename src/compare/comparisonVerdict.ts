import {
  formatCount,
  formatDelta,
  formatInterval,
  formatParameter,
  isProportionMetric,
} from "../report/formatNumber.js";
import type { GateCheck, GateStatus, MetricComparison, Outcome, SliceComparison, Verdict } from "./comparisonResult.js";
import type { GatePolicy } from "./gates.js";

/** One gated thing the verdict weighs: a metric, or one slice of `--slice-by`. */
interface Judged {
  /** "accuracy", or "accuracy on size_band = large". */
  label: string;
  metric: string;
  status: GateStatus;
  advisory: boolean;
  delta: number | null;
  candidate: number | null;
  ci: [number, number] | null;
  detectable: number | null;
  checks: GateCheck[];
  /** Rows this was judged on. */
  rows: number | null;
}

/**
 * The verdict of a comparison and the one line that explains it. The outcome is what the evidence shows: fail when a
 * gate failed with confidence, else inconclusive when a gate's interval straddles its allowed change, else warn (an
 * advisory gate failed) or pass. The verdict applies `policy.on_inconclusive` to an inconclusive outcome (an advisory
 * gate is never worse than warn). An inconclusive reason names the interval, the allowed change, the smallest change
 * the data can show and, for accuracy, what one row is worth.
 */
export function verdictOf(
  metrics: readonly MetricComparison[],
  policy: Pick<GatePolicy, "gates" | "confidence" | "on_inconclusive">,
  rows: number | null,
  paired: boolean,
  slices?: SliceComparison,
): { verdict: Verdict; outcome: Outcome; reason: string } {
  const pct = `${Number((policy.confidence * 100).toFixed(1))}%`;
  const judged: Judged[] = metrics
    .filter((m) => m.status !== null)
    .map((m) => ({
      label: m.name,
      metric: m.name,
      status: m.status!,
      advisory: policy.gates.find((g) => g.metric === m.name)?.on_fail === "warn",
      delta: m.delta,
      candidate: m.candidate,
      ci: m.ci,
      detectable: m.detectable_change,
      checks: m.checks,
      rows,
    }));
  if (slices && slices.rule !== null) {
    for (const s of slices.slices) {
      if (s.status === null) continue;
      judged.push({
        label: `${slices.metric} on ${slices.column} = ${s.value ?? "(missing)"}`,
        metric: slices.metric,
        status: s.status,
        advisory: s.status === "warn",
        delta: s.delta,
        candidate: s.candidate,
        ci: s.ci,
        detectable: s.detectable_change,
        checks: s.checks,
        rows: s.size,
      });
    }
  }
  const failed = judged.filter((j) => j.status === "fail");
  const warned = judged.filter((j) => j.status === "warn");
  const unsure = judged.filter((j) => j.status === "inconclusive");
  const onInconclusive = (j: Judged): Verdict =>
    j.advisory && policy.on_inconclusive === "fail" ? "warn" : policy.on_inconclusive;
  const decisions: Verdict[] = [
    ...failed.map(() => "fail" as const),
    ...warned.map(() => "warn" as const),
    ...unsure.map(onInconclusive),
  ];
  const verdict: Verdict = decisions.includes("fail") ? "fail" : decisions.includes("warn") ? "warn" : "pass";
  const outcome: Outcome =
    failed.length > 0 ? "fail" : unsure.length > 0 ? "inconclusive" : warned.length > 0 ? "warn" : "pass";

  if (failed.length > 0) return { verdict, outcome, reason: failureReason(failed[0]!, pct) + more(failed.length) };
  if (unsure.length > 0) {
    const also = unsure.length > 1 ? ` ${inconclusiveMore(unsure.slice(1))}` : "";
    const warnedToo = warned.length > 0 ? ` Advisory: ${failureReason(warned[0]!, pct)}.` : "";
    return {
      verdict,
      outcome,
      reason: `Not enough evidence: ${inconclusiveReason(unsure[0]!, pct)}.${also}${warnedToo} on_inconclusive: ${policy.on_inconclusive}.`,
    };
  }
  if (warned.length > 0)
    return { verdict, outcome, reason: "advisory gate: " + failureReason(warned[0]!, pct) + more(warned.length) };
  if (judged.length === 0)
    return { verdict, outcome, reason: "no gates configured: metrics compared, nothing enforced" };
  const how = paired ? `at ${pct} confidence on ${formatCount(rows)} paired rows` : "on point values (no paired rows)";
  return { verdict, outcome, reason: `all ${judged.length} gate${judged.length > 1 ? "s" : ""} pass ${how}` };
}

function value(metric: string, x: number | null): string {
  if (x === null || !Number.isFinite(x)) return "n/a";
  return isProportionMetric(metric) ? `${formatParameter(Number((x * 100).toFixed(2)))}%` : formatParameter(x);
}

function change(metric: string, x: number | null): string {
  return formatDelta(x, isProportionMetric(metric));
}

function interval(j: Judged, pct: string): string {
  return j.ci ? ` (${pct} interval ${formatInterval(j.ci, isProportionMetric(j.metric))})` : "";
}

function failureReason(j: Judged, pct: string): string {
  const check = j.checks.find((c) => c.outcome === "fail")!;
  if (check.kind === "min" || check.kind === "max")
    return `${j.label} is ${value(j.metric, j.candidate)}, ${check.kind === "min" ? "below the minimum" : "above the maximum"} ${value(j.metric, check.threshold)}`;
  if (check.kind === "min_gain")
    return `${j.label} did not improve by ${allowed(j.metric, check)}: change ${change(j.metric, j.delta)}${interval(j, pct)}`;
  const worse = check.kind.includes("drop") ? "dropped" : "increased";
  const shown = j.ci ? "" : " (point values, no interval)";
  return `${j.label} ${worse} by more than the allowed ${allowed(j.metric, check)}: change ${change(j.metric, j.delta)}${interval(j, pct)}${shown}`;
}

function allowed(metric: string, check: GateCheck): string {
  if (check.kind.includes("relative")) return `${formatParameter(check.threshold * 100)}% of the baseline`;
  return isProportionMetric(metric)
    ? formatDelta(check.threshold, true).replace(/^\+/, "")
    : formatParameter(check.threshold);
}

function inconclusiveReason(j: Judged, pct: string): string {
  const check = j.checks.find((c) => c.outcome === "inconclusive")!;
  const what = check.kind.includes("drop")
    ? "drop"
    : check.kind.includes("increase")
      ? "increase"
      : "required improvement";
  const judgedOn = check.kind.includes("relative")
    ? ` (relative change ${pct} interval ${percent(check.interval![0])} to ${percent(check.interval![1])})`
    : interval(j, pct);
  const parts = [
    `${j.label} changed ${change(j.metric, j.delta)}${judgedOn}, which straddles the allowed ${what} of ${allowed(j.metric, check)}`,
  ];
  // Accuracy moves in steps of one row: say how big a step is, so a margin below one row reads as what it is.
  if (j.metric === "accuracy" && j.rows !== null && j.rows > 0)
    parts.push(
      `with ${formatCount(j.rows)} test rows one row is ${change(j.metric, 1 / j.rows).replace(/^\+/, "")} of accuracy`,
    );
  if (j.detectable !== null)
    parts.push(
      `the smallest change these rows can show is about ±${change(j.metric, j.detectable).replace(/^\+/, "")}`,
    );
  return parts.join("; ");
}

function percent(x: number): string {
  return `${x > 0 ? "+" : ""}${formatParameter(x * 100)}%`;
}

function inconclusiveMore(rest: Judged[]): string {
  const names = rest.slice(0, 5).map((j) => j.label);
  const tail = rest.length > 5 ? ` and ${rest.length - 5} more` : "";
  return `Also inconclusive: ${names.join(", ")}${tail}.`;
}

function more(n: number): string {
  return n > 1 ? ` (and ${n - 1} more gate${n > 2 ? "s" : ""})` : "";
}
