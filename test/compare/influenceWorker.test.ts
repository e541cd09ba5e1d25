import { test } from "node:test";
import assert from "node:assert/strict";
import { metricInfluence } from "../../src/compare/metricInfluence.js";
import { analyticInterval, pairedIntervals } from "../../src/compare/pairedIntervals.js";
import { resampleWorkerFound } from "../../src/compare/weightedPairedBootstrap.js";
import { twoModels } from "./pairedIntervalData.js";

const OPTIONS = { resamples: 2000, seed: 0, confidence: 0.95, interval: "analytic" as const };

test("from 200,000 rows the candidate's influences come from the worker thread, and the intervals are the ones this thread computes", async () => {
  assert.ok(resampleWorkerFound(), "the comparison worker is found from sources");
  const names = ["accuracy", "balanced_accuracy", "f1", "roc_auc", "pr_auc", "log_loss", "brier", "f1_macro"];
  const [c, b] = twoModels(200_000, 2, 21);
  const got = await pairedIntervals(names, c, b, OPTIONS);
  for (const name of names) {
    const want = analyticInterval(metricInfluence(name, c)!, metricInfluence(name, b)!, OPTIONS.confidence);
    // Bit for bit: the same functions on the same numbers, only on another thread.
    assert.deepEqual(got.get(name), want, name);
  }
  // Multiclass too (several score curves per model, macro averages).
  const [c3, b3] = twoModels(200_000, 3, 22);
  const multi = await pairedIntervals(["roc_auc", "f1_macro", "log_loss"], c3, b3, OPTIONS);
  for (const name of ["roc_auc", "f1_macro", "log_loss"])
    assert.deepEqual(
      multi.get(name),
      analyticInterval(metricInfluence(name, c3)!, metricInfluence(name, b3)!, OPTIONS.confidence),
      name,
    );
});
