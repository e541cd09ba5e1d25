import { Registry } from "prom-client";
import { INITIAL_ALERT_STATE } from "../alerts/alertPolicy.js";
import type { OutboxEntry } from "../alerts/outbox.js";
import type { MonitorConfig } from "../config/monitorConfig.js";
import type { MonitorMetrics } from "../metrics/monitorMetrics.js";
import { PerformanceMetrics } from "../performance/performanceMetrics.js";
import {
  PerformanceWindows,
  type PerformanceHost,
  type PerformanceWindowReport,
} from "../performance/performanceWindows.js";
import type { PerformanceResult } from "../performance/performanceResult.js";
import type { WindowReport } from "../windows/windowReport.js";
import type { FleetConfig } from "./fleetConfig.js";
import type { AlertRecord, FleetAlertIo, FleetPerformanceHook } from "./fleetMember.js";
import type { FleetStore } from "./fleetStore.js";

/**
 * A piece of one member's labelled rows of one window, as published (the rows of its own events: each pair is one
 * member's): its rows from row `from` on (absent: 0, as older versions published the whole rows each time).
 */
interface RowsPartial {
  member: string;
  from?: number;
  model_version: string | null;
  label: string[];
  prediction: (string | null)[];
  /** null: the event had no probability. */
  probability: (number | null)[];
  /** Rows past performance_policy.max_rows on that member: counted, not kept (the member's total so far). */
  dropped: number;
}

/**
 * Pieces a member writes of one window before it writes the window's rows whole again (a piece from 0, which replaces
 * them): the window's hash stays small, and the whole rows are re-sent once per this many publishes.
 */
const MAX_PIECES = 32;

/** What the leader writes and every member shows: the fleet's realized performance per window. */
export interface FleetPerformanceView {
  judged_by: string;
  windows: PerformanceWindowReport[];
  latest: { window: number; model_version: string | null; labelled: number; result: PerformanceResult } | null;
}

export interface FleetPerformanceOptions {
  config: MonitorConfig;
  fleet: FleetConfig;
  store: FleetStore;
  /** This member's realized-performance windows: the rows of its own events, which it publishes. */
  local: PerformanceWindows;
  /** The `modelguard_monitor_performance*` gauges of this member's /metrics: they show the fleet's view. */
  gauges: PerformanceMetrics;
  metrics: MonitorMetrics;
  member: string;
  now(): number;
  log: { info(o: object, m: string): void; warn(o: object, m: string): void };
}

/**
 * Realized performance in fleet mode. The event's member emits each joined pair's row (the label join makes that
 * exactly once fleet-wide), so a window's labelled rows are spread over the members. Each member publishes its rows of
 * each window to Redis (`perf:rows:<start>`, overwritten: a repeat is the same, and everything is published again
 * after a reconnect, as a Redis restarted empty has lost it); the leader merges them, once the window's end plus grace
 * has passed, into the same PerformanceWindows a single monitor judges with (the same rules, production's metrics and
 * min_rows, re-judged as the window grows by 5%), decides a breach's alert with the fleet's alert state, and writes
 * the view and the alert entries in one fenced step. Every member shows that view on /v1/performance and /metrics.
 *
 * Rows, not sufficient statistics: confusion counts would merge, but ROC AUC, PR AUC, log loss and the intervals
 * (DeLong's variance) need every row's score, and a score histogram would make them approximate. A window holds at
 * most `max_rows` rows per member in Redis, and the merged window keeps `max_rows` (the rest are counted, as one
 * monitor counts them).
 */
export class FleetPerformance implements FleetPerformanceHook {
  /**
   * Window start -> the count signature last published, the rows it held and the pieces written since the last whole
   * publish; cleared after a reconnect (everything is published whole again).
   */
  private readonly published = new Map<number, { count: string; rows: number; pieces: number }>();
  private publishedOn = -1;
  /** The leader's merged windows (null: rebuilt from Redis, e.g. after a failed write or on a new leader). */
  private merged: {
    windows: PerformanceWindows;
    host: PerformanceHost & { alert: AlertRecord["state"]; recent: WindowReport[] };
    entries: OutboxEntry[];
    /** Window start -> the members' counts when last merged. */
    judged: Map<number, string>;
    on: number;
  } | null = null;
  /** The view last shown (its JSON text, and parsed). */
  private viewText: string | null = null;
  view: FleetPerformanceView | null = null;
  private readonly breachesSeen = new Set<number>();
  private readonly durationMs: number;

  constructor(private readonly o: FleetPerformanceOptions) {
    if (!("durationMs" in o.config.window)) throw new Error("fleet mode needs windows by duration (window.duration)");
    this.durationMs = o.config.window.durationMs;
    o.gauges.update(null, o.local.production);
  }

