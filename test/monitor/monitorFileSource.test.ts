import { after, afterEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  appendFileSync,
  linkSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FileSource } from "../../monitor/ingest/fileSource.js";
import { Journal, segmentName, type JournalRecord, type SourcePosition } from "../../monitor/state/journal.js";
import { crc32c } from "../../monitor/state/crc32c.js";
import { pino } from "pino";
import { resolveMonitorConfig, type MonitorConfig } from "../../monitor/config/monitorConfig.js";
import { startMonitor, type RunningMonitor } from "../../monitor/startMonitor.js";
import { crashImage, manualClock, setupMonitor, trafficNdjson, waitFor } from "./monitorFixtures.js";

/** A monitor following `<dir>/predictions.jsonl`, timers off: the test polls. Logs are kept for assertions. */
function setup() {
  const { dir, config } = setupMonitor({ window: { size: 100000 }, source: { file: "predictions.jsonl" } });
  return { dir, config, file: join(dir, "predictions.jsonl") };
}

/** Every monitor a test started; shut down after each test even when an assertion failed (shutdown is idempotent). */
const started: RunningMonitor[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((m) => m.shutdown()));
});

/** Directories the tests below remove at the end (after every monitor on them has shut down). */
const removeAfter: string[] = [];
after(() => {
  for (const d of removeAfter) rmSync(d, { recursive: true, force: true });
});

async function start(config: MonitorConfig) {
  const logs: Record<string, unknown>[] = [];
  const logger = pino(
    { level: "info" },
    { write: (s: string) => void logs.push(JSON.parse(s) as Record<string, unknown>) },
  );
  const clock = manualClock();
  const m = await startMonitor(config, {
    env: {},
    logger,
    sender: null,
    port: 0,
    now: clock.now,
    tickIntervalMs: 0,
    pollIntervalMs: 0,
  });
  started.push(m);
  return Object.assign(m, { logs });
}

/** n well-formed lines, each ending in a newline. */
const lines = (n: number, seed: number) => trafficNdjson(n, seed, false) + "\n";

async function poll(m: RunningMonitor) {
  return m.source!.pollOnce();
}

async function eventsTotal(m: RunningMonitor): Promise<number> {
  const text = await m.metrics.registry.metrics();
  return Number(/^modelguard_monitor_events_total (\d+)$/m.exec(text)![1]);
}

test("config: source.file resolves from the config file, poll defaults to 1s, bad values are refused", () => {
  const { config } = setupMonitor({ source: { file: "logs/p.jsonl" } });
  assert.equal(config.source?.pollMs, 1000);
  assert.match(config.source!.file, /logs\/p\.jsonl$/);
  assert.ok(config.source!.file.startsWith("/"));
  assert.equal(setupMonitor().config.source, null);
  const withPoll = resolveMonitorConfig({ reference: "p.json", source: { file: "/x.jsonl", poll: "250ms" } }, "/m.yml");
  assert.deepEqual(withPoll.source, { file: "/x.jsonl", pollMs: 250 });
  assert.throws(() => resolveMonitorConfig({ reference: "p.json", source: { poll: "1s" } }, "/m.yml"), /file/);
  assert.throws(
    () => resolveMonitorConfig({ reference: "p.json", source: { file: "/x", poll: "0s" } }, "/m.yml"),
    /poll/,
  );
  assert.throws(() => resolveMonitorConfig({ reference: "p.json", source: { file: "/x", poll: "soon" } }, "/m.yml"));
});

test("file source: appended lines are counted, a partial line waits for its newline, malformed lines are skipped", async () => {
  const { config, file } = setup();
  const m = await start(config);
  try {
    // No file yet: nothing to read, not an error.
    assert.deepEqual(await poll(m), { events: 0, malformed: 0, rotated: false, truncated: false });
    writeFileSync(file, lines(3, 1) + '{"features":{"x":1.5,');
    assert.equal((await poll(m)).events, 3);
    assert.equal(m.monitor.window.events, 3);
    assert.equal((await poll(m)).events, 0, "the partial line is not consumed");
    appendFileSync(file, '"y":10,"plan":"pro"}}\n');
    assert.equal((await poll(m)).events, 1, "the line counts once its newline arrives");
    assert.equal(m.monitor.window.events, 4);

    // Lines 5-9: bad JSON, a blank line (ignored), an object without features, an array, then a good line.
    appendFileSync(file, '{"features":\n\n{"id":7}\n[1,2]\n' + lines(1, 2));
    const r = await poll(m);
    assert.deepEqual([r.events, r.malformed], [1, 3]);
    assert.equal(m.monitor.window.events, 5);
    assert.equal(await eventsTotal(m), 5);
    const text = await m.metrics.registry.metrics();
    assert.match(text, /^modelguard_monitor_rejected_total\{reason="source_malformed"\} 3$/m);
    const bad = m.logs.filter((l) => String(l.msg).includes("malformed prediction line"));
    assert.deepEqual(
      bad.map((l) => [l.file, l.line]),
      [
        [file, 5],
        [file, 7],
        [file, 8],
      ],
    );
    assert.match(String(bad[0]!.msg), /^predictions\.jsonl:5: /);
    assert.equal((await poll(m)).events, 0);
  } finally {
    await m.shutdown();
  }
});

