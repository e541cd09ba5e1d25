import { after, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { resolveMonitorConfig } from "../../monitor/config/monitorConfig.js";
import { startMonitor } from "../../monitor/startMonitor.js";
import type { WindowReport } from "../../monitor/windows/windowReport.js";
import { WindowState } from "../../monitor/windows/windowState.js";
import { buildProfile } from "../../src/profile/buildProfile.js";
import { writeProfile } from "../../src/profile/profileFile.js";
import { normals } from "../helpers/random.js";
import { dictionaryColumn, numericColumn, table } from "../helpers/tables.js";

const tmpRoot = mkdtempSync(join(tmpdir(), "mg-monitor-quality-"));
after(() => rmSync(tmpRoot, { recursive: true, force: true }));
const silent = pino({ level: "silent" });

/** The model: 31 numeric features f0..f30, a plan category, plus an id, the target and a skipped column. */
const FEATURES = Array.from({ length: 31 }, (_, i) => `f${i}`);
const ROWS = 3000;

function setup(extra: Record<string, unknown> = {}) {
  const dir = mkdtempSync(join(tmpRoot, "q-"));
  const profile = buildProfile(
    table([
      ...FEATURES.map((f, i) => numericColumn(f, normals(ROWS, 100 + i), "number")),
      dictionaryColumn(
        "plan",
        Array.from({ length: ROWS }, (_, i) => ["basic", "pro", "team"][i % 3]!),
      ),
      numericColumn(
        "customer_id",
        Array.from({ length: ROWS }, (_, i) => 1000 + i),
        "integer",
      ),
      numericColumn(
        "churned",
        Array.from({ length: ROWS }, (_, i) => i % 2),
        "integer",
      ),
      numericColumn("legacy_score", normals(ROWS, 7), "number"),
    ]),
    { createdAt: "2026-01-01T00:00:00.000Z" },
  );
  writeProfile(join(dir, "profile.json"), profile);
  const raw = {
    model: "churn",
    reference: "profile.json",
    state: "state",
    window: { size: 500 },
    alert: { consecutive: 1 },
    target: "churned",
    drift: { columns: { legacy_score: { skip: true } } },
    ...extra,
  };
  writeFileSync(join(dir, "monitor.json"), JSON.stringify(raw));
  return resolveMonitorConfig(raw, join(dir, "monitor.yml"));
}

/** n events carrying f0..f30 and plan only (no id, target or skipped column); `shape` may change a feature's value. */
function events(n: number, seed: number, shape: (f: string, i: number, x: number) => number | undefined): string {
  const cols = FEATURES.map((_, j) => normals(n, seed + j));
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const features: Record<string, unknown> = { plan: ["basic", "pro", "team"][i % 3] };
    FEATURES.forEach((f, j) => {
      const v = shape(f, i, cols[j]![i]!);
      if (v !== undefined) features[f] = v;
    });
    lines.push(JSON.stringify({ features, prediction: i % 2 }));
  }
  return lines.join("\n");
}

async function post(url: string, body: string) {
  const r = await fetch(`${url}/v1/events`, {
    method: "POST",
    body,
    headers: { "content-type": "application/x-ndjson" },
  });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

async function lastWindow(url: string): Promise<WindowReport> {
  const r = (await (await fetch(`${url}/v1/drift?limit=1`)).json()) as { windows: WindowReport[] };
  return r.windows[0]!;
}

function outbox(state: string): { kind: string; body: Record<string, unknown> }[] {
  const file = join(state, "outbox.jsonl");
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as { kind: string; body: Record<string, unknown> });
}

