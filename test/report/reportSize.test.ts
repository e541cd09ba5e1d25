import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ValidateReport } from "../../src/schema/validateReport.js";
import type { ComparisonResult } from "../../src/compare/comparisonResult.js";
import type { DriftReport, FeatureDrift } from "../../src/drift/driftReport.js";
import type { MetricsDocument, SliceEntry } from "../../src/model/evaluate/metricsDocument.js";
import {
  commentBudget,
  GITHUB_COMMENT_LIMIT,
  JOB_SUMMARY_LIMIT_BYTES,
  renderReport,
} from "../../src/report/renderReport.js";
import { reportMarker } from "../../src/github/reportMarker.js";

const fixture = <T>(name: string): T => JSON.parse(readFileSync(`fixtures/report/${name}`, "utf8")) as T;
const URL_ = "https://github.com/acme/shop/actions/runs/123456";

/** n features, the first `drifted` of them drifted; names with CJK characters (3 bytes each in UTF-8). */
function bigDrift(n: number, drifted: number): DriftReport {
  const base = fixture<DriftReport>("drift.json");
  const features: FeatureDrift[] = Array.from({ length: n }, (_, i) => ({
    name: `特徴量_${i}_temperature_sensor`,
    kind: "numeric",
    method: "ks+psi",
    statistic: i < drifted ? 0.5 + (n - i) / n : 0.01,
    p_value: i < drifted ? 0.0001 : 0.9,
    threshold: 0.1,
    alpha: 0.05,
    drifted: i < drifted,
    critical: false,
    tests: { ks: { statistic: 0.3, p_value: 0.0001 }, psi: { statistic: i < drifted ? 0.5 + (n - i) / n : 0.01 } },
    reference: { count: 1000, missing: 0 },
    current: { count: 1000, missing: 3 },
    approximate: false,
  }));
  return {
    ...base,
    features,
    drifted_features: features.filter((f) => f.drifted).map((f) => f.name),
    drifted_share: drifted / n,
    dataset_drifted: drifted / n >= 0.5,
  };
}

function bigMetrics(slices: number): MetricsDocument {
  const m = fixture<MetricsDocument>("metrics.json");
  const entries: SliceEntry[] = Array.from({ length: slices }, (_, i) => ({
    column: "store_region",
    value: `region-${i}`,
    size: 10 + (i % 50),
    judged: i % 50 >= 20,
    metrics: { accuracy: 0.9, f1: 0.88, roc_auc: 0.95 },
    notes: [],
  }));
  return { ...m, slices: entries };
}

function rowsOf(md: string, header: string): string[] {
  const lines = md.split("\n");
  const start = lines.findIndex((l) => l.startsWith(header));
  if (start < 0) return [];
  const out: string[] = [];
  for (let i = start + 2; i < lines.length && lines[i]!.startsWith("|"); i++) out.push(lines[i]!);
  return out;
}

function checkTables(md: string): void {
  const lines = md.split("\n");
  const cells = (l: string) => l.split("|").length - 2;
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!/^\|( :?-+:? \|)+$/.test(lines[i + 1]!)) continue;
    const n = cells(lines[i]!);
    for (let j = i + 1; j < lines.length && lines[j]!.startsWith("|"); j++) assert.equal(cells(lines[j]!), n, lines[j]);
  }
}

test("5,000 drifted features and 2,000 slices: the comment fits, keeps the verdict and metrics, says what it left out", () => {
  const comparison = fixture<ComparisonResult>("comparison-fail.json");
  const r = renderReport(
    {
      comparison,
      candidateMetrics: bigMetrics(2000),
      validation: fixture("validation.json"),
      drift: bigDrift(5000, 5000),
    },
    { reportId: "pr-gate", fullReportUrl: URL_ },
  );
  const budget = commentBudget("pr-gate");
  assert.equal(budget, 65_336);
  assert.ok(r.comment.length <= budget, `${r.comment.length} characters`);
  assert.ok((reportMarker("pr-gate") + "\n" + r.comment).length <= GITHUB_COMMENT_LIMIT);
  assert.ok(r.comment.length > 40_000, "trimming keeps as much as fits");

  assert.ok(
    r.comment.startsWith(
      "### ❌ Fail: the candidate may not replace production (pr-gate)\n\n**Reason:** accuracy dropped",
    ),
  );
  assert.deepEqual(
    rowsOf(r.comment, "| metric |").map((l) => l.split("|")[1]!.trim()),
    comparison.metrics.map((m) => m.name),
  );
  assert.deepEqual(r.omitted.slice(0, 6), [
    "slices (2,000)",
    "per-feature drift details (5,000 features)",
    "examples of failing values (10)",
    "confusion matrix and per-class metrics",
    "PSI chart",
    "metric change chart",
  ]);
  // The drifted-features table is cut short, with a row that counts what was left out.
  const drifted = rowsOf(r.comment, "| drifted feature |");
  const last = drifted.at(-1)!;
  const more = Number(/^\| … ([\d,]+) more drifted features not shown \|/.exec(last)![1]!.replace(/,/g, ""));
  assert.equal(drifted.length - 1 + more, 5000);
  assert.ok(drifted.length > 100, `${drifted.length} rows kept`);
  assert.equal(r.omitted.at(-1), `${more.toLocaleString("en-US")} of 5,000 rows of the drifted-features table`);
  // The validation table (small) and run facts stay.
  assert.equal(rowsOf(r.comment, "| | check | column |").length, 10);
  assert.doesNotMatch(r.comment, /<summary>Slices|<summary>All 5,000 features|<summary>Charts|<summary>Confusion/);
  // The last line says what was left out and links the full report.
  const notice = r.comment.trimEnd().split("\n").at(-1)!;
  assert.match(
    notice,
    /^<sub>Trimmed to fit the size limit of a GitHub comment\. Left out: slices \(2,000\); per-feature drift details/,
  );
  assert.ok(notice.endsWith(`[Full report](${URL_}).</sub>`), notice);
  checkTables(r.comment);

  // The job summary: under 1 MiB of UTF-8 (the CJK names make bytes and characters differ), more than the comment.
  const bytes = Buffer.byteLength(r.summary, "utf8");
  assert.ok(bytes <= JOB_SUMMARY_LIMIT_BYTES, `${bytes} bytes`);
  assert.ok(bytes > r.summary.length, "multi-byte characters are counted as bytes");
  assert.ok(bytes > 600_000, "the summary keeps as much as fits");
  assert.ok(r.summary.length > r.comment.length);
  assert.deepEqual(r.summaryOmitted, ["slices (2,000)"]);
  assert.equal(rowsOf(r.summary, "| drifted feature |").length, 5000);
  assert.match(r.summary, /<summary>All 5,000 features<\/summary>/);
  checkTables(r.summary);
  // The HTML report is never trimmed.
  assert.equal((r.html.match(/<tr class="row-warn"><td>特徴量_/g) ?? []).length, 5000 * 2);
});