test("file source: a UTF-8 byte order mark at byte 0 is skipped (also in the file after a rotation), not on later lines", async () => {
  const { config, file } = setup();
  const m = await start(config);
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);
  try {
    writeFileSync(file, Buffer.concat([bom, Buffer.from(lines(5, 1))]));
    assert.deepEqual(await poll(m), { events: 5, malformed: 0, rotated: false, truncated: false });
    assert.equal(await eventsTotal(m), 5);

    // A BOM in the middle of the file is not at its start: that line is malformed.
    appendFileSync(file, Buffer.concat([bom, Buffer.from(lines(1, 2))]));
    assert.deepEqual([(await poll(m)).malformed, await eventsTotal(m)], [1, 5]);

    // The new file after a rotation starts with its own BOM.
    renameSync(file, `${file}.1`);
    writeFileSync(file, Buffer.concat([bom, Buffer.from(lines(4, 3))]));
    const r = await poll(m);
    assert.deepEqual([r.events, r.malformed, r.rotated], [4, 0, true]);
    assert.equal(await eventsTotal(m), 9);
    assert.equal(m.monitor.window.events, 9);
  } finally {
    await m.shutdown();
  }
});

test("file source: rotation (rename + new file) loses nothing and counts nothing twice", async () => {
  const { config, file } = setup();
  const m = await start(config);
  try {
    writeFileSync(file, lines(3, 1));
    assert.equal((await poll(m)).events, 3);
    appendFileSync(file, lines(2, 2)); // B: written before the rotation, not yet read
    renameSync(file, file + ".1");
    appendFileSync(file + ".1", lines(2, 3)); // C: the writer still had the old file open
    writeFileSync(file, lines(4, 4)); // D: the new file
    const r = await poll(m);
    assert.deepEqual([r.events, r.rotated], [8, true]);
    assert.equal(m.monitor.window.events, 11);
    assert.equal((await poll(m)).events, 0);
    appendFileSync(file, lines(1, 5));
    assert.equal((await poll(m)).events, 1);

    // Renamed away, new file not created yet: keep following the old one; switch once the new one appears.
    renameSync(file, file + ".2");
    appendFileSync(file + ".2", lines(2, 6) + '{"features":{"x":2,"y":9,"plan":"team"}}');
    const gap = await poll(m);
    assert.deepEqual(
      [gap.events, gap.rotated],
      [2, false],
      "the unterminated last line waits while the path is missing",
    );
    writeFileSync(file, lines(3, 7));
    const back = await poll(m);
    // The old file's unterminated last line is read as the file is left, then the 3 lines of the new one.
    assert.deepEqual([back.events, back.rotated], [4, true]);
    assert.equal(m.monitor.window.events, 11 + 1 + 2 + 4);
    assert.equal(await eventsTotal(m), 18);
    assert.equal((await poll(m)).events, 0);
  } finally {
    await m.shutdown();
  }
});

test("file source: truncation in place restarts at byte 0", async () => {
  const { config, file } = setup();
  const m = await start(config);
  try {
    writeFileSync(file, lines(5, 1));
    assert.equal((await poll(m)).events, 5);
    const ino = statSync(file).ino;
    truncateSync(file, 0);
    appendFileSync(file, lines(2, 2));
    assert.equal(statSync(file).ino, ino);
    const r = await poll(m);
    assert.deepEqual([r.events, r.truncated, r.rotated], [2, true, false]);
    assert.equal(m.monitor.window.events, 7);
    appendFileSync(file, lines(1, 3));
    assert.deepEqual([(await poll(m)).events, m.monitor.window.events], [1, 8]);
  } finally {
    await m.shutdown();
  }
});

