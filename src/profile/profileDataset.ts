import { existsSync } from "node:fs";
import { open, stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { csvRangeBoundaries } from "../data/csvRangeBoundaries.js";
import { planCsvScan, scanCsvRange, type CsvScanPlan } from "../data/csvReader.js";
import { openDataSource } from "../data/openDataSource.js";
import { INFERENCE_ROWS, resolveLoadOptions, rowsPerChunk, SCAN_CHUNK_CELLS } from "../data/loadOptions.js";
import { loadTable, scanTable, type LoadOptions } from "../data/loadTable.js";
import { resolveDataset } from "../data/resolveDataset.js";
import type { Column, Table } from "../data/table.js";
import { buildProfile, profileColumn, profileFields, type ProfileOptions } from "./buildProfile.js";
import { profileChunks } from "./profileChunks.js";
import { RunningProfile } from "./runningProfile.js";
import { wholeProfileParts, type ProfileParts } from "./profileFile.js";
import type { ColumnProfile, ReferenceProfile } from "./referenceProfile.js";
import type { TransferableProfile } from "./transferableProfile.js";

export interface ProfileDatasetOptions extends ProfileOptions {
  load?: LoadOptions;
  /** Rows per streamed chunk (scanTable's chunkRows). */
  chunkRows?: number;
  /** Threads for a plain CSV file: default the available cores, at most MAX_THREADS; 1 profiles in this thread. */
  threads?: number;
  /** A thread is started per this many bytes of the file at most (MIN_BYTES_PER_THREAD); tests lower it. */
  minBytesPerThread?: number;
  /** A thread is started per this many rows of the file at most, as estimated (MIN_ROWS_PER_THREAD); tests lower it. */
  minRowsPerThread?: number;
}

/**
 * A worker costs some 0.2 s of CPU before it profiles a row (its modules, its own JIT warm-up); 32 MiB, about 250,000
 * rows of 20 columns, take a thread over a second, so below that per thread one thread is as quick.
 */
export const MIN_BYTES_PER_THREAD = 32 << 20;
export const MAX_THREADS = 8;

/**
 * A range is worth a thread when it holds at least this many rows, twice the sample (INFERENCE_ROWS) that this thread
 * reads to fix the types before any range starts. Each range also costs per column, whatever its rows: its own chunk
 * of up to SCAN_CHUNK_CELLS cells and a sketch per numeric column, merged at the end. Measured on 2 cores, profile of
 * 10,000 columns x 1,000 rows (69 MB): 2 threads 10-15 s and 474-504 MB (825-934 MB when ranges were merged as
 * profiles), 1 thread 5-6 s and some 320 MB; 1,000 columns x 10,000 rows: 2 threads 7.2 s and 289 MB, 1 thread
 * 6.0 s and 245 MB. A file of 1,000,000 rows x 20 columns is still two ranges (4.4 s where one thread took 5.5).
 */
export const MIN_ROWS_PER_THREAD = 2 * INFERENCE_ROWS;

/** Bytes read from the start of a file to estimate its rows (rows per byte of the first MiB). */
const ROW_PROBE_BYTES = 1 << 20;

/** What one worker profiles: a byte range of a plain CSV file, with the types the whole file's sample fixed. */
export interface ProfileRangeJob {
  file: string;
  load: LoadOptions;
  plan: CsvScanPlan;
  start: number;
  end: number;
  chunkRows: number;
  profile: ProfileOptions;
}

// Built by tsc: the worker is the .js file next to this one. Bundled (dist/, scripts/build-dist.mjs): the entry
// chunks/profileRangeWorker.js, next to this module's chunk or under chunks/ when it is in index.js. From sources
// under tsx, Node 20 does not resolve a worker's .ts entry, so a bootstrap registers tsx first.
const fromSource = new URL(import.meta.url).pathname.endsWith(".ts");
const workerEntry = fromSource
  ? new URL("./profileRangeWorker.ts", import.meta.url)
  : (["./profileRangeWorker.js", "./chunks/profileRangeWorker.js"]
      .map((p) => new URL(p, import.meta.url))
      .find((u) => existsSync(fileURLToPath(u))) ?? new URL("./profileRangeWorker.js", import.meta.url));

/**
 * The profile of a dataset, streamed chunk by chunk (memory bounded by a chunk, whatever the row count), with
 * `sources` the path given. A plain CSV file of at least 2 x minBytesPerThread bytes and about 2 x minRowsPerThread
 * rows is cut into byte ranges at record boundaries (csvRangeBoundaries), each profiled on a worker thread with the
 * types the file's first 10,000 rows fixed, and the ranges are merged in file order: the profile of the union, as
 * `profile merge` of shards gives it.
 * Counts, min/max, sketches (so quantiles and PSI bins) and category frequencies are the same as one thread's; mean
 * and std differ only by floating-point rounding (the chunks' moments are merged in a different grouping). Where a
 * range fails (a bad record, or a cut that fell inside a quoted field), the file is profiled again in one thread,
 * whose answer or error (with the right line) is the result. Compressed files and datasets of shards take one thread.
 */
export async function profileDataset(path: string, options: ProfileDatasetOptions = {}): Promise<ReferenceProfile> {
  const { fields, columns } = await profileDatasetParts(path, options);
  const byName = Object.create(null) as Record<string, ColumnProfile>;
  for (const [name, column] of columns) byName[name] = column;
  return { ...fields, columns: byName };
}

/**
 * profileDataset as profile parts (see writeProfileParts). When the whole dataset is one chunk (a wide file: 100,000
 * columns x 6 rows is one chunk of cells), its columns are profiled as they are iterated, each column's values
 * dropped once profiled: a profile written from these parts is never held whole, and the table shrinks as it goes.
 * The same profile as profileDataset's, field for field.
 */
export async function profileDatasetParts(path: string, options: ProfileDatasetOptions = {}): Promise<ProfileParts> {
  const profileOptions = profileOptionsOf(path, options);
  const load = options.load ?? {};
  // Merged profiles are stamped when merged: the sources and a creation time asked for are set again here.
  const whole = (profile: ReferenceProfile) =>
    wholeProfileParts({
      ...profile,
      sources: [profileOptions.source!],
      ...(profileOptions.createdAt !== undefined ? { created_at: profileOptions.createdAt } : {}),
    });
  // A failed parallel pass is never the answer: one thread gives the profile, or the error with its line.
  const parallel = await runningCsvInParallel(path, options).catch(() => null);
  if (parallel) return wholeParts(profileOptions, parallel);
  const chunkRows = options.chunkRows ?? DEFAULT_CHUNK_ROWS;
  const chunks = scanTable(path, { ...load, chunkRows })[Symbol.asyncIterator]();
  const started = await firstChunks(chunks, chunkRows, profileOptions);
  if (started === null) return whole(buildProfile(await loadTable(path, load), profileOptions));
  if (!(started instanceof RunningProfile)) return started;
  return wholeParts(profileOptions, (await profileChunks(restOf(chunks), profileOptions, started))!);
}

/**
 * The start of profileDatasetParts: null for a stream without a chunk, the parts of a stream of one chunk, else a
 * running profile that has taken in the first chunk (or two). A function of its own so that those chunks are let go
 * when it returns: held in the caller's frame, the first chunk (some 33 MB of 10,000 columns x 419 rows) stayed live
 * while every later chunk was profiled.
 */
async function firstChunks(
  chunks: AsyncIterator<Table>,
  chunkRows: number,
  profileOptions: ProfileOptions,
): Promise<ProfileParts | RunningProfile | null> {
  const first = await chunks.next();
  if (first.done) return null;
  const table = first.value;
  // A chunk cut by neither cap is the file's last (or its shard's): only then is the next one worth asking for.
  let second: Table | null = null;
  if (table.rowCount < rowsPerChunk(chunkRows, SCAN_CHUNK_CELLS, table.columns.length)) {
    const next = await chunks.next();
    if (next.done) {
      const fields = { ...profileFields(table, profileOptions), sources: [profileOptions.source!] };
      // The generator gets a copy of the column list, not the table, so that each column is freed once profiled.
      return { fields, columns: profileColumns([...table.columns], fields.sketch_accuracy, fields.bins) };
    }
    second = next.value;
  }
  const running = new RunningProfile(profileOptions);
  running.add(table);
  if (second) running.add(second);
  return running;
}

/**
 * A running profile's parts, stamped as a merged profile is (whole): the path given as the one source, and the
 * creation time asked for.
 */
function wholeParts(options: ProfileOptions, running: RunningProfile): ProfileParts {
  const { fields, columns } = running.parts();
  return { fields: { ...fields, sources: [options.source!] }, columns };
}

/** Each column's profile as it is asked for; `pending` is emptied as it goes, so each column is let go once profiled. */
function* profileColumns(
  pending: (Column | undefined)[],
  sketchAccuracy: number,
  bins: number,
): Generator<[string, ColumnProfile]> {
  for (let i = 0; i < pending.length; i++) {
    const column = pending[i]!;
    pending[i] = undefined;
    yield [column.name, profileColumn(column, sketchAccuracy, bins)];
  }
}

/** The rows per chunk when none are asked for (scanTable's default). */
const DEFAULT_CHUNK_ROWS = 100_000;

/** The chunks an iterator has left, as an iterable. */
function restOf(chunks: AsyncIterator<Table>): AsyncIterable<Table> {
  return { [Symbol.asyncIterator]: () => chunks };
}

/** Options of each chunk's buildProfile; the source is the path given unless named. */
function profileOptionsOf(path: string, options: ProfileDatasetOptions): ProfileOptions {
  return {
    bins: options.bins,
    sketchAccuracy: options.sketchAccuracy,
    source: options.source ?? path,
    ...(options.createdAt !== undefined ? { createdAt: options.createdAt } : {}),
  };
}

/**
 * profileDataset's parallel path alone: the profile, or null where it does not apply (one thread wanted, not a single
 * plain CSV file, too small, or no cut found). Rejects when a range fails; profileDataset then takes one thread.
 */
export async function profileCsvInParallel(
  path: string,
  options: ProfileDatasetOptions,
): Promise<ReferenceProfile | null> {
  return (await runningCsvInParallel(path, options))?.profile() ?? null;
}

/**
 * profileCsvInParallel as one running profile: this thread's range's, which takes in each worker's range in file order
 * as it is needed (see RunningProfile.addTransferred), each worker's sketches packed and moved rather than a profile
 * cloned and merged as profiles (that held every range's profile, its clone and the merged one).
 */
async function runningCsvInParallel(path: string, options: ProfileDatasetOptions): Promise<RunningProfile | null> {
  const threads = Math.min(options.threads ?? availableParallelism(), MAX_THREADS);
  if (threads < 2 || !existsSync(fileURLToPath(workerEntry))) return null;
  const dataset = await resolveDataset(path);
  if (dataset.shards.length !== 1 || dataset.partitionKeys.length > 0) return null;
  const file = dataset.shards[0]!.file;
  const load = options.load ?? {};
  const resolved = resolveLoadOptions(file, load);
  if (resolved.format !== "csv") return null;
  // Too small for two ranges, whatever its header: known from the file's size, before planCsvScan's type inference
  // (a whole extra pass over a wide file's sample, 100,000 columns of garbage, for a plan that would not be used).
  const minBytes = options.minBytesPerThread ?? MIN_BYTES_PER_THREAD;
  const size = (await stat(file)).size;
  if (Math.floor(size / minBytes) < 2) return null;
  // Too few rows for two ranges: the same, before planCsvScan (10,000 columns x 1,000 rows: its sample is the file).
  const minRows = options.minRowsPerThread ?? MIN_ROWS_PER_THREAD;
  const maxPartsByRows = Math.floor((await estimatedRows(file, size)) / minRows);
  if (maxPartsByRows < 2) return null;
  const plan = await planCsvScan(file, resolved);
  if (!plan) return null;
  const { dataOffset } = plan.header;
  const parts = Math.min(threads, Math.floor((plan.size - dataOffset) / minBytes), maxPartsByRows);
  if (parts < 2) return null;
  const fh = await openDataSource(file, resolved.decompression);
  let cuts: number[];
  try {
    cuts = await csvRangeBoundaries(fh, dataOffset, plan.size, parts, plan.quoted);
  } finally {
    await fh.close();
  }
  if (cuts.length === 0) return null;
  const bounds = [dataOffset, ...cuts, plan.size];
  const profile = profileOptionsOf(path, options);
  const jobs: ProfileRangeJob[] = bounds.slice(1).map((end, i) => ({
    file,
    load,
    plan,
    start: bounds[i]!,
    end,
    chunkRows: options.chunkRows ?? 100_000,
    profile,
  }));
  const workers: Worker[] = [];
  try {
    // The first range is profiled on this thread, whose modules are loaded and warm from the sample already: one
    // worker fewer to start (its modules, its JIT warm-up, its heap) for the same number of threads.
    const others: (Promise<TransferableProfile> | null)[] = jobs.slice(1).map((job) => runRange(job, workers));
    // Until this thread's range is done, a worker's failure waits here, never an unhandled rejection.
    for (const p of others) p!.catch(() => undefined);
    const running = await profileRange(jobs[0]!);
    for (let i = 0; i < others.length; i++) {
      running.addTransferred(await others[i]!);
      // Let go of the promise, which holds the packed sketches, once they are merged.
      others[i] = null;
    }
    return running;
  } finally {
    // On a failure the other ranges are of no use: stop them rather than let them run on.
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/**
 * The rows of a file of `size` bytes, estimated from the line feeds of its first ROW_PROBE_BYTES (header and quoted
 * line breaks included: an estimate, to choose a number of threads). 0 when they hold fewer than two: rows of over
 * half a MiB.
 */
async function estimatedRows(file: string, size: number): Promise<number> {
  const fh = await open(file, "r");
  try {
    const probe = Buffer.allocUnsafe(Math.min(ROW_PROBE_BYTES, size));
    const { bytesRead } = await fh.read(probe, 0, probe.length, 0);
    let lines = 0;
    for (let i = probe.indexOf(10); i >= 0 && i < bytesRead; i = probe.indexOf(10, i + 1)) lines++;
    return lines < 2 ? 0 : Math.round((size * lines) / bytesRead);
  } finally {
    await fh.close();
  }
}

/** One range's running profile, on this thread: what profileRangeWorker.ts does on a worker. */
export async function profileRange(job: ProfileRangeJob): Promise<RunningProfile> {
  const options = resolveLoadOptions(job.file, job.load);
  const chunks = scanCsvRange(job.file, options, job.plan, job.start, job.end, 1, job.chunkRows, SCAN_CHUNK_CELLS);
  const running = await profileChunks(chunks, job.profile);
  if (!running) throw new Error(`no chunk in bytes ${job.start}..${job.end} of ${job.file}`);
  return running;
}

function runRange(job: ProfileRangeJob, workers: Worker[]): Promise<TransferableProfile> {
  const worker = fromSource
    ? new Worker(
        `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(workerEntry.href)}); });`,
        { eval: true, workerData: job },
      )
    : new Worker(workerEntry, { workerData: job });
  workers.push(worker);
  return new Promise((resolve, reject) => {
    worker.once("message", (m: { profile?: TransferableProfile | null; error?: string }) => {
      if (m.error !== undefined || !m.profile) reject(new Error(`profile worker failed: ${m.error ?? "no rows"}`));
      else resolve(m.profile);
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`profile worker exited with code ${code}`)));
  });
}
