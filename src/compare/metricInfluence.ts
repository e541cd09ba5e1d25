import type { ClassificationPredictions, Predictions, RegressionPredictions } from "../model/evaluate/predictions.js";
import { LOG_LOSS_EPS } from "../model/metrics/logLoss.js";
import { argsortFloat64 } from "../stats/argsortFloat64.js";
import { delongPlacements } from "../stats/delongPlacements.js";

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
  return influenceCalculator(p)(name);
}

/**
 * metricInfluence for one model's metrics one at a time, sharing the work they have in common: each class's scores
 * are sorted once for both ROC AUC (DeLong) and average precision.
 */
export function influenceCalculator(p: Predictions): (name: string) => Influence | null {
  const ranked = new Map<number, RankedScores>();
  return (name) => {
    const inf = p.task === "regression" ? regression(name, p) : classification(name, p, ranked);
    if (!inf || !Number.isFinite(inf.value)) return null;
    for (let i = 0; i < inf.psi.length; i++) if (!Number.isFinite(inf.psi[i]!)) return null;
    return inf;
  };
}

/** One class's scores, whether each row is of that class, and the rows in ascending score order. */
interface RankedScores {
  score: Float64Array;
  positive: Uint8Array;
  order: Int32Array | null;
}

function rankedScores(p: ClassificationPredictions, k: number, cache: Map<number, RankedScores>): RankedScores {
  let r = cache.get(k);
  if (r) return r;
  const n = p.rowCount;
  const C = p.classes.length;
  const proba = p.proba!;
  const score = new Float64Array(n);
  const positive = new Uint8Array(n);
  let nan = false;
  for (let i = 0; i < n; i++) {
    const s = proba[i * C + k]!;
    score[i] = s;
    positive[i] = p.yTrue[i] === k ? 1 : 0;
    if (s !== s) nan = true;
  }
  r = { score, positive, order: nan ? null : argsortFloat64(score) };
  cache.set(k, r);
  return r;
}

/** psi of a mean: x_i - mean, with the n - 1 correction (in place). */
function meanInfluence(x: Float64Array, method: AnalyticMethod = "clt"): Influence {
  const n = x.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i]!;
  const value = s / n;
  const scale = Math.sqrt(n / (n - 1));
  for (let i = 0; i < n; i++) x[i] = (x[i]! - value) * scale;
  return { value, psi: x, method };
}

