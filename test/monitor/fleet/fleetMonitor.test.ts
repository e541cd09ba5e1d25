// Fleet mode against a real redis-server: members are in-process monitors on a shared manual clock, and their fleet
// rounds are run by the test (no timers), so every step is deterministic.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { pino } from "pino";
import { resolveMonitorConfig, type MonitorConfig } from "../../../monitor/config/monitorConfig.js";
import { startMonitor, type RunningMonitor } from "../../../monitor/startMonitor.js";
import type { FleetWindowReport } from "../../../monitor/fleet/fleetMember.js";
import type { WindowReport } from "../../../monitor/windows/windowReport.js";
import { startFakeGitHub } from "../../fakeGithub/startFakeGitHub.js";
import { startRedisServer, type RedisServer } from "../../helpers/redisServer.js";
import { crashImage, manualClock, postEvents, setupMonitor, trafficNdjson } from "../monitorFixtures.js";

const MINUTE = 60_000;
const TOKEN = "ghs_fleetTestToken0123456789abcdefABCDEF";
const quiet = pino({ level: "silent" });

let redis: RedisServer;
before(async () => {
  redis = await startRedisServer();
});
after(() => redis.stop());

/** n member configs (own state directories, same profile) and a single monitor's, all with 1-minute windows. */
function configs(n: number, prefix: string, extra: Record<string, unknown> = {}, lease = "3s") {
  // Processing time: windows aligned to the clock (multiples of a minute), as fleet members' are, so the single monitor
  // cuts the traffic at the same instants (arrival time would start its first window at its first event).
  const base = { window: { duration: "1m", time: "processing" }, ...extra };
  const single = setupMonitor(base).config;
  const members = Array.from({ length: n }, (_, i) => {
    const { dir } = setupMonitor(base);
    const raw = {
      model: "fraud",
      reference: "profile.json",
      state: "state",
      ...base,
      fleet: { redis: redis.url, member: `m${i + 1}`, key_prefix: prefix, lease, grace: "10s" },
    };
    return resolveMonitorConfig(raw, `${dir}/monitor.yml`);
  });
  return { single, members };
}

async function startAll(cs: MonitorConfig[], clock: ReturnType<typeof manualClock>, env: NodeJS.ProcessEnv = {}) {
  return Promise.all(
    cs.map((c) =>
      startMonitor(c, {
        env,
        logger: quiet,
        port: 0,
        now: clock.now,
        tickIntervalMs: 0,
        fleetRoundMs: 0,
        sender: env.GITHUB_TOKEN ? undefined : null,
        github: { pacing: { retryBaseMs: 1, writeIntervalMs: 0, notifyingWriteIntervalMs: 0 }, rateLimitRetries: 0 },
      }),
    ),
  );
}

/** Every member's fleet round, in order (the first to run while the lease is free becomes the leader). */
async function rounds(ms: RunningMonitor[], times = 1) {
  for (let i = 0; i < times; i++) for (const m of ms) await m.fleet!.round();
}

/**
 * What the timers of a running fleet do, on the manual clock, for `seconds` seconds: every monitor's once-a-second
 * tick, and every member's fleet round once a period (lease/3: 1 s for a 3 s lease, 5 s for 15 s). A member whose
 * rounds do not run is, to the leader, a member gone: once its heartbeat is 3 periods old the leader merges a window
 * without waiting for its final partial.
 */
async function run(
  clock: ReturnType<typeof manualClock>,
  ms: RunningMonitor[],
  seconds: number,
  o: { alone?: RunningMonitor[]; periodS?: number } = {},
) {
  for (let i = 0; i < seconds; i++) {
    clock.advance(1000);
    for (const m of [...(o.alone ?? []), ...ms]) await m.tick();
    if ((clock.now() / 1000) % (o.periodS ?? 1) === 0) await rounds(ms);
  }
}

async function closeAll(ms: RunningMonitor[]) {
  for (const m of ms) await m.shutdown();
}

