import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { quantileSorted } from "../../src/stats/quantileSorted.js";

interface Case {
  label: string;
  sorted: number[];
  q: number[];
  values: number[];
}

function loadCases<T>(file: string): T[] {
  const text = readFileSync(new URL(`../../fixtures/stats/${file}`, import.meta.url), "utf8");
  const revive = (_k: string, v: unknown) =>
    v === "NaN" ? NaN : v === "Infinity" ? Infinity : v === "-Infinity" ? -Infinity : v;
  return (JSON.parse(text, revive) as { cases: T[] }).cases;
}

test("quantileSorted equals np.quantile bit for bit (lerp branches, n = 1, ties, infinities)", () => {
  let checked = 0;
  for (const c of loadCases<Case>("quantile.json")) {
    const x = Float64Array.from(c.sorted);
    c.q.forEach((q, i) => {
      const got = quantileSorted(x, q);
      assert.ok(Object.is(got, c.values[i]), `${c.label} q=${q}: ${got} vs ${c.values[i]}`);
      checked++;
    });
  }
  assert.ok(checked > 200);
});

test("quantileSorted: hand-checked values and argument checks", () => {
  const x = Float64Array.of(1, 2, 3, 4);
  assert.equal(quantileSorted(x, 0), 1);
  assert.equal(quantileSorted(x, 1), 4);
  assert.equal(quantileSorted(x, 0.5), 2.5);
  assert.equal(quantileSorted([7], 0.3), 7);
  assert.throws(() => quantileSorted([], 0.5), RangeError);
  assert.throws(() => quantileSorted(x, 1.5), RangeError);
  assert.throws(() => quantileSorted(x, NaN), RangeError);
});
