import type { ClassificationPredictions, Predictions, RegressionPredictions } from "../model/evaluate/predictions.js";
import { logLoss } from "../model/metrics/logLoss.js";
import { delongPlacements } from "../stats/delongPlacements.js";
import { radixSortFloat64InPlace } from "../stats/radixSortFloat64.js";

/** How an analytic interval was derived: see README ("How intervals are computed"). */
export type AnalyticMethod = "clt" | "delta" | "delong";

/**
 * A metric's value and its per-row influence: psi[i] = n x the derivative of the metric with respect to row i's weight
 * at equal weights (the empirical influence function, or infinitesimal jackknife). The metric's variance is
 * sum(psi^2) / n^2, and a paired difference's is that of psiCandidate - psiBaseline, so the correlation of two models
 * scored on the same rows is accounted for. Scaled so means get the textbook s^2 / n (denominator n - 1) and ROC AUC
 * gets exactly DeLong's S10/m + S01/n.
 */
export interface Influence {
  value: number;
  psi: Float64Array;
  method: AnalyticMethod;
}

/**
 * The influence of `name` on these predictions, or null when the metric has no analytic interval here (ece and
 * median_ae are not smooth functions of means; mape's per-row terms are heavy-tailed when targets come near 0, where
 * the normal approximation fails: they keep the bootstrap) or is undefined (one class only).
 */
export function metricInfluence(name: string, p: Predictions): Influence | null {
  const out = p.task === "regression" ? regression(name, p) : classification(name, p);
  if (!out || !Number.isFinite(out.value)) return null;
  for (let i = 0; i < out.psi.length; i++) if (!Number.isFinite(out.psi[i]!)) return null;
  return out;
}

/** psi of a mean: x_i - mean, with the n - 1 correction. */
function meanInfluence(x: Float64Array, method: AnalyticMethod = "clt"): Influence {
  const n = x.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i]!;
  const value = s / n;
  const scale = Math.sqrt(n / (n - 1));
  return { value, psi: x.map((v) => (v - value) * scale), method };
}

