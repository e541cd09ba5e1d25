import type { ClassificationPredictions, Predictions } from "../model/evaluate/predictions.js";
import { MISSING_SLICE } from "../model/evaluate/sliceKeyOf.js";
import type { SliceKey } from "../model/metrics/slicedMetrics.js";
import { quantileSorted } from "../stats/quantileSorted.js";
import { seededRandom } from "../stats/seededRandom.js";
import type { FairnessGap, GateStatus, SliceComparison, SliceMetricComparison } from "./comparisonResult.js";
import { DEFAULT_SLICE_MIN_SIZE, formatRuleThreshold, type GatePolicy } from "./gates.js";
import { gateChecks, statusOf } from "./judgeMetric.js";
import { METRIC_DIRECTIONS } from "./metricDirection.js";
import { pairedBootstrap } from "./pairedBootstrap.js";
import { prepareResampledMetric } from "./resampledMetric.js";

export interface CompareSlicesInput {
  /** Both models' predictions on the same rows, the baseline's classes in the candidate's order. */
  candidate: Predictions;
  baseline: Predictions;
  column: string;
  key: SliceKey;
  policy: GatePolicy;
}

/**
 * The comparison per slice of `--slice-by COL`: for each value of the column, both models' metric on its rows and a
 * paired bootstrap interval of the change (the same resampling as the whole comparison, on the slice's rows only),
 * judged by `policy.slices` when the slice has at least `min_size` rows. For binary tasks, the fairness gaps teams ask
 * for: the largest minus the smallest positive rate, and true-positive rate, between slices of at least `min_size`
 * rows, per model, each with a bootstrap interval that resamples the two slices' rows separately (the two slices are
 * chosen on the point rates, so the interval is of the gap between those two, not of a maximum over all pairs).
 */
export function compareSlices(input: CompareSlicesInput): SliceComparison {
  const { candidate, baseline, key, policy } = input;
  const gate = policy.slices;
  const metric = gate?.metric ?? (candidate.task === "regression" ? "rmse" : "accuracy");
  const direction = METRIC_DIRECTIONS[metric] ?? "higher";
  const minSize = gate?.min_size ?? DEFAULT_SLICE_MIN_SIZE;
  const rowsOf = groupRows(key);
  const gated = gate !== null && (gate.max_drop !== undefined || gate.max_increase !== undefined);

  const slices: SliceMetricComparison[] = key.labels.map((label, k) => {
    const rows = rowsOf[k]!;
    const value = label === MISSING_SLICE ? null : label;
    const judged = rows.length >= minSize;
    const c = rows.length > 0 ? prepareResampledMetric(metric, subset(candidate, rows)) : null;
    const b = rows.length > 0 ? prepareResampledMetric(metric, subset(baseline, rows)) : null;
    const ones = new Float64Array(rows.length).fill(1);
    const cv = c ? finiteOrNull(c.evaluate(ones)) : null;
    const bv = b ? finiteOrNull(b.evaluate(ones)) : null;
    const delta = cv !== null && bv !== null ? cv - bv : null;
    let ci: [number, number] | null = null;
    if (c && b && rows.length > 1) {
      const iv = pairedBootstrap(rows.length, [{ name: metric, candidate: c, baseline: b }], policy).get(metric);
      if (iv && Number.isFinite(iv.delta[0]) && Number.isFinite(iv.delta[1])) ci = iv.delta;
    }
    const checks =
      gated && judged
        ? gateChecks(
            metric,
            {
              ...(gate.max_drop !== undefined ? { max_drop: gate.max_drop } : {}),
              ...(gate.max_increase !== undefined ? { max_increase: gate.max_increase } : {}),
            },
            direction,
            cv,
            delta,
            ci,
            null,
            bv,
            policy.confidence,
          )
        : [];
    return {
      value,
      size: rows.length,
      judged,
      baseline: bv,
      candidate: cv,
      delta,
      ci,
      detectable_change: ci ? (ci[1] - ci[0]) / 2 : null,
      checks,
      status: checks.length > 0 ? statusOf(checks, gate!.on_fail) : null,
    };
  });
  // Sorted by value as the metrics document sorts slices; missing last.
  const order = slices
    .map((s, k) => ({ s, k }))
    .sort((a, b) =>
      a.s.value === b.s.value
        ? a.k - b.k
        : a.s.value === null
          ? 1
          : b.s.value === null
            ? -1
            : a.s.value < b.s.value
              ? -1
              : 1,
    );
  const rule = gated
    ? [
        gate.max_drop !== undefined ? `max_drop ${formatRuleThreshold(metric, "max_drop", gate.max_drop)}` : "",
        gate.max_increase !== undefined
          ? `max_increase ${formatRuleThreshold(metric, "max_increase", gate.max_increase)}`
          : "",
        `on slices of at least ${minSize} rows`,
        gate.on_fail === "warn" ? "(warn only)" : "",
      ]
        .filter(Boolean)
        .join(", ")
    : null;
  const statuses = slices.flatMap((s) => (s.status ? [s.status] : []));
  return {
    column: input.column,
    metric,
    direction,
    min_size: minSize,
    rule,
    slices: order.map((o) => o.s),
    gaps:
      candidate.task === "binary" && baseline.task === "binary"
        ? [
            ...fairnessGaps(candidate, "candidate", key, rowsOf, minSize, policy),
            ...fairnessGaps(baseline, "baseline", key, rowsOf, minSize, policy),
          ]
        : [],
    status: gated ? worst(statuses) : null,
  };
}

