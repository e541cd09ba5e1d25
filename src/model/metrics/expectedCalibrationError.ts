/**
 * Expected calibration error of the top label. Each row's confidence is its largest probability (ties: lowest
 * class index) and it is correct when that class is the true one. Rows fall into `bins` equal-width bins
 * (0, 1/b], (1/b, 2/b], ..., ((b-1)/b, 1] by their confidence (edges k/b, right edge included; a confidence of 0
 * goes to the first bin), and
 *
 *   ECE = sum over non-empty bins B of |B| / N * |accuracy(B) - mean confidence(B)|.
 *
 * For binary problems the top label is the predicted class, so the confidence is max(p, 1 - p), not the
 * positive-class probability. The predicted class here is always the argmax of `proba`, whatever labels the model
 * reported. 0 is perfectly calibrated; the largest possible value is 1.
 *
 * Example: expectedCalibrationError(Int32Array.of(1, 0), Float64Array.of(0.1, 0.9, 0.3, 0.7), 2)
 *   -> 0.39999999999999997 = 1/2 * |1 - 0.9| + 1/2 * |0 - 0.7|
 *   (a correct row in bin (0.8, 0.9], a wrong one in (0.6, 0.7])
 */
export function expectedCalibrationError(
  yTrue: Int32Array,
  proba: Float64Array,
  classCount: number,
  bins = 10,
): number {
  const n = yTrue.length;
  if (proba.length !== n * classCount)
    throw new RangeError(`proba has ${proba.length} values, expected ${n} rows x ${classCount} classes`);
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins must be a positive integer, got ${bins}`);
  const count = new Float64Array(bins);
  const correct = new Float64Array(bins);
  const confidence = new Float64Array(bins);
  for (let i = 0; i < n; i++) {
    const base = i * classCount;
    let top = 0;
    let conf = proba[base]!;
    for (let k = 1; k < classCount; k++) {
      if (proba[base + k]! > conf) {
        conf = proba[base + k]!;
        top = k;
      }
    }
    const b = binOf(conf, bins);
    count[b]!++;
    confidence[b]! += conf;
    if (top === yTrue[i]) correct[b]!++;
  }
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    const c = count[b]!;
    if (c === 0) continue;
    ece += (c / n) * Math.abs(correct[b]! / c - confidence[b]! / c);
  }
  return ece;
}

/** Index b with b/bins < x <= (b+1)/bins (edges computed as k/bins), clamped to [0, bins - 1]. */
export function binOf(x: number, bins: number): number {
  let b = Math.ceil(x * bins) - 1;
  if (b < 0) return 0;
  if (b > bins - 1) b = bins - 1;
  while (b > 0 && x <= b / bins) b--;
  while (b < bins - 1 && x > (b + 1) / bins) b++;
  return b;
}
