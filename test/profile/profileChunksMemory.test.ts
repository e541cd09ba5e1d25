import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { runRssBounded } from "../helpers/rssBoundedChild.js";

const dir = mkdtempSync(join(tmpdir(), "modelguard-chunks-profile-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const moduleUrl = (path: string) => pathToFileURL(fileURLToPath(new URL(path, import.meta.url))).href;

/**
 * What profiling a CSV of 2,000 columns x 1,000 rows of distinct 4-decimal floats in chunks of 50 rows (20 chunks,
 * every chunk adding some 50 sketch buckets to each column) may add to the resident memory the child had once its
 * modules were loaded (14 MB in, 23 MB of profile out). Measured: 185-200 MB when each chunk was profiled and merged
 * into the profile so far through the profile form of every sketch; 110-117 MB with one running profile whose live
 * sketches take each chunk's values. The limit sits between, some 40 MB from each: the difference is garbage (both
 * complete in a 48 MB heap), which resident memory counts until V8 collects it.
 */
const GROWTH_LIMIT_MB = 155;

test("profile of a long CSV of 2,000 columns in 20 chunks grows resident memory by the data and one running profile, not a merge of profiles per chunk", async () => {
  const cols = 2_000;
  const rows = 1_000;
  const file = join(dir, "long.csv");
  const out = join(dir, "profile.json");
  // Distinct values, so that every chunk adds buckets to every column's sketch (a fixed LCG: the same file each run).
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const lines = [Array.from({ length: cols }, (_, i) => `c${i}`).join(",")];
  for (let r = 0; r < rows; r++) lines.push(Array.from({ length: cols }, () => next().toFixed(4)).join(","));
  writeFileSync(file, lines.join("\n") + "\n");
  const script = join(dir, "child.mts");
  writeFileSync(
    script,
    `import { profileDatasetParts } from ${JSON.stringify(moduleUrl("../../src/profile/profileDataset.ts"))};
import { writeProfileParts } from ${JSON.stringify(moduleUrl("../../src/profile/profileFile.ts"))};
const before = process.memoryUsage().rss / 1048576;
writeProfileParts(process.argv[3], await profileDatasetParts(process.argv[2], { chunkRows: 50, threads: 1 }));
const maxRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ growthMb: Math.round(maxRssMb - before) }));
`,
  );
  const run = await runRssBounded(script, [file, out], 600, { heapMb: null });
  assert.equal(run.code, 0, run.err);
  const { growthMb } = JSON.parse(run.out.trim().split("\n").at(-1)!) as { growthMb: number };
  assert.ok(growthMb < GROWTH_LIMIT_MB, `resident memory grew by ${growthMb} MB`);
  // the profile is complete: every column over every row, the last column's mean that of its values
  const profile = JSON.parse(readFileSync(out, "utf8")) as {
    rows: number;
    columns: Record<string, { count: number; mean: number }>;
  };
  assert.equal(profile.rows, rows);
  assert.equal(Object.keys(profile.columns).length, cols);
  const last = lines.slice(1).map((l) => Number(l.slice(l.lastIndexOf(",") + 1)));
  assert.equal(profile.columns[`c${cols - 1}`]!.count, rows);
  assert.ok(Math.abs(profile.columns[`c${cols - 1}`]!.mean - last.reduce((a, b) => a + b, 0) / rows) < 1e-12);
});
