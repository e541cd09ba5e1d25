import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { open, rename } from "node:fs/promises";
import { join } from "node:path";
import { detectDrift } from "../../src/drift/detectDrift.js";
import { sampleProfile, type ColumnSample } from "../../src/drift/columnSample.js";
import { ModelguardError } from "../../src/errors.js";
import type { ReferenceProfile } from "../../src/profile/referenceProfile.js";
import { decideAlerts, INITIAL_ALERT_STATE, type AlertActionKind, type AlertState } from "../alerts/alertPolicy.js";
import { buildAlertRequest, productionChangedRequest, type AlertCause } from "../alerts/alertRequests.js";
import { acceptedAnswer, bodyDigest, IdempotencyKeys } from "../ingest/idempotencyKeys.js";
import type { JournalRecord, SourcePosition } from "../state/journal.js";
import type { MonitorConfig } from "../config/monitorConfig.js";
import type { MonitorMetrics } from "../metrics/monitorMetrics.js";
import type { Outbox } from "../alerts/outbox.js";
import { obtainBatch, type EventBatch } from "../ingest/eventBatch.js";
import { parseBatch } from "../ingest/parseBatch.js";
import { ensureStateSubdirectory } from "../state/stateDirectory.js";
import { StateWrites } from "../state/stateWrites.js";
import { layoutOf, type FeatureLayout, type MeasuredReference } from "../ingest/featureLayout.js";
import { recordOf, type BatchStats } from "../ingest/batchStats.js";
import { countAt, WindowState, type WindowStateJson } from "./windowState.js";
import type { PredictionReport, WindowReport } from "./windowReport.js";
import { EventTimeWindows, type EventTimeJson } from "./eventTimeWindows.js";
import { stringifyContract } from "../../src/contracts/contractJson.js";
import { monitorSkips, referenceRanges, skipInLayout } from "./monitorSkips.js";
import { QualityMetrics } from "../quality/qualityMetrics.js";
import { Registry } from "prom-client";
import { PerformanceMetrics } from "../performance/performanceMetrics.js";
import { PerformanceWindows, type PerformanceWindowsJson } from "../performance/performanceWindows.js";
import { readProductionMetrics } from "../performance/productionMetrics.js";
import type { CbpeEstimator } from "../../src/performance/cbpe/cbpeEstimator.js";
import { CbpeSketch } from "../../src/performance/cbpe/cbpeSketch.js";
import { windowSignals, windowSignalSections } from "../alerts/windowSignals.js";
import { estimatedPerformanceReport } from "../performance/estimatedPerformance.js";
import { EstimatedPerformanceMetrics } from "../performance/estimatedPerformanceMetrics.js";
import { LabelJoin, type LabelJoinCopy, type LabelJoinJson, type RemoteJoin } from "../labels/labelJoin.js";
import {
  labelJoinFileName,
  readLabelJoinFile,
  removeLabelJoinFiles,
  writeLabelJoinFile,
} from "../labels/labelJoinFile.js";
import { parseLabels, type LabelBatch } from "../labels/parseLabels.js";

/**
 * Version 2 keeps the label join's waiting events, waiting labels and joined ids in their own file (labelJoinFile),
 * which `labels.columns_file` names; version 1 had them inline in `labels` and still loads.
 */
interface Snapshot {
  kind: "modelguard.monitor-snapshot";
  version: 1 | 2;
  journal_offset: number;
  window: WindowStateJson;
  alert: AlertState;
  recent: WindowReport[];
  /** Arrival time of the last applied record (the server's clock never stamps a later record earlier). */
  last_record_at?: number;
  /** Where the file source had read to, as of journal_offset (absent: never read). */
  source_position?: SourcePosition;
  /** Recent Idempotency-Keys and their answers, as of journal_offset (absent in snapshots of older versions). */
  idempotency_keys?: ReturnType<IdempotencyKeys["toJson"]>;
  /** With `window.time: event`: the windows still open (several may be) and the late events not yet reported. */
  event_windows?: EventTimeJson;
  /** With `reference: registry:NAME`: the production version the windows were measured against. */
  model_version?: string;
  /** With `performance:`: the labelled rows and realized performance of each window (absent in older snapshots). */
  performance?: PerformanceWindowsJson;
  /** With `labels:`: the events and labels waiting for each other (version 2: in `columns_file`), and the counts. */
  labels?: LabelJoinJson | LabelJoinFileJson;
}

/** A version-2 snapshot's `labels`: the small parts, and the file of the three sides. */
type LabelJoinFileJson = LabelJoinCopy["json"] & { columns_file: string };

/** A production version as a fleet's windows are measured and judged against it (see followReferences). */
export interface JudgedReference extends MeasuredReference {
  /** What reports name as the reference (`registry:fraud@v2`). */
  label: string;
  /** The profile's features as drift samples (without the prediction column), and the prediction column's. */
  samples: Map<string, ColumnSample>;
  prediction: ColumnSample | null;
}

