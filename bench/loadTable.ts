/**
 * loadTable on a large CSV against pandas.read_csv, measured in the same run.
 *
 *   node --import tsx bench/loadTable.ts [file.csv] [--runs N]
 *
 * Without a file it generates the drift benchmark's 1,000,000-row reference.csv (130 MB, 16 numeric + 4 category
 * columns) into .bench-data/ with /work/shared/bench/gen_data.py. Each run is a fresh process (a cold JIT, as in the
 * CLI); the medians of wall time inside the call, CPU time and peak RSS are printed, then ours / pandas.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadTable } from "../src/data/loadTable.js";

const PYTHON = "/usr/bin/python3";
const GENERATOR = "/work/shared/bench/gen_data.py";

interface Run {
  ms: number;
  cpuMs: number;
  rssMb: number;
}

async function child(file: string): Promise<void> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const table = await loadTable(file);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const run: Run & { rows: number } = {
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    rssMb: process.resourceUsage().maxRSS / 1024,
    rows: table.rowCount,
  };
  console.log(JSON.stringify(run));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function ours(file: string): Run {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ["--import", "tsx", self, "--child", file], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`loadTable run failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as Run;
}

function pandas(file: string): Run {
  const script = [
    "import json, resource, sys, time, pandas",
    "c0 = time.process_time(); t0 = time.perf_counter()",
    "pandas.read_csv(sys.argv[1])",
    "ms = (time.perf_counter() - t0) * 1000; cpu = (time.process_time() - c0) * 1000",
    "rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024",
    "print(json.dumps({'ms': ms, 'cpuMs': cpu, 'rssMb': rss}))",
  ].join("\n");
  const r = spawnSync(PYTHON, ["-c", script, file], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`pandas run failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim()) as Run;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === "--child") return child(args[1]!);
  const runsAt = args.indexOf("--runs");
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
  let file = args.find((a, i) => !a.startsWith("--") && (runsAt < 0 || i !== runsAt + 1));
  if (!file) {
    file = ".bench-data/reference.csv";
    if (!existsSync(file)) {
      console.log(`generating ${file} (1,000,000 rows) ...`);
      const g = spawnSync(PYTHON, [GENERATOR, "1000000", ".bench-data"], { stdio: "inherit" });
      if (g.status !== 0) throw new Error("gen_data.py failed");
    }
  }
  const mine: Run[] = [];
  const peer: Run[] = [];
  for (let i = 0; i < runs; i++) {
    mine.push(ours(file));
    peer.push(pandas(file));
  }
  const row = (name: string, rs: Run[]) =>
    `${name.padEnd(18)} ${median(rs.map((r) => r.ms))
      .toFixed(0)
      .padStart(7)} ms ${median(rs.map((r) => r.cpuMs))
      .toFixed(0)
      .padStart(7)} ms cpu ${median(rs.map((r) => r.rssMb))
      .toFixed(0)
      .padStart(6)} MB peak RSS`;
  console.log(`${file}, median of ${runs} runs (each a fresh process)`);
  console.log(row("modelguard load", mine));
  console.log(row("pandas.read_csv", peer));
  console.log(`ratio (wall): ${(median(mine.map((r) => r.ms)) / median(peer.map((r) => r.ms))).toFixed(2)}`);
}

await main();
