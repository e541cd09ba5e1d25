import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { resolveMonitorConfig } from "../../monitor/config/monitorConfig.js";
import { startMonitor, type RunningMonitor } from "../../monitor/startMonitor.js";
import { buildProfile } from "../../src/profile/buildProfile.js";
import { writeProfile } from "../../src/profile/profileFile.js";
import { ModelguardError } from "../../src/errors.js";
import { runCli } from "../helpers/cli.js";
import { normals } from "../helpers/random.js";
import { dictionaryColumn, numericColumn, table } from "../helpers/tables.js";
import { startFakeGitHub, type FakeGitHub } from "../fakeGithub/startFakeGitHub.js";
import { setGitHubPacingForTests } from "../../src/github/createGitHubClient.js";
import { manualClock, postEvents, trafficNdjson, waitFor } from "./monitorFixtures.js";

const TOKEN = "ghs_registryReferenceToken0123456789abcdef";
const MODEL = "fixtures/models/breast_cancer_columns.onnx";
const MINUTE = 60_000;
const work = mkdtempSync(join(tmpdir(), "mg-monitor-registry-"));
const saved = { ...process.env };
let fake: FakeGitHub;
let restorePacing: () => void;

before(async () => {
  fake = await startFakeGitHub({ token: TOKEN, repositories: ["acme/models"] });
  // promote runs in-process: without GitHub's second between writes.
  restorePacing = setGitHubPacingForTests({ retryBaseMs: 1, writeIntervalMs: 0, notifyingWriteIntervalMs: 0 });
  // promote (run in-process below) reads these, as it does in a workflow.
  process.env.GITHUB_TOKEN = TOKEN;
  process.env.GITHUB_API_URL = fake.url;
  delete process.env.GITHUB_ACTIONS;
});
after(async () => {
  restorePacing();
  process.env = saved;
  await fake.close();
  rmSync(work, { recursive: true, force: true });
});

/** The profile of the monitor fixtures' traffic: unshifted, or shifted the way trafficNdjson(…, true) is. */
function profileFile(name: string, shifted: boolean, columns: "all" | "no-plan" = "all"): string {
  const xs = normals(5000, 21, shifted ? 1.5 : 0, 1);
  const ys = normals(5000, 22, shifted ? 14 : 10, 2);
  const plan = xs.map((_, i) => (shifted && i % 2 === 0 ? "team" : ["basic", "pro", "team"][i % 3]!));
  const cols: Parameters<typeof table>[0] = [numericColumn("x", xs, "number"), numericColumn("y", ys, "number")];
  if (columns === "all") cols.push(dictionaryColumn("plan", plan));
  const path = join(work, `${name}.json`);
  writeProfile(path, buildProfile(table(cols), { createdAt: "2026-01-01T00:00:00.000Z" }));
  return path;
}

async function promote(profile: string, registry = "github:acme/models"): Promise<void> {
  const r = await runCli("promote", "--name", "fraud", "--model", MODEL, "--profile", profile, "--registry", registry);
  assert.equal(r.code, 0, r.stderr);
}

function startOn(raw: Record<string, unknown>, logs: string[], clock: ReturnType<typeof manualClock>) {
  const dir = mkdtempSync(join(work, "monitor-"));
  const config = resolveMonitorConfig(
    {
      reference: "registry:fraud",
      state: "state",
      window: { size: 1000 },
      github: { repository: "acme/models", web_url: "https://github.com" },
      alert: { consecutive: 2, cooldown: "1h", close_after_clean: 2 },
      actions: { issue: { labels: ["drift"] }, dispatch: { workflow: "retrain.yml", ref: "main" } },
      ...raw,
    },
    join(dir, "monitor.yml"),
  );
  return startMonitor(config, {
    env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: fake.url },
    logger: pino({ level: "debug" }, { write: (s: string) => void logs.push(s) }),
    port: 0,
    now: clock.now,
    tickIntervalMs: 0,
    registryPollMs: 0,
    github: { pacing: { retryBaseMs: 1, writeIntervalMs: 0, notifyingWriteIntervalMs: 0 }, rateLimitRetries: 0 },
    outboxRetry: { baseDelayMs: 2, maxDelayMs: 20 },
  });
}

async function window(m: RunningMonitor, clock: ReturnType<typeof manualClock>, seed: number, shifted: boolean) {
  clock.advance(MINUTE);
  assert.equal((await postEvents(m.url, trafficNdjson(1000, seed, shifted))).status, 202);
}

async function delivered(m: RunningMonitor) {
  await waitFor("the outbox to be delivered", () => m.outbox.pending().length === 0);
  await m.outbox.idle();
}

