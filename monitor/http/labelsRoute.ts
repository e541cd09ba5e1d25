import type { IncomingMessage, ServerResponse } from "node:http";
import { parseLabels } from "../labels/parseLabels.js";
import type { Journal } from "../state/journal.js";
import type { Route } from "./monitorServer.js";
import { JournaledPost, type JournaledPostContext } from "./journaledPost.js";
import { sendJson } from "./sendJson.js";

export interface LabelsRouteContext extends JournaledPostContext {
  journal: Journal;
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
  const { monitor, journal, now } = ctx;
  const post = new JournaledPost(ctx);
  const notJoined = () =>
    monitor.labels ? null : { status: 404, error: "labels are not joined: add `labels:` to monitor.yml" };

  async function labels(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await post.admit(req, res, notJoined);
    if (body === null) return;
    try {
      const keyed = await post.keyed(req, res, body);
      if (keyed === null) return;
      const parsed = parseLabels(body);
      if (!parsed.ok) return post.malformed(res, parsed);
      const { key } = keyed;
      const t = now();
      let answer = "";
      const appended = await post.append(res, keyed, "the labels were not accepted; send them again", () =>
        journal.appendLabels(
          t,
          body,
          (end) => {
            ({ answer } = monitor.applyLabels(
              parsed.batch,
              t,
              key !== undefined ? { key, digest: keyed.digest } : undefined,
            ));
            monitor.appliedOffset = end;
          },
          key !== undefined ? { key } : {},
        ),
      );
      if (!appended) return;
      ctx.accepted();
      res.writeHead(202, { "content-type": "application/json" });
      res.end(answer);
    } finally {
      // The journal has written the body (or it was refused): the buffer goes back to its pool.
      post.bodies.release(body);
    }
  }

  return {
    method: "*",
    path: "/v1/labels",
    handle: (req, res) => (req.method === "POST" ? labels(req, res) : sendJson(res, 405, { error: "use POST" })),
  };
}
