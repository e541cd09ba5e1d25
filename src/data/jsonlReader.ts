/**
 * JSON Lines into a Table, with the same passes as CSV: infer types on the first INFERENCE_ROWS rows, decode every
 * wanted column, re-read as text only the columns where a later cell did not fit. Columns are the union of the keys
 * in order of first appearance; a key a row lacks (or null) is missing. A key that first appears after the sample
 * gets its type from all its distinct values (loadTable) or is "string" (scanTable).
 */
import { ColumnTypeInferences } from "./columnTypeInferences.js";
import { JsonlRecordReader } from "./jsonlRecordReader.js";
import { INFERENCE_ROWS, rowsPerChunk, type ResolvedLoadOptions } from "./loadOptions.js";
import { openDataSource, type DataSource } from "./openDataSource.js";
import { TableAssembler, type ColumnPlan } from "./tableAssembler.js";
import type { Column, Table } from "./table.js";

function wantedColumn(options: ResolvedLoadOptions): (name: string) => boolean {
  const columns = options.columns;
  return columns ? (name) => columns.has(name) : () => true;
}

function planFor(name: string, source: number, options: ResolvedLoadOptions, inferred: ColumnPlan["type"]): ColumnPlan {
  const forced = options.types.get(name);
  return { name, source, type: forced ?? inferred, forced: forced !== undefined };
}

/**
 * Types from the first INFERENCE_ROWS rows of `reader` (new, or reopened); `fixTypes` (scanTable) as in csvReader's
 * inferPlans. The reader is left restarted for the main pass, knowing the sample's keys (`known`, the first of its
 * names): a second reader would register every key again (for 100,000 keys, some 20 MB of short-lived strings).
 * As for CSV (SampleInference), a column keeps its distinct values only where the type rule needs them, and the
 * sample is read again for those columns: a string and a Set entry a cell were some 45 MB for 100,000 keys x 6 rows.
 */
async function inferJsonl(
  reader: JsonlRecordReader,
  options: ResolvedLoadOptions,
  fixTypes = false,
): Promise<{
  known: number;
  plans: ColumnPlan[];
  sampleRows: number;
  sampleBytes: number;
}> {
  const wanted = wantedColumn(options);
  const inferences = new ColumnTypeInferences(options.na, true);
  // Inference k is of the key sources[k]: numbered by key, a block of 10,000 of 100,000 keys had arrays for all.
  const sources: number[] = [];
  // keys up to here have been opened (or left closed: unwanted or of a forced type)
  let known = 0;
  let rows = 0;
  while (rows < INFERENCE_ROWS) {
    const batch = await reader.next(INFERENCE_ROWS - rows);
    if (!batch) break;
    const { bytes, starts, ends, stride } = batch;
    for (; known < stride; known++) {
      const name = reader.names[known]!;
      if (wanted(name) && !options.types.has(name)) inferences.open(sources.push(known) - 1);
    }
    for (let k = 0; k < sources.length; k++)
      inferences.addCells(k, bytes, starts, ends, sources[k]!, stride, batch.rows);
    rows += batch.rows;
  }
  // The sample's keys are the reader's first `known` names, not a copy (0.8 MB a pass for 100,000 keys): the reader
  // only adds names, and is cut back to these below.
  known = reader.names.length;
  const sampleBytes = reader.offset;
  const valueless: number[] = [];
  if (fixTypes) for (let k = 0; k < sources.length; k++) if (inferences.nonMissing(k) === 0) valueless.push(k);
  // keys first seen from here on are late keys ("string" in scanTable), whatever the extension reads
  for (let open = valueless.length > 0; open;) {
    const batch = await reader.next();
    if (!batch) break;
    const { bytes, starts, ends, stride } = batch;
    open = false;
    for (const k of valueless) {
      // no value so far: its distinct values are kept from here (a second read of the sample would not see these)
      if (inferences.nonMissing(k) === 0) inferences.track(k);
      inferences.addCells(k, bytes, starts, ends, sources[k]!, stride, batch.rows);
      if (inferences.nonMissing(k) < INFERENCE_ROWS) open = true;
    }
  }
  const rereads = inferences.rereads;
  if (rereads.length > 0) {
    reader.restart(known);
    for (let left = rows; left > 0;) {
      const batch = await reader.next(left);
      if (!batch) break;
      const { bytes, starts, ends, stride } = batch;
      for (const k of rereads) inferences.addDistinctCells(k, bytes, starts, ends, sources[k]!, stride, batch.rows);
      left -= batch.rows;
    }
  }
  const plans: ColumnPlan[] = [];
  for (let source = 0, k = 0; source < known; source++) {
    const name = reader.names[source]!;
    if (!wanted(name)) continue;
    const open = sources[k] === source;
    const type = !open ? null : inferences.nonMissing(k) > 0 ? inferences.result(k) : fixTypes ? "number" : null;
    if (open) k++;
    plans.push(planFor(name, source, options, type));
  }
  // Keys first seen in the read-on are forgotten: the main pass must not know them before they appear, or its
  // batches and chunks would be cut differently.
  reader.restart(known);
  return { known, plans, sampleRows: rows, sampleBytes };
}

