import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  QuantileSketch
} from "./chunk-4SL7UKIU.js";

// src/stats/radixSortFloat64.ts
function radixSortFloat64(values) {
  const copy = values.slice();
  radixSortFloat64InPlace(copy);
  return copy;
}
var LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
function radixSortFloat64InPlace(values, scratch) {
  const n = values.length;
  if (n < 512) {
    values.sort();
    return;
  }
  if (scratch && scratch.length < n) throw new RangeError("scratch is shorter than values");
  const other = scratch ?? new Float64Array(n);
  let a = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  let b = new Uint32Array(other.buffer, other.byteOffset, n * 2);
  const lo = LITTLE_ENDIAN ? 0 : 1;
  const hi = 1 - lo;
  const counts = new Uint32Array(65536 * 4);
  for (let i = 0; i < n; i++) {
    let l = a[2 * i + lo];
    let h = a[2 * i + hi];
    if (h & 2147483648) {
      l = ~l >>> 0;
      h = ~h >>> 0;
    } else {
      h = (h ^ 2147483648) >>> 0;
    }
    a[2 * i + lo] = l;
    a[2 * i + hi] = h;
    counts[l & 65535]++;
    counts[65536 + (l >>> 16)]++;
    counts[131072 + (h & 65535)]++;
    counts[196608 + (h >>> 16)]++;
  }
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? lo : hi;
    const shift = (pass & 1) * 16;
    const base = pass * 65536;
    if (counts[base + (a[word] >>> shift & 65535)] === n) continue;
    let sum = 0;
    for (let d = base; d < base + 65536; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const x0 = a[2 * i];
      const x1 = a[2 * i + 1];
      const j = counts[base + (a[2 * i + word] >>> shift & 65535)]++;
      b[2 * j] = x0;
      b[2 * j + 1] = x1;
    }
    const t = a;
    a = b;
    b = t;
  }
  if (a.buffer !== values.buffer || a.byteOffset !== values.byteOffset) {
    b.set(a);
    a = b;
  }
  for (let i = 0; i < n; i++) {
    const h = a[2 * i + hi];
    if (h & 2147483648) {
      a[2 * i + hi] = h ^ 2147483648;
    } else {
      a[2 * i + lo] = ~a[2 * i + lo];
      a[2 * i + hi] = ~h;
    }
  }
}

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

