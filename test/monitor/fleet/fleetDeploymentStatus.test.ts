// The status of production's deployment in fleet mode: the leader alone records it, once per fleet, from the merged
// windows; leader changes post nothing twice and undo no verdict. Two in-process members on a manual clock, a real
// redis-server and the OpenAPI-checked fake GitHub as the registry (promotion makes the deployments).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { resolveMonitorConfig, type MonitorConfig } from "../../../monitor/config/monitorConfig.js";
import { startMonitor, type RunningMonitor } from "../../../monitor/startMonitor.js";
import { setGitHubPacingForTests } from "../../../src/github/createGitHubClient.js";
import { buildProfile } from "../../../src/profile/buildProfile.js";
import { writeProfile } from "../../../src/profile/profileFile.js";
import { startFakeGitHub, type FakeGitHub } from "../../fakeGithub/startFakeGitHub.js";
import { runCli } from "../../helpers/cli.js";
import { normals } from "../../helpers/random.js";
import { startRedisServer, type RedisServer } from "../../helpers/redisServer.js";
import { dictionaryColumn, numericColumn, table } from "../../helpers/tables.js";
import { manualClock, postEvents, trafficNdjson } from "../monitorFixtures.js";
import { redisCommand } from "./planMembers.js";

const TOKEN = "ghs_fleetDeploymentToken0123456789abcdefABCD";
const MODEL = "fixtures/models/breast_cancer_columns.onnx";
const T0 = Date.parse("2026-03-01T00:00:00.000Z");
const W0 = T0 / 60_000;
const quiet = pino({ level: "silent" });
const work = mkdtempSync(join(tmpdir(), "mg-fleet-deployment-"));
const saved = { ...process.env };

let redis: RedisServer;
let fake: FakeGitHub;
let restorePacing: () => void;
before(async () => {
  redis = await startRedisServer();
  fake = await startFakeGitHub({ token: TOKEN, repositories: ["acme/models"] });
  restorePacing = setGitHubPacingForTests({ retryBaseMs: 1, writeIntervalMs: 0, notifyingWriteIntervalMs: 0 });
  // `promote` (in-process) writes the registry's release and deployment with these.
  process.env.GITHUB_TOKEN = TOKEN;
  process.env.GITHUB_API_URL = fake.url;
  delete process.env.GITHUB_ACTIONS;
});
after(async () => {
  restorePacing();
  process.env = saved;
  await fake.close();
  await redis.stop();
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

async function promote(profile: string, name = "fraud"): Promise<void> {
  const r = await runCli(
    "promote",
    "--name",
    name,
    "--model",
    MODEL,
    "--profile",
    profile,
    "--registry",
    "github:acme/models",
  );
  assert.equal(r.code, 0, r.stderr);
}

function memberConfig(member: string, name = "fraud", extra: Record<string, unknown> = {}): MonitorConfig {
  return resolveMonitorConfig(
    {
      reference: `registry:${name}`,
      registry: "github:acme/models",
      state: "state",
      window: { duration: "1m", time: "processing" },
      github: { repository: "acme/models" },
      alert: { consecutive: 2, cooldown: "1h", close_after_clean: 1 },
      actions: { issue: { labels: ["drift"] } },
      fleet: { redis: redis.url, member, key_prefix: `fleet-deploy-${name}:`, lease: "3s", grace: "10s" },
      ...extra,
    },
    join(mkdtempSync(join(work, `${member}-`)), "monitor.yml"),
  );
}

function start(c: MonitorConfig, clock: ReturnType<typeof manualClock>): Promise<RunningMonitor> {
  return startMonitor(c, {
    env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: fake.url },
    logger: quiet,
    port: 0,
    now: clock.now,
    tickIntervalMs: 0,
    fleetRoundMs: 0,
    registryPollMs: 0,
    github: { rateLimitRetries: 0 },
  });
}

/** `seconds` of the fleet's timers on the manual clock: every member's tick each second, and its round (1 s period). */
async function run(clock: ReturnType<typeof manualClock>, ms: RunningMonitor[], seconds: number) {
  for (let i = 0; i < seconds; i++) {
    clock.advance(1000);
    for (const m of ms) await m.tick();
    for (const m of ms) await m.fleet!.round();
  }
}

/** 2,000 events of a window, half to each member: like v1's profile, or shifted (drifted against v1, like v2). */
async function feed(ms: RunningMonitor[], seed: number, shifted: boolean) {
  const lines = trafficNdjson(2000, seed, shifted).split("\n");
  const per = Math.ceil(lines.length / ms.length);
  for (let i = 0; i < ms.length; i++) {
    const body = lines.slice(i * per, (i + 1) * per).join("\n");
    assert.equal((await postEvents(ms[i]!.url, body)).status, 202);
  }
}

/** The statuses of the deployment of NAME vN (default fraud), oldest first: [state, description]. */
function statusesOf(version: number, name = "fraud"): [string, string][] {
  const d = fake.registry.deployments.filter((x) => x.ref === `modelguard/${name}/v${version}`);
  assert.equal(d.length, 1, `one deployment of v${version}`);
  assert.equal(d[0]!.environment, `model/${name}`);
  return d[0]!.statuses.map((s) => [s.state, s.description]);
}

async function redisOutbox(key: string): Promise<string[]> {
  return (await redisCommand(redis.url, "LRANGE", key, "0", "-1")) as string[];
}

/**
 * Every deployment status a fleet recorded and sent (or gave up), from its `sent:<id>` records in Redis, by window:
 * [window, version, state, the sender's outcome]. GitHub's statuses alone cannot show a status recorded twice: the
 * sender reads the deployment's latest status first and posts nothing when it already says the same.
 */
async function recordedStatuses(prefix: string): Promise<[number, string, string, string][]> {
  const keys = (await redisCommand(redis.url, "KEYS", `${prefix}sent:*:deployment.*`)) as string[];
  const out: [number, string, string, string][] = [];
  for (const key of keys) {
    const m = /:w([0-9]+):deployment\.(v[0-9]+)\.([a-z_]+)$/.exec(key);
    assert.ok(m, key);
    const result = JSON.parse((await redisCommand(redis.url, "GET", key)) as string) as Record<string, unknown>;
    out.push([Number(m[1]), m[2]!, m[3]!, "gave_up" in result ? "gave_up" : String(result.outcome)]);
  }
  const order = ["in_progress", "success", "failure"];
  return out.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]) || order.indexOf(a[2]) - order.indexOf(b[2]));
}

