import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { buildProfile } from "../../src/profile/buildProfile.js";
import { writeProfile } from "../../src/profile/profileFile.js";
import { profileDataset } from "../../src/profile/profileDataset.js";
import { stringifyContract } from "../../src/contracts/contractJson.js";
import type { ReferenceProfile } from "../../src/profile/referenceProfile.js";
import { dictionaryColumn, numericColumn, table } from "../helpers/tables.js";

const dir = mkdtempSync(join(tmpdir(), "modelguard-profile-memory-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const srcUrl = (path: string) => pathToFileURL(fileURLToPath(new URL(`../../src/${path}`, import.meta.url))).href;

test("writeProfile writes exactly stringifyContract(profile) and a newline, column by column", () => {
  // Integer-like names come first in JSON.stringify's order; `__proto__` is a name like any other; infinities are
  // written as strings; an absent optional field stays absent.
  const t = table([
    numericColumn("x", [1, Infinity, -Infinity, 2.5, null], "number"),
    numericColumn("10", [3, 1, 4, 1, 5], "integer"),
    dictionaryColumn("__proto__", ["a", "b", null, "a", "c"]),
    numericColumn("2", [1, 0, 1, null, 1], "boolean"),
    dictionaryColumn("note", ["é", "long text", null, "x", "y"], "string"),
  ]);
  const profile = buildProfile(t, { createdAt: "2026-01-01T00:00:00.000Z", source: "t.csv" });
  const file = join(dir, "p.json");
  writeProfile(file, profile);
  assert.equal(readFileSync(file, "utf8"), stringifyContract(profile) + "\n");
  const empty = { ...profile, columns: Object.create(null) as typeof profile.columns };
  writeProfile(file, empty);
  assert.equal(readFileSync(file, "utf8"), stringifyContract(empty) + "\n");
});

/**
 * A profile of `cols` copies of one numeric column whose sketch spans some 1,100 buckets (2 KB of JSON each).
 * Also the child's code (by its source text), so it uses only buildProfile, numericColumn and table.
 */
function wideProfile(cols: number): ReferenceProfile {
  const one = buildProfile(table([numericColumn("x", [1, 5, 9], "integer")]), {
    createdAt: "2026-01-01T00:00:00.000Z",
    source: "wide.csv",
  });
  const columns = Object.create(null) as ReferenceProfile["columns"];
  // The same object under every name: the profile itself stays small, its JSON does not.
  for (let i = 0; i < cols; i++) columns[`c${i}`] = one.columns["x"]!;
  return { ...one, columns };
}

/**
 * The V8 heap the child may use. The profile shares one column object, so it takes a few kilobytes, but its JSON is
 * some 90 MB: written as one string, then a copy with the newline, it needed twice that, which this limit does not
 * leave. Written column by column it needs about a megabyte beyond what Node and tsx take.
 */
const HEAP_LIMIT_MB = 64;

test("writing a profile of 40,000 columns fits a 64 MB heap: the file is never held as one string", async () => {
  const cols = 40_000;
  const out = join(dir, "wide.json");
  const script = join(dir, "child.mts");
  writeFileSync(
    script,
    `import { buildProfile } from ${JSON.stringify(srcUrl("profile/buildProfile.ts"))};
import { writeProfile } from ${JSON.stringify(srcUrl("profile/profileFile.ts"))};
import { numericColumn, table } from ${JSON.stringify(new URL("../helpers/tables.ts", import.meta.url).href)};
${wideProfile.toString()}
writeProfile(process.argv[2], wideProfile(${cols}));
`,
  );
  const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_LIMIT_MB}`, "--import", "tsx", script, out], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let err = "";
  child.stderr.on("data", (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
  const timeout = setTimeout(() => child.kill("SIGKILL"), 120_000);
  const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  clearTimeout(timeout);
  assert.equal(code, 0, err);
  assert.equal(readFileSync(out, "utf8"), stringifyContract(wideProfile(cols)) + "\n");
});

/**
 * Bytes a profile held in memory costs per numeric column of six values (measured: 1,171; 1,522 before stores were
 * arrays of their own length, one shared empty store, and PSI keys without push's spare capacity). The profile of
 * 100,000 such columns is held from the last chunk until it is written, so this is what a wide `profile` holds.
 */
const NUMERIC_COLUMN_BYTES = 1300;

test("a profile holds about 1.2 KB per numeric column of six values, not a run of buckets", () => {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  const heap = () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  const n = 20_000;
  const t = table(
    Array.from({ length: n }, (_, i) =>
      numericColumn(
        `c${i}`,
        [0, 1, 2, 3, 4, 5].map((r) => ((i + r) % 7) + 0.5),
        "number",
      ),
    ),
  );
  const before = heap();
  const profile = buildProfile(t, { createdAt: "2026-01-01T00:00:00.000Z", source: "wide.csv" });
  const perColumn = (heap() - before) / n;
  assert.equal(Object.keys(profile.columns).length, n);
  assert.ok(perColumn < NUMERIC_COLUMN_BYTES, `${Math.round(perColumn)} bytes per column`);
  // Written, each column's sketch is its six buckets and the skips between them.
  const c = JSON.parse(stringifyContract(profile.columns["c0"])) as { sketch: { positive: { counts: number[] } } };
  assert.equal(c.sketch.positive.counts.filter((x) => x > 0).length, 6);
});

/**
 * The heap `profile` may use on 40,000 numeric columns x 6 rows (a 2 MB CSV, a 36 MB profile). The file is one chunk,
 * so each column is profiled as it is written and let go: the run needs about 40 MB of heap. Holding the whole
 * profile until it was written (some 1.2 KB a column) and the table with it needed more than 80 MB.
 */
const WIDE_PROFILE_HEAP_MB = 64;

test("profile of a wide file (40,000 columns x 6 rows) fits a 64 MB heap: no column's profile is held once written", async () => {
  const cols = 40_000;
  const rows = 6;
  const csv = join(dir, "wide40k.csv");
  const lines = [Array.from({ length: cols }, (_, i) => `c${i}`).join(",")];
  for (let r = 0; r < rows; r++)
    lines.push(
      Array.from({ length: cols }, (_, i) => (((i * 7919 + r * 104729) % 1_000_003) / 10_000).toFixed(4)).join(","),
    );
  writeFileSync(csv, lines.join("\n") + "\n");
  const out = join(dir, "wide40k.profile.json");
  const script = join(dir, "profileChild.mts");
  writeFileSync(
    script,
    `import { main } from ${JSON.stringify(srcUrl("cli/main.ts"))};
process.exitCode = await main(["profile", "--data", process.argv[2], "-o", process.argv[3], "--threads", "1"]);
`,
  );
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${WIDE_PROFILE_HEAP_MB}`, "--import", "tsx", script, csv, out],
    { stdio: ["ignore", "ignore", "pipe"], cwd: fileURLToPath(new URL("../..", import.meta.url)) },
  );
  let err = "";
  child.stderr.on("data", (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
  const timeout = setTimeout(() => child.kill("SIGKILL"), 120_000);
  const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  clearTimeout(timeout);
  assert.equal(code, 0, err);
  // The same profile as the one held whole, but the time it was made.
  const written = JSON.parse(readFileSync(out, "utf8")) as Record<string, unknown>;
  const held = JSON.parse(
    stringifyContract(await profileDataset(csv, { threads: 1, createdAt: written["created_at"] as string })),
  ) as Record<string, unknown>;
  assert.deepEqual(written, held);
  assert.equal(Object.keys(written["columns"] as object).length, cols);
});
