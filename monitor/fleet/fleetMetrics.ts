import { Counter, Gauge, type Registry } from "prom-client";

/** The fleet's facts on a member's /metrics, in the monitor's registry. */
export class FleetMetrics {
  readonly leader: Gauge<"member">;
  readonly redisUp: Gauge;
  readonly outages: Counter;
  readonly published: Counter;
  readonly pendingPartials: Gauge;
  readonly late: Counter;
  readonly finalized: Counter;
  readonly missingPartials: Counter;
  readonly alertsSent: Counter<"action">;

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
    this.alertsSent = new Counter({
      name: "modelguard_monitor_fleet_alerts_sent_total",
      help: "Fleet alerts this member sent to GitHub as the leader, by action.",
      labelNames: ["action"] as const,
      registers,
    });
  }
}
