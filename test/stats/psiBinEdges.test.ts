import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { psiBinEdges } from "../../src/stats/psiBinEdges.js";

interface Case {
  label: string;
  ref: number[];
  bins: number;
  innerEdges: number[];
}

function loadCases<T>(file: string): T[] {
  const text = readFileSync(new URL(`../../fixtures/stats/${file}`, import.meta.url), "utf8");
  return (JSON.parse(text) as { cases: T[] }).cases;
}

test("psiBinEdges equals np.unique(np.quantile(ref, np.linspace(0, 1, bins + 1)[1:-1])) exactly", () => {
  const cases = loadCases<Case>("psi.json");
  assert.ok(
    cases.some((c) => c.innerEdges.length < c.bins - 1),
    "a tied reference with duplicate edges is covered",
  );
  for (const c of cases) {
    const got = psiBinEdges(Float64Array.from(c.ref), c.bins);
    assert.deepEqual(Array.from(got), c.innerEdges, c.label);
  }
});

test("psiBinEdges uses linspace's i * (1 / bins), not i / bins", () => {
  // 3 * 0.1 = 0.30000000000000004 but 3 / 10 = 0.3: on 0..10 the 3rd decile differs in the last bit.
  const x = Float64Array.from({ length: 11 }, (_, i) => i);
  const edges = psiBinEdges(x, 10);
  assert.equal(edges[2], 10 * (3 * 0.1));
  assert.notEqual(edges[2], 3);
  assert.deepEqual(Array.from(psiBinEdges(Float64Array.of(0, 0, 0, 1), 4)), [0, 0.25]);
  assert.deepEqual(Array.from(psiBinEdges(Float64Array.of(5, 5, 5), 10)), [5]);
  assert.deepEqual(Array.from(psiBinEdges(Float64Array.of(1, 2), 1)), []);
  assert.throws(() => psiBinEdges(new Float64Array(0)), RangeError);
  assert.throws(() => psiBinEdges(Float64Array.of(1), 0), RangeError);
});

test("psiBinEdges with infinite reference values: the limits of numpy's interpolation, sorted and NaN-free", () => {
  // np.quantile([1, 2, inf], np.linspace(0, 1, 11)[1:-1]) -> [1.2 1.4 1.6 1.8 nan inf inf nan nan] (numpy 2.4.6):
  // the quantile at 0.5 is the order statistic 2, those above lean towards +inf.
  assert.deepEqual(Array.from(psiBinEdges(Float64Array.of(1, 2, Infinity), 10)), [1.2, 1.4, 1.6, 1.8, 2, Infinity]);
  // np.quantile([-inf, 1, 2, 3], ...) -> [nan, -inf, -inf, 1.2000000000000002, 1.5, 1.8000000000000003, 2.1,
  // 2.4000000000000004, 2.7]: the finite edges agree to the bit
  assert.deepEqual(Array.from(psiBinEdges(Float64Array.of(-Infinity, 1, 2, 3), 10)), [
    -Infinity,
    1.2000000000000002,
    1.5,
    1.8000000000000003,
    2.1,
    2.4000000000000004,
    2.7,
  ]);
  // Between -inf and +inf: the nearer order statistic.
  assert.deepEqual(Array.from(psiBinEdges(Float64Array.of(-Infinity, Infinity), 4)), [-Infinity, Infinity]);
  assert.deepEqual(Array.from(psiBinEdges(Float64Array.of(Infinity, Infinity), 4)), [Infinity]);
});
