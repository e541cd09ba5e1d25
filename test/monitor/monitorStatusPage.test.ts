// GET / on the monitor: the status page, from the state /v1/drift serves, self-contained under a strict CSP, rendered
// by headless Chromium from the running monitor (banner colours checked in screenshots), data names escaped.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { resolveMonitorConfig } from "../../monitor/config/monitorConfig.js";
import { driftStatus } from "../../monitor/http/driftRoute.js";
import type { PerformanceWindowReport } from "../../monitor/performance/performanceWindows.js";
import { startMonitor, type RunningMonitor } from "../../monitor/startMonitor.js";
import { renderStatusPage } from "../../monitor/status/renderStatusPage.js";
import { statusView } from "../../monitor/status/statusView.js";
import type { WindowReport } from "../../monitor/windows/windowReport.js";
import { buildProfile } from "../../src/profile/buildProfile.js";
import { writeProfile } from "../../src/profile/profileFile.js";
import { formatMetric } from "../../src/report/formatNumber.js";
import { chromium, near, noChromium, screenshot, share, type Rgb } from "../helpers/headlessChromium.js";
import { normals } from "../helpers/random.js";
import { dictionaryColumn, numericColumn, table } from "../helpers/tables.js";
import { startLabelledMonitor } from "./labelledMonitor.js";
import { postEvents, setupMonitor, trafficNdjson } from "./monitorFixtures.js";

const quiet = pino({ level: "silent" });
const tmpRoot = mkdtempSync(join(tmpdir(), "mg-status-page-"));
after(() => rmSync(tmpRoot, { recursive: true, force: true }));

/** The banner colours of templates/monitor/status.html.hbs. */
const ALERT_RED: Rgb = [0xb3, 0x26, 0x1e];
const DRIFT_AMBER: Rgb = [0x9a, 0x67, 0x00];
const OK_GREEN: Rgb = [0x1a, 0x7f, 0x37];
const BANNERS = [ALERT_RED, DRIFT_AMBER, OK_GREEN];

async function getPage(m: RunningMonitor) {
  const r = await fetch(`${m.url}/`);
  return { status: r.status, headers: r.headers, html: await r.text() };
}

async function withMonitor<T>(extra: Record<string, unknown>, body: (m: RunningMonitor) => Promise<T>): Promise<T> {
  const { config } = setupMonitor(extra);
  const m = await startMonitor(config, { env: {}, logger: quiet, port: 0, sender: null });
  try {
    return await body(m);
  } finally {
    await m.shutdown();
  }
}

/** Nothing that loads or runs anything: no script, no element or attribute that fetches, no CSS that does. */
function assertSelfContained(html: string): void {
  assert.doesNotMatch(html, /<(script|link|img|iframe|object|embed|audio|video|source|base|form)\b/i);
  assert.doesNotMatch(html, /\s(src|href|srcset|action|poster|background|data)\s*=/i);
  assert.doesNotMatch(html, /url\(|@import|@font-face/i);
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i, "no inline event handler");
}

