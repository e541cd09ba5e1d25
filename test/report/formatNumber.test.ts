import { test } from "node:test";
import assert from "node:assert/strict";
import {
  formatBytes,
  formatChartNumber,
  formatCount,
  formatDelta,
  formatDuration,
  formatInterval,
  formatMetric,
  formatParameter,
  formatPValue,
  isProportionMetric,
} from "../../src/report/formatNumber.js";

test("metrics to 4 significant digits, grouped when large, exponent form at the extremes", () => {
  assert.equal(formatMetric(0.956140350877193), "0.9561");
  assert.equal(formatMetric(0.95), "0.9500");
  assert.equal(formatMetric(12.3456), "12.35");
  assert.equal(formatMetric(2876.54), "2877");
  assert.equal(formatMetric(123456), "123,500");
  assert.equal(formatMetric(-0.00123456), "-0.001235");
  assert.equal(formatMetric(3.4123e-5), "3.412e-5");
  assert.equal(formatMetric(0), "0");
  assert.equal(formatMetric(null), "—");
  assert.equal(formatMetric(Number.NaN), "NaN");
  assert.equal(formatMetric(Number.NEGATIVE_INFINITY), "-∞");
});

test("deltas are signed, in percentage points for proportions", () => {
  assert.equal(formatDelta(0.0123, true), "+1.23 pp");
  assert.equal(formatDelta(-0.023391812865497, true), "-2.34 pp");
  assert.equal(formatDelta(-0.00004, true), "-0.0040 pp");
  assert.equal(formatDelta(0, true), "0.00 pp");
  assert.equal(formatDelta(0.021652, false), "+0.02165");
  assert.equal(formatDelta(-0.004, false), "-0.004");
  assert.equal(formatDelta(12.3456, false), "+12.35");
  assert.equal(formatDelta(0, false), "0");
  assert.equal(formatDelta(null, true), "—");
  assert.equal(formatInterval([-0.0468, -0.0058], true), "-4.68 to -0.58 pp");
  assert.equal(formatInterval([0.004, 0.041], false), "+0.004 to +0.041");
  assert.equal(formatInterval(null, true), "—");
});

test("which metrics are proportions", () => {
  for (const m of ["accuracy", "balanced_accuracy", "f1", "f1_macro", "precision_weighted", "roc_auc", "pr_auc"])
    assert.ok(isProportionMetric(m), m);
  for (const m of ["log_loss", "brier", "mse", "rmse", "r2", "mae", "accuracy_drop", "my_f1"])
    assert.ok(!isProportionMetric(m), m);
});

test("p-values, counts, sizes, durations, parameters, chart numbers", () => {
  assert.equal(formatPValue(0.0004), "<0.001");
  assert.equal(formatPValue(0.0456), "0.046");
  assert.equal(formatPValue(1), "1.000");
  assert.equal(formatPValue(null), "—");
  assert.equal(formatCount(2000), "2,000");
  assert.equal(formatCount(1234567), "1,234,567");
  assert.equal(formatCount(171), "171");
  assert.equal(formatBytes(812), "812 bytes");
  assert.equal(formatBytes(1544), "1.5 KiB (1,544 bytes)");
  assert.equal(formatBytes(1572864), "1.5 MiB (1,572,864 bytes)");
  assert.equal(formatDuration(850), "850 ms");
  assert.equal(formatDuration(12_340), "12.3 s");
  assert.equal(formatDuration(245_000), "4 min 05 s");
  assert.equal(formatDuration(3_720_000), "1 h 02 min");
  assert.equal(formatParameter(0.05), "0.05");
  assert.equal(formatParameter(0.1), "0.1");
  assert.equal(formatParameter(1), "1");
  assert.equal(formatParameter(10), "10");
  assert.equal(formatParameter(12345), "12,350");
  assert.equal(formatParameter(1.2e-5), "1.2e-5");
  assert.equal(formatChartNumber(3.14159), "3.1416");
  assert.equal(formatChartNumber(10), "10");
  assert.equal(formatChartNumber(-0.00001), "0");
  assert.equal(formatChartNumber(1e-7, 4), "0");
});