test("a window where 60% of three features is missing alerts with reason quality; /metrics has the shares", async () => {
  const config = setup();
  const m = await startMonitor(config, { env: {}, logger: silent, port: 0 });
  try {
    const missing = new Set(["f0", "f1", "f2"]);
    const body = events(500, 1, (f, i, x) => (missing.has(f) && i % 5 < 3 ? undefined : x));
    const answer = await post(m.url, body);
    assert.equal(answer.status, 202);
    assert.equal(
      answer.body.missing_values,
      900,
      "3 features x 300 events; the id, target and skipped column are not missing",
    );
    const w = await lastWindow(m.url);
    assert.equal(w.dataset_drifted, false, "what is there has the reference's shape");
    assert.equal(w.drift.quality_failed, true);
    assert.deepEqual(
      w.drift.quality!.fired.map((f) => [f.feature, f.signal, f.share]),
      [
        ["f0", "missing_share", 0.6],
        ["f1", "missing_share", 0.6],
        ["f2", "missing_share", 0.6],
      ],
    );
    const open = outbox(config.state).filter((e) => e.kind === "issue.open");
    assert.equal(open.length, 1);
    const text = String(open[0]!.body.body);
    assert.match(text, /Reason: quality \(data quality\)/);
    assert.match(text, /\| f0 \| missing_share \| 60% \| 0% \| \+10% \|/);
    // The recent windows say what each raised, not "clean" for a window without drift that alerted on quality.
    assert.match(text, /Recent windows: window 0 \([^)]*\): data quality\./);
    const metrics = await (await fetch(`${m.url}/metrics`)).text();
    assert.match(metrics, /^modelguard_monitor_quality_share\{feature="f0",signal="missing_share"\} 0\.6$/m);
    assert.match(metrics, /^modelguard_monitor_quality_fired\{feature="f0",signal="missing_share"\} 1$/m);
    assert.match(metrics, /^modelguard_monitor_quality_fired\{feature="f3",signal="missing_share"\} 0$/m);
    assert.match(metrics, /^modelguard_monitor_quality_failed 1$/m);
    assert.doesNotMatch(metrics, /feature="customer_id"|feature="churned"|feature="legacy_score"/);
  } finally {
    await m.shutdown();
  }
});

/** Mean shifts (in sd) that give the PSI of 1.8-2.6 on a 500-event window. */
const SHIFT = new Map([
  ["f3", 1.5],
  ["f4", 1.6],
  ["f5", 1.7],
]);

test("three of 31 features drifting with PSI about 2 alert by major_psi although the share is below dataset_share", async () => {
  const config = setup();
  const m = await startMonitor(config, { env: {}, logger: silent, port: 0 });
  try {
    const strong = new Set(["f3", "f4", "f5"]);
    await post(
      m.url,
      events(500, 2, (f, _i, x) => (strong.has(f) ? x + SHIFT.get(f)! : x)),
    );
    const w = await lastWindow(m.url);
    const psi = new Map(w.drift.features.map((f) => [f.name, f.tests.psi!.statistic]));
    for (const f of strong) assert.ok(psi.get(f)! >= 1.8 && psi.get(f)! <= 2.6, `${f}: PSI ${psi.get(f)}`);
    assert.deepEqual(w.drift.drifted_features, ["f3", "f4", "f5"]);
    assert.ok(w.drift.drifted_share < config.drift.dataset_share);
    assert.deepEqual(w.drift.major_drifted, ["f3", "f4", "f5"]);
    assert.equal(w.dataset_drifted, true);
    assert.equal(w.drift.quality_failed, false);
    const open = outbox(config.state).filter((e) => e.kind === "issue.open");
    assert.equal(open.length, 1);
    assert.match(String(open[0]!.body.body), /Reason: drift \(dataset drift\)/);
  } finally {
    await m.shutdown();
  }
  // The share alone (major_psi: null), as before: 3 of 32 tested features is no alert.
  const shareOnly = setup({ drift: { major_psi: null, columns: { legacy_score: { skip: true } } } });
  const m2 = await startMonitor(shareOnly, { env: {}, logger: silent, port: 0 });
  try {
    await post(
      m2.url,
      events(500, 2, (f, _i, x) => x + (SHIFT.get(f) ?? 0)),
    );
    const w = await lastWindow(m2.url);
    assert.equal(w.dataset_drifted, false);
  } finally {
    await m2.shutdown();
  }
});

