import { ModelguardError } from "../errors.js";
import { validateContract } from "../contracts/validateContract.js";
import { readYamlFile } from "../config/readYamlFile.js";
import { didYouMean } from "../schema/didYouMean.js";
import { formatDelta, formatParameter, isProportionMetric } from "../report/formatNumber.js";
import type { MetricDirection } from "./comparisonResult.js";
import { METRIC_DIRECTIONS, TASK_METRICS } from "./metricDirection.js";
import type { IntervalChoice } from "./pairedIntervals.js";

export interface Gate {
  metric: string;
  direction: MetricDirection;
  min?: number;
  max?: number;
  max_drop?: number;
  max_relative_drop?: number;
  max_increase?: number;
  max_relative_increase?: number;
  min_gain?: number;
  on_fail: "fail" | "warn";
}

/** What an inconclusive gate (its interval straddles the allowed change) does to the verdict. */
export type OnInconclusive = "fail" | "warn" | "pass";

/** Gates per slice of `compare --slice-by COL`: each slice of at least `min_size` rows is gated on `metric`. */
export interface SliceGate {
  metric: string;
  min_size: number;
  max_drop?: number;
  max_increase?: number;
  on_fail: "fail" | "warn";
}

export interface GatePolicy {
  gates: Gate[];
  confidence: number;
  resamples: number;
  seed: number;
  /** Default "fail": nothing ships on no evidence. */
  on_inconclusive: OnInconclusive;
  /** Per-slice gates; null when not configured (slices are then reported, not gated). */
  slices: SliceGate | null;
  /** How intervals are made (`interval:`, `--interval`); absent means auto (see pairedIntervals). */
  interval?: IntervalChoice;
}

const GATES_FILE_KEYS = [
  "$schema",
  "version",
  "gates",
  "confidence",
  "resamples",
  "seed",
  "on_inconclusive",
  "interval",
  "slices",
];

/** Slices smaller than this are reported but not gated, unless `slices.min_size` says otherwise. */
export const DEFAULT_SLICE_MIN_SIZE = 200;

/** The rules a gate can have, in the order describeGate lists them. */
const RULE_KEYS = [
  "min",
  "max",
  "max_drop",
  "max_relative_drop",
  "max_increase",
  "max_relative_increase",
  "min_gain",
] as const;

/** The most bootstrap resamples a comparison runs (schemas/gates.schema.json, `--resamples`). */
export const MAX_RESAMPLES = 100_000;

export const DEFAULT_GATE_POLICY: Omit<GatePolicy, "gates" | "slices"> = {
  confidence: 0.95,
  resamples: 2000,
  seed: 0,
  on_inconclusive: "fail",
};

type RawGate = Omit<Gate, "metric" | "direction" | "on_fail"> & {
  direction?: MetricDirection;
  on_fail?: "fail" | "warn";
};
interface RawGates {
  gates?: Record<string, RawGate>;
  confidence?: number;
  resamples?: number;
  seed?: number;
  on_inconclusive?: OnInconclusive;
  interval?: IntervalChoice;
  slices?: { metric?: string; min_size?: number; max_drop?: number; max_increase?: number; on_fail?: "fail" | "warn" };
}

/**
 * Reads gates from a gates file or from the `gates:` section of modelguard.yml (same keys: gates, confidence,
 * resamples, seed). Rules that contradict a metric's direction (max_drop on log_loss) are errors with the fix.
 */
export function readGatePolicy(path: string): GatePolicy {
  const value = readYamlFile(path, "config", "gates file");
  if (value === null || typeof value !== "object") {
    throw new ModelguardError(
      "config",
      `${path}: expected a mapping with a gates: section`,
      "see schemas/gates.schema.json",
      { file: path },
    );
  }
  // A key a gates file does not have means this is a whole modelguard.yml: check it as one.
  const isProjectConfig = Object.keys(value).some((k) => !GATES_FILE_KEYS.includes(k));
  const problems = validateContract(isProjectConfig ? "config.schema.json" : "gates.schema.json", value);
  if (problems.length > 0) {
    throw new ModelguardError(
      "config",
      `${path}: ${problems.slice(0, 5).join("; ")}`,
      "see schemas/gates.schema.json",
      { file: path },
    );
  }
  return gatePolicyFrom(value as RawGates, path);
}

