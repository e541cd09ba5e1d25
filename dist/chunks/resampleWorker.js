import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  runResamples
} from "./chunk-6RN5T7NK.js";
import "./chunk-3DORHFRE.js";

// src/compare/resampleWorker.ts
import { parentPort, workerData } from "node:worker_threads";
var { plan, seed, first, count } = workerData;
try {
  const out = new Float64Array(count * plan.statCount);
  runResamples(plan, seed, first, count, out);
  parentPort.postMessage({ stats: out }, [out.buffer]);
} catch (e) {
  parentPort.postMessage({ error: e.stack ?? String(e) });
}
