import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  profileRange,
  toTransferable
} from "./chunk-NKIH2RMP.js";
import "./chunk-O5Q4KKFV.js";
import "./chunk-3DTPGBZG.js";
import "./chunk-L6U7SQT7.js";
import "./chunk-MPNIT6YO.js";
import "./chunk-IXAQPRDD.js";
import "./chunk-OX5IJE7Z.js";
import "./chunk-H5HJGWES.js";
import "./chunk-R667OS6Q.js";
import "./chunk-WGMHYXJD.js";
import "./chunk-MGSHJULD.js";
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
