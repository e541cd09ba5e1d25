import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  runResamples
} from "./chunk-EOUY7LOJ.js";
import {
  influenceCalculator
} from "./chunk-2Y5XZXLW.js";
import "./chunk-22WMU2UJ.js";
import "./chunk-IX27OB3T.js";
import "./chunk-3DORHFRE.js";

// src/compare/resampleWorker.ts
import { parentPort, workerData } from "node:worker_threads";
var job = workerData;
try {
  if (job.kind === "influences") {
    const influence = influenceCalculator(job.predictions);
    const influences = job.names.map((name) => influence(name));
    const buffers = influences.flatMap((inf) => inf ? [inf.psi.buffer] : []);
    parentPort.postMessage({ influences }, [...new Set(buffers)]);
  } else {
    const out = new Float64Array(job.count * job.plan.statCount);
    runResamples(job.plan, job.seed, job.first, job.count, out);
    parentPort.postMessage({ stats: out }, [out.buffer]);
  }
} catch (e) {
  parentPort.postMessage({ error: e.stack ?? String(e) });
}
