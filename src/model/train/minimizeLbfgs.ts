/**
 * The objective: returns f(x) and writes the gradient into `gradient` (same length as x).
 */
export type ObjectiveWithGradient = (x: Float64Array, gradient: Float64Array) => number;

export interface LbfgsOptions {
  /** Converged when every |gradient component| <= this. */
  gradientTolerance: number;
  /** Accepted steps before giving up (converged: false). Default 10,000. */
  maxIterations?: number;
  /** Correction pairs kept. Default 10 (scipy's L-BFGS-B default). */
  memory?: number;
}

export interface LbfgsResult {
  x: Float64Array;
  value: number;
  /** Accepted steps. */
  iterations: number;
  /** Objective evaluations, line searches included. */
  evaluations: number;
  maxAbsGradient: number;
  converged: boolean;
  /** gradient: tolerance reached; max_iterations; line_search: no step made progress (rounding floor). */
  stop: "gradient" | "max_iterations" | "line_search";
}

const C1 = 1e-4; // sufficient decrease
const C2 = 0.9; // curvature (strong Wolfe), the usual choice for quasi-Newton methods

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (const v of a) m = Math.max(m, Math.abs(v));
  return m;
}

/**
 * Unconstrained L-BFGS (Nocedal & Wright, Numerical Optimization, 2nd ed., algorithms 7.4 and 7.5) with a
 * strong-Wolfe line search (algorithms 3.5 and 3.6, interpolating on the directional derivative).
 *
 * The stopping rule is on the gradient only. scipy's L-BFGS-B also stops when f decreases by less than a relative
 * 2.2e-9, which is how scikit-learn's LogisticRegression ends short of its `tol`. Near the optimum f changes by
 * about |g|^2 / curvature, far below the rounding of f itself, so the sufficient-decrease test allows f to rise by
 * its rounding error (1e-13 relative): the curvature condition, computed from gradients, still keeps each step near
 * the line minimum, and on a convex objective such a step cannot go uphill beyond rounding. That lets the method
 * drive the gradient down to its own rounding floor. If no step can be found (the floor is reached before the
 * tolerance), it stops with converged: false.
 *
 * Deterministic: no randomness, fixed evaluation order. Example:
 *   minimizeLbfgs((x, g) => { g[0] = 2 * (x[0]! - 3); return (x[0]! - 3) ** 2; }, new Float64Array(1),
 *     { gradientTolerance: 1e-12 }).x  // [3]
 */
export function minimizeLbfgs(fg: ObjectiveWithGradient, x0: Float64Array, options: LbfgsOptions): LbfgsResult {
  const n = x0.length;
  const m = options.memory ?? 10;
  const maxIterations = options.maxIterations ?? 10_000;
  const tol = options.gradientTolerance;
  let x: Float64Array = Float64Array.from(x0);
  let g: Float64Array = new Float64Array(n);
  let f = fg(x, g);
  let evaluations = 1;
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const alpha = new Float64Array(m);
  const d = new Float64Array(n);
  let iterations = 0;
  let stop: LbfgsResult["stop"] = "max_iterations";

  while (iterations < maxIterations) {
    if (!(maxAbs(g) > tol)) {
      stop = "gradient";
      break;
    }
    // Two-loop recursion: d = -H g, with H0 = (s'y / y'y) I from the newest pair.
    for (let i = 0; i < n; i++) d[i] = -g[i]!;
    for (let k = S.length - 1; k >= 0; k--) {
      const a = rho[k]! * dot(S[k]!, d);
      alpha[k] = a;
      const y = Y[k]!;
      for (let i = 0; i < n; i++) d[i]! -= a * y[i]!;
    }
    if (S.length > 0) {
      const last = S.length - 1;
      const gamma = 1 / (rho[last]! * dot(Y[last]!, Y[last]!));
      for (let i = 0; i < n; i++) d[i]! *= gamma;
    }
    for (let k = 0; k < S.length; k++) {
      const b = rho[k]! * dot(Y[k]!, d);
      const s = S[k]!;
      const a = alpha[k]!;
      for (let i = 0; i < n; i++) d[i]! += (a - b) * s[i]!;
    }
    let slope = dot(d, g);
    if (!(slope < 0)) {
      // Not a descent direction (only after rounding trouble): restart from steepest descent.
      S.length = Y.length = rho.length = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i]!;
      slope = dot(d, g);
    }
    const first = S.length === 0 ? Math.min(1, 1 / Math.sqrt(dot(g, g))) : 1;
    let step = lineSearch(fg, x, f, slope, d, first);
    evaluations += step.evaluations;
    if (!step.ok && S.length > 0) {
      // Stale curvature pairs can make a poor direction: retry once along -g before giving up.
      S.length = Y.length = rho.length = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i]!;
      slope = dot(d, g);
      step = lineSearch(fg, x, f, slope, d, Math.min(1, 1 / Math.sqrt(dot(g, g))));
      evaluations += step.evaluations;
    }
    if (!step.ok) {
      stop = "line_search";
      break;
    }
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = step.x[i]! - x[i]!;
      y[i] = step.g[i]! - g[i]!;
    }
    const sy = dot(s, y);
    if (sy > 1e-16 * dot(y, y)) {
      if (S.length === m) {
        S.shift();
        Y.shift();
        rho.shift();
      }
      S.push(s);
      Y.push(y);
      rho.push(1 / sy);
    }
    x = step.x;
    g = step.g;
    f = step.f;
    iterations++;
  }
  if (stop === "max_iterations" && !(maxAbs(g) > tol)) stop = "gradient";
  const maxAbsGradient = maxAbs(g);
  return { x, value: f, iterations, evaluations, maxAbsGradient, converged: maxAbsGradient <= tol, stop };
}

