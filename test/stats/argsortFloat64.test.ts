import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { argsortFloat64 } from "../../src/stats/argsortFloat64.js";

/** The stable argsort by comparison: ties keep their index order, -0 before +0 (as the native sort orders them). */
function referenceArgsort(xs: Float64Array): number[] {
  const negativeZero = (x: number) => (Object.is(x, -0) ? 0 : 1);
  const compare = (x: number, y: number) => (x < y ? -1 : x > y ? 1 : negativeZero(x) - negativeZero(y));
  return Array.from(xs, (_, i) => i).sort((a, b) => compare(xs[a]!, xs[b]!) || a - b);
}

test("argsortFloat64 equals a stable comparison argsort on any doubles but NaN", () => {
  fc.assert(
    fc.property(fc.array(fc.double({ noNaN: true }), { minLength: 0, maxLength: 2000 }), (xs) => {
      const input = Float64Array.from(xs);
      const copy = input.slice();
      assert.deepEqual(Array.from(argsortFloat64(input)), referenceArgsort(copy));
      assert.deepEqual(input, copy);
    }),
    { numRuns: 150 },
  );
});

test("argsortFloat64 keeps ties in index order, with float32-valued scores (skipped passes) and many ties", () => {
  const base = [0.25, Math.fround(0.1), -0, 0, 1, Math.fround(0.7), 0.25, -Infinity, Infinity, -3];
  const xs = Float64Array.from({ length: 5000 }, (_, i) => base[(i * 7) % base.length]!);
  assert.deepEqual(Array.from(argsortFloat64(xs)), referenceArgsort(xs));
  const f32 = Float64Array.from({ length: 3000 }, (_, i) => Math.fround(Math.sin(i) / 3));
  assert.deepEqual(Array.from(argsortFloat64(f32)), referenceArgsort(f32));
});
