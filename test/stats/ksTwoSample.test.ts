import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { ksTwoSample, type KsMethod } from "../../src/stats/ksTwoSample.js";

interface Expected {
  methodUsed: "exact" | "asymp";
  statistic: number;
  pValue: number;
}
interface LiteralCase {
  label: string;
  a: number[];
  b: number[];
  results: Record<KsMethod, Expected | undefined>;
}
interface Progression {
  n: number;
  start: number;
  step: number;
}
interface ProgressionCase extends Expected {
  label: string;
  a: Progression;
  b: Progression;
  method: KsMethod;
}

function loadCases<T>(file: string): T[] {
  const text = readFileSync(new URL(`../../fixtures/stats/${file}`, import.meta.url), "utf8");
  return (JSON.parse(text, (_k, v: unknown) => (v === "NaN" ? NaN : v)) as { cases: T[] }).cases;
}

function relativeError(got: number, want: number): number {
  if (Object.is(got, want)) return 0;
  return want === 0 ? Math.abs(got) : Math.abs(got - want) / Math.abs(want);
}

function progression(p: Progression): Float64Array {
  return Float64Array.from({ length: p.n }, (_, i) => p.start + p.step * i);
}

function check(label: string, got: ReturnType<typeof ksTwoSample>, want: Expected): void {
  assert.equal(got.method, want.methodUsed, label);
  assert.equal(got.statistic, want.statistic, label);
  if (want.methodUsed === "exact") {
    // Same operations as scipy's lattice-path code: bit for bit.
    assert.ok(Object.is(got.pValue, want.pValue), `${label}: ${got.pValue} vs ${want.pValue}`);
  } else if (Number.isNaN(want.pValue)) {
    assert.ok(Number.isNaN(got.pValue), label);
  } else {
    const err = relativeError(got.pValue, want.pValue);
    assert.ok(err <= 2e-13, `${label}: p ${got.pValue} vs ${want.pValue} (rel ${err})`);
  }
}

test("ksTwoSample matches scipy.stats.ks_2samp for auto, exact and asymp on literal samples", () => {
  const cases = loadCases<LiteralCase>("ks_two_sample.json");
  let count = 0;
  for (const c of cases) {
    for (const method of ["auto", "exact", "asymp"] as const) {
      const want = c.results[method];
      if (!want) continue;
      check(`${c.label} [${method}]`, ksTwoSample(Float64Array.from(c.a), Float64Array.from(c.b), method), want);
      count++;
    }
  }
  assert.ok(count > 100);
});

test("ksTwoSample matches scipy on large samples: auto limit at 10,000, int32 overflow, n = m = 1 asymp", () => {
  for (const c of loadCases<ProgressionCase>("ks_two_sample_progressions.json")) {
    check(c.label, ksTwoSample(progression(c.a), progression(c.b), c.method), c);
  }
});

test("ksTwoSample falls back to asymp when the exact sum rounds above 1 (scipy's behaviour)", () => {
  // n = m = 5, D = 1/5: scipy's Horner sum gives 1.0000000000000002, so it switches to kstwo.sf(0.2, 2).
  const r = ksTwoSample(Float64Array.of(0, 2, 4, 6, 8), Float64Array.of(1, 3, 5, 7, 9), "exact");
  assert.equal(r.method, "asymp");
  assert.equal(r.statistic, 0.2);
  assert.equal(r.pValue, 1); // kstwo.sf(0.2, 2) = 1: n d = 0.4 <= 1/2
});

test("ksTwoSample: p in [0, 1], symmetric in (a, b), identical samples give D = 0 and p = 1", () => {
  const sample = fc
    .array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 30 })
    .map((xs) => Float64Array.from(xs).sort());
  fc.assert(
    fc.property(sample, sample, fc.constantFrom<KsMethod>("auto", "exact", "asymp"), (a, b, method) => {
      const r = ksTwoSample(a, b, method);
      const s = ksTwoSample(b, a, method);
      assert.equal(s.statistic, r.statistic);
      assert.ok(Object.is(s.pValue, r.pValue));
      if (!Number.isNaN(r.pValue)) assert.ok(r.pValue >= 0 && r.pValue <= 1);
      const same = ksTwoSample(a, a.slice(), method);
      assert.equal(same.statistic, 0);
      if (a.length > 1 || method !== "asymp") assert.equal(same.pValue, 1);
    }),
    { numRuns: 300 },
  );
});

test("ksTwoSample exact p-value for 10,000 vs 9,999 with a large D underflows to 0 as scipy does", () => {
  const a = Float64Array.from({ length: 10000 }, (_, i) => i);
  const b = Float64Array.from({ length: 9999 }, (_, i) => 5000.5 + i);
  const r = ksTwoSample(a, b);
  assert.equal(r.method, "exact");
  assert.ok(Math.abs(r.statistic - 0.5) < 1e-3);
  assert.equal(r.pValue, 0); // underflows, as in scipy
});

test("ksTwoSample rejects empty samples and unknown methods", () => {
  assert.throws(() => ksTwoSample(new Float64Array(0), Float64Array.of(1)), RangeError);
  assert.throws(() => ksTwoSample(Float64Array.of(1), Float64Array.of(1), "fast" as KsMethod), RangeError);
});
