// The Grafana dashboard and the alerting rules of monitor/deploy query only what a real monitor exports: every metric
// name in every dashboard query and rule expression is a sample on /metrics of monitors driven until it appears (a
// closed drifted window, a rejected batch, labels joined with events, a window's estimated performance, production
// followed in a registry, a fleet member
// that merged a window and sent its alert), so a renamed or removed metric fails here.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pino } from "pino";
import { parse } from "yaml";
import { resolveMonitorConfig } from "../../monitor/config/monitorConfig.js";
import { startMonitor, type RunningMonitor } from "../../monitor/startMonitor.js";
import { startFakeGitHub, type FakeGitHub } from "../fakeGithub/startFakeGitHub.js";
import { runCli } from "../helpers/cli.js";
import { exposedSampleNames, promqlMetricNames } from "../helpers/promqlMetricNames.js";
import { startRedisServer, type RedisServer, REDIS_SERVER } from "../helpers/redisServer.js";
import { startLabelledMonitor } from "./labelledMonitor.js";
import { manualClock, postEvents, setupMonitor, trafficNdjson } from "./monitorFixtures.js";

const DASHBOARD = "monitor/deploy/grafana-dashboard.json";
const RULES = "monitor/deploy/modelguard-rules.yml";
const TOKEN = "ghs_deployMetricsToken0123456789abcdefAB";
const quiet = pino({ level: "silent" });
const noRedis = existsSync(REDIS_SERVER) ? false : `${REDIS_SERVER} is not installed: fleet metrics are not exported`;

interface Target {
  expr?: string;
}
interface Panel {
  id: number;
  type: string;
  title: string;
  datasource?: { type: string; uid: string };
  gridPos: { x: number; y: number; w: number; h: number };
  targets?: Target[];
  panels?: Panel[];
}
interface Dashboard {
  schemaVersion: number;
  uid: string;
  title: string;
  panels: Panel[];
  templating: { list: { type: string; name: string; query: unknown; datasource?: { uid: string } }[] };
}

const dashboard = (): Dashboard => JSON.parse(readFileSync(DASHBOARD, "utf8")) as Dashboard;
const allPanels = (d: Dashboard): Panel[] => d.panels.flatMap((p) => [p, ...(p.panels ?? [])]);

/** Every PromQL query of the dashboard and the rules, with where it is (for the failure message). */
function queries(): { where: string; expr: string }[] {
  const d = dashboard();
  const out: { where: string; expr: string }[] = [];
  for (const p of allPanels(d))
    for (const t of p.targets ?? []) if (t.expr) out.push({ where: `dashboard panel "${p.title}"`, expr: t.expr });
  for (const v of d.templating.list) {
    if (v.type !== "query") continue;
    const q = typeof v.query === "string" ? v.query : (v.query as { query: string }).query;
    // Grafana's label_values(<selector>, <label>): the selector is PromQL, the label is not a metric.
    const m = /^label_values\((.*),\s*\w+\s*\)$/s.exec(q);
    out.push({ where: `dashboard variable $${v.name}`, expr: m ? m[1]! : q });
  }
  const rules = parse(readFileSync(RULES, "utf8")) as { groups: { rules: { alert: string; expr: string }[] }[] };
  for (const g of rules.groups) for (const r of g.rules) out.push({ where: `rule ${r.alert}`, expr: r.expr });
  return out;
}

test("the PromQL tokenizer finds metric names, not functions, labels, keywords, strings or Grafana variables", () => {
  assert.deepEqual(
    [
      ...promqlMetricNames(
        'histogram_quantile(0.99, sum by (job, le) (rate(a_bucket{x="b c", y=~"$job"}[$__rate_interval])))',
      ),
    ],
    ["a_bucket"],
  );
  assert.deepEqual(
    [...promqlMetricNames("x_total / on (job, instance) group_left(member) y > 0.25 unless ignoring (a) z offset 5m")],
    ["x_total", "y", "z"],
  );
  assert.deepEqual(
    [...promqlMetricNames('sum without (feature) (m{f="}"}) and absent(n) or max(p) == bool 1 # q\n')],
    ["m", "n", "p"],
  );
  assert.deepEqual([...promqlMetricNames('count_values("v", a) * ${x} + 1e-3 + inf')], ["a"]);
});

