// Fleet mode: a request GitHub refuses in a way retrying soon does not fix (a retraining dispatch answered 403) steps
// aside in the fleet's shared outbox as it does in a single monitor's: the drift issue goes ahead, the dispatch is
// retried with a backoff, sent once by whichever leader finds GitHub accepting it, and given up after a day. Two
// in-process members on a manual clock, a real redis-server and the OpenAPI-checked fake GitHub.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { pino } from "pino";
import { resolveMonitorConfig, type MonitorConfig } from "../../../monitor/config/monitorConfig.js";
import { startMonitor, type RunningMonitor } from "../../../monitor/startMonitor.js";
import { startFakeGitHub, type FakeGitHub } from "../../fakeGithub/startFakeGitHub.js";
import { startRedisServer, type RedisServer } from "../../helpers/redisServer.js";
import { manualClock, postEvents, setupMonitor, trafficNdjson } from "../monitorFixtures.js";
import { redisCommand } from "./planMembers.js";

const TOKEN = "ghs_fleetParkedToken0123456789abcdefABCDEF";
const PREFIX = "fleet-parked:";
const DISPATCH = { method: "POST", path: /\/actions\/workflows\/retrain\.yml\/dispatches$/, status: 403 };
const quiet = pino({ level: "silent" });

let redis: RedisServer;
let fake: FakeGitHub;
before(async () => {
  redis = await startRedisServer();
  fake = await startFakeGitHub({ token: TOKEN, repositories: ["acme/models"] });
});
after(async () => {
  await fake.close();
  await redis.stop();
});

