import { createHash, timingSafeEqual } from "node:crypto";
import { isIP } from "node:net";
import { ModelguardError } from "../../src/errors.js";
import type { MonitorConfig } from "../config/monitorConfig.js";

/** The bearer token POST /v1/events requires, kept only as its SHA-256 digest; null: no token required. */
export type IngestAuth = { digest: Buffer } | null;

/**
 * Reads the ingest token from `config.ingest.token_env`. Leading and trailing whitespace is not part of the token: a
 * secret created with `kubectl create secret --from-file` keeps the file's final newline, and a client sending the
 * token without it would otherwise be refused forever. A variable that is set but blank is a mistake, not "no token".
 * Unset means anonymous ingest: warned about, and refused on an address other than loopback unless
 * `ingest.allow_anonymous` says it is meant.
 */
export function ingestAuthFromEnv(
  config: Pick<MonitorConfig, "host" | "ingest">,
  env: NodeJS.ProcessEnv,
  log: { warn(o: object, m: string): void },
): IngestAuth {
  const name = config.ingest.tokenEnv;
  const value = env[name];
  if (value !== undefined) {
    const token = value.trim();
    if (token === "") {
      throw new ModelguardError(
        "config",
        `the ingest token variable ${name} is set but empty (or only whitespace)`,
        `put the token in ${name}, or unset it to accept events without a token`,
      );
    }
    return { digest: digestOf(token) };
  }
  if (!isLoopback(config.host) && !config.ingest.allowAnonymous) {
    throw new ModelguardError(
      "config",
      `${name} is unset, so POST /v1/events would accept events from anyone who can reach ${config.host}`,
      `set ${name} to a bearer token, listen on 127.0.0.1, or set ingest.allow_anonymous: true in monitor.yml if ` +
        "anonymous ingest on this address is intended",
    );
  }
  log.warn({ token_env: name, host: config.host }, `${name} is unset: POST /v1/events accepts events without a token`);
  return null;
}

/** Whether an `Authorization` header carries the token; constant time in the token (equal-length digests compared). */
export function authorizedBy(header: string | undefined, auth: { digest: Buffer }): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? "");
  const given = digestOf(m ? m[1]!.trim() : "");
  return timingSafeEqual(given, auth.digest) && m !== null;
}

/**
 * Addresses only this machine can reach: 127.0.0.0/8, ::1 and `localhost` (which resolves to them; RFC 6761 reserves
 * it). Any other host name may resolve to a public address, so it counts as reachable from elsewhere.
 */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  if (h === "localhost" || h.endsWith(".localhost")) return true;
  if (isIP(h) === 4) return h.startsWith("127.");
  if (isIP(h) === 6) return h === "::1" || h === "0:0:0:0:0:0:0:1" || /^::ffff:127\./.test(h);
  return false;
}

function digestOf(s: string): Buffer {
  return createHash("sha256").update(s).digest();
}
