// The journal under faults: a full disk, damage inside the last segment, a torn write, the states a crash can leave
// between rolling a segment and deleting the old ones, and state files that are not what the monitor expects.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { Journal, listSegments, segmentName, type JournalRecord } from "../../monitor/state/journal.js";
import type { MonitorConfig } from "../../monitor/config/monitorConfig.js";
import { startMonitor } from "../../monitor/startMonitor.js";
import { ModelguardError } from "../../src/errors.js";
import { runCli } from "../helpers/cli.js";
import { crashImage, postEvents, setupMonitor, trafficNdjson } from "./monitorFixtures.js";
import { fillDisk, mountSmallDisks, readyWithin } from "./smallDisks.js";

const silent = pino({ level: "silent" });
const start = (config: MonitorConfig) => startMonitor(config, { env: {}, logger: silent, port: 0, tickIntervalMs: 0 });

/** Posts `batches` batches of 100 events, then takes what a kill -9 would leave (no shutdown snapshot). */
async function crashedWith(batches: number): Promise<{ dir: string; config: MonitorConfig; cleanup: () => void }> {
  const { dir, config } = setupMonitor({ window: { size: 1_000_000 } });
  const m = await start(config);
  let crashed: MonitorConfig;
  try {
    for (let i = 0; i < batches; i++)
      assert.equal((await postEvents(m.url, trafficNdjson(100, 10 + i, false))).status, 202);
    crashed = crashImage(config);
  } finally {
    await m.shutdown();
  }
  // The config file the CLI reads points at the crashed copy of the state.
  const raw = JSON.parse(readFileSync(join(dir, "monitor.json"), "utf8")) as Record<string, unknown>;
  writeFileSync(join(dir, "monitor.json"), JSON.stringify({ ...raw, state: crashed.state }));
  return {
    dir,
    config: crashed,
    cleanup: () => {
      rmSync(dir, { recursive: true, force: true });
      rmSync(crashed.state, { recursive: true, force: true });
    },
  };
}

/** Byte offsets of the record headers in a segment (bodies are NDJSON lines, which start with `{`). */
function headerOffsets(buf: Buffer): number[] {
  const out: number[] = [];
  for (let pos = 0; pos < buf.length;) {
    const nl = buf.indexOf(10, pos);
    if (nl < 0) break;
    if (buf[pos] !== 0x7b && nl > pos) out.push(pos);
    pos = nl + 1;
  }
  return out;
}

const lastSegment = (config: MonitorConfig) => {
  const segs = listSegments(join(config.state, "journal"));
  return join(config.state, "journal", segs[segs.length - 1]!.name);
};

test("journal: a full disk answers 503 with Retry-After and fails /readyz; once space is freed ingest resumes and nothing acknowledged is lost", async (t) => {
  const { dir, config } = setupMonitor({ window: { size: 1_000_000 } });
  const unmount = mountSmallDisks(t, dir, [[config.state, "256k"]]);
  if (!unmount) return;
  const images: string[] = [];
  try {
    const m = await start(config);
    const filler = join(config.state, "filler");
    try {
      assert.equal((await postEvents(m.url, trafficNdjson(100, 1, false))).status, 202);
      // Fill the file system: every later journal write that needs a new page fails with ENOSPC.
      fillDisk(filler);
      for (const seed of [2, 3]) {
        const r = await fetch(`${m.url}/v1/events`, { method: "POST", body: trafficNdjson(100, seed, false) });
        assert.equal(r.status, 503);
        assert.ok(Number(r.headers.get("retry-after")) >= 1, "Retry-After says when to try again");
        const body = (await r.json()) as { error: string };
        assert.match(body.error, /journal/);
        assert.match(body.error, /ENOSPC|no space/i);
      }
      assert.equal((await fetch(`${m.url}/readyz`)).status, 503);
      // Recovery (tried every second) cuts the failed write off, but the disk is still full: still not ready.
      await new Promise((r) => setTimeout(r, 1500));
      const unready = await fetch(`${m.url}/readyz`);
      assert.equal(unready.status, 503);
      assert.match(((await unready.json()) as { journal: string }).journal, /ENOSPC/);
      // A checkpoint while the journal cannot be written must not leave a state a restart refuses.
      await m.checkpoint().catch(() => undefined);
      const during = crashImage(config);
      images.push(during.state);
      const r = await start(during);
      try {
        assert.equal(r.monitor.window.events, 100, "a crash while the disk is full recovers what was acknowledged");
      } finally {
        await r.shutdown();
      }

      rmSync(filler);
      await readyWithin(m.url, 500);
      assert.equal((await postEvents(m.url, trafficNdjson(100, 4, false))).status, 202);
      assert.equal(m.monitor.window.events, 200);
    } finally {
      rmSync(filler, { force: true }); // so that a failed assertion is not hidden by a shutdown on a full disk
      await m.shutdown();
    }
    const again = await start(config);
    try {
      assert.equal(again.monitor.window.events, 200, "every acknowledged batch once, no refused one");
    } finally {
      await again.shutdown();
    }
  } finally {
    unmount();
    rmSync(dir, { recursive: true, force: true });
    for (const s of images) rmSync(s, { recursive: true, force: true });
  }
});

