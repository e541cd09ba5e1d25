import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  profileRange,
  toTransferable
} from "./chunk-EOY6TRFM.js";
import "./chunk-WZ5I3ZUR.js";
import "./chunk-3DTPGBZG.js";
import "./chunk-5M7OYJDY.js";
import "./chunk-MPNIT6YO.js";
import "./chunk-IXAQPRDD.js";
import "./chunk-Z3AR7IC5.js";
import "./chunk-NXWTCSVE.js";
import "./chunk-OE5TUCQQ.js";
import "./chunk-WGMHYXJD.js";
import "./chunk-XEIPHY3H.js";
import "./chunk-GT6KQK6X.js";
import {
  isModelguardError
} from "./chunk-FVTIIIIB.js";
import "./chunk-3DORHFRE.js";

// src/profile/profileRangeWorker.ts
import { parentPort, workerData } from "node:worker_threads";
var job = workerData;
try {
  parentPort.postMessage({ profile: toTransferable(await profileRange(job)) });
} catch (e) {
  const message = isModelguardError(e) ? e.message : e.stack ?? String(e);
  parentPort.postMessage({ error: message });
}