function memberConfig(member: string): MonitorConfig {
  const base = {
    window: { duration: "1m", time: "processing" },
    github: { repository: "acme/models", web_url: "https://github.com" },
    // Every drifted window alerts; a clean one closes the issue; a new dispatch is allowed 90 s after the last.
    alert: { consecutive: 1, cooldown: "90s", close_after_clean: 1 },
    actions: { issue: { labels: ["drift"] }, dispatch: { workflow: "retrain.yml", ref: "main" } },
  };
  const { dir } = setupMonitor(base);
  return resolveMonitorConfig(
    {
      model: "fraud",
      reference: "profile.json",
      state: "state",
      ...base,
      fleet: { redis: redis.url, member, key_prefix: PREFIX, lease: "3s", grace: "10s" },
    },
    `${dir}/monitor.yml`,
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

/** 2,000 events of the window open now, half to each member. */
async function feed(ms: RunningMonitor[], seed: number, shifted: boolean) {
  const lines = trafficNdjson(2000, seed, shifted).split("\n");
  for (let i = 0; i < ms.length; i++) {
    const body = lines.slice(i * 1000, (i + 1) * 1000).join("\n");
    assert.equal((await postEvents(ms[i]!.url, body)).status, 202);
  }
}

const leaderOf = (ms: RunningMonitor[]) => {
  const leaders = ms.filter((m) => m.fleet!.status().leader);
  assert.equal(leaders.length, 1, "one leader");
  return leaders[0]!;
};

/** A gauge's value on a member's /metrics. */
async function gauge(m: RunningMonitor, name: string): Promise<number> {
  const text = await m.metrics.registry.getSingleMetricAsString(name);
  const v = new RegExp(`^${name} (\\S+)$`, "m").exec(text);
  assert.ok(v, text);
  return Number(v[1]);
}

const sharedOutbox = async () => (await redisCommand(redis.url, "LRANGE", `${PREFIX}outbox`, "0", "-1")) as string[];
const dispatchAttempts = () => fake.requests.filter((q) => q.operationId === "actions/create-workflow-dispatch").length;
const drift = () => fake.state.issuesOf("acme/models").filter((i) => i.labels.includes("drift"));

test("a dispatch GitHub refuses (403) steps aside in the fleet's outbox: the drift issue goes ahead saying so, a new leader sends the dispatch once when GitHub accepts it, the outbox gauges show it on the leader meanwhile; one refused for a day is given up without holding a later episode's issue", async () => {
  const clock = manualClock();
  const configs = [memberConfig("m1"), memberConfig("m2")];
  const live = [await start(configs[0]!, clock), await start(configs[1]!, clock)];
  try {
    fake.injectFault({ ...DISPATCH, times: 100_000 });
    await run(clock, live, 5); // 00:00:05: a leader
    await feed(live, 700, true);
    await run(clock, live, 70); // 00:01:15: window 0 merged at 00:01:10 (its end + 10 s grace), drifted

    // The issue is not held back by the refused dispatch, and says the run is not started yet.
    assert.equal(drift().length, 1);
    assert.equal(drift()[0]!.state, "open");
    assert.match(drift()[0]!.body ?? "", /GitHub has not accepted it yet: the monitor keeps retrying/);
    assert.equal(fake.state.workflowDispatches.length, 0);
    const retried = dispatchAttempts();
    assert.ok(retried >= 3, `retried with a backoff (1, 2, 4 s ...): ${retried} attempts in 5 s`);
    assert.ok(retried <= 5, `not every round: ${retried} attempts in 5 s`);
    let outbox = await sharedOutbox();
    assert.equal(outbox.length, 1, "the dispatch waits in the shared outbox");
    assert.match(outbox[0]!, /"kind":"dispatch"/);
    // Seen on /metrics like a single monitor's: on the leader only, so a sum over the fleet counts it once.
    const leader = leaderOf(live);
    const other = live.find((m) => m !== leader)!;
    assert.equal(await gauge(leader, "modelguard_monitor_outbox_pending"), 1);
    assert.ok((await gauge(leader, "modelguard_monitor_outbox_oldest_pending_age_seconds")) >= 5);
    assert.equal(await gauge(other, "modelguard_monitor_outbox_pending"), 0);

    // The leader stops (a rolling update) while GitHub still refuses; GitHub then accepts dispatches. The leader that
    // claimed the dispatch gave its claim back when GitHub refused it, so the next leader sends it: once.
    const i = live.indexOf(leader);
    await leader.shutdown();
    live.splice(i, 1);
    fake.clearFaults();
    await run(clock, live, 4); // 00:01:19: the other member leads (after its settling rounds) and sends it
    assert.equal(leaderOf(live), other);
    assert.equal(fake.state.workflowDispatches.length, 1, "sent by the new leader");
    live.splice(i, 0, await start(configs[i]!, clock));
    await run(clock, live, 10);
    assert.equal(fake.state.workflowDispatches.length, 1, "once per fleet");
    assert.deepEqual(await sharedOutbox(), []);
    for (const m of live) assert.equal(await gauge(m, "modelguard_monitor_outbox_pending"), 0);

    // Window 1 clean: the issue closes. Window 2 drifted (the cooldown is over): a new episode's issue and dispatch;
    // the dispatch is refused for good. The issue goes ahead; a day after it was recorded the dispatch is given up.
    await feed(live, 710, false);
    await run(clock, live, 50); // 00:02:19
    assert.equal(drift()[0]!.state, "closed");
    fake.injectFault({ ...DISPATCH, times: 100_000 });
    await feed(live, 720, true);
    await run(clock, live, 60); // 00:03:19: window 2 merged at 00:03:10
    const open = drift().filter((x) => x.state === "open");
    assert.equal(open.length, 1, "the later episode's issue is not held back");
    assert.match(open[0]!.body ?? "", /GitHub has not accepted it yet/);
    outbox = await sharedOutbox();
    assert.equal(outbox.length, 1);
    assert.match(outbox[0]!, /"kind":"dispatch"/);
    const before = dispatchAttempts();
    await run(clock, live, 30);
    assert.ok(dispatchAttempts() > before, "still retried");
    assert.ok(dispatchAttempts() - before <= 6, `with a backoff: ${dispatchAttempts() - before} attempts in 30 s`);
    clock.advance(86_400_000);
    await run(clock, live, 3);
    assert.deepEqual(await sharedOutbox(), [], "given up: the shared outbox stays bounded");
    for (const m of live) assert.equal(await gauge(m, "modelguard_monitor_outbox_pending"), 0);
    const given = JSON.parse(
      (await redisCommand(redis.url, "GET", `${PREFIX}sent:${JSON.parse(outbox[0]!).id as string}`)) as string,
    ) as { gave_up?: string };
    assert.match(given.gave_up ?? "", /403|Forbidden|denied|permission/i);
    assert.equal(fake.state.workflowDispatches.length, 1);
    const sent = await Promise.all(
      [...live].map(async (m) => {
        const text = await m.metrics.registry.getSingleMetricAsString("modelguard_monitor_fleet_alerts_sent_total");
        return [...text.matchAll(/action="dispatch"} (\d+)$/gm)].reduce((s, x) => s + Number(x[1]), 0);
      }),
    );
    assert.equal(
      sent.reduce((a, b) => a + b, 0),
      1,
      "the live members sent one dispatch between them",
    );
    assert.deepEqual(fake.violations, []);
  } finally {
    fake.clearFaults();
    for (const m of live) await m.shutdown();
  }
});
