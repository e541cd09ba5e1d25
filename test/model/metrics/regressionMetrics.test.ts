import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { regressionMetrics } from "../../../src/model/metrics/regressionMetrics.js";

interface RegressionCase {
  name: string;
  y_true: number[] | null;
  y_pred: number[] | null;
  generated?: number;
  expected: { metrics: Record<string, number> };
  omitted: Record<string, unknown>;
  deviations: Record<string, number>;
}

const fixture = JSON.parse(readFileSync("fixtures/metrics/regression.json", "utf8")) as { cases: RegressionCase[] };

/** make_metrics_fixtures.py's `generated(n)`, bit for bit. */
function generated(n: number): { y: Float64Array; p: Float64Array } {
  const y = new Float64Array(n);
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = ((i * 7919) % 10007) / 97 - 50;
    p[i] = y[i]! + (((i * 104729) % 1009) / 101 - 5);
  }
  return { y, p };
}

function inputs(c: RegressionCase): [Float64Array, Float64Array] {
  if (c.generated !== undefined) {
    const { y, p } = generated(c.generated);
    return [y, p];
  }
  return [Float64Array.from(c.y_true!), Float64Array.from(c.y_pred!)];
}

function deviation(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.max(1, Math.abs(expected));
}

test("every regression metric equals scikit-learn's (except the documented r2 rounding case)", (t) => {
  const worst: Record<string, { dev: number; case: string }> = {};
  for (const c of fixture.cases) {
    const got = regressionMetrics(...inputs(c));
    assert.deepEqual(Object.keys(got.metrics).sort(), Object.keys(c.expected.metrics).sort(), c.name);
    for (const [name, sklearn] of Object.entries(c.expected.metrics)) {
      const expected = c.deviations[name] ?? sklearn;
      const dev = deviation(got.metrics[name]!, expected);
      assert.ok(dev <= 1e-9, `${c.name} ${name}: ${got.metrics[name]} vs ${expected}`);
      if (c.deviations[name] === undefined && (!(name in worst) || dev > worst[name]!.dev))
        worst[name] = { dev, case: c.name };
    }
    for (const metric of Object.keys(c.omitted))
      assert.ok(
        got.notes.some((n) => n.metric === metric),
        c.name,
      );
  }
  for (const [name, w] of Object.entries(worst))
    t.diagnostic(`max deviation ${name}: ${w.dev.toExponential(2)} (${w.case})`);
});

test("constant targets: r2 is 1 for perfect predictions and 0 otherwise, with a note", () => {
  const perfect = regressionMetrics(Float64Array.of(3, 3, 3), Float64Array.of(3, 3, 3));
  assert.equal(perfect.metrics.r2, 1);
  const off = regressionMetrics(Float64Array.of(0.1, 0.1, 0.1), Float64Array.of(0.11, 0.1, 0.09));
  assert.equal(off.metrics.r2, 0);
  assert.match(off.notes[0]!.reason, /constant/);
  const sk = fixture.cases.find((c) => c.name === "constant_target_rounding")!;
  assert.ok(sk.expected.metrics.r2! < -1e20, "scikit-learn's own value here is a rounding artefact");
});

test("the doc comment's example and edge inputs", () => {
  const r = regressionMetrics(Float64Array.of(3, -0.5, 2, 7), Float64Array.of(2.5, 0, 2, 8));
  assert.deepEqual(Object.keys(r.metrics), ["mse", "rmse", "mae", "r2", "mape", "median_ae"]);
  assert.equal(r.metrics.mse, 0.375);
  assert.equal(r.metrics.r2, 0.9486081370449679);
  assert.equal(r.metrics.median_ae, 0.5);
  const one = regressionMetrics(Float64Array.of(2), Float64Array.of(1.5));
  assert.ok(!("r2" in one.metrics));
  assert.equal(one.notes[0]!.metric, "r2");
  assert.throws(() => regressionMetrics(new Float64Array(0), new Float64Array(0)), RangeError);
  assert.throws(() => regressionMetrics(Float64Array.of(1, 2), Float64Array.of(1)), /rows/);
  assert.throws(() => regressionMetrics(Float64Array.of(1, NaN), Float64Array.of(1, 2)), /finite/);
  assert.throws(() => regressionMetrics(Float64Array.of(1, 2), Float64Array.of(1, Infinity)), /finite/);
});

test("property: errors are non-negative, rmse = sqrt(mse), median_ae <= max error, r2 <= 1", () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true })),
        {
          minLength: 1,
          maxLength: 200,
        },
      ),
      (pairs) => {
        const y = Float64Array.from(pairs, (p) => p[0]);
        const yhat = Float64Array.from(pairs, (p) => p[1]);
        const { metrics } = regressionMetrics(y, yhat);
        for (const k of ["mse", "rmse", "mae", "mape", "median_ae"]) assert.ok(metrics[k]! >= 0, k);
        assert.equal(metrics.rmse, Math.sqrt(metrics.mse!));
        const maxErr = Math.max(...pairs.map(([a, b]) => Math.abs(b - a)));
        assert.ok(metrics.median_ae! <= maxErr);
        assert.ok(metrics.mae! <= maxErr * (1 + 1e-12));
        if (metrics.r2 !== undefined) assert.ok(metrics.r2 <= 1);
        const same = regressionMetrics(y, y);
        assert.equal(same.metrics.mse, 0);
        if (pairs.length >= 2) assert.equal(same.metrics.r2, 1);
      },
    ),
    { numRuns: 300 },
  );
});
