import { wassersteinDistance } from "../../stats/wassersteinDistance.js";
import type { DriftMethod, NumericSample } from "./driftMethod.js";
import { cdfsAtBuckets, sketchPair } from "./sketchComparison.js";

/**
 * First Wasserstein (earth mover's) distance divided by the reference's population standard deviation (ddof = 0),
 * so 0.1 reads as "a tenth of a standard deviation of mass moved". A constant reference is not normalised.
 * With a sketch on either side the integral runs over bucket representatives (relative error of the sketch).
 */
export const wasserstein: DriftMethod = {
  name: "wasserstein",
  kinds: ["numeric"],
  decision: "distance",
  defaultThreshold: 0.1,
  description: "Wasserstein distance in reference standard deviations",
  numeric(ref, cur) {
    let distance: number;
    if (ref.form === "exact" && cur.form === "exact") {
      distance = wassersteinDistance(ref.sorted, cur.sorted);
    } else {
      const [a, b] = sketchPair(ref, cur);
      const { keys, fa, fb } = cdfsAtBuckets(a, b);
      distance = 0;
      for (let i = 0; i + 1 < keys.length; i++) {
        distance += Math.abs(fa[i]! - fb[i]!) * (a.keyValue(keys[i + 1]!) - a.keyValue(keys[i]!));
      }
    }
    const std = populationStd(ref);
    if (!(std !== null && std > 0))
      return { statistic: distance, note: "reference is constant: distance not normalised" };
    return { statistic: distance / std };
  },
};

function populationStd(s: NumericSample): number | null {
  if (s.form === "sketch") return s.std0;
  const x = s.sorted;
  if (x.length === 0) return null;
  let mean = 0;
  for (let i = 0; i < x.length; i++) mean += x[i]!;
  mean /= x.length;
  let ss = 0;
  for (let i = 0; i < x.length; i++) ss += (x[i]! - mean) * (x[i]! - mean);
  return Math.sqrt(ss / x.length);
}
