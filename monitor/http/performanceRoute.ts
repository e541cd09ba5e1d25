import { describeGate } from "../../src/compare/gates.js";
import type { MonitorConfig } from "../config/monitorConfig.js";
import type { FleetPerformance } from "../fleet/fleetPerformance.js";
import type { PerformanceWindows } from "../performance/performanceWindows.js";
import type { Route } from "./monitorServer.js";
import { sendJson } from "./sendJson.js";

/**
 * What `GET /v1/performance` answers (schemas/monitor-performance.schema.json). In fleet mode the windows are the
 * fleet's, as the leader merged and judged them (none before it has); `too_old_rows` is this member's own count.
 */
export function performanceStatus(
  config: MonitorConfig,
  performance: PerformanceWindows,
  limit: number,
  fleet: FleetPerformance | null = null,
) {
  const p = performance.config;
  const production = performance.production;
  return {
    kind: "modelguard.monitor-performance" as const,
    version: 1 as const,
    model: config.model,
    task: production?.spec.task ?? null,
    production: production ? { source: production.source, metrics: Object.fromEntries(production.values) } : null,
    policy: { min_rows: p.minRows, interval: p.confidence, max_rows: p.maxRows },
    rules: p.rules.map((r) => ({ metric: r.metric, rule: describeGate(r) })),
    // Labels for windows older than those kept: counted, not judged.
    too_old_rows: performance.tooOld,
    windows: (fleet ? (fleet.view?.windows ?? []) : performance.report()).slice(0, limit),
  };
}

/**
 * `GET /v1/performance?limit=N`: each closed window's realized performance (newest first): its labelled rows so far,
 * its metrics with their intervals and each rule's check once judged. 404 without `performance:` in monitor.yml.
 */
export function performanceRoute(
  config: MonitorConfig,
  performance: () => PerformanceWindows | null,
  fleet: FleetPerformance | null = null,
): Route {
  return {
    method: "GET",
    path: "/v1/performance",
    handle: (_req, res, url) => {
      const p = performance();
      if (!p) {
        sendJson(res, 404, {
          error: "realized performance is not configured",
          hint: "add labels: and performance: (rules) or reference_metrics: to monitor.yml",
        });
        return;
      }
      const limit = Math.max(1, Math.min(Number(url.searchParams.get("limit") ?? 10) || 10, config.keepWindows));
      sendJson(res, 200, performanceStatus(config, p, limit, fleet));
    },
  };
}