  /** A window's rows live in Redis as long as the window is kept and its labels may come. */
  private ttlMs(): number {
    const d = this.durationMs;
    return this.o.config.keepWindows * d + (this.o.config.labels?.maxDelayMs ?? 0) + d + this.o.fleet.graceMs;
  }

  /**
   * Member: publishes the rows each closed window gained since it was last published (labels come a batch at a time,
   * over up to `labels.max_delay`: re-sending a window's whole rows at each batch wrote O(rows x rounds) to Redis). A
   * member's rows of a window only grow; the first publish of a window (and each one after a reconnect, a restart, or
   * MAX_PIECES pieces) is whole and replaces the pieces before it.
   */
  async publish(): Promise<void> {
    const { store, local, member } = this.o;
    if (store.connections !== this.publishedOn) {
      this.published.clear();
      this.publishedOn = store.connections;
    }
    const seen = new Set<number>();
    for (const w of local.closedRows()) {
      const start = Date.parse(w.started_at);
      seen.add(start);
      const last = this.published.get(start);
      if (last?.count === `${w.label.length}+${w.dropped}`) continue;
      const from = last && last.rows <= w.label.length && last.pieces < MAX_PIECES ? last.rows : 0;
      const rows: RowsPartial = {
        member,
        from,
        model_version: w.model_version,
        label: w.label.slice(from),
        prediction: w.prediction.slice(from),
        probability: w.probability.slice(from).map((p) => (Number.isNaN(p) ? null : p)),
        dropped: w.dropped,
      };
      // The piece's start is in the count the leader compares: a whole publish after a piece that reached a Redis
      // restarted empty (without the pieces before it) changes it, so the leader merges the window again.
      const count = `${w.label.length}+${w.dropped}`;
      await store.publishRows(start, member, JSON.stringify(rows), `${count}+${from}`, this.ttlMs(), from);
      this.published.set(start, { count, rows: w.label.length, pieces: from === 0 ? 1 : last!.pieces + 1 });
    }
    for (const start of this.published.keys()) if (!seen.has(start)) this.published.delete(start);
  }

  private newMerged(): NonNullable<FleetPerformance["merged"]> {
    const { config, local } = this.o;
    const entries: OutboxEntry[] = [];
    const host = { config, alert: { ...INITIAL_ALERT_STATE }, recent: [] as WindowReport[] };
    // Each window is judged against the metrics of the version it was measured with (a fleet following production).
    const windows = new PerformanceWindows(local.config, local.productionMetrics().file, host, {
      outbox: { add: (e: OutboxEntry) => (entries.push(e), true) },
      metrics: this.o.metrics,
      // The leader's own judgment is not what /metrics shows: the view it writes is, on every member.
      gauges: new PerformanceMetrics(new Registry()),
      log: this.o.log,
      alerts: true,
    });
    addVersions(windows, local);
    return { windows, host, entries, judged: new Map(), on: this.o.store.connections };
  }

  /** Leader: merges and judges the windows whose rows changed; a breach alerts once per fleet. */
  async lead(lease: string, alert: FleetAlertIo): Promise<void> {
    const { store, fleet, config } = this.o;
    const d = this.durationMs;
    const now = this.o.now();
    // A reconnect (Redis may have restarted empty): everything is merged and written again.
    if (this.merged && this.merged.on !== store.connections) this.merged = null;
    const due = await store.rowWindows(now - d - fleet.graceMs, now - this.ttlMs());
    if (due.length === 0) return;
    const m = (this.merged ??= this.newMerged());
    addVersions(m.windows, this.o.local);
    for (const start of m.judged.keys()) if (!due.includes(start)) m.judged.delete(start);
    const changed: [start: number, counts: string][] = [];
    const { minRows, maxRows } = m.windows.config;
    for (const start of due) {
      const byMember = [...(await store.rowCounts(start))].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const counts = byMember.map(([member, c]) => `${member}=${c}`).join(",");
      if (m.judged.get(start) === counts) continue;
      // The rows are read and merged only when the judgment would change, as a single monitor re-judges: below
      // min_rows (few rows), never judged, or grown by 5% since. A full window is megabytes of JSON to parse, and its
      // labels come a batch at a time.
      const kept = Math.min(
        maxRows,
        byMember.reduce((n, [, c]) => n + Number(c.split("+")[0]), 0),
      );
      const judgedRows = m.windows.judgedRowsOf(Math.floor(start / d));
      if (kept >= minRows && judgedRows !== null && kept < Math.max(judgedRows + 1, Math.ceil(judgedRows * 1.05)))
        continue;
      changed.push([start, counts]);
    }
    if (changed.length === 0) return;
    const record = await alert.read();
    const alerted = new Set(record.performance_alerted ?? []);
    m.host.alert = record.state;
    m.host.recent = (await store.reports(config.keepWindows)).map((t) => JSON.parse(t) as WindowReport).reverse();
    m.entries.length = 0;
    try {
      for (const [start, counts] of changed) {
        const rows = mergeRows(await store.rows(start), m.windows.config.maxRows);
        m.windows.replaceWindow(
          Math.floor(start / d),
          {
            started_at: new Date(start).toISOString(),
            closed_at: new Date(start + d).toISOString(),
            model_version: rows.modelVersion,
          },
          rows,
          alerted.has(start),
          now,
        );
        m.judged.set(start, counts);
      }
      const newly = m.windows
        .report()
        .filter((w) => w.breached && !alerted.has(w.window * d))
        .map((w) => w.window * d);
      let next: AlertRecord | null = null;
      if (newly.length > 0) {
        const keepFrom = now - this.ttlMs();
        next = {
          ...record,
          state: m.host.alert,
          performance_alerted: [...alerted, ...newly].filter((s) => s >= keepFrom).sort((a, b) => a - b),
        };
      }
      const view: FleetPerformanceView = {
        judged_by: this.o.member,
        windows: m.windows.report(),
        latest: m.windows.latest(),
      };
      await store.performanceVerdict(
        lease,
        JSON.stringify(view),
        next && JSON.stringify(next),
        m.entries.map((e) => JSON.stringify(e)),
      );
      if (next) {
        alert.keep(next);
        this.o.log.info(
          { windows: newly.map((s) => Math.floor(s / d)), actions: m.entries.map((e) => e.kind) },
          "fleet: realized performance breached a rule; alert recorded in the fleet's outbox",
        );
      }
    } catch (e) {
      // Not written: the next round (of this leader or another) merges and decides again from Redis.
      this.merged = null;
      throw e;
    }
  }

