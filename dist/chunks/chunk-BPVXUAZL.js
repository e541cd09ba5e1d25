import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  radixSortFloat64
} from "./chunk-R7MEBYWB.js";

// src/model/metrics/binaryCurve.ts
function binaryCurve(scores, isPositive) {
  const n = scores.length;
  if (isPositive.length !== n) throw new RangeError(`${n} scores but ${isPositive.length} labels`);
  let positives = 0;
  for (let i2 = 0; i2 < n; i2++) if (isPositive[i2]) positives++;
  const pos = new Float64Array(positives);
  const neg = new Float64Array(n - positives);
  let a = 0;
  let b = 0;
  for (let i2 = 0; i2 < n; i2++) {
    const s = scores[i2];
    if (s !== s) throw new RangeError(`score at row ${i2} is NaN`);
    if (isPositive[i2]) pos[a++] = s;
    else neg[b++] = s;
  }
  const posSorted = radixSortFloat64(pos);
  const negSorted = radixSortFloat64(neg);
  const thresholds = new Float64Array(n);
  const tps = new Float64Array(n);
  const fps = new Float64Array(n);
  let i = posSorted.length - 1;
  let j = negSorted.length - 1;
  let tp = 0;
  let fp = 0;
  let m = 0;
  while (i >= 0 || j >= 0) {
    let t;
    if (i < 0) t = negSorted[j];
    else if (j < 0) t = posSorted[i];
    else t = posSorted[i] > negSorted[j] ? posSorted[i] : negSorted[j];
    while (i >= 0 && posSorted[i] === t) {
      tp++;
      i--;
    }
    while (j >= 0 && negSorted[j] === t) {
      fp++;
      j--;
    }
    thresholds[m] = t;
    tps[m] = tp;
    fps[m] = fp;
    m++;
  }
  return {
    thresholds: thresholds.subarray(0, m),
    tps: tps.subarray(0, m),
    fps: fps.subarray(0, m),
    positives,
    negatives: n - positives
  };
}

// src/model/metrics/rocAuc.ts
function rocAuc(curve) {
  const { tps, fps, positives, negatives } = curve;
  if (positives === 0 || negatives === 0) return void 0;
  let area2 = 0;
  let prevTp = 0;
  let prevFp = 0;
  for (let k = 0; k < tps.length; k++) {
    const tp = tps[k];
    const fp = fps[k];
    area2 += (fp - prevFp) * (tp + prevTp);
    prevTp = tp;
    prevFp = fp;
  }
  return area2 / (2 * positives * negatives);
}

export {
  binaryCurve,
  rocAuc
};