export function gatePolicyFrom(raw: RawGates, source = "gates"): GatePolicy {
  // YAML's .inf and .nan are numbers to the schema; as a threshold they would make a gate that can never pass (or
  // always does), so they are refused here with the key that holds them.
  const finite = (key: string, value: number | undefined): void => {
    if (value !== undefined && !Number.isFinite(value)) {
      throw new ModelguardError(
        "config",
        `${source}: ${key}: must be a finite number, got ${value}`,
        "write the bound as a number (not .inf or .nan), or leave the rule out",
      );
    }
  };
  finite("confidence", raw.confidence);
  finite("resamples", raw.resamples);
  finite("seed", raw.seed);
  const gates: Gate[] = [];
  for (const [metric, g] of Object.entries(raw.gates ?? {})) {
    for (const k of RULE_KEYS) finite(`gates.${metric}.${k}`, g[k]);
    const known = METRIC_DIRECTIONS[metric];
    const direction = g.direction ?? known;
    if (!direction) {
      const guess = didYouMean(metric, Object.keys(METRIC_DIRECTIONS));
      throw new ModelguardError(
        "config",
        `${source}: gates.${metric}: unknown metric${guess ? ` (did you mean '${guess}'?)` : ""}`,
        "use a built-in metric name, or add `direction: higher` / `direction: lower` for a metric of your own metrics.json",
      );
    }
    const wrong =
      direction === "lower"
        ? (["max_drop", "max_relative_drop"] as const).filter((k) => g[k] !== undefined)
        : (["max_increase", "max_relative_increase"] as const).filter((k) => g[k] !== undefined);
    if (wrong.length > 0) {
      const fix = direction === "lower" ? wrong[0]!.replace("drop", "increase") : wrong[0]!.replace("increase", "drop");
      throw new ModelguardError(
        "config",
        `${source}: gates.${metric}.${wrong[0]}: ${metric} is ${direction === "lower" ? "lower" : "higher"}-is-better, so it cannot ${direction === "lower" ? "drop" : "increase"} into a regression`,
        `use ${fix} for ${metric}`,
      );
    }
    if (g.min !== undefined && g.max !== undefined && g.min > g.max) {
      throw new ModelguardError("config", `${source}: gates.${metric}: min ${g.min} is above max ${g.max}`);
    }
    const { direction: _d, on_fail, ...rules } = g;
    gates.push({ metric, direction, on_fail: on_fail ?? "fail", ...rules });
  }
  return {
    gates,
    confidence: raw.confidence ?? DEFAULT_GATE_POLICY.confidence,
    resamples: raw.resamples ?? DEFAULT_GATE_POLICY.resamples,
    seed: raw.seed ?? DEFAULT_GATE_POLICY.seed,
    on_inconclusive: raw.on_inconclusive ?? DEFAULT_GATE_POLICY.on_inconclusive,
    slices: raw.slices ? sliceGateFrom(raw.slices, source, finite) : null,
    ...(raw.interval !== undefined ? { interval: raw.interval } : {}),
  };
}

