import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { radixSortFloat64, radixSortFloat64InPlace } from "../../src/stats/radixSortFloat64.js";

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

test("radixSortFloat64InPlace sorts in place with a reused scratch buffer, whatever passes are skipped", () => {
  const scratch = new Float64Array(5000);
  const cases = [
    Float64Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 5000) - 2500), // small integers: high digits constant
    Float64Array.from({ length: 3000 }, (_, i) => 1 + ((i * 31) % 997) * 2 ** -40), // only low bits vary
    Float64Array.from({ length: 4000 }, (_, i) => Math.sin(i) * 1e300),
    new Float64Array(1000).fill(3.5),
  ];
  for (const xs of cases) {
    const expected = xs.slice().sort();
    radixSortFloat64InPlace(xs, scratch);
    assert.deepEqual(xs, expected);
  }
});
