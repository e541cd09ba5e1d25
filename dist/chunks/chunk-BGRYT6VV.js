import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  binomialDeviance,
  stirlingError
} from "./chunk-HPSV2ECA.js";
import {
  wholeDriftReport
} from "./chunk-SVB6GALK.js";
import {
  sampleCount,
  toSketch
} from "./chunk-43BZ45RZ.js";
import {
  pairwiseSum
} from "./chunk-IX27OB3T.js";
import {
  sketchBins
} from "./chunk-ERARZTDZ.js";
import {
  ContractList
} from "./chunk-NXWTCSVE.js";
import {
  binaryExponent,
  ldexp,
  momentsStd,
  scaledMoments
} from "./chunk-SOK6QJXI.js";
import {
  quantileSorted
} from "./chunk-ABFRWPKF.js";

// src/drift/driftPolicy.ts
function columnOverride(policy, name) {
  return Object.hasOwn(policy.columns, name) ? policy.columns[name] ?? {} : {};
}
var DEFAULT_DRIFT_POLICY = {
  method: "auto",
  alpha: 0.05,
  psi_threshold: 0.1,
  correction: "bh",
  bins: 10,
  dataset_share: 0.5,
  // 0.25 is the industry's "significant shift" line for PSI (0.1-0.25 moderate): at or above it, with the test
  // passing, one column is enough to look.
  major_psi: 0.25,
  columns: {}
};
function resolvePolicy(partial = {}) {
  const defined = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== void 0));
  const columns = Object.assign(/* @__PURE__ */ Object.create(null), partial.columns ?? {});
  const policy = { ...DEFAULT_DRIFT_POLICY, ...defined, columns };
  if (policy.method === "auto" && partial.psi_threshold === void 0 && partial.threshold !== void 0)
    policy.psi_threshold = partial.threshold;
  return policy;
}

// src/quality/qualityThresholds.ts
var QUALITY_SIGNALS = [
  "missing_share",
  "out_of_range_share",
  "new_category_share",
  "non_finite_share"
];
var DEFAULT_QUALITY_THRESHOLDS = Object.freeze({
  missing_share: 0.1,
  out_of_range_share: 0.05,
  new_category_share: 0.05,
  non_finite_share: 0
});
function resolveQualityThresholds(partial = {}) {
  const out = { ...DEFAULT_QUALITY_THRESHOLDS };
  for (const s of QUALITY_SIGNALS) {
    const v = partial[s];
    if (v !== void 0) out[s] = v;
  }
  return out;
}

// src/drift/methods/driftMethod.ts
var METHOD_NAMES = ["ks", "psi", "chisquare", "jensenshannon", "wasserstein"];

// src/stats/benjaminiHochberg.ts
function benjaminiHochberg(pValues) {
  const out = new Float64Array(pValues.length).fill(NaN);
  const idx = [];
  for (let i = 0; i < pValues.length; i++) {
    const p = pValues[i];
    if (Number.isNaN(p)) continue;
    if (!(p >= 0 && p <= 1)) throw new RangeError(`benjaminiHochberg: p-value ${p} at index ${i} is not in [0, 1]`);
    idx.push(i);
  }
  const m = idx.length;
  idx.sort((x, y) => pValues[x] - pValues[y]);
  let running = Infinity;
  for (let r = m - 1; r >= 0; r--) {
    const i = idx[r];
    const raw = pValues[i] / ((r + 1) / m);
    if (raw < running) running = raw;
    out[i] = running > 1 ? 1 : running;
  }
  return out;
}

// src/drift/featureDriftColumns.ts
var NUMERIC = 1;
var CRITICAL = 2;
var APPROXIMATE = 4;
var DRIFTED = 8;
var AUTO = 16;
var HAS_P = 32;
var TEST_P = 1;
var TEST_ERROR = 2;
var SLOTS = 2;
var FeatureDriftColumns = class {
  constructor(capacity) {
    this.capacity = capacity;
    this.flags = new Uint8Array(capacity);
    this.counts = new Float64Array(capacity * 4);
    this.statistic = new Float64Array(capacity);
    this.threshold = new Float64Array(capacity);
    this.alpha = new Float64Array(capacity);
    this.pValue = new Float64Array(capacity);
    this.choice = new Uint8Array(capacity);
    this.testMethod = new Uint8Array(capacity * SLOTS);
    this.testFlags = new Uint8Array(capacity * SLOTS);
    this.testValues = new Float64Array(capacity * SLOTS * 2);
  }
  capacity;
  names = [];
  flags;
  /** reference count, reference missing, current count, current missing. */
  counts;
  statistic;
  threshold;
  alpha;
  pValue;
  /** Index into METHOD_NAMES + 1; 0 for auto. */
  choice;
  /** Per slot: the test's index into METHOD_NAMES + 1 (0: no test), what it has, and statistic, p. */
  testMethod;
  testFlags;
  testValues;
  /**
   * Per slot: the approximation error, which only a profile's sketch gives: made with the first one (1.6 MB for
   * 100,000 columns that exact samples never need).
   */
  testErrors = null;
  /** Notes are rare (a constant reference for Wasserstein): by slot. */
  notes = /* @__PURE__ */ new Map();
  get length() {
    return this.names.length;
  }
  /** Adds a column; its p-value and verdict come later (decide). */
  push(c) {
    const i = this.names.length;
    if (i === this.flags.length) throw new Error("FeatureDriftColumns: more columns than its capacity");
    this.names.push(c.name);
    this.flags[i] = (c.kind === "numeric" ? NUMERIC : 0) | (c.critical ? CRITICAL : 0) | (c.approximate ? APPROXIMATE : 0) | (c.choice === "auto" ? AUTO : 0);
    this.counts[i * 4] = c.reference.count;
    this.counts[i * 4 + 1] = c.reference.missing;
    this.counts[i * 4 + 2] = c.current.count;
    this.counts[i * 4 + 3] = c.current.missing;
    this.statistic[i] = c.statistic;
    this.threshold[i] = c.threshold;
    this.alpha[i] = c.alpha ?? NaN;
    this.choice[i] = c.choice === "auto" ? 0 : METHOD_NAMES.indexOf(c.choice) + 1;
    const tests = Object.entries(c.tests);
    if (tests.length > SLOTS) throw new Error(`FeatureDriftColumns: ${tests.length} tests for one column`);
    tests.forEach(([method, t], k) => {
      const slot = i * SLOTS + k;
      this.testMethod[slot] = METHOD_NAMES.indexOf(method) + 1;
      this.testFlags[slot] = (t.p_value !== void 0 ? TEST_P : 0) | (t.approximation_error !== void 0 ? TEST_ERROR : 0);
      this.testValues[slot * 2] = t.statistic;
      this.testValues[slot * 2 + 1] = t.p_value ?? NaN;
      if (t.approximation_error !== void 0) {
        this.testErrors ??= new Float64Array(this.capacity * SLOTS);
        this.testErrors[slot] = t.approximation_error;
      }
      if (t.note !== void 0) this.notes.set(slot, t.note);
    });
  }
  /** The column's corrected p-value (null: its method decides by distance) and verdict. */
  decide(i, pValue, drifted) {
    this.pValue[i] = pValue ?? NaN;
    this.flags[i] = this.flags[i] & ~(HAS_P | DRIFTED) | (pValue !== null ? HAS_P : 0) | (drifted ? DRIFTED : 0);
  }
  name(i) {
    return this.names[i];
  }
  drifted(i) {
    return (this.flags[i] & DRIFTED) !== 0;
  }
  critical(i) {
    return (this.flags[i] & CRITICAL) !== 0;
  }
  approximate(i) {
    return (this.flags[i] & APPROXIMATE) !== 0;
  }
  /** The method that decides: "auto" (the significance test and PSI together) or a method's name. */
  methodOf(i) {
    return this.flags[i] & AUTO ? "auto" : METHOD_NAMES[this.choice[i] - 1];
  }
  /** The decisive statistic (PSI's for auto), its threshold, and auto's significance level. */
  statisticOf(i) {
    return this.statistic[i];
  }
  thresholdOf(i) {
    return this.threshold[i];
  }
  alphaOf(i) {
    return this.alpha[i];
  }
  /** The statistic of one of the column's tests, undefined when that test was not run. */
  testStatistic(i, method) {
    const code = METHOD_NAMES.indexOf(method) + 1;
    for (let slot = i * SLOTS; slot < (i + 1) * SLOTS; slot++)
      if (this.testMethod[slot] === code) return this.testValues[slot * 2];
    return void 0;
  }
  /** The column as the report's object, keys in the order detectDrift always made them. */
  feature(i) {
    const flags = this.flags[i];
    const kind = flags & NUMERIC ? "numeric" : "categorical";
    const tests = {};
    for (let slot = i * SLOTS; slot < (i + 1) * SLOTS; slot++) {
      const code = this.testMethod[slot];
      if (code === 0) continue;
      const has = this.testFlags[slot];
      const t = { statistic: this.testValues[slot * 2] };
      if (has & TEST_P) t.p_value = this.testValues[slot * 2 + 1];
      if (has & TEST_ERROR) t.approximation_error = this.testErrors[slot];
      const note = this.notes.get(slot);
      if (note !== void 0) t.note = note;
      tests[METHOD_NAMES[code - 1]] = t;
    }
    const c = i * 4;
    const name = this.names[i];
    const critical = (flags & CRITICAL) !== 0;
    const reference = { count: this.counts[c], missing: this.counts[c + 1] };
    const current = { count: this.counts[c + 2], missing: this.counts[c + 3] };
    const approximate = (flags & APPROXIMATE) !== 0;
    const statistic = this.statistic[i];
    const threshold = this.threshold[i];
    const p_value = flags & HAS_P ? this.pValue[i] : null;
    const drifted = (flags & DRIFTED) !== 0;
    if (flags & AUTO) {
      const method2 = `${kind === "numeric" ? "ks" : "chisquare"}+psi`;
      const alpha = this.alpha[i];
      return {
        name,
        kind,
        critical,
        tests,
        reference,
        current,
        approximate,
        method: method2,
        statistic,
        threshold,
        alpha,
        p_value,
        drifted
      };
    }
    const method = METHOD_NAMES[this.choice[i] - 1];
    return {
      name,
      kind,
      critical,
      tests,
      reference,
      current,
      approximate,
      method,
      statistic,
      threshold,
      p_value,
      drifted
    };
  }
};

