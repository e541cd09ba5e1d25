import { test } from "node:test";
import assert from "node:assert/strict";
import { choleskySolve } from "../../../src/model/train/choleskySolve.js";
import { fitRidge } from "../../../src/model/train/fitRidge.js";
import { rng } from "../../helpers/random.js";

test("choleskySolve: the documented example and a non-SPD matrix", () => {
  assert.deepEqual(Array.from(choleskySolve(Float64Array.of(4, 2, 2, 3), 2, Float64Array.of(2, 1))), [0.5, 0]);
  assert.throws(() => choleskySolve(Float64Array.of(1, 2, 2, 1), 2, Float64Array.of(1, 1)), /not positive definite/);
  assert.throws(() => choleskySolve(Float64Array.of(1), 2, Float64Array.of(1, 1)), RangeError);
});

function data(rows: number, p: number, seed: number) {
  const r = rng(seed);
  const X = Float64Array.from({ length: rows * p }, () => r() * 2 - 1);
  const w = Float64Array.from({ length: p }, (_, j) => j - p / 2);
  const y = Float64Array.from({ length: rows }, (_, i) => {
    let s = 3;
    for (let j = 0; j < p; j++) s += X[i * p + j]! * w[j]!;
    return s + (r() - 0.5) * 0.1;
  });
  return { X, y };
}

/** The ridge optimality conditions: Xc'(yc - Xc w) = alpha w and b = mean(y) - mean(X) w. */
function assertOptimal(
  X: Float64Array,
  rows: number,
  p: number,
  y: Float64Array,
  alpha: number,
  fit: ReturnType<typeof fitRidge>,
) {
  const residual = Float64Array.from({ length: rows }, (_, i) => {
    let s = fit.intercept[0]!;
    for (let j = 0; j < p; j++) s += X[i * p + j]! * fit.coef[j]!;
    return y[i]! - s;
  });
  // With an unpenalised intercept the residuals sum to 0, and X' r = alpha w.
  assert.ok(Math.abs(residual.reduce((a, b) => a + b, 0)) < 1e-9);
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = 0; i < rows; i++) s += X[i * p + j]! * residual[i]!;
    assert.ok(Math.abs(s - alpha * fit.coef[j]!) < 1e-9, `column ${j}: ${s} vs ${alpha * fit.coef[j]!}`);
  }
}

test("ridge satisfies its optimality conditions (more rows than columns: primal)", () => {
  const { X, y } = data(50, 4, 1);
  const fit = fitRidge(X, 50, 4, y, 0.7);
  assertOptimal(X, 50, 4, y, 0.7, fit);
});

test("more columns than rows: the dual form gives the optimum too", () => {
  const { X, y } = data(6, 10, 2);
  const fit = fitRidge(X, 6, 10, y, 0.3);
  assertOptimal(X, 6, 10, y, 0.3, fit);
});

test("with a tiny penalty on clean data ridge recovers the generating weights", () => {
  const { X, y } = data(400, 3, 4);
  const fit = fitRidge(X, 400, 3, y, 1e-6);
  assert.deepEqual(
    Array.from(fit.coef, (v) => Math.round(v * 100) / 100),
    [-1.5, -0.5, 0.5],
  );
  assert.ok(Math.abs(fit.intercept[0]! - 3) < 0.01);
});
