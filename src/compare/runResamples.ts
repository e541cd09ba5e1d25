import type { ResamplePlan } from "./resamplePlan.js";

/**
 * P(Poisson(1) <= k) x 2^32, k = 0..12, then 2^32: a uniform 32-bit u maps to the smallest k with u < POISSON_CUTS[k].
 * Each probability is exact to 2^-32; P(count >= 13) is 1.6e-11, below that resolution, so counts are 0..12.
 */
const POISSON_CUTS = (() => {
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

/**
 * Every row's count in resample r of a run seeded `seed` (counts.length is the row count): Poisson(1), the Poisson
 * bootstrap. Each row is drawn a Poisson(1) number of times, independently, which for thousands of rows is the
 * classical bootstrap's multinomial in all but name and needs no pass to draw. A count is a hash of (seed, r, row), so
 * it is the same whichever thread computes it, in whatever order the rows are walked, however the work is split;
 * runResamples draws exactly these.
 */
export function resampleCounts(seed: number, r: number, counts: Uint8Array): void {
  for (let key = mixSeed(seed, r); ; key = redrawKey(key)) {
    let total = 0;
    for (let i = 0; i < counts.length; i++) total += counts[i] = poissonOf(mixRow(rowKey(i), key));
    if (total > 0 || counts.length === 0) return;
  }
}

/**
 * The key a resample is drawn again with when every count came out 0 (probability e^-rows): a resample with no rows
 * has no metric, so the Poisson bootstrap here is conditioned on at least one row, as the multinomial always is.
 */
function redrawKey(key: number): number {
  return mixSeed(key, 0x7fffffff);
}
/** A row's own 32-bit key (lowbias32 of the index), fixed for the run: resamples differ by the key they mix in. */
function rowKey(row: number): number {
  return lowbias32((row + 0x5bd1e995) | 0);
}

/**
 * Chris Wellons' lowbias32 integer hash of the row key xor the resample key. Hashing the row first keeps two resamples
 * from being shifted copies of each other (which a hash of row + key would give), since rows of a file are often
 * sorted and neighbours alike.
 */
function mixRow(rowKeyValue: number, key: number): number {
  return lowbias32(rowKeyValue ^ key);
}

function lowbias32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * The count for each value of u's top 12 bits, or 255 where a cut point falls inside that bucket (13 of 4,096 buckets:
 * poissonOf decides those); one byte read in L1 instead of a chain of unpredictable comparisons.
 */
const POISSON_BY_TOP_BITS = (() => {
  const table = new Uint8Array(4096);
  for (let b = 0; b < 4096; b++) {
    const lo = poissonOf(b * 1048576);
    table[b] = lo === poissonOf(b * 1048576 + 1048575) ? lo : 255;
  }
  return table;
})();

function poissonOf(u: number): number {
  let k = 0;
  while (u >= POISSON_CUTS[k]!) k++;
  return k;
}

/** A 32-bit key for resample r of a run seeded `seed` (murmur3's finaliser over both). */
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
 * The row keys of a plan's positions (rowKey of rowAt[p]), computed once per worker so a resample hashes each row
 * once.
 */
function positionKeys(plan: ResamplePlan): Int32Array {
  const keys = new Int32Array(plan.rows);
  for (let p = 0; p < plan.rows; p++) keys[p] = rowKey(plan.rowAt[p]!);
  return keys;
}

/**
 * Runs resamples first .. first + count - 1 of a plan and writes each resample's `plan.statCount` numbers to
 * out[(r - first) * statCount ...]. Per resample, one walk over the positions draws each row's count, adds it to the
 * row's pattern and value entries and walks the first score curve (whose order the positions follow); every other
 * curve is one more walk in its own order reading the counts just drawn; then each pattern's total goes to its stats.
 */
export function runResamples(plan: ResamplePlan, seed: number, first: number, count: number, out: Float64Array): void {
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
  // Branch-free where the outcome is a coin flip (is the count 0, is the row positive, did this threshold add a
  // positive): a mispredicted branch costs more than the arithmetic it skips. Adding a zero count to a value entry is
  // only skipped by a branch when some value is not finite (0 x Infinity would make the stat NaN).
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
    // Drawn again with another key in the (e^-rows) case that every count is 0: nothing was added but zeros.
    for (let again = true; again; again = total === 0 && n > 0, key = redrawKey(key)) {
      patternWeight.fill(0);
      total = tp = fp = tp0 = fp0 = area = precisionSum = 0;
      for (let p = 0; p < n; p++) {
        const u = lowbias32(keys[p]! ^ key);
        let w = POISSON_BY_TOP_BITS[u >>> 20]!;
        if (w === 255) w = poissonOf(u);
        weight[p] = w;
        total += w;
        patternWeight[pattern[p]!]! += w;
        if (finite || w !== 0) for (let e = p * E; e < p * E + E; e++) out[base + offsets[e]!]! += w * values[e]!;
        if (lead) {
          const positive = w * leadPositive[p]!;
          tp += positive;
          fp += w - positive;
          if (leadTieEnd[p]) {
            area += (fp - fp0) * (tp + tp0);
            // Average precision (scikit-learn's step form): recall gained at this threshold x precision at it.
            precisionSum += ((tp - tp0) * tp) / (tp + fp || 1);
            tp0 = tp;
            fp0 = fp;
          }
        }
      }
    }
    out[base] = total;
    for (let k = 0; k < sums; k++) out[base + sumOffsets[k]!]! += weightedSum(weight, sumValues, k * n, n, finiteSums);
    if (lead) writeCurve(out, base + lead.rocAt, tp, fp, area, precisionSum);
    for (let c = 1; c < plan.curves.length; c++) {
      const { position, positive, tieEnd, rocAt } = plan.curves[c]!;
      tp = fp = tp0 = fp0 = area = precisionSum = 0;
      for (let j = 0; j < n; j++) {
        const w = weight[position[j]!]!;
        const hit = w * positive[j]!;
        tp += hit;
        fp += w - hit;
        if (tieEnd[j]) {
          area += (fp - fp0) * (tp + tp0);
          precisionSum += ((tp - tp0) * tp) / (tp + fp || 1);
          tp0 = tp;
          fp0 = fp;
        }
      }
      writeCurve(out, base + rocAt, tp, fp, area, precisionSum);
    }
    for (let q = 0; q < patterns; q++) {
      const w = patternWeight[q]!;
      if (w === 0) continue;
      for (let k = patternStart[q]!; k < patternStart[q + 1]!; k++) out[base + patternOffsets[k]!]! += w;
    }
  }
}