export interface DriftMonitorOptions {
  metrics: MonitorMetrics;
  outbox: Outbox;
  log: { info(o: object, m: string): void; warn(o: object, m: string): void };
  /**
   * Fleet mode: windows start at multiples of the duration (the same windows on every member), each closed window is
   * handed to `windowClosed` (the member's final partial of it), and no alert is decided here (the fleet's leader
   * decides them on the merged window).
   */
  fleet?: { windowClosed(w: WindowState): void };
  /** With `estimation`: the calibration every window's events are estimated with (CBPE). */
  estimator?: CbpeEstimator;
  /**
   * The target as production's metrics.json names it (evaluate writes `target`), used when monitor.yml has no
   * `target:`: a profile of the training data holds the label column, which events never carry, and tracking it would
   * make every window "missing" it. `from` says where it came from, for the skip's reason.
   */
  referenceTarget?: { name: string; from: string };
  /**
   * Where a window report whose write failed (disk full, EIO) waits to be retried; shared with the outbox, and the
   * journal refuses appends while it holds one (default: its own).
   */
  writes?: StateWrites;
  /** With a GitHub registry reference: what the monitor sees, as the status of production's deployment. */
  deployment?: {
    loaded(version: string | null, window: number, at: string): void;
    windowClosed(report: WindowReport, alert: AlertState): void;
  };
}

/**
 * The monitor's state machine: applies durable journal records to the open window, closes windows (by count or by the
 * records' arrival clock), runs drift on each closed window, feeds the alert policy and records its decisions in the
 * outbox. Everything here is deterministic in the journal, so replaying the journal after a snapshot rebuilds exactly
 * the state the process had.
 */
export class DriftMonitor {
  readonly layout: FeatureLayout;
  /** With `window.time: event`: the open windows by event time; null otherwise (one open window, `window`). */
  readonly eventWindows: EventTimeWindows | null = null;
  private reference: Map<string, ColumnSample>;
  /** The reference column predictions are compared with (not a feature then), and its sample; null: none. */
  readonly predictionColumn: string | null;
  private predictionReference: ColumnSample | null;
  /**
   * The production version the reference is the profile of ("v3"), with `reference: registry:NAME`; null for a file.
   * Windows and metrics carry it as `model_version`.
   */
  modelVersion: string | null = null;
  /** Where the reference came from, for reports (`config.reference`, or the registry version's profile file). */
  referenceLabel: string;
  /** A fleet following production: the reference of each window by its start (see followReferences). */
  private judgedAt: ((start: number) => JudgedReference | null) | null = null;
  /** A reference to switch to at the next window boundary (see switchReference). */
  private pendingReference: {
    profile: ReferenceProfile;
    version: string | null;
    label: string;
    /** Production's calibration (`estimation.calibration: registry`), switched with the profile; null: it has none. */
    estimator?: CbpeEstimator | null;
  } | null = null;
  window: WindowState;
  alert: AlertState = { ...INITIAL_ALERT_STATE };
  recent: WindowReport[] = [];
  /** Journal offset up to which records are applied. */
  appliedOffset = 0;
  /** Arrival time (ms) of the last applied batch or tick. */
  lastRecordAt = 0;
  /** File-source position as of appliedOffset (from the last applied source record); null before the first. */
  sourcePosition: SourcePosition | null = null;
  /** Idempotency-Keys of applied batches and their answers (in the snapshot; keyed journal records add to it). */
  idempotency = new IdempotencyKeys();
  /** With `labels:`: the join of events and the labels that arrive later (in the snapshot); null otherwise. */
  readonly labels: LabelJoin | null = null;
  /** With `performance:` (and the label join feeding it): realized performance per window; null otherwise. */
  readonly performance: PerformanceWindows | null = null;
  /** Profile columns not tracked (id-like, the target, `skip: true`): name -> reason (see monitorSkips). */
  readonly skips: Map<string, string>;
  /** The label column left out: monitor.yml's `target:` (from null), else production's metrics.json's. */
  private readonly target: { name: string | null; from: string | null };
  private readonly qualityMetrics: QualityMetrics;
  private readonly windowsDir: string;
  private readonly snapshotPath: string;
  private readonly estimationMetrics: EstimatedPerformanceMetrics | null = null;
  private readonly writes: StateWrites;

  constructor(
    readonly config: MonitorConfig,
    private readonly profile: ReferenceProfile,
    private readonly options: DriftMonitorOptions,
  ) {
    checkDriftColumns(config, profile);
    this.writes = options.writes ?? new StateWrites();
    this.predictionColumn = predictionColumnOf(config, profile);
    const col = this.predictionColumn;
    const features = col === null ? profile : { ...profile, columns: withoutKey(profile.columns, col) };
    this.layout = layoutOf(features, config.labels?.positiveClass);
    const derived = config.target === null ? (options.referenceTarget ?? null) : null;
    this.target = derived ? { name: derived.name, from: derived.from } : { name: config.target, from: null };
    this.skips = monitorSkips(features, config.drift, this.target.name, config.file, this.target.from);
    skipInLayout(this.layout, this.skips);
    this.layout.ranges = referenceRanges(features, this.layout);
    this.qualityMetrics = new QualityMetrics(options.metrics.registry);
    if (options.estimator) {
      this.layout.estimator = options.estimator;
      // Events' `probabilities` are read at the calibration's positive class unless labels.positive_class says.
      this.layout.positiveClass ??= options.estimator.calibration.positive_class;
      this.estimationMetrics = new EstimatedPerformanceMetrics(options.metrics.registry);
    }
    this.reference = sampleProfile(profile);
    this.predictionReference = col === null ? null : (this.reference.get(col) ?? null);
    if (col !== null) this.reference.delete(col);
    this.window = new WindowState(this.layout, 0, 0);
    const cw = config.window;
    if ("durationMs" in cw && cw.time === "event")
      this.eventWindows = new EventTimeWindows(this.layout, cw.durationMs, cw.allowedLatenessMs);
    this.referenceLabel = config.reference;
    this.windowsDir = join(config.state, "windows");
    this.snapshotPath = join(config.state, "snapshot.json");
    if (config.labels) this.labels = new LabelJoin(config.labels);
    if (config.performance)
      this.performance = new PerformanceWindows(
        config.performance,
        readProductionMetrics(config.performance, config.file),
        this,
        {
          outbox: options.outbox,
          metrics: options.metrics,
          // In fleet mode a member's windows hold the rows of its own events: /metrics shows the fleet's merged view
          // (FleetPerformance), and the leader alerts on it.
          gauges: new PerformanceMetrics(options.fleet ? new Registry() : options.metrics.registry),
          log: options.log,
          alerts: options.fleet === undefined,
        },
      );
    // The label join feeds realized performance the rows it matches.
    this.labels?.setSink(this.performance);
    ensureStateSubdirectory(this.windowsDir, "the reports of closed windows");
  }

