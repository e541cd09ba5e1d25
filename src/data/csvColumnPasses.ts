import { loadCsvColumns, newReader, scanRecords } from "./csvReader.js";
import { readCsvHeader, type CsvHeader, type CsvRecordReader } from "./csvRecordReader.js";
import { SCAN_CHUNK_CELLS, type ResolvedLoadOptions } from "./loadOptions.js";
import { openDataSource } from "./openDataSource.js";
import type { ColumnType, Table } from "./table.js";
import type { ColumnPlan } from "./tableAssembler.js";
import { UnchangedFile } from "./unchangedFile.js";

/**
 * A CSV file read once per block of its columns (validate of a very wide file keeps one block's chunk alive, not every
 * column's; drift one block's samples), each column's type given (scan) or inferred as loadTable infers it (load). The
 * header is read once and each pass's reader takes over the buffers of the pass before: a pass of scanTable parsed the
 * 100,000 names of a wide header again and left its reader's buffers (some 13 MB) to a garbage collection that came
 * several passes later.
 */
export class CsvColumnPasses {
  private constructor(
    private readonly file: string,
    private readonly options: ResolvedLoadOptions,
    private readonly header: CsvHeader,
    /** The reader of the last pass, done: its buffers go to the next (of these passes or of those sharing them). */
    private readonly last: { done: CsvRecordReader | null },
    /** The file as the header was read from it. */
    private readonly unchanged: UnchangedFile,
  ) {}

  /**
   * Reads the header (errors as scanTable's: an empty file, a repeated or empty name). `shareBuffersWith`: passes
   * over another file whose read buffers these passes take over and hand back, pass after pass (drift reads its two
   * files by turns, and held two sets of some 12 MB); passes of the two must not run at once.
   */
  static async open(
    file: string,
    options: ResolvedLoadOptions,
    shareBuffersWith?: CsvColumnPasses,
  ): Promise<CsvColumnPasses> {
    // Opened first: a missing or unreadable file is openDataSource's error, with its message and hint.
    const fh = await openDataSource(file, options.decompression);
    try {
      const unchanged = await UnchangedFile.of(file);
      const header = await readCsvHeader(fh, file, options.delimiter);
      return new CsvColumnPasses(file, options, header, shareBuffersWith?.last ?? { done: null }, unchanged);
    } finally {
      await fh.close();
    }
  }

  /** The header's names, in file order. */
  get names(): readonly string[] {
    return this.header.names;
  }

  /**
   * The Table loadTable gives with the load options `columns` and `types` of these columns (the header's fields
   * `sources`, ascending): their types inferred as loadCsv infers them, except those `types` forces (by name; the
   * open options' types by default).
   */
  async load(sources: readonly number[], types: ReadonlyMap<string, ColumnType> = this.options.types): Promise<Table> {
    const names = this.header.names;
    const plans: ColumnPlan[] = [];
    for (const source of sources) {
      const name = names[source]!;
      const forced = types.get(name);
      plans.push({ name, source, type: forced ?? null, forced: forced !== undefined });
    }
    await this.unchanged.check();
    const fh = await openDataSource(this.file, this.options.decompression);
    try {
      const done = this.last.done;
      this.last.done = null;
      const { table, reader } = await loadCsvColumns(fh, this.file, this.header, this.options, plans, done);
      this.last.done = reader;
      return table;
    } finally {
      await fh.close();
    }
  }

  /**
   * The chunks scanTable gives with the load options `columns` and `types` of these columns (the header's fields
   * `sources`, ascending, and their forced types): at most `maxChunkRows` rows and `chunkCells` cells each, one 0-row
   * table for a file without records.
   */
  async *scan(
    sources: readonly number[],
    types: readonly ColumnType[],
    maxChunkRows = 100_000,
    chunkCells = SCAN_CHUNK_CELLS,
  ): AsyncGenerator<Table> {
    const names = this.header.names;
    const plans: ColumnPlan[] = [];
    for (let j = 0; j < sources.length; j++) {
      const source = sources[j]!;
      plans.push({ name: names[source]!, source, type: types[j]!, forced: true });
    }
    // A compressed file cannot go back to its start: each pass opens the file again.
    await this.unchanged.check();
    const fh = await openDataSource(this.file, this.options.decompression);
    try {
      const reader = newReader(fh, this.file, this.header, this.options, this.last.done);
      this.last.done = null;
      yield* scanRecords(reader, this.file, plans, this.options, maxChunkRows, chunkCells);
      this.last.done = reader;
    } finally {
      await fh.close();
    }
  }
}
