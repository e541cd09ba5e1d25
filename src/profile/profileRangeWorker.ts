// Worker thread: profiles one byte range of a plain CSV file (see profileDataset.ts) and posts its running profile back.
import { parentPort, workerData } from "node:worker_threads";
import { isModelguardError } from "../errors.js";
import { profileRange, type ProfileRangeJob } from "./profileDataset.js";

const job = workerData as ProfileRangeJob;
try {
  const { profile, transfer } = (await profileRange(job)).toTransferable();
  // The packed sketches are moved, not copied.
  parentPort!.postMessage({ profile }, transfer);
} catch (e) {
  // The range's line numbers are not the file's: the caller profiles the file again in one thread, whose error
  // names the right line. Only the fact of an error crosses.
  const message = isModelguardError(e) ? e.message : ((e as Error).stack ?? String(e));
  parentPort!.postMessage({ error: message });
}
