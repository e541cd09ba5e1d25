import { escapeMarkdown } from "../../src/report/escapeMarkdown.js";
import { labelledPredictions, type TaskSpec } from "../../src/performance/labelledPredictions.js";
import { realizedMetrics } from "../../src/performance/realizedMetrics.js";
import { judgePerformance, type PerformanceCheck } from "../../src/performance/performanceRules.js";
import type { MetricNote } from "../../src/model/metrics/metricNote.js";
import { decideBreach, type AlertActionKind, type AlertState } from "../alerts/alertPolicy.js";
import { buildAlertRequest, type AlertSubject } from "../alerts/alertRequests.js";
import type { Outbox } from "../alerts/outbox.js";
import type { MonitorConfig } from "../config/monitorConfig.js";
import type { MonitorMetrics } from "../metrics/monitorMetrics.js";
import type { WindowReport } from "../windows/windowReport.js";
import type { JoinedRows, JoinedRowsSink } from "./joinedRowsSink.js";
import type { PerformanceConfig } from "./performanceConfig.js";
import type { PerformanceMetrics } from "./performanceMetrics.js";
import type { PerformanceResult, ProductionMetrics } from "./performanceResult.js";

export type { PerformanceResult, ProductionMetrics } from "./performanceResult.js";

interface PerformanceWindow {
  window: number;
  /** Set when the window closed (drift monitor); rows may arrive before, for a window still open. */
  started_at: string | null;
  closed_at: string | null;
  closedMs: number | null;
  model_version: string | null;
  label: string[];
  prediction: (string | null)[];
  probability: number[];
  /** Rows past maxRows: counted, not kept. */
  dropped: number;
  /** Kept rows when last judged (a window is re-judged once it has grown by 5% since). */
  judgedRows: number;
  result: PerformanceResult | null;
  /** A breach of this window has been alerted (once per window). */
  alerted: boolean;
}

/** The alert side the windows share with the drift monitor: one alert state and one issue per model. */
export interface PerformanceHost {
  readonly config: MonitorConfig;
  alert: AlertState;
  readonly recent: WindowReport[];
}

export interface PerformanceWindowsOptions {
  outbox: Pick<Outbox, "add">;
  metrics: MonitorMetrics;
  gauges: PerformanceMetrics;
  log: { info(o: object, m: string): void; warn(o: object, m: string): void };
  /**
   * Fleet mode: false on a member, whose windows hold only the rows of its own events (it publishes them, and judges
   * none); the leader's merged windows (FleetPerformance) are judged and decide the alerts.
   */
  alerts: boolean;
}

/**
 * Realized performance per prediction window: the label join hands joined rows over (addJoined) with the window the
 * prediction was counted in, which has usually closed long before. A closed window with `min_rows` labelled rows is
 * judged against production's metrics by the rules (src/performance), and re-judged as more of its labels come
 * (each time it has grown by 5%; labels stop once `labels.max_delay` has passed). A breach alerts once per window:
 * the shared alert policy opens or updates the model's one issue and dispatches retraining, with reason
 * `performance`. Deterministic in the journal (the join calls it from applied records), and in the snapshot.
 */
export class PerformanceWindows implements JoinedRowsSink {
  private readonly windows = new Map<number, PerformanceWindow>();
  /** Rows for windows older than those kept (their results were dropped): counted only. */
  tooOld = 0;
  /** Production's metrics by version ("v3"), from the registry: a window is judged against its own version's. */
  private readonly byVersion = new Map<string, ProductionMetrics>();
  private latestRegistry: ProductionMetrics | null = null;

  constructor(
    readonly config: PerformanceConfig,
    /** From `reference_metrics` (it wins over the registry's: it was given explicitly); null without it. */
    private readonly fileProduction: ProductionMetrics | null,
    private readonly host: PerformanceHost,
    private readonly options: PerformanceWindowsOptions,
  ) {}

  /** The metrics.json of production version `version` (registry), for windows that version served. */
  addProduction(version: string, metrics: ProductionMetrics): void {
    this.byVersion.set(version, metrics);
    this.latestRegistry = metrics;
    this.options.gauges.update(this.latest(), this.production);
  }

  /** Production's metrics as given: `reference_metrics` (null without it), and the registry's by version. */
  productionMetrics(): { file: ProductionMetrics | null; byVersion: ReadonlyMap<string, ProductionMetrics> } {
    return { file: this.fileProduction, byVersion: this.byVersion };
  }

