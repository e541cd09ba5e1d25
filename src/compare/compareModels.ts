import { ModelguardError } from "../errors.js";
import type { ClassificationPredictions, Predictions } from "../model/evaluate/predictions.js";
import { classificationMetrics } from "../model/metrics/classificationMetrics.js";
import { regressionMetrics } from "../model/metrics/regressionMetrics.js";
import { mcnemarExact } from "../stats/mcnemarExact.js";
import type { SliceKey } from "../model/metrics/slicedMetrics.js";
import type { ComparisonResult, MetricComparison, ModelSide } from "./comparisonResult.js";
import { compareSlices } from "./compareSlices.js";
import { verdictOf } from "./comparisonVerdict.js";
import { checkGateMetrics, type Gate, type GatePolicy } from "./gates.js";
import { judgeMetric } from "./judgeMetric.js";
import { DEFAULT_COMPARED_METRICS } from "./metricDirection.js";
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
  /** Each model's metrics on these rows when the caller has them (evaluateModel's document): not computed again. */
  pointMetrics?: { candidate: Record<string, number>; baseline: Record<string, number> };
  /** `--interval`: auto (analytic at large n, see pairedIntervals), bootstrap or analytic. Default auto. */
  interval?: IntervalChoice;
  /** `--slice-by`: the slice of every row; compared per slice (compareSlices) and judged into the verdict. */
  slices?: { column: string; key: SliceKey };
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
  const pointC = input.pointMetrics?.candidate ?? pointMetrics(candidate);
  const pointB = input.pointMetrics?.baseline ?? pointMetrics(baseline);
  const notes: string[] = [];

  const intervals = await pairedIntervals(names, candidate, baseline, {
    ...input.policy,
    interval: input.interval ?? input.policy.interval ?? "auto",
  });
  const methods = [...new Set([...intervals.values()].map((iv) => iv.method))];
  if (methods.some((m) => m !== "bootstrap"))
    notes.push(
      `intervals: ${[...intervals].map(([name, iv]) => `${name} ${INTERVAL_LABELS[iv.method]}`).join(", ")} (--interval ${input.interval ?? input.policy.interval ?? "auto"})`,
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
    const analytic = entry.ci && iv && iv.method !== "bootstrap" ? iv.method : null;
    entry.ci_method = entry.ci ? (analytic ? "analytic" : "bootstrap") : null;
    entry.ci_analytic = analytic;
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
  const slices = input.slices
    ? compareSlices({ candidate, baseline, column: input.slices.column, key: input.slices.key, policy: input.policy })
    : undefined;
  const { verdict, outcome, reason } = verdictOf(metrics, input.policy, rows, true, slices);
  return {
    kind: "modelguard.comparison",
    version: 1,
    verdict,
    outcome,
    on_inconclusive: input.policy.on_inconclusive,
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
    ...(slices ? { slices } : {}),
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

/** judgeMetric, under the name the comparison modules and their tests have used. */
export const judge = judgeMetric;

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
  if (map.every((bk, ck) => bk === ck) && candidate.positiveIndex === b.positiveIndex) {
    // The same class order (the usual case): nothing to remap, only the targets to check.
    for (let i = 0; i < candidate.rowCount; i++)
      if (b.yTrue[i] !== candidate.yTrue[i]) throw fail(`the targets differ at row ${i}`);
    return b;
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
