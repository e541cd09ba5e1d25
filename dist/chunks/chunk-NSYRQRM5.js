import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  radixSortFloat64InPlace
} from "./chunk-R7MEBYWB.js";
import {
  momentsStd,
  profileMoments
} from "./chunk-3DTPGBZG.js";
import {
  QuantileSketch
} from "./chunk-WGMHYXJD.js";

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
