import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { endianness } from "node:os";
import { open, rename } from "node:fs/promises";
import { join } from "node:path";
import { crc32c } from "../state/crc32c.js";
import { joinedSide, waitingEventsSide, waitingLabelsSide, type LabelJoinCopy } from "./labelJoin.js";
import type { TypedColumn, WaitingSide, WaitingSideCopy } from "./waitingSide.js";

/**
 * The label join's waiting events, waiting labels and joined ids, written beside the monitor snapshot (version 2 names
 * the file) because they are the part that grows with the backlog: a million waiting events as JSON took seconds of
 * event loop to build, stringify and write. Here a checkpoint copies the columns (LabelJoin.copy, a few memcpy's) and
 * writes them in chunks of CHUNK slots, each an awaited write, so ingest runs between chunks.
 *
 *   "MGJOIN01"                              magic and format version
 *   u32 length, header (JSON)               {"sides":[{"name","size","typed":["f64"|"i32"|"u8",...],"plain":n},...]}
 *   per side, `size` entries each:
 *     ids                                   u16 byte length, UTF-8 bytes (ids are 1 to 256 bytes)
 *     each typed column                     the values, little-endian
 *     each plain column                     u32 byte length + 1 (0: none), UTF-8 bytes
 *   u32 low, u32 high                       bytes before this trailer
 *   u32                                     CRC-32C of those bytes
 *
 * Integers are little-endian. The file is complete only with its trailer, so a file cut short or changed anywhere
 * does not read back: the reader says which, and the snapshot then refuses to load rather than lose waiting events.
 */
const MAGIC = Buffer.from("MGJOIN01", "latin1");
/** Slots per chunk: about 0.5 MB of a float column, a few ms of event loop to gather and checksum. */
const CHUNK = 32_768;
const MAX_HEADER_BYTES = 1 << 20;

type ColumnType = "f64" | "i32" | "u8";

const WIDTH: Record<ColumnType, number> = { f64: 8, i32: 4, u8: 1 };

function typeOf(c: TypedColumn): ColumnType {
  return c instanceof Float64Array ? "f64" : c instanceof Int32Array ? "i32" : "u8";
}

/**
 * The file's name in the state directory: `join-<journal offset, 16 digits>-<8 random hex digits>.bin`. The random
 * part keeps a checkpoint at the offset of the snapshot in place (an idle monitor's timer or shutdown) from renaming
 * over the file that snapshot names: the same state is not the same bytes (a restarted join numbers its model
 * versions anew), so a crash between that rename and the snapshot's would pair the old snapshot with the new file.
 */
const FILE_NAME = /^join-[0-9]{16}-[0-9a-f]{8}\.bin$/;
const ANY_FILE = /^join-[0-9]{16}(-[0-9a-f]{8})?\.bin(\.tmp)?$/;

/** A new name for the label join file of a snapshot at journal `offset` (see FILE_NAME). */
export function labelJoinFileName(offset: number): string {
  return `join-${String(offset).padStart(16, "0")}-${randomBytes(4).toString("hex")}.bin`;
}

/** The sides a file holds, by name, with the columns each must have (LabelJoin's). */
const SIDES: [name: "events" | "labels" | "joined", shape: () => WaitingSide][] = [
  ["events", waitingEventsSide],
  ["labels", waitingLabelsSide],
  ["joined", joinedSide],
];

export type LabelJoinSides = Pick<LabelJoinCopy, "events" | "labels" | "joined">;

/**
 * Writes the copied sides as `name` (labelJoinFileName) in the state directory (through a temp file, fsync'ed, renamed
 * into place, the directory fsync'ed), for the snapshot to name. `onStep` hears each chunk written (tests copy the
 * state directory there: a crash mid-write) and the rename.
 */
export async function writeLabelJoinFile(
  state: string,
  name: string,
  copy: LabelJoinSides,
  onStep?: (step: string) => void,
): Promise<void> {
  if (!FILE_NAME.test(name)) throw new Error(`${name} is not a label join file name`);
  const tmp = join(state, `${name}.tmp`);
  await writeSides(
    tmp,
    SIDES.map(([side]) => ({ name: side, side: copy[side] })),
    () => onStep?.("label join chunk written"),
  );
  await rename(tmp, join(state, name));
  const dir = await open(state, "r");
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
  onStep?.("label join file written");
}

/**
 * Reads the snapshot's label join file `name` from the state directory: the three sides, each without holes. Throws
 * an Error saying what does not read back (the snapshot's refusal names it).
 */
