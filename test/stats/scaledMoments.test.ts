import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  binaryExponent,
  mergeScaledMoments,
  momentsFrom,
  momentsM2,
  momentsStd,
  scaledMoments,
} from "../../src/stats/scaledMoments.js";

const close = (got: number | null, want: number, ulps = 4) =>
  assert.ok(got !== null && Math.abs(got - want) <= ulps * Number.EPSILON * Math.abs(want), `${got} vs ${want}`);

// Expected values: exact rational arithmetic in Python (fractions.Fraction, then a 60-digit Decimal square root);
// numpy overflows or underflows on these: np.std([1e308, -1e308, 1.7e308], ddof=1) -> inf,
// np.std([1e-170, 2e-170, 4e-170], ddof=1) -> 0.0.
test("scaledMoments: values near 1e308 and near 1e-170 give the exact mean and standard deviations", () => {
  const big = scaledMoments(Float64Array.of(1e308, -1e308, 1.7e308));
  close(big.mean, 5.666666666666667e307);
  close(momentsStd(big, 1), 1.4011899704655802e308);
  close(momentsStd(big, 0), 1.1440668201153676e308);
  assert.equal(momentsM2(big), Infinity, "M2 itself (~3.9e616) is not a double");
  const tiny = scaledMoments(Float64Array.of(1e-170, 2e-170, 4e-170));
  close(tiny.mean, 2.3333333333333334e-170);
  close(momentsStd(tiny, 1), 1.5275252316519466e-170);
  close(momentsStd(tiny, 0), 1.2472191289246472e-170);
  const two = scaledMoments(Float64Array.of(1e300, 3e300));
  close(two.mean, 2e300);
  close(momentsStd(two, 0), 1e300);
});

test("scaledMoments is the textbook two-pass computation bit for bit in the double range, and scale-free", () => {
  // Away from the subnormal range, where the textbook squares lose bits and the scaled ones do not.
  const value = fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((x) => x === 0 || Math.abs(x) > 1e-100);
  const values = fc.array(value, { minLength: 1, maxLength: 60 });
  fc.assert(
    fc.property(values, fc.integer({ min: -900, max: 900 }), (xs, k) => {
      let sum = 0;
      for (const x of xs) sum += x;
      const mean = sum / xs.length;
      let m2 = 0;
      for (const x of xs) m2 += (x - mean) * (x - mean);
      const m = scaledMoments(Float64Array.from(xs));
      assert.ok(Object.is(m.mean, mean));
      assert.ok(Object.is(momentsM2(m), m2));
      // Multiplying by 2^k is exact (away from subnormals): so must be the moments.
      const scaled = scaledMoments(Float64Array.from(xs, (x) => x * Math.pow(2, k)));
      if (xs.every((x) => x === 0 || Math.abs(x * Math.pow(2, k)) >= 1e-290)) {
        assert.equal(scaled.mean, m.mean * Math.pow(2, k));
        assert.equal(momentsStd(scaled, 0), momentsStd(m, 0)! * Math.pow(2, k));
      }
    }),
  );
});

test("mergeScaledMoments: the moments of the union, also near 1e308 where delta and M2 overflow", () => {
  const xs = [1.7e308, 1.6e308, -1.7e308, -1.5e308, 1e308, 3];
  for (let cut = 1; cut < xs.length; cut++) {
    const whole = scaledMoments(Float64Array.from(xs));
    const merged = mergeScaledMoments(
      scaledMoments(Float64Array.from(xs.slice(0, cut))),
      scaledMoments(Float64Array.from(xs.slice(cut))),
    );
    close(merged.mean, whole.mean, 16);
    close(momentsStd(merged, 1), momentsStd(whole, 1)!, 16);
  }
  // A shard of one value and a tightly spread shard: the small deviations survive the large means.
  const a = scaledMoments(Float64Array.of(1e300));
  const b = scaledMoments(Float64Array.of(1e300 + 1e285, 1e300 - 1e285));
  close(
    momentsStd(mergeScaledMoments(a, b), 0),
    momentsStd(scaledMoments(Float64Array.of(1e300, 1e300 + 1e285, 1e300 - 1e285)), 0)!,
    16,
  );
});

test("momentsFrom rebuilds moments from a stored M2, or from the standard deviation when the M2 did not fit", () => {
  const m = scaledMoments(Float64Array.of(1, 2, 3, 4));
  const fromM2 = momentsFrom(4, m.mean, momentsM2(m), momentsStd(m, 1));
  assert.equal(momentsStd(fromM2, 1), momentsStd(m, 1));
  const big = scaledMoments(Float64Array.of(1e308, -1e308, 1.7e308));
  const fromStd = momentsFrom(3, big.mean, momentsM2(big), momentsStd(big, 1));
  close(momentsStd(fromStd, 1), momentsStd(big, 1)!);
  const tiny = scaledMoments(Float64Array.of(1e-170, 2e-170, 4e-170));
  close(momentsStd(momentsFrom(3, tiny.mean, momentsM2(tiny), momentsStd(tiny, 1)), 0), 1.2472191289246472e-170);
});

test("binaryExponent is floor(log2 |x|) exactly, subnormals included", () => {
  for (const [x, e] of [
    [1, 0],
    [Math.pow(2, 53) - 1, 52],
    [Number.MAX_VALUE, 1023],
    [-0.75, -1],
    [Number.MIN_VALUE, -1074],
    [Math.pow(2, -1030) * 3, -1029],
  ] as const)
    assert.equal(binaryExponent(x), e, String(x));
});