const leaderOf = (ms: RunningMonitor[]) => {
  const leaders = ms.filter((m) => m.fleet!.status().leader);
  assert.equal(leaders.length, 1, "one leader");
  return leaders[0]!;
};

test("two members, leader changes: in_progress when the fleet takes a version, success, failure and success again from the merged windows, each posted once; a status refused while one leader led is posted once by the next", async () => {
  await promote(profileFile("v1", false));
  const clock = manualClock(T0);
  const configs = [memberConfig("m1"), memberConfig("m2")];
  const live = [await start(configs[0]!, clock), await start(configs[1]!, clock)];
  const posts = () => fake.requests.filter((q) => q.operationId === "repos/create-deployment-status").length;
  try {
    // The fleet's first plan (the leader waits 3 rounds for one), then its version is in effect: in_progress, once.
    await run(clock, live, 8);
    assert.deepEqual(statusesOf(1), [
      ["success", "production is fraud v1"],
      ["in_progress", `modelguard monitor: watching v1 from window ${W0}, no window closed yet`],
    ]);
    // Window 0 (00:00) clean: success when the leader merges it (its end + 10 s grace); window 1 clean: no change.
    await feed(live, 100, false);
    await run(clock, live, 60); // 00:01:08
    await feed(live, 110, false);
    await run(clock, live, 60); // 00:02:08
    assert.deepEqual(statusesOf(1).slice(2), [
      ["success", `modelguard monitor: window ${W0} without drift (2000 events), no drift alert open`],
    ]);
    assert.equal(posts(), 3, "promotion's success and the fleet's two");

    // Leader change: the leader stops (a rolling update) and starts again as a member; the other leads.
    let leader = leaderOf(live);
    let i = live.indexOf(leader);
    await leader.shutdown();
    live.splice(i, 1);
    await run(clock, live, 3);
    live.splice(i, 0, await start(configs[i]!, clock));
    await run(clock, live, 2); // 00:02:13
    assert.notEqual(leaderOf(live).fleet!.member, configs[i]!.fleet!.member);
    assert.equal(posts(), 3, "a new leader posts nothing the fleet recorded");

    // Windows 2 and 3 drifted: the alert opens at window 3, the status turns to failure. Its post is refused (GitHub
    // 502s) while this leader leads; the leader stops, the next posts it: once.
    await feed(live, 200, true);
    await run(clock, live, 60); // 00:03:13
    assert.equal(posts(), 3, "one drifted window: no alert open yet, nothing to say");
    fake.injectFault({ method: "POST", path: /\/deployments\/[0-9]+\/statuses$/, status: 502, times: 1000 });
    await feed(live, 210, true);
    await run(clock, live, 60); // 00:04:13
    assert.equal(fake.state.issuesOf("acme/models")[0]?.state, "open");
    assert.equal(statusesOf(1).length, 3, "refused: not posted yet");
    leader = leaderOf(live);
    i = live.indexOf(leader);
    await leader.shutdown();
    fake.clearFaults();
    live.splice(i, 1);
    await run(clock, live, 3);
    live.splice(i, 0, await start(configs[i]!, clock));
    await run(clock, live, 3); // 00:04:19
    const failure = statusesOf(1).slice(3);
    assert.equal(failure.length, 1);
    assert.equal(failure[0]![0], "failure");
    assert.match(failure[0]![1], new RegExp(`^modelguard monitor: drift alert open: window ${W0 + 3} drifted \\(`));

    // Window 4 clean: the issue closes (close_after_clean 1), success again, once.
    await feed(live, 300, false);
    await run(clock, live, 60); // 00:05:19
    assert.equal(fake.state.issuesOf("acme/models")[0]?.state, "closed");
    assert.deepEqual(statusesOf(1).slice(4), [
      ["success", `modelguard monitor: window ${W0 + 4} without drift (2000 events), no drift alert open`],
    ]);

    // Production moves to v2 (promotion retires v1's deployment); the leader schedules the switch at 00:06 (the first
    // boundary after now + 3 rounds + grace), and the
    // fleet's v2 deployment turns in_progress at that boundary, then success at its first clean window.
    await promote(profileFile("v2", true));
    assert.equal(statusesOf(1).at(-1)![0], "inactive");
    assert.equal(await leaderOf(live).reloadReference(), "v2");
    await run(clock, live, 40); // 00:05:59
    assert.deepEqual(statusesOf(2), [["success", "production is fraud v2"]]);
    await run(clock, live, 2); // 00:06:01
    assert.deepEqual(statusesOf(2).slice(1), [
      ["in_progress", `modelguard monitor: watching v2 from window ${W0 + 6}, no window closed yet`],
    ]);
    await feed(live, 400, true);
    await run(clock, live, 70); // 00:07:11
    assert.deepEqual(statusesOf(2).slice(2), [
      ["success", `modelguard monitor: window ${W0 + 6} without drift (2000 events), no drift alert open`],
    ]);
    // The fleet's record of it, in its alert state in Redis, where the next leader goes on from.
    const alert = JSON.parse((await redisCommand(redis.url, "GET", "fleet-deploy-fraud:alert")) as string) as {
      deployment?: unknown;
    };
    assert.deepEqual(alert.deployment, { version: "v2", state: "success" });
    // v1's last windows (finalized after the switch) say nothing: its deployment stays retired.
    assert.equal(statusesOf(1).at(-1)![0], "inactive");
    assert.equal(statusesOf(1).length, 6);
    // The fleet recorded each change once (a window that changes nothing records nothing), and each was posted.
    assert.deepEqual(await recordedStatuses("fleet-deploy-fraud:"), [
      [W0, "v1", "in_progress", "posted"],
      [W0, "v1", "success", "posted"],
      [W0 + 3, "v1", "failure", "posted"],
      [W0 + 4, "v1", "success", "posted"],
      [W0 + 6, "v2", "in_progress", "posted"],
      [W0 + 6, "v2", "success", "posted"],
    ]);
    // Members record nothing of their own: every status went through the fleet's shared outbox, once.
    for (const m of live) assert.deepEqual(m.outbox.pending(), [], m.fleet!.member);
    assert.deepEqual(fake.violations, []);
  } finally {
    fake.clearFaults();
    for (const m of live) await m.shutdown();
  }
});

