/**
 * The text of bytes[start, end). Why not `Buffer.from(bytes.buffer, offset, length).toString()`: that makes a Buffer
 * object per call, and type inference calls this for every cell of its sample (600,000 views of garbage for a wide
 * file's 6 rows). One Buffer view of the last batch is reused instead, held weakly so that a finished load's bytes
 * are not pinned; readers decode batch after batch.
 */
let lastBytes: WeakRef<Uint8Array> | null = null;
let lastView: WeakRef<Buffer> | null = null;

export function utf8Text(bytes: Uint8Array, start: number, end: number): string {
  let view = lastBytes?.deref() === bytes ? lastView!.deref() : undefined;
  if (view === undefined) {
    view = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    lastBytes = new WeakRef(bytes);
    lastView = new WeakRef(view);
  }
  return view.toString("utf8", start, end);
}
