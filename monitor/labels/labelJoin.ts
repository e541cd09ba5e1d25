import { INVALID, VALUE, type EventBatch } from "../ingest/eventBatch.js";
import type { JoinedRowsSink } from "../performance/joinedRowsSink.js";
import type { SourcePosition } from "../state/journal.js";
import type { LabelsConfig } from "./labelsConfig.js";
import type { LabelBatch, LabelValue } from "./parseLabels.js";

/** What the join has done since the state began (kept in the snapshot, so restarts do not reset or double them). */
export interface LabelCounts {
  /** Labels applied (HTTP and the label log). */
  labels: number;
  /** Events that carried a usable `id` and were counted in a window. */
  events_with_id: number;
  /** Events whose `id` was of a wrong type, empty or over 256 bytes (not joinable). */
  invalid_ids: number;
  /**
   * Events whose `probability` (or `probabilities[positive_class]`) was not a number in [0, 1], or whose
   * `probabilities` was not an object: treated as absent.
   */
  invalid_probabilities: number;
  /** Prediction-label pairs joined. */
  matched: number;
  /** Events whose label did not come within max_delay. */
  unmatched_events: number;
  /** Labels whose event did not come within max_delay. */
  unmatched_labels: number;
  /** Waiting events dropped, oldest first, to stay within max_pending. */
  evicted_events: number;
  /** Waiting labels dropped, oldest first, to stay within max_pending. */
  evicted_labels: number;
  /** Labels for an id that already has one (waiting or joined): the first one counts, the repeat is dropped. */
  duplicate_labels: number;
  /** Events with an id already waiting or joined: the first one counts, the repeat is not joined. */
  duplicate_events: number;
}

export const LABEL_COUNT_NAMES = [
  "labels",
  "events_with_id",
  "invalid_ids",
  "invalid_probabilities",
  "matched",
  "unmatched_events",
  "unmatched_labels",
  "evicted_events",
  "evicted_labels",
  "duplicate_labels",
  "duplicate_events",
] as const satisfies readonly (keyof LabelCounts)[];

type Prediction = number | string | boolean | null;

/** What a waiting event keeps: only what realized performance needs. */
interface WaitingEvent {
  t: number;
  /** The window's index, or -1 for an event-time window not closed yet (then `start` finds it). */
  window: number;
  start: number;
  prediction: Prediction;
  probability: number;
  modelVersion: string | null;
}

interface WaitingLabel {
  t: number;
  label: LabelValue;
}

/** Joined rows of an event-time window still open: handed over when it closes and gets its index. */
interface HeldRows {
  prediction: Prediction[];
  probability: number[];
  label: LabelValue[];
}

/** Where the event window of a batch range was counted: its index (-1: event time, numbered at close) and start. */
export interface EventWindowRef {
  index: number;
  start: number;
}

/**
 * The join of predictions and the labels that arrive later, by `id`. Events with an id wait for their label, and
 * labels that come first wait for their event, each up to `max_delay` after its arrival and at most `max_pending` of
 * each (past it the oldest is dropped and counted). Each joined pair goes to the sink once, with the window the
 * prediction was counted in; an id joined once stays remembered (as long and as many as the waiting ones), so a repeat
 * of its label or event is a duplicate, not a new wait.
 *
 * Everything here is a function of the journal: the clock is the records' arrival time, the maps keep arrival order
 * (the arrival clock never goes back, so the oldest waiting entry is always the first one), and the whole state is in
 * the snapshot; replay after it makes the same joins and the same sink calls.
 */
