/**
 * CSV into a Table: a sample pass infers the types from the first INFERENCE_ROWS rows, a main pass decodes every
 * wanted column from bytes, and, only when some later cell did not fit an inferred type, a third pass re-reads just
 * those columns as text.
 */
import { byteRangeSource } from "./byteRangeSource.js";
import { CsvRecordReader, readCsvHeader, type CsvHeader } from "./csvRecordReader.js";
import { INFERENCE_ROWS, rowsPerChunk, type ResolvedLoadOptions } from "./loadOptions.js";
import { compressionOf, openDataSource, type DataSource, type PositionedReader } from "./openDataSource.js";
import { SampleInference, TableAssembler, type ColumnPlan } from "./tableAssembler.js";
import type { Column, Table } from "./table.js";

/** A reader of the data records, with read-ahead; `done`: a finished reader whose buffers the new one takes over. */
export function newReader(
  fh: PositionedReader,
  file: string,
  header: CsvHeader,
  options: ResolvedLoadOptions,
  done: CsvRecordReader | null = null,
): CsvRecordReader {
  const { names, dataOffset, dataLine } = header;
  return new CsvRecordReader(
    fh,
    file,
    names,
    options.delimiter,
    dataOffset,
    dataLine,
    undefined,
    true,
    options.maxFieldBytes,
    done,
  );
}

/** The plan of the wanted columns, in file order. */
function planColumns(names: readonly string[], options: ResolvedLoadOptions): ColumnPlan[] {
  const plans: ColumnPlan[] = [];
  names.forEach((name, source) => {
    if (options.columns && !options.columns.has(name)) return;
    const forced = options.types.get(name);
    plans.push({ name, source, type: forced ?? null, forced: forced !== undefined });
  });
  return plans;
}

/**
 * The column types from the first INFERENCE_ROWS rows. With `fixTypes` (scanTable: no later pass can change a
 * type), a column without a value there reads on until it has INFERENCE_ROWS values; one without any value in the
 * whole file is "number", all missing (as loadTable decides from the whole column).
 */
async function inferPlans(
  fh: DataSource,
  file: string,
  header: CsvHeader,
  options: ResolvedLoadOptions,
  fixTypes = false,
  wanted: ColumnPlan[] = planColumns(header.names, options),
  done: CsvRecordReader | null = null,
): Promise<{ plans: ColumnPlan[]; sampleRows: number; sampleBytes: number; reader: CsvRecordReader }> {
  const reader = new CsvRecordReader(
    fh,
    file,
    header.names,
    options.delimiter,
    header.dataOffset,
    header.dataLine,
    undefined,
    false,
    options.maxFieldBytes,
    done,
  );
  const sample = new SampleInference(wanted, options.na);
  while (sample.rows < INFERENCE_ROWS) {
    const batch = await reader.next(INFERENCE_ROWS - sample.rows);
    if (!batch) break;
    sample.add(batch);
  }
  const sampleBytes = reader.offset - header.dataOffset;
  const valueless = fixTypes ? sample.valueless : [];
  if (valueless.length > 0)
    for (let batch = await reader.next(); batch; batch = await reader.next())
      if (!sample.extend(batch, valueless)) break;
  const again = await rereadSample(fh, file, header, options, sample, reader);
  const plans = sample.typedPlans();
  for (const k of valueless) plans[k]!.type ??= "number";
  return { plans, sampleRows: sample.rows, sampleBytes, reader: again };
}

/**
 * The sample's rows read again for the columns whose type needs their distinct values (see SampleInference), with
 * the buffers of `done`; the reader to take over from next (`done` itself when nothing was read again).
 */
