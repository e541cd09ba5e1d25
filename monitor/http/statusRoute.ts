import type { MonitorConfig } from "../config/monitorConfig.js";
import type { FleetMember } from "../fleet/fleetMember.js";
import type { MonitorMetrics } from "../metrics/monitorMetrics.js";
import type { PerformanceWindows } from "../performance/performanceWindows.js";
import type { FleetPerformance } from "../fleet/fleetPerformance.js";
import { renderStatusPage, STATUS_PAGE_CSP } from "../status/renderStatusPage.js";
import { STATUS_MAX_WINDOWS, statusView } from "../status/statusView.js";
import type { DriftMonitor } from "../windows/driftMonitor.js";
import { driftStatus } from "./driftRoute.js";
import type { Route } from "./monitorServer.js";
import { performanceStatus } from "./performanceRoute.js";

/**
 * `GET /`: the status page, rendered from the state /v1/drift and /v1/performance answer with. Like /v1/drift and /metrics it is not
 * behind the ingest token (a write credential of the model service, not something to hand to every browser): it shows
 * feature names and statistics, never event values, so keep `listen` to a network that may read those.
 */
export function statusRoute(
  config: MonitorConfig,
  monitor: DriftMonitor,
  metrics: MonitorMetrics,
  fleet: FleetMember | null | undefined,
  now: () => number,
  performance: () => PerformanceWindows | null = () => null,
  fleetPerformance: FleetPerformance | null = null,
): Route {
  return {
    method: "GET",
    path: "/",
    handle: async (_req, res) => {
      const drift = await driftStatus(config, monitor, fleet, Math.min(STATUS_MAX_WINDOWS, config.keepWindows));
      const progress = (await metrics.windowProgress.get()).values[0]?.value ?? null;
      const p = performance();
      const realized = p ? performanceStatus(config, p, STATUS_MAX_WINDOWS, fleetPerformance).windows : null;
      const html = renderStatusPage(statusView(drift, { now: now(), progress, performance: realized }));
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": STATUS_PAGE_CSP,
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer",
        "cache-control": "no-store",
      });
      res.end(html);
    },
  };
}