test("trimming follows the fixed order and stops as soon as the comment fits", () => {
  const comparison = fixture<ComparisonResult>("comparison-fail.json");
  // Only the slices are big: only they go.
  const slicesOnly = renderReport({ comparison, candidateMetrics: bigMetrics(2000), drift: fixture("drift.json") });
  assert.deepEqual(slicesOnly.omitted, ["slices (2,000)"]);
  assert.match(slicesOnly.comment, /<summary>All 33 features<\/summary>/);
  assert.match(slicesOnly.comment, /<summary>Confusion matrix/);
  // Per-feature details are big, slices small: the slices, removed first, are put back since they fit.
  const detailsBig = renderReport({ comparison, candidateMetrics: bigMetrics(3), drift: bigDrift(5000, 3) });
  assert.deepEqual(detailsBig.omitted, ["per-feature drift details (5,000 features)"]);
  assert.match(detailsBig.comment, /<summary>Slices \(candidate\): 3, of which 0 judged<\/summary>/);
  assert.equal(rowsOf(detailsBig.comment, "| drifted feature |").length, 3);
  // Nothing big: nothing left out, no notice.
  const small = renderReport({ comparison, candidateMetrics: bigMetrics(3), drift: fixture("drift.json") });
  assert.deepEqual(small.omitted, []);
  assert.doesNotMatch(small.comment, /Trimmed to fit/);
});

test("when even the tables are too long: long validation tables are cut, the verdict and metrics table stay", () => {
  const comparison = fixture<ComparisonResult>("comparison-fail.json");
  const base = fixture<ValidateReport>("validation.json");
  const v0 = base.violations[0]!;
  const validation: ValidateReport = {
    ...base,
    violations: Array.from({ length: 3000 }, (_, i) => ({
      ...v0,
      column: `column_${i}`,
      message: `column_${i}: ${"a long explanation ".repeat(30)}`,
    })),
  };
  const r = renderReport({ comparison, validation, drift: bigDrift(5000, 5000) }, { fullReportUrl: URL_ });
  assert.ok(r.comment.length <= commentBudget());
  assert.equal(rowsOf(r.comment, "| metric |").length, comparison.metrics.length);
  assert.ok(r.omitted.includes("5,000 of 5,000 rows of the drifted-features table"), r.omitted.join("; "));
  const v = rowsOf(r.comment, "| | check | column |");
  assert.match(v.at(-1)!, /^\| \| … \| [\d,]+ more checks not shown \| \| \| \|$/);
  checkTables(r.comment);
});

test("last resorts: a metrics table over the budget is cut; a template over it on its own is cut at a line end", () => {
  const comparison = fixture<ComparisonResult>("comparison-fail.json");
  const m0 = comparison.metrics[0]!;
  const many: ComparisonResult = {
    ...comparison,
    metrics: Array.from({ length: 3000 }, (_, i) => ({ ...m0, name: `metric_${i}_${"x".repeat(20)}` })),
  };
  const r = renderReport({ comparison: many });
  assert.ok(r.comment.length <= commentBudget());
  assert.ok(r.comment.startsWith("### ❌ Fail"));
  assert.match(r.omitted.at(-1)!, /^[\d,]+ of 3,000 metrics$/);
  assert.match(r.comment, /\| … [\d,]+ more metrics not shown \| \| \| \| \| \| \|/);

  const dir = mkdtempSync(join(tmpdir(), "modelguard-templates-"));
  try {
    writeFileSync(join(dir, "comment.hbs"), `{{verdict.headline}}\n${"filler line\n".repeat(7000)}`);
    const longest = "x".repeat(128);
    assert.throws(() => renderReport({ comparison }, { reportId: "x".repeat(129) }), /invalid report id/);
    const huge = renderReport({ comparison }, { templateDir: dir, reportId: longest });
    assert.ok(huge.comment.length <= commentBudget(longest));
    assert.ok((reportMarker(longest) + "\n" + huge.comment).length <= GITHUB_COMMENT_LIMIT);
    assert.match(huge.comment, /filler line\n\n_The rest of this report did not fit in a comment\._\n$/);
    assert.equal(huge.omitted.at(-1), "the end of the report");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
