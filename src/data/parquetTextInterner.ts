import { grownInt32Array } from "./smallTypedArray.js";

/**
 * The distinct byte strings of one Parquet text column, each decoded to a JS string once: a repeated value (a PLAIN
 * page's category, a dictionary page read again in every row group) is hashed (FNV-1a) and compared byte for byte
 * against the copy kept in an arena, so it costs neither a string nor a Map lookup by string. A value's index in
 * `texts` is its index for the whole column (every row group), so the table's code of each is looked up once.
 *
 * Two byte strings that decode to the same text (invalid UTF-8 becomes U+FFFD) are two entries with equal texts: the
 * caller's map from text to table code makes them one category, as decoding every value did.
 *
 * A column of (nearly) unique values (ids) gains nothing from this and pays for hashing and keeping every value's
 * bytes: once a column's first MEASURE_AFTER values were mostly new, it stops matching and only decodes (`texts`
 * then restarts with each chunk, as the strings did before there was an interner). Either way the bytes kept are
 * bounded: past MAX_ARENA_BYTES the interner starts over before the next chunk.
 */
const MAX_ARENA_BYTES = 32 * 1024 * 1024;
const MEASURE_AFTER = 50_000;

const utf8 = new TextDecoder();

export class ParquetTextInterner {
  /** Distinct byte strings as text, in order of first appearance; a new array when beforeChunk starts over. */
  texts: string[] = [];
  private slots = new Int32Array(1024); // entry index + 1, 0 = empty
  private mask = 1023;
  private hashes = new Int32Array(512);
  private offsets = new Int32Array(512);
  private lengths = new Int32Array(512);
  private arena = new Uint8Array(1 << 14);
  private arenaUsed = 0;
  /** Values interned since the start (or the last reset), to tell a column of repeats from one of unique values. */
  private calls = 0;
  /** Decode only: the column's values were mostly distinct. */
  private unique = false;
  /** A Buffer view of the last `bytes` (a page): latin1 decoding without a new view per value. */
  private viewOf: Uint8Array | null = null;
  private view: Buffer = Buffer.alloc(0);

  /** The bounds are options for tests only. */
  constructor(
    private readonly limits: { maxArenaBytes: number; measureAfter: number } = {
      maxArenaBytes: MAX_ARENA_BYTES,
      measureAfter: MEASURE_AFTER,
    },
  ) {}

  /**
   * Called before each chunk of the column (never within one: its codes all index one `texts`): starts over when the
   * bytes kept passed their bound, or when decoding only (each chunk has its own texts then).
   */
  beforeChunk(): void {
    if (!this.unique && this.calls >= this.limits.measureAfter && this.texts.length * 2 > this.calls) {
      this.unique = true;
      this.slots = new Int32Array(0);
      this.arena = new Uint8Array(0);
    }
    if (this.unique || this.arenaUsed > this.limits.maxArenaBytes) {
      this.texts = [];
      if (!this.unique) {
        this.slots = new Int32Array(1024);
        this.mask = 1023;
        this.calls = 0;
      }
      this.arenaUsed = 0;
    }
  }

  /** The index in `texts` of bytes[start, end), decoded the first time it is seen. */
  intern(bytes: Uint8Array, start: number, end: number): number {
    if (this.unique) {
      this.texts.push(this.textOf(bytes, start, end));
      return this.texts.length - 1;
    }
    this.calls++;
    // the FNV offset basis as an int32, so that it compares equal to its Int32Array copy
    let h = 0x811c9dc5 | 0;
    for (let p = start; p < end; p++) h = Math.imul(h ^ bytes[p]!, 16777619);
    const len = end - start;
    const slots = this.slots;
    const mask = this.mask;
    let slot = h & mask;
    for (;;) {
      const idx = slots[slot]!;
      if (idx === 0) break;
      const entry = idx - 1;
      if (this.hashes[entry] === h && this.lengths[entry] === len) {
        const arena = this.arena;
        const off = this.offsets[entry]!;
        let i = 0;
        while (i < len && arena[off + i] === bytes[start + i]) i++;
        if (i === len) return entry;
      }
      slot = (slot + 1) & mask;
    }
    return this.insert(bytes, start, end, h, slot);
  }

  private insert(bytes: Uint8Array, start: number, end: number, h: number, slot: number): number {
    const len = end - start;
    const entry = this.texts.length;
    if (entry === this.hashes.length) {
      this.hashes = grownInt32Array(this.hashes);
      this.offsets = grownInt32Array(this.offsets);
      this.lengths = grownInt32Array(this.lengths);
    }
    if (this.arenaUsed + len > this.arena.length) {
      const next = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + len));
      next.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = next;
    }
    this.arena.set(bytes.subarray(start, end), this.arenaUsed);
    this.hashes[entry] = h;
    this.offsets[entry] = this.arenaUsed;
    this.lengths[entry] = len;
    this.arenaUsed += len;
    this.texts.push(this.textOf(bytes, start, end));
    this.slots[slot] = entry + 1;
    if (this.texts.length * 2 > this.slots.length) this.rehash();
    return entry;
  }

  /**
   * The text of a byte array as hyparquet gives it: ASCII (ids, codes, most categories) read as latin1 from a Buffer
   * view of the page, which is the same text without a TextDecoder call; anything else through the TextDecoder
   * hyparquet uses, so invalid UTF-8 gets the same replacement characters.
   */
  private textOf(bytes: Uint8Array, start: number, end: number): string {
    for (let k = start; k < end; k++) if (bytes[k]! >= 0x80) return utf8.decode(bytes.subarray(start, end));
    if (this.viewOf !== bytes) {
      this.viewOf = bytes;
      this.view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    return this.view.toString("latin1", start, end);
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let e = 0; e < this.texts.length; e++) {
      let slot = this.hashes[e]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = e + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
