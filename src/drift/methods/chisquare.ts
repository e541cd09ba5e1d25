import { chiSquareContingency } from "../../stats/chiSquareContingency.js";
import { categoryShares } from "./categoryShares.js";
import type { DriftMethod } from "./driftMethod.js";

/**
 * Pearson's chi-square test of homogeneity on the 2 x k table of reference and current category counts, without
 * continuity correction (scipy.stats.chi2_contingency(..., correction=False)). Both sides are samples: unlike a
 * goodness-of-fit test, the reference is not treated as the exact truth.
 */
export const chisquare: DriftMethod = {
  name: "chisquare",
  kinds: ["categorical"],
  decision: "p_value",
  defaultThreshold: 0.05,
  description: "chi-square test of homogeneity",
  categorical(ref, cur) {
    const { refCounts, curCounts } = categoryShares(ref, cur);
    const r = chiSquareContingency(refCounts, curCounts);
    return { statistic: r.statistic, p_value: r.pValue };
  },
};
