/** One data file (one shard of a dataset) into a Table, by its format. See loadTable.ts for the rules. */
import { csvColumnNames, loadCsv, scanCsv } from "./csvReader.js";
import { jsonlColumnNames, loadJsonl, scanJsonl } from "./jsonlReader.js";
import type { ResolvedLoadOptions } from "./loadOptions.js";
import type { Table } from "./table.js";

export async function loadDataFile(path: string, resolved: ResolvedLoadOptions): Promise<Table> {
  switch (resolved.format) {
    case "csv":
      return loadCsv(path, resolved);
    case "jsonl":
      return loadJsonl(path, resolved);
    case "parquet":
      return (await parquetReader()).loadParquet(path, resolved);
  }
}

export async function* scanDataFile(
  path: string,
  resolved: ResolvedLoadOptions,
  chunkRows: number,
  chunkCells: number,
): AsyncGenerator<Table> {
  switch (resolved.format) {
    case "csv":
      return yield* scanCsv(path, resolved, chunkRows, chunkCells);
    case "jsonl":
      return yield* scanJsonl(path, resolved, chunkRows, chunkCells);
    case "parquet":
      return yield* (await parquetReader()).scanParquet(path, resolved, chunkRows, chunkCells);
  }
}

export async function dataFileColumnNames(path: string, resolved: ResolvedLoadOptions): Promise<string[]> {
  switch (resolved.format) {
    case "csv":
      return csvColumnNames(path, resolved);
    case "jsonl":
      return jsonlColumnNames(path, resolved);
    case "parquet":
      return (await parquetReader()).parquetColumnNames(path);
  }
}

/**
 * The Parquet reader, loaded with its codecs (hyparquet, its compressors' WebAssembly) the first time a Parquet file
 * is read: some 10 MB of the resident memory of every CSV or JSON Lines run.
 */
function parquetReader(): Promise<typeof import("./parquetReader.js")> {
  return import("./parquetReader.js");
}
