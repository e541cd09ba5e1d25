import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  truncateSync,
} from "node:fs";
import { open, unlink, type FileHandle } from "node:fs/promises";
import { join } from "node:path";

/**
 * The append-only journal of acknowledged ingest batches. A record is either a batch, stored as the raw request body
 * (`B <arrival ms> <byte length>\n<body>\n`), or a clock tick that closed a duration window with no traffic
 * (`T <ms>\n`), or lines read from the file source (`F <arrival ms> <dev> <ino> <offset> <line> <byte length>\n<body>\n`:
 * the well-formed lines, NDJSON, and the file position after them, so the batch and the position it advances to are
 * durable together and replay can never count a line twice). Storing the body as received avoids re-serialising events on the hot path; replay parses it again with
 * the same parser.
 *
 * Offsets are global: the journal is a directory of segments named by the offset of their first byte
 * (`0000000000000000.log`, `0000000000812345.log`, ...); each segment starts where the previous one ends, and only the
 * last one is appended to. After a snapshot covering offset S, `compact(S)` starts a new segment and deletes the
 * segments that end at or before S. Every step leaves a directory that recovers to the same state: the snapshot is
 * renamed into place before anything is deleted, the new segment is created (and the directory fsync'ed) before old
 * ones go, old segments are deleted oldest first (so the rest stay contiguous), and a segment is deleted only when
 * the durable snapshot covers all of it.
 *
 * Group commit: appends made while a write+fsync is in flight wait for it, then go out together in one write and one
 * fdatasync. Each record's `onDurable` callback runs, in journal order, once its bytes are on disk, and only then does
 * its promise resolve, so the server answers 2xx only for durable batches.
 */
export type JournalRecord =
  | { type: "batch"; t: number; body: Buffer }
  | { type: "tick"; t: number }
  | { type: "source"; t: number; body: Buffer; position: SourcePosition };

/**
 * Where the file source has read to: the file's identity (device and inode, decimal strings since inodes can exceed
 * 2^53), the byte offset just after the last consumed newline, and how many lines of that file came before it.
 */
export interface SourcePosition {
  dev: string;
  ino: string;
  offset: number;
  line: number;
}

interface Pending {
  bytes: Buffer[];
  onDurable: (endOffset: number) => void;
  resolve: () => void;
  reject: (e: Error) => void;
}

export interface Segment {
  start: number;
  name: string;
  size: number;
}

const SEGMENT = /^([0-9]{16})\.log$/;

export function segmentName(start: number): string {
  return `${String(start).padStart(16, "0")}.log`;
}

/** The segments of a journal directory, oldest first. */
export function listSegments(dir: string): Segment[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => SEGMENT.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ start: Number(m[1]), name: m[0], size: statSync(join(dir, m[0])).size }))
    .sort((a, b) => a.start - b.start);
}

