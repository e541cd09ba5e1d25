import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  packSamples,
  shouldStream,
  streamSamples
} from "./chunk-Y7YOH6DA.js";
import {
  sampleTable
} from "./chunk-7C2IMDJW.js";
import "./chunk-3DTPGBZG.js";
import "./chunk-R7MEBYWB.js";
import {
  loadTable
} from "./chunk-VJAFT2KI.js";
import "./chunk-MPNIT6YO.js";
import "./chunk-ALM73KK2.js";
import "./chunk-4SL7UKIU.js";
import {
  isModelguardError
} from "./chunk-FVTIIIIB.js";
import "./chunk-3DORHFRE.js";

// src/drift/sampleWorker.ts
import { parentPort, workerData } from "node:worker_threads";
var { path, options, budget } = workerData;
try {
  if (await shouldStream(path, budget)) {
    const { samples, types, rows } = await streamSamples(path, options, budget);
    const wire = /* @__PURE__ */ new Map();
    for (const [name, s] of samples)
      wire.set(name, s.kind === "numeric" && s.form === "sketch" ? { ...s, sketch: s.sketch.toJson() } : s);
    const { packed, transfer } = packSamples(wire);
    parentPort.postMessage({ packed, types: [...types], rows }, transfer);
  } else {
    const table = await loadTable(path, options);
    const samples = sampleTable(table, { consume: { scratch: new Float64Array(table.rowCount) } });
    const types = table.columns.map((c) => [c.name, c.type]);
    const { packed, transfer } = packSamples(samples);
    parentPort.postMessage({ packed, types, rows: table.rowCount }, transfer);
  }
} catch (e) {
  if (isModelguardError(e)) {
    parentPort.postMessage({ error: { code: e.code, message: e.message, hint: e.hint, location: e.location } });
  } else {
    parentPort.postMessage({ error: { code: "internal", message: e.stack ?? String(e) } });
  }
}
