import { test } from "node:test";
import assert from "node:assert/strict";
import type { FeatureDrift, TestResult } from "../../src/drift/driftReport.js";
import { FeatureDriftColumns, type TestedColumn } from "../../src/drift/featureDriftColumns.js";
import type { MethodName } from "../../src/drift/methods/driftMethod.js";
import { rng } from "../helpers/random.js";

/** A random tested column: auto (a test and PSI) or one method; exact, or a sketch's with approximation errors. */
function randomColumn(random: () => number, i: number): TestedColumn {
  const kind = random() < 0.5 ? "numeric" : "categorical";
  const approximate = random() < 0.3;
  const auto = random() < 0.6;
  const result = (p: boolean): TestResult => {
    const t: TestResult = { statistic: random() * 3 };
    if (p) t.p_value = random();
    if (approximate && p) t.approximation_error = random() / 100;
    return t;
  };
  const tests: Partial<Record<MethodName, TestResult>> = {};
  let choice: MethodName | "auto" = "auto";
  if (auto) {
    tests[kind === "numeric" ? "ks" : "chisquare"] = result(true);
    tests.psi = result(false);
  } else {
    choice = (["ks", "psi", "chisquare", "jensenshannon", "wasserstein"] as const)[Math.floor(random() * 5)]!;
    tests[choice] = result(choice === "ks" || choice === "chisquare");
    if (choice === "wasserstein" && random() < 0.3) tests.wasserstein!.note = "the reference is constant";
  }
  return {
    name: `c${i}`,
    kind,
    critical: random() < 0.1,
    tests,
    reference: { count: Math.floor(random() * 1e6), missing: Math.floor(random() * 10) },
    current: { count: Math.floor(random() * 1e6), missing: Math.floor(random() * 10) },
    approximate,
    choice,
    statistic: random(),
    threshold: random() / 4,
    ...(auto ? { alpha: 0.05 } : {}),
  };
}

/** The report's object of a tested column and its verdict, keys in the order FeatureDriftColumns gives them. */
function expected(c: TestedColumn, p: number | null, drifted: boolean): FeatureDrift {
  return {
    name: c.name,
    kind: c.kind,
    critical: c.critical,
    tests: c.tests,
    reference: c.reference,
    current: c.current,
    approximate: c.approximate,
    method: c.choice === "auto" ? `${c.kind === "numeric" ? "ks" : "chisquare"}+psi` : c.choice,
    statistic: c.statistic,
    threshold: c.threshold,
    ...(c.alpha !== undefined ? { alpha: c.alpha } : {}),
    p_value: p,
    drifted,
  };
}

test("FeatureDriftColumns gives back each tested column as the report's object: tests, p-values, approximation errors and notes", () => {
  for (const seed of [1, 2, 3]) {
    const random = rng(seed);
    const columns = Array.from({ length: 300 }, (_, i) => randomColumn(random, i));
    const store = new FeatureDriftColumns(columns.length);
    const verdicts = columns.map(() => ({ p: random() < 0.5 ? null : random(), drifted: random() < 0.3 }));
    for (const c of columns) store.push(c);
    columns.forEach((_, i) => store.decide(i, verdicts[i]!.p, verdicts[i]!.drifted));
    columns.forEach((c, i) => {
      assert.equal(JSON.stringify(store.feature(i)), JSON.stringify(expected(c, verdicts[i]!.p, verdicts[i]!.drifted)));
      for (const [method, t] of Object.entries(c.tests))
        assert.equal(store.testStatistic(i, method as MethodName), t.statistic);
    });
  }
});

test("FeatureDriftColumns of exact columns only: no approximation_error key in any test", () => {
  const random = rng(9);
  const columns = Array.from({ length: 50 }, (_, i) => ({ ...randomColumn(random, i), approximate: false }));
  for (const c of columns) for (const t of Object.values(c.tests)) delete t.approximation_error;
  const store = new FeatureDriftColumns(columns.length);
  for (const c of columns) store.push(c);
  columns.forEach((c, i) => {
    store.decide(i, null, false);
    const f = store.feature(i);
    assert.deepEqual(f.tests, c.tests);
    assert.ok(Object.values(f.tests).every((t) => !("approximation_error" in t)));
  });
});
