// Windows in event time (`window: {duration, time: event, allowed_lateness}`) and clock-aligned processing time, over
// real HTTP on loopback with an injected arrival clock.
import { test } from "node:test";
import assert from "node:assert/strict";
import { pino } from "pino";
import { eventTimeOf } from "../../monitor/ingest/eventTime.js";
import { layoutOf } from "../../monitor/ingest/featureLayout.js";
import { parseBatch, parseEvents } from "../../monitor/ingest/parseBatch.js";
import { batchOfEvents } from "../../monitor/ingest/eventBatch.js";
import { startMonitor } from "../../monitor/startMonitor.js";
import { resolveMonitorConfig } from "../../monitor/config/monitorConfig.js";
import { crashImage, manualClock, postEvents, setupMonitor } from "./monitorFixtures.js";
import { buildProfile } from "../../src/profile/buildProfile.js";
import { numericColumn, table } from "../helpers/tables.js";
import { ModelguardError } from "../../src/errors.js";

const silent = pino({ level: "silent" });
const MIN = 60_000;
const T0 = Date.parse("2026-03-01T00:00:00.000Z");
const iso = (ms: number) => new Date(ms).toISOString();

test("eventTimeOf: RFC 3339 (offsets, fractions, a leap second) and epoch ms; anything else is NaN", () => {
  assert.equal(eventTimeOf("2024-05-01T12:00:00Z"), Date.UTC(2024, 4, 1, 12));
  assert.equal(eventTimeOf("2024-05-01t12:00:00.250+02:00"), Date.UTC(2024, 4, 1, 10, 0, 0, 250));
  assert.equal(eventTimeOf("2023-12-31 23:30:00-01:30"), Date.UTC(2024, 0, 1, 1, 0));
  assert.equal(eventTimeOf("2024-02-29T23:59:60Z"), Date.UTC(2024, 1, 29, 23, 59, 59, 999));
  assert.equal(eventTimeOf(1714564800000), 1714564800000);
  for (const bad of ["2024-02-30T00:00:00Z", "2024-05-01", "2024-05-01T12:00:00", "2024-13-01T00:00:00Z", "now", ""])
    assert.ok(Number.isNaN(eventTimeOf(bad)), bad);
  for (const bad of [null, undefined, true, {}, Infinity, NaN, 9e15]) assert.ok(Number.isNaN(eventTimeOf(bad)));
});

test("parseBatch reads ts on its fast path exactly as JSON.parse + appendObject does", () => {
  const profile = buildProfile(table([numericColumn("x", [1, 2, 3], "number")]), { createdAt: "2026-01-01T00:00:00Z" });
  const layout = layoutOf(profile);
  const lines = [
    `{"ts":"2026-03-01T00:00:01.5Z","features":{"x":1}}`,
    `{"features":{"x":2},"ts":1772323200000}`,
    `{"ts":"2026-03-01T00:00:01\\u005a","features":{"x":3}}`,
    `{"ts":[1],"features":{"x":4}}`,
    `{"ts":"bad","ts":-5e2,"features":{"x":5}}`,
    `{"features":{"x":6}}`,
  ];
  const body = Buffer.from(lines.join("\n"));
  const fast = parseBatch(body, layout);
  const slow = parseEvents(body);
  assert.ok(fast.ok && slow.ok);
  const ref = batchOfEvents(layout, slow.events);
  assert.deepEqual([...fast.events.ts.subarray(0, 6)], [...ref.ts.subarray(0, 6)]);
  assert.deepEqual([...fast.events.ts.subarray(0, 6)], [T0 + 1500, 1772323200000, T0 + 1000, NaN, -500, NaN]);
});

/** n events with ts in [from, from + span), x ~ planted values; NDJSON. */
function eventsAt(n: number, from: number, span: number, shift = 0): string {
  return Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      ts: i % 2 === 0 ? new Date(from + Math.floor((i * span) / n)).toISOString() : from + Math.floor((i * span) / n),
      features: { x: Math.sin(i) + shift, y: 10 + Math.cos(i), plan: ["basic", "pro", "team"][i % 3] },
    }),
  ).join("\n");
}

