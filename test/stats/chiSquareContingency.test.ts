import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { chiSquareContingency } from "../../src/stats/chiSquareContingency.js";

interface Case {
  label: string;
  a: number[];
  b: number[];
  statistic: number;
  dof: number;
  pValue: number;
}

function loadCases<T>(file: string): T[] {
  const text = readFileSync(new URL(`../../fixtures/stats/${file}`, import.meta.url), "utf8");
  return (JSON.parse(text) as { cases: T[] }).cases;
}

test("chiSquareContingency matches scipy.stats.chi2_contingency(correction=False) on 2 x k tables", () => {
  for (const c of loadCases<Case>("chi2_contingency.json")) {
    const got = chiSquareContingency(c.a, c.b);
    assert.equal(got.dof, c.dof, c.label);
    // Same operations in numpy's order: the statistic is bit for bit scipy's.
    assert.equal(got.statistic, c.statistic, c.label);
    const err = c.pValue === 0 ? got.pValue : Math.abs(got.pValue - c.pValue) / c.pValue;
    assert.ok(err <= 1e-12, `${c.label}: p ${got.pValue} vs ${c.pValue}`);
  }
});

test("chiSquareContingency drops empty categories and degenerates to 0, 0, 1", () => {
  assert.deepEqual(chiSquareContingency([5, 0], [3, 0]), { statistic: 0, dof: 0, pValue: 1 });
  assert.deepEqual(chiSquareContingency([], []), { statistic: 0, dof: 0, pValue: 1 });
  const withEmpty = chiSquareContingency([10, 0, 30], [20, 0, 25]);
  const without = chiSquareContingency([10, 30], [20, 25]);
  assert.deepEqual(withEmpty, without);
  assert.equal(without.dof, 1);
  const same = chiSquareContingency([10, 20, 30], [20, 40, 60]);
  assert.equal(same.statistic, 0);
  assert.equal(same.pValue, 1);
});

test("chiSquareContingency rejects impossible tables", () => {
  assert.throws(() => chiSquareContingency([1, 2], [1]), RangeError);
  assert.throws(() => chiSquareContingency([1, -2], [1, 3]), RangeError);
  assert.throws(() => chiSquareContingency([1, NaN], [1, 3]), RangeError);
  assert.throws(() => chiSquareContingency([0, 0, 0], [1, 2, 3]), RangeError); // empty sample: scipy raises too
});