function classification(name: string, p: ClassificationPredictions): Influence | null {
  const n = p.rowCount;
  const C = p.classes.length;
  const pos = p.positiveIndex ?? 1;
  const { yTrue, yPred } = p;
  switch (name) {
    case "accuracy":
      return meanInfluence(Float64Array.from(yTrue, (t, i) => (t === yPred[i] ? 1 : 0)));
    case "log_loss":
      if (!p.proba) return null;
      return meanInfluence(
        Float64Array.from(yTrue, (_, i) => logLoss(yTrue.subarray(i, i + 1), p.proba!.subarray(i * C, (i + 1) * C), C)),
      );
    case "brier":
      if (!p.proba || p.task !== "binary") return null;
      return meanInfluence(Float64Array.from(yTrue, (t, i) => ((t === pos ? 1 : 0) - p.proba![i * C + pos]!) ** 2));
    case "roc_auc":
    case "pr_auc": {
      if (!p.proba) return null;
      const targets = p.task === "binary" ? [pos] : Array.from({ length: C }, (_, k) => k);
      const parts = targets.map((k) => {
        const score = new Float64Array(n);
        const positive = new Uint8Array(n);
        for (let i = 0; i < n; i++) {
          score[i] = p.proba![i * C + k]!;
          positive[i] = yTrue[i] === k ? 1 : 0;
        }
        return name === "roc_auc" ? rocAucInfluence(score, positive) : averagePrecisionInfluence(score, positive);
      });
      return averageOf(parts, name === "roc_auc" ? "delong" : "delta");
    }
  }
  // Ratios of confusion counts: precision_k = TP_k / PP_k etc., each a ratio a/b of row means with
  // psi_i = (a_i - ratio b_i) / mean(b) (the delta method); averages of ratios average their psi.
  const tp = new Float64Array(C);
  const truth = new Float64Array(C);
  const predicted = new Float64Array(C);
  for (let i = 0; i < n; i++) {
    truth[yTrue[i]!]!++;
    predicted[yPred[i]!]!++;
    if (yTrue[i] === yPred[i]) tp[yTrue[i]!]!++;
  }
  const ratio = (k: number, kind: "precision" | "recall" | "f1"): Float64Array => {
    const psi = new Float64Array(n);
    const den = kind === "precision" ? predicted[k]! : kind === "recall" ? truth[k]! : truth[k]! + predicted[k]!;
    if (den === 0) return psi; // scikit-learn's zero_division=0: a constant, no variance
    const num = kind === "f1" ? 2 * tp[k]! : tp[k]!;
    const r = num / den;
    for (let i = 0; i < n; i++) {
      const hit = yTrue[i] === k && yPred[i] === k ? 1 : 0;
      const a = kind === "f1" ? 2 * hit : hit;
      const b =
        kind === "precision"
          ? +(yPred[i] === k)
          : kind === "recall"
            ? +(yTrue[i] === k)
            : +(yTrue[i] === k) + +(yPred[i] === k);
      psi[i] = ((a - r * b) * n) / den;
    }
    return psi;
  };
  const value = (k: number, kind: "precision" | "recall" | "f1") => {
    const den = kind === "precision" ? predicted[k]! : kind === "recall" ? truth[k]! : truth[k]! + predicted[k]!;
    return den === 0 ? 0 : ((kind === "f1" ? 2 : 1) * tp[k]!) / den;
  };
  const average = (kind: "precision" | "recall" | "f1", include: (k: number) => boolean): Influence => {
    const ks = Array.from({ length: C }, (_, k) => k).filter(include);
    return averageOf(
      ks.map((k) => ({ value: value(k, kind), psi: ratio(k, kind), method: "delta" as const })),
      "delta",
    );
  };
  const present = (k: number) => truth[k]! + predicted[k]! > 0;
  let out: Influence;
  switch (name) {
    case "precision":
    case "recall":
    case "f1":
      out = { value: value(pos, name), psi: ratio(pos, name), method: "delta" };
      break;
    case "balanced_accuracy":
      out = average("recall", (k) => truth[k]! > 0);
      break;
    case "precision_macro":
    case "recall_macro":
    case "f1_macro":
      out = average(name.replace("_macro", "") as "precision" | "recall" | "f1", present);
      break;
    case "f1_weighted": {
      // sum_k f1_k s_k with s_k = truth_k / n: the product rule on each term.
      const psi = new Float64Array(n);
      let v = 0;
      for (let k = 0; k < C; k++) {
        const f = value(k, "f1");
        const s = truth[k]! / n;
        v += f * s;
        const pf = ratio(k, "f1");
        for (let i = 0; i < n; i++) psi[i]! += pf[i]! * s + f * ((yTrue[i] === k ? 1 : 0) - s);
      }
      out = { value: v, psi, method: "delta" };
      break;
    }
    default:
      return null;
  }
  const scale = Math.sqrt(n / (n - 1));
  for (let i = 0; i < n; i++) out.psi[i]! *= scale;
  return out;
}

function averageOf(parts: Influence[], method: AnalyticMethod): Influence {
  const n = parts[0]?.psi.length ?? 0;
  if (parts.length === 0) return { value: NaN, psi: new Float64Array(n), method };
  const psi = new Float64Array(n);
  let value = 0;
  for (const part of parts) {
    value += part.value;
    for (let i = 0; i < n; i++) psi[i]! += part.psi[i]!;
  }
  for (let i = 0; i < n; i++) psi[i]! /= parts.length;
  return { value: value / parts.length, psi, method };
}

/**
 * DeLong: a positive's psi is (V10_i - AUC) n / m, a negative's (V01_j - AUC) n / nn, each class with its own n - 1
 * correction, so sum(psi^2) / n^2 = S10/m + S01/nn exactly.
 */
export function rocAucInfluence(score: Float64Array, positive: Uint8Array): Influence {
  const d = delongPlacements(score, positive);
  const n = score.length;
  const m = d.positives;
  const nn = d.negatives;
  const fp = (n / m) * Math.sqrt(m / (m - 1));
  const fn = (n / nn) * Math.sqrt(nn / (nn - 1));
  const psi = new Float64Array(n);
  for (let i = 0; i < n; i++) psi[i] = (d.placement[i]! - d.auc) * (positive[i] ? fp : fn);
  return { value: d.auc, psi, method: "delong" };
}

