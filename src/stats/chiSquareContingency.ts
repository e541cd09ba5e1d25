import { chiSquareSf } from "./chiSquareSf.js";
import { pairwiseSum } from "./pairwiseSum.js";

export interface ChiSquareContingencyResult {
  /** Pearson's X^2 = sum (O - E)^2 / E over the 2 x k table. */
  statistic: number;
  /** Degrees of freedom, k - 1 after dropping empty categories. */
  dof: number;
  /** P(chi2(dof) >= statistic). */
  pValue: number;
}

/**
 * Pearson's chi-square test of homogeneity on the 2 x k table whose rows are countsA and countsB, equal to
 * `scipy.stats.chi2_contingency(np.vstack([countsA, countsB]), correction=False)`.
 *
 * Formula: E_ij = R_i C_j / N (row totals R, column totals C, grand total N);
 *   X^2 = sum_ij (O_ij - E_ij)^2 / E_ij,  dof = k - 1,  p = chiSquareSf(X^2, dof).
 * Convention: categories whose column total is 0 are dropped first (scipy would raise: an expected count of 0);
 * with fewer than 2 categories left the result is { statistic: 0, dof: 0, pValue: 1 } (scipy's dof = 0 case).
 * Sums are taken in numpy's order (pairwise, row-major), so the statistic agrees with scipy to the last bit or so.
 * Throws RangeError for different lengths, negative or non-finite counts, or a row whose total is 0 (an empty
 * sample: scipy raises too).
 *
 * Example: chiSquareContingency([10, 20, 30], [20, 20, 20]) -> { statistic: 5.333333333333334, dof: 2,
 *   pValue: 0.06948345122280153 }
 */
export function chiSquareContingency(
  countsA: ArrayLike<number>,
  countsB: ArrayLike<number>,
): ChiSquareContingencyResult {
  if (countsA.length !== countsB.length) {
    throw new RangeError(`chiSquareContingency: ${countsA.length} vs ${countsB.length} categories`);
  }
  const kept: number[] = [];
  for (let j = 0; j < countsA.length; j++) {
    const a = countsA[j]!;
    const b = countsB[j]!;
    if (!(a >= 0 && b >= 0 && Number.isFinite(a) && Number.isFinite(b))) {
      throw new RangeError(`chiSquareContingency: counts must be finite and >= 0 (category ${j}: ${a}, ${b})`);
    }
    if (a + b > 0) kept.push(j);
  }
  const k = kept.length;
  if (k < 2) return { statistic: 0, dof: 0, pValue: 1 };
  // observed, row-major: row A then row B
  const observed = new Float64Array(2 * k);
  for (let c = 0; c < k; c++) {
    observed[c] = countsA[kept[c]!]!;
    observed[k + c] = countsB[kept[c]!]!;
  }
  const rowA = pairwiseSum(observed, 0, k);
  const rowB = pairwiseSum(observed, k, 2 * k);
  if (rowA === 0 || rowB === 0) throw new RangeError("chiSquareContingency: one sample has no counts");
  const total = pairwiseSum(observed);
  const terms = new Float64Array(2 * k);
  for (let c = 0; c < k; c++) {
    const col = observed[c]! + observed[k + c]!;
    const ea = (rowA * col) / total;
    const eb = (rowB * col) / total;
    const da = observed[c]! - ea;
    const db = observed[k + c]! - eb;
    terms[c] = (da * da) / ea;
    terms[k + c] = (db * db) / eb;
  }
  const statistic = pairwiseSum(terms);
  const dof = k - 1;
  return { statistic, dof, pValue: chiSquareSf(statistic, dof) };
}
