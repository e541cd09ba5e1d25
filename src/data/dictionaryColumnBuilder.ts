import { ByteInterner } from "./byteInterner.js";
import type { BuildMode, CellBatch } from "./cellBatch.js";
import {
  classifyCell,
  isCategoryCardinality,
  parseBooleanBytes,
  trimEnd,
  trimStart,
  typeFromCounts,
} from "./inferColumnType.js";
import type { NaMatcher } from "./naMatcher.js";
import { parseDatetimeBytes } from "./parseDatetime.js";
import { fitLength } from "./numericColumnBuilder.js";
import { parseNumberBytes } from "./parseNumber.js";
import { newInt32Array } from "./smallTypedArray.js";
import type { Column, DictionaryColumn } from "./table.js";

/** Builds one category/string column: one interned code per cell (-1 for missing). */
export class DictionaryColumnBuilder {
  codes: Int32Array;
  private readonly interner: ByteInterner;

  /**
   * @param reinfer mode "infer" only: the type is not known yet (the inference sample was all missing, or the
   *   column is being re-read after a cell did not fit its inferred type); `finish` infers it from the dictionary.
   */
  constructor(
    readonly name: string,
    readonly type: "category" | "string",
    readonly mode: BuildMode,
    private readonly na: NaMatcher,
    capacity: number,
    readonly reinfer = false,
  ) {
    this.codes = newInt32Array(capacity); // as asked: see NumericColumnBuilder
    this.interner = new ByteInterner(na);
  }

  /** Room for `rows` rows: grows by half (never past `limit` unless `rows` is), so memory follows the rows seen. */
  ensureCapacity(rows: number, limit = Infinity): void {
    if (rows <= this.codes.length) return;
    const codes = newInt32Array(Math.max(rows, Math.min(Math.ceil(this.codes.length * 1.5), limit)));
    codes.set(this.codes);
    this.codes = codes;
  }

  decode(batch: CellBatch, col: number, rowBase: number): void {
    const { bytes, starts, ends, stride, rows } = batch;
    const codes = this.codes;
    const interner = this.interner;
    for (let r = 0, i = col; r < rows; r++, i += stride)
      codes[rowBase + r] = interner.intern(bytes, starts[i]!, ends[i]!);
  }

  fillMissing(from: number, to: number): void {
    this.ensureCapacity(to);
    this.codes.fill(-1, from, to);
  }

  /**
   * The column of the first `rows` rows. Mode "infer": category vs string is decided on the whole column, and with
   * `reinfer` the full type is inferred from the distinct values (an all-missing sample may hide numbers).
   */
  finish(rows: number): Column {
    const codes = fitLength(this.codes, rows);
    const dictionary = this.interner.dictionary;
    let type = this.type;
    if (this.mode === "infer") {
      let nonMissing = 0;
      for (let i = 0; i < rows; i++) if (codes[i]! >= 0) nonMissing++;
      if (this.reinfer) {
        const numeric = this.numericFromDictionary(codes, dictionary);
        if (numeric) return numeric;
      }
      type = isCategoryCardinality(dictionary.length, nonMissing) ? "category" : "string";
    }
    const column: DictionaryColumn = { kind: "dictionary", name: this.name, type, codes, dictionary };
    return column;
  }

  /** When every distinct value reads as one integer/number/boolean/datetime type: that numeric column. */
  private numericFromDictionary(codes: Int32Array, dictionary: string[]): Column | null {
    const counts = new Float64Array(7);
    const encoded = dictionary.map((v) => Buffer.from(v, "utf8"));
    for (const b of encoded) counts[classifyCell(b, 0, b.length, this.na)]!++;
    const type = typeFromCounts(counts, dictionary.length);
    if (type === "category" || type === "string") return null;
    const byCode = new Float64Array(dictionary.length);
    encoded.forEach((b, i) => {
      const s = trimStart(b, 0, b.length);
      const e = trimEnd(b, s, b.length);
      byCode[i] =
        type === "boolean"
          ? parseBooleanBytes(b, s, e)
          : type === "datetime"
            ? parseDatetimeBytes(b, s, e)
            : parseNumberBytes(b, s, e);
    });
    const rows = codes.length;
    const values = new Float64Array(rows);
    const valid = new Uint8Array(rows);
    for (let i = 0; i < rows; i++) {
      const c = codes[i]!;
      if (c < 0) values[i] = NaN;
      else {
        values[i] = byCode[c]!;
        valid[i] = 1;
      }
    }
    return { kind: "numeric", name: this.name, type, values, valid, invalid: new Map() };
  }
}
