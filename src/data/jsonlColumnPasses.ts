import { loadJsonlWith, newReader, scanJsonlWith } from "./jsonlReader.js";
import type { JsonlRecordReader } from "./jsonlRecordReader.js";
import { SCAN_CHUNK_CELLS, type ResolvedLoadOptions } from "./loadOptions.js";
import { openDataSource } from "./openDataSource.js";
import type { ColumnType, Table } from "./table.js";
import { UnchangedFile } from "./unchangedFile.js";

/**
 * A JSON Lines file read once per block of its columns, as CsvColumnPasses reads a CSV file: each pass gives what
 * loadTable or scanTable gives with the load option `columns` of that block. A first pass finds the keys (the file's
 * columns, in order of first appearance); one record reader serves every pass, knowing every key from the start (a
 * reader per pass registered the 100,000 keys of a wide record again, some 20 MB of strings each time).
 *
 * A key known from the start is what a one pass's reader learns only when the key first appears. That changes no
 * result: a key first seen past the type sample has no value in it, so it is typed from all its values, as one pass
 * types a key it meets there (load); its absent cells before are missing either way. But scanTable calls such a key
 * "string" where a known key without a value in the sample is read on for its type: scan takes forced types only.
 */
export class JsonlColumnPasses {
  private constructor(
    private readonly file: string,
    private readonly options: ResolvedLoadOptions,
    private readonly reader: JsonlRecordReader,
    private readonly unchanged: UnchangedFile,
  ) {}

  /**
   * Every key, in order of first appearance: the reader's own names, not a copy (0.8 MB for 100,000 keys). They stay
   * as the first read left them: a pass starts knowing them all (restart keeps them) and meets no key it does not
   * know, the file being the one first read (UnchangedFile).
   */
  get names(): readonly string[] {
    return this.reader.names;
  }

  /**
   * Reads the file once for its keys. That pass loads the columns `options` wants (all, or its `columns`) and so
   * fails where one pass of loadTable would: a line that is not a flat JSON object, a nested value in a wanted
   * column, an empty key, invalid UTF-8, an empty file.
   *
   * Null when the first record has at most `keys` keys, without reading the rest of the file: a file of
   * few keys (most JSON Lines) is read in one pass, and finding its keys first cost a whole read more (a 27 MB file of
   * 5 keys: validate 1.4-1.5 s became 2.1-2.5 s). A file whose keys only grow past `keys` in later records is read in
   * one pass too. `shareWith`: passes over another file, read by turns with these (never at once), whose read buffer,
   * cell arrays and key strings these use too (drift's two sides: a 4 MB buffer, a record's cells and 100,000 keys'
   * strings once).
   */
  static async openWide(
    file: string,
    options: ResolvedLoadOptions,
    keys: number,
    shareWith?: JsonlColumnPasses,
  ): Promise<JsonlColumnPasses | null> {
    // Opened first: a missing or unreadable file is openDataSource's error, with its message and hint.
    const fh = await openDataSource(file, options.decompression);
    try {
      const unchanged = await UnchangedFile.of(file);
      const reader = newReader(fh, file, options, shareWith?.reader);
      if ((await reader.next(1)) && reader.names.length <= keys) return null;
      while (await reader.next());
      return new JsonlColumnPasses(file, options, reader, unchanged);
    } finally {
      await fh.close();
    }
  }

  /**
   * The Table loadTable gives with the load option `columns` of these names (those the file lacks are left out),
   * their types inferred as loadJsonl infers them, except those `types` forces (the open options' types by default).
   */
  async load(names: Iterable<string>, types: ReadonlyMap<string, ColumnType> = this.options.types): Promise<Table> {
    const options = { ...this.options, columns: new Set(names), types };
    await this.unchanged.check();
    const fh = await openDataSource(this.file, options.decompression);
    try {
      return await loadJsonlWith(
        this.reader.reopen(fh, (name) => options.columns.has(name)),
        fh,
        this.file,
        options,
      );
    } finally {
      await fh.close();
    }
  }

  /**
   * The chunks scanTable gives with the load options `columns` of these names and `types`, which must force each
   * name's type: at most `maxChunkRows` rows and `chunkCells` cells each, one 0-row table for a file without records.
   */
  async *scan(
    names: Iterable<string>,
    types: ReadonlyMap<string, ColumnType>,
    maxChunkRows = 100_000,
    chunkCells = SCAN_CHUNK_CELLS,
  ): AsyncGenerator<Table> {
    const options = { ...this.options, columns: new Set(names), types };
    for (const name of options.columns) if (!types.has(name)) throw new RangeError(`no type for column ${name}`);
    await this.unchanged.check();
    const fh = await openDataSource(this.file, options.decompression);
    try {
      const reader = this.reader.reopen(fh, (name) => options.columns.has(name));
      yield* scanJsonlWith(reader, this.file, options, maxChunkRows, chunkCells);
    } finally {
      await fh.close();
    }
  }
}
