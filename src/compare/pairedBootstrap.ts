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
  const lower = (1 - options.confidence) / 2;
  const upper = 1 - lower;
  const out = new Map<string, BootstrapInterval>();
  metrics.forEach((m, k) => {
    const n = filled[k]!;
    if (n === 0) {
      out.set(m.name, { delta: [NaN, NaN], relative: null, undefinedResamples: options.resamples });
      return;
    }
    const d = deltas[k]!.subarray(0, n);
    radixSortFloat64InPlace(d);
    const rel = relatives[k]!.subarray(0, n);
    if (relativeOk[k]) radixSortFloat64InPlace(rel);
    out.set(m.name, {
      delta: [quantileSorted(d, lower), quantileSorted(d, upper)],
      relative: relativeOk[k] ? [quantileSorted(rel, lower), quantileSorted(rel, upper)] : null,
      undefinedResamples: options.resamples - n,
    });
  });
  return out;
}
