import { ModelguardError } from "../errors.js";
import type { ClassificationPredictions, Predictions } from "../model/evaluate/predictions.js";
import { classificationMetrics } from "../model/metrics/classificationMetrics.js";
import { regressionMetrics } from "../model/metrics/regressionMetrics.js";
import { mcnemarExact } from "../stats/mcnemarExact.js";
import type { ComparisonResult, GateCheck, MetricComparison, ModelSide, Verdict } from "./comparisonResult.js";
import { checkGateMetrics, describeGate, type Gate, type GatePolicy } from "./gates.js";
import { DEFAULT_COMPARED_METRICS, METRIC_DIRECTIONS } from "./metricDirection.js";
import type { BootstrapInterval } from "./pairedBootstrap.js";
import { pairedIntervals, type IntervalChoice } from "./pairedIntervals.js";

export interface CompareModelsInput {
  candidate: Predictions;
  baseline: Predictions;
  candidateSide: ModelSide;
  baselineSide: ModelSide;
  data: { path: string; sha256: string; rows: number } | null;
  policy: GatePolicy;
  /** Extra metrics to show; default: the task's usual set plus every gated metric. */
  metrics?: readonly string[];
  /** `--interval`: auto (analytic at large n, see pairedIntervals), bootstrap or analytic. Default auto. */
  interval?: IntervalChoice;
}

/**
 * Compares two models evaluated on the same rows. Point values come from the metric module (equal to
 * scikit-learn's); intervals from a paired bootstrap of the difference. A change rule passes only when the
 * interval's bound on the worse side clears the allowed change: non-inferiority shown at the chosen confidence.
 */
export async function compareModels(input: CompareModelsInput): Promise<ComparisonResult> {
  const started = Date.now();
  const candidate = input.candidate;
  const baseline = alignClasses(candidate, input.baseline);
  const rows = candidate.rowCount;
  const task = candidate.task;
  checkGateMetrics(input.policy.gates, task);
  const names = metricNames(task, input.policy.gates, input.metrics);
  const pointC = pointMetrics(candidate);
  const pointB = pointMetrics(baseline);
  const notes: string[] = [];

  const intervals = await pairedIntervals(names, candidate, baseline, {
    ...input.policy,
    interval: input.interval ?? "auto",
  });
  const methods = [...new Set([...intervals.values()].map((iv) => iv.method))];
  if (methods.some((m) => m !== "bootstrap"))
    notes.push(
      `intervals: ${[...intervals].map(([name, iv]) => `${name} ${INTERVAL_LABELS[iv.method]}`).join(", ")} (--interval ${input.interval ?? "auto"})`,
    );
  for (const [name, iv] of intervals) {
    if (iv.undefinedResamples > 0) {
      notes.push(
        `${name}: undefined on ${iv.undefinedResamples} of ${input.policy.resamples} resamples (e.g. a class missing), left out of its interval`,
      );
    }
  }

  const metrics: MetricComparison[] = names.map((name) => {
    const gate = input.policy.gates.find((g) => g.metric === name);
    const b = pointB[name] ?? null;
    const c = pointC[name] ?? null;
    const iv = intervals.get(name);
    const entry = judge(name, gate, b, c, iv ?? null, input.policy.confidence);
    if (name === "accuracy" && task !== "regression")
      entry.mcnemar = mcnemar(candidate, baseline as ClassificationPredictions);
    return entry;
  });
  for (const g of input.policy.gates) {
    if (pointC[g.metric] === undefined)
      notes.push(
        `gate on ${g.metric}: the metric is not available for these models (${task}${"proba" in candidate && !candidate.proba ? ", labels only" : ""})`,
      );
  }
  const { verdict, reason } = verdictOf(metrics, input.policy, rows, true);
  return {
    kind: "modelguard.comparison",
    version: 1,
    verdict,
    reason,
    task,
    paired: true,
    confidence: input.policy.confidence,
    resamples: input.policy.resamples,
    seed: input.policy.seed,
    rows,
    data: input.data,
    candidate: input.candidateSide,
    baseline: input.baselineSide,
    metrics,
    notes,
    duration_ms: Date.now() - started,
  };
}

export function metricNames(
  task: ComparisonResult["task"],
  gates: readonly Gate[],
  extra?: readonly string[],
): string[] {
  return [...new Set([...gates.map((g) => g.metric), ...(extra ?? DEFAULT_COMPARED_METRICS[task])])];
}

function pointMetrics(p: Predictions): Record<string, number> {
  if (p.task === "regression") return regressionMetrics(p.yTrue, p.yPred).metrics;
  return classificationMetrics({
    yTrue: p.yTrue,
    yPred: p.yPred,
    ...(p.proba ? { proba: p.proba } : {}),
    classes: p.classes,
    ...(p.task === "binary" ? { positiveIndex: p.positiveIndex ?? 1 } : {}),
  }).metrics;
}

