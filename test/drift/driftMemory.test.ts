import { test, after } from "node:test";
import assert from "node:assert/strict";
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { detectDrift } from "../../src/drift/detectDrift.js";
import { DEFAULT_DRIFT_POLICY } from "../../src/drift/driftPolicy.js";
import { loadSamples } from "../../src/drift/loadSamples.js";
import { rng } from "../helpers/random.js";
import { runRssBounded } from "../helpers/rssBoundedChild.js";

const dir = mkdtempSync(join(tmpdir(), "modelguard-drift-memory-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const srcUrl = (path: string) => pathToFileURL(fileURLToPath(new URL(`../../src/${path}`, import.meta.url))).href;

interface ChildFeature {
  name: string;
  approximate: boolean;
  tests: Record<string, { statistic: number; p_value?: number; approximation_error?: number }>;
}

/**
 * Runs drift of `ref` against `cur` (loadSamples + detectDrift, as driftFiles does) in a child, killed once its
 * resident memory passes `limitMb`. `budget` is loadSamples' SampleBudget for the current side.
 */
async function driftInChild(
  ref: string,
  cur: string,
  budget: object | null,
  limitMb: number,
): Promise<{ code: number | null; features: ChildFeature[]; peakMb: number; err: string }> {
  const script = join(dir, "child.mts");
  writeFileSync(
    script,
    `import { loadSamples } from ${JSON.stringify(srcUrl("drift/loadSamples.ts"))};
import { detectDrift } from ${JSON.stringify(srcUrl("drift/detectDrift.ts"))};
import { DEFAULT_DRIFT_POLICY } from ${JSON.stringify(srcUrl("drift/driftPolicy.ts"))};
const budget = ${JSON.stringify(budget)} ?? undefined;
const [ref, cur] = await Promise.all([loadSamples(process.argv[2]), loadSamples(process.argv[3], {}, budget)]);
const report = detectDrift({ reference: ref.samples, current: cur.samples, referenceLabel: "r", currentLabel: "c" }, DEFAULT_DRIFT_POLICY);
console.log(JSON.stringify({ features: report.features.slice(0, 50), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
`,
  );
  const { code, out, err, peakMb } = await runRssBounded(script, [ref, cur], limitMb);
  if (code !== 0) return { code, features: [], peakMb, err };
  const parsed = JSON.parse(out) as { features: ChildFeature[]; maxRssMb: number };
  return { code, features: parsed.features, peakMb: Math.max(peakMb, parsed.maxRssMb), err };
}

/** What the child may reach: Node, tsx and two worker threads take about 200 MB; the data a few MB. */
const RSS_LIMIT_MB = 450;

/**
 * The wide test's limit. Both sides are small files (0.4 MB), so they load in this thread one after the other: the
 * child peaked at 167 MB, against 248 MB when each side loaded in a worker thread of its own (two heaps, two loads at
 * once), which this limit fails.
 */
const WIDE_RSS_LIMIT_MB = 210;

test("drift of 20,000 columns x 6 rows per side runs in memory that follows the data, not per-column bookkeeping", async () => {
  const cols = 20_000;
  const header = Array.from({ length: cols }, (_, i) => `c${i}`).join(",");
  const row = (r: number, shift: number) =>
    Array.from({ length: cols }, (_, i) =>
      i % 3 === 0 ? String(((i + r) % 7) + shift) : i % 3 === 1 ? `${r + shift}.5` : "abc"[(i + r) % 3],
    ).join(",");
  const ref = join(dir, "wide-ref.csv");
  const cur = join(dir, "wide-cur.csv");
  writeFileSync(ref, [header, ...[0, 1, 2, 3, 4, 5].map((r) => row(r, 0))].join("\n") + "\n");
  writeFileSync(cur, [header, ...[0, 1, 2, 3, 4, 5].map((r) => row(r, 1))].join("\n") + "\n");
  const r = await driftInChild(ref, cur, null, WIDE_RSS_LIMIT_MB);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.features.length, 50);
  assert.ok(
    r.features.every((f) => !f.approximate),
    "small sides stay exact",
  );
  assert.ok(r.peakMb < WIDE_RSS_LIMIT_MB, `peak ${r.peakMb} MB`);
});

/** A CSV of `rows` rows: two numeric columns (one shifted by `shift`) and a category. */
async function writeLong(file: string, rows: number, shift: number, seed: number): Promise<void> {
  const random = rng(seed);
  const out = createWriteStream(file);
  out.write("x,n,k\n");
  for (let start = 0; start < rows; start += 10_000) {
    let text = "";
    for (let i = start; i < Math.min(rows, start + 10_000); i++) {
      const u = random();
      text += `${(u * 10 + shift).toFixed(3)},${Math.floor(random() * 500)},${u < 0.6 + shift / 10 ? "a" : "b"}\n`;
    }
    if (!out.write(text)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

test("a current side past the exact budget is streamed through the profile's sketch, and the report gives the KS bound", async () => {
  const rows = 300_000;
  const ref = join(dir, "long-ref.csv");
  const cur = join(dir, "long-cur.csv");
  await writeLong(ref, rows, 0, 1);
  await writeLong(cur, rows, 0.05, 2);
  // Streamed from 1 byte on, 10,000 values held exactly: the current side ends up as sketches.
  const budget = { streamFromBytes: 1, exactValues: 10_000, sketchAccuracy: 0.001 };
  const streamed = await driftInChild(ref, cur, budget, RSS_LIMIT_MB);
  assert.equal(streamed.code, 0, streamed.err);
  const [refSamples, curSamples] = await Promise.all([loadSamples(ref), loadSamples(cur)]);
  const exact = detectDrift(
    { reference: refSamples.samples, current: curSamples.samples, referenceLabel: "r", currentLabel: "c" },
    DEFAULT_DRIFT_POLICY,
  );
  for (const name of ["x", "n"]) {
    const s = streamed.features.find((f) => f.name === name)!;
    const e = exact.features.find((f) => f.name === name)!;
    assert.equal(s.approximate, true, name);
    assert.equal(e.approximate, false, name);
    const bound = s.tests.ks!.approximation_error!;
    assert.ok(bound > 0 && bound < 0.01, `${name}: bound ${bound}`);
    assert.ok(Math.abs(s.tests.ks!.statistic - e.tests.ks!.statistic) <= bound + 1e-12, name);
  }
  // Category counts stay exact whatever the size.
  const k = streamed.features.find((f) => f.name === "k")!;
  assert.equal(k.approximate, false);
  assert.equal(k.tests.chisquare!.statistic, exact.features.find((f) => f.name === "k")!.tests.chisquare!.statistic);
  assert.ok(streamed.peakMb < RSS_LIMIT_MB, `peak ${streamed.peakMb} MB`);
});
