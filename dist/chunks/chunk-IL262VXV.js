import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  sampleColumn,
  sampleTable
} from "./chunk-43BZ45RZ.js";
import {
  radixSortFloat64InPlace
} from "./chunk-R7MEBYWB.js";
import {
  EMPTY_MOMENTS,
  mergeScaledMoments,
  momentsStd,
  scaledMoments
} from "./chunk-SOK6QJXI.js";
import {
  QuantileSketch
} from "./chunk-63HQ5WJE.js";
import {
  loadTable,
  resolveDataset,
  scanTable
} from "./chunk-TPKJ4BDL.js";
import {
  INFERENCE_ROWS
} from "./chunk-FDVPQZHU.js";

// src/drift/packedSamples.ts
var PACK_MAX_VALUES = 8192;
function packSamples(samples) {
  const n = samples.size;
  const names = [];
  const starts = new Float64Array(n).fill(-1);
  const lengths = new Float64Array(n);
  const missing = new Float64Array(n);
  const other = [];
  let total = 0;
  for (const s of samples.values()) if (isPackable(s)) total += s.sorted.length;
  const values = new Float64Array(total);
  const transfer = [values.buffer];
  let at = 0;
  let i = 0;
  for (const [name, s] of samples) {
    names.push(name);
    if (isPackable(s)) {
      values.set(s.sorted, at);
      starts[i] = at;
      lengths[i] = s.sorted.length;
      missing[i] = s.missing;
      at += s.sorted.length;
    } else {
      other.push([i, s]);
      const big = s;
      if (big.kind === "numeric" && big.form === "exact") transfer.push(big.sorted.buffer);
    }
    i++;
  }
  transfer.push(starts.buffer, lengths.buffer, missing.buffer);
  return { packed: { names, starts, lengths, missing, values, other }, transfer };
}
function unpackSamples(p) {
  const others = new Map(p.other);
  const out = /* @__PURE__ */ new Map();
  for (let i = 0; i < p.names.length; i++) {
    const start = p.starts[i];
    if (start < 0) {
      out.set(p.names[i], others.get(i));
      continue;
    }
    const sorted = p.values.subarray(start, start + p.lengths[i]);
    out.set(p.names[i], { kind: "numeric", form: "exact", sorted, missing: p.missing[i] });
  }
  return out;
}
function isPackable(s) {
  return s.kind === "numeric" && s.form === "exact" && s.sorted.length <= PACK_MAX_VALUES;
}

// src/drift/streamSamples.ts
import { stat } from "node:fs/promises";
var DEFAULT_SAMPLE_BUDGET = {
  streamFromBytes: 512 * 1024 * 1024,
  exactValues: 32 * 1024 * 1024,
  sketchAccuracy: 1e-3
};
var COMPRESSED_FACTOR = 4;
async function shouldStream(path, budget) {
  const bytes = await datasetBytes(path);
  return bytes !== null && bytes >= budget.streamFromBytes;
}
async function datasetBytes(path) {
  try {
    const dataset = await resolveDataset(path);
    let bytes = 0;
    for (const shard of dataset.shards) {
      const size = (await stat(shard.file)).size;
      bytes += /\.(gz|zst)$/i.test(shard.file) ? size * COMPRESSED_FACTOR : size;
    }
    return bytes;
  } catch {
    return null;
  }
}
async function streamSamples(path, options, budget) {
  const types = await inferredTypes(path, options);
  const scanTypes = /* @__PURE__ */ new Map();
  for (const [name, type] of types) scanTypes.set(name, type === "integer" ? "number" : type);
  const states = /* @__PURE__ */ new Map();
  let held = 0;
  let sketched = false;
  let rows = 0;
  for await (const chunk of scanTable(path, { ...options, types: scanTypes })) {
    rows += chunk.rowCount;
    for (const column of chunk.columns) {
      const sample = sampleColumn(column);
      let state = states.get(column.name);
      if (state === void 0) {
        state = emptyState(sample);
        states.set(column.name, state);
      }
      if (state.kind === "skipped") continue;
      if (state.kind === "categorical" && sample.kind === "categorical") {
        for (const [value, n] of sample.counts) state.counts.set(value, (state.counts.get(value) ?? 0) + n);
        state.count += sample.count;
        state.missing += sample.missing;
      } else if (state.kind === "numeric" && sample.kind === "numeric" && sample.form === "exact") {
        state.missing += sample.missing;
        state.count += sample.sorted.length;
        state.moments = mergeScaledMoments(state.moments, scaledMoments(sample.sorted));
        if (state.parts) {
          state.parts.push(sample.sorted);
          held += sample.sorted.length;
        } else addSorted(state.sketch, sample.sorted);
      }
    }
    if (!sketched && held > budget.exactValues) {
      sketched = true;
      for (const state of states.values()) if (state.kind === "numeric") toSketchState(state, budget.sketchAccuracy);
    }
  }
  const samples = /* @__PURE__ */ new Map();
  for (const [name, state] of states) samples.set(name, finishState(state));
  return { samples, types, rows };
}
async function inferredTypes(path, options) {
  const types = /* @__PURE__ */ new Map();
  for await (const chunk of scanTable(path, { ...options, chunkRows: INFERENCE_ROWS })) {
    for (const column of chunk.columns) types.set(column.name, column.type);
    break;
  }
  return types;
}
function emptyState(sample) {
  if (sample.kind === "skipped") return sample;
  if (sample.kind === "categorical") return { kind: "categorical", counts: /* @__PURE__ */ new Map(), count: 0, missing: 0 };
  return { kind: "numeric", parts: [], sketch: null, moments: EMPTY_MOMENTS, count: 0, missing: 0 };
}
function toSketchState(state, accuracy) {
  const sketch = new QuantileSketch(accuracy);
  for (const part of state.parts ?? []) addSorted(sketch, part);
  state.parts = null;
  state.sketch = sketch;
}
function addSorted(sketch, sorted) {
  let i = 0;
  while (i < sorted.length) {
    let j = i + 1;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    sketch.add(sorted[i], j - i);
    i = j;
  }
}
function finishState(state) {
  if (state.kind === "skipped") return state;
  if (state.kind === "categorical") return state;
  if (state.sketch) {
    return {
      kind: "numeric",
      form: "sketch",
      sketch: state.sketch,
      count: state.count,
      std0: momentsStd(state.moments, 0),
      missing: state.missing
    };
  }
  const parts = state.parts;
  const sorted = parts.length === 1 ? parts[0] : new Float64Array(state.count);
  if (parts.length > 1) {
    let at = 0;
    for (const part of parts) {
      sorted.set(part, at);
      at += part.length;
    }
    parts.length = 0;
    radixSortFloat64InPlace(sorted);
  }
  return { kind: "numeric", form: "exact", sorted, missing: state.missing };
}

// src/drift/sampleFile.ts
async function sampleFile(path, options, budget) {
  if (await shouldStream(path, budget)) return streamSamples(path, options, budget);
  return tableSamples(await loadTable(path, options));
}
function tableSamples(table) {
  const samples = sampleTable(table, { consume: { scratch: new Float64Array(table.rowCount) } });
  const types = new Map(table.columns.map((c) => [c.name, c.type]));
  return { samples, types, rows: table.rowCount };
}

export {
  packSamples,
  unpackSamples,
  DEFAULT_SAMPLE_BUDGET,
  datasetBytes,
  sampleFile,
  tableSamples
};
