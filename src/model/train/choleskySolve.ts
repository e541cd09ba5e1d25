/**
 * Solves A x = b for a symmetric positive definite m x m matrix A (row-major; only its lower triangle is read) by
 * the Cholesky factorisation A = L L' and two triangular solves. A and b are left untouched.
 *
 * Throws a RangeError when A is not numerically positive definite (a pivot <= 0), which the caller turns into a
 * message about its own problem.
 *
 * Example: choleskySolve(Float64Array.of(4, 2, 2, 3), 2, Float64Array.of(2, 1)) -> [0.5, 0]
 */
export function choleskySolve(A: Float64Array, m: number, b: Float64Array): Float64Array {
  if (A.length !== m * m || b.length !== m)
    throw new RangeError(`choleskySolve: A must be ${m} x ${m} and b ${m} long`);
  const L = new Float64Array(m * m);
  for (let j = 0; j < m; j++) {
    let d = A[j * m + j]!;
    for (let k = 0; k < j; k++) d -= L[j * m + k]! * L[j * m + k]!;
    if (!(d > 0)) throw new RangeError(`choleskySolve: the matrix is not positive definite (pivot ${j} is ${d})`);
    const ljj = Math.sqrt(d);
    L[j * m + j] = ljj;
    for (let i = j + 1; i < m; i++) {
      let s = A[i * m + j]!;
      for (let k = 0; k < j; k++) s -= L[i * m + k]! * L[j * m + k]!;
      L[i * m + j] = s / ljj;
    }
  }
  const z = new Float64Array(m); // L z = b
  for (let i = 0; i < m; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= L[i * m + k]! * z[k]!;
    z[i] = s / L[i * m + i]!;
  }
  const x = new Float64Array(m); // L' x = z
  for (let i = m - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let k = i + 1; k < m; k++) s -= L[k * m + i]! * x[k]!;
    x[i] = s / L[i * m + i]!;
  }
  return x;
}
