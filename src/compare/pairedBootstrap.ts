import { quantileSorted } from "../stats/quantileSorted.js";
import { radixSortFloat64InPlace } from "../stats/radixSortFloat64.js";
import { seededRandom } from "../stats/seededRandom.js";
import type { ResampledMetric } from "./resampledMetric.js";

export interface PairedMetric {
  name: string;
  candidate: ResampledMetric;
  baseline: ResampledMetric;
}

export interface BootstrapInterval {
  /** Percentile interval of candidate - baseline. */
  delta: [number, number];
  /** Percentile interval of (candidate - baseline) / |baseline|; null when the baseline was 0 on some resample. */
  relative: [number, number] | null;
  /** Resamples on which the metric was undefined for either model (e.g. one class only), left out. */
  undefinedResamples: number;
}

/**
 * Paired percentile bootstrap: each resample draws `rows` rows with replacement (the same rows for both models, so
 * the noise both models share cancels out of the difference), and evaluates every metric for both models on it.
 * Seeded: the same inputs give the same intervals everywhere.
 */
export function pairedBootstrap(
  rows: number,
  metrics: readonly PairedMetric[],
  options: { resamples: number; seed: number; confidence: number },
): Map<string, BootstrapInterval> {
  const random = seededRandom(options.seed);
  const counts = new Float64Array(rows);
  const deltas = new ResampleDeltas(metrics.length, options.resamples);
  for (let r = 0; r < options.resamples; r++) {
    counts.fill(0);
    for (let i = 0; i < rows; i++) counts[Math.floor(random() * rows)]!++;
    metrics.forEach((m, k) => deltas.record(k, m.candidate.evaluate(counts), m.baseline.evaluate(counts)));
  }
  return deltas.intervals(
    metrics.map((m) => m.name),
    options,
  );
}

/**
 * The per-resample changes of each metric, as both bootstraps (this one and the weighted pass) collect them: a
 * resample where either model's value is undefined is left out; relative changes are kept only while the baseline
 * was never 0.
 */
export class ResampleDeltas {
  private readonly deltas: Float64Array[];
  private readonly relatives: Float64Array[];
  private readonly filled: number[];
  private readonly relativeOk: boolean[];

  constructor(metrics: number, resamples: number) {
    this.deltas = Array.from({ length: metrics }, () => new Float64Array(resamples));
    this.relatives = Array.from({ length: metrics }, () => new Float64Array(resamples));
    this.filled = new Array<number>(metrics).fill(0);
    this.relativeOk = new Array<boolean>(metrics).fill(true);
  }

  record(k: number, candidate: number, baseline: number): void {
    if (!Number.isFinite(candidate) || !Number.isFinite(baseline)) return;
    const j = this.filled[k]!++;
    this.deltas[k]![j] = candidate - baseline;
    if (baseline === 0) this.relativeOk[k] = false;
    else this.relatives[k]![j] = (candidate - baseline) / Math.abs(baseline);
  }

  intervals(
    names: readonly string[],
    options: { resamples: number; confidence: number },
  ): Map<string, BootstrapInterval> {
    const { deltas, relatives, filled, relativeOk } = this;
    return percentileIntervals(names, { deltas, relatives, filled, relativeOk }, options);
  }
}

/**
 * Percentile intervals from per-resample deltas: `filled[k]` of deltas[k] hold resamples on which metric k was defined
 * for both models; relative deltas only when the baseline was never 0.
 */
function percentileIntervals(
  names: readonly string[],
  d: { deltas: Float64Array[]; relatives: Float64Array[]; filled: number[]; relativeOk: boolean[] },
  options: { resamples: number; confidence: number },
): Map<string, BootstrapInterval> {
  const lower = (1 - options.confidence) / 2;
  const upper = 1 - lower;
  const out = new Map<string, BootstrapInterval>();
  names.forEach((name, k) => {
    const n = d.filled[k]!;
    if (n === 0) {
      out.set(name, { delta: [NaN, NaN], relative: null, undefinedResamples: options.resamples });
      return;
    }
    const deltas = d.deltas[k]!.subarray(0, n);
    radixSortFloat64InPlace(deltas);
    const rel = d.relatives[k]!.subarray(0, n);
    if (d.relativeOk[k]) radixSortFloat64InPlace(rel);
    out.set(name, {
      delta: [quantileSorted(deltas, lower), quantileSorted(deltas, upper)],
      relative: d.relativeOk[k] ? [quantileSorted(rel, lower), quantileSorted(rel, upper)] : null,
      undefinedResamples: options.resamples - n,
    });
  });
  return out;
}