test("GET /: the open window, the alert state and the last window's drift per feature, as /v1/drift has them, under a strict CSP", async () => {
  await withMonitor({ alert: { consecutive: 1 }, prediction: { column: "x" } }, async (m) => {
    const first = await getPage(m);
    assert.equal(first.status, 200);
    assert.equal(first.headers.get("content-type"), "text/html; charset=utf-8");
    assert.equal(
      first.headers.get("content-security-policy"),
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    assert.equal(first.headers.get("x-content-type-options"), "nosniff");
    assert.equal(first.headers.get("cache-control"), "no-store");
    assert.match(first.html, /class="banner banner-waiting"/);
    assert.match(first.html, /No window has closed yet/);

    assert.equal((await postEvents(m.url, trafficNdjson(1000, 71, true))).status, 202);
    assert.equal((await postEvents(m.url, trafficNdjson(250, 72, false))).status, 202);
    const { html } = await getPage(m);
    assertSelfContained(html);
    assert.match(html, /class="banner banner-alert"/);
    assert.match(html, /Reason: drift[,.]/);
    // The open window after the first closed: 250 events, a quarter of its size.
    assert.match(html, /<h3>Open window 1<\/h3>/);
    assert.match(html, /<dt>Events<\/dt><dd>250<\/dd>/);
    assert.match(html, /<dt>Progress<\/dt><dd>25\.0%<\/dd>/);
    // The same numbers /v1/drift reports, formatted as the reports format them.
    const drift = (await (await fetch(`${m.url}/v1/drift`)).json()) as { windows: WindowReport[] };
    const w = drift.windows[0]!;
    const features = /<table id="features">([\s\S]*?)<\/table>/.exec(html)![1]!;
    const rows = [...features.matchAll(/<tr( class="drifted")?><td class="name">([^<]*)<\/td>.*?<\/tr>/g)];
    assert.deepEqual(rows.map((r) => r[2]).sort(), w.drift.features.map((f) => f.name).sort());
    for (const f of w.drift.features) {
      const row = rows.find((r) => r[2] === f.name)!;
      assert.equal(row[1] !== undefined, f.drifted, `${f.name} drifted`);
      assert.ok(row[0].includes(`<td class="num">${formatMetric(f.tests.psi!.statistic)}</td>`), `${f.name} PSI`);
    }
    assert.ok(w.drift.features.some((f) => f.drifted));
    assert.match(html, new RegExp(`<td class="num">${w.events}</td>`));
    // The prediction column's drift.
    assert.match(html, /Against the reference column <strong>x<\/strong>: /);
    // The window's quality signals: every fired one is a tinted row with its share, as the report has it.
    const fired = w.drift.quality!.fired;
    assert.ok(fired.length > 0, "the shifted window fires a quality signal");
    const quality = /<table id="quality-table">([\s\S]*?)<\/table>/.exec(html)![1]!;
    const firedRows = [
      ...quality.matchAll(
        /<tr class="drifted"><td class="name">([^<]*)<\/td><td>([^<]*)<\/td><td class="num">([^<]*)</g,
      ),
    ];
    assert.deepEqual(
      firedRows.map((r) => [r[1], r[2], r[3]]).sort(),
      fired.map((f) => [f.feature, f.signal, `${(f.share * 100).toFixed(1)}%`]).sort(),
    );
  });
});

test(
  "the status page in headless Chromium: the banner is red for an open alert, amber for a drifted window, green for a clean one",
  { skip: noChromium },
  async () => {
    const states: [string, Record<string, unknown>, boolean][] = [
      ["alert", { alert: { consecutive: 1 } }, true],
      ["drift", { alert: { consecutive: 3 } }, true],
      ["ok", {}, false],
    ];
    const monitors: RunningMonitor[] = [];
    try {
      for (const [i, [, extra, shifted]] of states.entries()) {
        const m = await startMonitor(setupMonitor(extra).config, { env: {}, logger: quiet, port: 0, sender: null });
        monitors.push(m);
        assert.equal((await postEvents(m.url, trafficNdjson(1000, 81 + i, shifted))).status, 202);
        assert.equal(m.monitor.recent[0]!.dataset_drifted, shifted);
      }
      // One browser per page, side by side (each start-up is most of the time).
      const images = await Promise.all(monitors.map((m, i) => screenshot(`${m.url}/`, 1200, i === 0 ? 900 : 300)));
      assert.deepEqual(
        images.map((img, i) => [states[i]![0], bannerColour(img)]),
        [
          ["alert", ALERT_RED],
          ["drift", DRIFT_AMBER],
          ["ok", OK_GREEN],
        ],
      );
      // Below the banner: the drifted features' rows are tinted and their PSI bars drawn (the inline styles apply).
      const img = images[0]!;
      assert.equal(img.width, 1200);
      const tint = share(img, 150, 900, (c) => near(c, [0xff, 0xf5, 0xf5], 3));
      const bars = share(img, 150, 900, (c) => near(c, [0xcf, 0x22, 0x2e], 8));
      assert.ok(tint > 0.005, `drifted rows ${tint}`);
      assert.ok(bars > 0.0005, `PSI bars ${bars}`);
    } finally {
      for (const m of monitors) await m.shutdown();
    }
  },
);

/** The banner colour covering most of the top 60 px (and the share it covers must be most of it). */
function bannerColour(img: Awaited<ReturnType<typeof screenshot>>): Rgb {
  const covered = BANNERS.map((c) => [c, share(img, 0, 60, (p) => near(p, c))] as const).sort((a, b) => b[1] - a[1]);
  assert.ok(covered[0]![1] > 0.6, `the top band is one banner colour (${covered[0]![1]})`);
  assert.equal(covered[1]![1], 0, "and no other");
  return covered[0]![0] as Rgb;
}

const HOSTILE = {
  script: "<script>alert(1)</script>",
  style: "</style><h1>big</h1>",
  attribute: '" onmouseover="alert(2)" x="',
  bidi: "amount\u202Egnp.exe",
};

test(
  "feature names are data: <script>, </style>, quotes and bidi controls are escaped in the page and never become elements",
  { skip: noChromium },
  async () => {
    const dir = mkdtempSync(join(tmpRoot, "hostile-"));
    const xs = normals(3000, 91);
    const profile = buildProfile(
      table([
        numericColumn(HOSTILE.script, xs, "number"),
        numericColumn(HOSTILE.attribute, normals(3000, 92), "number"),
        numericColumn(HOSTILE.bidi, normals(3000, 93), "number"),
        dictionaryColumn(
          HOSTILE.style,
          xs.map((_, i) => ["a", "b", "c"][i % 3]!),
        ),
      ]),
      { createdAt: "2026-01-01T00:00:00.000Z" },
    );
    writeProfile(join(dir, "profile.json"), profile);
    const config = resolveMonitorConfig(
      { model: "fraud", reference: "profile.json", state: "state", window: { size: 500 }, alert: { consecutive: 1 } },
      join(dir, "monitor.yml"),
    );
    writeFileSync(join(dir, "monitor.json"), JSON.stringify(config));
    const m = await startMonitor(config, { env: {}, logger: quiet, port: 0, sender: null });
    try {
      const shifted = normals(500, 94, 2, 1);
      const events = shifted.map((x, i) =>
        JSON.stringify({
          features: {
            [HOSTILE.script]: x,
            [HOSTILE.attribute]: x,
            [HOSTILE.bidi]: -x,
            [HOSTILE.style]: i % 2 ? "c" : "new",
          },
        }),
      );
      assert.equal((await postEvents(m.url, events.join("\n"))).status, 202);
      assert.equal(m.monitor.recent.length, 1);
      const { html } = await getPage(m);
      assertSelfContained(html);
      assert.equal(html.match(/<\/style>/g)?.length, 1, "the page's own style sheet only");
      assert.equal(html.match(/<h1>/g)?.length, 1, "the banner's heading only");
      assert.ok(html.includes("&lt;script&gt;alert(1)&lt;/script&gt;"));
      assert.ok(html.includes("&lt;/style&gt;&lt;h1&gt;big&lt;/h1&gt;"));
      assert.ok(html.includes("&quot; onmouseover&#x3D;&quot;alert(2)&quot; x&#x3D;&quot;"));
      // The right-to-left override that would show "amountexe.png" is replaced, not passed to the browser.
      assert.ok(!html.includes("\u202E") && html.includes("amount\uFFFDgnp.exe"));
      // What the browser builds: one style element, no script, the banner's h1 only, four feature rows whose text is
      // the names as they are.
      const dom = await chromium(`${m.url}/`, ["--dump-dom"]);
      assert.equal(dom.match(/<style>/g)?.length, 1);
      assert.doesNotMatch(dom, /<script/i);
      assert.equal(dom.match(/<h1>/g)?.length, 1);
      const featureTable = /<table id="features">([\s\S]*?)<\/table>/.exec(dom)![1]!;
      assert.equal(featureTable.match(/<tr/g)!.length, 1 + 4, "a header row and one row per feature");
      // The quotes stay text: no element got an event handler attribute.
      assert.doesNotMatch(dom, /<[^>]*\sonmouseover=/i);
      assert.ok(featureTable.includes('<td class="name">" onmouseover="alert(2)" x="</td>'));
    } finally {
      await m.shutdown();
    }
  },
);

test("the performance section: realized (with its interval) beside estimated (with its band) per window and metric, breaches marked", async () => {
  await withMonitor({}, async (m) => {
    assert.equal((await postEvents(m.url, trafficNdjson(1000, 101, false))).status, 202);
    assert.equal((await postEvents(m.url, trafficNdjson(1000, 102, false))).status, 202);
    // A copy: the windows are the monitor's own report objects.
    const drift = structuredClone(await driftStatus(m.monitor.config, m.monitor, null, 12));
    // Window 1 has an estimate only (its labels have not come); window 0 both, its realized accuracy breached.
    const [w1, w0] = drift.windows as (WindowReport & { estimated_performance?: unknown })[];
    w1!.estimated_performance = {
      method: "cbpe",
      rows: 1000,
      missing_probability: 0,
      breached: false,
      metrics: [
        { metric: "accuracy", value: 0.9012, standard_error: 0.01, lower: 0.8712, upper: 0.9312, reference: 0.91 },
      ],
    };
    w0!.estimated_performance = {
      method: "cbpe",
      rows: 1000,
      missing_probability: 0,
      breached: true,
      metrics: [
        {
          metric: "accuracy",
          value: 0.8,
          standard_error: 0.01,
          lower: 0.77,
          upper: 0.83,
          reference: 0.91,
          rule: { max_drop: 0.05, limit: 0.86, verdict: "fail" },
        },
      ],
    };
    const realized: PerformanceWindowReport[] = [
      {
        window: 0,
        started_at: w0!.started_at,
        closed_at: w0!.closed_at,
        labelled_rows: 640,
        kept_rows: 640,
        judged: true,
        breached: true,
        rows: 640,
        metrics: { accuracy: { value: 0.7523, interval: [0.7189, 0.7857] }, roc_auc: { value: 0.8, interval: null } },
        checks: [
          {
            metric: "accuracy",
            kind: "max_drop",
            threshold: 0.02,
            value: 0.7523,
            interval: [0.7189, 0.7857],
            reference: 0.91,
            outcome: "breach",
            description: "accuracy dropped",
          },
        ],
      },
    ];
    const html = renderStatusPage(statusView(drift, { now: Date.now(), progress: 0, performance: realized }));
    const table = /<table id="performance-table">([\s\S]*?)<\/table>/.exec(html)![1]!;
    // Each row: tinted or not, then its cells' text (window, closed, metric, labelled rows, realized, interval,
    // estimated, band, reference, verdict).
    const rows = [...table.matchAll(/<tr( class="drifted")?>(<td[\s\S]*?)<\/tr>/g)].map((r) => [
      r[1] !== undefined,
      ...[...r[2]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, "").trim()),
    ]);
    assert.deepEqual(
      rows.map((r) => [r[0], r[1], ...r.slice(3)]),
      [
        [false, "1", "accuracy", "—", "—", "", "0.9012", "0.8712 to 0.9312", "0.9100", ""],
        [
          true,
          "0",
          "accuracy",
          "640",
          "0.7523",
          "0.7189 to 0.7857",
          "0.8000",
          "0.7700 to 0.8300",
          "0.9100",
          "breach estimate breach",
        ],
        [false, "0", "roc_auc", "640", "0.8000", "", "—", "", "—", ""],
      ],
    );
    assert.match(String(rows[1]![2]), /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
    // Without performance or estimation configured the section is absent.
    const plain = renderStatusPage(
      statusView(await driftStatus(m.monitor.config, m.monitor, null, 12), { now: 0, progress: 0 }),
    );
    assert.doesNotMatch(plain, /id="performance"/);
  });
});

test("GET / with labels, estimation and realized performance: window 0's realized accuracy (from /v1/performance) beside its estimate, both breached", async () => {
  const m = await startLabelledMonitor();
  try {
    const perf = (await (await fetch(`${m.url}/v1/performance`)).json()) as {
      production: { metrics: Record<string, number> };
      windows: { window: number; metrics: Record<string, { value: number; interval: [number, number] }> }[];
    };
    const realized = perf.windows[0]!.metrics.accuracy!;
    const estimated = m.monitor.recent[0]!.estimated_performance!.metrics.find((x) => x.metric === "accuracy")!;
    const { html } = await getPage(m);
    assertSelfContained(html);
    const table = /<table id="performance-table">([\s\S]*?)<\/table>/.exec(html)![1]!;
    const row = /<tr class="drifted">(<td[\s\S]*?)<\/tr>/.exec(table)![1]!;
    const cells = [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, "").trim());
    assert.deepEqual(cells.slice(2), [
      "accuracy",
      "300",
      formatMetric(realized.value),
      `${formatMetric(realized.interval[0])} to ${formatMetric(realized.interval[1])}`,
      formatMetric(estimated.value),
      `${formatMetric(estimated.lower)} to ${formatMetric(estimated.upper)}`,
      // Production's accuracy (reference_metrics), which the realized rule's check carries.
      formatMetric(perf.production.metrics.accuracy!),
      "breach estimate breach",
    ]);
    assert.equal(cells[0], "0");
  } finally {
    await m.shutdown();
  }
});