test("the dashboard: a current schema, a Prometheus datasource variable every query uses, no overlapping panels, nothing external", () => {
  const d = dashboard();
  assert.ok(d.schemaVersion >= 39, `schemaVersion ${d.schemaVersion}`);
  assert.equal(d.uid, "modelguard-monitor");
  const ds = d.templating.list.find((v) => v.type === "datasource");
  assert.equal(ds?.name, "datasource");
  assert.equal(ds?.query, "prometheus");
  for (const v of d.templating.list) if (v.type === "query") assert.equal(v.datasource?.uid, "${datasource}");
  const panels = allPanels(d);
  assert.equal(new Set(panels.map((p) => p.id)).size, panels.length, "unique panel ids");
  const queried = panels.filter((p) => p.type !== "row");
  assert.ok(queried.length >= 20, `${queried.length} panels`);
  for (const p of queried) {
    assert.equal(p.datasource?.uid, "${datasource}", `panel "${p.title}" uses the datasource variable`);
    assert.ok((p.targets ?? []).length > 0 && p.targets!.every((t) => t.expr), `panel "${p.title}" has queries`);
    assert.ok(p.gridPos.x >= 0 && p.gridPos.x + p.gridPos.w <= 24, `panel "${p.title}" fits the 24-column grid`);
  }
  // Grafana lays panels on a grid: two panels on the same cells hide one another.
  for (const [i, a] of panels.entries())
    for (const b of panels.slice(i + 1)) {
      const overlap =
        a.gridPos.x < b.gridPos.x + b.gridPos.w &&
        b.gridPos.x < a.gridPos.x + a.gridPos.w &&
        a.gridPos.y < b.gridPos.y + b.gridPos.h &&
        b.gridPos.y < a.gridPos.y + a.gridPos.h;
      assert.ok(!overlap, `panels "${a.title}" and "${b.title}" overlap`);
    }
  // No external assets or links (images, plugins, other dashboards): the JSON names no URL at all.
  assert.doesNotMatch(readFileSync(DASHBOARD, "utf8"), /https?:\/\//);
});

let redis: RedisServer | null = null;
let fake: FakeGitHub;
before(async () => {
  fake = await startFakeGitHub({ token: TOKEN, repositories: ["acme/models"] });
  if (!noRedis) redis = await startRedisServer();
});
after(async () => {
  await redis?.stop();
  await fake.close();
});

async function scrape(m: RunningMonitor): Promise<string> {
  const r = await fetch(`${m.url}/metrics`);
  assert.equal(r.status, 200);
  return r.text();
}

/** A single monitor (dry run) through a drifted window with an alert, a refused batch and an open window. */
async function singleMonitorExposition(): Promise<string> {
  const { config } = setupMonitor({ alert: { consecutive: 1 }, prediction: { column: "x" } });
  const m = await startMonitor(config, { env: {}, logger: quiet, port: 0, sender: null });
  try {
    assert.equal((await postEvents(m.url, trafficNdjson(1000, 31, true))).status, 202);
    assert.equal((await postEvents(m.url, '{"features":')).status, 400);
    assert.equal((await postEvents(m.url, trafficNdjson(10, 32, false))).status, 202);
    assert.equal(m.monitor.recent.length, 1, "one window closed");
    const text = await scrape(m);
    // The health gauges read at scrape: ready, writable journal, a dry run holding the alert it decided.
    assert.match(text, /^modelguard_monitor_ready 1$/m);
    assert.match(text, /^modelguard_monitor_journal_available 1$/m);
    assert.match(text, /^modelguard_monitor_outbox_dry_run 1$/m);
    assert.match(text, /^modelguard_monitor_outbox_pending [1-9]\d*$/m);
    return text;
  } finally {
    await m.shutdown();
  }
}

/** The monitor of labelledMonitor.ts: labels joined, a window estimated and judged on its labels, both breached. */
async function labelledMonitorExposition(): Promise<string> {
  const m = await startLabelledMonitor();
  try {
    const performance = (await (await fetch(`${m.url}/v1/performance`)).json()) as { windows: { breached: boolean }[] };
    assert.equal(performance.windows[0]?.breached, true, "window 0 judged on its labels and breached");
    return await scrape(m);
  } finally {
    await m.shutdown();
  }
}

/** A monitor following production in a directory registry: the production version's info gauge. */
async function registryMonitorExposition(): Promise<string> {
  const { dir } = setupMonitor();
  const registry = join(dir, "registry");
  const promoted = await runCli(
    "promote",
    ...["--name", "fraud", "--model", "fixtures/models/breast_cancer_columns.onnx"],
    ...["--profile", join(dir, "profile.json"), "--registry", registry],
  );
  assert.equal(promoted.code, 0, promoted.stderr);
  const config = resolveMonitorConfig(
    { model: "fraud", reference: "registry:fraud", registry, state: "state", window: { size: 1000 } },
    join(dir, "monitor.yml"),
  );
  const m = await startMonitor(config, { env: {}, logger: quiet, port: 0, sender: null, registryPollMs: 0 });
  try {
    const text = await scrape(m);
    assert.match(text, /^modelguard_monitor_model_version_info\{model_version="v1"\} 1$/m);
    return text;
  } finally {
    await m.shutdown();
  }
}

/** A one-member fleet on a manual clock that merges a drifted window as the leader and sends its issue. */
async function fleetMemberExposition(): Promise<string> {
  const { dir } = setupMonitor();
  const config = resolveMonitorConfig(
    {
      model: "fraud",
      reference: "profile.json",
      state: "state",
      window: { duration: "1m", time: "processing" },
      alert: { consecutive: 1 },
      github: { repository: "acme/models", web_url: "https://github.com" },
      actions: { issue: { labels: ["drift"] } },
      fleet: { redis: redis!.url, member: "m1", key_prefix: "deploy-metrics:", lease: "3s", grace: "2s" },
    },
    `${dir}/monitor.yml`,
  );
  const clock = manualClock();
  const m = await startMonitor(config, {
    env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: fake.url },
    logger: quiet,
    port: 0,
    now: clock.now,
    tickIntervalMs: 0,
    fleetRoundMs: 0,
    github: { pacing: { retryBaseMs: 1, writeIntervalMs: 0, notifyingWriteIntervalMs: 0 }, rateLimitRetries: 0 },
  });
  try {
    assert.equal((await postEvents(m.url, trafficNdjson(1000, 41, true))).status, 202);
    // The window ends at the next minute; its tick closes it, the round after grace merges it and sends the issue.
    for (let s = 0; s < 70 && fake.state.issues.length === 0; s++) {
      clock.advance(1000);
      await m.tick();
      await m.fleet!.round();
      await m.outbox.idle();
    }
    assert.equal(fake.state.issues.length, 1, "the leader opened the issue");
    assert.deepEqual(fake.violations, []);
    // The member's status page shows the fleet's merged window, and who leads (the alert state is the leader's).
    const page = await (await fetch(`${m.url}/`)).text();
    assert.match(page, /class="banner banner-drift"/);
    assert.match(page, /<dt>This member<\/dt><dd>m1<\/dd>\s*<dt>Leader<\/dt><dd>yes<\/dd>/);
    assert.match(page, /Kept by the fleet's leader/);
    assert.match(page, /<td class="num">1000<\/td>/);
    return await scrape(m);
  } finally {
    await m.shutdown();
  }
}

test("every metric the dashboard and the rules query is exported by a running monitor, and every one it exports is on the dashboard", async () => {
  const exported = exposedSampleNames(await singleMonitorExposition());
  for (const name of exposedSampleNames(await labelledMonitorExposition())) exported.add(name);
  for (const name of exposedSampleNames(await registryMonitorExposition())) exported.add(name);
  if (!noRedis) for (const name of exposedSampleNames(await fleetMemberExposition())) exported.add(name);
  const qs = queries();
  assert.ok(qs.length > 40, `${qs.length} queries`);
  const missing: string[] = [];
  for (const { where, expr } of qs) {
    const names = promqlMetricNames(expr);
    assert.ok(names.size > 0, `${where} selects no metric: ${expr}`);
    for (const name of names)
      if (!exported.has(name) && !(noRedis && name.startsWith("modelguard_monitor_fleet_")))
        missing.push(`${where}: ${name}`);
  }
  assert.deepEqual(missing, [], "queried but not exported");
  // And the other way round: every modelguard metric a monitor exports is on the dashboard (a histogram by its
  // _bucket, _sum or _count), so a new metric comes with its panel.
  const onDashboard = new Set(
    queries()
      .filter((q) => q.where.startsWith("dashboard"))
      .flatMap((q) => [...promqlMetricNames(q.expr)].map((n) => n.replace(/_(bucket|sum|count)$/, ""))),
  );
  const notShown = [...exported]
    .filter((n) => n.startsWith("modelguard_monitor_"))
    .map((n) => n.replace(/_(bucket|sum|count)$/, ""))
    .filter((n) => !onDashboard.has(n));
  assert.deepEqual([...new Set(notShown)], [], "exported but on no panel of monitor/deploy/grafana-dashboard.json");
});
