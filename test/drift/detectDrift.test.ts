import { test } from "node:test";
import assert from "node:assert/strict";
import { stringifyContract, stringifyContractParts } from "../../src/contracts/contractJson.js";
import { detectDrift, detectDriftParts } from "../../src/drift/detectDrift.js";
import { measureQuality } from "../../src/quality/measureQuality.js";
import { resolveQualityThresholds } from "../../src/quality/qualityThresholds.js";
import { resolvePolicy } from "../../src/drift/driftPolicy.js";
import { sampleColumn, sampleProfile, type ColumnSample } from "../../src/drift/columnSample.js";
import { buildProfile } from "../../src/profile/buildProfile.js";
import { dictionaryColumn, numericColumn, table } from "../helpers/tables.js";
import { normals, rng } from "../helpers/random.js";

function samples(cols: Record<string, ColumnSample>) {
  return new Map(Object.entries(cols));
}
const num = (name: string, xs: (number | null)[]) => sampleColumn(numericColumn(name, xs, "number"));
const cat = (name: string, xs: (string | null)[]) => sampleColumn(dictionaryColumn(name, xs));
function cats(n: number, p: number[], seed: number): string[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => {
    let u = r();
    for (let i = 0; i < p.length; i++) if ((u -= p[i]!) < 0) return `c${i}`;
    return `c${p.length - 1}`;
  });
}

test("identical distributions do not drift; a large shift does, and the dataset verdict follows the share", () => {
  const report = detectDrift(
    {
      reference: samples({
        a: num("a", normals(2000, 1)),
        b: num("b", normals(2000, 2)),
        c: cat("c", cats(2000, [0.5, 0.3, 0.2], 3)),
      }),
      current: samples({
        a: num("a", normals(2000, 4)),
        b: num("b", normals(2000, 5, 1.5)),
        c: cat("c", cats(2000, [0.2, 0.3, 0.5], 6)),
      }),
      referenceLabel: "ref",
      currentLabel: "cur",
    },
    resolvePolicy(),
  );
  const byName = Object.fromEntries(report.features.map((f) => [f.name, f]));
  assert.equal(byName.a!.drifted, false);
  assert.equal(byName.a!.method, "ks+psi");
  assert.equal(byName.b!.drifted, true);
  assert.ok(byName.b!.tests.ks!.statistic > 0.4);
  assert.equal(byName.c!.method, "chisquare+psi");
  assert.equal(byName.c!.drifted, true);
  assert.deepEqual(report.drifted_features, ["b", "c"]);
  assert.ok(Math.abs(report.drifted_share - 2 / 3) < 1e-12);
  assert.equal(report.dataset_drifted, true);
  assert.match(report.summary, /2 of 3 columns drifted/);
});

test("with a large sample a negligible shift is significant but below the PSI floor: not drift", () => {
  const report = detectDrift(
    {
      reference: samples({ x: num("x", normals(200000, 11)) }),
      current: samples({ x: num("x", normals(200000, 12, 0.03)) }),
      referenceLabel: "r",
      currentLabel: "c",
    },
    resolvePolicy(),
  );
  const f = report.features[0]!;
  assert.ok(f.tests.ks!.p_value! < 1e-6, `KS p ${f.tests.ks!.p_value}`);
  assert.ok(f.statistic < 0.1, `PSI ${f.statistic}`);
  assert.equal(f.drifted, false);
  // The same data under plain KS drifts: the combination is what keeps large samples quiet.
  const ksOnly = detectDrift(
    {
      reference: samples({ x: num("x", normals(200000, 11)) }),
      current: samples({ x: num("x", normals(200000, 12, 0.03)) }),
      referenceLabel: "r",
      currentLabel: "c",
    },
    resolvePolicy({ method: "ks" }),
  );
  assert.equal(ksOnly.features[0]!.drifted, true);
});

test("with a tiny sample a large PSI that is not significant is not drift", () => {
  const report = detectDrift(
    {
      reference: samples({ x: num("x", normals(12, 23)) }),
      current: samples({ x: num("x", normals(12, 24, 0.5)) }),
      referenceLabel: "r",
      currentLabel: "c",
    },
    resolvePolicy(),
  );
  const f = report.features[0]!;
  assert.ok(f.statistic >= 0.1, `PSI ${f.statistic}`);
  assert.ok(f.p_value! >= 0.05, `p ${f.p_value}`);
  assert.equal(f.drifted, false);
});

