import { jensenShannonDistance } from "../../stats/jensenShannonDistance.js";
import { categoryShares } from "./categoryShares.js";
import type { DriftMethod } from "./driftMethod.js";
import { binnedProportions } from "./psi.js";

/**
 * Jensen-Shannon distance (base 2, in [0, 1]) between the two sides' shares: over the reference's quantile bins for
 * numbers (the PSI bins, without the floor), over categories otherwise.
 */
export const jensenshannon: DriftMethod = {
  name: "jensenshannon",
  kinds: ["numeric", "categorical"],
  decision: "distance",
  defaultThreshold: 0.1,
  description: "Jensen-Shannon distance",
  numeric(ref, cur, ctx) {
    const [r, c] = binnedProportions(ref, cur, ctx.bins);
    return { statistic: jensenShannonDistance(r, c) };
  },
  categorical(ref, cur) {
    const { ref: r, cur: c } = categoryShares(ref, cur);
    return { statistic: jensenShannonDistance(r, c) };
  },
};
