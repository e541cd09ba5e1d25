import { hostname } from "node:os";
import { ModelguardError } from "../../src/errors.js";

/** `fleet:` of monitor.yml, resolved. Null in MonitorConfig when the monitor runs alone. */
export interface FleetConfig {
  /** The Redis URL without credentials (safe to log); the password comes from `passwordEnv`. */
  redisUrl: string;
  /** The environment variable holding the Redis password (null: no AUTH). Its value is never stored here. */
  passwordEnv: string | null;
  /** Every key of this fleet starts with it (default `modelguard:<model>:`). */
  keyPrefix: string;
  /** This member's name: unique in the fleet (default: $HOSTNAME, else the host name, as a pod's name is). */
  member: string;
  leaseMs: number;
  graceMs: number;
}

export interface RawFleetConfig {
  redis: string;
  key_prefix?: string;
  member?: string;
  lease?: string;
  grace?: string;
  password_env?: string;
}

/** Member names go into Redis keys, metric labels and logs: a short plain name. */
const MEMBER_NAME = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * Resolves `fleet:`. `duration(key, text)` is monitor.yml's duration reader (bounds per key); `path` names the file in
 * messages. A password written into the URL is refused: it would sit in monitor.yml and in every log of the URL.
 */
export function resolveFleetConfig(
  raw: RawFleetConfig,
  ctx: { path: string; model: string; env: NodeJS.ProcessEnv; duration: (key: string, text: string) => number },
): FleetConfig {
  const bad = (key: string, why: string, hint = "see the fleet section of monitor/README.md") =>
    new ModelguardError("config", `${ctx.path}: fleet.${key}: ${why}`, hint, { file: ctx.path });
  let u: URL;
  try {
    u = new URL(raw.redis);
  } catch {
    throw bad("redis", "not a URL such as redis://redis:6379/0");
  }
  if (u.protocol !== "redis:" && u.protocol !== "rediss:")
    throw bad("redis", `'${u.protocol}' is not redis: or rediss: (TLS)`);
  if (u.password)
    throw bad(
      "redis",
      "the URL holds a password",
      "remove it from the URL and name an environment variable holding it in fleet.password_env",
    );
  if (!/^(\/[0-9]{0,2})?$/.test(u.pathname) || u.search || u.hash)
    throw bad("redis", "after the host only a database number may follow (redis://host:6379/0)");
  const member = raw.member ?? ctx.env.HOSTNAME ?? hostname();
  if (!MEMBER_NAME.test(member))
    throw bad(
      "member",
      `'${member.slice(0, 120)}' is not 1 to 100 letters, digits, '.', '_' or '-'`,
      "set fleet.member (or HOSTNAME) to a short name unique in the fleet",
    );
  const leaseMs = raw.lease !== undefined ? ctx.duration("fleet.lease", raw.lease) : 15_000;
  const graceMs = raw.grace !== undefined ? ctx.duration("fleet.grace", raw.grace) : 30_000;
  return {
    redisUrl: `${u.protocol}//${u.username ? `${u.username}@` : ""}${u.host}${u.pathname}`,
    passwordEnv: raw.password_env ?? null,
    keyPrefix: raw.key_prefix ?? `modelguard:${ctx.model}:`,
    member,
    leaseMs,
    graceMs,
  };
}

/** How often a member publishes its partials, renews or seeks the lease, and the leader does its work. */
export function fleetPeriodMs(fleet: FleetConfig): number {
  return Math.max(100, Math.min(5000, Math.floor(fleet.leaseMs / 3)));
}