test("reference: registry:NAME follows production on GitHub: v1's profile, a 304 while it stays, v2 at the next window, a note on the drift issue, which closes on clean windows", async () => {
  await promote(profileFile("p1", false));
  const clock = manualClock();
  const logs: string[] = [];
  const m = await startOn({ registry: "github:acme/models" }, logs, clock);
  try {
    assert.equal(m.monitor.config.model, "fraud");
    assert.equal(m.monitor.modelVersion, "v1");
    assert.match(
      await (await fetch(`${m.url}/metrics`)).text(),
      /^modelguard_monitor_model_version_info\{model_version="v1"\} 1$/m,
    );

    // Unchanged production: a conditional request answered 304.
    const before304 = fake.notModified;
    assert.equal(await m.reloadReference(), null);
    assert.equal(fake.notModified, before304 + 1);

    await window(m, clock, 100, true); // w0 drifted from v1
    await window(m, clock, 200, true); // w1: the issue opens, retraining is dispatched
    await delivered(m);
    const issue = fake.state.issuesOf("acme/models")[0]!;
    assert.equal(issue.state, "open");
    const d = fake.state.workflowDispatches.at(-1)!;
    assert.equal(d.inputs.production_version, "v1");
    assert.equal(d.inputs.window_start, "2026-03-01T00:02:00.000Z");
    assert.equal(d.inputs.window_end, "2026-03-01T00:02:00.000Z");

    // Retrained on the shifted data and promoted: the monitor switches (the open window is empty: at once).
    await promote(profileFile("p2", true));
    assert.equal(await m.reloadReference(), "v2");
    assert.equal(m.monitor.modelVersion, "v2");
    assert.equal(m.monitor.alert.driftStreak, 0);
    assert.equal(m.monitor.alert.lastDispatchAt, null, "a new alert episode");
    await delivered(m);
    const note = fake.state
      .commentsOf("acme/models", issue.number)
      .map((c) => c.body)
      .join("\n");
    assert.match(note, /Production is now `fraud v2` \(was `v1`\): windows from window 2 on/);

    await window(m, clock, 300, true); // clean against v2
    await window(m, clock, 400, true); // clean again: the issue closes
    await delivered(m);
    assert.equal(issue.state, "closed");
    assert.equal(fake.state.workflowDispatches.filter((x) => x.inputs.production_version === "v2").length, 0);

    const reports = readdirSync(join(m.monitor.config.state, "windows"))
      .sort()
      .map((f) => JSON.parse(readFileSync(join(m.monitor.config.state, "windows", f), "utf8")));
    assert.deepEqual(
      reports.map((r) => [r.window, r.model_version, r.dataset_drifted]),
      [
        [0, "v1", true],
        [1, "v1", true],
        [2, "v2", false],
        [3, "v2", false],
      ],
    );
    assert.equal(reports[2].drift.reference, "registry:fraud@v2");
    const metrics = await (await fetch(`${m.url}/metrics`)).text();
    assert.match(metrics, /^modelguard_monitor_model_version_info\{model_version="v2"\} 1$/m);
    assert.doesNotMatch(metrics, /model_version="v1"\} 1$/m);
    assert.match(metrics, /^modelguard_monitor_windows_closed_total\{model_version="v2"\} 2$/m);
    assert.match(metrics, /^modelguard_monitor_dataset_drifted\{model_version="v2"\} 0$/m);

    // A production whose profile has other features cannot be switched to in place: logged, the reference stays.
    await promote(profileFile("p3", true, "no-plan"));
    assert.equal(await m.reloadReference(), null);
    assert.equal(m.monitor.modelVersion, "v2");
    assert.match(logs.join(""), /other features \(names or kinds\) than the running one: restart the monitor/);
    assert.deepEqual(fake.violations, []);
    assert.ok(!logs.join("").includes(TOKEN));
  } finally {
    await m.shutdown();
  }
});

