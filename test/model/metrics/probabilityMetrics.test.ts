import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { argmaxRows } from "../../../src/model/metrics/argmaxRows.js";
import { brierScore } from "../../../src/model/metrics/brierScore.js";
import { confusionMatrix } from "../../../src/model/metrics/confusionMatrix.js";
import { expectedCalibrationError } from "../../../src/model/metrics/expectedCalibrationError.js";
import { liftBinaryProba } from "../../../src/model/metrics/liftBinaryProba.js";
import { LOG_LOSS_EPS, logLoss } from "../../../src/model/metrics/logLoss.js";
import { perClassScores } from "../../../src/model/metrics/perClassScores.js";

test("logLoss: scikit-learn's docstring value, clipping at eps and row renormalisation", () => {
  const proba = Float64Array.of(0.1, 0.9, 0.9, 0.1, 0.8, 0.2, 0.35, 0.65);
  assert.equal(logLoss(Int32Array.of(1, 0, 0, 1), proba, 2), 0.21616187468057912);
  assert.equal(LOG_LOSS_EPS, 2 ** -52);
  // [1, 0, 0] with true class 1: clipped to [1 - eps, eps, eps], divided by 1 + eps.
  const wrong = logLoss(Int32Array.of(1), Float64Array.of(1, 0, 0), 3);
  assert.equal(wrong, -Math.log(LOG_LOSS_EPS / (1 - LOG_LOSS_EPS + 2 * LOG_LOSS_EPS)));
  assert.ok(Math.abs(wrong - 36.04365338911715) < 1e-12);
  // Renormalisation: a row scaled by a constant (within [0, 1]) costs the same.
  const a = logLoss(Int32Array.of(0), Float64Array.of(0.2, 0.3, 0.1), 3);
  const b = logLoss(Int32Array.of(0), Float64Array.of(0.4, 0.6, 0.2), 3);
  assert.ok(Math.abs(a - b) < 1e-15 && Math.abs(a - -Math.log(1 / 3)) < 1e-15);
  assert.throws(() => logLoss(Int32Array.of(3), Float64Array.of(0.5, 0.5), 2), /out of range/);
});

test("brierScore and liftBinaryProba", () => {
  const lifted = liftBinaryProba(Float64Array.of(0.1, 0.9, 0.8, 0.3));
  assert.deepEqual(Array.from(lifted.subarray(0, 4)), [0.9, 0.1, 0.09999999999999998, 0.9]);
  assert.equal(brierScore(Int32Array.of(0, 1, 1, 0), lifted, 2, 1), 0.03749999999999999);
  assert.deepEqual(Array.from(liftBinaryProba(Float64Array.of(0.25), 0)), [0.25, 0.75]);
  assert.equal(brierScore(Int32Array.of(0, 1), liftBinaryProba(Float64Array.of(0.5, 0.5)), 2, 1), 0.25);
});

test("expectedCalibrationError: the doc example, right-closed bins at k/10 and the top label", () => {
  assert.equal(
    expectedCalibrationError(Int32Array.of(1, 0), Float64Array.of(0.1, 0.9, 0.3, 0.7), 2),
    0.39999999999999997,
  );
  // Confidence exactly 0.3 belongs to (0.2, 0.3], with 0.25; 0.30000000000000004 to (0.3, 0.4].
  const proba = Float64Array.of(
    0.3,
    0.3,
    0.3,
    0.1,
    0.25,
    0.25,
    0.25,
    0.25,
    0.30000000000000004,
    0.3,
    0.3,
    0.09999999999999998,
  );
  const y = Int32Array.of(0, 1, 0);
  // bin (0.2, 0.3]: rows 0 (correct, 0.3) and 1 (wrong, 0.25): 2/3 * |0.5 - 0.275|; bin (0.3, 0.4]: row 2 correct.
  const expected = (2 / 3) * Math.abs(0.5 - (0.3 + 0.25) / 2) + (1 / 3) * Math.abs(1 - 0.30000000000000004);
  assert.ok(Math.abs(expectedCalibrationError(y, proba, 4) - expected) < 1e-15);
  // A perfectly calibrated example: 10 rows at 0.8 of which 8 are right.
  const p = new Float64Array(20);
  const yy = new Int32Array(10);
  for (let i = 0; i < 10; i++) {
    p[2 * i] = 0.2;
    p[2 * i + 1] = 0.8;
    yy[i] = i < 8 ? 1 : 0;
  }
  assert.ok(expectedCalibrationError(yy, p, 2) < 1e-15);
});

