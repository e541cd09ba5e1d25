import { stat } from "node:fs/promises";
import { INFERENCE_ROWS, scanTable, type LoadOptions } from "../data/loadTable.js";
import { resolveDataset } from "../data/resolveDataset.js";
import type { ColumnType } from "../data/table.js";
import { QuantileSketch } from "../profile/quantileSketch.js";
import { radixSortFloat64InPlace } from "../stats/radixSortFloat64.js";
import {
  EMPTY_MOMENTS,
  mergeScaledMoments,
  momentsStd,
  scaledMoments,
  type ScaledMoments,
} from "../stats/scaledMoments.js";
import { sampleColumn, type ColumnSample } from "./columnSample.js";

/**
 * When a drift side is streamed instead of loaded whole, and how much of it stays exact. Why: holding a side costs
 * about 100 bytes a row at 10 columns (a 50M-row current file would take 5-6 GB); a side streamed in chunks costs a
 * chunk plus, per numeric column, either its values (exact, up to `exactValues` in all) or a quantile sketch of
 * `sketchAccuracy` (the same sketch a reference profile holds: KS is then within `approximation_error` of the exact D).
 * Category and boolean counts always stay exact: they take memory per distinct value, not per row.
 */
export interface SampleBudget {
  /** Datasets of at least this many bytes are streamed (compressed shards count COMPRESSED_FACTOR times their size). */
  streamFromBytes: number;
  /** Numeric values kept exactly, over all columns of a streamed side; past it every numeric column is a sketch. */
  exactValues: number;
  /** Relative accuracy of those sketches: the reference profile's when there is one (so buckets line up). */
  sketchAccuracy: number;
}

export const DEFAULT_SAMPLE_BUDGET: SampleBudget = {
  streamFromBytes: 512 * 1024 * 1024,
  exactValues: 32 * 1024 * 1024,
  sketchAccuracy: 0.001,
};

/** A gzip or zstd CSV is some 3-5 times smaller than its text; counted at 4 so the decision follows the data. */
const COMPRESSED_FACTOR = 4;

/** Whether the dataset is large enough to stream (by its size on disk; a path that cannot be read is loaded, to fail there). */
export async function shouldStream(path: string, budget: SampleBudget): Promise<boolean> {
  const bytes = await datasetBytes(path);
  return bytes !== null && bytes >= budget.streamFromBytes;
}

/** The dataset's size on disk, compressed shards counted COMPRESSED_FACTOR times; null when it cannot be read. */
export async function datasetBytes(path: string): Promise<number | null> {
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

interface NumericState {
  kind: "numeric";
  /** Exact form: sorted chunk samples; null once the column is a sketch. */
  parts: Float64Array[] | null;
  sketch: QuantileSketch | null;
  moments: ScaledMoments;
  count: number;
  missing: number;
}

interface CategoricalState {
  kind: "categorical";
  counts: Map<string, number>;
  count: number;
  missing: number;
}

type ColumnState = NumericState | CategoricalState | Extract<ColumnSample, { kind: "skipped" }>;

/**
 * Drift samples of a dataset read chunk by chunk (scanTable): memory is a chunk plus the samples, never the table.
 * Column types come from the first INFERENCE_ROWS rows (or `options.types`) and are then fixed, as for `profile`;
 * integer columns are read as numbers, so a decimal met later is a value, not an invalid cell (the type reported is
 * still the one inferred, for the id-like rule). A cell that fits no number in a numeric column counts as missing.
 */
export async function streamSamples(
  path: string,
  options: LoadOptions,
  budget: SampleBudget,
): Promise<{ samples: Map<string, ColumnSample>; types: Map<string, ColumnType>; rows: number }> {
  const types = await inferredTypes(path, options);
  const scanTypes = new Map<string, ColumnType>();
  for (const [name, type] of types) scanTypes.set(name, type === "integer" ? "number" : type);
  const states = new Map<string, ColumnState>();
  let held = 0;
  let sketched = false;
  let rows = 0;
  for await (const chunk of scanTable(path, { ...options, types: scanTypes })) {
    rows += chunk.rowCount;
    for (const column of chunk.columns) {
      const sample = sampleColumn(column);
      let state = states.get(column.name);
      if (state === undefined) {
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
        } else addSorted(state.sketch!, sample.sorted);
      }
    }
    if (!sketched && held > budget.exactValues) {
      sketched = true;
      for (const state of states.values()) if (state.kind === "numeric") toSketchState(state, budget.sketchAccuracy);
    }
  }
  const samples = new Map<string, ColumnSample>();
  for (const [name, state] of states) samples.set(name, finishState(state));
  return { samples, types, rows };
}

/** The types scanTable settles on: the forced ones, and the rest inferred from the first INFERENCE_ROWS rows. */
async function inferredTypes(path: string, options: LoadOptions): Promise<Map<string, ColumnType>> {
  const types = new Map<string, ColumnType>();
  for await (const chunk of scanTable(path, { ...options, chunkRows: INFERENCE_ROWS })) {
    for (const column of chunk.columns) types.set(column.name, column.type);
    break;
  }
  return types;
}

function emptyState(sample: ColumnSample): ColumnState {
  if (sample.kind === "skipped") return sample;
  if (sample.kind === "categorical") return { kind: "categorical", counts: new Map(), count: 0, missing: 0 };
  return { kind: "numeric", parts: [], sketch: null, moments: EMPTY_MOMENTS, count: 0, missing: 0 };
}

function toSketchState(state: NumericState, accuracy: number): void {
  const sketch = new QuantileSketch(accuracy);
  for (const part of state.parts ?? []) addSorted(sketch, part);
  state.parts = null;
  state.sketch = sketch;
}

/** Adds ascending values, each run of equal values at once. */
function addSorted(sketch: QuantileSketch, sorted: Float64Array): void {
  let i = 0;
  while (i < sorted.length) {
    let j = i + 1;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    sketch.add(sorted[i]!, j - i);
    i = j;
  }
}

function finishState(state: ColumnState): ColumnSample {
  if (state.kind === "skipped") return state;
  if (state.kind === "categorical") return state;
  if (state.sketch) {
    return {
      kind: "numeric",
      form: "sketch",
      sketch: state.sketch,
      count: state.count,
      std0: momentsStd(state.moments, 0),
      missing: state.missing,
    };
  }
  const parts = state.parts!;
  const sorted = parts.length === 1 ? parts[0]! : new Float64Array(state.count);
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
