import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { DURATION_BOUNDS, resolveMonitorConfig } from "../../monitor/config/monitorConfig.js";
import { ModelguardError } from "../../src/errors.js";

const resolve = (extra: Record<string, unknown>) => resolveMonitorConfig({ reference: "p.json", ...extra }, "m.yml");

test("config: every duration key is bounded; outside its range is an error naming the key and the range", () => {
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ snapshot_interval: "0s" }, /m\.yml: snapshot_interval: '0s' is outside the allowed range 1s to 30d/],
    [{ snapshot_interval: "999ms" }, /snapshot_interval: .* 1s to 30d/],
    [{ snapshot_interval: "31d" }, /snapshot_interval: '31d' is outside/],
    [{ snapshot_interval: "99999999999999999999999d" }, /snapshot_interval: .* 1s to 30d/],
    [{ window: { duration: "0s" } }, /window\.duration: '0s' is outside the allowed range 1s to 366d/],
    [{ window: { duration: "367d" } }, /window\.duration: .* 1s to 366d/],
    [{ window: { duration: "1h", allowed_lateness: "8d" } }, /window\.allowed_lateness: '8d' is outside .* 0s to 7d/],
    [{ alert: { cooldown: "400d" } }, /alert\.cooldown: '400d' is outside the allowed range 0s to 366d/],
    [{ source: { file: "/x", poll: "0s" } }, /source\.poll: '0s' is outside the allowed range 10ms to 1h/],
    [{ source: { file: "/x", poll: "2h" } }, /source\.poll: .* 10ms to 1h/],
    [{ reference: "registry:m", registry_poll: "5s" }, /registry_poll: '5s' is outside the allowed range 10s to 1d/],
    [{ reference: "registry:m", registry_poll: "2d" }, /registry_poll: .* 10s to 1d/],
    [
      { window: { duration: "1m" }, fleet: { redis: "redis://r:6379", lease: "500ms" } },
      /fleet\.lease: '500ms' is outside the allowed range 1s to 10m/,
    ],
    [
      { window: { duration: "1m" }, fleet: { redis: "redis://r:6379", grace: "2d" } },
      /fleet\.grace: '2d' is outside the allowed range 0s to 1d/,
    ],
  ];
  for (const [extra, re] of cases) {
    assert.throws(
      () => resolve(extra),
      (e: unknown) => e instanceof ModelguardError && e.code === "config" && re.test(e.message),
      JSON.stringify(extra),
    );
  }
});

test("config: the ends of each range are accepted, 30d snapshots included (past setTimeout's 2^31-1 ms)", () => {
  assert.equal(resolve({ snapshot_interval: "30d" }).snapshotIntervalMs, 30 * 86_400_000);
  assert.equal(resolve({ snapshot_interval: "1s" }).snapshotIntervalMs, 1000);
  assert.deepEqual(resolve({ window: { duration: "366d" } }).window, {
    durationMs: 366 * 86_400_000,
    time: "arrival",
    allowedLatenessMs: 30_000,
  });
  for (const [lateness, ms] of [
    ["0s", 0],
    ["7d", 7 * 86_400_000],
  ] as const) {
    const w = resolve({ window: { duration: "1h", time: "event", allowed_lateness: lateness } }).window;
    assert.equal((w as { allowedLatenessMs: number }).allowedLatenessMs, ms);
  }
  assert.equal(resolve({ alert: { cooldown: "0s" } }).alert.cooldownMs, 0);
  assert.equal(resolve({ source: { file: "/x", poll: "10ms" } }).source?.pollMs, 10);
  assert.equal(resolve({ source: { file: "/x", poll: "1h" } }).source?.pollMs, 3_600_000);
  assert.equal(resolve({ labels: {} }).labels?.maxDelayMs, 7 * 86_400_000);
  assert.equal(resolve({ labels: { max_delay: "366d" } }).labels?.maxDelayMs, 366 * 86_400_000);
  assert.throws(() => resolve({ labels: { max_delay: "0s" } }), /labels\.max_delay: '0s' is outside .* 1s to 366d/);
  assert.throws(
    () => resolve({ labels: { source: { file: "l", poll: "2h" } } }),
    /labels\.source\.poll: .* 10ms to 1h/,
  );
});

test("config: every duration key of the JSON Schema has a range (a new one cannot be added unbounded)", () => {
  const schema = JSON.parse(readFileSync("schemas/monitor-config.schema.json", "utf8")) as unknown;
  const keys = new Set<string>();
  const walk = (node: unknown, key: string): void => {
    if (node === null || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    if (o.$ref === "#/$defs/duration") keys.add(key);
    for (const branch of (o.oneOf as unknown[] | undefined) ?? []) walk(branch, key);
    for (const [name, child] of Object.entries((o.properties as Record<string, unknown> | undefined) ?? {})) {
      walk(child, key === "" ? name : `${key}.${name}`);
    }
  };
  walk(schema, "");
  assert.deepEqual([...keys].sort(), Object.keys(DURATION_BOUNDS).sort());
  assert.equal(keys.size, 10);
});

test("config: ingest.allow_anonymous defaults to false and must be a boolean", () => {
  assert.equal(resolve({}).ingest.allowAnonymous, false);
  assert.equal(resolve({ ingest: { allow_anonymous: true } }).ingest.allowAnonymous, true);
  assert.throws(() => resolve({ ingest: { allow_anonymous: "yes" } }), /ingest\.allow_anonymous: must be boolean/);
});
