import type { Predictions } from "../model/evaluate/predictions.js";
import { normalQuantile } from "../stats/normalQuantile.js";
import { influenceCalculator, type AnalyticMethod, type Influence } from "./metricInfluence.js";
import { pairedBootstrap, type BootstrapInterval } from "./pairedBootstrap.js";
import { buildResamplePlan } from "./resamplePlan.js";
import { prepareResampledMetric } from "./resampledMetric.js";
import { resampleWorkerFound, runCompareWorker, weightedPairedBootstrap } from "./weightedPairedBootstrap.js";

/** --interval: auto picks analytic intervals at large n, the bootstrap below. */
export type IntervalChoice = "auto" | "bootstrap" | "analytic";
export const INTERVAL_CHOICES: readonly IntervalChoice[] = ["auto", "bootstrap", "analytic"];
/** What made an interval: the percentile bootstrap, or an analytic method (metricInfluence). */
export type IntervalMethod = "bootstrap" | AnalyticMethod;

/**
 * auto uses analytic intervals from this many paired rows when, for classification, every class has at least
 * ANALYTIC_MIN_CLASS_ROWS rows: there the normal approximation of a metric's change is as close as 2,000 resamples
 * can resolve (test/compare/pairedIntervals.test.ts checks the agreement down to 5,000 rows), and the bootstrap's cost
 * grows with rows x resamples.
 */
export const ANALYTIC_MIN_ROWS = 50_000;
export const ANALYTIC_MIN_CLASS_ROWS = 500;

export interface PairedInterval extends BootstrapInterval {
  method: IntervalMethod;
}

/**
 * Paired intervals of candidate - baseline for each metric both models have. Bootstrap: one weighted pass per
 * resample over every metric of both models (weightedPairedBootstrap), the per-metric reference bootstrap
 * (pairedBootstrap) only for metrics without sufficient statistics (median_ae). Analytic: estimate +- z x the standard
 * error of the paired difference from per-row influences (CLT for means, delta method for ratios, DeLong for ROC AUC);
 * a metric without an analytic form (ece, median_ae) keeps the bootstrap.
 */
export async function pairedIntervals(
  names: readonly string[],
  candidate: Predictions,
  baseline: Predictions,
  options: { resamples: number; seed: number; confidence: number; interval: IntervalChoice; threads?: number },
): Promise<Map<string, PairedInterval>> {
  const analytic = options.interval === "analytic" || (options.interval === "auto" && analyticFits(candidate));
  const out = new Map<string, PairedInterval>();
  const rest: string[] = [];
  const influences = analytic ? await bothInfluences(names, candidate, baseline) : null;
  names.forEach((name, k) => {
    const c = influences?.candidate[k];
    const b = influences?.baseline[k];
    const iv = c && b ? analyticInterval(c, b, options.confidence) : null;
    if (iv) out.set(name, iv);
    else rest.push(name);
  });
  if (rest.length === 0) return out;
  const { plan, metrics } = buildResamplePlan(rest, candidate, baseline);
  const fast = metrics.length > 0 ? await weightedPairedBootstrap(plan, metrics, options) : new Map();
  const planned = new Set(metrics.map((m) => m.name));
  const unplanned = rest.flatMap((name) => {
    if (planned.has(name)) return [];
    const c = prepareResampledMetric(name, candidate);
    const b = prepareResampledMetric(name, baseline);
    return c && b ? [{ name, candidate: c, baseline: b }] : [];
  });
  const slow = unplanned.length > 0 ? pairedBootstrap(candidate.rowCount, unplanned, options) : new Map();
  for (const name of rest) {
    const iv = (fast.get(name) ?? slow.get(name)) as BootstrapInterval | undefined;
    if (iv) out.set(name, { ...iv, method: "bootstrap" });
  }
  return out;
}

/** From this many rows the candidate's influences are computed on a worker thread while this one does the baseline's. */
const INFLUENCE_WORKER_ROWS = 200_000;

/**
 * Each model's influence of each metric (null where it has none). At scale the two models are done side by side, the
 * candidate's on the comparison's worker (about half the analytic intervals' time on two cores); the numbers are the
 * same either way.
 */
async function bothInfluences(
  names: readonly string[],
  candidate: Predictions,
  baseline: Predictions,
): Promise<{ candidate: (Influence | null)[]; baseline: (Influence | null)[] }> {
  const here = (p: Predictions) => {
    const influence = influenceCalculator(p);
    return names.map((name) => influence(name));
  };
  if (candidate.rowCount < INFLUENCE_WORKER_ROWS || !resampleWorkerFound())
    return { candidate: here(candidate), baseline: here(baseline) };
  const away = runCompareWorker<{ influences: (Influence | null)[] }>({
    kind: "influences",
    predictions: candidate,
    names: [...names],
  });
  // The worker has its copy of the candidate's predictions once started; this thread scores the baseline meanwhile.
  const local = here(baseline);
  return { candidate: (await away).influences, baseline: local };
}

/** auto's rule: enough rows, and for classification enough rows of every class. */
export function analyticFits(p: Predictions): boolean {
  if (p.rowCount < ANALYTIC_MIN_ROWS) return false;
  if (p.task === "regression") return true;
  const counts = new Float64Array(p.classes.length);
  for (let i = 0; i < p.rowCount; i++) counts[p.yTrue[i]!]!++;
  return counts.every((c) => c >= ANALYTIC_MIN_CLASS_ROWS);
}

/**
 * estimate +- z sqrt(sum psi_d^2) / n with psi_d = psi_candidate - psi_baseline, from both models' influences of one
 * metric on the same rows (metricInfluence); the relative change r = d / |b| gets psi_r = (psi_d - r sign(b) psi_b) / |b|
 * (the delta method).
 */
export function analyticInterval(c: Influence, b: Influence, confidence: number): PairedInterval {
  const n = c.psi.length;
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const d = c.value - b.value;
  let sd = 0;
  let sr = 0;
  const absB = Math.abs(b.value);
  const r = absB > 0 ? d / absB : NaN;
  const sign = Math.sign(b.value);
  for (let i = 0; i < n; i++) {
    const pd = c.psi[i]! - b.psi[i]!;
    sd += pd * pd;
    if (absB > 0) {
      const pr = (pd - r * sign * b.psi[i]!) / absB;
      sr += pr * pr;
    }
  }
  const half = (z * Math.sqrt(sd)) / n;
  const halfR = (z * Math.sqrt(sr)) / n;
  return {
    delta: [d - half, d + half],
    relative: absB > 0 ? [r - halfR, r + halfR] : null,
    undefinedResamples: 0,
    method: c.method,
  };
}
