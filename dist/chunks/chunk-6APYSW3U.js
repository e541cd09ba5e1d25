import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  QuantileSketch,
  driftKindOfType,
  sampleCount,
  sampleProfile,
  toSketch
} from "./chunk-T6YKG5IH.js";
import {
  isProfilePath,
  readProfile,
  validateContract
} from "./chunk-2GS3UWSJ.js";
import {
  require_dist
} from "./chunk-CV6AQ6IM.js";
import {
  choiceOption,
  delimiterOption,
  formatNumber,
  formatTable,
  listOption,
  numberOption,
  writeJsonFile
} from "./chunk-7PZ5DIST.js";
import {
  ModelguardError
} from "./chunk-A3WDWWYJ.js";
import {
  __toESM
} from "./chunk-3DORHFRE.js";

// src/config/readYamlFile.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFileSync } from "node:fs";
function readYamlFile(path, code, what) {
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const missing = e.code === "ENOENT";
    throw new ModelguardError(
      code,
      missing ? `${what} not found: ${path}` : `cannot read ${path}: ${e.message}`,
      `check the path of the ${what}`,
      { file: path }
    );
  }
  const doc = (0, import_yaml.parseDocument)(text, { prettyErrors: false });
  const err = doc.errors[0];
  if (err) {
    const line = err.linePos?.[0]?.line;
    throw new ModelguardError(
      code,
      `${path}${line ? `, line ${line}` : ""}: YAML syntax error: ${err.message.split("\n")[0]}`,
      "fix the YAML syntax (indentation, colons, quotes)",
      { file: path, ...line ? { line } : {} }
    );
  }
  return doc.toJS();
}

// src/config/projectConfig.ts
function readProjectConfig(path) {
  const value = readYamlFile(path, "config", "config file");
  if (value === null || typeof value !== "object") {
    throw new ModelguardError(
      "config",
      `${path}: expected a mapping with 'version: 1'`,
      "start the file with `version: 1`",
      { file: path }
    );
  }
  const problems = validateContract("config.schema.json", value);
  if (problems.length > 0) {
    throw new ModelguardError(
      "config",
      `${path}: ${problems.slice(0, 5).join("; ")}`,
      "see schemas/config.schema.json for every key",
      { file: path }
    );
  }
  return value;
}

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

// src/stats/binomialDeviance.ts
function binomialDeviance(x, m) {
  if (!(x >= 0 && m > 0)) throw new RangeError(`binomialDeviance: need x >= 0 and m > 0, got ${x}, ${m}`);
  if (x === 0) return m;
  const d = x - m;
  if (Math.abs(d) < 0.1 * (x + m)) {
    let v = d / (x + m);
    let s = d * v;
    if (Math.abs(s) < 22250738585072014e-324) return s;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1e3; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  const r = x / m;
  if (r >= 0.5 && r <= 2) return x * Math.log1p(d / m) - d;
  return x * Math.log(r) + m - x;
}

// src/stats/logGamma.ts
function logGamma(x) {
  if (!(x > 0)) throw new RangeError(`logGamma: x must be positive, got ${x}`);
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + LANCZOS_G + 0.5;
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i] / (z + i);
  return LOG_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
}
var LANCZOS_G = 7;
var LANCZOS = [
  0.9999999999998099,
  676.5203681218851,
  -1259.1392167224028,
  771.3234287776531,
  -176.6150291621406,
  12.507343278686905,
  -0.13857109526572012,
  9984369578019572e-21,
  15056327351493116e-23
];
var LOG_SQRT_2PI = 0.9189385332046728;

// src/stats/stirlingError.ts
function stirlingError(n) {
  if (!(n >= 0)) throw new RangeError(`stirlingError: n must be >= 0, got ${n}`);
  if (n <= 15) {
    const twice = 2 * n;
    if (twice === Math.floor(twice)) return HALVES[twice];
    if (n === 0) return 0;
    return logGamma(n + 1) - (n + 0.5) * Math.log(n) + n - LOG_SQRT_2PI2;
  }
  const nn = n * n;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}
