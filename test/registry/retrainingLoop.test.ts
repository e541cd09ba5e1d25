/**
 * The whole loop of issue 12 against the OpenAPI-checked fake GitHub, with the GitHub registry: PR gate against
 * production v1 -> merge -> promote v2 -> the monitor reloads v2's profile -> traffic drifts -> one issue and one
 * dispatch carrying the window -> retrain (the demo's training command) -> PR -> the gate dispatched on it -> promote
 * v3 -> the drift issue closes. The CLI runs in-process (as the Action runs it), the monitor over HTTP on loopback.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { resolveMonitorConfig } from "../../monitor/config/monitorConfig.js";
import { startMonitor, type RunningMonitor } from "../../monitor/startMonitor.js";
import { dispatchWorkflow } from "../../src/github/dispatchWorkflow.js";
import { runCli } from "../helpers/cli.js";
import { clientForFake } from "../fakeGithub/clientForFake.js";
import { setGitHubPacingForTests } from "../../src/github/createGitHubClient.js";
import { startFakeGitHub, type FakeGitHub } from "../fakeGithub/startFakeGitHub.js";
import { manualClock, postEvents, waitFor } from "../monitor/monitorFixtures.js";

const TOKEN = "ghs_retrainingLoopToken0123456789abcdefAB";
const DATA = "fixtures/datasets/breast_cancer";
const GATES = "fixtures/compare/gates.yml";
const REGISTRY = ["--registry", "github:acme/models"];
const work = mkdtempSync(join(tmpdir(), "mg-loop-"));
const saved = { ...process.env };
const traffic = readFileSync("fixtures/traffic/production.jsonl", "utf8").trim().split("\n");
let fake: FakeGitHub;
let restorePacing: () => void;

before(async () => {
  fake = await startFakeGitHub({ token: TOKEN, repositories: ["acme/models"] });
  // The CLI's clients are created in-process: without a write a second, as GitHub asks, this suite takes seconds.
  restorePacing = setGitHubPacingForTests({ retryBaseMs: 1, writeIntervalMs: 0, notifyingWriteIntervalMs: 0 });
  for (const k of Object.keys(process.env)) if (/^(GITHUB_|RUNNER_|INPUT_)/.test(k)) delete process.env[k];
  Object.assign(process.env, { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: fake.url, GITHUB_REPOSITORY: "acme/models" });
});
after(async () => {
  restorePacing();
  process.env = saved;
  await fake.close();
  rmSync(work, { recursive: true, force: true });
});

const file = (name: string) => join(work, name);

async function cli(...argv: string[]) {
  const r = await runCli(...argv);
  assert.equal(r.code, 0, `modelguard ${argv.join(" ")}\n${r.stdout}${r.stderr}`);
  return r;
}

/** What the runner gives a step of a workflow run for `event` (the payload the CLI reads the pull request from). */
function asWorkflowEvent(event: string, payload: object) {
  const path = file(`event-${event}-${Date.now()}.json`);
  writeFileSync(path, JSON.stringify(payload));
  Object.assign(process.env, { GITHUB_EVENT_NAME: event, GITHUB_EVENT_PATH: path });
}

/** The PR gate (ml-pr.yml's compare step): the candidate against production, the report posted on the PR. */
async function gate(candidate: string, out: string) {
  return cli(
    "compare",
    "--candidate-model",
    candidate,
    "--baseline-model",
    "registry:bc",
    ...REGISTRY,
    "--data",
    `${DATA}/test.csv`,
    "--target",
    "malignant",
    "--gates",
    GATES,
    "--out",
    out,
    "--report",
    file("report.md"),
    "--comment",
    "--no-fail",
  );
}

async function trainAndProfile(data: string, model: string, profile: string) {
  // The demo's training command: the built-in logistic regression, exported to ONNX.
  await cli("train", "--builtin", "logistic", "--data", data, "--target", "malignant", "-o", model);
  await cli(
    "evaluate",
    "--model",
    model,
    "--data",
    `${DATA}/test.csv`,
    "--target",
    "malignant",
    "-o",
    `${model}.metrics.json`,
  );
  await cli("profile", "--data", data, "-o", profile);
}

