import { basename, dirname, isAbsolute, resolve } from "node:path";
import { readYamlFile } from "../../src/config/readYamlFile.js";
import { validateContract } from "../../src/contracts/validateContract.js";
import { resolvePolicy, type DriftPolicy } from "../../src/drift/driftPolicy.js";
import { resolveQualityThresholds, type QualityThresholds } from "../../src/quality/qualityThresholds.js";
import { ModelguardError } from "../../src/errors.js";
import { resolveFleetConfig, type FleetConfig, type RawFleetConfig } from "../fleet/fleetConfig.js";
import {
  resolveEstimationConfig,
  type EstimationConfig,
  type RawEstimationConfig,
} from "../performance/estimationConfig.js";
import { resolveLabelsConfig, type LabelsConfig, type RawLabelsConfig } from "../labels/labelsConfig.js";
import {
  resolvePerformanceConfig,
  type PerformanceConfig,
  type RawPerformanceConfig,
} from "../performance/performanceConfig.js";

/** monitor.yml, resolved: every default filled in, durations in milliseconds, sizes in bytes, paths absolute. */
export interface MonitorConfig {
  /** The config file as the user named it, for messages about its keys. */
  file: string;
  model: string;
  /** The profile's absolute path, or `registry:NAME` as written when the reference follows a registry. */
  reference: string;
  /** `reference: registry:NAME`: the model and the registry (as `--registry` takes it) to follow; null for a file. */
  referenceRegistry: { name: string; registry: string } | null;
  /** How often the production pointer is polled (ms) when the reference follows a registry. */
  registryPollMs: number;
  host: string;
  port: number;
  /**
   * Tumbling windows: by count, or by time. `time`: `arrival` (the default, for configs older than the option) runs on
   * the server's arrival clock from the first window's start; `processing` on the arrival clock, aligned to the epoch
   * (multiples of the duration, the same on every member); `event` by each event's `ts`, aligned the same way, a
   * window staying open `allowedLatenessMs` past its end for late events.
   */
  window: { size: number } | { durationMs: number; time: WindowTime; allowedLatenessMs: number };
  keepWindows: number;
  drift: DriftPolicy;
  /** Data-quality thresholds per signal (`quality:`, defaults filled in); a fired signal alerts with reason quality. */
  quality: QualityThresholds;
  /** The label column of the profile (`target:`): left out of drift, quality and missing-feature counts. */
  target: string | null;
  alert: { consecutive: number; cooldownMs: number; closeAfterClean: number };
  actions: {
    issue: { labels: string[] };
    dispatch: { workflow: string; ref: string } | { event: string } | null;
  };
  /**
   * `webUrl`: GitHub's web root for links in issues (no trailing slash), null to derive it from the API root.
   * `author`: the login whose issues and comments are the monitor's own; null: the token's own account.
   */
  github: {
    repository: string | null;
    apiUrl: string | null;
    webUrl: string | null;
    author: string | null;
    /** Authenticate as a GitHub App instead of GITHUB_TOKEN: its id, where its key is, the installation (optional). */
    app: {
      id: string;
      privateKeyFile: string | null;
      privateKeyEnv: string | null;
      installationId: number | null;
    } | null;
  };
  /**
   * Prediction drift: the reference profile column live predictions are compared with (null: `prediction` when the
   * profile has such a column, else no prediction drift), and whether a drifted prediction makes the window count as
   * drifted for alerts (default false: reported separately).
   */
  prediction: { column: string | null; countsTowardDataset: boolean };
  state: string;
  snapshotIntervalMs: number;
  /**
   * `allowAnonymous`: ingest without a token may listen on a non-loopback address (otherwise the monitor refuses to
   * start when the token variable is unset there).
   */
  ingest: { tokenEnv: string; maxBodyBytes: number; allowAnonymous: boolean };
  /** A JSONL prediction log to follow (absolute path, poll period); null when events arrive over HTTP only. */
  source: { file: string; pollMs: number } | null;
  /** Fleet mode (windows shared through Redis); null when the monitor runs alone. */
  fleet: FleetConfig | null;
  /** Estimated performance before labels (`estimation:`, CBPE); null when not configured. */
  estimation: EstimationConfig | null;
  /** Labels joined to events by id (`labels:`); null: ids and labels are not joined. */
  labels: LabelsConfig | null;
  /** Realized performance (`performance`, `performance_policy`, `reference_metrics`); null when none is set. */
  performance: PerformanceConfig | null;
}

