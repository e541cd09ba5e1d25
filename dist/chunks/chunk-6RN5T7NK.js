import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);

// src/compare/runResamples.ts
function resampleCounts(seed, r, counts) {
  const n = counts.length;
  counts.fill(0);
  let a = mixSeed(seed, r);
  for (let k = 0; k < n; k++) {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    counts[Math.floor(((t ^ t >>> 14) >>> 0) / 4294967296 * n)]++;
  }
}
function mixSeed(seed, r) {
  let h = (Math.imul(seed >>> 0, 2654435761) ^ Math.imul(r + 1, 2246822507)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507);
  h ^= h >>> 13;
  h = Math.imul(h, 3266489909);
  h ^= h >>> 16;
  return h >>> 0;
}
function runResamples(plan, seed, first, count, out) {
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
      const w = counts[i];
      if (w === 0) continue;
      total += w;
      const e0 = i * E;
      for (let e = e0; e < e0 + E; e++) out[base + offsets[e]] += w * values[e];
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
        const w = counts[order[j]];
        if (w !== 0) {
          if (positive[j]) tp += w;
          else fp += w;
        }
        if (!tieEnd[j]) continue;
        if (fp !== fp0) area += (fp - fp0) * (tp + tp0) / 2;
        if (tp !== tp0) precisionSum += (tp - tp0) * tp / (tp + fp);
        tp0 = tp;
        fp0 = fp;
      }
      out[base + c.rocAt] = tp === 0 || fp === 0 ? NaN : area / (tp * fp);
      out[base + c.rocAt + 1] = tp === 0 ? NaN : precisionSum / tp;
    }
  }
}

export {
  runResamples
};