export class LabelJoin {
  readonly counts: LabelCounts = Object.fromEntries(LABEL_COUNT_NAMES.map((k) => [k, 0])) as unknown as LabelCounts;
  /** Ids (data: Map keys, never object keys) waiting, in arrival order. */
  private readonly events = new Map<string, WaitingEvent>();
  private readonly labels = new Map<string, WaitingLabel>();
  /** Ids joined, with when: a repeat is a duplicate. */
  private readonly joined = new Map<string, number>();
  /**
   * Event-time windows: start -> [index, clock when it closed] of those closed while an event counted in them may
   * still wait; the rows joined for those still open, held by start.
   */
  private readonly closedWindows = new Map<number, [index: number, closedAt: number]>();
  private readonly held = new Map<number, HeldRows>();
  /** Rows joined by the call in progress, handed to the sink at its end. */
  private readonly out = { window: [] as number[], prediction: [] as Prediction[], probability: [] as number[] };
  private readonly outLabels: LabelValue[] = [];

  /** Where the label log has been read to, as of the applied journal offset (null: never read). */
  sourcePosition: SourcePosition | null = null;
  /**
   * Fleet mode: nothing is joined here. Every new waiting side is queued for Redis (FleetLabelJoin pushes it; the
   * pair is joined exactly once fleet-wide there), and pairs come back as journaled `remoteJoined` records.
   */
  fleet = false;
  private pushQueue: [side: "event" | "label", id: string][] = [];

  constructor(
    readonly config: LabelsConfig,
    private sink: JoinedRowsSink | null = null,
  ) {}

  setSink(sink: JoinedRowsSink | null): void {
    this.sink = sink;
  }

  get waitingEvents(): number {
    return this.events.size;
  }

  get waitingLabels(): number {
    return this.labels.size;
  }

  /** Events [from, to) of `events`, just counted in window `w` at clock t (or event e at clocks[e]). */
  eventsAdded(
    events: EventBatch,
    from: number,
    to: number,
    w: EventWindowRef,
    t: number,
    modelVersion: string | null,
    clocks?: Float64Array,
  ): void {
    this.expire(clocks && to > from ? clocks[from]! : t);
    const { ids, idStatus, probabilityStatus } = events;
    for (let e = from; e < to; e++) {
      if (probabilityStatus[e] === INVALID) this.counts.invalid_probabilities++;
      const st = idStatus[e];
      if (st !== VALUE) {
        if (st === INVALID) this.counts.invalid_ids++;
        continue;
      }
      const id = ids[e]!;
      this.counts.events_with_id++;
      const at = clocks ? clocks[e]! : t;
      if (this.joined.has(id) || this.events.has(id)) {
        this.counts.duplicate_events++;
        continue;
      }
      const prediction = events.prediction(e);
      const probability = events.positiveProbability[e]!;
      const label = this.fleet ? undefined : this.labels.get(id);
      if (label) {
        this.labels.delete(id);
        this.join(id, at, w.index, w.start, prediction, probability, label.label);
        continue;
      }
      this.events.set(id, { t: at, window: w.index, start: w.start, prediction, probability, modelVersion });
      if (this.fleet) this.pushQueue.push(["event", id]);
      if (this.events.size > this.config.maxPending) {
        this.events.delete(this.events.keys().next().value!);
        this.counts.evicted_events++;
      }
    }
    this.flush(t);
  }

  /** A batch of labels at clock t. */
  labelsArrived(batch: LabelBatch, t: number): void {
    this.expire(t);
    for (let k = 0; k < batch.ids.length; k++) {
      const id = batch.ids[k]!;
      const label = batch.labels[k]!;
      this.counts.labels++;
      if (this.joined.has(id) || this.labels.has(id)) {
        this.counts.duplicate_labels++;
        continue;
      }
      const ev = this.fleet ? undefined : this.events.get(id);
      if (ev) {
        this.events.delete(id);
        this.join(id, t, ev.window, ev.start, ev.prediction, ev.probability, label);
        continue;
      }
      this.labels.set(id, { t, label });
      if (this.fleet) this.pushQueue.push(["label", id]);
      if (this.labels.size > this.config.maxPending) {
        this.labels.delete(this.labels.keys().next().value!);
        this.counts.evicted_labels++;
      }
    }
    this.flush(t);
  }