test("file source: after kill -9 the journal's position resumes reading exactly once (with and without a snapshot)", async () => {
  const { config, file } = setup();
  const a = await start(config);
  writeFileSync(file, lines(4, 1));
  assert.equal((await poll(a)).events, 4);
  const crash1 = crashImage(config); // journal holds the 4 lines and the position after them; no snapshot
  appendFileSync(file, lines(3, 2));
  await a.shutdown();

  const b = await start(crash1);
  assert.equal(b.monitor.window.events, 4, "replayed from the journal");
  assert.equal((await poll(b)).events, 3, "only the lines after the journaled position");
  assert.equal(b.monitor.window.events, 7);
  assert.equal((await poll(b)).events, 0);
  await b.checkpoint(); // snapshot covers the position; the journal is compacted
  appendFileSync(file, lines(2, 3));
  assert.equal((await poll(b)).events, 2);
  const crash2 = crashImage(crash1); // snapshot at 7 + one journaled source record
  await b.shutdown();

  const c = await start(crash2);
  assert.equal(c.monitor.window.events, 9);
  assert.equal((await poll(c)).events, 0);
  appendFileSync(file, lines(1, 4));
  assert.equal((await poll(c)).events, 1);
  await c.shutdown(); // clean stop: the snapshot alone carries the position

  const d = await start(crash2);
  assert.equal(d.monitor.window.events, 10);
  assert.equal((await poll(d)).events, 0);
  await d.shutdown();
});

test("file source: a torn last journal record takes its position with it, so its lines are read again once", async () => {
  const { config, file } = setup();
  const a = await start(config);
  writeFileSync(file, lines(4, 1));
  assert.equal((await poll(a)).events, 4);
  appendFileSync(file, lines(3, 2));
  assert.equal((await poll(a)).events, 3);
  const crash = crashImage(config);
  await a.shutdown();
  // The crash hit while the second record was being written: its last byte never reached the disk.
  const jdir = join(crash.state, "journal");
  const last = readdirSync(jdir).sort().pop()!;
  truncateSync(join(jdir, last), statSync(join(jdir, last)).size - 1);

  const b = await start(crash);
  assert.equal(b.monitor.window.events, 4);
  assert.equal((await poll(b)).events, 3);
  assert.equal(b.monitor.window.events, 7);
  assert.equal((await poll(b)).events, 0);
  await b.shutdown();
});

test("file source: rotated while stopped, the rest of the old file is read from its new name in the same directory", async () => {
  const { config, file } = setup();
  const a = await start(config);
  writeFileSync(file, lines(3, 1));
  assert.equal((await poll(a)).events, 3);
  const crash = crashImage(config);
  const crashAgain = crashImage(config);
  await a.shutdown();
  appendFileSync(file, lines(2, 2));
  renameSync(file, file + ".1");
  writeFileSync(file, lines(4, 3));

  const b = await start(crash);
  assert.equal(b.monitor.window.events, 3);
  const r = await poll(b);
  assert.deepEqual([r.events, r.rotated], [6, true]);
  assert.equal(b.monitor.window.events, 9);
  assert.equal((await poll(b)).events, 0);
  await b.shutdown();

  // The old file gone as well: the new file is read from its start, the old file's unread lines are lost (logged).
  const c = await start(crashAgain);
  renameSync(file + ".1", join(config.state, "elsewhere.jsonl"));
  assert.equal((await poll(c)).events, 4);
  assert.equal(c.monitor.window.events, 7);
  assert.ok(c.logs.some((l) => String(l.msg).includes("old file is gone")));
  await c.shutdown();
});

test("FileSource: lines split across small read chunks (and one longer than a chunk) are committed whole, in order", async () => {
  const dir = mkdtempSync(join(tmpdir(), "mg-filesource-"));
  removeAfter.push(dir);
  const file = join(dir, "p.jsonl");
  const body = Array.from({ length: 20 }, (_, i) =>
    JSON.stringify({ id: i, features: { x: i, s: "v".repeat(i * 3) } }),
  );
  writeFileSync(file, body.join("\n") + "\n" + '{"id":20,');
  const commits: { body: string; ids: unknown[]; position: SourcePosition }[] = [];
  const source = new FileSource({
    file,
    start: null,
    chunkBytes: 16,
    log: { info: () => {}, warn: () => {} },
    commit: (b, events, position) => {
      commits.push({ body: b.toString(), ids: events.map((e) => e.id), position });
      return Promise.resolve();
    },
  });
  const r = await source.pollOnce();
  assert.equal(r.events, 20);
  assert.ok(commits.length > 1, "more than one record for more than one chunk");
  assert.deepEqual(
    commits.flatMap((c) => c.ids),
    Array.from({ length: 20 }, (_, i) => i),
  );
  assert.equal(commits.map((c) => c.body).join("\n"), body.join("\n"));
  const last = commits[commits.length - 1]!.position;
  assert.deepEqual([last.offset, last.line], [Buffer.byteLength(body.join("\n") + "\n"), 20]);
  assert.equal(String(statSync(file, { bigint: true }).ino), last.ino);
  appendFileSync(file, '"features":{"x":0}}\n');
  assert.equal((await source.pollOnce()).events, 1);
  await source.close();
  assert.equal((await source.pollOnce()).events, 0, "closed: reads nothing");
});

