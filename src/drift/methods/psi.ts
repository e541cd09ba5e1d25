import { binCounts } from "../../stats/binCounts.js";
import { populationStabilityIndex } from "../../stats/populationStabilityIndex.js";
import { psiBinEdges } from "../../stats/psiBinEdges.js";
import type { DriftMethod, NumericSample } from "./driftMethod.js";
import { proportionsInKeyBins, referenceKeyBins, sketchPair } from "./sketchComparison.js";
import { categoryShares } from "./categoryShares.js";

/** Proportions of both sides in the reference's quantile bins (exact: numpy's quantiles; sketch: bucket-aligned). */
export function binnedProportions(ref: NumericSample, cur: NumericSample, bins: number): [number[], number[]] {
  if (ref.form === "exact" && cur.form === "exact") {
    const edges = psiBinEdges(ref.sorted, bins);
    const rc = binCounts(ref.sorted, edges);
    const cc = binCounts(cur.sorted, edges);
    return [Array.from(rc, (c) => c / ref.sorted.length), Array.from(cc, (c) => c / cur.sorted.length)];
  }
  const [a, b] = sketchPair(ref, cur);
  const reference = referenceKeyBins(ref, a, bins);
  return [reference.proportions, proportionsInKeyBins(b, reference.keys)];
}

/**
 * Population Stability Index: sum((cur - ref) * ln(cur / ref)) over the reference's quantile bins (numeric) or the
 * categories of either side (categorical), both sides' shares floored at 1e-4. Rule of thumb: < 0.1 stable,
 * 0.1-0.25 moderate shift, > 0.25 major shift.
 */
export const psi: DriftMethod = {
  name: "psi",
  kinds: ["numeric", "categorical"],
  decision: "distance",
  defaultThreshold: 0.1,
  description: "population stability index",
  numeric(ref, cur, ctx) {
    const [r, c] = binnedProportions(ref, cur, ctx.bins);
    return { statistic: populationStabilityIndex(Float64Array.from(r), Float64Array.from(c)) };
  },
  categorical(ref, cur) {
    const { ref: r, cur: c } = categoryShares(ref, cur);
    return { statistic: populationStabilityIndex(r, c) };
  },
};