  /**
   * Fleet mode: pairs Redis joined, as journaled. `event` sides are this member's waiting events, joined with the label
   * (the row is emitted here, in the event's window, and counted matched here); `label` sides are this member's waiting
   * labels another member's event took (dropped: counted there). A side no longer waiting (expired, evicted, or
   * applied before a restart pushed it again) is skipped, so each pair counts once.
   */
  remoteJoined(joins: readonly RemoteJoin[], t: number): void {
    this.expire(t);
    for (const j of joins) {
      if (j.duplicate) {
        const waiting = j.side === "event" ? this.events : this.labels;
        if (waiting.delete(j.id)) this.counts[j.side === "event" ? "duplicate_events" : "duplicate_labels"]++;
        continue;
      }
      if (j.side === "label") {
        if (this.labels.delete(j.id)) this.joined.set(j.id, t);
        continue;
      }
      if (j.event && j.label !== undefined && !this.isWaiting("event", j.id) && !this.joined.has(j.id)) {
        // The event was dropped here (evicted past max_pending, or expired) after it was pushed, and its label still
        // took it in Redis: the row comes back with the pair, so it is emitted (and counted matched) all the same.
        const e = j.event;
        this.join(j.id, t, e.window, e.start, e.prediction, e.probability ?? NaN, j.label);
        continue;
      }
      const ev = this.events.get(j.id);
      if (!ev || j.label === undefined) continue;
      this.events.delete(j.id);
      this.join(j.id, t, ev.window, ev.start, ev.prediction, ev.probability, j.label);
    }
    this.flush(t);
  }

  /** Fleet mode: the sides queued for Redis since the last call (what still waits of them is pushed). */
  takePushQueue(): [side: "event" | "label", id: string][] {
    const q = this.pushQueue;
    this.pushQueue = [];
    return q.filter(([side, id]) => (side === "event" ? this.events : this.labels).has(id));
  }

  /** Fleet mode: sides a round could not push (Redis down) go back to the front of the queue. */
  requeue(sides: [side: "event" | "label", id: string][]): void {
    this.pushQueue = [...sides, ...this.pushQueue];
  }

  /** Fleet mode, after a restart: every waiting side is pushed again (Redis answers idempotently). */
  queueAllWaiting(): void {
    this.pushQueue = [
      ...[...this.events.keys()].map((id) => ["event", id] as ["event", string]),
      ...[...this.labels.keys()].map((id) => ["label", id] as ["label", string]),
    ];
  }

  /** The label waiting for id here, if any (the fleet pusher sends it to Redis). */
  waitingLabel(id: string): LabelValue | undefined {
    return this.labels.get(id)?.label;
  }

  /**
   * Fleet mode: what the pushed side of a waiting event carries (its row but the label), so that the row is emitted
   * even when the event is dropped here before a label takes it in Redis.
   */
  waitingEventRow(id: string): JoinedEventRow | undefined {
    const e = this.events.get(id);
    if (!e) return undefined;
    return {
      window: e.window,
      start: e.start,
      prediction: finiteOrNull(e.prediction),
      probability: Number.isNaN(e.probability) ? null : e.probability,
    };
  }

  isWaiting(side: "event" | "label", id: string): boolean {
    return (side === "event" ? this.events : this.labels).has(id);
  }

  /** An event-time window closed as `index` at clock t: the rows held for it go to the sink now. */
  windowClosed(start: number, index: number, t: number): void {
    this.closedWindows.set(start, [index, t]);
    const rows = this.held.get(start);
    if (rows) {
      this.held.delete(start);
      for (let k = 0; k < rows.label.length; k++)
        this.emit(index, rows.prediction[k]!, rows.probability[k]!, rows.label[k]!);
    }
    this.flush(t);
  }