async function rereadSample(
  fh: DataSource,
  file: string,
  header: CsvHeader,
  options: ResolvedLoadOptions,
  sample: SampleInference,
  done: CsvRecordReader,
): Promise<CsvRecordReader> {
  const ks = sample.rereads;
  if (ks.length === 0) return done;
  const { names, dataOffset, dataLine } = header;
  const reader = new CsvRecordReader(
    fh,
    file,
    names,
    options.delimiter,
    dataOffset,
    dataLine,
    undefined,
    false,
    options.maxFieldBytes,
    done,
  );
  for (let left = sample.rows; left > 0;) {
    const batch = await reader.next(left);
    if (!batch) break;
    sample.addDistinct(batch, ks);
    left -= batch.rows;
  }
  return reader;
}

export async function loadCsv(file: string, options: ResolvedLoadOptions): Promise<Table> {
  const fh = await openDataSource(file, options.decompression);
  try {
    const header = await readCsvHeader(fh, file, options.delimiter);
    return (await loadCsvColumns(fh, file, header, options, planColumns(header.names, options), null)).table;
  } finally {
    await fh.close();
  }
}

/**
 * loadCsv of the columns `wanted` (plans in file order, types null or forced) of an open file whose header is read;
 * `done`: a finished reader of the file whose buffers the first pass takes over. Gives the table and the reader of
 * the last pass, done, for the next load of the same file (CsvColumnPasses.load).
 */
export async function loadCsvColumns(
  fh: DataSource,
  file: string,
  header: CsvHeader,
  options: ResolvedLoadOptions,
  wanted: ColumnPlan[],
  done: CsvRecordReader | null,
): Promise<{ table: Table; reader: CsvRecordReader }> {
  const infer = await inferPlans(fh, file, header, options, false, wanted, done);
  const { plans, sampleRows, sampleBytes } = infer;
  // after the sample: a compressed file's size is estimated from the ratio seen so far
  const size = await fh.estimatedSize();
  // presize from the bytes per row of the sample
  const capacity =
    sampleRows < INFERENCE_ROWS
      ? sampleRows
      : Math.ceil(((size - header.dataOffset) / Math.max(1, sampleBytes)) * sampleRows * 1.02) + 64;
  const main = new TableAssembler(plans, "infer", options.na, capacity);
  const reader = newReader(fh, file, header, options, infer.reader);
  main.updateParseKinds(reader.parseKinds);
  for (let batch = await reader.next(); batch; batch = await reader.next()) {
    main.add(batch);
    main.updateParseKinds(reader.parseKinds);
  }
  const columns = main.finish();
  // a loop, not flatMap: an empty array per column that needs no second read was 3.6 MB for 100,000 columns
  const reread: ColumnPlan[] = [];
  for (let k = 0; k < columns.length; k++) if (columns[k] === null) reread.push({ ...plans[k]!, type: null });
  let last = reader;
  if (reread.length > 0) {
    const text = new TableAssembler(reread, "infer", options.na, main.rows);
    last = newReader(fh, file, header, options, reader);
    for (let batch = await last.next(); batch; batch = await last.next()) text.add(batch);
    const textColumns = text.finish();
    let j = 0;
    for (let k = 0; k < columns.length; k++) if (columns[k] === null) columns[k] = textColumns[j++]!;
  }
  return { table: { source: file, rowCount: main.rows, columns: columns as Column[] }, reader: last };
}

export async function* scanCsv(
  file: string,
  options: ResolvedLoadOptions,
  maxChunkRows: number,
  chunkCells: number,
): AsyncGenerator<Table> {
  const fh = await openDataSource(file, options.decompression);
  try {
    const header = await readCsvHeader(fh, file, options.delimiter);
    const { plans, sampleRows, reader } = await inferPlans(fh, file, header, options, true);
    // a file that ended within the sample has exactly sampleRows rows: chunks are sized to them, never trimmed
    const rows = sampleRows < INFERENCE_ROWS ? sampleRows : undefined;
    const records = newReader(fh, file, header, options, reader);
    yield* scanRecords(records, file, plans, options, maxChunkRows, chunkCells, rows);
  } finally {
    await fh.close();
  }
}

/**
 * Chunks of the records `reader` reads, with the types fixed by `plans`; one 0-row table if none. `knownRows`: the
 * records there are, when known.
 */