// src/stats/scaledMoments.ts
var EMPTY_MOMENTS = { n: 0, mean: NaN, exponent: 0, m2s: 0 };
function binaryExponent(x) {
  const a = Math.abs(x);
  let e = Math.floor(Math.log2(a));
  if (ldexp(1, e) > a) e--;
  else if (ldexp(1, e + 1) <= a) e++;
  return e;
}
function scaledMoments(values, valid) {
  let n = 0;
  let maxAbs = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (valid && valid[i] === 0 || !Number.isFinite(x)) continue;
    n++;
    const a = Math.abs(x);
    if (a > maxAbs) maxAbs = a;
  }
  if (n === 0) return EMPTY_MOMENTS;
  const ev = maxAbs > 0 ? binaryExponent(maxAbs) : 0;
  const sv = ldexp(1, ev);
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (valid && valid[i] === 0 || !Number.isFinite(x)) continue;
    sum += x / sv;
  }
  const meanY = sum / n;
  let maxDev = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (valid && valid[i] === 0 || !Number.isFinite(x)) continue;
    const d = Math.abs(x / sv - meanY);
    if (d > maxDev) maxDev = d;
  }
  const ed = maxDev > 0 ? binaryExponent(maxDev) : 0;
  const sd = ldexp(1, ed);
  let m2s = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (valid && valid[i] === 0 || !Number.isFinite(x)) continue;
    const d = (x / sv - meanY) / sd;
    m2s += d * d;
  }
  return { n, mean: ldexp(meanY, ev), exponent: ev + ed, m2s };
}
function mergeScaledMoments(a, b) {
  if (a.n === 0) return b;
  if (b.n === 0) return a;
  const n = a.n + b.n;
  const delta = b.mean - a.mean;
  let step = delta * b.n / n;
  if (!Number.isFinite(step)) step = delta * (b.n / n);
  const mean = Number.isFinite(step) ? a.mean + step : a.mean * (a.n / n) + b.mean * (b.n / n);
  const half = b.mean / 2 - a.mean / 2;
  let exponent = -Infinity;
  if (a.m2s > 0) exponent = a.exponent;
  if (b.m2s > 0) exponent = Math.max(exponent, b.exponent);
  if (half !== 0) exponent = Math.max(exponent, binaryExponent(half) + 1);
  if (exponent === -Infinity) return { n, mean, exponent: 0, m2s: 0 };
  const d = ldexp(half, 1 - exponent);
  const m2s = ldexp(a.m2s, 2 * (a.exponent - exponent)) + ldexp(b.m2s, 2 * (b.exponent - exponent)) + d * d * a.n * b.n / n;
  return { n, mean, exponent, m2s };
}
function momentsStd(m, ddof) {
  if (m.n <= ddof) return null;
  return ldexp(Math.sqrt(m.m2s / (m.n - ddof)), m.exponent);
}
function momentsM2(m) {
  return ldexp(m.m2s, 2 * m.exponent);
}
function momentsFrom(n, mean, m2, std) {
  if (n === 0 || mean === null) return EMPTY_MOMENTS;
  if (Number.isFinite(m2) && m2 >= MIN_PRECISE) {
    const exponent = Math.floor(binaryExponent(m2) / 2);
    return { n, mean, exponent, m2s: ldexp(m2, -2 * exponent) };
  }
  if (std === Infinity) return { n, mean, exponent: 0, m2s: Infinity };
  if (std !== null && std > 0 && n > 1) {
    const exponent = binaryExponent(std);
    const r = ldexp(std, -exponent);
    return { n, mean, exponent, m2s: r * r * (n - 1) };
  }
  return { n, mean, exponent: 0, m2s: Number.isFinite(m2) ? m2 : 0 };
}
var MIN_PRECISE = Math.pow(2, -969);

// src/profile/profileMoments.ts
function profileMoments(column) {
  return momentsFrom(column.count - column.infinite, column.mean, column.m2, column.std);
}

