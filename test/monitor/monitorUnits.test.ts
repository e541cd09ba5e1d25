import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync, appendFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  decideAlerts,
  decideBreach,
  INITIAL_ALERT_STATE,
  type AlertPolicy,
  type AlertState,
} from "../../monitor/alerts/alertPolicy.js";
import { buildAlertRequest } from "../../monitor/alerts/alertRequests.js";
import { Journal, type JournalRecord } from "../../monitor/state/journal.js";
import { parseDuration, parseSize, resolveMonitorConfig } from "../../monitor/config/monitorConfig.js";
import { Outbox, type OutboxEntry } from "../../monitor/alerts/outbox.js";
import { parseBatch } from "../../monitor/ingest/parseBatch.js";
import { layoutOf } from "../../monitor/ingest/featureLayout.js";
import { WindowState } from "../../monitor/windows/windowState.js";
import { buildProfile } from "../../src/profile/buildProfile.js";
import { ModelguardError } from "../../src/errors.js";
import { normals } from "../helpers/random.js";
import { dictionaryColumn, numericColumn, table } from "../helpers/tables.js";

// Every temporary directory of this file lives here, removed after its tests.
const tmpRoot = mkdtempSync(join(tmpdir(), "mg-monitor-units-"));
after(() => rmSync(tmpRoot, { recursive: true, force: true }));

const tmp = () => mkdtempSync(join(tmpRoot, "units-"));

test("config: defaults are filled in and paths resolve from the file", () => {
  const c = resolveMonitorConfig({ reference: "profile.json" }, "/srv/mon/monitor.yml");
  assert.equal(c.reference, "/srv/mon/profile.json");
  assert.equal(c.host, "127.0.0.1");
  assert.equal(c.port, 9470);
  assert.deepEqual(c.window, { size: 1000 });
  assert.deepEqual(c.alert, { consecutive: 3, cooldownMs: 86_400_000, closeAfterClean: 6 });
  assert.equal(c.state, "/srv/mon/modelguard-state");
  assert.equal(c.ingest.tokenEnv, "MODELGUARD_INGEST_TOKEN");
  assert.equal(c.ingest.maxBodyBytes, 10 * 1024 * 1024);
  assert.equal(c.drift.method, "auto");
  assert.equal(c.model, "profile");
});

test("config: full form", () => {
  const c = resolveMonitorConfig(
    {
      model: "fraud",
      reference: "/p.json",
      listen: "0.0.0.0:8080",
      window: { duration: "1h30m" },
      drift: { psi_threshold: 0.2, columns: { age: { critical: true } } },
      alert: { consecutive: 2, cooldown: "12h", close_after_clean: 4 },
      actions: { issue: { labels: ["drift", "ml"] }, dispatch: { workflow: "retrain.yml" } },
      github: { repository: "acme/models" },
      ingest: { max_body: "512kb" },
    },
    "/x/monitor.yml",
  );
  assert.deepEqual(c.window, { durationMs: 5_400_000, time: "arrival", allowedLatenessMs: 30_000 });
  assert.equal(c.drift.psi_threshold, 0.2);
  assert.equal(c.drift.columns.age?.critical, true);
  assert.deepEqual(c.actions.dispatch, { workflow: "retrain.yml", ref: "main" });
  assert.equal(c.alert.cooldownMs, 12 * 3_600_000);
  assert.equal(c.ingest.maxBodyBytes, 512 * 1024);
});

test("config: errors name the key and why", () => {
  const cases: [unknown, RegExp][] = [
    [{}, /must have required property 'reference'/],
    [{ reference: "p.json", windw: { size: 3 } }, /unknown key 'windw'/],
    [{ reference: "p.json", window: { size: 0 } }, /window\.size: must be >= 1/],
    [{ reference: "p.json", window: { size: 5, duration: "1h" } }, /window/],
    [{ reference: "p.json", alert: { cooldown: "soon" } }, /alert\.cooldown: must match pattern/],
    [{ reference: "p.json", drift: { correction: "holm" } }, /drift\.correction: must be one of bh, bonferroni, none/],
    [{ reference: "p.json", listen: "localhost" }, /listen: must match pattern/],
    [{ reference: "p.json", listen: "h:99999" }, /listen: port 99999 is above 65535/],
    [{ reference: "p.json", ingest: { max_body: "lots" } }, /ingest\.max_body/],
  ];
  for (const [value, re] of cases) {
    assert.throws(
      () => resolveMonitorConfig(value, "m.yml"),
      (e: unknown) => e instanceof ModelguardError && e.code === "config" && re.test(e.message),
      JSON.stringify(value),
    );
  }
});