/** Applies a gate's rules to one metric; with an interval, change rules use its bound on the worse side. */
export function judge(
  name: string,
  gate: Gate | undefined,
  baseline: number | null,
  candidate: number | null,
  iv: BootstrapInterval | null,
  confidence: number,
): MetricComparison {
  const direction = gate?.direction ?? METRIC_DIRECTIONS[name] ?? "higher";
  const delta = baseline !== null && candidate !== null ? candidate - baseline : null;
  const ci = iv && Number.isFinite(iv.delta[0]) ? iv.delta : null;
  const entry: MetricComparison = {
    name,
    direction,
    baseline,
    candidate,
    delta,
    ci,
    rule: gate ? describeGate(gate) : null,
    checks: [],
    status: null,
    passed: null,
  };
  if (!gate) return entry;
  const pct = `${Math.round(confidence * 100)}%`;
  const checks: GateCheck[] = [];
  const add = (kind: string, threshold: number, measured: number | null, ok: (m: number) => boolean, what: string) => {
    const passed = measured !== null && Number.isFinite(measured) && ok(measured);
    checks.push({
      kind,
      threshold,
      measured: measured !== null && Number.isFinite(measured) ? measured : null,
      passed,
      description: what,
    });
  };
  const relative = (d: number | null) => (d !== null && baseline ? d / Math.abs(baseline) : null);
  const worseLow = ci ? ci[0] : delta;
  const worseHigh = ci ? ci[1] : delta;
  const relLow = iv?.relative && ci ? iv.relative[0] : relative(delta);
  const relHigh = iv?.relative && ci ? iv.relative[1] : relative(delta);
  const bound = (lowOrHigh: "lower" | "upper") =>
    ci ? ` (${lowOrHigh} bound of the ${pct} interval)` : " (point estimate)";
  if (gate.min !== undefined) add("min", gate.min, candidate, (m) => m >= gate.min!, `${name} >= ${gate.min}`);
  if (gate.max !== undefined) add("max", gate.max, candidate, (m) => m <= gate.max!, `${name} <= ${gate.max}`);
  if (gate.max_drop !== undefined)
    add(
      "max_drop",
      gate.max_drop,
      worseLow,
      (m) => m >= -gate.max_drop!,
      `${name}: change >= -${gate.max_drop}${bound("lower")}`,
    );
  if (gate.max_relative_drop !== undefined)
    add(
      "max_relative_drop",
      gate.max_relative_drop,
      relLow,
      (m) => m >= -gate.max_relative_drop!,
      `${name}: relative change >= -${gate.max_relative_drop}${bound("lower")}`,
    );
  if (gate.max_increase !== undefined)
    add(
      "max_increase",
      gate.max_increase,
      worseHigh,
      (m) => m <= gate.max_increase!,
      `${name}: change <= +${gate.max_increase}${bound("upper")}`,
    );
  if (gate.max_relative_increase !== undefined)
    add(
      "max_relative_increase",
      gate.max_relative_increase,
      relHigh,
      (m) => m <= gate.max_relative_increase!,
      `${name}: relative change <= +${gate.max_relative_increase}${bound("upper")}`,
    );
  if (gate.min_gain !== undefined) {
    const gain = direction === "higher" ? worseLow : worseHigh === null ? null : -worseHigh;
    add(
      "min_gain",
      gate.min_gain,
      gain,
      (m) => m >= gate.min_gain!,
      `${name}: improvement >= ${gate.min_gain}${bound(direction === "higher" ? "lower" : "upper")}`,
    );
  }
  entry.checks = checks;
  entry.status = checks.every((c) => c.passed) ? "pass" : gate.on_fail;
  entry.passed = entry.status === "pass";
  return entry;
}

export function verdictOf(
  metrics: readonly MetricComparison[],
  policy: GatePolicy,
  rows: number | null,
  paired: boolean,
): { verdict: Verdict; reason: string } {
  const gated = metrics.filter((m) => m.status !== null);
  const failed = gated.filter((m) => m.status === "fail");
  const warned = gated.filter((m) => m.status === "warn");
  const pct = `${Math.round(policy.confidence * 100)}%`;
  if (failed.length > 0) return { verdict: "fail", reason: failureReason(failed[0]!, pct) + more(failed.length) };
  if (warned.length > 0)
    return { verdict: "warn", reason: "advisory gate: " + failureReason(warned[0]!, pct) + more(warned.length) };
  if (gated.length === 0) return { verdict: "pass", reason: "no gates configured: metrics compared, nothing enforced" };
  const how = paired ? `at ${pct} confidence on ${rows} paired rows` : "on point values (no paired rows)";
  return { verdict: "pass", reason: `all ${gated.length} gate${gated.length > 1 ? "s" : ""} pass ${how}` };
}

