import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pino } from "pino";
import { startMonitor } from "../../monitor/startMonitor.js";
import { crashImage, manualClock, postEvents, setupMonitor, trafficNdjson } from "./monitorFixtures.js";

const silent = pino({ level: "silent" });
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

test("duration windows: close when the duration has passed, while idle too (journaled tick); replay closes at the same boundaries", async () => {
  const { config } = setupMonitor({ window: { duration: "10m" } });
  const clock = manualClock();
  const t0 = clock.now();
  const start = (c = config) =>
    startMonitor(c, { env: {}, logger: silent, port: 0, now: clock.now, tickIntervalMs: 0 });
  let m = await start();
  try {
    assert.equal((await postEvents(m.url, trafficNdjson(100, 1, false))).status, 202);
    clock.set(t0 + 5 * MIN);
    assert.equal((await postEvents(m.url, trafficNdjson(100, 2, false))).status, 202);
    clock.set(t0 + 10 * MIN - 1);
    await m.tick();
    assert.equal(m.monitor.recent.length, 0, "not yet: 1 ms before the boundary");
    assert.equal(m.monitor.window.events, 200);

    // Idle at the boundary: the timer's tick closes the window.
    clock.set(t0 + 10 * MIN);
    await m.tick();
    assert.equal(m.monitor.recent.length, 1);
    const w0 = m.monitor.recent[0]!;
    assert.deepEqual([w0.window, w0.events, w0.started_at, w0.closed_at], [0, 200, iso(t0), iso(t0 + 10 * MIN)]);
    const journal = readFileSync(join(config.state, "journal", readdirSync(join(config.state, "journal"))[0]!));
    assert.match(journal.toString("latin1"), new RegExp(`^t ${t0 + 10 * MIN} 0 00000000 [0-9a-f]{8}$`, "m"));

    // Long idle: empty spans are neither ticked nor reported.
    clock.set(t0 + 35 * MIN);
    await m.tick();
    assert.equal(m.monitor.recent.length, 1);
    // Traffic again: the window is aligned to the first one's start (t0 + 30 min).
    clock.set(t0 + 33 * MIN);
    assert.equal((await postEvents(m.url, trafficNdjson(50, 3, true))).status, 202);
    assert.equal(m.monitor.window.startedAt, t0 + 30 * MIN);
    // A batch arriving after the boundary with no tick in between closes the window at the boundary, not at arrival.
    clock.set(t0 + 47 * MIN);
    assert.equal((await postEvents(m.url, trafficNdjson(70, 4, false))).status, 202);
    assert.equal(m.monitor.recent.length, 2);
    const w1 = m.monitor.recent[1]!;
    assert.deepEqual(
      [w1.window, w1.events, w1.started_at, w1.closed_at],
      [1, 50, iso(t0 + 30 * MIN), iso(t0 + 40 * MIN)],
    );
    assert.equal(m.monitor.window.startedAt, t0 + 40 * MIN);
    assert.equal(m.monitor.window.events, 70);
    clock.set(t0 + 50 * MIN);
    await m.tick();
    assert.equal(m.monitor.recent.length, 3);
    const before = JSON.stringify(m.monitor.recent);
    const crashed = crashImage(config);
    await m.shutdown();

    // Restart from the journal alone (kill -9 before any snapshot), with the clock somewhere else entirely: the
    // same windows, closed at the same boundaries.
    assert.ok(!existsSync(join(crashed.state, "snapshot.json")));
    clock.set(t0 + 1000 * MIN);
    m = await start(crashed);
    assert.equal(JSON.stringify(m.monitor.recent), before);
    assert.equal(m.monitor.window.index, 3);
    assert.equal(m.monitor.window.events, 0);
  } finally {
    await m.shutdown();
  }
});
