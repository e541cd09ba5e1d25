import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { writeProfile } from "../../src/profile/profileFile.js";
import { wideNumericProfile } from "../helpers/wideProfile.js";

const dir = mkdtempSync(join(tmpdir(), "modelguard-reference-sample-memory-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const srcUrl = (path: string) => pathToFileURL(fileURLToPath(new URL(`../../src/${path}`, import.meta.url))).href;

/**
 * Heap a drift reference keeps per column of a six-value numeric profile column, name and map entry included: about
 * 700 bytes (the sketch's buckets in one plain array, its bucket geometry shared), against some 1,030 when each column
 * held a QuantileSketch with two stores of two lists each and its own gamma, which this limit fails. Measured after a
 * full GC, so it is what stays, not garbage; object sizes are fixed by V8's layout, so the figure does not wander.
 */
const BYTES_PER_COLUMN_LIMIT = 850;

test("a drift reference read from a wide profile keeps a few hundred bytes a numeric column", async (t) => {
  const cols = 40_000;
  const profile = join(dir, "wide.profile.json");
  writeProfile(profile, wideNumericProfile(cols, 5));
  const script = join(dir, "child.mts");
  writeFileSync(
    script,
    `import { readProfileColumns } from ${JSON.stringify(srcUrl("profile/readProfileColumns.ts"))};
import { sampleColumnProfile } from ${JSON.stringify(srcUrl("drift/columnSample.ts"))};
const gc = globalThis.gc;
// A first read warms up the modules and their code, so the measure below is the samples only.
readProfileColumns(process.argv[2], (_n, c, f) => sampleColumnProfile(c, f.bins));
gc(); gc();
const before = process.memoryUsage().heapUsed;
// As driftFiles reads a profile reference.
const reference = readProfileColumns(process.argv[2], (_n, c, f) => sampleColumnProfile(c, f.bins)).columns;
gc(); gc();
const held = process.memoryUsage().heapUsed - before;
const first = reference.get("c0");
console.log(JSON.stringify({ columns: reference.size, held, kind: first.kind, form: first.form, count: first.count }));
`,
  );
  const child = spawn(
    process.execPath,
    ["--expose-gc", "--max-old-space-size=256", "--import", "tsx", script, profile],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
  const timeout = setTimeout(() => child.kill("SIGKILL"), 120_000);
  const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  clearTimeout(timeout);
  assert.equal(code, 0, err);
  const r = JSON.parse(out) as { columns: number; held: number; kind: string; form: string; count: number };
  assert.deepEqual([r.columns, r.kind, r.form, r.count], [cols, "numeric", "sketch", 6]);
  const perColumn = r.held / cols;
  t.diagnostic(`${Math.round(perColumn)} bytes a column`);
  assert.ok(perColumn < BYTES_PER_COLUMN_LIMIT, `${Math.round(perColumn)} bytes a column`);
});
