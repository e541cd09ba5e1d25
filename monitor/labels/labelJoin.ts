import { INVALID, VALUE, type EventBatch } from "../ingest/eventBatch.js";
import type { JoinedRowsSink } from "../performance/joinedRowsSink.js";
import type { SourcePosition } from "../state/journal.js";
import type { LabelsConfig } from "./labelsConfig.js";
import type { LabelBatch, LabelValue } from "./parseLabels.js";
import { WaitingSide, type WaitingSideCopy } from "./waitingSide.js";

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

/**
 * What a waiting event keeps (only what realized performance needs), as columns of `events`: arrival clock, the
 * window's index (-1 for an event-time window not closed yet: then `start` finds it), the window's start, the
 * probability, the model version (an index into `versions`, -1 for none) and the prediction (a value column).
 */
const EV_T = 0;
const EV_WINDOW = 1;
const EV_START = 2;
const EV_PROBABILITY = 3;
const EV_VERSION = 4;
const EV_KIND = 5;
const EV_NUMBER = 6;
/** A waiting label: arrival clock and the label (a value column). */
const LB_T = 0;
const LB_KIND = 1;
const LB_NUMBER = 2;

/**
 * A value column is three: a kind, a number and a string (in the plain column, for TEXT only), so predictions and
 * labels (numbers, strings, booleans, null) need no object each.
 */
export const VALUE_NULL = 0;
export const VALUE_NUMBER = 1;
export const VALUE_TEXT = 2;
export const VALUE_TRUE = 3;
export const VALUE_FALSE = 4;

function valueKind(v: Prediction): number {
  if (v === null) return VALUE_NULL;
  if (typeof v === "number") return VALUE_NUMBER;
  if (typeof v === "string") return VALUE_TEXT;
  return v ? VALUE_TRUE : VALUE_FALSE;
}

/** The value at slot of a value column (kinds, numbers, strings). */
export function valueAt(
  kinds: Uint8Array,
  numbers: Float64Array,
  texts: readonly (string | undefined)[],
  slot: number,
): Prediction {
  switch (kinds[slot]) {
    case VALUE_NUMBER:
      return numbers[slot]!;
    case VALUE_TEXT:
      return texts[slot]!;
    case VALUE_TRUE:
      return true;
    case VALUE_FALSE:
      return false;
    default:
      return null;
  }
}

/** The columns of events waiting for a label: typed [t, window, start, probability, version, kind, number]; plain [text]. */
export function waitingEventsSide(): WaitingSide {
  return new WaitingSide(
    [Float64Array, Int32Array, Float64Array, Float64Array, Int32Array, Uint8Array, Float64Array],
    1,
  );
}

/** The columns of labels waiting for an event: typed [t, kind, number]; plain [text]. */
export function waitingLabelsSide(): WaitingSide {
  return new WaitingSide([Float64Array, Uint8Array, Float64Array], 1);
}

/** Ids joined, with when: typed [t]. */
export function joinedSide(): WaitingSide {
  return new WaitingSide([Float64Array], 0);
}

/**
 * What a checkpoint writes of the join, as of one journal offset: the small parts as JSON (counts, windows, held rows,
 * the label log's position, the model versions) and the three sides pinned (labelJoinFile writes them).
 */
