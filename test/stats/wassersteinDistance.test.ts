import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { wassersteinDistance } from "../../src/stats/wassersteinDistance.js";

interface Progression {
  n: number;
  start: number;
  step: number;
}
interface Case {
  a: number[] | Progression;
  b: number[] | Progression;
  distance: number;
}

function loadCases<T>(file: string): T[] {
  const text = readFileSync(new URL(`../../fixtures/stats/${file}`, import.meta.url), "utf8");
  return (JSON.parse(text) as { cases: T[] }).cases;
}

function sample(s: number[] | Progression): Float64Array {
  if (Array.isArray(s)) return Float64Array.from(s);
  return Float64Array.from({ length: s.n }, (_, i) => s.start + s.step * i);
}

test("wassersteinDistance equals scipy.stats.wasserstein_distance bit for bit (numpy's summation order)", () => {
  const cases = loadCases<Case>("wasserstein.json");
  assert.ok(
    cases.some((c) => sample(c.a).length + sample(c.b).length > 8193),
    "numpy's 8192-element blocks",
  );
  for (const c of cases) {
    const got = wassersteinDistance(sample(c.a), sample(c.b));
    assert.ok(Object.is(got, c.distance), `${got} vs ${c.distance}`);
  }
});

test("wassersteinDistance: symmetric, 0 on identical samples, a shift moves it by the shift", () => {
  const sorted = fc
    .array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 40 })
    .map((xs) => Float64Array.from(xs).sort());
  fc.assert(
    fc.property(sorted, sorted, fc.integer({ min: 1, max: 50 }), (a, b, shift) => {
      const d = wassersteinDistance(a, b);
      assert.ok(d >= 0);
      assert.equal(wassersteinDistance(b, a), d);
      assert.equal(wassersteinDistance(a, a.slice()), 0);
      const moved = a.map((x) => x + shift);
      assert.ok(Math.abs(wassersteinDistance(a, moved) - shift) < 1e-12 * shift);
    }),
  );
  assert.throws(() => wassersteinDistance(new Float64Array(0), Float64Array.of(1)), RangeError);
});

test("wassersteinDistance on 1,000,000 vs 1,000,000 values is exact (a shift of 0.25)", () => {
  const n = 1_000_000;
  const a = Float64Array.from({ length: n }, (_, i) => i);
  const b = Float64Array.from({ length: n }, (_, i) => i + 0.25);
  const d = wassersteinDistance(a, b);
  assert.ok(Math.abs(d - 0.25) < 1e-12);
});

test("wassersteinDistance with infinite values: scipy's +inf cases, and 0 * inf = 0 where scipy says NaN", () => {
  const w = (a: number[], b: number[]) => wassersteinDistance(Float64Array.from(a).sort(), Float64Array.from(b).sort());
  const inf = Infinity;
  // scipy 1.17.1, scipy.stats.wasserstein_distance(u, v) (its own test_inf_values cases first): inf for all four.
  assert.equal(w([1, 2, inf], [1, 1]), inf);
  assert.equal(w([1, 2, inf], [-inf, 1]), inf);
  assert.equal(w([1, -inf, inf], [1, 1]), inf);
  assert.equal(w([1, 2, inf], [1, 2, 3]), inf);
  assert.equal(w([-inf, 1, 2, 3], [1, 2, 3]), inf);
  // scipy returns nan for these (it computes the zero-width gap between equal infinities as inf - inf, or
  // multiplies an infinite gap by a CDF difference of 0); the integral of |F_u - F_v| is well defined:
  assert.equal(w([1, 2, inf], [1, 2, inf]), 0); // identical samples
  assert.equal(w([1, 2, inf], [inf, 1]), inf); // CDFs differ by 1/6 on (2, inf)
  assert.equal(w([-inf, 1], [-inf, 2]), 0.5); // equal mass at -inf, then 1/2 on [1, 2)
  assert.equal(w([inf, inf], [inf]), 0);
});

test("wassersteinDistance(a, b, 2^k) is W / 2^k bit for bit, and finite where W overflows", () => {
  const a = Float64Array.of(-3, 0.5, 1, 7);
  const b = Float64Array.of(-1, 2, 2, 9, 10);
  const w = wassersteinDistance(a, b);
  assert.equal(wassersteinDistance(a, b, 4), w / 4);
  assert.equal(wassersteinDistance(a, b, Math.pow(2, -20)), w * Math.pow(2, 20));
  const big = Float64Array.of(-1.7e308);
  const other = Float64Array.of(1.7e308);
  assert.equal(wassersteinDistance(big, other), Infinity);
  assert.equal(wassersteinDistance(big, other, Math.pow(2, 1023)), (1.7e308 / Math.pow(2, 1023)) * 2);
});
