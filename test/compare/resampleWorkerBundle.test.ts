import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { buildResamplePlan } from "../../src/compare/resamplePlan.js";
import { weightedPairedBootstrap } from "../../src/compare/weightedPairedBootstrap.js";
import type { ClassificationPredictions } from "../../src/model/evaluate/predictions.js";
import { seededRandom } from "../../src/stats/seededRandom.js";

const dir = mkdtempSync(join(tmpdir(), "mg-resample-bundle-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const ROWS = 10_000; // x 2,000 resamples: enough work for two worker threads
const OPTIONS = { resamples: 2000, seed: 3, confidence: 0.95 };

function predictions(seed: number): ClassificationPredictions[] {
  const r = seededRandom(seed);
  const yTrue = new Int32Array(ROWS);
  const sides = [new Float64Array(ROWS * 2), new Float64Array(ROWS * 2)];
  const preds = [new Int32Array(ROWS), new Int32Array(ROWS)];
  for (let i = 0; i < ROWS; i++) {
    const p = r();
    yTrue[i] = r() < p ? 1 : 0;
    sides.forEach((proba, s) => {
      const q = Math.min(1, Math.max(0, p + (r() - 0.5) * (s === 0 ? 0.3 : 0.6)));
      proba[2 * i] = 1 - q;
      proba[2 * i + 1] = q;
      preds[s]![i] = q >= 0.5 ? 1 : 0;
    });
  }
  return [0, 1].map((s) => ({
    task: "binary",
    rowCount: ROWS,
    classes: ["0", "1"],
    positiveIndex: 1,
    yTrue,
    yPred: preds[s]!,
    proba: sides[s]!,
  }));
}

test("bundled as scripts/build-dist.mjs bundles the Action, the bootstrap finds its worker and threads give the one-thread intervals", async () => {
  const config = readFileSync("scripts/build-dist.mjs", "utf8");
  assert.match(
    config,
    /"chunks\/resampleWorker": "src\/compare\/resampleWorker\.ts"/,
    "build-dist has the worker entry",
  );
  // The same esbuild layout as build-dist (code splitting, chunks/ for shared code, the worker as chunks/ entry),
  // around a small entry that runs the bootstrap with two threads and prints what it found.
  const entry = join(dir, "entry.ts");
  const src = (p: string) => JSON.stringify(resolve(p));
  writeFileSync(
    entry,
    `import { readFileSync } from "node:fs";
import { buildResamplePlan } from ${src("src/compare/resamplePlan.ts")};
import { resampleWorkerFound, weightedPairedBootstrap } from ${src("src/compare/weightedPairedBootstrap.ts")};
const [c, b] = JSON.parse(readFileSync(process.argv[2], "utf8"), (k, v) => (v && v.typed ? (v.typed === "i" ? Int32Array : Float64Array).from(v.values) : v));
const { plan, metrics } = buildResamplePlan(["accuracy", "f1", "roc_auc", "log_loss"], c, b);
const ivs = await weightedPairedBootstrap(plan, metrics, { ...JSON.parse(process.argv[3]), threads: 2 });
console.log(JSON.stringify({ found: resampleWorkerFound(), intervals: [...ivs].map(([n, iv]) => [n, iv.delta]) }));
`,
  );
  const out = join(dir, "dist");
  await build({
    entryPoints: { index: entry, "chunks/resampleWorker": "src/compare/resampleWorker.ts" },
    outdir: out,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    chunkNames: "chunks/[name]-[hash]",
    logLevel: "warning",
  });
  const [c, b] = predictions(8);
  const data = join(dir, "predictions.json");
  const typed = (_: string, v: unknown) =>
    v instanceof Int32Array
      ? { typed: "i", values: Array.from(v) }
      : v instanceof Float64Array
        ? { typed: "f", values: Array.from(v) }
        : v;
  writeFileSync(data, JSON.stringify([c, b], typed));
  const printed = JSON.parse(
    execFileSync(process.execPath, [join(out, "index.js"), data, JSON.stringify(OPTIONS)], { encoding: "utf8" }),
  );
  assert.equal(printed.found, true, "the bundled bootstrap finds chunks/resampleWorker.js");
  const { plan, metrics } = buildResamplePlan(["accuracy", "f1", "roc_auc", "log_loss"], c!, b!);
  const one = await weightedPairedBootstrap(plan, metrics, { ...OPTIONS, threads: 1 });
  assert.deepEqual(
    printed.intervals,
    [...one].map(([n, iv]) => [n, iv.delta]),
  );
});