// src/stats/chiSquareSf.ts
function chiSquareSf(x, df) {
  if (!(df > 0) || !Number.isFinite(df)) throw new RangeError(`chiSquareSf: df must be positive, got ${df}`);
  if (Number.isNaN(x)) throw new RangeError("chiSquareSf: x is NaN");
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  const a = df / 2;
  const y = x / 2;
  if (y === 0) return 1;
  if (y < a + 1) return 1 - lowerSeries(a, y);
  return upperContinuedFraction(a, y);
}
var EPS = 2220446049250313e-31;
var TINY = 1e-300;
var MAX_ITER = 1e5;
function prefactor(a, y) {
  return Math.exp(-stirlingError(a) - binomialDeviance(a, y)) / Math.sqrt(2 * Math.PI * a);
}
function lowerSeries(a, y) {
  let term = 1;
  let sum2 = 1;
  for (let k = 1; k < MAX_ITER; k++) {
    term *= y / (a + k);
    sum2 += term;
    if (term < sum2 * EPS) break;
  }
  return prefactor(a, y) * sum2;
}
function upperContinuedFraction(a, y) {
  let b = y + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return a * prefactor(a, y) * h;
}

// src/stats/chiSquareContingency.ts
function chiSquareContingency(countsA, countsB) {
  if (countsA.length !== countsB.length) {
    throw new RangeError(`chiSquareContingency: ${countsA.length} vs ${countsB.length} categories`);
  }
  const kept = [];
  for (let j = 0; j < countsA.length; j++) {
    const a = countsA[j];
    const b = countsB[j];
    if (!(a >= 0 && b >= 0 && Number.isFinite(a) && Number.isFinite(b))) {
      throw new RangeError(`chiSquareContingency: counts must be finite and >= 0 (category ${j}: ${a}, ${b})`);
    }
    if (a + b > 0) kept.push(j);
  }
  const k = kept.length;
  if (k < 2) return { statistic: 0, dof: 0, pValue: 1 };
  const observed = new Float64Array(2 * k);
  for (let c = 0; c < k; c++) {
    observed[c] = countsA[kept[c]];
    observed[k + c] = countsB[kept[c]];
  }
  const rowA = pairwiseSum(observed, 0, k);
  const rowB = pairwiseSum(observed, k, 2 * k);
  if (rowA === 0 || rowB === 0) throw new RangeError("chiSquareContingency: one sample has no counts");
  const total = pairwiseSum(observed);
  const terms = new Float64Array(2 * k);
  for (let c = 0; c < k; c++) {
    const col = observed[c] + observed[k + c];
    const ea = rowA * col / total;
    const eb = rowB * col / total;
    const da = observed[c] - ea;
    const db = observed[k + c] - eb;
    terms[c] = da * da / ea;
    terms[k + c] = db * db / eb;
  }
  const statistic = pairwiseSum(terms);
  const dof = k - 1;
  return { statistic, dof, pValue: chiSquareSf(statistic, dof) };
}

// src/drift/methods/categoryShares.ts
function categoryShares(ref, cur) {
  const categories = [.../* @__PURE__ */ new Set([...ref.counts.keys(), ...cur.counts.keys()])].sort();
  const refCounts = Float64Array.from(categories, (c) => ref.counts.get(c) ?? 0);
  const curCounts = Float64Array.from(categories, (c) => cur.counts.get(c) ?? 0);
  const rn = ref.count || 1;
  const cn = cur.count || 1;
  return {
    categories,
    refCounts,
    curCounts,
    ref: refCounts.map((x) => x / rn),
    cur: curCounts.map((x) => x / cn)
  };
}

// src/drift/methods/chisquare.ts
var chisquare = {
  name: "chisquare",
  kinds: ["categorical"],
  decision: "p_value",
  defaultThreshold: 0.05,
  description: "chi-square test of homogeneity",
  categorical(ref, cur) {
    const { refCounts, curCounts } = categoryShares(ref, cur);
    const r = chiSquareContingency(refCounts, curCounts);
    return { statistic: r.statistic, p_value: r.pValue };
  }
};

// src/stats/jensenShannonDistance.ts
function jensenShannonDistance(p, q) {
  const k = p.length;
  if (q.length !== k) throw new RangeError(`jensenShannonDistance: ${k} vs ${q.length} entries`);
  for (let i = 0; i < k; i++) {
    const a = p[i];
    const b = q[i];
    if (!(a >= 0 && b >= 0 && Number.isFinite(a) && Number.isFinite(b))) {
      throw new RangeError(`jensenShannonDistance: entries must be finite and >= 0 (index ${i}: ${a}, ${b})`);
    }
  }
  const sp = pairwiseSum(p);
  const sq = pairwiseSum(q);
  if (!(sp > 0 && sq > 0)) throw new RangeError("jensenShannonDistance: a vector sums to 0");
  const left = new Float64Array(k);
  const right = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const pi = p[i] / sp;
    const qi = q[i] / sq;
    const mi = (pi + qi) / 2;
    left[i] = relEntr(pi, mi);
    right[i] = relEntr(qi, mi);
  }
  let js = pairwiseSum(left) + pairwiseSum(right);
  js /= Math.LN2;
  const d = Math.sqrt(js / 2);
  if (!(d > 0)) return 0;
  return d > 1 ? 1 : d;
}
function relEntr(x, y) {
  if (x > 0 && y > 0) return x * Math.log(x / y);
  if (x === 0 && y >= 0) return 0;
  return Infinity;
}

// src/stats/binCounts.ts
function binCounts(sorted, innerEdges) {
  const k = innerEdges.length;
  const n = sorted.length;
  const counts = new Float64Array(k + 1);
  let below = 0;
  let lo = 0;
  for (let e = 0; e < k; e++) {
    const edge = innerEdges[e];
    if (e > 0 && !(edge >= innerEdges[e - 1])) throw new RangeError("binCounts: edges must be sorted ascending");
    let hi = n;
    while (lo < hi) {
      const mid = lo + hi >>> 1;
      if (sorted[mid] < edge) lo = mid + 1;
      else hi = mid;
    }
    counts[e] = lo - below;
    below = lo;
  }
  counts[k] = n - below;
  return counts;
}

// src/stats/populationStabilityIndex.ts
function populationStabilityIndex(refProportions, curProportions, floor = 1e-4) {
  const k = refProportions.length;
  if (curProportions.length !== k) {
    throw new RangeError(`populationStabilityIndex: ${k} vs ${curProportions.length} bins`);
  }
  if (!(floor > 0)) throw new RangeError("populationStabilityIndex: floor must be positive");
  const terms = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const r0 = refProportions[i];
    const c0 = curProportions[i];
    if (Number.isNaN(r0) || Number.isNaN(c0)) throw new RangeError(`populationStabilityIndex: NaN in bin ${i}`);
    const r = r0 < floor ? floor : r0;
    const c = c0 < floor ? floor : c0;
    terms[i] = (c - r) * Math.log(c / r);
  }
  return pairwiseSum(terms);
}

