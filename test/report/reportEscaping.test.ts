import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import type { ValidateReport } from "../../src/schema/validateReport.js";
import type { ComparisonResult } from "../../src/compare/comparisonResult.js";
import type { DriftReport, FeatureDrift } from "../../src/drift/driftReport.js";
import type { MetricsDocument } from "../../src/model/evaluate/metricsDocument.js";
import { renderReport } from "../../src/report/renderReport.js";
import type { ReportInput } from "../../src/report/reportInput.js";

/** Strings people (or attackers) put in column names, values and labels. */
const NASTY = [
  "@everyone",
  "@org/team",
  "ping @octocat",
  "#1",
  "fixes #123",
  "GH-7",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "<!-- modelguard:report id=x -->",
  "<!--",
  "-->",
  "|",
  "a | b",
  "`",
  "```",
  "~~~",
  "**x**",
  "[x](https://evil.example)",
  "https://evil.example",
  "www.evil.example",
  "$a$",
  "\\",
  "line\nbreak",
  "cr\rlf\r\n",
  "- list",
  "1. list",
  "# h",
  "---",
  "&#64;everyone",
  "&lt;script&gt;",
  '"quoted"; %% comment',
  "\u202eright-to-left",
  "日本語",
  "👍🏽",
  "",
  " ",
];
const SPECIALS = [..."@#|<>!-`*_[]()~\\\n\r\t\"';&$:/w. %{}=+1aZé👍\u200b\u0000"];
const str = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: fc.constantFrom(...SPECIALS), maxLength: 24 }),
  fc.string({ unit: "binary", maxLength: 16 }),
  fc.tuple(fc.constantFrom(...NASTY), fc.constantFrom(...NASTY)).map(([a, b]) => a + b),
);

function feature(name: string, method: string, drifted: boolean, i: number): FeatureDrift {
  return {
    name,
    kind: i % 2 ? "categorical" : "numeric",
    method,
    statistic: 0.05 * (i + 1),
    p_value: drifted ? 0.0001 : 0.5,
    threshold: 0.1,
    drifted,
    critical: i === 0,
    tests: { psi: { statistic: 0.05 * (i + 1) }, ks: { statistic: 0.1, p_value: 0.2 } },
    reference: { count: 100, missing: 0 },
    current: { count: 100, missing: i },
    approximate: i === 2,
  };
}

function reportOf(s: string[]): ReportInput {
  const at = (i: number) => s[i % s.length]!;
  const comparison: ComparisonResult = {
    kind: "modelguard.comparison",
    version: 1,
    verdict: "fail",
    outcome: "fail",
    on_inconclusive: "fail",
    reason: at(0),
    task: "binary",
    paired: true,
    confidence: 0.95,
    resamples: 2000,
    seed: 0,
    rows: 171,
    data: { path: at(1), sha256: at(2), rows: 171 },
    candidate: { source: at(3), model: { path: at(3), sha256: at(4), bytes: 1000 } },
    baseline: { source: at(5), model: null },
    metrics: [
      {
        name: "accuracy",
        direction: "higher",
        baseline: 0.9,
        candidate: 0.88,
        delta: -0.02,
        ci: [-0.03, -0.01],
        rule: at(6),
        ci_relative: null,
        detectable_change: 0.01,
        checks: [
          {
            kind: "max_drop",
            threshold: 0.005,
            measured: -0.03,
            outcome: "fail",
            interval: [-0.03, -0.01],
            passed: false,
            description: at(7),
          },
        ],
        status: "fail",
        passed: false,
        mcnemar: { baseline_only_correct: 5, candidate_only_correct: 2, p_value: 0.45 },
      },
      {
        name: at(8),
        direction: "lower",
        baseline: 2,
        candidate: 1,
        delta: -1,
        ci_relative: null,
        detectable_change: null,
        ci: null,
        rule: null,
        checks: [],
        status: null,
        passed: null,
      },
    ],
    notes: [at(9)],
    duration_ms: 1200,
  };
  const candidateMetrics: MetricsDocument = {
    kind: "modelguard.metrics",
    version: 1,
    task: "multiclass",
    model: { path: at(10), sha256: at(11), bytes: 10 },
    data: { path: at(12), sha256: at(13), rows: 50 },
    target: at(14),
    classes: [at(15), at(16), at(17)],
    metrics: { accuracy: 0.9, [at(18)]: 0.5 },
    per_class: [0, 1, 2].map((i) => ({ label: at(15 + i), precision: 0.9, recall: 0.8, f1: 0.85, support: 10 })),
    confusion_matrix: [
      [8, 1, 1],
      [0, 9, 1],
      [2, 0, 8],
    ],
    slices: [
      { column: at(19), value: at(20), size: 40, judged: true, metrics: { accuracy: 0.9 }, notes: [] },
      { column: at(19), value: null, size: 3, judged: false, metrics: { accuracy: 1 }, notes: [] },
    ],
    notes: [{ metric: at(21), reason: at(22) }],
    duration_ms: 30,
  };
  const validation: ValidateReport = {
    kind: "modelguard.validation",
    version: 1,
    data: at(23),
    schema: at(24),
    holdout: at(25),
    ok: false,
    rows: 100,
    violations: [
      {
        kind: "allowed",
        column: at(26),
        count: 3,
        fraction: 0.03,
        examples: [
          { row: 1, value: at(27) },
          { row: 2, value: null },
        ],
        severity: "error",
        message: at(28),
      },
      {
        kind: "duplicate_rows",
        column: null,
        count: 1,
        fraction: 0.01,
        examples: [{ row: 4, value: at(29), trainRow: 9 }],
        severity: "warning",
        message: at(30),
      },
    ],
  };
  const drift: DriftReport = {
    kind: "modelguard.drift",
    version: 1,
    reference: at(31),
    current: at(32),
    policy: { method: at(33), alpha: 0.05, psi_threshold: 0.1, correction: "bh", bins: 10, dataset_share: 0.5 },
    features: [feature(at(34), "ks+psi", true, 0), feature(at(35), at(36), true, 1), feature(at(37), "psi", false, 2)],
    skipped: [{ name: at(38), reason: at(39) }],
    drifted_features: [at(34), at(35)],
    drifted_share: 2 / 3,
    dataset_drifted: true,
    summary: at(40),
  };
  return {
    comparison,
    candidateMetrics,
    validation,
    drift,
    facts: {
      commit: at(41),
      ref: at(42),
      workflowRunUrl: at(43),
      durationMs: 10,
      dataSha256: at(44),
      modelSha256: at(45),
      modelBytes: 5,
      baselineModelSha256: at(46),
      generatedAt: at(47),
    },
  };
}