test("a status GitHub refuses (403: a token without deployments: write) steps aside: the drift issue is posted meanwhile, the statuses are posted in order once allowed; one refused for a day is given up", async () => {
  await promote(profileFile("scoring-v1", false), "scoring");
  const clock = manualClock(T0);
  const extra = {
    alert: { consecutive: 1, cooldown: "1h", close_after_clean: 1 },
    actions: { issue: { labels: ["scoring"] } },
  };
  const live = [
    await start(memberConfig("m1", "scoring", extra), clock),
    await start(memberConfig("m2", "scoring", extra), clock),
  ];
  const statuses = () => statusesOf(1, "scoring");
  const issue = () => fake.state.issuesOf("acme/models").find((i) => i.labels.some((l) => l === "scoring"));
  try {
    fake.injectFault({ method: "POST", path: /\/deployments\/[0-9]+\/statuses$/, status: 403, times: 1000 });
    await run(clock, live, 8); // in_progress recorded, refused: parked
    await feed(live, 500, true); // window 0 drifted: the alert opens (consecutive 1), the status turns to failure
    await run(clock, live, 70); // 00:01:18
    assert.equal(issue()?.state, "open", "the drift issue is not held back by the refused statuses");
    assert.deepEqual(statuses(), [["success", "production is scoring v1"]]);
    fake.clearFaults();
    await run(clock, live, 150); // past the parked statuses' backoff
    assert.deepEqual(
      statuses().map(([state]) => state),
      ["success", "in_progress", "failure"],
      "in the order recorded, each once",
    );
    assert.match(statuses()[2]![1], new RegExp(`^modelguard monitor: drift alert open: window ${W0} drifted \\(`));

    // Refused again for good: window 3 clean closes the issue, its success status is refused until a day has passed
    // since it was recorded, then given up (the shared outbox stays bounded); nothing is posted.
    fake.injectFault({ method: "POST", path: /\/deployments\/[0-9]+\/statuses$/, status: 403, times: 100_000 });
    await feed(live, 510, false);
    await run(clock, live, 70);
    assert.equal(issue()?.state, "closed");
    const leader = live.find((m) => m.fleet!.status().leader)!;
    assert.ok(leader);
    const outbox = async () =>
      (await redisOutbox("fleet-deploy-scoring:outbox")).filter((t) => t.includes('"deployment.status"'));
    assert.equal((await outbox()).length, 1, "the success status waits in the shared outbox");
    clock.advance(86_400_000);
    await run(clock, live, 3);
    assert.deepEqual(await outbox(), [], "given up");
    assert.deepEqual(
      statuses().map(([state]) => state),
      ["success", "in_progress", "failure"],
    );
    const recorded = await recordedStatuses("fleet-deploy-scoring:");
    assert.deepEqual(
      recorded.map(([, version, state, outcome]) => [version, state, outcome]),
      [
        ["v1", "in_progress", "posted"],
        ["v1", "failure", "posted"],
        ["v1", "success", "gave_up"],
      ],
      "each change recorded once",
    );
    assert.equal(recorded[1]![0], W0);
    assert.deepEqual(fake.violations, []);
  } finally {
    fake.clearFaults();
    for (const m of live) await m.shutdown();
  }
});

