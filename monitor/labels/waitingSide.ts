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
 * moved to the front (when holes are at least a quarter of it) or the columns double. Only `index` is a Map (ids are
 * data: never object keys), and it maps an id to a handle that stays while the entry lives, not to its slot: moving
 * entries then rewrites two typed arrays (handle -> slot, slot -> handle) instead of a Map entry per moved entry, which
 * took about 0.3 s for 700,000 on the loaded machine.
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
  /** Handle -> slot, and slot -> handle; handles of deleted entries are reused (a stack in `free`). */
  private slotOfHandle = new Int32Array(FIRST_CAPACITY);
  private handleOfSlot = new Int32Array(FIRST_CAPACITY);
  private free: number[] = [];
  private handles = 0;
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
    const h = this.index.get(id);
    return h === undefined ? -1 : this.slotOfHandle[h]!;
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
    let h = this.free.pop();
    if (h === undefined) {
      h = this.handles++;
      if (h === this.slotOfHandle.length) this.slotOfHandle = grown(this.slotOfHandle, 2 * h);
    }
    this.slotOfHandle[h] = slot;
    this.handleOfSlot[slot] = h;
    this.index.set(id, h);
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
    this.free.push(this.handleOfSlot[slot]!);
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
    const slot = this.slotOf(id);
    if (slot < 0) return false;
    this.deleteSlot(slot);
    return true;
  }

  /** Live slots in arrival order. */
  *slots(): Generator<number> {
    for (let s = this.head; s < this.tail; s++) if (this.live[s] === 1) yield s;
  }

  clear(): void {
    this.index.clear();
    this.slotOfHandle = new Int32Array(FIRST_CAPACITY);
    this.handleOfSlot = new Int32Array(FIRST_CAPACITY);
    this.free = [];
    this.handles = 0;
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
      // The live slots, oldest first; then each column moved by one tight loop over them (slots only move down).
      const keep = new Int32Array(this.index.size);
      let n = 0;
      for (let s = this.head; s < this.tail; s++) if (this.live[s] === 1) keep[n++] = s;
      for (const col of this.typed) moveDown(col, keep);
      for (const col of this.plain) {
        for (let i = 0; i < n; i++) col[i] = col[keep[i]!];
        col.length = Math.min(col.length, n);
      }
      const ids = this.ids;
      const handleOfSlot = this.handleOfSlot;
      const slotOfHandle = this.slotOfHandle;
      for (let i = 0; i < n; i++) {
        const from = keep[i]!;
        if (from === i) continue;
        ids[i] = ids[from]!;
        const h = handleOfSlot[from]!;
        handleOfSlot[i] = h;
        slotOfHandle[h] = i;
      }
      ids.length = n;
      this.live.fill(1, 0, n);
      this.live.fill(0, n, this.tail);
      this.head = 0;
      this.tail = n;
      return;
    }
    this.capacity *= 2;
    this.live = grown(this.live, this.capacity);
    this.handleOfSlot = grown(this.handleOfSlot, this.capacity);
    this.typed = this.typed.map((c, k) => {
      const grown = new this.kinds[k]!(this.capacity);
      grown.set(c);
      return grown;
    });
  }
}

/** col[i] = col[keep[i]] for each i (keep ascending, keep[i] >= i): one loop per column type. */
function moveDown(col: TypedColumn, keep: Int32Array): void {
  for (let i = 0; i < keep.length; i++) col[i] = col[keep[i]!]!;
}

function grown<T extends Uint8Array | Int32Array>(a: T, length: number): T {
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a);
  return b;
}
