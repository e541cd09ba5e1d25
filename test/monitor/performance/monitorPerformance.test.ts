import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pino } from "pino";
import { resolveMonitorConfig } from "../../../monitor/config/monitorConfig.js";
import { startMonitor, type RunningMonitor } from "../../../monitor/startMonitor.js";
import { validateContract } from "../../../src/contracts/validateContract.js";
import { ModelguardError } from "../../../src/errors.js";
import { startFakeGitHub } from "../../fakeGithub/startFakeGitHub.js";
import { runCli } from "../../helpers/cli.js";
import { normals, rng } from "../../helpers/random.js";
import { crashImage, manualClock, postEvents, setupMonitor, waitFor } from "../monitorFixtures.js";

const TOKEN = "ghs_monitorPerformanceToken0123456789abcdef";
const MINUTE = 60_000;
// fixtures/report/metrics.json: production's accuracy 0.9708 on its test set.
const PRODUCTION_METRICS = new URL("../../../fixtures/report/metrics.json", import.meta.url);

/** A window of n events with ids `w<k>-<i>`, features as the reference's, predictions 0/1. */
function events(k: number, n: number, seed: number): { body: string; predictions: number[] } {
  const xs = normals(n, seed);
  const ys = normals(n, seed + 1, 10, 2);
  const predictions = xs.map((x) => (x > 0 ? 1 : 0));
  const body = xs
    .map((x, i) =>
      JSON.stringify({
        id: `w${k}-${i}`,
        features: { x, y: ys[i], plan: ["basic", "pro", "team"][i % 3] },
        prediction: predictions[i],
      }),
    )
    .join("\n");
  return { body, predictions };
}

/** Labels for a window's events: each equals the prediction with probability `accuracy`. */
function labels(k: number, predictions: number[], accuracy: number, seed: number): string {
  const u = rng(seed);
  return predictions.map((p, i) => JSON.stringify({ id: `w${k}-${i}`, label: u() < accuracy ? p : 1 - p })).join("\n");
}

