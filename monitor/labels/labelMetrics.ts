import { Counter, Gauge, type Registry } from "prom-client";
import type { LabelCounts, LabelJoin } from "./labelJoin.js";

/**
 * The label join's counts as Prometheus metrics, read at scrape time from the join's own counts (which are in the
 * snapshot and rebuilt by journal replay, so a restart neither resets nor doubles them).
 */
export class LabelMetrics {
  constructor(registry: Registry, join: LabelJoin) {
    const registers = [registry];
    const counter = (name: string, help: string, key: keyof LabelCounts) =>
      new Counter({
        name,
        help,
        registers,
        collect() {
          this.reset();
          this.inc(join.counts[key]);
        },
      });
    counter(
      "modelguard_monitor_labels_received_total",
      "Labels applied (POST /v1/labels and the label log).",
      "labels",
    );
    counter(
      "modelguard_monitor_labels_events_with_id_total",
      "Events counted in a window that carried a usable id (they wait for their label).",
      "events_with_id",
    );
    counter(
      "modelguard_monitor_labels_invalid_ids_total",
      "Events whose id was not a join key (a wrong type, empty, over 256 bytes): counted in their window, never joined.",
      "invalid_ids",
    );
    counter(
      "modelguard_monitor_labels_invalid_probabilities_total",
      "Events whose probability (or probabilities[positive_class]) was not a number in [0, 1]: treated as absent.",
      "invalid_probabilities",
    );
    counter("modelguard_monitor_labels_matched_total", "Predictions joined with their label.", "matched");
    counter(
      "modelguard_monitor_labels_unmatched_events_total",
      "Events whose label did not arrive within labels.max_delay.",
      "unmatched_events",
    );
    counter(
      "modelguard_monitor_labels_unmatched_labels_total",
      "Labels whose event did not arrive within labels.max_delay.",
      "unmatched_labels",
    );
    const byKind = (name: string, help: string, event: keyof LabelCounts, label: keyof LabelCounts) =>
      new Counter({
        name,
        help,
        labelNames: ["kind"] as const,
        registers,
        collect() {
          this.reset();
          this.inc({ kind: "event" }, join.counts[event]);
          this.inc({ kind: "label" }, join.counts[label]);
        },
      });
    byKind(
      "modelguard_monitor_labels_evicted_total",
      "Waiting events (kind=event) or labels (kind=label) dropped, oldest first, to stay within labels.max_pending.",
      "evicted_events",
      "evicted_labels",
    );
    byKind(
      "modelguard_monitor_labels_duplicate_total",
      "Events (kind=event) or labels (kind=label) with an id already waiting or joined: the first one counts.",
      "duplicate_events",
      "duplicate_labels",
    );
    new Gauge({
      name: "modelguard_monitor_labels_waiting",
      help: "Events (kind=event) waiting for their label, and labels (kind=label) waiting for their event.",
      labelNames: ["kind"] as const,
      registers,
      collect() {
        this.set({ kind: "event" }, join.waitingEvents);
        this.set({ kind: "label" }, join.waitingLabels);
      },
    });
  }
}
