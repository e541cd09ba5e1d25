import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { runRssBounded } from "../helpers/rssBoundedChild.js";

const dir = mkdtempSync(join(tmpdir(), "modelguard-threads-profile-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const moduleUrl = (path: string) => pathToFileURL(fileURLToPath(new URL(path, import.meta.url))).href;

const COLS = 4_000;
const ROWS = 1_000;
const file = join(dir, "wide.csv");
const lastColumn: number[] = [];

before(() => {
  // Distinct values, so that every range's sketches hold some 400-700 buckets a column (a fixed LCG: the same file).
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const lines = [Array.from({ length: COLS }, (_, i) => `c${i}`).join(",")];
  for (let r = 0; r < ROWS; r++) {
    const row = Array.from({ length: COLS }, () => next().toFixed(4));
    lastColumn.push(Number(row[COLS - 1]));
    lines.push(row.join(","));
  }
  writeFileSync(file, lines.join("\n") + "\n");
});

/** Resident memory the child grew by while profiling `file` with these options, and the profile it wrote. */
async function profileGrowth(options: object, name: string) {
  const out = join(dir, `${name}.json`);
  const script = join(dir, `${name}.mts`);
  writeFileSync(
    script,
    `import { profileDatasetParts } from ${JSON.stringify(moduleUrl("../../src/profile/profileDataset.ts"))};
import { writeProfileParts } from ${JSON.stringify(moduleUrl("../../src/profile/profileFile.ts"))};
const before = process.memoryUsage().rss / 1048576;
writeProfileParts(process.argv[3], await profileDatasetParts(process.argv[2], ${JSON.stringify(options)}));
const maxRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ growthMb: Math.round(maxRssMb - before) }));
`,
  );
  const run = await runRssBounded(script, [file, out], 900, { heapMb: null });
  assert.equal(run.code, 0, run.err);
  const { growthMb } = JSON.parse(run.out.trim().split("\n").at(-1)!) as { growthMb: number };
  const profile = JSON.parse(readFileSync(out, "utf8")) as {
    rows: number;
    columns: Record<string, { count: number; mean: number; min: number; max: number }>;
  };
  // the profile is complete: every column over every row, the last column's count, range and mean those of its values
  assert.equal(profile.rows, ROWS);
  assert.equal(Object.keys(profile.columns).length, COLS);
  const last = profile.columns[`c${COLS - 1}`]!;
  assert.equal(last.count, ROWS);
  assert.equal(last.min, Math.min(...lastColumn));
  assert.equal(last.max, Math.max(...lastColumn));
  assert.ok(Math.abs(last.mean - lastColumn.reduce((a, b) => a + b, 0) / ROWS) < 1e-12);
  return growthMb;
}

/**
 * 2 threads asked for a CSV of 4,000 columns x 1,000 rows (28 MB; 1 MiB a thread allowed, so bytes alone would make
 * two ranges of 500 rows). Measured growth: 376-416 MB when each range's profile was cloned back and the two merged as
 * profiles; 56-70 MB on one thread (500 rows a range is under a thread's 20,000). The limit sits far from both.
 */
const CHOSEN_LIMIT_MB = 200;

test("profile of a CSV of 4,000 columns x 1,000 rows with 2 threads allowed takes one: too few rows a range for a thread", async () => {
  const growthMb = await profileGrowth({ threads: 2, minBytesPerThread: 1 << 20 }, "chosen");
  assert.ok(growthMb < CHOSEN_LIMIT_MB, `resident memory grew by ${growthMb} MB`);
});

/**
 * The same file forced onto 2 threads (a thread per row allowed): the worker's range comes back as its running
 * profile's sketches packed in typed arrays, merged into this thread's running sketches. Measured growth (a worker
 * under tsx costs some 100 MB of its own): 171-178 MB; 376-406 MB when the ranges were cloned profiles merged as
 * profiles (the code before, which had no row limit). The limit sits between, some 90 MB from each.
 */
const FORCED_LIMIT_MB = 270;

test("profile of a CSV of 4,000 columns x 1,000 rows on 2 threads merges the worker's packed sketches, not two profiles", async () => {
  const growthMb = await profileGrowth({ threads: 2, minBytesPerThread: 1 << 20, minRowsPerThread: 1 }, "forced");
  assert.ok(growthMb < FORCED_LIMIT_MB, `resident memory grew by ${growthMb} MB`);
});
