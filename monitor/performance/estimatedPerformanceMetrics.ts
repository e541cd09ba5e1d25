import { Gauge, type Registry } from "prom-client";
import type { EstimatedPerformanceReport } from "./estimatedPerformance.js";

/**
 * The last closed window's estimated performance on /metrics (registered in the monitor's registry with `estimation`).
 * Each window replaces the previous one's series, so a metric the window could not estimate has no value rather than
 * a stale one.
 */
export class EstimatedPerformanceMetrics {
  readonly value: Gauge<"metric" | "model_version">;
  readonly lower: Gauge<"metric" | "model_version">;
  readonly upper: Gauge<"metric" | "model_version">;
  readonly reference: Gauge<"metric" | "model_version">;
  readonly breached: Gauge<"metric" | "model_version">;
  readonly rows: Gauge<"model_version">;
  readonly missing: Gauge<"model_version">;

  constructor(registry: Registry) {
    const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
      new Gauge<L>({ name, help, labelNames, registers: [registry] });
    const labels = ["metric", "model_version"] as const;
    this.value = gauge(
      "modelguard_monitor_estimated_performance",
      "Estimated performance (CBPE, from calibrated probabilities, no labels) of the last closed window, per metric.",
      labels,
    );
    this.lower = gauge(
      "modelguard_monitor_estimated_performance_lower",
      "Lower end of the estimate's sampling band (estimate - 3 standard errors), per metric.",
      labels,
    );
    this.upper = gauge(
      "modelguard_monitor_estimated_performance_upper",
      "Upper end of the estimate's sampling band (estimate + 3 standard errors), per metric.",
      labels,
    );
    this.reference = gauge(
      "modelguard_monitor_estimated_performance_reference",
      "The metric realized on the calibration's labelled reference rows (what max_drop rules compare with).",
      labels,
    );
    this.breached = gauge(
      "modelguard_monitor_estimated_performance_breached",
      "1 when the metric's estimation rule failed in the last closed window (the whole band below its limit), else 0; metrics with a rule only.",
      labels,
    );
    this.rows = gauge(
      "modelguard_monitor_estimated_performance_rows",
      "Events of the last closed window with a usable positive-class probability (what the estimate is over).",
      ["model_version"] as const,
    );
    this.missing = gauge(
      "modelguard_monitor_estimated_performance_missing_probability",
      "Events of the last closed window without a usable positive-class probability (left out of the estimate).",
      ["model_version"] as const,
    );
  }

  windowClosed(r: EstimatedPerformanceReport, modelVersion: string | null): void {
    for (const g of [this.value, this.lower, this.upper, this.reference, this.breached, this.rows, this.missing])
      g.reset();
    const version = modelVersion !== null ? { model_version: modelVersion } : {};
    this.rows.set(version, r.rows);
    this.missing.set(version, r.missing_probability);
    for (const m of r.metrics) {
      const labels = { metric: m.metric, ...version };
      if (m.value !== null) this.value.set(labels, m.value);
      if (m.lower !== null) this.lower.set(labels, m.lower);
      if (m.upper !== null) this.upper.set(labels, m.upper);
      if (m.reference !== null) this.reference.set(labels, m.reference);
      if (m.rule) this.breached.set(labels, m.rule.verdict === "fail" ? 1 : 0);
    }
  }
}
