// A full disk under the window reports and the outbox (the journal, on its own file system, still has room): the
// batch that closed the window is durable and answered 202, later ones get 503 until the writes are done, nothing
// decided is lost, and no GitHub request is sent before its outbox line is on disk.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  appendFileSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { pino } from "pino";
import { Outbox, type OutboxEntry } from "../../monitor/alerts/outbox.js";
import type { MonitorConfig } from "../../monitor/config/monitorConfig.js";
import { startMonitor } from "../../monitor/startMonitor.js";
import { StateWrites } from "../../monitor/state/stateWrites.js";
import { crashImage, postEvents, setupMonitor, trafficNdjson } from "./monitorFixtures.js";
import { fillDisk, mountSmallDisks, readyWithin } from "./smallDisks.js";

const silent = pino({ level: "silent" });

const reportPath = (config: MonitorConfig, index: number) =>
  join(config.state, "windows", `${String(index).padStart(8, "0")}.json`);

test("state writes: a full disk under the window reports and the outbox answers 503 + Retry-After (never 500), fails /readyz, sends nothing unrecorded, and recovers every report and entry", async (t) => {
  const { dir, config } = setupMonitor({ window: { size: 100 }, alert: { consecutive: 1 } });
  const journalDir = join(config.state, "journal");
  // The journal keeps room: only the window reports and the outbox (in the state directory itself) hit the full disk.
  const unmount = mountSmallDisks(t, dir, [
    [config.state, "256k"],
    [journalDir, "8m"],
  ]);
  if (!unmount) return;
  const images: string[] = [];
  const sent: string[] = [];
  const sender = (entry: OutboxEntry) => {
    sent.push(entry.id);
    return Promise.resolve();
  };
  const filler = join(config.state, "filler");
  let decided: string[] = [];
  try {
    const m = await startMonitor(config, { env: {}, logger: silent, port: 0, tickIntervalMs: 0, sender });
    try {
      assert.equal((await postEvents(m.url, trafficNdjson(100, 1, false))).status, 202);
      assert.ok(existsSync(reportPath(config, 0)));
      fillDisk(filler);

      // This batch is durable in the journal and closes window 1 (drifted: an alert): the report and the outbox entry
      // wait in memory, and the batch is answered as accepted, since it is.
      const closing = await postEvents(m.url, trafficNdjson(100, 2, true));
      assert.equal(closing.status, 202, JSON.stringify(closing.body));
      assert.equal(m.monitor.window.index, 2);
      assert.equal(m.monitor.recent[1]!.dataset_drifted, true);
      decided = m.outbox.pending().map((e) => e.id);
      assert.ok(decided.length > 0, "window 1 decided an alert");
      await new Promise((r) => setTimeout(r, 50));
      assert.deepEqual(sent, [], "no request is sent before its outbox line is on disk");

      for (const seed of [3, 4]) {
        const r = await fetch(`${m.url}/v1/events`, { method: "POST", body: trafficNdjson(100, seed, false) });
        assert.equal(r.status, 503);
        assert.ok(Number(r.headers.get("retry-after")) >= 1, "Retry-After says when to try again");
        const body = (await r.json()) as { error: string };
        assert.match(body.error, /window report .*00000001\.json/);
        assert.match(body.error, /ENOSPC/);
        assert.match(body.error, /not accepted/);
      }
      const unready = await fetch(`${m.url}/readyz`);
      assert.equal(unready.status, 503);
      assert.match(((await unready.json()) as { journal: string }).journal, /ENOSPC/);
      // The retry (every second) meets the same full disk: still unready, still nothing sent.
      await new Promise((r) => setTimeout(r, 1200));
      assert.equal((await fetch(`${m.url}/readyz`)).status, 503);
      assert.deepEqual(sent, []);
      // No snapshot past the waiting writes: a crash now replays the journal and makes them again.
      await assert.rejects(m.checkpoint(), /window report/);
      const during = crashImage(config);
      images.push(during.state);
      rmSync(join(during.state, "filler"));
      const r = await startMonitor(during, { env: {}, logger: silent, port: 0, tickIntervalMs: 0 });
      try {
        assert.equal(r.monitor.window.index, 2, "a crash while the writes wait recovers both windows");
        assert.ok(existsSync(reportPath(during, 1)));
        assert.deepEqual(
          r.outbox.all().map((e) => e.id),
          decided,
        );
      } finally {
        await r.shutdown();
      }

      rmSync(filler);
      await readyWithin(m.url, 500);
      const report = JSON.parse(readFileSync(reportPath(config, 1), "utf8")) as { window: number; events: number };
      assert.equal(report.window, 1);
      assert.equal(report.events, 100);
      for (let i = 0; i < 200 && sent.length < decided.length; i++) await new Promise((r) => setTimeout(r, 10));
      assert.deepEqual(sent, decided, "sent once its line is on disk, in order");
      assert.equal((await postEvents(m.url, trafficNdjson(100, 5, false))).status, 202);
    } finally {
      rmSync(filler, { force: true });
      await m.shutdown();
    }
    // Every line of the outbox reads back (no torn line from the failed appends), and the entries are all there, sent.
    const lines = readFileSync(join(config.state, "outbox.jsonl"), "utf8").trimEnd().split("\n");
    for (const line of lines) JSON.parse(line);
    const again = new Outbox(join(config.state, "outbox.jsonl"), null);
    assert.deepEqual(
      again.all().map((e) => e.id),
      decided,
    );
    assert.deepEqual(again.pending(), []);
  } finally {
    unmount();
    rmSync(dir, { recursive: true, force: true });
    for (const s of images) rmSync(s, { recursive: true, force: true });
  }
});

