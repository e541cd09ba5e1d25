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
import { open, statfs, truncate, unlink, type FileHandle } from "node:fs/promises";
import { dirname, join } from "node:path";
import { ModelguardError } from "../../src/errors.js";
import { crc32c } from "./crc32c.js";

/**
 * The append-only journal of acknowledged ingest batches. Every record is a header line, a body and a newline:
 *
 *   b <arrival ms> <len> <body crc> <header crc>\n<body>\n                      a batch, the request body as received
 *   k <arrival ms> <key> <len> <body crc> <header crc>\n<body>\n                the same with its Idempotency-Key
 *   t <ms> 0 00000000 <header crc>\n\n                                          a clock tick that closed an idle window
 *   f <arrival ms> <dev> <ino> <offset> <line> [<fp bytes>:<fp crc>] <len> <body crc> <header crc>\n<body>\n
 *                                                                               lines read from the file source
 *   l <arrival ms> <len> <body crc> <header crc>\n<body>\n                      labels, the request body as received
 *   j <arrival ms> <key> <len> <body crc> <header crc>\n<body>\n                the same with its Idempotency-Key
 *   g <arrival ms> <dev> <ino> <offset> <line> [<fp bytes>:<fp crc>] <len> <body crc> <header crc>\n<body>\n
 *                                                                               lines read from the label log
 *
 * (`f` and `g` carry the fingerprint of the file's first bytes, see SourcePosition, unless journaled before it.)
 *   x <arrival ms> <len> <body crc> <header crc>\n<body>\n                      fleet mode: pairs Redis joined (JSON)
 *
 * The checksums are CRC-32C as 8 hex digits: of the body, and of the header text before the header's own checksum
 * (so it covers the body's). They are what tells a torn write from damage on replay: only an incomplete record at the
 * very end of the last segment (a header without its newline, or a body that runs past the end of the file) is a
 * write that never completed, so never acknowledged, and is cut off. Anything else that does not read back (a checksum
 * mismatch, an unreadable header) is damage to acknowledged data, and the journal refuses to open rather than drop
 * what follows. Storing the body as received avoids re-serialising events on the hot path; replay parses it again with
 * the same parser. An `f` record carries the well-formed lines (NDJSON) and the file position after them, so the batch
 * and the position it advances to are durable together and replay can never count a line twice.
 *
 * Records written before checksums (`B <ms> <len>`, `T <ms>`, `F <ms> <dev> <ino> <offset> <line> <len>`, each with
 * its body and newline as above) are still read, so a journal written by an older monitor replays after an upgrade;
 * new records always carry checksums.
 *
 * Offsets are global: the journal is a directory of segments named by the offset of their first byte
 * (`0000000000000000.log`, `0000000000812345.log`, ...); each segment starts where the previous one ends, and only the
 * last one is appended to. After a snapshot covering offset S, `compact(S)` starts a new segment and deletes the
 * segments that end at or before S. Every step leaves a directory that recovers to the same state: the snapshot is
 * renamed into place before anything is deleted; the new segment is created at the durable offset, and the directory
 * fsync'ed, before any record goes into it; no record goes into the old one after that; old segments are deleted
 * oldest first (so the rest stay contiguous), each followed by an fsync of the directory, and only when the durable
 * snapshot covers all of it. A segment that runs past the start of the next one holds, after that start, what a
 * failed write left before the roll (never acknowledged): that part is cut off on open.
 *
 * Group commit: appends made while a write+fsync is in flight wait for it, then go out together in one write and one
 * fdatasync. Each record's `onDurable` callback runs, in journal order, once its bytes are on disk, and only then does
 * its promise resolve, so the server answers 2xx only for durable batches.
 *
 * A failed write or fsync (disk full, EIO) rejects its group and every append after it with a
 * JournalUnavailableError, until a recovery succeeds: the journal closes its file, cuts the segment back to the last
 * durable record (what the failed write left was never acknowledged), fsyncs it and reopens it; after ENOSPC it also
 * waits until the file system has room for the write that failed. Recovery is tried every `retryMs` (default 1 s)
 * while the journal is unavailable. `onAvailability` hears each change, once: the failure that made the journal
 * unavailable, then null when it takes appends again (not every refused append or failed retry in between).
 */