// src/stats/psiBinEdges.ts
function psiBinEdges(sortedRef, bins = 10) {
  if (!(Number.isInteger(bins) && bins >= 1)) throw new RangeError(`psiBinEdges: bins must be an integer >= 1`);
  if (sortedRef.length === 0) throw new RangeError("psiBinEdges: empty reference sample");
  const step = 1 / bins;
  const qs = new Float64Array(bins - 1);
  for (let i = 1; i < bins; i++) qs[i - 1] = edgeQuantile(sortedRef, i * step);
  qs.sort();
  let k = 0;
  for (let i = 0; i < qs.length; i++) {
    if (i === 0 || !(qs[i] === qs[k - 1] || Number.isNaN(qs[i]) && Number.isNaN(qs[k - 1]))) qs[k++] = qs[i];
  }
  return qs.slice(0, k);
}
function edgeQuantile(sorted, q) {
  const x = quantileSorted(sorted, q);
  if (!Number.isNaN(x)) return x;
  const n = sorted.length;
  const v = (n - 1) * q;
  const i = Math.min(Math.floor(v), n - 1);
  const t = v - i;
  const a = sorted[i];
  const b = sorted[Math.min(i + 1, n - 1)];
  if (t === 0 || a === b) return a;
  if (a === -Infinity && b === Infinity) return t < 0.5 ? a : b;
  return a === -Infinity ? a : b;
}

