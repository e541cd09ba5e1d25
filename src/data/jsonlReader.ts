/**
 * JSON Lines into a Table, with the same passes as CSV: infer types on the first INFERENCE_ROWS rows, decode every
 * wanted column, re-read as text only the columns where a later cell did not fit. Columns are the union of the keys
 * in order of first appearance; a key a row lacks (or null) is missing. A key that first appears after the sample
 * gets its type from all its distinct values (loadTable) or is "string" (scanTable).
 */
import { ColumnTypeInference } from "./inferColumnType.js";
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

/** Types from the first INFERENCE_ROWS rows; `fixTypes` (scanTable) as in csvReader's inferPlans. */
async function inferJsonl(
  fh: DataSource,
  file: string,
  options: ResolvedLoadOptions,
  fixTypes = false,
): Promise<{ names: string[]; plans: ColumnPlan[]; sampleRows: number; sampleBytes: number }> {
  const wanted = wantedColumn(options);
  const reader = new JsonlRecordReader(fh, file, wanted, [], options.maxFieldBytes);
  const inferences: (ColumnTypeInference | null)[] = [];
  let rows = 0;
  while (rows < INFERENCE_ROWS) {
    const batch = await reader.next(INFERENCE_ROWS - rows);
    if (!batch) break;
    const { bytes, starts, ends, stride } = batch;
    for (let c = 0; c < stride; c++) {
      if (inferences[c] === undefined) {
        const name = reader.names[c]!;
        inferences[c] = wanted(name) && !options.types.has(name) ? new ColumnTypeInference(options.na) : null;
      }
      const inference = inferences[c];
      if (!inference) continue;
      for (let r = 0, i = c; r < batch.rows; r++, i += stride) inference.add(bytes, starts[i]!, ends[i]!);
    }
    rows += batch.rows;
  }
  const names = [...reader.names];
  const sampleBytes = reader.offset;
  const valueless = fixTypes ? names.flatMap((_, c) => (inferences[c]?.nonMissing === 0 ? [c] : [])) : [];
  // keys first seen from here on are late keys ("string" in scanTable), whatever the extension reads
  for (let open = valueless.length > 0; open;) {
    const batch = await reader.next();
    if (!batch) break;
    const { bytes, starts, ends, stride } = batch;
    open = false;
    for (const c of valueless) {
      const inference = inferences[c]!;
      for (let r = 0, i = c; r < batch.rows; r++, i += stride) inference.add(bytes, starts[i]!, ends[i]!);
      if (inference.nonMissing < INFERENCE_ROWS) open = true;
    }
  }
  const plans: ColumnPlan[] = [];
  names.forEach((name, source) => {
    if (!wanted(name)) return;
    const inference = inferences[source];
    const type = !inference ? null : inference.nonMissing > 0 ? inference.result() : fixTypes ? "number" : null;
    plans.push(planFor(name, source, options, type));
  });
  return { names, plans, sampleRows: rows, sampleBytes };
}

/**
 * Feeds every batch of `reader` to `assembler`, adding wanted columns as their keys first appear, until `maxRows`
 * rows or `maxCells` cells (rows x planned columns). False when the file ended.
 */
async function assemble(
  reader: JsonlRecordReader,
  assembler: TableAssembler,
  options: ResolvedLoadOptions,
  maxRows = Infinity,
  maxCells = Infinity,
): Promise<boolean> {
  const wanted = wantedColumn(options);
  const known = new Set(assembler.plans.map((p) => p.source));
  // names only ever grow: each is looked at once, not once per batch
  let seen = 0;
  while (assembler.rows < maxRows) {
    const columns = Math.max(1, assembler.plans.length);
    const cellRows = Math.floor((maxCells - assembler.rows * columns) / columns);
    if (cellRows < 1 && assembler.rows > 0) return true;
    const batch = await reader.next(Math.max(1, Math.min(maxRows - assembler.rows, cellRows)));
    if (!batch) return false;
    for (; seen < reader.names.length; seen++) {
      const name = reader.names[seen]!;
      if (known.has(seen) || !wanted(name)) continue;
      known.add(seen);
      assembler.addPlan(planFor(name, seen, options, null));
    }
    assembler.add(batch);
  }
  return true;
}

export async function loadJsonl(file: string, options: ResolvedLoadOptions): Promise<Table> {
  const fh = await openDataSource(file, options.decompression);
  try {
    const { names, plans, sampleRows, sampleBytes } = await inferJsonl(fh, file, options);
    const size = await fh.estimatedSize();
    const capacity =
      sampleRows < INFERENCE_ROWS ? sampleRows : Math.ceil((size / Math.max(1, sampleBytes)) * sampleRows * 1.02) + 64;
    const main = new TableAssembler(plans, "infer", options.na, capacity);
    const mainReader = new JsonlRecordReader(fh, file, wantedColumn(options), names, options.maxFieldBytes);
    await assemble(mainReader, main, options);
    const columns = main.finish();
    const reread = main.plans.flatMap((p, k) => (columns[k] === null ? [{ ...p, type: null }] : []));
    if (reread.length > 0) {
      const text = new TableAssembler(reread, "infer", options.na, main.rows);
      // with every key registered up front in the main pass's order, sources stay the same
      await assemble(
        new JsonlRecordReader(fh, file, wantedColumn(options), mainReader.names, options.maxFieldBytes),
        text,
        options,
      );
      const textColumns = text.finish();
      let j = 0;
      for (let k = 0; k < columns.length; k++) if (columns[k] === null) columns[k] = textColumns[j++]!;
    }
    return { source: file, rowCount: main.rows, columns: columns as Column[] };
  } finally {
    await fh.close();
  }
}

export async function* scanJsonl(
  file: string,
  options: ResolvedLoadOptions,
  maxChunkRows: number,
  chunkCells: number,
): AsyncGenerator<Table> {
  const fh = await openDataSource(file, options.decompression);
  try {
    const { names, plans } = await inferJsonl(fh, file, options, true);
    const reader = new JsonlRecordReader(fh, file, wantedColumn(options), names, options.maxFieldBytes);
    let known = plans;
    let yielded = false;
    while (true) {
      // keys can appear in any chunk: the rows of a chunk follow its columns as they come (see assemble)
      const chunkRows = rowsPerChunk(maxChunkRows, chunkCells, known.length);
      const chunk = new TableAssembler(known, "fixed", options.na, initialRows(chunkRows, known.length), chunkRows);
      const more = await assemble(reader, chunk, options, chunkRows, chunkCells);
      known = chunk.plans;
      if (chunk.rows > 0 || !yielded) {
        yielded = true;
        yield { source: file, rowCount: chunk.rows, columns: chunk.finish() as Column[] };
      }
      if (!more) return;
    }
  } finally {
    await fh.close();
  }
}

export async function jsonlColumnNames(file: string, options: ResolvedLoadOptions): Promise<string[]> {
  const fh = await openDataSource(file, options.decompression);
  try {
    const reader = new JsonlRecordReader(fh, file, () => false, [], options.maxFieldBytes);
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
