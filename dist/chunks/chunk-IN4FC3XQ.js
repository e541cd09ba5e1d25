import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);

// src/performance/cbpe/cbpeMetric.ts
var CBPE_METRICS = ["accuracy", "precision", "recall", "f1", "roc_auc"];

// src/performance/cbpe/calibrateProbability.ts
function calibrateProbability(fit, v) {
  const { x, y } = fit;
  const n = x.length;
  if (n === 1) return y[0];
  if (v !== v) return NaN;
  if (v < x[0]) v = x[0];
  else if (v > x[n - 1]) v = x[n - 1];
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = lo + hi >>> 1;
    if (x[mid] < v) lo = mid;
    else hi = mid;
  }
  const slope = (y[hi] - y[lo]) / (x[hi] - x[lo]);
  return slope * (v - x[lo]) + y[lo];
}

export {
  CBPE_METRICS,
  calibrateProbability
};