test("file source: started while the path is absent (on a restart too), the poll timer keeps looking and reads the file once it appears", async () => {
  const { config, file, dir } = setup();
  removeAfter.push(dir);
  const timed = (c: MonitorConfig) =>
    startMonitor(c, { env: {}, logger: pino({ level: "silent" }), sender: null, port: 0, pollIntervalMs: 10 });
  const a = await timed(config);
  started.push(a);
  await new Promise((r) => setTimeout(r, 50)); // several polls find nothing
  writeFileSync(file, lines(3, 1));
  await waitFor("the file's lines after it appeared", () => a.monitor.window.events === 3);
  const crash = crashImage(config);
  removeAfter.push(crash.state);
  await a.shutdown();

  // A second link keeps the old file's inode in use, so the re-created file cannot get the same inode number back: a
  // saved position is matched by device and inode, and a reused inode would be taken for the old file (a known gap,
  // not what this test is about).
  linkSync(file, join(dir, "old-prediction-log"));
  rmSync(file);
  const b = await timed(crash);
  started.push(b);
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(b.monitor.window.events, 3);
  writeFileSync(file, lines(5, 2));
  await waitFor("the re-created file's lines", () => b.monitor.window.events === 8);
});

test("file source: restarted while the path is absent (rotated, no new file yet), the renamed file is followed until the path appears", async () => {
  const { config, file, dir } = setup();
  removeAfter.push(dir);
  const a = await start(config);
  writeFileSync(file, lines(3, 1));
  assert.equal((await poll(a)).events, 3);
  const crash = crashImage(config);
  removeAfter.push(crash.state);
  await a.shutdown();
  appendFileSync(file, lines(2, 2));
  renameSync(file, file + ".1"); // rotated; the writer has not created the new file yet

  const b = await start(crash);
  assert.equal(b.monitor.window.events, 3);
  assert.equal((await poll(b)).events, 2, "the rest of the renamed file, while the path is absent");
  appendFileSync(file + ".1", lines(1, 3) + '{"features":{"x":'); // the writer still has it open
  assert.equal((await poll(b)).events, 1, "a partial last line waits");
  assert.ok(b.logs.some((l) => String(l.msg).includes("following the renamed file")));
  appendFileSync(file + ".1", "1}}\n");
  writeFileSync(file, lines(4, 4));
  const r = await poll(b);
  assert.deepEqual([r.events, r.rotated], [5, true], "the completed line of the old file, then the new file");
  assert.equal(b.monitor.window.events, 11);
  assert.equal((await poll(b)).events, 0, "nothing counted twice");
  await b.shutdown();
});