function failureReason(m: MetricComparison, pct: string): string {
  const check = m.checks.find((c) => !c.passed)!;
  const fmt = (x: number | null) =>
    x === null || !Number.isFinite(x) ? "n/a" : (Math.round(x * 1e4) / 1e4).toString();
  const signed = (x: number | null) => (x !== null && x > 0 ? "+" : "") + fmt(x);
  if (check.kind === "min" || check.kind === "max") {
    return `${m.name} is ${fmt(m.candidate)}, ${check.kind === "min" ? "below the minimum" : "above the maximum"} ${check.threshold}`;
  }
  const interval = m.ci ? ` (${pct} interval ${signed(m.ci[0])} to ${signed(m.ci[1])})` : "";
  if (check.kind === "min_gain")
    return `${m.name} did not improve by ${check.threshold}: change ${signed(m.delta)}${interval}`;
  const worse = m.direction === "higher" ? "dropped" : "increased";
  const may = m.ci ? "may have" : "has";
  const allowed = check.kind.includes("relative") ? `${check.threshold * 100}% of the baseline` : `${check.threshold}`;
  return `${m.name} ${may} ${worse} by more than the allowed ${allowed}: change ${signed(m.delta)}${interval}`;
}

function more(n: number): string {
  return n > 1 ? ` (and ${n - 1} more gate${n > 2 ? "s" : ""})` : "";
}

function mcnemar(c: ClassificationPredictions, b: ClassificationPredictions): MetricComparison["mcnemar"] {
  let baseOnly = 0;
  let candOnly = 0;
  for (let i = 0; i < c.rowCount; i++) {
    const cr = c.yPred[i] === c.yTrue[i];
    const br = b.yPred[i] === b.yTrue[i];
    if (br && !cr) baseOnly++;
    else if (cr && !br) candOnly++;
  }
  return {
    baseline_only_correct: baseOnly,
    candidate_only_correct: candOnly,
    p_value: mcnemarExact(baseOnly, candOnly),
  };
}

/**
 * The baseline's predictions in the candidate's class order, after checking both were evaluated on the same rows
 * with the same targets.
 */
function alignClasses(candidate: Predictions, baseline: Predictions): Predictions {
  const fail = (why: string) =>
    new ModelguardError(
      "input",
      `the two models cannot be compared on paired rows: ${why}`,
      "evaluate both models on the same data file with the same --target",
    );
  if (candidate.task !== baseline.task) throw fail(`the candidate is ${candidate.task}, the baseline ${baseline.task}`);
  if (candidate.rowCount !== baseline.rowCount) throw fail(`${candidate.rowCount} rows vs ${baseline.rowCount}`);
  if (candidate.task === "regression" || baseline.task === "regression") {
    for (let i = 0; i < candidate.rowCount; i++)
      if (candidate.yTrue[i] !== baseline.yTrue[i]) throw fail(`the targets differ at row ${i}`);
    return baseline;
  }
  const b = baseline as ClassificationPredictions;
  const map = candidate.classes.map((label) => b.classes.indexOf(label));
  if (map.some((k) => k < 0) || b.classes.length !== candidate.classes.length) {
    throw fail(`the classes differ: [${candidate.classes.join(", ")}] vs [${b.classes.join(", ")}]`);
  }
  const inverse = new Int32Array(b.classes.length);
  map.forEach((bk, ck) => (inverse[bk] = ck));
  const yTrue = b.yTrue.map((k) => inverse[k]!);
  for (let i = 0; i < candidate.rowCount; i++)
    if (yTrue[i] !== candidate.yTrue[i]) throw fail(`the targets differ at row ${i}`);
  const C = b.classes.length;
  let proba: Float64Array | undefined;
  if (b.proba) {
    proba = new Float64Array(b.proba.length);
    for (let i = 0; i < b.rowCount; i++) for (let ck = 0; ck < C; ck++) proba[i * C + ck] = b.proba[i * C + map[ck]!]!;
  }
  return {
    ...b,
    classes: candidate.classes,
    ...(candidate.task === "binary" ? { positiveIndex: candidate.positiveIndex } : {}),
    yTrue,
    yPred: b.yPred.map((k) => inverse[k]!),
    ...(proba ? { proba } : {}),
  };
}

const INTERVAL_LABELS: Readonly<Record<string, string>> = {
  bootstrap: "bootstrap",
  clt: "normal (CLT)",
  delta: "delta method",
  delong: "DeLong",
};
