import { Gauge, type Registry } from "prom-client";
import type { DriftReport } from "../../src/drift/driftReport.js";
import { QUALITY_SIGNALS } from "../../src/quality/qualityThresholds.js";

/**
 * The last closed window's data-quality signals on /metrics, per feature and signal. Each window replaces the
 * previous one's series (a feature the window could not measure has no value rather than a stale one).
 */
export class QualityMetrics {
  readonly share: Gauge<"feature" | "signal" | "model_version">;
  readonly fired: Gauge<"feature" | "signal" | "model_version">;
  readonly failed: Gauge<"model_version">;

  constructor(registry: Registry) {
    const labelNames = ["feature", "signal", "model_version"] as const;
    this.share = new Gauge({
      name: "modelguard_monitor_quality_share",
      help: "Share of the last closed window's values per feature and signal: missing_share (of events), out_of_range_share (finite values outside the reference's [min, max]), new_category_share (categories the reference never had), non_finite_share (+-Infinity).",
      labelNames,
      registers: [registry],
    });
    this.fired = new Gauge({
      name: "modelguard_monitor_quality_fired",
      help: "1 when the signal fired for the feature in the last closed window (its share above what the reference leads to expect by more than the quality threshold, beyond sampling noise), else 0.",
      labelNames,
      registers: [registry],
    });
    this.failed = new Gauge({
      name: "modelguard_monitor_quality_failed",
      help: "1 when any data-quality signal fired in the last closed window (the window then counts toward alerts with reason quality), else 0.",
      labelNames: ["model_version"] as const,
      registers: [registry],
    });
  }

  windowClosed(drift: DriftReport, modelVersion: string | null): void {
    this.share.reset();
    this.fired.reset();
    this.failed.reset();
    const quality = drift.quality;
    if (!quality) return;
    const version = modelVersion !== null ? { model_version: modelVersion } : {};
    for (const q of quality.features) {
      for (const signal of QUALITY_SIGNALS) {
        const m = q[signal];
        if (!m) continue;
        const labels = { feature: q.name, signal, ...version };
        this.share.set(labels, m.share);
        this.fired.set(labels, m.fired ? 1 : 0);
      }
    }
    this.failed.set(version, drift.quality_failed ? 1 : 0);
  }
}
