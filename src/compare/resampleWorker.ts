// Worker thread: runs a contiguous block of bootstrap resamples of a plan whose arrays are shared with the caller.
import { parentPort, workerData } from "node:worker_threads";
import type { ResamplePlan } from "./resamplePlan.js";
import { runResamples } from "./runResamples.js";

const { plan, seed, first, count } = workerData as { plan: ResamplePlan; seed: number; first: number; count: number };
try {
  const out = new Float64Array(count * plan.statCount);
  runResamples(plan, seed, first, count, out);
  parentPort!.postMessage({ stats: out }, [out.buffer]);
} catch (e) {
  parentPort!.postMessage({ error: (e as Error).stack ?? String(e) });
}
