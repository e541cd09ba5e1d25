/**
 * Confusion matrix with scikit-learn's orientation: `m[t][p]` counts rows whose true class is t and predicted class
 * is p (rows = true, columns = predicted), over all `classCount` classes whether present or not
 * (`confusion_matrix(y_true, y_pred, labels=range(C))`).
 *
 * Example: confusionMatrix(Int32Array.of(0, 1, 1), Int32Array.of(0, 0, 1), 2) -> [[1, 0], [1, 1]]
 */
export function confusionMatrix(yTrue: Int32Array, yPred: Int32Array, classCount: number): number[][] {
  if (yTrue.length !== yPred.length)
    throw new RangeError(`yTrue has ${yTrue.length} rows but yPred has ${yPred.length}`);
  const counts = new Float64Array(classCount * classCount);
  for (let i = 0; i < yTrue.length; i++) {
    const t = yTrue[i]!;
    const p = yPred[i]!;
    if (!(t >= 0 && t < classCount && p >= 0 && p < classCount))
      throw new RangeError(`row ${i}: class index out of range 0..${classCount - 1} (true ${t}, predicted ${p})`);
    counts[t * classCount + p]!++;
  }
  const out: number[][] = [];
  for (let t = 0; t < classCount; t++) out.push(Array.from(counts.subarray(t * classCount, (t + 1) * classCount)));
  return out;
}
