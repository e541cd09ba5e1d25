/** A fixed-width column of a WaitingSide: one typed array, grown and moved with the others. */
export type TypedColumn = Float64Array | Int32Array | Uint8Array;

type TypedConstructor = Float64ArrayConstructor | Int32ArrayConstructor | Uint8ArrayConstructor;

/**
 * A side as of one moment, for a checkpoint to write while the side goes on changing: slots [0, span), live where
 * `live` is 1 (null: all are). The arrays may be the side's own (see WaitingSide.pin): read them, never write them.
 */
export interface WaitingSideCopy {
  /** Live entries among the span. */
  size: number;
  span: number;
  live: Uint8Array | null;
  ids: readonly string[];
  typed: readonly TypedColumn[];
  plain: readonly (readonly (string | undefined)[])[];
}

const FIRST_CAPACITY = 1024;

/**
 * One side of the label join (events waiting for a label, labels waiting for an event, ids joined): entries by id, in
 * arrival order, kept as columns rather than an object per entry. Slots are appended at the tail; a deleted entry
 * leaves a hole (its live flag 0) that the head skips, and when the tail reaches the capacity the live entries are
 * moved to the front (when holes are at least a quarter of it) or the columns double. Only `index` (id -> slot) is a
 * Map (ids are data: never object keys).
 *
 * Why columns: a checkpoint must write the state of one journal offset while ingest goes on. `pin` gives it that state
 * for the cost of copying one byte per slot (the live flags): until `unpin`, nothing writes a slot below the pinned
 * span in place (appends go past it, deletes only clear the flag, the tail grows the columns instead of moving
 * entries, and the one in-place update copies its column first). A Map of a million objects would need a million
 * allocations on the event loop to copy. It is also smaller: about 90 bytes of heap per waiting event (the Map entry,
 * the id string, the columns) instead of about 190 with an object each.
 */
export class WaitingSide {
  private readonly index = new Map<string, number>();
  /** Ids by slot; a dead slot's id is cleared ("") unless a pin holds it, then at the next move. */
  ids: string[] = [];
  /** 1 where the slot holds a live entry. */
  private live: Uint8Array;
  /** The fixed-width columns, in the order given to the constructor. */
  typed: TypedColumn[];
  /** Columns of references (strings of a value column), by slot; undefined where the slot has none. */
  plain: (string | undefined)[][];
  /** First live slot (or tail when empty). */
  private head = 0;
  /** Next free slot. */
  private tail = 0;
  private capacity = FIRST_CAPACITY;
  /** While a checkpoint holds a pin: its span and the typed arrays it reads (-1: no pin). */
  private pinnedSpan = -1;
  private pinnedTyped: TypedColumn[] = [];

  constructor(
    private readonly kinds: readonly TypedConstructor[],
    plainColumns: number,
  ) {
    this.live = new Uint8Array(FIRST_CAPACITY);
    this.typed = kinds.map((K) => new K(FIRST_CAPACITY));
    this.plain = Array.from({ length: plainColumns }, () => []);
  }

  get size(): number {
    return this.index.size;
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  /** The slot of id, or -1. */
  slotOf(id: string): number {
    return this.index.get(id) ?? -1;
  }

  /** The oldest entry's slot, or -1 when empty. */
  oldest(): number {
    return this.head < this.tail ? this.head : -1;
  }

  /** Appends id (not present) and returns its slot; the caller fills the columns at it (a new slot: never pinned). */
  add(id: string): number {
    if (this.tail === this.capacity) this.makeRoom();
    const slot = this.tail++;
    this.ids[slot] = id;
    this.live[slot] = 1;
    this.index.set(id, slot);
    return slot;
  }

  /** Sets typed column `col` at an existing slot: copies the column first when a pin reads that slot of it. */
  setTyped(col: number, slot: number, value: number): void {
    if (slot < this.pinnedSpan && this.typed[col] === this.pinnedTyped[col]) this.typed[col] = this.typed[col]!.slice();
    this.typed[col]![slot] = value;
  }

  /** Deletes the entry at slot (live). */
  deleteSlot(slot: number): void {
    this.index.delete(this.ids[slot]!);
    this.live[slot] = 0;
    // A pinned slot keeps its id and strings for the checkpoint (cleared when entries move).
    if (slot >= this.pinnedSpan) {
      this.ids[slot] = "";
      for (const col of this.plain) if (col[slot] !== undefined) col[slot] = undefined;
    }
    if (slot === this.head) this.skipHoles();
  }

  /** Deletes id; false when it is not here. */
  delete(id: string): boolean {
    const slot = this.index.get(id);
    if (slot === undefined) return false;
    this.deleteSlot(slot);
    return true;
  }

  /** Live slots in arrival order. */
  *slots(): Generator<number> {
    for (let s = this.head; s < this.tail; s++) if (this.live[s] === 1) yield s;
  }

  clear(): void {
    this.index.clear();
    this.ids = [];
    this.capacity = FIRST_CAPACITY;
    this.live = new Uint8Array(FIRST_CAPACITY);
    this.typed = this.kinds.map((K) => new K(FIRST_CAPACITY));
    this.plain = this.plain.map(() => []);
    this.head = this.tail = 0;
  }

  /**
   * The side as of now, for a checkpoint (one at a time) to read until `unpin`: its own arrays, and a copy of the
   * live flags (one byte per slot: the only part deletes change in place).
   */
  pin(): WaitingSideCopy {
    if (this.pinnedSpan >= 0) throw new Error("a waiting side is pinned twice");
    const span = this.tail;
    this.pinnedSpan = span;
    this.pinnedTyped = [...this.typed];
    return {
      size: this.index.size,
      span,
      live: this.live.slice(0, span),
      ids: this.ids,
      typed: this.pinnedTyped,
      plain: this.plain,
    };
  }

  unpin(): void {
    this.pinnedSpan = -1;
    this.pinnedTyped = [];
  }

  private skipHoles(): void {
    while (this.head < this.tail && this.live[this.head] === 0) this.head++;
    if (this.head === this.tail && this.pinnedSpan < 0) {
      // Empty: start over at slot 0 (nothing to move). Not under a pin: slot 0 on would be written in place.
      this.head = this.tail = 0;
      this.ids = [];
      this.plain = this.plain.map(() => []);
    }
  }

  /** The tail reached the capacity: move the live entries to the front, or double the columns. */
  private makeRoom(): void {
    // Moving writes slots in place: under a pin the columns grow instead (bounded: one checkpoint's worth).
    if (this.pinnedSpan < 0 && this.tail - this.index.size >= this.capacity / 4) {
      let to = 0;
      for (let from = this.head; from < this.tail; from++) {
        if (this.live[from] === 0) continue;
        if (to !== from) {
          const id = this.ids[from]!;
          this.ids[to] = id;
          this.live[to] = 1;
          for (const col of this.typed) col[to] = col[from]!;
          for (const col of this.plain) col[to] = col[from];
          this.index.set(id, to);
        }
        to++;
      }
      this.live.fill(0, to, this.tail);
      this.ids.length = to;
      for (const col of this.plain) col.length = Math.min(col.length, to);
      this.head = 0;
      this.tail = to;
      return;
    }
    this.capacity *= 2;
    const live = new Uint8Array(this.capacity);
    live.set(this.live);
    this.live = live;
    this.typed = this.typed.map((c, k) => {
      const grown = new this.kinds[k]!(this.capacity);
      grown.set(c);
      return grown;
    });
  }
}
