import { choleskySolve } from "./choleskySolve.js";
import type { LinearModel } from "./linearModel.js";

/**
 * Ridge regression, exactly scikit-learn's Ridge(alpha): minimise ||y - X w - b||^2 + alpha ||w||^2, intercept not
 * penalised. Like scikit-learn, X's columns and y are centred, the penalised normal equations solved by Cholesky,
 * and b = mean(y) - mean(X) . w. With more columns than rows the dual form (Xc Xc' + alpha I) a = yc, w = Xc' a
 * is solved instead (scikit-learn does the same): an n x n system rather than p x p.
 *
 * X: row-major rows x p; alpha > 0 makes the system positive definite (a RangeError from choleskySolve otherwise).
 */
export function fitRidge(X: Float64Array, rows: number, p: number, y: Float64Array, alpha: number): LinearModel {
  const xMean = new Float64Array(p);
  let yMean = 0;
  for (let i = 0; i < rows; i++) {
    yMean += y[i]!;
    for (let j = 0; j < p; j++) xMean[j]! += X[i * p + j]!;
  }
  yMean /= rows;
  for (let j = 0; j < p; j++) xMean[j]! /= rows;
  const Xc = new Float64Array(rows * p);
  const yc = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    yc[i] = y[i]! - yMean;
    for (let j = 0; j < p; j++) Xc[i * p + j] = X[i * p + j]! - xMean[j]!;
  }
  let coef: Float64Array;
  if (p <= rows) {
    const A = new Float64Array(p * p);
    const rhs = new Float64Array(p);
    for (let i = 0; i < rows; i++) {
      const r = i * p;
      for (let j = 0; j < p; j++) {
        const v = Xc[r + j]!;
        rhs[j]! += v * yc[i]!;
        for (let k = 0; k <= j; k++) A[j * p + k]! += v * Xc[r + k]!;
      }
    }
    for (let j = 0; j < p; j++) A[j * p + j]! += alpha;
    coef = choleskySolve(A, p, rhs);
  } else {
    const G = new Float64Array(rows * rows);
    for (let i = 0; i < rows; i++)
      for (let k = 0; k <= i; k++) {
        let s = 0;
        for (let j = 0; j < p; j++) s += Xc[i * p + j]! * Xc[k * p + j]!;
        G[i * rows + k] = s;
      }
    for (let i = 0; i < rows; i++) G[i * rows + i]! += alpha;
    const a = choleskySolve(G, rows, yc);
    coef = new Float64Array(p);
    for (let i = 0; i < rows; i++) for (let j = 0; j < p; j++) coef[j]! += Xc[i * p + j]! * a[i]!;
  }
  let intercept = yMean;
  for (let j = 0; j < p; j++) intercept -= xMean[j]! * coef[j]!;
  return { outputs: 1, inputs: p, coef, intercept: Float64Array.of(intercept) };
}