export type JournalRecord =
  | { type: "batch"; t: number; body: Buffer; key?: string }
  | { type: "tick"; t: number }
  | { type: "source"; t: number; body: Buffer; position: SourcePosition }
  /** Labels (POST /v1/labels, with its key if any; or lines of the label log, with the position after them). */
  | { type: "labels"; t: number; body: Buffer; key?: string; position?: SourcePosition }
  /** Fleet mode: the pairs Redis joined that this member holds a side of (a JSON array of RemoteJoin). */
  | { type: "joins"; t: number; body: Buffer };

/**
 * Where the file source has read to: the file's identity (device and inode, decimal strings since inodes can exceed
 * 2^53), the byte offset just after the last consumed newline, and how many lines of that file came before it.
 */
export interface SourcePosition {
  dev: string;
  ino: string;
  offset: number;
  line: number;
  /**
   * The file's first bytes (up to 1024, never past `offset`), so that a new file given a deleted one's inode is not
   * taken for it; absent in positions journaled before fingerprints (then the inode alone identifies the file).
   */
  fingerprint?: FileFingerprint;
}

/** The CRC-32C (8 hex digits) of a file's first `bytes` bytes. */
export interface FileFingerprint {
  bytes: number;
  crc32c: string;
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

/** What `Journal.open` cut off: a torn write at the end of the last segment, or after the start of the next one. */
export interface JournalCut {
  segment: string;
  /** Byte offset in the segment where the cut starts. */
  at: number;
  bytes: number;
  reason: string;
}

/** The journal cannot take appends (a write or fsync failed, and no recovery has succeeded since). */
export class JournalUnavailableError extends Error {
  override readonly name = "JournalUnavailableError";
  constructor(readonly reason: Error) {
    const code = (reason as NodeJS.ErrnoException).code;
    super(`the journal cannot be written (${code ? `${code}: ` : ""}${reason.message})`);
  }
}

const SEGMENT = /^([0-9]{16})\.log$/;

/** An Idempotency-Key as the journal stores it: 1 to 255 printable ASCII characters, no spaces. */
export const JOURNAL_KEY = /^[\x21-\x7e]{1,255}$/;

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

function fsyncFile(path: string): void {
  const fd = openSync(path, "r+");
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
  /** Why appends are refused, until a recovery succeeds; null while the journal is writable. */
  private failed: Error | null = null;
  /** A segment was created but the directory fsync after it failed: recovery repeats it before any append. */
  private dirUnsynced = false;
  /** After a write failed for lack of space: the bytes it needed, which must be free before recovery reports success. */
  private spaceNeeded = 0;
  private retry: NodeJS.Timeout | null = null;
  /** Flushes, segment rolls and recoveries run one at a time, in order. */
  private exclusive: Promise<void> = Promise.resolve();

  private constructor(
    private readonly dir: string,
    private fh: FileHandle | null,
    private segmentStart: number,
    offset: number,
    private readonly retryMs: number,
    private readonly onAvailability: (unavailable: JournalUnavailableError | null) => void,
    private readonly blockedBy: () => JournalUnavailableError | null,
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
   * Replays the records after `fromOffset` through `onRecord`, cuts off a torn tail of the last segment (an incomplete
   * record at its very end, never acknowledged) and what a failed write left past the start of a later segment, and
   * opens the last segment for appending. Throws a ModelguardError naming the file, the offset and what to do when a
   * segment is missing or damaged, rather than skip acknowledged batches.
   */
  static async open(
    dir: string,
    fromOffset: number,
    onRecord: (r: JournalRecord, endOffset: number) => void,
    options: {
      retryMs?: number;
      onAvailability?: (unavailable: JournalUnavailableError | null) => void;
      /**
       * A reason to refuse appends besides the journal's own (state the records lead to could not be written, see
       * StateWrites): appends are refused with it while it is not null.
       */
      blockedBy?: () => JournalUnavailableError | null;
    } = {},
  ): Promise<{ journal: Journal; replayed: number; truncatedBytes: number; cuts: JournalCut[] }> {
    mkdirSync(dir, { recursive: true });
    let segments = listSegments(dir);
    if (segments.length === 0) {
      if (fromOffset > 0) {
        throw new ModelguardError(
          "input",
          `${dir}: the journal has no segments, but the snapshot ${join(dirname(dir), "snapshot.json")} covers it up to offset ${fromOffset}`,
          restoreHint(dir),
        );
      }
      closeSync(openSync(join(dir, segmentName(0)), "a"));
      fsyncDir(dir);
      segments = listSegments(dir);
    }
    if (segments[0]!.start > fromOffset) {
      throw new ModelguardError(
        "input",
        `${dir}: the journal starts at offset ${segments[0]!.start} (${segments[0]!.name}), after the snapshot's offset ${fromOffset}: segments are missing`,
        restoreHint(dir),
      );
    }
    for (let i = 0; i + 1 < segments.length; i++) {
      const a = segments[i]!;
      const b = segments[i + 1]!;
      if (a.start + a.size < b.start) {
        throw new ModelguardError(
          "input",
          `${join(dir, a.name)}: journal segment ${a.name} (${a.size} bytes) ends at offset ${a.start + a.size}, but the next one, ${b.name}, starts at ${b.start}: a segment is missing or ${a.name} was cut short`,
          restoreHint(dir),
        );
      }
    }
    const last = segments[segments.length - 1]!;
    let replayed = 0;
    const cuts: JournalCut[] = [];
    let end = fromOffset;
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i]!;
      const next = segments[i + 1];
      const path = join(dir, seg.name);
      // A segment ends where the next one starts; bytes past that are what a failed write left before the roll.
      const limit = next ? next.start - seg.start : seg.size;
      if (seg.start + limit <= fromOffset && seg !== last) {
        if (seg.size > limit)
          cutSegment(path, limit, seg, cuts, `a failed write left them past the start of ${next!.name}`);
        continue;
      }
      if (fromOffset - seg.start > seg.size) {
        throw new ModelguardError(
          "input",
          `${path}: the journal ends at offset ${seg.start + seg.size}, before the snapshot's offset ${fromOffset}`,
          restoreHint(dir),
        );
      }
      const whole = readFileSync(path);
      const buf = whole.subarray(0, limit);
      let pos = Math.max(fromOffset - seg.start, 0);
      for (;;) {
        if (pos >= buf.length) break;
        const r = readRecord(buf, pos);
        if (!r.ok) {
          // Only a record cut short by the end of the last segment, with nothing readable after it, was never
          // acknowledged; anything else is damage to acknowledged data.
          const why =
            seg !== last
              ? "later segments follow it"
              : !r.incomplete
                ? "the record is complete but does not read back"
                : recordFollows(buf, pos)
                  ? "complete records follow it"
                  : null;
          if (why !== null)
            throw damaged(dir, path, seg, pos, `${r.reason}; this is not a torn write (${why})`, segments);
          cutSegment(path, pos, seg, cuts, `a torn write: ${r.reason}`);
          break;
        }
        onRecord(r.record, seg.start + r.end);
        pos = r.end;
        replayed++;
      }
      end = seg.start + pos;
      if (whole.length > limit)
        cutSegment(path, limit, seg, cuts, `a failed write left them past the start of ${next!.name}`);
    }
    const fh = await open(join(dir, last.name), "a");
    const truncatedBytes = cuts.reduce((n, c) => n + c.bytes, 0);
    const journal = new Journal(
      dir,
      fh,
      last.start,
      end,
      options.retryMs ?? 1000,
      options.onAvailability ?? (() => {}),
      options.blockedBy ?? (() => null),
    );
    return { journal, replayed, truncatedBytes, cuts };
  }

