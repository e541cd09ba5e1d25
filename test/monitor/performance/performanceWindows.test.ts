import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { INITIAL_ALERT_STATE, type AlertState } from "../../../monitor/alerts/alertPolicy.js";
import { Outbox } from "../../../monitor/alerts/outbox.js";
import { resolveMonitorConfig } from "../../../monitor/config/monitorConfig.js";
import { MonitorMetrics } from "../../../monitor/metrics/monitorMetrics.js";
import { resolvePerformanceConfig } from "../../../monitor/performance/performanceConfig.js";
import { PerformanceMetrics } from "../../../monitor/performance/performanceMetrics.js";
import { PerformanceWindows, type ProductionMetrics } from "../../../monitor/performance/performanceWindows.js";
import type { WindowReport } from "../../../monitor/windows/windowReport.js";
import { rng } from "../../helpers/random.js";

const dir = mkdtempSync(join(tmpdir(), "mg-perfwin-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const quiet = { info() {}, warn() {} };

/** n rows of window w: labels 0/1 at random, the prediction right with probability `accuracy`. */
function rows(w: number, n: number, accuracy: number, seed: number, at: number) {
  const u = rng(seed);
  const label: number[] = [];
  const prediction: string[] = [];
  const probability: number[] = [];
  for (let i = 0; i < n; i++) {
    const y = u() < 0.5 ? 1 : 0;
    const right = u() < accuracy;
    const p = right ? y : 1 - y;
    label.push(y);
    prediction.push(String(p));
    probability.push(p === 1 ? 0.5 + 0.5 * u() : 0.5 * u());
  }
  return { length: n, window: new Array<number>(n).fill(w), label, prediction, probability, at };
}

function setup(name: string) {
  const config = resolveMonitorConfig(
    {
      reference: "p.json",
      model: "fraud",
      actions: { dispatch: { workflow: "retrain.yml" } },
      performance: { accuracy: { max_drop: 0.05 } },
      performance_policy: { min_rows: 200 },
    },
    join(dir, "monitor.yml"),
  );
  const perf = resolvePerformanceConfig(
    { performance: { accuracy: { max_drop: 0.05 } }, performance_policy: { min_rows: 200 } },
    { abs: (p) => p, file: "monitor.yml" },
  )!;
  const metrics = new MonitorMetrics();
  const gauges = new PerformanceMetrics(metrics.registry);
  const outbox = new Outbox(join(dir, `${name}.outbox.jsonl`), null);
  const host = { config, alert: { ...INITIAL_ALERT_STATE } as AlertState, recent: [] as WindowReport[] };
  const production: ProductionMetrics = {
    source: "metrics.json",
    spec: { task: "binary", classes: ["0", "1"], positiveLabel: "1" },
    values: new Map([["accuracy", 0.95]]),
  };
  const windows = new PerformanceWindows(perf, production, host, { outbox, metrics, gauges, log: quiet, alerts: true });
  return { windows, outbox, host, metrics, gauges, perf, production };
}

const span = (w: number) => ({
  window: w,
  started_at: new Date(w * 60_000).toISOString(),
  closed_at: new Date((w + 1) * 60_000).toISOString(),
});

test("realized performance: judged once a closed window has min_rows; a breach alerts once with reason performance", async () => {
  const s = setup("a");
  // Labels for window 0 (closed) trickle in: 150 rows are too few to judge.
  s.windows.windowClosed(span(0), 60_000);
  s.windows.addJoined(rows(0, 150, 0.95, 1, 100_000));
  assert.equal(s.windows.report()[0]!.judged, false);
  // 250 rows at accuracy 0.95: judged, within the rule.
  s.windows.addJoined(rows(0, 100, 0.95, 2, 200_000));
  const w0 = s.windows.report()[0]!;
  assert.equal(w0.judged, true);
  assert.equal(w0.breached, false);
  assert.equal(w0.rows, 250);
  assert.equal(s.outbox.pending().length, 0);
  // Window 1 holds rows before it closes (labels came fast): judged at close, at accuracy 0.6: a breach.
  s.windows.addJoined(rows(1, 400, 0.6, 3, 250_000));
  assert.equal(s.windows.report()[0]!.window, 0, "an open window is not reported");
  s.windows.windowClosed(span(1), 300_000);
  const w1 = s.windows.report()[0]!;
  assert.equal(w1.window, 1);
  assert.equal(w1.breached, true);
  const check = w1.checks!.find((c) => c.kind === "max_drop")!;
  assert.equal(check.outcome, "breach");
  assert.ok(check.interval![1] - 0.95 < -0.05, "the better bound of the change is past the rule");
  const pending = s.outbox.pending();
  assert.deepEqual(
    pending.map((e) => e.id),
    ["fraud:w1:performance:dispatch", "fraud:w1:performance:issue.open"],
  );
  const dispatch = pending[0]!.body as { inputs: Record<string, string> };
  assert.equal(dispatch.inputs.reason, "performance");
  assert.equal(dispatch.inputs.window_start, span(1).started_at);
  const body = String((pending[1]!.body as { body: string }).body);
  assert.match(body, /^Reason: performance/m);
  assert.match(
    body,
    /\| accuracy \| 0\.\d{4} \| 0\.\d{4} to 0\.\d{4} \| 0\.9500 \| max_drop 0\.0500 \| \*\*breach\*\* \|/,
  );
  assert.deepEqual(s.host.alert.reasons, ["performance"]);
  assert.equal(s.host.alert.issueOpen, true);
  // More labels for window 1 re-judge it; still breached, but alerted once.
  s.windows.addJoined(rows(1, 100, 0.6, 4, 400_000));
  assert.equal(s.windows.report()[0]!.labelled_rows, 500);
  assert.equal(s.windows.report()[0]!.rows, 500, "grown by 25%: judged again");
  assert.equal(s.outbox.pending().length, 2);
  // The gauges show the newest judged window.
  const text = await s.metrics.registry.metrics();
  assert.match(text, /^modelguard_monitor_performance\{metric="accuracy"\} 0\.\d+$/m);
  assert.match(text, /^modelguard_monitor_performance_labelled_rows 500$/m);
  assert.match(text, /^modelguard_monitor_performance_breached 1$/m);
  assert.match(text, /^modelguard_monitor_performance_breaches_total 1$/m);
  assert.match(text, /^modelguard_monitor_performance_reference\{metric="accuracy"\} 0\.95$/m);
});

test("realized performance: the snapshot keeps rows, results and the alerted flag (no second alert after restart)", () => {
  const s = setup("b");
  s.windows.windowClosed(span(3), 60_000);
  s.windows.addJoined(rows(3, 300, 0.6, 5, 100_000));
  s.windows.addJoined(rows(4, 120, 0.9, 6, 100_000));
  const json = JSON.parse(JSON.stringify(s.windows.toJson()));
  const t = setup("b");
  t.windows.load(json);
  assert.deepEqual(t.windows.report(), s.windows.report());
  // Window 4's rows were kept while it was open: it is judged when it closes, with the rows from before the restart.
  t.windows.addJoined(rows(4, 100, 0.9, 7, 150_000));
  t.windows.windowClosed(span(4), 160_000);
  assert.equal(t.windows.report()[0]!.rows, 220);
  // Window 3 was alerted before the restart: more of its labels re-judge it, but do not alert again.
  t.windows.addJoined(rows(3, 10, 0.6, 8, 170_000));
  // Grown by 3%: not judged again yet (every 5%).
  assert.equal(t.windows.report().find((w) => w.window === 3)!.rows, 300);
  assert.equal(t.windows.report().find((w) => w.window === 3)!.labelled_rows, 310);
  assert.deepEqual(
    t.outbox.pending().map((e) => e.id),
    ["fraud:w3:performance:dispatch", "fraud:w3:performance:issue.open"],
  );
});

test("realized performance: rows past max_rows are counted, not kept; labels of windows no longer kept are counted", () => {
  const s = setup("c");
  const small = new PerformanceWindows(
    { ...s.perf, maxRows: 250 },
    s.production,
    { ...s.host, config: { ...s.host.config, keepWindows: 2 } },
    { outbox: s.outbox, metrics: s.metrics, gauges: s.gauges, log: quiet, alerts: false },
  );
  small.windowClosed(span(0), 1);
  small.addJoined(rows(0, 300, 0.95, 9, 2));
  const r = small.report()[0]!;
  assert.equal(r.labelled_rows, 300);
  assert.equal(r.kept_rows, 250);
  small.windowClosed(span(1), 3);
  small.windowClosed(span(2), 4);
  assert.deepEqual(
    small.report().map((w) => w.window),
    [2, 1],
  );
  small.addJoined(rows(0, 5, 0.9, 10, 5));
  assert.equal(small.tooOld, 5);
});