// src/drift/methods/sketchComparison.ts
function sketchPair(ref, cur, fallbackAccuracy = 1e-3) {
  const accuracy = ref.form === "sketch" ? ref.sketch.relativeAccuracy : cur.form === "sketch" ? cur.sketch.relativeAccuracy : fallbackAccuracy;
  return [toSketch(ref, accuracy), toSketch(cur, accuracy)];
}
function cdfsAtBuckets(a, b) {
  const ba = a.buckets();
  const bb = b.buckets();
  const na = sum(ba.counts);
  const nb = sum(bb.counts);
  const keys = [];
  const fa = [];
  const fb = [];
  let i = 0;
  let j = 0;
  let ca = 0;
  let cb = 0;
  let maxMass = 0;
  while (i < ba.keys.length || j < bb.keys.length) {
    const ka = i < ba.keys.length ? ba.keys[i] : Infinity;
    const kb = j < bb.keys.length ? bb.keys[j] : Infinity;
    const k = Math.min(ka, kb);
    let ma = 0;
    let mb = 0;
    if (ka === k) {
      ma = ba.counts[i] / na;
      ca += ba.counts[i++];
    }
    if (kb === k) {
      mb = bb.counts[j] / nb;
      cb += bb.counts[j++];
    }
    if (Math.abs(k) !== a.infinityKey) maxMass = Math.max(maxMass, ma, mb);
    keys.push(k);
    fa.push(ca / na);
    fb.push(cb / nb);
  }
  return { keys, fa, fb, maxMass };
}
function referenceKeyBins(ref, refSketch, bins) {
  if (ref.form === "sketch" && ref.bins && ref.bins.count === bins) return ref.bins;
  const b = sketchBins(refSketch, bins);
  return { keys: b.keys, proportions: b.proportions };
}
function proportionsInKeyBins(sketch, keys) {
  const { keys: bk, counts } = sketch.buckets();
  const out = new Array(keys.length + 1).fill(0);
  const total = sum(counts);
  let b = 0;
  for (let i = 0; i < bk.length; i++) {
    while (b < keys.length && bk[i] > keys[b]) b++;
    out[b] += counts[i] / total;
  }
  return out;
}
function sum(xs) {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

// src/drift/methods/psi.ts
function binnedProportions(ref, cur, bins) {
  if (ref.form === "exact" && cur.form === "exact") {
    const edges = psiBinEdges(ref.sorted, bins);
    return [
      shares(binCounts(ref.sorted, edges), ref.sorted.length),
      shares(binCounts(cur.sorted, edges), cur.sorted.length)
    ];
  }
  const [a, b] = sketchPair(ref, cur);
  const reference = referenceKeyBins(ref, a, bins);
  return [reference.proportions, proportionsInKeyBins(b, reference.keys)];
}
function shares(counts, n) {
  for (let i = 0; i < counts.length; i++) counts[i] = counts[i] / n;
  return counts;
}
var psi = {
  name: "psi",
  kinds: ["numeric", "categorical"],
  decision: "distance",
  defaultThreshold: 0.1,
  description: "population stability index",
  numeric(ref, cur, ctx) {
    const [r, c] = binnedProportions(ref, cur, ctx.bins);
    return { statistic: populationStabilityIndex(r, c) };
  },
  categorical(ref, cur) {
    const { ref: r, cur: c } = categoryShares(ref, cur);
    return { statistic: populationStabilityIndex(r, c) };
  }
};

// src/drift/methods/jensenshannon.ts
var jensenshannon = {
  name: "jensenshannon",
  kinds: ["numeric", "categorical"],
  decision: "distance",
  defaultThreshold: 0.1,
  description: "Jensen-Shannon distance",
  numeric(ref, cur, ctx) {
    const [r, c] = binnedProportions(ref, cur, ctx.bins);
    return { statistic: jensenShannonDistance(r, c) };
  },
  categorical(ref, cur) {
    const { ref: r, cur: c } = categoryShares(ref, cur);
    return { statistic: jensenShannonDistance(r, c) };
  }
};

// src/stats/smirnovSf.ts
function smirnovSf(n, x) {
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`smirnovSf: n must be a positive integer, got ${n}`);
  if (!(x >= 0 && x <= 1)) throw new RangeError(`smirnovSf: x must be in [0, 1], got ${x}`);
  if (n === 1) return 1 - x;
  if (x === 0) return 1;
  if (x === 1) return 0;
  let h = twoProd(n, x);
  const l = LO;
  let fh = Math.floor(h);
  let fl = 0;
  if (fh === h) {
    fh = quickTwoSum(fh, Math.floor(l));
    fl = LO;
  }
  let alpha = ddAdd(h, l, -fh, -fl);
  let nxfl = Math.trunc(fh);
  if (alpha === 1) {
    nxfl += 1;
    alpha = 0;
  }
  let n1mxfl = n - nxfl - (alpha === 0 ? 0 : 1);
  let n1mxceil = n - nxfl;
  if (alpha === 0) {
    n1mxfl -= 1;
    n1mxceil += 1;
  }
  if (nxfl === 0 || nxfl === 1 && alpha === 0) {
    h = twoSum(1, x);
    const t = powD(h, LO, n - 1);
    return 1 - x * t;
  }
  if (-2 * n * x * x < MINLOG) return 0;
  if (nxfl >= n - 1) {
    h = twoSum(1, -x);
    return powD(h, LO, n);
  }
  if (n > SMIRNOV_MAX_COMPUTE_N) {
    const logp = -Math.pow(6 * n * x + 1, 2) / 18 / n;
    if (logp < -Math.LN2) return Math.exp(logp);
    return 1 - -Math.expm1(logp);
  }
  const nUpperTerms = n - n1mxceil + 1;
  const useUpperSum = nUpperTerms <= 1 && x < 0.5 || n >= SM_UPPERSUM_MIN_N && nUpperTerms <= SM_UPPER_MAX_TERMS && x <= 0.5 / Math.sqrt(n);
  let start = 0;
  let step = 1;
  let nTerms = n1mxfl + 1;
  const vmid = Math.trunc(n / 2);
  let ajh;
  let ajl;
  if (useUpperSum) {
    start = n;
    step = -1;
    nTerms = n - n1mxceil + 1;
    ajh = pow4(1, x, n - 1);
    ajl = LO;
  } else {
    const t2h = pow4(1, -x, n);
    ajh = ddDiv(t2h, LO, x, 0);
    ajl = LO;
  }
  if (!useUpperSum && n > SADDLE_POINT_MIN_N) {
    return x * saddlePointSum(n, x, nTerms, ajh);
  }
  let sh = ddAdd(0, 0, ajh, ajl);
  let sl = LO;
  let cmh = 1;
  let cml = 0;
  let cexpt = 0;
  cmh = updateBinomial(cmh, cml, n, 0);
  cml = LO;
  cexpt += EXPT;
  for (let j = 1; j < nTerms; j++) {
    const v = start + j * step;
    let t = ddDiv(n - v, 0, n, 0);
    t = ddAddD(t, LO, -x);
    const t2h = pow2Scaled(t, LO, n - v);
    const t2l = LO;
    const t2e = EXPT;
    t = ddDiv(v, 0, n, 0);
    t = ddAddD(t, LO, x);
    const t1h = pow2Scaled(t, LO, v - 1);
    const t1l = LO;
    const t1e = EXPT;
    t = ddMul(t1h, t1l, t2h, t2l);
    t = ddMul(t, LO, cmh, cml);
    const e = cexpt + t1e + t2e;
    ajh = ldexp(t, e);
    ajl = ldexp(LO, e);
    if (Number.isFinite(ajh) && ajh !== 0) {
      sh = ddAdd(sh, sl, ajh, ajl);
      sl = LO;
    }
    if (ajh !== 0) {
      if (4 * (nTerms - j) * Math.abs(ajh) < DBL_EPSILON * sh && j !== nTerms - 1) break;
    } else if (j > vmid) {
      break;
    }
    cmh = updateBinomial(cmh, cml, n, j);
    cml = LO;
    cexpt += EXPT;
  }
  const prob = ddMulD(sh, sl, x);
  const sf = step < 0 ? 1 - prob : prob;
  return sf < 0 ? 0 : Math.min(sf, 1);
}
var SMIRNOV_MAX_COMPUTE_N = 1e6;
var SADDLE_POINT_MIN_N = 1e3;
var SM_UPPER_MAX_TERMS = 3;
var SM_UPPERSUM_MIN_N = 10;
var MINLOG = -745.1332191019412;
var DBL_EPSILON = 2220446049250313e-31;
var MAX_EXPONENT = 960;
var LO = 0;
var EXPT = 0;
var SPLITTER = 134217729;
function twoSum(a, b) {
  const s = a + b;
  const bb = s - a;
  LO = a - (s - bb) + (b - bb);
  return s;
}
function quickTwoSum(a, b) {
  const s = a + b;
  LO = b - (s - a);
  return s;
}
function twoProd(a, b) {
  const p = a * b;
  let t = SPLITTER * a;
  const ahi = t - (t - a);
  const alo = a - ahi;
  t = SPLITTER * b;
  const bhi = t - (t - b);
  const blo = b - bhi;
  LO = ahi * bhi - p + ahi * blo + alo * bhi + alo * blo;
  return p;
}
function ddAdd(ah, al, bh, bl) {
  const s1 = twoSum(ah, bh);
  let s2 = LO;
  const t1 = twoSum(al, bl);
  const t2 = LO;
  s2 += t1;
  const u = quickTwoSum(s1, s2);
  s2 = LO + t2;
  return quickTwoSum(u, s2);
}
function ddAddD(ah, al, b) {
  const s1 = twoSum(ah, b);
  return quickTwoSum(s1, LO + al);
}
function ddMul(ah, al, bh, bl) {
  const p1 = twoProd(ah, bh);
  return quickTwoSum(p1, LO + (ah * bl + al * bh));
}
function ddMulD(ah, al, b) {
  const p1 = twoProd(ah, b);
  const e1 = LO;
  const p2 = twoProd(al, b);
  return quickTwoSum(p1, LO + p2 + e1);
}
function ddDiv(ah, al, bh, bl) {
  const q1 = ah / bh;
  let m = ddMulD(bh, bl, q1);
  let rh = ddAdd(ah, al, -m, -LO);
  let rl = LO;
  const q2 = rh / bh;
  m = ddMulD(bh, bl, q2);
  rh = ddAdd(rh, rl, -m, -LO);
  rl = LO;
  const q3 = rh / bh;
  const q = quickTwoSum(q1, q2);
  return ddAddD(q, LO, q3);
}
var f64 = new Float64Array(1);
var u32 = new Uint32Array(f64.buffer);
var HI_WORD = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1 ? 1 : 0;
function frexp(x) {
  if (x === 0 || !Number.isFinite(x)) {
    EXPT = 0;
    return x;
  }
  let scale = 0;
  if (Math.abs(x) < 22250738585072014e-324) {
    x *= 18014398509481984;
    scale = -54;
  }
  f64[0] = x;
  const hi = u32[HI_WORD];
  EXPT = (hi >>> 20 & 2047) - 1022 + scale;
  u32[HI_WORD] = hi & 2148532223 | 1022 << 20;
  return f64[0];
}
function ddFrexp(ah, al) {
  let man = frexp(ah);
  let e = EXPT;
  let b1 = ldexp(al, -e);
  if (Math.abs(man) === 0.5 && man * b1 < 0) {
    man *= 2;
    b1 *= 2;
    e -= 1;
  }
  LO = b1;
  EXPT = e;
  return man;
}
function updateBinomial(cmh, cml, n, j) {
  const r = ddDiv(n - j, 0, j + 1, 0);
  const m = ddMul(cmh, cml, r, LO);
  return ddFrexp(m, LO);
}
function powD(ah, al, m) {
  if (m <= 0) {
    if (m === 0) {
      LO = 0;
      return 1;
    }
    const p = powD(ah, al, -m);
    return ddDiv(1, 0, p, LO);
  }
  if (ah === 0) {
    LO = 0;
    return 0;
  }
  const ans = Math.pow(ah, m);
  const r = al / ah;
  let adj = m * r;
  if (Math.abs(adj) > 1e-8) {
    if (Math.abs(adj) < 1e-4) {
      adj += m * r * ((m - 1) / 2 * r);
    } else {
      adj = Math.expm1(m * Math.log1p(r));
    }
  }
  return twoSum(ans, ans * adj);
}
function nextPowerOf2(x) {
  const q = ldexp(x, 1 - 53);
  let l = Math.abs(q + x);
  if (l === 0) {
    l = Math.abs(x);
  } else {
    const lint = Math.trunc(l);
    if (lint === l) l = lint;
  }
  return l;
}
function pow2Scaled(ah, al, m) {
  if (m <= 0) {
    if (m === 0) {
      LO = 0;
      EXPT = 0;
      return 1;
    }
    const p = pow2Scaled(ah, al, -m);
    const e1 = EXPT;
    const inv = ddDiv(1, 0, p, LO);
    const man2 = ddFrexp(inv, LO);
    EXPT = -e1 + EXPT;
    return man2;
  }
  const yh = ddFrexp(ah, al);
  const yl = LO;
  const yE = EXPT;
  if (m === 1) {
    LO = yl;
    EXPT = yE;
    return yh;
  }
  let maxExpt = MAX_EXPONENT;
  if (m * (yh - 1) / yh < -MAX_EXPONENT * Math.LN2) {
    const lg2y = Math.log(yh) / Math.LN2;
    const lgAns = m * lg2y;
    if (lgAns <= -MAX_EXPONENT) {
      maxExpt = Math.trunc(nextPowerOf2(-MAX_EXPONENT / lg2y + 1) / 2);
    }
  }
  if (m <= maxExpt) {
    const p = powD(yh, yl, m);
    const man2 = ddFrexp(p, LO);
    EXPT += m * yE;
    return man2;
  }
  const q = Math.trunc(m / maxExpt);
  const rem = m % maxExpt;
  const y2rh = pow2Scaled(yh, yl, rem);
  const y2rl = LO;
  const y2rE = EXPT;
  const y2mh = pow2Scaled(yh, yl, maxExpt);
  const y2ml = LO;
  const y2mE = EXPT;
  const y2mqh = pow2Scaled(y2mh, y2ml, q);
  const y2mql = LO;
  const y2mqE = EXPT + y2mE * q;
  const prod = ddMul(y2rh, y2rl, y2mqh, y2mql);
  const man = ddFrexp(prod, LO);
  EXPT += y2mqE + y2rE + m * yE;
  return man;
}
function pow4(a, b, m) {
  const h = twoSum(a, b);
  const l = LO;
  if (h === 0) {
    LO = 0;
    return 0;
  }
  const qh = ddDiv(h, l, 1, 0);
  return powD(qh, LO, m);
}
function saddlePointSum(n, x, nTerms, first) {
  const nxh = twoProd(n, x);
  const nxl = LO;
  const dn = stirlingError(n);
  let sum2 = first;
  let comp = 0;
  for (let v = 1; v < nTerms; v++) {
    const m1 = v + nxh + nxl;
    const m2 = n - v - nxh - nxl;
    if (!(m2 > 0)) continue;
    const lc = dn - stirlingError(v) - stirlingError(n - v) - binomialDeviance(v, m1) - binomialDeviance(n - v, m2);
    const lf = LN_2PI + Math.log(v) + Math.log1p(-v / n);
    const term = Math.exp(lc - 0.5 * lf) * n / m1;
    const t = sum2 + term;
    comp += Math.abs(sum2) >= Math.abs(term) ? sum2 - t + term : term - t + sum2;
    sum2 = t;
    if (term !== 0) {
      if (4 * (nTerms - v) * term < DBL_EPSILON * sum2 && v !== nTerms - 1) break;
    } else if (v > n / 2) {
      break;
    }
  }
  return sum2 + comp;
}
var LN_2PI = 1.8378770664093456;