  /** Why the journal refuses appends right now (a failed write not yet recovered from, or `blockedBy`), or null. */
  get unavailable(): JournalUnavailableError | null {
    return this.failed ? new JournalUnavailableError(this.failed) : this.blockedBy();
  }

  /** A batch as received; `key` its Idempotency-Key (JOURNAL_KEY), replayed with it so a repeat is recognised. */
  appendBatch(t: number, body: Buffer, onDurable: (endOffset: number) => void, key?: string): Promise<void> {
    if (key !== undefined && !JOURNAL_KEY.test(key)) return Promise.reject(new Error(`not a journal key: ${key}`));
    const fields = key !== undefined ? `k ${t} ${key}` : `b ${t}`;
    return this.enqueue(framed(fields, body), onDurable);
  }

  /** A file-source batch (`body` the well-formed lines, possibly empty) and the file position it reads up to. */
  appendSource(
    t: number,
    body: Buffer,
    position: SourcePosition,
    onDurable: (endOffset: number) => void,
  ): Promise<void> {
    return this.enqueue(framed(`f ${t} ${positionFields(position)}`, body), onDurable);
  }

  /** A label batch as received (with its Idempotency-Key), or lines of the label log and the position after them. */
  appendLabels(
    t: number,
    body: Buffer,
    onDurable: (endOffset: number) => void,
    from: { key?: string; position?: SourcePosition } = {},
  ): Promise<void> {
    const { key, position: p } = from;
    if (key !== undefined && !JOURNAL_KEY.test(key)) return Promise.reject(new Error(`not a journal key: ${key}`));
    const fields = p ? `g ${t} ${positionFields(p)}` : key !== undefined ? `j ${t} ${key}` : `l ${t}`;
    return this.enqueue(framed(fields, body), onDurable);
  }

