import type { MonitorMetrics } from "../metrics/monitorMetrics.js";
import type { Route } from "./monitorServer.js";

/** `GET /metrics`: the monitor's Prometheus registry. */
export function metricsRoute(metrics: MonitorMetrics): Route {
  return {
    method: "GET",
    path: "/metrics",
    handle: async (_req, res) => {
      const text = await metrics.registry.metrics();
      res.writeHead(200, { "content-type": metrics.registry.contentType });
      res.end(text);
    },
  };
}
