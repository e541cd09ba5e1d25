import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { mcnemarExact } from "../../src/stats/mcnemarExact.js";

interface Case {
  b: number;
  c: number;
  pValue: number;
}

function loadCases<T>(file: string): T[] {
  const text = readFileSync(new URL(`../../fixtures/stats/${file}`, import.meta.url), "utf8");
  return (JSON.parse(text) as { cases: T[] }).cases;
}

/** min(1, 2 P(X <= min(b, c))), X ~ Binomial(b + c, 1/2), exactly with BigInt, then rounded. */
function exactP(b: number, c: number): number {
  const n = b + c;
  const k = Math.min(b, c);
  let coef = 1n;
  let sum = 0n;
  for (let i = 0; i <= k; i++) {
    sum += coef;
    coef = (coef * BigInt(n - i)) / BigInt(i + 1);
  }
  // 2 sum / 2^n with 60 significant bits before the division by a power of two
  const shift = Math.max(0, sum.toString(2).length - 60);
  const p = Number(sum >> BigInt(shift)) * Math.pow(2, shift + 1 - n);
  return Math.min(1, p);
}

test("mcnemarExact matches min(1, 2 binom.cdf(min(b, c), b + c, 0.5)) from scipy", () => {
  for (const c of loadCases<Case>("mcnemar_exact.json")) {
    const got = mcnemarExact(c.b, c.c);
    const err = c.pValue === 0 ? got : Math.abs(got - c.pValue) / c.pValue;
    assert.ok(err <= 1e-12, `b=${c.b} c=${c.c}: ${got} vs ${c.pValue}`);
  }
});

test("mcnemarExact agrees with exact rational arithmetic and is symmetric", () => {
  assert.equal(mcnemarExact(0, 0), 1);
  assert.equal(mcnemarExact(1, 9), 0.021484375);
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), (b, c) => {
      const got = mcnemarExact(b, c);
      assert.equal(mcnemarExact(c, b), got);
      const want = exactP(b, c);
      assert.ok(Math.abs(got - want) <= 1e-13 * want, `b=${b} c=${c}: ${got} vs ${want}`);
    }),
    { numRuns: 300 },
  );
  assert.throws(() => mcnemarExact(-1, 2), RangeError);
  assert.throws(() => mcnemarExact(1.5, 2), RangeError);
});
