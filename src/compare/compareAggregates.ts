import type { MetricsDocument } from "../model/evaluate/metricsDocument.js";
import type { ComparisonResult, ModelSide } from "./comparisonResult.js";
import { metricNames } from "./compareModels.js";
import { verdictOf } from "./comparisonVerdict.js";
import { judgeMetric } from "./judgeMetric.js";
import { checkGateMetrics, type GatePolicy } from "./gates.js";

/**
 * Compares two metrics documents when only aggregates exist (e.g. the baseline's metrics.json from main): gates see
 * point values, without intervals, and the result says so.
 */
export function compareAggregates(input: {
  candidate: MetricsDocument;
  baseline: MetricsDocument;
  candidateSide: ModelSide;
  baselineSide: ModelSide;
  policy: GatePolicy;
  metrics?: readonly string[];
}): ComparisonResult {
  const started = Date.now();
  const { candidate, baseline, policy } = input;
  checkGateMetrics(
    policy.gates,
    candidate.task,
    new Set([...Object.keys(candidate.metrics), ...Object.keys(baseline.metrics)]),
  );
  const notes = [
    "aggregate metrics only: without paired predictions the gates compare point values, with no confidence interval",
  ];
  if (candidate.task !== baseline.task)
    notes.push(`the candidate's task is ${candidate.task}, the baseline's ${baseline.task}`);
  if (candidate.data.sha256 !== baseline.data.sha256) {
    notes.push(
      `the two metrics come from different data (sha256 ${candidate.data.sha256.slice(0, 12)} vs ${baseline.data.sha256.slice(0, 12)}): differences mix model and data changes`,
    );
  }
  const names = metricNames(candidate.task, policy.gates, input.metrics).filter(
    (n) => n in candidate.metrics || n in baseline.metrics || policy.gates.some((g) => g.metric === n),
  );
  const metrics = names.map((name) =>
    judgeMetric(
      name,
      policy.gates.find((g) => g.metric === name),
      baseline.metrics[name] ?? null,
      candidate.metrics[name] ?? null,
      null,
      policy.confidence,
    ),
  );
  const { verdict, outcome, reason } = verdictOf(metrics, policy, null, false);
  return {
    kind: "modelguard.comparison",
    version: 1,
    verdict,
    outcome,
    on_inconclusive: policy.on_inconclusive,
    reason,
    task: candidate.task,
    paired: false,
    confidence: policy.confidence,
    resamples: 0,
    seed: policy.seed,
    rows: candidate.data.rows,
    data: candidate.data,
    candidate: input.candidateSide,
    baseline: input.baselineSide,
    metrics,
    notes,
    duration_ms: Date.now() - started,
  };
}
