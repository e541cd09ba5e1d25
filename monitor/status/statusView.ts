import type { FeatureDrift } from "../../src/drift/driftReport.js";
import { sanitizeText } from "../../src/report/escapeMarkdown.js";
import { formatMetric, NO_VALUE } from "../../src/report/formatNumber.js";
import type { AlertState } from "../alerts/alertPolicy.js";
import type { DriftStatus } from "../http/driftRoute.js";
import type { PerformanceWindowReport } from "../performance/performanceWindows.js";
import type { WindowReport } from "../windows/windowReport.js";

/** Rows of the per-feature tables: a window of 100,000 features must not make a page of megabytes. */
export const STATUS_MAX_FEATURES = 200;
/** Recent windows listed. */
export const STATUS_MAX_WINDOWS = 12;

/** The banner's state, worst first: an open alert episode, a drifted last window, all clear, nothing measured yet. */
export type BannerState = "alert" | "drift" | "ok" | "waiting";

/**
 * What the status page shows, as display strings (numbers formatted, data names sanitized; the template escapes every
 * one of them for HTML). Built from the state /v1/drift serves, so the page and the API never disagree.
 */
export interface StatusView {
  model: string;
  generatedAt: string;
  banner: { state: BannerState; title: string; detail: string };
  alert: {
    known: boolean;
    issueOpen: boolean;
    reasons: string;
    driftStreak: number;
    cleanStreak: number;
    lastDispatch: string;
  };
  fleet: { member: string; leader: boolean; redis: string } | null;
  open: {
    window: number;
    events: number;
    startedAt: string;
    progress: string;
    eventWindows: { startedAt: string; events: number }[];
  };
  latest: LatestWindow | null;
  windows: WindowRow[];
  /** Realized (labels joined) beside estimated (CBPE) performance per recent window; null when neither is configured. */
  performance: PerformanceRow[] | null;
}

/** One metric of one window: realized with its interval, estimated with its band, production's value, verdicts. */
export interface PerformanceRow {
  window: number;
  closedAt: string;
  metric: string;
  labelledRows: string;
  realized: string;
  realizedInterval: string;
  realizedBreached: boolean;
  estimated: string;
  estimatedBand: string;
  estimatedBreached: boolean;
  reference: string;
}

/**
 * A window report's `estimated_performance` as the page reads it (written by the estimation when `estimation` is set;
 * read structurally, so a report without it, or from an older version, shows no estimate).
 */
interface EstimatedShape {
  metrics: {
    metric: string;
    value: number | null;
    lower: number | null;
    upper: number | null;
    reference: number | null;
    rule?: { verdict: string };
  }[];
}

export interface LatestWindow {
  window: number;
  startedAt: string;
  closedAt: string;
  events: number;
  modelVersion: string;
  datasetDrifted: boolean | null;
  summary: string;
  drifted: string;
  features: FeatureRow[];
  featuresOmitted: number;
  prediction: {
    count: number;
    missing: number;
    column: string;
    statistic: string;
    drifted: boolean | null;
    skipped: string;
  } | null;
  quality: QualityRow[] | null;
  qualityOmitted: number;
  qualityFired: number;
}

export interface FeatureRow {
  name: string;
  kind: string;
  method: string;
  statistic: string;
  threshold: string;
  pValue: string;
  psi: string;
  /** Width of the PSI bar, 0-100 (% of 0.5, the scale's end). */
  psiBar: number;
  drifted: boolean;
  critical: boolean;
  missing: string;
}

export interface QualityRow {
  name: string;
  signals: { signal: string; share: string; expected: string; threshold: string; fired: boolean }[];
  fired: boolean;
}

export interface WindowRow {
  window: number;
  startedAt: string;
  closedAt: string;
  events: number;
  drifted: boolean | null;
  driftedShare: string;
  driftedFeatures: string;
  quality: string;
  modelVersion: string;
}

/** Text from data (feature names, summaries written from them) with control and bidi characters replaced. */
const text = (s: unknown): string => (s === undefined || s === null ? "" : sanitizeText(String(s)));
const time = (iso: string | null | undefined): string =>
  iso ? iso.replace("T", " ").replace(/\.\d+Z$|Z$/, " UTC") : NO_VALUE;
const percent = (x: number | null | undefined): string =>
  x === null || x === undefined || !Number.isFinite(x)
    ? NO_VALUE
    : `${(x * 100).toFixed(x !== 0 && Math.abs(x) < 0.01 ? 2 : 1)}%`;

