// A fleet following production (`reference: registry:NAME`) against a real redis-server and a directory registry:
// members are in-process monitors on a shared manual clock, their rounds run by the test (no timers).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { createClient } from "redis";
import { resolveMonitorConfig, type MonitorConfig } from "../../../monitor/config/monitorConfig.js";
import { startMonitor, type RunningMonitor } from "../../../monitor/startMonitor.js";
import type { FleetWindowReport } from "../../../monitor/fleet/fleetMember.js";
import { FleetStore, type PartialRecord } from "../../../monitor/fleet/fleetStore.js";
import type { WindowReport } from "../../../monitor/windows/windowReport.js";
import { buildProfile } from "../../../src/profile/buildProfile.js";
import { writeProfile } from "../../../src/profile/profileFile.js";
import { startFakeGitHub, type FakeGitHub } from "../../fakeGithub/startFakeGitHub.js";
import { runCli } from "../../helpers/cli.js";
import { normals, rng } from "../../helpers/random.js";
import { startRedisServer, type RedisServer } from "../../helpers/redisServer.js";
import { dictionaryColumn, numericColumn, table } from "../../helpers/tables.js";
import { manualClock, postEvents, trafficNdjson } from "../monitorFixtures.js";

const TOKEN = "ghs_fleetRegistryToken0123456789abcdefABCDEF";
const MODEL = "fixtures/models/breast_cancer_columns.onnx";
// fixtures/report/metrics.json: accuracy 0.9708 (binary, classes 0/1).
const PRODUCTION_METRICS = new URL("../../../fixtures/report/metrics.json", import.meta.url);
const T0 = Date.parse("2026-03-01T00:00:00.000Z");
const MINUTE = 60_000;
const quiet = pino({ level: "silent" });
const work = mkdtempSync(join(tmpdir(), "mg-fleet-registry-"));

let redis: RedisServer;
let fake: FakeGitHub;
before(async () => {
  redis = await startRedisServer();
  fake = await startFakeGitHub({ token: TOKEN, repositories: ["acme/models"] });
});
after(async () => {
  await fake.close();
  await redis.stop();
  rmSync(work, { recursive: true, force: true });
});

/** The profile of the monitor fixtures' traffic: unshifted, or shifted the way trafficNdjson(…, true) is. */
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

async function promote(profile: string, registry: string): Promise<void> {
  const r = await runCli("promote", "--name", "fraud", "--model", MODEL, "--profile", profile, "--registry", registry);
  assert.equal(r.code, 0, r.stderr);
}

function memberConfigs(
  n: number,
  registry: string,
  prefix: string,
  extra: Record<string, unknown> = {},
): MonitorConfig[] {
  return Array.from({ length: n }, (_, i) => {
    const dir = mkdtempSync(join(work, `m${i + 1}-`));
    return resolveMonitorConfig(
      {
        reference: "registry:fraud",
        registry,
        state: "state",
        window: { duration: "1m", time: "processing" },
        github: { repository: "acme/models", web_url: "https://github.com" },
        alert: { consecutive: 2, cooldown: "1h", close_after_clean: 2 },
        actions: { issue: { labels: ["drift"] }, dispatch: { workflow: "retrain.yml", ref: "main" } },
        fleet: { redis: redis.url, member: `m${i + 1}`, key_prefix: prefix, lease: "3s", grace: "10s" },
        ...extra,
      },
      join(dir, "monitor.yml"),
    );
  });
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
    github: { pacing: { retryBaseMs: 1, writeIntervalMs: 0, notifyingWriteIntervalMs: 0 }, rateLimitRetries: 0 },
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

/** 3,000 events of window `w` (shifted: drifted against v1, clean against v2), a third to each live member. */
async function feed(ms: RunningMonitor[], w: number) {
  const lines = trafficNdjson(3000, 500 + w, true).split("\n");
  const per = Math.ceil(lines.length / ms.length);
  for (let i = 0; i < ms.length; i++) {
    const body = lines.slice(i * per, (i + 1) * per).join("\n");
    assert.equal((await postEvents(ms[i]!.url, body)).status, 202);
  }
}

async function merged(m: RunningMonitor): Promise<FleetWindowReport[]> {
  const r = await fetch(`${m.url}/v1/drift?limit=50`);
  return ((await r.json()) as { windows: FleetWindowReport[] }).windows.reverse();
}

/** n events of window k with ids `w<k>-<i>`: the reference's features, a probability and its class. */
function labelledWindow(k: number, n: number, seed: number) {
  const xs = normals(n, seed);
  const ys = normals(n, seed + 1, 10, 2);
  const out = { lines: [] as string[], ids: [] as string[], prediction: [] as number[] };
  xs.forEach((x, i) => {
    const p = 1 / (1 + Math.exp(-3 * x));
    const id = `w${k}-${i}`;
    out.ids.push(id);
    out.prediction.push(p > 0.5 ? 1 : 0);
    out.lines.push(
      JSON.stringify({
        id,
        features: { x, y: ys[i], plan: ["basic", "pro", "team"][i % 3] },
        prediction: p > 0.5 ? 1 : 0,
        probability: p,
      }),
    );
  });
  return out;
}

async function postLines(url: string, path: string, lines: string[]) {
  const r = await fetch(`${url}${path}`, { method: "POST", body: lines.join("\n") });
  assert.equal(r.status, 202, await r.text());
}

/** A member's own window reports (state/windows): what it measured its windows against. */
function localReports(c: MonitorConfig): WindowReport[] {
  const dir = join(c.state, "windows");
  return readdirSync(dir)
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as WindowReport);
}