interface Trial {
  a: number;
  f: number;
  /** Directional derivative g(x + a d) . d */
  df: number;
  x: Float64Array;
  g: Float64Array;
}

interface StepResult {
  ok: boolean;
  x: Float64Array;
  g: Float64Array;
  f: number;
  evaluations: number;
}

/** Strong-Wolfe line search along d from x (f0 = f(x), slope0 = g(x).d < 0), first trial step a0. */
function lineSearch(
  fg: ObjectiveWithGradient,
  x: Float64Array,
  f0: number,
  slope0: number,
  d: Float64Array,
  a0: number,
): StepResult {
  const n = x.length;
  let evaluations = 0;
  const slack = 1e-13 * Math.max(1, Math.abs(f0));
  const evaluate = (a: number): Trial => {
    const xt = new Float64Array(n);
    for (let i = 0; i < n; i++) xt[i] = x[i]! + a * d[i]!;
    const gt = new Float64Array(n);
    const ft = fg(xt, gt);
    evaluations++;
    return { a, f: ft, df: dot(gt, d), x: xt, g: gt };
  };
  const armijo = (t: Trial) => Number.isFinite(t.f) && t.f <= f0 + C1 * t.a * slope0 + slack;
  const curvature = (t: Trial) => Math.abs(t.df) <= -C2 * slope0;
  const done = (t: Trial): StepResult => ({ ok: true, x: t.x, g: t.g, f: t.f, evaluations });
  const fail = (): StepResult => ({ ok: false, x, g: new Float64Array(n), f: f0, evaluations });

  const origin: Trial = { a: 0, f: f0, df: slope0, x, g: new Float64Array(n) };
  let prev = origin;
  let a = a0;
  for (let i = 0; i < 60; i++) {
    const t = evaluate(a);
    if (!armijo(t) || (i > 0 && t.f > prev.f + slack)) return zoom(prev, t);
    if (curvature(t)) return done(t);
    if (t.df >= 0) return zoom(t, prev);
    prev = t;
    a *= 4;
  }
  return fail();

  /** lo satisfies the sufficient decrease test and the line minimum lies between lo and hi. */
  function zoom(lo: Trial, hi: Trial): StepResult {
    for (let i = 0; i < 60; i++) {
      const width = hi.a - lo.a;
      if (Math.abs(width) <= 1e-16 * Math.max(Math.abs(lo.a), Math.abs(hi.a))) break;
      // Secant on the directional derivative when it changes sign across the interval, else bisection;
      // kept inside the middle 80% so the interval always shrinks.
      let a = lo.a + width / 2;
      if (Number.isFinite(hi.df) && lo.df * hi.df < 0) a = lo.a + (width * lo.df) / (lo.df - hi.df);
      const lower = Math.min(lo.a, hi.a) + 0.1 * Math.abs(width);
      const upper = Math.max(lo.a, hi.a) - 0.1 * Math.abs(width);
      a = Math.min(upper, Math.max(lower, a));
      const t = evaluate(a);
      if (!armijo(t) || t.f > lo.f + slack) {
        hi = t;
      } else {
        if (curvature(t)) return done(t);
        if (t.df * (hi.a - lo.a) >= 0) hi = lo;
        lo = t;
      }
    }
    // The interval collapsed without a strong-Wolfe point; a step that lowered f is still progress.
    return lo.a > 0 && lo.f < f0 ? done(lo) : fail();
  }
}
