// Worker thread: loads one data file and turns it into drift samples, so reference and current parse in parallel.
import { parentPort, workerData } from "node:worker_threads";
import type { LoadOptions } from "../data/loadTable.js";
import { isModelguardError } from "../errors.js";
import type { ColumnSample } from "./columnSample.js";
import { packSamples } from "./packedSamples.js";
import { sampleFile } from "./sampleFile.js";
import type { SampleBudget } from "./streamSamples.js";

const { path, options, budget } = workerData as { path: string; options: LoadOptions; budget: SampleBudget };
try {
  const { samples, types, rows } = await sampleFile(path, options, budget);
  // A sketch crosses threads as its JSON (a structured clone would lose its class); loadSamples revives it. Sorted
  // values cross in buffers handed over without copies (packSamples).
  const wire = new Map<string, ColumnSample>();
  for (const [name, s] of samples)
    wire.set(name, s.kind === "numeric" && s.form === "sketch" ? ({ ...s, sketch: s.sketch.toJson() } as never) : s);
  const { packed, transfer } = packSamples(wire);
  parentPort!.postMessage({ packed, types: [...types], rows }, transfer);
} catch (e) {
  if (isModelguardError(e)) {
    parentPort!.postMessage({ error: { code: e.code, message: e.message, hint: e.hint, location: e.location } });
  } else {
    parentPort!.postMessage({ error: { code: "internal", message: (e as Error).stack ?? String(e) } });
  }
}
