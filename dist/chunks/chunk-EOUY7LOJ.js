import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);

// src/compare/runResamples.ts
var POISSON_CUTS = (() => {
  const cuts = new Float64Array(14);
  let term = Math.exp(-1);
  let cdf = 0;
  for (let k = 0; k < 13; k++) {
    cdf += term;
    term /= k + 1;
    cuts[k] = Math.min(4294967296, Math.floor(cdf * 4294967296));
  }
  cuts[13] = 4294967296;
  return cuts;
})();
function redrawKey(key) {
  return mixSeed(key, 2147483647);
}
function rowKey(row) {
  return lowbias32(row + 1540483477 | 0);
}
function lowbias32(x) {
  x ^= x >>> 16;
  x = Math.imul(x, 2146121005);
  x ^= x >>> 15;
  x = Math.imul(x, 2221713035);
  x ^= x >>> 16;
  return x >>> 0;
}
var POISSON_BY_TOP_BITS = (() => {
  const table = new Uint8Array(4096);
  for (let b = 0; b < 4096; b++) {
    const lo = poissonOf(b * 1048576);
    table[b] = lo === poissonOf(b * 1048576 + 1048575) ? lo : 255;
  }
  return table;
})();
function poissonOf(u) {
  let k = 0;
  while (u >= POISSON_CUTS[k]) k++;
  return k;
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
function positionKeys(plan) {
  const keys = new Int32Array(plan.rows);
  for (let p = 0; p < plan.rows; p++) keys[p] = rowKey(plan.rowAt[p]);
  return keys;
}
function runResamples(plan, seed, first, count, out) {
  const n = plan.rows;
  const E = plan.entries;
  const S = plan.statCount;
  const { pattern, patternStart, patternOffsets, offsets, values } = plan;
  const keys = positionKeys(plan);
  const patterns = patternStart.length - 1;
  const patternWeight = new Float64Array(patterns);
  const { sumOffsets, sumValues } = plan;
  const sums = sumOffsets.length;
  const weight = new Uint8Array(n);
  const lead = plan.curves[0];
  const noCurve = new Uint8Array(0);
  const leadPositive = lead?.positive ?? noCurve;
  const leadTieEnd = lead?.tieEnd ?? noCurve;
  const finite = allFinite(values);
  const finiteSums = allFinite(sumValues);
  for (let r = 0; r < count; r++) {
    const base = r * S;
    let key = mixSeed(seed, first + r);
    let total = 0;
    let tp = 0;
    let fp = 0;
    let tp0 = 0;
    let fp0 = 0;
    let area = 0;
    let precisionSum = 0;
    for (let again = true; again; again = total === 0 && n > 0, key = redrawKey(key)) {
      patternWeight.fill(0);
      total = tp = fp = tp0 = fp0 = area = precisionSum = 0;
      for (let p = 0; p < n; p++) {
        const u = lowbias32(keys[p] ^ key);
        let w = POISSON_BY_TOP_BITS[u >>> 20];
        if (w === 255) w = poissonOf(u);
        weight[p] = w;
        total += w;
        patternWeight[pattern[p]] += w;
        if (finite || w !== 0) for (let e = p * E; e < p * E + E; e++) out[base + offsets[e]] += w * values[e];
        if (lead) {
          const positive = w * leadPositive[p];
          tp += positive;
          fp += w - positive;
          if (leadTieEnd[p]) {
            area += (fp - fp0) * (tp + tp0);
            precisionSum += (tp - tp0) * tp / (tp + fp || 1);
            tp0 = tp;
            fp0 = fp;
          }
        }
      }
    }
    out[base] = total;
    for (let k = 0; k < sums; k++) out[base + sumOffsets[k]] += weightedSum(weight, sumValues, k * n, n, finiteSums);
    if (lead) writeCurve(out, base + lead.rocAt, tp, fp, area, precisionSum);
    for (let c = 1; c < plan.curves.length; c++) {
      const { position, positive, tieEnd, rocAt } = plan.curves[c];
      tp = fp = tp0 = fp0 = area = precisionSum = 0;
      for (let j = 0; j < n; j++) {
        const w = weight[position[j]];
        const hit = w * positive[j];
        tp += hit;
        fp += w - hit;
        if (tieEnd[j]) {
          area += (fp - fp0) * (tp + tp0);
          precisionSum += (tp - tp0) * tp / (tp + fp || 1);
          tp0 = tp;
          fp0 = fp;
        }
      }
      writeCurve(out, base + rocAt, tp, fp, area, precisionSum);
    }
    for (let q = 0; q < patterns; q++) {
      const w = patternWeight[q];
      if (w === 0) continue;
      for (let k = patternStart[q]; k < patternStart[q + 1]; k++) out[base + patternOffsets[k]] += w;
    }
  }
}
function weightedSum(weight, values, at, n, finite) {
  if (!finite) {
    let sum = 0;
    for (let p2 = 0; p2 < n; p2++) if (weight[p2] !== 0) sum += weight[p2] * values[at + p2];
    return sum;
  }
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let p = 0;
  for (; p + 3 < n; p += 4) {
    s0 += weight[p] * values[at + p];
    s1 += weight[p + 1] * values[at + p + 1];
    s2 += weight[p + 2] * values[at + p + 2];
    s3 += weight[p + 3] * values[at + p + 3];
  }
  for (; p < n; p++) s0 += weight[p] * values[at + p];
  return s0 + s1 + (s2 + s3);
}
function allFinite(values) {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return false;
  return true;
}
function writeCurve(out, at, tp, fp, area, precisionSum) {
  out[at] = tp === 0 || fp === 0 ? NaN : area / 2 / (tp * fp);
  out[at + 1] = tp === 0 ? NaN : precisionSum / tp;
}

export {
  runResamples
};
