// Worker thread: profiles one byte range of a plain CSV file (see profileDataset.ts) and posts the profile back.
import { parentPort, workerData } from "node:worker_threads";
import { scanCsvRange } from "../data/csvReader.js";
import { resolveLoadOptions, SCAN_CHUNK_CELLS } from "../data/loadOptions.js";
import { isModelguardError } from "../errors.js";
import { profileChunks } from "./profileChunks.js";
import { toTransferable } from "./transferableProfile.js";
import type { ProfileRangeJob } from "./profileDataset.js";

const job = workerData as ProfileRangeJob;
try {
  const options = resolveLoadOptions(job.file, job.load);
  const chunks = scanCsvRange(job.file, options, job.plan, job.start, job.end, 1, job.chunkRows, SCAN_CHUNK_CELLS);
  const profile = await profileChunks(chunks, job.profile);
  parentPort!.postMessage({ profile: profile && toTransferable(profile) });
} catch (e) {
  // The range's line numbers are not the file's: the caller profiles the file again in one thread, whose error
  // names the right line. Only the fact of an error crosses.
  const message = isModelguardError(e) ? e.message : ((e as Error).stack ?? String(e));
  parentPort!.postMessage({ error: message });
}
