import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  ModelguardError
} from "./chunk-7XDOXOVQ.js";

// monitor/ingest/ingestAuth.ts
import { createHash, timingSafeEqual } from "node:crypto";
import { isIP } from "node:net";
function ingestAuthFromEnv(config, env, log) {
  const name = config.ingest.tokenEnv;
  const value = env[name];
  if (value !== void 0) {
    const token = value.trim();
    if (token === "") {
      throw new ModelguardError(
        "config",
        `the ingest token variable ${name} is set but empty (or only whitespace)`,
        `put the token in ${name}, or unset it to accept events without a token`
      );
    }
    return { digest: digestOf(token) };
  }
  if (!isLoopback(config.host) && !config.ingest.allowAnonymous) {
    throw new ModelguardError(
      "config",
      `${name} is unset, so POST /v1/events would accept events from anyone who can reach ${config.host}`,
      `set ${name} to a bearer token, listen on 127.0.0.1, or set ingest.allow_anonymous: true in monitor.yml if anonymous ingest on this address is intended`
    );
  }
  log.warn({ token_env: name, host: config.host }, `${name} is unset: POST /v1/events accepts events without a token`);
  return null;
}
function authorizedBy(header, auth) {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? "");
  const given = digestOf(m ? m[1].trim() : "");
  return timingSafeEqual(given, auth.digest) && m !== null;
}
function isLoopback(host) {
  const h = host.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  if (h === "localhost" || h.endsWith(".localhost")) return true;
  if (isIP(h) === 4) return h.startsWith("127.");
  if (isIP(h) === 6) return h === "::1" || h === "0:0:0:0:0:0:0:1" || /^::ffff:127\./.test(h);
  return false;
}
function digestOf(s) {
  return createHash("sha256").update(s).digest();
}

export {
  ingestAuthFromEnv,
  authorizedBy,
  isLoopback
};