  /**
   * Loads the last snapshot, if any; returns the journal offset to replay from. A snapshot that does not read back (cut
   * short, garbage, another file) is a ModelguardError naming it: it is only ever replaced by an atomic rename, so
   * that is damage from outside, and starting without it would apply the journal to the wrong state.
   */
  loadSnapshot(): number {
    // A temp file left by a crash mid-write was never the snapshot.
    rmSync(this.snapshotPath + ".tmp", { force: true });
    if (!existsSync(this.snapshotPath)) {
      // A label join file of a snapshot that was never renamed into place.
      removeLabelJoinFiles(this.config.state, null);
      return 0;
    }
    try {
      const s = JSON.parse(readFileSync(this.snapshotPath, "utf8")) as Partial<Snapshot> | null;
      if (s?.kind !== "modelguard.monitor-snapshot") throw new Error("it is not a monitor snapshot");
      if (s.version !== 1 && s.version !== 2) throw new Error(`unknown snapshot version ${String(s.version)}`);
      if (!Number.isSafeInteger(s.journal_offset) || s.journal_offset! < 0)
        throw new Error("journal_offset is not a non-negative integer");
      if (typeof s.window !== "object" || s.window === null) throw new Error("window is missing");
      if (typeof s.alert !== "object" || s.alert === null || !Array.isArray(s.recent))
        throw new Error("alert or recent is missing");
      this.window = WindowState.fromJson(this.layout, s.window);
      this.idempotency = IdempotencyKeys.fromJson(s.idempotency_keys);
      this.alert = s.alert;
      this.recent = s.recent;
      this.appliedOffset = s.journal_offset!;
      this.lastRecordAt = s.last_record_at === undefined ? 0 : countAt(s.last_record_at, "last_record_at");
      this.sourcePosition = s.source_position ?? null;
      // A production that moved while the monitor was down is a switch: checked by the caller against this.
      this.snapshotModelVersion = s.model_version ?? null;
      if (this.eventWindows && s.event_windows !== undefined) this.eventWindows.load(s.event_windows);
      if (this.performance && s.performance !== undefined) this.performance.load(s.performance);
      const file = s.version === 2 && s.labels ? (s.labels as LabelJoinFileJson).columns_file : null;
      if (this.labels && s.labels !== undefined) {
        if (s.version === 1) this.labels.load(s.labels);
        else
          this.labels.loadCopy({ json: s.labels as LabelJoinFileJson, ...readLabelJoinFile(this.config.state, file) });
      }
      // Files of older snapshots, or of one a crash kept from being renamed into place.
      removeLabelJoinFiles(this.config.state, file);
      return s.journal_offset!;
    } catch (e) {
      throw new ModelguardError(
        "input",
        `${this.snapshotPath}: the monitor snapshot cannot be read: ${(e as Error).message}`,
        `the monitor replaces it (and the label join file join-<offset>.bin it names) only by an atomic rename, so ` +
          `it was damaged or overwritten from outside. Restore the snapshot and its label join file from a backup; or, if ${join(this.config.state, "journal")} still starts at offset 0 ` +
          `(0000000000000000.log), delete it to rebuild the state from the journal; or move the state directory ` +
          `${this.config.state} aside to start from an empty state`,
      );
    }
  }

  /**
   * Writes the snapshot atomically (temp file, fsync, rename, fsync of the directory); resolves to the journal offset
   * it covers. Everything is copied at that offset before the first await: the JSON text, and the label join's columns,
   * which are written to their own file first, in chunks, so ingest goes on meanwhile (applying records past the
   * offset, which the journal keeps). `onStep` hears each crash-relevant step (tests copy the directory there):
   * "label join chunk written", "label join file written", "snapshot temp written".
   */
  async writeSnapshot(onStep?: (step: string) => void): Promise<number> {
    // A snapshot past a window report or outbox line still waiting for the disk would let compaction delete the
    // journal records that make it again on a restart: first those writes, else no snapshot.
    if (!this.writes.retryNow()) throw this.writes.unavailable!;
    const labels = this.labels?.pin() ?? null;
    const offset = this.appliedOffset;
    const file = labelJoinFileName(offset);
    const s: Snapshot = {
      kind: "modelguard.monitor-snapshot",
      version: 2,
      journal_offset: offset,
      window: this.window.toJson(),
      alert: this.alert,
      recent: this.recent,
      last_record_at: this.lastRecordAt,
      ...(this.sourcePosition ? { source_position: this.sourcePosition } : {}),
      ...(this.idempotency.size > 0 ? { idempotency_keys: this.idempotency.toJson() } : {}),
      ...(this.eventWindows ? { event_windows: this.eventWindows.toJson() } : {}),
      ...(this.performance ? { performance: this.performance.toJson() } : {}),
      ...(this.modelVersion !== null ? { model_version: this.modelVersion } : {}),
      ...(labels ? { labels: { ...labels.json, columns_file: file } } : {}),
    };
    const text = JSON.stringify(s);
    // The file first: a snapshot is renamed into place only once the file it names is durable.
    try {
      if (labels) await writeLabelJoinFile(this.config.state, file, labels, onStep);
    } finally {
      labels?.release();
    }
    const tmp = this.snapshotPath + ".tmp";
    const fh = await open(tmp, "w");
    try {
      await fh.writeFile(text);
      await fh.sync();
    } finally {
      await fh.close();
    }
    onStep?.("snapshot temp written");
    await rename(tmp, this.snapshotPath);
    const dir = await open(this.config.state, "r");
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
    // The older snapshot's file is not named any more.
    removeLabelJoinFiles(this.config.state, labels ? file : null);
    return offset;
  }