/** The deployment statuses waiting in a fleet's shared outbox, oldest first: [version ref, state]. */
async function statusEntries(prefix: string): Promise<[string, string][]> {
  return (await redisOutbox(`${prefix}outbox`))
    .map((t) => JSON.parse(t) as { kind: string; body: { ref: string; state: string } })
    .filter((e) => e.kind === "deployment.status")
    .map((e) => [e.body.ref, e.body.state]);
}

test("Redis restarted empty (no persistence, as the fleet manifest runs it) while the failure status waits in the shared outbox: the fleet records it again and it is posted, once", async () => {
  await promote(profileFile("lost-v1", false), "lost");
  const clock = manualClock(T0);
  const extra = {
    alert: { consecutive: 1, cooldown: "1h", close_after_clean: 2 },
    actions: { issue: { labels: ["lost"] } },
  };
  const live = [
    await start(memberConfig("m1", "lost", extra), clock),
    await start(memberConfig("m2", "lost", extra), clock),
  ];
  const states = () => statusesOf(1, "lost").map(([state]) => state);
  const issues = () => fake.state.issuesOf("acme/models").filter((i) => i.labels.some((l) => l === "lost"));
  try {
    await run(clock, live, 8);
    await feed(live, 100, false);
    await run(clock, live, 65); // 00:01:13: window 0 clean
    assert.deepEqual(states(), ["success", "in_progress", "success"]);
    // Window 1 drifted: the issue opens (consecutive 1); GitHub 502s the failure status, which waits in the outbox.
    fake.injectFault({ method: "POST", path: /\/deployments\/[0-9]+\/statuses$/, status: 502, times: 1000 });
    await feed(live, 200, true);
    await run(clock, live, 60); // 00:02:13
    assert.equal(issues()[0]?.state, "open");
    assert.deepEqual(states(), ["success", "in_progress", "success"], "refused: not posted yet");
    assert.deepEqual(await statusEntries("fleet-deploy-lost:"), [["modelguard/lost/v1", "failure"]]);
    // Redis restarts empty: the outbox entry is gone; the leader's copy of the alert record on disk is not.
    await redis.kill();
    await run(clock, live, 3);
    await redis.restart();
    fake.clearFaults();
    // The members reconnect on their own backoff (real time, up to 1 s), while the manual clock runs a round in
    // milliseconds: wait for them, as the other fleet tests do, before windows close.
    for (let i = 0; i < 500 && live.some((m) => m.fleet!.status().redis !== "ok"); i++) {
      await new Promise((r) => setTimeout(r, 10));
      for (const m of live) await m.fleet!.round().catch(() => undefined);
    }
    for (let k = 0; k < 2; k++) {
      await feed(live, 300 + k, true);
      await run(clock, live, 60);
    }
    assert.deepEqual(states(), ["success", "in_progress", "success", "failure"], "failure while the issue is open");
    assert.deepEqual(
      issues().map((i) => i.state),
      ["open"],
    );
    const alert = JSON.parse((await redisCommand(redis.url, "GET", "fleet-deploy-lost:alert")) as string) as {
      deployment?: unknown;
    };
    assert.deepEqual(alert.deployment, { version: "v1", state: "failure" });
    assert.deepEqual(await statusEntries("fleet-deploy-lost:"), [], "nothing left to send");
    assert.deepEqual(fake.violations, []);
  } finally {
    fake.clearFaults();
    for (const m of live) await m.shutdown();
  }
});