async function merged(m: RunningMonitor): Promise<FleetWindowReport[]> {
  const r = await fetch(`${m.url}/v1/drift?limit=50`);
  const body = (await r.json()) as { windows: FleetWindowReport[]; fleet: { member: string } };
  return body.windows.reverse();
}

function assertSameStatistics(a: WindowReport, b: WindowReport) {
  assert.equal(a.events, b.events);
  assert.equal(a.dataset_drifted, b.dataset_drifted);
  assert.equal(a.drift.features.length, b.drift.features.length);
  a.drift.features.forEach((f, i) => {
    const g = b.drift.features[i]!;
    assert.equal(f.name, g.name);
    assert.equal(f.drifted, g.drifted);
    for (const [method, t] of Object.entries(f.tests)) {
      const u = (g.tests as Record<string, typeof t>)[method]!;
      for (const key of ["statistic", "p_value"] as const) {
        const x = t?.[key as keyof typeof t] as number | undefined;
        const y = u?.[key as keyof typeof u] as number | undefined;
        if (x === undefined) continue;
        assert.ok(Math.abs(x - y!) <= 1e-12 * Math.max(1, Math.abs(x)), `${f.name} ${method} ${key}: ${x} vs ${y}`);
      }
    }
  });
  assert.equal(a.prediction.count, b.prediction.count);
}

test("3 members fed round-robin find drift in the same window, with the same statistics (1e-12), as one monitor fed all the traffic", async () => {
  const clock = manualClock();
  const { single, members } = configs(3, "fleet-a:");
  const [one] = await startAll([single], clock);
  const ms = await startAll(members, clock);
  try {
    // Window 0 clean, windows 1 and 2 shifted; 3,000 events a window in batches of 100, batch i to member i % 3.
    for (let w = 0; w < 3; w++) {
      clock.set(Date.parse("2026-03-01T00:00:00.000Z") + w * MINUTE);
      const lines = trafficNdjson(3000, 100 + w, w > 0).split("\n");
      for (let b = 0; b < 30; b++) {
        const body = lines.slice(b * 100, b * 100 + 100).join("\n");
        assert.equal((await postEvents(one!.url, body)).status, 202);
        assert.equal((await postEvents(ms[b % 3]!.url, body)).status, 202);
        await run(clock, ms, 1, { alone: [one!] });
      }
    }
    // The last window ends at 00:03: its tick closes it everywhere; grace 10 s later the leader merges it.
    clock.set(Date.parse("2026-03-01T00:03:00.000Z"));
    await run(clock, ms, 11, { alone: [one!] });
    const fleetWindows = await merged(ms[1]!);
    const alone = one!.monitor.recent;
    assert.equal(alone.length, 3);
    assert.equal(fleetWindows.length, 3, "every window merged");
    alone.forEach((r, i) => assertSameStatistics(r, fleetWindows[i]!));
    assert.deepEqual(
      fleetWindows.map((w) => w.dataset_drifted),
      [false, true, true],
    );
    for (const w of fleetWindows) {
      assert.deepEqual(w.fleet.members, ["m1", "m2", "m3"]);
      assert.deepEqual(w.fleet.missing, []);
    }
    // Every member shows the same merged windows.
    assert.deepEqual(await merged(ms[0]!), fleetWindows);
    const leaders = ms.filter((m) => m.fleet!.status().leader);
    assert.equal(leaders.length, 1);
    const text = await (await fetch(`${leaders[0]!.url}/metrics`)).text();
    assert.match(text, /modelguard_monitor_fleet_leader\{member="m1"\} 1/);
    assert.match(text, /modelguard_monitor_fleet_windows_finalized_total 3/);
    // Any member's /metrics shows the fleet's last merged window (its own drift gauges are its third of the traffic).
    const other = await (await fetch(`${ms.find((m) => m !== leaders[0])!.url}/metrics`)).text();
    const last = fleetWindows[2]!;
    assert.match(other, /^modelguard_monitor_fleet_window_events 3000$/m);
    assert.match(other, /^modelguard_monitor_fleet_dataset_drifted 1$/m);
    const x = last.drift.features.find((f) => f.name === "x")!;
    const psi = Number(/^modelguard_monitor_fleet_feature_psi\{feature="x"\} (\S+)$/m.exec(other)?.[1]);
    assert.ok(Math.abs(psi - x.tests.psi!.statistic) <= 1e-12, `${psi} vs ${x.tests.psi!.statistic}`);
    assert.match(other, /^modelguard_monitor_window_events 0$/m);
    // Data-quality counts merge exactly (out-of-range values are counted per member, summed in the merge): the fleet's
    // windows have the single monitor's signals, and /metrics the merged window's.
    alone.forEach((r, i) => assert.deepEqual(fleetWindows[i]!.drift.quality, r.drift.quality));
    const y = last.drift.quality!.features.find((q) => q.name === "y")!.out_of_range_share!;
    assert.ok(y.count > 0, "the shifted y has values past the reference's maximum");
    const yShare = /^modelguard_monitor_fleet_quality_share\{feature="y",signal="out_of_range_share"\} (\S+)$/m.exec(
      other,
    );
    assert.equal(Number(yShare?.[1]), y.share);
  } finally {
    await closeAll([one!, ...ms]);
  }
});

