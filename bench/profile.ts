import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import { measure, median, type Measurement } from "./measure.js";

const GENERATOR = resolve("../shared/bench/gen_data.py");
const PEERS = resolve("bench/peers");
const DUCKDB_NODE = join(PEERS, "node_modules/@duckdb/node-api/lib/index.js");

/** Both sides run with this many threads: the machine the issue measured on has two cores. */
const THREADS = 2;

/** One DuckDB run: the SUMMARIZE rows, as the peer prints them (JSON), for checking that both computed the same. */
interface SummarizeRow {
  column_name: string;
  min: string | null;
  max: string | null;
  avg: string | null;
  std: string | null;
  q50: string | null;
  count: string;
}

// Node's DuckDB client, in a fresh process like ours (with -e, the arguments start at process.argv[1]): the SUMMARIZE is the whole work (read_csv infers the types and
// reads the file, then every column's min, max, approx_unique, avg, std, q25/q50/q75, count and null share).
const DUCKDB_NODE_SCRIPT = `
const { DuckDBInstance } = await import(${JSON.stringify(DUCKDB_NODE)});
const instance = await DuckDBInstance.create(":memory:", { threads: process.argv[1] });
const connection = await instance.connect();
const reader = await connection.runAndReadAll(process.argv[2]);
console.log(JSON.stringify(reader.getRowObjectsJson()));
`;

const DUCKDB_PYTHON_SCRIPT = [
  "import sys, json, duckdb",
  "con = duckdb.connect(config={'threads': int(sys.argv[1])})",
  "cur = con.execute(sys.argv[2])",
  "names = [d[0] for d in cur.description]",
  "print(json.dumps([{k: (None if v is None else str(v)) for k, v in zip(names, r)} for r in cur.fetchall()]))",
].join("\n");

interface Peer {
  name: string;
  /** Why it cannot run here, or null. */
  missing: () => string | null;
  argv: (sql: string) => string[];
  /** Whether its stdout is the SUMMARIZE rows as JSON (the CLI prints a table). */
  json: boolean;
}

const PEER_LIST: Peer[] = [
  {
    name: "DuckDB (Node client, bench/peers)",
    missing: () => (existsSync(DUCKDB_NODE) ? null : "not installed: run `npm run bench:peers` (about 70 MB)"),
    argv: (sql) => [process.execPath, "--input-type=module", "-e", DUCKDB_NODE_SCRIPT, String(THREADS), sql],
    json: true,
  },
  {
    name: "DuckDB (duckdb CLI)",
    missing: () => probe(["duckdb", "-version"]),
    argv: (sql) => ["duckdb", "-c", `SET threads = ${THREADS}; ${sql}`],
    json: false,
  },
  {
    name: "DuckDB (Python module)",
    missing: () => probe(["python3", "-c", "import duckdb"]),
    argv: (sql) => ["python3", "-c", DUCKDB_PYTHON_SCRIPT, String(THREADS), sql],
    json: true,
  },
];

function probe(argv: string[]): string | null {
  const r = spawnSync(argv[0]!, argv.slice(1), { encoding: "utf8" });
  if (r.error) return `${argv[0]} not found`;
  return r.status === 0 ? null : `${argv.join(" ")}: ${r.stderr.trim().split("\n").pop() ?? ""}`;
}

function flag(args: string[], name: string, fallback: number): number {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const v = Number(args[at + 1]);
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} needs a positive integer, got ${args[at + 1]}`);
  return v;
}

/** The generated reference.csv of `rows` rows (16 numeric, 4 category columns), made once under .bench-data/. */
function benchFile(rows: number): string {
  const dir = resolve(".bench-data", `profile-${rows}`);
  const file = join(dir, "reference.csv");
  if (existsSync(file)) return file;
  // Written to a side directory and renamed: an interrupted run leaves no half file that a later run would reuse.
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  console.log(
    `generating ${rows.toLocaleString("en")} rows with ${GENERATOR} (it writes current.csv too: about 50 s per million rows here, 8 min 18 s for 10 million) ...`,
  );
  const t = performance.now();
  const g = spawnSync("/usr/bin/python3", [GENERATOR, String(rows), partial], { stdio: "inherit" });
  if (g.status !== 0) throw new Error("gen_data.py failed (needs Debian's python3-pandas)");
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  console.log(`  generated in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  return file;
}

function line(name: string, runs: Measurement[], rows: number): string {
  const wall = median(runs.map((r) => r.seconds));
  const cpu = median(runs.map((r) => r.cpuSeconds));
  const rss = median(runs.map((r) => r.peakRssMb));
  const rate = Math.round(rows / wall).toLocaleString("en");
  return `  ${name}: ${wall.toFixed(2)} s wall (${rate} rows/s), ${cpu.toFixed(2)} s CPU, peak ${rss.toFixed(0)} MB`;
}

