import { test } from "node:test";
import assert from "node:assert/strict";
import {
  dispatchLink,
  issueBody,
  resolveRunLink,
  trustedRunUrl,
  webRootOf,
} from "../../monitor/alerts/alertRequests.js";
import { resolveMonitorConfig } from "../../monitor/config/monitorConfig.js";
import type { WindowReport } from "../../monitor/windows/windowReport.js";

test("the drift issue escapes column names: no mention, no HTML, no table break", () => {
  const config = resolveMonitorConfig(
    {
      reference: "profile.json",
      github: { repository: "acme/models" },
      actions: { dispatch: { workflow: "retrain.yml", ref: "main" } },
    },
    "/tmp/monitor.yml",
  );
  const evil = "@everyone | <script>alert(1)</script> #12";
  const feature = {
    name: evil,
    kind: "numeric",
    method: "ks+psi",
    statistic: 0.5,
    p_value: 0.001,
    threshold: 0.1,
    drifted: true,
    critical: true,
    tests: { psi: { statistic: 0.5 }, ks: { statistic: 0.3, p_value: 0.001 } },
    reference: { count: 100, missing: 0 },
    current: { count: 100, missing: 0 },
    approximate: true,
  };
  const report = {
    window: 3,
    started_at: "2026-01-01T00:00:00.000Z",
    closed_at: "2026-01-01T01:00:00.000Z",
    events: 100,
    dataset_drifted: true,
    unknown_features: {},
    prediction: { count: 0, missing: 0, mean: null, top: {} },
    drift: { summary: `dataset drifted: critical column ${evil} drifted`, features: [feature] },
  } as unknown as WindowReport;
  const body = issueBody(config, report, [report], true);
  assert.doesNotMatch(body, /(^|[^\w])@everyone/);
  assert.doesNotMatch(body, /<script/);
  assert.doesNotMatch(body, /(^|[^\w&])#12/);
  const row = body.split("\n").find((l) => l.startsWith("| ") && l.includes("everyone"))!;
  assert.equal(row.split("|").length, 8, "one row, six cells");
});

test("the run link is GitHub's https run page on the web host for this repository, or nothing", () => {
  const web = "https://github.com";
  const ok = "https://github.com/acme/models/actions/runs/42";
  assert.equal(trustedRunUrl(ok, 42, web, "acme/models"), ok);
  assert.equal(trustedRunUrl(ok, 42, web, "ACME/Models"), ok, "owner/name are case-insensitive");
  for (const [url, id] of [
    [ok, 43], // another run than the one returned
    ["http://github.com/acme/models/actions/runs/42", 42],
    ["https://github.com.evil.example/acme/models/actions/runs/42", 42],
    ["https://evil.example/acme/models/actions/runs/42", 42],
    ["https://user:pw@github.com/acme/models/actions/runs/42", 42],
    ["https://github.com/acme/models/actions/runs/42?x=1", 42],
    ["https://github.com/acme/models/actions/runs/42#top", 42],
    ["https://github.com/other/repo/actions/runs/42", 42],
    ["https://github.com/acme/models/actions/runs/42/../../../../x", 42],
    ["https://github.com/acme/models/actions/runs/42)[a](https://evil.example", 42],
    ["https://github.com/acme/models/actions/runs/42%29", 42],
    ["javascript:alert(1)", 42],
    ["not a url", 42],
    [ok, "42"],
    [ok, -1],
    [42, 42],
  ] as [unknown, unknown][]) {
    assert.equal(trustedRunUrl(url, id, web, "acme/models"), null, `${String(url)} ${String(id)}`);
  }
  // The web root must be https too; under a path prefix, the run must be below it.
  assert.equal(
    trustedRunUrl("http://ghes.local/acme/models/actions/runs/1", 1, "http://ghes.local", "acme/models"),
    null,
  );
  assert.equal(
    trustedRunUrl(
      "https://ghes.example.com/gh/acme/models/actions/runs/7",
      7,
      "https://ghes.example.com/gh",
      "acme/models",
    ),
    "https://ghes.example.com/gh/acme/models/actions/runs/7",
  );
  assert.equal(
    trustedRunUrl(
      "https://ghes.example.com/acme/models/actions/runs/7",
      7,
      "https://ghes.example.com/gh",
      "acme/models",
    ),
    null,
  );
});

test("the web root: web_url, else derived from the API root (github.com, GHE.com, GHES)", () => {
  const config = (github: Record<string, unknown>) =>
    resolveMonitorConfig({ reference: "profile.json", github }, "/tmp/monitor.yml");
  assert.equal(webRootOf(config({}), {}), "https://github.com");
  assert.equal(webRootOf(config({}), { GITHUB_API_URL: "https://api.github.com/" }), "https://github.com");
  assert.equal(webRootOf(config({ api_url: "https://api.octo.ghe.com" }), {}), "https://octo.ghe.com");
  assert.equal(webRootOf(config({ api_url: "https://ghes.example.com/api/v3" }), {}), "https://ghes.example.com");
  assert.equal(
    webRootOf(config({}), { GITHUB_API_URL: "https://ghes.example.com/api/v3" }),
    "https://ghes.example.com",
  );
  assert.equal(
    webRootOf(config({ api_url: "http://proxy.internal/api/v3", web_url: "https://ghes.example.com/" }), {}),
    "https://ghes.example.com",
  );
  // A derived root with Markdown link syntax in its path (only an operator's config can do this) stays inert.
  assert.equal(
    webRootOf(config({}), { GITHUB_API_URL: "https://ghe.example.com/x)[y](https://evil/api/v3" }),
    "https://ghe.example.com/x%29%5By%5D%28https://evil",
  );
  assert.throws(() => config({ web_url: "https://ghes.example.com/?a=(" }), /web_url/);
  assert.throws(() => config({ web_url: "ftp://ghes.example.com" }), /web_url/);
});

test("the runs-page link survives any workflow name and repository: nothing can end the Markdown link early", () => {
  const config = resolveMonitorConfig(
    {
      reference: "profile.json",
      github: { repository: "acme/models" },
      actions: { dispatch: { workflow: "re train (v2)].yml", ref: "main" } },
    },
    "/tmp/monitor.yml",
  );
  const link = dispatchLink(config, {})!;
  assert.equal(link, "https://github.com/acme/models/actions/workflows/re%20train%20%28v2%29%5D.yml");
  assert.match(link, /^[A-Za-z0-9:/._%-]+$/);
  const event = resolveMonitorConfig(
    { reference: "profile.json", github: { repository: "acme/models" }, actions: { dispatch: { event: "retrain" } } },
    "/tmp/monitor.yml",
  );
  assert.equal(dispatchLink(event, {}), "https://github.com/acme/models/actions?query=event%3Arepository_dispatch");
});

test("resolveRunLink: the run when the dispatch was sent with a trusted one, a note when it is parked, else as recorded", () => {
  const ref = { dispatch: "m:w1:dispatch", text: "([runs](https://github.com/acme/models/actions/workflows/r.yml))" };
  const text = `Retraining dispatched: workflow \`r.yml\` on \`main\` ${ref.text}.\n\nRecent windows: $& $1.`;
  const web = "https://github.com";
  const run = { workflow_run_id: 9, html_url: "https://github.com/acme/models/actions/runs/9", run_url: "x" };
  const sent = resolveRunLink(text, ref, { state: "sent", result: run }, web, "acme/models");
  assert.equal(sent.linked, true);
  assert.equal(
    sent.text,
    "Retraining dispatched: workflow `r.yml` on `main` ([run 9](https://github.com/acme/models/actions/runs/9)).\n\nRecent windows: $& $1.",
  );
  const untrusted = { ...run, html_url: "https://evil.example/acme/models/actions/runs/9" };
  assert.equal(resolveRunLink(text, ref, { state: "sent", result: untrusted }, web, "acme/models").text, text);
  assert.equal(resolveRunLink(text, ref, { state: "sent", result: null }, web, "acme/models").text, text);
  assert.equal(resolveRunLink(text, ref, { state: "pending" }, web, "acme/models").text, text);
  assert.equal(resolveRunLink(text, undefined, { state: "sent", result: run }, web, "acme/models").text, text);
  assert.match(
    resolveRunLink(text, ref, { state: "parked" }, web, "acme/models").text,
    /r\.yml\)\), but GitHub has not accepted it yet: the monitor keeps retrying \(see its log\)\./,
  );
});