export interface LabelJoinCopy {
  json: Omit<LabelJoinJson, "events" | "labels" | "joined"> & { versions: string[] };
  events: WaitingSideCopy;
  labels: WaitingSideCopy;
  joined: WaitingSideCopy;
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
  /** Ids (data: Map keys inside, never object keys) waiting, in arrival order, as columns. */
  private readonly events = waitingEventsSide();
  private readonly labels = waitingLabelsSide();
  /** Ids joined, with when: a repeat is a duplicate. */
  private readonly joined = joinedSide();
  /** Model versions of waiting events (few: one per production), by the index the events column holds. */
  private versions: string[] = [];
  private readonly versionIndex = new Map<string, number>();
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
      const labelSlot = this.fleet ? -1 : this.labels.slotOf(id);
      if (labelSlot >= 0) {
        const label = this.labelAt(labelSlot);
        this.labels.deleteSlot(labelSlot);
        this.join(id, at, w.index, w.start, prediction, probability, label);
        continue;
      }
      this.addEvent(id, at, w.index, w.start, prediction, probability, modelVersion);
      if (this.fleet) this.pushQueue.push(["event", id]);
      if (this.events.size > this.config.maxPending) {
        this.events.deleteSlot(this.events.oldest());
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
      const ev = this.fleet ? -1 : this.events.slotOf(id);
      if (ev >= 0) {
        this.joinEvent(id, ev, t, label);
        continue;
      }
      this.addLabel(id, t, label);
      if (this.fleet) this.pushQueue.push(["label", id]);
      if (this.labels.size > this.config.maxPending) {
        this.labels.deleteSlot(this.labels.oldest());
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
        if (this.labels.delete(j.id)) this.remember(j.id, t);
        continue;
      }
      if (j.event && j.label !== undefined && !this.isWaiting("event", j.id) && !this.joined.has(j.id)) {
        // The event was dropped here (evicted past max_pending, or expired) after it was pushed, and its label still
        // took it in Redis: the row comes back with the pair, so it is emitted (and counted matched) all the same.
        const e = j.event;
        this.join(j.id, t, e.window, e.start, e.prediction, e.probability ?? NaN, j.label);
        continue;
      }
      const ev = this.events.slotOf(j.id);
      if (ev < 0 || j.label === undefined) continue;
      this.joinEvent(j.id, ev, t, j.label);
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
    const q: [side: "event" | "label", id: string][] = [];
    for (const s of this.events.slots()) q.push(["event", this.events.ids[s]!]);
    for (const s of this.labels.slots()) q.push(["label", this.labels.ids[s]!]);
    this.pushQueue = q;
  }

  /** The label waiting for id here, if any (the fleet pusher sends it to Redis). */
  waitingLabel(id: string): LabelValue | undefined {
    const slot = this.labels.slotOf(id);
    return slot >= 0 ? this.labelAt(slot) : undefined;
  }

