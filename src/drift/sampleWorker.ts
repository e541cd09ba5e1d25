// Worker thread: loads one data file and turns it into drift samples, so reference and current parse in parallel.
import { parentPort, workerData } from "node:worker_threads";
import { loadTable, type LoadOptions } from "../data/loadTable.js";
import { isModelguardError } from "../errors.js";
import { sampleTable, type ColumnSample } from "./columnSample.js";
import { packSamples } from "./packedSamples.js";
import { shouldStream, streamSamples, type SampleBudget } from "./streamSamples.js";

const { path, options, budget } = workerData as { path: string; options: LoadOptions; budget: SampleBudget };
try {
  if (await shouldStream(path, budget)) {
    const { samples, types, rows } = await streamSamples(path, options, budget);
    // A sketch crosses threads as its JSON (a structured clone would lose its class); loadSamples revives it.
    const wire = new Map<string, ColumnSample>();
    for (const [name, s] of samples)
      wire.set(name, s.kind === "numeric" && s.form === "sketch" ? ({ ...s, sketch: s.sketch.toJson() } as never) : s);
    const { packed, transfer } = packSamples(wire);
    parentPort!.postMessage({ packed, types: [...types], rows }, transfer);
  } else {
    const table = await loadTable(path, options);
    // The table is ours alone: sort each column inside its own buffer and hand the buffers over without copies.
    const samples = sampleTable(table, { consume: { scratch: new Float64Array(table.rowCount) } });
    const types = table.columns.map((c) => [c.name, c.type]);
    const { packed, transfer } = packSamples(samples);
    parentPort!.postMessage({ packed, types, rows: table.rowCount }, transfer);
  }
} catch (e) {
  if (isModelguardError(e)) {
    parentPort!.postMessage({ error: { code: e.code, message: e.message, hint: e.hint, location: e.location } });
  } else {
    parentPort!.postMessage({ error: { code: "internal", message: (e as Error).stack ?? String(e) } });
  }
}
