import type { IncomingMessage, ServerResponse } from "node:http";
import type { MonitorConfig } from "../config/monitorConfig.js";
import { bodyDigest, isIdempotencyKey } from "../ingest/idempotencyKeys.js";
import { authorizedBy, type IngestAuth } from "../ingest/ingestAuth.js";
import { parseLabels } from "../labels/parseLabels.js";
import type { MonitorMetrics } from "../metrics/monitorMetrics.js";
import { JournalUnavailableError, type Journal } from "../state/journal.js";
import type { DriftMonitor } from "../windows/driftMonitor.js";
import type { Lifecycle } from "./healthRoutes.js";
import type { Route } from "./monitorServer.js";
import { BodyPool, readBody } from "./readBody.js";
import { sendJson } from "./sendJson.js";

export interface LabelsRouteContext {
  config: MonitorConfig;
  monitor: DriftMonitor;
  journal: Journal;
  metrics: MonitorMetrics;
  auth: IngestAuth;
  life: Lifecycle;
  now(): number;
  /** Runs after a batch is durable and applied (a checkpoint when the journal grew). */
  accepted(): void;
}

/**
 * `POST /v1/labels`: NDJSON or a JSON array of `{id, label, ts?}`, with what `POST /v1/events` has: the same bearer
 * token, body limit, Idempotency-Key (one key space with events), 400 naming the line or index, and 202 only once the
 * batch is durable in the journal (a label record), so a kill -9 never loses an acknowledged label. 404 without
 * `labels:` in monitor.yml: nothing would join them.
 */
export function labelsRoute(ctx: LabelsRouteContext): Route {
  const { config, monitor, journal, metrics, auth, life, now } = ctx;
  const bodies = new BodyPool();
  const inflight = new Map<string, Promise<void>>();

  async function post(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (auth && !authorizedBy(req.headers.authorization, auth)) {
      metrics.rejected.inc({ reason: "unauthorized" });
      req.resume();
      return sendJson(res, 401, { error: "missing or wrong bearer token" }, { "www-authenticate": "Bearer" });
    }
    if (!monitor.labels) {
      req.resume();
      return sendJson(res, 404, { error: "labels are not joined: add `labels:` to monitor.yml" });
    }
    if (!life.ready || life.draining) {
      metrics.rejected.inc({ reason: "not_ready" });
      req.resume();
      const error = life.draining ? "shutting down" : "replaying the journal";
      return sendJson(res, 503, { error }, { "retry-after": "1" });
    }
    const max = config.ingest.maxBodyBytes;
    const declared = Number(req.headers["content-length"] ?? NaN);
    if (declared > max) return tooLarge(req, res, max);
    const body = await readBody(req, max, Number.isSafeInteger(declared) ? declared : -1, bodies);
    if (body === null) return tooLarge(req, res, max);
    try {
      const keyHeader = req.headers["idempotency-key"];
      const key = Array.isArray(keyHeader) ? keyHeader.join(", ") : keyHeader;
      if (key !== undefined && !isIdempotencyKey(key)) {
        metrics.rejected.inc({ reason: "malformed" });
        const error = "Idempotency-Key must be 1 to 255 printable ASCII characters without spaces";
        return sendJson(res, 400, { error });
      }
      const digest = key !== undefined ? bodyDigest(body) : "";
      if (key !== undefined) {
        for (let first = inflight.get(key); first; first = inflight.get(key)) await first;
        const answered = monitor.idempotency.lookup(key, now());
        if (answered) {
          if (answered.digest !== digest) {
            metrics.rejected.inc({ reason: "malformed" });
            const error = "this Idempotency-Key was sent before with another body; use a new key for a new batch";
            return sendJson(res, 422, { error });
          }
          res.writeHead(answered.status, { "content-type": "application/json", "idempotent-replayed": "true" });
          res.end(answered.body);
          return;
        }
      }
      const parsed = parseLabels(body);
      if (!parsed.ok) {
        metrics.rejected.inc({ reason: "malformed" });
        return sendJson(res, 400, {
          error: parsed.message,
          ...(parsed.line !== undefined ? { line: parsed.line } : {}),
          ...(parsed.index !== undefined ? { index: parsed.index } : {}),
        });
      }
      const t = now();
      let answer = "";
      let settled = () => {};
      if (key !== undefined) inflight.set(key, new Promise<void>((r) => (settled = r)));
      try {
        await journal.appendLabels(
          t,
          body,
          (end) => {
            ({ answer } = monitor.applyLabels(parsed.batch, t, key !== undefined ? { key, digest } : undefined));
            monitor.appliedOffset = end;
          },
          key !== undefined ? { key } : {},
        );
      } catch (e) {
        if (!(e instanceof JournalUnavailableError)) throw e;
        metrics.rejected.inc({ reason: "journal_unavailable" });
        const error = `${e.message}: the labels were not accepted; send them again`;
        return sendJson(res, 503, { error }, { "retry-after": "1" });
      } finally {
        if (key !== undefined) inflight.delete(key);
        settled();
      }
      ctx.accepted();
      res.writeHead(202, { "content-type": "application/json" });
      res.end(answer);
    } finally {
      // The journal has written the body (or it was refused): the buffer goes back to its pool.
      bodies.release(body);
    }
  }

  function tooLarge(req: IncomingMessage, res: ServerResponse, max: number): void {
    metrics.rejected.inc({ reason: "too_large" });
    res.once("finish", () => req.socket.destroy());
    sendJson(res, 413, { error: `body over the ${max}-byte limit (ingest.max_body)` }, { connection: "close" });
  }

  return {
    method: "*",
    path: "/v1/labels",
    handle: (req, res) => (req.method === "POST" ? post(req, res) : sendJson(res, 405, { error: "use POST" })),
  };
}
