import { open, readdir, stat, type FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { FileFingerprint, SourcePosition } from "../state/journal.js";
import { fingerprintOf, FINGERPRINT_BYTES, startsAs } from "./fileFingerprint.js";
import { parseEventLine, type IngestEvent } from "./parseBatch.js";

/** What one poll read. */
export interface PollResult {
  /** Well-formed events journaled. */
  events: number;
  /** Malformed lines skipped (counted as rejected{reason="source_malformed"}). */
  malformed: number;
  /** The file was replaced (new inode) and the reader moved to the new one. */
  rotated: boolean;
  /** The file shrank below the read position and was read again from byte 0. */
  truncated: boolean;
}

/** One line read: an item, null for a blank line, or why it is malformed. */
export type LineResult<T> = { ok: true; item: T | null } | { ok: false; message: string };

export interface FileSourceOptions<T = IngestEvent> {
  file: string;
  /** The durable position to resume from (from the snapshot and journal replay); null: from the start of the file. */
  start: SourcePosition | null;
  /**
   * Makes a batch durable: `body` is the well-formed lines as NDJSON (possibly empty), `position` the file position just
   * after the lines read. Resolves once the batch and the position are in the journal and applied.
   */
  commit(body: Buffer, events: T[], position: SourcePosition, malformed: number): Promise<void>;
  /**
   * Reads one line: an item, null for a blank line, or why it is malformed (skipped, logged, counted). Default: a
   * prediction event (parseEventLine). The label log passes its own.
   */
  parseLine?(raw: string): LineResult<T>;
  /** What a line is, for the log: "prediction" (default) or "label". */
  kind?: string;
  log: { info(o: object, m: string): void; warn(o: object, m: string): void };
  /** Bytes read per journal record at most (plus any one line longer than that). Default 1 MiB. */
  chunkBytes?: number;
}

interface FileId {
  dev: string;
  ino: string;
}

const NL = 10;

/**
 * Follows a JSONL prediction log by polling (fs.watch misses changes on shared volumes): each poll stats the file,
 * reads the complete lines after the saved offset and hands them to `commit` together with the position after them.
 * A last line without its newline is left for a later poll. Rotation (the path now names another inode) drains the
 * still-open old file to its end, then switches to the new file from byte 0; a file smaller than the read position was
 * truncated and is read again from byte 0.
 *
 * A file is identified by device, inode and a fingerprint of its first bytes (up to 1024 of those already read, see
 * fileFingerprint), as Filebeat and Vector do: once a rotated file is deleted the file system may give its inode to a
 * new file, and a saved position matched by inode alone would resume that new file at the old one's offset (skipping
 * its beginning, or reading from the middle of a line). A file at the saved inode that does not start with the saved
 * bytes is a new file, read from byte 0; a followed file whose first bytes changed was rewritten in place (copytruncate
 * followed by more writes than were read), and is read again from byte 0 as a truncation is.
 */
export class FileSource<T = IngestEvent> {
  private fh: FileHandle | null = null;
  private id: FileId = { dev: "0", ino: "0" };
  /** The fingerprint of the open file's first bytes read so far (up to FINGERPRINT_BYTES); null: none taken yet. */
  private fingerprint: FileFingerprint | null = null;
  private offset = 0;
  private line = 0;
  private chain: Promise<unknown> = Promise.resolve();
  private busy = false;
  private closed = false;
  /** Logged once: the path was absent at start and the renamed file of the saved position is followed meanwhile. */
  private followingRenamed = false;
  private readonly chunk: number;
  /** The last committed position: where a (re)open resumes. */
  private resume: SourcePosition | null;

  constructor(private readonly options: FileSourceOptions<T>) {
    this.chunk = options.chunkBytes ?? 1024 * 1024;
    this.resume = options.start;
  }

  get file(): string {
    return this.options.file;
  }

  /** True while a poll is running (the timer skips a tick rather than queue polls). */
  get polling(): boolean {
    return this.busy;
  }

  /** One poll; polls run one at a time, in call order. */
  pollOnce(): Promise<PollResult> {
    const run = this.chain.then(() => this.poll());
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Waits for the poll in flight, then closes the file. Later polls read nothing. */
  async close(): Promise<void> {
    this.closed = true;
    await this.chain;
    await this.fh?.close();
    this.fh = null;
  }

  private async poll(): Promise<PollResult> {
    const result: PollResult = { events: 0, malformed: 0, rotated: false, truncated: false };
    if (this.closed) return result;
    this.busy = true;
    try {
      if (!this.fh && !(await this.openAtStart(result))) return result;
      for (;;) {
        const current = await statId(this.options.file);
        const rotated = current !== null && !sameFile(current, this.id);
        const size = Number((await this.fh!.stat({ bigint: true })).size);
        const rewritten = size >= this.offset && !(await startsAs(this.fh!, this.fingerprint ?? undefined));
        if (size < this.offset || rewritten) {
          this.options.log.warn(
            { file: this.options.file, size, offset: this.offset },
            rewritten
              ? "prediction log's first bytes changed (rewritten in place): reading it again from the start"
              : "prediction log truncated: reading it again from the start",
          );
          this.offset = 0;
          this.line = 0;
          this.fingerprint = null;
          result.truncated = true;
        }
        // After a rotation nothing more is expected in the old file: its last line counts even without a newline.
        await this.readToEnd(result, rotated);
        if (!rotated) return result;
        await this.fh!.close();
        this.fh = null;
        if (!(await this.openFresh())) return result;
        result.rotated = true;
        this.options.log.info(
          { file: this.options.file, ino: this.id.ino },
          "prediction log rotated: following the new file",
        );
      }
    } catch (e) {
      // Start over at the next poll from the last committed position (reopening finds a rotated file again).
      await this.fh?.close().catch(() => undefined);
      this.fh = null;
      throw e;
    } finally {
      this.busy = false;
    }
  }

  /**
   * Opens the file for the first time in this process, resuming from the durable position when it is the same file.
   * False while the path does not exist; every poll tries again, and meanwhile follows the file of the saved position
   * if it was renamed in the same directory (rotated while stopped, the new file not created yet).
   */
  private async openAtStart(result: PollResult): Promise<boolean> {
    const start = this.resume;
    if (!(await this.openFresh())) {
      if (start) await this.followRenamed(start, result);
      return false;
    }
    if (!start) return true;
    if (sameFile(start, this.id)) {
      if (!(await startsAs(this.fh!, start.fingerprint))) {
        // The saved file was deleted and a new one got its inode: nothing of it was read yet.
        this.options.log.warn(
          { file: this.options.file, saved: start },
          "prediction log at the saved inode is another file (other first bytes; the inode was reused after a rotation): reading it from the start",
        );
        return true;
      }
      this.offset = start.offset;
      this.line = start.line;
      this.fingerprint = start.fingerprint ?? null;
      return true; // poll() checks the size against the offset (truncation while stopped)
    }
    // Rotated while the monitor was down: read the rest of the old file if it is still in the same directory.
    const old = await findById(dirname(this.options.file), start);
    if (!old) {
      this.options.log.warn(
        { file: this.options.file, saved: start },
        "prediction log was replaced while stopped and the old file is gone: lines after the saved position are lost",
      );
      return true;
    }
    const current = { fh: this.fh, id: this.id };
    let oldFh: FileHandle | null = null;
    try {
      oldFh = await open(old, "r");
      this.fh = oldFh;
      this.id = { dev: start.dev, ino: start.ino };
      this.offset = start.offset;
      this.line = start.line;
      this.fingerprint = start.fingerprint ?? null;
      const size = Number((await oldFh.stat({ bigint: true })).size);
      if (size < this.offset) {
        this.offset = 0;
        this.line = 0;
        this.fingerprint = null;
        result.truncated = true;
      }
      this.options.log.info({ file: old, offset: this.offset }, "reading the rest of the rotated prediction log");
      await this.readToEnd(result, true);
      result.rotated = true;
    } finally {
      await oldFh?.close();
      this.fh = current.fh;
      this.id = current.id;
      this.offset = 0;
      this.line = 0;
      this.fingerprint = null;
    }
    return true;
  }

  /**
   * While the path is absent after a restart: reads the complete lines added to the saved position's file, found by
   * device/inode in the log's directory, as a running monitor does with a rotated file until the new one appears. Not
   * the last read of that file (the writer may still append), so a last line without its newline waits; the position
   * advances in `resume`, where openAtStart takes it up once the path exists.
   */
  private async followRenamed(start: SourcePosition, result: PollResult): Promise<void> {
    const old = await findById(dirname(this.options.file), start).catch(() => null);
    if (!old) return;
    if (!this.followingRenamed) {
      this.followingRenamed = true;
      this.options.log.info(
        { file: this.options.file, renamed: old, offset: start.offset },
        "prediction log path is absent: following the renamed file until it appears",
      );
    }
    try {
      this.fh = await open(old, "r");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return; // moved on again since the directory was listed
      throw e;
    }
    try {
      this.id = { dev: start.dev, ino: start.ino };
      this.offset = start.offset;
      this.line = start.line;
      this.fingerprint = start.fingerprint ?? null;
      const size = Number((await this.fh.stat({ bigint: true })).size);
      if (size < this.offset) {
        this.offset = 0;
        this.line = 0;
        this.fingerprint = null;
        result.truncated = true;
      }
      await this.readToEnd(result, false);
    } finally {
      await this.fh?.close();
      this.fh = null;
      this.offset = 0;
      this.line = 0;
      this.fingerprint = null;
    }
  }

  /** Opens the path at byte 0; false when it does not exist (yet). */
  private async openFresh(): Promise<boolean> {
    try {
      this.fh = await open(this.options.file, "r");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return false;
      throw e;
    }
    const st = await this.fh.stat({ bigint: true });
    this.id = { dev: String(st.dev), ino: String(st.ino) };
    this.offset = 0;
    this.line = 0;
    this.fingerprint = null;
    return true;
  }

  /** Reads from the offset to the current end, committing complete lines chunk by chunk. */
  private async readToEnd(result: PollResult, final: boolean): Promise<void> {
    const fh = this.fh!;
    let carry = Buffer.alloc(0);
    let at = this.offset;
    for (;;) {
      const buf = Buffer.allocUnsafe(this.chunk);
      const { bytesRead } = await fh.read(buf, 0, this.chunk, at);
      if (bytesRead === 0) break;
      at += bytesRead;
      const data = carry.length > 0 ? Buffer.concat([carry, buf.subarray(0, bytesRead)]) : buf.subarray(0, bytesRead);
      const last = data.lastIndexOf(NL);
      if (last < 0) {
        carry = Buffer.from(data);
        continue;
      }
      carry = Buffer.from(data.subarray(last + 1));
      await this.consume(data.subarray(0, last + 1), result);
    }
    if (final && carry.length > 0) {
      this.options.log.warn(
        { file: this.options.file, line: this.line + 1 },
        "rotated prediction log ends without a newline: its last line is read as is",
      );
      await this.consume(carry, result);
    }
  }

  /** Parses lines (the last may lack its newline only when the file is being left), then commits them. */
  private async consume(bytes: Buffer, result: PollResult): Promise<void> {
    const good: Buffer[] = [];
    const events: T[] = [];
    // Without parseLine, T is IngestEvent (the default): the prediction log.
    const parseLine = this.options.parseLine ?? (eventLine as unknown as (raw: string) => LineResult<T>);
    let malformed = 0;
    let line = this.line;
    let from = 0;
    while (from < bytes.length) {
      let nl = bytes.indexOf(NL, from);
      if (nl < 0) nl = bytes.length;
      line++;
      // A byte order mark starts the file, not its first event (JSON.parse refuses it); offsets still count its bytes.
      const bom = from === 0 && this.offset === 0 && startsWithBom(bytes) ? BOM.length : 0;
      const raw = bytes.subarray(from + bom, nl);
      from = nl + 1;
      const parsed = parseLine(raw.toString("utf8"));
      if (!parsed.ok) {
        malformed++;
        this.options.log.warn(
          { file: this.options.file, line, err: parsed.message },
          `${basename(this.options.file)}:${line}: malformed ${this.options.kind ?? "prediction"} line skipped`,
        );
      } else if (parsed.item !== null) {
        good.push(raw);
        events.push(parsed.item);
      }
    }
    const body = Buffer.concat(good.flatMap((b, i) => (i === 0 ? [b] : [NEWLINE, b])));
    const offset = this.offset + bytes.length;
    // Taken of bytes read (never past the position), so a short log is followed from its first line; fixed once the
    // file has FINGERPRINT_BYTES.
    if (!this.fingerprint || this.fingerprint.bytes < Math.min(offset, FINGERPRINT_BYTES))
      this.fingerprint = await fingerprintOf(this.fh!, offset);
    const position: SourcePosition = {
      ...this.id,
      offset,
      line,
      ...(this.fingerprint ? { fingerprint: this.fingerprint } : {}),
    };
    await this.options.commit(body, events, position, malformed);
    this.resume = position;
    this.offset = position.offset;
    this.line = line;
    result.events += events.length;
    result.malformed += malformed;
  }
}

/** The default line reader: a prediction event. */
function eventLine(raw: string): LineResult<IngestEvent> {
  const parsed = parseEventLine(raw);
  return parsed.ok ? { ok: true, item: parsed.event } : parsed;
}

const NEWLINE = Buffer.from("\n");
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function startsWithBom(bytes: Buffer): boolean {
  return bytes.length >= BOM.length && bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];
}

function sameFile(a: FileId, b: FileId): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

async function statId(path: string): Promise<FileId | null> {
  try {
    const st = await stat(path, { bigint: true });
    return { dev: String(st.dev), ino: String(st.ino) };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}

/**
 * The path of the file in `dir` with this device and inode and, when the position has one, its fingerprint (a rotated
 * log renamed next to the new one), if any.
 */
async function findById(dir: string, id: SourcePosition): Promise<string | null> {
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    const found = await statId(path).catch(() => null);
    if (!found || !sameFile(found, id)) continue;
    const fh = await open(path, "r").catch(() => null);
    if (!fh) continue;
    try {
      if (await startsAs(fh, id.fingerprint)) return path;
    } finally {
      await fh.close();
    }
  }
  return null;
}