  /** Fleet mode: pairs Redis joined that this member holds a side of. */
  appendJoins(t: number, body: Buffer, onDurable: (endOffset: number) => void): Promise<void> {
    return this.enqueue(framed(`x ${t}`, body), onDurable);
  }

  appendTick(t: number, onDurable: (endOffset: number) => void): Promise<void> {
    return this.enqueue(framed(`t ${t}`, EMPTY), onDurable);
  }

  private run(fn: () => Promise<void>): Promise<void> {
    const next = this.exclusive.then(fn);
    this.exclusive = next.catch(() => undefined);
    return next;
  }

  private enqueue(bytes: Buffer[], onDurable: (endOffset: number) => void): Promise<void> {
    if (this.closed) return Promise.reject(new Error("journal is closed"));
    if (this.failed) return Promise.reject(new JournalUnavailableError(this.failed));
    const blocked = this.blockedBy();
    if (blocked) return Promise.reject(blocked);
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
        if (this.failed) throw this.failed;
        // One gathered write of the records' own buffers (no copy of the bodies into one block), then one fdatasync.
        let chunks = group.flatMap((p) => p.bytes);
        let left = chunks.reduce((n, b) => n + b.length, 0);
        while (left > 0) {
          const { bytesWritten } = await this.fh!.writev(chunks);
          left -= bytesWritten;
          if (left > 0) chunks = unwritten(chunks, bytesWritten);
        }
        await this.fh!.datasync();
        this.syncs++;
      } catch (e) {
        // The segment may now hold part of this group after the last durable record. Nothing in the group was
        // acknowledged: refuse appends until recovery has cut those bytes off.
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "ENOSPC" || code === "EDQUOT")
          this.spaceNeeded = group.reduce((n, p) => p.bytes.reduce((m, b) => m + b.length, n), 0);
        this.fail(e as Error);
        const error = new JournalUnavailableError(this.failed!);
        for (const p of [...group, ...this.queue]) p.reject(error);
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