  /** Applies a replayed journal record. */
  applyRecord(record: JournalRecord, endOffset: number): void {
    if (record.type === "tick") this.applyTick(record.t);
    else if (record.type === "joins") {
      let joins: RemoteJoin[] | null = null;
      try {
        joins = JSON.parse(record.body.toString("utf8")) as RemoteJoin[];
      } catch {
        this.options.log.warn({ offset: endOffset }, "journal joins record does not parse; skipped");
      }
      if (joins) this.applyJoins(joins, record.t);
    } else if (record.type === "labels") {
      // The label log journals its position even after a poll of only malformed lines (an empty body).
      const parsed =
        record.body.length > 0 ? parseLabels(record.body) : { ok: true as const, batch: { ids: [], labels: [] } };
      // Only parseable batches were journaled (the label log's lines each parsed); skip rather than crash.
      if (!parsed.ok) this.options.log.warn({ offset: endOffset }, "journal label batch no longer parses; skipped");
      else {
        const idempotency = record.key !== undefined ? { key: record.key, digest: bodyDigest(record.body) } : undefined;
        this.applyLabels(parsed.batch, record.t, idempotency);
      }
      if (record.position && this.labels) this.labels.sourcePosition = record.position;
    } else if (record.type === "source") {
      // The body holds only well-formed lines; a poll that read nothing but malformed lines journals an empty one.
      const parsed =
        record.body.length > 0
          ? parseBatch(record.body, this.layout)
          : { ok: true as const, events: obtainBatch(this.layout) };
      if (parsed.ok) this.applyReleasing(parsed.events, record.t);
      else this.options.log.warn({ offset: endOffset }, "journal source batch no longer parses; skipped");
      this.sourcePosition = record.position;
    } else {
      const parsed = parseBatch(record.body, this.layout);
      // Only parseable batches were journaled; a failure here means the parser changed. Skip rather than crash.
      if (!parsed.ok) this.options.log.warn({ offset: endOffset }, "journal batch no longer parses; skipped");
      else if (record.key === undefined) this.applyReleasing(parsed.events, record.t);
      else {
        try {
          this.applyIngest(parsed.events, record.t, { key: record.key, digest: bodyDigest(record.body) });
        } finally {
          parsed.events.release();
        }
      }
    }
    this.appliedOffset = endOffset;
  }

  /** Applies a replayed batch, then returns it to the pool (replay parses one per record). */
  private applyReleasing(events: EventBatch, t: number): void {
    try {
      this.applyEvents(events, t);
    } finally {
      events.release();
    }
  }

  /**
   * Applies a durable ingest batch and returns its 202 answer (JSON text) and what applying it found; with a key, the
   * answer is remembered under it. Replay of the batch's journal record gives the same answer.
   */
  applyIngest(
    events: EventBatch,
    t: number,
    idempotency?: { key: string; digest: string },
  ): { answer: string; stats: BatchStats } {
    const stats: BatchStats = { unknown: new Map(), missing: 0, invalid: 0 };
    const window = this.window.index;
    this.applyEvents(events, t, stats);
    const answer = acceptedAnswer(events.length, window, stats);
    if (idempotency)
      this.idempotency.remember(idempotency.key, { t, digest: idempotency.digest, status: 202, body: answer });
    return { answer, stats };
  }

  /** Fleet mode: pairs Redis joined that this member holds a side of (a durable `x` record). */
  applyJoins(joins: RemoteJoin[], t: number): void {
    this.lastRecordAt = Math.max(this.lastRecordAt, t);
    this.labels?.remoteJoined(joins, t);
  }

  /**
   * Applies a durable label batch to the join and returns its 202 answer (remembered under the key, if any); replay of
   * its journal record gives the same answer. Without `labels:` (no join) the labels are counted nowhere.
   */
  applyLabels(batch: LabelBatch, t: number, idempotency?: { key: string; digest: string }): { answer: string } {
    this.lastRecordAt = Math.max(this.lastRecordAt, t);
    const before = this.labels ? this.labels.counts.matched : 0;
    this.labels?.labelsArrived(batch, t);
    const answer = JSON.stringify({
      accepted: batch.ids.length,
      matched: this.labels ? this.labels.counts.matched - before : 0,
      waiting_labels: this.labels?.waitingLabels ?? 0,
    });
    if (idempotency)
      this.idempotency.remember(idempotency.key, { t, digest: idempotency.digest, status: 202, body: answer });
    return { answer };
  }

