/**
 * A fitted linear model on the design matrix: `outputs` linear functions z_k = intercept_k + coef_k . x.
 * Binary logistic regression has one output (the log-odds of the second class, as scikit-learn's coef_ has one
 * row); multinomial has one per class; ridge has one.
 */
export interface LinearModel {
  readonly outputs: number;
  readonly inputs: number;
  /** Row-major outputs x inputs. */
  readonly coef: Float64Array;
  readonly intercept: Float64Array;
}

/** z = X coef' + intercept for a row-major X of `rows` x model.inputs; row-major rows x outputs. */
export function decisionFunction(model: LinearModel, X: Float64Array, rows: number): Float64Array {
  const { outputs: K, inputs: p, coef, intercept } = model;
  if (X.length !== rows * p) throw new RangeError(`X has ${X.length} values, expected ${rows} x ${p}`);
  const Z = new Float64Array(rows * K);
  for (let i = 0; i < rows; i++)
    for (let k = 0; k < K; k++) {
      let z = intercept[k]!;
      for (let j = 0; j < p; j++) z += X[i * p + j]! * coef[k * p + j]!;
      Z[i * K + k] = z;
    }
  return Z;
}
