import { Worker } from "node:worker_threads";
import type { ColumnType } from "../data/table.js";
import type { LoadOptions } from "../data/loadTable.js";
import { ModelguardError, type ErrorCode } from "../errors.js";
import { QuantileSketch, type SketchJson } from "../profile/quantileSketch.js";
import type { ColumnSample } from "./columnSample.js";
import { unpackSamples, type PackedSamples } from "./packedSamples.js";
import { sampleFile } from "./sampleFile.js";
import { DEFAULT_SAMPLE_BUDGET, datasetBytes, type SampleBudget } from "./streamSamples.js";

export interface LoadedSamples {
  samples: Map<string, ColumnSample>;
  types: Map<string, ColumnType>;
  rows: number;
}

// Once built, the worker is the .js file next to this one. Run from sources under tsx (tests, benches), Node 20 does not
// resolve a worker's .ts entry through tsx's hooks, so a one-line bootstrap registers tsx in the worker first.
// Loaders (tsx, local-action) may add a query string to the module URL: look at the path only.
const fromSource = new URL(import.meta.url).pathname.endsWith(".ts");
const workerEntry = new URL(fromSource ? "./sampleWorker.ts" : "./sampleWorker.js", import.meta.url);
function startWorker(workerData: unknown): Worker {
  if (!fromSource) return new Worker(workerEntry, { workerData });
  const bootstrap = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(workerEntry.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/**
 * Below this many bytes (datasetBytes: compressed shards counted 4x) a side is loaded in the calling thread, one such
 * side at a time. Why: a worker is a second V8 heap, and the two sides of a drift in two workers held two loads at
 * once; on 100,000 columns x 6 rows (2 MB files) each load peaks at some 100 MB while it parses in well under a second,
 * which is all a thread could save.
 */
export const IN_THREAD_MAX_BYTES = 16 * 1024 * 1024;

/** In-thread loads run one after another: each waits for the one before it (whatever its outcome). */
let inThreadQueue: Promise<unknown> = Promise.resolve();

/**
 * Loads a data file into drift samples: on a worker thread (parse + sort off the main thread, while the other side
 * loads), or in this thread for a dataset under IN_THREAD_MAX_BYTES. A dataset of at least `budget.streamFromBytes`
 * is streamed instead, its numeric columns sketched past `budget.exactValues` values (streamSamples.ts).
 */
export async function loadSamples(
  path: string,
  options: LoadOptions = {},
  budget: SampleBudget = DEFAULT_SAMPLE_BUDGET,
): Promise<LoadedSamples> {
  const bytes = await datasetBytes(path);
  if (bytes === null || bytes >= IN_THREAD_MAX_BYTES) return loadSamplesInWorker(path, options, budget);
  const run = inThreadQueue.then(() => sampleFile(path, options, budget));
  // then, not catch: a caught promise resolves to the samples, which the queue would keep alive after the caller
  inThreadQueue = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

function loadSamplesInWorker(path: string, options: LoadOptions, budget: SampleBudget): Promise<LoadedSamples> {
  return new Promise((resolve, reject) => {
    const worker = startWorker({ path, options, budget });
    let settled = false;
    worker.once(
      "message",
      (m: {
        error?: { code: string; message: string; hint?: string; location?: object };
        packed: PackedSamples;
        types: [string, ColumnType][];
        rows: number;
      }) => {
        settled = true;
        if (m.error) {
          if (m.error.code === "internal") reject(new Error(m.error.message));
          else reject(new ModelguardError(m.error.code as ErrorCode, m.error.message, m.error.hint, m.error.location));
        } else {
          resolve({
            samples: reviveSketches(unpackSamples(m.packed)),
            types: new Map(m.types),
            rows: m.rows,
          });
        }
        void worker.terminate();
      },
    );
    worker.once("error", (e) => {
      if (!settled) reject(e);
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`drift worker exited with code ${code} before answering`));
    });
  });
}

/** Sketches cross from the worker as their JSON: made QuantileSketch objects again. */
function reviveSketches(samples: Map<string, ColumnSample>): Map<string, ColumnSample> {
  for (const [name, s] of samples) {
    if (s.kind === "numeric" && s.form === "sketch" && !(s.sketch instanceof QuantileSketch))
      samples.set(name, { ...s, sketch: QuantileSketch.fromJson(s.sketch as unknown as SketchJson) });
  }
  return samples;
}