test("a fleet follows production: the leader plans the switch at a window boundary ahead, windows before it are judged against v1 and from it against v2 on every member (a member restarted across it too), one new alert episode", async () => {
  const registry = join(work, "registry");
  await promote(profileFile("v1", false), registry);
  const clock = manualClock(T0);
  const configs = memberConfigs(3, registry, "fleet-reg-a:");
  const ms = await Promise.all(configs.map((c) => start(c, clock)));
  const live = [...ms];
  let restarted: RunningMonitor | null = null;
  try {
    for (const m of ms) assert.equal(m.monitor.modelVersion, "v1");
    // Windows 0 and 1 drifted against v1: the fleet's one issue opens, retraining is dispatched.
    for (let w = 0; w < 2; w++) {
      await feed(live, w);
      await run(clock, live, 60);
    }
    // Window 2: events, then production moves to v2 (retrained on the shifted data) 10 s into it.
    await feed(live, 2);
    await run(clock, live, 10);
    await promote(profileFile("v2", true), registry);
    const leader = live.find((m) => m.fleet!.status().leader)!;
    const follower = live.find((m) => !m.fleet!.status().leader)!;
    assert.equal(await follower.reloadReference(), null, "only the leader schedules a switch");
    assert.equal(await leader.reloadReference(), "v2");
    assert.equal(await leader.reloadReference(), null, "scheduled once");
    // The switch is at 00:03 (the first boundary after now + 3 periods + grace): every member reads it meanwhile.
    const plan = await redisGet("fleet-reg-a:reference");
    assert.deepEqual(
      (JSON.parse(plan!) as { switches: { version: number; from: number }[] }).switches.map((s) => [
        s.version,
        new Date(s.from).toISOString(),
      ]),
      [
        // Written when the fleet started, from a boundary ahead; the first switch covers every window before it.
        [1, "2026-03-01T00:01:00.000Z"],
        [2, "2026-03-01T00:03:00.000Z"],
      ],
    );
    // A member (not the leader) stops before the switch and starts again after it, from its state and Redis.
    const leaving = live.find((m) => m !== leader)!;
    const leavingConfig = configs[ms.indexOf(leaving)]!;
    await run(clock, live, 5);
    assert.equal(leaving.monitor.modelVersion, "v1", "window 2 is still v1's");
    await leaving.shutdown();
    live.splice(live.indexOf(leaving), 1);
    await run(clock, live, 50); // 00:03:05
    restarted = await start(leavingConfig, clock);
    live.push(restarted);
    assert.equal(restarted.monitor.modelVersion, "v2", "the restarted member starts on the fleet's version now");
    await run(clock, live, 1);
    // Windows 3 and 4: clean against v2; the issue hears of v2 once and closes after them.
    for (let w = 3; w < 5; w++) {
      await feed(live, w);
      await run(clock, live, 60);
    }
    await run(clock, live, 15);

    for (const m of live) {
      const windows = await merged(m);
      assert.deepEqual(
        windows.map((r) => [r.started_at, r.model_version, r.dataset_drifted]),
        [
          ["2026-03-01T00:00:00.000Z", "v1", true],
          ["2026-03-01T00:01:00.000Z", "v1", true],
          ["2026-03-01T00:02:00.000Z", "v1", true],
          ["2026-03-01T00:03:00.000Z", "v2", false],
          ["2026-03-01T00:04:00.000Z", "v2", false],
        ],
        `the fleet's windows as ${m.fleet!.member} shows them`,
      );
      for (const r of windows) {
        assert.deepEqual(r.fleet.missing, [], r.started_at);
        assert.equal(r.fleet.members.length, 3, r.started_at);
        assert.equal(r.drift.reference, `registry:fraud@${r.model_version}`);
      }
    }
    // Every member measured every window against the fleet's version for it, the restarted one included.
    for (const c of configs) {
      for (const r of localReports(c)) {
        const expected = Date.parse(r.started_at) < T0 + 3 * MINUTE ? "v1" : "v2";
        assert.equal(r.model_version, expected, `${c.fleet!.member} ${r.started_at}`);
      }
    }
    for (const m of live) {
      const text = await (await fetch(`${m.url}/metrics`)).text();
      assert.match(text, /^modelguard_monitor_model_version_info\{model_version="v2"\} 1$/m, m.fleet!.member);
    }
    // One episode per production: v1's opened the issue and dispatched once; v2's starts with a note, and its clean
    // windows close the issue; nothing is dispatched for v2.
    assert.equal(fake.state.issues.length, 1);
    const issue = fake.state.issuesOf("acme/models")[0]!;
    assert.equal(issue.state, "closed");
    assert.equal(fake.state.workflowDispatches.length, 1);
    assert.equal(fake.state.workflowDispatches[0]!.inputs.production_version, "v1");
    const comments = fake.state.commentsOf("acme/models", issue.number).map((c) => c.body);
    assert.equal(comments.filter((b) => /Production is now `fraud v2` \(was `v1`\)/.test(b)).length, 1);
    const alert = JSON.parse((await redisGet("fleet-reg-a:alert"))!) as { model_version: string };
    assert.equal(alert.model_version, "v2");
    assert.deepEqual(fake.violations, []);
  } finally {
    for (const m of live) await m.shutdown();
  }
});

