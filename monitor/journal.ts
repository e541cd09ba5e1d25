import { closeSync, existsSync, fsyncSync, openSync, readFileSync, truncateSync } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";

/**
 * The append-only journal of acknowledged ingest batches. A record is either a batch, stored as the raw request body
 * (`B <arrival ms> <byte length>\n<body>\n`), or a clock tick that closed a duration window with no traffic
 * (`T <ms>\n`). Storing the body as received avoids re-serialising events on the hot path; replay parses it again with
 * the same parser.
 *
 * Group commit: appends made while a write+fsync is in flight wait for it, then go out together in one write and one
 * fdatasync. Each record's `onDurable` callback runs, in journal order, once its bytes are on disk, and only then does
 * its promise resolve, so the server answers 2xx only for durable batches.
 */
export type JournalRecord = { type: "batch"; t: number; body: Buffer } | { type: "tick"; t: number };

interface Pending {
  bytes: Buffer[];
  onDurable: (endOffset: number) => void;
  resolve: () => void;
  reject: (e: Error) => void;
}

export class Journal {
  /** Byte offset of the end of the last durable record. */
  offset: number;
  /** fdatasync calls made (for metrics and the group-commit test). */
  syncs = 0;
  private queue: Pending[] = [];
  private flushing = false;
  private closed = false;
  private failed: Error | null = null;

  private constructor(
    private readonly fh: FileHandle,
    offset: number,
  ) {
    this.offset = offset;
  }

  /**
   * Replays the records after `fromOffset` through `onRecord`, cuts off a torn tail (a record whose write never
   * completed, so never acknowledged), and opens the file for appending.
   */
  static async open(
    path: string,
    fromOffset: number,
    onRecord: (r: JournalRecord, endOffset: number) => void,
  ): Promise<{ journal: Journal; replayed: number; truncatedBytes: number }> {
    let end = 0;
    let replayed = 0;
    let truncatedBytes = 0;
    if (existsSync(path)) {
      const buf = readFileSync(path);
      if (fromOffset > buf.length) {
        throw new Error(`journal ${path} is ${buf.length} bytes, shorter than the snapshot's offset ${fromOffset}`);
      }
      end = fromOffset;
      for (;;) {
        const r = readRecord(buf, end);
        if (!r) break;
        onRecord(r.record, r.end);
        end = r.end;
        replayed++;
      }
      if (end < buf.length) {
        truncatedBytes = buf.length - end;
        truncateSync(path, end);
        const fd = openSync(path, "r+");
        fsyncSync(fd);
        closeSync(fd);
      }
    }
    const fh = await open(path, "a");
    return { journal: new Journal(fh, end), replayed, truncatedBytes };
  }

  appendBatch(t: number, body: Buffer, onDurable: (endOffset: number) => void): Promise<void> {
    return this.enqueue([Buffer.from(`B ${t} ${body.length}\n`), body, NEWLINE], onDurable);
  }

  appendTick(t: number, onDurable: (endOffset: number) => void): Promise<void> {
    return this.enqueue([Buffer.from(`T ${t}\n`)], onDurable);
  }

  private enqueue(bytes: Buffer[], onDurable: (endOffset: number) => void): Promise<void> {
    if (this.closed) return Promise.reject(new Error("journal is closed"));
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.queue.push({ bytes, onDurable, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        // Let every request parsed in this turn of the event loop join the group.
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const group = this.queue;
      this.queue = [];
      const chunks = group.flatMap((p) => p.bytes);
      try {
        const data = Buffer.concat(chunks);
        let written = 0;
        while (written < data.length) {
          const { bytesWritten } = await this.fh.write(data, written, data.length - written);
          written += bytesWritten;
        }
        await this.fh.datasync();
        this.syncs++;
      } catch (e) {
        // A failed write leaves the file in an unknown state: refuse every further append (the process should
        // restart, and replay will cut any torn tail). Nothing in this group was acknowledged.
        this.failed = e as Error;
        for (const p of [...group, ...this.queue]) p.reject(this.failed);
        this.queue = [];
        break;
      }
      for (const p of group) {
        for (const b of p.bytes) this.offset += b.length;
        try {
          p.onDurable(this.offset);
          p.resolve();
        } catch (e) {
          p.reject(e as Error);
        }
      }
    }
    this.flushing = false;
  }

  /** Resolves when every queued append is durable. */
  async drain(): Promise<void> {
    while (this.flushing || this.queue.length > 0) await new Promise((r) => setImmediate(r));
  }

  async close(): Promise<void> {
    await this.drain();
    this.closed = true;
    await this.fh.close();
  }
}

const NEWLINE = Buffer.from("\n");

function readRecord(buf: Buffer, pos: number): { record: JournalRecord; end: number } | null {
  const nl = buf.indexOf(10, pos);
  if (nl < 0) return null;
  const header = buf.toString("latin1", pos, nl);
  const parts = header.split(" ");
  const t = Number(parts[1]);
  if (parts[0] === "T" && parts.length === 2 && Number.isFinite(t)) return { record: { type: "tick", t }, end: nl + 1 };
  if (parts[0] !== "B" || parts.length !== 3 || !Number.isFinite(t)) return null;
  const len = Number(parts[2]);
  if (!Number.isInteger(len) || len < 0) return null;
  const start = nl + 1;
  const stop = start + len;
  if (stop + 1 > buf.length || buf[stop] !== 10) return null;
  return { record: { type: "batch", t, body: buf.subarray(start, stop) }, end: stop + 1 };
}
