import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pino } from "pino";
import type { MonitorConfig } from "../../monitor/monitorConfig.js";
import { startMonitor, type RunningMonitor } from "../../monitor/startMonitor.js";
import { startFakeGitHub, type FakeGitHub } from "../fakeGithub/startFakeGitHub.js";
import { crashImage, manualClock, postEvents, setupMonitor, trafficNdjson, waitFor } from "./monitorFixtures.js";

// Shaped like an installation token, so the generic redaction patterns would also catch it.
const TOKEN = "ghs_monitorTestToken0123456789abcdefABCDEF";
const MINUTE = 60_000;

interface Harness {
  config: MonitorConfig;
  fake: FakeGitHub;
  clock: ReturnType<typeof manualClock>;
  logs: string[];
  start(config?: MonitorConfig): Promise<RunningMonitor>;
}

async function harness(extra: Record<string, unknown>): Promise<Harness> {
  const fake = await startFakeGitHub({ token: TOKEN, repositories: ["acme/models"] });
  const { config } = setupMonitor({
    github: { repository: "acme/models" },
    alert: { consecutive: 2, cooldown: "1h", close_after_clean: 2 },
    actions: { issue: { labels: ["drift"] }, dispatch: { workflow: "retrain.yml", ref: "main" } },
    ...extra,
  });
  const clock = manualClock();
  const logs: string[] = [];
  const logger = pino({ level: "debug" }, { write: (s: string) => void logs.push(s) });
  const start = (c = config) =>
    startMonitor(c, {
      env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: fake.url },
      logger,
      port: 0,
      now: clock.now,
      tickIntervalMs: 0,
      // Fast 5xx backoff; rate limits are not waited out by the client but by the outbox's own retry.
      github: { pacing: { retryBaseMs: 1, writeIntervalMs: 0, notifyingWriteIntervalMs: 0 }, rateLimitRetries: 0 },
      outboxRetry: { baseDelayMs: 2, maxDelayMs: 20 },
    });
  return { config, fake, clock, logs, start };
}

/** One 1000-event window of traffic, one minute after the last. */
async function window(h: Harness, m: RunningMonitor, seed: number, shifted: boolean) {
  h.clock.advance(MINUTE);
  const r = await postEvents(m.url, trafficNdjson(1000, seed, shifted));
  assert.equal(r.status, 202);
}

async function delivered(m: RunningMonitor) {
  await waitFor("the outbox to be delivered", () => m.outbox.pending().length === 0);
  await m.outbox.idle();
}

function outboxText(config: { state: string }): string {
  return readFileSync(join(config.state, "outbox.jsonl"), "utf8");
}

function assertNoToken(h: Harness) {
  const logText = h.logs.join("");
  assert.ok(logText.length > 0);
  assert.ok(!logText.includes(TOKEN), "the token is in a log line");
  assert.ok(!outboxText(h.config).includes(TOKEN), "the token is in outbox.jsonl");
  assert.deepEqual(h.fake.violations, []);
}

test("token mode: one issue with the drift table, comments on further alerts, closes after clean windows, one dispatch per cooldown", async () => {
  const h = await harness({});
  const m = await h.start();
  try {
    await window(h, m, 100, false); // w0 clean
    await window(h, m, 200, true); // w1 drift
    await window(h, m, 300, true); // w2 drift: open + dispatch
    await delivered(m);
    const issues = h.fake.state.issues;
    assert.equal(issues.length, 1);
    const issue = issues[0]!;
    assert.equal(issue.state, "open");
    assert.deepEqual(issue.labels, ["drift"]);
    const body = issue.body ?? "";
    assert.ok(body.startsWith("<!-- modelguard:issue id=drift/fraud -->\n"));
    assert.match(body, /in window 2 \(2026-03-01T00:03:00\.000Z to 2026-03-01T00:03:00\.000Z, 1000 events\)/);
    assert.match(body, /^\| feature \| kind \| PSI \| KS \|/m);
    assert.match(body, /^\| x \| numeric \| [0-9.]+ \| [0-9.]+ \|/m);
    assert.match(body, /\[runs\]\(https:\/\/github\.com\/acme\/models\/actions\/workflows\/retrain\.yml\)/);
    assert.equal(h.fake.state.workflowDispatches.length, 1);
    const d = h.fake.state.workflowDispatches[0]!;
    assert.equal(d.workflowId, "retrain.yml");
    assert.equal(d.ref, "main");
    assert.deepEqual(Object.keys(d.inputs).sort(), ["features", "reason", "window"]);
    assert.deepEqual(String(d.inputs.features).split(",").sort(), ["plan", "x", "y"]);
    assert.match(String(d.inputs.window), /^2 \(2026-03-01T00:03:00\.000Z\/2026-03-01T00:03:00\.000Z\)$/);
    assert.match(String(d.inputs.reason), /drift .*model fraud/);

    await window(h, m, 400, true); // w3 drift: comment, no dispatch (cooldown 1 h)
    await delivered(m);
    const comments = () => h.fake.state.comments.filter((c) => c.issue === issue);
    assert.equal(comments().length, 1);
    assert.match(comments()[0]!.body, /in window 3 /);
    assert.equal(h.fake.state.workflowDispatches.length, 1);

    await window(h, m, 500, false); // w4 clean
    assert.equal(issue.state, "open");
    await window(h, m, 600, false); // w5 clean: close
    await delivered(m);
    assert.equal(issue.state, "closed");
    assert.equal(comments().length, 2);
    assert.match(comments()[1]!.body, /No dataset drift in the last 2 windows/);

    // Drift again more than an hour after the first dispatch: a new issue and a second dispatch.
    h.clock.advance(60 * MINUTE);
    await window(h, m, 700, true);
    await window(h, m, 800, true);
    await delivered(m);
    assert.equal(h.fake.state.issues.length, 2);
    assert.equal(h.fake.state.workflowDispatches.length, 2);
    assertNoToken(h);
  } finally {
    await m.shutdown();
    await h.fake.close();
  }
});