test("a member that had not read the plan when the switch's window opened measured it against v1: the leader leaves its partial out of that window (reported missing, said in the window's fleet block) and merges it again from the next", async () => {
  const registry = join(work, "registry-late");
  await promote(profileFile("late-v1", false), registry);
  const clock = manualClock(T0);
  const configs = memberConfigs(2, registry, "fleet-reg-b:");
  const [m1, m2] = [await start(configs[0]!, clock), await start(configs[1]!, clock)];
  const both = [m1, m2];
  /** Both members tick; only those in `rounding` run their fleet rounds. */
  const step = async (seconds: number, rounding: RunningMonitor[]) => {
    for (let i = 0; i < seconds; i++) {
      clock.advance(1000);
      for (const m of both) await m.tick();
      for (const m of rounding) await m.fleet!.round();
    }
  };
  try {
    await step(1, both); // m1 rounds first: it leads
    assert.ok(m1.fleet!.status().leader);
    await feed(both, 0);
    await step(64, both); // 00:01:05
    await feed(both, 1);
    await promote(profileFile("late-v2", true), registry);
    assert.equal(await m1.reloadReference(), "v2"); // from 00:02
    // m2's rounds stop (a partition from Redis) before it read the plan; its window 2 opens measured against v1.
    await step(56, [m1]); // 00:02:01
    await feed(both, 2);
    assert.equal(m2.monitor.window.reference, "v1");
    assert.equal(m1.monitor.window.reference, "v2");
    await step(4, [m1]);
    await step(56, both); // 00:03:01: m2 is back and has read the plan
    await feed(both, 3);
    assert.equal(m2.monitor.window.reference, "v2");
    await step(75, both);

    const windows = await merged(m2);
    assert.deepEqual(
      windows.map((r) => [r.started_at, r.model_version, r.events, r.fleet.members]),
      [
        ["2026-03-01T00:00:00.000Z", "v1", 3000, ["m1", "m2"]],
        ["2026-03-01T00:01:00.000Z", "v1", 3000, ["m1", "m2"]],
        ["2026-03-01T00:02:00.000Z", "v2", 1500, ["m1"]],
        ["2026-03-01T00:03:00.000Z", "v2", 3000, ["m1", "m2"]],
      ],
    );
    assert.deepEqual(windows[2]!.fleet.missing, [
      { member: "m2", reason: "its partial was measured against v1, not v2" },
    ]);
    for (const r of [windows[0]!, windows[1]!, windows[3]!]) assert.deepEqual(r.fleet.missing, [], r.started_at);
  } finally {
    for (const m of both) await m.shutdown();
  }
});