test("file source: restarted after a rotation that gave the new file the old one's inode, the new file is read from its first line (inode + fingerprint)", async (t) => {
  /** Starts a monitor on `c` and checks that the file at the saved inode, now another one, is read whole. */
  async function readsNewFileWhole(what: string, c: MonitorConfig, ino: number, newLines: number) {
    const b = await start(c);
    try {
      assert.equal(b.monitor.window.events, 6, what);
      const saved = b.monitor.sourcePosition!;
      assert.equal(saved.ino, String(ino), what);
      assert.equal(saved.fingerprint?.bytes, Math.min(1024, saved.offset), `${what}: the position has a fingerprint`);
      const r = await poll(b);
      assert.equal(r.events, newLines, `${what}: every line of the new file, none skipped`);
      assert.equal(b.monitor.window.events, 6 + newLines, what);
      assert.ok(
        b.logs.some((l) => String(l.msg).includes("another file")),
        `${what}: the log says the inode was reused`,
      );
      assert.equal((await poll(b)).events, 0, what);
    } finally {
      await b.shutdown();
    }
  }
  const { config, file } = setup();
  const a = await start(config);
  writeFileSync(file, lines(6, 1));
  assert.equal((await poll(a)).events, 6);
  const crash = crashImage(config); // the position only in the journal's last source record
  const crashAgain = crashImage(config);
  await a.shutdown(); // and in the snapshot
  const ino = statSync(file).ino;

  // What the monitor sees after an inode reuse, made certain: the same inode, other bytes, longer than the offset.
  writeFileSync(file, lines(10, 2));
  assert.equal(statSync(file).ino, ino);
  await readsNewFileWhole("from the journal after kill -9", crash, ino, 10);
  await readsNewFileWhole("from the snapshot", config, ino, 10);

  // A real delete + create: ext4 (and others) hand a freed inode to one of the next files created.
  rmSync(file);
  const spares: string[] = [];
  let reused = false;
  for (let i = 0; i < 64 && !reused; i++) {
    const candidate = `${file}.new${i}`;
    writeFileSync(candidate, lines(12, 3));
    if (statSync(candidate).ino === ino) {
      renameSync(candidate, file);
      reused = true;
    } else spares.push(candidate);
  }
  for (const f of spares) rmSync(f);
  if (!reused) {
    t.diagnostic(`this file system gave none of 64 new files the freed inode ${ino}: only the rewrite was tested`);
    return;
  }
  await readsNewFileWhole("a reused inode, from the journal", crashAgain, ino, 12);
});

test("file source: a followed file rewritten in place past the read position (same inode, other first bytes) is read again from byte 0", async () => {
  const { config, file } = setup();
  const m = await start(config);
  try {
    writeFileSync(file, lines(3, 1));
    assert.equal((await poll(m)).events, 3);
    const ino = statSync(file).ino;
    const before = statSync(file).size;
    // copytruncate, then more written than was read before the next poll: by size alone this is not a truncation.
    writeFileSync(file, lines(8, 5));
    assert.equal(statSync(file).ino, ino);
    assert.ok(statSync(file).size > before);
    const r = await poll(m);
    assert.deepEqual([r.events, r.malformed, r.truncated, r.rotated], [8, 0, true, false]);
    assert.equal(m.monitor.window.events, 11);
    assert.ok(m.logs.some((l) => String(l.msg).includes("first bytes changed")));
    // The fingerprint grows with what is read (up to 1024 bytes), and a plain append is not taken for a rewrite.
    appendFileSync(file, lines(20, 6));
    assert.deepEqual([(await poll(m)).events, m.monitor.window.events], [20, 31]);
    assert.equal(m.monitor.sourcePosition?.fingerprint?.bytes, 1024);
    appendFileSync(file, lines(1, 7));
    const again = await poll(m);
    assert.deepEqual([again.events, again.truncated], [1, false]);
  } finally {
    await m.shutdown();
  }
});

test("journal: f records without a fingerprint (an older monitor's) still replay, matched by inode alone; one whose fingerprint covers bytes past its offset is damage", async () => {
  const dir = mkdtempSync(join(tmpdir(), "mg-journal-fp-"));
  removeAfter.push(dir);
  const hex = (n: number) => n.toString(16).padStart(8, "0");
  const record = (fields: string, body: string) => {
    const head = `${fields} ${Buffer.byteLength(body)} ${hex(crc32c(Buffer.from(body)))}`;
    return `${head} ${hex(crc32c(Buffer.from(head, "latin1")))}\n${body}\n`;
  };
  const body = '{"features":{"x":1}}';
  const replay = async (text: string) => {
    const jdir = mkdtempSync(join(dir, "journal-"));
    writeFileSync(join(jdir, segmentName(0)), text);
    const seen: SourcePosition[] = [];
    const opened = await Journal.open(jdir, 0, (r: JournalRecord) => {
      if (r.type === "source") seen.push(r.position);
    });
    await opened.journal.close();
    return seen;
  };
  assert.deepEqual(await replay(record("f 1000 64 77 120 3", body) + record("f 2000 64 77 240 6 120:0badf00d", body)), [
    { dev: "64", ino: "77", offset: 120, line: 3 },
    { dev: "64", ino: "77", offset: 240, line: 6, fingerprint: { bytes: 120, crc32c: "0badf00d" } },
  ]);
  await assert.rejects(replay(record("f 1000 64 77 120 3 500:0badf00d", body)), /damaged/);
  await assert.rejects(replay(record("f 1000 64 77 120 3 12:XYZ", body)), /damaged/);
});
