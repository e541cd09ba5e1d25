// Worker thread: runs a contiguous block of bootstrap resamples of a plan whose arrays are shared with the caller, or
// (kind "influences") one model's analytic influences while the caller computes the other model's.
import { parentPort, workerData } from "node:worker_threads";
import type { Predictions } from "../model/evaluate/predictions.js";
import { influenceCalculator, type Influence } from "./metricInfluence.js";
import type { ResamplePlan } from "./resamplePlan.js";
import { runResamples } from "./runResamples.js";

type Job =
  | { kind?: "resamples"; plan: ResamplePlan; seed: number; first: number; count: number }
  | { kind: "influences"; predictions: Predictions; names: string[] };

const job = workerData as Job;
try {
  if (job.kind === "influences") {
    const influence = influenceCalculator(job.predictions);
    const influences: (Influence | null)[] = job.names.map((name) => influence(name));
    const buffers = influences.flatMap((inf) => (inf ? [inf.psi.buffer as ArrayBuffer] : []));
    parentPort!.postMessage({ influences }, [...new Set(buffers)]);
  } else {
    const out = new Float64Array(job.count * job.plan.statCount);
    runResamples(job.plan, job.seed, job.first, job.count, out);
    parentPort!.postMessage({ stats: out }, [out.buffer]);
  }
} catch (e) {
  parentPort!.postMessage({ error: (e as Error).stack ?? String(e) });
}