test("event-time windows: a member whose first event of the window before the switch arrives late, after the switch, measures that window against v1 as the others do (the version goes by the window's start, not by when it opened)", async () => {
  const registry = join(work, "registry-event");
  await promote(profileFile("event-v1", false), registry);
  const clock = manualClock(T0);
  const configs = memberConfigs(2, registry, "fleet-reg-d:", {
    window: { duration: "1m", time: "event", allowed_lateness: "15s" },
  });
  const [m1, m2] = [await start(configs[0]!, clock), await start(configs[1]!, clock)];
  const both = [m1!, m2!];
  const withTs = (n: number, seed: number, shifted: boolean, at: number) =>
    trafficNdjson(n, seed, shifted)
      .split("\n")
      .map((l, i) => JSON.stringify({ ...(JSON.parse(l) as object), ts: at + (i % 50) * 1000 }))
      .join("\n");
  try {
    await run(clock, both, 1); // m1 leads
    assert.ok(m1!.fleet!.status().leader);
    // Window 0 (unshifted: clean against v1) reaches m1 only for now.
    assert.equal((await postEvents(m1!.url, withTs(1000, 700, false, T0))).status, 202);
    await run(clock, both, 39); // 00:00:40
    await promote(profileFile("event-v2", true), registry);
    assert.equal(await m1!.reloadReference(), "v2"); // from 00:01
    await run(clock, both, 22); // 00:01:02
    // Window 1 (shifted: clean against v2) to both; m2's first events of window 0 come now, late but within lateness.
    for (const [i, m] of both.entries())
      assert.equal((await postEvents(m.url, withTs(1000, 710 + i, true, T0 + MINUTE))).status, 202);
    assert.equal((await postEvents(m2!.url, withTs(50, 720, false, T0 + 9000))).status, 202);
    await run(clock, both, 100);
    const windows = await merged(m2!);
    assert.deepEqual(
      windows.map((r) => [
        r.started_at,
        r.model_version,
        r.events,
        r.dataset_drifted,
        r.fleet.members,
        r.fleet.missing,
      ]),
      [
        ["2026-03-01T00:00:00.000Z", "v1", 1050, false, ["m1", "m2"], []],
        ["2026-03-01T00:01:00.000Z", "v2", 2000, false, ["m1", "m2"], []],
      ],
    );
  } finally {
    for (const m of both) await m.shutdown();
  }
});