// src/stats/kolmogorovTwoSidedSf.ts
function kolmogorovTwoSidedSf(d, n) {
  if (!(Number.isInteger(n) && n >= 1)) {
    throw new RangeError(`kolmogorovTwoSidedSf: n must be a positive integer, got ${n}`);
  }
  if (Number.isNaN(d)) throw new RangeError("kolmogorovTwoSidedSf: d is NaN");
  if (d >= 1) return 0;
  if (d <= 0) return 1;
  const t = n * d;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    let prob;
    if (n <= 140) {
      const c = 1 / n;
      const f = 2 * t - 1;
      prob = 1;
      for (let i = 1; i <= n; i++) prob *= i * c * f;
    } else {
      prob = Math.exp(logNFactorialOverNPowN(n) + n * Math.log(2 * t - 1));
    }
    return clip(1 - prob);
  }
  if (t >= n - 1) return clip(2 * Math.pow(1 - d, n));
  if (d >= 0.5) return clip(2 * smirnovSf(n, d));
  const nxsquared = t * d;
  if (n <= 140) {
    if (nxsquared <= 0.754693) return clip(1 - clip(durbinMatrixCdf(n, d)));
    if (nxsquared <= 4) return clip(1 - clip(pomeranzCdf(n, d)));
    return clip(2 * smirnovSf(n, d));
  }
  if (nxsquared >= 370) return 0;
  if (nxsquared >= 2.2) return clip(2 * smirnovSf(n, d));
  let cdf;
  if (nxsquared >= 18) cdf = 1;
  else if (n <= 1e5 && n * Math.pow(d, 1.5) <= 1.4) cdf = clip(durbinMatrixCdf(n, d));
  else cdf = pelzGoodCdf(n, d);
  return clip(1 - cdf);
}
function clip(p) {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
var E128 = 128;
var EP128 = Math.pow(2, 128);
var EM128 = Math.pow(2, -128);
var SQRT2PI = 2.5066282746310002;
var LOG_2PI = 1.8378770664093453;
var MIN_LOG = -708;
var SQRT3 = 1.7320508075688772;
var PI_SQUARED = 9.869604401089358;
var PI_FOUR = 97.40909103400242;
var PI_SIX = 961.3891935753043;
var STIRLING_COEFFS = [
  -0.029550653594771242,
  0.00641025641025641,
  -0.0019175269175269176,
  8417508417508417e-19,
  -5952380952380953e-19,
  7936507936507937e-19,
  -0.002777777777777778,
  0.08333333333333333
];
function logNFactorialOverNPowN(n) {
  const rn = 1 / n;
  const x = rn / n;
  let poly = 0;
  for (const c of STIRLING_COEFFS) poly = poly * x + c;
  return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
}
function durbinMatrixCdf(n, d) {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let fac = 1;
  for (let j = 1; j <= m; j++) {
    v[j - 1] = 1 - Math.pow(h, j);
    w[j - 1] = fac;
    fac /= j;
    v[j - 1] *= fac;
  }
  const tt = Math.pow(Math.max(2 * h - 1, 0), m) - 2 * Math.pow(h, m);
  v[m - 1] = (1 + tt) * fac;
  let H = new Float64Array(m * m);
  for (let i = 1; i < m; i++) {
    for (let r = i - 1; r < m; r++) H[r * m + i] = w[r - (i - 1)];
  }
  for (let r = 0; r < m; r++) H[r * m] = v[r];
  for (let c = 0; c < m; c++) H[(m - 1) * m + c] = v[m - 1 - c];
  let hpwr = new Float64Array(m * m);
  for (let i = 0; i < m; i++) hpwr[i * m + i] = 1;
  let scratch = new Float64Array(m * m);
  let nn = n;
  let expnt = 0;
  let hExpnt = 0;
  while (nn > 0) {
    if (nn % 2) {
      matmul(hpwr, H, scratch, m);
      [hpwr, scratch] = [scratch, hpwr];
      expnt += hExpnt;
    }
    matmul(H, H, scratch, m);
    [H, scratch] = [scratch, H];
    hExpnt *= 2;
    if (Math.abs(H[(k - 1) * m + (k - 1)]) > EP128) {
      for (let i = 0; i < H.length; i++) H[i] /= EP128;
      hExpnt += E128;
    }
    nn = Math.floor(nn / 2);
  }
  let p = hpwr[(k - 1) * m + (k - 1)];
  for (let i = 1; i <= n; i++) {
    p = i * p / n;
    if (Math.abs(p) < EM128) {
      p *= EP128;
      expnt -= E128;
    }
  }
  if (expnt !== 0) p = ldexp(p, expnt);
  return p;
}
function matmul(a, b, out, m) {
  out.fill(0);
  for (let i = 0; i < m; i++) {
    const ri = i * m;
    for (let l = 0; l < m; l++) {
      const ail = a[ri + l];
      if (ail === 0) continue;
      const rl = l * m;
      for (let j = 0; j < m; j++) out[ri + j] += ail * b[rl + j];
    }
  }
}
function pomeranzJ1J2(i, n, ll, ceilf, roundf) {
  let j1;
  let j2;
  if (i === 0) {
    j1 = -ll - ceilf - 1;
    j2 = ll + ceilf - 1;
  } else {
    const ip1div2 = Math.floor((i + 1) / 2);
    const ip1mod2 = (i + 1) % 2;
    if (ip1mod2 === 0) {
      if (ip1div2 === n + 1) {
        j1 = n - ll - ceilf - 1;
        j2 = n + ll + ceilf - 1;
      } else {
        j1 = ip1div2 - 1 - ll - roundf - 1;
        j2 = ip1div2 + ll - 1 + ceilf - 1;
      }
    } else {
      j1 = ip1div2 - 1 - ll - 1;
      j2 = ip1div2 + ll + roundf - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}
function pomeranzCdf(n, x) {
  const t = n * x;
  const ll = Math.floor(t);
  const f = 1 * (t - ll);
  const g = Math.min(f, 1 - f);
  const ceilf = f > 0 ? 1 : 0;
  const roundf = f > 0.5 ? 1 : 0;
  const npwrs = 2 * (ll + 1);
  const gpower = new Float64Array(npwrs);
  const twogpower = new Float64Array(npwrs);
  const onem2gpower = new Float64Array(npwrs);
  gpower[0] = 1;
  twogpower[0] = 1;
  onem2gpower[0] = 1;
  let expnt = 0;
  const gOverN = g / n;
  const twoGOverN = 2 * g / n;
  const oneMinusTwoGOverN = (1 - 2 * g) / n;
  for (let m = 1; m < npwrs; m++) {
    gpower[m] = gpower[m - 1] * gOverN / m;
    twogpower[m] = twogpower[m - 1] * twoGOverN / m;
    onem2gpower[m] = onem2gpower[m - 1] * oneMinusTwoGOverN / m;
  }
  let V0 = new Float64Array(npwrs);
  let V1 = new Float64Array(npwrs);
  V1[0] = 1;
  let V0s = 0;
  let V1s = 0;
  let [j1, j2] = pomeranzJ1J2(0, n, ll, ceilf, roundf);
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [V0, V1] = [V1, V0];
    [V0s, V1s] = [V1s, V0s];
    V1.fill(0);
    [j1, j2] = pomeranzJ1J2(i, n, ll, ceilf, roundf);
    const pwrs = i === 1 || i === 2 * n + 1 ? gpower : i % 2 ? twogpower : onem2gpower;
    const ln2 = j2 - k1 + 1;
    if (ln2 > 0) {
      const off = k1 - V0s;
      const convStart = j1 - k1;
      const convLen = j2 - j1 + 1;
      let vmax = -Infinity;
      for (let c = 0; c < convLen; c++) {
        const kk = convStart + c;
        let s = 0;
        const lo = Math.max(0, kk - ln2 + 1);
        const hi = Math.min(kk, ln2 - 1);
        for (let a = lo; a <= hi; a++) {
          const idx = off + a;
          const va = idx >= 0 && idx < npwrs ? V0[idx] : 0;
          s += va * pwrs[kk - a];
        }
        V1[c] = s;
      }
      for (let c = 0; c < npwrs; c++) if (V1[c] > vmax) vmax = V1[c];
      if (vmax > 0 && vmax < EM128) {
        for (let c = 0; c < npwrs; c++) V1[c] *= EP128;
        expnt -= E128;
      }
      V1s = V0s + j1 - k1;
    }
  }
  let ans = V1[n - V1s];
  for (let m = 1; m <= n; m++) {
    if (Math.abs(ans) > EP128) {
      ans *= EM128;
      expnt += E128;
    }
    ans *= m;
  }
  if (expnt !== 0) ans = ldexp(ans, expnt);
  return clip(ans);
}
function pelzGoodCdf(n, x) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z = Math.sqrt(n) * x;
  const zsquared = z * z;
  const zthree = Math.pow(z, 3);
  const zfour = Math.pow(z, 4);
  const zsix = Math.pow(z, 6);
  const qlog = -PI_SQUARED / 8 / zsquared;
  if (qlog < MIN_LOG) return 0;
  let q = Math.exp(qlog);
  const k1a = -zsquared;
  const k1b = PI_SQUARED / 4;
  const k2a = 6 * zsix + 2 * zfour;
  const k2b = (2 * zfour - 5 * zsquared) * PI_SQUARED / 4;
  const k2c = PI_FOUR * (1 - 2 * zsquared) / 16;
  const k3d = PI_SIX * (5 - 30 * zsquared) / 64;
  const k3c = PI_FOUR * (-60 * zsquared + 212 * zfour) / 16;
  const k3b = PI_SQUARED * (135 * zfour - 96 * zsix) / 4;
  const k3a = -30 * zsix - 90 * Math.pow(z, 8);
  let K0 = 0;
  let K1 = 0;
  let K2 = 0;
  let K3 = 0;
  const maxk = Math.ceil(16 * z / Math.PI);
  for (let k = maxk; k > 0; k--) {
    const m = 2 * k - 1;
    const msquared = m * m;
    const mfour = msquared * msquared;
    const msix = mfour * msquared;
    const qpower = Math.pow(q, 8 * k);
    K0 = K0 * qpower + 1;
    K1 = K1 * qpower + (k1a + k1b * msquared);
    K2 = K2 * qpower + (k2a + k2b * msquared + k2c * mfour);
    K3 = K3 * qpower + (k3a + k3b * msquared + k3c * mfour + k3d * msix);
  }
  K0 = K0 * q * SQRT2PI / z;
  K1 = K1 * q * SQRT2PI / (6 * zfour);
  K2 = K2 * q * SQRT2PI / (72 * Math.pow(z, 7));
  K3 = K3 * q * SQRT2PI / (6480 * Math.pow(z, 10));
  q = Math.exp(-PI_SQUARED / 2 / zsquared);
  const sqrt3z = SQRT3 * z;
  const t2 = new Float64Array(maxk);
  const t3 = new Float64Array(maxk);
  for (let i = 0; i < maxk; i++) {
    const ks2 = maxk - i;
    const ksquared = ks2 * ks2;
    const kspi = Math.PI * ks2;
    const qpwer = Math.pow(q, ksquared);
    t2[i] = ksquared * qpwer;
    t3[i] = (sqrt3z + kspi) * (sqrt3z - kspi) * ksquared * qpwer;
  }
  K2 += pairwiseSum(t2) * (PI_SQUARED * SQRT2PI / (-36 * zthree));
  K3 += pairwiseSum(t3) * (PI_SQUARED * SQRT2PI / (216 * zsix));
  K1 /= Math.sqrt(n);
  K2 /= n;
  K3 /= Math.pow(n, 1.5);
  return 0 + K0 + K1 + K2 + K3;
}

// src/stats/ksStatistic.ts
function ksStatistic(a, b) {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) throw new RangeError("ksStatistic: both samples must be non-empty");
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < n && j < m) {
    const ai = a[i];
    const bj = b[j];
    const x = ai <= bj ? ai : bj;
    while (i < n && a[i] <= x) i++;
    while (j < m && b[j] <= x) j++;
    const gap = Math.abs(i / n - j / m);
    if (gap > d) d = gap;
  }
  return d;
}