test("one issue, one dispatch and the comments once, sent by the leader only, with 3 members and a change of leader", async () => {
  const fake = await startFakeGitHub({ token: TOKEN, repositories: ["acme/models"] });
  const clock = manualClock();
  const { members } = configs(
    3,
    "fleet-b:",
    {
      github: { repository: "acme/models", web_url: "https://github.com" },
      alert: { consecutive: 2, cooldown: "1h", close_after_clean: 2 },
      actions: { issue: { labels: ["drift"] }, dispatch: { workflow: "retrain.yml", ref: "main" } },
    },
    "15s",
  );
  const ms = await startAll(members, clock, { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: fake.url });
  const live = [...ms];
  const leaders: string[] = [];
  const noteLeader = () => {
    const now = live.filter((m) => m.fleet!.status().leader).map((m) => m.fleet!.member);
    assert.ok(now.length <= 1, `one leader at a time: ${now.join(", ")}`);
    if (now[0] && leaders.at(-1) !== now[0]) leaders.push(now[0]);
  };
  try {
    // Five drifted windows, a third of each to every member: each member sees drift in each (alone, each would alert).
    for (let w = 0; w < 5; w++) {
      const lines = trafficNdjson(3000, 200 + w, true).split("\n");
      for (let b = 0; b < 3; b++) {
        const body = lines.slice(b * 1000, b * 1000 + 1000).join("\n");
        assert.equal((await postEvents(live[b % live.length]!.url, body)).status, 202);
      }
      await run(clock, live, 60, { periodS: 5 });
      noteLeader();
      if (w === 2) {
        // The leader stops gracefully (as in a rolling update): it releases the lease, another member leads on its
        // next round and merges windows 2 (still within grace), 3 and 4. kill -9 is fleetFailover.test.ts.
        const leader = live.find((m) => m.fleet!.status().leader)!;
        await leader.shutdown();
        live.splice(live.indexOf(leader), 1);
        await run(clock, live, 5, { periodS: 5 });
        noteLeader();
        assert.equal(leaders.length, 2, "another member leads");
      }
    }
    await run(clock, live, 30, { periodS: 5 });
    assert.equal(fake.state.issues.length, 1, "one issue");
    assert.equal(fake.state.workflowDispatches.length, 1, "one dispatch (cooldown 1h)");
    // Windows 1 (open + dispatch), 2, 3, 4 (a comment each).
    assert.equal(fake.state.comments.length, 3, "one comment per further drifted window");
    assert.deepEqual(fake.violations, []);
    // The member that stopped had nothing in the open window: it is not reported missing from the windows after it.
    const windows = await merged(live[0]!);
    assert.equal(windows.length, 5);
    for (const w of windows) assert.deepEqual(w.fleet.missing, [], `window ${w.started_at}`);
    assert.doesNotMatch(JSON.stringify(fake.state.comments), /Incomplete window/);
    const sent = await Promise.all(
      ms.map(async (m) => {
        const text = await m.metrics.registry.getSingleMetricAsString("modelguard_monitor_fleet_alerts_sent_total");
        return [...text.matchAll(/ (\d+)$/gm)].reduce((s, x) => s + Number(x[1]), 0);
      }),
    );
    assert.equal(
      sent.reduce((a, b) => a + b, 0),
      5,
      "issue.open, dispatch, 3 comments, each sent once",
    );
    const senders = ms.filter((_, i) => sent[i]! > 0).map((m) => m.fleet!.member);
    assert.deepEqual(senders.sort(), [...leaders].sort(), "only the leaders sent");
    assert.ok(
      sent.every((n) => n < 5),
      "each leader sent only the alerts of the windows it merged",
    );
    for (const m of ms) assert.equal(m.outbox.all().length, 0, "no member records alerts of its own");
  } finally {
    await closeAll(live);
    await fake.close();
  }
});

