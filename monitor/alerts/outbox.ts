import { closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, openSync, readFileSync, writeSync } from "node:fs";
import { StateWrites } from "../state/stateWrites.js";

/** One GitHub request the monitor decided to make. `id` is deterministic (window and action), so replay dedupes. */
export interface OutboxEntry {
  id: string;
  kind: string;
  method: string;
  path: string;
  body: Record<string, unknown>;
  created_at: string;
}

interface StatusLine {
  id: string;
  status: "sent" | "failed";
  attempts: number;
  error?: string;
  /** `sent`: what the answer left for later entries (a dispatch: the run GitHub started). */
  result?: OutboxResult;
  /** `failed`: the failure parked the entry (it no longer holds back the entries after it). */
  parked?: boolean;
  at: string;
}

/** What a sent entry's answer left for later entries (a workflow dispatch: `{workflow_run_id, html_url, run_url}`). */
export type OutboxResult = Record<string, unknown>;

/** Where an entry stands, for a sender that resolves one entry from another (the issue that links the dispatch). */
export type OutboxEntryStatus =
  { state: "sent"; result: OutboxResult | null } | { state: "parked" } | { state: "pending" } | { state: "unknown" };

export interface OutboxSendContext {
  statusOf(id: string): OutboxEntryStatus;
}

/**
 * Sends one entry; throws on failure. What it returns is recorded durably in the entry's `sent` line, before any later
 * entry is sent, and later entries see it through `context.statusOf`. The monitor's GitHub sender implements it;
 * tests use fakes. A thrown error with `parkable: true` parks the entry (see Outbox).
 */
export type OutboxSender = (entry: OutboxEntry, context: OutboxSendContext) => Promise<OutboxResult | void>;

/** Marks a failure as parkable: retrying soon will not fix it, and it need not hold back the entries after it. */
export function parkable<E extends Error>(e: E): E & { parkable: true } {
  return Object.assign(e, { parkable: true as const });
}

export function isParkable(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { parkable?: unknown }).parkable === true;
}

/**
 * The durable outbox (`outbox.jsonl`): every decided GitHub request is appended and fsync'ed before anything is sent.
 * Without a sender (no token) the file is the dry-run record. With one, pending entries are sent in order; a failure
 * is recorded and retried with exponential backoff (1 s, 2 s, 4 s ... capped at 10 min); success appends a `sent`
 * status line (with the sender's result, e.g. the dispatched run). A crash between sending and recording `sent`
 * resends the entry once: the issue actions look the issue up by its marker first, so a resend updates rather than
 * duplicates.
 *
 * Entries are sent in the order recorded, and a failing entry holds back those after it, except when its failure is
 * parkable (GitHub refused a dispatch with a 4xx: retrying soon changes nothing): it is then parked, the entries after
 * it are sent, and it is retried whenever nothing else is pending (with the same backoff).
 */
export class Outbox {
  private readonly entries = new Map<string, OutboxEntry>();
  private readonly sent = new Set<string>();
  private readonly results = new Map<string, OutboxResult>();
  private readonly attempts = new Map<string, number>();
  private readonly parked = new Set<string>();
  /** When each parked entry may be tried again (its backoff); not persisted: a restart tries them once at start. */
  private readonly retryAt = new Map<string, number>();
  /** The timer only waits for a parked entry's backoff, so a new entry may go ahead of it at once. */
  private waitingOnParked = false;
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<void> | null = null;
  private stopped = false;
  /** Bytes of the file up to the end of its last complete line: a failed append is cut back to here first. */
  private durableSize = 0;
  /** Lines handed to `writes`, and those of them on disk: nothing is sent while one waits (see appendLine). */
  private linesQueued = 0;
  private linesWritten = 0;
  private readonly writes: StateWrites;

