import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { PackedSketch } from "../../src/profile/packedSketch.js";
import { QuantileSketch, SketchStoreJson, type SketchJson } from "../../src/profile/quantileSketch.js";

/** Values with zeros, both signs, tiny magnitudes and infinities, so every part of a sketch is exercised. */
const values = fc.array(
  fc.oneof(
    fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
    fc.constantFrom(0, -0, 1e-310, -1e-310, Infinity, -Infinity, 1.7e308, -1.7e308, 3, 3.001),
  ),
  { maxLength: 60 },
);
const accuracies = fc.constantFrom(0.001, 0.01, 0.05);

function sketchOf(xs: readonly number[], accuracy: number): QuantileSketch {
  const s = new QuantileSketch(accuracy);
  for (const x of xs) s.add(x);
  return s;
}

/** Every reading a drift makes of a sketch. */
function readings(s: QuantileSketch | PackedSketch): unknown {
  const { keys, counts } = s.buckets();
  return {
    relativeAccuracy: s.relativeAccuracy,
    infinityKey: s.infinityKey,
    count: s.count,
    positiveInfinity: s.positiveInfinity,
    negativeInfinity: s.negativeInfinity,
    keys: [...keys],
    counts: [...counts],
    values: [...keys].map((k) => s.keyValue(k)),
    upper: [...keys].map((k) => s.keyUpperBound(k)),
    json: s.toJson(),
  };
}

test("a packed sketch reads as the QuantileSketch of the same JSON, in the file's form and in memory's", () => {
  fc.assert(
    fc.property(values, accuracies, (xs, accuracy) => {
      const sketch = sketchOf(xs, accuracy);
      // As a profile file holds it (dense runs) and as a profile read into memory holds it (occupied buckets).
      for (const j of [sketch.toJson(), sketch.toProfileJson()]) {
        assert.deepEqual(readings(PackedSketch.fromJson(j)), readings(QuantileSketch.fromJson(j)));
      }
    }),
    // Each run writes dense runs up to some 700,000 counts long (1.7e308 and 1e-310 in one sketch).
    { numRuns: 40 },
  );
});

test("a packed sketch skips buckets counted 0, as QuantileSketch.fromJson does", () => {
  const j: SketchJson = {
    relative_accuracy: 0.01,
    zero: 0,
    positive: { offset: 40, counts: [2, 0, 0, 5, 0] },
    negative: new SketchStoreJson([7, 9], [0, 4]) as unknown as SketchJson["negative"],
    positive_infinity: 1,
  };
  const packed = PackedSketch.fromJson(j);
  assert.deepEqual(readings(packed), readings(QuantileSketch.fromJson(j)));
  assert.deepEqual([...packed.buckets().keys], [-9, 40, 43, packed.infinityKey]);
  assert.equal(packed.count, 12);
});

test("an empty packed sketch has no buckets and no count", () => {
  const packed = PackedSketch.fromJson(new QuantileSketch(0.001).toJson());
  assert.equal(packed.count, 0);
  assert.equal(packed.buckets().keys.length, 0);
  assert.equal(packed.positiveInfinity, 0);
  assert.equal(packed.negativeInfinity, 0);
  assert.deepEqual(packed.toJson(), new QuantileSketch(0.001).toJson());
});