test("150 refused statuses waiting at the head of the shared outbox (more than a page of it) do not hold back the drift issue behind them; the waiting ones are not tried", async () => {
  await promote(profileFile("crowd-v1", false), "crowd");
  const clock = manualClock(T0);
  const extra = {
    alert: { consecutive: 1, cooldown: "1h", close_after_clean: 2 },
    actions: { issue: { labels: ["crowd"] } },
  };
  const live = [
    await start(memberConfig("m1", "crowd", extra), clock),
    await start(memberConfig("m2", "crowd", extra), clock),
  ];
  const key = "fleet-deploy-crowd:outbox";
  const issue = () => fake.state.issuesOf("acme/models").find((i) => i.labels.some((l) => l === "crowd"));
  const tries = () => fake.requests.filter((q) => q.operationId === "repos/create-deployment-status").length;
  try {
    fake.injectFault({ method: "POST", path: /\/deployments\/[0-9]+\/statuses$/, status: 403, times: 100_000 });
    await run(clock, live, 8); // in_progress recorded, refused: parked
    const [head] = await redisOutbox(key);
    assert.equal((JSON.parse(head!) as { kind: string }).kind, "deployment.status");
    // Stand-ins for a day of flapping verdicts, each refused the same way, recorded behind it (ids of other windows).
    for (let k = 0; k < 150; k++) {
      const e = JSON.parse(head!) as { id: string };
      e.id = e.id.replace(/:w([0-9]+):/, `:w${1000 + k}:`);
      await redisCommand(redis.url, "RPUSH", key, JSON.stringify(e));
    }
    const before = tries();
    await feed(live, 500, true); // window 0 drifted: the alert opens (consecutive 1), the status turns to failure
    await run(clock, live, 70); // 00:01:18
    assert.equal(issue()?.state, "open", "the drift issue is not held back by the waiting statuses");
    const kinds = (await redisOutbox(key)).map((t) => (JSON.parse(t) as { kind: string }).kind);
    assert.deepEqual(
      kinds,
      Array<string>(152).fill("deployment.status"),
      "the statuses wait, in order, with failure last",
    );
    // Only the parked head is tried again (with its backoff): what waits behind it is not sent before it.
    const tried = tries() - before;
    assert.ok(tried >= 1 && tried <= 8, `${tried} status posts tried`);
    assert.deepEqual(statusesOf(1, "crowd"), [["success", "production is crowd v1"]]);
    assert.deepEqual(fake.violations, []);
  } finally {
    fake.clearFaults();
    for (const m of live) await m.shutdown();
  }
});
