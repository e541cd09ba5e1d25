import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { pairwiseSum } from "../../src/stats/pairwiseSum.js";

const fixture = JSON.parse(readFileSync("fixtures/metrics/sums.json", "utf8")) as {
  cases: { n: number; sum_y: number; sum_sq: number; mean_y: number }[];
};

/** The arrays of make_metrics_fixtures.py's `generated(n)`: integer arithmetic and one division, so bit-identical. */
function generated(n: number): { y: Float64Array; p: Float64Array } {
  const y = new Float64Array(n);
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = ((i * 7919) % 10007) / 97 - 50;
    p[i] = y[i]! + (((i * 104729) % 1009) / 101 - 5);
  }
  return { y, p };
}

test("pairwiseSum reproduces numpy's np.sum and np.mean to the bit", () => {
  for (const c of fixture.cases) {
    const { y, p } = generated(c.n);
    const sq = y.map((v, i) => (v - p[i]!) * (v - p[i]!));
    assert.equal(pairwiseSum(y), c.sum_y, `sum, n = ${c.n}`);
    assert.equal(pairwiseSum(sq), c.sum_sq, `sum of squares, n = ${c.n}`);
    assert.equal(pairwiseSum(y) / c.n, c.mean_y, `mean, n = ${c.n}`);
  }
});

test("pairwiseSum of a naive loop's worst case stays accurate, and ranges work", () => {
  const xs = new Float64Array(1_000_001).fill(0.1);
  xs[0] = 1e8;
  let naive = 0;
  for (const x of xs) naive += x;
  const exact = 1e8 + 100000;
  assert.ok(Math.abs(pairwiseSum(xs) - exact) < Math.abs(naive - exact));
  assert.equal(pairwiseSum(Float64Array.of(1, 2, 3, 4), 1, 3), 5);
  assert.equal(pairwiseSum(new Float64Array(0)), 0);
  assert.equal(pairwiseSum(Float64Array.of(0.1, 0.2, 0.3)), 0.6000000000000001);
});

test("property: pairwiseSum of integers is exact", () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { maxLength: 3000 }), (xs) => {
      assert.equal(
        pairwiseSum(Float64Array.from(xs)),
        xs.reduce((a, b) => a + b, 0),
      );
    }),
  );
});
