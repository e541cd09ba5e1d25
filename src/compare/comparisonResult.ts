import { contractNumber } from "../contracts/contractJson.js";

/**
 * The comparison contract: candidate vs production baseline, per metric and overall. Written by `modelguard compare
 * --json`, read by the report templates and the Action.
 */
export type Verdict = "pass" | "fail" | "warn";
/**
 * What the evidence shows, before `on_inconclusive` turns it into a verdict: "inconclusive" when a gate's interval
 * straddles its allowed change (neither within it nor beyond it at the chosen confidence).
 */
export type Outcome = Verdict | "inconclusive";
/** A gate's status: its verdict ("warn" for a failing advisory gate), or "inconclusive". */
export type GateStatus = Outcome;
export type CheckOutcome = "pass" | "fail" | "inconclusive";
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
  /**
   * pass: the worse bound of the interval is within the allowed change; fail: even the better bound is beyond it (a
   * failure shown with confidence), or the point value fails when there is no interval; inconclusive: in between.
   */
  outcome: CheckOutcome;
  /** outcome === "pass". */
  passed: boolean;
  /**
   * The interval the rule was judged on, in the rule's terms: the delta's for change rules, the relative delta's for
   * relative rules (a fraction of |baseline|), the improvement's for min_gain; null for min/max and without pairs.
   */
  interval: [number, number] | null;
  /** Without the metric's name, in its unit: "change >= -0.50 pp (lower bound of the 95% interval)". */
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
  /** The same for (candidate - baseline) / |baseline|, what relative rules are judged on; null without pairs. */
  ci_relative: [number, number] | null;
  /**
   * What made `ci` (paired comparisons; absent in comparisons written before it was recorded): the percentile
   * bootstrap, or an analytic interval (estimate +- z x standard error) with `ci_analytic` naming the formula.
   */
  ci_method?: "bootstrap" | "analytic" | null;
  /** With ci_method analytic: "delong" (ROC AUC), "clt" (means of per-row terms), "delta" (ratios, average precision). */
  ci_analytic?: "delong" | "clt" | "delta" | null;
  /**
   * The smallest change this comparison can tell from no change at this many rows: half the width of `ci`, in the
   * metric's unit. A change rule whose allowed change is below it can pass only when the candidate is measurably
   * better. Null without an interval.
   */
  detectable_change: number | null;
  /** The gate in the metric's unit, e.g. "min 90%, max_drop 0.50 pp"; null when the metric is not gated. */
  rule: string | null;
  checks: GateCheck[];
  /** null when not gated; "warn" when an advisory gate (on_fail: warn) fails; "inconclusive" (see GateCheck). */
  status: GateStatus | null;
  /** Backwards-compatible boolean of the contract: status === "pass" (null when not gated). */
  passed: boolean | null;
  /** accuracy only, paired: exact McNemar test of the disagreements. */
  mcnemar?: { baseline_only_correct: number; candidate_only_correct: number; p_value: number };
}

export interface ComparisonResult {
  kind: "modelguard.comparison";
  version: 1;
  /** The decision (what exit codes and the Action follow): `outcome` with `on_inconclusive` applied. */
  verdict: Verdict;
  /** What the evidence shows; "inconclusive" when no gate failed with confidence but some could not be decided. */
  outcome: Outcome;
  /** What an inconclusive outcome was turned into. */
  on_inconclusive: "fail" | "warn" | "pass";
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
  /** `compare --slice-by COL`: each slice's change with its interval and gate, and fairness gaps between slices. */
  slices?: SliceComparison;
  notes: string[];
  duration_ms: number;
}

export interface SliceComparison {
  column: string;
  /** The metric compared per slice. */
  metric: string;
  direction: MetricDirection;
  /** Slices with fewer rows are reported, not gated. */
  min_size: number;
  /** The slice gate in the metric's unit, e.g. "max_drop 2.00 pp"; null when slices are not gated. */
  rule: string | null;
  slices: SliceMetricComparison[];
  /** Binary tasks: largest minus smallest rate between slices of at least min_size rows, per model and rate. */
  gaps: FairnessGap[];
  /** "pass"/"fail"/"warn"/"inconclusive" over the judged slices; null when not gated. */
  status: GateStatus | null;
}

export interface SliceMetricComparison {
  /** The slice column's value as text; null for missing cells. */
  value: string | null;
  size: number;
  /** size >= min_size: gated (when a slice gate is configured). */
  judged: boolean;
  baseline: number | null;
  candidate: number | null;
  delta: number | null;
  /** Paired bootstrap interval of the delta on this slice's rows. */
  ci: [number, number] | null;
  detectable_change: number | null;
  checks: GateCheck[];
  status: GateStatus | null;
}

export interface FairnessGap {
  /** positive_rate: share of rows predicted positive; true_positive_rate: recall of the positive class. */
  kind: "positive_rate" | "true_positive_rate";
  model: "candidate" | "baseline";
  /** The slice with the highest and the lowest rate (values as text, null for missing cells). */
  high: { value: string | null; rate: number };
  low: { value: string | null; rate: number };
  /** high.rate - low.rate. */
  gap: number;
  /** Bootstrap interval of the gap between these two slices, resampling each slice's rows. */
  ci: [number, number] | null;
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
      ci_relative: m.ci_relative ? [num(m.ci_relative[0])!, num(m.ci_relative[1])!] : null,
      detectable_change: num(m.detectable_change ?? null),
      checks: m.checks.map((k) => ({
        ...k,
        measured: num(k.measured),
        interval: k.interval ? [num(k.interval[0])!, num(k.interval[1])!] : null,
        outcome: k.outcome ?? (k.passed ? "pass" : "fail"),
      })),
    })),
    // Comparisons written before the inconclusive outcome existed: their verdict is what the evidence showed.
    outcome: c.outcome ?? c.verdict,
    on_inconclusive: c.on_inconclusive ?? "fail",
  };
}