/** Decoded character references: the text GitHub's mention and reference filters see (zero-width spaces kept). */
function rendered(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&(lt|gt|quot|amp);/g, (_, n: string) => ({ lt: "<", gt: ">", quot: '"', amp: "&" })[n]!);
}

/** The Markdown outside fenced code blocks, and the fenced blocks' contents. */
function splitFences(md: string): { prose: string; fences: string[] } {
  const fences: string[] = [];
  const prose = md.replace(/^```mermaid\n([\s\S]*?)^```$/gm, (_, body: string) => {
    fences.push(body);
    return "";
  });
  return { prose, fences };
}

/** Every table row must have as many cells as its header (an unescaped `|` or line break in data would change it). */
function checkTables(md: string): number {
  const lines = md.split("\n");
  let tables = 0;
  const cells = (l: string) => l.split(/(?<!\\)\|/).length - 2;
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!/^\| .*\|$/.test(lines[i]!) || !/^\|( :?-+:? \|)+$/.test(lines[i + 1]!)) continue;
    tables++;
    const n = cells(lines[i]!);
    assert.equal(cells(lines[i + 1]!), n, `delimiter row of ${lines[i]}`);
    let j = i + 2;
    for (; j < lines.length && lines[j]!.startsWith("|"); j++) assert.equal(cells(lines[j]!), n, lines[j]);
    // A table ends with a blank line, never with a stray continuation line.
    assert.ok(j === lines.length || lines[j] === "", `after the table: ${JSON.stringify(lines[j])}`);
    i = j;
  }
  return tables;
}

const OUR_LINK = /\[(view the workflow run|Full report)\]\(https?:\/\/[A-Za-z0-9\-._~:/?&=%+,;!]+\)/g;
const ALLOWED_TAGS = new Set(["details", "/details", "summary", "/summary", "sub", "/sub"]);