test("outbox: an append that failed part-way is cut back before the retry, so the next line does not run into it", async (t) => {
  const { dir, config } = setupMonitor();
  const unmount = mountSmallDisks(t, dir, [[config.state, "64k"]]);
  if (!unmount) return;
  const path = join(config.state, "outbox.jsonl");
  const writes = new StateWrites({ retryMs: 60_000 });
  try {
    const outbox = new Outbox(path, null, { writes });
    const entry = (i: number, size: number): OutboxEntry => ({
      id: `w${i}`,
      kind: "issue.open",
      method: "POST",
      path: "/repos/o/r/issues",
      body: { text: "x".repeat(size) },
      created_at: "2026-01-01T00:00:00.000Z",
    });
    assert.ok(outbox.add(entry(0, 10)));
    const firstLine = statSync(path).size;
    // Leave less room than the next line needs: its write stops part-way (a torn line on disk).
    const filler = join(config.state, "filler");
    fillDisk(filler);
    rmSync(filler);
    const fd = openSync(filler, "w");
    const room = 64 * 1024 - 8192;
    writeSync(fd, Buffer.alloc(room, 1));
    closeSync(fd);
    assert.ok(outbox.add(entry(1, 32 * 1024)), "recorded in memory");
    assert.ok(outbox.add(entry(2, 10)));
    assert.ok(writes.unavailable, "the append failed");
    assert.match(writes.unavailable.message, /outbox/);
    assert.equal(writes.pending, 2);
    assert.ok(statSync(path).size > firstLine, "the failed append left part of its line");
    rmSync(filler);
    assert.equal(writes.retryNow(), true);
    assert.equal(writes.unavailable, null);
    const again = new Outbox(path, null);
    assert.deepEqual(
      again.all().map((e) => e.id),
      ["w0", "w1", "w2"],
    );
  } finally {
    writes.close();
    unmount();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("outbox: a last line without its newline (a write that never completed) is not an entry, even when it parses, and the next append replaces it", () => {
  const { dir, config } = setupMonitor();
  mkdirSync(config.state);
  const path = join(config.state, "outbox.jsonl");
  const entry = (id: string): OutboxEntry => ({
    id,
    kind: "issue.open",
    method: "POST",
    path: "/repos/o/r/issues",
    body: {},
    created_at: "2026-01-01T00:00:00.000Z",
  });
  try {
    writeFileSync(path, JSON.stringify(entry("w0")) + "\n");
    appendFileSync(path, JSON.stringify(entry("w1")));
    const outbox = new Outbox(path, null);
    assert.deepEqual(
      outbox.all().map((e) => e.id),
      ["w0"],
    );
    // The replayed decision records it again, once, after the complete line.
    assert.equal(outbox.add(entry("w1")), true);
    assert.equal(readFileSync(path, "utf8"), [entry("w0"), entry("w1")].map((e) => JSON.stringify(e) + "\n").join(""));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
