import { binaryCurve } from "../../model/metrics/binaryCurve.js";
import { rocAuc } from "../../model/metrics/rocAuc.js";
import { calibrateProbability } from "./calibrateProbability.js";
import { fitIsotonicRegression } from "./fitIsotonicRegression.js";

/** Whether isotonic calibration makes the scores better probabilities, and the cross-validated ECE either way. */
export interface CalibrationCheck {
  calibrate: boolean;
  /** Null when the check was not run (one class only, or the scores separate the classes: ROC AUC > 0.999). */
  eceBefore: number | null;
  eceAfter: number | null;
}

const FOLDS = 10;
const ECE_BINS = 10;

/**
 * NannyML's `needs_calibration`: fit the isotonic calibrator on 9/10 of the labelled reference and calibrate the
 * other tenth, ten times; pool the held-out rows and compare the expected calibration error of the raw scores with
 * that of the calibrated ones over 10 equal-frequency bins (rows sorted by the probability judged, cut into equal
 * counts; ECE = sum_b |B|/N * |mean p(B) - mean y(B)|). Calibration is used when it lowers the ECE. Where ours differs
 * (deterministic, reproducible in scripts/make_cbpe_fixtures.py): the ten folds are disjoint, each class dealt
 * round-robin in data order (NannyML: a seeded StratifiedShuffleSplit), and sorts are stable.
 *
 * Example: needsCalibration(scores that are the true probabilities, labels drawn from them) -> usually
 *   {calibrate: false, ...}, since an isotonic fit on 90% of the rows only adds noise.
 */
export function needsCalibration(yTrue: Uint8Array, score: Float64Array): CalibrationCheck {
  const n = yTrue.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += yTrue[i]!;
  if (positives === 0 || positives === n) return { calibrate: false, eceBefore: null, eceAfter: null };
  if (rocAuc(binaryCurve(score, yTrue))! > 0.999) return { calibrate: false, eceBefore: null, eceAfter: null };
  const fold = new Int32Array(n);
  const dealt = [0, 0];
  for (let i = 0; i < n; i++) fold[i] = dealt[yTrue[i]!]!++ % FOLDS;
  const heldY: number[] = [];
  const heldP: number[] = [];
  const heldC: number[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const trainX: number[] = [];
    const trainY: number[] = [];
    for (let i = 0; i < n; i++) {
      if (fold[i] === k) continue;
      trainX.push(score[i]!);
      trainY.push(yTrue[i]!);
    }
    const fit = fitIsotonicRegression(Float64Array.from(trainX), Float64Array.from(trainY));
    for (let i = 0; i < n; i++) {
      if (fold[i] !== k) continue;
      heldY.push(yTrue[i]!);
      heldP.push(score[i]!);
      heldC.push(calibrateProbability(fit, score[i]!));
    }
  }
  const eceBefore = equalFrequencyEce(heldY, heldP);
  const eceAfter = equalFrequencyEce(heldY, heldC);
  return { calibrate: eceBefore > eceAfter, eceBefore, eceAfter };
}

/** NannyML's `_calculate_expected_calibration_error` with `_get_bin_index_edges(n, 10)`, a stable sort. */
function equalFrequencyEce(y: number[], p: number[]): number {
  const n = p.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => p[a]! - p[b]! || a - b);
  // NannyML's edges are the multiples of n / 10 (rounded down) up to n, the last one moved to n: with a large
  // remainder that is more than 10 bins.
  const width = Math.floor(n / (n <= 2 * ECE_BINS ? Math.floor(n / 2) : ECE_BINS));
  const bins = Math.floor(n / width);
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    const left = b * width;
    const right = b === bins - 1 ? n : left + width;
    let sp = 0;
    let sy = 0;
    for (let k = left; k < right; k++) {
      sp += p[order[k]!]!;
      sy += y[order[k]!]!;
    }
    const count = right - left;
    ece += (count / n) * Math.abs(sp / count - sy / count);
  }
  return ece;
}
