import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { QuantileSketch } from "../../src/profile/quantileSketch.js";

/** The sketch of adding each valid value one by one: what addValues must equal. */
function oneByOne(values: Float64Array, valid: Uint8Array, accuracy: number): QuantileSketch {
  const s = new QuantileSketch(accuracy);
  for (let i = 0; i < values.length; i++) if (valid[i] !== 0 && values[i] === values[i]) s.add(values[i]!);
  return s;
}

const value = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer({ min: -100, max: 100 }).map((i) => i),
  fc.double({ min: 0.001, max: 1000, noNaN: true }),
  fc.constantFrom(0, -0, Infinity, -Infinity, NaN, 1e-301, -1e-301, 5e-324, Number.MAX_VALUE, -Number.MAX_VALUE),
);

test("addValues gives the buckets of add() value by value: signs, zeros, tiny, huge, infinities, NaN and the valid mask", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(value, fc.boolean()), { maxLength: 300 }),
      fc.constantFrom(0.001, 0.01, 0.05),
      fc.array(value, { maxLength: 20 }),
      (cells, accuracy, before) => {
        const values = Float64Array.from(cells, (c) => c[0]);
        const valid = Uint8Array.from(cells, (c) => (c[1] ? 1 : 0));
        const want = oneByOne(values, valid, accuracy);
        const got = new QuantileSketch(accuracy);
        // A sketch that already holds values (sparse or dense stores) takes the batch the same way.
        for (const x of before)
          if (x === x) {
            want.add(x);
            got.add(x);
          }
        got.addValues(values, valid);
        assert.deepEqual(got.toJson(), want.toJson());
      },
    ),
    { numRuns: 500 },
  );
});

test("addValues on a batch wider than the scratch run (values from 1e-300 to 1e300) and on a dense store", () => {
  const values = Float64Array.from({ length: 5000 }, (_, i) => (i % 2 ? 1 : -1) * 10 ** (((i * 37) % 600) - 300));
  const valid = new Uint8Array(values.length).fill(1);
  assert.deepEqual(
    (() => {
      const s = new QuantileSketch(0.001);
      s.addValues(values, valid);
      return s.toJson();
    })(),
    oneByOne(values, valid, 0.001).toJson(),
  );
  const dense = Float64Array.from({ length: 20_000 }, (_, i) => 50 + (i % 997) * 0.01);
  const all = new Uint8Array(dense.length).fill(1);
  const s = new QuantileSketch(0.001);
  s.addValues(dense.subarray(0, 10_000), all);
  s.addValues(dense.subarray(10_000), all);
  assert.deepEqual(s.toJson(), oneByOne(dense, all, 0.001).toJson());
});

test("batch after batch into one sketch (a running profile's chunks) gives the buckets of add() value by value", () => {
  // Few distinct values, so that later batches land on buckets earlier ones occupied, between and around them.
  const cell = fc.oneof(fc.integer({ min: -40, max: 40 }), fc.constantFrom(0.5, 1e-5, 3e7, -2.25, Infinity));
  fc.assert(
    fc.property(fc.array(fc.array(cell, { maxLength: 60 }), { maxLength: 8 }), (batches) => {
      const want = new QuantileSketch(0.01);
      const got = new QuantileSketch(0.01);
      for (const batch of batches) {
        for (const x of batch) want.add(x);
        const values = Float64Array.from(batch);
        got.addValues(values, new Uint8Array(values.length).fill(1));
        assert.deepEqual(got.toJson(), want.toJson());
      }
    }),
    { numRuns: 500 },
  );
});
