import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { runRssBounded } from "../helpers/rssBoundedChild.js";

const dir = mkdtempSync(join(tmpdir(), "modelguard-wide-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const loadTableUrl = pathToFileURL(fileURLToPath(new URL("../../src/data/loadTable.ts", import.meta.url))).href;

/**
 * What the child's resident set may reach: Node and tsx take about 80 MB, the wide files hold a few MB of data (the
 * bugs took gigabytes), the long field 12 MiB (the bug took 1 GB).
 */
const RSS_LIMIT_MB = 700;
const LONG_FIELD_RSS_LIMIT_MB = 400;

/**
 * Loads and scans `file` in a child process with a small V8 heap, and kills it if its resident memory passes
 * `limitMb` (checked from /proc where there is one). Returns the rows and columns it saw and its peak memory.
 */
async function loadInChild(
  file: string,
  limitMb = RSS_LIMIT_MB,
): Promise<{ code: number | null; out: string; peakMb: number }> {
  const script = join(dir, "child.mts");
  writeFileSync(
    script,
    `import { loadTable, scanTable } from ${JSON.stringify(loadTableUrl)};
const file = process.argv[2];
const table = await loadTable(file);
const shapes = [[table.rowCount, table.columns.length]];
for await (const chunk of scanTable(file, { chunkRows: 65536 })) shapes.push([chunk.rowCount, chunk.columns.length]);
console.log(JSON.stringify({ shapes, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
`,
  );
  const run = await runRssBounded(script, [file], limitMb);
  const { code, out, err } = run;
  let { peakMb } = run;
  if (code === 0) peakMb = Math.max(peakMb, (JSON.parse(out) as { maxRssMb: number }).maxRssMb);
  return { code, out: out + err.slice(0, 2000), peakMb };
}

test("a CSV of 20,000 columns x 3 rows loads and scans in memory that follows the data, not columns x chunk rows", async () => {
  const cols = 20_000;
  const header = Array.from({ length: cols }, (_, i) => `c${i}`).join(",");
  const row = (r: number) =>
    Array.from({ length: cols }, (_, i) => (i % 3 === 0 ? String(i + r) : i % 3 === 1 ? `${r}.5` : "ab")).join(",");
  const file = join(dir, "wide.csv");
  writeFileSync(file, [header, row(0), row(1), row(2)].join("\n") + "\n");
  const r = await loadInChild(file);
  assert.equal(r.code, 0, r.out);
  assert.deepEqual((JSON.parse(r.out) as { shapes: number[][] }).shapes, [
    [3, cols],
    [3, cols],
  ]);
  assert.ok(r.peakMb < RSS_LIMIT_MB, `peak ${r.peakMb} MB`);
});

test("a JSONL line with 100,000 keys loads and scans with a 256 MB heap", async () => {
  const keys = 100_000;
  const file = join(dir, "wide.jsonl");
  const fields = Array.from({ length: keys }, (_, i) => `"k${i}":${i % 2 ? i : `"s${i % 5}"`}`);
  writeFileSync(file, `{${fields.join(",")}}\n{"k0":"x"}\n`);
  const r = await loadInChild(file);
  assert.equal(r.code, 0, r.out);
  assert.deepEqual((JSON.parse(r.out) as { shapes: number[][] }).shapes, [
    [2, keys],
    [2, keys],
  ]);
  assert.ok(r.peakMb < RSS_LIMIT_MB, `peak ${r.peakMb} MB`);
});

test("a JSONL record of 300,000 keys scans in a 190 MB heap: no Buffer per known key, builders let go as columns are made", async () => {
  // Wide enough that the saving (the code before needs about 220 MB, this about 160) stands well clear of what the
  // heap of tsx and the modules varies by from one checkout to another (some 5-10 MB).
  const keys = 300_000;
  const file = join(dir, "one-wide-record.jsonl");
  writeFileSync(file, `{${Array.from({ length: keys }, (_, i) => `"k${i}": ${(i % 97) / 8}`).join(", ")}}\n`);
  const script = join(dir, "scan-child.mts");
  writeFileSync(
    script,
    `import { scanTable } from ${JSON.stringify(loadTableUrl)};
let shape;
for await (const chunk of scanTable(process.argv[2])) shape = [chunk.rowCount, chunk.columns.length, chunk.columns[96].values[0]];
console.log(JSON.stringify(shape));
`,
  );
  // A heap limit rather than resident memory: what is live at the peak, which the machine's load does not blur.
  const limit = Number(process.env.MG_JSONL_HEAP_MB ?? 190);
  const child = spawn(process.execPath, [`--max-old-space-size=${limit}`, "--import", "tsx", script, file], {
    stdio: ["ignore", "pipe", "ignore"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  const timeout = setTimeout(() => child.kill("SIGKILL"), 120_000);
  const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  clearTimeout(timeout);
  assert.equal(code, 0, `the scan ran out of its ${limit} MB heap`);
  assert.deepEqual(JSON.parse(out), [1, keys, 12]);
});

test("a 12 MiB number field costs a few times its size, not a string built a character at a time", async () => {
  const file = join(dir, "long.csv");
  writeFileSync(file, `id,x\n1,1.${"7".repeat(12 << 20)}\n2,3\n`);
  const r = await loadInChild(file, LONG_FIELD_RSS_LIMIT_MB);
  assert.equal(r.code, 0, r.out);
  assert.deepEqual((JSON.parse(r.out) as { shapes: number[][] }).shapes, [
    [2, 2],
    [2, 2],
  ]);
  assert.ok(r.peakMb < LONG_FIELD_RSS_LIMIT_MB, `peak ${r.peakMb} MB`);
});