// src/stats/ksTwoSample.ts
function ksTwoSample(a, b, method = "auto") {
  if (a.length === 0 || b.length === 0) throw new RangeError("ksTwoSample: both samples must be non-empty");
  return ksPValue(ksStatistic(a, b), a.length, b.length, method);
}
function ksPValue(d, n1, n2, method = "auto") {
  if (method !== "auto" && method !== "exact" && method !== "asymp") {
    throw new RangeError(`ksTwoSample: unknown method ${String(method)}`);
  }
  const g = gcd(n1, n2);
  const n1g = n1 / g;
  const n2g = n2 / g;
  let mode;
  if (method === "auto") mode = Math.max(n1, n2) <= MAX_AUTO_N ? "exact" : "asymp";
  else if (method === "exact" && n1g >= INT32_MAX / n2g) mode = "asymp";
  else mode = method;
  let prob = NaN;
  if (mode === "exact") {
    const r = attemptExact(n1, n2, g, d);
    d = r.d;
    if (r.success) prob = r.prob;
    else mode = "asymp";
  }
  if (mode === "asymp") {
    const m = Math.max(n1, n2);
    const n = Math.min(n1, n2);
    const en = m * n / (m + n);
    const nEff = roundHalfEven(en);
    prob = nEff >= 1 ? kolmogorovTwoSidedSf(d, nEff) : NaN;
  }
  const pValue = Number.isNaN(prob) ? prob : Math.min(Math.max(prob, 0), 1);
  return { statistic: d, pValue, method: mode };
}
var MAX_AUTO_N = 1e4;
var INT32_MAX = 2147483647;
function gcd(a, b) {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
function roundHalfEven(x) {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
function attemptExact(n1, n2, g, d) {
  const lcm = n1 / g * n2;
  const h = roundHalfEven(d * lcm);
  d = h * 1 / lcm;
  if (h === 0) return { success: true, d, prob: 1 };
  const prob = n1 === n2 ? probOutsideSquare(n1, h) : outerProbInside(n1, n2, g, h);
  if (!(prob >= 0 && prob <= 1)) return { success: false, d, prob };
  return { success: true, d, prob };
}
function probOutsideSquare(n, h) {
  let P = 0;
  let k = Math.floor(n / h);
  while (k >= 0) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = (n - k * h - j) * p1 / (n + k * h + j + 1);
    P = p1 * (1 - P);
    k -= 1;
  }
  return 2 * P;
}
function outerProbInside(m, n, g, h) {
  if (m < n) [m, n] = [n, m];
  const mg = Math.trunc(m / g);
  const ng = Math.trunc(n / g);
  const maxj0 = Math.min(Math.ceil(h / mg), n + 1);
  const bandLo = new Int32Array(m + 1);
  const bandHi = new Int32Array(m + 1);
  bandHi[0] = maxj0;
  for (let i = 1; i <= m; i++) {
    const lo = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    const hi = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (hi <= lo) return 1;
    bandLo[i] = lo;
    bandHi[i] = hi;
  }
  let prev = new Float64Array(m + 2).fill(1);
  let cur = new Float64Array(m + 2).fill(1);
  prev[0] = maxj0 > 0 ? 0 : 1;
  let wlo = 1;
  let whi = 0;
  let ilo = 1;
  let ihi = 0;
  for (let s = 1; s <= m + n; s++) {
    while (ilo <= m && ilo + bandHi[ilo] <= s) ilo++;
    while (ihi < m && ihi + 1 <= s && ihi + 1 + bandLo[ihi + 1] <= s) ihi++;
    for (let i = Math.max(1, ilo - 1); i <= ihi && i < wlo; i++) prev[i] = 1;
    for (let i = Math.max(whi + 1, ilo - 1, 1); i <= ihi; i++) prev[i] = 1;
    for (let i = ilo; i <= ihi; i++) {
      const j = s - i;
      cur[i] = (prev[i - 1] * i + prev[i] * j) / (i + j);
    }
    cur[0] = s < maxj0 ? 0 : 1;
    wlo = ilo;
    whi = ihi;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[m];
}

// src/drift/methods/ks.ts
var SKETCH_EXACT_MAX_CELLS = 1e6;
var ks = {
  name: "ks",
  kinds: ["numeric"],
  decision: "p_value",
  defaultThreshold: 0.05,
  description: "two-sample Kolmogorov-Smirnov test",
  numeric(ref, cur) {
    if (ref.form === "exact" && cur.form === "exact") {
      const r = ksTwoSample(ref.sorted, cur.sorted, "auto");
      return { statistic: r.statistic, p_value: r.pValue };
    }
    const [a, b] = sketchPair(ref, cur);
    const { fa, fb, maxMass } = cdfsAtBuckets(a, b);
    let d = 0;
    for (let i = 0; i < fa.length; i++) d = Math.max(d, Math.abs(fa[i] - fb[i]));
    const method = a.count * b.count <= SKETCH_EXACT_MAX_CELLS ? "auto" : "asymp";
    return { statistic: d, p_value: ksPValue(d, a.count, b.count, method).pValue, approximation_error: maxMass };
  }
};

// src/stats/wassersteinDistance.ts
function wassersteinDistance(a, b, scale = 1) {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) throw new RangeError("wassersteinDistance: both samples must be non-empty");
  const total = n + m;
  const buf = new Float64Array(Math.min(BLOCK, total - 1));
  let sum2 = 0;
  let fill = 0;
  let ia = 0;
  let ib = 0;
  let ua = 0;
  let ub = 0;
  let x = a[0] <= b[0] ? a[ia++] : b[ib++];
  for (let k = 0; k < total - 1; k++) {
    while (ua < n && a[ua] <= x) ua++;
    while (ub < m && b[ub] <= x) ub++;
    let next;
    if (ia < n && (ib >= m || a[ia] <= b[ib])) next = a[ia++];
    else next = b[ib++];
    const dF = Math.abs(ua / n - ub / m);
    buf[fill++] = dF === 0 || next === x ? 0 : dF * (next / scale - x / scale);
    x = next;
    if (fill === BLOCK) {
      sum2 += pairwiseSum(buf, 0, fill);
      fill = 0;
    }
  }
  if (fill > 0) sum2 += pairwiseSum(buf, 0, fill);
  return sum2;
}
var BLOCK = 8192;

// src/drift/methods/wasserstein.ts
var wasserstein = {
  name: "wasserstein",
  kinds: ["numeric"],
  decision: "distance",
  defaultThreshold: 0.1,
  description: "Wasserstein distance in reference standard deviations",
  numeric(ref, cur) {
    const std = populationStd(ref);
    const normalised = std !== null && std > 0;
    const scale = normalised ? ldexp(1, binaryExponent(std)) : 1;
    let distance;
    if (ref.form === "exact" && cur.form === "exact") {
      distance = wassersteinDistance(ref.sorted, cur.sorted, scale);
    } else {
      const [a, b] = sketchPair(ref, cur);
      const { keys, fa, fb } = cdfsAtBuckets(a, b);
      distance = 0;
      for (let i = 0; i + 1 < keys.length; i++) {
        const dF = Math.abs(fa[i] - fb[i]);
        if (dF !== 0) distance += dF * (a.keyValue(keys[i + 1]) / scale - a.keyValue(keys[i]) / scale);
      }
    }
    if (!normalised) return { statistic: distance, note: "reference is constant: distance not normalised" };
    return { statistic: distance / (std / scale) };
  }
};
function populationStd(s) {
  if (s.form === "sketch") return s.std0;
  return momentsStd(scaledMoments(s.sorted), 0);
}

// src/drift/methods/registry.ts
var DRIFT_METHODS = { ks, psi, chisquare, jensenshannon, wasserstein };

// src/stats/wilsonLowerBound.ts
function wilsonLowerBound(k, n, z) {
  if (!(n > 0) || k <= 0) return 0;
  const p = k / n;
  const z2n = z * z / n;
  const centre = p + z2n / 2;
  const spread = z * Math.sqrt(p * (1 - p) / n + z2n / (4 * n));
  return Math.max(0, (centre - spread) / (1 + z2n));
}

// src/quality/measureQuality.ts
var NOISE_Z = 3;
function measureQuality(name, reference, current, thresholds) {
  if (reference.kind === "skipped" || current.kind === "skipped" || reference.kind !== current.kind) return null;
  const judge = (signal, count, total, expected) => {
    const threshold = thresholds[signal];
    const fired = threshold !== false && total > 0 && wilsonLowerBound(count, total, NOISE_Z) > expected + threshold;
    return { share: total > 0 ? count / total : 0, count, total, expected, threshold, fired };
  };
  const out = { name, missing_share: judge("missing_share", 0, 0, 0), fired: [] };
  if (reference.kind === "categorical" && current.kind === "categorical") {
    out.missing_share = judge(
      "missing_share",
      current.missing,
      current.count + current.missing,
      share(reference.missing, reference.count + reference.missing)
    );
    let fresh = 0;
    for (const [value, c] of current.counts) if (!reference.counts.has(value)) fresh += c;
    let singletons = 0;
    for (const c of reference.counts.values()) if (c === 1) singletons++;
    if (current.count > 0)
      out.new_category_share = judge("new_category_share", fresh, current.count, share(singletons, reference.count));
  } else if (reference.kind === "numeric" && current.kind === "numeric") {
    const ref = numericFacts(reference);
    const cur = numericFacts(current);
    out.missing_share = judge(
      "missing_share",
      current.missing,
      cur.present + current.missing,
      share(reference.missing, ref.present + reference.missing)
    );
    if (cur.present > 0)
      out.non_finite_share = judge("non_finite_share", cur.nonFinite, cur.present, share(ref.nonFinite, ref.present));
    const finite = cur.present - cur.nonFinite;
    const outside = ref.min !== null && ref.max !== null ? outOfRange(current, ref.min, ref.max) : null;
    if (outside !== null && finite > 0) {
      const finiteRef = ref.present - ref.nonFinite;
      out.out_of_range_share = judge("out_of_range_share", outside, finite, 2 / (finiteRef + 1));
    }
  }
  for (const s of ["missing_share", "out_of_range_share", "new_category_share", "non_finite_share"])
    if (out[s]?.fired) out.fired.push(s);
  return out;
}
function share(k, n) {
  return n > 0 ? k / n : 0;
}
function numericFacts(s) {
  if (s.form === "sketch") {
    const nonFinite = s.sketch.positiveInfinity + s.sketch.negativeInfinity;
    return { present: s.count, nonFinite, min: s.min ?? null, max: s.max ?? null };
  }
  const v = s.sorted;
  const lo = lowerBound(v, -Number.MAX_VALUE);
  const hi = upperBound(v, Number.MAX_VALUE);
  return {
    present: v.length,
    nonFinite: lo + (v.length - hi),
    min: hi > lo ? v[lo] : null,
    max: hi > lo ? v[hi - 1] : null
  };
}
function outOfRange(s, min, max) {
  if (s.form === "sketch") return s.outOfRange ?? null;
  const v = s.sorted;
  const below = lowerBound(v, min) - lowerBound(v, -Number.MAX_VALUE);
  const above = upperBound(v, Number.MAX_VALUE) - upperBound(v, max);
  return below + above;
}
function lowerBound(v, x) {
  let lo = 0;
  let hi = v.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (v[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function upperBound(v, x) {
  let lo = 0;
  let hi = v.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (v[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// src/quality/featureQualityColumns.ts
var SIGNALS = QUALITY_SIGNALS.length;
var PRESENT = 1;
var FIRED = 2;
var SLOTS2 = 3;
var SLOT_OF = {
  missing_share: 0,
  new_category_share: 1,
  non_finite_share: 1,
  out_of_range_share: 2
};
var FeatureQualityColumns = class {
  constructor(capacity, thresholds) {
    this.thresholds = thresholds;
    this.flags = new Uint8Array(capacity * SIGNALS);
    this.values = new Float64Array(capacity * SLOTS2 * 3);
  }
  thresholds;
  names = [];
  /** Per column and signal: PRESENT, FIRED. */
  flags;
  /** Per column and slot (SLOT_OF its signal): count, total, expected. */
  values;
  get length() {
    return this.names.length;
  }
  push(q) {
    const i = this.names.length;
    if (i * SIGNALS === this.flags.length) throw new Error("FeatureQualityColumns: more columns than its capacity");
    if (q.new_category_share !== void 0 && q.non_finite_share !== void 0)
      throw new Error("FeatureQualityColumns: one column's new_category_share and non_finite_share share a slot");
    this.names.push(q.name);
    QUALITY_SIGNALS.forEach((signal, s) => {
      const m = q[signal];
      if (m === void 0) return;
      if (m.threshold !== this.thresholds[signal] || m.share !== share2(m.count, m.total))
        throw new Error(`FeatureQualityColumns: ${signal} was not measured with these thresholds`);
      this.flags[i * SIGNALS + s] = PRESENT | (m.fired ? FIRED : 0);
      const v = (i * SLOTS2 + SLOT_OF[signal]) * 3;
      this.values[v] = m.count;
      this.values[v + 1] = m.total;
      this.values[v + 2] = m.expected;
    });
  }
  /** The column's FeatureQuality: name, missing_share, fired, then the other signals measured, as measureQuality. */
  feature(i) {
    const measure = (signal) => {
      const flags = this.flags[i * SIGNALS + QUALITY_SIGNALS.indexOf(signal)];
      if ((flags & PRESENT) === 0) return void 0;
      const v = (i * SLOTS2 + SLOT_OF[signal]) * 3;
      const count = this.values[v];
      const total = this.values[v + 1];
      return {
        share: share2(count, total),
        count,
        total,
        expected: this.values[v + 2],
        threshold: this.thresholds[signal],
        fired: (flags & FIRED) !== 0
      };
    };
    const out = {
      name: this.names[i],
      missing_share: measure("missing_share"),
      fired: QUALITY_SIGNALS.filter((s) => (this.flags[i * SIGNALS + QUALITY_SIGNALS.indexOf(s)] & FIRED) !== 0)
    };
    for (const signal of ["new_category_share", "non_finite_share", "out_of_range_share"]) {
      const m = measure(signal);
      if (m !== void 0) out[signal] = m;
    }
    return out;
  }
};
function share2(count, total) {
  return total > 0 ? count / total : 0;
}

// src/drift/detectDrift.ts
function detectDrift(input, policy) {
  return wholeDriftReport(detectDriftParts(input, policy));
}
function detectDriftParts(input, policy) {
  const names = input.columns ?? [...input.reference.keys()];
  const detection = new DriftAccumulator(policy, {
    referenceLabel: input.referenceLabel,
    currentLabel: input.currentLabel,
    capacity: names.length,
    ...input.quality && { quality: input.quality }
  });
  detection.add(input.reference, input.current, names, input.skip);
  return detection.finish();
}
var DriftAccumulator = class {
  /** `capacity`: how many column names `add` is given in all. */
  constructor(policy, options) {
    this.policy = policy;
    this.options = options;
    this.columns = new FeatureDriftColumns(options.capacity);
    this.rawP = new Float64Array(options.capacity);
    this.quality = options.quality ? new FeatureQualityColumns(options.capacity, options.quality) : null;
  }
  policy;
  options;
  skipped = [];
  columns;
  rawP;
  quality;
  fired = [];
  /**
   * Tests `names` (in this order) on these samples. `skip`: columns skipped unless the policy has an override for
   * them (other than skip: true), name -> reason.
   */
  add(reference, current, names, skip) {
    const { policy, skipped, columns, rawP, quality, fired } = this;
    const thresholds = this.options.quality;
    for (const name of names) {
      const override = columnOverride(policy, name);
      if (override.skip) {
        skipped.push({ name, reason: "skipped by configuration" });
        continue;
      }
      const defaultReason = skip?.get(name);
      if (defaultReason !== void 0 && Object.keys(override).length === 0) {
        skipped.push({ name, reason: defaultReason });
        continue;
      }
      const ref = reference.get(name);
      const cur = current.get(name);
      if (!ref || !cur) {
        skipped.push({ name, reason: `absent from the ${!ref ? "reference" : "current data"}` });
        continue;
      }
      if (ref.kind === "skipped") {
        skipped.push({ name, reason: ref.reason });
        continue;
      }
      const q = thresholds ? measureQuality(name, ref, cur, thresholds) : null;
      if (q) {
        quality.push(q);
        for (const signal of q.fired) fired.push({ feature: q.name, signal, share: q[signal].share });
      }
      if (cur.kind === "skipped" || cur.kind !== ref.kind) {
        const curKind = cur.kind === "skipped" ? cur.type : cur.kind;
        skipped.push({ name, reason: `${ref.kind} in the reference but ${curKind} in the current data` });
        continue;
      }
      const refCount = sampleCount(ref);
      const curCount = sampleCount(cur);
      if (refCount === 0 || curCount === 0) {
        skipped.push({ name, reason: `no values in the ${refCount === 0 ? "reference" : "current data"}` });
        continue;
      }
      const tested = testColumn(name, ref, cur, policy);
      rawP[columns.length] = tested.rawP ?? NaN;
      columns.push(tested.column);
    }
  }
  /** The multiple-testing correction across every column added, the decisions and the report. */
  finish() {
    const { policy, skipped, columns, quality, fired } = this;
    const thresholds = this.options.quality;
    const n = columns.length;
    const adjusted = correct(this.rawP.subarray(0, n), policy.correction);
    const drifted = [];
    const criticalDrifted = [];
    const majorDrifted = [];
    const major = policy.major_psi;
    for (let i = 0; i < n; i++) {
      const decisive = columns.methodOf(i);
      const hasP = decisive === "auto" || DRIFT_METHODS[decisive].decision === "p_value";
      const adj = hasP ? adjusted[i] : null;
      const statistic = columns.statisticOf(i);
      const threshold = columns.thresholdOf(i);
      let isDrifted;
      if (decisive === "auto") {
        isDrifted = adj < columns.alphaOf(i) && statistic >= threshold;
      } else if (DRIFT_METHODS[decisive].decision === "p_value") {
        isDrifted = adj < threshold;
      } else {
        isDrifted = statistic >= threshold;
      }
      columns.decide(i, adj, isDrifted);
      if (!isDrifted) continue;
      const name = columns.name(i);
      drifted.push(name);
      if (columns.critical(i)) criticalDrifted.push(name);
      if (major !== null && (columns.testStatistic(i, "psi") ?? -Infinity) >= major) majorDrifted.push(name);
    }
    const share3 = n > 0 ? drifted.length / n : 0;
    const datasetDrifted = n > 0 && share3 >= policy.dataset_share || criticalDrifted.length > 0 || majorDrifted.length > 0;
    return {
      kind: "modelguard.drift",
      version: 1,
      reference: this.options.referenceLabel,
      current: this.options.currentLabel,
      policy: {
        method: policy.method,
        alpha: policy.alpha,
        psi_threshold: policy.psi_threshold,
        correction: policy.correction,
        bins: policy.bins,
        dataset_share: policy.dataset_share,
        major_psi: policy.major_psi
      },
      features: new ContractList(n, (i) => columns.feature(i)),
      skipped,
      drifted_features: drifted,
      drifted_share: share3,
      dataset_drifted: datasetDrifted,
      major_drifted: majorDrifted,
      ...thresholds && quality ? {
        quality: {
          thresholds,
          features: new ContractList(quality.length, (i) => quality.feature(i)),
          fired
        },
        quality_failed: fired.length > 0
      } : {},
      summary: summarize({
        tested: n,
        drifted: drifted.length,
        share: share3,
        threshold: policy.dataset_share,
        critical: criticalDrifted,
        major: majorDrifted,
        majorPsi: major,
        quality: fired
      })
    };
  }
};
function testColumn(name, ref, cur, policy) {
  const override = columnOverride(policy, name);
  const kind = ref.kind;
  let choice = override.method ?? policy.method;
  if (choice !== "auto" && !DRIFT_METHODS[choice].kinds.includes(kind)) choice = "auto";
  const significance = kind === "numeric" ? "ks" : "chisquare";
  const names = choice === "auto" ? [significance, "psi"] : [.../* @__PURE__ */ new Set([choice, "psi"])];
  const ctx = { bins: policy.bins };
  const tests = {};
  for (const m of names) tests[m] = run(DRIFT_METHODS[m], ref, cur, ctx);
  const approximate = ref.kind === "numeric" && ref.form === "sketch" || cur.kind === "numeric" && cur.form === "sketch";
  const method = choice === "auto" ? null : DRIFT_METHODS[choice];
  const globalThreshold = policy.method === choice ? policy.threshold : void 0;
  const column = {
    name,
    kind,
    critical: override.critical === true,
    tests,
    reference: { count: sampleCount(ref), missing: ref.missing },
    current: { count: sampleCount(cur), missing: cur.missing },
    approximate,
    choice,
    statistic: tests[choice === "auto" ? "psi" : choice].statistic,
    threshold: override.threshold ?? (method === null ? override.psi_threshold ?? policy.psi_threshold : globalThreshold ?? method.defaultThreshold)
  };
  if (method === null) {
    column.alpha = override.alpha ?? policy.alpha;
    return { column, rawP: tests[significance].p_value };
  }
  return { column, rawP: method.decision === "p_value" ? tests[choice].p_value : null };
}
function run(method, ref, cur, ctx) {
  if (ref.kind === "numeric" && cur.kind === "numeric") return method.numeric(ref, cur, ctx);
  if (ref.kind === "categorical" && cur.kind === "categorical") return method.categorical(ref, cur, ctx);
  throw new Error("sample kinds differ");
}
function correct(p, correction) {
  if (correction === "none") return p;
  if (correction === "bonferroni") {
    let m = 0;
    for (const x of p) if (!Number.isNaN(x)) m++;
    return p.map((x) => Number.isNaN(x) ? x : Math.min(1, x * m));
  }
  return Float64Array.from(benjaminiHochberg(p));
}
function summarize(f) {
  const pct = (x) => `${Number((x * 100).toFixed(1))}%`;
  const quality = f.quality.length > 0 ? `data quality failed: ${f.quality.slice(0, 5).map((q) => `${q.feature} ${q.signal.replace(/_share$/, "").replace(/_/g, "-")} ${pct(q.share)}`).join(", ")}${f.quality.length > 5 ? ` and ${f.quality.length - 5} more` : ""}` : "";
  const withQuality = (text) => quality ? `${quality}; ${text}` : text;
  if (f.tested === 0) return withQuality("no column could be tested");
  const counts = `${f.drifted} of ${f.tested} columns drifted (${pct(f.share)})`;
  const plural = (names) => names.length > 1 ? "s" : "";
  if (f.critical.length > 0)
    return withQuality(
      `dataset drifted: critical column${plural(f.critical)} ${f.critical.join(", ")} drifted; ${counts}`
    );
  if (f.share >= f.threshold)
    return withQuality(`dataset drifted: ${counts}, at or above the ${pct(f.threshold)} threshold`);
  if (f.major.length > 0)
    return withQuality(
      `dataset drifted: column${plural(f.major)} ${f.major.slice(0, 5).join(", ")}${f.major.length > 5 ? ` and ${f.major.length - 5} more` : ""} drifted with PSI at or above ${f.majorPsi}; ${counts}`
    );
  return withQuality(`no dataset drift: ${counts}, below the ${pct(f.threshold)} threshold`);
}

export {
  columnOverride,
  resolvePolicy,
  QUALITY_SIGNALS,
  resolveQualityThresholds,
  METHOD_NAMES,
  detectDrift,
  detectDriftParts,
  DriftAccumulator
};
