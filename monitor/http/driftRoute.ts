import type { MonitorConfig } from "../config/monitorConfig.js";
import type { FleetMember } from "../fleet/fleetMember.js";
import type { DriftMonitor } from "../windows/driftMonitor.js";
import type { Route } from "./monitorServer.js";
import { sendJson } from "./sendJson.js";

/** What `GET /v1/drift` answers (and the status page shows): the open window(s), the alert state, the last windows. */
export type DriftStatus = Awaited<ReturnType<typeof driftStatus>>;

/**
 * The open window, the alert state and the last `limit` closed windows, newest first. In fleet mode the windows are
 * the fleet's merged ones (from Redis; the last read while it is unreachable) and `fleet` says who this member is and
 * who leads.
 */
export async function driftStatus(
  config: MonitorConfig,
  monitor: DriftMonitor,
  fleet: FleetMember | null | undefined,
  limit: number,
) {
  const openWindow = {
    window: monitor.window.index,
    events: monitor.window.events,
    started_at: monitor.window.startedAt > 0 ? new Date(monitor.window.startedAt).toISOString() : null,
  };
  if (fleet) {
    // With realized performance, each merged window says how far the fleet's labels have come (the leader's view).
    const windows = (await fleet.mergedWindows(limit)).map((w) => {
      const performance = fleet.performanceOf((w as { window: number }).window);
      return performance ? { ...(w as object), performance } : w;
    });
    return { model: config.model, open_window: openWindow, fleet: fleet.status(), windows };
  }
  return {
    model: config.model,
    open_window: openWindow,
    // Event time: every window still open (a late event may land in any), oldest first.
    ...(monitor.eventWindows
      ? {
          open_windows: [...monitor.eventWindows.open.values()]
            .sort((x, y) => x.startedAt - y.startedAt)
            .map((w) => ({ started_at: new Date(w.startedAt).toISOString(), events: w.events })),
        }
      : {}),
    alert: monitor.alert,
    // With realized performance, each window says how far its labels have come (details: /v1/performance).
    windows: monitor.recent
      .slice(-limit)
      .reverse()
      .map((w) => {
        const performance = monitor.performance?.ofWindow(w.window) ?? null;
        return performance ? { ...w, performance } : w;
      }),
  };
}

/** `GET /v1/drift?limit=N`: see driftStatus. */
export function driftRoute(config: MonitorConfig, monitor: DriftMonitor, fleet?: FleetMember | null): Route {
  return {
    method: "GET",
    path: "/v1/drift",
    handle: async (_req, res, url) => {
      const limit = Math.max(1, Math.min(Number(url.searchParams.get("limit") ?? 10) || 10, config.keepWindows));
      sendJson(res, 200, await driftStatus(config, monitor, fleet, limit));
    },
  };
}