export function readLabelJoinFile(state: string, name: unknown): LabelJoinSides {
  if (typeof name !== "string" || !FILE_NAME.test(name))
    throw new Error(`labels.columns_file is not a label join file name (join-<16 digits>-<8 hex digits>.bin)`);
  const path = join(state, name);
  let sides: Map<string, WaitingSideCopy>;
  try {
    sides = readSides(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT")
      throw new Error(`the label join file ${path} it names is missing`);
    throw e;
  }
  const out: Partial<LabelJoinSides> = {};
  for (const [side, shape] of SIDES) {
    const got = sides.get(side);
    const want = shape();
    if (
      !got ||
      got.typed.length !== want.typed.length ||
      got.typed.some((c, k) => typeOf(c) !== typeOf(want.typed[k]!)) ||
      got.plain.length !== want.plain.length
    )
      throw new Error(`${path}: the ${side} side is missing or has other columns`);
    out[side] = got;
  }
  return out as LabelJoinSides;
}

/**
 * Deletes the label join files (and temp files) of the state directory other than `keep`: those of older snapshots,
 * and one a crash left before its snapshot was renamed into place.
 */
export function removeLabelJoinFiles(state: string, keep: string | null): void {
  for (const f of readdirSync(state)) if (ANY_FILE.test(f) && f !== keep) rmSync(join(state, f), { force: true });
}

interface NamedSide {
  name: string;
  side: WaitingSideCopy;
}

/** Writes the sides to `path`, awaiting each chunk's write and calling `onChunk` after it; fsyncs it. */
async function writeSides(path: string, sides: NamedSide[], onChunk?: () => void): Promise<number> {
  if (endianness() !== "LE") throw new Error("the label join file is written on little-endian hosts only");
  const fh = await open(path, "w");
  let crc = 0;
  let bytes = 0;
  // One buffer for every chunk (each is written before the next is made): a checkpoint of a million waiting events
  // would otherwise allocate its whole size again in chunks, and that much external memory brings on full collections.
  let scratch = Buffer.allocUnsafeSlow(1 << 20);
  const room: Room = (n) => {
    if (scratch.length < n) scratch = Buffer.allocUnsafeSlow(Math.max(n, 2 * scratch.length));
    return scratch;
  };
  const put = async (b: Uint8Array) => {
    if (b.length === 0) return;
    crc = crc32c(b, crc);
    bytes += b.length;
    let done = 0;
    while (done < b.length) done += (await fh.write(b, done, b.length - done)).bytesWritten;
    onChunk?.();
  };
  try {
    const header = Buffer.from(
      JSON.stringify({
        sides: sides.map(({ name, side }) => ({
          name,
          size: side.size,
          typed: side.typed.map(typeOf),
          plain: side.plain.length,
        })),
      }),
    );
    const head = Buffer.alloc(MAGIC.length + 4);
    MAGIC.copy(head);
    head.writeUInt32LE(header.length, MAGIC.length);
    await put(Buffer.concat([head, header]));
    for (const { side } of sides) {
      for (let from = 0; from < side.span; from += CHUNK)
        await put(idsChunk(side, from, Math.min(side.span, from + CHUNK), room));
      for (const col of side.typed) {
        for (let from = 0; from < side.span; from += CHUNK)
          await put(typedChunk(side, col, from, Math.min(side.span, from + CHUNK), room));
      }
      for (const col of side.plain) {
        for (let from = 0; from < side.span; from += CHUNK)
          await put(plainChunk(side, col, from, Math.min(side.span, from + CHUNK), room));
      }
    }
    const trailer = Buffer.alloc(12);
    trailer.writeUInt32LE(bytes % 2 ** 32, 0);
    trailer.writeUInt32LE(Math.floor(bytes / 2 ** 32), 4);
    trailer.writeUInt32LE(crc, 8);
    let done = 0;
    while (done < 12) done += (await fh.write(trailer, done, 12 - done)).bytesWritten;
    await fh.sync();
    return bytes + 12;
  } finally {
    await fh.close();
  }
}

/** A buffer of at least n bytes, at byte offset 0 of its own memory (so typed views of it are aligned). */
type Room = (n: number) => Buffer;

function idsChunk(side: WaitingSideCopy, from: number, to: number, room: Room): Buffer {
  let n = 0;
  const live = side.live;
  for (let s = from; s < to; s++) if (!live || live[s] === 1) n += 2 + Buffer.byteLength(side.ids[s]!, "utf8");
  const b = room(n);
  let at = 0;
  for (let s = from; s < to; s++) {
    if (live && live[s] === 0) continue;
    const id = side.ids[s]!;
    const len = b.write(id, at + 2, "utf8");
    b.writeUInt16LE(len, at);
    at += 2 + len;
  }
  return b.subarray(0, n);
}

function typedChunk(side: WaitingSideCopy, col: TypedColumn, from: number, to: number, room: Room): Uint8Array {
  const live = side.live;
  let n = 0;
  for (let s = from; s < to; s++) if (!live || live[s] === 1) n++;
  const width = col.BYTES_PER_ELEMENT;
  const b = room(n * width);
  // No holes in the chunk: a copy of its bytes (the column is the side's own, which goes on changing past the span).
  if (n === to - from) b.set(new Uint8Array(col.buffer, col.byteOffset + from * width, n * width));
  else {
    const out = new (col.constructor as new (buffer: ArrayBufferLike, offset: number, n: number) => TypedColumn)(
      b.buffer,
      b.byteOffset,
      n,
    );
    let k = 0;
    for (let s = from; s < to; s++) if (!live || live[s] === 1) out[k++] = col[s]!;
  }
  return b.subarray(0, n * width);
}

function plainChunk(
  side: WaitingSideCopy,
  col: readonly (string | undefined)[],
  from: number,
  to: number,
  room: Room,
): Buffer {
  const live = side.live;
  let n = 0;
  for (let s = from; s < to; s++) {
    if (live && live[s] === 0) continue;
    const v = col[s];
    n += 4 + (v === undefined ? 0 : Buffer.byteLength(v, "utf8"));
  }
  const b = room(n);
  let at = 0;
  for (let s = from; s < to; s++) {
    if (live && live[s] === 0) continue;
    const v = col[s];
    if (v === undefined) {
      b.writeUInt32LE(0, at);
      at += 4;
      continue;
    }
    const len = b.write(v, at + 4, "utf8");
    b.writeUInt32LE(len + 1, at);
    at += 4 + len;
  }
  return b.subarray(0, n);
}

/** Reads a file writeSides wrote: the sides by name, each without holes (span = size). */
function readSides(path: string): Map<string, WaitingSideCopy> {
  if (endianness() !== "LE") throw new Error("the label join file is read on little-endian hosts only");
  const buf = readFileSync(path);
  if (buf.length < MAGIC.length + 4 + 12 || !buf.subarray(0, MAGIC.length).equals(MAGIC))
    throw new Error(`${path} is not a label join file (MGJOIN01)`);
  const body = buf.length - 12;
  const recorded = buf.readUInt32LE(body) + buf.readUInt32LE(body + 4) * 2 ** 32;
  if (recorded !== body)
    throw new Error(`${path} was cut short or has bytes after its end (${body} bytes, its trailer says ${recorded})`);
  if (crc32c(buf.subarray(0, body)) !== buf.readUInt32LE(body + 8)) throw new Error(`${path}: checksum mismatch`);
  let at = MAGIC.length;
  const need = (n: number, what: string) => {
    if (at + n > body) throw new Error(`${path}: ${what} runs past the end of the file`);
  };
  need(4, "the header length");
  const headerLength = buf.readUInt32LE(at);
  at += 4;
  if (headerLength > MAX_HEADER_BYTES) throw new Error(`${path}: the header is too long`);
  need(headerLength, "the header");
  const header = JSON.parse(buf.toString("utf8", at, at + headerLength)) as {
    sides?: { name: string; size: number; typed: ColumnType[]; plain: number }[];
  };
  at += headerLength;
  if (!Array.isArray(header.sides)) throw new Error(`${path}: the header has no sides`);
  const out = new Map<string, WaitingSideCopy>();
  for (const h of header.sides) {
    if (typeof h.name !== "string" || !Number.isSafeInteger(h.size) || h.size < 0 || !Array.isArray(h.typed))
      throw new Error(`${path}: a side of the header is unreadable`);
    const n = h.size;
    const ids = new Array<string>(n);
    for (let k = 0; k < n; k++) {
      need(2, `the ids of ${h.name}`);
      const len = buf.readUInt16LE(at);
      need(2 + len, `the ids of ${h.name}`);
      ids[k] = buf.toString("utf8", at + 2, at + 2 + len);
      if (ids[k] === "") throw new Error(`${path}: an empty id in ${h.name}`);
      at += 2 + len;
    }
    const typed = h.typed.map((type) => {
      // The type is read from the file: an own key of WIDTH only (not "constructor", "__proto__").
      const width = Object.hasOwn(WIDTH, type) ? WIDTH[type] : undefined;
      if (width === undefined) throw new Error(`${path}: unknown column type in ${h.name}`);
      need(n * width, `a column of ${h.name}`);
      const col = type === "f64" ? new Float64Array(n) : type === "i32" ? new Int32Array(n) : new Uint8Array(n);
      new Uint8Array(col.buffer).set(buf.subarray(at, at + n * width));
      at += n * width;
      return col;
    });
    const plain = Array.from({ length: h.plain }, () => {
      const col = new Array<string | undefined>(n);
      for (let k = 0; k < n; k++) {
        need(4, `a string column of ${h.name}`);
        const len = buf.readUInt32LE(at);
        at += 4;
        if (len === 0) continue;
        need(len - 1, `a string column of ${h.name}`);
        col[k] = buf.toString("utf8", at, at + len - 1);
        at += len - 1;
      }
      return col;
    });
    out.set(h.name, { size: n, span: n, live: null, ids, typed, plain });
  }
  if (at !== body) throw new Error(`${path}: ${body - at} bytes after the last side`);
  return out;
}
