import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, closeSync, fsyncSync, openSync } from "node:fs";
import { tmpdir } from "node:os";
import { request } from "node:http";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { pino } from "pino";
import { resolveMonitorConfig } from "../monitor/config/monitorConfig.js";
import { startMonitor, type RunningMonitor } from "../monitor/startMonitor.js";
import { buildProfile } from "../src/profile/buildProfile.js";
import { writeProfile } from "../src/profile/profileFile.js";
import { seededRandom } from "../src/stats/seededRandom.js";

const BATCH = 20_000;

// The heap figures need a full collection before each reading.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** What one checkpoint cost: the longest event-loop stall during it, how often a 1 ms ticker ran, wall time, bytes. */
interface CheckpointCost {
  stallMs: number;
  ticks: number;
  wallMs: number;
  bytes: number;
}

/**
 * `npm run bench -- monitor labels [waiting]`: a label join holding `waiting` (default 1,000,000) events that wait for
 * their label, then as many labels that wait for their event. For each backlog: the heap per waiting entry, and for two
 * checkpoints in a row (the first also compiles the write path) the longest event-loop stall (the max gap of a 1 ms
 * setInterval, or monitorEventLoopDelay's max), wall time and bytes on disk. The peer, measured in the same run on the
 * same state: the join as one synchronous JSON document (toJson, JSON.stringify, write, fsync), which is what a
 * checkpoint did before the label join got its own chunked file; all of it runs on the event loop, so its stall is its
 * wall time.
 */
export async function benchLabelsBacklog(args: string[]): Promise<void> {
  const waiting = Number(args[0] ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), "mg-bench-labels-"));
  let m: RunningMonitor | null = null;
  try {
    writeProfile(join(dir, "profile.json"), buildProfile(referenceTable(5000)));
    const config = resolveMonitorConfig(
      {
        model: "bench",
        reference: "profile.json",
        state: "state",
        window: { size: 100_000 },
        snapshot_interval: "24h",
        labels: { max_delay: "7d", max_pending: waiting },
      },
      join(dir, "monitor.yml"),
    );
    m = await startMonitor(config, {
      env: {},
      logger: pino({ level: "silent" }),
      port: 0,
      sender: null,
      tickIntervalMs: 0,
      checkpointBytes: Number.MAX_SAFE_INTEGER,
    });
    const heap0 = heapUsed();
    for (let b = 0; b * BATCH < waiting; b++)
      await post(m.url, "/v1/events", eventBody(b, Math.min(BATCH, waiting - b * BATCH)));
    const heap1 = heapUsed();
    report("events", waiting, heap1 - heap0, await checkpoints(m, config.state), syncJsonCost(m, dir));
    for (let b = 0; b * BATCH < waiting; b++)
      await post(m.url, "/v1/labels", labelBody(b, Math.min(BATCH, waiting - b * BATCH)));
    const heap2 = heapUsed();
    report("events + labels", 2 * waiting, heap2 - heap0, await checkpoints(m, config.state), syncJsonCost(m, dir));
  } finally {
    await m?.shutdown();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function checkpoints(m: RunningMonitor, state: string): Promise<CheckpointCost[]> {
  return [await checkpointCost(m, state), await checkpointCost(m, state)];
}

function report(what: string, entries: number, heapBytes: number, runs: CheckpointCost[], peer: CheckpointCost): void {
  const worst = Math.max(...runs.map((r) => r.stallMs));
  console.log(
    `labels backlog, ${entries.toLocaleString("en")} waiting (${what}): ${(heapBytes / entries).toFixed(0)} B of heap each\n` +
      runs
        .map(
          (r, k) =>
            `  checkpoint ${k + 1}:        longest stall ${r.stallMs.toFixed(0)} ms (a 1 ms ticker ran ${r.ticks} times), ` +
            `wall ${r.wallMs.toFixed(0)} ms, ${(r.bytes / 1e6).toFixed(1)} MB on disk\n`,
        )
        .join("") +
      `  one sync JSON doc:   longest stall ${peer.stallMs.toFixed(0)} ms, ${(peer.bytes / 1e6).toFixed(1)} MB\n` +
      `  ratio of longest stalls (sync JSON / checkpoint): ${(peer.stallMs / Math.max(worst, 1)).toFixed(1)}x`,
  );
}

async function checkpointCost(m: RunningMonitor, state: string): Promise<CheckpointCost> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  let last = performance.now();
  let maxGap = 0;
  let ticks = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
    ticks++;
  }, 1);
  h.enable();
  await new Promise((r) => setTimeout(r, 20));
  maxGap = 0;
  ticks = 0;
  last = performance.now();
  const t0 = performance.now();
  await m.checkpoint();
  const wallMs = performance.now() - t0;
  maxGap = Math.max(maxGap, performance.now() - last);
  clearInterval(ticker);
  h.disable();
  const stallMs = Math.max(maxGap, h.max / 1e6);
  const bytes = readdirSync(state)
    .filter((f) => f.startsWith("snapshot") || f.startsWith("join-"))
    .reduce((n, f) => n + statSync(join(state, f)).size, 0);
  return { stallMs, ticks, wallMs, bytes };
}

/** The peer: the join state as one JSON document, stringified, written and fsynced on the event loop. */
function syncJsonCost(m: RunningMonitor, dir: string): CheckpointCost {
  const t0 = performance.now();
  const text = JSON.stringify(m.monitor.labels!.toJson());
  const fd = openSync(join(dir, "peer.json"), "w");
  try {
    writeFileSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  const wallMs = performance.now() - t0;
  return { stallMs: wallMs, ticks: 0, wallMs, bytes: Buffer.byteLength(text) };
}

function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** One POST on its own connection: the peer blocks the event loop for seconds, past the server's keep-alive. */
function post(url: string, path: string, body: string): Promise<void> {
  const u = new URL(url);
  return new Promise((resolvePost, reject) => {
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        path,
        method: "POST",
        agent: false,
        headers: { "content-type": "application/x-ndjson" },
      },
      (res) => {
        res.resume();
        res.on("end", () => (res.statusCode === 202 ? resolvePost() : reject(new Error(`${path}: ${res.statusCode}`))));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

function eventBody(b: number, n: number): string {
  const r = seededRandom(100 + b);
  let s = "";
  for (let i = 0; i < n; i++) {
    const x = r() * 4 - 2;
    const p = 1 / (1 + Math.exp(-2 * x));
    s += `{"id":"ev-${b * BATCH + i}","features":{"x":${x},"y":${10 + r()},"plan":"pro"},"prediction":${p > 0.5 ? 1 : 0},"probability":${p}}\n`;
  }
  return s;
}

/** Labels for ids no event carries: each one waits. */
function labelBody(b: number, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += `{"id":"lb-${b * BATCH + i}","label":${i % 2}}\n`;
  return s;
}

function referenceTable(rows: number) {
  const r = seededRandom(7);
  return {
    source: "bench",
    rowCount: rows,
    columns: [
      numeric(
        "x",
        Float64Array.from({ length: rows }, () => r() * 4 - 2),
      ),
      numeric(
        "y",
        Float64Array.from({ length: rows }, () => 10 + r()),
      ),
      {
        kind: "dictionary" as const,
        name: "plan",
        type: "category" as const,
        codes: new Int32Array(rows),
        dictionary: ["pro"],
      },
    ],
  };
}

function numeric(name: string, values: Float64Array) {
  return {
    kind: "numeric" as const,
    name,
    type: "number" as const,
    values,
    valid: new Uint8Array(values.length).fill(1),
    invalid: new Map<number, string>(),
  };
}
