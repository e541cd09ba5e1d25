import { createWriteStream, existsSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import { parquetWriteBuffer } from "hyparquet-writer";
import { loadTable } from "../src/data/loadTable.js";
import type { Table } from "../src/data/table.js";
import { compareBenchFiles } from "./compareData.js";
import { measure } from "./measure.js";

/**
 * Reads a file with the built loader in a fresh process and prints {seconds, cpu, rows, rssMb} of the read alone;
 * with a second argument "hyparquet", through hyparquet only (the reader before flat columns were decoded by
 * src/data/parquetFlatColumn.ts).
 */
const OURS = `
const { loadTable } = await import(${JSON.stringify(resolve("build/src/data/loadTable.js"))});
const { loadParquet } = await import(${JSON.stringify(resolve("build/src/data/parquetReader.js"))});
const { resolveLoadOptions } = await import(${JSON.stringify(resolve("build/src/data/loadOptions.js"))});
const [file, route] = process.argv.slice(1);
const t = performance.now();
const c = process.cpuUsage();
const table = route ? await loadParquet(file, resolveLoadOptions(file), route) : await loadTable(file);
const u = process.cpuUsage(c);
const rssMb = process.memoryUsage().rss / 1e6;
console.log(JSON.stringify({ seconds: (performance.now() - t) / 1000, cpu: (u.user + u.system) / 1e6, rows: table.rowCount, rssMb }));
`;

interface Read {
  seconds: number;
  cpu: number;
  rows: number;
  rssMb: number;
}

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

/** Every tenth cell of each column missing (a different row per column), as CSV (empty cells) and as Parquet. */
const NULL_EVERY = 10;

function isNull(row: number, column: number): boolean {
  return (row + 3 * column) % NULL_EVERY === 0;
}

/** The bench table as Parquet (hyparquet-writer: snappy, nullable columns, row groups of 100,000 rows). */
function writeParquet(path: string, table: Table, nulls: boolean): void {
  const columnData = table.columns.map((c, k) => {
    if (c.kind !== "numeric") throw new Error(`bench data column ${c.name} is not numeric`);
    const integer = c.type === "integer";
    if (!nulls)
      return integer
        ? { name: c.name, data: Int32Array.from(c.values), type: "INT32" as const }
        : { name: c.name, data: c.values, type: "DOUBLE" as const };
    const data = Array.from(c.values, (v, i) => (isNull(i, k) ? null : v));
    return { name: c.name, data, type: integer ? ("INT32" as const) : ("DOUBLE" as const) };
  });
  writeFileSync(path + ".partial", Buffer.from(parquetWriteBuffer({ columnData, rowGroupSize: 100_000 })));
  renameSync(path + ".partial", path);
}

async function writeCsvWithNulls(path: string, table: Table): Promise<void> {
  const out = createWriteStream(path + ".partial");
  const cols = table.columns as unknown as { name: string; values: Float64Array }[];
  out.write(cols.map((c) => c.name).join(",") + "\n");
  for (let i = 0; i < table.rowCount; i++) {
    const line = cols.map((c, k) => (isNull(i, k) ? "" : String(c.values[i]))).join(",") + "\n";
    if (!out.write(line)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  renameSync(path + ".partial", path);
}

/** The best of three reads in fresh processes (the fastest wall time: the one least disturbed by other load). */
function ours(file: string, route?: "hyparquet"): Read {
  const runs = [0, 1, 2].map(() => {
    const args = ["--input-type=module", "-e", OURS, file, ...(route ? [route] : [])];
    const r = spawnSync(process.execPath, args, { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`loading ${file} failed: ${r.stderr}`);
    return JSON.parse(r.stdout) as Read;
  });
  return runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
}

/**
 * `npm run bench -- parquet [rows]`: the built loader reading the compare bench's data (10 double features and an
 * integer target, bench/compareData.ts) as CSV and as Parquet (hyparquet-writer: snappy, nullable columns, row groups
 * of 100,000 rows, as pyarrow and polars write them), in rows per second of wall time and of CPU time, side by side
 * with the reader before flat columns got their own decoder (hyparquet only); then the same with every tenth cell
 * missing; then each peer that is installed reading the same Parquet file (pandas with pyarrow, polars, the duckdb
 * CLI), the others skipped with the reason. Ratios, never assertions.
 */
export async function benchParquet(args: string[]): Promise<void> {
  const rows = Number(args[0] ?? 1_000_000);
  const files = await compareBenchFiles(rows);
  const parquet = join(files.dir, "test.parquet");
  const nullsCsv = join(files.dir, "nulls.csv");
  const nullsParquet = join(files.dir, "nulls.parquet");
  if (!existsSync(parquet) || !existsSync(nullsCsv) || !existsSync(nullsParquet)) {
    const table = await loadTable(files.data);
    if (!existsSync(parquet)) writeParquet(parquet, table, false);
    if (!existsSync(nullsParquet)) writeParquet(nullsParquet, table, true);
    if (!existsSync(nullsCsv)) await writeCsvWithNulls(nullsCsv, table);
  }
  const rate = (r: { seconds: number }) => Math.round(rows / r.seconds).toLocaleString("en");
  const cpuRate = (r: { cpu: number }) => Math.round(rows / r.cpu).toLocaleString("en");
  const line = (label: string, r: Read) =>
    console.log(
      `  ${label.padEnd(30)} ${r.seconds.toFixed(2)} s (${rate(r)} rows/s), ${r.cpu.toFixed(2)} s CPU ` +
        `(${cpuRate(r)} rows/CPU-s), ${Math.round(r.rssMb)} MB RSS`,
    );
  let pq: Read | undefined;
  for (const [title, csvFile, parquetFile] of [
    ["no missing cells", files.data, parquet],
    [`every ${NULL_EVERY}th cell missing`, nullsCsv, nullsParquet],
  ] as const) {
    console.log(
      `read: ${rows.toLocaleString("en")} rows x 11 nullable columns (10 double, 1 integer), ${title}, best of 3`,
    );
    const csv = ours(csvFile);
    const flat = ours(parquetFile);
    const before = ours(parquetFile, "hyparquet");
    pq ??= flat;
    line("ours, CSV:", csv);
    line("ours, Parquet:", flat);
    line("ours, Parquet via hyparquet:", before);
    console.log(
      `    Parquet vs our CSV: ${(csv.seconds / flat.seconds).toFixed(2)}x the rows/s, ` +
        `${(csv.cpu / flat.cpu).toFixed(2)}x the rows/CPU-s (via hyparquet only: ` +
        `${(csv.seconds / before.seconds).toFixed(2)}x, ${(csv.cpu / before.cpu).toFixed(2)}x)`,
    );
  }
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
      `  peer ${peer.name}: ${seconds.toFixed(2)} s (${Math.round(rows / seconds).toLocaleString("en")} rows/s) -> ours is ${(seconds / pq!.seconds).toFixed(2)}x its rows/s`,
    );
  }
}