  /** Applies a durable batch to the window(s), closing windows as they fill. */
  applyEvents(events: EventBatch, t: number, batch?: BatchStats, clocks?: Float64Array): void {
    if (this.eventWindows) return this.applyByEventTime(this.eventWindows, events, t, batch, clocks);
    this.lastRecordAt = Math.max(this.lastRecordAt, t);
    this.maybeCloseByTime(t);
    const size = "size" in this.config.window ? this.config.window.size : Infinity;
    events.mapPredictions((p) => this.predictionValue(p));
    for (let from = 0; from < events.length;) {
      if (this.window.events === 0 && this.window.startedAt === 0) this.startWindowAt(t);
      const to = Math.min(events.length, from + Math.max(1, size - this.window.events));
      this.window.addBatch(events, from, to, batch);
      const w = { index: this.window.index, start: this.window.startedAt };
      // The version the window is measured against: in a fleet following production, the fleet's for its start.
      this.labels?.eventsAdded(events, from, to, w, t, this.window.measuredVersion ?? this.modelVersion, clocks);
      from = to;
      if (this.window.events >= size) this.closeWindow(t);
    }
    this.updateProgress(t);
  }

  /** A clock tick (journaled): closes a duration window whose time is up. */
  applyTick(t: number): void {
    this.labels?.expire(t);
    if (this.eventWindows) {
      this.lastRecordAt = Math.max(this.lastRecordAt, t);
      this.closeEventWindows(this.eventWindows.takeDue(t));
      return this.updateProgress(t);
    }
    this.lastRecordAt = Math.max(this.lastRecordAt, t);
    this.maybeCloseByTime(t);
    this.updateProgress(t);
  }

  /**
   * True when a duration window with events is due to close at time t (the server then journals a tick). An empty
   * window is not reported, so it needs no tick: the next batch realigns it.
   */
  dueAt(t: number): boolean {
    if (this.eventWindows) return this.eventWindows.dueAt(t);
    return (
      "durationMs" in this.config.window &&
      this.window.startedAt > 0 &&
      this.window.events > 0 &&
      t >= this.window.startedAt + this.config.window.durationMs
    );
  }

  /**
   * Event time: each event to the window of its ts; late, ts-less and far-future events are counted (metric, batch
   * answer), not added; then the windows whose end + allowed lateness the clock has passed close, oldest first.
   */
  private applyByEventTime(
    windows: EventTimeWindows,
    events: EventBatch,
    t: number,
    batch?: BatchStats,
    clocks?: Float64Array,
  ): void {
    this.lastRecordAt = Math.max(this.lastRecordAt, t);
    events.mapPredictions((p) => this.predictionValue(p));
    const labels = this.labels;
    const modelVersion = this.modelVersion;
    // Event-time windows are numbered when they close: the join holds their rows by start until then.
    const added = labels
      ? (w: WindowState, from: number, to: number) =>
          labels.eventsAdded(
            events,
            from,
            to,
            { index: -1, start: w.startedAt },
            t,
            w.measuredVersion ?? modelVersion,
            clocks,
          )
      : undefined;
    const counts = windows.add(events, t, batch, clocks, added);
    if (batch) {
      batch.late = (batch.late ?? 0) + counts.late;
      batch.invalidTs = (batch.invalidTs ?? 0) + counts.invalidTs + counts.futureTs;
    }
    this.closeEventWindows(windows.takeDue(t));
    this.updateProgress(t);
  }

  /** Closes event-time windows in order of start: each gets the next index and reports the late events since the last. */
  closeEventWindows(due: WindowState[]): void {
    for (const w of due) {
      w.index = this.window.index;
      this.labels?.windowClosed(w.startedAt, w.index, this.lastRecordAt);
      this.window = w;
      this.closeWindow(w.startedAt + this.eventWindows!.durationMs);
    }
    this.window = new WindowState(this.layout, this.window.index, 0);
  }

  private maybeCloseByTime(t: number): void {
    if (!("durationMs" in this.config.window)) return;
    const d = this.config.window.durationMs;
    if (this.window.startedAt === 0) {
      this.startWindowAt(t);
      return;
    }
    if (t < this.window.startedAt + d) return;
    const closedAt = this.window.startedAt + d;
    // An empty span is not a window: nothing is reported and the index stays.
    if (this.window.events > 0) this.closeWindow(closedAt);
    // Tumbling windows aligned to the first one's start; empty spans in between are not reported.
    const k = Math.floor((t - closedAt) / d);
    this.startWindowAt(closedAt + k * d);
  }

  private startWindowAt(t: number): void {
    const w = this.config.window;
    // Aligned to the clock (multiples of the duration since the epoch): the same windows on every member.
    const aligned = "durationMs" in w && (this.options.fleet !== undefined || w.time === "processing");
    const start = aligned ? Math.floor(t / w.durationMs) * w.durationMs : t;
    this.window = new WindowState(this.layout, this.window.index, start);
  }

