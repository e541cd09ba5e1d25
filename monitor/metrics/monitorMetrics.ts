import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** The monitor's Prometheus metrics, in a registry of its own (never the global one). */
export class MonitorMetrics {
  readonly registry = new Registry();
  readonly events = new Counter({
    name: "modelguard_monitor_events_total",
    help: "Events accepted (durable in the journal).",
    registers: [this.registry],
  });
  readonly rejected = new Counter({
    name: "modelguard_monitor_rejected_total",
    help: "Rejected requests (unauthorized, too_large, malformed, not_ready), prediction log lines (source_malformed), values (invalid_value, unknown_feature, missing_feature) and, with event-time windows, events (late, invalid_ts).",
    labelNames: ["reason"] as const,
    registers: [this.registry],
  });
  readonly psi = new Gauge({
    name: "modelguard_monitor_feature_psi",
    help: "PSI of each feature in the last closed window.",
    labelNames: ["feature", "model_version"] as const,
    registers: [this.registry],
  });
  readonly ks = new Gauge({
    name: "modelguard_monitor_feature_ks",
    help: "KS statistic of each numeric feature in the last closed window.",
    labelNames: ["feature", "model_version"] as const,
    registers: [this.registry],
  });
  readonly featureDrifted = new Gauge({
    name: "modelguard_monitor_feature_drifted",
    help: "1 when the feature drifted in the last closed window.",
    labelNames: ["feature", "model_version"] as const,
    registers: [this.registry],
  });
  readonly datasetDrifted = new Gauge({
    name: "modelguard_monitor_dataset_drifted",
    help: "1 when the last closed window drifted as a dataset.",
    labelNames: ["model_version"] as const,
    registers: [this.registry],
  });
  readonly predictionPsi = new Gauge({
    name: "modelguard_monitor_prediction_psi",
    help: "PSI of the predictions against their reference column in the last closed window.",
    registers: [this.registry],
  });
  readonly predictionKs = new Gauge({
    name: "modelguard_monitor_prediction_ks",
    help: "KS statistic of numeric predictions against their reference column in the last closed window.",
    registers: [this.registry],
  });
  readonly predictionDrifted = new Gauge({
    name: "modelguard_monitor_prediction_drifted",
    help: "1 when the predictions drifted in the last closed window.",
    registers: [this.registry],
  });
  readonly windowEvents = new Gauge({
    name: "modelguard_monitor_window_events",
    help: "Events in the open window.",
    registers: [this.registry],
  });
  readonly windowProgress = new Gauge({
    name: "modelguard_monitor_window_progress_ratio",
    help: "How far the open window is to closing (events/size, or elapsed/duration).",
    registers: [this.registry],
  });
  readonly windowsClosed = new Counter({
    name: "modelguard_monitor_windows_closed_total",
    help: "Windows closed since start (including replayed ones), by the production version they were measured against.",
    labelNames: ["model_version"] as const,
    registers: [this.registry],
  });
  readonly alerts = new Counter({
    name: "modelguard_monitor_alerts_total",
    help: "Alert actions decided and recorded in the outbox, by action.",
    labelNames: ["action"] as const,
    registers: [this.registry],
  });
  readonly journalSyncs = new Counter({
    name: "modelguard_monitor_journal_fsyncs_total",
    help: "Journal fdatasync calls (one per group commit).",
    registers: [this.registry],
  });
  readonly ingestLatency = new Histogram({
    name: "modelguard_monitor_ingest_duration_seconds",
    help: "Time from request start to the durable 2xx answer.",
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly modelVersion = new Gauge({
    name: "modelguard_monitor_model_version_info",
    help: "1 for the production version the reference is the profile of (reference: registry:NAME).",
    labelNames: ["model_version"] as const,
    registers: [this.registry],
  });
  constructor() {
    // prom-client's process and Node.js metrics (memory, CPU, event-loop lag, GC, handles) in the monitor's registry,
    // so a sidecar's own health is watched with the usual names; the bench reads the heap from here too.
    collectDefaultMetrics({ register: this.registry });
  }

  /** A new reference: the last window's gauges of the old version go (they described it), the info gauge moves. */
  modelVersionChanged(previous: string | null, next: string | null): void {
    if (previous === next) return;
    for (const g of [this.psi, this.ks, this.featureDrifted, this.datasetDrifted]) g.reset();
    this.modelVersion.reset();
    if (next !== null) this.modelVersion.set({ model_version: next }, 1);
  }

  /** Counts accepted events, and what they carried that the reference did not expect (per reason). */
  countAccepted(
    events: number,
    stats: { unknown: Map<string, number>; missing: number; invalid: number; late?: number; invalidTs?: number },
  ): void {
    if (stats.late) this.rejected.inc({ reason: "late" }, stats.late);
    if (stats.invalidTs) this.rejected.inc({ reason: "invalid_ts" }, stats.invalidTs);
    this.events.inc(events);
    let unknown = 0;
    for (const c of stats.unknown.values()) unknown += c;
    if (unknown) this.rejected.inc({ reason: "unknown_feature" }, unknown);
    if (stats.missing) this.rejected.inc({ reason: "missing_feature" }, stats.missing);
    if (stats.invalid) this.rejected.inc({ reason: "invalid_value" }, stats.invalid);
  }
}
