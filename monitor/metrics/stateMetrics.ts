import { Gauge, type Registry } from "prom-client";
import type { Outbox } from "../alerts/outbox.js";
import type { Journal } from "../state/journal.js";

/** What the gauges read at scrape time: the outbox, the journal and whether the monitor takes events. */
export interface StateMetricsSource {
  /** The requests not sent yet: the monitor's outbox, or in fleet mode the fleet's shared one as its leader reads it. */
  outbox: Pick<Outbox, "pending">;
  journal: Journal;
  life: { ready: boolean; draining: boolean };
  /** True without a GitHub sender: entries stay in the outbox by design, so their age is not a stuck send. */
  dryRun: boolean;
  now: () => number;
}

/**
 * The monitor's own health as gauges, read when /metrics is scraped (never stale, nothing to keep in step): whether it
 * takes events, whether the journal can be written, and how far the outbox is behind. Alerting rules need these; the
 * counters of what happened (events, rejections, fsyncs) are in MonitorMetrics.
 */
export class StateMetrics {
  constructor(registry: Registry, source: StateMetricsSource) {
    const registers = [registry];
    new Gauge({
      name: "modelguard_monitor_ready",
      help: "1 while the monitor accepts events (/readyz is 200): journal replayed, writable, not shutting down.",
      registers,
      collect() {
        this.set(source.life.ready && !source.life.draining && !source.journal.unavailable ? 1 : 0);
      },
    });
    new Gauge({
      name: "modelguard_monitor_journal_available",
      help: "1 while the journal can be written; 0 after a failed write (disk full, EIO) until a retry succeeds.",
      registers,
      collect() {
        this.set(source.journal.unavailable ? 0 : 1);
      },
    });
    new Gauge({
      name: "modelguard_monitor_outbox_pending",
      help: "GitHub requests decided but not sent yet (in a dry run, every request stays here).",
      registers,
      collect() {
        this.set(source.outbox.pending().length);
      },
    });
    new Gauge({
      name: "modelguard_monitor_outbox_oldest_pending_age_seconds",
      help: "Age of the oldest GitHub request not sent yet (0 when none is pending).",
      registers,
      collect() {
        // The outbox keeps entries in the order recorded: the first pending one is the oldest.
        const first = source.outbox.pending()[0];
        const at = first ? Date.parse(first.created_at) : NaN;
        this.set(Number.isFinite(at) ? Math.max(0, (source.now() - at) / 1000) : 0);
      },
    });
    new Gauge({
      name: "modelguard_monitor_outbox_dry_run",
      help: "1 without a GitHub token: requests are recorded in the outbox, never sent.",
      registers,
      collect() {
        this.set(source.dryRun ? 1 : 0);
      },
    });
  }
}