  private closeWindow(at: number): void {
    const w = this.window;
    const report = this.reportOf(w, at);
    if (this.eventWindows) report.late_events = this.eventWindows.takeLate();
    const { drift, dataset_drifted: datasetDrifted } = report;
    this.recent.push(report);
    if (this.recent.length > this.config.keepWindows)
      this.recent.splice(0, this.recent.length - this.config.keepWindows);
    const file = join(this.windowsDir, `${String(w.index).padStart(8, "0")}.json`);
    const text = stringifyContract(report, 2) + "\n";
    // Never throws for a full disk: the write waits in `writes` (the whole file again, so a torn one is replaced).
    this.writes.run(`the window report ${file}`, () => writeFileSync(file, text));
    const old = w.index - this.config.keepWindows;
    if (old >= 0) {
      const oldFile = join(this.windowsDir, `${String(old).padStart(8, "0")}.json`);
      this.writes.run(`the old window report ${oldFile}`, () => rmSync(oldFile, { force: true }));
    }
    this.recordMetrics(report);
    this.performance?.windowClosed(report, at);
    this.options.log.info(
      {
        window: w.index,
        events: w.events,
        dataset_drifted: datasetDrifted,
        drifted: drift.drifted_features,
        ...(this.predictionColumn !== null ? { prediction_drifted: report.prediction.drift?.drifted ?? null } : {}),
      },
      drift.summary,
    );
    if (this.options.fleet) {
      this.options.fleet.windowClosed(w);
      this.window = new WindowState(this.layout, w.index + 1, at);
      return;
    }

    const decision = decideAlerts(
      this.alert,
      { window: w.index, at, datasetDrifted, signals: windowSignals(report) },
      {
        consecutive: this.config.alert.consecutive,
        cooldownMs: this.config.alert.cooldownMs,
        closeAfterClean: this.config.alert.closeAfterClean,
        dispatch: this.config.actions.dispatch !== null,
      },
    );
    this.alert = decision.state;
    const dispatched = decision.actions.includes("dispatch");
    // The dispatch is recorded (so sent) first: the issue or comment of the same window links the run it started.
    const ordered = dispatched
      ? ["dispatch" as const, ...decision.actions.filter((a) => a !== "dispatch")]
      : decision.actions;
    const fired = decision.reasons.length > 0 ? decision.reasons : ["drift" as const];
    const cause = { fired, sections: windowSignalSections(report, fired) };
    for (const action of ordered) this.recordAction(action, report, dispatched, cause);
    this.options.deployment?.windowClosed(report, this.alert);
    this.window = new WindowState(this.layout, w.index + 1, "size" in this.config.window ? 0 : at);
    if (this.pendingReference) this.applyReference(report);
  }

  /**
   * Production's calibration moves with production, at the same window boundary. One with another positive class is
   * not switched to (events are parsed at the running one's); a production without one stops the estimates.
   */
  private switchEstimator(estimator: CbpeEstimator | null, version: string | null): void {
    const current = this.layout.estimator;
    if (estimator && current && estimator.calibration.positive_class !== current.calibration.positive_class) {
      this.options.log.warn(
        { model_version: version },
        "the new production's calibration has another positive class: the old calibration stays; restart the monitor to use it",
      );
      return;
    }
    if (estimator) this.layout.estimator = estimator;
    else {
      delete this.layout.estimator;
      this.options.log.warn(
        { model_version: version },
        "the new production has no calibration.json: no estimated performance until a version with one is production",
      );
    }
  }

  /** The model version of the last snapshot loaded (null: none, or a file reference). */
  snapshotModelVersion: string | null = null;

  /**
   * Switches the reference to `profile` (production `version`, null for a file) at the next window boundary, so no
   * window is measured against two references; at once when the open window has no events yet. The new profile must
   * describe the same features as the running one (names and kinds): windows and the journal are laid out by them.
   * Returns false (and changes nothing) when it does not.
   */
  switchReference(
    profile: ReferenceProfile,
    version: string | null,
    label: string,
    estimator?: CbpeEstimator | null,
  ): boolean {
    if (!this.hasSameFeatures(profile)) return false;
    this.pendingReference = { profile, version, label, ...(estimator !== undefined ? { estimator } : {}) };
    const idle = this.eventWindows ? this.eventWindows.open.size === 0 : this.window.events === 0;
    if (idle) this.applyReference(null);
    return true;
  }

  /** Whether `profile` lays out the running features (names and kinds, after the skips) and has the prediction column. */
  private hasSameFeatures(profile: ReferenceProfile): boolean {
    const col = this.predictionColumn;
    const features = col === null ? profile : { ...profile, columns: withoutKey(profile.columns, col) };
    const next = layoutOf(features, this.config.labels?.positiveClass);
    skipInLayout(next, monitorSkips(features, this.config.drift, this.target.name, this.config.file, this.target.from));
    return (
      next.names.length === this.layout.names.length &&
      next.names.every((n, i) => n === this.layout.names[i] && next.kinds[i] === this.layout.kinds[i]) &&
      (col === null || Object.hasOwn(profile.columns, col))
    );
  }

  /**
   * The reference `profile` (production `version`) as windows are measured and judged against it, or null when it
   * describes other features than the running one (names or kinds): windows and the journal are laid out by them.
   */
  judgedReference(
    profile: ReferenceProfile,
    version: string,
    label: string,
    estimator?: CbpeEstimator | null,
  ): JudgedReference | null {
    if (!this.hasSameFeatures(profile)) return null;
    const current = this.layout.estimator;
    if (estimator && current && estimator.calibration.positive_class !== current.calibration.positive_class) {
      // Events' probabilities are read at the running calibration's positive class: the old calibration stays.
      this.options.log.warn(
        { model_version: version },
        "this production's calibration has another positive class: the old calibration stays; restart the fleet to use it",
      );
      estimator = undefined;
    }
    const col = this.predictionColumn;
    const samples = sampleProfile(profile);
    const prediction = col === null ? null : (samples.get(col) ?? null);
    if (col !== null) samples.delete(col);
    return {
      version,
      label,
      samples,
      prediction,
      ranges: referenceRanges(profile, this.layout),
      ...(estimator !== undefined ? { estimator } : {}),
    };
  }

  /**
   * A fleet following production: every window is measured (ranges, calibration) and judged against the reference
   * `at` gives for its start (the fleet's plan), instead of the one switched to locally. Set before the snapshot loads.
   */
  followReferences(at: (start: number) => JudgedReference | null): void {
    this.judgedAt = at;
    this.layout.referenceAt = at;
  }

