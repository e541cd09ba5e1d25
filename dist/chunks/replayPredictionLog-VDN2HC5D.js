import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  DriftMonitor,
  MonitorMetrics,
  Outbox,
  batchOfEvents,
  eventTimeOf,
  parseEventLine,
  referenceTargetOf
} from "./chunk-77S4G2VK.js";
import "./chunk-BGRYT6VV.js";
import "./chunk-UYSVWQ6F.js";
import "./chunk-HPSV2ECA.js";
import "./chunk-SVB6GALK.js";
import {
  loadEstimator
} from "./chunk-6HTKNVUN.js";
import "./chunk-IN4FC3XQ.js";
import {
  ProductionReference
} from "./chunk-GWR2BDCT.js";
import "./chunk-RHDI7ADI.js";
import "./chunk-O4L7E7A5.js";
import "./chunk-7DF57UJG.js";
import "./chunk-56NJ2FAC.js";
import "./chunk-BPVXUAZL.js";
import "./chunk-DBRIWJPI.js";
import "./chunk-YFEKVSLM.js";
import "./chunk-J6QFQCEU.js";
import "./chunk-KXKSH3KJ.js";
import "./chunk-43BZ45RZ.js";
import "./chunk-R7MEBYWB.js";
import "./chunk-2Y5XZXLW.js";
import "./chunk-22WMU2UJ.js";
import "./chunk-IX27OB3T.js";
import "./chunk-ERARZTDZ.js";
import {
  readProfile
} from "./chunk-4VXYNFVR.js";
import "./chunk-NXWTCSVE.js";
import "./chunk-SOK6QJXI.js";
import "./chunk-63HQ5WJE.js";
import "./chunk-Z2HOCP5K.js";
import "./chunk-J3DWLQHK.js";
import "./chunk-BERRGJKQ.js";
import "./chunk-CYWMYDJ6.js";
import "./chunk-ABFRWPKF.js";
import "./chunk-QIDGOCBZ.js";
import "./chunk-72K2B37S.js";
import "./chunk-WKNXAUPU.js";
import "./chunk-LAIMP6IK.js";
import "./chunk-CV6AQ6IM.js";
import "./chunk-MYIUVGO5.js";
import "./chunk-DYO4I62G.js";
import "./chunk-IXAQPRDD.js";
import {
  ModelguardError
} from "./chunk-7XDOXOVQ.js";
import "./chunk-3DORHFRE.js";

// monitor/replay/replayPredictionLog.ts
import { createReadStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
var CHUNK = 1e3;
var MAX_LINE_CHARS = 1024 * 1024;
var FIRST_MALFORMED = 10;
async function replayPredictionLog(config, options) {
  const from = options.from;
  let size;
  try {
    const st = statSync(from);
    if (!st.isFile()) throw new Error("not a regular file");
    size = st.size;
  } catch (e) {
    throw new ModelguardError(
      "input",
      `${from}: cannot read the prediction log: ${e.message}`,
      "give --from a JSONL file (one event per line, optionally .gz)"
    );
  }
  const state = mkdtempSync(join(tmpdir(), "mg-monitor-replay-"));
  let profile;
  let production = null;
  let estimator = null;
  try {
    production = config.referenceRegistry ? await ProductionReference.fromConfig({ ...config, state }, options.env ?? process.env).load() : null;
    profile = production ? production.profile : readProfile(config.reference);
    estimator = loadEstimator(config, production?.calibration ?? null);
  } catch (e) {
    rmSync(state, { recursive: true, force: true });
    throw e;
  }
  const sender = options.sender ?? null;
  let sendError = "";
  const outbox = new Outbox(join(state, "outbox.jsonl"), sender, { onError: (e) => sendError ||= e.message });
  const quiet = { info: () => {
  }, warn: () => {
  } };
  const monitor = new DriftMonitor({ ...config, state, keepWindows: Number.MAX_SAFE_INTEGER }, profile, {
    metrics: new MonitorMetrics(),
    outbox,
    log: quiet,
    ...estimator ? { estimator } : {},
    ...referenceTargetOf(config, production)
  });
  if (production) {
    monitor.modelVersion = `v${production.version}`;
    monitor.referenceLabel = `${config.reference}@v${production.version}`;
  }
  const result = {
    kind: "modelguard.monitor-replay",
    version: 1,
    model: config.model,
    from,
    ...production ? { model_version: `v${production.version}` } : {},
    sent: sender !== null,
    lines: 0,
    events: 0,
    malformed: { count: 0, first: [] },
    late_events: 0,
    invalid_ts: 0,
    open_events: 0,
    windows: [],
    alerts: []
  };
  try {
    let clock = 0;
    let chunk = [];
    let clocks = new Float64Array(CHUNK);
    const w = config.window;
    const apply = () => {
      if (chunk.length === 0) return;
      const batch = batchOfEvents(monitor.layout, chunk);
      const stats = { unknown: /* @__PURE__ */ new Map(), missing: 0, invalid: 0 };
      try {
        monitor.applyEvents(batch, clocks[chunk.length - 1], stats, clocks);
      } finally {
        batch.release();
      }
      result.events += chunk.length;
      result.late_events += stats.late ?? 0;
      result.invalid_ts += stats.invalidTs ?? 0;
      chunk = [];
      clocks = new Float64Array(CHUNK);
    };
    const input = createReadStream(from);
    const lines = createInterface({ input: await isGzip(from, size) ? input.pipe(createGunzip()) : input });
    try {
      for await (const raw of lines) {
        const line = ++result.lines;
        const parsed = raw.length > MAX_LINE_CHARS ? { ok: false, message: `line over ${MAX_LINE_CHARS} characters` } : parseEventLine(line === 1 ? raw.replace(/^\uFEFF/, "") : raw);
        if (!parsed.ok) {
          if (result.malformed.first.length < FIRST_MALFORMED)
            result.malformed.first.push({ line, message: parsed.message });
          result.malformed.count++;
          continue;
        }
        if (parsed.event === null) continue;
        const ts = eventTimeOf(parsed.event.ts);
        const next = Number.isNaN(ts) ? clock : Math.max(clock, ts);
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
        `${from}: cannot read the prediction log after line ${result.lines}: ${e.message}`,
        "a .gz log must be one complete gzip stream; check the file"
      );
    } finally {
      lines.close();
      input.destroy();
    }
    apply();
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
      ...r.late_events !== void 0 ? { late_events: r.late_events } : {}
    }));
    result.alerts = outbox.all().map((e) => ({
      id: e.id,
      kind: e.kind,
      window: Number(/:w(\d+):/.exec(e.id)?.[1] ?? -1),
      at: e.created_at,
      method: e.method,
      path: e.path
    }));
    if (sender) {
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
function crossesEnd(monitor, durationMs, next) {
  const start = monitor.window.startedAt;
  return start > 0 ? next >= start + durationMs : false;
}
async function isGzip(path, size) {
  if (path.endsWith(".gz")) return true;
  if (size < 2) return false;
  const { open } = await import("node:fs/promises");
  const f = await open(path, "r");
  try {
    const b = Buffer.alloc(2);
    await f.read(b, 0, 2, 0);
    return b[0] === 31 && b[1] === 139;
  } finally {
    await f.close();
  }
}
export {
  replayPredictionLog
};
