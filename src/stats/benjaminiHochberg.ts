/**
 * Benjamini-Hochberg adjusted p-values (false discovery rate, step-up), as statsmodels
 * `multipletests(p, method='fdr_bh')[1]`.
 *
 * Formula: with the m non-NaN p-values sorted ascending, p_(1) <= ... <= p_(m),
 *   adj_(i) = min(1, min_{j >= i} p_(j) / (j / m))
 * (statsmodels divides by the ECDF factor j / m computed as a double, and so do we). Adjusted values are >= the raw
 * ones and monotone in them. NaN entries stay NaN and do not count in m. Rejecting adj <= alpha controls the FDR at
 * alpha for independent (or positively dependent) tests.
 *
 * Example: benjaminiHochberg([0.01, 0.04, 0.03, NaN]) -> [0.030000000000000002, 0.04, 0.04, NaN]
 * (0.01 / (1 / 3): the same double statsmodels returns)
 */
export function benjaminiHochberg(pValues: ArrayLike<number>): Float64Array {
  const out = new Float64Array(pValues.length).fill(NaN);
  const idx: number[] = [];
  for (let i = 0; i < pValues.length; i++) {
    const p = pValues[i]!;
    if (Number.isNaN(p)) continue;
    if (!(p >= 0 && p <= 1)) throw new RangeError(`benjaminiHochberg: p-value ${p} at index ${i} is not in [0, 1]`);
    idx.push(i);
  }
  const m = idx.length;
  idx.sort((x, y) => pValues[x]! - pValues[y]!);
  let running = Infinity;
  for (let r = m - 1; r >= 0; r--) {
    const i = idx[r]!;
    const raw = pValues[i]! / ((r + 1) / m);
    if (raw < running) running = raw;
    out[i] = running > 1 ? 1 : running;
  }
  return out;
}
