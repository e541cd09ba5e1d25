import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Column, Table } from "../src/data/table.js";
import { buildProfile } from "../src/profile/buildProfile.js";
import { writeProfile } from "../src/profile/profileFile.js";
import { seededRandom } from "../src/stats/seededRandom.js";
import { createClient } from "redis";
import { REDIS_SERVER, startRedisServer } from "../test/helpers/redisServer.js";
import { sampleProcess, type ProcessSample } from "./measure.js";
import { benchLabelsBacklog } from "./labelsBacklog.js";

const NUMERIC = 16;
const CATEGORIES = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"];
const BATCH = 1000;

function referenceTable(rows: number): Table {
  const r = seededRandom(7);
  const columns: Column[] = [];
  for (let f = 0; f < NUMERIC; f++) {
    const values = Float64Array.from(
      { length: rows },
      () => Math.round((50 + 10 * (r() + r() + r() - 1.5)) * 1e4) / 1e4,
    );
    columns.push({
      kind: "numeric",
      name: `num_${f}`,
      type: "number",
      values,
      valid: new Uint8Array(rows).fill(1),
      invalid: new Map(),
    });
  }
  for (let c = 0; c < 4; c++) {
    const codes = Int32Array.from({ length: rows }, () => Math.floor(r() * CATEGORIES.length));
    columns.push({ kind: "dictionary", name: `cat_${c}`, type: "category", codes, dictionary: CATEGORIES });
  }
  return { source: "bench", rowCount: rows, columns };
}

function payloads(count: number, events: number): string[] {
  const r = seededRandom(11);
  return Array.from({ length: count }, (_, b) => {
    let s = "";
    for (let i = 0; i < events; i++) {
      const features: Record<string, number | string> = {};
      for (let f = 0; f < NUMERIC; f++)
        features[`num_${f}`] = Math.round((50 + 10 * (r() + r() + r() - 1.5)) * 1e4) / 1e4;
      for (let c = 0; c < 4; c++) features[`cat_${c}`] = CATEGORIES[Math.floor(r() * CATEGORIES.length)]!;
      s += JSON.stringify({ id: `b${b}-${i}`, features }) + "\n";
    }
    return s;
  });
}

/**
 * The peer: a bare loop of JSON.parse over the lines of the same payloads, in this one process (one thread, as the
 * monitor is one process with one event loop), for `ms` after a warm-up. Events per second of wall time and per
 * second of this process's CPU time.
 */
function bareParse(bodies: string[], ms: number): { wall: number; cpu: number } {
  const parseAll = (body: string) => {
    let n = 0;
    let start = 0;
    for (let end = body.indexOf("\n"); end !== -1; start = end + 1, end = body.indexOf("\n", start)) {
      JSON.parse(body.slice(start, end));
      n++;
    }
    return n;
  };
  for (const body of bodies) parseAll(body);
  let parsed = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; performance.now() - t0 < ms; i++) parsed += parseAll(bodies[i % bodies.length]!);
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { wall: parsed / wall, cpu: parsed / ((cpu.user + cpu.system) / 1e6) };
}