test("id-like columns, the target and skip: columns are not tracked: not missing, not tested, listed as skipped", async () => {
  const config = setup();
  const m = await startMonitor(config, { env: {}, logger: silent, port: 0 });
  try {
    const answer = await post(
      m.url,
      events(500, 3, (_f, _i, x) => x),
    );
    assert.equal(answer.body.missing_values, 0);
    const w = await lastWindow(m.url);
    const skipped = new Map(w.drift.skipped.map((s) => [s.name, s.reason]));
    assert.equal(skipped.get("legacy_score"), "skipped by configuration");
    assert.match(skipped.get("customer_id")!, /^id-like/);
    assert.match(skipped.get("churned")!, /^the target/);
    assert.equal(w.drift.features.length, 32);
    assert.equal(w.dataset_drifted, false);
    assert.equal(w.drift.quality_failed, false);
    assert.deepEqual(outbox(config.state), []);
    const metrics = await (await fetch(`${m.url}/metrics`)).text();
    assert.doesNotMatch(metrics, /reason="missing_feature"/);
  } finally {
    await m.shutdown();
  }
});

test("out-of-range values are counted as they arrive, fire out_of_range_share, and merge across windows (fleet partials)", async () => {
  const config = setup();
  const m = await startMonitor(config, { env: {}, logger: silent, port: 0 });
  try {
    // 10% of f7 at 1e6, far outside the reference's range; one +Infinity in f8.
    await post(
      m.url,
      events(500, 4, (f, i, x) => (f === "f7" && i % 10 === 0 ? 1e6 : x)),
    );
    const w = await lastWindow(m.url);
    const f7 = w.drift.quality!.features.find((q) => q.name === "f7")!;
    assert.ok(
      f7.out_of_range_share!.count >= 50 && f7.out_of_range_share!.count < 55,
      String(f7.out_of_range_share!.count),
    );
    assert.deepEqual(f7.fired, ["out_of_range_share"]);
    assert.equal(w.drift.quality_failed, true);
  } finally {
    await m.shutdown();
  }
  // Two members' partials of one window, through their snapshot JSON, merge into the counts of the union.
  const layout = m.monitor.layout;
  const a = new WindowState(layout, 0, 0);
  const b = new WindowState(layout, 0, 0);
  a.addEvent({ f7: 1e6, f8: 0 }, 1);
  b.addEvent({ f7: -1e6, f8: 0 }, 1);
  b.addEvent({ f7: 0, f8: 0 }, 1);
  const merged = WindowState.fromJson(layout, a.toJson());
  merged.merge(
    WindowState.fromJson(layout, JSON.parse(JSON.stringify(b.toJson())) as ReturnType<WindowState["toJson"]>),
  );
  const i = layout.index.get("f7")!;
  const slot = merged.slots[i]!;
  assert.equal(slot.kind, "numeric");
  assert.equal((slot as { outOfRange: number }).outOfRange, 2);
  assert.equal(layout.kinds[layout.index.get("customer_id")!], "untested");
});

test("monitor.yml: quality thresholds out of range and a target the profile lacks are config errors naming the key", async () => {
  const bad = () => setup({ quality: { missing_share: 1.5 } });
  assert.throws(
    bad,
    (e: Error & { code?: string }) => e.code === "config" && /quality\/missing_share|quality/.test(e.message),
  );
  const typo = setup({ target: "Churned" });
  await assert.rejects(
    startMonitor(typo, { env: {}, logger: silent, port: 0 }),
    (e: Error & { code?: string }) =>
      e.code === "config" && /target: 'Churned' is not a column of the reference profile/.test(e.message),
  );
  const off = setup({ quality: { missing_share: false } });
  assert.equal(off.quality.missing_share, false);
  assert.equal(off.quality.out_of_range_share, 0.05);
});
