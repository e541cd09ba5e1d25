import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { benjaminiHochberg } from "../../src/stats/benjaminiHochberg.js";

interface Case {
  p: number[];
  adjusted: number[];
}

function loadCases<T>(file: string): T[] {
  const text = readFileSync(new URL(`../../fixtures/stats/${file}`, import.meta.url), "utf8");
  return (JSON.parse(text, (_k, v: unknown) => (v === "NaN" ? NaN : v)) as { cases: T[] }).cases;
}

test("benjaminiHochberg equals statsmodels' fdr_bh (numpy reference) bit for bit, NaN kept out", () => {
  for (const c of loadCases<Case>("benjamini_hochberg.json")) {
    const got = benjaminiHochberg(c.p);
    assert.equal(got.length, c.adjusted.length);
    got.forEach((x, i) => assert.ok(Object.is(x, c.adjusted[i]), `index ${i}: ${x} vs ${c.adjusted[i]}`));
  }
  assert.deepEqual(Array.from(benjaminiHochberg([0.01, 0.04, 0.03, NaN])), [0.030000000000000002, 0.04, 0.04, NaN]);
});

test("benjaminiHochberg: adjusted >= raw, <= 1, monotone in the raw order; NaN stays NaN", () => {
  const p = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(NaN), fc.constantFrom(0, 0.05, 1));
  fc.assert(
    fc.property(fc.array(p, { maxLength: 60 }), (ps) => {
      const adj = benjaminiHochberg(ps);
      ps.forEach((x, i) => {
        if (Number.isNaN(x)) return assert.ok(Number.isNaN(adj[i]));
        assert.ok(adj[i]! >= x && adj[i]! <= 1);
        ps.forEach((y, j) => {
          if (!Number.isNaN(y) && x <= y) assert.ok(adj[i]! <= adj[j]!);
        });
      });
    }),
    { numRuns: 300 },
  );
  assert.throws(() => benjaminiHochberg([0.5, 1.5]), RangeError);
});
