import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { smirnovSf } from "../../src/stats/smirnovSf.js";

interface Case {
  n: number;
  x: number;
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

const cases = loadCases<Case>("smirnov.json");

test("smirnovSf matches scipy.special.smirnov: 5e-15 for n <= 1000 and n > 1e6 (scipy's own algorithm)", () => {
  const same = cases.filter((c) => c.n <= 1000 || c.n > 1e6);
  assert.ok(same.length > 200);
  for (const c of same) {
    const got = smirnovSf(c.n, c.x);
    assert.ok(error(got, c.sf) <= 5e-15, `n=${c.n} x=${c.x}: ${got} vs ${c.sf}`);
  }
});

test("smirnovSf matches scipy.special.smirnov to 2e-12 for 1000 < n <= 1e6 (saddle-point terms)", () => {
  const big = cases.filter((c) => c.n > 1000 && c.n <= 1e6);
  assert.ok(big.some((c) => c.n === 1e6) && big.some((c) => c.n === 500000) && big.some((c) => c.n === 100000));
  const tiny = big.filter((c) => c.sf > 1e-300 && c.sf < 1e-250);
  assert.ok(tiny.length > 0, "p-values down to 1e-300 are covered");
  for (const c of big) {
    const got = smirnovSf(c.n, c.x);
    const err = error(got, c.sf);
    assert.ok(err <= 2e-12, `n=${c.n} x=${c.x}: ${got} vs ${c.sf} (rel ${err})`);
  }
});

test("smirnovSf: closed forms, the Birnbaum-Tingey sum by hand, monotone in x", () => {
  assert.equal(smirnovSf(1, 0.3), 0.7);
  assert.equal(smirnovSf(7, 0), 1);
  assert.equal(smirnovSf(7, 1), 0);
  assert.ok(Math.abs(smirnovSf(5, 0.5) - 0.056) < 1e-16);
  // n = 3, x = 0.2: the Birnbaum-Tingey sum written out, j <= floor(3 (1 - x)) = 2
  const x = 0.2;
  let sum = 0;
  const binom = [1, 3, 3];
  for (let j = 0; j <= 2; j++) sum += binom[j]! * Math.pow(x + j / 3, j - 1) * Math.pow(1 - x - j / 3, 3 - j);
  assert.ok(Math.abs(smirnovSf(3, x) - x * sum) < 1e-15);
  for (const n of [10, 2000]) {
    let prev = 1;
    for (let i = 1; i < 100; i++) {
      const v = smirnovSf(n, i / 100);
      assert.ok(v <= prev, `n=${n} x=${i / 100}`);
      prev = v;
    }
  }
  assert.throws(() => smirnovSf(0, 0.5), RangeError);
  assert.throws(() => smirnovSf(5, 1.5), RangeError);
});

test("smirnovSf at n = 1,000,000 matches scipy", () => {
  const v = smirnovSf(1000000, 0.0015);
  assert.ok(Math.abs(v - 0.011097879215320433) / 0.011097879215320433 < 2e-12);
});