/**
 * Feeds every batch of `reader` to `assembler`, adding wanted columns as their keys first appear, until `maxRows`
 * rows or `maxCells` cells (rows x planned columns). `from`: the reader's keys before it are planned (or unwanted)
 * already. The file ended when `more` is false; `seen` is where the next call's `from` is.
 */
async function assemble(
  reader: JsonlRecordReader,
  assembler: TableAssembler,
  options: ResolvedLoadOptions,
  from: number,
  maxRows = Infinity,
  maxCells = Infinity,
): Promise<{ more: boolean; seen: number }> {
  const wanted = wantedColumn(options);
  // names only ever grow: each is looked at once, not once per batch
  let seen = from;
  while (assembler.rows < maxRows) {
    const columns = Math.max(1, assembler.plans.length);
    const cellRows = Math.floor((maxCells - assembler.rows * columns) / columns);
    if (cellRows < 1 && assembler.rows > 0) return { more: true, seen };
    const batch = await reader.next(Math.max(1, Math.min(maxRows - assembler.rows, cellRows)));
    if (!batch) return { more: false, seen };
    for (; seen < reader.names.length; seen++) {
      const name = reader.names[seen]!;
      if (wanted(name)) assembler.addPlan(planFor(name, seen, options, null));
    }
    assembler.add(batch);
  }
  return { more: true, seen };
}

export async function loadJsonl(file: string, options: ResolvedLoadOptions): Promise<Table> {
  const fh = await openDataSource(file, options.decompression);
  try {
    return await loadJsonlWith(newReader(fh, file, options), fh, file, options);
  } finally {
    await fh.close();
  }
}

/**
 * A new reader of `fh` for these options (it knows no key yet); `sharedWith`: a reader of another file, read by turns
 * with this one, whose buffers and key strings it shares (see JsonlRecordReader).
 */
export function newReader(
  fh: DataSource,
  file: string,
  options: ResolvedLoadOptions,
  sharedWith?: JsonlRecordReader,
): JsonlRecordReader {
  return new JsonlRecordReader(fh, file, wantedColumn(options), options.maxFieldBytes, sharedWith);
}