// src/drift/columnSample.ts
function driftKindOfType(type) {
  if (type === "integer" || type === "number") return "numeric";
  if (type === "category" || type === "boolean") return "categorical";
  return null;
}
function sampleColumn(column, options = {}) {
  const kind = driftKindOfType(column.type);
  if (kind === null) {
    const reason = column.type === "datetime" ? "datetime columns are not tested for drift (time always moves on)" : "free-text column: too many distinct values for a distribution test";
    return { kind: "skipped", type: column.type, reason };
  }
  if (column.kind === "dictionary") {
    const perCode = new Float64Array(column.dictionary.length);
    let missing = 0;
    for (let i = 0; i < column.codes.length; i++) {
      const c = column.codes[i];
      if (c < 0) missing++;
      else perCode[c]++;
    }
    const counts = /* @__PURE__ */ new Map();
    let count = 0;
    column.dictionary.forEach((v, i) => {
      if (perCode[i] > 0) counts.set(v, (counts.get(v) ?? 0) + perCode[i]);
      count += perCode[i];
    });
    return { kind: "categorical", counts, count, missing };
  }
  const { values, valid } = column;
  if (column.type === "boolean") {
    let t = 0;
    let f = 0;
    for (let i = 0; i < values.length; i++) {
      if (valid[i] === 0) continue;
      if (values[i] === 1) t++;
      else f++;
    }
    const counts = /* @__PURE__ */ new Map();
    if (f) counts.set("false", f);
    if (t) counts.set("true", t);
    return { kind: "categorical", counts, count: t + f, missing: values.length - t - f };
  }
  const target = options.consume ? values : new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (valid[i] === 1 && x === x) target[n++] = x;
  }
  const sorted = target.subarray(0, n);
  radixSortFloat64InPlace(sorted, options.consume?.scratch);
  return { kind: "numeric", form: "exact", sorted, missing: values.length - n };
}
function sampleTable(table, options = {}) {
  const out = /* @__PURE__ */ new Map();
  for (const column of table.columns) out.set(column.name, sampleColumn(column, options));
  return out;
}
function sampleProfile(profile) {
  const out = /* @__PURE__ */ new Map();
  for (const [name, column] of Object.entries(profile.columns))
    out.set(name, sampleColumnProfile(column, profile.bins));
  return out;
}
function sampleColumnProfile(column, bins) {
  switch (column.kind) {
    case "numeric": {
      return {
        kind: "numeric",
        form: "sketch",
        sketch: QuantileSketch.fromJson(column.sketch),
        count: column.count,
        std0: momentsStd(profileMoments(column), 0),
        bins: { count: bins, keys: column.psi_bins.keys, proportions: column.psi_bins.proportions },
        missing: column.missing + column.invalid
      };
    }
    case "categorical": {
      const counts = /* @__PURE__ */ new Map();
      column.frequencies.values.forEach((v, i) => counts.set(v, column.frequencies.counts[i]));
      return { kind: "categorical", counts, count: column.count, missing: column.missing + column.invalid };
    }
    case "text":
      return {
        kind: "skipped",
        type: column.type,
        reason: "free-text column: too many distinct values for a distribution test"
      };
    case "datetime":
      return {
        kind: "skipped",
        type: column.type,
        reason: "datetime columns are not tested for drift (time always moves on)"
      };
  }
}
function toSketch(sample, accuracy) {
  if (sample.form === "sketch") return sample.sketch;
  const sketch = new QuantileSketch(accuracy);
  const s = sample.sorted;
  let i = 0;
  while (i < s.length) {
    let j = i + 1;
    while (j < s.length && s[j] === s[i]) j++;
    sketch.add(s[i], j - i);
    i = j;
  }
  return sketch;
}
function sampleCount(sample) {
  if (sample.kind === "categorical") return sample.count;
  return sample.form === "exact" ? sample.sorted.length : sample.count;
}

// src/data/scanJsonString.ts
var jsonStringScan = { at: 0, escaped: false };
var STRING_BAD_ESCAPE = -1;
var STRING_CONTROL_CHARACTER = -2;
var STRING_UNCLOSED = -3;
var QUOTE = 34;
var BACKSLASH = 92;
function scanJsonString(buf, q, e) {
  let escaped = false;
  let p = q + 1;
  while (p < e) {
    const c = buf[p];
    if (c === QUOTE) {
      jsonStringScan.escaped = escaped;
      return p;
    }
    if (c === BACKSLASH) {
      escaped = true;
      const n = buf[p + 1];
      if (n === 117) {
        for (let k = 2; k < 6; k++) {
          if (p + k >= e || !isHexDigit(buf[p + k])) return problem(STRING_BAD_ESCAPE, p);
        }
        p += 6;
      } else if (n === QUOTE || n === BACKSLASH || n === 47 || n === 98 || n === 102 || n === 110 || n === 114 || n === 116)
        p += 2;
      else return problem(STRING_BAD_ESCAPE, p);
      continue;
    }
    if (c < 32) return problem(STRING_CONTROL_CHARACTER, p);
    p++;
  }
  return problem(STRING_UNCLOSED, q);
}
function problem(code, at) {
  jsonStringScan.at = at;
  return code;
}
function isHexDigit(c) {
  const l = c | 32;
  return c >= 48 && c <= 57 || l >= 97 && l <= 102;
}

export {
  radixSortFloat64,
  radixSortFloat64InPlace,
  ldexp,
  EMPTY_MOMENTS,
  binaryExponent,
  scaledMoments,
  mergeScaledMoments,
  momentsStd,
  momentsM2,
  profileMoments,
  driftKindOfType,
  sampleTable,
  sampleProfile,
  toSketch,
  sampleCount,
  jsonStringScan,
  STRING_BAD_ESCAPE,
  STRING_CONTROL_CHARACTER,
  scanJsonString
};
