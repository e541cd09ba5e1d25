// Feature names, category values and prediction values are data: names such as __proto__ or constructor must come
// through the snapshot, a restart and the window reports as ordinary names.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { resolveMonitorConfig } from "../../monitor/config/monitorConfig.js";
import { startMonitor } from "../../monitor/startMonitor.js";
import { CategoricalAccumulator, NumericAccumulator } from "../../monitor/windows/windowState.js";
import { buildProfile } from "../../src/profile/buildProfile.js";
import { writeProfile } from "../../src/profile/profileFile.js";
import { normals } from "../helpers/random.js";
import { dictionaryColumn, numericColumn, table } from "../helpers/tables.js";
import { postEvents } from "./monitorFixtures.js";

const tmpRoot = mkdtempSync(join(tmpdir(), "mg-monitor-names-"));
after(() => rmSync(tmpRoot, { recursive: true, force: true }));

const silent = pino({ level: "silent" });
/** Names that are properties of every plain object (or set its prototype). */
const NAMES = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"];

function setup() {
  const dir = mkdtempSync(join(tmpRoot, "names-"));
  const xs = normals(3000, 21);
  const profile = buildProfile(
    table([
      numericColumn("__proto__", xs, "number"),
      dictionaryColumn(
        "constructor",
        xs.map((_, i) => NAMES[i % NAMES.length]!),
      ),
      numericColumn("toString", normals(3000, 22), "number"),
      dictionaryColumn(
        "hasOwnProperty",
        xs.map((_, i) => NAMES[(i + 1) % NAMES.length]!),
      ),
      numericColumn("valueOf", normals(3000, 23), "number"),
      numericColumn("x", normals(3000, 24), "number"),
    ]),
    { createdAt: "2026-01-01T00:00:00.000Z" },
  );
  writeProfile(join(dir, "profile.json"), profile);
  const raw = { model: "names", reference: "profile.json", state: "state", window: { size: 100 } };
  writeFileSync(join(dir, "monitor.json"), JSON.stringify(raw));
  return { dir, config: resolveMonitorConfig(raw, join(dir, "monitor.yml")) };
}

/** n events over every feature; the categorical ones and the prediction take the names as values. */
function traffic(n: number, seed: number): string {
  const xs = normals(n, seed);
  return xs
    .map((x, i) =>
      JSON.stringify({
        // Built from entries: a literal `__proto__:` would set the prototype, not a field.
        features: Object.fromEntries([
          ["__proto__", x],
          ["constructor", NAMES[i % NAMES.length]],
          ["toString", x * 2],
          ["hasOwnProperty", NAMES[(i * 3) % NAMES.length]],
          ["valueOf", -x],
          ["x", x],
          // Not in the reference: an unknown feature with a prototype-ish name.
          ["isPrototypeOf", 1],
        ]),
        prediction: NAMES[(i * 2) % NAMES.length],
      }),
    )
    .join("\n");
}

test("data names: __proto__, constructor, toString, hasOwnProperty and valueOf as features, categories and predictions survive ingest, snapshot and restart", async () => {
  const { config } = setup();
  const start = () => startMonitor(config, { env: {}, logger: silent, port: 0, tickIntervalMs: 0 });
  let m = await start();
  let before: string;
  let counts: Map<string, number>;
  try {
    // 250 events: two closed windows of 100 and 50 in the open one.
    for (const [n, seed] of [
      [120, 1],
      [130, 2],
    ] as const)
      assert.equal((await postEvents(m.url, traffic(n, seed))).status, 202);
    assert.equal(m.monitor.window.events, 50);
    const open = m.monitor.window;
    const proto = open.slots[open.layout.index.get("__proto__")!] as NumericAccumulator;
    assert.equal(proto.count, 50);
    counts = new Map((open.slots[open.layout.index.get("constructor")!] as CategoricalAccumulator).counts);
    assert.deepEqual([...counts.keys()].sort(), [...NAMES].sort());
    before = JSON.stringify(open.toJson());
    // Every feature, the prototype-ish ones included, is in the snapshot's window as its own field.
    const features = JSON.parse(before).features as Record<string, unknown>;
    assert.deepEqual(Object.keys(features).sort(), [...NAMES, "x"].sort());
  } finally {
    await m.shutdown();
  }

  m = await start();
  try {
    const open = m.monitor.window;
    assert.equal(open.events, 50);
    assert.equal(JSON.stringify(open.toJson()), before);
    const proto = open.slots[open.layout.index.get("__proto__")!] as NumericAccumulator;
    assert.ok(proto instanceof NumericAccumulator);
    assert.equal(proto.count, 50);
    const cat = open.slots[open.layout.index.get("constructor")!] as CategoricalAccumulator;
    assert.deepEqual(new Map(cat.counts), counts);
    assert.equal(open.predictionCategorical.count, 50);
    assert.equal(open.predictionCategorical.counts.get("__proto__"), 10);
    assert.equal(open.unknown.get("isPrototypeOf"), 50);

    // The closed windows' reports name every feature, and their prediction and unknown counts are own fields.
    assert.equal(m.monitor.recent.length, 2);
    const files = readdirSync(join(config.state, "windows")).sort();
    const report = JSON.parse(readFileSync(join(config.state, "windows", files[0]!), "utf8")) as {
      prediction: { top: Record<string, number> };
      unknown_features: Record<string, number>;
      drift: { features: { name: string }[] };
    };
    assert.deepEqual(report.drift.features.map((f) => f.name).sort(), [...NAMES, "x"].sort());
    assert.ok(Object.hasOwn(report.prediction.top, "__proto__"));
    assert.equal(report.prediction.top.__proto__ ?? null, 20);
    assert.equal(
      Object.values(report.prediction.top).reduce((a, b) => a + b, 0),
      100,
    );
    assert.equal(report.unknown_features.isPrototypeOf, 100);
    const restored = m.monitor.recent[0]!;
    assert.ok(Object.hasOwn(restored.prediction.top, "__proto__"));

    // The restarted monitor keeps counting into the same state.
    assert.equal((await postEvents(m.url, traffic(30, 3))).status, 202);
    assert.equal(m.monitor.window.events, 80);
    assert.equal(
      (m.monitor.window.slots[m.monitor.window.layout.index.get("__proto__")!] as NumericAccumulator).count,
      80,
    );
  } finally {
    await m.shutdown();
  }
});
