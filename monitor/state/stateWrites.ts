import { JournalUnavailableError } from "./journal.js";

/** A write of state the journal's records lead to failed (window report, outbox line): appends wait until it is done. */
export class StateWriteError extends JournalUnavailableError {
  constructor(
    reason: Error,
    readonly what: string,
  ) {
    super(reason);
    const code = (reason as NodeJS.ErrnoException).code;
    this.message = `${what} cannot be written (${code ? `${code}: ` : ""}${reason.message})`;
  }
}

interface QueuedWrite {
  what: string;
  write: () => void;
}

/**
 * Writes of the state that applying journal records produces outside the snapshot: window reports and outbox lines.
 * They run while a record is applied, after its batch is durable, so a failed one (disk full, EIO) must neither throw
 * into the apply (it would stop half-way, leaving the window and alert state torn, and answer 500) nor be dropped. It is
 * queued instead, with everything written after it (in order), and retried every `retryMs` until the file system takes
 * it again. Meanwhile `unavailable` names the failure: the journal refuses appends with it (503 + Retry-After, /readyz
 * 503, the file source waits), which bounds what waits here, and no snapshot is written, so a crash replays the
 * journal from the last snapshot and makes the same writes again (window reports are overwritten, outbox entries are
 * deduplicated by id). Each `write` must be safe to run again after a failure part-way (write the whole file; cut
 * back a torn line first).
 *
 * Only errors of the file system (an errno `code`) are queued; anything else is a bug: that write is dropped and the
 * error thrown (from a retry, uncaught: the monitor stops, and its restart replays the journal).
 */
export class StateWrites {
  private readonly queue: QueuedWrite[] = [];
  private failed: StateWriteError | null = null;
  private retry: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly listeners: ((unavailable: StateWriteError | null) => void)[] = [];
  private readonly retryMs: number;

  constructor(options: { retryMs?: number } = {}) {
    this.retryMs = options.retryMs ?? 1000;
  }

  /** Hears each change of availability once: the failure, then null when every queued write is done. */
  onAvailability(listener: (unavailable: StateWriteError | null) => void): void {
    this.listeners.push(listener);
  }

  /** Why writes are queued right now, or null. */
  get unavailable(): StateWriteError | null {
    return this.failed;
  }

  /** Writes not done yet. */
  get pending(): number {
    return this.queue.length;
  }

  /** Runs `write` now, or after the writes queued before it; true when it is done. `what` names it in errors. */
  run(what: string, write: () => void): boolean {
    this.queue.push({ what, write });
    if (this.queue.length > 1) return false;
    return this.drain();
  }

  /** Tries the queued writes again, in order; true when none is left. */
  retryNow(): boolean {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    return this.drain();
  }

  /** Stops the retry timer (shutdown); queued writes stay queued. */
  close(): void {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
  }

  private drain(): boolean {
    while (this.queue.length > 0) {
      const next = this.queue[0]!;
      try {
        next.write();
      } catch (e) {
        if (typeof (e as NodeJS.ErrnoException).code !== "string") {
          // A bug, not the file system: thrown to the caller, and not left at the head of the queue, where it would
          // hold every later write back while nothing says writes are unavailable.
          this.queue.shift();
          throw e;
        }
        const was = this.failed;
        this.failed = new StateWriteError(e as Error, next.what);
        if (was === null) for (const l of this.listeners) l(this.failed);
        this.schedule();
        return false;
      }
      this.queue.shift();
    }
    if (this.failed) {
      this.failed = null;
      for (const l of this.listeners) l(null);
    }
    return true;
  }

  private schedule(): void {
    if (this.retry || this.closed) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      this.drain();
    }, this.retryMs);
    this.retry.unref();
  }
}
