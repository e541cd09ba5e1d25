import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  LOG_LOSS_EPS
} from "./chunk-22WMU2UJ.js";

// src/stats/argsortFloat64.ts
function argsortFloat64(values) {
  const n = values.length;
  const bits = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  const lo = LITTLE_ENDIAN ? 0 : 1;
  const hi = 1 - lo;
  let keyLo = new Uint32Array(n);
  let keyHi = new Uint32Array(n);
  let order = new Int32Array(n);
  const counts = new Uint32Array(65536 * 4);
  for (let i = 0; i < n; i++) {
    let l = bits[2 * i + lo];
    let h = bits[2 * i + hi];
    if (h & 2147483648) {
      l = ~l >>> 0;
      h = ~h >>> 0;
    } else {
      h = (h ^ 2147483648) >>> 0;
    }
    keyLo[i] = l;
    keyHi[i] = h;
    order[i] = i;
    counts[l & 65535]++;
    counts[65536 + (l >>> 16)]++;
    counts[131072 + (h & 65535)]++;
    counts[196608 + (h >>> 16)]++;
  }
  if (n < 2) return order;
  let nextLo = new Uint32Array(n);
  let nextHi = new Uint32Array(n);
  let nextOrder = new Int32Array(n);
  for (let pass = 0; pass < 4; pass++) {
    const shift = (pass & 1) * 16;
    const base = pass * 65536;
    const digitOf = pass < 2 ? keyLo : keyHi;
    if (counts[base + (digitOf[0] >>> shift & 65535)] === n) continue;
    let sum = 0;
    for (let d = base; d < base + 65536; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    const digits = pass < 2 ? keyLo : keyHi;
    for (let i = 0; i < n; i++) {
      const j = counts[base + (digits[i] >>> shift & 65535)]++;
      nextLo[j] = keyLo[i];
      nextHi[j] = keyHi[i];
      nextOrder[j] = order[i];
    }
    [keyLo, nextLo] = [nextLo, keyLo];
    [keyHi, nextHi] = [nextHi, keyHi];
    [order, nextOrder] = [nextOrder, order];
  }
  return order;
}
var LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

// src/stats/delongPlacements.ts
function delongPlacements(score, positive, order) {
  const n = score.length;
  let m = 0;
  let hasNaN = false;
  for (let i = 0; i < n; i++) {
    m += positive[i] ? 1 : 0;
    if (score[i] !== score[i]) hasNaN = true;
  }
  const nn = n - m;
  const placement = new Float64Array(n);
  if (hasNaN || m === 0 || m === n) return { auc: NaN, positives: m, negatives: nn, placement: placement.fill(NaN) };
  order ??= argsortFloat64(score);
  let posBelow = 0;
  let negBelow = 0;
  for (let start = 0; start < n; ) {
    const s = score[order[start]];
    let end = start;
    let posIn = 0;
    while (end < n && score[order[end]] === s) posIn += positive[order[end++]] ? 1 : 0;
    const negIn = end - start - posIn;
    const v10 = (negBelow + 0.5 * negIn) / nn;
    const v01 = (m - (posBelow + posIn) + 0.5 * posIn) / m;
    for (let j = start; j < end; j++) {
      const i = order[j];
      placement[i] = positive[i] ? v10 : v01;
    }
    posBelow += posIn;
    negBelow += negIn;
    start = end;
  }
  let sum = 0;
  for (let i = 0; i < n; i++) if (positive[i]) sum += placement[i];
  return { auc: sum / m, positives: m, negatives: nn, placement };
}

// src/compare/metricInfluence.ts
function influenceCalculator(p) {
  const ranked = /* @__PURE__ */ new Map();
  return (name) => {
    const inf = p.task === "regression" ? regression(name, p) : classification(name, p, ranked);
    if (!inf || !Number.isFinite(inf.value)) return null;
    for (let i = 0; i < inf.psi.length; i++) if (!Number.isFinite(inf.psi[i])) return null;
    return inf;
  };
}
function rankedScores(p, k, cache) {
  let r = cache.get(k);
  if (r) return r;
  const n = p.rowCount;
  const C = p.classes.length;
  const proba = p.proba;
  const score = new Float64Array(n);
  const positive = new Uint8Array(n);
  let nan = false;
  for (let i = 0; i < n; i++) {
    const s = proba[i * C + k];
    score[i] = s;
    positive[i] = p.yTrue[i] === k ? 1 : 0;
    if (s !== s) nan = true;
  }
  r = { score, positive, order: nan ? null : argsortFloat64(score) };
  cache.set(k, r);
  return r;
}
function meanInfluence(x, method = "clt") {
  const n = x.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i];
  const value = s / n;
  const scale = Math.sqrt(n / (n - 1));
  for (let i = 0; i < n; i++) x[i] = (x[i] - value) * scale;
  return { value, psi: x, method };
}
function classification(name, p, ranked) {
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
      const proba = p.proba;
      const hi = 1 - LOG_LOSS_EPS;
      const x = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const base = i * C;
        let rowSum = 0;
        for (let k = 0; k < C; k++) {
          const v2 = proba[base + k];
          rowSum += v2 < LOG_LOSS_EPS ? LOG_LOSS_EPS : v2 > hi ? hi : v2;
        }
        const v = proba[base + yTrue[i]];
        x[i] = -Math.log((v < LOG_LOSS_EPS ? LOG_LOSS_EPS : v > hi ? hi : v) / rowSum);
      }
      return meanInfluence(x);
    }
    case "brier": {
      if (!p.proba || p.task !== "binary") return null;
      const x = new Float64Array(n);
      for (let i = 0; i < n; i++) x[i] = ((yTrue[i] === pos ? 1 : 0) - p.proba[i * C + pos]) ** 2;
      return meanInfluence(x);
    }
    case "roc_auc":
    case "pr_auc": {
      if (!p.proba) return null;
      const targets = p.task === "binary" ? [pos] : Array.from({ length: C }, (_, k) => k);
      const parts = targets.map((k) => {
        const r = rankedScores(p, k, ranked);
        return name === "roc_auc" ? rocAucInfluence(r.score, r.positive, r.order ?? void 0) : averagePrecisionInfluence(r.score, r.positive, r.order ?? void 0);
      });
      return averageOf(parts, name === "roc_auc" ? "delong" : "delta");
    }
  }
  const tp = new Float64Array(C);
  const truth = new Float64Array(C);
  const predicted = new Float64Array(C);
  for (let i = 0; i < n; i++) {
    truth[yTrue[i]]++;
    predicted[yPred[i]]++;
    if (yTrue[i] === yPred[i]) tp[yTrue[i]]++;
  }
  const denominator = (k, kind) => kind === "precision" ? predicted[k] : kind === "recall" ? truth[k] : truth[k] + predicted[k];
  const ratio = (k, kind) => {
    const psi = new Float64Array(n);
    const den = denominator(k, kind);
    if (den === 0) return psi;
    const hit = kind === "f1" ? 2 : 1;
    const r = hit * tp[k] / den;
    const f = n / den;
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
  const value = (k, kind) => {
    const den = denominator(k, kind);
    return den === 0 ? 0 : (kind === "f1" ? 2 : 1) * tp[k] / den;
  };
  const average = (kind, include) => {
    const ks = Array.from({ length: C }, (_, k) => k).filter(include);
    return averageOf(
      ks.map((k) => ({ value: value(k, kind), psi: ratio(k, kind), method: "delta" })),
      "delta"
    );
  };
  const present = (k) => truth[k] + predicted[k] > 0;
  let out;
  switch (name) {
    case "precision":
    case "recall":
    case "f1":
      out = { value: value(pos, name), psi: ratio(pos, name), method: "delta" };
      break;
    case "balanced_accuracy":
      out = average("recall", (k) => truth[k] > 0);
      break;
    case "precision_macro":
    case "recall_macro":
    case "f1_macro":
      out = average(name.replace("_macro", ""), present);
      break;
    case "f1_weighted": {
      const psi = new Float64Array(n);
      let v = 0;
      for (let k = 0; k < C; k++) {
        const f = value(k, "f1");
        const s = truth[k] / n;
        v += f * s;
        const pf = ratio(k, "f1");
        for (let i = 0; i < n; i++) psi[i] += pf[i] * s + f * ((yTrue[i] === k ? 1 : 0) - s);
      }
      out = { value: v, psi, method: "delta" };
      break;
    }
    default:
      return null;
  }
  const scale = Math.sqrt(n / (n - 1));
  for (let i = 0; i < n; i++) out.psi[i] *= scale;
  return out;
}
function averageOf(parts, method) {
  const n = parts[0]?.psi.length ?? 0;
  if (parts.length === 0) return { value: NaN, psi: new Float64Array(n), method };
  if (parts.length === 1) return { ...parts[0], method };
  const psi = new Float64Array(n);
  let value = 0;
  for (const part of parts) {
    value += part.value;
    for (let i = 0; i < n; i++) psi[i] += part.psi[i];
  }
  for (let i = 0; i < n; i++) psi[i] /= parts.length;
  return { value: value / parts.length, psi, method };
}
function rocAucInfluence(score, positive, order) {
  const d = delongPlacements(score, positive, order);
  const n = score.length;
  const m = d.positives;
  const nn = d.negatives;
  const fp = n / m * Math.sqrt(m / (m - 1));
  const fn = n / nn * Math.sqrt(nn / (nn - 1));
  const psi = new Float64Array(n);
  for (let i = 0; i < n; i++) psi[i] = (d.placement[i] - d.auc) * (positive[i] ? fp : fn);
  return { value: d.auc, psi, method: "delong" };
}
function averagePrecisionInfluence(score, positive, order) {
  const n = score.length;
  const psi = new Float64Array(n);
  for (let i = 0; i < n; i++) if (score[i] !== score[i]) return { value: NaN, psi, method: "delta" };
  const ascending = order ?? argsortFloat64(score);
  const groupAt = new Int32Array(n);
  const positiveAt = new Uint8Array(n);
  const a = new Float64Array(n);
  const rows = new Float64Array(n);
  let G = -1;
  let P = 0;
  let previous = NaN;
  for (let r = 0; r < n; r++) {
    const i = ascending[n - 1 - r];
    const s = score[i];
    if (s !== previous) G++;
    previous = s;
    groupAt[r] = G;
    rows[G]++;
    if (positive[i]) {
      positiveAt[r] = 1;
      a[G]++;
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
    tp += a[g];
    k += rows[g];
    h[g] = tp / k;
    sum += a[g] * h[g];
  }
  const ap = sum / P;
  const r1 = new Float64Array(G);
  const r2 = new Float64Array(G);
  k = n;
  let s1 = 0;
  let s2 = 0;
  for (let g = G - 1; g >= 0; g--) {
    s1 += a[g] / k;
    s2 += a[g] * h[g] / k;
    r1[g] = s1;
    r2[g] = s2;
    k -= rows[g];
  }
  const scale = n / P * Math.sqrt(n / (n - 1));
  for (let r = 0; r < n; r++) {
    const g = groupAt[r];
    psi[ascending[n - 1 - r]] = ((positiveAt[r] ? h[g] - ap + r1[g] : 0) - r2[g]) * scale;
  }
  return { value: ap, psi, method: "delta" };
}
function regression(name, p) {
  const { yTrue, yPred } = p;
  const n = p.rowCount;
  const err = Float64Array.from(yPred, (v, i) => v - yTrue[i]);
  switch (name) {
    case "mse":
      return meanInfluence(err.map((e) => e * e));
    case "rmse": {
      const mse = meanInfluence(
        err.map((e) => e * e),
        "delta"
      );
      const value = Math.sqrt(mse.value);
      return { value, psi: value > 0 ? mse.psi.map((x) => x / (2 * value)) : mse.psi.fill(0), method: "delta" };
    }
    case "mae":
      return meanInfluence(err.map(Math.abs));
    case "r2": {
      let ybar = 0;
      for (let i = 0; i < n; i++) ybar += yTrue[i];
      ybar /= n;
      const A = meanInfluence(err.map((e) => e * e));
      const V = meanInfluence(Float64Array.from(yTrue, (y) => (y - ybar) ** 2));
      if (V.value === 0) return null;
      const r2 = 1 - A.value / V.value;
      return {
        value: r2,
        psi: A.psi.map((x, i) => -(x - (1 - r2) * V.psi[i]) / V.value),
        method: "delta"
      };
    }
  }
  return null;
}

export {
  argsortFloat64,
  influenceCalculator
};