  /**
   * Applies the pending reference: a new production starts a new alert episode (streaks and the dispatch cooldown
   * reset: the old production's drift is not the new one's), and an open drift issue hears that production changed;
   * it closes after the clean windows, as the policy already does.
   */
  private applyReference(lastReport: WindowReport | null): void {
    const next = this.pendingReference!;
    this.pendingReference = null;
    const previous = this.modelVersion;
    this.reference = sampleProfile(next.profile);
    // Windows opened from here count out-of-range values against the new production's range.
    this.layout.ranges = referenceRanges(next.profile, this.layout);
    // So does the open window when it is still empty (a switch at its boundary, or while idle: a duration window
    // opens before its first event): its drift is judged against the new profile, its quality must be too.
    if (this.window.events === 0) this.window = new WindowState(this.layout, this.window.index, this.window.startedAt);
    const col = this.predictionColumn;
    this.predictionReference = col === null ? null : (this.reference.get(col) ?? null);
    if (col !== null) this.reference.delete(col);
    this.referenceLabel = next.label;
    if (next.estimator !== undefined) this.switchEstimator(next.estimator, next.version);
    this.modelVersion = next.version;
    this.options.metrics.modelVersionChanged(previous, next.version);
    this.options.log.info(
      { model_version: next.version, previous, window: this.window.index },
      next.version === null
        ? "reference reloaded"
        : `production is now ${next.version}: new reference from the next window`,
    );
    if (next.version === null || next.version === previous) return;
    const at = lastReport?.closed_at ?? new Date(Math.max(this.lastRecordAt, 1)).toISOString();
    this.options.deployment?.loaded(next.version, this.window.index, at);
    this.alert = { ...INITIAL_ALERT_STATE, issueOpen: this.alert.issueOpen };
    if (this.alert.issueOpen) {
      const entry = productionChangedRequest(this.config, {
        version: next.version,
        previous,
        window: this.window.index,
        at,
      });
      if (this.options.outbox.add(entry)) this.options.metrics.alerts.inc({ action: "issue.note" });
    }
  }

  /** The report of window `w` closed at `at`: drift of its features and predictions with the policy (no side effects). */
  reportOf(w: WindowState, at: number): WindowReport {
    // A fleet following production judges each window against the version the fleet recorded for its start.
    const ref = this.judgedAt?.(w.startedAt) ?? null;
    const version = ref ? ref.version : this.modelVersion;
    const drift = detectDrift(
      {
        reference: ref?.samples ?? this.reference,
        current: w.samples(),
        referenceLabel: ref?.label ?? this.referenceLabel,
        currentLabel: `window ${w.index}`,
        skip: this.skips,
        quality: this.config.quality,
      },
      this.config.drift,
    );
    const prediction = this.predictionDrift(w, ref);
    const featuresVerdict = drift.features.length > 0 ? drift.dataset_drifted : null;
    const predictionVerdict = prediction.drift ? prediction.drift.drifted : null;
    const datasetDrifted =
      this.config.prediction.countsTowardDataset && predictionVerdict !== null
        ? featuresVerdict === true || predictionVerdict
        : featuresVerdict;
    const top = w.predictionCategorical.toJson();
    const report: WindowReport = {
      window: w.index,
      started_at: new Date(w.startedAt).toISOString(),
      closed_at: new Date(at).toISOString(),
      events: w.events,
      ...(version !== null ? { model_version: version } : {}),
      dataset_drifted: datasetDrifted,
      unknown_features: recordOf(w.unknown),
      prediction: {
        count: w.predictionNumeric.count + w.predictionCategorical.count,
        missing: w.predictionMissing,
        mean: w.predictionNumeric.finite > 0 ? w.predictionNumeric.mean : null,
        top: recordOf(top.values.slice(0, 20).map((v, i) => [v, top.counts[i]!] as const)),
        ...prediction,
      },
      drift,
    };
    const estimator = ref?.estimator !== undefined ? ref.estimator : this.layout.estimator;
    if (estimator && this.config.estimation)
      report.estimated_performance = estimatedPerformanceReport(
        estimator,
        this.config.estimation,
        w.cbpe ?? new CbpeSketch(),
        w.cbpeMissing,
      );
    return report;
  }

  /**
   * An event's prediction as the reference column's kind reads it (deterministic, so replay gives the same window):
   * for a categorical column numbers become their text ("1"); for a numeric one booleans become 1/0 and numeric text
   * its number. Unchanged without a prediction column.
   */
  private predictionValue(v: unknown): unknown {
    const kind = this.predictionReference?.kind;
    if (kind === "categorical" && typeof v === "number") return String(v);
    if (kind === "numeric") {
      if (typeof v === "boolean") return v ? 1 : 0;
      if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
    }
    return v;
  }

