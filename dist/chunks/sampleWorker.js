import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  loadTable,
  sampleTable
} from "./chunk-4RINT6HA.js";
import "./chunk-J3THV3KH.js";
import {
  isModelguardError
} from "./chunk-SJ6FC7J3.js";

// src/drift/sampleWorker.ts
import { parentPort, workerData } from "node:worker_threads";
var { path, options } = workerData;
try {
  const table = await loadTable(path, options);
  const samples = sampleTable(table, { consume: { scratch: new Float64Array(table.rowCount) } });
  const types = table.columns.map((c) => [c.name, c.type]);
  const transfer = /* @__PURE__ */ new Set();
  for (const s of samples.values()) {
    if (s.kind === "numeric" && s.form === "exact") transfer.add(s.sorted.buffer);
  }
  const message = { samples: [...samples], types, rows: table.rowCount };
  parentPort.postMessage(message, [...transfer]);
} catch (e) {
  if (isModelguardError(e)) {
    parentPort.postMessage({ error: { code: e.code, message: e.message, hint: e.hint, location: e.location } });
  } else {
    parentPort.postMessage({ error: { code: "internal", message: e.stack ?? String(e) } });
  }
}