test("realized performance in a fleet following production: each window is judged against the metrics.json of the version it was measured against, also when its labels come after the switch", async () => {
  const registry = join(work, "registry-perf");
  const v2Metrics = join(work, "metrics-v2.json");
  const fixture = JSON.parse(readFileSync(PRODUCTION_METRICS, "utf8")) as { metrics: Record<string, number> };
  writeFileSync(v2Metrics, JSON.stringify({ ...fixture, metrics: { ...fixture.metrics, accuracy: 0.8 } }));
  const promoteWith = async (profile: string, metrics: string) => {
    const r = await runCli(
      "promote",
      "--name",
      "fraud",
      "--model",
      "fixtures/models/breast_cancer_logreg.onnx",
      "--profile",
      profile,
      "--metrics",
      metrics,
      "--registry",
      registry,
    );
    assert.equal(r.code, 0, r.stderr);
  };
  await promoteWith(profileFile("perf-v1", false), PRODUCTION_METRICS.pathname);
  const clock = manualClock(T0);
  const configs = memberConfigs(2, registry, "fleet-reg-c:", {
    labels: { max_delay: "1h" },
    performance: { accuracy: { max_drop: 0.05 } },
    performance_policy: { min_rows: 100 },
  });
  const ms = [await start(configs[0]!, clock), await start(configs[1]!, clock)];
  const step = async (seconds: number) => {
    for (let i = 0; i < seconds; i++) {
      clock.advance(1000);
      for (const m of ms) await m.tick();
      for (const m of ms) await m.labelFleet!.round();
      for (const m of ms) await m.fleet!.round();
    }
  };
  try {
    // Window 0 (v1's): 300 events, half to each member; its labels wait.
    await step(1);
    const w0 = labelledWindow(0, 300, 701);
    await postLines(ms[0]!.url, "/v1/events", w0.lines.slice(0, 150));
    await postLines(ms[1]!.url, "/v1/events", w0.lines.slice(150));
    await step(64); // 00:01:05
    await promoteWith(profileFile("perf-v2", false), v2Metrics);
    assert.equal(await ms.find((m) => m.fleet!.status().leader)!.reloadReference(), "v2"); // from 00:02
    await step(56); // 00:02:01
    const w2 = labelledWindow(2, 300, 702);
    await postLines(ms[0]!.url, "/v1/events", w2.lines.slice(0, 150));
    await postLines(ms[1]!.url, "/v1/events", w2.lines.slice(150));
    await step(70); // window 2 merged
    // The labels of both windows now, each right 85% of the time: below v1's accuracy (0.971) by more than 0.05,
    // above v2's (0.8).
    for (const [w, seed] of [
      [w0, 901],
      [w2, 902],
    ] as const) {
      const u = rng(seed);
      const lines = w.ids.map((id, i) =>
        JSON.stringify({ id, label: u() < 0.85 ? w.prediction[i] : 1 - w.prediction[i]! }),
      );
      await postLines(ms[1]!.url, "/v1/labels", lines);
    }
    await step(5);
    const r = await fetch(`${ms[0]!.url}/v1/performance?limit=10`);
    const body = (await r.json()) as {
      windows: {
        started_at: string;
        model_version: string | null;
        breached: boolean;
        checks: { reference: number }[];
      }[];
    };
    assert.deepEqual(
      body.windows
        .map((w) => [w.started_at, w.model_version, w.breached, w.checks[0]?.reference])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      [
        ["2026-03-01T00:00:00.000Z", "v1", true, fixture.metrics.accuracy],
        ["2026-03-01T00:02:00.000Z", "v2", false, 0.8],
      ],
    );
  } finally {
    for (const m of ms) await m.shutdown();
  }
});

async function redisGet(key: string): Promise<string | null> {
  const c = createClient({ url: redis.url });
  await c.connect();
  try {
    return await c.get(key);
  } finally {
    c.destroy();
  }
}

async function redisSet(key: string, value: string): Promise<void> {
  const c = createClient({ url: redis.url });
  await c.connect();
  try {
    await c.set(key, value);
  } finally {
    c.destroy();
  }
}

