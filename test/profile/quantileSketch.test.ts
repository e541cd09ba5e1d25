import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { QuantileSketch } from "../../src/profile/quantileSketch.js";

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
