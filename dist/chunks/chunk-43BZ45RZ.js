import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  radixSortFloat64InPlace
} from "./chunk-R7MEBYWB.js";
import {
  momentsStd,
  profileMoments
} from "./chunk-SOK6QJXI.js";
import {
  QuantileSketch,
  SketchStoreJson
} from "./chunk-63HQ5WJE.js";

// src/profile/packedSketch.ts
var PackedSketch = class _PackedSketch {
  constructor(scale, packed, start, n, count) {
    this.scale = scale;
    this.packed = packed;
    this.start = start;
    this.n = n;
    this.count = count;
  }
  scale;
  packed;
  start;
  n;
  count;
  static fromJson(j) {
    const buckets = occupiedBuckets(j);
    return _PackedSketch.writeInto(j, buckets === 0 ? NO_BUCKETS : new Array(2 * buckets), 0);
  }
  /** Writes the sketch of `j` into `packed` from `start` on (twice its occupied buckets) and reads it from there. */
  static writeInto(j, packed, start) {
    const scale = scaleOf(j.relative_accuracy);
    const positive = storeEntries(j.positive);
    const negative = storeEntries(j.negative);
    const negativeInfinity = j.negative_infinity ?? 0;
    const positiveInfinity = j.positive_infinity ?? 0;
    const n = occupiedBuckets(j, positive, negative);
    let b = start;
    let count = 0;
    const put = (key, c) => {
      packed[b] = key;
      packed[n + b++] = c;
      count += c;
    };
    if (negativeInfinity !== 0) put(-scale.infinityKey, negativeInfinity);
    for (let i = negative.indices.length - 1; i >= 0; i--) put(-negative.indices[i], negative.values[i]);
    if (j.zero !== 0) put(0, j.zero);
    for (let i = 0; i < positive.indices.length; i++) put(positive.indices[i], positive.values[i]);
    if (positiveInfinity !== 0) put(scale.infinityKey, positiveInfinity);
    return new _PackedSketch(scale, packed, start, n, count);
  }
  get relativeAccuracy() {
    return this.scale.relativeAccuracy;
  }
  get infinityKey() {
    return this.scale.infinityKey;
  }
  get positiveInfinity() {
    const { packed, start, n } = this;
    return n > 0 && packed[start + n - 1] === this.scale.infinityKey ? packed[start + 2 * n - 1] : 0;
  }
  get negativeInfinity() {
    const { packed, start, n } = this;
    return n > 0 && packed[start] === -this.scale.infinityKey ? packed[start + n] : 0;
  }
  buckets() {
    const { packed, start, n } = this;
    const keys = new Int32Array(n);
    const counts = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      keys[i] = packed[start + i];
      counts[i] = packed[start + n + i];
    }
    return { keys, counts };
  }
  keyValue(key) {
    return this.scale.keyValue(key);
  }
  keyUpperBound(key) {
    return this.scale.keyUpperBound(key);
  }
  /** The same document as QuantileSketch.fromJson(j).toJson() for the j it was read from. */
  toJson() {
    const { packed, start, n } = this;
    const inf = this.scale.infinityKey;
    let zero = 0;
    const positive = [];
    const negative = [];
    for (let i = start; i < start + n; i++) {
      const key = packed[i];
      if (key === 0) zero = packed[n + i];
      else if (Math.abs(key) !== inf) (key > 0 ? positive : negative).push(i);
    }
    negative.reverse();
    const run = (at, sign) => {
      if (at.length === 0) return { offset: 0, counts: [] };
      const offset = sign * packed[at[0]];
      const counts = new Array(sign * packed[at[at.length - 1]] - offset + 1).fill(0);
      for (const i of at) counts[sign * packed[i] - offset] = packed[n + i];
      return { offset, counts };
    };
    const positiveInfinity = this.positiveInfinity;
    const negativeInfinity = this.negativeInfinity;
    return {
      relative_accuracy: this.relativeAccuracy,
      zero,
      positive: run(positive, 1),
      negative: run(negative, -1),
      ...positiveInfinity !== 0 ? { positive_infinity: positiveInfinity } : {},
      ...negativeInfinity !== 0 ? { negative_infinity: negativeInfinity } : {}
    };
  }
};
var NO_BUCKETS = [];
function occupiedBuckets(j, positive = storeEntries(j.positive), negative = storeEntries(j.negative)) {
  return positive.indices.length + negative.indices.length + (j.zero !== 0 ? 1 : 0) + ((j.positive_infinity ?? 0) !== 0 ? 1 : 0) + ((j.negative_infinity ?? 0) !== 0 ? 1 : 0);
}
function storeEntries(store) {
  if (store instanceof SketchStoreJson && !store.values.includes(0)) return store;
  const indices = [];
  const values = [];
  if (store instanceof SketchStoreJson) {
    for (let i = 0; i < store.indices.length; i++) {
      if (store.values[i] === 0) continue;
      indices.push(store.indices[i]);
      values.push(store.values[i]);
    }
  } else {
    for (let i = 0; i < store.counts.length; i++) {
      if (store.counts[i] === 0) continue;
      indices.push(store.offset + i);
      values.push(store.counts[i]);
    }
  }
  return { indices, values };
}
var scales = /* @__PURE__ */ new Map();
var MAX_SCALES = 64;
function scaleOf(relativeAccuracy) {
  let scale = scales.get(relativeAccuracy);
  if (scale === void 0) {
    if (scales.size >= MAX_SCALES) scales.clear();
    scale = new QuantileSketch(relativeAccuracy);
    scales.set(relativeAccuracy, scale);
  }
  return scale;
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
        // Read-only, and held for every column of a wide reference: packed (see PackedSketch).
        sketch: PackedSketch.fromJson(column.sketch),
        count: column.count,
        std0: momentsStd(profileMoments(column), 0),
        bins: { count: bins, keys: column.psi_bins.keys, proportions: column.psi_bins.proportions },
        missing: column.missing + column.invalid,
        min: column.min,
        max: column.max
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
  if (sample.form === "sketch") {
    if (sample.sketch.relativeAccuracy === accuracy) return sample.sketch;
    const sketch2 = new QuantileSketch(accuracy);
    const { keys, counts } = sample.sketch.buckets();
    for (let i2 = 0; i2 < keys.length; i2++) sketch2.add(sample.sketch.keyValue(keys[i2]), counts[i2]);
    return sketch2;
  }
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

export {
  driftKindOfType,
  sampleColumn,
  sampleTable,
  sampleProfile,
  sampleColumnProfile,
  toSketch,
  sampleCount
};
