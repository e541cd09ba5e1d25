import type { NaMatcher } from "./naMatcher.js";
import { grownInt32Array, newInt32Array, newUint8Array } from "./smallTypedArray.js";
import { utf8Text } from "./utf8Text.js";

/**
 * Dictionary encoding straight from bytes: a repeated value is hashed (FNV-1a) and compared byte for byte against
 * the copy kept in an arena, and decoded to a JS string only the first time it is seen. NA strings map to -1.
 * Open addressing with linear probing; the slot table doubles at half load. Everything starts small and grows with
 * the distinct values: a wide file has one interner per column, whose small arrays share slabs (smallTypedArray.ts).
 */
export class ByteInterner {
  /** Distinct non-missing values, in order of first appearance; a value's code is its index here. */
  readonly dictionary: string[] = [];
  private slots: Int32Array; // entry index + 1, 0 = empty
  private mask: number;
  private hashes = newInt32Array(8);
  private offsets = newInt32Array(8);
  private lengths = newInt32Array(8);
  private codes = newInt32Array(8);
  private arena = newUint8Array(64);
  private arenaUsed = 0;
  private entries = 0;

  /** Distinct byte strings seen (NA strings included). */
  get size(): number {
    return this.entries;
  }

  /**
   * @param spelling the text of a new value's bytes when it already has a string for them (another interner's: see
   * `find`), so that equal values of two interners are one string; undefined, and the bytes are decoded.
   */
  constructor(
    private readonly na: NaMatcher,
    private readonly spelling?: (bytes: Uint8Array, start: number, end: number) => string | undefined,
  ) {
    this.slots = newInt32Array(16);
    this.mask = 15;
  }

  /** Code of bytes[start, end): its dictionary index, or -1 for an NA string or an absent cell (start < 0). */
  intern(bytes: Uint8Array, start: number, end: number): number {
    if (start < 0) return -1;
    const h = hash(bytes, start, end);
    const slot = this.probe(bytes, start, end, h);
    const idx = this.slots[slot]!;
    return idx !== 0 ? this.codes[idx - 1]! : this.insert(bytes, start, end, h, slot);
  }

  /** The code of bytes[start, end) when interned already (-1 for an NA string), undefined when not; nothing added. */
  find(bytes: Uint8Array, start: number, end: number): number | undefined {
    const idx = this.slots[this.probe(bytes, start, end, hash(bytes, start, end))]!;
    return idx !== 0 ? this.codes[idx - 1]! : undefined;
  }

  /** The slot of bytes[start, end): the one holding them, or the empty one where they would go. */
  private probe(bytes: Uint8Array, start: number, end: number, h: number): number {
    const len = end - start;
    const slots = this.slots;
    const mask = this.mask;
    let slot = h & mask;
    while (true) {
      const idx = slots[slot]!;
      if (idx === 0) return slot;
      const entry = idx - 1;
      if (this.hashes[entry] === h && this.lengths[entry] === len) {
        const arena = this.arena;
        let i = 0;
        const off = this.offsets[entry]!;
        while (i < len && arena[off + i] === bytes[start + i]) i++;
        if (i === len) return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  private insert(bytes: Uint8Array, start: number, end: number, h: number, slot: number): number {
    const len = end - start;
    const entry = this.entries++;
    if (entry === this.hashes.length) {
      this.hashes = grownInt32Array(this.hashes);
      this.offsets = grownInt32Array(this.offsets);
      this.lengths = grownInt32Array(this.lengths);
      this.codes = grownInt32Array(this.codes);
    }
    if (this.arenaUsed + len > this.arena.length) {
      const next = newUint8Array(Math.max(this.arena.length * 2, this.arenaUsed + len));
      next.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = next;
    }
    // A short value byte by byte: a subarray view a value was some 100 bytes of garbage (20 MB for 200,000 keys).
    const arena = this.arena;
    if (len <= 64) for (let i = 0, at = this.arenaUsed; i < len; i++) arena[at + i] = bytes[start + i]!;
    else arena.set(bytes.subarray(start, end), this.arenaUsed);
    this.hashes[entry] = h;
    this.offsets[entry] = this.arenaUsed;
    this.lengths[entry] = len;
    this.arenaUsed += len;
    let code = -1;
    if (!this.na.matches(bytes, start, end)) {
      code = this.dictionary.length;
      this.dictionary.push(this.spelling?.(bytes, start, end) ?? utf8Text(bytes, start, end));
    }
    this.codes[entry] = code;
    this.slots[slot] = entry + 1;
    if (this.entries * 2 > this.slots.length) this.rehash();
    return code;
  }

  private rehash(): void {
    const slots = newInt32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let e = 0; e < this.entries; e++) {
      let slot = this.hashes[e]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = e + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/**
 * FNV-1a of bytes[start, end), as an int32 (the offset basis too): so that the hash of "" (no bytes) compares equal
 * to its Int32Array copy.
 */
function hash(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let p = start; p < end; p++) h = Math.imul(h ^ bytes[p]!, 16777619);
  return h;
}
