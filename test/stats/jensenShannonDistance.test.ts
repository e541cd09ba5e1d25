import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { jensenShannonDistance } from "../../src/stats/jensenShannonDistance.js";

interface Case {
  p: number[];
  q: number[];
  distance: number;
}

function loadCases<T>(file: string): T[] {
  const text = readFileSync(new URL(`../../fixtures/stats/${file}`, import.meta.url), "utf8");
  return (JSON.parse(text) as { cases: T[] }).cases;
}

test("jensenShannonDistance matches scipy.spatial.distance.jensenshannon(p, q, base=2)", () => {
  for (const c of loadCases<Case>("jensen_shannon.json")) {
    const got = jensenShannonDistance(c.p, c.q);
    const err = c.distance === 0 ? got : Math.abs(got - c.distance) / c.distance;
    // Terms are x ln(x / m) with V8's log vs glibc's: 1 ulp apart at most; the near-equal case (distance 5e-8)
    // loses what cancellation costs, in both implementations.
    const tol = c.distance < 1e-4 ? 1e-8 : 1e-14;
    assert.ok(err <= tol, `${c.p.length} entries: ${got} vs ${c.distance}`);
  }
});

test("jensenShannonDistance: 0 for proportional vectors, 1 for disjoint supports, symmetric, in [0, 1]", () => {
  assert.equal(jensenShannonDistance([1, 0], [0, 1]), 1);
  assert.equal(jensenShannonDistance([2, 3, 5], [0.2, 0.3, 0.5]), 0);
  const vec = fc
    .array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 12 })
    .filter((xs) => xs.some((x) => x > 0));
  fc.assert(
    fc.property(vec, vec, (p, q) => {
      const k = Math.min(p.length, q.length);
      const a = p.slice(0, k);
      const b = q.slice(0, k);
      if (!a.some((x) => x > 0) || !b.some((x) => x > 0)) return;
      const d = jensenShannonDistance(a, b);
      assert.ok(d >= 0 && d <= 1);
      assert.equal(jensenShannonDistance(b, a), d);
      assert.equal(jensenShannonDistance(a, a), 0);
    }),
    { numRuns: 300 },
  );
  assert.throws(() => jensenShannonDistance([0, 0], [1, 1]), RangeError);
  assert.throws(() => jensenShannonDistance([1, -1], [1, 1]), RangeError);
  assert.throws(() => jensenShannonDistance([1], [1, 1]), RangeError);
});
