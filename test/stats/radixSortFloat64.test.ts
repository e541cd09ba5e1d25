import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { radixSortFloat64 } from "../../src/stats/radixSortFloat64.js";

test("radixSortFloat64 equals the native sort on any doubles but NaN", () => {
  fc.assert(
    fc.property(fc.array(fc.double({ noNaN: true }), { minLength: 0, maxLength: 3000 }), (xs) => {
      const input = Float64Array.from(xs);
      const expected = input.slice().sort();
      const got = radixSortFloat64(input);
      assert.equal(got.length, expected.length);
      for (let i = 0; i < got.length; i++)
        assert.ok(Object.is(got[i], expected[i]), `index ${i}: ${got[i]} vs ${expected[i]}`);
    }),
    { numRuns: 200 },
  );
});

test("radixSortFloat64 leaves its input alone and handles ties, zeros and infinities", () => {
  const base = [0, -0, Infinity, -Infinity, 1e-310, -1e-310, 5, 5, 5, -2.5, Number.MAX_VALUE, -Number.MIN_VALUE];
  const xs = Float64Array.from({ length: 2000 }, (_, i) => base[i % base.length]!);
  const copy = xs.slice();
  const got = radixSortFloat64(xs);
  assert.deepEqual(xs, copy);
  const expected = copy.slice().sort();
  for (let i = 0; i < got.length; i++) assert.ok(Object.is(got[i], expected[i]));
});
