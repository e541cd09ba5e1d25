import { createReadStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { ModelguardError } from "../../src/errors.js";
import { readProfile } from "../../src/profile/profileFile.js";
import { Outbox, type OutboxSender } from "../alerts/outbox.js";
import type { MonitorConfig } from "../config/monitorConfig.js";
import { batchOfEvents } from "../ingest/eventBatch.js";
import { eventTimeOf } from "../ingest/eventTime.js";
import { parseEventLine, type IngestEvent } from "../ingest/parseBatch.js";
import { MonitorMetrics } from "../metrics/monitorMetrics.js";
import { DriftMonitor } from "../windows/driftMonitor.js";
import { ProductionReference } from "../reference/ProductionReference.js";
import { referenceTargetOf } from "../reference/referenceTarget.js";
import { loadEstimator } from "../performance/loadEstimator.js";
import type { BatchStats } from "../ingest/batchStats.js";

/** One closed window of a replay: when, how many events, the verdict and what drifted. */
export interface ReplayWindow {
  window: number;
  started_at: string;
  closed_at: string;
  events: number;
  dataset_drifted: boolean | null;
  drifted_features: string[];
  late_events?: number;
}

/** What the alert policy decided during a replay (sent only with `send`). */
export interface ReplayAlert {
  id: string;
  kind: string;
  window: number;
  at: string;
  method: string;
  path: string;
}

export interface ReplayResult {
  kind: "modelguard.monitor-replay";
  version: 1;
  model: string;
  from: string;
  /** With `reference: registry:NAME`: the production version replayed against ("v3"). */
  model_version?: string;
  sent: boolean;
  lines: number;
  events: number;
  /** Lines that are not an event (bad JSON, no `features`): skipped; the first few are named. */
  malformed: { count: number; first: { line: number; message: string }[] };
  late_events: number;
  invalid_ts: number;
  /** Events of the window still open at the end (a count window that did not fill): not reported. */
  open_events: number;
  windows: ReplayWindow[];
  alerts: ReplayAlert[];
  /** With `send`: the alerts that could not be sent (the first failure stops the rest, in order). */
  unsent?: string[];
  send_error?: string;
}

export interface ReplayOptions {
  /** The JSONL prediction log (gzip when it ends in .gz or starts with gzip's magic bytes). */
  from: string;
  /** Sends the alerts with this sender (`--send`); null or absent: a dry run. */
  sender?: OutboxSender | null;
  /** Where a registry reference finds its token and repository (GITHUB_TOKEN, ...); default process.env. */
  env?: NodeJS.ProcessEnv;
}

/** Events applied together; each keeps its own clock, so the size changes no result, only the speed. */
const CHUNK = 1000;
/** A line over this is malformed (a prediction log line is an event of a few KB). */
const MAX_LINE_CHARS = 1024 * 1024;
const FIRST_MALFORMED = 10;

/**
 * Runs a prediction log through the monitor's windows and alert policy, as if each event had arrived at its `ts` (the
 * clock is the largest ts seen so far; events without one keep the clock where it is), in a temporary state directory
 * that is removed afterwards: the live monitor's state is never read or written. The windows still open at the end
 * are closed as the clock passing their end would; a count window that did not fill stays open (`open_events`).
 */
export async function replayPredictionLog(config: MonitorConfig, options: ReplayOptions): Promise<ReplayResult> {
  const from = options.from;
  let size: number;
  try {
    const st = statSync(from);
    if (!st.isFile()) throw new Error("not a regular file");
    size = st.size;
  } catch (e) {
    throw new ModelguardError(
      "input",
      `${from}: cannot read the prediction log: ${(e as Error).message}`,
      "give --from a JSONL file (one event per line, optionally .gz)",
    );
  }
  const state = mkdtempSync(join(tmpdir(), "mg-monitor-replay-"));
  let profile;
  let production = null;
  let estimator = null;
  try {
    // `reference: registry:NAME`: production's profile, verified against its card, fetched into the temporary state
    // (the live monitor's copy is not read: a replay must not depend on, or disturb, a running monitor).
    production = config.referenceRegistry
      ? await ProductionReference.fromConfig({ ...config, state }, options.env ?? process.env).load()
      : null;
    profile = production ? production.profile : readProfile(config.reference);
    estimator = loadEstimator(config, production?.calibration ?? null);
  } catch (e) {
    rmSync(state, { recursive: true, force: true });
    throw e;
  }
  const sender = options.sender ?? null;
  let sendError = "";
  const outbox = new Outbox(join(state, "outbox.jsonl"), sender, { onError: (e) => (sendError ||= e.message) });
  const quiet = { info: () => {}, warn: () => {} };
  // Every window of the log is kept for the result (recent is capped at keep_windows in a live monitor).
  const monitor = new DriftMonitor({ ...config, state, keepWindows: Number.MAX_SAFE_INTEGER }, profile, {
    metrics: new MonitorMetrics(),
    outbox,
    log: quiet,
    ...(estimator ? { estimator } : {}),
    ...referenceTargetOf(config, production),
  });
  if (production) {
    monitor.modelVersion = `v${production.version}`;
    monitor.referenceLabel = `${config.reference}@v${production.version}`;
  }
  const result: ReplayResult = {
    kind: "modelguard.monitor-replay",
    version: 1,
    model: config.model,
    from,
    ...(production ? { model_version: `v${production.version}` } : {}),
    sent: sender !== null,
    lines: 0,
    events: 0,
    malformed: { count: 0, first: [] },
    late_events: 0,
    invalid_ts: 0,
    open_events: 0,
    windows: [],
    alerts: [],
  };
  try {
    let clock = 0;
    let chunk: IngestEvent[] = [];
    let clocks = new Float64Array(CHUNK);
    const w = config.window;
    const apply = () => {
      if (chunk.length === 0) return;
      const batch = batchOfEvents(monitor.layout, chunk);
      const stats: BatchStats = { unknown: new Map(), missing: 0, invalid: 0 };
      try {
        monitor.applyEvents(batch, clocks[chunk.length - 1]!, stats, clocks);
      } finally {
        batch.release();
      }
      result.events += chunk.length;
      result.late_events += stats.late ?? 0;
      result.invalid_ts += stats.invalidTs ?? 0;
      chunk = [];
      clocks = new Float64Array(CHUNK);
    };
    const input: Readable = createReadStream(from);
    const lines = createInterface({ input: (await isGzip(from, size)) ? input.pipe(createGunzip()) : input });
    try {
      for await (const raw of lines) {
        const line = ++result.lines;
        const parsed =
          raw.length > MAX_LINE_CHARS
            ? { ok: false as const, message: `line over ${MAX_LINE_CHARS} characters` }
            : parseEventLine(line === 1 ? raw.replace(/^\uFEFF/, "") : raw);
        if (!parsed.ok) {
          if (result.malformed.first.length < FIRST_MALFORMED)
            result.malformed.first.push({ line, message: parsed.message });
          result.malformed.count++;
          continue;
        }
        if (parsed.event === null) continue;
        const ts = eventTimeOf(parsed.event.ts);
        const next = Number.isNaN(ts) ? clock : Math.max(clock, ts);
        // Time windows on the arrival clock close by the batch's one clock: a batch never spans a window's end.
        if ("durationMs" in w && w.time !== "event" && chunk.length > 0 && crossesEnd(monitor, w.durationMs, next))
          apply();
        clock = next;
        clocks[chunk.length] = clock;
        chunk.push(parsed.event);
        if (chunk.length === CHUNK) apply();
      }
    } catch (e) {
      throw new ModelguardError(
        "input",
        `${from}: cannot read the prediction log after line ${result.lines}: ${(e as Error).message}`,
        "a .gz log must be one complete gzip stream; check the file",
      );
    } finally {
      lines.close();
      input.destroy();
    }
    apply();
    // The end of the log: the clock moves past every open window's end (and allowed lateness).
    if ("durationMs" in w) {
      const lateness = w.time === "event" ? w.allowedLatenessMs : 0;
      if (monitor.eventWindows || monitor.window.events > 0)
        monitor.applyTick(Math.max(clock, monitor.window.startedAt) + w.durationMs + lateness);
    }
    result.open_events = monitor.window.events;
    result.windows = monitor.recent.map((r) => ({
      window: r.window,
      started_at: r.started_at,
      closed_at: r.closed_at,
      events: r.events,
      dataset_drifted: r.dataset_drifted,
      drifted_features: r.drift.features.filter((f) => f.drifted).map((f) => f.name),
      ...(r.late_events !== undefined ? { late_events: r.late_events } : {}),
    }));
    result.alerts = outbox.all().map((e) => ({
      id: e.id,
      kind: e.kind,
      window: Number(/:w(\d+):/.exec(e.id)?.[1] ?? -1),
      at: e.created_at,
      method: e.method,
      path: e.path,
    }));
    if (sender) {
      // In order, stopping at the first failure, as the live monitor does; what is left is reported as unsent.
      await outbox.sendPending();
      result.unsent = outbox.pending().map((e) => e.id);
      if (sendError) result.send_error = sendError;
    }
    return result;
  } finally {
    outbox.stop();
    rmSync(state, { recursive: true, force: true });
  }
}

/** Whether moving the clock to `next` passes the end of the open arrival/processing window. */
function crossesEnd(monitor: DriftMonitor, durationMs: number, next: number): boolean {
  const start = monitor.window.startedAt;
  return start > 0 ? next >= start + durationMs : false;
}

async function isGzip(path: string, size: number): Promise<boolean> {
  if (path.endsWith(".gz")) return true;
  if (size < 2) return false;
  const { open } = await import("node:fs/promises");
  const f = await open(path, "r");
  try {
    const b = Buffer.alloc(2);
    await f.read(b, 0, 2, 0);
    return b[0] === 0x1f && b[1] === 0x8b;
  } finally {
    await f.close();
  }
}