test("Benjamini-Hochberg adjusts p-values across columns; bonferroni and none are available", () => {
  const ref: Record<string, ColumnSample> = {};
  const cur: Record<string, ColumnSample> = {};
  for (let i = 0; i < 8; i++) {
    ref[`x${i}`] = num(`x${i}`, normals(300, 100 + i));
    cur[`x${i}`] = num(`x${i}`, normals(300, 200 + i, i === 0 ? 0.3 : 0));
  }
  const input = { reference: samples(ref), current: samples(cur), referenceLabel: "r", currentLabel: "c" };
  const bh = detectDrift(input, resolvePolicy({ method: "ks" }));
  const none = detectDrift(input, resolvePolicy({ method: "ks", correction: "none" }));
  const bonf = detectDrift(input, resolvePolicy({ method: "ks", correction: "bonferroni" }));
  for (let i = 0; i < 8; i++) {
    const raw = none.features[i]!.p_value!;
    assert.equal(raw, none.features[i]!.tests.ks!.p_value);
    assert.ok(bh.features[i]!.p_value! >= raw);
    assert.ok(bonf.features[i]!.p_value! >= bh.features[i]!.p_value! - 1e-15);
    assert.equal(bonf.features[i]!.p_value, Math.min(1, raw * 8));
  }
});

test("a critical column drifting makes the dataset drift; per-column overrides apply", () => {
  const input = {
    reference: samples({ a: num("a", normals(1000, 1)), b: num("b", normals(1000, 2)), c: num("c", normals(1000, 3)) }),
    current: samples({
      a: num("a", normals(1000, 4, 1)),
      b: num("b", normals(1000, 5)),
      c: num("c", normals(1000, 6)),
    }),
    referenceLabel: "r",
    currentLabel: "c",
  };
  const plain = detectDrift(input, resolvePolicy({ major_psi: null }));
  assert.equal(plain.dataset_drifted, false);
  // By default one column drifting with PSI >= 0.25 (a is shifted by one sd) is enough.
  const major = detectDrift(input, resolvePolicy());
  assert.equal(major.dataset_drifted, true);
  assert.deepEqual(major.major_drifted, ["a"]);
  assert.match(major.summary, /^dataset drifted: column a drifted with PSI at or above 0\.25; 1 of 3 columns drifted/);
  const critical = detectDrift(input, resolvePolicy({ major_psi: null, columns: { a: { critical: true } } }));
  assert.equal(critical.dataset_drifted, true);
  assert.match(critical.summary, /critical column a drifted/);
  const overridden = detectDrift(
    input,
    resolvePolicy({ columns: { a: { method: "wasserstein", threshold: 5 }, b: { skip: true } } }),
  );
  const a = overridden.features.find((f) => f.name === "a")!;
  assert.equal(a.method, "wasserstein");
  assert.equal(a.threshold, 5);
  assert.equal(a.drifted, false);
  assert.deepEqual(overridden.skipped, [{ name: "b", reason: "skipped by configuration" }]);
});

test("columns that cannot be tested are listed with a reason, never crash", () => {
  const report = detectDrift(
    {
      reference: samples({
        only_ref: num("only_ref", [1, 2]),
        empty: num("empty", [null, null]),
        text: sampleColumn(dictionaryColumn("text", ["a", "b"], "string")),
        mixed: num("mixed", [1, 2, 3]),
        when: sampleColumn(numericColumn("when", [0, 1], "datetime")),
      }),
      current: samples({
        empty: num("empty", [1, 2]),
        text: sampleColumn(dictionaryColumn("text", ["a"], "string")),
        mixed: cat("mixed", ["x"]),
        when: sampleColumn(numericColumn("when", [5], "datetime")),
      }),
      referenceLabel: "r",
      currentLabel: "c",
    },
    resolvePolicy(),
  );
  assert.equal(report.features.length, 0);
  const reasons = Object.fromEntries(report.skipped.map((s) => [s.name, s.reason]));
  assert.match(reasons.only_ref!, /absent from the current data/);
  assert.match(reasons.empty!, /no values in the reference/);
  assert.match(reasons.text!, /free-text/);
  assert.match(reasons.mixed!, /numeric in the reference but categorical in the current data/);
  assert.match(reasons.when!, /datetime/);
  assert.equal(report.dataset_drifted, false);
  assert.equal(report.summary, "no column could be tested");
});

test("a profile reference gives the exact result up to the stated approximation error", () => {
  const refValues = normals(20000, 31, 50, 10).map((x) => Math.round(x * 1e4) / 1e4);
  const curValues = normals(20000, 32, 52, 10).map((x) => Math.round(x * 1e4) / 1e4);
  const refTable = table([numericColumn("x", refValues, "number"), dictionaryColumn("c", cats(20000, [0.6, 0.4], 33))]);
  const current = samples({ x: num("x", curValues), c: cat("c", cats(20000, [0.5, 0.5], 34)) });
  const exact = detectDrift(
    {
      reference: samples({ x: sampleColumn(refTable.columns[0]!), c: sampleColumn(refTable.columns[1]!) }),
      current,
      referenceLabel: "r",
      currentLabel: "c",
    },
    resolvePolicy(),
  );
  const viaProfile = detectDrift(
    { reference: sampleProfile(buildProfile(refTable)), current, referenceLabel: "p", currentLabel: "c" },
    resolvePolicy(),
  );
  const e = exact.features[0]!;
  const p = viaProfile.features[0]!;
  assert.equal(p.approximate, true);
  const err = p.tests.ks!.approximation_error!;
  assert.ok(err > 0 && err < 0.01, `error bound ${err}`);
  assert.ok(
    Math.abs(p.tests.ks!.statistic - e.tests.ks!.statistic) <= err,
    `${p.tests.ks!.statistic} vs ${e.tests.ks!.statistic}`,
  );
  assert.ok(Math.abs(p.tests.psi!.statistic - e.tests.psi!.statistic) < 0.01);
  // Categorical frequencies are exact in a profile.
  assert.equal(viaProfile.features[1]!.tests.chisquare!.statistic, exact.features[1]!.tests.chisquare!.statistic);
  assert.equal(viaProfile.features[1]!.tests.psi!.statistic, exact.features[1]!.tests.psi!.statistic);
});

