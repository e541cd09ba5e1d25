// Idempotency-Key on POST /v1/events: a client that retries after a lost 202 gets the first answer back and its events
// are counted once, across kill -9 and across snapshots too.
import { test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { pino } from "pino";
import { IDEMPOTENCY_MAX_KEYS, IDEMPOTENCY_TTL_MS, IdempotencyKeys } from "../../monitor/ingest/idempotencyKeys.js";
import type { MonitorConfig } from "../../monitor/config/monitorConfig.js";
import { startMonitor } from "../../monitor/startMonitor.js";
import { crashImage, setupMonitor, trafficNdjson } from "./monitorFixtures.js";

const silent = pino({ level: "silent" });
const start = (config: MonitorConfig) => startMonitor(config, { env: {}, logger: silent, port: 0, tickIntervalMs: 0 });

async function post(url: string, body: string, key?: string) {
  const r = await fetch(`${url}/v1/events`, {
    method: "POST",
    body,
    headers: { "content-type": "application/x-ndjson", ...(key !== undefined ? { "idempotency-key": key } : {}) },
  });
  return { status: r.status, text: await r.text(), replayed: r.headers.get("idempotent-replayed") };
}

async function eventsTotal(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(/^modelguard_monitor_events_total ([0-9]+)$/m.exec(text)![1]);
}

test("idempotency: a repeated key gets the first answer (status and body) and counts its events once", async () => {
  const { dir, config } = setupMonitor({ window: { size: 150 } });
  const m = await start(config);
  try {
    // The batch closes window 0 and opens window 1: the repeat must still say window 0, as the first answer did.
    const body = trafficNdjson(200, 1, false) + '\n{"features":{"x":1,"colour":"red"}}';
    const first = await post(m.url, body, "batch-0001");
    assert.equal(first.status, 202);
    assert.equal(first.replayed, null);
    const repeat = await post(m.url, body, "batch-0001");
    assert.equal(repeat.status, 202);
    assert.equal(repeat.text, first.text);
    assert.equal(repeat.replayed, "true");
    assert.equal(m.monitor.window.events, 51);
    assert.equal(m.monitor.window.index, 1);
    assert.equal(await eventsTotal(m.url), 201);
    // Another key, or none, is another batch.
    assert.equal((await post(m.url, trafficNdjson(10, 2, false), "batch-0002")).status, 202);
    assert.equal((await post(m.url, trafficNdjson(10, 2, false))).status, 202);
    assert.equal(m.monitor.window.events, 71);
    // The same key with another body is a client bug: refused, nothing counted.
    const conflict = await post(m.url, trafficNdjson(10, 3, false), "batch-0001");
    assert.equal(conflict.status, 422);
    assert.match(conflict.text, /Idempotency-Key/);
    // Keys are bounded and printable.
    assert.equal((await post(m.url, trafficNdjson(1, 4, false), "x".repeat(256))).status, 400);
    assert.equal((await post(m.url, trafficNdjson(1, 4, false), "has space")).status, 400);
    assert.equal(m.monitor.window.events, 71);
    // Concurrent requests with one key: one is counted, both get its answer.
    const body2 = trafficNdjson(20, 5, false);
    const [a, b] = await Promise.all([post(m.url, body2, "batch-0003"), post(m.url, body2, "batch-0003")]);
    assert.equal(a.status, 202);
    assert.equal(b.text, a.text);
    assert.equal(m.monitor.window.events, 91);
  } finally {
    await m.shutdown();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("idempotency: a key survives kill -9 (replayed from the journal) and a snapshot with compaction", async () => {
  const { dir, config } = setupMonitor({ window: { size: 1_000_000 } });
  const body = trafficNdjson(100, 1, false);
  const m = await start(config);
  let crashed: MonitorConfig;
  let first: Awaited<ReturnType<typeof post>>;
  try {
    first = await post(m.url, body, "retry-me");
    assert.equal(first.status, 202);
    crashed = crashImage(config); // the 202 was lost; the process died without a snapshot
  } finally {
    await m.shutdown();
  }
  try {
    const r = await start(crashed);
    try {
      assert.equal(r.monitor.window.events, 100);
      const retry = await post(r.url, body, "retry-me");
      assert.equal(retry.status, 202);
      assert.equal(retry.text, first.text);
      assert.equal(r.monitor.window.events, 100);
      await r.checkpoint(); // the keyed record's segment is deleted: the key lives on in the snapshot
    } finally {
      await r.shutdown();
    }
    const again = await start(crashed);
    try {
      const retry = await post(again.url, body, "retry-me");
      assert.equal(retry.text, first.text);
      assert.equal(again.monitor.window.events, 100);
    } finally {
      await again.shutdown();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(crashed.state, { recursive: true, force: true });
  }
});

test("idempotency: keys are kept 24 h and at most 100,000 (oldest dropped first), and round-trip through the snapshot form", () => {
  const keys = new IdempotencyKeys();
  const answer = (t: number) => ({ t, digest: "d", status: 202, body: '{"accepted":1}' });
  keys.remember("old", answer(0));
  assert.ok(keys.lookup("old", IDEMPOTENCY_TTL_MS - 1));
  assert.equal(keys.lookup("old", IDEMPOTENCY_TTL_MS), undefined, "expired at lookup");
  keys.remember("new", answer(IDEMPOTENCY_TTL_MS + 5));
  assert.equal(keys.size, 1, "expired keys are dropped as newer ones arrive");
  for (let i = 0; i < IDEMPOTENCY_MAX_KEYS + 10; i++) keys.remember(`k${i}`, answer(IDEMPOTENCY_TTL_MS + 10));
  assert.equal(keys.size, IDEMPOTENCY_MAX_KEYS);
  assert.equal(keys.lookup("k9", IDEMPOTENCY_TTL_MS + 10), undefined);
  assert.ok(keys.lookup("k10", IDEMPOTENCY_TTL_MS + 10));
  const copy = IdempotencyKeys.fromJson(keys.toJson());
  assert.deepEqual(copy.toJson(), keys.toJson());
  assert.throws(() => IdempotencyKeys.fromJson([["has space", 1, "d", 202, "{}"]]), /not \[key/);
});