  /** What windows are judged against now: reference_metrics, else the newest production version's metrics. */
  get production(): ProductionMetrics | null {
    return this.fileProduction ?? this.latestRegistry;
  }

  private productionOf(version: string | null): ProductionMetrics | null {
    return this.fileProduction ?? (version !== null ? this.byVersion.get(version) : undefined) ?? this.latestRegistry;
  }

  addJoined(rows: JoinedRows): void {
    const touched = new Set<PerformanceWindow>();
    const oldest = this.oldestKept();
    for (let i = 0; i < rows.length; i++) {
      const index = rows.window[i]!;
      if (index < oldest) {
        this.tooOld++;
        continue;
      }
      const w = this.windowOf(index);
      if (w.label.length >= this.config.maxRows) {
        w.dropped++;
        continue;
      }
      w.label.push(classText(rows.label[i]));
      const p = rows.prediction[i];
      w.prediction.push(p === null || p === undefined ? null : classText(p));
      const q = rows.probability[i]!;
      w.probability.push(q >= 0 && q <= 1 ? q : NaN);
      touched.add(w);
    }
    for (const w of touched) this.maybeJudge(w, rows.at);
    this.options.gauges.update(this.latest(), this.production);
  }

  /**
   * Fleet mode (the leader): window `index` holds the fleet's merged rows now (they replace what it held: a member's
   * rows only grow), closed, and is judged as a single monitor's would be. `alerted`: the fleet alerted its breach
   * before (under another leader), so it is not alerted again.
   */
  replaceWindow(
    index: number,
    span: Pick<WindowReport, "started_at" | "closed_at"> & { model_version: string | null },
    rows: { label: string[]; prediction: (string | null)[]; probability: number[]; dropped: number },
    alerted: boolean,
    at: number,
  ): void {
    const w = this.windowOf(index);
    w.started_at = span.started_at;
    w.closed_at = span.closed_at;
    w.closedMs ??= at;
    w.model_version = span.model_version;
    w.label = rows.label;
    w.prediction = rows.prediction;
    w.probability = rows.probability;
    w.dropped = rows.dropped;
    w.alerted ||= alerted;
    this.maybeJudge(w, at);
    this.trim();
  }

  /** The kept rows window `index` was last judged on, or null when it was not judged (fleet: the leader's merge). */
  judgedRowsOf(index: number): number | null {
    const w = this.windows.get(index);
    return w?.result ? w.judgedRows : null;
  }

  /** Closed windows with labelled rows, for a fleet member to publish (the arrays are the windows' own: read only). */
  closedRows(): {
    started_at: string;
    model_version: string | null;
    label: readonly string[];
    prediction: readonly (string | null)[];
    probability: readonly number[];
    dropped: number;
  }[] {
    return [...this.windows.values()]
      .filter((w) => w.closedMs !== null && w.started_at !== null && w.label.length + w.dropped > 0)
      .map((w) => ({
        started_at: w.started_at!,
        model_version: w.model_version,
        label: w.label,
        prediction: w.prediction,
        probability: w.probability,
        dropped: w.dropped,
      }));
  }

  /** The drift monitor closed window `report.window` at `at`: its span is known now, and rows already in are judged. */
  windowClosed(report: Pick<WindowReport, "window" | "started_at" | "closed_at" | "model_version">, at: number): void {
    const w = this.windowOf(report.window);
    w.started_at = report.started_at;
    w.closed_at = report.closed_at;
    w.closedMs = at;
    w.model_version = report.model_version ?? null;
    this.maybeJudge(w, at);
    this.trim();
    this.options.gauges.update(this.latest(), this.production);
  }

  private windowOf(index: number): PerformanceWindow {
    let w = this.windows.get(index);
    if (!w) {
      w = {
        window: index,
        started_at: null,
        closed_at: null,
        closedMs: null,
        model_version: null,
        label: [],
        prediction: [],
        probability: [],
        dropped: 0,
        judgedRows: 0,
        result: null,
        alerted: false,
      };
      this.windows.set(index, w);
    }
    return w;
  }

  /** Windows older than the last keep_windows closed ones are dropped (the newest keep theirs). */
  private oldestKept(): number {
    let newest = -1;
    for (const w of this.windows.values()) if (w.closedMs !== null && w.window > newest) newest = w.window;
    return newest - this.host.config.keepWindows + 1;
  }

  private trim(): void {
    const oldest = this.oldestKept();
    for (const k of [...this.windows.keys()]) if (k < oldest) this.windows.delete(k);
  }

