import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  profileRange
} from "./chunk-5PEQ2FPE.js";
import "./chunk-ERARZTDZ.js";
import "./chunk-4VXYNFVR.js";
import "./chunk-NXWTCSVE.js";
import "./chunk-SOK6QJXI.js";
import "./chunk-63HQ5WJE.js";
import "./chunk-BERRGJKQ.js";
import "./chunk-WKNXAUPU.js";
import "./chunk-TPKJ4BDL.js";
import "./chunk-LAIMP6IK.js";
import "./chunk-MYIUVGO5.js";
import "./chunk-FDVPQZHU.js";
import "./chunk-DYO4I62G.js";
import "./chunk-IXAQPRDD.js";
import {
  isModelguardError
} from "./chunk-7XDOXOVQ.js";
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
