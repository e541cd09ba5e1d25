import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { escapeMarkdown, sanitizeText } from "../../src/report/escapeMarkdown.js";
import { escapeHtml } from "../../src/report/escapeHtml.js";
import { escapeMermaidLabel } from "../../src/report/escapeMermaidLabel.js";

/**
 * The text GitHub's renderer produces, where it looks for mentions and issue references: character references decoded
 * (zero-width spaces included).
 */
function rendered(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&(lt|gt|quot|amp);/g, (_, n: string) => ({ lt: "<", gt: ">", quot: '"', amp: "&" })[n]!);
}
/** What a reader sees: the rendered text without zero-width spaces. */
const seen = (s: string) => rendered(s).replace(/\u200b/g, "");

const nasty = fc.constantFrom(
  "@everyone",
  "@org/team",
  "cc @octocat please",
  "#1",
  "fixes #123",
  "GH-42",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "<!-- modelguard:report id=x -->",
  "-->",
  "a|b|c",
  "`code` ```fence```",
  "**bold** _it_ ~~del~~",
  "[link](https://evil.example)",
  "![img](https://evil.example/x.png)",
  "https://evil.example/path",
  "www.evil.example",
  "$x^2$",
  "\\|",
  "line1\nline2\r\nline3",
  "- item",
  "1. item",
  "# heading",
  "&amp; &#64;everyone",
  "\u202eevil",
  "日本語 Ünïcödé 👍🏽",
);
const text = fc.oneof(nasty, fc.string({ unit: "binary", maxLength: 40 }), fc.string({ maxLength: 40 }));

test("the examples of the doc comment", () => {
  assert.equal(escapeMarkdown("a|b @team #12 <b>"), "a&#124;b @&#8203;team &#35;&#8203;12 &lt;b&gt;");
  assert.equal(escapeMarkdown("mean_texture_worst"), "mean_texture_worst");
  assert.equal(escapeMarkdown("_private"), "&#95;private");
  assert.equal(escapeMarkdown("<!-- modelguard:report id=x -->"), "&lt;!-- modelguard:report id=x --&gt;");
  assert.equal(escapeMarkdown("- item"), "&#45; item");
  assert.equal(escapeMarkdown("1. item"), "1&#46; item");
  assert.equal(escapeMarkdown("0.95"), "0.95");
  assert.equal(escapeMarkdown("see https://x.y"), "see https&#58;//x.y");
  assert.equal(escapeMarkdown("www.x.y"), "www&#46;x.y");
  assert.equal(escapeMarkdown("GH-42"), "GH-&#8203;42");
  assert.equal(escapeMarkdown("a\nb\r\nc\td"), "a b c d");
  assert.equal(escapeMarkdown("\u202eevil\u0000"), "\ufffdevil\ufffd");
});

test("escaping keeps what the reader sees: decoding gives back the sanitized text", () => {
  fc.assert(
    fc.property(text, (s) => {
      const original = sanitizeText(s).replace(/\u200b/g, "");
      assert.equal(seen(escapeMarkdown(s)), original);
      assert.equal(seen(escapeHtml(s)), original);
    }),
    { numRuns: 500 },
  );
});

test("escaped text has nothing Markdown, GitHub or HTML would act on", () => {
  fc.assert(
    fc.property(text, (s) => {
      const e = escapeMarkdown(s);
      // Only character references remain of & < > and friends.
      assert.doesNotMatch(e, /[<>|`*[\]\\~$"']/, e);
      assert.doesNotMatch(e, /&(?!(amp|lt|gt|quot|#\d+);)/, e);
      assert.doesNotMatch(e, /[\n\r\t]/);
      // No mention or issue reference, in the source nor in the rendered text.
      assert.doesNotMatch(e, /(^|[^\w])@[A-Za-z0-9]/, e);
      assert.doesNotMatch(rendered(e), /(^|[^\w])@[A-Za-z0-9]/);
      assert.doesNotMatch(e, /(?<!&)#\d/, e);
      assert.doesNotMatch(rendered(e), /(^|[^\w])#\d|GH-\d/i);
      assert.doesNotMatch(e, /:\/\/|www\./i);
      assert.doesNotMatch(e, /^[-+=]|^\d+[.)]( |$)/);
    }),
    { numRuns: 1000 },
  );
});

test("HTML escaping leaves no tag, attribute break or entity of the data's own", () => {
  fc.assert(
    fc.property(text, (s) => {
      const e = escapeHtml(s);
      assert.doesNotMatch(e, /[<>"'`=]/);
      assert.doesNotMatch(e, /&(?!(amp|lt|gt|quot|#\d+);)/);
    }),
    { numRuns: 500 },
  );
  assert.equal(escapeHtml('<img src=x onerror="a()">'), "&lt;img src&#61;x onerror&#61;&quot;a()&quot;&gt;");
});

test("Mermaid labels keep only characters that cannot end a string, start a statement or a comment", () => {
  fc.assert(
    fc.property(text, fc.integer({ min: 4, max: 60 }), (s, max) => {
      const l = escapeMermaidLabel(s, max);
      assert.match(l, /^[\p{L}\p{M}\p{N} _.,:+\-/()=?]+$/u);
      assert.doesNotMatch(l, /["';#%&<>@`[\]{}|\\\n\r]/);
      assert.ok(Array.from(l).length <= Math.max(max, "(blank)".length));
    }),
    { numRuns: 500 },
  );
  assert.equal(escapeMermaidLabel('a"b; #1 @x'), "a?b? ?1 ?x");
  assert.equal(escapeMermaidLabel(""), "(blank)");
  assert.equal(escapeMermaidLabel("abcdefghij", 8), "abcde...");
});
