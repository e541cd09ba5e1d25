import type { IncomingMessage, ServerResponse } from "node:http";
import { parseBatch } from "../ingest/parseBatch.js";
import type { Journal } from "../state/journal.js";
import type { BatchStats } from "../ingest/batchStats.js";
import type { Route } from "./monitorServer.js";
import { JournaledPost, type JournaledPostContext } from "./journaledPost.js";
import { sendJson } from "./sendJson.js";

export interface IngestRouteContext extends JournaledPostContext {
  journal: Journal;
  /** Runs after a batch is durable and applied (metrics, a checkpoint when the journal grew). */
  accepted(events: number, stats: BatchStats): void;
}

/**
 * `POST /v1/events`: authenticate, read the body (bounded), honour an Idempotency-Key, parse, journal, apply; 202 once
 * the batch is durable.
 */
export function ingestRoute(ctx: IngestRouteContext): Route {
  const { monitor, journal, metrics, now } = ctx;
  const post = new JournaledPost(ctx);

  async function ingest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    const body = await post.admit(req, res);
    if (body === null) return;
    const keyed = await post.keyed(req, res, body);
    if (keyed === null) return post.bodies.release(body);
    const parsed = parseBatch(body, monitor.layout);
    if (!parsed.ok) {
      post.bodies.release(body);
      return post.malformed(res, parsed);
    }
    const events = parsed.events;
    const { key } = keyed;
    const t = now();
    let stats: BatchStats = { unknown: new Map(), missing: 0, invalid: 0 };
    let answer = "";
    const count = events.length;
    let appended: boolean;
    try {
      appended = await post.append(res, keyed, "the batch was not accepted; send it again", () =>
        journal.appendBatch(
          t,
          body,
          (end) => {
            ({ answer, stats } = monitor.applyIngest(
              events,
              t,
              key !== undefined ? { key, digest: keyed.digest } : undefined,
            ));
            monitor.appliedOffset = end;
          },
          key,
        ),
      );
    } finally {
      // The journal has written the body (or failed): both buffers go back to their pools.
      post.bodies.release(body);
      events.release();
    }
    if (!appended) return;
    ctx.accepted(count, stats);
    metrics.ingestLatency.observe(Number(process.hrtime.bigint() - started) / 1e9);
    res.writeHead(202, { "content-type": "application/json" });
    res.end(answer);
  }

  return {
    method: "*",
    path: "/v1/events",
    handle: (req, res) => (req.method === "POST" ? ingest(req, res) : sendJson(res, 405, { error: "use POST" })),
  };
}
