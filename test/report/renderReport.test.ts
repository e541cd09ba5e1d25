import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import type { ValidateReport } from "../../src/schema/validateReport.js";
import type { ComparisonResult } from "../../src/compare/comparisonResult.js";
import type { DriftReport } from "../../src/drift/driftReport.js";
import type { MetricsDocument } from "../../src/model/evaluate/metricsDocument.js";
import { renderReport } from "../../src/report/renderReport.js";

const fixture = <T>(name: string): T => JSON.parse(readFileSync(`fixtures/report/${name}`, "utf8")) as T;
const failComparison = () => fixture<ComparisonResult>("comparison-fail.json");
const passUnpaired = () => fixture<ComparisonResult>("comparison-pass-unpaired.json");
const metrics = () => fixture<MetricsDocument>("metrics.json");
const validation = () => fixture<ValidateReport>("validation.json");
const drift = () => fixture<DriftReport>("drift.json");
const facts = {
  commit: "2ac5edd4b1c9f0e3a1d2c3b4a5f6e7d8c9b0a1f2",
  ref: "refs/pull/42/merge",
  workflowRunUrl: "https://github.com/acme/shop/actions/runs/123456",
  durationMs: 73_400,
  generatedAt: "2025-11-22T20:00:00Z",
};

/** The rows of the first table whose header starts with `header`, as arrays of trimmed cells. */
function table(md: string, header: string): string[][] {
  const lines = md.split("\n");
  const start = lines.findIndex((l) => l.startsWith(header));
  assert.ok(start >= 0, `no table with header ${header}`);
  const rows: string[][] = [];
  for (let i = start; i < lines.length && lines[i]!.startsWith("|"); i++)
    rows.push(
      lines[i]!.split("|")
        .slice(1, -1)
        .map((c) => c.trim()),
    );
  return rows;
}

const nonEmptyLines = (s: string) => s.split("\n").filter((l) => l.trim() !== "");

test("a failed comparison: the comment leads with the verdict and the reason, then the metrics table", () => {
  const { comment } = renderReport({ comparison: failComparison() });
  const lines = nonEmptyLines(comment);
  assert.equal(lines[0], "### ❌ Fail: the candidate may not replace production");
  assert.equal(
    lines[1],
    "**Reason:** accuracy dropped by 2.34 pp (95% interval -4.68 to -0.58 pp), more than the allowed 0.5 pp",
  );
  assert.equal(lines[2], "#### Metrics");
  const rows = table(comment, "| metric |");
  assert.deepEqual(rows[0], [
    "metric",
    "baseline",
    "candidate",
    "change",
    "95% interval",
    "detectable",
    "rule",
    "status",
  ]);
  assert.deepEqual(
    rows.slice(2).map((r) => r[0]),
    ["accuracy", "f1", "roc_auc", "balanced_accuracy", "log_loss", "brier"],
  );
  // Proportions in percent, their changes in percentage points; a comparison written before detectable_change
  // existed shows none.
  assert.deepEqual(rows[2], [
    "accuracy",
    "97.08%",
    "94.74%",
    "-2.34 pp",
    "-4.68 to -0.58 pp",
    "—",
    "max_drop 0.005",
    "❌",
  ]);
  assert.deepEqual(rows[4], [
    "roc_auc",
    "99.77%",
    "99.51%",
    "-0.26 pp",
    "-0.61 to +0.08 pp",
    "—",
    "max_drop 0.01, (warn only)",
    "✅",
  ]);
  // Not gated, not a proportion: raw units, no status.
  assert.deepEqual(rows[6], ["log_loss", "0.06955", "0.09120", "+0.02165", "+0.004 to +0.041", "—", "not gated", "—"]);
  assert.match(comment, /Paired on the same 171 rows, 2,000 bootstrap resamples: intervals are 95% percentile/);
  assert.doesNotMatch(comment, /Point values only/);
  assert.match(
    comment,
    /accuracy: exact McNemar test on the 8 rows where the models disagree: the baseline alone is right on 6, the candidate alone on 2, p = 0\.289\./,
  );
  assert.match(comment, /<details><summary>Gate checks<\/summary>\n\n- ❌ accuracy: change &gt;= -0\.005/);
});

test("an unpaired comparison says it compares point values only, and shows no interval", () => {
  const { comment, html } = renderReport({ comparison: passUnpaired() });
  assert.equal(nonEmptyLines(comment)[0], "### ✅ Pass: the candidate may replace production");
  assert.match(comment, /Point values only: the models were not evaluated on the same rows/);
  assert.doesNotMatch(comment, /Paired on/);
  const rows = table(comment, "| metric |");
  for (const r of rows.slice(2)) assert.equal(r[4], "—", r.join(" | "));
  assert.deepEqual(rows[2]!.slice(0, 4), ["accuracy", "97.08%", "97.66%", "+0.58 pp"]);
  assert.doesNotMatch(comment, /McNemar/);
  assert.match(html, /Point values only/);
});

