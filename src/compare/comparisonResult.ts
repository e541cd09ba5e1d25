import { contractNumber } from "../contracts/contractJson.js";

/**
 * The comparison contract: candidate vs production baseline, per metric and overall. Written by `modelguard compare
 * --json`, read by the report templates and the Action.
 */
export type Verdict = "pass" | "fail" | "warn";
export type MetricDirection = "higher" | "lower";

/** One requirement of a gate, e.g. `max_drop: 0.005` on accuracy, with what was measured against it. */
export interface GateCheck {
  /** min | max | max_drop | max_relative_drop | max_increase | max_relative_increase | min_gain */
  kind: string;
  threshold: number;
  /**
   * The number compared with the threshold: the candidate's value for min/max; for change rules the confidence bound of
   * the (relative) delta on the worse side when paired, the point delta otherwise.
   */
  measured: number | null;
  passed: boolean;
  /** "accuracy: delta >= -0.005 at 95% (lower bound -0.0031)". */
  description: string;
}

export interface MetricComparison {
  name: string;
  direction: MetricDirection;
  baseline: number | null;
  candidate: number | null;
  /** candidate - baseline. */
  delta: number | null;
  /** Percentile bootstrap interval of the delta at `confidence`, paired on the same rows; null without pairs. */
  ci: [number, number] | null;
  /** The gate as the user wrote it, e.g. "min 0.9, max_drop 0.005"; null when the metric is not gated. */
  rule: string | null;
  checks: GateCheck[];
  /** null when not gated; "warn" when an advisory gate (on_fail: warn) fails. */
  status: Verdict | null;
  /** Backwards-compatible boolean of the contract: status === "pass" (null when not gated). */
  passed: boolean | null;
  /** accuracy only, paired: exact McNemar test of the disagreements. */
  mcnemar?: { baseline_only_correct: number; candidate_only_correct: number; p_value: number };
}

export interface ComparisonResult {
  kind: "modelguard.comparison";
  version: 1;
  verdict: Verdict;
  /** One line a reviewer reads first: why the verdict is what it is. */
  reason: string;
  task: "binary" | "multiclass" | "regression";
  /** True when both models were evaluated on the same rows and every interval is a paired bootstrap. */
  paired: boolean;
  confidence: number;
  resamples: number;
  seed: number;
  rows: number | null;
  data: { path: string; sha256: string; rows: number } | null;
  candidate: ModelSide;
  baseline: ModelSide;
  metrics: MetricComparison[];
  notes: string[];
  duration_ms: number;
}

export interface ModelSide {
  /** Where it came from: a model path, a metrics.json path, git:REF:PATH, or registry:NAME@vN. */
  source: string;
  model: { path: string; sha256: string; bytes: number } | null;
  /** When the model came from a model registry (`registry:NAME[@vN]`): which version, and whether it was production. */
  registry?: RegistryVersionRef;
}

export interface RegistryVersionRef {
  /** The registry: a directory path or github:OWNER/REPO. */
  uri: string;
  name: string;
  version: number;
  /** True when it was production at the time of the comparison. */
  production: boolean;
}

/**
 * A comparison as stringifyContract wrote it, read back: metric values, deltas, interval bounds and measured gate
 * values written as "Infinity", "-Infinity" or "NaN" (an infinite rmse, say) become numbers again. Expects a value
 * the comparison JSON Schema accepted.
 */
export function reviveComparison(c: ComparisonResult): ComparisonResult {
  const num = (x: number | null) => contractNumber(x) as number | null;
  return {
    ...c,
    metrics: c.metrics.map((m) => ({
      ...m,
      baseline: num(m.baseline),
      candidate: num(m.candidate),
      delta: num(m.delta),
      ci: m.ci === null ? null : [num(m.ci[0])!, num(m.ci[1])!],
      checks: m.checks.map((k) => ({ ...k, measured: num(k.measured) })),
    })),
  };
}