test("the prediction line escapes the column name and the reason it was not tested", () => {
  const config = resolveMonitorConfig(
    { reference: "profile.json", github: { repository: "acme/models" } },
    "/tmp/monitor.yml",
  );
  const report = {
    window: 1,
    started_at: "2026-01-01T00:00:00.000Z",
    closed_at: "2026-01-01T01:00:00.000Z",
    events: 10,
    dataset_drifted: false,
    unknown_features: {},
    prediction: {
      count: 0,
      missing: 10,
      mean: null,
      top: {},
      column: "@everyone <b>|",
      drift: null,
      skipped: "#1 <i>",
    },
    drift: { summary: "no drift", features: [] },
  } as unknown as WindowReport;
  const body = issueBody(config, report, [report]);
  const line = body.split("\n").find((l) => l.startsWith("Predictions"))!;
  assert.doesNotMatch(line, /(^|[^\w])@everyone|<b>|<i>|\||(^|[^\w&])#1/);
  assert.match(line, /not tested/);
});

test("an issue with no window report at hand says so instead of an empty 'Recent windows: .'", () => {
  const config = resolveMonitorConfig(
    { reference: "profile.json", github: { repository: "acme/models" } },
    "/tmp/monitor.yml",
  );
  const report = {
    window: 7,
    started_at: "2026-01-01T00:00:00.000Z",
    closed_at: "2026-01-01T01:00:00.000Z",
    verdict: "drift",
    drift: { summary: "1 of 1 columns drifted", features: [] },
  } as unknown as WindowReport;
  const body = issueBody(config, report, []);
  assert.match(body, /^Recent windows: no window report is at hand\.$/m);
  assert.doesNotMatch(body, /Recent windows: \./);
});