  private maybeJudge(w: PerformanceWindow, at: number): void {
    const n = w.label.length;
    // A fleet member's windows hold only its share of the rows: the leader judges the merged ones (FleetPerformance).
    if (!this.options.alerts) return;
    if (w.closedMs === null || n < this.config.minRows) return;
    // Every 5% of growth: a window's judgments cost about 21 times one pass over its final rows in all (the geometric
    // series), where judging at each label batch would cost one pass per batch (one pass over 100,000 binary rows with
    // probabilities: 0.73 s measured on a 2-core machine shared with other jobs, load ~18).
    if (w.result !== null && n < Math.max(w.judgedRows + 1, Math.ceil(w.judgedRows * 1.05))) return;
    w.judgedRows = n;
    const production = this.productionOf(w.model_version);
    const spec = production?.spec ?? inferSpec(w, this.host.config.labels?.positiveClass);
    const joined = labelledPredictions(
      { length: n, label: w.label, prediction: w.prediction, probability: w.probability },
      spec,
    );
    if (!joined || joined.predictions.rowCount < this.config.minRows) return;
    const realized = realizedMetrics(joined.predictions, this.config.confidence);
    const checks = judgePerformance(
      this.config.rules,
      realized.metrics,
      production?.values ?? new Map(),
      this.config.confidence,
    );
    const breached = checks.some((c) => c.outcome === "breach");
    w.result = {
      rows: joined.predictions.rowCount,
      metrics: Object.fromEntries(
        [...realized.metrics].map(([name, m]) => [name, { value: m.value, interval: m.interval }]),
      ),
      checks,
      breached,
      notes: realized.notes,
      at,
    };
    this.options.log.info(
      { window: w.window, labelled_rows: w.result.rows, breached },
      `realized performance of window ${w.window} judged`,
    );
    if (breached && !w.alerted) {
      w.alerted = true;
      this.options.gauges.breaches.inc();
      if (this.options.alerts) this.alertBreach(w, w.result, at);
    }
  }

  private alertBreach(w: PerformanceWindow, result: PerformanceResult, at: number): void {
    const config = this.host.config;
    const decision = decideBreach(
      this.host.alert,
      { at, reason: "performance" },
      {
        consecutive: config.alert.consecutive,
        cooldownMs: config.alert.cooldownMs,
        closeAfterClean: config.alert.closeAfterClean,
        dispatch: config.actions.dispatch !== null,
      },
    );
    this.host.alert = decision.state;
    const dispatched = decision.actions.includes("dispatch");
    const ordered: AlertActionKind[] = dispatched
      ? ["dispatch", ...decision.actions.filter((a) => a !== "dispatch")]
      : decision.actions;
    const subject: AlertSubject = {
      window: w.window,
      started_at: w.started_at!,
      closed_at: w.closed_at!,
      ...(w.model_version !== null ? { model_version: w.model_version } : {}),
    };
    const cause = {
      fired: ["performance" as const],
      sections: [this.section(w, result, this.productionOf(w.model_version))],
    };
    for (const action of ordered) {
      const entry = buildAlertRequest(config, action, subject, this.host.recent, dispatched, cause);
      entry.created_at = new Date(at).toISOString();
      if (this.options.outbox.add(entry)) {
        this.options.metrics.alerts.inc({ action });
        this.options.log.info({ action, id: entry.id }, "alert recorded in the outbox");
      }
    }
  }

  /** The issue's section: the window's labelled rows and each rule's check (metric names are ours, values numbers). */
  private section(w: PerformanceWindow, result: PerformanceResult, production: ProductionMetrics | null): string {
    const pct = `${Number((this.config.confidence * 100).toFixed(1))}%`;
    const rows = result.checks.map(
      (c) =>
        `| ${escapeMarkdown(c.metric)} | ${fmt(c.value)} | ${c.interval ? `${fmt(c.interval[0])} to ${fmt(c.interval[1])}` : "—"} | ${fmt(c.reference)} | ${escapeMarkdown(c.kind)} ${fmt(c.threshold)} | **${c.outcome}** |`,
    );
    return [
      `**Realized performance** of window ${w.window} on ${result.rows} labelled predictions` +
        (production ? ` against production's metrics (${escapeMarkdown(production.source)})` : "") +
        `: a rule is breached when even the better bound of the ${pct} interval is past it.`,
      "",
      `| metric | window | ${pct} interval | production | rule | outcome |`,
      "|---|---|---|---|---|---|",
      ...rows,
    ].join("\n");
  }

