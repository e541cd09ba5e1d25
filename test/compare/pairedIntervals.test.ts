import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { pairedBootstrap } from "../../src/compare/pairedBootstrap.js";
import { analyticFits, pairedIntervals } from "../../src/compare/pairedIntervals.js";
import { metricInfluence } from "../../src/compare/metricInfluence.js";
import { buildResamplePlan } from "../../src/compare/resamplePlan.js";
import { prepareResampledMetric } from "../../src/compare/resampledMetric.js";
import { resampleCounts, runResamples } from "../../src/compare/runResamples.js";
import type { Predictions } from "../../src/model/evaluate/predictions.js";
import { readFileSync } from "node:fs";
import {
  BINARY,
  CASES,
  fingerprint,
  MULTICLASS,
  REFERENCE_OPTIONS,
  REGRESSION,
  twoModels,
  twoRegressions,
} from "./pairedIntervalData.js";

const OPTIONS = REFERENCE_OPTIONS;
const REFERENCE = JSON.parse(readFileSync("fixtures/compare/paired_interval_reference.json", "utf8")) as {
  options: typeof REFERENCE_OPTIONS;
  cases: Record<
    string,
    {
      fingerprint: string;
      intervals: Record<string, { delta: [number, number]; relative: [number, number] | null }>;
    }
  >;
};

/**
 * Every fast interval against the plain reference bootstrap (pairedBootstrap: 2,000 resamples, each metric computed
 * on the resample's counts on its own) on the same fixed data, read from fixtures/compare/paired_interval_reference.json
 * (scripts/make-paired-interval-reference.ts; the data's fingerprint must match, so a changed generator cannot be
 * judged against stale intervals). Tolerance: each bound within 10% of the reference interval's width. Why that much:
 * two bootstraps with different random streams disagree on a 2.5% quantile of 2,000 resamples by about
 * 1.3 x sd x sqrt(0.025 x 0.975 / 2000) / density, about 4-5% of a 95% interval's width at one standard error (a normal
 * interval is 3.92 sd wide), so 10% is about two standard errors of Monte Carlo noise; the analytic intervals add their
 * own approximation error at n >= 5,000, measured here at under 5% of the width.
 */
async function assertAgrees(id: string, interval: "bootstrap" | "analytic") {
  const c = CASES.find((x) => x.id === id)!;
  const [candidate, baseline] = c.make();
  const reference = REFERENCE.cases[id]!;
  assert.deepEqual(REFERENCE.options, OPTIONS);
  assert.equal(fingerprint([candidate, baseline]), reference.fingerprint, `${id}: regenerate the reference intervals`);
  const fast = await pairedIntervals(c.metrics, candidate, baseline, { ...OPTIONS, interval });
  for (const m of c.metrics) {
    const want = reference.intervals[m]!;
    const got = fast.get(m)!;
    const width = want.delta[1] - want.delta[0];
    assert.ok(width > 0, `${id} ${m}: reference interval has no width`);
    for (const k of [0, 1] as const) {
      const off = Math.abs(got.delta[k] - want.delta[k]) / width;
      assert.ok(
        off <= 0.1,
        `${id} ${m} (${got.method}): bound ${k} ${got.delta[k]} vs ${want.delta[k]}, off by ${(off * 100).toFixed(1)}% of the width`,
      );
      if (want.relative && got.relative) {
        const rw = want.relative[1] - want.relative[0];
        const roff = Math.abs(got.relative[k] - want.relative[k]) / rw;
        assert.ok(roff <= 0.1, `${id} ${m}: relative bound ${k} off by ${(roff * 100).toFixed(1)}% of the width`);
      }
    }
  }
}

test("binary, 5,000 rows: the weighted bootstrap and every analytic interval agree with the plain bootstrap", async () => {
  await assertAgrees("binary 5k", "bootstrap");
  await assertAgrees("binary 5k", "analytic");
});

test("binary, 20,000 rows (worker threads): fast intervals agree with the plain bootstrap", async () => {
  await assertAgrees("binary 20k", "bootstrap");
  await assertAgrees("binary 20k", "analytic");
});

test("multiclass, 6,000 rows, and regression, 8,000 rows: fast intervals agree with the plain bootstrap", async () => {
  await assertAgrees("multiclass 6k", "bootstrap");
  await assertAgrees("multiclass 6k", "analytic");
  await assertAgrees("regression 8k", "bootstrap");
  await assertAgrees("regression 8k", "analytic");
});

test("the reference file is the plain bootstrap: one case's interval recomputed with fewer metrics matches it", () => {
  // A spot check that the committed file is what pairedBootstrap gives (same seed, same resamples): accuracy of the
  // 5k binary case alone, a few seconds of the slow loop rather than minutes.
  const c = CASES.find((x) => x.id === "binary 5k")!;
  const [candidate, baseline] = c.make();
  const again = pairedBootstrap(
    candidate.rowCount,
    [
      {
        name: "accuracy",
        candidate: prepareResampledMetric("accuracy", candidate)!,
        baseline: prepareResampledMetric("accuracy", baseline)!,
      },
    ],
    OPTIONS,
  );
  assert.deepEqual(again.get("accuracy")!.delta, REFERENCE.cases["binary 5k"]!.intervals.accuracy!.delta);
});