test("a member restarting from its journal (what kill -9 leaves) does not count its events twice: its partial is overwritten, in an open window and in a closed one not yet merged", async () => {
  const clock = manualClock();
  const { members } = configs(2, "fleet-c:");
  const live = await startAll(members, clock);
  /** m1 as after kill -9 and a restart: a copy of its state taken while it runs, started under the same name. */
  const restartM1 = async () => {
    const image = crashImage(live[0]!.monitor.config);
    await live[0]!.shutdown();
    live[0] = (await startAll([image], clock))[0]!;
  };
  try {
    let accepted = 0;
    const feed = async (seed: number) => {
      for (const m of live) {
        assert.equal((await postEvents(m.url, trafficNdjson(1000, seed++, false))).status, 202);
        accepted += 1000;
      }
    };
    // Window 0: both members publish their open window; m1 restarts mid-window, replays, publishes it again, goes on.
    await feed(500);
    await run(clock, live, 5);
    await restartM1();
    await feed(510);
    await run(clock, live, 60);
    // Window 1: m1 restarts after closing it (its final partial published) and before the leader merges it.
    await feed(520);
    await run(clock, live, 56);
    assert.equal((await merged(live[1]!)).length, 1, "window 1 not merged yet");
    await restartM1();
    await run(clock, live, 20);
    const windows = await merged(live[1]!);
    assert.deepEqual(
      windows.map((w) => [w.events, w.fleet.members, w.fleet.missing]),
      [
        [4000, ["m1", "m2"], []],
        [2000, ["m1", "m2"], []],
      ],
    );
    assert.equal(windows[0]!.events + windows[1]!.events, accepted);
  } finally {
    await closeAll(live);
  }
});

test("event-time windows in fleet mode: each member publishes its open windows, and the leader waits for a window still open for late events (allowed_lateness past grace)", async () => {
  const clock = manualClock();
  const { members } = configs(2, "fleet-e:", { window: { duration: "1m", time: "event", allowed_lateness: "15s" } });
  const live = await startAll(members, clock);
  const t0 = clock.now();
  const withTs = (n: number, seed: number, at: number) =>
    trafficNdjson(n, seed, false)
      .split("\n")
      .map((l, i) => JSON.stringify({ ...(JSON.parse(l) as object), ts: at + (i % 50) * 1000 }))
      .join("\n");
  try {
    for (const [i, m] of live.entries()) assert.equal((await postEvents(m.url, withTs(1000, 600 + i, t0))).status, 202);
    await run(clock, live, 62);
    // A late event of window 0 (within its lateness, after its end) reaches m2 only.
    assert.equal((await postEvents(live[1]!.url, withTs(1, 610, t0 + 59_000))).status, 202);
    // Window 0 ends at 1:00, is due at the leader at 1:10 (grace) and stays open at the members until 1:15.
    await run(clock, live, 10);
    assert.equal((await merged(live[0]!)).length, 0, "not merged while a member still has it open");
    await run(clock, live, 10);
    const [w] = await merged(live[0]!);
    assert.ok(w);
    assert.equal(w.started_at, new Date(t0).toISOString());
    assert.equal(w.events, 2001);
    assert.deepEqual(w.fleet.missing, []);
  } finally {
    await closeAll(live);
  }
});

