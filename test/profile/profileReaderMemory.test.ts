import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildProfile } from "../../src/profile/buildProfile.js";
import { writeProfile } from "../../src/profile/profileFile.js";
import type { ReferenceProfile } from "../../src/profile/referenceProfile.js";
import { numericColumn, table } from "../helpers/tables.js";
import { rng } from "../helpers/random.js";
import { runRssBounded } from "../helpers/rssBoundedChild.js";

const dir = mkdtempSync(join(tmpdir(), "modelguard-profile-reader-memory-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const srcUrl = (path: string) => pathToFileURL(fileURLToPath(new URL(`../../src/${path}`, import.meta.url))).href;

/**
 * A profile of `cols` numeric columns of six random 4-decimal values each (what `modelguard profile` makes of the
 * issue's 100,000 x 6 CSV, some 900 bytes of JSON a column). A dozen distinct column objects, shared by name, so the
 * test process holds a small profile while its file is wide.
 */
function wideProfile(cols: number): ReferenceProfile {
  const random = rng(11);
  const kinds = Array.from({ length: 12 }, () =>
    numericColumn(
      "x",
      Array.from({ length: 6 }, () => Math.round(random() * 1e5) / 1e4),
      "number",
    ),
  );
  const built = kinds.map((c) => buildProfile(table([c]), { createdAt: "2026-01-01T00:00:00.000Z", source: "w.csv" }));
  const columns = Object.create(null) as ReferenceProfile["columns"];
  for (let i = 0; i < cols; i++) columns[`c${i}`] = built[i % built.length]!.columns["x"]!;
  return { ...built[0]!, columns };
}

/**
 * The child's resident-memory ceiling. Node and tsx take some 110 MB, the 60,000 columns' samples about 60 MB (about
 * 1 KB a column; the report holds only the three shared columns): the child peaked at 188 MB reading the 54 MB profile
 * column by column, against 303 MB when it held the file's text and its parsed JSON whole, which this limit fails.
 */
const RSS_LIMIT_MB = 240;

test("drift against a wide profile reads it column by column: memory follows the samples, not the file's JSON", async () => {
  const cols = 60_000;
  const profile = join(dir, "wide.profile.json");
  writeProfile(profile, wideProfile(cols));
  const bytes = statSync(profile).size;
  assert.ok(bytes > 50e6, `profile of ${bytes} bytes`);
  // The current side holds three of the columns: what is measured is the reference.
  const current = join(dir, "cur.csv");
  writeFileSync(current, "c0,c1,c2\n" + ["1,2,3", "2,3,4", "3,4,5", "4,5,6", "5,6,7", "6,7,8"].join("\n") + "\n");
  const script = join(dir, "child.mts");
  writeFileSync(
    script,
    `import { driftFiles } from ${JSON.stringify(srcUrl("drift/driftFiles.ts"))};
import { DEFAULT_DRIFT_POLICY } from ${JSON.stringify(srcUrl("drift/driftPolicy.ts"))};
const report = await driftFiles({ reference: process.argv[2], current: process.argv[3] }, DEFAULT_DRIFT_POLICY);
// Through JSON: the features are an array, or a list that writes itself as one.
const features = JSON.parse(JSON.stringify(report.features));
console.log(JSON.stringify({ tested: features.map((f) => f.name), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
`,
  );
  const r = await runRssBounded(script, [profile, current], RSS_LIMIT_MB);
  assert.equal(r.code, 0, `exit ${r.code} at ${Math.round(r.peakMb)} MB: ${r.err}`);
  const out = JSON.parse(r.out) as { tested: string[]; maxRssMb: number };
  const peak = Math.max(r.peakMb, out.maxRssMb);
  assert.ok(peak < RSS_LIMIT_MB, `peak ${peak} MB`);
  assert.deepEqual(out.tested, ["c0", "c1", "c2"]);
});
