import { test } from "node:test";
import assert from "node:assert/strict";
import { detectDrift } from "../../src/drift/detectDrift.js";
import { resolvePolicy } from "../../src/drift/driftPolicy.js";
import { sampleColumn, sampleProfile } from "../../src/drift/columnSample.js";
import { METHOD_NAMES, type MethodName } from "../../src/drift/methods/driftMethod.js";
import { buildProfile } from "../../src/profile/buildProfile.js";
import { numericColumn, table } from "../helpers/tables.js";

const T0 = "2026-01-01T00:00:00.000Z";
const NUMERIC_METHODS = METHOD_NAMES.filter((m) => m !== "chisquare");

function drift(ref: number[], cur: number[], method: MethodName | "auto", profile = false) {
  const refTable = table([numericColumn("x", ref, "number")]);
  return detectDrift(
    {
      reference: profile
        ? sampleProfile(buildProfile(refTable, { createdAt: T0 }))
        : new Map([["x", sampleColumn(refTable.columns[0]!)]]),
      current: new Map([["x", sampleColumn(numericColumn("x", cur, "number"))]]),
      referenceLabel: "ref",
      currentLabel: "cur",
    },
    resolvePolicy({ method }),
  ).features[0]!;
}

test("infinite reference values: every method gives a defined answer, exact and from a profile", () => {
  const inf = Infinity;
  for (const method of [...NUMERIC_METHODS, "auto"] as const) {
    for (const profile of [false, true]) {
      for (const [ref, cur] of [
        [
          [1, 2, inf],
          [1, 2, 3],
        ],
        [
          [-inf, 1, 2, 3],
          [1, 2, 3],
        ],
        [
          [1, 2, inf],
          [1, 2, inf],
        ],
      ]) {
        const f = drift(ref!, cur!, method, profile);
        const where = `${method}${profile ? " (profile)" : ""} ${JSON.stringify(ref)} vs ${JSON.stringify(cur)}`;
        for (const [name, t] of Object.entries(f.tests)) {
          assert.ok(!Number.isNaN(t.statistic), `${where}: ${name} statistic`);
          if (t.p_value !== undefined) assert.ok(t.p_value >= 0 && t.p_value <= 1, `${where}: ${name} p`);
        }
      }
    }
  }
});

test("infinite reference values, exact samples: KS as scipy's ks_2samp, Wasserstein infinite where mass moved", () => {
  const inf = Infinity;
  // scipy 1.17.1: ks_2samp([1, 2, inf], [1, 2, 3]) -> statistic 0.3333333333333333, pvalue 1.0;
  // ks_2samp([-inf, 1, 2, 3], [1, 2, 3]) -> statistic 0.25, pvalue 1.0.
  const a = drift([1, 2, inf], [1, 2, 3], "ks");
  assert.equal(a.tests.ks!.statistic, 0.3333333333333333);
  assert.equal(a.tests.ks!.p_value, 1);
  const b = drift([-inf, 1, 2, 3], [1, 2, 3], "ks");
  assert.equal(b.tests.ks!.statistic, 0.25);
  assert.equal(b.tests.ks!.p_value, 1);
  // scipy: wasserstein_distance([1, 2, inf], [1, 2, 3]) -> inf: the reference's infinity has no counterpart.
  const w = drift([1, 2, inf], [1, 2, 3], "wasserstein");
  assert.equal(w.statistic, Infinity);
  assert.equal(w.drifted, true);
  // The same samples on both sides are at distance 0 (scipy: nan).
  const same = drift([1, 2, inf], [1, 2, inf], "wasserstein");
  assert.equal(same.statistic, 0);
  assert.equal(same.drifted, false);
  // PSI: the +inf values have a bin of their own, which the current data leaves empty.
  const p = drift([1, 2, inf, inf, inf], [1, 2, 3, 3, 3], "psi");
  assert.ok(p.statistic > 1 && Number.isFinite(p.statistic));
  assert.equal(p.drifted, true);
});

test("a profile with one value against one current value: KS p = 1 as on the exact path (no effective size)", () => {
  // scipy.stats.ks_2samp([0], [1]) -> statistic 1.0, pvalue 1.0 (exact); method='asymp' gives nan.
  for (const profile of [false, true]) {
    const f = drift([0], [1], "ks", profile);
    assert.equal(f.tests.ks!.statistic, 1);
    assert.equal(f.tests.ks!.p_value, 1);
    assert.equal(f.drifted, false);
  }
  assert.equal(drift([0], [1], "auto", true).drifted, false);
});

test("Wasserstein in reference standard deviations is scale-free: values near 1e180 and 1e-180 as near 1", () => {
  const ref = Array.from({ length: 200 }, (_, i) => i % 50);
  const cur = Array.from({ length: 200 }, (_, i) => (i % 50) + 10);
  const base = drift(ref, cur, "wasserstein").statistic;
  assert.ok(base > 0.5);
  for (const k of [600, -600, 1000, -1000]) {
    const s = Math.pow(2, k); // 2^600 = 4.1e180: squares of deviations overflowed; 2^-600 = 2.4e-181 underflowed.
    const f = drift(
      ref.map((x) => x * s),
      cur.map((x) => x * s),
      "wasserstein",
    );
    assert.equal(f.tests.wasserstein!.note, undefined, `2^${k}: not "constant"`);
    assert.equal(f.statistic, base, `2^${k}`);
    assert.equal(f.drifted, true);
    if (Math.abs(k) > 900) continue; // the sketch counts |x| < 1e-300 as zero
    const fromProfile = drift(
      ref.map((x) => x * s),
      cur.map((x) => x * s),
      "wasserstein",
      true,
    );
    assert.ok(Math.abs(fromProfile.statistic - base) < 0.01 * base, `2^${k} profile: ${fromProfile.statistic}`);
  }
  // Values spread over the whole double range: the distance itself would overflow; the ratio does not.
  const wide = drift([-1.7e308, 0, 1.7e308], [1.7e308, 1.7e308, 1.7e308], "wasserstein");
  assert.ok(Number.isFinite(wide.statistic) && wide.statistic > 1, String(wide.statistic));
});
