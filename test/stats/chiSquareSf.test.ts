import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { chiSquareSf } from "../../src/stats/chiSquareSf.js";

interface Case {
  x: number;
  df: number;
  sf: number;
}

function loadCases<T>(file: string): T[] {
  const text = readFileSync(new URL(`../../fixtures/stats/${file}`, import.meta.url), "utf8");
  return (JSON.parse(text) as { cases: T[] }).cases;
}

function error(got: number, want: number): number {
  if (Object.is(got, want)) return 0;
  if (want > 1e-300) return Math.abs(got - want) / want;
  return got <= 1e-300 ? 0 : Infinity;
}

test("chiSquareSf matches scipy.stats.chi2.sf to 1e-12 over df 1..200 and x from 1e-3 to 2000", () => {
  const cases = loadCases<Case>("chi2_sf.json");
  assert.ok(
    cases.some((c) => c.sf < 1e-250 && c.sf > 1e-300),
    "deep tail covered",
  );
  assert.ok(cases.some((c) => c.df === 200 && c.x === 2000));
  for (const c of cases) {
    const got = chiSquareSf(c.x, c.df);
    assert.ok(error(got, c.sf) <= 1e-12, `x=${c.x} df=${c.df}: ${got} vs ${c.sf}`);
  }
});

test("chiSquareSf: closed forms for df = 2 (exp(-x/2)) and df = 1 (erfc), decreasing in x", () => {
  for (const x of [1e-3, 0.5, 2, 10, 100, 700, 1400]) {
    const want = Math.exp(-x / 2);
    assert.ok(Math.abs(chiSquareSf(x, 2) - want) / want < 1e-14, `x=${x}`);
  }
  assert.ok(Math.abs(chiSquareSf(3.841458820694124, 1) - 0.05) < 1e-15);
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 300 }), fc.double({ min: 0, max: 1500, noNaN: true }), (df, x) => {
      const a = chiSquareSf(x, df);
      const b = chiSquareSf(x * 1.01 + 1e-9, df);
      assert.ok(a >= 0 && a <= 1 && b <= a);
    }),
  );
  assert.equal(chiSquareSf(0, 4), 1);
  assert.equal(chiSquareSf(-3, 4), 1);
  assert.equal(chiSquareSf(Infinity, 4), 0);
  assert.throws(() => chiSquareSf(1, 0), RangeError);
  assert.throws(() => chiSquareSf(NaN, 3), RangeError);
});