test("sampling a column in place (the drift worker's path) gives the same sample as sampling a copy", () => {
  const values = [3, null, -1, 2.5, NaN, 7, ...normals(3000, 41)];
  const col = numericColumn("x", values, "number");
  const copied = sampleColumn(col);
  const before = col.values.slice();
  const consumed = sampleColumn(col, { consume: { scratch: new Float64Array(col.values.length) } });
  assert.ok(
    copied.kind === "numeric" && copied.form === "exact" && consumed.kind === "numeric" && consumed.form === "exact",
  );
  assert.deepEqual(consumed.sorted, copied.sorted);
  assert.equal(consumed.missing, 2);
  assert.equal(consumed.sorted.buffer, col.values.buffer, "sorted inside the column's own buffer");
  assert.notDeepEqual(col.values, before);
});

test("resolvePolicy: under auto a bare threshold is the PSI floor, as the CLI's --threshold is; psi_threshold wins", () => {
  assert.equal(resolvePolicy({ threshold: 0.2 }).psi_threshold, 0.2);
  assert.equal(resolvePolicy({ method: "auto", threshold: 0.2, psi_threshold: 0.3 }).psi_threshold, 0.3);
  assert.equal(resolvePolicy({ method: "psi", threshold: 0.2 }).psi_threshold, 0.1);
  assert.equal(resolvePolicy().psi_threshold, 0.1);
});

test("the compact report gives back every field a column had: notes, approximation errors, overrides, quality", () => {
  const reference = samples({
    flat: num("flat", [5, 5, 5, 5, 5, 5]),
    x: num("x", normals(400, 7)),
    c: cat("c", cats(400, [0.5, 0.5], 8)),
  });
  const current = samples({
    flat: num("flat", [5, 6, 7, 5, 5, null]),
    x: num("x", [...normals(300, 9, 2), Infinity, null, null]),
    c: cat("c", [...cats(300, [0.2, 0.8], 10), "new", null]),
  });
  const policy = resolvePolicy({
    method: "wasserstein",
    correction: "bonferroni",
    columns: { x: { method: "auto", alpha: 0.01, critical: true }, c: { method: "psi", threshold: 0.3 } },
  });
  const input = {
    reference,
    current,
    referenceLabel: "r",
    currentLabel: "c",
    quality: resolveQualityThresholds(),
  };
  const parts = detectDriftParts(input, policy);
  const whole = detectDrift(input, policy);
  // The same text whichever way it is written (key order included).
  assert.equal([...stringifyContractParts(parts, 2)].join(""), stringifyContract(whole, 2));
  const flat = whole.features.find((f) => f.name === "flat")!;
  assert.equal(flat.tests.wasserstein!.note, "reference is constant: distance not normalised");
  assert.equal(flat.method, "wasserstein");
  assert.equal(flat.p_value, null);
  assert.equal(flat.alpha, undefined);
  const x = whole.features.find((f) => f.name === "x")!;
  assert.deepEqual(Object.keys(x.tests), ["ks", "psi"]);
  assert.equal(x.method, "ks+psi");
  assert.equal(x.alpha, 0.01);
  assert.equal(x.critical, true);
  assert.deepEqual(x.current, { count: 301, missing: 2 });
  assert.equal(whole.features.find((f) => f.name === "c")!.threshold, 0.3);
  const q = whole.quality!.features.find((f) => f.name === "x")!;
  assert.deepEqual(Object.keys(q), ["name", "missing_share", "fired", "non_finite_share", "out_of_range_share"]);
  assert.ok(q.fired.includes("non_finite_share"));
  for (const name of ["flat", "x", "c"]) {
    const measured = measureQuality(name, reference.get(name)!, current.get(name)!, input.quality);
    const kept = whole.quality!.features.find((f) => f.name === name);
    assert.equal(JSON.stringify(kept), JSON.stringify(measured), name);
  }
  assert.deepEqual(Object.keys(whole.quality!.features.find((f) => f.name === "c")!), [
    "name",
    "missing_share",
    "fired",
    "new_category_share",
  ]);
});