test("a window whose planned version never loads (its profile is not the one the plan names) is dropped unjudged once its deadline passes, said once in the log and on /metrics, and later windows are reported", async () => {
  const registry = join(work, "registry-unavailable");
  await promote(profileFile("unavailable-v1", false), registry);
  await promote(profileFile("unavailable-v2", true), registry);
  const back = await runCli("registry", "set-production", "fraud@v1", "--reason", "rollback", "--registry", registry);
  assert.equal(back.code, 0, back.stderr);
  const clock = manualClock(T0);
  const configs = memberConfigs(2, registry, "fleet-reg-u:");
  const logged: string[] = [];
  const logger = pino({ level: "error" }, { write: (line: string) => void logged.push(line) });
  const m1 = await startMonitor(configs[0]!, {
    env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: fake.url },
    logger,
    port: 0,
    now: clock.now,
    tickIntervalMs: 0,
    fleetRoundMs: 0,
    registryPollMs: 0,
    github: { pacing: { retryBaseMs: 1, writeIntervalMs: 0, notifyingWriteIntervalMs: 0 }, rateLimitRetries: 0 },
  });
  const m2 = await start(configs[1]!, clock);
  const both = [m1, m2];
  try {
    await run(clock, both, 5); // m1 leads and writes the first plan
    assert.ok(m1.fleet!.status().leader);
    // The plan names v2 for window 2 with a profile the registry does not have (a card rewritten, a release gone).
    const plan = JSON.parse((await redisGet("fleet-reg-u:reference"))!) as {
      switches: { version: number; sha256: string; from: number }[];
    };
    const v1 = plan.switches[0]!;
    await redisSet(
      "fleet-reg-u:reference",
      JSON.stringify({
        switches: [
          { ...v1, from: 0 },
          { version: 2, sha256: "0".repeat(64), from: T0 + 2 * MINUTE },
          { ...v1, from: T0 + 3 * MINUTE },
        ],
      }),
    );
    for (let w = 0; w < 4; w++) {
      await feed(both, w);
      await run(clock, both, w === 0 ? 55 : w === 3 ? 30 : 60);
    }
    // 00:03:30: window 2 was dropped at its end + 2 grace (00:03:20), window 3 is not finalized yet.
    // A partial of window 2 published after the drop now (a member late, or an event-time window still open) brings it
    // back: dropped again as late, not logged or counted as another window.
    const late = new FleetStore(
      {
        redisUrl: redis.url,
        passwordEnv: null,
        keyPrefix: "fleet-reg-u:",
        member: "m3",
        leaseMs: 3000,
        graceMs: 10_000,
      },
      {},
      clock.now,
    );
    try {
      await late.connect();
      const rec: PartialRecord = { member: "m3", final: true, published_at: clock.now(), window: {} };
      assert.ok(await late.publish(T0 + 2 * MINUTE, rec, 600_000));
      await run(clock, both, 3);
      assert.deepEqual(await late.windowsUpTo(T0 + 2 * MINUTE), []);
      assert.equal(m1.fleet!.status().leader, true);
    } finally {
      await late.close();
    }
    await run(clock, both, 70); // 00:04:43: window 3's end + grace has passed
    const windows = await merged(m2);
    assert.deepEqual(
      windows.map((r) => [r.started_at, r.model_version, r.events]),
      [
        ["2026-03-01T00:00:00.000Z", "v1", 3000],
        ["2026-03-01T00:01:00.000Z", "v1", 3000],
        ["2026-03-01T00:03:00.000Z", "v1", 3000],
      ],
      "window 2 is never judged against another version, and does not hold window 3",
    );
    const dropped = logged.filter((l) => l.includes("reference unavailable"));
    assert.equal(dropped.length, 1, "said once");
    const entry = JSON.parse(dropped[0]!) as { window_start: string; missing: string[]; err: string };
    assert.equal(entry.window_start, "2026-03-01T00:02:00.000Z");
    assert.deepEqual(entry.missing, ["m1", "m2"]);
    assert.match(
      entry.err,
      /^v2 did not load: the registry's profile\.json of v2 has sha256 [0-9a-f]{64}, the fleet's plan names 0{64}/,
    );
    const metrics = await (await fetch(`${m1.url}/metrics`)).text();
    assert.match(metrics, /^modelguard_monitor_fleet_reference_unavailable_windows_total 1$/m);
    assert.match(metrics, /^modelguard_monitor_fleet_missing_partials_total 2$/m);
  } finally {
    for (const m of both) await m.shutdown();
  }
});
