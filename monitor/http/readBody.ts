import type { IncomingMessage } from "node:http";

/**
 * Buffers that request bodies are read into, reused once the journal has written them: steady ingest then allocates
 * no body-sized buffers (each would be a fresh malloc/mmap whose release waits for a GC of its JS wrapper, which makes
 * RSS swing by tens of MB and fragments the C heap). Bounded: at most POOLED_BYTES kept, none over POOLED_MAX.
 */
const POOLED_BYTES = 8 * 1024 * 1024;
const POOLED_MAX = 2 * 1024 * 1024;
const POOL_STEP = 64 * 1024;

export class BodyPool {
  private readonly free: Buffer[] = [];
  private freeBytes = 0;
  /** Memory this pool handed out (a body may be a slice of Buffer's shared pool, which must never be reused). */
  private readonly mine = new WeakSet<ArrayBufferLike>();

  /** A buffer of `size` bytes, uninitialised. */
  acquire(size: number): Buffer {
    for (let i = 0; i < this.free.length; i++) {
      const b = this.free[i]!;
      if (b.length >= size) {
        this.free.splice(i, 1);
        this.freeBytes -= b.length;
        return b.subarray(0, size);
      }
    }
    if (size > POOLED_MAX) return Buffer.allocUnsafeSlow(size);
    const b = Buffer.allocUnsafeSlow(Math.max(POOL_STEP, Math.ceil(size / POOL_STEP) * POOL_STEP));
    this.mine.add(b.buffer);
    return b.subarray(0, size);
  }

  /** Gives a body back once nothing reads it any more (a body not from this pool is left to the GC). */
  release(body: Buffer): void {
    const whole = body.buffer;
    if (!this.mine.has(whole) || this.freeBytes + whole.byteLength > POOLED_BYTES) return;
    if (this.free.some((b) => b.buffer === whole)) return;
    this.free.push(Buffer.from(whole));
    this.freeBytes += whole.byteLength;
  }
}

/**
 * Reads a body up to `max` bytes; null as soon as it goes over (the rest is not buffered). With a declared length
 * (`declared` >= 0, at most `max`) the chunks are copied into one buffer from `pool` as they arrive.
 */
export function readBody(req: IncomingMessage, max: number, declared: number, pool: BodyPool): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    let target = declared >= 0 && declared <= max ? pool.acquire(declared) : null;
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on("data", (c: Buffer) => {
      if (done) return;
      size += c.length;
      if (size > max) {
        done = true;
        req.pause();
        resolve(null);
        return;
      }
      if (target && size <= target.length) c.copy(target, size - c.length);
      else {
        if (target) chunks.push(target.subarray(0, size - c.length));
        target = null;
        chunks.push(c);
      }
    });
    req.on("end", () => {
      if (done) return;
      resolve(target ? target.subarray(0, size) : Buffer.concat(chunks, size));
    });
    req.on("error", (e) => {
      if (!done) reject(e);
    });
  });
}
