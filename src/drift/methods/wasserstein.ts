import { ldexp } from "../../stats/ldexp.js";
import { binaryExponent, momentsStd, scaledMoments } from "../../stats/scaledMoments.js";
import { wassersteinDistance } from "../../stats/wassersteinDistance.js";
import type { DriftMethod, NumericSample } from "./driftMethod.js";
import { cdfsAtBuckets, sketchPair } from "./sketchComparison.js";

/**
 * First Wasserstein (earth mover's) distance divided by the reference's population standard deviation (ddof = 0) of
 * its finite values, so 0.1 reads as "a tenth of a standard deviation of mass moved". A constant reference is not
 * normalised. With a sketch on either side the integral runs over bucket representatives (relative error of the
 * sketch; infinities are their own exact values, as on the exact path).
 *
 * The distance is taken in units of a power of two near that standard deviation, so the ratio neither overflows for
 * values near 1e308 nor reads as "constant" for values near 1e-160: it is scale-free, as it should be. Infinite values
 * make it +Infinity (drift) when the two sides put different shares at an infinity (see wassersteinDistance).
 */
export const wasserstein: DriftMethod = {
  name: "wasserstein",
  kinds: ["numeric"],
  decision: "distance",
  defaultThreshold: 0.1,
  description: "Wasserstein distance in reference standard deviations",
  numeric(ref, cur) {
    const std = populationStd(ref);
    const normalised = std !== null && std > 0;
    const scale = normalised ? ldexp(1, binaryExponent(std)) : 1;
    let distance: number;
    if (ref.form === "exact" && cur.form === "exact") {
      distance = wassersteinDistance(ref.sorted, cur.sorted, scale);
    } else {
      const [a, b] = sketchPair(ref, cur);
      const { keys, fa, fb } = cdfsAtBuckets(a, b);
      distance = 0;
      for (let i = 0; i + 1 < keys.length; i++) {
        const dF = Math.abs(fa[i]! - fb[i]!);
        if (dF !== 0) distance += dF * (a.keyValue(keys[i + 1]!) / scale - a.keyValue(keys[i]!) / scale);
      }
    }
    if (!normalised) return { statistic: distance, note: "reference is constant: distance not normalised" };
    return { statistic: distance / (std / scale) };
  },
};

function populationStd(s: NumericSample): number | null {
  if (s.form === "sketch") return s.std0;
  return momentsStd(scaledMoments(s.sorted), 0);
}