test("token mode: repository_dispatch 'modelguard-retrain' carries reason, window and features", async () => {
  const h = await harness({ actions: { dispatch: { event: "modelguard-retrain" } } });
  const m = await h.start();
  try {
    await window(h, m, 200, true);
    await window(h, m, 300, true);
    await delivered(m);
    assert.equal(h.fake.state.repositoryDispatches.length, 1);
    const d = h.fake.state.repositoryDispatches[0]!;
    assert.equal(d.eventType, "modelguard-retrain");
    assert.deepEqual(Object.keys(d.clientPayload).sort(), ["features", "model", "reason", "window"]);
    assert.equal(d.clientPayload.model, "fraud");
    assert.equal(h.fake.state.workflowDispatches.length, 0);
    assert.match(h.fake.state.issues[0]!.body ?? "", /repository_dispatch event `modelguard-retrain`/);
    assertNoToken(h);
  } finally {
    await m.shutdown();
    await h.fake.close();
  }
});

test("token mode: GitHub down (500s, then a 403 secondary rate limit) keeps requests in the outbox, across a restart; each is delivered once", async () => {
  const h = await harness({});
  h.fake.injectFault({ method: "POST", path: /\/issues$/, times: 1_000_000, status: 500 });
  let m = await h.start();
  try {
    await window(h, m, 200, true);
    await window(h, m, 300, true);
    await waitFor("two failed attempts", () => (outboxText(h.config).match(/"status":"failed"/g) ?? []).length >= 2);
    assert.equal(m.outbox.pending().length, 2);
    assert.equal(h.fake.state.issues.length, 0);
    assert.equal(h.fake.state.workflowDispatches.length, 0);
    // Restart while GitHub is still down: the requests survive in the outbox.
    await m.shutdown();
    m = await h.start();
    assert.equal(m.outbox.pending().length, 2);

    // Issues come back; dispatches hit GitHub's secondary rate limit.
    h.fake.clearFaults();
    h.fake.injectFault({
      method: "POST",
      path: /\/dispatches$/,
      times: 1_000_000,
      status: 403,
      headers: { "retry-after": "1" },
      body: {
        message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
        documentation_url: "https://docs.github.com/rest",
      },
    });
    await waitFor("the issue to be opened", () => h.fake.state.issues.length === 1);
    const failedBefore = (outboxText(h.config).match(/"status":"failed"/g) ?? []).length;
    await waitFor(
      "a rate-limited dispatch attempt",
      () => (outboxText(h.config).match(/"status":"failed"/g) ?? []).length > failedBefore,
    );
    assert.equal(m.outbox.pending().length, 1);
    assert.equal(m.outbox.pending()[0]!.kind, "dispatch");
    assert.ok(h.fake.requests.some((r) => r.fault && r.status === 403));

    h.fake.clearFaults();
    await delivered(m);
    assert.equal(h.fake.state.issues.length, 1);
    assert.equal(h.fake.state.workflowDispatches.length, 1);
    assert.equal(h.fake.state.comments.length, 0);
    const sent = outboxText(h.config)
      .split("\n")
      .filter((l) => l.includes('"status":"sent"'));
    assert.equal(sent.length, 2);
    assertNoToken(h);
    assert.ok(!h.logs.join("").includes("Authorization: token"));
  } finally {
    await m.shutdown();
    await h.fake.close();
  }
});

test("token mode: a restart inside the cooldown does not dispatch again, and a restart after an alert does not repeat the issue", async () => {
  const h = await harness({});
  let m = await h.start();
  try {
    await window(h, m, 200, true);
    await window(h, m, 300, true); // open + dispatch
    await delivered(m);
    // kill -9 before any snapshot (the restart replays the whole journal), and after GitHub's answer but before the
    // issue's `sent` line reached the disk: the issue entry is sent again and must not open a second issue.
    let crashed = crashImage(h.config);
    await m.shutdown();
    const lines = outboxText(crashed).split("\n");
    const withoutIssueSent = lines.filter((l) => !(l.includes('"status":"sent"') && l.includes("issue.open")));
    writeFileSync(join(crashed.state, "outbox.jsonl"), withoutIssueSent.join("\n"));
    m = await h.start(crashed);
    await delivered(m);
    assert.equal(h.fake.state.issues.length, 1);
    assert.equal(h.fake.state.comments.length, 0);
    assert.equal(h.fake.state.workflowDispatches.length, 1);
    assert.equal(m.monitor.alert.issueOpen, true);

    await window(h, m, 400, true); // inside the cooldown: a comment only
    await delivered(m);
    // The comment's `sent` line lost too: the resend edits the same comment.
    crashed = crashImage(crashed);
    await m.shutdown();
    const again = outboxText(crashed)
      .split("\n")
      .filter((l) => !(l.includes('"status":"sent"') && l.includes("issue.update")));
    writeFileSync(join(crashed.state, "outbox.jsonl"), again.join("\n"));
    m = await h.start(crashed);
    await delivered(m);
    await window(h, m, 500, true); // still inside the cooldown
    await delivered(m);
    assert.equal(h.fake.state.issues.length, 1);
    assert.equal(h.fake.state.comments.length, 2);
    assert.equal(h.fake.state.workflowDispatches.length, 1);
    assertNoToken(h);
  } finally {
    await m.shutdown();
    await h.fake.close();
  }
});