/** loadJsonl of the file `fh` is open on, read by `reader`: new, or reopened on `fh` for these options. */
export async function loadJsonlWith(
  reader: JsonlRecordReader,
  fh: DataSource,
  file: string,
  options: ResolvedLoadOptions,
): Promise<Table> {
  const { known, plans, sampleRows, sampleBytes } = await inferJsonl(reader, options);
  const size = await fh.estimatedSize();
  const capacity =
    sampleRows < INFERENCE_ROWS ? sampleRows : Math.ceil((size / Math.max(1, sampleBytes)) * sampleRows * 1.02) + 64;
  const main = new TableAssembler(plans, "infer", options.na, capacity);
  await assemble(reader, main, options, known);
  const columns = main.finish();
  const reread: ColumnPlan[] = [];
  for (let k = 0; k < columns.length; k++) if (columns[k] === null) reread.push({ ...main.plans[k]!, type: null });
  if (reread.length > 0) {
    const text = new TableAssembler(reread, "infer", options.na, main.rows);
    // with every key registered up front in the main pass's order, sources stay the same; no key is new, so no
    // other column is planned (each would be read again as text only to be dropped)
    await assemble(reader.restart(), text, options, reader.names.length);
    const textColumns = text.finish();
    let j = 0;
    for (let k = 0; k < columns.length; k++) if (columns[k] === null) columns[k] = textColumns[j++]!;
  }
  return { source: file, rowCount: main.rows, columns: columns as Column[] };
}

export async function* scanJsonl(
  file: string,
  options: ResolvedLoadOptions,
  maxChunkRows: number,
  chunkCells: number,
): AsyncGenerator<Table> {
  const fh = await openDataSource(file, options.decompression);
  try {
    yield* scanJsonlWith(newReader(fh, file, options), file, options, maxChunkRows, chunkCells);
  } finally {
    await fh.close();
  }
}

/** scanJsonl's chunks, read by `reader`: new, or reopened for these options on the file. */
export async function* scanJsonlWith(
  reader: JsonlRecordReader,
  file: string,
  options: ResolvedLoadOptions,
  maxChunkRows: number,
  chunkCells: number,
): AsyncGenerator<Table> {
  const inferred = await inferJsonl(reader, options, true);
  // a file that ended within the sample has a known number of rows: each chunk's columns start at their length
  let rowsLeft = inferred.sampleRows < INFERENCE_ROWS ? inferred.sampleRows : -1;
  let known = inferred.plans;
  let seen = inferred.known;
  let yielded = false;
  while (true) {
    // keys can appear in any chunk: the rows of a chunk follow its columns as they come (see assemble)
    const chunkRows = rowsPerChunk(maxChunkRows, chunkCells, known.length);
    const capacity = rowsLeft >= 0 ? Math.min(chunkRows, rowsLeft) : initialRows(chunkRows, known.length);
    const chunk = new TableAssembler(known, "fixed", options.na, capacity, chunkRows);
    const assembled = await assemble(reader, chunk, options, seen, chunkRows, chunkCells);
    const more = assembled.more;
    seen = assembled.seen;
    known = chunk.plans;
    if (rowsLeft >= 0) rowsLeft = Math.max(0, rowsLeft - chunk.rows);
    if (chunk.rows > 0 || !yielded) {
      yielded = true;
      yield { source: file, rowCount: chunk.rows, columns: chunk.finish() as Column[] };
    }
    if (!more) return;
  }
}

export async function jsonlColumnNames(file: string, options: ResolvedLoadOptions): Promise<string[]> {
  const fh = await openDataSource(file, options.decompression);
  try {
    const reader = new JsonlRecordReader(fh, file, () => false, options.maxFieldBytes);
    while (await reader.next());
    return [...reader.names];
  } finally {
    await fh.close();
  }
}

/**
 * Rows a chunk's columns start with (they grow with the rows read): 1,024, but fewer on a wide file, so that its many
 * short columns fit the shared slabs of smallTypedArray.ts. One record of 100,000 keys started every column at 41
 * rows, 328 bytes, each an ArrayBuffer of its own with some 600 bytes of bookkeeping: about 90 MB for one row.
 */
function initialRows(chunkRows: number, columns: number): number {
  return Math.min(chunkRows, 1024, Math.max(16, Math.floor(INITIAL_CHUNK_CELLS / Math.max(1, columns))));
}

const INITIAL_CHUNK_CELLS = 1 << 16;
