// What a busy fleet member writes to Redis per round for its open window: the window's mergeable state, whose
// sketches are bounded by their accuracy and the values' range, so it grows with the log of the events, not with
// them; and nothing in a round in which the window gained no events. One member with 20 numeric features on a manual
// clock and a real redis-server; what Redis receives is read from its INFO counters.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { resolveMonitorConfig } from "../../../monitor/config/monitorConfig.js";
import { startMonitor } from "../../../monitor/startMonitor.js";
import { buildProfile } from "../../../src/profile/buildProfile.js";
import { writeProfile } from "../../../src/profile/profileFile.js";
import { normals } from "../../helpers/random.js";
import { numericColumn, table } from "../../helpers/tables.js";
import { startRedisServer, type RedisServer } from "../../helpers/redisServer.js";
import { manualClock, postEvents } from "../monitorFixtures.js";
import { redisCommand } from "./planMembers.js";

const COLUMNS = 20;
/** Rounds per window: a 5 s period in a 1 m window. */
const ROUNDS = 12;

let redis: RedisServer;
const work = mkdtempSync(join(tmpdir(), "mg-fleet-partial-bytes-"));
before(async () => {
  redis = await startRedisServer();
});
after(async () => {
  await redis.stop();
  rmSync(work, { recursive: true, force: true });
});

const bytesIn = async () =>
  Number(/total_net_input_bytes:(\d+)/.exec((await redisCommand(redis.url, "INFO", "stats")) as string)![1]);

/** Bytes Redis received in each of a window's rounds, `perWindow` events a window spread over its rounds. */
async function roundBytes(perWindow: number, prefix: string): Promise<number[]> {
  const dir = mkdtempSync(join(work, "member-"));
  const column = (j: number, n: number, seed: number) => normals(n, seed + j, j, 1 + j / 10);
  const columns = Array.from({ length: COLUMNS }, (_, j) => numericColumn(`c${j}`, column(j, 5000, 100), "number"));
  writeProfile(join(dir, "profile.json"), buildProfile(table(columns), { createdAt: "2026-01-01T00:00:00.000Z" }));
  const config = resolveMonitorConfig(
    {
      model: "m",
      reference: "profile.json",
      state: "state",
      window: { duration: "1m", time: "processing" },
      fleet: { redis: redis.url, member: "m1", key_prefix: prefix, lease: "15s", grace: "10s" },
    },
    join(dir, "monitor.yml"),
  );
  const clock = manualClock();
  const m = await startMonitor(config, {
    env: {},
    logger: pino({ level: "silent" }),
    port: 0,
    now: clock.now,
    tickIntervalMs: 0,
    fleetRoundMs: 0,
    sender: null,
  });
  try {
    const values = Array.from({ length: COLUMNS }, (_, j) => column(j, perWindow, 200));
    const per = perWindow / ROUNDS;
    const sizes: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const lines: string[] = [];
      for (let i = r * per; i < (r + 1) * per; i++) {
        const features = Object.fromEntries(values.map((v, j) => [`c${j}`, v[i]]));
        lines.push(JSON.stringify({ features, prediction: 0 }));
      }
      assert.equal((await postEvents(m.url, lines.join("\n"))).status, 202);
      clock.advance(4000);
      await m.tick();
      const before = await bytesIn();
      await m.fleet!.round();
      sizes.push((await bytesIn()) - before);
    }
    // A round in which the open window gained nothing writes no partial: heartbeats and the lease only.
    clock.advance(500);
    const before = await bytesIn();
    await m.fleet!.round();
    sizes.push((await bytesIn()) - before);
    return sizes;
  } finally {
    await m.shutdown();
  }
}

test("a busy member's partial per round is bounded by its sketches: 10x the events of a window write at most 1.6x the bytes; a round without new events writes no partial", async (t) => {
  const small = await roundBytes(1000, "fleet-bytes-a:");
  const busy = await roundBytes(10_000, "fleet-bytes-b:");
  t.diagnostic(`bytes into Redis per round, 1,000 events a window x ${COLUMNS} features: ${small.join(" ")}`);
  t.diagnostic(`bytes into Redis per round, 10,000 events a window x ${COLUMNS} features: ${busy.join(" ")}`);
  const lastSmall = small[ROUNDS - 1]!;
  const lastBusy = busy[ROUNDS - 1]!;
  assert.ok(lastBusy > lastSmall, "more events fill more of the sketches' buckets");
  assert.ok(lastBusy < 1.6 * lastSmall, `bounded: ${lastBusy} B for 10,000 events vs ${lastSmall} B for 1,000`);
  // The idle round: no partial (a partial is tens of kilobytes here).
  assert.ok(busy[ROUNDS]! < 2000, `an idle round wrote ${busy[ROUNDS]} B`);
  assert.ok(small[ROUNDS]! < 2000, `an idle round wrote ${small[ROUNDS]} B`);
});
