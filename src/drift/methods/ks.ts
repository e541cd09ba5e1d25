import { ksPValue, ksTwoSample } from "../../stats/ksTwoSample.js";
import type { DriftMethod } from "./driftMethod.js";
import { cdfsAtBuckets, sketchPair } from "./sketchComparison.js";

/**
 * Two-sample Kolmogorov-Smirnov. Exact samples: D and p-value as scipy.stats.ks_2samp (exact when max(n, m) <= 10,000,
 * else kstwo.sf(D, round(n m / (n + m)))). With a sketch on either side, D is taken at the bucket boundaries, where
 * both CDFs are exact, and is within `approximation_error` (the largest single-bucket mass) of the exact D; its
 * p-value is chosen by the exact path's rule for the two counts (ksPValue, "auto"): exact on D rounded to the lattice
 * when max(n, m) <= 10,000, so three values against three far away give scipy's 0.1, not the asymptotic 0; but only
 * while n m <= SKETCH_EXACT_MAX_CELLS, past which it is the asymptotic one.
 */
/**
 * The largest n m for which KS against a sketch takes the exact p-value. Why a bound the exact path does not have: the
 * lattice sum costs up to n m steps (10,000 x 9,999 with a large D: 0.2-0.3 s a column), and the monitor scores each
 * window's columns on its event loop, where 100 such columns would stall ingest for half a minute. A million steps is
 * a few milliseconds; past it the asymptotic p-value (effective size at least 500) is close to the exact one, closer
 * than a sketch's D is to the samples' (approximation_error).
 */
export const SKETCH_EXACT_MAX_CELLS = 1_000_000;

export const ks: DriftMethod = {
  name: "ks",
  kinds: ["numeric"],
  decision: "p_value",
  defaultThreshold: 0.05,
  description: "two-sample Kolmogorov-Smirnov test",
  numeric(ref, cur) {
    if (ref.form === "exact" && cur.form === "exact") {
      const r = ksTwoSample(ref.sorted, cur.sorted, "auto");
      return { statistic: r.statistic, p_value: r.pValue };
    }
    const [a, b] = sketchPair(ref, cur);
    const { fa, fb, maxMass } = cdfsAtBuckets(a, b);
    let d = 0;
    for (let i = 0; i < fa.length; i++) d = Math.max(d, Math.abs(fa[i]! - fb[i]!));
    const method = a.count * b.count <= SKETCH_EXACT_MAX_CELLS ? "auto" : "asymp";
    return { statistic: d, p_value: ksPValue(d, a.count, b.count, method).pValue, approximation_error: maxMass };
  },
};