export type WindowTime = "arrival" | "processing" | "event";

/** How long an event-time window waits for late events when neither `allowed_lateness` nor `fleet.grace` says. */
export const DEFAULT_ALLOWED_LATENESS_MS = 30_000;

interface RawConfig extends RawPerformanceConfig {
  model?: string;
  reference: string;
  registry?: string;
  registry_poll?: string;
  listen?: string;
  window?: { size?: number; duration?: string; time?: WindowTime; allowed_lateness?: string };
  keep_windows?: number;
  drift?: Partial<DriftPolicy>;
  quality?: Partial<QualityThresholds>;
  target?: string;
  alert?: { consecutive?: number; cooldown?: string; close_after_clean?: number };
  actions?: {
    issue?: { labels?: string[] };
    dispatch?: { workflow?: string; ref?: string; event?: string };
  };
  github?: {
    repository?: string;
    api_url?: string;
    web_url?: string;
    author?: string;
    app?: { id: string | number; private_key_file?: string; private_key_env?: string; installation_id?: number };
  };
  prediction?: { column?: string; counts_toward_dataset?: boolean };
  state?: string;
  snapshot_interval?: string;
  ingest?: { token_env?: string; max_body?: string; allow_anonymous?: boolean };
  source?: { file: string; poll?: string };
  labels?: RawLabelsConfig;
  fleet?: RawFleetConfig;
  estimation?: RawEstimationConfig;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * The range each duration key accepts, in ms. Every one is bounded: a zero or tiny period would run its work in a busy
 * loop, and an unbounded one overflows (Node turns a timer delay over 2^31-1 ms into 1 ms; setLongInterval chains
 * timers, so the maxima here may exceed that).
 */
export const DURATION_BOUNDS: Readonly<Record<string, readonly [min: number, max: number]>> = Object.freeze({
  "window.duration": [1000, 366 * 86_400_000],
  "alert.cooldown": [0, 366 * 86_400_000],
  snapshot_interval: [1000, 30 * 86_400_000],
  "source.poll": [10, 3_600_000],
  "window.allowed_lateness": [0, 7 * 86_400_000],
  "fleet.lease": [1000, 600_000],
  "fleet.grace": [0, 86_400_000],
  registry_poll: [10_000, 86_400_000],
  "labels.max_delay": [1000, 366 * 86_400_000],
  "labels.source.poll": [10, 3_600_000],
});

/** "1h30m" -> 5400000. Throws a RangeError on anything else. */
export function parseDuration(text: string): number {
  const re = /([0-9]+)(ms|s|m|h|d)/gy;
  let total = 0;
  let end = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * UNIT_MS[m[2]!]!;
    end = re.lastIndex;
  }
  if (end !== text.length || text.length === 0) throw new RangeError(`'${text}' is not a duration such as 30s, 1h`);
  return total;
}

const UNIT_BYTES: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** "10mb" -> 10485760 (binary units; a bare number is bytes). */
export function parseSize(text: string): number {
  const m = /^([0-9]+(?:\.[0-9]+)?)\s*([kmg]?b)?$/i.exec(text.trim());
  if (!m) throw new RangeError(`'${text}' is not a size such as 512kb or 10mb`);
  return Math.floor(Number(m[1]) * UNIT_BYTES[(m[2] ?? "b").toLowerCase()]!);
}

/** Reads and validates monitor.yml; every problem names the key and why. Relative paths resolve from the file. */
export function readMonitorConfig(path: string): MonitorConfig {
  const value = readYamlFile(path, "config", "monitor config");
  return resolveMonitorConfig(value, path);
}

