import { Counter, Gauge, type Registry } from "prom-client";
import type { WindowReport } from "../windows/windowReport.js";
import { QUALITY_SIGNALS } from "../../src/quality/qualityThresholds.js";

/** The fleet's facts on a member's /metrics, in the monitor's registry. */
export class FleetMetrics {
  readonly leader: Gauge<"member">;
  readonly redisUp: Gauge;
  readonly outages: Counter;
  readonly published: Counter;
  readonly pendingPartials: Gauge;
  readonly mergedQualityShare: Gauge<"feature" | "signal">;
  readonly mergedQualityFired: Gauge<"feature" | "signal">;
  readonly late: Counter;
  readonly finalized: Counter;
  readonly missingPartials: Counter;
  readonly referenceUnavailable: Counter;
  readonly alertsSent: Counter<"action">;
  readonly mergedEvents: Gauge;
  readonly mergedDatasetDrifted: Gauge;
  readonly mergedPsi: Gauge<"feature">;
  readonly mergedKs: Gauge<"feature">;
  readonly mergedDrifted: Gauge<"feature">;

  constructor(registry: Registry) {
    const registers = [registry];
    this.leader = new Gauge({
      name: "modelguard_monitor_fleet_leader",
      help: "1 while this member holds the fleet's lease (merges windows and sends alerts), else 0.",
      labelNames: ["member"] as const,
      registers,
    });
    this.redisUp = new Gauge({
      name: "modelguard_monitor_fleet_redis_up",
      help: "1 while Redis answers this member, 0 during an outage (events are still accepted into the journal).",
      registers,
    });
    this.outages = new Counter({
      name: "modelguard_monitor_fleet_redis_outages_total",
      help: "Times Redis became unreachable for this member.",
      registers,
    });
    this.published = new Counter({
      name: "modelguard_monitor_fleet_partials_published_total",
      help: "Partial window states this member wrote to Redis (each overwrites the member's previous one).",
      registers,
    });
    this.pendingPartials = new Gauge({
      name: "modelguard_monitor_fleet_partials_pending",
      help: "Closed windows of this member not yet in Redis (kept on disk until published).",
      registers,
    });
    this.late = new Counter({
      name: "modelguard_monitor_fleet_late_partials_total",
      help: "Partials that reached Redis after their window was finalized (not counted in it).",
      registers,
    });
    this.finalized = new Counter({
      name: "modelguard_monitor_fleet_windows_finalized_total",
      help: "Windows this member merged and reported as the leader.",
      registers,
    });
    this.missingPartials = new Counter({
      name: "modelguard_monitor_fleet_missing_partials_total",
      help: "Member partials missing or unfinished in windows this member finalized (named in the window report).",
      registers,
    });
    this.referenceUnavailable = new Counter({
      name: "modelguard_monitor_fleet_reference_unavailable_windows_total",
      help: "Windows this member dropped unjudged as the leader: the production version the fleet's plan names for them did not load by their deadline (end + 2 grace).",
      registers,
    });
    this.alertsSent = new Counter({
      name: "modelguard_monitor_fleet_alerts_sent_total",
      help: "Fleet alerts this member sent to GitHub as the leader, by action.",
      labelNames: ["action"] as const,
      registers,
    });
    // The fleet's verdict, on every member: its last merged window (the monitor's own drift gauges are this member's
    // share of the traffic only).
    this.mergedEvents = new Gauge({
      name: "modelguard_monitor_fleet_window_events",
      help: "Events of the fleet's last merged window (all members).",
      registers,
    });
    this.mergedDatasetDrifted = new Gauge({
      name: "modelguard_monitor_fleet_dataset_drifted",
      help: "1 when the fleet's last merged window drifted as a dataset (the verdict the leader alerts on).",
      registers,
    });
    this.mergedPsi = new Gauge({
      name: "modelguard_monitor_fleet_feature_psi",
      help: "PSI of each feature in the fleet's last merged window.",
      labelNames: ["feature"] as const,
      registers,
    });
    this.mergedKs = new Gauge({
      name: "modelguard_monitor_fleet_feature_ks",
      help: "KS statistic of each numeric feature in the fleet's last merged window.",
      labelNames: ["feature"] as const,
      registers,
    });
    this.mergedDrifted = new Gauge({
      name: "modelguard_monitor_fleet_feature_drifted",
      help: "1 when the feature drifted in the fleet's last merged window.",
      labelNames: ["feature"] as const,
      registers,
    });
    this.mergedQualityShare = new Gauge({
      name: "modelguard_monitor_fleet_quality_share",
      help: "Data-quality share per feature and signal in the fleet's last merged window (as modelguard_monitor_quality_share).",
      labelNames: ["feature", "signal"] as const,
      registers,
    });
    this.mergedQualityFired = new Gauge({
      name: "modelguard_monitor_fleet_quality_fired",
      help: "1 when the data-quality signal fired for the feature in the fleet's last merged window.",
      labelNames: ["feature", "signal"] as const,
      registers,
    });
  }

  /** Sets the merged-window gauges from the fleet's last merged report. */
  showMerged(report: WindowReport): void {
    this.mergedEvents.set(report.events);
    this.mergedDatasetDrifted.set(report.dataset_drifted ? 1 : 0);
    for (const g of [this.mergedPsi, this.mergedKs, this.mergedDrifted]) g.reset();
    for (const f of report.drift.features) {
      const psi = f.tests.psi?.statistic;
      if (psi !== undefined) this.mergedPsi.set({ feature: f.name }, psi);
      const ks = f.tests.ks?.statistic;
      if (ks !== undefined) this.mergedKs.set({ feature: f.name }, ks);
      this.mergedDrifted.set({ feature: f.name }, f.drifted ? 1 : 0);
    }
    this.mergedQualityShare.reset();
    this.mergedQualityFired.reset();
    for (const q of report.drift.quality?.features ?? []) {
      for (const signal of QUALITY_SIGNALS) {
        const m = q[signal];
        if (!m) continue;
        this.mergedQualityShare.set({ feature: q.name, signal }, m.share);
        this.mergedQualityFired.set({ feature: q.name, signal }, m.fired ? 1 : 0);
      }
    }
  }
}