  /**
   * The window's predictions against the reference column, with the drift policy (KS + PSI for a numeric column,
   * chi-square + PSI for a categorical one by default; `drift.columns.<column>` overrides apply). Predictions of the
   * other kind count as missing.
   */
  private predictionDrift(
    w: WindowState,
    judged: JudgedReference | null,
  ): Pick<PredictionReport, "column" | "drift" | "skipped"> {
    const col = this.predictionColumn;
    const ref = judged ? judged.prediction : this.predictionReference;
    if (col === null || ref === null) return { column: null, drift: null };
    const numeric = w.predictionNumeric;
    const categorical = w.predictionCategorical;
    let current: ColumnSample | null = null;
    if (ref.kind === "numeric") {
      const s = numeric.sample();
      current = { ...s, missing: s.missing + w.predictionMissing + categorical.count };
    } else if (ref.kind === "categorical") {
      const s = categorical.sample();
      current = { ...s, missing: s.missing + w.predictionMissing + numeric.count };
    }
    const r = detectDrift(
      {
        reference: new Map([[col, ref]]),
        current: current ? new Map([[col, current]]) : new Map(),
        referenceLabel: judged?.label ?? this.referenceLabel,
        currentLabel: `window ${w.index} predictions`,
      },
      this.config.drift,
    );
    const drift = r.features[0] ?? null;
    return drift ? { column: col, drift } : { column: col, drift: null, skipped: r.skipped[0]?.reason ?? "not tested" };
  }

  private recordAction(action: AlertActionKind, report: WindowReport, dispatched: boolean, cause: AlertCause): void {
    const entry = buildAlertRequest(this.config, action, report, this.recent, dispatched, cause);
    // Recorded before it is executed; an id seen before (replay after a crash) is not recorded or sent again.
    if (this.options.outbox.add(entry)) {
      this.options.metrics.alerts.inc({ action });
      this.options.log.info({ action, id: entry.id }, "alert recorded in the outbox");
    }
  }

  private recordMetrics(report: WindowReport): void {
    const m = this.options.metrics;
    // A file reference has no version: the series carry no model_version label then.
    const modelVersion = report.model_version ?? null;
    const version = modelVersion !== null ? { model_version: modelVersion } : {};
    m.windowsClosed.inc(version);
    m.datasetDrifted.set(version, report.dataset_drifted ? 1 : 0);
    for (const f of report.drift.features) {
      const psi = f.tests.psi?.statistic;
      if (psi !== undefined) m.psi.set({ feature: f.name, ...version }, psi);
      const ks = f.tests.ks?.statistic;
      if (ks !== undefined) m.ks.set({ feature: f.name, ...version }, ks);
      m.featureDrifted.set({ feature: f.name, ...version }, f.drifted ? 1 : 0);
    }
    this.qualityMetrics.windowClosed(report.drift, modelVersion);
    const p = report.prediction.drift;
    if (p) {
      const psi = p.tests.psi?.statistic;
      if (psi !== undefined) m.predictionPsi.set(psi);
      const ks = p.tests.ks?.statistic;
      if (ks !== undefined) m.predictionKs.set(ks);
      m.predictionDrifted.set(p.drifted ? 1 : 0);
    }
    if (report.estimated_performance) this.estimationMetrics?.windowClosed(report.estimated_performance, modelVersion);
  }

  updateProgress(now: number): void {
    const m = this.options.metrics;
    if (this.eventWindows) {
      // Event time: the events in all open windows, and how far the oldest is towards closing.
      const open = [...this.eventWindows.open.values()];
      m.windowEvents.set(open.reduce((n, w) => n + w.events, 0));
      const { durationMs, latenessMs } = this.eventWindows;
      const oldest = Math.min(...open.map((w) => w.startedAt));
      m.windowProgress.set(open.length > 0 ? Math.max(0, Math.min(1, (now - oldest) / (durationMs + latenessMs))) : 0);
      return;
    }
    m.windowEvents.set(this.window.events);
    const w = this.config.window;
    if ("size" in w) m.windowProgress.set(this.window.events / w.size);
    else
      m.windowProgress.set(this.window.startedAt > 0 ? Math.min(1, (now - this.window.startedAt) / w.durationMs) : 0);
  }
}

/**
 * The reference column predictions are compared with: `prediction.column`, which must be a column of the profile, or
 * by default `prediction` when the profile has it; null when there is none (no prediction drift).
 */
export function predictionColumnOf(config: MonitorConfig, profile: ReferenceProfile): string | null {
  const named = config.prediction.column;
  if (named === null) return Object.hasOwn(profile.columns, "prediction") ? "prediction" : null;
  if (!Object.hasOwn(profile.columns, named)) {
    const columns = Object.keys(profile.columns);
    throw new ModelguardError(
      "config",
      `prediction.column: '${named}' is not a column of the reference profile ${config.reference}`,
      `name one of its columns (${columns.slice(0, 10).join(", ")}${columns.length > 10 ? ", ..." : ""}), or leave prediction.column unset`,
    );
  }
  return named;
}

/**
 * A drift.columns override of a column the reference profile lacks would never apply (a typo drops the override, and a
 * `critical: true` column would silently be optional), so the monitor refuses it, as the CLI's drift command does.
 */
export function checkDriftColumns(config: MonitorConfig, profile: ReferenceProfile): void {
  const unknown = Object.keys(config.drift.columns).filter((name) => !Object.hasOwn(profile.columns, name));
  if (unknown.length === 0) return;
  const names = (list: string[]) =>
    list
      .slice(0, 10)
      .map((n) => `'${n}'`)
      .join(", ") + (list.length > 10 ? ` and ${list.length - 10} more` : "");
  throw new ModelguardError(
    "config",
    `${config.file}: drift.columns names ${unknown.length > 1 ? "columns" : "a column"} the reference profile lacks: ` +
      `${names(unknown)} (profile ${config.reference})`,
    `names are case-sensitive; columns of the reference profile: ${names(Object.keys(profile.columns)) || "none"}`,
    { file: config.file },
  );
}

/** The record without `key`; column names are data, so the copy has no prototype either. */
function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  return recordOf(Object.entries(record).filter(([k]) => k !== key));
}