function fsyncDir(dir: string): void {
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Steps of compaction, reported to `onStep` (tests copy the directory there to get every crash state). */
export type CompactionStep = "rolled" | `deleted ${string}`;

export class Journal {
  /** Global byte offset of the end of the last durable record. */
  offset: number;
  /** fdatasync calls made (for metrics and the group-commit test). */
  syncs = 0;
  private queue: Pending[] = [];
  private flushing = false;
  private closed = false;
  private failed: Error | null = null;
  /** Flushes and segment rolls run one at a time, in order. */
  private exclusive: Promise<void> = Promise.resolve();

  private constructor(
    private readonly dir: string,
    private fh: FileHandle,
    private segmentStart: number,
    offset: number,
  ) {
    this.offset = offset;
  }

  /**
   * A journal of the older single-file layout (`journal.log`, offsets from 0) becomes the first segment of `dir`
   * (one atomic rename; a no-op when `dir` already has segments).
   */
  static migrateSingleFile(file: string, dir: string): void {
    mkdirSync(dir, { recursive: true });
    if (!existsSync(file) || listSegments(dir).length > 0) return;
    renameSync(file, join(dir, segmentName(0)));
    fsyncDir(dir);
  }

  /**
   * Replays the records after `fromOffset` through `onRecord`, cuts off a torn tail of the last segment (a record
   * whose write never completed, so never acknowledged), and opens the last segment for appending. Throws when a
   * segment is missing or damaged (anything but a torn tail of the last one), rather than skip acknowledged batches.
   */
  static async open(
    dir: string,
    fromOffset: number,
    onRecord: (r: JournalRecord, endOffset: number) => void,
  ): Promise<{ journal: Journal; replayed: number; truncatedBytes: number }> {
    mkdirSync(dir, { recursive: true });
    let segments = listSegments(dir);
    if (segments.length === 0) {
      if (fromOffset > 0) {
        throw new Error(`journal ${dir} has no segments, but the snapshot covers it up to offset ${fromOffset}`);
      }
      closeSync(openSync(join(dir, segmentName(0)), "a"));
      fsyncDir(dir);
      segments = listSegments(dir);
    }
    if (segments[0]!.start > fromOffset) {
      throw new Error(
        `journal ${dir} starts at offset ${segments[0]!.start}, after the snapshot's offset ${fromOffset}: segments are missing`,
      );
    }
    for (let i = 0; i + 1 < segments.length; i++) {
      const a = segments[i]!;
      const b = segments[i + 1]!;
      if (a.start + a.size !== b.start) {
        throw new Error(`journal segment ${a.name} (${a.size} bytes) does not end where ${b.name} starts`);
      }
    }
    const last = segments[segments.length - 1]!;
    const total = last.start + last.size;
    if (fromOffset > total) {
      throw new Error(`journal ${dir} ends at offset ${total}, before the snapshot's offset ${fromOffset}`);
    }
    let replayed = 0;
    let truncatedBytes = 0;
    let end = fromOffset;
    for (const seg of segments) {
      if (seg.start + seg.size <= fromOffset && seg !== last) continue;
      const path = join(dir, seg.name);
      const buf = readFileSync(path);
      let pos = Math.max(fromOffset - seg.start, 0);
      for (;;) {
        const r = readRecord(buf, pos);
        if (!r) break;
        onRecord(r.record, seg.start + r.end);
        pos = r.end;
        replayed++;
      }
      end = seg.start + pos;
      if (pos < buf.length) {
        if (seg !== last) throw new Error(`journal segment ${seg.name} is damaged at byte ${pos}`);
        truncatedBytes = buf.length - pos;
        truncateSync(path, pos);
        const fd = openSync(path, "r+");
        fsyncSync(fd);
        closeSync(fd);
      }
    }
    const fh = await open(join(dir, last.name), "a");
    return { journal: new Journal(dir, fh, last.start, end), replayed, truncatedBytes };
  }

  appendBatch(t: number, body: Buffer, onDurable: (endOffset: number) => void): Promise<void> {
    return this.enqueue([Buffer.from(`B ${t} ${body.length}\n`), body, NEWLINE], onDurable);
  }

  /** A file-source batch (`body` the well-formed lines, possibly empty) and the file position it reads up to. */
  appendSource(
    t: number,
    body: Buffer,
    position: SourcePosition,
    onDurable: (endOffset: number) => void,
  ): Promise<void> {
    const p = position;
    const header = `F ${t} ${p.dev} ${p.ino} ${p.offset} ${p.line} ${body.length}\n`;
    return this.enqueue([Buffer.from(header), body, NEWLINE], onDurable);
  }

  appendTick(t: number, onDurable: (endOffset: number) => void): Promise<void> {
    return this.enqueue([Buffer.from(`T ${t}\n`)], onDurable);
  }

  private run(fn: () => Promise<void>): Promise<void> {
    const next = this.exclusive.then(fn);
    this.exclusive = next.catch(() => undefined);
    return next;
  }

  private enqueue(bytes: Buffer[], onDurable: (endOffset: number) => void): Promise<void> {
    if (this.closed) return Promise.reject(new Error("journal is closed"));
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.queue.push({ bytes, onDurable, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        // Let every request parsed in this turn of the event loop join the group.
        setImmediate(() => void this.run(() => this.flush()));
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const group = this.queue;
      this.queue = [];
      try {
        // One gathered write of the records' own buffers (no copy of the bodies into one block), then one fdatasync.
        let chunks = group.flatMap((p) => p.bytes);
        let left = chunks.reduce((n, b) => n + b.length, 0);
        while (left > 0) {
          const { bytesWritten } = await this.fh.writev(chunks);
          left -= bytesWritten;
          if (left > 0) chunks = unwritten(chunks, bytesWritten);
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

  /**
   * Starts a new segment at the current offset (between two group commits) unless the current one is empty, then
   * deletes, oldest first, every segment that ends at or before `coveredOffset` (the offset of a durable snapshot).
   * Returns the names deleted.
   */
  async compact(coveredOffset: number, onStep?: (step: CompactionStep) => void): Promise<string[]> {
    if (this.closed) throw new Error("journal is closed");
    await this.run(async () => {
      if (this.offset === this.segmentStart) return;
      const fh = await open(join(this.dir, segmentName(this.offset)), "wx");
      fsyncDir(this.dir);
      const old = this.fh;
      this.fh = fh;
      this.segmentStart = this.offset;
      await old.close();
      onStep?.("rolled");
    });
    const deleted: string[] = [];
    const segments = listSegments(this.dir);
    for (let i = 0; i + 1 < segments.length; i++) {
      if (segments[i + 1]!.start > coveredOffset) break;
      // Off the event loop: unlinking a segment of gigabytes takes long enough to stall ingest.
      await unlink(join(this.dir, segments[i]!.name));
      await fsyncDirAsync(this.dir);
      deleted.push(segments[i]!.name);
      onStep?.(`deleted ${segments[i]!.name}`);
    }
    return deleted;
  }

  /** Resolves when every queued append is durable. */
  async drain(): Promise<void> {
    while (this.flushing || this.queue.length > 0) await new Promise((r) => setImmediate(r));
    await this.exclusive;
  }

  async close(): Promise<void> {
    await this.drain();
    this.closed = true;
    await this.fh.close();
  }
}

const NEWLINE = Buffer.from("\n");

/** What is left of `chunks` after the first `written` bytes. */
function unwritten(chunks: Buffer[], written: number): Buffer[] {
  let i = 0;
  while (written >= chunks[i]!.length) written -= chunks[i++]!.length;
  return [chunks[i]!.subarray(written), ...chunks.slice(i + 1)];
}

async function fsyncDirAsync(dir: string): Promise<void> {
  const fh = await open(dir, "r");
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

function readRecord(buf: Buffer, pos: number): { record: JournalRecord; end: number } | null {
  const nl = buf.indexOf(10, pos);
  if (nl < 0) return null;
  const header = buf.toString("latin1", pos, nl);
  const parts = header.split(" ");
  const t = Number(parts[1]);
  if (parts[0] === "T" && parts.length === 2 && Number.isFinite(t)) return { record: { type: "tick", t }, end: nl + 1 };
  const source = parts[0] === "F" && parts.length === 7;
  if (!(source || (parts[0] === "B" && parts.length === 3)) || !Number.isFinite(t)) return null;
  const len = Number(parts[parts.length - 1]);
  if (!Number.isInteger(len) || len < 0) return null;
  const start = nl + 1;
  const stop = start + len;
  if (stop + 1 > buf.length || buf[stop] !== 10) return null;
  const body = buf.subarray(start, stop);
  if (!source) return { record: { type: "batch", t, body }, end: stop + 1 };
  const [, , dev, ino] = parts as [string, string, string, string];
  const offset = Number(parts[4]);
  const line = Number(parts[5]);
  const digits = /^[0-9]+$/;
  if (!digits.test(dev) || !digits.test(ino) || !Number.isSafeInteger(offset) || !Number.isSafeInteger(line))
    return null;
  if (offset < 0 || line < 0) return null;
  return { record: { type: "source", t, body, position: { dev, ino, offset, line } }, end: stop + 1 };
}
