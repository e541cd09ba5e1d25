import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pino } from "pino";
import { resolveMonitorConfig, type MonitorConfig } from "../../monitor/config/monitorConfig.js";
import { ModelguardError } from "../../src/errors.js";
import { startMonitor, type RunningMonitor } from "../../monitor/startMonitor.js";
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from "../fakeGithub/startFakeGitHub.js";
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

async function harness(
  extra: Record<string, unknown>,
  fakeOptions: Omit<FakeGitHubOptions, "token" | "repositories"> = {},
): Promise<Harness> {
  const fake = await startFakeGitHub({ token: TOKEN, repositories: ["acme/models"], ...fakeOptions });
  const { config } = setupMonitor({
    // The fake serves the API on loopback and names runs on https://github.com, like api.github.com would.
    github: { repository: "acme/models", web_url: "https://github.com" },
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
    assert.equal(h.fake.state.workflowDispatches.length, 1);
    const d = h.fake.state.workflowDispatches[0]!;
    // The issue links the run the dispatch started (GitHub's html_url), not the workflow's runs page.
    assert.ok(d.runId! > 0);
    assert.ok(
      body.includes(
        `Retraining dispatched: workflow \`retrain.yml\` on \`main\` ([run ${d.runId}](https://github.com/acme/models/actions/runs/${d.runId})).`,
      ),
      body,
    );
    assert.doesNotMatch(body, /actions\/workflows\/retrain\.yml/);
    // The dispatch went first, and its run is recorded in its `sent` line.
    const dispatchRequest = h.fake.requests.findIndex((r) => r.path.endsWith("/dispatches"));
    const issueRequest = h.fake.requests.findIndex((r) => r.method === "POST" && r.path.endsWith("/issues"));
    assert.ok(dispatchRequest >= 0 && dispatchRequest < issueRequest);
    assert.deepEqual(
      (h.fake.requests[dispatchRequest]!.body as { return_run_details?: boolean }).return_run_details,
      true,
    );
    assert.match(outboxText(h.config), new RegExp(`"status":"sent".*"workflow_run_id":${d.runId}`));
    assert.equal(d.workflowId, "retrain.yml");
    assert.equal(d.ref, "main");
    assert.deepEqual(Object.keys(d.inputs).sort(), [
      "detail",
      "features",
      "production_version",
      "reason",
      "window",
      "window_end",
      "window_start",
    ]);
    // The window as instants a training job can filter on; no production version behind a file reference.
    assert.equal(d.inputs.window_start, "2026-03-01T00:03:00.000Z");
    assert.equal(d.inputs.window_end, "2026-03-01T00:03:00.000Z");
    assert.equal(d.inputs.production_version, "");
    assert.deepEqual(String(d.inputs.features).split(",").sort(), ["plan", "x", "y"]);
    assert.match(String(d.inputs.window), /^2 \(2026-03-01T00:03:00\.000Z\/2026-03-01T00:03:00\.000Z\)$/);
    assert.equal(d.inputs.reason, "drift");
    assert.match(String(d.inputs.detail), /drift .*model fraud/);

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
    const second = h.fake.state.workflowDispatches[1]!.runId!;
    assert.ok(second !== d.runId);
    assert.ok(
      h.fake.state.issues[1]!.body!.includes(
        `([run ${second}](https://github.com/acme/models/actions/runs/${second}))`,
      ),
    );
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
    assert.deepEqual(Object.keys(d.clientPayload).sort(), [
      "detail",
      "features",
      "model",
      "production_version",
      "reason",
      "window",
      "window_end",
      "window_start",
    ]);
    assert.equal(d.clientPayload.model, "fraud");
    assert.equal(h.fake.state.workflowDispatches.length, 0);
    // No run id for a repository_dispatch: the Actions page filtered by the event.
    assert.ok(
      (h.fake.state.issues[0]!.body ?? "").includes(
        "Retraining dispatched: repository_dispatch event `modelguard-retrain` ([runs](https://github.com/acme/models/actions?query=event%3Arepository_dispatch)).",
      ),
    );
    assertNoToken(h);
  } finally {
    await m.shutdown();
    await h.fake.close();
  }
});

