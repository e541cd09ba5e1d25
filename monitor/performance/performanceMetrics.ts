import { Counter, Gauge, type Registry } from "prom-client";
import type { PerformanceResult, ProductionMetrics } from "./performanceResult.js";

/**
 * Realized performance on /metrics, in the monitor's registry: the newest judged window's metrics with their interval
 * bounds, its labelled rows and whether it breached a rule, and production's values the rules measure against.
 */
export class PerformanceMetrics {
  readonly value: Gauge<"metric" | "model_version">;
  readonly lower: Gauge<"metric" | "model_version">;
  readonly upper: Gauge<"metric" | "model_version">;
  readonly reference: Gauge<"metric">;
  readonly labelledRows: Gauge<"model_version">;
  readonly breached: Gauge<"model_version">;
  readonly window: Gauge;
  readonly breaches: Counter;

  constructor(registry: Registry) {
    const registers = [registry];
    this.value = new Gauge({
      name: "modelguard_monitor_performance",
      help: "Realized performance (the metric on labelled predictions) of the newest judged window.",
      labelNames: ["metric", "model_version"] as const,
      registers,
    });
    this.lower = new Gauge({
      name: "modelguard_monitor_performance_lower",
      help: "Lower bound of the realized metric's interval (performance_policy.interval) in the newest judged window.",
      labelNames: ["metric", "model_version"] as const,
      registers,
    });
    this.upper = new Gauge({
      name: "modelguard_monitor_performance_upper",
      help: "Upper bound of the realized metric's interval (performance_policy.interval) in the newest judged window.",
      labelNames: ["metric", "model_version"] as const,
      registers,
    });
    this.reference = new Gauge({
      name: "modelguard_monitor_performance_reference",
      help: "Production's value of the metric (reference_metrics or the registry's metrics.json) the rules compare with.",
      labelNames: ["metric"] as const,
      registers,
    });
    this.labelledRows = new Gauge({
      name: "modelguard_monitor_performance_labelled_rows",
      help: "Labelled predictions joined for the newest judged window.",
      labelNames: ["model_version"] as const,
      registers,
    });
    this.breached = new Gauge({
      name: "modelguard_monitor_performance_breached",
      help: "1 when the newest judged window breached a performance rule (the better interval bound past it).",
      labelNames: ["model_version"] as const,
      registers,
    });
    this.window = new Gauge({
      name: "modelguard_monitor_performance_window",
      help: "Index of the window the realized performance gauges describe.",
      registers,
    });
    this.breaches = new Counter({
      name: "modelguard_monitor_performance_breaches_total",
      help: "Windows whose realized performance breached a rule (each counted once).",
      registers,
    });
  }

  update(
    latest: { window: number; model_version: string | null; labelled: number; result: PerformanceResult } | null,
    production: ProductionMetrics | null,
  ): void {
    this.reference.reset();
    for (const [metric, v] of production?.values ?? []) if (Number.isFinite(v)) this.reference.set({ metric }, v);
    if (!latest) return;
    const version = latest.model_version !== null ? { model_version: latest.model_version } : {};
    // A window of another production version leaves no stale series of the previous one behind.
    this.value.reset();
    this.lower.reset();
    this.upper.reset();
    this.labelledRows.reset();
    this.breached.reset();
    for (const [metric, m] of Object.entries(latest.result.metrics)) {
      if (!Number.isFinite(m.value)) continue;
      this.value.set({ metric, ...version }, m.value);
      if (m.interval) {
        this.lower.set({ metric, ...version }, m.interval[0]);
        this.upper.set({ metric, ...version }, m.interval[1]);
      }
    }
    this.labelledRows.set(version, latest.labelled);
    this.breached.set(version, latest.result.breached ? 1 : 0);
    this.window.set(latest.window);
  }
}