test("durations and sizes", () => {
  assert.equal(parseDuration("90s"), 90_000);
  assert.equal(parseDuration("1d2h"), 93_600_000);
  assert.throws(() => parseDuration("1 h"));
  assert.throws(() => parseDuration(""));
  assert.equal(parseSize("10mb"), 10_485_760);
  assert.equal(parseSize("2KB"), 2048);
  assert.equal(parseSize("17"), 17);
});

test("parseBatch: NDJSON and arrays; errors name the line", () => {
  const layout = layoutOf(smallProfile());
  const parse = (text: string) => parseBatch(Buffer.from(text), layout);
  const ok = parse('{"features":{"a":1}}\n\n{"features":{"a":2},"prediction":1}\n');
  assert.ok(ok.ok);
  assert.equal(ok.events.length, 2);
  const arr = parse(' [{"features":{"a":1}}, {"features":{}}]');
  assert.ok(arr.ok && arr.events.length === 2);
  const bad = parse('{"features":{"a":1}}\n{"features":{"a":2}}\n{"features": {oops}}\n');
  assert.ok(!bad.ok);
  assert.equal(bad.line, 3);
  const noFeatures = parse('{"features":{"a":1}}\n{"x":1}\n');
  assert.ok(!noFeatures.ok && noFeatures.line === 2 && /features/.test(noFeatures.message));
  const badArray = parse('[\n{"features":{}},\n{"features":}\n]');
  assert.ok(!badArray.ok && badArray.line === 3, JSON.stringify(badArray));
  assert.ok(!parse("   ").ok);
});

function smallProfile() {
  const xs = normals(2000, 1);
  return buildProfile(
    table([
      numericColumn("x", xs, "number"),
      dictionaryColumn(
        "plan",
        xs.map((_, i) => ["a", "b", "c"][i % 3]!),
      ),
    ]),
    { createdAt: "2026-01-01T00:00:00.000Z" },
  );
}

test("window state: merging two halves equals the state of the whole; unknown/missing/invalid counted", () => {
  const layout = layoutOf(smallProfile());
  const xs = normals(500, 7);
  const events = xs.map((x, i) => ({ features: { x, plan: ["a", "b", "c", "d"][i % 4]! }, prediction: i % 2 }));
  const whole = new WindowState(layout, 0, 1);
  for (const e of events) whole.addEvent(e.features, e.prediction);
  const left = new WindowState(layout, 0, 1);
  const right = new WindowState(layout, 0, 1);
  events.forEach((e, i) => (i < 200 ? left : right).addEvent(e.features, e.prediction));
  left.merge(right);
  const a = whole.toJson();
  const b = left.toJson();
  assert.deepEqual(b.features.plan, a.features.plan);
  assert.deepEqual((b.features.x as { sketch: unknown }).sketch, (a.features.x as { sketch: unknown }).sketch);
  const ax = a.features.x as { mean: number; m2: number; count: number };
  const bx = b.features.x as { mean: number; m2: number; count: number };
  assert.equal(bx.count, 500);
  assert.ok(Math.abs(ax.mean - bx.mean) < 1e-12 && Math.abs(ax.m2 - bx.m2) < 1e-9);
  assert.equal(b.events, 500);
  // JSON round trip keeps everything.
  assert.deepEqual(WindowState.fromJson(layout, b).toJson(), b);

  const w = new WindowState(layout, 0, 1);
  const stats = { unknown: new Map<string, number>(), missing: 0, invalid: 0 };
  w.addEvent({ x: "twelve", extra: 1 }, undefined, stats);
  w.addEvent({ x: 1, plan: { nested: true }, extra: 2, other: 3 }, "yes", stats);
  assert.deepEqual(Object.fromEntries(stats.unknown), { extra: 2, other: 1 });
  assert.equal(stats.missing, 1); // plan absent from the first event
  assert.equal(stats.invalid, 2);
  const j = w.toJson();
  assert.equal(j.features.x!.invalid, 1);
  assert.equal(j.features.x!.count, 1);
  assert.equal(j.features.plan!.missing, 1);
  assert.equal(j.prediction.missing, 1);
  assert.deepEqual(j.prediction.categorical.values, ["yes"]);
});