test("journal: a changed digit in a record header with complete records after it refuses to start (exit 2), dropping nothing", async () => {
  const { dir, config, cleanup } = await crashedWith(15);
  try {
    const path = lastSegment(config);
    const buf = readFileSync(path);
    const size = buf.length;
    // The second record's length field (the third header field), one digit changed.
    const h = headerOffsets(buf)[1]!;
    const header = buf.toString("latin1", h, buf.indexOf(10, h));
    const fields = header.split(" ");
    const len = fields[2]!;
    fields[2] = len.slice(0, -1) + String((Number(len.slice(-1)) + 3) % 10);
    buf.write(fields.join(" "), h, "latin1");
    writeFileSync(path, buf);

    await assert.rejects(start(config), (e: unknown) => {
      assert.ok(e instanceof ModelguardError, String(e));
      assert.match(e.message, new RegExp(path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
      assert.match(e.message, /damaged/);
      assert.ok(e.hint && /truncate|backup/.test(e.hint), e.hint);
      return true;
    });
    assert.equal(statSync(path).size, size, "the damaged segment is left as it was");
    const r = await runCli("monitor", "--config", join(dir, "monitor.json"));
    assert.equal(r.code, 2, r.stderr);
    assert.doesNotMatch(r.stderr, /internal error| {4}at /);
    assert.match(r.stderr, /damaged/);
    assert.match(r.stderr, /hint: /);
  } finally {
    cleanup();
  }
});

test("journal: an incomplete record at the very end (a torn write) is cut; every acknowledged batch is kept", async () => {
  const { config, cleanup } = await crashedWith(15);
  try {
    const path = lastSegment(config);
    const buf = readFileSync(path);
    const last = headerOffsets(buf).at(-1)!;
    // A write that stopped half-way through a record: a prefix of a complete one.
    appendFileSync(path, buf.subarray(last, last + Math.floor((buf.length - last) / 2)));
    const r = await start(config);
    try {
      assert.equal(r.monitor.window.events, 1500);
    } finally {
      await r.shutdown();
    }
    // The header alone, without its newline, is as incomplete.
    const again = await start(config);
    await again.shutdown();
    appendFileSync(lastSegment(config), buf.subarray(last, last + 6));
    const third = await start(config);
    try {
      assert.equal(third.monitor.window.events, 1500);
    } finally {
      await third.shutdown();
    }
  } finally {
    cleanup();
  }
});

test("journal: every state between a failed write, a segment roll and the deletes recovers every acknowledged batch", async () => {
  const { config } = setupMonitor({ window: { size: 1_000_000 } });
  const m = await start(config);
  let rolled: MonitorConfig | null = null;
  let final: MonitorConfig;
  try {
    for (const seed of [1, 2, 3]) assert.equal((await postEvents(m.url, trafficNdjson(100, seed, false))).status, 202);
    await m.checkpoint((step) => {
      if (step === "rolled") rolled = crashImage(config);
    });
    for (const seed of [4, 5]) assert.equal((await postEvents(m.url, trafficNdjson(100, seed, false))).status, 202);
    final = crashImage(config);
  } finally {
    await m.shutdown();
  }
  assert.ok(rolled);
  const first = rolled as MonitorConfig;
  const journal = (c: MonitorConfig) => join(c.state, "journal");
  const [seg0, segS] = listSegments(journal(first));
  assert.equal(segS!.start, seg0!.size);
  assert.equal(segS!.size, 0);
  // The bytes a write that failed (ENOSPC, EIO) left after the last durable record: part of a record, never
  // acknowledged. An older monitor then rolled the next segment at the durable offset, before those bytes.
  const seg0Bytes = readFileSync(join(journal(first), seg0!.name));
  const torn = seg0Bytes.subarray(0, Math.floor(seg0Bytes.length / 3));
  appendFileSync(join(journal(first), seg0!.name), torn);
  writeFileSync(join(journal(final), seg0!.name), readFileSync(join(journal(first), seg0!.name)));
  const cases: [string, MonitorConfig, number][] = [
    ["rolled, snapshot covers the roll", first, 300],
    ["rolled, no snapshot", { ...crashImage(first) }, 300],
    ["rolled and appended to the new segment, no snapshot", final, 500],
  ];
  rmSync(join(cases[1]![1].state, "snapshot.json"));
  rmSync(join(final.state, "snapshot.json"));
  try {
    for (const [what, c, events] of cases) {
      const r = await start(c);
      try {
        assert.equal(r.monitor.window.events, events, what);
        assert.equal((await postEvents(r.url, trafficNdjson(10, 9, false))).status, 202, what);
      } finally {
        await r.shutdown();
      }
      const again = await start(c);
      try {
        assert.equal(again.monitor.window.events, events + 10, `${what}, second recovery`);
      } finally {
        await again.shutdown();
      }
    }
  } finally {
    for (const [, c] of cases) rmSync(c.state, { recursive: true, force: true });
  }
});

test("state: a state path that is a file, a garbage or truncated snapshot, a missing segment: exit 2 naming the path", async () => {
  const { dir, config, cleanup } = await crashedWith(2);
  const cli = () => runCli("monitor", "--config", join(dir, "monitor.json"));
  const expectExit2 = async (what: string, path: RegExp) => {
    const r = await cli();
    assert.equal(r.code, 2, `${what}: ${r.stderr}`);
    assert.doesNotMatch(r.stderr, /internal error| {4}at /, what);
    assert.match(r.stderr, path, what);
    assert.match(r.stderr, /hint: /, what);
  };
  const raw = JSON.parse(readFileSync(join(dir, "monitor.json"), "utf8")) as Record<string, unknown>;
  try {
    // The state path names a file.
    const file = join(dir, "state-file");
    writeFileSync(file, "not a directory\n");
    writeFileSync(join(dir, "monitor.json"), JSON.stringify({ ...raw, state: file }));
    await expectExit2("state is a file", /state-file/);
    writeFileSync(join(dir, "monitor.json"), JSON.stringify(raw));

    // A snapshot that is garbage, then one cut short.
    const s = await start(config);
    await s.shutdown();
    const snapshot = join(config.state, "snapshot.json");
    const good = readFileSync(snapshot);
    writeFileSync(snapshot, "\u0000\u0001garbage");
    await expectExit2("garbage snapshot", /snapshot\.json/);
    writeFileSync(snapshot, good.subarray(0, Math.floor(good.length / 2)));
    await expectExit2("truncated snapshot", /snapshot\.json/);
    writeFileSync(snapshot, JSON.stringify({ kind: "something else" }));
    await expectExit2("not a snapshot", /snapshot\.json/);
    writeFileSync(snapshot, good);

    // A gap in the segment sequence: a segment that starts after the previous one ends.
    const segs = listSegments(join(config.state, "journal"));
    const last = segs[segs.length - 1]!;
    writeFileSync(join(config.state, "journal", segmentName(last.start + last.size + 500)), "");
    await expectExit2("a missing segment", /journal/);
    assert.equal(readdirSync(join(config.state, "journal")).length, segs.length + 1, "nothing deleted");
  } finally {
    cleanup();
  }
});

test("journal: records of the format before checksums still replay, followed by new ones; a flipped body byte in the last record is damage, not a torn tail", async () => {
  const dir = mkdtempSync(join(tmpdir(), "mg-journal-"));
  try {
    const jdir = join(dir, "journal");
    mkdirSync(jdir);
    const body = '{"features":{"x":1}}';
    const legacy = `B 1000 ${body.length}\n${body}\n` + `T 2000\n` + `F 3000 64 77 120 3 ${body.length}\n${body}\n`;
    writeFileSync(join(jdir, segmentName(0)), legacy);
    const seen: string[] = [];
    const describe = (r: JournalRecord) =>
      r.type === "tick"
        ? `tick ${r.t}`
        : r.type === "source"
          ? `source ${r.t} ${r.position.ino}:${r.position.offset}`
          : `batch ${r.t}${"key" in r && r.key ? ` ${r.key}` : ""}`;
    const a = await Journal.open(jdir, 0, (r) => seen.push(describe(r)));
    await a.journal.appendBatch(4000, Buffer.from(body), () => {}, "key-1");
    await a.journal.appendTick(5000, () => {});
    await a.journal.close();
    seen.length = 0;
    const b = await Journal.open(jdir, 0, (r) => seen.push(describe(r)));
    await b.journal.close();
    assert.deepEqual(seen, ["batch 1000", "tick 2000", "source 3000 77:120", "batch 4000 key-1", "tick 5000"]);
    assert.equal(b.truncatedBytes, 0);

    // One changed byte in the body of the last record: complete, but it does not read back.
    const path = join(jdir, segmentName(0));
    const buf = readFileSync(path);
    const at = buf.lastIndexOf('"x":1');
    buf[at + 4] = "7".charCodeAt(0);
    writeFileSync(path, buf);
    await assert.rejects(
      Journal.open(jdir, 0, () => {}),
      (e: unknown) => {
        assert.ok(e instanceof ModelguardError);
        assert.match(e.message, /damaged at byte [0-9]+ .*body checksum mismatch/);
        return true;
      },
    );
    assert.equal(statSync(path).size, buf.length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("state: journal/ or windows/ replaced by a regular file: exit 2 naming the path and the fix", async () => {
  const { dir, config, cleanup } = await crashedWith(1);
  try {
    for (const sub of ["journal", "windows"]) {
      const path = join(config.state, sub);
      const saved = `${path}.saved`;
      execFileSync("mv", [path, saved]);
      writeFileSync(path, "x\n");
      const r = await runCli("monitor", "--config", join(dir, "monitor.json"));
      assert.equal(r.code, 2, `${sub}: ${r.stderr}`);
      assert.doesNotMatch(r.stderr, /internal error|EEXIST| {4}at /, sub);
      assert.match(r.stderr, new RegExp(`${sub}\\b.*not a directory`), sub);
      assert.match(r.stderr, /hint: .*move/, sub);
      rmSync(path);
      execFileSync("mv", [saved, path]);
    }
  } finally {
    cleanup();
  }
});

test("journal: becoming unavailable is logged once as an error with its cause (HTTP ingest and every file-source poll refused alike), recovery once", async (t) => {
  const { dir, config } = setupMonitor({ window: { size: 1_000_000 }, source: { file: "predictions.jsonl" } });
  const file = join(dir, "predictions.jsonl");
  writeFileSync(file, "");
  const unmount = mountSmallDisks(t, dir, [[config.state, "256k"]]);
  if (!unmount) return;
  const logs: { level: number; msg: string; err?: string }[] = [];
  const logger = pino({ level: "debug" }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  const errors = () => logs.filter((l) => l.level >= 50);
  const filler = join(config.state, "filler");
  try {
    const m = await startMonitor(config, { env: {}, logger, port: 0, tickIntervalMs: 0, pollIntervalMs: 20 });
    try {
      assert.equal((await postEvents(m.url, trafficNdjson(100, 1, false))).status, 202);
      fillDisk(filler);
      // The HTTP ingest path: the refused batch makes the journal unavailable, which is logged with its cause.
      assert.equal((await postEvents(m.url, trafficNdjson(100, 2, false))).status, 503);
      assert.equal(errors().length, 1, JSON.stringify(errors().slice(0, 3)));
      assert.match(errors()[0]!.msg, /journal unavailable/);
      assert.match(errors()[0]!.err ?? "", /ENOSPC|no space/i);
      assert.equal((await postEvents(m.url, trafficNdjson(100, 3, false))).status, 503);

      // The file source: lines to commit, polled every 20 ms for over a second (with a failed recovery attempt in between),
      // each poll refused: still the one error.
      appendFileSync(file, trafficNdjson(50, 4, false) + "\n");
      await new Promise((r) => setTimeout(r, 1200));
      assert.ok(
        logs.some((l) => l.msg === "prediction log poll failed"),
        "the polls did run and were refused",
      );
      assert.equal(errors().length, 1, JSON.stringify(errors().slice(0, 3)));

      rmSync(filler);
      await readyWithin(m.url, 500);
      const recovered = logs.filter((l) => /journal writable again/.test(l.msg));
      assert.equal(recovered.length, 1);
      assert.ok(recovered[0]!.level >= 30 && recovered[0]!.level < 50, "recovery is info or warn");
      // The lines the refused polls left are committed by a later one.
      for (let i = 0; i < 200 && m.monitor.window.events < 150; i++) await new Promise((r) => setTimeout(r, 10));
      assert.equal(m.monitor.window.events, 150);
      assert.equal(errors().length, 1, JSON.stringify(errors().slice(0, 3)));
    } finally {
      // Writable again before the shutdown snapshot, so that a failed assertion is not hidden by a failed shutdown.
      rmSync(filler, { force: true });
      await m.journal.recover();
      await m.shutdown();
    }
  } finally {
    unmount();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("state: a hand-edited snapshot with a negative count or a string for a number: exit 2 naming the field", async () => {
  const { dir, config, cleanup } = await crashedWith(1);
  try {
    const s = await start(config);
    await s.shutdown();
    const snapshot = join(config.state, "snapshot.json");
    const good = readFileSync(snapshot, "utf8");
    type Edit = (w: Record<string, any>) => void; // eslint-disable-line @typescript-eslint/no-explicit-any
    const cases: [Edit, RegExp][] = [
      [(w) => (w.features.x.count = -5), /window\.features\.x\.count: -5 is not a non-negative integer/],
      [(w) => (w.features.plan.counts[0] = "12"), /window\.features\.plan\.counts\[0\]: "12" is not/],
      [(w) => (w.features.y.mean = "1.5"), /window\.features\.y\.mean: "1\.5" is not a finite number/],
      [(w) => (w.events = 1.5), /window\.events: 1\.5 is not a non-negative integer/],
      [(w) => (w.prediction.missing = -1), /window\.prediction\.missing: -1/],
      [(w) => (w.features.x.sketch.zero = -3), /window\.features\.x\.sketch\.zero: -3/],
      [(w) => (w.features.plan.count += 1), /window\.features\.plan\.counts: they add up to/],
    ];
    const edited = (edit: Edit) => {
      const snap = JSON.parse(good) as { window: Record<string, unknown> };
      edit(snap.window);
      writeFileSync(snapshot, JSON.stringify(snap));
    };
    for (const [edit, field] of cases) {
      edited(edit);
      // In process, so that a snapshot taken in error ends in a failed assertion, not in a monitor serving on.
      const e = await start(config).then(
        async (m) => void (await m.shutdown()),
        (err: unknown) => err,
      );
      assert.ok(e instanceof ModelguardError, `${String(field)}: the snapshot was accepted`);
      assert.equal(e.code, "input");
      assert.match(e.message, /snapshot\.json/);
      assert.match(e.message, field);
    }
    // The CLI: exit 2 with the field and the hint, no stack trace.
    edited(cases[0]![0]);
    const r = await runCli("monitor", "--config", join(dir, "monitor.json"));
    assert.equal(r.code, 2, r.stderr);
    assert.doesNotMatch(r.stderr, /internal error| {4}at /);
    assert.match(r.stderr, /window\.features\.x\.count/);
    assert.match(r.stderr, /hint: /);
    writeFileSync(snapshot, good);
    const again = await start(config);
    try {
      assert.equal(again.monitor.window.events, 100, "the untouched snapshot still loads");
    } finally {
      await again.shutdown();
    }
  } finally {
    cleanup();
  }
});
