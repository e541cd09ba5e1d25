import type { EventBatch } from "../ingest/eventBatch.js";
import type { FeatureLayout } from "../ingest/featureLayout.js";
import type { BatchStats } from "../ingest/batchStats.js";
import { countAt, WindowState, type WindowStateJson } from "./windowState.js";

/** What adding a batch by event time did with the events it did not add to a window. */
export interface EventTimeCounts {
  /** Events whose window had already closed (its end + allowed lateness was behind the clock). */
  late: number;
  /** Events without a usable `ts` (absent, not RFC 3339 or epoch ms, before 1970). */
  invalidTs: number;
  /** Events more than one window ahead of the clock (a sender's clock off): not added, or windows would pile up. */
  futureTs: number;
}

export interface EventTimeJson {
  open: WindowStateJson[];
  late_pending: number;
}

/**
 * The open windows of event time: window [s, s + d) with s a multiple of d since the epoch holds the events whose `ts`
 * falls in it, and closes once the clock passes s + d + lateness. The clock is the journaled arrival time (a replay
 * of the prediction log uses the events' own times), so replaying the journal gives the same windows and the same
 * late events. At most (lateness / d) + 3 windows are open: an event more than one window ahead of the clock is
 * counted, not added.
 */
export class EventTimeWindows {
  /** Open windows by start (ms); their `index` is given when they close, in order of start. */
  readonly open = new Map<number, WindowState>();
  /** Late events since the last closed window's report (they go into the next one's). */
  latePending = 0;

  constructor(
    private readonly layout: FeatureLayout,
    readonly durationMs: number,
    readonly latenessMs: number,
  ) {}

  /**
   * Adds each event of `events` to the window of its ts, as of clock `t` (or, given `clocks`, event e as of clocks[e]:
   * a replay of a prediction log, where each event arrived at its own time); returns what was not added. `added` hears
   * each run of events [from, to) added to one window (the label join notes their window).
   */
  add(
    events: EventBatch,
    t: number,
    stats?: BatchStats,
    clocks?: Float64Array,
    added?: (w: WindowState, from: number, to: number) => void,
  ): EventTimeCounts {
    const d = this.durationMs;
    const counts: EventTimeCounts = { late: 0, invalidTs: 0, futureTs: 0 };
    // Runs of events bound for the same window are added together (addBatch keeps each accumulator in event order).
    let runStart = -1;
    let from = 0;
    const flush = (to: number) => {
      if (runStart >= 0 && to > from) {
        const w = this.windowAt(runStart);
        w.addBatch(events, from, to, stats);
        added?.(w, from, to);
      }
      runStart = -1;
    };
    for (let e = 0; e < events.length; e++) {
      const ts = events.ts[e]!;
      const now = clocks ? clocks[e]! : t;
      const start = Number.isNaN(ts) || ts < 0 ? -1 : Math.floor(ts / d) * d;
      let target = start;
      if (start < 0) {
        counts.invalidTs++;
        target = -1;
      } else if (start + d + this.latenessMs <= now) {
        counts.late++;
        target = -1;
      } else if (start > now + d) {
        counts.futureTs++;
        target = -1;
      }
      if (target !== runStart) {
        flush(e);
        runStart = target;
        from = e;
      }
    }
    flush(events.length);
    this.latePending += counts.late;
    return counts;
  }

  private windowAt(start: number): WindowState {
    let w = this.open.get(start);
    if (!w) {
      w = new WindowState(this.layout, 0, start);
      this.open.set(start, w);
    }
    return w;
  }

  /** True when a window is due to close at clock t. */
  dueAt(t: number): boolean {
    for (const s of this.open.keys()) if (s + this.durationMs + this.latenessMs <= t) return true;
    return false;
  }

  /** The windows due at clock t, oldest first, taken out of the open ones. */
  takeDue(t: number): WindowState[] {
    const due = [...this.open.keys()].filter((s) => s + this.durationMs + this.latenessMs <= t).sort((a, b) => a - b);
    return due.map((s) => {
      const w = this.open.get(s)!;
      this.open.delete(s);
      return w;
    });
  }

  /** Every open window, oldest first, taken out (a replay's end flushes them). */
  takeAll(): WindowState[] {
    return this.takeDue(Infinity);
  }

  /** Late events since the last report, then zero. */
  takeLate(): number {
    const n = this.latePending;
    this.latePending = 0;
    return n;
  }

  toJson(): EventTimeJson {
    return { open: [...this.open.values()].map((w) => w.toJson()), late_pending: this.latePending };
  }

  /** Restores the open windows of a snapshot (`event_windows`); throws an Error naming a bad field. */
  load(j: unknown): void {
    if (typeof j !== "object" || j === null || !Array.isArray((j as EventTimeJson).open))
      throw new Error("event_windows.open is not a list");
    this.open.clear();
    for (const wj of (j as EventTimeJson).open) {
      const w = WindowState.fromJson(this.layout, wj);
      if (w.startedAt % this.durationMs !== 0)
        throw new Error(`event_windows: a window starts at ${w.startedAt}, not a multiple of window.duration`);
      this.open.set(w.startedAt, w);
    }
    this.latePending = countAt((j as EventTimeJson).late_pending, "event_windows.late_pending");
  }
}