  /**
   * Fleet mode: what the pushed side of a waiting event carries (its row but the label), so that the row is emitted
   * even when the event is dropped here before a label takes it in Redis.
   */
  waitingEventRow(id: string): JoinedEventRow | undefined {
    const slot = this.events.slotOf(id);
    if (slot < 0) return undefined;
    const c = this.events.typed;
    const probability = c[EV_PROBABILITY]![slot]!;
    return {
      window: c[EV_WINDOW]![slot]!,
      start: c[EV_START]![slot]!,
      prediction: finiteOrNull(
        valueAt(c[EV_KIND] as Uint8Array, c[EV_NUMBER] as Float64Array, this.events.plain[0]!, slot),
      ),
      probability: Number.isNaN(probability) ? null : probability,
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
    this.counts.unmatched_events += dropUpTo(this.events, EV_T, cutoff);
    this.counts.unmatched_labels += dropUpTo(this.labels, LB_T, cutoff);
    dropUpTo(this.joined, 0, cutoff);
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
    this.remember(id, at);
    const index = window >= 0 ? window : (this.closedWindows.get(start)?.[0] ?? -1);
    if (index >= 0) return this.emit(index, prediction, probability, label);
    let rows = this.held.get(start);
    if (!rows) this.held.set(start, (rows = { prediction: [], probability: [], label: [] }));
    rows.prediction.push(prediction);
    rows.probability.push(probability);
    rows.label.push(label);
  }

  /** Joins the waiting event at slot with its label, at clock t. */
  private joinEvent(id: string, slot: number, t: number, label: LabelValue): void {
    const c = this.events.typed;
    const window = c[EV_WINDOW]![slot]!;
    const start = c[EV_START]![slot]!;
    const probability = c[EV_PROBABILITY]![slot]!;
    const prediction = valueAt(c[EV_KIND] as Uint8Array, c[EV_NUMBER] as Float64Array, this.events.plain[0]!, slot);
    this.events.deleteSlot(slot);
    this.join(id, t, window, start, prediction, probability, label);
  }

  private addEvent(
    id: string,
    t: number,
    window: number,
    start: number,
    prediction: Prediction,
    probability: number,
    modelVersion: string | null,
  ): void {
    const slot = this.events.add(id);
    const c = this.events.typed;
    c[EV_T]![slot] = t;
    c[EV_WINDOW]![slot] = window;
    c[EV_START]![slot] = start;
    c[EV_PROBABILITY]![slot] = probability;
    c[EV_VERSION]![slot] = this.versionOf(modelVersion);
    const kind = valueKind(prediction);
    c[EV_KIND]![slot] = kind;
    c[EV_NUMBER]![slot] = kind === VALUE_NUMBER ? (prediction as number) : 0;
    this.events.plain[0]![slot] = kind === VALUE_TEXT ? (prediction as string) : undefined;
  }

  private addLabel(id: string, t: number, label: LabelValue): void {
    const slot = this.labels.add(id);
    const c = this.labels.typed;
    c[LB_T]![slot] = t;
    const kind = valueKind(label);
    c[LB_KIND]![slot] = kind;
    c[LB_NUMBER]![slot] = kind === VALUE_NUMBER ? (label as number) : 0;
    this.labels.plain[0]![slot] = kind === VALUE_TEXT ? (label as string) : undefined;
  }

  private labelAt(slot: number): LabelValue {
    const c = this.labels.typed;
    return valueAt(c[LB_KIND] as Uint8Array, c[LB_NUMBER] as Float64Array, this.labels.plain[0]!, slot) as LabelValue;
  }

  /** An id joined at t: a repeat of it is a duplicate (as many remembered as may wait). */
  private remember(id: string, t: number): void {
    const slot = this.joined.slotOf(id);
    // Like a Map's set: a known id keeps its place and takes the new time.
    if (slot >= 0) this.joined.setTyped(0, slot, t);
    else {
      const added = this.joined.add(id);
      this.joined.typed[0]![added] = t;
    }
    if (this.joined.size > this.config.maxPending) this.joined.deleteSlot(this.joined.oldest());
  }

  private versionOf(version: string | null): number {
    if (version === null) return -1;
    let k = this.versionIndex.get(version);
    if (k === undefined) {
      k = this.versions.length;
      this.versions.push(version);
      this.versionIndex.set(version, k);
    }
    return k;
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

  /** The join as JSON (the snapshot's `labels` before version 2 wrote the sides to their own file). */
  toJson(): LabelJoinJson {
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
    const c = this.events.typed;
    let k = 0;
    for (const s of this.events.slots()) {
      events.id[k] = this.events.ids[s]!;
      events.t[k] = c[EV_T]![s]!;
      events.window[k] = c[EV_WINDOW]![s]!;
      events.start[k] = c[EV_START]![s]!;
      events.prediction[k] = finiteOrNull(
        valueAt(c[EV_KIND] as Uint8Array, c[EV_NUMBER] as Float64Array, this.events.plain[0]!, s),
      );
      const p = c[EV_PROBABILITY]![s]!;
      events.probability[k] = Number.isNaN(p) ? null : p;
      const v = c[EV_VERSION]![s]!;
      events.model_version[k] = v >= 0 ? this.versions[v]! : null;
      k++;
    }
    const m = this.labels.size;
    const labels: LabelJoinJson["labels"] = { id: new Array<string>(m), t: new Array<number>(m), label: new Array(m) };
    k = 0;
    for (const s of this.labels.slots()) {
      labels.id[k] = this.labels.ids[s]!;
      labels.t[k] = this.labels.typed[LB_T]![s]!;
      labels.label[k] = this.labelAt(s);
      k++;
    }
    const joined: LabelJoinJson["joined"] = { id: [], t: [] };
    for (const s of this.joined.slots()) {
      joined.id.push(this.joined.ids[s]!);
      joined.t.push(this.joined.typed[0]![s]!);
    }
    return { ...this.smallJson(), events, labels, joined };
  }

  /** The counts, windows, held rows and label log position: the parts of the snapshot that stay JSON. */
  private smallJson(): Omit<LabelJoinJson, "events" | "labels" | "joined"> {
    return {
      counts: { ...this.counts },
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

  /**
   * The whole join as of now, for a checkpoint to write in chunks while this join goes on changing: the small parts as
   * JSON and the three sides pinned (a byte per slot copied). `release` ends the pin; one checkpoint at a time.
   */
  pin(): LabelJoinCopy & { release(): void } {
    const copy = {
      json: { ...this.smallJson(), versions: [...this.versions] },
      events: this.events.pin(),
      labels: this.labels.pin(),
      joined: this.joined.pin(),
    };
    return {
      ...copy,
      release: () => {
        this.events.unpin();
        this.labels.unpin();
        this.joined.unpin();
      },
    };
  }

  /** Restores a snapshot's `labels` (replacing this state); throws an Error naming what does not read back. */
  load(j: unknown): void {
    const s = j as Partial<LabelJoinJson> | null;
    this.loadSmall(s);
    const ev = s!.events;
    const n = columns(ev, ["id", "t", "window", "start", "prediction", "probability", "model_version"], "events");
    const lb = s!.labels;
    const m = columns(lb, ["id", "t", "label"], "labels");
    const jn = s!.joined;
    const q = columns(jn, ["id", "t"], "joined");
    this.clearSides();
    for (let k = 0; k < n; k++) {
      const e = ev!;
      const id = e.id[k]!;
      if (this.events.has(id)) throw new Error(`labels.events: id ${JSON.stringify(id)} waits twice`);
      this.addEvent(
        id,
        e.t[k]!,
        e.window[k]!,
        e.start[k]!,
        e.prediction[k]!,
        e.probability[k] ?? NaN,
        e.model_version[k] ?? null,
      );
    }
    for (let k = 0; k < m; k++) {
      if (this.labels.has(lb!.id[k]!)) throw new Error(`labels.labels: id ${JSON.stringify(lb!.id[k])} waits twice`);
      this.addLabel(lb!.id[k]!, lb!.t[k]!, lb!.label[k]!);
    }
    for (let k = 0; k < q; k++) this.remember(jn!.id[k]!, jn!.t[k]!);
  }

  /**
   * Restores a version-2 snapshot: its `labels` JSON (without the sides) and the sides read back from their file, in
   * arrival order. Versions index `json.versions`.
   */
  loadCopy(c: LabelJoinCopy): void {
    this.loadSmall(c.json);
    const versions = c.json.versions;
    if (!Array.isArray(versions) || !versions.every((v) => typeof v === "string"))
      throw new Error("labels.versions is not a list of strings");
    this.clearSides();
    const e = c.events;
    for (let s = 0; s < e.span; s++) {
      if (e.live && e.live[s] === 0) continue;
      const id = e.ids[s]!;
      if (this.events.has(id)) throw new Error(`labels: event id ${JSON.stringify(id)} waits twice`);
      const v = e.typed[EV_VERSION]![s]!;
      if (v >= versions.length) throw new Error(`labels: event ${JSON.stringify(id)} has no model version ${v}`);
      const prediction = valueAt(e.typed[EV_KIND] as Uint8Array, e.typed[EV_NUMBER] as Float64Array, e.plain[0]!, s);
      const t = e.typed;
      this.addEvent(
        id,
        t[EV_T]![s]!,
        t[EV_WINDOW]![s]!,
        t[EV_START]![s]!,
        prediction,
        t[EV_PROBABILITY]![s]!,
        v >= 0 ? versions[v]! : null,
      );
    }
    const l = c.labels;
    for (let s = 0; s < l.span; s++) {
      if (l.live && l.live[s] === 0) continue;
      const id = l.ids[s]!;
      if (this.labels.has(id)) throw new Error(`labels: label id ${JSON.stringify(id)} waits twice`);
      const label = valueAt(l.typed[LB_KIND] as Uint8Array, l.typed[LB_NUMBER] as Float64Array, l.plain[0]!, s);
      if (label === null) throw new Error(`labels: the label of ${JSON.stringify(id)} is null`);
      this.addLabel(id, l.typed[LB_T]![s]!, label);
    }
    const j = c.joined;
    for (let s = 0; s < j.span; s++) if (!j.live || j.live[s] === 1) this.remember(j.ids[s]!, j.typed[0]![s]!);
  }

  private clearSides(): void {
    this.events.clear();
    this.labels.clear();
    this.joined.clear();
    this.versions = [];
    this.versionIndex.clear();
  }

  /** The counts, windows, label log position and held rows of a snapshot's `labels`. */
  private loadSmall(s: Partial<LabelJoinJson> | null): void {
    if (typeof s !== "object" || s === null) throw new Error("labels is not an object");
    const counts = s.counts as Partial<Record<string, unknown>> | undefined;
    for (const k of LABEL_COUNT_NAMES) {
      // A count added after the snapshot was written starts at 0.
      const v = counts?.[k] ?? (counts && k === "invalid_probabilities" ? 0 : undefined);
      if (!Number.isSafeInteger(v) || (v as number) < 0) throw new Error(`labels.counts.${k} is not a count`);
      this.counts[k] = v as number;
    }
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

/** Drops the oldest entries of a side whose time (typed column `t`) is at or before cutoff; returns how many. */
function dropUpTo(side: WaitingSide, t: number, cutoff: number): number {
  let dropped = 0;
  for (let s = side.oldest(); s >= 0 && side.typed[t]![s]! <= cutoff; s = side.oldest()) {
    side.deleteSlot(s);
    dropped++;
  }
  return dropped;
}
