import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import type { ComparisonResult } from "../../src/compare/comparisonResult.js";
import type { DriftReport } from "../../src/drift/driftReport.js";
import { displayPath } from "../../src/report/displayPath.js";
import { renderReport } from "../../src/report/renderReport.js";
import { buildReportModel } from "../../src/report/reportModel.js";
import { svgPsiChart } from "../../src/report/svgCharts.js";

const fixture = <T>(name: string): T => JSON.parse(readFileSync(`fixtures/report/${name}`, "utf8")) as T;

test("paths: relative to the repository, the last two parts outside it, other sources as they are", () => {
  assert.equal(
    displayPath("/home/runner/work/shop/shop/data/test.csv", "/home/runner/work/shop/shop"),
    "data/test.csv",
  );
  assert.equal(displayPath("/tmp/run-1/out/candidate.onnx", "/home/runner/work/shop/shop"), "…/out/candidate.onnx");
  assert.equal(displayPath("/tmp/run-1/out/candidate.onnx", undefined), "…/out/candidate.onnx");
  assert.equal(displayPath("/work/shop-other/x.csv", "/work/shop"), "…/shop-other/x.csv", "a sibling is outside");
  assert.equal(displayPath("data/test.csv", "/anywhere"), "data/test.csv");
  assert.equal(displayPath("git:origin/main:models/model.onnx", "/repo"), "git:origin/main:models/model.onnx");
  const c = fixture<ComparisonResult>("comparison-fail.json");
  c.data = { path: "/home/runner/work/shop/shop/data/test.csv", sha256: "a".repeat(64), rows: 171 };
  c.candidate.source = "/home/runner/work/shop/shop/out/new.onnx";
  const r = renderReport({ comparison: c }, { pathBase: "/home/runner/work/shop/shop" });
  for (const out of [r.comment, r.html]) assert.doesNotMatch(out, /\/home\/runner/);
  assert.match(r.comment, /\| data \| data\/test\.csv \(171 rows\) \|/);
});

test("no repeated words: the drift sentence once, the HTML banner's badge and title do not repeat the verdict", () => {
  const drift = fixture<DriftReport>("drift.json");
  drift.summary = "no dataset drift: 3 of 33 columns drifted (9.1%), below the 50% threshold";
  drift.dataset_drifted = false;
  const r = renderReport({ comparison: fixture("comparison-fail.json"), drift });
  assert.equal((r.comment.match(/no dataset drift: 3 of 33/gi) ?? []).length, 1, "the drift section says it once");
  assert.match(r.comment, /\nNo dataset drift: 3 of 33 columns drifted \(9\.1%\), below the 50% threshold\n/);
  assert.match(r.html, /<span class="badge">Fail<\/span>\n<h1>The candidate may not replace production<\/h1>/);
  assert.doesNotMatch(r.html, /FAIL\s*<\/span>\s*<h1>Fail/i);
  assert.doesNotMatch(r.comment, /(\b\w+): \1:/, "no 'accuracy: accuracy:'");
});

test("an inconclusive comparison is headlined as such, whatever on_inconclusive made of it", () => {
  const c = fixture<ComparisonResult>("comparison-fail.json");
  c.outcome = "inconclusive";
  c.on_inconclusive = "warn";
  c.verdict = "warn";
  const m = buildReportModel({ comparison: c });
  assert.equal(m.verdict.label, "Inconclusive");
  assert.equal(m.verdict.status, "warn");
  assert.equal(
    m.verdict.headline,
    "Inconclusive: not enough evidence; the candidate may replace production, with a warning",
  );
  assert.match(renderReport({ comparison: c }).html, /<header class="banner banner-warn">/);
});

test("the PSI chart: log scale, every value in a column right of the threshold line", () => {
  const items = [
    { name: "a", psi: 2, drifted: true },
    { name: "b", psi: 0.15, drifted: true },
    { name: "c", psi: 0.09, drifted: false },
    { name: "d", psi: 0.002, drifted: false },
  ];
  const svg = svgPsiChart({ threshold: 0.1, items });
  assert.match(svg, /PSI per feature \(log scale\)/);
  const threshold = Number(/<line x1="([\d.]+)"[^>]*stroke-dasharray/.exec(svg)![1]);
  const values = [...svg.matchAll(/<text x="([\d.]+)" y="[\d.]+" fill="#24292f">([\d.]+)<\/text>/g)];
  assert.deepEqual(
    values.map((v) => v[2]),
    ["2.000", "0.1500", "0.09000", "0.002000"],
  );
  // Labels start well right of the threshold line (and of every bar), all at the same x.
  const xs = new Set(values.map((v) => Number(v[1])));
  assert.equal(xs.size, 1);
  assert.ok([...xs][0]! > threshold + 50);
  // Log scale: the bars of 0.002 and 0.09 are visibly apart (on a linear axis to 2 they would be 1 and 4 px).
  const widths = [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
  assert.ok(widths[2]! - widths[3]! > 100, widths.join(", "));
  assert.ok(widths[0]! > widths[1]! && widths[1]! > widths[2]!);
});
