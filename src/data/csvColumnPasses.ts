import { stat } from "node:fs/promises";
import { ModelguardError } from "../errors.js";
import { loadCsvColumns, newReader, scanRecords } from "./csvReader.js";
import { readCsvHeader, type CsvHeader, type CsvRecordReader } from "./csvRecordReader.js";
import { SCAN_CHUNK_CELLS, type ResolvedLoadOptions } from "./loadOptions.js";
import { openDataSource } from "./openDataSource.js";
import type { ColumnType, Table } from "./table.js";
import type { ColumnPlan } from "./tableAssembler.js";

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
    /** The file as the header was read from it (device, inode, size, modification time). */
    private readonly identity: string,
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
      const identity = await fileIdentity(file);
      const header = await readCsvHeader(fh, file, options.delimiter);
      return new CsvColumnPasses(file, options, header, shareBuffersWith?.last ?? { done: null }, identity);
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
    await this.checkUnchanged();
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
    await this.checkUnchanged();
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

  /**
   * Each pass reads the file again from the header's end: a file written to (or replaced) between passes would mix
   * rows of two files in one result, so that is an input error instead.
   */
  private async checkUnchanged(): Promise<void> {
    if ((await fileIdentity(this.file)) === this.identity) return;
    throw new ModelguardError(
      "input",
      `${this.file} changed while it was being read (a file this wide is read once per block of its columns)`,
      "run again once nothing writes to the file, or on a copy of it",
      { file: this.file },
    );
  }
}

/** The file's device, inode, size and modification time; "gone" once it cannot be found (removed between passes). */
async function fileIdentity(file: string): Promise<string> {
  try {
    const s = await stat(file, { bigint: true });
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch {
    return "gone";
  }
}
