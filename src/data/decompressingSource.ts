/**
 * A gzip or zstd file as positioned reads of its decompressed bytes. Decompression runs forward only: a read behind
 * what is still held (a loader's second pass) starts again from the top of the file. The last few MiB are kept, so
 * the step back from the header to the first record, or from a sample to the main pass, rarely costs a restart.
 *
 * A decompression bomb is refused while it is read: more than `maxBytes` decompressed, or (past `ratioAfterBytes`)
 * more than `maxRatio` times the compressed bytes read so far. zstd input is fed in small pieces so one piece cannot
 * expand beyond those bounds before the check (a 4-byte zstd block can stand for 128 KiB).
 */
import { open } from "node:fs/promises";
import { createGunzip } from "node:zlib";
import { Decompress } from "fzstd";
import { ModelguardError } from "../errors.js";

export type Compression = "gzip" | "zstd";

export interface DecompressionLimits {
  /** Decompressed bytes at most. */
  maxBytes: number;
  /** Decompressed bytes per compressed byte at most, once more than `ratioAfterBytes` are decompressed. */
  maxRatio: number;
  ratioAfterBytes: number;
}

/** Decompressed bytes kept behind the furthest read. */
const KEEP_BEHIND = 8 << 20;
/** Compressed bytes per file read. */
const READ_BYTES = 1 << 20;
/** Compressed bytes per zstd push. */
const ZSTD_PIECE = 16 << 10;