test("each interval says which method made it; auto is analytic only with enough rows of every class", async () => {
  const [c, b] = twoModels(3_000, 2, 5);
  const ivs = await pairedIntervals(["accuracy", "f1", "roc_auc", "ece", "log_loss"], c, b, {
    ...OPTIONS,
    interval: "analytic",
  });
  assert.deepEqual(
    [...ivs].map(([name, iv]) => [name, iv.method]),
    [
      ["accuracy", "clt"],
      ["f1", "delta"],
      ["roc_auc", "delong"],
      ["log_loss", "clt"],
      ["ece", "bootstrap"],
    ],
  );
  const auto = await pairedIntervals(["accuracy"], c, b, { ...OPTIONS, interval: "auto" });
  assert.equal(auto.get("accuracy")!.method, "bootstrap");
  assert.equal(analyticFits(c), false);
  const big = twoModels(60_000, 2, 6)[0];
  assert.equal(analyticFits(big), true);
  // A rare class keeps the bootstrap whatever the row count.
  const rare = { ...big, yTrue: big.yTrue.map((_, i) => (i % 200 === 0 ? 1 : 0)) };
  assert.equal(analyticFits(rare), false);
});

/** The rows repeated counts[i] times. */
function expand<P extends Predictions>(p: P, counts: ArrayLike<number>): P {
  const idx: number[] = [];
  for (let i = 0; i < counts.length; i++) for (let j = 0; j < counts[i]!; j++) idx.push(i);
  if (p.task === "regression") {
    return {
      ...p,
      rowCount: idx.length,
      yTrue: Float64Array.from(idx, (i) => p.yTrue[i]!),
      yPred: Float64Array.from(idx, (i) => p.yPred[i]!),
    };
  }
  const C = p.classes.length;
  return {
    ...p,
    rowCount: idx.length,
    yTrue: Int32Array.from(idx, (i) => p.yTrue[i]!),
    yPred: Int32Array.from(idx, (i) => p.yPred[i]!),
    proba: Float64Array.from(idx.flatMap((i) => Array.from(p.proba!.subarray(i * C, (i + 1) * C)))),
  } as P;
}

const close = (a: number, b: number) =>
  (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

test("property: a weighted pass gives every metric of both models as computed on the rows repeated by their counts", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 8, max: 40 }),
      fc.constantFrom(2, 3),
      fc.nat(1000),
      fc.nat(50),
      (rows, classes, seed, resample) => {
        const [c, b] = twoModels(rows, classes, seed);
        const names = classes === 2 ? BINARY : MULTICLASS;
        const { plan, metrics } = buildResamplePlan(names, c, b);
        const stats = new Float64Array(plan.statCount);
        runResamples(plan, seed, resample, 1, stats);
        const counts = new Uint8Array(rows);
        resampleCounts(seed, resample, counts);
        const ec = expand(c, counts);
        const eb = expand(b, counts);
        for (const m of metrics) {
          // The resampled-metric module is checked against scikit-learn on repeated rows (resampledMetric.test.ts).
          const wantC = prepareResampledMetric(m.name, ec)!.evaluate(new Float64Array(ec.rowCount).fill(1));
          const wantB = prepareResampledMetric(m.name, eb)!.evaluate(new Float64Array(eb.rowCount).fill(1));
          if (!close(m.candidate(stats, 0), wantC) || !close(m.baseline(stats, 0), wantB)) return false;
        }
        return true;
      },
    ),
    { numRuns: 150 },
  );
});

test("property: regression metrics of a weighted pass equal those of the repeated rows", () => {
  fc.assert(
    fc.property(fc.integer({ min: 5, max: 40 }), fc.nat(1000), fc.nat(50), (rows, seed, resample) => {
      const [c, b] = twoRegressions(rows, seed);
      const { plan, metrics } = buildResamplePlan(REGRESSION, c, b);
      const stats = new Float64Array(plan.statCount);
      runResamples(plan, seed, resample, 1, stats);
      const counts = new Uint8Array(rows);
      resampleCounts(seed, resample, counts);
      const ec = expand(c, counts);
      for (const m of metrics) {
        const want = prepareResampledMetric(m.name, ec)!.evaluate(new Float64Array(ec.rowCount).fill(1));
        if (!(Math.abs(m.candidate(stats, 0) - want) <= 1e-7 * Math.max(1, Math.abs(want)))) return false;
      }
      return true;
    }),
    { numRuns: 100 },
  );
});

test("property: each analytic influence is n x the derivative of the weighted metric in a row's weight", () => {
  const names = [...new Set([...BINARY, ...MULTICLASS])].filter((m) => m !== "ece");
  fc.assert(
    fc.property(fc.integer({ min: 30, max: 80 }), fc.constantFrom(2, 3), fc.nat(1000), (rows, classes, seed) => {
      const [c] = twoModels(rows, classes, seed);
      for (const name of names) {
        const inf = metricInfluence(name, c);
        const weighted = prepareResampledMetric(name, c);
        if (!inf || !weighted) continue;
        // influences carry an n/(n-1) variance correction (per class for DeLong); undo it for the derivative check
        const k = Math.floor(rows / 2);
        const eps = 1e-6;
        const w = new Float64Array(rows).fill(1);
        w[k] = 1 + eps;
        const up = weighted.evaluate(w);
        w[k] = 1 - eps;
        const down = weighted.evaluate(w);
        const derivative = ((up - down) / (2 * eps)) * rows;
        const m = c.yTrue.reduce((a, y) => a + (y === (c.positiveIndex ?? 1) ? 1 : 0), 0);
        const correction =
          inf.method === "delong" && classes === 2
            ? c.yTrue[k] === 1
              ? Math.sqrt(m / (m - 1))
              : Math.sqrt((rows - m) / (rows - m - 1))
            : inf.method === "delong"
              ? NaN
              : Math.sqrt(rows / (rows - 1));
        if (Number.isNaN(correction)) continue;
        if (!(Math.abs(inf.psi[k]! / correction - derivative) <= 1e-5 * Math.max(1, Math.abs(derivative)))) {
          throw new Error(`${name}: psi ${inf.psi[k]! / correction} vs derivative ${derivative}`);
        }
      }
      return true;
    }),
    { numRuns: 60 },
  );
});
