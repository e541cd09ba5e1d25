// A large label backlog (issue 15): the label join's waiting events and labels are checkpointed in chunks to their own
// file (snapshot version 2) while ingest goes on, round-trip exactly (every waiting side joins after a restart), and
// a crash at any step of a checkpoint leaves a state that starts with nothing lost.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pino } from "pino";
import type { MonitorConfig } from "../../monitor/config/monitorConfig.js";
import type { LabelJoinJson } from "../../monitor/labels/labelJoin.js";
import type { JoinedRows, JoinedRowsSink } from "../../monitor/performance/joinedRowsSink.js";
import { startMonitor, type RunningMonitor } from "../../monitor/startMonitor.js";
import { ModelguardError } from "../../src/errors.js";
import { crashImage, manualClock, setupMonitor } from "./monitorFixtures.js";

const silent = pino({ level: "silent" });
const BATCH = 20_000;

class CountingSink implements JoinedRowsSink {
  rows = 0;
  /** The window event k was counted in (arrival order decides it, not k). */
  windowOf: (k: number) => number = (k) => Math.floor(k / 100_000);
  /** Rows whose window, prediction, probability and label are not those the generator gave the id. */
  wrong: string[] = [];
  addJoined(r: JoinedRows): void {
    for (let i = 0; i < r.length; i++) {
      this.rows++;
      const k = Number(r.probability[i]) * 1e6;
      const want = [this.windowOf(Math.round(k)), prediction(Math.round(k)), label(Math.round(k))];
      const got = [r.window[i], r.prediction[i], r.label[i]];
      if (JSON.stringify(got) !== JSON.stringify(want))
        this.wrong.push(`${JSON.stringify(got)} != ${JSON.stringify(want)}`);
    }
  }
}

/** Event k's prediction: each kind a value column holds. */
function prediction(k: number): number | string | boolean | null {
  return [k % 7, `class-${k % 3}`, k % 2 === 0, null][k % 4]!;
}

function label(k: number): number | string | boolean {
  return [k % 2, `class-${k % 3}`, k % 3 === 0][k % 3]!;
}

/** Events k in [from, to): id "e<k>", probability k/1e6 (unique, so a joined row tells which event it was). */
function events(from: number, to: number): string {
  let s = "";
  for (let k = from; k < to; k++) {
    s += `${JSON.stringify({ id: `e${k}`, features: { x: (k % 100) / 50 - 1, y: 10, plan: "pro" }, prediction: prediction(k), probability: k / 1e6 })}\n`;
  }
  return s;
}

/** Labels of events k in [from, to): ids "e<k>". */
function labels(from: number, to: number): string {
  let s = "";
  for (let k = from; k < to; k++) s += `${JSON.stringify({ id: `e${k}`, label: label(k) })}\n`;
  return s;
}

async function post(url: string, path: string, body: string): Promise<Record<string, unknown>> {
  for (let at = 0; at < body.length;) {
    // Batches of BATCH lines, within the body limit.
    let end = at;
    for (let n = 0; n < BATCH && end < body.length; n++) end = body.indexOf("\n", end) + 1 || body.length;
    const r = await fetch(`${url}${path}`, { method: "POST", body: body.slice(at, end) });
    const answer = (await r.json()) as Record<string, unknown>;
    assert.equal(r.status, 202, JSON.stringify(answer));
    at = end;
    if (at >= body.length) return answer;
  }
  return {};
}

function configWith(): MonitorConfig {
  return setupMonitor({ window: { size: 100_000 }, labels: { max_delay: "7d", max_pending: 300_000 } }).config;
}

async function start(config: MonitorConfig): Promise<{ m: RunningMonitor; sink: CountingSink }> {
  const m = await startMonitor(config, {
    env: {},
    logger: silent,
    port: 0,
    sender: null,
    tickIntervalMs: 0,
    pollIntervalMs: 0,
    now: manualClock().now,
  });
  const sink = new CountingSink();
  m.monitor.labels!.setSink(sink);
  return { m, sink };
}

function stateOf(m: RunningMonitor): LabelJoinJson {
  return m.monitor.labels!.toJson();
}