function worst(statuses: GateStatus[]): GateStatus {
  for (const s of ["fail", "inconclusive", "warn"] as const) if (statuses.includes(s)) return s;
  return "pass";
}

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

function groupRows(key: SliceKey): Int32Array[] {
  const counts = new Int32Array(key.labels.length);
  for (const c of key.codes) counts[c]!++;
  const out = Array.from(counts, (n) => new Int32Array(n));
  const next = new Int32Array(key.labels.length);
  key.codes.forEach((c, i) => (out[c]![next[c]!++] = i));
  return out;
}

/** The predictions of the given rows only, in their order. */
function subset(p: Predictions, rows: Int32Array): Predictions {
  if (p.task === "regression") {
    return {
      task: "regression",
      rowCount: rows.length,
      yTrue: Float64Array.from(rows, (i) => p.yTrue[i]!),
      yPred: Float64Array.from(rows, (i) => p.yPred[i]!),
    };
  }
  const C = p.classes.length;
  let proba: Float64Array | undefined;
  if (p.proba) {
    proba = new Float64Array(rows.length * C);
    rows.forEach((i, j) => proba!.set(p.proba!.subarray(i * C, (i + 1) * C), j * C));
  }
  return {
    ...p,
    rowCount: rows.length,
    yTrue: Int32Array.from(rows, (i) => p.yTrue[i]!),
    yPred: Int32Array.from(rows, (i) => p.yPred[i]!),
    ...(proba ? { proba } : {}),
  };
}

/** Numerator and denominator indicators of a rate on each row of a slice. */
interface RateRows {
  hit: Uint8Array;
  base: Uint8Array;
}

function rateRows(p: ClassificationPredictions, rows: Int32Array, kind: FairnessGap["kind"]): RateRows {
  const pos = p.positiveIndex ?? 1;
  const hit = new Uint8Array(rows.length);
  const base = new Uint8Array(rows.length);
  rows.forEach((i, j) => {
    const predicted = p.yPred[i] === pos ? 1 : 0;
    if (kind === "positive_rate") {
      base[j] = 1;
      hit[j] = predicted;
    } else if (p.yTrue[i] === pos) {
      base[j] = 1;
      hit[j] = predicted;
    }
  });
  return { hit, base };
}

function rate(r: RateRows): number {
  let h = 0;
  let b = 0;
  for (let j = 0; j < r.hit.length; j++) {
    h += r.hit[j]!;
    b += r.base[j]!;
  }
  return b > 0 ? h / b : NaN;
}

function fairnessGaps(
  p: Predictions,
  model: FairnessGap["model"],
  key: SliceKey,
  rowsOf: Int32Array[],
  minSize: number,
  policy: Pick<GatePolicy, "confidence" | "resamples" | "seed">,
): FairnessGap[] {
  if (p.task !== "binary") return [];
  const out: FairnessGap[] = [];
  for (const kind of ["positive_rate", "true_positive_rate"] as const) {
    const rated = key.labels
      .map((label, k) => ({ label, rows: rateRows(p, rowsOf[k]!, kind), size: rowsOf[k]!.length }))
      .filter((s) => s.size >= minSize)
      .map((s) => ({ ...s, rate: rate(s.rows) }))
      .filter((s) => Number.isFinite(s.rate));
    if (rated.length < 2) continue;
    const high = rated.reduce((a, b) => (b.rate > a.rate ? b : a));
    const low = rated.reduce((a, b) => (b.rate < a.rate ? b : a));
    const label = (l: string) => (l === MISSING_SLICE ? null : l);
    out.push({
      kind,
      model,
      high: { value: label(high.label), rate: high.rate },
      low: { value: label(low.label), rate: low.rate },
      gap: high.rate - low.rate,
      ci: gapInterval(high.rows, low.rows, policy),
    });
  }
  return out;
}

/** Percentile bootstrap of rate(a) - rate(b), resampling each slice's rows separately; seeded. */
export function gapInterval(
  a: RateRows,
  b: RateRows,
  policy: Pick<GatePolicy, "confidence" | "resamples" | "seed">,
): [number, number] | null {
  const random = seededRandom(policy.seed);
  const draw = (r: RateRows) => {
    const n = r.hit.length;
    let h = 0;
    let d = 0;
    for (let j = 0; j < n; j++) {
      const i = Math.floor(random() * n);
      h += r.hit[i]!;
      d += r.base[i]!;
    }
    return d > 0 ? h / d : NaN;
  };
  const gaps = new Float64Array(policy.resamples);
  let filled = 0;
  for (let r = 0; r < policy.resamples; r++) {
    const g = draw(a) - draw(b);
    if (Number.isFinite(g)) gaps[filled++] = g;
  }
  if (filled === 0) return null;
  const sorted = gaps.subarray(0, filled).sort();
  const lower = (1 - policy.confidence) / 2;
  return [quantileSorted(sorted, lower), quantileSorted(sorted, 1 - lower)];
}
