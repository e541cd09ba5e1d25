import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { ComparisonResult } from "../../src/compare/comparisonResult.js";
import { renderReport } from "../../src/report/renderReport.js";
import type { ReportInput } from "../../src/report/reportInput.js";
import { chromium, near, noChromium, screenshot, share, type Image, type Rgb } from "../helpers/headlessChromium.js";

const skip = noChromium;

const fixture = <T>(name: string): T => JSON.parse(readFileSync(`fixtures/report/${name}`, "utf8")) as T;
const fullInput = (comparison: ComparisonResult): ReportInput => ({
  comparison,
  candidateMetrics: fixture("metrics.json"),
  validation: fixture("validation.json"),
  drift: fixture("drift.json"),
  facts: {
    commit: "2ac5edd4b1c9f0e3a1d2c3b4a5f6e7d8c9b0a1f2",
    ref: "refs/pull/42/merge",
    workflowRunUrl: "https://github.com/acme/shop/actions/runs/123456",
    durationMs: 73_400,
  },
});

/** The verdict banner colours of templates/report.html.hbs. */
const FAIL_RED: Rgb = [0xb3, 0x26, 0x1e];
const PASS_GREEN: Rgb = [0x1a, 0x7f, 0x37];

/** Renders `html` from a file in `dir` and screenshots it in a 1200 x height window. */
async function shot(dir: string, html: string, name: string, height: number): Promise<Image> {
  const htmlFile = join(dir, `${name}.html`);
  writeFileSync(htmlFile, html);
  return screenshot(pathToFileURL(htmlFile).href, 1200, height);
}

const isWhite = (c: Rgb) => c.every((v) => v >= 245);
const isDark = (c: Rgb) => 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2] < 90;

/** The last row with anything but the white page background: where the page's content ends. */
function contentBottom(img: Image): number {
  for (let y = img.height - 1; y >= 0; y--) for (let x = 0; x < img.width; x += 3) if (!isWhite(img.at(x, y))) return y;
  return -1;
}

test("the HTML report in a real browser: verdict banner, text, charts, page length", { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "modelguard-html-"));
  try {
    const fail = renderReport(fullInput(fixture("comparison-fail.json"))).html;
    const img = await shot(dir, fail, "fail", 1600);
    assert.equal(img.width, 1200);
    assert.equal(img.height, 1600);
    // The top band is the verdict banner, in the fail red, and never the pass green.
    const bannerRed = share(img, 0, 100, (c) => near(c, FAIL_RED));
    assert.ok(bannerRed > 0.6, `fail red covers ${(bannerRed * 100).toFixed(1)}% of the top band`);
    assert.equal(
      share(img, 0, 100, (c) => near(c, PASS_GREEN)),
      0,
    );
    // Below it a white page with text: mostly background, some dark text, not blank, not a solid block.
    const body = { white: share(img, 250, 1600, isWhite), dark: share(img, 250, 1600, isDark) };
    assert.ok(body.white > 0.6 && body.white < 0.98, `white ${body.white}`);
    assert.ok(body.dark > 0.005 && body.dark < 0.2, `dark text ${body.dark}`);
    // The metric change chart (red "worse" bars, drawn by our SVG) is on the first screen.
    const worseBars = share(img, 250, 1600, (c) => near(c, [0xd1, 0x24, 0x2f], 6));
    assert.ok(worseBars > 0.001, `chart bars ${worseBars}`);
    // Rows differ: many distinct colours (text antialiasing, tables, banner, charts) rather than a flat image.
    const colours = new Set<number>();
    for (let y = 0; y < img.height; y += 4)
      for (let x = 0; x < img.width; x += 4) colours.add(img.at(x, y).reduce((a, v) => a * 256 + v, 0));
    assert.ok(colours.size > 50, `${colours.size} colours`);

    // A tall window shows where the page ends: longer than one screen (33 features, tables), not endless.
    const tall = await shot(dir, fail, "fail-tall", 9000);
    const bottom = contentBottom(tall);
    assert.ok(bottom > 3000 && bottom < 8900, `content ends at ${bottom}px`);

    // The same report passing: a green banner, no red in it.
    const greenOnly = renderReport({ comparison: fixture("comparison-pass-unpaired.json") }).html;
    const g = await shot(dir, greenOnly, "pass", 1600);
    const bannerGreen = share(g, 0, 100, (c) => near(c, PASS_GREEN));
    assert.ok(bannerGreen > 0.6, `pass green covers ${(bannerGreen * 100).toFixed(1)}% of the top band`);
    assert.equal(
      share(g, 0, 100, (c) => near(c, FAIL_RED)),
      0,
    );

    // Printed: a few A4/Letter pages, the banner kept.
    const pdf = join(dir, "fail.pdf");
    writeFileSync(join(dir, "print.html"), fail);
    await chromium(pathToFileURL(join(dir, "print.html")).href, [`--print-to-pdf=${pdf}`, "--no-pdf-header-footer"]);
    const pages = (readFileSync(pdf, "latin1").match(/\/Type\s*\/Page\b/g) ?? []).length;
    assert.ok(pages >= 2 && pages <= 12, `${pages} printed pages`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the HTML loads nothing: no external reference, no script, a strict CSP", () => {
  const c = fixture<ComparisonResult>("comparison-fail.json");
  c.reason = '<img src="https://evil.example/x.png"> <link rel=stylesheet href=https://evil.example/a.css>';
  c.candidate.source = "url(https://evil.example/font.woff) @import 'https://evil.example/b.css';";
  const html = renderReport(fullInput(c)).html;
  assert.match(
    html,
    /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/,
  );
  // No attribute, CSS function or at-rule that loads anything (data mentioning them is escaped text).
  assert.doesNotMatch(html, /\s(src|href|srcset|xlink:href|poster|background|action|data)\s*=/i);
  const css = [...html.matchAll(/<style>([\s\S]*?)<\/style>|\sstyle="([^"]*)"/g)].map((m) => m[1] ?? m[2]).join("\n");
  assert.ok(css.length > 1000, "the inline style sheet");
  assert.doesNotMatch(css, /url\(|@import|@font-face|https?:/i);
  assert.match(html, /url\(https:\/\/evil\.example\/font\.woff\) @import &#x27;https:\/\/evil\.example\/b\.css&#x27;;/);
  assert.doesNotMatch(html, /<(script|link|img|iframe|object|embed|audio|video|source|base|form)\b/i);
  // URLs appear only as escaped text (the workflow run fact, the data given above), never in a tag.
  for (const m of html.matchAll(/https?:\/\//g)) {
    const before = html.slice(0, m.index);
    assert.ok(before.lastIndexOf("<") < before.lastIndexOf(">"), "a URL inside a tag");
  }
});