  constructor(
    readonly path: string,
    private readonly sender: OutboxSender | null,
    private readonly options: {
      baseDelayMs?: number;
      maxDelayMs?: number;
      onError?: (e: Error, id: string) => void;
      /** Clock for the `at` of status lines (default Date.now). */
      now?: () => number;
      /** Milliseconds clock for parked entries' backoff, which real timers wait out (default performance.now). */
      elapsed?: () => number;
      /** Where a failed append waits to be retried (the monitor's, shared with the window reports); default its own. */
      writes?: StateWrites;
    } = {},
  ) {
    this.writes = options.writes ?? new StateWrites();
    // Writes queued while the disk was full are done: what waited on them may be sent now.
    this.writes.onAvailability((unavailable) => {
      if (!unavailable) this.kick(0);
    });
    if (!existsSync(path)) return;
    const bytes = readFileSync(path);
    this.durableSize = bytes.lastIndexOf(10) + 1;
    // Past the last newline is a write that never completed (never acknowledged), even when it parses: the next append
    // cuts it off, so it must not count now (a replayed decision records it again).
    for (const line of bytes.subarray(0, this.durableSize).toString("utf8").split("\n")) {
      if (line.trim() === "") continue;
      let v: (OutboxEntry & { status?: undefined }) | StatusLine;
      try {
        v = JSON.parse(line) as OutboxEntry | StatusLine;
      } catch {
        continue; // not JSON: damaged from outside, skipped
      }
      if ("status" in v && v.status !== undefined) {
        if (v.status === "sent") {
          this.sent.add(v.id);
          if (v.result) this.results.set(v.id, v.result);
        } else {
          this.attempts.set(v.id, v.attempts);
          if (v.parked) this.parked.add(v.id);
          else this.parked.delete(v.id);
        }
      } else this.entries.set(v.id, v as OutboxEntry);
    }
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /**
   * Records an entry (durably, or waiting in `writes` for the disk: it is not sent before); false when an entry with
   * this id was recorded before (a replayed decision).
   */
  add(entry: OutboxEntry): boolean {
    if (this.entries.has(entry.id)) return false;
    this.appendLine(entry);
    this.entries.set(entry.id, entry);
    if (this.waitingOnParked && this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.kick(0);
    return true;
  }

  /** Entries not sent yet, in the order recorded. */
  pending(): OutboxEntry[] {
    return [...this.entries.values()].filter((e) => !this.sent.has(e.id));
  }

  /** Where an entry stands: sent (with its recorded result), parked, pending, or unknown. */
  statusOf(id: string): OutboxEntryStatus {
    if (this.sent.has(id)) return { state: "sent", result: this.results.get(id) ?? null };
    if (!this.entries.has(id)) return { state: "unknown" };
    return this.parked.has(id) ? { state: "parked" } : { state: "pending" };
  }

  /** The next entry to send: the first pending one that is not parked, else the first parked one whose backoff is over. */
  private next(): OutboxEntry | undefined {
    const pending = this.pending();
    const now = this.elapsed();
    return pending.find((e) => !this.parked.has(e.id)) ?? pending.find((e) => (this.retryAt.get(e.id) ?? 0) <= now);
  }

  all(): OutboxEntry[] {
    return [...this.entries.values()];
  }

  /** Starts sending pending entries (no-op in dry run). */
  start(): void {
    this.kick(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Resolves when no send is in flight (shutdown waits for it, so a `sent` line is not lost to a restart). */
  async idle(): Promise<void> {
    while (this.current) await this.current;
  }

  /**
   * Sends pending entries one at a time, in order, until none is left (entries added meanwhile included), stopping
   * at the first failure (later ones wait their turn). A call while a send is in flight joins it.
   */
  sendPending(): Promise<void> {
    if (!this.sender) return Promise.resolve();
    if (this.current) return this.current;
    this.current = this.sendLoop().finally(() => {
      this.current = null;
    });
    return this.current;
  }

  private async sendLoop(): Promise<void> {
    const sender = this.sender!;
    {
      for (;;) {
        // An entry is sent only once its line is on disk, and a later one only once the earlier one's `sent` line
        // (with its result) is: while an append waits for space, sending waits too (the writes' recovery kicks it).
        if (this.linesWritten < this.linesQueued) return;
        const entry = this.next();
        if (!entry) {
          // Only parked entries are left, each waiting out its backoff.
          const due = Math.min(...this.pending().map((e) => this.retryAt.get(e.id) ?? 0));
          if (Number.isFinite(due)) {
            this.waitingOnParked = true;
            this.kick(Math.max(0, due - this.elapsed()));
          }
          return;
        }
        const attempts = (this.attempts.get(entry.id) ?? 0) + 1;
        try {
          const result = (await sender(entry, { statusOf: (id) => this.statusOf(id) })) ?? undefined;
          this.sent.add(entry.id);
          this.parked.delete(entry.id);
          this.retryAt.delete(entry.id);
          if (result) this.results.set(entry.id, result);
          // The result is durable (fsync'ed with the `sent` line) before any later entry is sent.
          this.appendLine({ id: entry.id, status: "sent", attempts, ...(result ? { result } : {}), at: this.at() });
        } catch (e) {
          this.attempts.set(entry.id, attempts);
          const error = (e as Error).message;
          const park = isParkable(e);
          const base = this.options.baseDelayMs ?? 1000;
          const delay = Math.min(base * 2 ** (attempts - 1), this.options.maxDelayMs ?? 600_000);
          if (park) {
            this.parked.add(entry.id);
            this.retryAt.set(entry.id, this.elapsed() + delay);
          } else {
            this.parked.delete(entry.id);
            this.retryAt.delete(entry.id);
          }
          this.appendLine({
            id: entry.id,
            status: "failed",
            attempts,
            error,
            ...(park ? { parked: true } : {}),
            at: this.at(),
          });
          this.options.onError?.(e as Error, entry.id);
          // A parked entry steps aside at once: the entries after it are sent now.
          if (park && this.pending().some((x) => !this.parked.has(x.id))) continue;
          this.waitingOnParked = park;
          this.kick(delay);
          return;
        }
      }
    }
  }

  private elapsed(): number {
    return this.options.elapsed ? this.options.elapsed() : performance.now();
  }

  private at(): string {
    return new Date((this.options.now ?? Date.now)()).toISOString();
  }

  private kick(delayMs: number): void {
    if (!this.sender || this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.sendPending();
    }, delayMs);
    this.timer.unref();
  }

  /**
   * Appends one line and fsyncs it, through `writes`: when that fails (disk full, EIO) the line waits in memory, with
   * every line after it, and is retried; the in-memory state already has it, and the journal refuses new batches
   * meanwhile. A retry first cuts off what the failed write left (a torn line that the next one would run into).
   */
  private appendLine(value: unknown): void {
    const line = Buffer.from(JSON.stringify(value) + "\n");
    this.linesQueued++;
    this.writes.run(`the outbox ${this.path}`, () => {
      const fd = openSync(this.path, "a");
      try {
        if (fstatSync(fd).size > this.durableSize) ftruncateSync(fd, this.durableSize);
        for (let at = 0; at < line.length;) at += writeSync(fd, line, at);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      this.durableSize += line.length;
      this.linesWritten++;
    });
  }
}
