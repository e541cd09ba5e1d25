// The status of production's deployment (environment model/NAME) follows what the monitor sees: in_progress when it
// loads a version, success at a clean window, failure while a drift alert is open; promotion's inactive is never
// undone; a restart posts nothing again. Against the OpenAPI-checked fake GitHub.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { resolveMonitorConfig, type MonitorConfig } from "../../monitor/config/monitorConfig.js";
import { startMonitor, type RunningMonitor } from "../../monitor/startMonitor.js";
import { setGitHubPacingForTests } from "../../src/github/createGitHubClient.js";
import { buildProfile } from "../../src/profile/buildProfile.js";
import { writeProfile } from "../../src/profile/profileFile.js";
import { runCli } from "../helpers/cli.js";
import { normals } from "../helpers/random.js";
import { dictionaryColumn, numericColumn, table } from "../helpers/tables.js";
import { startFakeGitHub, type FakeGitHub } from "../fakeGithub/startFakeGitHub.js";
import { manualClock, postEvents, trafficNdjson, waitFor } from "./monitorFixtures.js";

const TOKEN = "ghs_deploymentStatusToken0123456789abcdef";
const MODEL = "fixtures/models/breast_cancer_columns.onnx";
const MINUTE = 60_000;
const work = mkdtempSync(join(tmpdir(), "mg-monitor-deployment-"));
const saved = { ...process.env };
let fake: FakeGitHub;
let restorePacing: () => void;

before(async () => {
  fake = await startFakeGitHub({ token: TOKEN, repositories: ["acme/models"] });
  restorePacing = setGitHubPacingForTests({ retryBaseMs: 1, writeIntervalMs: 0, notifyingWriteIntervalMs: 0 });
  process.env.GITHUB_TOKEN = TOKEN;
  process.env.GITHUB_API_URL = fake.url;
  delete process.env.GITHUB_ACTIONS;
});
after(async () => {
  restorePacing();
  process.env = saved;
  await fake.close();
  rmSync(work, { recursive: true, force: true });
});

function profileFile(name: string, shifted: boolean): string {
  const xs = normals(5000, 21, shifted ? 1.5 : 0, 1);
  const ys = normals(5000, 22, shifted ? 14 : 10, 2);
  const plan = xs.map((_, i) => (shifted && i % 2 === 0 ? "team" : ["basic", "pro", "team"][i % 3]!));
  const path = join(work, `${name}.json`);
  writeProfile(
    path,
    buildProfile(
      table([numericColumn("x", xs, "number"), numericColumn("y", ys, "number"), dictionaryColumn("plan", plan)]),
      { createdAt: "2026-01-01T00:00:00.000Z" },
    ),
  );
  return path;
}

async function promote(profile: string): Promise<void> {
  const r = await runCli(
    "promote",
    "--name",
    "fraud",
    "--model",
    MODEL,
    "--profile",
    profile,
    "--registry",
    "github:acme/models",
  );
  assert.equal(r.code, 0, r.stderr);
}

function start(config: MonitorConfig, clock: ReturnType<typeof manualClock>): Promise<RunningMonitor> {
  return startMonitor(config, {
    env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: fake.url },
    logger: pino({ level: "silent" }),
    port: 0,
    now: clock.now,
    tickIntervalMs: 0,
    registryPollMs: 0,
    github: { rateLimitRetries: 0 },
    outboxRetry: { baseDelayMs: 2, maxDelayMs: 20 },
  });
}

async function window(m: RunningMonitor, clock: ReturnType<typeof manualClock>, seed: number, shifted: boolean) {
  clock.advance(MINUTE);
  assert.equal((await postEvents(m.url, trafficNdjson(1000, seed, shifted))).status, 202);
}

async function delivered(m: RunningMonitor) {
  await waitFor("the outbox to be delivered", () => m.outbox.pending().length === 0);
  await m.outbox.idle();
}

/** The statuses of the deployment of fraud vN, oldest first, as [state, description]. */
function statusesOf(version: number): [string, string][] {
  const d = fake.registry.deployments.filter((x) => x.ref === `modelguard/fraud/v${version}`);
  assert.equal(d.length, 1, `one deployment of v${version}`);
  assert.equal(d[0]!.environment, "model/fraud");
  return d[0]!.statuses.map((s) => [s.state, s.description]);
}

