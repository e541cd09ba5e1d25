import { ksPValue, ksTwoSample } from "../../stats/ksTwoSample.js";
import type { DriftMethod } from "./driftMethod.js";
import { cdfsAtBuckets, sketchPair } from "./sketchComparison.js";

/**
 * Two-sample Kolmogorov-Smirnov. Exact samples: D and p-value as scipy.stats.ks_2samp (exact when max(n, m) <= 10,000,
 * else kstwo.sf(D, round(n m / (n + m)))). With a sketch on either side, D is taken at the bucket boundaries, where
 * both CDFs are exact, and is within `approximation_error` (the largest single-bucket mass) of the exact D; its
 * p-value is chosen by the exact path's rule for the two counts (ksPValue, "auto"): exact on D rounded to the lattice
 * when max(n, m) <= 10,000, so three values against three far away give scipy's 0.1, not the asymptotic 0.
 */
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
    return { statistic: d, p_value: ksPValue(d, a.count, b.count, "auto").pValue, approximation_error: maxMass };
  },
};
