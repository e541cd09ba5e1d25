import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ModelguardError } from "../../src/errors.js";
import { sendJson } from "./sendJson.js";

/** One route: a path, the method it answers (any method: the handler checks), and its handler. */
export interface Route {
  method: "GET" | "POST" | "*";
  path: string;
  handle(req: IncomingMessage, res: ServerResponse, url: URL): void | Promise<void>;
}

/** A handler that failed unexpectedly is logged and answered 500 (when nothing was sent yet). */
export function createMonitorServer(routes: Route[], log: { error(o: object, m: string): void }): Server {
  return createServer((req, res) => {
    void route(routes, req, res).catch((e: Error) => {
      log.error({ err: e.message }, "request failed");
      if (!res.headersSent) sendJson(res, 500, { error: "internal error" });
    });
  });
}

async function route(routes: Route[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://x");
  for (const r of routes)
    if (r.path === url.pathname && (r.method === "*" || r.method === req.method)) return r.handle(req, res, url);
  sendJson(res, 404, { error: "not found" });
}

/** Binds `host:port`; a failure the user can fix (port in use, foreign address) is a config error. */
export async function listenOn(server: Server, host: string, port: number): Promise<string> {
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (e) {
    throw listenError(e, host, port);
  }
  const addr = server.address() as AddressInfo;
  return `http://${addr.address.includes(":") ? `[${addr.address}]` : addr.address}:${addr.port}`;
}

/** The bind failures a user causes (`listen` in monitor.yml, the machine): why, and what to do. */
const LISTEN_FAILURES = new Map<string, (host: string) => [why: string, hint: string]>([
  [
    "EADDRINUSE",
    () => [
      "the port is already in use by another process",
      "stop the other process (or the other monitor), or set `listen` to a free port",
    ],
  ],
  [
    "EADDRNOTAVAIL",
    (host) => [
      `${host} is not an address of this machine`,
      "set `listen` to one of this machine's addresses: 127.0.0.1 for this machine only, 0.0.0.0 for all interfaces",
    ],
  ],
  [
    "EACCES",
    () => ["permission denied", "use a port of 1024 or above (lower ports need CAP_NET_BIND_SERVICE or root)"],
  ],
  [
    "ENOTFOUND",
    (host) => [`${host} does not resolve to an address`, "set `listen` to an IP address such as 127.0.0.1"],
  ],
  ["EAI_AGAIN", (host) => [`${host} could not be resolved (DNS)`, "set `listen` to an IP address such as 127.0.0.1"]],
]);

/**
 * Why the server cannot bind `host:port`, as a config error naming the address and the fix; anything else (no system
 * error code) is not the user's and is passed on.
 */
function listenError(e: unknown, host: string, port: number): unknown {
  const code = (e as NodeJS.ErrnoException).code;
  if (typeof code !== "string") return e;
  const [why, hint] = LISTEN_FAILURES.get(code)?.(host) ?? [(e as Error).message, "check `listen` in monitor.yml"];
  return new ModelguardError("config", `cannot listen on ${host}:${port} (monitor.yml \`listen\`): ${why}`, hint);
}
