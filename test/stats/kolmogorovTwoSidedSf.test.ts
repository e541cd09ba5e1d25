import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { kolmogorovTwoSidedSf } from "../../src/stats/kolmogorovTwoSidedSf.js";

interface Case {
  n: number;
  d: number;
  sf: number;
}

function loadCases<T>(file: string): T[] {
  const text = readFileSync(new URL(`../../fixtures/stats/${file}`, import.meta.url), "utf8");
  return (JSON.parse(text) as { cases: T[] }).cases;
}

/** Relative error where the reference exceeds 1e-300; below that, both must be below 1e-300. */
function error(got: number, want: number): number {
  if (Object.is(got, want)) return 0;
  if (want > 1e-300) return Math.abs(got - want) / want;
  return got <= 1e-300 ? 0 : Infinity;
}

const cases = loadCases<Case>("kstwo_sf.json");

test("kolmogorovTwoSidedSf matches scipy.stats.kstwo.sf to 2e-12 relative on every branch", () => {
  assert.ok(cases.length > 700);
  for (const c of cases) {
    const got = kolmogorovTwoSidedSf(c.d, c.n);
    const err = error(got, c.sf);
    assert.ok(err <= 2e-12, `n=${c.n} d=${c.d}: ${got} vs ${c.sf} (rel ${err})`);
    assert.ok(got >= 0 && got <= 1);
  }
});

test("kolmogorovTwoSidedSf at n = 500,000 (1e6 vs 1e6 rows) over n d^2 in [0.01, 400]", () => {
  const big = cases.filter((c) => c.n === 500000);
  const nd2 = big.map((c) => c.n * c.d * c.d);
  assert.ok(Math.min(...nd2) <= 0.011 && Math.max(...nd2) >= 399);
  for (const c of big) {
    const got = kolmogorovTwoSidedSf(c.d, c.n);
    assert.ok(error(got, c.sf) <= 2e-12, `d=${c.d}: ${got} vs ${c.sf}`);
  }
});

test("kolmogorovTwoSidedSf: closed forms and edges", () => {
  assert.equal(kolmogorovTwoSidedSf(0, 10), 1);
  assert.equal(kolmogorovTwoSidedSf(-1, 10), 1);
  assert.equal(kolmogorovTwoSidedSf(1, 10), 0);
  assert.equal(kolmogorovTwoSidedSf(0.04, 10), 1); // n d <= 1/2
  // Ruben-Gambino upper tail: 2 (1 - d)^n for n d >= n - 1
  const tail = 2 * Math.pow(1 - 0.95, 10);
  assert.ok(Math.abs(kolmogorovTwoSidedSf(0.95, 10) - tail) / tail < 1e-15);
  // n = 1: D_1 = max(U, 1 - U), P(D_1 >= d) = 2 (1 - d) for d >= 1/2
  assert.ok(Math.abs(kolmogorovTwoSidedSf(0.7, 1) - 0.6) < 1e-15);
  // Sketch counts can exceed 2^31. scipy returns NaN there (its C smirnov takes an int n); the n > 1e6 branches
  // need no 32-bit n, so we answer (2 exp(-(6 n d + 1)^2 / (18 n)) here, ~2.5e-4).
  const huge = kolmogorovTwoSidedSf(3e-5, 5e9);
  assert.ok(huge > 0 && huge < 1e-3, String(huge));
  assert.throws(() => kolmogorovTwoSidedSf(0.5, 0), RangeError);
  assert.throws(() => kolmogorovTwoSidedSf(0.5, 2.5), RangeError);
  assert.throws(() => kolmogorovTwoSidedSf(NaN, 5), RangeError);
});
