import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ComparisonResult } from "../../src/compare/comparisonResult.js";
import { isModelguardError } from "../../src/errors.js";
import { renderReport } from "../../src/report/renderReport.js";
import { shippedTemplateDir, TEMPLATE_FILES } from "../../src/report/reportTemplates.js";

const comparison = (): ComparisonResult =>
  JSON.parse(readFileSync("fixtures/report/comparison-fail.json", "utf8")) as ComparisonResult;

function withTemplates(files: Record<string, string>, f: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), "modelguard-templates-"));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    f(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("the shipped templates are found from the package root", () => {
  for (const name of TEMPLATE_FILES) assert.ok(existsSync(join(shippedTemplateDir(), name)), name);
});

test("a replaced comment.hbs is used; the summary and partials fall back to the shipped ones", () => {
  const shipped = renderReport({ comparison: comparison() });
  withTemplates(
    { "comment.hbs": "CUSTOM {{statusIcon verdict.status}} {{verdict.reason}}\n\n{{> metrics}}" },
    (dir) => {
      const r = renderReport({ comparison: comparison() }, { templateDir: dir });
      assert.ok(r.comment.startsWith("CUSTOM ❌ accuracy dropped by 2.34 pp"), r.comment.slice(0, 80));
      assert.match(r.comment, /\n#### Metrics\n/, "the shipped _metrics.hbs partial");
      assert.match(r.comment, /\| accuracy \| 97\.08% \| 94\.74% \| -2\.34 pp \|/);
      assert.equal(r.summary, shipped.summary, "summary.hbs is not in the directory: the shipped one");
      assert.equal(r.html, shipped.html);
    },
  );
});

test("a replaced partial is used by the comment and the summary alike; a new partial can be added", () => {
  withTemplates(
    {
      "_metrics.hbs": "{{#each comparison.rows}}* {{name}}: {{fmtDelta delta proportion}}{{> mine}}\n{{/each}}",
      "_mine.hbs": " ({{statusIcon status}})",
    },
    (dir) => {
      const r = renderReport({ comparison: comparison() }, { templateDir: dir });
      for (const md of [r.comment, r.summary]) {
        assert.match(md, /\n\* accuracy: -2\.34 pp \(❌\)\n\* f1: -3\.15 pp \(❌\)\n/);
        assert.doesNotMatch(md, /#### Metrics/);
        assert.match(md, /^### ❌ Fail/, "the other partials are the shipped ones");
      }
    },
  );
});

test("values in a user's template are escaped for Markdown by default; {{{raw}}} is raw", () => {
  const c = comparison();
  c.reason = "<img src=x onerror=alert(1)> @everyone #1 | `x` <!-- modelguard:report id=y -->";
  withTemplates(
    {
      "comment.hbs":
        "A {{verdict.reason}}\nB {{#with verdict}}{{reason}}{{/with}}\nC {{md verdict.reason}}\nD {{{verdict.reason}}}\n",
    },
    (dir) => {
      const lines = renderReport({ comparison: c }, { templateDir: dir }).comment.split("\n");
      const escaped =
        "&lt;img src=x onerror=alert(1)&gt; @&#8203;everyone &#35;&#8203;1 &#124; &#96;x&#96; &lt;!-- modelguard:report id=y --&gt;";
      assert.equal(lines[0], `A ${escaped}`);
      assert.equal(lines[1], `B ${escaped}`);
      assert.equal(lines[2], `C ${escaped}`);
      assert.equal(lines[3], `D ${c.reason}`, "triple-stash is the documented way to insert a value as it is");
    },
  );
});

test("an HTML template override is escaped for HTML", () => {
  const c = comparison();
  c.reason = "<script>alert(1)</script>";
  withTemplates({ "report.html.hbs": "<p>{{verdict.reason}}</p>" }, (dir) => {
    assert.equal(
      renderReport({ comparison: c }, { templateDir: dir }).html,
      "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
    );
  });
});

test("mistakes in a template directory are reported with the file and a hint", () => {
  const error = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      assert.ok(isModelguardError(e), String(e));
      return e;
    }
    assert.fail("expected an error");
  };
  const missing = error(() => renderReport({}, { templateDir: "/nonexistent/templates" }));
  assert.equal(missing.code, "usage");
  assert.match(missing.message, /\/nonexistent\/templates does not exist/);

  withTemplates({ "coment.hbs": "x" }, (dir) => {
    const e = error(() => renderReport({}, { templateDir: dir }));
    assert.equal(e.code, "usage");
    assert.match(e.message, /coment\.hbs is not a modelguard template/);
    assert.match(e.hint!, /did you mean comment\.hbs\?/);
  });
  withTemplates({ "comment.hbs": "{{#if verdict}}unclosed" }, (dir) => {
    const e = error(() => renderReport({}, { templateDir: dir }));
    assert.equal(e.code, "config");
    assert.match(e.message, /template comment\.hbs \(.*comment\.hbs\) is invalid/);
  });
  withTemplates({ "comment.hbs": "{{> nosuchpartial}}" }, (dir) => {
    const e = error(() => renderReport({}, { templateDir: dir }));
    assert.equal(e.code, "config");
    assert.match(e.message, /comment\.hbs .* failed: .*nosuchpartial/);
  });
  // Other files (a README) are ignored.
  withTemplates({ "README.md": "notes" }, (dir) => {
    assert.equal(renderReport({}, { templateDir: dir }).comment, renderReport({}).comment);
  });
});
