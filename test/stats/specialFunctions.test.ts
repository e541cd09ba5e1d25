import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { binomialDeviance } from "../../src/stats/binomialDeviance.js";
import { ldexp } from "../../src/stats/ldexp.js";
import { logGamma } from "../../src/stats/logGamma.js";
import { stirlingError } from "../../src/stats/stirlingError.js";

interface Case {
  fn: "logGamma" | "stirlingError" | "binomialDeviance" | "ldexp";
  x: number;
  m?: number;
  e?: number;
  value: number;
}

function loadCases<T>(file: string): T[] {
  const text = readFileSync(new URL(`../../fixtures/stats/${file}`, import.meta.url), "utf8");
  const revive = (_k: string, v: unknown) => (v === "Infinity" ? Infinity : v);
  return (JSON.parse(text, revive) as { cases: T[] }).cases;
}

const cases = loadCases<Case>("special.json");

test("logGamma vs mpmath: absolute error <= 2e-13 (relative 1e-15 away from the zeros at 1 and 2)", () => {
  for (const c of cases.filter((k) => k.fn === "logGamma")) {
    const got = logGamma(c.x);
    assert.ok(Math.abs(got - c.value) <= Math.max(1e-14, 1e-15 * Math.abs(c.value)), `x=${c.x}: ${got}`);
  }
  assert.throws(() => logGamma(0), RangeError);
});

test("stirlingError vs mpmath: absolute error <= 3e-15 (it only ever enters exponents)", () => {
  for (const c of cases.filter((k) => k.fn === "stirlingError")) {
    const got = stirlingError(c.x);
    assert.ok(Math.abs(got - c.value) <= 3e-15, `x=${c.x}: ${got} vs ${c.value}`);
    if (Number.isInteger(2 * c.x) && c.x <= 15) assert.equal(got, c.value, "tabulated values are exact");
  }
});

test("binomialDeviance vs mpmath: relative error <= 1e-15", () => {
  for (const c of cases.filter((k) => k.fn === "binomialDeviance")) {
    const got = binomialDeviance(c.x, c.m!);
    const err = c.value === 0 ? Math.abs(got) : Math.abs(got - c.value) / c.value;
    assert.ok(err <= 1e-15, `bd0(${c.x}, ${c.m}) = ${got} vs ${c.value}`);
  }
  assert.throws(() => binomialDeviance(1, 0), RangeError);
});

test("ldexp equals np.ldexp, including subnormal results and overflow", () => {
  for (const c of cases.filter((k) => k.fn === "ldexp")) {
    assert.ok(Object.is(ldexp(c.x, c.e!), c.value), `ldexp(${c.x}, ${c.e}) = ${ldexp(c.x, c.e!)} vs ${c.value}`);
  }
});