  /** Drops what waited longer than max_delay (counted unmatched), and joined ids and closed windows as old. */
  expire(t: number): void {
    const cutoff = t - this.config.maxDelayMs;
    for (const [id, ev] of this.events) {
      if (ev.t > cutoff) break;
      this.events.delete(id);
      this.counts.unmatched_events++;
    }
    for (const [id, label] of this.labels) {
      if (label.t > cutoff) break;
      this.labels.delete(id);
      this.counts.unmatched_labels++;
    }
    for (const [id, at] of this.joined) {
      if (at > cutoff) break;
      this.joined.delete(id);
    }
    // Every event of a window arrived before it closed: once that is past the cutoff, none of them waits any more.
    for (const [start, [, closedAt]] of this.closedWindows) {
      if (closedAt > cutoff) break;
      this.closedWindows.delete(start);
    }
  }

  private join(
    id: string,
    at: number,
    window: number,
    start: number,
    prediction: Prediction,
    probability: number,
    label: LabelValue,
  ): void {
    this.counts.matched++;
    this.joined.set(id, at);
    if (this.joined.size > this.config.maxPending) this.joined.delete(this.joined.keys().next().value!);
    const index = window >= 0 ? window : (this.closedWindows.get(start)?.[0] ?? -1);
    if (index >= 0) return this.emit(index, prediction, probability, label);
    let rows = this.held.get(start);
    if (!rows) this.held.set(start, (rows = { prediction: [], probability: [], label: [] }));
    rows.prediction.push(prediction);
    rows.probability.push(probability);
    rows.label.push(label);
  }

  private emit(window: number, prediction: Prediction, probability: number, label: LabelValue): void {
    this.out.window.push(window);
    this.out.prediction.push(prediction);
    this.out.probability.push(probability);
    this.outLabels.push(label);
  }

  private flush(t: number): void {
    const n = this.outLabels.length;
    if (n === 0) return;
    const rows = {
      length: n,
      window: this.out.window.splice(0),
      prediction: this.out.prediction.splice(0),
      probability: this.out.probability.splice(0),
      label: this.outLabels.splice(0),
      at: t,
    };
    this.sink?.addJoined(rows);
  }

  toJson(): LabelJoinJson {
    // One pass per map into preallocated columns: with a million waiting events this is most of a snapshot's time.
    const n = this.events.size;
    const events: LabelJoinJson["events"] = {
      id: new Array<string>(n),
      t: new Array<number>(n),
      window: new Array<number>(n),
      start: new Array<number>(n),
      prediction: new Array<Prediction>(n),
      probability: new Array<number | null>(n),
      model_version: new Array<string | null>(n),
    };
    let k = 0;
    for (const [id, e] of this.events) {
      events.id[k] = id;
      events.t[k] = e.t;
      events.window[k] = e.window;
      events.start[k] = e.start;
      events.prediction[k] = finiteOrNull(e.prediction);
      events.probability[k] = Number.isNaN(e.probability) ? null : e.probability;
      events.model_version[k] = e.modelVersion;
      k++;
    }
    const m = this.labels.size;
    const labels: LabelJoinJson["labels"] = { id: new Array<string>(m), t: new Array<number>(m), label: new Array(m) };
    k = 0;
    for (const [id, l] of this.labels) {
      labels.id[k] = id;
      labels.t[k] = l.t;
      labels.label[k] = l.label;
      k++;
    }
    return {
      counts: { ...this.counts },
      events,
      labels,
      joined: { id: [...this.joined.keys()], t: [...this.joined.values()] },
      closed_windows: [...this.closedWindows].map(([start, [index, at]]) => [start, index, at]),
      ...(this.sourcePosition ? { source_position: this.sourcePosition } : {}),
      held: [...this.held].map(([start, rows]) => ({
        start,
        prediction: rows.prediction.map(finiteOrNull),
        probability: rows.probability.map((p) => (Number.isNaN(p) ? null : p)),
        label: rows.label,
      })),
    };
  }