var S0 = 1 / 12;
var S1 = 1 / 360;
var S2 = 1 / 1260;
var S3 = 1 / 1680;
var S4 = 1 / 1188;
var LOG_SQRT_2PI2 = 0.9189385332046728;
var HALVES = [
  0,
  0.15342640972002736,
  0.08106146679532726,
  0.05481412105191765,
  0.0413406959554093,
  0.03316287351993629,
  0.02767792568499834,
  0.023746163656297496,
  0.020790672103765093,
  0.018488450532673187,
  0.016644691189821193,
  0.015134973221917378,
  0.013876128823070748,
  0.012810465242920227,
  0.01189670994589177,
  0.011104559758206917,
  0.010411265261972096,
  0.009799416126158804,
  0.009255462182712733,
  0.008768700134139386,
  0.00833056343336287,
  0.00793411456431402,
  0.007573675487951841,
  0.007244554301320383,
  0.00694284010720953,
  0.006665247032707682,
  0.006408994188004207,
  0.006171712263039458,
  0.0059513701127588475,
  0.0057462165130101155,
  0.005554733551962801
];

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

// src/stats/pairwiseSum.ts
function pairwiseSum(values, start = 0, end = values.length) {
  if (!(start >= 0 && end <= values.length)) throw new RangeError("pairwiseSum: range outside the array");
  let total = 0;
  for (let lo = start; lo < end; lo += NUMPY_BUFFER_SIZE) {
    total += pairwiseBlock(values, lo, Math.min(NUMPY_BUFFER_SIZE, end - lo));
  }
  return total;
}
var NUMPY_BUFFER_SIZE = 8192;
function pairwiseBlock(a, lo, n) {
  if (n < 8) {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[lo + i];
    return s;
  }
  if (n <= 128) {
    let r0 = a[lo];
    let r1 = a[lo + 1];
    let r2 = a[lo + 2];
    let r3 = a[lo + 3];
    let r4 = a[lo + 4];
    let r5 = a[lo + 5];
    let r6 = a[lo + 6];
    let r7 = a[lo + 7];
    const full = n - n % 8;
    let i = 8;
    for (; i < full; i += 8) {
      const k = lo + i;
      r0 += a[k];
      r1 += a[k + 1];
      r2 += a[k + 2];
      r3 += a[k + 3];
      r4 += a[k + 4];
      r5 += a[k + 5];
      r6 += a[k + 6];
      r7 += a[k + 7];
    }
    let s = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) s += a[lo + i];
    return s;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return pairwiseBlock(a, lo, half) + pairwiseBlock(a, lo + half, n - half);
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

// src/stats/quantileSorted.ts
function quantileSorted(sorted, q) {
  const n = sorted.length;
  if (n === 0) throw new RangeError("quantileSorted: empty sample");
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantileSorted: q must be in [0, 1], got ${q}`);
  const v = (n - 1) * q;
  let prev = Math.floor(v);
  let next = prev + 1;
  if (v >= n - 1) {
    prev = -1;
    next = -1;
  }
  const t = v - prev;
  const a = sorted[prev < 0 ? n + prev : prev];
  const b = sorted[next < 0 ? n + next : next];
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

// src/stats/psiBinEdges.ts
function psiBinEdges(sortedRef, bins = 10) {
  if (!(Number.isInteger(bins) && bins >= 1)) throw new RangeError(`psiBinEdges: bins must be an integer >= 1`);
  if (sortedRef.length === 0) throw new RangeError("psiBinEdges: empty reference sample");
  const step = 1 / bins;
  const qs = new Float64Array(bins - 1);
  for (let i = 1; i < bins; i++) qs[i - 1] = quantileSorted(sortedRef, i * step);
  qs.sort();
  let k = 0;
  for (let i = 0; i < qs.length; i++) {
    if (i === 0 || !(qs[i] === qs[k - 1] || Number.isNaN(qs[i]) && Number.isNaN(qs[k - 1]))) qs[k++] = qs[i];
  }
  return qs.slice(0, k);
}

// src/profile/referenceProfile.ts
var PROFILE_DEFAULTS = { sketchAccuracy: 1e-3, bins: 10 };

// src/profile/buildProfile.ts
function buildProfile(table, options = {}) {
  const sketchAccuracy = options.sketchAccuracy ?? PROFILE_DEFAULTS.sketchAccuracy;
  const bins = options.bins ?? PROFILE_DEFAULTS.bins;
  const columns = {};
  for (const column of table.columns) columns[column.name] = profileColumn(column, sketchAccuracy, bins);
  return {
    kind: "modelguard.profile",
    version: 1,
    created_at: options.createdAt ?? (/* @__PURE__ */ new Date()).toISOString(),
    sources: [options.source ?? table.source],
    rows: table.rowCount,
    sketch_accuracy: sketchAccuracy,
    bins,
    columns
  };
}
function profileColumn(column, sketchAccuracy, bins) {
  if (column.kind === "dictionary") return column.type === "category" ? profileCategory(column) : profileText(column);
  switch (column.type) {
    case "integer":
    case "number":
      return profileNumeric(column, sketchAccuracy, bins);
    case "boolean":
      return profileBoolean(column);
    case "datetime":
      return profileDatetime(column);
  }
}
function profileNumeric(column, sketchAccuracy, bins) {
  const { values, valid } = column;
  const sketch = new QuantileSketch(sketchAccuracy);
  let count = 0;
  let finite = 0;
  let infinite = 0;
  let sum2 = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (valid[i] === 0) continue;
    const x = values[i];
    count++;
    sketch.add(x);
    if (x === Infinity || x === -Infinity) {
      infinite++;
      continue;
    }
    finite++;
    sum2 += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const mean = finite > 0 ? sum2 / finite : NaN;
  let m2 = 0;
  if (finite > 0) {
    for (let i = 0; i < values.length; i++) {
      const x = values[i];
      if (valid[i] === 0 || x === Infinity || x === -Infinity) continue;
      m2 += (x - mean) * (x - mean);
    }
  }
  return numericProfileFrom(
    {
      type: column.type === "integer" ? "integer" : "number",
      count,
      missing: countMissing(column) - column.invalid.size,
      invalid: column.invalid.size,
      infinite,
      min: finite > 0 ? min : null,
      max: finite > 0 ? max : null,
      finite,
      mean,
      m2
    },
    sketch,
    bins
  );
}
function countMissing(column) {
  let n = 0;
  for (let i = 0; i < column.valid.length; i++) if (column.valid[i] === 0) n++;
  return n;
}
function numericProfileFrom(s, sketch, bins) {
  const q = (p) => s.count > 0 ? sketch.quantile(p) : null;
  return {
    kind: "numeric",
    type: s.type,
    count: s.count,
    missing: s.missing,
    invalid: s.invalid,
    infinite: s.infinite,
    min: s.min,
    max: s.max,
    mean: s.finite > 0 ? s.mean : null,
    std: s.finite > 1 ? Math.sqrt(s.m2 / (s.finite - 1)) : null,
    m2: s.m2,
    sketch: sketch.toJson(),
    psi_bins: sketchBins(sketch, bins),
    quantiles: { p01: q(0.01), p05: q(0.05), p25: q(0.25), p50: q(0.5), p75: q(0.75), p95: q(0.95), p99: q(0.99) }
  };
}
function sketchBins(sketch, bins) {
  const { keys, counts } = sketch.buckets();
  let total = 0;
  for (const c of counts) total += c;
  if (total === 0) return { keys: [], edges: [], proportions: [] };
  const edgeKeys = [];
  for (let i = 1; i < bins; i++) {
    const k = sketch.quantileKey(i / bins);
    if (edgeKeys.length === 0 || k > edgeKeys[edgeKeys.length - 1]) edgeKeys.push(k);
  }
  while (edgeKeys.length > 0 && edgeKeys[edgeKeys.length - 1] >= keys[keys.length - 1]) edgeKeys.pop();
  const binCounts2 = new Array(edgeKeys.length + 1).fill(0);
  let b = 0;
  for (let i = 0; i < keys.length; i++) {
    while (b < edgeKeys.length && keys[i] > edgeKeys[b]) b++;
    binCounts2[b] += counts[i];
  }
  return {
    keys: edgeKeys,
    edges: edgeKeys.map((k) => sketch.keyUpperBound(k)),
    proportions: binCounts2.map((c) => c / total)
  };
}
function profileCategory(column) {
  const counts = new Float64Array(column.dictionary.length);
  let missing = 0;
  for (let i = 0; i < column.codes.length; i++) {
    const c = column.codes[i];
    if (c < 0) missing++;
    else counts[c]++;
  }
  const freq = /* @__PURE__ */ new Map();
  column.dictionary.forEach((v, i) => {
    if (counts[i] > 0) freq.set(v, (freq.get(v) ?? 0) + counts[i]);
  });
  return categoricalProfileFrom("category", freq, missing, 0);
}
function profileBoolean(column) {
  let t = 0;
  let f = 0;
  for (let i = 0; i < column.values.length; i++) {
    if (column.valid[i] === 0) continue;
    if (column.values[i] === 1) t++;
    else f++;
  }
  const freq = /* @__PURE__ */ new Map();
  if (f > 0) freq.set("false", f);
  if (t > 0) freq.set("true", t);
  return categoricalProfileFrom("boolean", freq, countMissing(column) - column.invalid.size, column.invalid.size);
}
function categoricalProfileFrom(type, freq, missing, invalid) {
  const entries = [...freq].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let count = 0;
  for (const [, c] of entries) count += c;
  return {
    kind: "categorical",
    type,
    count,
    missing,
    invalid,
    distinct: entries.length,
    frequencies: { values: entries.map((e) => e[0]), counts: entries.map((e) => e[1]) }
  };
}
function profileText(column) {
  const lengths = column.dictionary.map((s) => [...s].length);
  let count = 0;
  let missing = 0;
  let total = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < column.codes.length; i++) {
    const c = column.codes[i];
    if (c < 0) {
      missing++;
      continue;
    }
    const len = lengths[c];
    count++;
    total += len;
    if (len < min) min = len;
    if (len > max) max = len;
  }
  return {
    kind: "text",
    type: "string",
    count,
    missing,
    invalid: 0,
    min_length: count > 0 ? min : null,
    max_length: count > 0 ? max : null,
    mean_length: count > 0 ? total / count : null
  };
}
function profileDatetime(column) {
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < column.values.length; i++) {
    if (column.valid[i] === 0) continue;
    const x = column.values[i];
    count++;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return {
    kind: "datetime",
    type: "datetime",
    count,
    missing: countMissing(column) - column.invalid.size,
    invalid: column.invalid.size,
    min: count > 0 ? new Date(min).toISOString() : null,
    max: count > 0 ? new Date(max).toISOString() : null
  };
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
    maxMass = Math.max(maxMass, ma, mb);
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
    const rc = binCounts(ref.sorted, edges);
    const cc = binCounts(cur.sorted, edges);
    return [Array.from(rc, (c) => c / ref.sorted.length), Array.from(cc, (c) => c / cur.sorted.length)];
  }
  const [a, b] = sketchPair(ref, cur);
  const reference = referenceKeyBins(ref, a, bins);
  return [reference.proportions, proportionsInKeyBins(b, reference.keys)];
}
var psi = {
  name: "psi",
  kinds: ["numeric", "categorical"],
  decision: "distance",
  defaultThreshold: 0.1,
  description: "population stability index",
  numeric(ref, cur, ctx) {
    const [r, c] = binnedProportions(ref, cur, ctx.bins);
    return { statistic: populationStabilityIndex(Float64Array.from(r), Float64Array.from(c)) };
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
    return { statistic: jensenShannonDistance(Float64Array.from(r), Float64Array.from(c)) };
  },
  categorical(ref, cur) {
    const { ref: r, cur: c } = categoryShares(ref, cur);
    return { statistic: jensenShannonDistance(r, c) };
  }
};

// src/stats/ldexp.ts
function ldexp(x, e) {
  if (e > 1023) {
    x *= TWO_P1023;
    e -= 1023;
    if (e > 1023) {
      x *= TWO_P1023;
      e -= 1023;
      if (e > 1023) e = 1023;
    }
  } else if (e < -1022) {
    x *= TWO_M969;
    e += 969;
    if (e < -1022) {
      x *= TWO_M969;
      e += 969;
      if (e < -1022) e = -1022;
    }
  }
  return x * POW2[e + 1022];
}
var TWO_P1023 = Math.pow(2, 1023);
var TWO_M969 = Math.pow(2, -969);
var POW2 = Float64Array.from({ length: 2046 }, (_, i) => Math.pow(2, i - 1022));

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
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) throw new RangeError("ksTwoSample: both samples must be non-empty");
  if (method !== "auto" && method !== "exact" && method !== "asymp") {
    throw new RangeError(`ksTwoSample: unknown method ${String(method)}`);
  }
  let d = ksStatistic(a, b);
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
    const n = a.count;
    const m = b.count;
    return {
      statistic: d,
      p_value: kolmogorovTwoSidedSf(d, roundHalfEven(n * m / (n + m))),
      approximation_error: maxMass
    };
  }
};

// src/stats/wassersteinDistance.ts
function wassersteinDistance(a, b) {
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
    buf[fill++] = Math.abs(ua / n - ub / m) * (next - x);
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
    let distance;
    if (ref.form === "exact" && cur.form === "exact") {
      distance = wassersteinDistance(ref.sorted, cur.sorted);
    } else {
      const [a, b] = sketchPair(ref, cur);
      const { keys, fa, fb } = cdfsAtBuckets(a, b);
      distance = 0;
      for (let i = 0; i + 1 < keys.length; i++) {
        distance += Math.abs(fa[i] - fb[i]) * (a.keyValue(keys[i + 1]) - a.keyValue(keys[i]));
      }
    }
    const std = populationStd(ref);
    if (!(std !== null && std > 0))
      return { statistic: distance, note: "reference is constant: distance not normalised" };
    return { statistic: distance / std };
  }
};
function populationStd(s) {
  if (s.form === "sketch") return s.std0;
  const x = s.sorted;
  if (x.length === 0) return null;
  let mean = 0;
  for (let i = 0; i < x.length; i++) mean += x[i];
  mean /= x.length;
  let ss = 0;
  for (let i = 0; i < x.length; i++) ss += (x[i] - mean) * (x[i] - mean);
  return Math.sqrt(ss / x.length);
}

// src/drift/methods/registry.ts
var DRIFT_METHODS = { ks, psi, chisquare, jensenshannon, wasserstein };

// src/drift/detectDrift.ts
function detectDrift(input, policy) {
  const names = input.columns ?? [...input.reference.keys()];
  const skipped = [];
  const pending = [];
  for (const name of names) {
    const override = policy.columns[name] ?? {};
    if (override.skip) {
      skipped.push({ name, reason: "skipped by configuration" });
      continue;
    }
    const ref = input.reference.get(name);
    const cur = input.current.get(name);
    if (!ref || !cur) {
      skipped.push({ name, reason: `absent from the ${!ref ? "reference" : "current data"}` });
      continue;
    }
    if (ref.kind === "skipped") {
      skipped.push({ name, reason: ref.reason });
      continue;
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
    pending.push(testColumn(name, ref, cur, policy));
  }
  const rawP = pending.map((p) => p.rawP ?? NaN);
  const adjusted = correct(Float64Array.from(rawP), policy.correction);
  const features = pending.map((p, i) => {
    const adj = p.rawP === null ? null : adjusted[i];
    let drifted2;
    if (p.decisive === "auto") {
      drifted2 = adj < p.feature.alpha && p.feature.statistic >= p.feature.threshold;
    } else if (DRIFT_METHODS[p.decisive].decision === "p_value") {
      drifted2 = adj < p.feature.threshold;
    } else {
      drifted2 = p.feature.statistic >= p.feature.threshold;
    }
    return { ...p.feature, p_value: adj, drifted: drifted2 };
  });
  const drifted = features.filter((f) => f.drifted);
  const criticalDrifted = drifted.filter((f) => f.critical);
  const share = features.length > 0 ? drifted.length / features.length : 0;
  const datasetDrifted = features.length > 0 && share >= policy.dataset_share || criticalDrifted.length > 0;
  return {
    kind: "modelguard.drift",
    version: 1,
    reference: input.referenceLabel,
    current: input.currentLabel,
    policy: {
      method: policy.method,
      alpha: policy.alpha,
      psi_threshold: policy.psi_threshold,
      correction: policy.correction,
      bins: policy.bins,
      dataset_share: policy.dataset_share
    },
    features,
    skipped,
    drifted_features: drifted.map((f) => f.name),
    drifted_share: share,
    dataset_drifted: datasetDrifted,
    summary: summarize(
      features.length,
      drifted.length,
      share,
      policy.dataset_share,
      criticalDrifted.map((f) => f.name)
    )
  };
}
function testColumn(name, ref, cur, policy) {
  const override = policy.columns[name] ?? {};
  const kind = ref.kind;
  let choice = override.method ?? policy.method;
  if (choice !== "auto" && !DRIFT_METHODS[choice].kinds.includes(kind)) choice = "auto";
  const significance = kind === "numeric" ? "ks" : "chisquare";
  const names = choice === "auto" ? [significance, "psi"] : [.../* @__PURE__ */ new Set([choice, "psi"])];
  const ctx = { bins: policy.bins };
  const tests = {};
  for (const m of names) tests[m] = run(DRIFT_METHODS[m], ref, cur, ctx);
  const approximate = ref.kind === "numeric" && ref.form === "sketch" || cur.kind === "numeric" && cur.form === "sketch";
  const base = {
    name,
    kind,
    critical: override.critical === true,
    tests,
    reference: { count: sampleCount(ref), missing: ref.missing },
    current: { count: sampleCount(cur), missing: cur.missing },
    approximate
  };
  if (choice === "auto") {
    const psiThreshold = override.psi_threshold ?? policy.psi_threshold;
    return {
      feature: {
        ...base,
        method: `${significance}+psi`,
        statistic: tests.psi.statistic,
        threshold: override.threshold ?? psiThreshold,
        alpha: override.alpha ?? policy.alpha
      },
      decisive: "auto",
      rawP: tests[significance].p_value
    };
  }
  const method = DRIFT_METHODS[choice];
  const globalThreshold = policy.method === choice ? policy.threshold : void 0;
  return {
    feature: {
      ...base,
      method: choice,
      statistic: tests[choice].statistic,
      threshold: override.threshold ?? globalThreshold ?? method.defaultThreshold
    },
    decisive: choice,
    rawP: method.decision === "p_value" ? tests[choice].p_value : null
  };
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
function summarize(tested, drifted, share, threshold, critical) {
  const pct = (x) => `${Number((x * 100).toFixed(1))}%`;
  if (tested === 0) return "no column could be tested";
  const counts = `${drifted} of ${tested} columns drifted (${pct(share)})`;
  if (critical.length > 0)
    return `dataset drifted: critical column${critical.length > 1 ? "s" : ""} ${critical.join(", ")} drifted; ${counts}`;
  return share >= threshold ? `dataset drifted: ${counts}, at or above the ${pct(threshold)} threshold` : `no dataset drift: ${counts}, below the ${pct(threshold)} threshold`;
}

// src/drift/loadSamples.ts
import { Worker } from "node:worker_threads";
var fromSource = new URL(import.meta.url).pathname.endsWith(".ts");
var workerEntry = new URL(fromSource ? "./sampleWorker.ts" : "./sampleWorker.js", import.meta.url);
function startWorker(workerData) {
  if (!fromSource) return new Worker(workerEntry, { workerData });
  const bootstrap = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(workerEntry.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}
function loadSamples(path, options = {}) {
  return new Promise((resolve, reject) => {
    const worker = startWorker({ path, options });
    let settled = false;
    worker.once(
      "message",
      (m) => {
        settled = true;
        if (m.error) {
          if (m.error.code === "internal") reject(new Error(m.error.message));
          else reject(new ModelguardError(m.error.code, m.error.message, m.error.hint, m.error.location));
        } else {
          resolve({ samples: new Map(m.samples), types: m.types, rows: m.rows });
        }
        void worker.terminate();
      }
    );
    worker.once("error", (e) => {
      if (!settled) reject(e);
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`drift worker exited with code ${code} before answering`));
    });
  });
}

// src/drift/driftFiles.ts
async function driftFiles(input, policy) {
  const load = { ...input.load, ...input.columns ? { columns: [...input.columns] } : {} };
  let reference;
  let current;
  if (isProfilePath(input.reference)) {
    const profile = readProfile(input.reference);
    reference = sampleProfile(profile);
    current = (await loadSamples(input.current, { ...load, types: profileTypes(profile) })).samples;
  } else {
    const [ref, cur] = await Promise.all([loadSamples(input.reference, load), loadSamples(input.current, load)]);
    reference = ref.samples;
    current = cur.samples;
    const mismatched = {};
    for (const [name, type] of Object.entries(ref.types)) {
      const curType = cur.types[name];
      if (curType !== void 0 && driftKindOfType(curType) !== driftKindOfType(type)) mismatched[name] = type;
    }
    if (Object.keys(mismatched).length > 0) {
      const again = await loadSamples(input.current, { ...load, columns: Object.keys(mismatched), types: mismatched });
      for (const [name, sample] of again.samples) current.set(name, sample);
    }
  }
  return detectDrift(
    { reference, current, referenceLabel: input.reference, currentLabel: input.current, columns: input.columns },
    policy
  );
}
function profileTypes(profile) {
  return Object.fromEntries(Object.entries(profile.columns).map(([name, c]) => [name, c.type]));
}

// src/drift/driftPolicy.ts
var DEFAULT_DRIFT_POLICY = {
  method: "auto",
  alpha: 0.05,
  psi_threshold: 0.1,
  correction: "bh",
  bins: 10,
  dataset_share: 0.5,
  columns: {}
};
function resolvePolicy(partial = {}) {
  const defined = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== void 0));
  const policy = { ...DEFAULT_DRIFT_POLICY, ...defined, columns: { ...partial.columns ?? {} } };
  if (policy.method === "auto" && partial.psi_threshold === void 0 && partial.threshold !== void 0)
    policy.psi_threshold = partial.threshold;
  return policy;
}

// src/drift/methods/driftMethod.ts
var METHOD_NAMES = ["ks", "psi", "chisquare", "jensenshannon", "wasserstein"];

// src/cli/commands/drift.ts
function registerDrift(program, io, exit) {
  program.command("drift").description("test whether the current data's distributions drifted from the reference").option("--reference <file>", "reference data file, or a profile.json made by `modelguard profile`").option("--current <file>", "current data file").option(
    "--method <name>",
    "auto | ks | psi | chisquare | jensenshannon | wasserstein",
    choiceOption("--method", ["auto", ...METHOD_NAMES])
  ).option(
    "--threshold <x>",
    "threshold of the method (p-value for ks/chisquare, distance otherwise; PSI floor for auto)",
    numberOption("--threshold", { min: 0 })
  ).option(
    "--alpha <p>",
    "auto: significance level after correction (default 0.05)",
    numberOption("--alpha", { min: 0, max: 1 })
  ).option(
    "--psi-threshold <x>",
    "auto: minimum PSI to call drift (default 0.1)",
    numberOption("--psi-threshold", { min: 0 })
  ).option(
    "--correction <c>",
    "multiple-testing correction: bh | bonferroni | none",
    choiceOption("--correction", ["bh", "bonferroni", "none"])
  ).option(
    "--bins <n>",
    "reference-quantile bins for PSI (default 10)",
    numberOption("--bins", { min: 2, max: 1e3, integer: true })
  ).option(
    "--dataset-share <x>",
    "share of drifted columns that makes the dataset drift (default 0.5)",
    numberOption("--dataset-share", { min: 0, max: 1 })
  ).option("--columns <a,b>", "test only these columns", listOption).option("--critical <a,b>", "columns whose drift alone makes the dataset drift", listOption).option("--config <file>", "modelguard.yml with a drift: section (flags win)").option("--delimiter <c>", "CSV delimiter (default ,; 'tab' for tabs)", delimiterOption).option("--json", "print the drift report as JSON on stdout").option("--out <file>", "also write the JSON report to a file").option("--no-fail", "exit 0 even when the dataset drifted").action(async (flags) => {
    if (!flags.reference || !flags.current) {
      throw new ModelguardError(
        "usage",
        "drift needs --reference and --current",
        "e.g. modelguard drift --reference train.csv --current prod.csv"
      );
    }
    const policy = policyFromFlags(flags);
    const report = await driftFiles(
      {
        reference: flags.reference,
        current: flags.current,
        ...flags.columns ? { columns: flags.columns } : {},
        load: flags.delimiter ? { delimiter: flags.delimiter } : {}
      },
      policy
    );
    if (flags.out) writeJsonFile(flags.out, report);
    io.out(flags.json ? JSON.stringify(report, null, 2) : describeDrift(report));
    if (report.dataset_drifted && flags.fail) exit.code = 1;
  });
}
function policyFromFlags(flags) {
  const fromFile = flags.config ? readProjectConfig(flags.config).drift ?? {} : {};
  const columns = { ...fromFile.columns ?? {} };
  for (const name of flags.critical ?? []) columns[name] = { ...columns[name], critical: true };
  const method = flags.method ?? fromFile.method ?? "auto";
  return resolvePolicy({
    ...fromFile,
    method,
    ...method === "auto" ? { psi_threshold: flags.psiThreshold ?? flags.threshold ?? fromFile.psi_threshold ?? fromFile.threshold } : {
      threshold: flags.threshold ?? fromFile.threshold,
      psi_threshold: flags.psiThreshold ?? fromFile.psi_threshold
    },
    alpha: flags.alpha ?? fromFile.alpha,
    correction: flags.correction ?? fromFile.correction,
    bins: flags.bins ?? fromFile.bins,
    dataset_share: flags.datasetShare ?? fromFile.dataset_share,
    columns
  });
}
function describeDrift(r) {
  const rows = r.features.map((f) => [
    f.name + (f.critical ? " (critical)" : ""),
    f.kind,
    f.method,
    f.statistic,
    f.p_value === null ? "-" : formatNumber(f.p_value),
    f.threshold,
    f.drifted ? "DRIFT" : "ok"
  ]);
  const lines = [formatTable(["column", "kind", "method", "statistic", "p (adj.)", "threshold", "result"], rows)];
  for (const s of r.skipped) lines.push(`skipped ${s.name}: ${s.reason}`);
  if (r.features.some((f) => f.approximate))
    lines.push(
      "(reference is a profile: numeric statistics come from its sketches, see approximation_error in --json)"
    );
  lines.push("", r.summary);
  return lines.join("\n");
}

export {
  readYamlFile,
  binomialDeviance,
  stirlingError,
  pairwiseSum,
  quantileSorted,
  buildProfile,
  numericProfileFrom,
  categoricalProfileFrom,
  detectDrift,
  resolvePolicy,
  registerDrift,
  policyFromFlags
};