test("a directory registry works the same way (no ETag: the pointer is read each poll)", async () => {
  const dir = join(work, "registry-dir");
  const r = await runCli(
    "promote",
    "--name",
    "fraud",
    "--model",
    MODEL,
    "--profile",
    profileFile("d1", false),
    "--registry",
    dir,
  );
  assert.equal(r.code, 0, r.stderr);
  // `monitor --check` fetches and checks production's profile as a start would.
  const yml = join(work, "check.yml");
  writeFileSync(
    yml,
    `reference: registry:fraud\nregistry: ${JSON.stringify(dir)}\nstate: ${JSON.stringify(join(work, "check-state"))}\n`,
  );
  const checked = await runCli("monitor", "--config", yml, "--check");
  assert.equal(checked.code, 0, checked.stderr);
  assert.match(checked.stdout, /ok \(model fraud, 3 reference columns/);
  const clock = manualClock();
  const m = await startOn({ registry: dir }, [], clock);
  try {
    assert.equal(m.monitor.modelVersion, "v1");
    assert.equal(await m.reloadReference(), null);
    await window(m, clock, 500, false);
    await promote(profileFile("d2", true), dir);
    assert.equal(await m.reloadReference(), "v2");
    assert.equal(m.monitor.modelVersion, "v2");
  } finally {
    await m.shutdown();
  }
});

test("monitor replay with reference: registry:NAME replays against production's profile, and says which version", async () => {
  const dir = join(work, "replay-registry");
  const log = join(work, "replay.jsonl");
  // Two windows of 1000 events: the first like v1's training data, the second like v2's.
  writeFileSync(log, trafficNdjson(1000, 700, false) + "\n" + trafficNdjson(1000, 800, true) + "\n");
  const yml = join(work, "replay.yml");
  writeFileSync(
    yml,
    `reference: registry:fraud\nregistry: ${JSON.stringify(dir)}\nstate: ${JSON.stringify(join(work, "replay-state"))}\n` +
      "window: {size: 1000}\nalert: {consecutive: 1}\n",
  );
  const replay = async () => {
    const r = await runCli("monitor", "replay", "--config", yml, "--from", log, "--json");
    assert.equal(r.code, 0, r.stderr);
    return JSON.parse(r.stdout) as { model_version?: string; windows: { dataset_drifted: boolean | null }[] };
  };
  await promote(profileFile("r1", false), dir);
  let r = await replay();
  assert.equal(r.model_version, "v1");
  assert.deepEqual(
    r.windows.map((w) => w.dataset_drifted),
    [false, true],
  );
  await promote(profileFile("r2", true), dir);
  r = await replay();
  assert.equal(r.model_version, "v2");
  assert.deepEqual(
    r.windows.map((w) => w.dataset_drifted),
    [true, false],
  );
  const text = await runCli("monitor", "replay", "--config", yml, "--from", log);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /against production v2 \(dry run/);
  // The replay kept nothing in the state directory the config names: a live monitor's state is never touched.
  assert.throws(() => readdirSync(join(work, "replay-state")));
});

test("monitor.yml: registry keys need a registry reference; a bad name and a pinned version are refused; fleet mode follows production too", () => {
  const path = join(work, "monitor.yml");
  const refuse = (raw: Record<string, unknown>, re: RegExp) =>
    assert.throws(
      () => resolveMonitorConfig(raw, path),
      (e: unknown) => e instanceof ModelguardError && e.code === "config" && re.test(e.message),
    );
  refuse({ reference: "profile.json", registry: "github" }, /registry: only applies with reference: registry:NAME/);
  refuse({ reference: "registry:fraud@v3" }, /is not registry:NAME/);
  refuse(
    { reference: "registry:fraud", registry_poll: "1s" },
    /registry_poll: '1s' is outside the allowed range 10s to 1d/,
  );
  // A fleet follows production too (test/monitor/fleet/fleetRegistryReference.test.ts).
  const fleet = resolveMonitorConfig(
    { reference: "registry:fraud", window: { duration: "1m" }, fleet: { redis: "redis://127.0.0.1:1", member: "a" } },
    path,
  );
  assert.deepEqual(fleet.referenceRegistry, { name: "fraud", registry: "github" });
  assert.equal(fleet.fleet?.member, "a");
  const c = resolveMonitorConfig({ reference: "registry:fraud" }, path);
  assert.deepEqual(c.referenceRegistry, { name: "fraud", registry: "github" });
  assert.equal(c.registryPollMs, 300_000);
  assert.equal(c.model, "fraud");
});

test("a switch while idle: the empty duration window already open counts out-of-range values against the new production's range, as its drift is judged against its profile", async () => {
  const dir = join(work, "registry-quality");
  const v1 = profileFile("q1", false);
  const v2 = profileFile("q2", true);
  await promote(v1, dir);
  const clock = manualClock();
  const m = await startOn({ registry: dir, window: { duration: "1m" } }, [], clock);
  try {
    // Shifted traffic throughout: v1's range is too narrow for it, v2 (trained on it) is not.
    const traffic = trafficNdjson(2000, 700, true).split("\n");
    assert.equal((await postEvents(m.url, traffic.slice(0, 1000).join("\n"))).status, 202);
    clock.advance(MINUTE);
    await m.tick();
    // Window 0 closed; window 1 is open (a duration window opens before its first event) and empty: v2 at once.
    assert.equal(m.monitor.recent.length, 1);
    await promote(v2, dir);
    assert.equal(await m.reloadReference(), "v2");
    assert.equal((await postEvents(m.url, traffic.slice(1000).join("\n"))).status, 202);
    clock.advance(MINUTE);
    await m.tick();
    assert.equal(m.monitor.recent.length, 2);
    const xs = traffic.map((l) => (JSON.parse(l) as { features: { x: number } }).features.x);
    const outside = (profile: string, values: number[]) => {
      const x = (JSON.parse(readFileSync(profile, "utf8")) as { columns: { x: { min: number; max: number } } }).columns
        .x;
      return values.filter((v) => v < x.min || v > x.max).length;
    };
    const [w0, w1] = m.monitor.recent.map((r) => ({
      version: r.model_version,
      reference: r.drift.reference,
      outOfRange: r.drift.quality!.features.find((f) => f.name === "x")!.out_of_range_share!.count,
    }));
    assert.deepEqual(w0, { version: "v1", reference: "registry:fraud@v1", outOfRange: outside(v1, xs.slice(0, 1000)) });
    assert.deepEqual(w1, { version: "v2", reference: "registry:fraud@v2", outOfRange: outside(v2, xs.slice(1000)) });
    // The two ranges differ on this traffic, so the assertion above tells them apart.
    assert.notEqual(outside(v1, xs.slice(1000)), outside(v2, xs.slice(1000)));
  } finally {
    await m.shutdown();
  }
});
