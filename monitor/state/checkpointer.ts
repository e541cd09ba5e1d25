import type { Journal } from "./journal.js";

/**
 * A checkpoint (snapshot + compaction) also runs whenever the journal has grown this much since the last one, not only
 * every snapshot_interval: at 400,000 events/s a 30 s interval leaves 4 GB of journal, which is disk, page cache
 * (counted against a container's memory limit) and replay time after a crash. On the bench's VM, writes into page
 * cache that kept growing cost the journal's writer thread about 0.7 s of CPU per million events more than with
 * checkpoints every 2 s. 256 MiB is about 750,000 events of 350 bytes: a checkpoint every 2 s at that rate.
 */
export const JOURNAL_CHECKPOINT_BYTES = 256 * 1024 * 1024;

/**
 * Writes the snapshot (calling `onStep` at its crash-relevant steps) and returns the journal offset it covers; a
 * promise when it writes in chunks with ingest going on between them (the state it writes is copied before that).
 */
export type WriteSnapshot = (onStep: (step: string) => void) => number | Promise<number>;

/** Snapshot then journal compaction, one at a time; on a timer, when the journal grew, and at shutdown. */
export class Checkpointer {
  /** Journal offset the last snapshot covers. */
  private checkpointedAt: number;
  private running: Promise<void> | null = null;

  constructor(
    private readonly journal: Journal,
    private readonly writeSnapshot: WriteSnapshot,
    private readonly log: { debug(o: object, m: string): void },
    from: number,
    private readonly everyBytes = JOURNAL_CHECKPOINT_BYTES,
  ) {
    this.checkpointedAt = from;
  }

  /** True while a checkpoint runs. */
  get busy(): boolean {
    return this.running !== null;
  }

  /** `onStep` sees each crash-relevant step (tests copy the state there). */
  async checkpoint(onStep?: (step: string) => void): Promise<void> {
    while (this.running) await this.running;
    const run = (async () => {
      const covered = await this.writeSnapshot((step) => onStep?.(step));
      this.checkpointedAt = covered;
      onStep?.("snapshot renamed");
      const deleted = await this.journal.compact(covered, onStep);
      if (deleted.length > 0) this.log.debug({ covered, deleted }, "journal compacted");
    })();
    // Whoever called checkpoint() gets its failure; the promise others wait on only settles (an unhandled
    // rejection of it would end the process).
    this.running = run
      .catch(() => undefined)
      .finally(() => {
        this.running = null;
      });
    return run;
  }

  /** Waits for a running checkpoint. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Whether the journal has grown past the threshold since the last snapshot (and none runs). */
  due(): boolean {
    return !this.running && this.journal.offset - this.checkpointedAt >= this.everyBytes;
  }
}