/**
 * Average precision (scikit-learn's step form, ties one threshold): AP = (1/P) sum_g a_g TP_g / K_g over thresholds g
 * in descending score order (a_g positives at g, TP_g and K_g positives and rows at or above g). Its exact derivative
 * with respect to the weight of a row k at threshold g_k is
 *   [y_k (h_gk - AP + R1_gk) - R2_gk] / P,  h_g = TP_g / K_g,  R1_g = sum_{h >= g} a_h / K_h,  R2_g = sum_{h >= g} a_h h_h / K_h
 * (sums over g_k and every lower threshold): the nonparametric delta method for this statistic.
 */
export function averagePrecisionInfluence(score: Float64Array, positive: Uint8Array): Influence {
  const n = score.length;
  const sorted = score.slice();
  radixSortFloat64InPlace(sorted);
  // Thresholds in descending order; group g holds the rows whose score equals thresholds[g].
  const thresholds: number[] = [];
  for (let j = n - 1; j >= 0; j--) if (j === n - 1 || sorted[j] !== sorted[j + 1]) thresholds.push(sorted[j]!);
  const G = thresholds.length;
  const groupOf = (s: number) => {
    let lo = 0;
    let hi = G - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (thresholds[mid]! > s) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const group = new Int32Array(n);
  const a = new Float64Array(G);
  const rows = new Float64Array(G);
  let P = 0;
  for (let i = 0; i < n; i++) {
    const g = groupOf(score[i]!);
    group[i] = g;
    rows[g]!++;
    if (positive[i]) {
      a[g]!++;
      P++;
    }
  }
  const psi = new Float64Array(n);
  if (P === 0 || Number.isNaN(sorted[n - 1]!)) return { value: NaN, psi, method: "delta" };
  const h = new Float64Array(G);
  let tp = 0;
  let k = 0;
  let sum = 0;
  for (let g = 0; g < G; g++) {
    tp += a[g]!;
    k += rows[g]!;
    h[g] = tp / k;
    sum += a[g]! * h[g]!;
  }
  const ap = sum / P;
  const r1 = new Float64Array(G);
  const r2 = new Float64Array(G);
  k = n;
  let s1 = 0;
  let s2 = 0;
  for (let g = G - 1; g >= 0; g--) {
    s1 += a[g]! / k;
    s2 += (a[g]! * h[g]!) / k;
    r1[g] = s1;
    r2[g] = s2;
    k -= rows[g]!;
  }
  const scale = (n / P) * Math.sqrt(n / (n - 1));
  for (let i = 0; i < n; i++) {
    const g = group[i]!;
    psi[i] = ((positive[i] ? h[g]! - ap + r1[g]! : 0) - r2[g]!) * scale;
  }
  return { value: ap, psi, method: "delta" };
}

function regression(name: string, p: RegressionPredictions): Influence | null {
  const { yTrue, yPred } = p;
  const n = p.rowCount;
  const err = Float64Array.from(yPred, (v, i) => v - yTrue[i]!);
  switch (name) {
    case "mse":
      return meanInfluence(err.map((e) => e * e));
    case "rmse": {
      const mse = meanInfluence(
        err.map((e) => e * e),
        "delta",
      );
      const value = Math.sqrt(mse.value);
      return { value, psi: value > 0 ? mse.psi.map((x) => x / (2 * value)) : mse.psi.fill(0), method: "delta" };
    }
    case "mae":
      return meanInfluence(err.map(Math.abs));
    case "r2": {
      // r2 = 1 - A / V, A = mean(err^2), V = mean((y - ybar)^2): psi = -(psi_A - (1 - r2) psi_V) / V.
      let ybar = 0;
      for (let i = 0; i < n; i++) ybar += yTrue[i]!;
      ybar /= n;
      const A = meanInfluence(err.map((e) => e * e));
      const V = meanInfluence(Float64Array.from(yTrue, (y) => (y - ybar) ** 2));
      if (V.value === 0) return null;
      const r2 = 1 - A.value / V.value;
      return {
        value: r2,
        psi: A.psi.map((x, i) => -(x - (1 - r2) * V.psi[i]!) / V.value),
        method: "delta",
      };
    }
  }
  return null;
}
