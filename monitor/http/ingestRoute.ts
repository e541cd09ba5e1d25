import type { IncomingMessage, ServerResponse } from "node:http";
import type { MonitorConfig } from "../config/monitorConfig.js";
import { bodyDigest, isIdempotencyKey, type IdempotentAnswer } from "../ingest/idempotencyKeys.js";
import { authorizedBy, type IngestAuth } from "../ingest/ingestAuth.js";
import { parseBatch } from "../ingest/parseBatch.js";
import type { MonitorMetrics } from "../metrics/monitorMetrics.js";
import { JournalUnavailableError, type Journal } from "../state/journal.js";
import type { DriftMonitor } from "../windows/driftMonitor.js";
import type { BatchStats } from "../ingest/batchStats.js";
import type { Lifecycle } from "./healthRoutes.js";
import type { Route } from "./monitorServer.js";
import { BodyPool, readBody } from "./readBody.js";
import { sendJson } from "./sendJson.js";

export interface IngestRouteContext {
  config: MonitorConfig;
  monitor: DriftMonitor;
  journal: Journal;
  metrics: MonitorMetrics;
  /** The bearer token(s) a batch must carry; null: none asked. */
  auth: IngestAuth;
  life: Lifecycle;
  /** The arrival clock (never goes back). */
  now(): number;
  /** Runs after a batch is durable and applied (metrics, a checkpoint when the journal grew). */
  accepted(events: number, stats: BatchStats): void;
}

/**
 * `POST /v1/events`: authenticate, read the body (bounded), honour an Idempotency-Key, parse, journal, apply; 202 once
 * the batch is durable.
 */
export function ingestRoute(ctx: IngestRouteContext): Route {
  const { config, monitor, journal, metrics, auth, life, now } = ctx;
  const bodies = new BodyPool();
  /** Keyed batches on their way into the journal: a repeat of the key waits for the first one's answer. */
  const inflight = new Map<string, Promise<void>>();

  async function ingest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    if (auth && !authorizedBy(req.headers.authorization, auth)) {
      metrics.rejected.inc({ reason: "unauthorized" });
      req.resume();
      return sendJson(res, 401, { error: "missing or wrong bearer token" }, { "www-authenticate": "Bearer" });
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
    const keyHeader = req.headers["idempotency-key"];
    // Sent twice, it is both values joined by ", ", which is not a key.
    const key = Array.isArray(keyHeader) ? keyHeader.join(", ") : keyHeader;
    if (key !== undefined && !isIdempotencyKey(key)) {
      bodies.release(body);
      metrics.rejected.inc({ reason: "malformed" });
      const error = "Idempotency-Key must be 1 to 255 printable ASCII characters without spaces";
      return sendJson(res, 400, { error });
    }
    const digest = key !== undefined ? bodyDigest(body) : "";
    if (key !== undefined) {
      for (let first = inflight.get(key); first; first = inflight.get(key)) await first;
      const answered = monitor.idempotency.lookup(key, now());
      if (answered) {
        bodies.release(body);
        return repeatAnswer(res, answered, digest);
      }
    }
    const parsed = parseBatch(body, monitor.layout);
    if (!parsed.ok) {
      bodies.release(body);
      metrics.rejected.inc({ reason: "malformed" });
      return sendJson(res, 400, {
        error: parsed.message,
        ...(parsed.line !== undefined ? { line: parsed.line } : {}),
        ...(parsed.index !== undefined ? { index: parsed.index } : {}),
      });
    }
    const events = parsed.events;
    const t = now();
    let stats: BatchStats = { unknown: new Map(), missing: 0, invalid: 0 };
    let answer = "";
    const count = events.length;
    let settled = () => {};
    if (key !== undefined) inflight.set(key, new Promise<void>((r) => (settled = r)));
    try {
      await journal.appendBatch(
        t,
        body,
        (end) => {
          ({ answer, stats } = monitor.applyIngest(events, t, key !== undefined ? { key, digest } : undefined));
          monitor.appliedOffset = end;
        },
        key,
      );
    } catch (e) {
      if (!(e instanceof JournalUnavailableError)) throw e;
      metrics.rejected.inc({ reason: "journal_unavailable" });
      const error = `${e.message}: the batch was not accepted; send it again`;
      return sendJson(res, 503, { error }, { "retry-after": "1" });
    } finally {
      // The journal has written the body (or failed): both buffers go back to their pools.
      bodies.release(body);
      events.release();
      if (key !== undefined) inflight.delete(key);
      settled();
    }
    ctx.accepted(count, stats);
    metrics.ingestLatency.observe(Number(process.hrtime.bigint() - started) / 1e9);
    res.writeHead(202, { "content-type": "application/json" });
    res.end(answer);
  }

  /** The first answer to a key again (marked `Idempotent-Replayed`), unless the body differs from the first one's. */
  function repeatAnswer(res: ServerResponse, first: IdempotentAnswer, digest: string): void {
    if (first.digest !== digest) {
      metrics.rejected.inc({ reason: "malformed" });
      const error = "this Idempotency-Key was sent before with another body; use a new key for a new batch";
      return sendJson(res, 422, { error });
    }
    res.writeHead(first.status, { "content-type": "application/json", "idempotent-replayed": "true" });
    res.end(first.body);
  }

  function tooLarge(req: IncomingMessage, res: ServerResponse, max: number): void {
    metrics.rejected.inc({ reason: "too_large" });
    // Answer, then drop the connection: the rest of the body is never read.
    res.once("finish", () => req.socket.destroy());
    sendJson(res, 413, { error: `body over the ${max}-byte limit (ingest.max_body)` }, { connection: "close" });
  }

  return {
    method: "*",
    path: "/v1/events",
    handle: (req, res) => (req.method === "POST" ? ingest(req, res) : sendJson(res, 405, { error: "use POST" })),
  };
}