test("a warn comparison", () => {
  const c = failComparison();
  c.verdict = "warn";
  c.reason = "advisory gate: roc_auc dropped";
  const { comment } = renderReport({ comparison: c });
  assert.equal(nonEmptyLines(comment)[0], "### ⚠️ Warn: the candidate passes, with warnings");
});

test("the full report has every part, in order, long parts folded", () => {
  const r = renderReport(
    { comparison: failComparison(), candidateMetrics: metrics(), validation: validation(), drift: drift(), facts },
    { reportId: "pr-gate", fullReportUrl: "https://github.com/acme/shop/actions/runs/123456" },
  );
  const md = r.comment;
  assert.deepEqual(r.omitted, []);
  assert.equal(r.summary, md, "the summary is the same report when nothing had to be trimmed");
  assert.equal(nonEmptyLines(md)[0], "### ❌ Fail: the candidate may not replace production (pr-gate)");
  // The other parts that did not pass follow the reason.
  assert.match(md, /\n- Data validation: 10 failing checks on 12 rows of fixtures\/schema\/customers\.csv\n/);
  assert.match(md, /\n- Dataset drift: 3 of 33 features drifted \(9\.1%\)\.\n/);
  const order = [
    "#### Metrics",
    "#### ❌ Data validation",
    "#### ⚠️ Drift",
    "<details><summary>Charts</summary>",
    "<details><summary>Confusion matrix (candidate)",
    "<details><summary>Slices (candidate): 3, of which 3 judged</summary>",
    "<details><summary>Run facts</summary>",
  ];
  const at = order.map((h) => md.indexOf(h));
  for (let i = 0; i < at.length; i++) assert.ok(at[i]! >= 0, `missing ${order[i]}`);
  for (let i = 1; i < at.length; i++) assert.ok(at[i]! > at[i - 1]!, `${order[i]} before ${order[i - 1]}`);
  assert.match(md, /<details><summary>Examples of failing values<\/summary>/);
  assert.match(md, /<details><summary>All 33 features<\/summary>/);

  // Validation: errors table with the share, and the examples.
  const v = table(md, "| | check | column |");
  assert.equal(v.length, 2 + 10);
  assert.deepEqual(v[2]!.slice(0, 5), ["❌", "extra_column", "referrer", "12", "100.0%"]);
  // Drift: drifted features, critical first, then by PSI.
  const d = table(md, "| drifted feature |");
  assert.deepEqual(
    d.slice(2).map((r) => r.slice(0, 5)),
    [
      ["mean_texture **(critical)**", "numeric", "1.814", "0.4686", "<0.001"],
      ["mean_smoothness", "numeric", "2.000", "0.5590", "<0.001"],
      ["size_band", "categorical", "0.1525", "—", "0.001"],
    ],
  );
  // Confusion matrix of the candidate and per-class metrics.
  assert.deepEqual(table(md, "| true ↓ / predicted → |").slice(2), [
    ["**0**", "105", "1"],
    ["**1**", "4", "61"],
  ]);
  // Slices with judged / not judged.
  const s = table(md, "| column | value | rows | judged |");
  assert.deepEqual(s[0]!.slice(4), ["accuracy", "f1", "roc_auc", "balanced_accuracy"]);
  assert.deepEqual(s[3]!.slice(0, 5), ["size_band", "medium", "74", "yes", "93.24%"]);
  // Charts: Mermaid, one bar per label.
  const blocks = [...md.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]!);
  assert.equal(blocks.length, 2);
  for (const b of blocks) {
    assert.match(b, /^xychart-beta horizontal\n/);
    const labels = /x-axis \[(.*)\]/.exec(b)![1]!.split(/", "/).length;
    const bars = /\n {4}bar \[(.*)\]/.exec(b)![1]!.split(", ").length;
    assert.equal(bars, labels);
  }
  assert.match(blocks[0]!, /"accuracy: -2\.34 pp \(worse\)"/);
  // PSI spans orders of magnitude: the axis is cut at five times the threshold, the cut bars say so and every label
  // carries its value, so the threshold line crosses no number.
  assert.match(blocks[1]!, /"mean_smoothness: 2\.000 \(drifted\) ✂"/);
  assert.match(blocks[1]!, /"size_band: 0\.1525 \(drifted\)"/);
  assert.match(blocks[1]!, /y-axis "PSI \(axis cut at 0\.5\)" 0 --> 0\.55\n {4}bar \[0\.5, 0\.5, 0\.1525,/);
  assert.match(blocks[1]!, /\n {4}line \[0\.1, 0\.1/);
  // Run facts.
  const f = Object.fromEntries(table(md, "| fact | value |").slice(2) as [string, string][]);
  assert.equal(f["commit"], "`2ac5edd4b1c9f0e3a1d2c3b4a5f6e7d8c9b0a1f2`");
  assert.equal(f["workflow run"], "[view the workflow run](https://github.com/acme/shop/actions/runs/123456)");
  assert.equal(f["duration"], "1 min 13 s");
  assert.equal(f["data sha256"], "`b4cb1a29c4df40e3d6c617f806ee533b43e2a94985bb21c2ed332fbe25d95fef`");
  assert.equal(f["candidate model size"], "1.5 KiB (1,544 bytes)");
  assert.equal(f["baseline"], "git:origin/main:models/model.onnx");
  for (const out of [md, r.html]) assert.doesNotMatch(out, /undefined|\[object Object\]|NaN|\bnull\b/);
  assert.equal(
    nonEmptyLines(renderReport({ comparison: failComparison() }, { reportId: "default" }).comment)[0],
    "### ❌ Fail: the candidate may not replace production",
    "the CLI's default id is not shown",
  );
  // Same input, same report.
  assert.equal(
    renderReport(
      { comparison: failComparison(), candidateMetrics: metrics(), validation: validation(), drift: drift(), facts },
      { reportId: "pr-gate", fullReportUrl: "https://github.com/acme/shop/actions/runs/123456" },
    ).comment,
    md,
  );
});

test("missing parts are left out: a validate-only run renders the data section alone", () => {
  const r = renderReport({ validation: validation() });
  const lines = nonEmptyLines(r.comment);
  assert.equal(lines[0], "### ❌ Fail: data validation failed");
  assert.equal(lines[1], "**Reason:** Data validation: 10 failing checks on 12 rows of fixtures/schema/customers.csv");
  assert.equal(lines[2], "#### ❌ Data validation");
  for (const absent of ["#### Metrics", "Drift", "mermaid", "Charts", "Confusion", "Slices", "Run facts", "McNemar"])
    assert.ok(!r.comment.includes(absent), absent);
  assert.doesNotMatch(r.html, /id="(metrics|drift|confusion|slices|facts)"/);
  assert.match(r.html, /id="validation"/);

  const ok: ValidateReport = { ...validation(), ok: true, violations: [] };
  const passed = renderReport({ validation: ok }).comment;
  assert.equal(nonEmptyLines(passed)[0], "### ✅ Pass: data checks pass");
  assert.match(passed, /every check passes on 12 rows of fixtures\/schema\/customers\.csv/);
  assert.doesNotMatch(passed, /\| check \|/);
});

test("drift-only, metrics-only and empty inputs", () => {
  const d = renderReport({ drift: drift() }).comment;
  assert.equal(nonEmptyLines(d)[0], "### ⚠️ Warn: the data drifted");
  assert.match(d, /```mermaid\nxychart-beta horizontal\n {4}title "PSI per feature, largest 20 of 33"/);
  assert.doesNotMatch(d, /Metric changes/);

  const m = renderReport({ candidateMetrics: metrics() });
  const lines = nonEmptyLines(m.comment);
  assert.equal(lines[0], "### ℹ️ Info: candidate metrics only, no gate");
  assert.match(m.comment, /#### Candidate metrics \(binary\)\n\n\| metric \| value \|/);
  assert.match(m.comment, /\| accuracy \| 97\.08% \|/);
  assert.match(m.comment, /<details><summary>Slices/);
  assert.match(m.html, /banner-none/);

  const empty = renderReport({});
  assert.equal(nonEmptyLines(empty.comment)[0], "### ℹ️ Info: candidate metrics only, no gate");
  assert.match(empty.comment, /Nothing to report/);
  assert.deepEqual(empty.omitted, []);
  assert.match(empty.html, /<\/html>\s*$/);
});

test("the headline verdict is the worst part's; the comparison leads when it is as bad", () => {
  const pass = passUnpaired();
  const r = renderReport({ comparison: pass, validation: validation() }).comment;
  const lines = nonEmptyLines(r);
  assert.equal(lines[0], "### ❌ Fail: data validation failed");
  assert.equal(lines[1], "**Reason:** Data validation: 10 failing checks on 12 rows of fixtures/schema/customers.csv");

  const warn = { ...passUnpaired(), verdict: "warn" as const, reason: "advisory gate: roc_auc dropped" };
  const w = nonEmptyLines(renderReport({ comparison: warn, drift: drift() }).comment);
  assert.equal(w[0], "### ⚠️ Warn: the candidate passes, with warnings");
  assert.equal(w[1], "**Reason:** advisory gate: roc_auc dropped");
  assert.equal(w[2], "- Dataset drift: 3 of 33 features drifted (9.1%).");
});

test("HTML: the same parts, escaped, with a strict content security policy", () => {
  const { html } = renderReport({
    comparison: failComparison(),
    candidateMetrics: metrics(),
    validation: validation(),
    drift: drift(),
    facts,
  });
  assert.match(
    html,
    /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/,
  );
  assert.match(html, /<header class="banner banner-fail">/);
  for (const id of ["metrics", "validation", "drift", "confusion", "slices", "facts"])
    assert.match(html, new RegExp(`id="${id}"`));
  assert.match(
    html,
    /<td>accuracy<\/td><td class="num">97\.08%<\/td><td class="num">94\.74%<\/td><td class="num">-2\.34 pp<\/td>/,
  );
  assert.equal((html.match(/<svg class="chart"/g) ?? []).length, 2);
  assert.match(html, /not in allowed values \[&quot;basic&quot;, &quot;plus&quot;, &quot;pro&quot;\]/);
  assert.doesNotMatch(html, /<script|<link|<img|<iframe|<object|<embed/i);
});
