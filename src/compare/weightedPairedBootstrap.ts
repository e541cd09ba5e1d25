import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { ResampleDeltas, type BootstrapInterval } from "./pairedBootstrap.js";
import type { PlannedMetric, ResamplePlan } from "./resamplePlan.js";
import { runResamples } from "./runResamples.js";

/** Below this many row-resamples (rows x resamples) one thread is quicker than starting workers. */
const MIN_WORK_FOR_WORKERS = 20_000_000;
/** Each worker's share should be at least this, so a thread's start-up (tens of ms) stays a small part of it. */
const MIN_WORK_PER_WORKER = 10_000_000;
const MAX_WORKERS = 8;

// Built by tsc: the worker is the .js file next to this one. Bundled (dist/, scripts/build-dist.mjs): the entry
// chunks/resampleWorker.js, next to this module's chunk, or under chunks/ when esbuild put this module in index.js.
// From sources under tsx, Node 20 does not resolve a worker's .ts entry, so a bootstrap registers tsx first.
const fromSource = new URL(import.meta.url).pathname.endsWith(".ts");
const workerEntry = fromSource
  ? new URL("./resampleWorker.ts", import.meta.url)
  : (["./resampleWorker.js", "./chunks/resampleWorker.js"]
      .map((p) => new URL(p, import.meta.url))
      .find((u) => existsSync(fileURLToPath(u))) ?? new URL("./resampleWorker.js", import.meta.url));

/** Whether the worker's file is where this module looks for it (else the bootstrap runs on one thread). */
export function resampleWorkerFound(): boolean {
  return existsSync(fileURLToPath(workerEntry));
}

/**
 * The paired percentile bootstrap of src/compare/pairedBootstrap.ts, computed as weighted passes: each resample is a
 * vector of row counts (Poisson(1) each, the Poisson bootstrap: see runResamples), and every planned metric of both
 * models is evaluated from one pass over those counts (see ResamplePlan). Resamples are split across worker threads, at most one per available
 * core; resample r depends only on (seed, r), so the intervals do not depend on the number of threads.
 */
export async function weightedPairedBootstrap(
  plan: ResamplePlan,
  metrics: readonly PlannedMetric[],
  options: { resamples: number; seed: number; confidence: number; threads?: number },
): Promise<Map<string, BootstrapInterval>> {
  const B = options.resamples;
  const S = plan.statCount;
  const stats = new Float64Array(B * S);
  const work = plan.rows * B;
  const threads = Math.max(
    1,
    Math.min(
      options.threads ?? availableParallelism(),
      MAX_WORKERS,
      B,
      work < MIN_WORK_FOR_WORKERS ? 1 : Math.floor(work / MIN_WORK_PER_WORKER),
    ),
  );
  if (threads === 1 || !resampleWorkerFound()) {
    runResamples(plan, options.seed, 0, B, stats);
  } else {
    const size = Math.ceil(B / threads);
    const blocks: Promise<void>[] = [];
    for (let first = 0; first < B; first += size) {
      const count = Math.min(size, B - first);
      blocks.push(runInWorker(plan, options.seed, first, count).then((block) => stats.set(block, first * S)));
    }
    await Promise.all(blocks);
  }
  const deltas = new ResampleDeltas(metrics.length, B);
  for (let r = 0; r < B; r++) {
    const at = r * S;
    metrics.forEach((m, k) => deltas.record(k, m.candidate(stats, at), m.baseline(stats, at)));
  }
  return deltas.intervals(
    metrics.map((m) => m.name),
    options,
  );
}

function runInWorker(plan: ResamplePlan, seed: number, first: number, count: number): Promise<Float64Array> {
  return runCompareWorker<{ stats: Float64Array }>({ plan, seed, first, count }).then((m) => m.stats);
}

/**
 * Runs one job on the comparison's worker (src/compare/resampleWorker.ts: a block of resamples, or one model's
 * influences) and resolves with its answer.
 */
export function runCompareWorker<T>(workerData: unknown): Promise<T> {
  const worker = fromSource
    ? new Worker(
        `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(workerEntry.href)}); });`,
        { eval: true, workerData },
      )
    : new Worker(workerEntry, { workerData });
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.once("message", (m: T & { error?: string }) => {
      settled = true;
      if (m.error === undefined) resolve(m);
      else reject(new Error(`comparison worker failed: ${m.error}`));
      void worker.terminate();
    });
    worker.once("error", (e) => {
      if (!settled) reject(e);
      settled = true;
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`comparison worker exited with code ${code} before answering`));
    });
  });
}