/** x moved by `steps` units in the last place (x > 0). */
function ulps(x: number, steps: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigInt64(0, view.getBigInt64(0) + BigInt(steps));
  return view.getFloat64(0);
}

/** ECE by its definition, bins found by a linear scan of the edges k/10. */
function oracleEce(y: Int32Array, proba: Float64Array, c: number): number {
  const n = y.length;
  const bins = Array.from({ length: 10 }, () => ({ count: 0, correct: 0, conf: 0 }));
  for (let i = 0; i < n; i++) {
    const row = Array.from(proba.subarray(i * c, (i + 1) * c));
    const conf = Math.max(...row);
    const top = row.indexOf(conf);
    let b = 0;
    while (b < 9 && !(conf <= (b + 1) / 10)) b++;
    bins[b]!.count++;
    bins[b]!.conf += conf;
    if (top === y[i]) bins[b]!.correct++;
  }
  return bins.reduce(
    (e, b) => (b.count === 0 ? e : e + (b.count / n) * Math.abs(b.correct / b.count - b.conf / b.count)),
    0,
  );
}

test("property: expectedCalibrationError bins confidences near every edge k/10 as the definition says", () => {
  const confidence = fc.oneof(
    fc
      .tuple(fc.integer({ min: 5, max: 10 }), fc.integer({ min: -3, max: 3 }))
      .map(([k, d]) => Math.min(1, ulps(k / 10, d))),
    fc.double({ min: 0.5, max: 1, noNaN: true }),
  );
  fc.assert(
    fc.property(fc.array(fc.tuple(confidence, fc.boolean()), { minLength: 1, maxLength: 40 }), (rows) => {
      const y = Int32Array.from(rows, ([, right]) => (right ? 1 : 0));
      const p = liftBinaryProba(Float64Array.from(rows, ([conf]) => conf));
      const got = expectedCalibrationError(y, p, 2);
      const want = oracleEce(y, p, 2);
      assert.ok(Math.abs(got - want) < 1e-12, `${got} vs ${want}`);
    }),
    { numRuns: 500 },
  );
});

test("argmaxRows breaks ties to the lowest index", () => {
  assert.deepEqual(
    Array.from(argmaxRows(Float64Array.of(0.2, 0.8, 0.5, 0.5, 0.3, 0.3, 0.4), 1)),
    [0, 0, 0, 0, 0, 0, 0],
  );
  assert.deepEqual(Array.from(argmaxRows(Float64Array.of(0.2, 0.8, 0.5, 0.5, 0.1, 0.45, 0.45, 0), 2)), [1, 0, 1, 0]);
  assert.deepEqual(Array.from(argmaxRows(Float64Array.of(0.25, 0.25, 0.25, 0.25, 0.1, 0.4, 0.4, 0.1), 4)), [0, 1]);
  assert.throws(() => argmaxRows(Float64Array.of(1, 2, 3), 2), /multiple/);
});

test("confusionMatrix and perClassScores: the doc examples and zero division", () => {
  const m = confusionMatrix(Int32Array.of(0, 1, 1), Int32Array.of(0, 0, 1), 3);
  assert.deepEqual(m, [
    [1, 0, 0],
    [1, 1, 0],
    [0, 0, 0],
  ]);
  const s = perClassScores(m);
  assert.deepEqual(s.precision, [0.5, 1, 0]);
  assert.deepEqual(s.recall, [1, 0.5, 0]);
  assert.deepEqual(s.f1, [2 / 3, 2 / 3, 0]);
  assert.deepEqual(s.support, [1, 2, 0]);
  assert.throws(() => confusionMatrix(Int32Array.of(0), Int32Array.of(-1), 2), /out of range/);
});

test("property: F1 lies between min and max of precision and recall, and is their harmonic mean", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), {
        minLength: 1,
        maxLength: 50,
      }),
      (pairs) => {
        const m = confusionMatrix(
          Int32Array.from(pairs, (p) => p[0]),
          Int32Array.from(pairs, (p) => p[1]),
          4,
        );
        const s = perClassScores(m);
        for (let k = 0; k < 4; k++) {
          const [p, r, f] = [s.precision[k]!, s.recall[k]!, s.f1[k]!];
          assert.ok(f <= Math.max(p, r) + 1e-15 && f >= Math.min(p, r) - 1e-15);
          if (p + r > 0) assert.ok(Math.abs(1 / f - (1 / p + 1 / r) / 2) < 1e-12 || f === 0);
        }
      },
    ),
  );
});
