import Handlebars from "handlebars";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { packageRoot } from "../contracts/packageRoot.js";
import { ModelguardError } from "../errors.js";
import { didYouMean } from "../schema/didYouMean.js";
import { escapeMarkdown } from "./escapeMarkdown.js";
import { registerReportHelpers } from "./reportHelpers.js";

/** The compiled templates of one render: Markdown comment and job summary, and the HTML page. */
export interface ReportTemplates {
  comment: Handlebars.TemplateDelegate;
  summary: Handlebars.TemplateDelegate;
  html: Handlebars.TemplateDelegate;
}

/** Top-level template files; every other `*.hbs` file is a partial named `_NAME.hbs` (`_NAME.html.hbs` for HTML). */
export const TEMPLATE_FILES = ["comment.hbs", "summary.hbs", "report.html.hbs"] as const;

/** The directory of the templates shipped with modelguard (`templates/` at the package root). */
export function shippedTemplateDir(): string {
  return join(packageRoot(), "templates");
}

/**
 * The shipped templates, each replaced by the file of the same name in `templateDir` when there is one (partials too,
 * and partials may be added). Markdown templates escape every `{{value}}` for Markdown (see `escapeMarkdown`) and HTML
 * templates for HTML; `{{{value}}}` inserts a value as it is, for fragments the renderer built and escaped itself.
 */
export function loadReportTemplates(templateDir?: string): ReportTemplates {
  const files = new Map<string, { path: string; text: string }>();
  for (const [name, path] of listTemplates(shippedTemplateDir())) files.set(name, { path, text: readTemplate(path) });
  if (templateDir !== undefined) {
    if (!existsSync(templateDir) || !statSync(templateDir).isDirectory())
      throw new ModelguardError(
        "usage",
        `template directory ${templateDir} does not exist`,
        "--template takes a directory of .hbs files that replace the shipped ones of the same name",
      );
    for (const [name, path] of listTemplates(templateDir)) {
      if (!name.startsWith("_") && !(TEMPLATE_FILES as readonly string[]).includes(name)) {
        const guess = didYouMean(name, TEMPLATE_FILES);
        throw new ModelguardError(
          "usage",
          `${path} is not a modelguard template`,
          `${guess ? `did you mean ${guess}? ` : ""}templates are ${TEMPLATE_FILES.join(", ")}, and partials named _NAME.hbs (Markdown) or _NAME.html.hbs (HTML)`,
        );
      }
      files.set(name, { path, text: readTemplate(path) });
    }
  }
  for (const name of TEMPLATE_FILES)
    if (!files.has(name))
      throw new ModelguardError("io", `the shipped template ${name} is missing from ${shippedTemplateDir()}`);

  const markdown = Handlebars.create();
  registerReportHelpers(markdown, "markdown");
  markdown.registerHelper("mdEscape", mdEscapeHelper);
  const html = Handlebars.create();
  registerReportHelpers(html, "html");

  const compileMarkdown = (name: string) => {
    const file = files.get(name)!;
    try {
      const ast = escapeMustachesForMarkdown(markdown.parse(file.text), markdown);
      return markdown.compile(ast, COMPILE_OPTIONS);
    } catch (e) {
      throw templateError(file.path, e);
    }
  };
  const compileHtml = (name: string) => {
    const file = files.get(name)!;
    try {
      html.parse(file.text); // syntax errors now, with the file's name, rather than at the first render
      return html.compile(file.text, COMPILE_OPTIONS);
    } catch (e) {
      throw templateError(file.path, e);
    }
  };

  for (const name of files.keys()) {
    if (!name.startsWith("_")) continue;
    if (name.endsWith(".html.hbs")) html.registerPartial(name.slice(1, -".html.hbs".length), compileHtml(name));
    else markdown.registerPartial(name.slice(1, -".hbs".length), compileMarkdown(name));
  }
  return {
    comment: guarded(compileMarkdown("comment.hbs"), files.get("comment.hbs")!.path),
    summary: guarded(compileMarkdown("summary.hbs"), files.get("summary.hbs")!.path),
    html: guarded(compileHtml("report.html.hbs"), files.get("report.html.hbs")!.path),
  };
}

