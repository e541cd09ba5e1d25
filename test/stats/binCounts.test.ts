import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { binCounts } from "../../src/stats/binCounts.js";

interface Case {
  label: string;
  ref: number[];
  cur: number[];
  innerEdges: number[];
  refCounts: number[];
  curCounts: number[];
}

function loadCases<T>(file: string): T[] {
  const text = readFileSync(new URL(`../../fixtures/stats/${file}`, import.meta.url), "utf8");
  return (JSON.parse(text) as { cases: T[] }).cases;
}

test("binCounts equals np.histogram(x, [-inf, *edges, inf]) on the PSI fixtures", () => {
  for (const c of loadCases<Case>("psi.json")) {
    assert.deepEqual(Array.from(binCounts(Float64Array.from(c.ref), c.innerEdges)), c.refCounts, c.label);
    assert.deepEqual(Array.from(binCounts(Float64Array.from(c.cur), c.innerEdges)), c.curCounts, c.label);
  }
});

test("binCounts: bins [e_(i-1), e_i), infinities in the outer bins, totals preserved", () => {
  assert.deepEqual(Array.from(binCounts(Float64Array.of(1, 2, 2, 3, 5), Float64Array.of(2, 4))), [1, 3, 1]);
  assert.deepEqual(Array.from(binCounts(Float64Array.of(-Infinity, 0, Infinity), Float64Array.of(0))), [1, 2]);
  assert.deepEqual(Array.from(binCounts(Float64Array.of(1, 2), new Float64Array(0))), [2]);
  assert.throws(() => binCounts(Float64Array.of(1), Float64Array.of(2, 1)), RangeError);
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 50 }),
      fc.uniqueArray(fc.integer({ min: -6, max: 6 }), { maxLength: 6 }),
      (xs, es) => {
        const x = Float64Array.from(xs).sort();
        const e = Float64Array.from(es).sort();
        const got = binCounts(x, e);
        for (let i = 0; i <= e.length; i++) {
          const lo = i === 0 ? -Infinity : e[i - 1]!;
          const hi = i === e.length ? Infinity : e[i]!;
          const want = xs.filter((v) => v >= lo && (v < hi || (i === e.length && v <= hi))).length;
          assert.equal(got[i], want);
        }
      },
    ),
  );
});

test("binCounts on 1,000,000 sorted values counts every bin exactly", () => {
  const x = Float64Array.from({ length: 1_000_000 }, (_, i) => i);
  const edges = Float64Array.from({ length: 99 }, (_, i) => (i + 1) * 10000);
  const counts = binCounts(x, edges);
  assert.equal(counts.length, 100);
  assert.ok(counts.every((c) => c === 10000));
});