async function post(url: string, path: string, body: string) {
  const r = await fetch(`${url}${path}`, { method: "POST", body, headers: { "content-type": "application/x-ndjson" } });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

async function getJson(url: string, path: string) {
  const r = await fetch(`${url}${path}`);
  return {
    status: r.status,
    body: (await r.json()) as Record<string, unknown> & { windows: Record<string, unknown>[] },
  };
}

test("labels after events: a window whose accuracy dropped opens one issue and dispatches retraining with reason performance", async () => {
  const fake = await startFakeGitHub({ token: TOKEN, repositories: ["acme/models"] });
  const { dir, config } = setupMonitor({
    github: { repository: "acme/models", web_url: "https://github.com" },
    alert: { consecutive: 2, cooldown: "1h", close_after_clean: 2 },
    actions: { issue: { labels: ["drift"] }, dispatch: { workflow: "retrain.yml", ref: "main" } },
    labels: { max_delay: "1d" },
    performance: { accuracy: { max_drop: 0.05 }, roc_auc: { min: 0.5 } },
    window: { size: 500 },
    performance_policy: { min_rows: 200 },
    reference_metrics: "metrics.json",
  });
  copyFileSync(PRODUCTION_METRICS, join(dir, "metrics.json"));
  const clock = manualClock();
  const logs: string[] = [];
  const start = (c = config) =>
    startMonitor(c, {
      env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: fake.url },
      logger: pino({ level: "debug" }, { write: (s: string) => void logs.push(s) }),
      port: 0,
      now: clock.now,
      tickIntervalMs: 0,
      github: { pacing: { retryBaseMs: 1, writeIntervalMs: 0, notifyingWriteIntervalMs: 0 }, rateLimitRetries: 0 },
      outboxRetry: { baseDelayMs: 2, maxDelayMs: 20 },
    });
  let m: RunningMonitor = await start();
  try {
    // Two windows of 500 predictions (window.size 500), no drift: nothing alerts.
    const w0 = events(0, 500, 501);
    const w1 = events(1, 500, 502);
    clock.advance(MINUTE);
    assert.equal((await postEvents(m.url, w0.body)).status, 202);
    clock.advance(MINUTE);
    assert.equal((await postEvents(m.url, w1.body)).status, 202);
    let perf = await getJson(m.url, "/v1/performance");
    assert.equal(perf.status, 200);
    assert.deepEqual(
      perf.body.windows.map((w) => [w.window, w.labelled_rows, w.judged]),
      [
        [1, 0, false],
        [0, 0, false],
      ],
    );
    // Labels come later: window 0's predictions were right as often as production's, window 1's only 70% of the time.
    clock.advance(10 * MINUTE);
    const l0 = await post(m.url, "/v1/labels", labels(0, w0.predictions, 0.97, 7));
    assert.equal(l0.status, 202);
    assert.equal(l0.body.matched, 500);
    clock.advance(MINUTE);
    assert.equal((await post(m.url, "/v1/labels", labels(1, w1.predictions, 0.7, 8))).status, 202);
    await waitFor("the outbox to be delivered", () => m.outbox.pending().length === 0);
    await m.outbox.idle();
    // What a kill -9 now would leave: no shutdown snapshot, the labels only in the journal.
    const crashed = crashImage(config);

    perf = await getJson(m.url, "/v1/performance");
    assert.deepEqual(validateContract("monitor-performance.schema.json", perf.body), []);
    const [p1, p0] = perf.body.windows as {
      window: number;
      breached: boolean;
      rows: number;
      metrics: Record<string, { value: number; interval: [number, number] }>;
      checks: { metric: string; kind: string; outcome: string }[];
    }[];
    assert.equal(p0!.window, 0);
    assert.equal(p0!.breached, false);
    assert.equal(p0!.rows, 500);
    assert.equal(p1!.window, 1);
    assert.equal(p1!.breached, true);
    const acc = p1!.metrics.accuracy!;
    assert.ok(acc.value > 0.65 && acc.value < 0.75, String(acc.value));
    assert.ok(acc.interval[1] < 0.9708 - 0.05, "the better bound is past the rule");
    assert.deepEqual(
      p1!.checks.map((c) => [c.metric, c.kind, c.outcome]),
      [
        ["accuracy", "max_drop", "breach"],
        // The events carry no probabilities: roc_auc is not computed, so its rule cannot be judged.
        ["roc_auc", "min", "inconclusive"],
      ],
    );

    // /v1/drift's window entries say how far each window's labels have come.
    const drift = await getJson(m.url, "/v1/drift");
    assert.deepEqual(
      drift.body.windows.map((w) => w.performance),
      [
        { labelled_rows: 500, judged: true, breached: true },
        { labelled_rows: 500, judged: true, breached: false },
      ],
    );

    // One issue, reason performance; one dispatch with reason performance and the window's span.
    assert.equal(fake.state.issues.length, 1);
    const body = fake.state.issues[0]!.body ?? "";
    assert.match(fake.state.issues[0]!.title, /^Model fraud: realized performance below its rule$/);
    assert.match(body, /^Reason: performance \(realized performance below its rule\)\.$/m);
    assert.match(body, /^\*\*Realized performance\*\* of window 1 on 500 labelled predictions/m);
    assert.match(
      body,
      /^\| accuracy \| 0\.\d{4} \| 0\.\d{4} to 0\.\d{4} \| 0\.9708 \| max_drop 0\.0500 \| \*\*breach\*\* \|$/m,
    );
    assert.equal(fake.state.workflowDispatches.length, 1);
    const inputs = fake.state.workflowDispatches[0]!.inputs;
    assert.equal(inputs.reason, "performance");
    assert.equal(inputs.window_start, "2026-03-01T00:02:00.000Z");
    assert.deepEqual(fake.violations, []);

    const metrics = await (await fetch(`${m.url}/metrics`)).text();
    assert.match(metrics, /^modelguard_monitor_performance\{metric="accuracy"\} 0\.\d+$/m);
    assert.match(metrics, /^modelguard_monitor_performance_labelled_rows 500$/m);
    assert.match(metrics, /^modelguard_monitor_performance_breached 1$/m);
    assert.match(metrics, /^modelguard_monitor_performance_reference\{metric="accuracy"\} 0\.97076/m);

    // A restart keeps the windows' realized performance, and alerts nothing again.
    await m.shutdown();
    m = await start();
    const again = await getJson(m.url, "/v1/performance");
    assert.deepEqual(again.body.windows, perf.body.windows);
    await m.outbox.idle();
    assert.equal(fake.state.issues.length, 1);
    assert.equal(fake.state.workflowDispatches.length, 1);
    await m.shutdown();

    // After the kill -9: journal replay rebuilds the join and the windows' realized performance, and the breach's
    // alert, already recorded in the outbox, is not sent again.
    m = await start(crashed);
    const replayed = await getJson(m.url, "/v1/performance");
    assert.deepEqual(replayed.body.windows, perf.body.windows);
    await m.outbox.idle();
    assert.equal(m.outbox.pending().length, 0);
    assert.equal(fake.state.issues.length, 1);
    assert.equal(fake.state.workflowDispatches.length, 1);
    assert.ok(!logs.join("").includes(TOKEN));
  } finally {
    await m.shutdown();
    await fake.close();
  }
});

