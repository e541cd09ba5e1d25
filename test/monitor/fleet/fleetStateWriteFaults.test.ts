// A full disk under state/fleet (the partials and the alert copy; the rest of the state has room): the write waits like
// a window report's, the member says so (/readyz and /metrics, events refused), nothing torn is left to be read back,
// and everything is written once there is room again.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { pino } from "pino";
import { resolveMonitorConfig } from "../../../monitor/config/monitorConfig.js";
import type { AlertRecord } from "../../../monitor/fleet/fleetMember.js";
import type { WindowStateJson } from "../../../monitor/windows/windowState.js";
import { startMonitor } from "../../../monitor/startMonitor.js";
import { startRedisServer, type RedisServer } from "../../helpers/redisServer.js";
import { manualClock, postEvents, setupMonitor, trafficNdjson } from "../monitorFixtures.js";
import { fillDisk, mountSmallDisks, readyWithin } from "../smallDisks.js";

const MINUTE = 60_000;
const quiet = pino({ level: "silent" });

let redis: RedisServer;
before(async () => {
  redis = await startRedisServer();
});
after(() => redis.stop());

test("fleet: a full disk under the partials and the alert copy refuses events (503, /readyz 503, journal gauge 0) without failing the round, leaves no torn file, and writes both once there is room", async (t) => {
  const { dir } = setupMonitor();
  const config = resolveMonitorConfig(
    {
      model: "fraud",
      reference: "profile.json",
      state: "state",
      window: { duration: "1m", time: "processing" },
      alert: { consecutive: 1 },
      fleet: { redis: redis.url, member: "m1", key_prefix: "fleet-disk:", lease: "3s", grace: "10s" },
    },
    `${dir}/monitor.yml`,
  );
  const fleetDir = join(config.state, "fleet");
  const unmount = mountSmallDisks(t, dir, [[fleetDir, "64k"]]);
  if (!unmount) return;
  assert.equal(dirname(fleetDir), config.state);
  const filler = join(fleetDir, "filler");
  const clock = manualClock();
  const t0 = clock.now();
  const sent: string[] = [];
  try {
    const m = await startMonitor(config, {
      env: {},
      logger: quiet,
      port: 0,
      now: clock.now,
      tickIntervalMs: 0,
      fleetRoundMs: 0,
      sender: (e) => {
        sent.push(e.id);
        return Promise.resolve();
      },
    });
    try {
      clock.set(t0 + 1000);
      assert.equal((await postEvents(m.url, trafficNdjson(1500, 7, true))).status, 202);
      await m.fleet!.round();
      assert.equal(m.fleet!.status().leader, true);
      fillDisk(filler);

      // The tick closes window 0 while the journal record is applied: its partial cannot be written, and waits.
      clock.set(t0 + MINUTE + 500);
      await m.tick();
      const refused = await fetch(`${m.url}/v1/events`, { method: "POST", body: trafficNdjson(10, 8, false) });
      assert.equal(refused.status, 503);
      assert.ok(Number(refused.headers.get("retry-after")) >= 1);
      const unready = await fetch(`${m.url}/readyz`);
      assert.equal(unready.status, 503);
      const why = ((await unready.json()) as { journal: string }).journal;
      assert.match(why, /fleet partial .*fleet\/[0-9]+\.json/);
      assert.match(why, /ENOSPC/);
      assert.match(await (await fetch(`${m.url}/metrics`)).text(), /modelguard_monitor_journal_available 0/);
      // The failed write took its temp file with it: nothing torn stays to be read back at a start.
      assert.deepEqual(readdirSync(fleetDir), ["filler"]);

      // The round still publishes the partial (from memory), and the leader merges the window and decides its alert;
      // the alert record is in Redis, its copy on disk waits behind the partial.
      clock.set(t0 + MINUTE + 11_000);
      for (let i = 0; i < 3; i++) {
        await m.fleet!.round();
        clock.advance(1000);
      }
      const drift = (await (await fetch(`${m.url}/v1/drift`)).json()) as { windows: { events: number }[] };
      assert.equal(drift.windows.length, 1, "window 0 merged from the partial in memory");
      assert.equal(drift.windows[0]!.events, 1500);
      assert.ok(sent.length > 0, "the fleet's alert was sent");
      assert.deepEqual(readdirSync(fleetDir), ["filler"]);
      assert.equal((await fetch(`${m.url}/readyz`)).status, 503, "still waiting for the disk");

      rmSync(filler);
      await readyWithin(m.url, 500);
      assert.match(await (await fetch(`${m.url}/metrics`)).text(), /modelguard_monitor_journal_available 1/);
      const alert = JSON.parse(readFileSync(join(fleetDir, "alert.json"), "utf8")) as AlertRecord;
      assert.equal(alert.last_window, t0, "the copy holds the record written after the window was merged");
      assert.equal(alert.state.issueOpen, true);
      // The partial's write came before the alert copy's; the round after it saw the window finalized and removed it
      // (or, when the retry was quicker than the round, the round removes it now).
      await m.fleet!.round();
      assert.equal(existsSync(join(fleetDir, `${t0}.json`)), false, "a finalized window's partial is not kept");
      assert.deepEqual(readdirSync(fleetDir).sort(), ["alert.json"]);
      assert.equal((await postEvents(m.url, trafficNdjson(10, 9, false))).status, 202);
    } finally {
      rmSync(filler, { force: true });
      await m.shutdown();
    }
  } finally {
    unmount();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("fleet: a partial whose write waited is on disk, whole, once there is room, and a restart keeps it to publish", async (t) => {
  const { dir } = setupMonitor();
  const config = resolveMonitorConfig(
    {
      model: "fraud",
      reference: "profile.json",
      state: "state",
      window: { duration: "1m", time: "processing" },
      fleet: { redis: redis.url, member: "m1", key_prefix: "fleet-disk2:", lease: "3s", grace: "10s" },
    },
    `${dir}/monitor.yml`,
  );
  const fleetDir = join(config.state, "fleet");
  const unmount = mountSmallDisks(t, dir, [[fleetDir, "64k"]]);
  if (!unmount) return;
  const filler = join(fleetDir, "filler");
  const clock = manualClock();
  const t0 = clock.now();
  try {
    const m = await startMonitor(config, {
      env: {},
      logger: quiet,
      port: 0,
      now: clock.now,
      tickIntervalMs: 0,
      fleetRoundMs: 0,
      sender: null,
    });
    try {
      clock.set(t0 + 1000);
      assert.equal((await postEvents(m.url, trafficNdjson(300, 11, false))).status, 202);
      fillDisk(filler);
      clock.set(t0 + MINUTE + 500);
      await m.tick();
      assert.equal((await fetch(`${m.url}/readyz`)).status, 503);
      assert.equal(existsSync(join(fleetDir, `${t0}.json`)), false);
      rmSync(filler);
      await readyWithin(m.url, 500);
      // No round ran: the partial is not published, and it is kept on disk, whole.
      const kept = JSON.parse(readFileSync(join(fleetDir, `${t0}.json`), "utf8")) as WindowStateJson;
      assert.equal(kept.events, 300);
    } finally {
      rmSync(filler, { force: true });
      await m.shutdown();
    }
    // No leader merged it: a restart keeps it to publish.
    const again = await startMonitor(config, {
      env: {},
      logger: quiet,
      port: 0,
      now: clock.now,
      tickIntervalMs: 0,
      fleetRoundMs: 0,
      sender: null,
    });
    try {
      assert.match(await (await fetch(`${again.url}/metrics`)).text(), /modelguard_monitor_fleet_partials_pending 1/);
    } finally {
      await again.shutdown();
    }
  } finally {
    unmount();
    rmSync(dir, { recursive: true, force: true });
  }
});
