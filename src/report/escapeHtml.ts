import { sanitizeText } from "./escapeMarkdown.js";

const HTML_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;",
  "=": "&#61;",
};

/**
 * Text for HTML element content or a quoted attribute value: control and bidirectional formatting characters
 * replaced (see `sanitizeText`), then `& < > " ' \` =` as character references — the same set Handlebars escapes, so
 * code-built SVG and template output agree.
 *
 * escapeHtml('<img src=x onerror="a()">') === "&lt;img src&#61;x onerror&#61;&quot;a()&quot;&gt;"
 */
export function escapeHtml(text: string): string {
  return sanitizeText(text).replace(/[&<>"'`=]/g, (c) => HTML_ENTITIES[c]!);
}
