import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { normalQuantile } from "../../src/stats/normalQuantile.js";

function loadCases<T>(file: string): T[] {
  const text = readFileSync(new URL(`../../fixtures/stats/${file}`, import.meta.url), "utf8");
  return (JSON.parse(text) as { cases: T[] }).cases;
}

test("normalQuantile equals scipy.stats.norm.ppf to 1e-15 relative", () => {
  for (const c of loadCases<{ p: number; x: number }>("normal_quantile.json")) {
    const got = normalQuantile(c.p);
    assert.ok(Math.abs(got - c.x) <= 1e-15 * Math.abs(c.x) + 1e-16, `p=${c.p}: ${got} vs ${c.x}`);
  }
  assert.equal(normalQuantile(0), -Infinity);
  assert.equal(normalQuantile(1), Infinity);
  assert.ok(Number.isNaN(normalQuantile(1.5)));
});
