import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { QuantileSketch, SketchStoreJson, type SketchJson } from "../../src/profile/quantileSketch.js";

test("every value is within the relative accuracy of its bucket's representative", () => {
  const s = new QuantileSketch(0.001);
  for (const x of [1e-200, 1e-9, 0.5, 1, 50.1234, 1e6, 1.7e308, -3.25, -1e-5]) {
    const v = s.keyValue(s.key(x));
    assert.ok(Math.abs(v - x) <= 0.001 * Math.abs(x) * (1 + 1e-12), `${x} -> ${v}`);
  }
});

test("keys are monotone in the value", () => {
  fc.assert(
    fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), (a, b) => {
      const s = new QuantileSketch(0.01);
      if (a < b) assert.ok(s.key(a) <= s.key(b));
    }),
  );
});

test("quantiles are within relative accuracy of the exact order statistic", () => {
  const s = new QuantileSketch(0.001);
  const xs: number[] = [];
  for (let i = 1; i <= 10001; i++) xs.push(i * 0.37 - 1000);
  for (const x of xs) s.add(x);
  for (const q of [0, 0.01, 0.25, 0.5, 0.9, 1]) {
    const exact = xs[Math.floor(q * (xs.length - 1))]!;
    const got = s.quantile(q);
    assert.ok(Math.abs(got - exact) <= 0.001 * Math.abs(exact) + 1e-12, `q=${q}: ${got} vs ${exact}`);
  }
});

test("merging sketches is identical to sketching the union, in any order", () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 })),
      fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 })),
      (a, b) => {
        const sa = new QuantileSketch();
        const sb = new QuantileSketch();
        const su = new QuantileSketch();
        a.forEach((x) => (sa.add(x), su.add(x)));
        b.forEach((x) => (sb.add(x), su.add(x)));
        sb.merge(sa);
        assert.deepEqual(sb.toJson(), su.toJson());
      },
    ),
  );
});

test("a sketch survives a JSON round trip", () => {
  const s = new QuantileSketch(0.005);
  [0, -1, 2.5, 2.5, 1e-301, 99].forEach((x) => s.add(x));
  const back = QuantileSketch.fromJson(JSON.parse(JSON.stringify(s.toJson())));
  assert.deepEqual(back.toJson(), s.toJson());
  assert.equal(back.count, 6);
});

test("merging sketches of different accuracy is refused", () => {
  assert.throws(() => new QuantileSketch(0.01).merge(new QuantileSketch(0.001)), /accuracy/);
});

test("a sketch's memory follows its occupied buckets: 1..9 at accuracy 0.001 hold 9 of a run of 1,100", () => {
  const s = new QuantileSketch(0.001);
  for (let x = 9; x >= 1; x--) s.add(x);
  // The dense run the contract writes is the whole span; what the sketch holds is one entry per bucket.
  const json = s.toJson();
  assert.ok(json.positive.counts.length > 1000, `${json.positive.counts.length}`);
  assert.equal(s.allocatedBuckets, 9);
  // A profile's in-memory copy holds the same 9 buckets; written (profile version 2), each gap is one skip.
  const held = s.toProfileJson() as SketchJson & { positive: SketchStoreJson };
  assert.deepEqual(held.positive.counts, json.positive.counts);
  assert.equal(held.positive.offset, json.positive.offset);
  const written = JSON.parse(JSON.stringify(held)) as SketchJson;
  assert.deepEqual(written.positive.counts, [1, -346, 1, -202, 1, -143, 1, -110, 1, -90, 1, -76, 1, -66, 1, -58, 1]);
  assert.deepEqual(written.negative, { offset: 0, counts: [] });
  // Read back from either file form, the store is the same 9 buckets.
  for (const form of [json.positive, written.positive]) {
    const store = SketchStoreJson.fromContract(form);
    assert.deepEqual([store.indices, store.values], [held.positive.indices, held.positive.values]);
  }
  // Read back from the dense file form, the sketch is sparse again.
  assert.equal(QuantileSketch.fromJson(json).allocatedBuckets, 9);
  // Neighbouring buckets are cheaper as a dense run: 1,000 adjacent buckets make one of about that length.
  const adjacent = new QuantileSketch(0.001);
  for (let i = 0; i < 1000; i++) adjacent.add(Math.pow(adjacent.gamma, i) * 1.0000001);
  assert.ok(adjacent.allocatedBuckets >= 1000 && adjacent.allocatedBuckets <= 2100, `${adjacent.allocatedBuckets}`);
  // Taken back from a profile's occupied buckets, such a store is a dense run again, of exactly their span.
  const back = QuantileSketch.fromJson(adjacent.toProfileJson());
  assert.deepEqual(back.buckets(), adjacent.buckets());
  assert.equal(back.allocatedBuckets, 1000);
});

test("sparse and dense stores give the same sketch whatever the order of the values (property)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), {
        maxLength: 300,
      }),
      fc.integer({ min: 0, max: 1000 }),
      (values, seed) => {
        const a = new QuantileSketch(0.01);
        for (const x of values) a.add(x);
        // Another order (reversed, then rotated by the seed) reaches the sparse-to-dense switch at other points.
        const other = [...values].reverse();
        const r = values.length > 0 ? seed % values.length : 0;
        const b = new QuantileSketch(0.01);
        for (const x of [...other.slice(r), ...other.slice(0, r)]) b.add(x);
        assert.deepEqual(b.toJson(), a.toJson());
        assert.deepEqual(b.buckets(), a.buckets());
        assert.equal(a.count, values.length);
        // Through a profile (stores held as their occupied buckets, taken back as they are) and its file form.
        const held = a.toProfileJson();
        assert.deepEqual(QuantileSketch.fromJson(held).buckets(), a.buckets());
        const written = JSON.parse(JSON.stringify(held)) as SketchJson;
        const read = {
          ...written,
          positive: SketchStoreJson.fromContract(written.positive),
          negative: SketchStoreJson.fromContract(written.negative),
        };
        assert.deepEqual(QuantileSketch.fromJson(read).buckets(), a.buckets());
        // Against the definition: each bucket's count is the number of values with that key.
        const byKey = new Map<number, number>();
        for (const x of values) byKey.set(a.key(x), (byKey.get(a.key(x)) ?? 0) + 1);
        const { keys, counts } = a.buckets();
        assert.deepEqual(
          [...keys].map((k, i) => [k, counts[i]]),
          [...byKey].sort((p, q) => p[0] - q[0]),
        );
      },
    ),
    { numRuns: 200 },
  );
});

test("add(NaN) adds nothing, as addValues skips NaN: the sketch and its quantiles stay those of the numbers", () => {
  const values = [3, -1.5, 0, 2e10, -7];
  const one = new QuantileSketch();
  const many = new QuantileSketch();
  for (const v of values) {
    one.add(v);
    one.add(Number.NaN, 3);
  }
  many.addValues(Float64Array.from([...values, Number.NaN]), new Uint8Array(values.length + 1).fill(1));
  assert.equal(one.count, values.length);
  assert.deepEqual(one.toJson(), many.toJson());
  assert.equal(one.quantile(0.5), many.quantile(0.5));
});