export function resolveMonitorConfig(value: unknown, path: string): MonitorConfig {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ModelguardError("config", `${path}: expected a mapping with at least 'reference'`, EXAMPLE_HINT, {
      file: path,
    });
  }
  const problems = validateContract("monitor-config.schema.json", value);
  if (problems.length > 0) {
    throw new ModelguardError(
      "config",
      `${path}: ${dedupe(problems).slice(0, 5).join("; ")}`,
      "see schemas/monitor-config.schema.json for every key",
      { file: path },
    );
  }
  const raw = value as RawConfig;
  const base = dirname(resolve(path));
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(base, p));
  const listen = raw.listen ?? "127.0.0.1:9470";
  const colon = listen.lastIndexOf(":");
  const port = Number(listen.slice(colon + 1));
  if (port > 65535) throw bad(path, "listen", `port ${port} is above 65535`);
  let window: MonitorConfig["window"] = { size: raw.window?.size ?? 1000 };
  if (raw.window?.duration !== undefined) {
    const w = raw.window;
    // allowed_lateness defaults to the fleet's grace: a window the leader merges after `grace` takes late events as long.
    const grace = (raw as { fleet?: { grace?: string } }).fleet?.grace;
    window = {
      durationMs: duration(path, "window.duration", w.duration!),
      time: w.time ?? "arrival",
      allowedLatenessMs:
        w.allowed_lateness !== undefined
          ? duration(path, "window.allowed_lateness", w.allowed_lateness)
          : grace !== undefined
            ? duration(path, "window.allowed_lateness", grace)
            : DEFAULT_ALLOWED_LATENESS_MS,
    };
  }
  let maxBodyBytes = 10 * 1024 * 1024;
  if (raw.ingest?.max_body !== undefined) {
    try {
      maxBodyBytes = parseSize(raw.ingest.max_body);
    } catch (e) {
      throw bad(path, "ingest.max_body", (e as Error).message);
    }
    if (maxBodyBytes < 1) throw bad(path, "ingest.max_body", "must be at least 1 byte");
  }
  const d = raw.actions?.dispatch;
  const dispatch =
    d?.workflow !== undefined
      ? { workflow: d.workflow, ref: d.ref ?? "main" }
      : d?.event !== undefined
        ? { event: d.event }
        : null;
  let source: MonitorConfig["source"] = null;
  if (raw.source !== undefined) {
    const pollMs = raw.source.poll !== undefined ? duration(path, "source.poll", raw.source.poll) : 1000;
    source = { file: abs(raw.source.file), pollMs };
  }
  const referenceRegistry = registryReference(path, raw);
  const reference = referenceRegistry ? raw.reference : abs(raw.reference);
  const config: MonitorConfig = {
    file: path,
    model:
      raw.model ??
      referenceRegistry?.name ??
      basename(reference)
        .replace(/\.json$/i, "")
        .replace(/[^A-Za-z0-9._-]/g, "-"),
    reference,
    referenceRegistry,
    registryPollMs: raw.registry_poll !== undefined ? duration(path, "registry_poll", raw.registry_poll) : 300_000,
    host: listen.slice(0, colon),
    port,
    window,
    keepWindows: raw.keep_windows ?? 48,
    drift: resolvePolicy(raw.drift ?? {}),
    quality: resolveQualityThresholds(raw.quality),
    target: raw.target ?? null,
    alert: {
      consecutive: raw.alert?.consecutive ?? 3,
      cooldownMs: raw.alert?.cooldown !== undefined ? duration(path, "alert.cooldown", raw.alert.cooldown) : 86_400_000,
      closeAfterClean: raw.alert?.close_after_clean ?? 6,
    },
    actions: { issue: { labels: raw.actions?.issue?.labels ?? ["drift"] }, dispatch },
    github: {
      repository: raw.github?.repository ?? null,
      apiUrl: raw.github?.api_url ?? null,
      webUrl: raw.github?.web_url !== undefined ? webUrl(path, raw.github.web_url) : null,
      author: raw.github?.author ?? null,
      app: raw.github?.app
        ? {
            id: String(raw.github.app.id),
            privateKeyFile: raw.github.app.private_key_file !== undefined ? abs(raw.github.app.private_key_file) : null,
            privateKeyEnv: raw.github.app.private_key_env ?? null,
            installationId: raw.github.app.installation_id ?? null,
          }
        : null,
    },
    prediction: {
      column: raw.prediction?.column ?? null,
      countsTowardDataset: raw.prediction?.counts_toward_dataset ?? false,
    },
    state: abs(raw.state ?? "./modelguard-state"),
    snapshotIntervalMs:
      raw.snapshot_interval !== undefined ? duration(path, "snapshot_interval", raw.snapshot_interval) : 30_000,
    ingest: {
      tokenEnv: raw.ingest?.token_env ?? "MODELGUARD_INGEST_TOKEN",
      maxBodyBytes,
      allowAnonymous: raw.ingest?.allow_anonymous ?? false,
    },
    source,
    fleet: null,
    estimation: raw.estimation !== undefined ? resolveEstimationConfig(raw.estimation, { abs }) : null,
    labels:
      raw.labels !== undefined
        ? resolveLabelsConfig(raw.labels, { abs, duration: (key, text) => duration(path, key, text) })
        : null,
    performance: resolvePerformanceConfig(raw, { abs, file: path }),
  };
  if (config.estimation?.calibration === "registry" && !referenceRegistry)
    throw bad(path, "estimation.calibration", "registry needs reference: registry:NAME; give calibration.json's path");
  if (raw.fleet !== undefined) {
    if (!("durationMs" in config.window))
      throw bad(path, "fleet", "fleet mode needs windows by time (window: {duration: 5m}), the same on every member");
    config.fleet = resolveFleetConfig(raw.fleet, {
      path,
      model: config.model,
      env: process.env,
      duration: (key, text) => duration(path, key, text),
    });
  }
  return config;
}