test("the deployment status follows the monitor: in_progress, success, failure; a restart repeats nothing; promotion's inactive stays", async () => {
  await promote(profileFile("v1", false));
  const clock = manualClock();
  const config = resolveMonitorConfig(
    {
      reference: "registry:fraud",
      registry: "github:acme/models",
      state: "state",
      window: { size: 1000 },
      github: { repository: "acme/models" },
      alert: { consecutive: 2, cooldown: "1h", close_after_clean: 1 },
      actions: { issue: { labels: ["drift"] } },
    },
    join(mkdtempSync(join(work, "monitor-")), "monitor.yml"),
  );
  let m = await start(config, clock);
  try {
    await delivered(m);
    assert.deepEqual(statusesOf(1), [
      ["success", "production is fraud v1"],
      ["in_progress", "modelguard monitor: watching v1 from window 0, no window closed yet"],
    ]);
    await window(m, clock, 100, false); // w0 clean
    await delivered(m);
    assert.deepEqual(statusesOf(1).at(-1), [
      "success",
      "modelguard monitor: window 0 without drift (1000 events), no drift alert open",
    ]);
    await window(m, clock, 110, false); // w1 clean: no change, nothing posted
    await delivered(m);
    assert.equal(statusesOf(1).length, 3);
  } finally {
    await m.shutdown();
  }

  // A restart loads v1 again: the deployment already has the monitor's verdict, so nothing is posted.
  const posts = () => fake.requests.filter((q) => q.operationId === "repos/create-deployment-status").length;
  const before = posts();
  m = await start(config, clock);
  try {
    await delivered(m);
    assert.equal(posts(), before);
    assert.equal(statusesOf(1).length, 3);

    await window(m, clock, 200, true); // w2 drifted
    await window(m, clock, 210, true); // w3 drifted: the alert opens
    await delivered(m);
    assert.equal(fake.state.issuesOf("acme/models")[0]?.state, "open");
    const failure = statusesOf(1).at(-1)!;
    assert.equal(failure[0], "failure");
    assert.match(failure[1], /^modelguard monitor: drift alert open: window 3 drifted \(/);

    // Promotion of v2 retires v1's deployment; the monitor, still on v1 until it polls, sees a clean window (the
    // alert closes) but does not bring the retired deployment back.
    await promote(profileFile("v2", true));
    assert.equal(statusesOf(1).at(-1)![0], "inactive");
    await window(m, clock, 300, false); // w4 clean against v1: the issue closes
    await delivered(m);
    assert.equal(fake.state.issuesOf("acme/models")[0]?.state, "closed");
    assert.equal(statusesOf(1).at(-1)![0], "inactive");

    // The monitor switches to v2: in_progress, then success at its first clean window.
    assert.equal(await m.reloadReference(), "v2");
    await delivered(m);
    assert.deepEqual(statusesOf(2), [
      ["success", "production is fraud v2"],
      ["in_progress", "modelguard monitor: watching v2 from window 5, no window closed yet"],
    ]);
    await window(m, clock, 400, true); // w5: like v2's data
    await delivered(m);
    assert.equal(statusesOf(2).at(-1)![0], "success");
    assert.equal(statusesOf(1).at(-1)![0], "inactive");
    assert.deepEqual(fake.violations, []);
  } finally {
    await m.shutdown();
  }
});

test("a version without a deployment (promotion could not make one): the status is parked, the drift issue is not held back", async () => {
  fake.injectFault({ method: "POST", path: /\/deployments$/, status: 403, times: 3 });
  const before = fake.registry.deployments.length;
  await promote(profileFile("nodeploy", false));
  assert.equal(fake.registry.deployments.length, before, "promotion moved production without a deployment");
  fake.clearFaults();
  // The real clock: the sender gives a missing deployment 15 minutes from the entry's time before dropping it.
  const clock = manualClock(Date.now());
  const config = resolveMonitorConfig(
    {
      reference: "registry:fraud",
      registry: "github:acme/models",
      state: "state",
      window: { size: 1000 },
      github: { repository: "acme/models" },
      alert: { consecutive: 1, cooldown: "1h", close_after_clean: 1 },
      actions: { issue: { labels: ["drift-nodeploy"] } },
    },
    join(mkdtempSync(join(work, "monitor-")), "monitor.yml"),
  );
  const m = await start(config, clock);
  try {
    await window(m, clock, 900, true); // drifted against this version: the issue opens
    await waitFor("the drift issue", () =>
      fake.state.issuesOf("acme/models").some((i) => i.labels.includes("drift-nodeploy")),
    );
    const status = m.outbox.all().find((e) => e.kind === "deployment.status")!;
    assert.equal(m.outbox.statusOf(status.id).state, "parked");
    assert.deepEqual(fake.violations, []);
  } finally {
    await m.shutdown();
  }
});