test("event time: events go to the window of their ts; a window closes at end + allowed_lateness; later events are counted as late, ts-less ones as invalid_ts; restarts keep open windows", async () => {
  const { config } = setupMonitor({ window: { duration: "10m", time: "event", allowed_lateness: "2m" } });
  const clock = manualClock(T0 + 3 * MIN);
  const start = (c = config) =>
    startMonitor(c, { env: {}, logger: silent, port: 0, now: clock.now, tickIntervalMs: 0 });
  let m = await start();
  try {
    // Out of order across two windows ([T0, T0+10m) and [T0+10m, T0+20m)), in one batch and in two.
    let r = await postEvents(m.url, [eventsAt(30, T0 + 10 * MIN, 5 * MIN), eventsAt(40, T0, 9 * MIN)].join("\n"));
    assert.equal(r.status, 202);
    assert.deepEqual([r.body.accepted, r.body.late_events, r.body.invalid_ts], [70, 0, 0]);
    clock.set(T0 + 11 * MIN);
    r = await postEvents(
      m.url,
      [
        eventsAt(20, T0 + 9 * MIN, MIN),
        JSON.stringify({ features: { x: 1 } }),
        `{"ts":"yesterday","features":{}}`,
      ].join("\n"),
    );
    assert.deepEqual([r.body.accepted, r.body.late_events, r.body.invalid_ts], [22, 0, 2]);
    assert.equal(m.monitor.recent.length, 0, "window 0 waits out its allowed lateness");
    assert.deepEqual(
      [...m.monitor.eventWindows!.open.entries()].map(([s, w]) => [s - T0, w.events]),
      [
        [10 * MIN, 30],
        [0, 60],
      ],
    );

    const open = (await (await fetch(`${m.url}/v1/drift`)).json()) as { open_windows: unknown[] };
    assert.deepEqual(open.open_windows, [
      { started_at: iso(T0), events: 60 },
      { started_at: iso(T0 + 10 * MIN), events: 30 },
    ]);

    // A restart (snapshot at shutdown) keeps both open windows.
    await m.shutdown();
    m = await start();
    assert.equal(m.monitor.eventWindows!.open.size, 2);

    // End + lateness passes while idle: the journaled tick closes window 0 (reported at its end, not at the tick).
    clock.set(T0 + 12 * MIN);
    assert.ok(m.monitor.dueAt(clock.now()));
    await m.tick();
    assert.equal(m.monitor.recent.length, 1);
    const w0 = m.monitor.recent[0]!;
    assert.deepEqual(
      [w0.window, w0.events, w0.started_at, w0.closed_at, w0.late_events],
      [0, 60, iso(T0), iso(T0 + 10 * MIN), 0],
    );

    // Late: ts in the closed window. Counted in the answer, the metric and the next window's report.
    r = await postEvents(m.url, eventsAt(5, T0 + 8 * MIN, MIN));
    assert.deepEqual([r.body.accepted, r.body.late_events], [5, 5]);
    // Far ahead of the clock (a sender's clock off by an hour): counted, not opening windows.
    r = await postEvents(m.url, eventsAt(3, T0 + 80 * MIN, MIN));
    assert.deepEqual([r.body.accepted, r.body.invalid_ts], [3, 3]);
    // (Counters start again at a restart.)
    const metrics = await (await fetch(`${m.url}/metrics`)).text();
    assert.match(metrics, /modelguard_monitor_rejected_total\{reason="late"\} 5/);
    assert.match(metrics, /modelguard_monitor_rejected_total\{reason="invalid_ts"\} 3/);

    const crashed = crashImage(config);

    clock.set(T0 + 22 * MIN);
    await m.tick();
    assert.equal(m.monitor.recent.length, 2);
    const w1 = m.monitor.recent[1]!;
    assert.deepEqual([w1.window, w1.events, w1.started_at, w1.late_events], [1, 30, iso(T0 + 10 * MIN), 5]);
    const drift = (await (await fetch(`${m.url}/v1/drift`)).json()) as { windows: { late_events: number }[] };
    assert.equal(drift.windows[0]!.late_events, 5);
    const before = JSON.stringify(m.monitor.recent);
    await m.shutdown();

    // kill -9 before the tick: the journal (after the restart's snapshot) replays to the same late count and windows.
    m = await start(crashed);
    await m.tick();
    assert.equal(JSON.stringify(m.monitor.recent), before);
  } finally {
    await m.shutdown();
  }
});

test("processing time is aligned to the clock; count windows and the legacy arrival windows stay as they were", async () => {
  const { config } = setupMonitor({ window: { duration: "10m", time: "processing" } });
  const clock = manualClock(T0 + 3 * MIN + 17);
  const m = await startMonitor(config, { env: {}, logger: silent, port: 0, now: clock.now, tickIntervalMs: 0 });
  try {
    assert.equal((await postEvents(m.url, eventsAt(10, 0, 1))).status, 202);
    assert.equal(m.monitor.window.startedAt, T0, "aligned to a multiple of 10m, not the first arrival");
    clock.set(T0 + 10 * MIN);
    await m.tick();
    assert.deepEqual([m.monitor.recent[0]!.started_at, m.monitor.recent[0]!.closed_at], [iso(T0), iso(T0 + 10 * MIN)]);
  } finally {
    await m.shutdown();
  }
  const legacy = resolveMonitorConfig({ reference: "p.json", window: { duration: "5m" } }, "monitor.yml").window;
  assert.deepEqual(legacy, { durationMs: 5 * MIN, time: "arrival", allowedLatenessMs: 30_000 });
  assert.throws(
    () => resolveMonitorConfig({ reference: "p.json", window: { size: 10, time: "event" } }, "monitor.yml"),
    (e: unknown) => e instanceof ModelguardError && /window/.test(e.message),
  );
});
