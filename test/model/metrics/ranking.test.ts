import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { averagePrecision } from "../../../src/model/metrics/averagePrecision.js";
import { binaryCurve } from "../../../src/model/metrics/binaryCurve.js";
import { classificationMetrics } from "../../../src/model/metrics/classificationMetrics.js";
import { liftBinaryProba } from "../../../src/model/metrics/liftBinaryProba.js";
import { rocAuc } from "../../../src/model/metrics/rocAuc.js";

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test("binaryCurve, rocAuc and averagePrecision on scikit-learn's docstring example", () => {
  const curve = binaryCurve(Float64Array.of(0.1, 0.4, 0.35, 0.8), Uint8Array.of(0, 0, 1, 1));
  assert.deepEqual(Array.from(curve.thresholds), [0.8, 0.4, 0.35, 0.1]);
  assert.deepEqual(Array.from(curve.tps), [1, 1, 2, 2]);
  assert.deepEqual(Array.from(curve.fps), [0, 1, 1, 2]);
  assert.equal(rocAuc(curve), 0.75);
  assert.equal(averagePrecision(curve), 0.8333333333333333);
});

test("ties: one threshold per distinct score, a positive tied with a negative counts one half", () => {
  const curve = binaryCurve(Float64Array.of(0.5, 0.5, 0.5, 0.5), Uint8Array.of(1, 0, 1, 0));
  assert.deepEqual(Array.from(curve.thresholds), [0.5]);
  assert.equal(rocAuc(curve), 0.5);
  assert.equal(averagePrecision(curve), 0.5);
  const c2 = binaryCurve(Float64Array.of(0, -0, 1, 1), Uint8Array.of(1, 0, 1, 0));
  assert.equal(c2.thresholds.length, 2, "-0 and +0 are one score");
  assert.equal(rocAuc(c2), 0.5);
});

test("undefined areas: no positives or no negatives", () => {
  const none = binaryCurve(Float64Array.of(0.2, 0.7), Uint8Array.of(0, 0));
  assert.equal(rocAuc(none), undefined);
  assert.equal(averagePrecision(none), undefined);
  const all = binaryCurve(Float64Array.of(0.2, 0.7), Uint8Array.of(1, 1));
  assert.equal(rocAuc(all), undefined);
  assert.equal(averagePrecision(all), 1);
  assert.throws(() => binaryCurve(Float64Array.of(NaN), Uint8Array.of(1)), /NaN/);
  assert.throws(() => binaryCurve(Float64Array.of(1), Uint8Array.of(1, 0)), RangeError);
});

/** Mann-Whitney by brute force over all positive-negative pairs. */
function pairwiseAuc(scores: number[], labels: boolean[]): number {
  let wins = 0;
  let pairs = 0;
  scores.forEach((s, i) => {
    if (!labels[i]) return;
    scores.forEach((t, j) => {
      if (labels[j]) return;
      pairs++;
      wins += s > t ? 1 : s === t ? 0.5 : 0;
    });
  });
  return wins / pairs;
}

/** Average precision by its definition: mean over positives of the precision at that positive's score. */
function definitionAp(scores: number[], labels: boolean[]): number {
  let sum = 0;
  let positives = 0;
  scores.forEach((s, i) => {
    if (!labels[i]) return;
    positives++;
    let tp = 0;
    let all = 0;
    scores.forEach((t, j) => {
      if (t >= s) {
        all++;
        if (labels[j]) tp++;
      }
    });
    sum += tp / all;
  });
  return sum / positives;
}

test("property: rocAuc equals the brute-force Mann-Whitney statistic, averagePrecision its definition", () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ y: fc.boolean(), s: fc.integer({ min: -5, max: 5 }) }), { minLength: 1, maxLength: 60 }),
      (rows) => {
        const scores = rows.map((r) => r.s / 4);
        const labels = rows.map((r) => r.y);
        const curve = binaryCurve(Float64Array.from(scores), Uint8Array.from(labels, Number));
        const p = labels.filter(Boolean).length;
        if (p === 0 || p === rows.length) assert.equal(rocAuc(curve), undefined);
        else assert.ok(Math.abs(rocAuc(curve)! - pairwiseAuc(scores, labels)) <= 1e-15);
        if (p === 0) assert.equal(averagePrecision(curve), undefined);
        else assert.ok(Math.abs(averagePrecision(curve)! - definitionAp(scores, labels)) <= 1e-12);
      },
    ),
    { numRuns: 500 },
  );
});

test("a million tied scores: roc_auc equals the Mann-Whitney U statistic (speed lives in bench/)", () => {
  const n = 1_000_000;
  const r = seeded(7);
  const yTrue = new Int32Array(n);
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    yTrue[i] = r() < 0.3 ? 1 : 0;
    p[i] = Math.round(Math.min(1, Math.max(0, 0.35 + 0.3 * yTrue[i]! + (r() - 0.5) * 0.8)) * 1e4) / 1e4;
  }
  const result = classificationMetrics({ yTrue, proba: liftBinaryProba(p), classes: ["n", "y"] });
  // Independent check: average ranks over all scores (ties share their mean rank), U = R+ - n+(n+ + 1)/2.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => p[a]! - p[b]!);
  let rankSumPos = 0;
  let positives = 0;
  for (let i = 0; i < n;) {
    let j = i;
    while (j < n && p[order[j]!] === p[order[i]!]) j++;
    const meanRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if (yTrue[order[k]!] !== 1) continue;
      rankSumPos += meanRank;
      positives++;
    }
    i = j;
  }
  const u = rankSumPos - (positives * (positives + 1)) / 2;
  const auc = u / (positives * (n - positives));
  assert.ok(Math.abs(result.metrics.roc_auc! - auc) < 1e-12, `${result.metrics.roc_auc} vs ${auc}`);
});