const COMPILE_OPTIONS = { preventIndent: true } as const;

/**
 * `{{value}}` -> `{{{mdEscape value}}}` and `{{helper a b}}` -> `{{{mdEscape (helper a b)}}}`, throughout the template
 * (blocks, inverses, inline partials): the Markdown escape becomes the default of every mustache, the way Handlebars'
 * own HTML escape is, without touching Handlebars' global `escapeExpression`. Triple-stash `{{{raw}}}` stays raw.
 */
export function escapeMustachesForMarkdown(program: hbs.AST.Program, env: typeof Handlebars): hbs.AST.Program {
  const visitProgram = (p: hbs.AST.Program | undefined | null): void => {
    if (!p) return;
    p.body = p.body.map(visitStatement);
  };
  const visitStatement = (s: hbs.AST.Statement): hbs.AST.Statement => {
    switch (s.type) {
      case "MustacheStatement": {
        const m = s as hbs.AST.MustacheStatement;
        if (!m.escaped) return m;
        const escaped: hbs.AST.MustacheStatement = {
          ...m,
          escaped: false,
          path: pathTo("mdEscape", m.loc),
          params: [valueOf(m)],
          hash: NO_HASH,
        };
        return escaped;
      }
      case "BlockStatement":
      case "DecoratorBlock":
      case "PartialBlockStatement": {
        const b = s as hbs.AST.BlockStatement;
        visitProgram(b.program);
        visitProgram(b.inverse);
        return b;
      }
      default:
        return s;
    }
  };
  /** The mustache's value as a parameter: a helper call becomes a sub-expression; a plain lookup stays a path. */
  const valueOf = (m: hbs.AST.MustacheStatement): hbs.AST.Expression => {
    const path = m.path as hbs.AST.PathExpression;
    const isHelperCall =
      m.params.length > 0 ||
      m.hash !== undefined ||
      (path.type === "PathExpression" &&
        !path.data &&
        path.parts.length === 1 &&
        Object.hasOwn(env.helpers, path.original));
    if (!isHelperCall) return m.path;
    const sub: hbs.AST.SubExpression = {
      type: "SubExpression",
      path: path,
      params: m.params,
      hash: m.hash,
      loc: m.loc,
    };
    return sub;
  };
  visitProgram(program);
  return program;
}

/** The parser leaves `hash` undefined on a mustache without hash arguments; the typings say otherwise. */
const NO_HASH = undefined as unknown as hbs.AST.Hash;

function pathTo(name: string, loc: hbs.AST.SourceLocation): hbs.AST.PathExpression {
  return { type: "PathExpression", data: false, depth: 0, parts: [name], original: name, loc };
}

function mdEscapeHelper(value: unknown): string {
  if (value instanceof Handlebars.SafeString) return value.toHTML();
  if (value === null || value === undefined) return "";
  return escapeMarkdown(String(value));
}

function listTemplates(dir: string): [string, string][] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    throw new ModelguardError("io", `cannot read the template directory ${dir}: ${(e as Error).message}`);
  }
  return names
    .filter((n) => n.endsWith(".hbs"))
    .sort()
    .map((n) => [n, join(dir, n)]);
}

function readTemplate(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw new ModelguardError("io", `cannot read the template ${path}: ${(e as Error).message}`);
  }
}

function templateError(path: string, e: unknown): ModelguardError {
  return new ModelguardError(
    "config",
    `template ${basename(path)} (${path}) is invalid: ${(e as Error).message.split("\n")[0]}`,
    "templates use Handlebars syntax; see the shipped ones in templates/ for the data they receive",
  );
}

/** A template whose runtime errors (a missing helper or partial) name the template file. */
function guarded(t: Handlebars.TemplateDelegate, path: string): Handlebars.TemplateDelegate {
  return (context, options) => {
    try {
      return t(context, options);
    } catch (e) {
      throw new ModelguardError(
        "config",
        `template ${basename(path)} (${path}) failed: ${(e as Error).message.split("\n")[0]}`,
        "check the helpers and partials it uses: the shipped templates show the available ones",
      );
    }
  };
}