test("a backlog of 120,000 waiting events and 30,000 waiting labels: the checkpoint yields to the event loop, and the state round-trips exactly (snapshot alone, and snapshot + journal)", async () => {
  const config = configWith();
  const { m } = await start(config);
  let restarted: RunningMonitor | null = null;
  try {
    await post(m.url, "/v1/events", events(0, 120_000));
    // Labels of events that have not come yet: they wait.
    await post(m.url, "/v1/labels", labels(300_000, 330_000));
    assert.deepEqual([m.monitor.labels!.waitingEvents, m.monitor.labels!.waitingLabels], [120_000, 30_000]);

    let ticks = 0;
    const ticker = setInterval(() => ticks++, 1);
    let ticksDuringCheckpoint: number;
    try {
      const checkpoint = m.checkpoint().then(() => (ticksDuringCheckpoint = ticks));
      // Ingest goes on during the checkpoint: events whose labels wait, labels of waiting events, new waiting events.
      const during = (async () => {
        await post(m.url, "/v1/events", events(300_000, 301_000));
        await post(m.url, "/v1/labels", labels(0, 1000));
        await post(m.url, "/v1/events", events(120_000, 121_000));
      })();
      await Promise.all([checkpoint, during]);
    } finally {
      clearInterval(ticker);
    }
    // A checkpoint that blocked the event loop would have let the 1 ms ticker run once or not at all.
    assert.ok(ticksDuringCheckpoint! >= 5, `the ticker ran ${ticksDuringCheckpoint!} times during the checkpoint`);
    const files = readdirSync(config.state).filter((f) => f.startsWith("join-"));
    assert.equal(files.length, 1, files.join(", "));

    const live = stateOf(m);
    assert.equal(live.events.id.length, 120_000);
    assert.equal(live.labels.id.length, 29_000);
    assert.equal(live.counts.matched, 2000);

    // The snapshot as it is (its offset may be before the batches posted during it) + the journal after it.
    const image = crashImage(config);
    await m.shutdown();
    restarted = (await start(image)).m;
    assert.deepEqual(stateOf(restarted), live);
    await restarted.shutdown();
    restarted = null;

    // The shutdown snapshot alone (nothing to replay); then every waiting side joins.
    const again = await start(config);
    restarted = again.m;
    // e0..e99999 came first (window 0); every later event is in window 1 (151,000 events in all).
    again.sink.windowOf = (k) => (k < 100_000 ? 0 : 1);
    assert.deepEqual(stateOf(restarted), live);
    await post(restarted.url, "/v1/labels", labels(1000, 121_000));
    await post(restarted.url, "/v1/events", events(301_000, 330_000));
    const join = restarted.monitor.labels!;
    assert.deepEqual([join.waitingEvents, join.waitingLabels], [0, 0]);
    assert.equal(join.counts.matched, 2000 + 120_000 + 29_000);
    assert.equal(again.sink.rows, 149_000);
    assert.deepEqual(again.sink.wrong.slice(0, 5), []);
  } finally {
    await m.shutdown();
    await restarted?.shutdown();
  }
});

test("a crash at any step of a checkpoint of a backlog (mid-file included) leaves a state that starts with nothing lost", async () => {
  const config = configWith();
  const { m } = await start(config);
  const images: [step: string, config: MonitorConfig][] = [];
  try {
    await post(m.url, "/v1/events", events(0, 40_000));
    await m.checkpoint();
    // More waiting sides and joins after the first snapshot: a crash must not lose them.
    await post(m.url, "/v1/events", events(40_000, 80_000));
    await post(m.url, "/v1/labels", labels(0, 5000));
    await post(m.url, "/v1/labels", labels(300_000, 310_000));
    const live = stateOf(m);
    let chunks = 0;
    // Copies after the first chunk, the ninth, the file, the snapshot's temp file and its rename (the journal's
    // compaction steps after it are monitorCompaction.test.ts's).
    await m.checkpoint((step) => {
      if (step === "label join chunk written" && ++chunks !== 1 && chunks !== 9) return;
      if (step === "rolled" || step.startsWith("deleted")) return;
      images.push([`${step}${step === "label join chunk written" ? ` ${chunks}` : ""}`, crashImage(config)]);
    });
    assert.deepEqual(
      images.map(([step]) => step),
      [
        "label join chunk written 1",
        "label join chunk written 9",
        "label join file written",
        "snapshot temp written",
        "snapshot renamed",
      ],
    );
    assert.ok(chunks >= 8, `${chunks} chunks`);
    assert.ok(
      images.some(([, c]) => readdirSync(c.state).some((f) => f.endsWith(".bin.tmp"))),
      "a copy mid-file",
    );
    for (const [step, image] of images) {
      const r = (await start(image)).m;
      try {
        assert.deepEqual(stateOf(r), live, `crash at '${step}'`);
        // The half-written file and the older snapshot's file are gone once a snapshot names its own.
        const left = readdirSync(image.state).filter((f) => f.startsWith("join-"));
        const named = (
          JSON.parse(readFileSync(join(image.state, "snapshot.json"), "utf8")) as { labels: { columns_file: string } }
        ).labels.columns_file;
        assert.deepEqual(left, [named], `crash at '${step}'`);
      } finally {
        await r.shutdown();
      }
    }
  } finally {
    await m.shutdown();
  }
});