function formatBytes(n: number): string {
  if (n >= 1 << 30) return `${(n / (1 << 30)).toFixed(n % (1 << 30) === 0 ? 0 : 1)} GiB`;
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(n % (1 << 20) === 0 ? 0 : 1)} MiB`;
  return `${n} bytes`;
}

export class DecompressingSource {
  private chunks: Uint8Array[] = [];
  /** Decompressed offset of chunks[0]. */
  private chunksStart = 0;
  private chunksEnd = 0;
  private stream: AsyncGenerator<Uint8Array> | null = null;
  private eof = false;
  /** Compressed bytes read in the current pass. */
  private compressedRead = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly name: string,
    private readonly compression: Compression,
    private readonly compressedSize: number,
    private readonly limits: DecompressionLimits,
  ) {}

  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }> {
    // the readers read ahead: reads are served one after the other, in the order asked
    const run = this.queue.then(() => this.readNow(buffer, offset, length, position));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async estimatedSize(): Promise<number> {
    await this.queue;
    if (this.eof) return this.chunksEnd;
    if (this.compressedRead === 0) return this.compressedSize;
    return Math.round((this.compressedSize * this.chunksEnd) / this.compressedRead);
  }

  async close(): Promise<void> {
    await this.queue;
    await this.stream?.return(undefined);
    this.stream = null;
    this.chunks = [];
  }

  private async readNow(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number,
  ): Promise<{ bytesRead: number }> {
    if (position < this.chunksStart || this.stream === null) await this.restart();
    while (this.chunksEnd < position + length && !this.eof) await this.pull();
    let copied = 0;
    let start = this.chunksStart;
    for (const chunk of this.chunks) {
      const end = start + chunk.length;
      const at = position + copied;
      if (at < end && copied < length) {
        const n = Math.min(end - at, length - copied);
        buffer.set(chunk.subarray(at - start, at - start + n), offset + copied);
        copied += n;
      }
      start = end;
      if (copied === length) break;
    }
    const keepFrom = position + copied - KEEP_BEHIND;
    while (this.chunks.length > 1 && this.chunksStart + this.chunks[0]!.length <= keepFrom)
      this.chunksStart += this.chunks.shift()!.length;
    return { bytesRead: copied };
  }

  private async restart(): Promise<void> {
    await this.stream?.return(undefined);
    this.chunks = [];
    this.chunksStart = 0;
    this.chunksEnd = 0;
    this.eof = false;
    this.compressedRead = 0;
    this.stream = this.compression === "gzip" ? this.gunzip() : this.unzstd();
  }

  private async pull(): Promise<void> {
    let next: IteratorResult<Uint8Array>;
    try {
      next = await this.stream!.next();
    } catch (e) {
      if (e instanceof ModelguardError) throw e;
      const what = this.compression === "gzip" ? "gzip" : "zstd";
      throw new ModelguardError(
        "input",
        `${this.file}: not valid ${what} data at decompressed byte ${this.chunksEnd} (${(e as Error).message})`,
        `Check that the file is complete and really ${what}-compressed (\`${what === "gzip" ? "gzip -t" : "zstd -t"} ${this.name}\`).`,
        { file: this.file },
      );
    }
    if (next.done) {
      this.eof = true;
      return;
    }
    this.chunks.push(next.value);
    this.chunksEnd += next.value.length;
  }

  /** Refuses the file once the decompressed bytes pass the limits. */
  private check(decompressed: number): void {
    const { maxBytes, maxRatio, ratioAfterBytes } = this.limits;
    const ratio = decompressed / Math.max(1, this.compressedRead);
    if (decompressed <= maxBytes && (decompressed <= ratioAfterBytes || ratio <= maxRatio)) return;
    const why =
      decompressed > maxBytes
        ? `more than ${formatBytes(maxBytes)}`
        : `more than ${maxRatio} times its compressed size (${formatBytes(decompressed)} from ${formatBytes(this.compressedRead)})`;
    throw new ModelguardError(
      "input",
      `${this.file}: decompresses to ${why}: refused as a likely decompression bomb`,
      `If the data is genuine, decompress it yourself (\`${this.compression === "gzip" ? "gunzip -k" : "zstd -d"} ${this.name}\`) and pass the plain file.`,
      { file: this.file },
    );
  }

  private async *gunzip(): AsyncGenerator<Uint8Array> {
    const fh = await open(this.file, "r");
    // zlib reads concatenated gzip members (bgzip, `cat a.gz b.gz`) as one stream
    const gunzip = createGunzip({ chunkSize: 256 << 10 });
    const pump = (async () => {
      const input = Buffer.allocUnsafe(READ_BYTES);
      for (let pos = 0; ;) {
        const { bytesRead } = await fh.read(input, 0, READ_BYTES, pos);
        if (bytesRead === 0) break;
        pos += bytesRead;
        this.compressedRead = pos;
        // a copy: zlib may still hold the buffer when the next read refills it
        if (!gunzip.write(Buffer.from(input.subarray(0, bytesRead))))
          // a reader that stops early destroys the stream: "close" ends the wait, not only "drain"
          await new Promise<void>((resolve, reject) => {
            const done = () => (off(), resolve());
            const failed = (e: Error) => (off(), reject(e));
            const off = () => {
              gunzip.off("drain", done);
              gunzip.off("close", done);
              gunzip.off("error", failed);
            };
            gunzip.once("drain", done);
            gunzip.once("close", done);
            gunzip.once("error", failed);
          });
        if (gunzip.destroyed) break;
      }
      gunzip.end();
    })();
    pump.catch((e: unknown) => gunzip.destroy(e as Error));
    let decompressed = 0;
    try {
      for await (const chunk of gunzip as AsyncIterable<Buffer>) {
        decompressed += chunk.length;
        this.check(decompressed);
        yield chunk;
      }
      await pump;
    } finally {
      gunzip.destroy();
      await pump.catch(() => undefined);
      await fh.close();
    }
  }

  private async *unzstd(): AsyncGenerator<Uint8Array> {
    const fh = await open(this.file, "r");
    let out: Uint8Array[] = [];
    let decompressed = 0;
    const zstd = new Decompress((data) => {
      decompressed += data.length;
      this.check(decompressed);
      if (data.length > 0) out.push(data);
    });
    try {
      const input = Buffer.allocUnsafe(READ_BYTES);
      let pos = 0;
      while (true) {
        const { bytesRead } = await fh.read(input, 0, READ_BYTES, pos);
        const last = bytesRead === 0;
        if (last) zstd.push(new Uint8Array(0), true);
        for (let i = 0; i < bytesRead; i += ZSTD_PIECE) {
          const piece = input.subarray(i, Math.min(bytesRead, i + ZSTD_PIECE));
          this.compressedRead = pos + i + piece.length;
          // fzstd may keep a reference to a piece it has not finished with
          zstd.push(new Uint8Array(piece));
          if (out.length > 0) {
            const ready = out;
            out = [];
            yield* ready;
          }
        }
        pos += bytesRead;
        if (last) break;
      }
      yield* out;
    } finally {
      await fh.close();
    }
  }
}
