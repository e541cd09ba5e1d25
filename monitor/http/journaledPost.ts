import type { IncomingMessage, ServerResponse } from "node:http";
import type { MonitorConfig } from "../config/monitorConfig.js";
import { bodyDigest, isIdempotencyKey } from "../ingest/idempotencyKeys.js";
import { authorizedBy, type IngestAuth } from "../ingest/ingestAuth.js";
import type { MonitorMetrics } from "../metrics/monitorMetrics.js";
import { JournalUnavailableError } from "../state/journal.js";
import type { DriftMonitor } from "../windows/driftMonitor.js";
import type { Lifecycle } from "./healthRoutes.js";
import { BodyPool, readBody } from "./readBody.js";
import { sendJson } from "./sendJson.js";

export interface JournaledPostContext {
  config: MonitorConfig;
  monitor: DriftMonitor;
  metrics: MonitorMetrics;
  /** The bearer token(s) a batch must carry; null: none asked. */
  auth: IngestAuth;
  life: Lifecycle;
  /** The arrival clock (never goes back). */
  now(): number;
}

/** A request's Idempotency-Key and its body's digest (the digest is "" without a key). */
export interface Keyed {
  key: string | undefined;
  digest: string;
}

/**
 * What `POST /v1/events` and `POST /v1/labels` share around their journal append: the bearer token, readiness, the
 * bounded body (413 without reading the rest), the Idempotency-Key (a repeat gets the first answer again, or 422 for
 * another body; a repeat of a key still in flight waits for it) and a journal that cannot write (503 + Retry-After).
 * Each route keeps its own parse, journal record and apply.
 */
export class JournaledPost {
  readonly bodies = new BodyPool();
  /** Keyed batches on their way into the journal: a repeat of the key waits for the first one's answer. */
  private readonly inflight = new Map<string, Promise<void>>();

  constructor(private readonly ctx: JournaledPostContext) {}

  /**
   * Authenticates, checks `refuse` (a route's own reason not to take the body: 404 without `labels:`), readiness, and
   * reads the body; null when the request was answered instead. The body comes from `bodies`: release it when done.
   */
  async admit(
    req: IncomingMessage,
    res: ServerResponse,
    refuse?: () => { status: number; error: string } | null,
  ): Promise<Buffer | null> {
    const { config, metrics, auth, life } = this.ctx;
    if (auth && !authorizedBy(req.headers.authorization, auth)) {
      metrics.rejected.inc({ reason: "unauthorized" });
      req.resume();
      sendJson(res, 401, { error: "missing or wrong bearer token" }, { "www-authenticate": "Bearer" });
      return null;
    }
    const refused = refuse?.() ?? null;
    if (refused) {
      req.resume();
      sendJson(res, refused.status, { error: refused.error });
      return null;
    }
    if (!life.ready || life.draining) {
      metrics.rejected.inc({ reason: "not_ready" });
      req.resume();
      const error = life.draining ? "shutting down" : "replaying the journal";
      sendJson(res, 503, { error }, { "retry-after": "1" });
      return null;
    }
    const max = config.ingest.maxBodyBytes;
    const declared = Number(req.headers["content-length"] ?? NaN);
    if (declared > max) return this.tooLarge(req, res, max);
    const body = await readBody(req, max, Number.isSafeInteger(declared) ? declared : -1, this.bodies);
    return body ?? this.tooLarge(req, res, max);
  }

  /**
   * The request's Idempotency-Key, after any batch in flight with it: null when the request was answered (a malformed
   * key, or a repeat: the first answer again, or 422 for another body). Sent twice, the header is both values joined
   * by ", ", which is not a key.
   */
  async keyed(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<Keyed | null> {
    const { metrics, monitor, now } = this.ctx;
    const header = req.headers["idempotency-key"];
    const key = Array.isArray(header) ? header.join(", ") : header;
    if (key === undefined) return { key, digest: "" };
    if (!isIdempotencyKey(key)) {
      metrics.rejected.inc({ reason: "malformed" });
      sendJson(res, 400, { error: "Idempotency-Key must be 1 to 255 printable ASCII characters without spaces" });
      return null;
    }
    const digest = bodyDigest(body);
    for (let first = this.inflight.get(key); first; first = this.inflight.get(key)) await first;
    const answered = monitor.idempotency.lookup(key, now());
    if (!answered) return { key, digest };
    if (answered.digest !== digest) {
      metrics.rejected.inc({ reason: "malformed" });
      const error = "this Idempotency-Key was sent before with another body; use a new key for a new batch";
      sendJson(res, 422, { error });
      return null;
    }
    res.writeHead(answered.status, { "content-type": "application/json", "idempotent-replayed": "true" });
    res.end(answered.body);
    return null;
  }

  /** 400 for a body that does not parse, naming its line (NDJSON) or index (a JSON array). */
  malformed(res: ServerResponse, parsed: { message: string; line?: number; index?: number }): void {
    this.ctx.metrics.rejected.inc({ reason: "malformed" });
    sendJson(res, 400, {
      error: parsed.message,
      ...(parsed.line !== undefined ? { line: parsed.line } : {}),
      ...(parsed.index !== undefined ? { index: parsed.index } : {}),
    });
  }

  /**
   * Runs `append` (the route's journal write and apply) with the key held in flight. A journal that cannot write
   * answers 503 with Retry-After and the cause, then `notAccepted` ("the batch was not accepted; ..."); returns false.
   */
  async append(res: ServerResponse, keyed: Keyed, notAccepted: string, append: () => Promise<void>): Promise<boolean> {
    const { key } = keyed;
    let settled = () => {};
    if (key !== undefined) this.inflight.set(key, new Promise<void>((r) => (settled = r)));
    try {
      await append();
      return true;
    } catch (e) {
      if (!(e instanceof JournalUnavailableError)) throw e;
      this.ctx.metrics.rejected.inc({ reason: "journal_unavailable" });
      sendJson(res, 503, { error: `${e.message}: ${notAccepted}` }, { "retry-after": "1" });
      return false;
    } finally {
      if (key !== undefined) this.inflight.delete(key);
      settled();
    }
  }

  private tooLarge(req: IncomingMessage, res: ServerResponse, max: number): null {
    this.ctx.metrics.rejected.inc({ reason: "too_large" });
    // Answer, then drop the connection: the rest of the body is never read.
    res.once("finish", () => req.socket.destroy());
    sendJson(res, 413, { error: `body over the ${max}-byte limit (ingest.max_body)` }, { connection: "close" });
    return null;
  }
}
