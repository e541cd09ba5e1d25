import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { ksStatistic } from "../../src/stats/ksStatistic.js";

interface KsCase {
  label: string;
  a: number[];
  b: number[];
  results: Record<string, { methodUsed: string; statistic: number; pValue: number }>;
}

function loadCases<T>(file: string): T[] {
  const text = readFileSync(new URL(`../../fixtures/stats/${file}`, import.meta.url), "utf8");
  return (JSON.parse(text) as { cases: T[] }).cases;
}

/** D by definition: max over every data point x of |#{a <= x}/n - #{b <= x}/m|, O(n m). */
function bruteForceD(a: Float64Array, b: Float64Array): number {
  let d = 0;
  for (const x of [...a, ...b]) {
    const fa = a.filter((v) => v <= x).length / a.length;
    const fb = b.filter((v) => v <= x).length / b.length;
    d = Math.max(d, Math.abs(fa - fb));
  }
  return d;
}

const sortedSample = (values: fc.Arbitrary<number>, maxLength = 40) =>
  fc.array(values, { minLength: 1, maxLength }).map((xs) => Float64Array.from(xs).sort());
const tiedValues = fc.integer({ min: -3, max: 3 }).map((x) => x / 2);
const anyValues = fc.double({ noNaN: true, noDefaultInfinity: false });

test("ksStatistic equals scipy's raw D bit for bit (ties, n = 1, D = 0 and 1)", () => {
  const cases = loadCases<KsCase>("ks_two_sample.json");
  assert.ok(cases.length > 30);
  for (const c of cases) {
    // The asymp statistic is scipy's D before the exact path rounds it to h / lcm.
    const got = ksStatistic(Float64Array.from(c.a), Float64Array.from(c.b));
    assert.equal(got, c.results.asymp!.statistic, c.label);
  }
});

test("ksStatistic: D in [0, 1], symmetric, 0 on identical samples, equal to the definition", () => {
  fc.assert(
    fc.property(
      fc.oneof(sortedSample(tiedValues), sortedSample(anyValues)),
      fc.oneof(sortedSample(tiedValues), sortedSample(anyValues)),
      (a, b) => {
        const d = ksStatistic(a, b);
        assert.ok(d >= 0 && d <= 1);
        assert.equal(ksStatistic(b, a), d);
        assert.equal(ksStatistic(a, a.slice()), 0);
        assert.equal(d, bruteForceD(a, b));
      },
    ),
    { numRuns: 300 },
  );
});

test("ksStatistic: hand-checked values", () => {
  assert.equal(ksStatistic(Float64Array.of(1, 2, 3), Float64Array.of(2, 3, 4, 5)), 0.5);
  assert.equal(ksStatistic(Float64Array.of(1, 2), Float64Array.of(3, 4)), 1);
  assert.equal(ksStatistic(Float64Array.of(-0), Float64Array.of(0)), 0);
  assert.throws(() => ksStatistic(new Float64Array(0), Float64Array.of(1)), RangeError);
});

/** #{s <= x} by binary search. */
function countAtMost(s: Float64Array, x: number): number {
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

test("ksStatistic on 1,000,000 vs 1,000,000 sorted values equals the brute-force supremum", () => {
  const n = 1_000_000;
  const a = Float64Array.from({ length: n }, (_, i) => i * 2);
  const b = Float64Array.from({ length: n }, (_, i) => i * 2 + 1 + (i >= n / 2 ? 1000 : 0));
  const d = ksStatistic(a, b);
  let want = 0;
  for (const s of [a, b]) {
    for (let i = 0; i < n; i++) {
      const x = s[i]!;
      want = Math.max(want, Math.abs(countAtMost(a, x) / n - countAtMost(b, x) / n));
    }
  }
  assert.equal(d, want);
  assert.ok(Math.abs(d - 501 / n) < 1e-15);
});
