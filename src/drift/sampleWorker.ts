// Worker thread: loads one data file and turns it into drift samples, so reference and current parse in parallel.
import { parentPort, workerData } from "node:worker_threads";
import { loadTable, type LoadOptions } from "../data/loadTable.js";
import { isModelguardError } from "../errors.js";
import { sampleTable, type ColumnSample } from "./columnSample.js";

const { path, options } = workerData as { path: string; options: LoadOptions };
try {
  const table = await loadTable(path, options);
  // The table is ours alone: sort each column inside its own buffer and hand the buffers over without copies.
  const samples = sampleTable(table, { consume: { scratch: new Float64Array(table.rowCount) } });
  const types = table.columns.map((c) => [c.name, c.type]);
  const transfer = new Set<ArrayBuffer>();
  for (const s of samples.values()) {
    if (s.kind === "numeric" && s.form === "exact") transfer.add(s.sorted.buffer as ArrayBuffer);
  }
  const message = { samples: [...samples] as [string, ColumnSample][], types, rows: table.rowCount };
  parentPort!.postMessage(message, [...transfer]);
} catch (e) {
  if (isModelguardError(e)) {
    parentPort!.postMessage({ error: { code: e.code, message: e.message, hint: e.hint, location: e.location } });
  } else {
    parentPort!.postMessage({ error: { code: "internal", message: (e as Error).stack ?? String(e) } });
  }
}
