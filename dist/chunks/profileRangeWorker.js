import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  profileRange
} from "./chunk-JZ65JLPX.js";
import "./chunk-6HRKPPEK.js";
import "./chunk-SOK6QJXI.js";
import "./chunk-CWLHCH23.js";
import "./chunk-MPNIT6YO.js";
import "./chunk-IXAQPRDD.js";
import "./chunk-U75WXFYB.js";
import "./chunk-NXWTCSVE.js";
import "./chunk-TGCJTMAX.js";
import "./chunk-LGMZ3HD6.js";
import "./chunk-GAJENTY3.js";
import "./chunk-O4PLZMTN.js";
import {
  isModelguardError
} from "./chunk-FVTIIIIB.js";
import "./chunk-3DORHFRE.js";

// src/profile/profileRangeWorker.ts
import { parentPort, workerData } from "node:worker_threads";
var job = workerData;
try {
  const { profile, transfer } = (await profileRange(job)).toTransferable();
  parentPort.postMessage({ profile }, transfer);
} catch (e) {
  const message = isModelguardError(e) ? e.message : e.stack ?? String(e);
  parentPort.postMessage({ error: message });
}
