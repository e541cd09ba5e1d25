import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { wilsonLowerBound } from "../../src/stats/wilsonLowerBound.js";

test("wilsonLowerBound equals scipy's Wilson interval (binomtest.proportion_ci) to 1e-12", () => {
  const text = readFileSync(new URL("../../fixtures/stats/wilson_lower.json", import.meta.url), "utf8");
  const cases = (JSON.parse(text) as { cases: { k: number; n: number; z: number; low: number }[] }).cases;
  assert.ok(cases.length >= 10);
  for (const c of cases) {
    const got = wilsonLowerBound(c.k, c.n, c.z);
    assert.ok(Math.abs(got - c.low) <= 1e-12, `k=${c.k} n=${c.n} z=${c.z}: ${got} vs ${c.low}`);
  }
  assert.equal(wilsonLowerBound(0, 10, 3), 0);
  assert.equal(wilsonLowerBound(0, 0, 3), 0);
});