/**
 * `npm run bench -- profile [--rows N] [--runs N]`: the built `modelguard profile --threads 2` of the drift
 * generator's reference.csv (20 columns; 10,000,000 rows by default, about 1.3 GB, generated once into .bench-data/)
 * against DuckDB's `SUMMARIZE SELECT * FROM read_csv(...)` with 2 threads on the same file, in the same run, each a
 * fresh process, in alternating order: median wall and CPU time (every thread, from getrusage), peak memory, and the
 * ratio. DuckDB comes from `npm run bench:peers` (its Node client, kept out of modelguard's dependencies), or a duckdb
 * CLI or Python module where one is installed; a missing peer is skipped with the reason. The two sides' count,
 * mean, std, min and max of every numeric column are compared too. Ratios, never assertions.
 */
export function benchProfile(args: string[]): void {
  const rows = flag(args, "--rows", 10_000_000);
  const runs = flag(args, "--runs", 3);
  const file = benchFile(rows);
  const mb = statSync(file).size / 1e6;
  const out = mkdtempSync(join(tmpdir(), "modelguard-bench-profile-"));
  try {
    const profilePath = join(out, "profile.json");
    const ours = [
      process.execPath,
      resolve("bin/modelguard.js"),
      "profile",
      "--data",
      file,
      "-o",
      profilePath,
      "--threads",
      String(THREADS),
    ];
    const oursSerial = [...ours.slice(0, -1), "1"];
    const sql = `SUMMARIZE SELECT * FROM read_csv('${file.replace(/'/g, "''")}')`;
    const peers = PEER_LIST.flatMap((p) => {
      const why = p.missing();
      if (why !== null) console.log(`peer ${p.name}: skipped, ${why}`);
      return why === null ? [p] : [];
    });
    console.log(
      `profile: ${rows.toLocaleString("en")} rows x 20 columns (${mb.toFixed(0)} MB CSV), ${THREADS} threads, median of ${runs} (each a fresh process)`,
    );
    const mine: Measurement[] = [];
    const serial: Measurement[] = [];
    const theirs = peers.map(() => [] as Measurement[]);
    for (let i = 0; i < runs; i++) {
      // Alternate the order so neither side always finds the file in a page cache the other warmed.
      const order = i % 2 === 0 ? ["ours", "peers"] : ["peers", "ours"];
      for (const side of order) {
        if (side === "ours") {
          mine.push(measure(ours));
          serial.push(measure(oursSerial));
        } else
          peers.forEach((p, k) => {
            const m = measure(p.argv(sql));
            // measure() lets exit 1 through (a failed gate, for our commands): a peer's answer must be there.
            if (m.stdout.trim() === "") throw new Error(`${p.name} printed nothing: ${p.argv(sql).join(" ")}`);
            theirs[k]!.push(m);
          });
      }
    }
    console.log(line("modelguard profile --threads 2", mine, rows));
    console.log(line("modelguard profile --threads 1", serial, rows));
    const ourWall = median(mine.map((r) => r.seconds));
    const ourCpu = median(mine.map((r) => r.cpuSeconds));
    peers.forEach((p, k) => {
      const r = theirs[k]!;
      console.log(line(p.name, r, rows));
      const wall = median(r.map((m) => m.seconds));
      const cpu = median(r.map((m) => m.cpuSeconds));
      console.log(
        `    ours / DuckDB: ${(ourWall / wall).toFixed(2)}x the wall time, ${(ourCpu / cpu).toFixed(2)}x the CPU time` +
          ` (${ourWall <= wall ? "at least as fast" : "slower"})`,
      );
      if (p.json) agreement(profilePath, JSON.parse(r[0]!.stdout) as SummarizeRow[]);
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Largest relative differences of count, mean, std, min, max and median between our profile and DuckDB's rows. */
function agreement(profilePath: string, rows: SummarizeRow[]): void {
  const profile = JSON.parse(readFileSync(profilePath, "utf8")) as {
    columns: Record<
      string,
      {
        kind: string;
        count: number;
        mean: number;
        std: number;
        min: number;
        max: number;
        quantiles: { p50: number };
      }
    >;
  };
  const worst = { count: 0, mean: 0, std: 0, minmax: 0, median: 0 };
  const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
  let compared = 0;
  for (const row of rows) {
    const c = Object.hasOwn(profile.columns, row.column_name) ? profile.columns[row.column_name]! : undefined;
    if (!c || c.kind !== "numeric" || row.avg === null) continue;
    compared++;
    worst.count = Math.max(worst.count, Math.abs(c.count - Number(row.count)));
    worst.mean = Math.max(worst.mean, rel(c.mean, Number(row.avg)));
    worst.std = Math.max(worst.std, rel(c.std, Number(row.std)));
    worst.minmax = Math.max(worst.minmax, rel(c.min, Number(row.min)), rel(c.max, Number(row.max)));
    worst.median = Math.max(worst.median, rel(c.quantiles.p50, Number(row.q50)));
  }
  console.log(
    `    agreement on ${compared} numeric columns: counts differ by at most ${worst.count}; largest relative ` +
      `difference of mean ${worst.mean.toExponential(1)}, std ${worst.std.toExponential(1)}, min/max ` +
      `${worst.minmax.toExponential(1)}, median ${worst.median.toExponential(1)} (ours: sketch, relative accuracy ` +
      `0.001; DuckDB's q50 is approximate too)`,
  );
}
