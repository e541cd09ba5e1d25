import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from "node:fs";

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
  at: string;
}

/** Sends one entry; throws on failure. The monitor's GitHub sender implements it; tests use fakes. */
export type OutboxSender = (entry: OutboxEntry) => Promise<void>;

/**
 * The durable outbox (`outbox.jsonl`): every decided GitHub request is appended and fsync'ed before anything is sent.
 * Without a sender (no token) the file is the dry-run record. With one, pending entries are sent in order; a failure
 * is recorded and retried with exponential backoff (1 s, 2 s, 4 s ... capped at 10 min); success appends a `sent`
 * status line. A crash between sending and recording `sent` resends the entry once: the issue actions look the issue
 * up by its marker first, so a resend updates rather than duplicates.
 */
export class Outbox {
  private readonly entries = new Map<string, OutboxEntry>();
  private readonly sent = new Set<string>();
  private readonly attempts = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<void> | null = null;
  private stopped = false;

  constructor(
    readonly path: string,
    private readonly sender: OutboxSender | null,
    private readonly options: {
      baseDelayMs?: number;
      maxDelayMs?: number;
      onError?: (e: Error, id: string) => void;
      /** Clock for the `at` of status lines (default Date.now). */
      now?: () => number;
    } = {},
  ) {
    if (!existsSync(path)) return;
    for (const line of readFileSync(path, "utf8").split("\n")) {
      if (line.trim() === "") continue;
      let v: (OutboxEntry & { status?: undefined }) | StatusLine;
      try {
        v = JSON.parse(line) as OutboxEntry | StatusLine;
      } catch {
        continue; // a torn last line: that entry was never acknowledged as recorded
      }
      if ("status" in v && v.status !== undefined) {
        if (v.status === "sent") this.sent.add(v.id);
        else this.attempts.set(v.id, v.attempts);
      } else this.entries.set(v.id, v as OutboxEntry);
    }
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** Records an entry durably; false when an entry with this id was recorded before (a replayed decision). */
  add(entry: OutboxEntry): boolean {
    if (this.entries.has(entry.id)) return false;
    this.appendLine(entry);
    this.entries.set(entry.id, entry);
    this.kick(0);
    return true;
  }

  pending(): OutboxEntry[] {
    return [...this.entries.values()].filter((e) => !this.sent.has(e.id));
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
        const entry = this.pending()[0];
        if (!entry) return;
        const attempts = (this.attempts.get(entry.id) ?? 0) + 1;
        try {
          await sender(entry);
          this.sent.add(entry.id);
          this.appendLine({ id: entry.id, status: "sent", attempts, at: this.at() });
        } catch (e) {
          this.attempts.set(entry.id, attempts);
          const error = (e as Error).message;
          this.appendLine({ id: entry.id, status: "failed", attempts, error, at: this.at() });
          this.options.onError?.(e as Error, entry.id);
          const base = this.options.baseDelayMs ?? 1000;
          this.kick(Math.min(base * 2 ** (attempts - 1), this.options.maxDelayMs ?? 600_000));
          return;
        }
      }
    }
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

  private appendLine(value: unknown): void {
    const fd = openSync(this.path, "a");
    try {
      writeSync(fd, JSON.stringify(value) + "\n");
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}
