import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  loadCsvColumns,
  loadJsonlWith,
  newReader,
  newReader2,
  readCsvHeader,
  scanJsonlWith,
  scanRecords
} from "./chunk-TPKJ4BDL.js";
import {
  SCAN_CHUNK_CELLS,
  openDataSource
} from "./chunk-FDVPQZHU.js";
import {
  ModelguardError
} from "./chunk-7XDOXOVQ.js";

// src/collectGarbage.ts
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
var gc;
function collectGarbage() {
  gc ??= exposedGc();
  gc();
}
function exposedGc() {
  const own = globalThis.gc;
  if (typeof own === "function") return own;
  try {
    setFlagsFromString("--expose-gc");
    const made = runInNewContext("typeof gc === 'function' ? gc : undefined");
    return typeof made === "function" ? made : () => {
    };
  } finally {
    setFlagsFromString("--no-expose-gc");
  }
}

// src/data/unchangedFile.ts
import { stat } from "node:fs/promises";
var UnchangedFile = class _UnchangedFile {
  constructor(file, identity) {
    this.file = file;
    this.identity = identity;
  }
  file;
  identity;
  /** Take this after the file was opened: a missing or unreadable file is the opener's error, with its hint. */
  static async of(file) {
    return new _UnchangedFile(file, await fileIdentity(file));
  }
  /** Throws the input error when the file is no longer the one first read. */
  async check() {
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

// src/data/csvColumnPasses.ts
var CsvColumnPasses = class _CsvColumnPasses {
  constructor(file, options, header, last, unchanged) {
    this.file = file;
    this.options = options;
    this.header = header;
    this.last = last;
    this.unchanged = unchanged;
  }
  file;
  options;
  header;
  last;
  unchanged;
  /**
   * Reads the header (errors as scanTable's: an empty file, a repeated or empty name). `shareBuffersWith`: passes
   * over another file whose read buffers these passes take over and hand back, pass after pass (drift reads its two
   * files by turns, and held two sets of some 12 MB); passes of the two must not run at once.
   */
  static async open(file, options, shareBuffersWith) {
    const fh = await openDataSource(file, options.decompression);
    try {
      const unchanged = await UnchangedFile.of(file);
      const header = await readCsvHeader(fh, file, options.delimiter);
      return new _CsvColumnPasses(file, options, header, shareBuffersWith?.last ?? { done: null }, unchanged);
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
  async *scan(sources, types, maxChunkRows = 1e5, chunkCells = SCAN_CHUNK_CELLS) {
    const names = this.header.names;
    const plans = [];
    for (let j = 0; j < sources.length; j++) {
      const source = sources[j];
      plans.push({ name: names[source], source, type: types[j], forced: true });
    }
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
};

// src/data/jsonlColumnPasses.ts
var JsonlColumnPasses = class _JsonlColumnPasses {
  constructor(file, options, reader, unchanged) {
    this.file = file;
    this.options = options;
    this.reader = reader;
    this.unchanged = unchanged;
  }
  file;
  options;
  reader;
  unchanged;
  /**
   * Every key, in order of first appearance: the reader's own names, not a copy (0.8 MB for 100,000 keys). They stay
   * as the first read left them: a pass starts knowing them all (restart keeps them) and meets no key it does not
   * know, the file being the one first read (UnchangedFile).
   */
  get names() {
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
  static async openWide(file, options, keys, shareWith) {
    const fh = await openDataSource(file, options.decompression);
    try {
      const unchanged = await UnchangedFile.of(file);
      const reader = newReader2(fh, file, options, shareWith?.reader);
      if (await reader.next(1) && reader.names.length <= keys) return null;
      while (await reader.next()) ;
      return new _JsonlColumnPasses(file, options, reader, unchanged);
    } finally {
      await fh.close();
    }
  }
  /**
   * The Table loadTable gives with the load option `columns` of these names (those the file lacks are left out),
   * their types inferred as loadJsonl infers them, except those `types` forces (the open options' types by default).
   */
  async load(names, types = this.options.types) {
    const options = { ...this.options, columns: new Set(names), types };
    await this.unchanged.check();
    const fh = await openDataSource(this.file, options.decompression);
    try {
      return await loadJsonlWith(
        this.reader.reopen(fh, (name) => options.columns.has(name)),
        fh,
        this.file,
        options
      );
    } finally {
      await fh.close();
    }
  }
  /**
   * The chunks scanTable gives with the load options `columns` of these names and `types`, which must force each
   * name's type: at most `maxChunkRows` rows and `chunkCells` cells each, one 0-row table for a file without records.
   */
  async *scan(names, types, maxChunkRows = 1e5, chunkCells = SCAN_CHUNK_CELLS) {
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
};

export {
  collectGarbage,
  CsvColumnPasses,
  JsonlColumnPasses
};
