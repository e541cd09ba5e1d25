import { ksExactPValue, ksTwoSample, roundHalfEven } from "../../stats/ksTwoSample.js";
import { kolmogorovTwoSidedSf } from "../../stats/kolmogorovTwoSidedSf.js";
import type { DriftMethod } from "./driftMethod.js";
import { cdfsAtBuckets, sketchPair } from "./sketchComparison.js";

/**
 * Two-sample Kolmogorov-Smirnov. Exact samples: D and p-value as scipy.stats.ks_2samp (exact when max(n, m) <= 10,000,
 * else kstwo.sf(D, round(n m / (n + m)))). With a sketch on either side, D is taken at the bucket boundaries, where
 * both CDFs are exact, and is within `approximation_error` (the largest single-bucket mass) of the exact D; its
 * p-value is the asymptotic one, except for one value per side, whose effective sample size round(1/2) = 0 has no
 * asymptotic distribution: there, as on the exact path, p is the exact one (1 whatever D, scipy's ks_2samp([0], [1])).
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
    const n = a.count;
    const m = b.count;
    const nEff = roundHalfEven((n * m) / (n + m));
    return {
      statistic: d,
      p_value: nEff >= 1 ? kolmogorovTwoSidedSf(d, nEff) : ksExactPValue(d, n, m),
      approximation_error: maxMass,
    };
  },
};
