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
  const deltas = metrics.map(() => new Float64Array(options.resamples));
  const relatives = metrics.map(() => new Float64Array(options.resamples));
  const filled = metrics.map(() => 0);
  const relativeOk = metrics.map(() => true);
  for (let r = 0; r < options.resamples; r++) {
    counts.fill(0);
    for (let i = 0; i < rows; i++) counts[Math.floor(random() * rows)]!++;
    metrics.forEach((m, k) => {
      const c = m.candidate.evaluate(counts);
      const b = m.baseline.evaluate(counts);
      if (!Number.isFinite(c) || !Number.isFinite(b)) return;
      const j = filled[k]!++;
      deltas[k]![j] = c - b;
      if (b === 0) relativeOk[k] = false;
      else relatives[k]![j] = (c - b) / Math.abs(b);
    });
  }
  return percentileIntervals(
    metrics.map((m) => m.name),
    { deltas, relatives, filled, relativeOk },
    options,
  );
}

/**
 * Percentile intervals from per-resample deltas: `filled[k]` of deltas[k] hold resamples on which metric k was defined
 * for both models; relative deltas only when the baseline was never 0.
 */
export function percentileIntervals(
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