function checkMarkdown(md: string): void {
  assert.ok(!md.includes("<!--"), "no HTML comment can start in the report (the marker is added later)");
  assert.doesNotMatch(md, /(^|[^\w])@[A-Za-z0-9]/m, "raw mention");
  assert.doesNotMatch(rendered(md), /(^|[^\w])@[A-Za-z0-9]/m, "mention once rendered");
  assert.doesNotMatch(md, /(?<!&)#\d/, "bare issue reference");
  for (const m of md.matchAll(/<(\/?[A-Za-z][A-Za-z0-9-]*)|<[!?]/g))
    assert.ok(m[1] !== undefined && ALLOWED_TAGS.has(m[1]), `unexpected tag ${m[0]}`);
  assert.ok(checkTables(md) >= 8, "the tables of the report are there");

  const { prose, fences } = splitFences(md);
  assert.equal(fences.length, 2, "both charts");
  for (const f of fences) {
    for (const line of f.trimEnd().split("\n"))
      assert.match(
        line,
        /^(xychart-beta horizontal| {4}title "[^"]*"| {4}x-axis \["[^"]*"(, "[^"]*")*\]| {4}y-axis "[^"]*" 0 --> [0-9.]+| {4}(bar|line) \[[0-9.]+(, [0-9.]+)*\])$/,
      );
    assert.doesNotMatch(
      f.replace(/ --> /g, " "),
      /[;#%`@<>&]/,
      "nothing in a chart can end a statement, comment, escape or close the fence",
    );
  }
  // GitHub links references in text, not in code blocks (the charts) nor inside a link's destination URL.
  const text = rendered(prose).replace(/\]\(https?:\/\/[^)\s]*\)/g, "]()");
  assert.doesNotMatch(text, /(^|[^\w])#\d|GH-\d/im, "issue reference once rendered");
  assert.ok(!prose.includes("-->"), "data cannot close a comment");
  const outsideLinks = prose.replace(OUR_LINK, "");
  assert.doesNotMatch(outsideLinks, /[[\]]/, "no link or image syntax from data");
  assert.doesNotMatch(outsideLinks, /:\/\/|www\./i, "no autolink from data");
  // Backticks only in code spans of hexadecimal ids.
  assert.doesNotMatch(outsideLinks.replace(/`[0-9A-Fa-f]+`/g, ""), /`/);
  assert.doesNotMatch(outsideLinks, /[$~]/, "no math or strikethrough markers");
}

function checkHtml(html: string): void {
  const tags = new Set(
    "html head meta title style body header div span h1 h2 h3 p ul li main section table thead tbody tr th td strong code figure svg rect line text figcaption footer".split(
      " ",
    ),
  );
  for (const m of html.matchAll(/<\/?([A-Za-z][A-Za-z0-9-]*)/g)) assert.ok(tags.has(m[1]!), `unexpected tag <${m[1]}`);
  assert.doesNotMatch(html, /<!--/);
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i, "no event handler attribute");
  assert.doesNotMatch(html, /\s(src|href|xlink:href|action|formaction|background|poster)\s*=|url\(|@import/i);
}

test("data-derived strings in every part cannot format, ping, reference, inject HTML or break a table", () => {
  fc.assert(
    fc.property(fc.array(str, { minLength: 48, maxLength: 48 }), str, (strings, raw) => {
      // Report ids are checked (1-128 of letters, digits and . _ : / @ + -); a valid one may still hold @everyone.
      const id = /^[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,127}$/.test(raw) ? raw : `r@everyone/${raw.length}`;
      const r = renderReport(reportOf(strings), { reportId: id, fullReportUrl: "https://example.com/run/1" });
      checkMarkdown(r.comment);
      checkMarkdown(r.summary);
      checkHtml(r.html);
    }),
    { numRuns: 60 },
  );
});

test("the classic attacks, one by one, in a column name, a value and a class label", () => {
  for (const s of NASTY) {
    const strings = Array.from({ length: 48 }, (_, i) => (i % 3 === 0 ? s : `col_${i}`));
    const r = renderReport(reportOf(strings));
    checkMarkdown(r.comment);
    checkHtml(r.html);
  }
  const r = renderReport(reportOf(Array.from({ length: 48 }, () => "<script>alert(1)</script> @everyone #1 a|b")));
  assert.match(r.comment, /&lt;script&gt;alert\(1\)&lt;\/script&gt; @&#8203;everyone &#35;&#8203;1 a&#124;b/);
  assert.match(r.html, /&lt;script&gt;alert\(1\)&lt;\/script&gt; @everyone #1 a\|b/);
});

test("the checks catch what they look for", () => {
  const md = renderReport(reportOf(Array.from({ length: 48 }, (_, i) => `c${i}`))).comment;
  checkMarkdown(md);
  assert.throws(() => checkMarkdown(md.replace("| c26 |", "| c|26 |")));
  assert.throws(() => checkMarkdown(md + "\nhi @everyone"));
  assert.throws(() => checkMarkdown(md + "\nsee #12"));
  assert.throws(() => checkMarkdown(md + "\n<!-- x -->"));
  assert.throws(() => checkMarkdown(md + "\n<img src=x>"));
  assert.throws(() => checkMarkdown(md.replace('"c34:', '"c34;:')));
  assert.throws(() => checkHtml(renderReport(reportOf(["x"])).html.replace("<main>", "<main><script>")));
});