test("Redis restarted empty after an outage: members keep accepting, show the outage in /readyz and a metric, catch up, and a window merged without a member's partial says so in its report and alert", async () => {
  const clock = manualClock();
  const { members } = configs(2, "fleet-d:", { alert: { consecutive: 1 } });
  const entries: { id: string; body: Record<string, unknown> }[] = [];
  const ms = await Promise.all(
    members.map((c) =>
      startMonitor(c, {
        env: {},
        logger: quiet,
        port: 0,
        now: clock.now,
        tickIntervalMs: 0,
        fleetRoundMs: 0,
        sender: async (e) => void entries.push(e),
      }),
    ),
  );
  const t0 = Date.parse("2026-03-01T00:00:00.000Z");
  let accepted = 0;
  const feed = async (w: number, to: RunningMonitor[]) => {
    for (const [i, m] of to.entries()) {
      clock.set(t0 + w * MINUTE + 1000 + i);
      assert.equal((await postEvents(m.url, trafficNdjson(1500, 400 + w * 10 + i, true))).status, 202);
      accepted += 1500;
    }
  };
  try {
    await feed(0, ms);
    await rounds(ms);
    await redis.kill();
    // Windows 0 (end) and 1 pass while Redis is down: both members accept into their journals.
    await feed(1, ms);
    clock.set(t0 + 2 * MINUTE + 500);
    for (const m of ms) await m.tick();
    await rounds(ms);
    const ready = (await (await fetch(`${ms[0]!.url}/readyz`)).json()) as { ready: boolean; fleet: { redis: string } };
    assert.equal(ready.ready, true, "still ready: events are accepted");
    assert.match(ready.fleet.redis, /^unreachable since /);
    const metrics = await (await fetch(`${ms[0]!.url}/metrics`)).text();
    assert.match(metrics, /modelguard_monitor_fleet_redis_up 0/);
    assert.match(metrics, /modelguard_monitor_fleet_redis_outages_total 1/);
    assert.match(metrics, /modelguard_monitor_fleet_partials_pending 2/);
    await redis.restart();
    for (let i = 0; i < 200 && ms.some((m) => m.fleet!.status().redis !== "ok"); i++) {
      await new Promise((r) => setTimeout(r, 10));
      await rounds(ms);
    }
    // Caught up: after grace and the new leader's settling, windows 0 and 1 are merged in full.
    clock.set(t0 + 2 * MINUTE + 11_000);
    await rounds(ms, 3);
    clock.advance(5000);
    await rounds(ms, 2);
    let windows = await merged(ms[0]!);
    assert.equal(windows.length, 2);
    assert.equal(
      windows.reduce((n, w) => n + w.events, 0),
      accepted,
    );
    for (const w of windows) assert.deepEqual(w.fleet.missing, []);
    // Window 2: m2 publishes its open window, then stops before closing it (its final partial never comes).
    await feed(2, ms);
    await rounds(ms);
    const leader = ms.find((m) => m.fleet!.status().leader)!;
    const other = ms.find((m) => m !== leader)!;
    await other.shutdown();
    clock.set(t0 + 3 * MINUTE + 500);
    await leader.tick();
    clock.set(t0 + 3 * MINUTE + 21_000);
    await rounds([leader], 2);
    windows = await merged(leader);
    assert.equal(windows.length, 3);
    const w2 = windows[2]!;
    assert.deepEqual(
      w2.fleet.missing.map((m) => m.member),
      [other.fleet!.member],
    );
    assert.match(w2.fleet.missing[0]!.reason, /unfinished/);
    const alert = entries.find(
      (e) => e.id === `fraud:w${w2.window}:issue.update` || e.id === `fraud:w${w2.window}:issue.open`,
    );
    assert.ok(alert, "the window alerted");
    assert.match(String(alert.body.body), /Incomplete window/);
    assert.ok(String(alert.body.body).includes(other.fleet!.member));
    ms.splice(ms.indexOf(other), 1);
  } finally {
    await closeAll(ms);
  }
});
