import Handlebars from "handlebars";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../../src/contracts/packageRoot.js";
import type { StatusView } from "./statusView.js";

/**
 * The Content-Security-Policy of the status page, sent as a header (and repeated in a meta tag for a saved copy): no
 * script, no fetch, no image, font or frame from anywhere; only the page's own inline styles.
 */
export const STATUS_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** How often the page reloads itself (a meta refresh: no script needed). */
export const STATUS_REFRESH_SECONDS = 30;

let compiled: Handlebars.TemplateDelegate | null = null;

/** The template shipped in templates/monitor/, compiled once; Handlebars escapes every `{{value}}` for HTML. */
function template(): Handlebars.TemplateDelegate {
  if (compiled) return compiled;
  const hbs = Handlebars.create();
  hbs.registerHelper("isNull", (x: unknown) => x === null || x === undefined);
  const source = readFileSync(join(packageRoot(), "templates", "monitor", "status.html.hbs"), "utf8");
  compiled = hbs.compile(source, { preventIndent: true, strict: true });
  return compiled;
}

/** The self-contained status page (HTML, inline CSS, no script) of a status view. */
export function renderStatusPage(view: StatusView): string {
  return template()({ ...view, refreshSeconds: STATUS_REFRESH_SECONDS });
}
