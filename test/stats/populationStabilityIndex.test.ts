import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { binCounts } from "../../src/stats/binCounts.js";
import { populationStabilityIndex } from "../../src/stats/populationStabilityIndex.js";
import { psiBinEdges } from "../../src/stats/psiBinEdges.js";

interface SampleCase {
  label: string;
  ref: number[];
  cur: number[];
  bins: number;
  psi: number;
}
interface ProportionCase {
  ref: number[];
  cur: number[];
  psi: number;
}

function loadCases<T>(file: string): T[] {
  const text = readFileSync(new URL(`../../fixtures/stats/${file}`, import.meta.url), "utf8");
  return (JSON.parse(text) as { cases: T[] }).cases;
}

function relativeError(got: number, want: number): number {
  if (Object.is(got, want)) return 0;
  return want === 0 ? Math.abs(got) : Math.abs(got - want) / Math.abs(want);
}

test("PSI pipeline (edges, counts, proportions, PSI) matches the numpy peer to 1e-12", () => {
  for (const c of loadCases<SampleCase>("psi.json")) {
    const ref = Float64Array.from(c.ref);
    const cur = Float64Array.from(c.cur);
    const edges = psiBinEdges(ref, c.bins);
    const pr = Array.from(binCounts(ref, edges), (k) => k / ref.length);
    const pc = Array.from(binCounts(cur, edges), (k) => k / cur.length);
    const got = populationStabilityIndex(pr, pc);
    // Only the logarithm (V8's vs numpy's SIMD log) can differ, by an ulp per term; all terms are >= 0.
    assert.ok(relativeError(got, c.psi) <= 1e-12, `${c.label}: ${got} vs ${c.psi}`);
  }
});

test("populationStabilityIndex on proportion vectors (floor 1e-4, pairwise summation for > 8 bins)", () => {
  for (const c of loadCases<ProportionCase>("psi_proportions.json")) {
    const got = populationStabilityIndex(c.ref, c.cur);
    assert.ok(relativeError(got, c.psi) <= 1e-12, `${c.ref.length} bins: ${got} vs ${c.psi}`);
  }
  assert.equal(populationStabilityIndex([0.5, 0.5], [0.4, 0.6]), 0.04054651081081642); // numpy's value
});

test("populationStabilityIndex >= 0, and 0 for identical proportions", () => {
  const proportions = fc
    .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 })
    .filter((xs) => xs.some((x) => x > 0))
    .map((xs) => {
      const s = xs.reduce((a, b) => a + b, 0);
      return xs.map((x) => x / s);
    });
  fc.assert(
    fc.property(proportions, proportions, (p, q) => {
      const k = Math.min(p.length, q.length);
      assert.ok(populationStabilityIndex(p.slice(0, k), q.slice(0, k)) >= 0);
      assert.equal(populationStabilityIndex(p, p), 0);
    }),
  );
  assert.throws(() => populationStabilityIndex([0.5, 0.5], [1]), RangeError);
  assert.throws(() => populationStabilityIndex([NaN], [1]), RangeError);
});
