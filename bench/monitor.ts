import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Column, Table } from "../src/data/table.js";
import { buildProfile } from "../src/profile/buildProfile.js";
import { writeProfile } from "../src/profile/profileFile.js";
import { seededRandom } from "../src/stats/seededRandom.js";

const NUMERIC = 16;
const CATEGORIES = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"];

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

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : NaN;
}

function post(agent: Agent, url: URL, body: string): Promise<number> {
  return new Promise((resolvePost, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: "/v1/events",
        method: "POST",
        agent,
        headers: { "content-type": "application/x-ndjson", "content-length": Buffer.byteLength(body) },
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

/**
 * `npm run bench -- monitor [seconds] [concurrency]`: NDJSON batches of 1,000 events x 20 features over loopback HTTP
 * into the monitor (its own process, one event loop), for at least `seconds` (default 60) and until 10,000,000 events
 * when that comes first within 3x the time. Prints events/s, batch latency p50/p99, the throughput of a bare
 * JSON.parse loop over the same payloads in the same run, and the monitor's RSS after 1e6 events and at the end.
 */
export async function benchMonitor(args: string[]): Promise<void> {
  const seconds = Number(args[0] ?? 60);
  const concurrency = Number(args[1] ?? 4);
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
  const bodies = payloads(32, 1000);

  // Bare JSON.parse over the same payloads, in this process, for a fixed number of batches.
  let t = performance.now();
  let parsed = 0;
  for (let round = 0; round < 8; round++) {
    for (const body of bodies) {
      let start = 0;
      for (let end = body.indexOf("\n"); end !== -1; start = end + 1, end = body.indexOf("\n", start)) {
        JSON.parse(body.slice(start, end));
        parsed++;
      }
    }
  }
  const bareRate = parsed / ((performance.now() - t) / 1000);

  const env = { ...process.env };
  delete env.GITHUB_TOKEN;
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
  const latencies: number[] = [];
  let events = 0;
  let rssAt1e6 = NaN;
  let failures = 0;
  const maxEvents = 10_000_000;
  t = performance.now();
  const deadline = t + seconds * 1000;
  const hardStop = t + seconds * 3000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, k) => {
      let i = k;
      // Past the deadline, stop once 1e7 events went in (or at once for a short smoke run); never past 3x the time.
      const done = () => {
        const now = performance.now();
        if (now > hardStop) return true;
        return now >= deadline && (events >= maxEvents || seconds < 60);
      };
      while (!done()) {
        const s = performance.now();
        const status = await post(agent, url, bodies[i++ % bodies.length]!);
        latencies.push(performance.now() - s);
        if (status !== 202) failures++;
        else events += 1000;
        if (Number.isNaN(rssAt1e6) && events >= 1_000_000) rssAt1e6 = rssMb(child.pid!);
      }
    }),
  );
  const elapsed = (performance.now() - t) / 1000;
  const rssEnd = rssMb(child.pid!);
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  agent.destroy();
  rmSync(dir, { recursive: true, force: true });

  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  const rate = events / elapsed;
  console.log(
    `monitor ingest, NDJSON batches of 1,000 events x 20 features, ${concurrency} keep-alive clients, ${elapsed.toFixed(0)} s`,
  );
  console.log(
    `  throughput  ${Math.round(rate).toLocaleString("en")} events/s (target >= 100,000)   ${failures} failed batches`,
  );
  console.log(
    `  latency     p50 ${q(0.5).toFixed(1)} ms   p99 ${q(0.99).toFixed(1)} ms per batch (target p99 <= 50 ms)`,
  );
  console.log(
    `  vs parse    bare JSON.parse ${Math.round(bareRate).toLocaleString("en")} events/s; ratio ${(rate / bareRate).toFixed(2)}x (target >= 0.5x)`,
  );
  console.log(
    `  memory      RSS ${rssAt1e6.toFixed(0)} MB after 1e6 events, ${rssEnd.toFixed(0)} MB after ${(events / 1e6).toFixed(1)}e6 (target: within 10% and < 200 MB after 1e7)`,
  );
}