test("journal: concurrent appends share one fsync, run onDurable in order, and replay after an offset", async () => {
  const dir = tmp();
  const jdir = join(dir, "journal");
  const path = join(jdir, "0000000000000000.log");
  const { journal } = await Journal.open(jdir, 0, () => assert.fail("empty journal has no records"));
  const order: number[] = [];
  const offsets: number[] = [];
  const appends = Array.from({ length: 10 }, (_, i) =>
    journal.appendBatch(1000 + i, Buffer.from(`{"features":{"i":${i}}}`), (end) => {
      order.push(i);
      offsets.push(end);
    }),
  );
  await Promise.all(appends);
  assert.equal(journal.syncs, 1);
  assert.deepEqual(order, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  await journal.appendTick(5000, () => {});
  assert.equal(journal.syncs, 2);
  await journal.close();

  const seen: JournalRecord[] = [];
  const reopened = await Journal.open(jdir, offsets[4]!, (r) => seen.push(r));
  assert.equal(reopened.replayed, 6);
  assert.deepEqual(
    seen.map((r) => (r.type === "batch" ? r.body.toString() : `tick ${r.t}`)),
    [5, 6, 7, 8, 9].map((i) => `{"features":{"i":${i}}}`).concat(["tick 5000"]),
  );
  await reopened.journal.close();

  // A torn tail (a write cut short) is never replayed and is cut off.
  const size = readFileSync(path).length;
  appendFileSync(path, 'B 9999 100\n{"features":');
  const again = await Journal.open(jdir, 0, () => {});
  assert.equal(again.replayed, 11);
  assert.equal(again.truncatedBytes, readFileSync(path).length === size ? 'B 9999 100\n{"features":'.length : -1);
  await again.journal.close();
});

const POLICY: AlertPolicy = { consecutive: 3, cooldownMs: 1000, closeAfterClean: 2, dispatch: true };

function run(verdicts: (boolean | null)[], policy = POLICY, start: AlertState = INITIAL_ALERT_STATE, step = 100) {
  let state = start;
  const out: string[][] = [];
  verdicts.forEach((d, i) => {
    const r = decideAlerts(state, { window: i, at: (i + 1) * step, datasetDrifted: d }, policy);
    state = r.state;
    out.push(r.actions);
  });
  return { state, out };
}

test("alert policy: opens after `consecutive` drifted windows in a row, not before", () => {
  const { out } = run([true, true, false, true, true, true]);
  assert.deepEqual(out, [[], [], [], [], [], ["issue.open", "dispatch"]]);
});

test("alert policy: further drift updates the one issue; dispatch waits out the cooldown", () => {
  const { out, state } = run([true, true, true, true, true, true, true, true, true, true, true, true, true]);
  // At step 100 ms, the first dispatch is at window 2 (t=300); cooldown 1000 ms allows the next at t>=1300 (window 12).
  assert.deepEqual(out[2], ["issue.open", "dispatch"]);
  for (let i = 3; i < 12; i++) assert.deepEqual(out[i], ["issue.update"], `window ${i}`);
  assert.deepEqual(out[12], ["issue.update", "dispatch"]);
  assert.equal(state.issueOpen, true);
});

test("alert policy: closes after close_after_clean clean windows; empty windows change nothing", () => {
  // A drifted window after a clean one starts a new streak (no update); the clean streak restarts after it.
  const { out, state } = run([true, true, true, false, null, true, false, null, false]);
  assert.deepEqual(out, [[], [], ["issue.open", "dispatch"], [], [], [], [], [], ["issue.close"]]);
  assert.equal(state.issueOpen, false);
  // Without a dispatch configured, no dispatch action.
  const quiet = run([true, true, true], { ...POLICY, dispatch: false });
  assert.deepEqual(quiet.out[2], ["issue.open"]);
});

test("outbox: durable, deduplicated by id across restarts; failures retried until sent", async () => {
  const dir = tmp();
  const path = join(dir, "outbox.jsonl");
  const entry = (id: string): OutboxEntry => ({
    id,
    kind: "issue.open",
    method: "POST",
    path: "/repos/a/b/issues",
    body: { title: id },
    created_at: "2026-01-01T00:00:00.000Z",
  });
  const dry = new Outbox(path, null);
  assert.equal(dry.add(entry("m:w1:issue.open")), true);
  assert.equal(dry.add(entry("m:w1:issue.open")), false);
  const lines = readFileSync(path, "utf8").trim().split("\n");
  assert.equal(lines.length, 1);
  assert.deepEqual(JSON.parse(lines[0]!).path, "/repos/a/b/issues");
  const reloaded = new Outbox(path, null);
  assert.equal(reloaded.add(entry("m:w1:issue.open")), false);
  assert.equal(reloaded.pending().length, 1);

  let calls = 0;
  const flaky = new Outbox(path, async () => {
    calls++;
    if (calls === 1) throw new Error("502 from GitHub");
  });
  flaky.stop(); // drive it by hand, no timers
  await flaky.sendPending();
  assert.equal(flaky.pending().length, 1);
  await flaky.sendPending();
  assert.equal(flaky.pending().length, 0);
  assert.equal(calls, 2);
  assert.equal(new Outbox(path, null).pending().length, 0);
  writeFileSync(join(dir, "unused"), "");
});

test("alert policy: reasons — a window's other signals count like drift; a late breach alerts at once and joins the episode", () => {
  const policy = { ...POLICY, consecutive: 2 };
  let r = decideAlerts(
    INITIAL_ALERT_STATE,
    { window: 0, at: 100, datasetDrifted: false, signals: ["quality"] },
    policy,
  );
  assert.deepEqual(r.actions, []);
  r = decideAlerts(r.state, { window: 1, at: 200, datasetDrifted: true, signals: ["quality"] }, policy);
  assert.deepEqual(r.actions, ["issue.open", "dispatch"]);
  assert.deepEqual(r.reasons, ["drift", "quality"]);
  assert.deepEqual(r.state.reasons, ["drift", "quality"]);
  // A realized-performance breach of an earlier window, judged when its labels came: an update, cooldown respected.
  const b = decideBreach(r.state, { at: 300, reason: "performance" }, policy);
  assert.deepEqual(b.actions, ["issue.update"]);
  assert.deepEqual(b.reasons, ["performance"]);
  assert.deepEqual(b.state.reasons, ["drift", "quality", "performance"]);
  assert.equal(b.state.cleanStreak, 0);
  // On its own, with no issue open: opens and dispatches without waiting for a streak.
  const alone = decideBreach(INITIAL_ALERT_STATE, { at: 5000, reason: "performance" }, policy);
  assert.deepEqual(alone.actions, ["issue.open", "dispatch"]);
  assert.deepEqual(alone.state.reasons, ["performance"]);
  // Clean windows close the episode and forget its reasons.
  let c = decideAlerts(alone.state, { window: 5, at: 5100, datasetDrifted: false }, policy);
  c = decideAlerts(c.state, { window: 6, at: 5200, datasetDrifted: false }, policy);
  assert.deepEqual(c.actions, ["issue.close"]);
  assert.equal(c.state.reasons, undefined);
});

test("alert requests: a performance breach has its own ids, title, reason line and dispatch reason", () => {
  const config = resolveMonitorConfig(
    { reference: "p.json", model: "fraud", actions: { dispatch: { workflow: "retrain.yml" } } },
    "/x/monitor.yml",
  );
  const subject = {
    window: 4,
    started_at: "2026-03-01T00:00:00.000Z",
    closed_at: "2026-03-01T01:00:00.000Z",
  };
  const cause = { fired: ["performance" as const], sections: ["accuracy 0.61 \\*"] };
  const open = buildAlertRequest(config, "issue.open", subject, [], true, cause);
  assert.equal(open.id, "fraud:w4:performance:issue.open");
  assert.equal(open.body.title, "Model fraud: realized performance below its rule");
  const body = String(open.body.body);
  assert.match(body, /^Reason: performance \(realized performance below its rule\)\.$/m);
  assert.match(body, /^In window 4 \(2026-03-01T00:00:00\.000Z to 2026-03-01T01:00:00\.000Z\)\.$/m);
  assert.ok(body.includes("accuracy 0.61 \\*"));
  assert.doesNotMatch(body, /\| feature \|/);
  const d = buildAlertRequest(config, "dispatch", subject, [], true, cause);
  assert.equal(d.id, "fraud:w4:performance:dispatch");
  const inputs = (d.body as { inputs: Record<string, string> }).inputs;
  assert.equal(inputs.reason, "performance");
  assert.match(inputs.detail!, /^realized performance below its rule in window 4; for model fraud$/);
  assert.equal(inputs.features, "");
});
