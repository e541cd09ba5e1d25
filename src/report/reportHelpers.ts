import Handlebars from "handlebars";
import { escapeHtml } from "./escapeHtml.js";
import { escapeMarkdown } from "./escapeMarkdown.js";
import {
  formatBytes,
  formatCount,
  formatDelta,
  formatDuration,
  formatInterval,
  formatDetectable,
  formatMetric,
  formatRelativeInterval,
  formatValue,
  formatPercent,
  formatParameter,
  formatPValue,
  NO_VALUE,
} from "./formatNumber.js";

export type TemplateFormat = "markdown" | "html";

/** ✅ pass, ❌ fail, ⚠️ warn, ❔ inconclusive, ℹ️ none (nothing was gated), — not gated (null). */
export function statusIcon(status: unknown): string {
  switch (status) {
    case "pass":
      return "✅";
    case "fail":
      return "❌";
    case "warn":
      return "⚠️";
    case "none":
      return "ℹ️";
    case "inconclusive":
      return "❔";
    default:
      return NO_VALUE;
  }
}

/**
 * http(s) URLs made only of characters that need no escaping in a Markdown link destination or an HTML attribute (no
 * spaces, quotes, brackets, parentheses, `<>`, `@`, `#`); anything else is shown as text instead of a link.
 */
export function isPlainUrl(url: unknown): url is string {
  return typeof url === "string" && url.length <= 2000 && /^https?:\/\/[A-Za-z0-9\-._~:/?&=%+,;!]+$/.test(url);
}

/**
 * The helpers every report template can use. Number helpers return digits the renderer formatted (trusted); `md`,
 * `code` and `link` escape what they are given for the template's format.
 *
 * - `{{fmtMetric x}}` 4 significant digits; `{{fmtValue x proportion}}` percent for proportions, else fmtMetric;
 *   `{{fmtDetectable x proportion}}` ("±1.75 pp"); `{{fmtRelInterval ci}}` ("-3.9% to +1.9%"); `{{fmtNumber x}}` the same without trailing zeros (thresholds); `{{fmtDelta d proportion}}` signed, pp for proportions;
 *   `{{fmtInterval ci proportion}}`; `{{fmtP p}}` ("<0.001"); `{{fmtInt n}}` ("2,000"); `{{fmtPercent f}}`;
 *   `{{fmtBytes n}}`; `{{fmtDuration ms}}`; `{{statusIcon s}}`.
 * - `{{md x}}` (or `{{escape x}}`) escapes x (what `{{x}}` does anyway; useful inside `{{{...}}}`); `{{code x}}` a code span for
 *   hexadecimal ids (hashes, commits), escaped text otherwise; `{{link label url}}` a link for plain http(s) URLs
 *   (text in HTML: the page links nowhere).
 * - `{{#if (eq a b)}}`, `{{plural n "row" "rows"}}`.
 */
export function registerReportHelpers(env: typeof Handlebars, format: TemplateFormat): void {
  const trusted = (s: string) => (format === "markdown" ? new Handlebars.SafeString(s) : s);
  const escape = format === "markdown" ? escapeMarkdown : escapeHtml;
  const text = (x: unknown) => (x === null || x === undefined ? "" : String(x));

  env.registerHelper("fmtMetric", (x: unknown) => trusted(formatMetric(num(x))));
  env.registerHelper("fmtValue", (x: unknown, p: unknown) => trusted(formatValue(num(x), p === true)));
  env.registerHelper("fmtDetectable", (x: unknown, p: unknown) => trusted(formatDetectable(num(x), p === true)));
  env.registerHelper("fmtRelInterval", (ci: unknown) => trusted(formatRelativeInterval(pair(ci))));
  env.registerHelper("fmtDelta", (d: unknown, p: unknown) => trusted(formatDelta(num(d), p === true)));
  env.registerHelper("fmtInterval", (ci: unknown, p: unknown) => trusted(formatInterval(pair(ci), p === true)));
  env.registerHelper("fmtNumber", (x: unknown) => trusted(formatParameter(num(x))));
  env.registerHelper("fmtP", (p: unknown) => trusted(formatPValue(num(p))));
  env.registerHelper("fmtInt", (n: unknown) => trusted(formatCount(num(n))));
  env.registerHelper("fmtPercent", (f: unknown) => trusted(formatPercent(num(f))));
  env.registerHelper("fmtBytes", (n: unknown) => trusted(formatBytes(num(n))));
  env.registerHelper("fmtDuration", (ms: unknown) => trusted(formatDuration(num(ms))));
  env.registerHelper("statusIcon", (s: unknown) => trusted(statusIcon(s)));
  env.registerHelper("escape", (x: unknown) =>
    x instanceof Handlebars.SafeString ? x : new Handlebars.SafeString(escape(text(x))),
  );
  env.registerHelper("md", (x: unknown) =>
    x instanceof Handlebars.SafeString ? x : new Handlebars.SafeString(escape(text(x))),
  );
  env.registerHelper("code", (x: unknown) => {
    const s = text(x);
    if (format === "html") return new Handlebars.SafeString(`<code>${escapeHtml(s)}</code>`);
    return new Handlebars.SafeString(/^[0-9A-Fa-f]{1,128}$/.test(s) ? `\`${s}\`` : escapeMarkdown(s));
  });
  env.registerHelper("link", (label: unknown, url: unknown) => {
    const l = text(label);
    if (format === "html")
      return new Handlebars.SafeString(
        isPlainUrl(url) ? `${escapeHtml(l)} <span class="url">${escapeHtml(url)}</span>` : escapeHtml(l),
      );
    return new Handlebars.SafeString(isPlainUrl(url) ? `[${escapeMarkdown(l)}](${url})` : escapeMarkdown(l));
  });
  env.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  env.registerHelper("plural", (n: unknown, one: unknown, many: unknown) =>
    trusted(escape(text(n === 1 ? one : many))),
  );
}

function num(x: unknown): number | null {
  return typeof x === "number" ? x : null;
}

function pair(x: unknown): [number, number] | null {
  return Array.isArray(x) && x.length === 2 && typeof x[0] === "number" && typeof x[1] === "number"
    ? [x[0], x[1]]
    : null;
}
