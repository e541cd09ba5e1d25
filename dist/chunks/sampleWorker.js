import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  packSamples,
  sampleFile
} from "./chunk-IL262VXV.js";
import "./chunk-43BZ45RZ.js";
import "./chunk-R7MEBYWB.js";
import "./chunk-SOK6QJXI.js";
import "./chunk-63HQ5WJE.js";
import "./chunk-TPKJ4BDL.js";
import "./chunk-LAIMP6IK.js";
import "./chunk-FDVPQZHU.js";
import "./chunk-DYO4I62G.js";
import "./chunk-IXAQPRDD.js";
import {
  isModelguardError
} from "./chunk-7XDOXOVQ.js";
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
