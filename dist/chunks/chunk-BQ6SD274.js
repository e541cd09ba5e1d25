import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  SCAN_CHUNK_CELLS,
  loadCsvColumns,
  newReader,
  openDataSource,
  readCsvHeader,
  scanRecords
} from "./chunk-CWLHCH23.js";
import {
  ModelguardError
} from "./chunk-FVTIIIIB.js";

// src/data/csvColumnPasses.ts
import { stat } from "node:fs/promises";
var CsvColumnPasses = class _CsvColumnPasses {
  constructor(file, options, header, last, identity) {
    this.file = file;
    this.options = options;
    this.header = header;
    this.last = last;
    this.identity = identity;
  }
  file;
  options;
  header;
  last;
  identity;
  /**
   * Reads the header (errors as scanTable's: an empty file, a repeated or empty name). `shareBuffersWith`: passes
   * over another file whose read buffers these passes take over and hand back, pass after pass (drift reads its two
   * files by turns, and held two sets of some 12 MB); passes of the two must not run at once.
   */
  static async open(file, options, shareBuffersWith) {
    const fh = await openDataSource(file, options.decompression);
    try {
      const identity = await fileIdentity(file);
      const header = await readCsvHeader(fh, file, options.delimiter);
      return new _CsvColumnPasses(file, options, header, shareBuffersWith?.last ?? { done: null }, identity);
    } finally {
      await fh.close();
    }
  }
  /** The header's names, in file order. */
  get names() {
    return this.header.names;
  }
  /**
   * The Table loadTable gives with the load options `columns` and `types` of these columns (the header's fields
   * `sources`, ascending): their types inferred as loadCsv infers them, except those `types` forces (by name; the
   * open options' types by default).
   */
  async load(sources, types = this.options.types) {
    const names = this.header.names;
    const plans = [];
    for (const source of sources) {
      const name = names[source];
      const forced = types.get(name);
      plans.push({ name, source, type: forced ?? null, forced: forced !== void 0 });
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
  async *scan(sources, types, maxChunkRows = 1e5, chunkCells = SCAN_CHUNK_CELLS) {
    const names = this.header.names;
    const plans = [];
    for (let j = 0; j < sources.length; j++) {
      const source = sources[j];
      plans.push({ name: names[source], source, type: types[j], forced: true });
    }
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
  async checkUnchanged() {
    if (await fileIdentity(this.file) === this.identity) return;
    throw new ModelguardError(
      "input",
      `${this.file} changed while it was being read (a file this wide is read once per block of its columns)`,
      "run again once nothing writes to the file, or on a copy of it",
      { file: this.file }
    );
  }
};
async function fileIdentity(file) {
  try {
    const s = await stat(file, { bigint: true });
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch {
    return "gone";
  }
}

export {
  CsvColumnPasses
};
