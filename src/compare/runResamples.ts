import type { ResamplePlan } from "./resamplePlan.js";

/**
 * Resample r's row counts: `rows` draws with replacement (a multinomial, the classical bootstrap), from a generator
 * seeded by (seed, r) alone, so a resample is the same whichever thread draws it and however the work is split.
 * Counts are bytes: a count above 255 has probability below 1e-500 at any row count (each is about Poisson(1)), and
 * runResamples checks that the counts add up to `rows`, so a wrap-around could not pass unnoticed.
 */
export function resampleCounts(seed: number, r: number, counts: Uint8Array): void {
  const n = counts.length;
  counts.fill(0);
  // mulberry32 (src/stats/seededRandom.ts) inlined: this loop runs rows x resamples times.
  let a = mixSeed(seed, r);
  for (let k = 0; k < n; k++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    counts[Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n)]!++;
  }
}

/** A 32-bit seed for resample r of a run seeded `seed` (murmur3's finaliser over both). */
function mixSeed(seed: number, r: number): number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(r + 1, 0x85ebca6b)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Runs resamples first .. first + count - 1 of a plan: per resample, draws the counts, makes one pass over the rows
 * for the additive statistics and one pass per score curve in its presorted order, and writes the resample's
 * `plan.statCount` numbers to out[(r - first) * statCount ...].
 */
export function runResamples(plan: ResamplePlan, seed: number, first: number, count: number, out: Float64Array): void {
  const n = plan.rows;
  const E = plan.entries;
  const S = plan.statCount;
  const { offsets, values } = plan;
  const counts = new Uint8Array(n);
  for (let r = 0; r < count; r++) {
    resampleCounts(seed, first + r, counts);
    const base = r * S;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const w = counts[i]!;
      if (w === 0) continue;
      total += w;
      const e0 = i * E;
      for (let e = e0; e < e0 + E; e++) out[base + offsets[e]!]! += w * values[e]!;
    }
    if (total !== n) throw new Error(`bootstrap counts add up to ${total}, not ${n}: a row count overflowed`);
    out[base] = total;
    for (const c of plan.curves) {
      const { order, positive, tieEnd } = c;
      let tp = 0;
      let fp = 0;
      let tp0 = 0;
      let fp0 = 0;
      let area = 0;
      let precisionSum = 0;
      for (let j = 0; j < n; j++) {
        const w = counts[order[j]!]!;
        if (w !== 0) {
          if (positive[j]) tp += w;
          else fp += w;
        }
        if (!tieEnd[j]) continue;
        if (fp !== fp0) area += ((fp - fp0) * (tp + tp0)) / 2;
        // Average precision (scikit-learn's step form): recall gained at this threshold x precision at it.
        if (tp !== tp0) precisionSum += ((tp - tp0) * tp) / (tp + fp);
        tp0 = tp;
        fp0 = fp;
      }
      out[base + c.rocAt] = tp === 0 || fp === 0 ? NaN : area / (tp * fp);
      out[base + c.rocAt + 1] = tp === 0 ? NaN : precisionSum / tp;
    }
  }
}