function classification(
  name: string,
  p: ClassificationPredictions,
  ranked: Map<number, RankedScores>,
): Influence | null {
  const n = p.rowCount;
  const C = p.classes.length;
  const pos = p.positiveIndex ?? 1;
  const { yTrue, yPred } = p;
  switch (name) {
    case "accuracy": {
      const x = new Float64Array(n);
      for (let i = 0; i < n; i++) x[i] = yTrue[i] === yPred[i] ? 1 : 0;
      return meanInfluence(x);
    }
    case "log_loss": {
      if (!p.proba) return null;
      // Row i's term of logLoss (src/model/metrics/logLoss.ts): probabilities clipped, the row renormalised.
      const proba = p.proba;
      const hi = 1 - LOG_LOSS_EPS;
      const x = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const base = i * C;
        let rowSum = 0;
        for (let k = 0; k < C; k++) {
          const v = proba[base + k]!;
          rowSum += v < LOG_LOSS_EPS ? LOG_LOSS_EPS : v > hi ? hi : v;
        }
        const v = proba[base + yTrue[i]!]!;
        x[i] = -Math.log((v < LOG_LOSS_EPS ? LOG_LOSS_EPS : v > hi ? hi : v) / rowSum);
      }
      return meanInfluence(x);
    }
    case "brier": {
      if (!p.proba || p.task !== "binary") return null;
      const x = new Float64Array(n);
      for (let i = 0; i < n; i++) x[i] = ((yTrue[i] === pos ? 1 : 0) - p.proba[i * C + pos]!) ** 2;
      return meanInfluence(x);
    }
    case "roc_auc":
    case "pr_auc": {
      if (!p.proba) return null;
      const targets = p.task === "binary" ? [pos] : Array.from({ length: C }, (_, k) => k);
      const parts = targets.map((k) => {
        const r = rankedScores(p, k, ranked);
        return name === "roc_auc"
          ? rocAucInfluence(r.score, r.positive, r.order ?? undefined)
          : averagePrecisionInfluence(r.score, r.positive, r.order ?? undefined);
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
  const denominator = (k: number, kind: RatioKind) =>
    kind === "precision" ? predicted[k]! : kind === "recall" ? truth[k]! : truth[k]! + predicted[k]!;
  const ratio = (k: number, kind: RatioKind): Float64Array => {
    const psi = new Float64Array(n);
    const den = denominator(k, kind);
    if (den === 0) return psi; // scikit-learn's zero_division=0: a constant, no variance
    const hit = kind === "f1" ? 2 : 1;
    const r = (hit * tp[k]!) / den;
    const f = n / den;
    // psi_i = (a_i - r b_i) n / den, a_i = hit when row i is a true positive of k; one loop per kind keeps it tight.
    if (kind === "precision") {
      for (let i = 0; i < n; i++) if (yPred[i] === k) psi[i] = ((yTrue[i] === k ? hit : 0) - r) * f;
    } else if (kind === "recall") {
      for (let i = 0; i < n; i++) if (yTrue[i] === k) psi[i] = ((yPred[i] === k ? hit : 0) - r) * f;
    } else {
      for (let i = 0; i < n; i++) {
        const t = yTrue[i] === k;
        const q = yPred[i] === k;
        if (t || q) psi[i] = ((t && q ? hit : 0) - r * ((t ? 1 : 0) + (q ? 1 : 0))) * f;
      }
    }
    return psi;
  };
  const value = (k: number, kind: RatioKind) => {
    const den = denominator(k, kind);
    return den === 0 ? 0 : ((kind === "f1" ? 2 : 1) * tp[k]!) / den;
  };
  const average = (kind: RatioKind, include: (k: number) => boolean): Influence => {
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
      out = average(name.replace("_macro", "") as RatioKind, present);
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

type RatioKind = "precision" | "recall" | "f1";

function averageOf(parts: Influence[], method: AnalyticMethod): Influence {
  const n = parts[0]?.psi.length ?? 0;
  if (parts.length === 0) return { value: NaN, psi: new Float64Array(n), method };
  // One part (a binary curve, a single class present): its own influence, without a copy of n numbers.
  if (parts.length === 1) return { ...parts[0]!, method };
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
export function rocAucInfluence(score: Float64Array, positive: Uint8Array, order?: Int32Array): Influence {
  const d = delongPlacements(score, positive, order);
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
 * `order` (the rows by ascending score, argsortFloat64) is computed when not given.
 */
export function averagePrecisionInfluence(score: Float64Array, positive: Uint8Array, order?: Int32Array): Influence {
  const n = score.length;
  const psi = new Float64Array(n);
  for (let i = 0; i < n; i++) if (score[i] !== score[i]) return { value: NaN, psi, method: "delta" };
  const ascending = order ?? argsortFloat64(score);
  // Walk the rows from the highest score down, in rank space (sequential arrays): group g holds the rows of the g-th
  // highest distinct score; rank r's group and class are kept so the second walk reads nothing at random.
  const groupAt = new Int32Array(n);
  const positiveAt = new Uint8Array(n);
  const a = new Float64Array(n);
  const rows = new Float64Array(n);
  let G = -1;
  let P = 0;
  let previous = NaN;
  for (let r = 0; r < n; r++) {
    const i = ascending[n - 1 - r]!;
    const s = score[i]!;
    if (s !== previous) G++;
    previous = s;
    groupAt[r] = G;
    rows[G]!++;
    if (positive[i]) {
      positiveAt[r] = 1;
      a[G]!++;
      P++;
    }
  }
  G++;
  if (P === 0) return { value: NaN, psi, method: "delta" };
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
  for (let r = 0; r < n; r++) {
    const g = groupAt[r]!;
    psi[ascending[n - 1 - r]!] = ((positiveAt[r] ? h[g]! - ap + r1[g]! : 0) - r2[g]!) * scale;
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