export function statusView(
  drift: DriftStatus,
  o: { now: number; progress: number | null; performance?: PerformanceWindowReport[] | null },
): StatusView {
  const windows = (drift.windows as WindowReport[]).filter(isWindowReport).slice(0, STATUS_MAX_WINDOWS);
  const last = windows[0] ?? null;
  const alert = "alert" in drift ? (drift.alert as AlertState) : null;
  const fleet = "fleet" in drift ? drift.fleet : null;
  const reasons = alert?.reasons?.length ? alert.reasons.join(", ") : alert?.issueOpen ? "drift" : "";
  return {
    model: text(drift.model),
    generatedAt: time(new Date(o.now).toISOString()),
    banner: banner(alert, last, reasons),
    alert: {
      known: alert !== null,
      issueOpen: alert?.issueOpen ?? false,
      reasons: reasons || NO_VALUE,
      driftStreak: alert?.driftStreak ?? 0,
      cleanStreak: alert?.cleanStreak ?? 0,
      lastDispatch: alert?.lastDispatchAt ? time(new Date(alert.lastDispatchAt).toISOString()) : NO_VALUE,
    },
    fleet: fleet ? { member: text(fleet.member), leader: fleet.leader, redis: text(fleet.redis) } : null,
    open: {
      window: drift.open_window.window,
      events: drift.open_window.events,
      startedAt: time(drift.open_window.started_at),
      progress: percent(o.progress),
      eventWindows: ("open_windows" in drift ? (drift.open_windows ?? []) : []).map((w) => ({
        startedAt: time(w.started_at),
        events: w.events,
      })),
    },
    latest: last ? latestWindow(last) : null,
    windows: windows.map(windowRow),
    performance: performanceRows(windows, o.performance ?? null),
  };
}

/**
 * The recent windows' performance, newest first: for each window with realized metrics (judged on its labels) or an
 * estimate, one row per metric either has. Windows whose labels have not come show the estimate alone.
 */
function performanceRows(windows: WindowReport[], realized: PerformanceWindowReport[] | null): PerformanceRow[] | null {
  const byWindow = new Map((realized ?? []).map((r) => [r.window, r]));
  const estimatedOf = (w: WindowReport) =>
    (w as WindowReport & { estimated_performance?: EstimatedShape }).estimated_performance ?? null;
  if (realized === null && !windows.some((w) => estimatedOf(w) !== null)) return null;
  const rows: PerformanceRow[] = [];
  // Judged windows may be older than the drift windows still listed: the union, newest first, at most the list's size.
  const indices = [...new Set([...windows.map((w) => w.window), ...byWindow.keys()])]
    .sort((a, b) => b - a)
    .slice(0, STATUS_MAX_WINDOWS);
  for (const index of indices) {
    const w = windows.find((x) => x.window === index) ?? null;
    const r = byWindow.get(index) ?? null;
    const est = w ? estimatedOf(w) : null;
    const metrics = [...new Set([...Object.keys(r?.metrics ?? {}), ...(est?.metrics.map((m) => m.metric) ?? [])])];
    for (const metric of metrics.sort()) {
      const real = r?.metrics && Object.hasOwn(r.metrics, metric) ? r.metrics[metric]! : null;
      const check = r?.checks?.find((c) => c.metric === metric);
      const e = est?.metrics.find((m) => m.metric === metric) ?? null;
      rows.push({
        window: index,
        closedAt: time(r?.closed_at ?? w?.closed_at),
        metric: text(metric),
        labelledRows: r ? `${r.labelled_rows}${r.judged ? "" : " (not judged yet)"}` : NO_VALUE,
        realized: real ? formatMetric(real.value) : NO_VALUE,
        realizedInterval: real?.interval
          ? `${formatMetric(real.interval[0])} to ${formatMetric(real.interval[1])}`
          : "",
        realizedBreached: check?.outcome === "breach",
        estimated: e ? formatMetric(e.value) : NO_VALUE,
        estimatedBand:
          e && e.lower !== null && e.upper !== null ? `${formatMetric(e.lower)} to ${formatMetric(e.upper)}` : "",
        estimatedBreached: e?.rule?.verdict === "fail",
        reference: formatMetric(check?.reference ?? e?.reference ?? null),
      });
    }
  }
  return rows;
}

