import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  packSamples,
  sampleFile
} from "./chunk-QM6AXM7M.js";
import "./chunk-5W2SVNBW.js";
import "./chunk-R7MEBYWB.js";
import "./chunk-SOK6QJXI.js";
import "./chunk-CWLHCH23.js";
import "./chunk-MPNIT6YO.js";
import "./chunk-IXAQPRDD.js";
import "./chunk-LGMZ3HD6.js";
import {
  isModelguardError
} from "./chunk-FVTIIIIB.js";
import "./chunk-3DORHFRE.js";

// src/drift/sampleWorker.ts
import { parentPort, workerData } from "node:worker_threads";
var { path, options, budget } = workerData;
try {
  const { samples, types, rows } = await sampleFile(path, options, budget);
  const wire = /* @__PURE__ */ new Map();
  for (const [name, s] of samples)
    wire.set(name, s.kind === "numeric" && s.form === "sketch" ? { ...s, sketch: s.sketch.toJson() } : s);
  const { packed, transfer } = packSamples(wire);
  parentPort.postMessage({ packed, types: [...types], rows }, transfer);
} catch (e) {
  if (isModelguardError(e)) {
    parentPort.postMessage({ error: { code: e.code, message: e.message, hint: e.hint, location: e.location } });
  } else {
    parentPort.postMessage({ error: { code: "internal", message: e.stack ?? String(e) } });
  }
}
