import { after, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { listSegments } from "../../monitor/state/journal.js";
import type { MonitorConfig } from "../../monitor/config/monitorConfig.js";
import { startMonitor } from "../../monitor/startMonitor.js";
import { postEvents, setupMonitor, trafficNdjson, waitFor } from "./monitorFixtures.js";

// Every temporary directory of this file lives here, removed after its tests.
const tmpRoot = mkdtempSync(join(tmpdir(), "mg-monitor-compaction-"));
after(() => rmSync(tmpRoot, { recursive: true, force: true }));

const silent = pino({ level: "silent" });
const start = (config: MonitorConfig) => startMonitor(config, { env: {}, logger: silent, port: 0, tickIntervalMs: 0 });

function copyState(config: MonitorConfig): MonitorConfig {
  const state = mkdtempSync(join(tmpRoot, "step-"));
  cpSync(config.state, state, { recursive: true });
  return { ...config, state };
}

test("compaction: a new segment after each snapshot, covered segments deleted; every intermediate state recovers every acknowledged batch", async () => {
  const { config } = setupMonitor({ window: { size: 1_000_000 } });
  const m = await start(config);
  const states: { step: string; config: MonitorConfig }[] = [];
  try {
    for (const [n, seed] of [
      [100, 1],
      [120, 2],
    ])
      assert.equal((await postEvents(m.url, trafficNdjson(n!, seed!, false))).status, 202);
    await m.checkpoint();
    const segsAfterFirst = listSegments(join(config.state, "journal"));
    assert.equal(segsAfterFirst.length, 1, "the first segment, wholly covered, is gone");
    assert.equal(segsAfterFirst[0]!.size, 0);
    assert.equal((await postEvents(m.url, trafficNdjson(130, 3, false))).status, 202);
    states.push({ step: "before the checkpoint", config: copyState(config) });
    await m.checkpoint((step) => states.push({ step, config: copyState(config) }));
    assert.deepEqual(
      states.map((s) => s.step.replace(/ [0-9]+\.log$/, "")),
      ["before the checkpoint", "snapshot temp written", "snapshot renamed", "rolled", "deleted"],
    );
    assert.ok(existsSync(join(states[1]!.config.state, "snapshot.json.tmp")));
    assert.equal(listSegments(join(states[3]!.config.state, "journal")).length, 2);
    assert.equal(listSegments(join(config.state, "journal")).length, 1);
    // Acknowledged after the checkpoint: in the final state only.
    assert.equal((await postEvents(m.url, trafficNdjson(40, 4, false))).status, 202);
    states.push({ step: "after", config: copyState(config) });
  } finally {
    await m.shutdown();
  }

  for (const { step, config: c } of states) {
    const r = await start(c);
    try {
      assert.equal(r.monitor.window.events, step === "after" ? 390 : 350, step);
      assert.ok(!existsSync(join(c.state, "snapshot.json.tmp")), step);
      // The recovered monitor goes on: ingest, checkpoint, and a second recovery see the same count.
      assert.equal((await postEvents(r.url, trafficNdjson(10, 5, false))).status, 202);
      await r.checkpoint();
    } finally {
      await r.shutdown();
    }
    const again = await start(c);
    try {
      assert.equal(again.monitor.window.events, step === "after" ? 400 : 360, `${step}, second recovery`);
    } finally {
      await again.shutdown();
    }
  }
});

test("compaction: a missing segment the snapshot needs is an error, not a silent loss; a single-file journal is migrated", async () => {
  const { config } = setupMonitor({ window: { size: 1_000_000 } });
  const m = await start(config);
  assert.equal((await postEvents(m.url, trafficNdjson(50, 1, false))).status, 202);
  const crashed = copyState(config); // kill -9: no snapshot, the whole journal in its first segment
  await m.shutdown();
  rmSync(join(crashed.state, "journal", readdirSync(join(crashed.state, "journal"))[0]!));
  writeFileSync(join(crashed.state, "journal", "0000000000000999.log"), "");
  await assert.rejects(start(crashed), /segments are missing/);

  // The layout before segments: <state>/journal.log.
  const legacy = setupMonitor({ window: { size: 1_000_000 } }).config;
  mkdirSync(legacy.state, { recursive: true });
  const body = trafficNdjson(25, 9, false);
  writeFileSync(join(legacy.state, "journal.log"), `B 1000 ${Buffer.byteLength(body)}\n${body}\n`);
  const l = await start(legacy);
  try {
    assert.equal(l.monitor.window.events, 25);
    assert.ok(!existsSync(join(legacy.state, "journal.log")));
  } finally {
    await l.shutdown();
  }
});

test("compaction: a journal grown by checkpointBytes since the last snapshot triggers a checkpoint; a crash then recovers every batch once", async () => {
  const { config } = setupMonitor({ window: { size: 1_000_000 } });
  const m = await startMonitor(config, {
    env: {},
    logger: silent,
    port: 0,
    tickIntervalMs: 0,
    checkpointBytes: 20_000,
  });
  let crashed: MonitorConfig;
  let events = 0;
  try {
    const bodies = [1, 2, 3, 4, 5, 6].map((seed) => trafficNdjson(100, seed, false)); // about 10 kB each
    for (const body of bodies) assert.equal((await postEvents(m.url, body)).status, 202);
    await waitFor("a snapshot written without the timer or checkpoint()", () =>
      existsSync(join(config.state, "snapshot.json")),
    );
    // Ingest goes on while a checkpoint writes, so the segment it rolls to may start past what its snapshot covers;
    // that segment's predecessor goes with the next checkpoint, which more growth brings.
    let posted = bodies.length;
    while (listSegments(join(config.state, "journal"))[0]!.start === 0 && posted < 30) {
      assert.equal((await postEvents(m.url, trafficNdjson(100, ++posted, false))).status, 202);
      await waitFor("", () => listSegments(join(config.state, "journal"))[0]!.start > 0, 200).catch(() => undefined);
    }
    await waitFor("the covered segments deleted", () => listSegments(join(config.state, "journal"))[0]!.start > 0);
    events = posted * 100;
    crashed = copyState(config);
  } finally {
    await m.shutdown();
  }
  const r = await start(crashed);
  try {
    assert.equal(r.monitor.window.events, events);
  } finally {
    await r.shutdown();
  }
});