/**
 * sum of weight[p] x values[at + p] over p < n: four accumulators, so the additions overlap instead of each waiting
 * for the one before (the loop is bound by that wait, not by arithmetic).
 */
function weightedSum(weight: Uint8Array, values: Float64Array, at: number, n: number, finite: boolean): number {
  if (!finite) {
    let sum = 0;
    for (let p = 0; p < n; p++) if (weight[p] !== 0) sum += weight[p]! * values[at + p]!;
    return sum;
  }
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let p = 0;
  for (; p + 3 < n; p += 4) {
    s0 += weight[p]! * values[at + p]!;
    s1 += weight[p + 1]! * values[at + p + 1]!;
    s2 += weight[p + 2]! * values[at + p + 2]!;
    s3 += weight[p + 3]! * values[at + p + 3]!;
  }
  for (; p < n; p++) s0 += weight[p]! * values[at + p]!;
  return s0 + s1 + (s2 + s3);
}

function allFinite(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i]!)) return false;
  return true;
}

/** `area` is twice the trapezoids' sum (each (fp - fp0)(tp + tp0) is an integer when counts are, so it stays exact). */
function writeCurve(out: Float64Array, at: number, tp: number, fp: number, area: number, precisionSum: number): void {
  out[at] = tp === 0 || fp === 0 ? NaN : area / 2 / (tp * fp);
  out[at + 1] = tp === 0 ? NaN : precisionSum / tp;
}
