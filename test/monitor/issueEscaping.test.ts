import { test } from "node:test";
import assert from "node:assert/strict";
import { issueBody } from "../../monitor/alertRequests.js";
import { resolveMonitorConfig } from "../../monitor/monitorConfig.js";
import type { WindowReport } from "../../monitor/driftMonitor.js";

test("the drift issue escapes column names: no mention, no HTML, no table break", () => {
  const config = resolveMonitorConfig(
    {
      reference: "profile.json",
      github: { repository: "acme/models" },
      actions: { dispatch: { workflow: "retrain.yml", ref: "main" } },
    },
    "/tmp/monitor.yml",
  );
  const evil = "@everyone | <script>alert(1)</script> #12";
  const feature = {
    name: evil,
    kind: "numeric",
    method: "ks+psi",
    statistic: 0.5,
    p_value: 0.001,
    threshold: 0.1,
    drifted: true,
    critical: true,
    tests: { psi: { statistic: 0.5 }, ks: { statistic: 0.3, p_value: 0.001 } },
    reference: { count: 100, missing: 0 },
    current: { count: 100, missing: 0 },
    approximate: true,
  };
  const report = {
    window: 3,
    started_at: "2026-01-01T00:00:00.000Z",
    closed_at: "2026-01-01T01:00:00.000Z",
    events: 100,
    dataset_drifted: true,
    unknown_features: {},
    prediction: { count: 0, missing: 0, mean: null, top: {} },
    drift: { summary: `dataset drifted: critical column ${evil} drifted`, features: [feature] },
  } as unknown as WindowReport;
  const body = issueBody(config, report, [report], true);
  assert.doesNotMatch(body, /(^|[^\w])@everyone/);
  assert.doesNotMatch(body, /<script/);
  assert.doesNotMatch(body, /(^|[^\w&])#12/);
  const row = body.split("\n").find((l) => l.startsWith("| ") && l.includes("everyone"))!;
  assert.equal(row.split("|").length, 8, "one row, six cells");
});
