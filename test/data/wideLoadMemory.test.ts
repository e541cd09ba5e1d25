import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { runRssBounded } from "../helpers/rssBoundedChild.js";

const dir = mkdtempSync(join(tmpdir(), "modelguard-wide-load-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const loadTableUrl = pathToFileURL(fileURLToPath(new URL("../../src/data/loadTable.ts", import.meta.url))).href;

/**
 * What loadTable of a CSV of 100,000 number columns x 6 rows (4.7 MB) allocates in all, garbage included, as V8's
 * sampling heap profiler counts it (objects collected by either GC included, so the figure does not depend on when
 * V8 collects). Why this and not only resident memory: the table kept is the same (some 25 MB), and what raised the
 * peak was garbage that lived through the whole chunk and so was promoted, whose resident cost depends on when the
 * GCs happen. The code before allocated 167-168 MiB (an array per header field, a TextDecoder result and a Map
 * entry per name, a Set and a string per sampled cell, builders of ten fields, a plan copied per column); this
 * 54-55 MiB. The limit sits between, some 1.6 and 1.9 times from either.
 */
const ALLOCATED_LIMIT_MB = 105;
/** Resident growth over the child's before the load, a backstop: the code before grew 101-134 MB, this 66-78. */
const GROWTH_LIMIT_MB = 130;

test("loadTable of a 100,000-column x 6-row CSV allocates under 105 MiB in all (the code before: 167)", async () => {
  const cols = 100_000;
  const file = join(dir, "wide.csv");
  const row = (r: number) => Array.from({ length: cols }, (_, i) => (((i * 7 + r) % 10_000) / 16).toFixed(4)).join(",");
  const header = Array.from({ length: cols }, (_, i) => `c${i}`).join(",");
  writeFileSync(file, [header, row(0), row(1), row(2), row(3), row(4), row(5)].join("\n") + "\n");
  const script = join(dir, "child.mts");
  writeFileSync(
    script,
    `import { Session } from "node:inspector/promises";
import { loadTable } from ${JSON.stringify(loadTableUrl)};
const session = new Session();
session.connect();
await session.post("HeapProfiler.enable");
const before = process.memoryUsage().rss / 1048576;
await session.post("HeapProfiler.startSampling", {
  samplingInterval: 4096,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});
const table = await loadTable(process.argv[2]!);
const { profile } = await session.post("HeapProfiler.stopSampling");
const growthMb = process.resourceUsage().maxRSS / 1024 - before;
let bytes = 0;
const walk = (node: typeof profile.head): void => {
  bytes += node.selfSize;
  for (const child of node.children) walk(child);
};
walk(profile.head);
const last = table.columns[table.columns.length - 1]!;
console.log(JSON.stringify({
  rows: table.rowCount,
  columns: table.columns.length,
  last: last.kind === "numeric" ? [last.name, last.type, ...last.values] : null,
  allocatedMb: bytes / 1048576,
  growthMb,
}));
`,
  );
  const run = await runRssBounded(script, [file], 600, { heapMb: null });
  assert.equal(run.code, 0, run.err);
  const r = JSON.parse(run.out.trim().split("\n").at(-1)!) as {
    rows: number;
    columns: number;
    last: (string | number)[];
    allocatedMb: number;
    growthMb: number;
  };
  assert.equal(r.rows, 6);
  assert.equal(r.columns, cols);
  const i = cols - 1;
  assert.deepEqual(r.last, [
    `c${i}`,
    "number",
    ...[0, 1, 2, 3, 4, 5].map((row) => Number((((i * 7 + row) % 10_000) / 16).toFixed(4))),
  ]);
  assert.ok(r.allocatedMb < ALLOCATED_LIMIT_MB, `allocated ${r.allocatedMb.toFixed(1)} MB`);
  assert.ok(r.growthMb < GROWTH_LIMIT_MB, `resident memory grew by ${r.growthMb.toFixed(1)} MB`);
});