function banner(alert: AlertState | null, last: WindowReport | null, reasons: string): StatusView["banner"] {
  if (alert?.issueOpen)
    return {
      state: "alert",
      title: "Alert open",
      detail: `Reason: ${reasons}. The monitor's issue stays open until clean windows close it.`,
    };
  if (last?.dataset_drifted)
    return {
      state: "drift",
      title: "The last window drifted",
      detail: text(last.drift.summary) || "The dataset drifted.",
    };
  if (last)
    return { state: "ok", title: "No drift", detail: text(last.drift.summary) || "The last window did not drift." };
  return { state: "waiting", title: "No window closed yet", detail: "The first window is still open." };
}

function latestWindow(w: WindowReport): LatestWindow {
  const features = [...w.drift.features].sort(
    (a, b) => Number(b.drifted) - Number(a.drifted) || psiOf(b) - psiOf(a) || a.name.localeCompare(b.name),
  );
  const quality = w.drift.quality;
  const qualityRows = quality
    ? [...quality.features].sort((a, b) => b.fired.length - a.fired.length || a.name.localeCompare(b.name))
    : null;
  const p = w.prediction;
  return {
    window: w.window,
    startedAt: time(w.started_at),
    closedAt: time(w.closed_at),
    events: w.events,
    modelVersion: text(w.model_version ?? ""),
    datasetDrifted: w.dataset_drifted,
    summary: text(w.drift.summary),
    drifted: w.drift.drifted_features.map(text).join(", ") || NO_VALUE,
    features: features.slice(0, STATUS_MAX_FEATURES).map(featureRow),
    featuresOmitted: Math.max(0, features.length - STATUS_MAX_FEATURES),
    prediction: p
      ? {
          count: p.count,
          missing: p.missing,
          column: text(p.column ?? ""),
          statistic: p.drift ? `${text(p.drift.method)} ${formatMetric(p.drift.statistic)}` : NO_VALUE,
          drifted: p.drift ? p.drift.drifted : null,
          skipped: text(p.skipped ?? ""),
        }
      : null,
    quality: qualityRows
      ? qualityRows.slice(0, STATUS_MAX_FEATURES).map((q) => {
          const signals = (["missing_share", "out_of_range_share", "new_category_share", "non_finite_share"] as const)
            .filter((s) => q[s] !== undefined)
            .map((s) => {
              const m = q[s]!;
              return {
                signal: s,
                share: percent(m.share),
                expected: percent(m.expected),
                threshold: m.threshold === false ? "off" : percent(m.threshold),
                fired: m.fired,
              };
            });
          return { name: text(q.name), signals, fired: q.fired.length > 0 };
        })
      : null,
    qualityOmitted: qualityRows ? Math.max(0, qualityRows.length - STATUS_MAX_FEATURES) : 0,
    qualityFired: quality ? quality.fired.length : 0,
  };
}

function psiOf(f: FeatureDrift): number {
  const psi = f.tests.psi?.statistic;
  return psi === undefined || Number.isNaN(psi) ? -1 : psi;
}

function featureRow(f: FeatureDrift): FeatureRow {
  const psi = f.tests.psi?.statistic;
  return {
    name: text(f.name),
    kind: f.kind,
    method: text(f.method),
    statistic: formatMetric(f.statistic),
    threshold: formatMetric(f.threshold),
    pValue: f.p_value === null ? NO_VALUE : formatMetric(f.p_value),
    psi: psi === undefined ? NO_VALUE : formatMetric(psi),
    psiBar: psi === undefined || !(psi > 0) ? 0 : Math.min(100, Math.round((psi / 0.5) * 100)),
    drifted: f.drifted,
    critical: f.critical,
    missing: percent(
      f.current.count + f.current.missing > 0 ? f.current.missing / (f.current.count + f.current.missing) : null,
    ),
  };
}

function windowRow(w: WindowReport): WindowRow {
  return {
    window: w.window,
    startedAt: time(w.started_at),
    closedAt: time(w.closed_at),
    events: w.events,
    drifted: w.dataset_drifted,
    driftedShare: percent(w.drift.drifted_share),
    driftedFeatures: truncate(w.drift.drifted_features.map(text).join(", ")) || NO_VALUE,
    quality: w.drift.quality ? `${w.drift.quality.fired.length} fired` : NO_VALUE,
    modelVersion: text(w.model_version ?? ""),
  };
}

/** A list of names cut to a line's worth (the latest window's table has them all). */
function truncate(s: string): string {
  return s.length > 160 ? `${s.slice(0, 157)}...` : s;
}

/** A fleet's merged windows come from Redis as JSON: only reports with a drift section are shown. */
function isWindowReport(w: unknown): w is WindowReport {
  const r = w as WindowReport;
  return typeof r === "object" && r !== null && typeof r.drift === "object" && Array.isArray(r.drift?.features);
}
