import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  pairwiseSum
} from "./chunk-IX27OB3T.js";

// src/model/metrics/logLoss.ts
var LOG_LOSS_EPS = 2220446049250313e-31;
function logLoss(yTrue, proba, classCount) {
  const n = yTrue.length;
  if (proba.length !== n * classCount)
    throw new RangeError(`proba has ${proba.length} values, expected ${n} rows x ${classCount} classes`);
  const hi = 1 - LOG_LOSS_EPS;
  const losses = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const base = i * classCount;
    let rowSum = 0;
    for (let k = 0; k < classCount; k++) rowSum += clip(proba[base + k], LOG_LOSS_EPS, hi);
    const t = yTrue[i];
    if (!(t >= 0 && t < classCount)) throw new RangeError(`row ${i}: class index ${t} out of range`);
    losses[i] = -Math.log(clip(proba[base + t], LOG_LOSS_EPS, hi) / rowSum);
  }
  return pairwiseSum(losses) / n;
}
function clip(x, lo, hi) {
  return x < lo ? lo : x > hi ? hi : x;
}

export {
  LOG_LOSS_EPS,
  logLoss
};
