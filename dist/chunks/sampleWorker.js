import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  loadTable,
  packSamples
} from "./chunk-NS6PBXDM.js";
import {
  sampleTable
} from "./chunk-MYRXWKPU.js";
import "./chunk-4SL7UKIU.js";
import {
  isModelguardError
} from "./chunk-FVTIIIIB.js";
import "./chunk-3DORHFRE.js";

// src/drift/sampleWorker.ts
import { parentPort, workerData } from "node:worker_threads";
var { path, options } = workerData;
try {
  const table = await loadTable(path, options);
  const samples = sampleTable(table, { consume: { scratch: new Float64Array(table.rowCount) } });
  const types = table.columns.map((c) => [c.name, c.type]);
  const { packed, transfer } = packSamples(samples);
  parentPort.postMessage({ packed, types, rows: table.rowCount }, transfer);
} catch (e) {
  if (isModelguardError(e)) {
    parentPort.postMessage({ error: { code: e.code, message: e.message, hint: e.hint, location: e.location } });
  } else {
    parentPort.postMessage({ error: { code: "internal", message: e.stack ?? String(e) } });
  }
}
