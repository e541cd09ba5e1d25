import { pairwiseSum } from "./pairwiseSum.js";

/**
 * Population Stability Index between two vectors of bin proportions:
 *   PSI = sum_i (c_i - r_i) ln(c_i / r_i),  with r_i, c_i first raised to at least `floor` (np.clip(p, floor, None)).
 * Every term is >= 0, so PSI >= 0, and it is 0 for identical proportions. The floor keeps empty bins finite.
 * Convention: the numpy peer `np.sum((pc - pr) * np.log(pc / pr))`, summed in numpy's pairwise order.
 * Common reading: < 0.1 stable, 0.1-0.25 moderate shift, > 0.25 major shift.
 *
 * Example: populationStabilityIndex([0.5, 0.5], [0.4, 0.6]) -> 0.1 ln(1.2) - 0.1 ln(0.8) = 0.04054651081081642
 */
export function populationStabilityIndex(
  refProportions: ArrayLike<number>,
  curProportions: ArrayLike<number>,
  floor = 1e-4,
): number {
  const k = refProportions.length;
  if (curProportions.length !== k) {
    throw new RangeError(`populationStabilityIndex: ${k} vs ${curProportions.length} bins`);
  }
  if (!(floor > 0)) throw new RangeError("populationStabilityIndex: floor must be positive");
  const terms = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const r0 = refProportions[i]!;
    const c0 = curProportions[i]!;
    if (Number.isNaN(r0) || Number.isNaN(c0)) throw new RangeError(`populationStabilityIndex: NaN in bin ${i}`);
    const r = r0 < floor ? floor : r0;
    const c = c0 < floor ? floor : c0;
    terms[i] = (c - r) * Math.log(c / r);
  }
  return pairwiseSum(terms);
}
