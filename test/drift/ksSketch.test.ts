import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { detectDrift } from "../../src/drift/detectDrift.js";
import { resolvePolicy } from "../../src/drift/driftPolicy.js";
import { SKETCH_EXACT_MAX_CELLS } from "../../src/drift/methods/ks.js";
import { sampleColumn, sampleProfile } from "../../src/drift/columnSample.js";
import { buildProfile } from "../../src/profile/buildProfile.js";
import { numericColumn, table } from "../helpers/tables.js";

interface Cyclic {
  n: number;
  start: number;
  step: number;
  period: number;
}
interface SketchCase {
  label: string;
  a: number[] | Cyclic;
  b: number[] | Cyclic;
  methodUsed: "exact" | "asymp";
  statistic: number;
  pValue: number;
  /** ks_2samp with method 'asymp' (null where it is NaN: one value a side). */
  pValueAsymp: number | null;
}

const T0 = "2026-01-01T00:00:00.000Z";
const { cases } = JSON.parse(readFileSync(new URL("../../fixtures/stats/ks_sketch.json", import.meta.url), "utf8")) as {
  cases: SketchCase[];
};

function values(spec: number[] | Cyclic): number[] {
  if (Array.isArray(spec)) return spec;
  return Array.from({ length: spec.n }, (_, i) => spec.start + spec.step * (i % spec.period));
}

function sample(xs: number[], asProfile: boolean) {
  const t = table([numericColumn("x", xs, "number")]);
  return asProfile ? sampleProfile(buildProfile(t, { createdAt: T0 })) : new Map([["x", sampleColumn(t.columns[0]!)]]);
}

test("KS against sketches picks exact or asymp as scipy's ks_2samp 'auto' does (asymp past n m = 1e6), and gives its p-value", () => {
  assert.equal(cases.length, 10);
  let bounded = 0;
  for (const c of cases) {
    const a = values(c.a);
    const b = values(c.b);
    // Past SKETCH_EXACT_MAX_CELLS the sketch path takes the asymptotic p-value where scipy's auto is exact.
    const overBound = a.length * b.length > SKETCH_EXACT_MAX_CELLS;
    if (overBound && c.methodUsed === "exact") bounded++;
    const methodUsed = overBound ? "asymp" : c.methodUsed;
    const pValue = overBound ? c.pValueAsymp! : c.pValue;
    // A profile as the reference, as the current side (a monitor window's sketch), and on both sides.
    for (const [refProfile, curProfile] of [
      [true, false],
      [false, true],
      [true, true],
    ] as const) {
      const where = `${c.label} (profile: ${refProfile ? "ref" : ""}${curProfile ? " cur" : ""})`;
      const t = detectDrift(
        { reference: sample(a, refProfile), current: sample(b, curProfile), referenceLabel: "r", currentLabel: "c" },
        resolvePolicy({ method: "ks", correction: "none" }),
      ).features[0]!.tests.ks!;
      // Every value in a bucket of its own: the D read at bucket boundaries is the samples' D.
      assert.ok(Math.abs(t.statistic - c.statistic) <= 1e-12, `${where}: D ${t.statistic} vs ${c.statistic}`);
      if (methodUsed === "exact") {
        // The same lattice sum on the same rounded D as scipy: bit for bit.
        assert.ok(Object.is(t.p_value, pValue), `${where}: p ${t.p_value} vs ${pValue}`);
      } else {
        const err = Math.abs(t.p_value! - pValue) / Math.max(pValue, Number.MIN_VALUE);
        assert.ok(err <= 2e-13, `${where}: p ${t.p_value} vs ${pValue} (rel ${err})`);
      }
    }
  }
  // 10,000 against 9,999: exact for scipy, asymptotic against a sketch.
  assert.equal(bounded, 1);
});
