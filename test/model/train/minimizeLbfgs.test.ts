import { test } from "node:test";
import assert from "node:assert/strict";
import { minimizeLbfgs } from "../../../src/model/train/minimizeLbfgs.js";
import { choleskySolve } from "../../../src/model/train/choleskySolve.js";
import { rng } from "../../helpers/random.js";

/** A random SPD matrix A = B'B + 0.1 I (n x n) and a vector b. */
function spdProblem(n: number, seed: number): { A: Float64Array; b: Float64Array } {
  const r = rng(seed);
  const B = Float64Array.from({ length: n * n }, () => r() * 2 - 1);
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = i === j ? 0.1 : 0;
      for (let k = 0; k < n; k++) s += B[k * n + i]! * B[k * n + j]!;
      A[i * n + j] = s;
    }
  return { A, b: Float64Array.from({ length: n }, () => r() * 10 - 5) };
}

test("a convex quadratic 0.5 x'Ax - b'x: L-BFGS reaches A x = b (checked against Cholesky)", () => {
  const n = 20;
  const { A, b } = spdProblem(n, 3);
  const result = minimizeLbfgs(
    (x, g) => {
      let f = 0;
      for (let i = 0; i < n; i++) {
        let ax = 0;
        for (let j = 0; j < n; j++) ax += A[i * n + j]! * x[j]!;
        g[i] = ax - b[i]!;
        f += 0.5 * x[i]! * ax - b[i]! * x[i]!;
      }
      return f;
    },
    new Float64Array(n),
    { gradientTolerance: 1e-10 },
  );
  assert.equal(result.converged, true);
  assert.equal(result.stop, "gradient");
  assert.ok(result.maxAbsGradient <= 1e-10);
  const exact = choleskySolve(A, n, b);
  for (let i = 0; i < n; i++) assert.ok(Math.abs(result.x[i]! - exact[i]!) <= 1e-6 * (1 + Math.abs(exact[i]!)));
});

test("Rosenbrock from (-1.2, 1): the non-convex classic reaches (1, 1)", () => {
  const result = minimizeLbfgs(
    (x, g) => {
      const [a, b] = [x[0]!, x[1]!];
      g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
      g[1] = 200 * (b - a * a);
      return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
    },
    Float64Array.of(-1.2, 1),
    { gradientTolerance: 1e-9 },
  );
  assert.equal(result.converged, true);
  assert.ok(Math.abs(result.x[0]! - 1) < 1e-8 && Math.abs(result.x[1]! - 1) < 1e-8, `${result.x}`);
  assert.ok(result.iterations > 10 && result.iterations < 200, `${result.iterations} iterations`);
});

test("an objective without a minimum ends with converged: false instead of looping", () => {
  const result = minimizeLbfgs((x, g) => ((g[0] = -1), -x[0]!), Float64Array.of(0), { gradientTolerance: 1e-9 });
  assert.equal(result.converged, false);
  assert.equal(result.stop, "line_search");
  assert.equal(result.iterations, 0);
  assert.ok(result.evaluations < 200);
});

test("maxIterations stops early and says so", () => {
  const result = minimizeLbfgs(
    (x, g) => {
      const [a, b] = [x[0]!, x[1]!];
      g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
      g[1] = 200 * (b - a * a);
      return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
    },
    Float64Array.of(-1.2, 1),
    { gradientTolerance: 1e-9, maxIterations: 3 },
  );
  assert.equal(result.iterations, 3);
  assert.equal(result.converged, false);
  assert.equal(result.stop, "max_iterations");
});

test("a zero gradient at the start is converged after 0 iterations", () => {
  const result = minimizeLbfgs((x, g) => ((g[0] = 2 * x[0]!), x[0]! ** 2), Float64Array.of(0), {
    gradientTolerance: 1e-12,
  });
  assert.deepEqual([result.iterations, result.converged, result.x[0]], [0, true, 0]);
});