  private fail(e: Error): void {
    const was = this.failed;
    this.failed = e;
    if (was === null) this.onAvailability(new JournalUnavailableError(e));
    if (this.retry || this.closed) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.recover();
    }, this.retryMs);
    this.retry.unref();
  }

  /**
   * After a failed write: closes the segment, cuts it back to the last durable record, fsyncs it (and the directory,
   * when a roll's fsync failed) and reopens it. Resolves true when the journal takes appends again; on failure it
   * stays unavailable and tries again after `retryMs`.
   */
  async recover(): Promise<boolean> {
    await this.run(async () => {
      if (!this.failed || this.closed) return;
      try {
        const path = join(this.dir, segmentName(this.segmentStart));
        const fh = this.fh;
        this.fh = null;
        await fh?.close().catch(() => undefined);
        await truncate(path, this.offset - this.segmentStart);
        fsyncFile(path);
        if (this.dirUnsynced) fsyncDir(this.dir);
        this.dirUnsynced = false;
        this.fh = await open(path, "a");
        if (this.spaceNeeded > 0) {
          // Cutting the failed write off frees its bytes, so a retry would fail again at once while the disk stays
          // full: the journal stays unavailable (and the monitor unready) until there is room for that write again.
          const fs = await statfs(this.dir);
          const free = fs.bavail * fs.bsize;
          if (free < this.spaceNeeded) {
            const e = new Error(`no space left on device: ${free} bytes free, ${this.spaceNeeded} needed`);
            throw Object.assign(e, { code: "ENOSPC" });
          }
          this.spaceNeeded = 0;
        }
        this.failed = null;
        this.onAvailability(null);
      } catch (e) {
        this.fail(e as Error);
      }
    });
    return this.failed === null;
  }

  /**
   * Starts a new segment at the current offset (between two group commits) unless the current one is empty, then
   * deletes, oldest first, every segment that ends at or before `coveredOffset` (the offset of a durable snapshot).
   * Returns the names deleted. Throws a JournalUnavailableError while the journal is unavailable: a roll then would
   * leave the failed write's bytes in the old segment past the new one's start.
   */
  async compact(coveredOffset: number, onStep?: (step: CompactionStep) => void): Promise<string[]> {
    if (this.closed) throw new Error("journal is closed");
    await this.run(async () => {
      if (this.failed) throw new JournalUnavailableError(this.failed);
      if (this.offset === this.segmentStart) return;
      const name = segmentName(this.offset);
      const fh = await open(join(this.dir, name), "wx").catch(async (e: NodeJS.ErrnoException) => {
        // Left by a roll whose directory fsync failed: empty, so it is this segment.
        if (e.code === "EEXIST" && statSync(join(this.dir, name)).size === 0) return open(join(this.dir, name), "a");
        throw e;
      });
      // From here on nothing goes into the old segment, so its end stays where the new one starts.
      const old = this.fh;
      this.fh = fh;
      this.segmentStart = this.offset;
      await old?.close().catch(() => undefined);
      try {
        fsyncDir(this.dir);
      } catch (e) {
        // Appends into a segment whose directory entry may not survive a crash would not be durable.
        this.dirUnsynced = true;
        this.fail(e as Error);
        throw new JournalUnavailableError(e as Error);
      }
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

  /** Resolves when every queued append is durable (or refused). */
  async drain(): Promise<void> {
    while (this.flushing || this.queue.length > 0) await new Promise((r) => setImmediate(r));
    await this.exclusive;
  }

  async close(): Promise<void> {
    await this.drain();
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    await this.fh?.close();
    this.fh = null;
  }
}

const NEWLINE = Buffer.from("\n");
const EMPTY = Buffer.alloc(0);

/** `<dev> <ino> <offset> <line>`, then the fingerprint as `<bytes>:<crc>` when the position has one. */
function positionFields(p: SourcePosition): string {
  const fp = p.fingerprint ? ` ${p.fingerprint.bytes}:${p.fingerprint.crc32c}` : "";
  return `${p.dev} ${p.ino} ${p.offset} ${p.line}${fp}`;
}

/** The buffers of one record: its header (fields, body length, body and header checksums), the body, a newline. */
function framed(fields: string, body: Buffer): Buffer[] {
  const head = `${fields} ${body.length} ${hex8(crc32c(body))}`;
  const bytes = Buffer.from(head, "latin1");
  return [Buffer.from(`${head} ${hex8(crc32c(bytes))}\n`, "latin1"), body, NEWLINE];
}

function hex8(n: number): string {
  return n.toString(16).padStart(8, "0");
}

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

function cutSegment(path: string, at: number, seg: Segment, cuts: JournalCut[], reason: string): void {
  const size = statSync(path).size;
  if (size <= at) return;
  truncateSync(path, at);
  fsyncFile(path);
  cuts.push({ segment: seg.name, at, bytes: size - at, reason });
}

function restoreHint(dir: string): string {
  const state = dirname(dir);
  return (
    `the journal holds acknowledged events, so the monitor does not start without them. Restore ${dir} from a ` +
    `backup, or, to start over from an empty state (losing the open window, the alert state and the recent window ` +
    `reports), move the state directory ${state} aside`
  );
}

function damaged(dir: string, path: string, seg: Segment, pos: number, reason: string, segments: Segment[]): Error {
  const later = segments.filter((s) => s.start > seg.start).map((s) => s.name);
  return new ModelguardError(
    "input",
    `${path}: journal segment damaged at byte ${pos} (journal offset ${seg.start + pos}): ${reason}, so skipping ` +
      `it would lose acknowledged events`,
    `stop the monitor and copy ${dirname(dir)} aside first. Then restore ${path} from a backup, or, to start from ` +
      `the records before the damage and lose every event after it, run \`truncate -s ${pos} ${path}\`` +
      (later.length > 0 ? ` and delete the later segments (${later.join(", ")})` : ""),
  );
}

/** True when a complete, readable record starts at some line after `pos`: what is at `pos` is then not a torn tail. */
function recordFollows(buf: Buffer, pos: number): boolean {
  for (let nl = buf.indexOf(10, pos); nl >= 0 && nl + 1 < buf.length; nl = buf.indexOf(10, nl + 1)) {
    if (readRecord(buf, nl + 1).ok) return true;
  }
  return false;
}

type ReadResult =
  | { ok: true; record: JournalRecord; end: number }
  | { ok: false; /** cut short by the end of the buffer, not garbled */ incomplete: boolean; reason: string };

const DIGITS = /^[0-9]+$/;
const HEX8 = /^[0-9a-f]{8}$/;
/** Fields before the body length, by record kind (checksummed format). */
const FIELDS: Record<string, number> = { b: 2, k: 3, t: 2, f: 6, l: 2, j: 3, g: 6, x: 2 };

function readRecord(buf: Buffer, pos: number): ReadResult {
  const nl = buf.indexOf(10, pos);
  if (nl < 0) return { ok: false, incomplete: true, reason: "a record header without its newline" };
  const header = buf.toString("latin1", pos, nl);
  const kind = header[0] ?? "";
  if (kind === "B" || kind === "T" || kind === "F") return readLegacyRecord(buf, pos, nl, header);
  let fieldCount = FIELDS[kind];
  if (fieldCount === undefined) return { ok: false, incomplete: false, reason: "not a record header" };
  const sp = header.lastIndexOf(" ");
  const headerCrc = header.slice(sp + 1);
  if (!HEX8.test(headerCrc) || crc32c(buf.subarray(pos, pos + sp)) !== parseInt(headerCrc, 16))
    return { ok: false, incomplete: false, reason: "header checksum mismatch" };
  const parts = header.slice(0, sp).split(" ");
  // A file position with the fingerprint of the file's first bytes has one field more.
  if ((kind === "f" || kind === "g") && parts.length === fieldCount + 3) fieldCount++;
  const t = Number(parts[1]);
  const len = Number(parts[fieldCount]);
  const bodyCrc = parts[fieldCount + 1] ?? "";
  if (
    parts.length !== fieldCount + 2 ||
    !Number.isFinite(t) ||
    !Number.isSafeInteger(len) ||
    len < 0 ||
    !HEX8.test(bodyCrc)
  )
    return { ok: false, incomplete: false, reason: `unreadable ${kind} record header` };
  const start = nl + 1;
  const stop = start + len;
  if (stop + 1 > buf.length)
    return { ok: false, incomplete: true, reason: "a record body cut short by the end of the file" };
  if (buf[stop] !== 10) return { ok: false, incomplete: false, reason: "no newline after the record body" };
  const body = buf.subarray(start, stop);
  if (crc32c(body) !== parseInt(bodyCrc, 16)) return { ok: false, incomplete: false, reason: "body checksum mismatch" };
  const end = stop + 1;
  if (kind === "t") return len === 0 ? { ok: true, record: { type: "tick", t }, end } : bad(kind);
  if (kind === "b") return { ok: true, record: { type: "batch", t, body }, end };
  if (kind === "l") return { ok: true, record: { type: "labels", t, body }, end };
  if (kind === "x") return { ok: true, record: { type: "joins", t, body }, end };
  if (kind === "j") {
    const key = parts[2]!;
    return JOURNAL_KEY.test(key) ? { ok: true, record: { type: "labels", t, body, key }, end } : bad(kind);
  }
  if (kind === "g") {
    const position = sourcePosition(parts, fieldCount === 7);
    return position ? { ok: true, record: { type: "labels", t, body, position }, end } : bad(kind);
  }
  if (kind === "k") {
    const key = parts[2]!;
    return JOURNAL_KEY.test(key) ? { ok: true, record: { type: "batch", t, body, key }, end } : bad(kind);
  }
  const position = sourcePosition(parts, fieldCount === 7);
  return position ? { ok: true, record: { type: "source", t, body, position }, end } : bad(kind);
}

function bad(kind: string): ReadResult {
  return { ok: false, incomplete: false, reason: `unreadable ${kind} record` };
}

const FINGERPRINT = /^([0-9]{1,4}):([0-9a-f]{8})$/;

/**
 * `[kind, t, dev, ino, offset, line, fingerprint?, ...]` (`withFingerprint`: the seventh field is one) -> the position,
 * or null when a field is not a non-negative integer or not a fingerprint.
 */
function sourcePosition(parts: string[], withFingerprint = false): SourcePosition | null {
  const [, , dev, ino] = parts as [string, string, string, string];
  const offset = Number(parts[4]);
  const line = Number(parts[5]);
  if (!DIGITS.test(dev) || !DIGITS.test(ino) || !Number.isSafeInteger(offset) || !Number.isSafeInteger(line))
    return null;
  if (offset < 0 || line < 0) return null;
  if (!withFingerprint) return { dev, ino, offset, line };
  const fp = FINGERPRINT.exec(parts[6] ?? "");
  if (!fp || Number(fp[1]) > offset) return null;
  return { dev, ino, offset, line, fingerprint: { bytes: Number(fp[1]), crc32c: fp[2]! } };
}

/** A record of the format before checksums (`B`, `T`, `F`): read as before, without a way to tell damage apart. */
function readLegacyRecord(buf: Buffer, pos: number, nl: number, header: string): ReadResult {
  const parts = header.split(" ");
  const t = Number(parts[1]);
  const unreadable: ReadResult = { ok: false, incomplete: false, reason: `unreadable ${parts[0]} record header` };
  if (parts[0] === "T")
    return parts.length === 2 && Number.isFinite(t)
      ? { ok: true, record: { type: "tick", t }, end: nl + 1 }
      : unreadable;
  const source = parts[0] === "F";
  if (parts.length !== (source ? 7 : 3) || !Number.isFinite(t)) return unreadable;
  const len = Number(parts[parts.length - 1]);
  if (!Number.isSafeInteger(len) || len < 0) return unreadable;
  const start = nl + 1;
  const stop = start + len;
  if (stop + 1 > buf.length)
    return { ok: false, incomplete: true, reason: "a record body cut short by the end of the file" };
  if (buf[stop] !== 10) return { ok: false, incomplete: false, reason: "no newline after the record body" };
  const body = buf.subarray(start, stop);
  if (!source) return { ok: true, record: { type: "batch", t, body }, end: stop + 1 };
  const position = sourcePosition(parts);
  return position ? { ok: true, record: { type: "source", t, body, position }, end: stop + 1 } : unreadable;
}
