import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  PROFILE_DEFAULTS,
  PROFILE_VERSION
} from "./chunk-4VXYNFVR.js";
import {
  momentsM2,
  momentsStd,
  scaledMoments
} from "./chunk-SOK6QJXI.js";
import {
  QuantileSketch
} from "./chunk-63HQ5WJE.js";

// src/profile/buildProfile.ts
function buildProfile(table, options = {}) {
  const fields = profileFields(table, options);
  const columns = /* @__PURE__ */ Object.create(null);
  for (const column of table.columns) columns[column.name] = profileColumn(column, fields.sketch_accuracy, fields.bins);
  return { ...fields, columns };
}
function profileFields(table, options = {}) {
  return {
    kind: "modelguard.profile",
    version: PROFILE_VERSION,
    created_at: options.createdAt ?? (/* @__PURE__ */ new Date()).toISOString(),
    sources: [options.source ?? table.source],
    rows: table.rowCount,
    sketch_accuracy: options.sketchAccuracy ?? PROFILE_DEFAULTS.sketchAccuracy,
    bins: options.bins ?? PROFILE_DEFAULTS.bins
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
  const sketch = new QuantileSketch(sketchAccuracy);
  return numericProfileFrom(numericColumnStats(column, sketch), sketch, bins);
}
function numericColumnStats(column, sketch) {
  const { values, valid } = column;
  let count = 0;
  let infinite = 0;
  let nan = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (valid[i] === 0) continue;
    const x = values[i];
    if (x !== x) {
      nan++;
      continue;
    }
    count++;
    if (x === Infinity || x === -Infinity) {
      infinite++;
      continue;
    }
    if (x < min) min = x;
    if (x > max) max = x;
  }
  sketch.addValues(values, valid);
  const moments = scaledMoments(values, valid);
  return {
    type: column.type === "integer" ? "integer" : "number",
    count,
    missing: countMissing(column) - column.invalid.size + nan,
    invalid: column.invalid.size,
    infinite,
    min: moments.n > 0 ? min : null,
    max: moments.n > 0 ? max : null,
    moments
  };
}
function countMissing(column) {
  let n = 0;
  for (let i = 0; i < column.valid.length; i++) if (column.valid[i] === 0) n++;
  return n;
}
var QUANTILES = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];
function numericProfileFrom(s, sketch, bins) {
  const buckets = sketch.buckets();
  const q = s.count > 0 ? sketch.quantiles(QUANTILES, buckets) : QUANTILES.map(() => null);
  return {
    kind: "numeric",
    type: s.type,
    count: s.count,
    missing: s.missing,
    invalid: s.invalid,
    infinite: s.infinite,
    min: s.min,
    max: s.max,
    mean: s.moments.n > 0 ? s.moments.mean : null,
    std: momentsStd(s.moments, 1),
    m2: momentsM2(s.moments),
    sketch: sketch.toProfileJson(),
    psi_bins: sketchBins(sketch, bins, buckets),
    quantiles: { p01: q[0], p05: q[1], p25: q[2], p50: q[3], p75: q[4], p95: q[5], p99: q[6] }
  };
}
function sketchBins(sketch, bins, { keys, counts } = sketch.buckets()) {
  let total = 0;
  for (const c of counts) total += c;
  if (total === 0) return { keys: [], edges: [], proportions: [] };
  const inf = sketch.infinityKey;
  const keyAtRank = rankKeys(keys, counts);
  const edgeKeys = [];
  const step = 1 / bins;
  for (let i = 1; i < bins; i++) {
    const v = (total - 1) * (i * step);
    const rank = Math.floor(v);
    const t = v - rank;
    const below = keyAtRank(rank);
    const above = t > 0 ? keyAtRank(Math.min(rank + 1, total - 1)) : below;
    let k;
    if (t === 0 || below === above) k = below - 1;
    else if (above === inf && (below !== -inf || t >= 0.5)) k = inf - 1;
    else if (below === -inf) k = -inf - 1;
    else k = below;
    if (edgeKeys.length === 0 || k > edgeKeys[edgeKeys.length - 1]) edgeKeys.push(k);
  }
  while (edgeKeys.length > 0 && edgeKeys[edgeKeys.length - 1] >= keys[keys.length - 1]) edgeKeys.pop();
  const binCounts = new Array(edgeKeys.length + 1).fill(0);
  let b = 0;
  for (let i = 0; i < keys.length; i++) {
    while (b < edgeKeys.length && keys[i] > edgeKeys[b]) b++;
    binCounts[b] += counts[i];
  }
  return {
    // A copy of its own length: edgeKeys grew by push, with spare capacity that every numeric column would keep.
    keys: edgeKeys.slice(),
    // Clamped: JSON has no infinite edges, and the edge key says exactly where the bin ends.
    edges: edgeKeys.map((k) => Math.min(Math.max(sketch.keyUpperBound(k), -Number.MAX_VALUE), Number.MAX_VALUE)),
    proportions: binCounts.map((c) => c / total)
  };
}
function rankKeys(keys, counts) {
  const cumulative = new Float64Array(counts.length);
  let seen = 0;
  for (let i = 0; i < counts.length; i++) cumulative[i] = seen += counts[i];
  return (rank) => {
    let lo = 0;
    let hi = keys.length - 1;
    while (lo < hi) {
      const mid = lo + hi >>> 1;
      if (cumulative[mid] > rank) hi = mid;
      else lo = mid + 1;
    }
    return keys[lo];
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
  let nan = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < column.values.length; i++) {
    if (column.valid[i] === 0) continue;
    const x = column.values[i];
    if (x !== x) {
      nan++;
      continue;
    }
    count++;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return {
    kind: "datetime",
    type: "datetime",
    count,
    missing: countMissing(column) - column.invalid.size + nan,
    invalid: column.invalid.size,
    min: count > 0 ? new Date(min).toISOString() : null,
    max: count > 0 ? new Date(max).toISOString() : null
  };
}

export {
  buildProfile,
  profileFields,
  profileColumn,
  numericColumnStats,
  numericProfileFrom,
  sketchBins,
  categoricalProfileFrom
};
