/**
 * Predicted class of each row of a row-major [N, C] probability matrix: the column of the largest value, ties going
 * to the lowest index (numpy's `argmax(axis=1)`). NaN is never chosen over a number.
 *
 * Example: argmaxRows(Float64Array.of(0.2, 0.8, 0.5, 0.5), 2) -> Int32Array [1, 0]
 */
export function argmaxRows(proba: Float64Array, classCount: number): Int32Array {
  if (!Number.isInteger(classCount) || classCount < 1)
    throw new RangeError(`classCount must be >= 1, got ${classCount}`);
  if (proba.length % classCount !== 0)
    throw new RangeError(`proba has ${proba.length} values, not a multiple of ${classCount} classes`);
  const n = proba.length / classCount;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const base = i * classCount;
    let best = 0;
    let bestValue = proba[base]!;
    for (let k = 1; k < classCount; k++) {
      const v = proba[base + k]!;
      if (v > bestValue || (bestValue !== bestValue && v === v)) {
        best = k;
        bestValue = v;
      }
    }
    out[i] = best;
  }
  return out;
}