  /** Restores a snapshot's `labels` (replacing this state); throws an Error naming what does not read back. */
  load(j: unknown): void {
    const s = j as Partial<LabelJoinJson> | null;
    if (typeof s !== "object" || s === null) throw new Error("labels is not an object");
    const counts = s.counts as Partial<Record<string, unknown>> | undefined;
    for (const k of LABEL_COUNT_NAMES) {
      // A count added after the snapshot was written starts at 0.
      const v = counts?.[k] ?? (counts && k === "invalid_probabilities" ? 0 : undefined);
      if (!Number.isSafeInteger(v) || (v as number) < 0) throw new Error(`labels.counts.${k} is not a count`);
      this.counts[k] = v as number;
    }
    const ev = s.events;
    const n = columns(ev, ["id", "t", "window", "start", "prediction", "probability", "model_version"], "events");
    this.events.clear();
    for (let k = 0; k < n; k++) {
      this.events.set(ev!.id[k]!, {
        t: ev!.t[k]!,
        window: ev!.window[k]!,
        start: ev!.start[k]!,
        prediction: ev!.prediction[k]!,
        probability: ev!.probability[k] ?? NaN,
        modelVersion: ev!.model_version[k] ?? null,
      });
    }
    const lb = s.labels;
    const m = columns(lb, ["id", "t", "label"], "labels");
    this.labels.clear();
    for (let k = 0; k < m; k++) this.labels.set(lb!.id[k]!, { t: lb!.t[k]!, label: lb!.label[k]! });
    const jn = s.joined;
    const q = columns(jn, ["id", "t"], "joined");
    this.joined.clear();
    for (let k = 0; k < q; k++) this.joined.set(jn!.id[k]!, jn!.t[k]!);
    this.closedWindows.clear();
    for (const [start, index, at] of s.closed_windows ?? []) this.closedWindows.set(start, [index, at]);
    this.sourcePosition = s.source_position ?? null;
    this.held.clear();
    for (const h of s.held ?? []) {
      this.held.set(h.start, {
        prediction: h.prediction,
        probability: h.probability.map((p) => p ?? NaN),
        label: h.label,
      });
    }
  }
}

/** A pair Redis joined, one side of it as this member holds it (fleet mode; journaled as an `x` record). */
export interface RemoteJoin {
  id: string;
  side: "event" | "label";
  /** For an event side: the label. */
  label?: LabelValue;
  /** This side repeats an id another member's side was joined with before: dropped and counted as a duplicate. */
  duplicate?: true;
  /** For an event side: the event's row as it was pushed (emitted from this when the event no longer waits here). */
  event?: JoinedEventRow;
}

/** A waiting event's row as its pushed side carries it to Redis (JSON: a NaN probability is null). */
export interface JoinedEventRow {
  window: number;
  start: number;
  prediction: number | string | boolean | null;
  probability: number | null;
}

export interface LabelJoinJson {
  counts: LabelCounts;
  events: {
    id: string[];
    t: number[];
    window: number[];
    start: number[];
    prediction: Prediction[];
    probability: (number | null)[];
    model_version: (string | null)[];
  };
  labels: { id: string[]; t: number[]; label: LabelValue[] };
  joined: { id: string[]; t: number[] };
  closed_windows: [start: number, index: number, closedAt: number][];
  source_position?: SourcePosition;
  held: { start: number; prediction: Prediction[]; probability: (number | null)[]; label: LabelValue[] }[];
}

/** A prediction as JSON keeps it: a non-finite number (1e400 was sent) has no JSON form and becomes null. */
function finiteOrNull(p: Prediction): Prediction {
  return typeof p === "number" && !Number.isFinite(p) ? null : p;
}

/** The common length of the named arrays of a columnar snapshot part; throws when one is missing or they differ. */
function columns(part: unknown, names: string[], what: string): number {
  if (typeof part !== "object" || part === null) throw new Error(`labels.${what} is missing`);
  let n = -1;
  for (const name of names) {
    const col = (part as Record<string, unknown>)[name];
    if (!Array.isArray(col)) throw new Error(`labels.${what}.${name} is not a list`);
    if (n >= 0 && col.length !== n) throw new Error(`labels.${what}: its lists differ in length`);
    n = col.length;
  }
  return n;
}
