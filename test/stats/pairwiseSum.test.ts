import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { pairwiseSum } from "../../src/stats/pairwiseSum.js";

interface Case {
  n: number;
  sum: number;
}

function loadCases<T>(file: string): T[] {
  const text = readFileSync(new URL(`../../fixtures/stats/${file}`, import.meta.url), "utf8");
  return (JSON.parse(text) as { cases: T[] }).cases;
}

test("pairwiseSum reproduces np.sum's order bit for bit (plain loop, 8 lanes, halving, 8192 blocks)", () => {
  for (const c of loadCases<Case>("numpy_sum.json")) {
    const x = Float64Array.from({ length: c.n }, (_, i) => ((i * 7919) % 10007) / 997.0 - 5.0 + (i % 3) * 1e-9);
    assert.ok(Object.is(pairwiseSum(x), c.sum), `n=${c.n}: ${pairwiseSum(x)} vs ${c.sum}`);
  }
});

test("pairwiseSum is exact on small integers and respects its range", () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 500 }), (xs) => {
      assert.equal(
        pairwiseSum(xs),
        xs.reduce((a, b) => a + b, 0),
      );
      if (xs.length > 2)
        assert.equal(
          pairwiseSum(xs, 1, xs.length - 1),
          xs.slice(1, -1).reduce((a, b) => a + b, 0),
        );
    }),
  );
  assert.throws(() => pairwiseSum([1, 2], 0, 3), RangeError);
});