/**
 * `reference: registry:NAME` (NAME's production; `@vN` is refused: a pinned version is a file, pull it with
 * `modelguard registry pull`), with `registry` (default github). A `registry` key with a file reference is a mistake.
 */
function registryReference(path: string, raw: RawConfig): MonitorConfig["referenceRegistry"] {
  if (!raw.reference.startsWith("registry:")) {
    if (raw.registry !== undefined || raw.registry_poll !== undefined) {
      throw bad(
        path,
        raw.registry !== undefined ? "registry" : "registry_poll",
        "only applies with reference: registry:NAME",
      );
    }
    return null;
  }
  const name = raw.reference.slice("registry:".length);
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name) || name.endsWith(".lock") || name.includes("..")) {
    throw bad(
      path,
      "reference",
      `'${raw.reference.slice(0, 80)}' is not registry:NAME (the monitor follows production; NAME is 1-64 letters, digits, '.', '_' or '-')`,
    );
  }
  return { name, registry: raw.registry ?? "github" };
}

const EXAMPLE_HINT = "a minimal monitor.yml is `reference: profile.json`";

/** A duration key's value in ms, within its DURATION_BOUNDS. */
function duration(path: string, key: string, text: string): number {
  let ms: number;
  try {
    ms = parseDuration(text);
  } catch (e) {
    throw bad(path, key, (e as Error).message);
  }
  const [min, max] = DURATION_BOUNDS[key]!;
  if (!(ms >= min && ms <= max)) {
    throw bad(path, key, `'${text}' is outside the allowed range ${formatDuration(min)} to ${formatDuration(max)}`);
  }
  return ms;
}

/** 2592000000 -> "30d": the largest unit that divides the value (every bound above is a whole number of one). */
function formatDuration(ms: number): string {
  if (ms === 0) return "0s";
  for (const [unit, size] of Object.entries(UNIT_MS).reverse()) {
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}

/**
 * github.web_url, normalised to scheme, host and path without a trailing slash. Only letters, digits and `._~-/` in
 * the path, so the links built on it are safe in Markdown as they are.
 */
function webUrl(path: string, text: string): string {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    throw bad(path, "github.web_url", `'${text}' is not a URL such as https://github.example.com`);
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") throw bad(path, "github.web_url", "must be an http(s) URL");
  if (u.username || u.password || u.search || u.hash || !/^[A-Za-z0-9._~/-]*$/.test(u.pathname)) {
    throw bad(
      path,
      "github.web_url",
      "must be a plain root such as https://github.example.com (no query, no credentials)",
    );
  }
  return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, "")}`;
}

function bad(path: string, key: string, why: string): ModelguardError {
  return new ModelguardError("config", `${path}: ${key}: ${why}`, "see schemas/monitor-config.schema.json", {
    file: path,
  });
}

/** oneOf failures repeat each branch's complaint; keep each line once. */
function dedupe(problems: string[]): string[] {
  return [...new Set(problems)];
}
