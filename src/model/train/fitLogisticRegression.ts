import type { LinearModel } from "./linearModel.js";
import { minimizeLbfgs } from "./minimizeLbfgs.js";

export interface LogisticFit {
  model: LinearModel;
  iterations: number;
  converged: boolean;
  /** Largest |component| of the objective's gradient at the returned coefficients. */
  maxAbsGradient: number;
}

/**
 * The gradient tolerance, per training row: converged when every component of the gradient of the summed objective
 * is at most 1e-10 x rows. At that point a coefficient is off the optimum by at most that over the smallest
 * curvature (>= l2), in practice far less; the tests measure it against a Newton-polished scikit-learn optimum.
 */
export const GRADIENT_TOLERANCE_PER_ROW = 1e-11;

/** log(1 + e^z) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * L2-regularised logistic regression, exactly scikit-learn's LogisticRegression(C = 1 / l2) objective:
 *
 *   minimise (l2 / 2) ||W||^2 + sum_i -log p(y_i | x_i),   intercepts not penalised,
 *
 * with p = sigmoid(b + w.x) for two classes (one output, the second class's log-odds) and the multinomial softmax
 * over one (w_k, b_k) per class for more (scikit-learn 1.2's lbfgs default, multi_class="auto"). The objective is
 * strictly convex in W, so the optimum W is unique. Softmax intercepts are only defined up to a common shift; L-BFGS
 * from zero never moves along that shift (the gradient sums to zero over classes), and we centre them to sum 0,
 * scikit-learn's convention too.
 *
 * X: row-major rows x p (already preprocessed); y: class index per row in [0, classes). Starts from zeros, so the
 * result is deterministic.
 */
export function fitLogisticRegression(
  X: Float64Array,
  rows: number,
  p: number,
  y: Int32Array,
  classes: number,
  l2: number,
  options: { maxIterations?: number } = {},
): LogisticFit {
  if (classes < 2) throw new RangeError("logistic regression needs at least two classes");
  const K = classes === 2 ? 1 : classes;
  const width = p + 1; // per output: p weights, then the intercept
  const probs = new Float64Array(classes);

  const objective = (theta: Float64Array, grad: Float64Array): number => {
    let f = 0;
    for (let k = 0; k < K; k++) {
      for (let j = 0; j < p; j++) {
        const w = theta[k * width + j]!;
        f += 0.5 * l2 * w * w;
        grad[k * width + j] = l2 * w;
      }
      grad[k * width + p] = 0;
    }
    for (let i = 0; i < rows; i++) {
      const row = i * p;
      if (K === 1) {
        let z = theta[p]!;
        for (let j = 0; j < p; j++) z += X[row + j]! * theta[j]!;
        const yi = y[i] === 1 ? 1 : 0;
        f += softplus(z) - yi * z;
        const r = sigmoid(z) - yi;
        for (let j = 0; j < p; j++) grad[j]! += r * X[row + j]!;
        grad[p]! += r;
        continue;
      }
      let max = -Infinity;
      for (let k = 0; k < K; k++) {
        let z = theta[k * width + p]!;
        for (let j = 0; j < p; j++) z += X[row + j]! * theta[k * width + j]!;
        probs[k] = z;
        if (z > max) max = z;
      }
      let sum = 0;
      for (let k = 0; k < K; k++) sum += Math.exp(probs[k]! - max);
      const yi = y[i]!;
      f += max + Math.log(sum) - probs[yi]!;
      for (let k = 0; k < K; k++) {
        const r = Math.exp(probs[k]! - max) / sum - (k === yi ? 1 : 0);
        for (let j = 0; j < p; j++) grad[k * width + j]! += r * X[row + j]!;
        grad[k * width + p]! += r;
      }
    }
    return f;
  };

  const result = minimizeLbfgs(objective, new Float64Array(K * width), {
    gradientTolerance: GRADIENT_TOLERANCE_PER_ROW * Math.max(1, rows),
    maxIterations: options.maxIterations ?? 10_000,
  });
  const coef = new Float64Array(K * p);
  const intercept = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    coef.set(result.x.subarray(k * width, k * width + p), k * p);
    intercept[k] = result.x[k * width + p]!;
  }
  if (K > 1) {
    const mean = intercept.reduce((a, b) => a + b, 0) / K;
    for (let k = 0; k < K; k++) intercept[k]! -= mean;
  }
  return {
    model: { outputs: K, inputs: p, coef, intercept },
    iterations: result.iterations,
    converged: result.converged,
    maxAbsGradient: result.maxAbsGradient,
  };
}