  /** How far window `index`'s labels have come in the view shown, or null. */
  ofWindow(index: number): { labelled_rows: number; judged: boolean; breached: boolean } | null {
    const w = this.view?.windows.find((x) => x.window === index);
    return w ? { labelled_rows: w.labelled_rows, judged: w.judged, breached: w.breached } : null;
  }

  /** Every member: the leader's view on /v1/performance and the performance gauges (read once a round). */
  async show(): Promise<void> {
    const text = await this.o.store.performanceView();
    if (text === null || text === this.viewText) return;
    this.viewText = text;
    const view = JSON.parse(text) as FleetPerformanceView;
    this.view = view;
    this.o.gauges.update(view.latest, this.o.local.production);
    // Windows older than any the view keeps are gone for good (a window missing from a view may come back in the next).
    const oldest = Math.min(...view.windows.map((w) => w.window));
    for (const k of this.breachesSeen) if (k < oldest) this.breachesSeen.delete(k);
    for (const w of view.windows) {
      if (!w.breached || this.breachesSeen.has(w.window)) continue;
      this.breachesSeen.add(w.window);
      this.o.gauges.breaches.inc();
    }
  }
}

/**
 * The members' rows of one window as one window's: in member order (a deterministic order), each member's pieces in
 * row order, at most `maxRows` kept; the members' dropped rows and those past `maxRows` are counted. Only a member's
 * pieces that follow on from row 0 are used: one past a gap (written to a Redis restarted empty, before the member
 * published its rows whole again) waits for that whole publish, which changes the member's count.
 */
function mergeRows(pieces: string[], maxRows: number) {
  const byMember = new Map<string, RowsPartial[]>();
  for (const text of pieces) {
    const p = JSON.parse(text) as RowsPartial;
    const list = byMember.get(p.member);
    if (list) list.push(p);
    else byMember.set(p.member, [p]);
  }
  const label: string[] = [];
  const prediction: (string | null)[] = [];
  const probability: number[] = [];
  let dropped = 0;
  let modelVersion: string | null = null;
  for (const member of [...byMember.keys()].sort()) {
    let next = 0;
    let memberDropped = 0;
    for (const p of byMember.get(member)!.sort((a, b) => (a.from ?? 0) - (b.from ?? 0))) {
      if ((p.from ?? 0) !== next) continue;
      next += p.label.length;
      memberDropped = Math.max(memberDropped, p.dropped);
      modelVersion ??= p.model_version;
      const room = Math.max(0, maxRows - label.length);
      const n = Math.min(room, p.label.length);
      dropped += p.label.length - n;
      for (let i = 0; i < n; i++) {
        label.push(p.label[i]!);
        prediction.push(p.prediction[i] ?? null);
        probability.push(p.probability[i] ?? NaN);
      }
    }
    dropped += memberDropped;
  }
  return { label, prediction, probability, dropped, modelVersion };
}

/** Production versions this member loaded (following production) that the leader's merged windows do not have yet. */
function addVersions(merged: PerformanceWindows, local: PerformanceWindows): void {
  const have = merged.productionMetrics().byVersion;
  for (const [version, metrics] of local.productionMetrics().byVersion)
    if (have.get(version) !== metrics) merged.addProduction(version, metrics);
}
