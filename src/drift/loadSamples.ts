import { Worker } from "node:worker_threads";
import type { ColumnType } from "../data/table.js";
import type { LoadOptions } from "../data/loadTable.js";
import { ModelguardError, type ErrorCode } from "../errors.js";
import type { ColumnSample } from "./columnSample.js";

export interface LoadedSamples {
  samples: Map<string, ColumnSample>;
  types: Record<string, ColumnType>;
  rows: number;
}

// Under tsx the sources are .ts; once built they are .js next to this file.
const workerUrl = new URL(import.meta.url.endsWith(".ts") ? "./sampleWorker.ts" : "./sampleWorker.js", import.meta.url);

/** Loads a data file into drift samples on a worker thread (parse + sort off the main thread). */
export function loadSamples(path: string, options: LoadOptions = {}): Promise<LoadedSamples> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl, { workerData: { path, options } });
    let settled = false;
    worker.once(
      "message",
      (m: { error?: { code: string; message: string; hint?: string; location?: object } } & LoadedSamples) => {
        settled = true;
        if (m.error) {
          if (m.error.code === "internal") reject(new Error(m.error.message));
          else reject(new ModelguardError(m.error.code as ErrorCode, m.error.message, m.error.hint, m.error.location));
        } else {
          resolve({ samples: new Map(m.samples as unknown as [string, ColumnSample][]), types: m.types, rows: m.rows });
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