async function promote(model: string, profile: string, comparison: string | null, pr: number | null) {
  const r = await cli(
    "promote",
    "--name",
    "bc",
    "--model",
    model,
    "--metrics",
    `${model}.metrics.json`,
    "--profile",
    profile,
    ...(comparison ? ["--comparison", comparison] : []),
    ...(pr !== null ? ["--pull-request", String(pr)] : []),
    ...REGISTRY,
    "--json",
  );
  return JSON.parse(r.stdout) as { version: number; previous: number | null };
}

async function send(m: RunningMonitor, clock: ReturnType<typeof manualClock>, from: number, to: number) {
  for (let i = from; i < to; i += 200) {
    clock.advance(60_000);
    assert.equal((await postEvents(m.url, traffic.slice(i, i + 200).join("\n"))).status, 202);
  }
  await waitFor("the outbox to be delivered", () => m.outbox.pending().length === 0, 4000);
  await m.outbox.idle();
}

test("the retraining loop closes: gate, merge, promote, monitor follows, drift, dispatch, retrain, gated PR, promote, issue closed", async () => {
  // Production v1: the model trained on the training data, with its profile.
  await trainAndProfile(`${DATA}/train.csv`, file("m1.onnx"), file("p1.json"));
  assert.equal((await promote(file("m1.onnx"), file("p1.json"), null, null)).version, 1);

  // 1. A pull request's gate against production v1, its report posted on the pull request.
  const pr = fake.state.addPullRequest("acme/models", {
    title: "Tune the model",
    headRef: "tune",
    headSha: "1".repeat(40),
  });
  asWorkflowEvent("pull_request", {
    number: pr.number,
    pull_request: {
      number: pr.number,
      head: { sha: "1".repeat(40), repo: { full_name: "acme/models" } },
      base: { repo: { full_name: "acme/models" } },
    },
  });
  await trainAndProfile(`${DATA}/train.csv`, file("m2.onnx"), file("p2.json"));
  await gate(file("m2.onnx"), file("cmp2.json"));
  const cmp2 = JSON.parse(readFileSync(file("cmp2.json"), "utf8"));
  assert.equal(cmp2.verdict, "pass");
  const gateComment = fake.state.commentsOf("acme/models", pr.number).at(-1)!.body;
  assert.match(gateComment, /registry:bc@(&#8203;)?v1/); // @ is kept from pinging anyone

  // The monitor follows production (v1 now).
  const clock = manualClock();
  const logs: string[] = [];
  const config = resolveMonitorConfig(
    {
      reference: "registry:bc",
      registry: "github:acme/models",
      state: "state",
      window: { size: 200 },
      drift: { columns: { mean_texture: { critical: true } } },
      alert: { consecutive: 2, cooldown: "24h", close_after_clean: 2 },
      actions: { issue: { labels: ["modelguard-drift"] }, dispatch: { workflow: "retrain.yml", ref: "main" } },
      github: { repository: "acme/models", web_url: "https://github.com" },
    },
    join(mkdtempSync(join(work, "monitor-")), "monitor.yml"),
  );
  const m = await startMonitor(config, {
    env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: fake.url },
    logger: pino({ level: "info" }, { write: (s: string) => void logs.push(s) }),
    port: 0,
    now: clock.now,
    tickIntervalMs: 0,
    registryPollMs: 0,
    github: { pacing: { retryBaseMs: 1, writeIntervalMs: 0, notifyingWriteIntervalMs: 0 }, rateLimitRetries: 0 },
    outboxRetry: { baseDelayMs: 2, maxDelayMs: 20 },
  });
  try {
    assert.equal(m.monitor.modelVersion, "v1");

    // 2. Merge -> promote v2 (what actions/promote does on the push) -> the monitor reloads v2's profile.
    fake.state.mergePullRequest("acme/models", pr.number, "2".repeat(40));
    const v2 = await promote(file("m2.onnx"), file("p2.json"), file("cmp2.json"), pr.number);
    assert.deepEqual([v2.version, v2.previous], [2, 1]);
    assert.equal(await m.reloadReference(), "v2");
    assert.equal(m.monitor.modelVersion, "v2");

    // 3. Traffic: 600 events like the training data, then 600 drifted: one issue, one dispatch carrying the window.
    await send(m, clock, 0, 1200);
    const issues = fake.state.issuesOf("acme/models");
    assert.equal(issues.length, 1);
    const issue = issues[0]!;
    assert.equal(issue.state, "open");
    assert.equal(fake.state.workflowDispatches.length, 1);
    const dispatch = fake.state.workflowDispatches[0]!;
    assert.equal(dispatch.workflowId, "retrain.yml");
    const inputs = dispatch.inputs as Record<string, string>;
    const drifted = JSON.parse(readFileSync(join(config.state, "windows", "00000004.json"), "utf8"));
    assert.equal(inputs.window_start, drifted.started_at);
    assert.equal(inputs.window_end, drifted.closed_at);
    assert.match(inputs.window_start!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.equal(inputs.production_version, "v2");
    assert.ok(inputs.features!.split(",").includes("mean_texture"), inputs.features);

    // 4. retrain.yml: the window reaches the training command as MODELGUARD_* variables; it trains on the newer data.
    const trainingEnv = {
      MODELGUARD_REASON: inputs.reason,
      MODELGUARD_WINDOW_START: inputs.window_start,
      MODELGUARD_WINDOW_END: inputs.window_end,
      MODELGUARD_DRIFTED_FEATURES: inputs.features,
      MODELGUARD_PRODUCTION_VERSION: inputs.production_version,
    };
    assert.ok(Object.values(trainingEnv).every((v) => typeof v === "string" && v !== ""));
    await trainAndProfile(`${DATA}/current.csv`, file("m3.onnx"), file("p3.json"));
    // ... compares with production, and opens the pull request with the report (as GITHUB_TOKEN: no pull_request run).
    const retrainPr = fake.state.addPullRequest("acme/models", {
      title: `Retrain the model (${inputs.reason})`,
      body: `Retrained because: ${inputs.reason}.`,
      user: "github-actions[bot]",
      headRef: "modelguard/retrain-1",
      headSha: "3".repeat(40),
    });
    // 5. ... and dispatches the gate on it (gh workflow run ml-pr.yml -f pull_request=N), which posts its report there.
    const { client } = clientForFake(fake);
    await dispatchWorkflow(client, {
      owner: "acme",
      repo: "models",
      workflow: "ml-pr.yml",
      ref: "modelguard/retrain-1",
      inputs: { pull_request: String(retrainPr.number) },
    });
    const gateRun = fake.state.workflowDispatches.at(-1)!;
    assert.equal(gateRun.workflowId, "ml-pr.yml");
    asWorkflowEvent("workflow_dispatch", { inputs: gateRun.inputs, ref: `refs/heads/${gateRun.ref}` });
    await gate(file("m3.onnx"), file("cmp3.json"));
    const retrainComment = fake.state.commentsOf("acme/models", retrainPr.number).at(-1)!.body;
    assert.match(retrainComment, /registry:bc@(&#8203;)?v2/);
    const cmp3 = JSON.parse(readFileSync(file("cmp3.json"), "utf8"));
    assert.ok(["pass", "warn", "fail"].includes(cmp3.verdict));

    // 6. Merge -> promote v3 -> the monitor follows; the drift issue hears of it, and closes on clean windows.
    fake.state.mergePullRequest("acme/models", retrainPr.number, "4".repeat(40));
    const v3 = await promote(file("m3.onnx"), file("p3.json"), file("cmp3.json"), retrainPr.number);
    assert.deepEqual([v3.version, v3.previous], [3, 2]);
    assert.equal(await m.reloadReference(), "v3");
    await send(m, clock, 600, 1200); // the same drifted traffic: production's data now
    assert.equal(issue.state, "closed");
    const thread = fake.state
      .commentsOf("acme/models", issue.number)
      .map((c) => c.body)
      .join("\n---\n");
    assert.match(thread, /Production is now `bc v3` \(was `v2`\)/);
    assert.match(thread, /No dataset drift in the last 2 windows/);
    assert.equal(fake.state.workflowDispatches.filter((d) => d.workflowId === "retrain.yml").length, 1, "one dispatch");
    assert.equal(fake.state.issuesOf("acme/models").length, 1, "one issue");

    // The production history: three promotions, each a deployment, the replaced ones inactive.
    const states = fake.registry.deployments
      .filter((d) => d.environment === "model/bc")
      .map((d) => [(d.payload as { version: string }).version, d.statuses.at(-1)!.state]);
    assert.deepEqual(states, [
      ["v1", "inactive"],
      ["v2", "inactive"],
      ["v3", "success"],
    ]);
    assert.deepEqual(fake.violations, []);
    assert.deepEqual(fake.unhandled, []);
    assert.ok(!logs.join("").includes(TOKEN));
  } finally {
    await m.shutdown();
  }
});
