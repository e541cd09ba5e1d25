import { binCounts } from "../../stats/binCounts.js";
import { populationStabilityIndex } from "../../stats/populationStabilityIndex.js";
import { psiBinEdges } from "../../stats/psiBinEdges.js";
import type { DriftMethod, NumericSample } from "./driftMethod.js";
import { proportionsInKeyBins, referenceKeyBins, sketchPair } from "./sketchComparison.js";
import { categoryShares } from "./categoryShares.js";

/**
 * Proportions of both sides in the reference's quantile bins (exact: numpy's quantiles; sketch: bucket-aligned). The
 * exact ones in their count arrays: two arrays and two copies a column were some 1.2 KB of garbage each (120 MB of
 * sampled allocations for drift of 100,000 columns).
 */
export function binnedProportions(
  ref: NumericSample,
  cur: NumericSample,
  bins: number,
): [ArrayLike<number>, ArrayLike<number>] {
  if (ref.form === "exact" && cur.form === "exact") {
    const edges = psiBinEdges(ref.sorted, bins);
    return [
      shares(binCounts(ref.sorted, edges), ref.sorted.length),
      shares(binCounts(cur.sorted, edges), cur.sorted.length),
    ];
  }
  const [a, b] = sketchPair(ref, cur);
  const reference = referenceKeyBins(ref, a, bins);
  return [reference.proportions, proportionsInKeyBins(b, reference.keys)];
}

/** Counts into shares of n, in place. */
function shares(counts: Float64Array, n: number): Float64Array {
  for (let i = 0; i < counts.length; i++) counts[i] = counts[i]! / n;
  return counts;
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
    return { statistic: populationStabilityIndex(r, c) };
  },
  categorical(ref, cur) {
    const { ref: r, cur: c } = categoryShares(ref, cur);
    return { statistic: populationStabilityIndex(r, c) };
  },
};