test("snapshots: a damaged label join file refuses to start, naming it and what to do; a version-1 snapshot (labels inline) still loads", async () => {
  const config = configWith();
  const { m } = await start(config);
  let live: LabelJoinJson;
  try {
    await post(m.url, "/v1/events", events(0, 3000));
    await post(m.url, "/v1/labels", labels(0, 1000));
    await post(m.url, "/v1/labels", labels(300_000, 300_500));
    live = stateOf(m);
  } finally {
    await m.shutdown();
  }
  const snapshotPath = join(config.state, "snapshot.json");
  const snapshot = JSON.parse(readFileSync(snapshotPath, "utf8")) as Record<string, unknown> & {
    version: number;
    labels: Record<string, unknown> & { columns_file: string };
  };
  assert.equal(snapshot.version, 2);
  const file = join(config.state, snapshot.labels.columns_file);
  const bytes = readFileSync(file);

  const refused = async (what: string) => {
    await assert.rejects(start(config), (e: unknown) => {
      assert.ok(e instanceof ModelguardError, String(e));
      assert.equal(e.code, "input");
      assert.match(e.message, /snapshot\.json: the monitor snapshot cannot be read/, what);
      assert.match(e.message, /join-[0-9]{16}-[0-9a-f]{8}\.bin/, what);
      assert.match(e.hint ?? "", /Restore the snapshot and its label join file from a backup/, what);
      return true;
    });
  };
  const flipped = Buffer.from(bytes);
  const middle = Math.floor(bytes.length / 2);
  flipped[middle] = flipped[middle]! ^ 0x10;
  writeFileSync(file, flipped);
  await refused("a flipped bit");
  writeFileSync(file, bytes.subarray(0, bytes.length - 100));
  await refused("cut short");
  rmSync(file);
  await refused("missing");

  // Version 1: the sides inline, as the previous release wrote them.
  const { columns_file: _, versions: __, ...small } = snapshot.labels;
  writeFileSync(snapshotPath, JSON.stringify({ ...snapshot, version: 1, labels: { ...small, ...live! } }));
  const { m: old, sink } = await start(config);
  sink.windowOf = () => 0;
  try {
    assert.deepEqual(stateOf(old), live!);
    await post(old.url, "/v1/labels", labels(1000, 3000));
    await post(old.url, "/v1/events", events(300_000, 300_500));
    assert.deepEqual([old.monitor.labels!.waitingEvents, old.monitor.labels!.waitingLabels], [0, 0]);
    assert.equal(sink.rows, 2500);
    assert.deepEqual(sink.wrong, []);
  } finally {
    await old.shutdown();
  }
  // Its shutdown wrote version 2.
  assert.equal((JSON.parse(readFileSync(snapshotPath, "utf8")) as { version: number }).version, 2);
});

test("a checkpoint at the offset of the snapshot in place (an idle monitor) writes a file of its own: a crash before its snapshot leaves the old pair whole", async () => {
  const config = configWith();
  const { m } = await start(config);
  const images: MonitorConfig[] = [];
  try {
    await post(m.url, "/v1/events", events(0, 2000));
    await post(m.url, "/v1/labels", labels(300_000, 300_100));
    await m.checkpoint();
    const snapshot = () =>
      (JSON.parse(readFileSync(join(config.state, "snapshot.json"), "utf8")) as { labels: { columns_file: string } })
        .labels.columns_file;
    const first = snapshot();
    const bytes = readFileSync(join(config.state, first));
    const live = stateOf(m);
    // No new record: the same journal offset. The crash comes after the new file's rename, before the snapshot's.
    await m.checkpoint((step) => {
      if (step === "label join file written") images.push(crashImage(config));
    });
    assert.equal(images.length, 1);
    const files = readdirSync(images[0]!.state).filter((f) => f.startsWith("join-"));
    assert.equal(files.length, 2, files.join(", "));
    assert.ok(
      readFileSync(join(images[0]!.state, first)).equals(bytes),
      "the file the old snapshot names is as it was",
    );
    assert.notEqual(snapshot(), first);
    const r = (await start(images[0]!)).m;
    try {
      assert.deepEqual(stateOf(r), live);
      assert.deepEqual(
        readdirSync(images[0]!.state).filter((f) => f.startsWith("join-")),
        [first],
        "the unnamed file is removed",
      );
    } finally {
      await r.shutdown();
    }
  } finally {
    await m.shutdown();
    for (const c of images) rmSync(c.state, { recursive: true, force: true });
  }
});
