import type { FleetMember } from "../fleet/fleetMember.js";
import type { Journal } from "../state/journal.js";
import type { Route } from "./monitorServer.js";
import { sendJson } from "./sendJson.js";

/** Where the monitor is in its life: replaying the journal (not ready), serving, or draining for shutdown. */
export interface Lifecycle {
  ready: boolean;
  draining: boolean;
}

/** `GET /healthz`: the process answers. */
export function healthzRoute(): Route {
  return { method: "GET", path: "/healthz", handle: (_req, res) => sendJson(res, 200, { ok: true }) };
}

/** `GET /readyz`: 200 while events are accepted, 503 (with why) while replaying, draining or the journal is down. */
export function readyzRoute(life: Lifecycle, journal: Journal, fleet?: FleetMember | null): Route {
  return {
    method: "GET",
    path: "/readyz",
    handle: (_req, res) => {
      // Not ready while the journal cannot be written (disk full, EIO): every batch would be refused. Liveness stays
      // up, since a restart fixes neither; the journal recovers by itself once writes succeed.
      const unwritable = life.ready ? journal.unavailable : null;
      const ok = life.ready && !life.draining && !unwritable;
      // A Redis outage does not make a member unready: it keeps accepting into its journal; the detail says so.
      sendJson(res, ok ? 200 : 503, {
        ready: ok,
        ...(unwritable ? { journal: unwritable.message } : {}),
        ...(fleet ? { fleet: fleet.status() } : {}),
      });
    },
  };
}