test("token mode: GitHub down (500s, then a 403 secondary rate limit) keeps requests in the outbox, across a restart; each is delivered once", async () => {
  const h = await harness({});
  h.fake.injectFault({ method: "POST", times: 1_000_000, status: 500 });
  let m = await h.start();
  try {
    await window(h, m, 200, true);
    await window(h, m, 300, true);
    await waitFor("two failed attempts", () => (outboxText(h.config).match(/"status":"failed"/g) ?? []).length >= 2);
    assert.deepEqual(
      m.outbox.pending().map((e) => e.kind),
      ["dispatch", "issue.open"],
    );
    assert.equal(h.fake.state.issues.length, 0);
    assert.equal(h.fake.state.workflowDispatches.length, 0);
    // Restart while GitHub is still down: the requests survive in the outbox.
    await m.shutdown();
    m = await h.start();
    assert.equal(m.outbox.pending().length, 2);

    // Issues come back; dispatches hit GitHub's secondary rate limit, which holds the issue back (it would link the
    // run): a rate limit passes, so the dispatch is not parked.
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
    const failedBefore = (outboxText(h.config).match(/"status":"failed"/g) ?? []).length;
    await waitFor(
      "two rate-limited dispatch attempts",
      () => (outboxText(h.config).match(/"status":"failed"/g) ?? []).length >= failedBefore + 2,
    );
    assert.equal(m.outbox.pending().length, 2);
    assert.equal(m.outbox.statusOf("fraud:w1:dispatch").state, "pending");
    assert.equal(h.fake.state.issues.length, 0);
    assert.ok(h.fake.requests.some((r) => r.fault && r.status === 403));
    assert.doesNotMatch(outboxText(h.config), /"parked":true/);

    h.fake.clearFaults();
    await delivered(m);
    assert.equal(h.fake.state.issues.length, 1);
    assert.equal(h.fake.state.workflowDispatches.length, 1);
    assert.equal(h.fake.state.comments.length, 0);
    const runId = h.fake.state.workflowDispatches[0]!.runId!;
    assert.ok(
      h.fake.state.issues[0]!.body!.includes(`[run ${runId}](https://github.com/acme/models/actions/runs/${runId})`),
    );
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

test("token mode: an outage between the dispatch and the issue, then kill -9: the issue links the run recorded before the crash, dispatched once", async () => {
  const h = await harness({});
  h.fake.injectFault({ method: "POST", path: /\/issues$/, times: 1_000_000, status: 502 });
  let m = await h.start();
  try {
    await window(h, m, 200, true);
    await window(h, m, 300, true); // w1: dispatch, then the issue
    await waitFor("the dispatch sent and the issue failing", () => {
      const text = outboxText(h.config);
      return (
        /"id":"fraud:w1:dispatch","status":"sent"/.test(text) &&
        /"id":"fraud:w1:issue.open","status":"failed"/.test(text)
      );
    });
    assert.equal(h.fake.state.workflowDispatches.length, 1);
    const runId = h.fake.state.workflowDispatches[0]!.runId!;
    // kill -9 now: the copy holds the dispatch's `sent` line with the run, and the issue still pending.
    const crashed = crashImage(h.config);
    await m.shutdown();
    h.fake.clearFaults();
    m = await h.start(crashed);
    await delivered(m);
    assert.equal(h.fake.state.workflowDispatches.length, 1, "not dispatched again");
    assert.equal(h.fake.state.issues.length, 1);
    assert.ok(
      h.fake.state.issues[0]!.body!.includes(`([run ${runId}](https://github.com/acme/models/actions/runs/${runId}))`),
    );
    assertNoToken(h);
  } finally {
    await m.shutdown();
    await h.fake.close();
  }
});

test("token mode: kill -9 between GitHub's answer to the dispatch and its `sent` line dispatches again (the documented at-least-once); the issue links the run recorded", async () => {
  const h = await harness({});
  h.fake.injectFault({ method: "POST", path: /\/issues$/, times: 1_000_000, status: 500 });
  let m = await h.start();
  try {
    await window(h, m, 200, true);
    await window(h, m, 300, true);
    await waitFor("the dispatch sent", () => /"id":"fraud:w1:dispatch","status":"sent"/.test(outboxText(h.config)));
    const crashed = crashImage(h.config);
    await m.shutdown();
    const lines = outboxText(crashed)
      .split("\n")
      .filter((l) => !(l.includes('"status":"sent"') && l.includes("fraud:w1:dispatch")));
    writeFileSync(join(crashed.state, "outbox.jsonl"), lines.join("\n"));
    h.fake.clearFaults();
    m = await h.start(crashed);
    await delivered(m);
    assert.equal(h.fake.state.workflowDispatches.length, 2);
    const [first, second] = h.fake.state.workflowDispatches.map((d) => d.runId!);
    const body = h.fake.state.issues[0]!.body!;
    assert.ok(body.includes(`[run ${second}](https://github.com/acme/models/actions/runs/${second})`));
    assert.ok(!body.includes(`/runs/${first})`));
    assert.equal(h.fake.state.issues.length, 1);
  } finally {
    await m.shutdown();
    await h.fake.close();
  }
});

test("token mode: a comment on the open issue links the run dispatched in its window", async () => {
  const h = await harness({});
  const m = await h.start();
  try {
    await window(h, m, 200, true);
    await window(h, m, 300, true); // open + dispatch
    await window(h, m, 400, true); // comment (cooldown)
    h.clock.advance(61 * MINUTE);
    await window(h, m, 500, true); // comment + dispatch
    await delivered(m);
    assert.equal(h.fake.state.issues.length, 1);
    assert.equal(h.fake.state.workflowDispatches.length, 2);
    const runId = h.fake.state.workflowDispatches[1]!.runId!;
    const comments = h.fake.state.comments;
    assert.equal(comments.length, 2);
    assert.doesNotMatch(comments[0]!.body, /Retraining dispatched/);
    assert.ok(comments[1]!.body.includes(`([run ${runId}](https://github.com/acme/models/actions/runs/${runId}))`));
    assertNoToken(h);
  } finally {
    await m.shutdown();
    await h.fake.close();
  }
});

test("GitHub Enterprise Server that predates return_run_details (answers 204, or refuses the key with a 422): the issue links the workflow's runs page", async () => {
  for (const mode of ["ignored", "refused"] as const) {
    const h = await harness({}, { basePath: "/api/v3", workflowRunDetails: mode });
    // As on GHES: the API root in the config, the web root derived from it (https://HOST/api/v3 -> https://HOST).
    const config = { ...h.config, github: { ...h.config.github, apiUrl: h.fake.url, webUrl: null } };
    const m = await h.start(config);
    try {
      await window(h, m, 200, true);
      await window(h, m, 300, true);
      await delivered(m);
      assert.equal(h.fake.state.workflowDispatches.length, 1, mode);
      assert.equal(h.fake.state.workflowDispatches[0]!.runId, undefined);
      const web = h.fake.url.replace(/\/api\/v3$/, "");
      assert.ok(
        h.fake.state.issues[0]!.body!.includes(
          `Retraining dispatched: workflow \`retrain.yml\` on \`main\` ([runs](${web}/acme/models/actions/workflows/retrain.yml)).`,
        ),
        mode,
      );
      const dispatches = h.fake.requests.filter((r) => r.path.endsWith("/dispatches")).map((r) => r.status);
      assert.deepEqual(dispatches, mode === "ignored" ? [204] : [422, 204]);
      assert.match(outboxText(config), /"id":"fraud:w1:dispatch","status":"sent","attempts":1,"at"/);
      assertNoToken({ ...h, config });
    } finally {
      await m.shutdown();
      await h.fake.close();
    }
  }
});

test("a run link GitHub returns on another host, or for another repository, is not linked", async () => {
  for (const html of [
    (repo: string, id: number) => `https://evil.example/${repo}/actions/runs/${id}`,
    (_repo: string, id: number) => `https://github.com/someone/else/actions/runs/${id}`,
    (repo: string, id: number) => `http://github.com/${repo}/actions/runs/${id}`,
    (repo: string, id: number) => `https://github.com/${repo}/actions/runs/${id})[x](https://evil.example`,
  ]) {
    const h = await harness({}, { runHtmlUrl: html });
    const m = await h.start();
    try {
      await window(h, m, 200, true);
      await window(h, m, 300, true);
      await delivered(m);
      const body = h.fake.state.issues[0]!.body!;
      assert.ok(body.includes("([runs](https://github.com/acme/models/actions/workflows/retrain.yml))"), body);
      assert.doesNotMatch(body, /evil|someone|http:\/\//);
      assert.match(h.logs.join(""), /is not a run of acme\/models on https:\/\/github\.com/);
      assert.deepEqual(h.fake.violations, []);
    } finally {
      await m.shutdown();
      await h.fake.close();
    }
  }
});

test("a dispatch GitHub refuses (404: no such workflow) is parked: the issue is opened anyway, saying so, and the dispatch stays in the outbox", async () => {
  const h = await harness({ actions: { dispatch: { workflow: "retrain.yml", ref: "main" } } });
  h.fake.state.repository("acme", "models")!.workflows = ["train.yml"];
  const m = await h.start();
  try {
    await window(h, m, 200, true);
    await window(h, m, 300, true);
    await waitFor("the issue", () => h.fake.state.issues.length === 1);
    await waitFor("the issue's sent line", () => m.outbox.statusOf("fraud:w1:issue.open").state === "sent");
    assert.equal(m.outbox.statusOf("fraud:w1:dispatch").state, "parked");
    assert.equal(h.fake.state.workflowDispatches.length, 0);
    const body = h.fake.state.issues[0]!.body!;
    assert.ok(
      body.includes(
        "([runs](https://github.com/acme/models/actions/workflows/retrain.yml)), but GitHub has not accepted it yet: the monitor keeps retrying (see its log).",
      ),
      body,
    );
    assert.match(
      outboxText(h.config),
      /"id":"fraud:w1:dispatch","status":"failed","attempts":1,"error":"[^"]*not found \(404\)[^"]*","parked":true/,
    );
    // Once the workflow exists, the parked dispatch goes through on its next retry.
    h.fake.state.repository("acme", "models")!.workflows = undefined;
    await delivered(m);
    assert.equal(h.fake.state.workflowDispatches.length, 1);
    assert.equal(h.fake.state.issues.length, 1);
    assertNoToken(h);
  } finally {
    await m.shutdown();
    await h.fake.close();
  }
});

test("dry run: the outbox records the dispatch first (asking for the run) and the issue with its runs-page link", async () => {
  const { config } = setupMonitor({
    github: { repository: "acme/models", web_url: "https://github.com" },
    alert: { consecutive: 2 },
    actions: { dispatch: { workflow: "retrain.yml", ref: "main" } },
  });
  const clock = manualClock();
  const m = await startMonitor(config, { env: {}, logger: pino({ level: "silent" }), port: 0, now: clock.now });
  try {
    for (const [seed, shifted] of [
      [200, true],
      [300, true],
    ] as const) {
      clock.advance(MINUTE);
      assert.equal((await postEvents(m.url, trafficNdjson(1000, seed, shifted))).status, 202);
    }
    const entries = outboxText(config)
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { id: string; method: string; path: string; body: Record<string, unknown> });
    assert.deepEqual(
      entries.map((e) => [e.id, e.method, e.path]),
      [
        ["fraud:w1:dispatch", "POST", "/repos/acme/models/actions/workflows/retrain.yml/dispatches"],
        ["fraud:w1:issue.open", "POST", "/repos/acme/models/issues"],
      ],
    );
    assert.deepEqual(Object.keys(entries[0]!.body).sort(), ["inputs", "ref", "return_run_details"]);
    assert.equal(entries[0]!.body.return_run_details, true);
    const link = "([runs](https://github.com/acme/models/actions/workflows/retrain.yml))";
    assert.ok(
      String(entries[1]!.body.body).includes(`Retraining dispatched: workflow \`retrain.yml\` on \`main\` ${link}.`),
    );
    assert.deepEqual(entries[1]!.body.run_link, { dispatch: "fraud:w1:dispatch", text: link });
    assert.equal(m.outbox.pending().length, 2, "nothing is sent in a dry run");
  } finally {
    await m.shutdown();
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

test("token mode: a stranger's issue carrying our markers (with or without our label) is not adopted: the monitor opens its own and posts its alert", async () => {
  for (const labels of [["drift"], []]) {
    const h = await harness({});
    // Alert ids are predictable (model, window, action): a stranger can forge both markers of the coming alert.
    const forged = h.fake.state.addIssue("acme/models", {
      title: "Data drift detected for model fraud",
      body: "<!-- modelguard:issue id=drift/fraud -->\n<!-- modelguard:alert id=fraud:w1:issue.open -->\nnothing to see",
      labels,
      user: "mallory",
    });
    const m = await h.start();
    try {
      await window(h, m, 200, true);
      await window(h, m, 300, true); // w1: dispatch + issue.open
      await delivered(m);
      const ours = h.fake.state.issuesOf("acme/models").filter((i) => i !== forged);
      assert.equal(ours.length, 1, `labels ${JSON.stringify(labels)}`);
      assert.equal(ours[0]!.user.login, "github-actions[bot]");
      assert.deepEqual(ours[0]!.labels, ["drift"]);
      assert.match(ours[0]!.body ?? "", /<!-- modelguard:alert id=fraud:w1:issue\.open -->/);

      await window(h, m, 400, true); // w2: a comment, on our issue
      await delivered(m);
      assert.equal(h.fake.state.commentsOf("acme/models", forged.number).length, 0, "nothing was posted on theirs");
      assert.equal(h.fake.state.commentsOf("acme/models", ours[0]!.number).length, 1);
      await window(h, m, 500, false);
      await window(h, m, 600, false); // closes ours, not theirs
      await delivered(m);
      assert.equal(ours[0]!.state, "closed");
      assert.equal(forged.state, "open");
      assert.equal(
        forged.body,
        "<!-- modelguard:issue id=drift/fraud -->\n<!-- modelguard:alert id=fraud:w1:issue.open -->\nnothing to see",
      );
      // GITHUB_TOKEN cannot read /user: it answered 403 once, and the monitor took github-actions[bot].
      assert.equal(h.fake.requests.filter((r) => r.operationId === "users/get-authenticated").length, 1);
      assertNoToken(h);
    } finally {
      await m.shutdown();
      await h.fake.close();
    }
  }
});

test("token mode: our issue without the configured labels is not adopted either", async () => {
  const h = await harness({});
  // Ours by author, but someone removed the label (or it is another tool's): a new, labelled issue is opened.
  const unlabelled = h.fake.state.addIssue("acme/models", {
    title: "Data drift detected for model fraud",
    body: "<!-- modelguard:issue id=drift/fraud -->\nold",
  });
  const m = await h.start();
  try {
    await window(h, m, 200, true);
    await window(h, m, 300, true);
    await delivered(m);
    assert.equal(h.fake.state.issuesOf("acme/models").length, 2);
    assert.equal(h.fake.state.commentsOf("acme/models", unlabelled.number).length, 0);
    assertNoToken(h);
  } finally {
    await m.shutdown();
    await h.fake.close();
  }
});

test("token mode: github.author names a GitHub App's bot; with a user token GET /user names the account", async () => {
  for (const [actor, author] of [
    ["acme-ml[bot]", "acme-ml[bot]"],
    ["ml-bot", undefined],
  ] as const) {
    const h = await harness(
      { github: { repository: "acme/models", web_url: "https://github.com", ...(author ? { author } : {}) } },
      { actor },
    );
    // The workflow token's issue with our markers is not the App's (or the user's) own.
    const actions = h.fake.state.addIssue("acme/models", {
      title: "t",
      body: "<!-- modelguard:issue id=drift/fraud -->\n<!-- modelguard:alert id=fraud:w1:issue.open -->\nx",
      labels: ["drift"],
    });
    const m = await h.start();
    try {
      await window(h, m, 200, true);
      await window(h, m, 300, true);
      await window(h, m, 400, true);
      await delivered(m);
      const ours = h.fake.state.issuesOf("acme/models").filter((i) => i !== actions);
      assert.deepEqual(
        ours.map((i) => i.user.login),
        [actor],
      );
      assert.equal(h.fake.state.commentsOf("acme/models", ours[0]!.number).length, 1, actor);
      assert.equal(h.fake.state.commentsOf("acme/models", actions.number).length, 0, actor);
      assert.equal(h.fake.requests.filter((r) => r.operationId === "users/get-authenticated").length, author ? 0 : 1);
      assertNoToken(h);
    } finally {
      await m.shutdown();
      await h.fake.close();
    }
  }
});

test("github.author must be a login: anything else is a config error naming the key", () => {
  for (const author of ["mal lory", "x]bot[", "-lead", "a".repeat(200), "app[bot] "]) {
    assert.throws(
      () => resolveMonitorConfig({ reference: "profile.json", github: { author } }, "monitor.yml"),
      (e: unknown) => e instanceof ModelguardError && e.code === "config" && /author/.test(e.message),
      author,
    );
  }
  const ok = resolveMonitorConfig({ reference: "profile.json", github: { author: "acme-ml[bot]" } }, "monitor.yml");
  assert.equal(ok.github.author, "acme-ml[bot]");
  assert.equal(resolveMonitorConfig({ reference: "profile.json" }, "monitor.yml").github.author, null);
});
