import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { calibrateProbability } from "../../../src/performance/cbpe/calibrateProbability.js";
import { CbpeSketch } from "../../../src/performance/cbpe/cbpeSketch.js";
import { CBPE_METRICS } from "../../../src/performance/cbpe/cbpeMetric.js";
import { estimateRocAuc } from "../../../src/performance/cbpe/estimateRocAuc.js";
import { fitIsotonicRegression } from "../../../src/performance/cbpe/fitIsotonicRegression.js";
import { needsCalibration } from "../../../src/performance/cbpe/needsCalibration.js";
import { samplingErrorComponents } from "../../../src/performance/cbpe/samplingErrorComponents.js";

// Reference values from scripts/make_cbpe_fixtures.py (scikit-learn 1.2.1's IsotonicRegression and metrics, NannyML's
// CBPE re-implemented in numpy). Tolerances: 1e-12 wherever the arithmetic is the same up to summation order; the
// ROC AUC of the binned window sketch within 1e-6 of the exact estimate (ties within a 1/2048 score bin; measured
// 1e-7 on continuous scores, 2e-15 on scores rounded to 3 decimals).
interface Side {
  score: number[];
  y_true: number[];
  y_pred: number[];
}
interface Case {
  name: string;
  reference: Side;
  calibration: {
    calibrated: boolean;
    ece_before: number | null;
    ece_after: number | null;
    x: number[];
    y: number[];
    probes: number[];
    probe_values: number[];
    sampling_error: Record<string, { std: number; fraction: number }>;
  };
  windows: (Side & {
    name: string;
    estimated: Record<string, number>;
    standard_error: Record<string, number>;
    realized: Record<string, number>;
  })[];
}
const fixture = JSON.parse(readFileSync("fixtures/cbpe/cbpe.json", "utf8")) as { cases: Case[] };
const close = (a: number, b: number, tol: number, what: string) =>
  assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b} (tolerance ${tol})`);

for (const c of fixture.cases) {
  const score = Float64Array.from(c.reference.score);
  const yTrue = Uint8Array.from(c.reference.y_true);
  const yPred = Uint8Array.from(c.reference.y_pred);
  const fit = fitIsotonicRegression(score, Float64Array.from(c.reference.y_true));

  test(`cbpe ${c.name}: the isotonic fit keeps scikit-learn's thresholds and predicts its values`, () => {
    assert.equal(fit.x.length, c.calibration.x.length);
    c.calibration.x.forEach((v, i) => assert.equal(fit.x[i], v, `x[${i}]`));
    c.calibration.y.forEach((v, i) => close(fit.y[i]!, v, 1e-12, `y[${i}]`));
    c.calibration.probes.forEach((p, i) =>
      close(calibrateProbability(fit, p), c.calibration.probe_values[i]!, 1e-12, `predict(${p})`),
    );
  });

  test(`cbpe ${c.name}: the calibration check and the sampling error components equal the reference`, () => {
    const check = needsCalibration(yTrue, score);
    assert.equal(check.calibrate, c.calibration.calibrated);
    close(check.eceBefore!, c.calibration.ece_before!, 1e-12, "ece before");
    close(check.eceAfter!, c.calibration.ece_after!, 1e-12, "ece after");
    const comps = samplingErrorComponents(yTrue, yPred, score);
    for (const m of CBPE_METRICS) {
      close(comps[m].std, c.calibration.sampling_error[m]!.std, 1e-12, `${m} std`);
      close(comps[m].fraction, c.calibration.sampling_error[m]!.fraction, 1e-12, `${m} fraction`);
    }
  });

  test(`cbpe ${c.name}: per window estimates and standard errors equal the reference`, () => {
    const comps = samplingErrorComponents(yTrue, yPred, score);
    for (const w of c.windows) {
      const sketch = new CbpeSketch();
      const calibrated = Float64Array.from(w.score, (s) =>
        c.calibration.calibrated ? calibrateProbability(fit, s) : s,
      );
      w.score.forEach((s, i) => sketch.add(s, calibrated[i]!, w.y_pred[i] === 1));
      const est = sketch.estimate(comps);
      for (const e of est) {
        const tol = e.metric === "roc_auc" ? 1e-6 : 1e-12;
        close(e.value!, w.estimated[e.metric]!, tol, `${w.name} ${e.metric}`);
        close(e.standard_error!, w.standard_error[e.metric]!, 1e-12, `${w.name} ${e.metric} standard error`);
        assert.ok(e.lower! <= e.value! && e.value! <= e.upper!);
      }
      close(estimateRocAuc(Float64Array.from(w.score), calibrated), w.estimated.roc_auc!, 1e-12, `${w.name} exact auc`);
    }
  });
}

test("cbpe: a merged sketch is the sketch of the union, and survives JSON", () => {
  const c = fixture.cases[0]!;
  const w = c.windows[1]!;
  const whole = new CbpeSketch();
  const a = new CbpeSketch();
  const b = new CbpeSketch();
  w.score.forEach((s, i) => {
    const p = Math.min(1, s * 0.9 + 0.05);
    whole.add(s, p, w.y_pred[i] === 1);
    (i % 3 === 0 ? a : b).add(s, p, w.y_pred[i] === 1);
  });
  const merged = CbpeSketch.fromJSON(JSON.parse(JSON.stringify(a.toJSON())));
  merged.merge(CbpeSketch.fromJSON(JSON.parse(JSON.stringify(b.toJSON()))));
  for (const m of CBPE_METRICS) close(merged.value(m)!, whole.value(m)!, 1e-12, m);
  assert.throws(() => CbpeSketch.fromJSON({ ...a.toJSON(), bins: [[4096, 1, 0.5]] }), RangeError);
});

test("cbpe: scores that separate the classes need no calibration; one class has nothing to check", () => {
  const y = Uint8Array.of(0, 0, 0, 1, 1, 1, 0, 1, 0, 1, 0, 1);
  const s = Float64Array.from(y, (v, i) => (v ? 0.6 + i / 100 : 0.1 + i / 100));
  assert.deepEqual(needsCalibration(y, s), { calibrate: false, eceBefore: null, eceAfter: null });
  assert.equal(needsCalibration(new Uint8Array(5), s.subarray(0, 5)).calibrate, false);
});

test("cbpe: an empty window estimates nothing, and metrics without expected positives are 0 as scikit-learn's", () => {
  const s = new CbpeSketch();
  assert.deepEqual(s.estimate({}, ["accuracy"]), [
    { metric: "accuracy", value: null, standard_error: null, lower: null, upper: null },
  ]);
  s.add(0.2, 0, false);
  assert.equal(s.value("precision"), 0);
  assert.equal(s.value("recall"), 0);
  assert.equal(s.value("roc_auc"), null);
});
