import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { writeProfile } from "../../src/profile/profileFile.js";
import { wideNumericProfile } from "../helpers/wideProfile.js";
import { runRssBounded } from "../helpers/rssBoundedChild.js";

const dir = mkdtempSync(join(tmpdir(), "modelguard-profile-reader-memory-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const srcUrl = (path: string) => pathToFileURL(fileURLToPath(new URL(`../../src/${path}`, import.meta.url))).href;

/**
 * The child's resident-memory ceiling. Node and tsx take some 110 MB, the 60,000 columns' samples about 60 MB (about
 * 1 KB a column; the report holds only the three shared columns): the child peaked at 188 MB reading the 54 MB profile
 * column by column, against 303 MB when it held the file's text and its parsed JSON whole, which this limit fails.
 */
const RSS_LIMIT_MB = 240;

test("drift against a wide profile reads it column by column: memory follows the samples, not the file's JSON", async () => {
  const cols = 60_000;
  const profile = join(dir, "wide.profile.json");
  writeProfile(profile, wideNumericProfile(cols, 11));
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