test("performance config: a rule on a metric of another task, or a change rule production has no value for, is exit 2 at start", async () => {
  const { dir } = setupMonitor();
  // Production's metrics without f1: a max_drop on f1 has nothing to drop from.
  const doc = JSON.parse(readFileSync(PRODUCTION_METRICS, "utf8")) as { metrics: Record<string, number> };
  delete doc.metrics.f1;
  writeFileSync(join(dir, "metrics.json"), JSON.stringify(doc));
  const configOf = (performance: Record<string, unknown>) =>
    resolveMonitorConfig(
      { reference: "profile.json", state: "state", labels: {}, performance, reference_metrics: "metrics.json" },
      join(dir, "monitor.yml"),
    );
  const bad = (performance: Record<string, unknown>, re: RegExp) =>
    assert.rejects(
      startMonitor(configOf(performance), { env: {}, logger: pino({ level: "silent" }), port: 0, tickIntervalMs: 0 }),
      (e: unknown) => e instanceof ModelguardError && e.code === "config" && re.test(e.message),
    );
  assert.throws(
    () => configOf({ acuracy: { min: 0.9 } }),
    (e: unknown) =>
      e instanceof ModelguardError &&
      /performance: gates\.acuracy: unknown metric \(did you mean 'accuracy'\?\)/.test(e.message),
  );
  await bad({ rmse: { max: 3 } }, /performance: rmse: rmse is not a metric of binary classification/);
  await bad(
    { f1: { max_drop: 0.02 } },
    /performance\.f1: a change rule needs production's f1, and .*metrics\.json has none/,
  );
  // min/max need no production value.
  const m = await startMonitor(configOf({ f1: { min: 0.5 } }), {
    env: {},
    logger: pino({ level: "silent" }),
    port: 0,
    tickIntervalMs: 0,
  });
  await m.shutdown();
});

test("reference: registry:NAME — windows are judged against the metrics.json promoted with production", async () => {
  const { dir } = setupMonitor();
  const registry = join(dir, "registry");
  const promoted = await runCli(
    "promote",
    "--name",
    "fraud",
    "--model",
    "fixtures/models/breast_cancer_logreg.onnx",
    "--profile",
    join(dir, "profile.json"),
    "--metrics",
    PRODUCTION_METRICS.pathname,
    "--registry",
    registry,
  );
  assert.equal(promoted.code, 0, promoted.stderr);
  const config = resolveMonitorConfig(
    {
      reference: "registry:fraud",
      registry,
      state: "state",
      window: { size: 500 },
      labels: {},
      performance: { accuracy: { max_drop: 0.05 } },
    },
    join(dir, "monitor.yml"),
  );
  const clock = manualClock();
  const m = await startMonitor(config, {
    env: {},
    logger: pino({ level: "silent" }),
    port: 0,
    now: clock.now,
    tickIntervalMs: 0,
    registryPollMs: 0,
  });
  try {
    const w0 = events(0, 500, 601);
    clock.advance(MINUTE);
    assert.equal((await postEvents(m.url, w0.body)).status, 202);
    assert.equal((await post(m.url, "/v1/labels", labels(0, w0.predictions, 0.7, 9))).status, 202);
    const perf = await getJson(m.url, "/v1/performance");
    assert.deepEqual(validateContract("monitor-performance.schema.json", perf.body), []);
    const production = perf.body.production as { source: string; metrics: Record<string, number> };
    assert.equal(production.source, "registry:fraud v1");
    assert.equal(production.metrics.accuracy, 0.9707602339181286);
    const w = perf.body.windows[0] as { model_version: string; breached: boolean; checks: { reference: number }[] };
    assert.equal(w.model_version, "v1");
    assert.equal(w.breached, true);
    assert.equal(w.checks[0]!.reference, 0.9707602339181286);
  } finally {
    await m.shutdown();
  }
});
