import { test } from "node:test";
import assert from "node:assert/strict";
import { summarizeResults } from "../../src/action/summarizeResults.js";
import { detectDrift } from "../../src/drift/detectDrift.js";
import { sampleColumn } from "../../src/drift/columnSample.js";
import { resolvePolicy } from "../../src/drift/driftPolicy.js";
import { resolveQualityThresholds } from "../../src/quality/qualityThresholds.js";
import { numericColumn } from "../helpers/tables.js";
import { normals } from "../helpers/random.js";

test("a data-quality failure without drift fails the step and says so", () => {
  const values = normals(1000, 1);
  const report = detectDrift(
    {
      reference: new Map([["a", sampleColumn(numericColumn("a", values, "number"))]]),
      current: new Map([
        [
          "a",
          sampleColumn(
            numericColumn(
              "a",
              values.map((x, i) => (i % 2 ? null : x)),
              "number",
            ),
          ),
        ],
      ]),
      referenceLabel: "r",
      currentLabel: "c",
      quality: resolveQualityThresholds(),
    },
    resolvePolicy(),
  );
  assert.equal(report.dataset_drifted, false);
  assert.equal(report.quality_failed, true);
  const outcome = summarizeResults({ drift: { kind: "drift", value: report, path: null } });
  assert.equal(outcome.verdict, "fail");
  assert.equal(outcome.reason, "data quality failed in 1 column(s)");
});