export async function* scanRecords(
  reader: CsvRecordReader,
  file: string,
  plans: ColumnPlan[],
  options: ResolvedLoadOptions,
  maxChunkRows: number,
  chunkCells: number,
  knownRows?: number,
): AsyncGenerator<Table> {
  const chunkRows = rowsPerChunk(maxChunkRows, chunkCells, plans.length);
  // builders start at one batch and grow with the rows read: a short file never pays for a whole chunk; once a chunk
  // filled up, the next starts at its full size rather than growing (and copying) its way there again
  let initialRows = Math.min(chunkRows, knownRows ?? Math.max(16, reader.batchRows));
  let yielded = false;
  while (true) {
    const chunk = new TableAssembler(plans, "fixed", options.na, initialRows, chunkRows);
    chunk.updateParseKinds(reader.parseKinds);
    let done = false;
    while (chunk.rows < chunkRows) {
      const batch = await reader.next(chunkRows - chunk.rows);
      if (!batch) {
        done = true;
        break;
      }
      chunk.add(batch);
    }
    if (chunk.rows > 0 || !yielded) {
      yielded = true;
      yield { source: file, rowCount: chunk.rows, columns: chunk.finish() as Column[] };
    }
    if (done) return;
    initialRows = chunkRows;
  }
}

/** What scanCsv decides before its first chunk, so that byte ranges of the file can be scanned alike elsewhere. */
export interface CsvScanPlan {
  header: CsvHeader;
  /** The wanted columns with their types fixed, as scanCsv fixes them (plain data: it crosses to worker threads). */
  plans: ColumnPlan[];
  /** The file's size in bytes. */
  size: number;
  /** Whether the inference sample holds a quote character (then cuts between ranges must respect quotes). */
  quoted: boolean;
}

/**
 * The header and fixed types of a plain CSV file, for scanning byte ranges of it in parallel (scanCsvRange); null for
 * a compressed file, whose bytes cannot be reached at an offset without decompressing everything before it.
 */
export async function planCsvScan(file: string, options: ResolvedLoadOptions): Promise<CsvScanPlan | null> {
  if (compressionOf(file) !== undefined) return null;
  const fh = await openDataSource(file, options.decompression);
  try {
    const header = await readCsvHeader(fh, file, options.delimiter);
    const { plans, sampleBytes } = await inferPlans(fh, file, header, options, true);
    const sample = Buffer.allocUnsafe(sampleBytes);
    const { bytesRead } = await fh.read(sample, 0, sampleBytes, header.dataOffset);
    const quoted = sample.subarray(0, bytesRead).includes(34);
    return { header, plans, size: await fh.estimatedSize(), quoted };
  } finally {
    await fh.close();
  }
}

/**
 * scanCsv's chunks of the records in [start, end) of a plain CSV file, `start` a record start at or after the data
 * and `end` just after a line end (or the file's end). Line numbers in errors count from `line`, which the caller
 * gives as 1 where it does not know the line of `start`.
 */
export async function* scanCsvRange(
  file: string,
  options: ResolvedLoadOptions,
  plan: CsvScanPlan,
  start: number,
  end: number,
  line: number,
  maxChunkRows: number,
  chunkCells: number,
): AsyncGenerator<Table> {
  const fh = await openDataSource(file, options.decompression);
  try {
    const header = { ...plan.header, dataOffset: start, dataLine: line };
    const reader = newReader(byteRangeSource(fh, end), file, header, options);
    yield* scanRecords(reader, file, plan.plans, options, maxChunkRows, chunkCells);
  } finally {
    await fh.close();
  }
}

export async function csvColumnNames(file: string, options: ResolvedLoadOptions): Promise<string[]> {
  const fh: DataSource = await openDataSource(file, options.decompression);
  try {
    return (await readCsvHeader(fh, file, options.delimiter)).names;
  } finally {
    await fh.close();
  }
}
