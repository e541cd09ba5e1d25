import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  profileRange,
  toTransferable
} from "./chunk-5BJLS4CB.js";
import "./chunk-D4MAL56V.js";
import "./chunk-SOK6QJXI.js";
import "./chunk-N3UIYFOI.js";
import "./chunk-MPNIT6YO.js";
import "./chunk-IXAQPRDD.js";
import "./chunk-P7NLGKQ7.js";
import "./chunk-NXWTCSVE.js";
import "./chunk-OE5TUCQQ.js";
import "./chunk-JAESPC6T.js";
import "./chunk-BDOT62NU.js";
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
