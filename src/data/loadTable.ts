/**
 * Data files into the columnar Table: CSV (RFC 4180), JSONL and Parquet.
 *
 * Types are inferred from the first INFERENCE_ROWS (10,000) data rows by the rule in inferColumnType.ts, unless
 * forced through `options.types`. loadTable keeps every column correct when later rows disagree with the sample:
 * an integer column that meets a decimal becomes "number"; a column that meets a cell fitting none of
 * integer/number/boolean/datetime is read again, as text (category or string); category vs string is decided on
 * the whole column; a column with no value in the sample gets its type from all its distinct values, and a column
 * with no value at all is "number" with every cell missing (as pandas reads it; NaN is an NA string). Forced types
 * never change: cells that do not parse become `invalid` entries (data row -> raw text, value NaN, valid 0); a forced
 * integer also takes integral numbers such as "2.0", a forced boolean also takes 0 and 1.
 *
 * Missing cells: the NA strings (exact match; default pandas' list), absent JSONL keys, JSON null, Parquet null.
 * CSV specifics, as pandas does them: blank lines are skipped (so in a one-column file a missing value is written
 * ""), and leading zeros do not stop a number ("007" is the integer 7; force "string" to keep such codes).
 *
 * Files are read in fixed-size chunks and decoded from bytes; no file is ever held as one string. Errors in the
 * file are ModelguardError "input" with the file, 1-based line, data row and column in `location`.
 */
import { dataFileColumnNames, loadDataFile, scanDataFile } from "./loadDataFile.js";
import { datasetColumnNames, loadDataset, scanDataset } from "./loadDataset.js";
import { resolveLoadOptions, SCAN_CHUNK_CELLS, type LoadOptions } from "./loadOptions.js";
import { resolveDataset, type Dataset } from "./resolveDataset.js";
import type { Table } from "./table.js";

export { DEFAULT_NA_VALUES } from "./naMatcher.js";
export { INFERENCE_ROWS, SCAN_CHUNK_CELLS, type DataFormat, type LoadOptions } from "./loadOptions.js";

/** A dataset of one file without partitions: read exactly as that file. */
function singleFile(dataset: Dataset): string | null {
  return dataset.shards.length === 1 && dataset.partitionKeys.length === 0 ? dataset.shards[0]!.file : null;
}

/**
 * Loads a whole dataset: a file, a directory of shards, a glob, Hive partitions (see resolveDataset.ts and
 * concatTables.ts). Errors are ModelguardError "input" (bad file, naming the shard) or "usage" (bad options).
 */
export async function loadTable(path: string, options?: LoadOptions): Promise<Table> {
  const dataset = await resolveDataset(path);
  const file = singleFile(dataset);
  if (file === null) return loadDataset(dataset, options);
  return loadDataFile(file, resolveLoadOptions(file, options));
}

/**
 * Streams the dataset in chunks of at most `chunkRows` rows (default 100,000) and at most `chunkCells` cells (default
 * SCAN_CHUNK_CELLS, 4,194,304: a wide file gets fewer rows per chunk, at least one), each a Table of its own (its own
 * dictionaries). Types are inferred once, on the same first 10,000 rows loadTable uses (or forced), and then fixed
 * for every chunk: later cells that do not fit become `invalid` entries; a column with no value in the sample reads
 * on until it has 10,000 values (and is "number", all missing, if it has none); a JSONL key first seen after the
 * sample is "string". A file without data rows yields one 0-row table. For profiling files larger than memory.
 * A dataset of shards is streamed shard after shard (scanDataset).
 */
export async function* scanTable(
  path: string,
  options?: LoadOptions & { chunkRows?: number; chunkCells?: number },
): AsyncGenerator<Table> {
  const chunkRows = Math.max(1, Math.floor(options?.chunkRows ?? 100_000));
  const chunkCells = Math.max(1, Math.floor(options?.chunkCells ?? SCAN_CHUNK_CELLS));
  const dataset = await resolveDataset(path);
  const file = singleFile(dataset);
  if (file === null) return yield* scanDataset(dataset, options, chunkRows, chunkCells);
  return yield* scanDataFile(file, resolveLoadOptions(file, options), chunkRows, chunkCells);
}

/**
 * Header only: the column names, cheaply (CSV: the header row; Parquet: the schema; JSONL: keys of all rows). For a
 * dataset of shards, the first shard's, then the partition keys.
 */
export async function readColumnNames(path: string, options?: LoadOptions): Promise<string[]> {
  const dataset = await resolveDataset(path);
  const file = singleFile(dataset);
  if (file === null) return datasetColumnNames(dataset, options);
  return dataFileColumnNames(file, resolveLoadOptions(file, options));
}