function sliceGateFrom(
  raw: NonNullable<RawGates["slices"]>,
  source: string,
  finite: (key: string, value: number | undefined) => void,
): SliceGate {
  finite("slices.min_size", raw.min_size);
  finite("slices.max_drop", raw.max_drop);
  finite("slices.max_increase", raw.max_increase);
  const metric = raw.metric ?? "accuracy";
  const direction = METRIC_DIRECTIONS[metric];
  if (!direction) {
    const guess = didYouMean(metric, Object.keys(METRIC_DIRECTIONS));
    throw new ModelguardError(
      "config",
      `${source}: slices.metric: unknown metric ${metric}${guess ? ` (did you mean '${guess}'?)` : ""}`,
      "gate slices on a built-in metric (accuracy, recall, rmse, ...)",
    );
  }
  const wrong = direction === "lower" ? raw.max_drop : raw.max_increase;
  if (wrong !== undefined) {
    const [bad, good] = direction === "lower" ? ["max_drop", "max_increase"] : ["max_increase", "max_drop"];
    throw new ModelguardError(
      "config",
      `${source}: slices.${bad}: ${metric} is ${direction}-is-better, so a regression is not ${direction === "lower" ? "a drop" : "an increase"}`,
      `use slices.${good} for ${metric}`,
    );
  }
  return {
    metric,
    min_size: raw.min_size ?? DEFAULT_SLICE_MIN_SIZE,
    ...(raw.max_drop !== undefined ? { max_drop: raw.max_drop } : {}),
    ...(raw.max_increase !== undefined ? { max_increase: raw.max_increase } : {}),
    on_fail: raw.on_fail ?? "fail",
  };
}

/**
 * Gates must name metrics the comparison can have: a built-in metric of another task (rmse on a binary task) is a
 * config error naming the metric and the task's metrics, not a gate that fails every run. `documentMetrics` are the
 * names the two metrics.json files carry (aggregate comparisons), where a metric of the user's own may be gated; a
 * paired comparison computes the built-in metrics only.
 */
export function checkGateMetrics(
  gates: readonly Gate[],
  task: keyof typeof TASK_METRICS,
  documentMetrics?: ReadonlySet<string>,
): void {
  const ofTask = TASK_METRICS[task];
  const label = task === "regression" ? "regression" : `${task} classification`;
  for (const g of gates) {
    if (ofTask.includes(g.metric)) continue;
    const builtin = METRIC_DIRECTIONS[g.metric] !== undefined;
    if (!builtin && documentMetrics?.has(g.metric)) continue;
    const have = [...ofTask, ...[...(documentMetrics ?? [])].filter((m) => !ofTask.includes(m)).sort()];
    const guess = didYouMean(g.metric, have);
    throw new ModelguardError(
      "config",
      `gates.${g.metric}: ${builtin ? `${g.metric} is not a metric of ${label}` : `neither model has a metric ${g.metric}`}${guess ? ` (did you mean '${guess}'?)` : ""}; this comparison has: ${have.join(", ")}`,
      builtin
        ? "remove the gate, or gate one of the task's metrics (a gates file can only be shared by models of one task)"
        : documentMetrics
          ? "gate a metric both metrics.json files carry"
          : "a paired comparison computes the built-in metrics only: gate one of them, or compare metrics files (--candidate/--baseline) to gate a metric of your own",
    );
  }
}

/**
 * The rule in the metric's unit, as the report shows its values: proportions (accuracy, f1, ...) in percent and
 * their changes in percentage points ("min 90%, max_drop 0.50 pp"), relative rules in percent of the baseline
 * ("max_relative_drop 1% of baseline"), other metrics as written ("max_increase 0.02").
 */
export function describeGate(g: Gate): string {
  const parts = RULE_KEYS.filter((k) => g[k] !== undefined).map(
    (k) => `${k} ${formatRuleThreshold(g.metric, k, g[k]!)}`,
  );
  return parts.join(", ") + (g.on_fail === "warn" ? " (warn only)" : "");
}

/** One threshold of a rule in the unit its metric is shown in (see describeGate). */
export function formatRuleThreshold(metric: string, kind: string, threshold: number): string {
  if (kind.includes("relative")) return `${formatParameter(threshold * 100)}% of baseline`;
  const proportion = isProportionMetric(metric);
  if (kind === "min" || kind === "max")
    return proportion ? `${formatParameter(threshold * 100)}%` : formatParameter(threshold);
  return proportion ? formatDelta(threshold, true).replace(/^\+/, "") : formatParameter(threshold);
}
