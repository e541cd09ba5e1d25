import { existsSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import { parquetWriteBuffer } from "hyparquet-writer";
import { loadTable } from "../src/data/loadTable.js";
import { compareBenchFiles } from "./compareData.js";
import { measure } from "./measure.js";

/** Reads a file with the built loader in a fresh process and prints {seconds, cpu, rows} of the read alone. */
const OURS = `
const { loadTable } = await import(${JSON.stringify(resolve("build/src/data/loadTable.js"))});
const t = performance.now();
const c = process.cpuUsage();
const table = await loadTable(process.argv[1]);
const u = process.cpuUsage(c);
console.log(JSON.stringify({ seconds: (performance.now() - t) / 1000, cpu: (u.user + u.system) / 1e6, rows: table.rowCount }));
`;

/** The peers' read of the same file, each in a fresh process: {seconds, rows} of the read alone. */
const PEERS: { name: string; probe: string[]; read: (file: string) => string[] }[] = [
  {
    name: "pandas + pyarrow (read_parquet)",
    probe: ["/usr/bin/python3", "-c", "import pandas, pyarrow"],
    read: (file) => ["/usr/bin/python3", "-c", pythonRead("import pandas", "len(pandas.read_parquet(f))"), file],
  },
  {
    name: "polars (read_parquet)",
    probe: ["python3", "-c", "import polars"],
    read: (file) => ["python3", "-c", pythonRead("import polars", "polars.read_parquet(f).height"), file],
  },
  {
    name: "duckdb (CLI, count of read_parquet)",
    probe: ["duckdb", "-version"],
    read: (file) => ["duckdb", "-c", `SELECT count(*) FROM (SELECT * FROM read_parquet('${file}'))`],
  },
];

function pythonRead(imports: string, expression: string): string {
  return [
    "import sys, time, json",
    imports,
    "f = sys.argv[1]",
    "t = time.perf_counter()",
    `n = ${expression}`,
    'print(json.dumps({"seconds": time.perf_counter() - t, "rows": n}))',
  ].join("\n");
}

/**
 * `npm run bench -- parquet [rows]`: the built loader reading the compare bench's data (10 double features and an
 * integer target, bench/compareData.ts) as CSV and as Parquet (hyparquet-writer: snappy, nullable columns, row groups
 * of 100,000 rows, as pyarrow and polars write them), in rows per second of wall time and of CPU time; then each peer
 * that is installed reading the same Parquet file (pandas with pyarrow, polars, the duckdb CLI), the others skipped
 * with the reason. Ratios, never assertions.
 */
export async function benchParquet(args: string[]): Promise<void> {
  const rows = Number(args[0] ?? 1_000_000);
  const files = await compareBenchFiles(rows);
  const parquet = join(files.dir, "test.parquet");
  if (!existsSync(parquet)) {
    const table = await loadTable(files.data);
    const columnData = table.columns.map((c) => {
      if (c.kind !== "numeric") throw new Error(`bench data column ${c.name} is not numeric`);
      return c.type === "integer"
        ? { name: c.name, data: Int32Array.from(c.values), type: "INT32" as const }
        : { name: c.name, data: c.values, type: "DOUBLE" as const };
    });
    writeFileSync(parquet + ".partial", Buffer.from(parquetWriteBuffer({ columnData, rowGroupSize: 100_000 })));
    renameSync(parquet + ".partial", parquet);
  }
  console.log(`read: ${rows.toLocaleString("en")} rows x 11 columns (10 double, 1 integer), best of 2`);
  const ours = (file: string) => {
    const runs = [0, 1].map(() => {
      const r = spawnSync(process.execPath, ["--input-type=module", "-e", OURS, file], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(`loading ${file} failed: ${r.stderr}`);
      return JSON.parse(r.stdout) as { seconds: number; cpu: number; rows: number };
    });
    return runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  };
  const csv = ours(files.data);
  const pq = ours(parquet);
  const rate = (r: { seconds: number }) => Math.round(rows / r.seconds).toLocaleString("en");
  const cpuRate = (r: { cpu: number }) => Math.round(rows / r.cpu).toLocaleString("en");
  console.log(
    `  ours, CSV:     ${csv.seconds.toFixed(2)} s (${rate(csv)} rows/s), ${csv.cpu.toFixed(2)} s CPU (${cpuRate(csv)} rows/CPU-s)`,
  );
  console.log(
    `  ours, Parquet: ${pq.seconds.toFixed(2)} s (${rate(pq)} rows/s), ${pq.cpu.toFixed(2)} s CPU (${cpuRate(pq)} rows/CPU-s)`,
  );
  console.log(`    Parquet vs our CSV: ${(csv.seconds / pq.seconds).toFixed(2)}x the rows/s`);
  for (const peer of PEERS) {
    const probe = spawnSync(peer.probe[0]!, peer.probe.slice(1), { encoding: "utf8" });
    if (probe.error || probe.status !== 0) {
      const why = probe.error ? `${peer.probe[0]} not found` : (probe.stderr.trim().split("\n").pop() ?? "");
      console.log(`  peer ${peer.name}: skipped, not installed here (${why})`);
      continue;
    }
    const run = measure(peer.read(parquet));
    let seconds = run.seconds;
    try {
      seconds = (JSON.parse(run.stdout) as { seconds: number }).seconds;
    } catch {
      // the duckdb CLI prints a table, not JSON: its time is the whole process
    }
    console.log(
      `  peer ${peer.name}: ${seconds.toFixed(2)} s (${Math.round(rows / seconds).toLocaleString("en")} rows/s) -> ours is ${(seconds / pq.seconds).toFixed(2)}x its rows/s`,
    );
  }
}
