/**
 * A monitor with every issue-15 signal configured, for the deploy and status page tests: labels, estimation (CBPE)
 * and realized performance, against setupMonitor's profile (x, y, plan).
 */
import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { pino } from "pino";
import { resolveMonitorConfig } from "../../monitor/config/monitorConfig.js";
import { startMonitor, type RunningMonitor } from "../../monitor/startMonitor.js";
import { buildCbpeCalibration } from "../../src/performance/cbpe/buildCbpeCalibration.js";
import { writeCalibration } from "../../src/performance/cbpe/calibrationFile.js";
import { rng } from "../helpers/random.js";
import { postEvents, setupMonitor, trafficNdjson } from "./monitorFixtures.js";

/**
 * Starts it (dry run, port 0) and feeds it: 1,010 events with ids and probabilities (window 0 closes with an estimate
 * whose rule fails), then labels for the first 300 (joined: window 0 is judged on them and breaches, they are coin
 * flips against a 0.99 floor) and one for an id never seen (waiting). The caller shuts it down.
 */
export async function startLabelledMonitor(): Promise<RunningMonitor> {
  const { dir } = setupMonitor();
  const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
  const u = rng(61);
  const score = Float64Array.from({ length: 4000 }, () => u());
  const calibration = buildCbpeCalibration(
    {
      score,
      yTrue: Uint8Array.from(score, (s) => (u() < s ? 1 : 0)),
      yPred: Uint8Array.from(score, (s) => (s > 0.5 ? 1 : 0)),
    },
    { positiveClass: "1", negativeClass: "0", path: "preds.csv", sha256: "0".repeat(64) },
  );
  writeCalibration(join(dir, "calibration.json"), calibration);
  // Production's metrics: a binary classifier's metrics.json (classes 0 and 1).
  copyFileSync("fixtures/report/metrics.json", join(dir, "metrics.json"));
  const config = resolveMonitorConfig(
    {
      model: "fraud",
      reference: "profile.json",
      state: "state",
      window: { size: 1000 },
      labels: { max_delay: "1h" },
      // Floors no model reaches: both rules fail, so the breach gauges have series.
      estimation: { calibration: "calibration.json", rules: { accuracy: { min: 0.999 } } },
      performance: { accuracy: { min: 0.99 } },
      performance_policy: { min_rows: 50 },
      reference_metrics: "metrics.json",
    },
    join(dir, "monitor.yml"),
  );
  const m = await startMonitor(config, { env: {}, logger: pino({ level: "silent" }), port: 0, sender: null });
  try {
    const events = trafficNdjson(1010, 51, false)
      .split("\n")
      .map((line, i) => {
        const e = JSON.parse(line) as { features: { x: number } };
        return JSON.stringify({ ...e, id: `e${i}`, probability: sigmoid(2 * e.features.x) });
      });
    assert.equal((await postEvents(m.url, events.join("\n"))).status, 202);
    const labels = Array.from({ length: 300 }, (_, i) => JSON.stringify({ id: `e${i}`, label: i % 2 }));
    labels.push(JSON.stringify({ id: "never-seen", label: 1 }));
    const r = await fetch(`${m.url}/v1/labels`, { method: "POST", body: labels.join("\n") });
    assert.equal(r.status, 202);
    assert.equal(m.monitor.recent.length, 1);
    return m;
  } catch (e) {
    await m.shutdown();
    throw e;
  }
}