function post(agent: Agent, url: URL, body: Buffer): Promise<number> {
  return new Promise((resolvePost, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: "/v1/events",
        method: "POST",
        agent,
        headers: { "content-type": "application/x-ndjson", "content-length": body.length },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolvePost(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

interface MemorySample extends ProcessSample {
  events: number;
  heapUsedMb: number;
  externalMb: number;
}

/** RSS (now and peak) from /proc, heap used and external memory from the monitor's own /metrics. */
async function sampleMemory(pid: number, url: URL, events: number): Promise<MemorySample> {
  const p = sampleProcess(pid);
  const text = await (await fetch(new URL("/metrics", url))).text();
  const gauge = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1] ?? NaN) / 1048576;
  return {
    ...p,
    events,
    heapUsedMb: gauge("nodejs_heap_size_used_bytes"),
    externalMb: gauge("nodejs_external_memory_bytes"),
  };
}

/** NODE_OPTIONS set by `ENV` in the runtime stage of monitor/Dockerfile, or "". */
function imageNodeOptions(): string {
  const stages = readFileSync(resolve("monitor/Dockerfile"), "utf8").split(/^FROM /m);
  const m = /^ENV\s+NODE_OPTIONS=("[^"]*"|\S*)/m.exec(stages[stages.length - 1]!);
  return m ? m[1]!.replace(/^"|"$/g, "") : "";
}

const loadavg = () => readFileSync("/proc/loadavg", "utf8").trim().split(" ").slice(0, 3).join(" ");
const fmt = (n: number) => Math.round(n).toLocaleString("en");
const pct = (a: number, b: number) => `${b >= a ? "+" : ""}${((b / a - 1) * 100).toFixed(1)}%`;

/**
 * `npm run bench -- monitor [seconds] [clients] [events]`: NDJSON batches of 1,000 events x 20 features over loopback
 * HTTP into the monitor (`modelguard monitor`, its own process, one event loop), from `clients` keep-alive clients
 * (default 4) in this process, until both `seconds` (default 60) have passed and `events` (default 10,000,000) were
 * accepted (never longer than max(3 x seconds, 600 s)). Prints events/s, batch latency p50/p99, the monitor's CPU
 * time, a bare JSON.parse loop over the same payloads measured in this process before and after the run (wall and per
 * CPU-second; the CPU figures are the fair ones when other work shares the machine), and RSS, peak RSS, heap used and
 * external memory after 1e6 events and after 1e7 (when `events` reaches it) with the growth between them.
 * The monitor gets the NODE_OPTIONS monitor/Dockerfile's runtime stage sets (so it runs as deployed), or
 * BENCH_MONITOR_NODE_OPTIONS when that is set (e.g. "--max-semi-space-size=4", or "" for none).
 * Then the fleet comparison (benchFleet, 20 s a run); `npm run bench -- monitor fleet [seconds] [clients]` runs only it.
 * `npm run bench -- monitor labels [waiting]` runs only the label backlog's checkpoint (benchLabelsBacklog).
 */
export async function benchMonitor(args: string[]): Promise<void> {
  if (args[0] === "fleet") return benchFleet(Number(args[1] ?? 20), Number(args[2] ?? 4));
  if (args[0] === "labels") return benchLabelsBacklog(args.slice(1));
  await benchSingle(args);
  await benchFleet(20, Number(args[1] ?? 4));
}

async function benchSingle(args: string[]): Promise<void> {
  const seconds = Number(args[0] ?? 60);
  const concurrency = Number(args[1] ?? 4);
  const minEvents = Number(args[2] ?? 10_000_000);
  const dir = mkdtempSync(join(tmpdir(), "mg-bench-monitor-"));
  const profile = join(dir, "profile.json");
  writeProfile(profile, buildProfile(referenceTable(100_000)));
  const config = join(dir, "monitor.yml");
  writeFileSync(
    config,
    [
      `reference: ${profile}`,
      "listen: 127.0.0.1:0",
      "window: { size: 100000 }",
      `state: ${join(dir, "state")}`,
      "",
    ].join("\n"),
  );
  const texts = payloads(32, BATCH);
  const bodies = texts.map((s) => Buffer.from(s));
  const loadBefore = loadavg();
  const peerBefore = bareParse(texts, 5000);

  const env = { ...process.env };
  delete env.GITHUB_TOKEN;
  // The monitor runs with the NODE_OPTIONS its image sets (none when the Dockerfile sets none), or with
  // BENCH_MONITOR_NODE_OPTIONS; the peer in this process runs without them.
  const nodeOptions = process.env.BENCH_MONITOR_NODE_OPTIONS ?? imageNodeOptions();
  if (nodeOptions !== "") env.NODE_OPTIONS = nodeOptions;
  else delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, [resolve("bin/modelguard.js"), "monitor", "--config", config], {
    env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  const url = await new Promise<URL>((ok, fail) => {
    let err = "";
    child.stderr.on("data", (c: Buffer) => {
      err += c.toString();
      const m = /listening on (http:\/\/\S+)/.exec(err);
      if (m) ok(new URL(m[1]!));
    });
    child.once("exit", (code) => fail(new Error(`monitor exited with ${code}: ${err}`)));
  });
  const pid = child.pid!;

  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let events = 0;
  let failures = 0;
  const milestones = [1_000_000, 10_000_000];
  const memory: Promise<MemorySample>[] = [];
  const loadDuring: string[] = [];
  const start = sampleProcess(pid);
  const clientCpu0 = process.cpuUsage();
  const t = performance.now();
  const deadline = t + seconds * 1000;
  const hardStop = t + Math.max(seconds * 3, 600) * 1000;
  const loadTimer = setInterval(() => loadDuring.push(loadavg()), 15_000);
  await Promise.all(
    Array.from({ length: concurrency }, async (_, k) => {
      let i = k;
      const done = () => {
        const now = performance.now();
        return now > hardStop || (now >= deadline && events >= minEvents);
      };
      while (!done()) {
        const s = performance.now();
        const status = await post(agent, url, bodies[i++ % bodies.length]!);
        latencies.push(performance.now() - s);
        if (status !== 202) failures++;
        else events += BATCH;
        if (events >= milestones[memory.length]!) memory.push(sampleMemory(pid, url, events));
      }
    }),
  );
  const elapsed = (performance.now() - t) / 1000;
  const stop = sampleProcess(pid);
  const cpu = stop.cpuSeconds - start.cpuSeconds;
  const mainCpu = stop.mainThreadCpuSeconds - start.mainThreadCpuSeconds;
  const clientCpu = process.cpuUsage(clientCpu0);
  clearInterval(loadTimer);
  const loadAfter = loadavg();
  const mem = await Promise.all(memory);
  const end = await sampleMemory(pid, url, events);
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  agent.destroy();
  rmSync(dir, { recursive: true, force: true });
  const peerAfter = bareParse(texts, 5000);

  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  const rate = events / elapsed;
  const cpuRate = events / cpu;
  const peerWall = (peerBefore.wall + peerAfter.wall) / 2;
  const peerCpu = (peerBefore.cpu + peerAfter.cpu) / 2;
  const kb = Math.round(bodies.reduce((n, b) => n + b.length, 0) / bodies.length / 1024);
  const line = (m: MemorySample) =>
    `RSS ${m.rssMb.toFixed(0)} MB (peak ${m.peakRssMb.toFixed(0)}), heap used ${m.heapUsedMb.toFixed(1)} MB, external ${m.externalMb.toFixed(1)} MB`;
  console.log(
    `monitor ingest: NDJSON batches of ${fmt(BATCH)} events x 20 features (~${kb} KB), ${concurrency} keep-alive clients, ${elapsed.toFixed(0)} s, ${fmt(events)} events`,
  );
  console.log(`  monitor     node ${process.version}, NODE_OPTIONS=${JSON.stringify(nodeOptions)}`);
  console.log(`  loadavg     before ${loadBefore} | during ${loadDuring.join(" | ") || "-"} | after ${loadAfter}`);
  console.log(`  throughput  ${fmt(rate)} events/s (target >= 100,000); ${failures} failed batches`);
  console.log(
    `  CPU         monitor ${(cpu / elapsed).toFixed(2)} cores (main thread ${(mainCpu / elapsed).toFixed(2)}, the rest libuv's pool: journal writes, fdatasync) = ${fmt(cpuRate)} events per CPU-second; HTTP clients (this process) ${((clientCpu.user + clientCpu.system) / 1e6 / elapsed).toFixed(2)} cores`,
  );
  console.log(
    `  latency     p50 ${q(0.5).toFixed(1)} ms, p99 ${q(0.99).toFixed(1)} ms per batch (target p99 <= 50 ms)`,
  );
  console.log(
    `  JSON.parse  bare loop, same payloads, 1 process: ${fmt(peerBefore.wall)} events/s before, ${fmt(peerAfter.wall)} after; ${fmt(peerCpu)} per CPU-second`,
  );
  console.log(
    `  ratio       ${(rate / peerWall).toFixed(2)}x wall (monitor events/s / peer events/s), ${(cpuRate / peerCpu).toFixed(2)}x per CPU-second (target >= 0.5x)`,
  );
  const [at1e6, at1e7] = mem;
  if (at1e6) console.log(`  memory      after ${(at1e6.events / 1e6).toFixed(1)}e6 events: ${line(at1e6)}`);
  if (at1e7) console.log(`              after ${(at1e7.events / 1e6).toFixed(1)}e6 events: ${line(at1e7)}`);
  console.log(`              at the end (${(end.events / 1e6).toFixed(1)}e6 events): ${line(end)}`);
  if (at1e6 && at1e7) {
    console.log(
      `  growth      1e6 -> 1e7 events: RSS ${pct(at1e6.rssMb, at1e7.rssMb)}, peak RSS ${pct(at1e6.peakRssMb, at1e7.peakRssMb)}, heap used ${pct(at1e6.heapUsedMb, at1e7.heapUsedMb)} (target: RSS within 10% and < 200 MB)`,
    );
  } else console.log(`  growth      1e7 events not reached (pass a larger [seconds] or [events])`);
}

/** Events a monitor process (the CLI, config `configText`) accepted in `seconds` of load, and its CPU time. */
async function ingestRun(
  configText: string,
  dir: string,
  seconds: number,
  concurrency: number,
  bodies: Buffer[],
): Promise<{ events: number; elapsed: number; cpu: number; failures: number }> {
  const config = join(dir, `monitor-${Math.random().toString(36).slice(2)}.yml`);
  writeFileSync(config, configText);
  const env = { ...process.env };
  delete env.GITHUB_TOKEN;
  const nodeOptions = process.env.BENCH_MONITOR_NODE_OPTIONS ?? imageNodeOptions();
  if (nodeOptions !== "") env.NODE_OPTIONS = nodeOptions;
  else delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, [resolve("bin/modelguard.js"), "monitor", "--config", config], {
    env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  const url = await new Promise<URL>((ok, fail) => {
    let err = "";
    child.stderr.on("data", (c: Buffer) => {
      err += c.toString();
      const m = /listening on (http:\/\/\S+)/.exec(err);
      if (m) ok(new URL(m[1]!));
    });
    child.once("exit", (code) => fail(new Error(`monitor exited with ${code}: ${err}`)));
  });
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  let events = 0;
  let failures = 0;
  const start = sampleProcess(child.pid!);
  const t = performance.now();
  const deadline = t + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, k) => {
      for (let i = k; performance.now() < deadline;) {
        if ((await post(agent, url, bodies[i++ % bodies.length]!)) === 202) events += BATCH;
        else failures++;
      }
    }),
  );
  const elapsed = (performance.now() - t) / 1000;
  const cpu = sampleProcess(child.pid!).cpuSeconds - start.cpuSeconds;
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  agent.destroy();
  return { events, elapsed, cpu, failures };
}

/**
 * Fleet mode on vs off: the same monitor, the same 10 s clock-aligned windows, with and without `fleet` (a real
 * redis-server on a free loopback port; the member is alone, so it also leads: it publishes, merges and reports every
 * window, the most a member does). Runs alternate off, on, off, on (`seconds` each) so that a change of the machine's
 * load falls on both; events/s per wall second and per CPU-second of the monitor (the fair one on a shared machine).
 * Skipped, saying why, without /usr/bin/redis-server.
 */
async function benchFleet(seconds: number, concurrency: number): Promise<void> {
  if (!existsSync(REDIS_SERVER)) {
    console.log(`monitor fleet: skipped: ${REDIS_SERVER} is not installed (apt-get install redis-server)`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "mg-bench-fleet-"));
  const redis = await startRedisServer();
  try {
    const profile = join(dir, "profile.json");
    writeProfile(profile, buildProfile(referenceTable(100_000)));
    const bodies = payloads(32, BATCH).map((t) => Buffer.from(t));
    const config = (fleet: boolean, run: number) =>
      [
        `reference: ${profile}`,
        "listen: 127.0.0.1:0",
        "window: { duration: 10s, time: processing }",
        `state: ${join(dir, `state-${run}`)}`,
        ...(fleet ? [`fleet: { redis: "${redis.url}", member: bench, key_prefix: "bench${run}:", grace: 2s }`] : []),
        "",
      ].join("\n");
    const runs: { fleet: boolean; events: number; elapsed: number; cpu: number; failures: number }[] = [];
    const client = createClient({ url: redis.url });
    await client.connect();
    let merged = 0;
    try {
      for (const [i, fleet] of [false, true, false, true].entries()) {
        runs.push({ fleet, ...(await ingestRun(config(fleet, i), dir, seconds, concurrency, bodies)) });
        // The fleet did its work: windows merged and reported in Redis (the last one may still be within grace).
        if (fleet) merged += await client.zCard(`bench${i}:reports`);
      }
    } finally {
      client.destroy();
    }
    const sum = (fleet: boolean) => {
      const r = runs.filter((x) => x.fleet === fleet);
      const events = r.reduce((n, x) => n + x.events, 0);
      return {
        wall: events / r.reduce((n, x) => n + x.elapsed, 0),
        cpu: events / r.reduce((n, x) => n + x.cpu, 0),
        failures: r.reduce((n, x) => n + x.failures, 0),
      };
    };
    const off = sum(false);
    const on = sum(true);
    console.log(
      `monitor fleet: 10 s windows, ${concurrency} clients, runs of ${seconds} s alternating off/on (x2), redis-server on loopback`,
    );
    console.log(
      `  fleet off   ${fmt(off.wall)} events/s, ${fmt(off.cpu)} events per CPU-second; ${off.failures} failed`,
    );
    console.log(`  fleet on    ${fmt(on.wall)} events/s, ${fmt(on.cpu)} events per CPU-second; ${on.failures} failed`);
    console.log(
      `  ratio       on/off ${(on.wall / off.wall).toFixed(3)} wall (${pct(off.wall, on.wall)}), ${(on.cpu / off.cpu).toFixed(3)} per CPU-second (${pct(off.cpu, on.cpu)}) (target: within 10%)`,
    );
    console.log(`  fleet work  ${merged} windows merged and reported in Redis during the "on" runs`);
    for (const r of runs)
      console.log(
        `    run ${r.fleet ? "on " : "off"}  ${fmt(r.events / r.elapsed)} events/s, ${fmt(r.events / r.cpu)} per CPU-s`,
      );
  } finally {
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