  /** The newest judged window (what the gauges show), or null. */
  latest(): { window: number; model_version: string | null; labelled: number; result: PerformanceResult } | null {
    let best: PerformanceWindow | null = null;
    for (const w of this.windows.values()) if (w.result && (!best || w.window > best.window)) best = w;
    return best
      ? { window: best.window, model_version: best.model_version, labelled: best.label.length, result: best.result! }
      : null;
  }

  /** The windows for /v1/performance, newest first. */
  report(): PerformanceWindowReport[] {
    return [...this.windows.values()]
      .filter((w) => w.closedMs !== null)
      .sort((a, b) => b.window - a.window)
      .map((w) => ({
        window: w.window,
        started_at: w.started_at!,
        closed_at: w.closed_at!,
        ...(w.model_version !== null ? { model_version: w.model_version } : {}),
        labelled_rows: w.label.length + w.dropped,
        kept_rows: w.label.length,
        judged: w.result !== null,
        breached: w.result?.breached ?? false,
        ...(w.result
          ? {
              judged_at: new Date(w.result.at).toISOString(),
              rows: w.result.rows,
              metrics: w.result.metrics,
              checks: w.result.checks,
              notes: w.result.notes,
            }
          : {}),
      }));
  }

  /** The realized performance of one window (for /v1/drift's window entries), or null when none is known. */
  ofWindow(index: number): { labelled_rows: number; judged: boolean; breached: boolean } | null {
    const w = this.windows.get(index);
    if (!w) return null;
    return {
      labelled_rows: w.label.length + w.dropped,
      judged: w.result !== null,
      breached: w.result?.breached ?? false,
    };
  }

  toJson(): PerformanceWindowsJson {
    return {
      too_old: this.tooOld,
      windows: [...this.windows.values()].map((w) => ({
        window: w.window,
        started_at: w.started_at,
        closed_at: w.closed_at,
        closed_ms: w.closedMs,
        model_version: w.model_version,
        label: w.label,
        prediction: w.prediction,
        // NaN is not JSON: null stands for "no probability".
        probability: w.probability.map((p) => (Number.isNaN(p) ? null : p)),
        dropped: w.dropped,
        judged_rows: w.judgedRows,
        result: w.result,
        alerted: w.alerted,
      })),
    };
  }

  load(json: PerformanceWindowsJson): void {
    this.windows.clear();
    this.tooOld = json.too_old;
    for (const w of json.windows) {
      this.windows.set(w.window, {
        window: w.window,
        started_at: w.started_at,
        closed_at: w.closed_at,
        closedMs: w.closed_ms,
        model_version: w.model_version,
        label: w.label,
        prediction: w.prediction,
        probability: w.probability.map((p) => (p === null ? NaN : p)),
        dropped: w.dropped,
        judgedRows: w.judged_rows,
        result: w.result,
        alerted: w.alerted,
      });
    }
    this.options.gauges.update(this.latest(), this.production);
  }
}

export interface PerformanceWindowsJson {
  too_old: number;
  windows: {
    window: number;
    started_at: string | null;
    closed_at: string | null;
    closed_ms: number | null;
    model_version: string | null;
    label: string[];
    prediction: (string | null)[];
    probability: (number | null)[];
    dropped: number;
    judged_rows: number;
    result: PerformanceResult | null;
    alerted: boolean;
  }[];
}

export interface PerformanceWindowReport {
  window: number;
  started_at: string;
  closed_at: string;
  model_version?: string;
  labelled_rows: number;
  kept_rows: number;
  judged: boolean;
  breached: boolean;
  judged_at?: string;
  rows?: number;
  metrics?: PerformanceResult["metrics"];
  checks?: PerformanceCheck[];
  notes?: MetricNote[];
}

/** A label or predicted class as text: 1 and "1" are one class, true is "true". */
function classText(v: unknown): string {
  return typeof v === "string" ? v : String(v);
}

/** Without production's metrics: binary when the window's labels and predictions have at most two values. */
function inferSpec(w: PerformanceWindow, positiveClass: string | undefined): TaskSpec {
  const values = new Set<string>();
  for (const l of w.label) values.add(l);
  for (const p of w.prediction) if (p !== null) values.add(p);
  if (values.size > 2) return { task: "multiclass" };
  return { task: "binary", ...(positiveClass !== undefined ? { positiveLabel: positiveClass } : {}) };
}

function fmt(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  return x.toFixed(4);
}
