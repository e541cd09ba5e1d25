// `modelguard monitor replay`: a prediction log through the monitor's windows and alert policy, dry run by default,
// checked against a live monitor fed the same events over HTTP.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { pino } from "pino";
import { startMonitor } from "../../monitor/startMonitor.js";
import { replayPredictionLog, type ReplayResult } from "../../monitor/replay/replayPredictionLog.js";
import type { OutboxEntry } from "../../monitor/alerts/outbox.js";
import { validateContract } from "../../src/contracts/validateContract.js";
import { runCli } from "../helpers/cli.js";
import { normals } from "../helpers/random.js";
import { manualClock, postEvents, setupMonitor } from "./monitorFixtures.js";

const silent = pino({ level: "silent" });
const HOUR = 3_600_000;
const T0 = Date.parse("2026-02-01T00:00:00.000Z");
const tmp = mkdtempSync(join(tmpdir(), "mg-monitor-replay-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** 5 hours of traffic, 400 events an hour, slightly out of order; x and y shift by 1.5 and 2 sd from hour 2 on. */
function trafficLog(): { lines: string[]; hours: string[][] } {
  const hours: string[][] = [];
  for (let h = 0; h < 5; h++) {
    const xs = normals(400, 100 + h, h >= 2 ? 1.5 : 0, 1);
    const ys = normals(400, 200 + h, h >= 2 ? 14 : 10, 2);
    hours.push(
      xs.map((x, i) => {
        // Every 10th event is stamped 40 s earlier than its neighbours: out of order, within its hour.
        const ts = T0 + h * HOUR + Math.floor((i * HOUR) / 400) - (i % 10 === 5 ? 40_000 : 0);
        const when = i % 2 === 0 ? new Date(ts).toISOString() : ts;
        return JSON.stringify({ ts: when, features: { x, y: ys[i], plan: ["basic", "pro", "team"][i % 3] } });
      }),
    );
  }
  return { lines: hours.flat(), hours };
}

const CONFIG = {
  window: { duration: "1h", time: "event", allowed_lateness: "1m" },
  alert: { consecutive: 2, cooldown: "1h", close_after_clean: 2 },
  github: { repository: "acme/fraud" },
};

test("replay: the windows and alerts of a month's log, dry run, the same as a live monitor fed the same traffic over HTTP", async () => {
  const { dir, config } = setupMonitor(CONFIG);
  const { lines, hours } = trafficLog();
  const log = join(tmp, "predictions.jsonl.gz");
  writeFileSync(log, gzipSync(["not json", ...lines, `{"no":"features"}`].join("\n") + "\n"));

  const r = await runCli("monitor", "replay", "--config", join(dir, "monitor.json"), "--from", log, "--json");
  assert.equal(r.code, 0, r.stderr);
  const replay = JSON.parse(r.stdout) as ReplayResult;
  assert.deepEqual(validateContract("monitor-replay.schema.json", replay), []);
  assert.equal(replay.sent, false);
  assert.equal(replay.events, 2000);
  assert.deepEqual(
    replay.malformed.first.map((m) => m.line),
    [1, 2002],
  );
  assert.equal(replay.windows.length, 5);
  assert.deepEqual(
    replay.windows.map((w) => [w.started_at, w.events, w.dataset_drifted]),
    [0, 1, 2, 3, 4].map((h) => [new Date(T0 + h * HOUR).toISOString(), 400, h >= 2]),
  );
  // Two drifted windows in a row (hours 2 and 3) open the issue; hour 4, still drifted an hour (the cooldown) later,
  // comments on it.
  assert.deepEqual(
    replay.alerts.map((a) => [a.kind, a.window]),
    [
      ["issue.open", 3],
      ["issue.update", 4],
    ],
  );

  // A live monitor fed the same events over HTTP, each hour's batch arriving at its last event's time.
  const clock = manualClock(T0);
  const m = await startMonitor(config, { env: {}, logger: silent, port: 0, now: clock.now, tickIntervalMs: 0 });
  try {
    for (const [h, batch] of hours.entries()) {
      clock.set(T0 + (h + 1) * HOUR - 1);
      assert.equal((await postEvents(m.url, batch.join("\n"))).status, 202);
    }
    clock.set(T0 + 6 * HOUR);
    await m.tick();
    assert.deepEqual(
      m.monitor.recent.map((w) => [w.window, w.started_at, w.closed_at, w.events, w.dataset_drifted]),
      replay.windows.map((w) => [w.window, w.started_at, w.closed_at, w.events, w.dataset_drifted]),
    );
    assert.deepEqual(
      m.outbox.all().map((e) => e.id),
      replay.alerts.map((a) => a.id),
    );
  } finally {
    await m.shutdown();
  }

  // The text form says what would have happened, window by window.
  const text = await runCli("monitor", "replay", "--config", join(dir, "monitor.json"), "--from", log);
  assert.equal(text.code, 0);
  assert.match(text.stdout, /2000 events in 5 closed windows \(dry run: nothing sent\)/);
  assert.match(
    text.stdout,
    /window 3 .* DRIFT \("x", "y".*\)\n {2}-> would issue\.open: POST \/repos\/acme\/fraud\/issues/,
  );
});

test("replay --send sends the decided alerts in order; without a token --send is a usage error; a missing log is exit 2", async () => {
  const { dir, config } = setupMonitor(CONFIG);
  const log = join(tmp, "predictions.jsonl");
  writeFileSync(log, trafficLog().lines.join("\n"));
  const sent: OutboxEntry[] = [];
  const r = await replayPredictionLog(config, {
    from: log,
    sender: async (e) => {
      sent.push(e);
    },
  });
  assert.equal(r.sent, true);
  assert.deepEqual(
    sent.map((e) => e.id),
    ["fraud:w3:issue.open", "fraud:w4:issue.update"],
  );
  assert.deepEqual(r.unsent, []);
  assert.deepEqual(validateContract("monitor-replay.schema.json", JSON.parse(JSON.stringify(r))), []);
  // The schema is not a formality: a window without its verdict, or a malformed line numbered 0, is refused.
  const broken = JSON.parse(JSON.stringify(r)) as { windows: Record<string, unknown>[]; malformed: unknown };
  delete broken.windows[0]!.dataset_drifted;
  broken.malformed = { count: 1, first: [{ line: 0, message: "x" }] };
  assert.deepEqual(validateContract("monitor-replay.schema.json", broken), [
    "malformed.first.0.line: must be >= 1",
    "windows.0: must have required property 'dataset_drifted'",
  ]);

  const saved = process.env.GITHUB_TOKEN;
  delete process.env.GITHUB_TOKEN;
  try {
    const noToken = await runCli("monitor", "replay", "--config", join(dir, "monitor.json"), "--from", log, "--send");
    assert.equal(noToken.code, 2);
    assert.match(noToken.stderr, /GITHUB_TOKEN/);
  } finally {
    if (saved !== undefined) process.env.GITHUB_TOKEN = saved;
  }
  const missing = await runCli("monitor", "replay", "--config", join(dir, "monitor.json"), "--from", join(tmp, "nope"));
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nope: cannot read the prediction log/);
});
