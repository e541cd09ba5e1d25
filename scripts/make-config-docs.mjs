#!/usr/bin/env node
// Renders the configuration reference from the JSON Schemas in schemas/: docs/configuration.md (every file format)
// and the block between the config-reference markers in README.md (the four files users write, compact).
// The schemas are what validates a file and what editors complete from, so generating the docs from them is what
// keeps a documented key, type or default from drifting away from the checked one.
//
//   node scripts/make-config-docs.mjs           write both
//   node scripts/make-config-docs.mjs --check   exit 1 when either differs from what would be written
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DOCS_FILE = "docs/configuration.md";
const README_FILE = "README.md";
const BEGIN_MARKER = "<!-- BEGIN GENERATED: config-reference (npm run docs) -->";
const END_MARKER = "<!-- END GENERATED: config-reference -->";

/** Every schema in schemas/, in reading order; one missing here is an error, so a new format cannot go undocumented. */
const FILES = [
  { schema: "config.schema.json", name: "modelguard.yml", what: "project config", writtenBy: "user" },
  { schema: "gates.schema.json", name: "gates.yml", what: "gates file", writtenBy: "user" },
  { schema: "schema-file.schema.json", name: "schema.yml", what: "schema file", writtenBy: "user" },
  { schema: "monitor-config.schema.json", name: "monitor.yml", what: "monitor config", writtenBy: "user" },
  { schema: "profile.schema.json", name: "profile.json", what: "reference profile", writtenBy: "modelguard" },
  { schema: "metrics.schema.json", name: "metrics.json", what: "evaluation metrics", writtenBy: "modelguard" },
  { schema: "comparison.schema.json", name: "comparison.json", what: "comparison", writtenBy: "modelguard" },
  { schema: "validation.schema.json", name: "validation.json", what: "validation result", writtenBy: "modelguard" },
  { schema: "drift.schema.json", name: "drift.json", what: "drift report", writtenBy: "modelguard" },
  { schema: "calibration.schema.json", name: "calibration.json", what: "calibration", writtenBy: "modelguard" },
  {
    schema: "monitor-performance.schema.json",
    name: "GET /v1/performance",
    what: "monitor realized performance",
    writtenBy: "modelguard",
  },
  {
    schema: "monitor-replay.schema.json",
    name: "monitor replay --json",
    what: "monitor replay",
    writtenBy: "modelguard",
  },
];

// A map's keys are names the user chooses; JSON Schema has no keyword for what they name, so the placeholder shown in
// dotted keys is chosen here, by the map's location (after $ref), and is `<name>` otherwise.
const PLACEHOLDERS = {
  "https://modelguard.dev/schemas/config.v1.json#/$defs/drift/properties/columns": "column",
  "https://modelguard.dev/schemas/gates.v1.json#/$defs/gates": "metric",
  "https://modelguard.dev/schemas/metrics.v1.json#/$defs/metrics": "metric",
  "https://modelguard.dev/schemas/profile.v2.json#/$defs/column/oneOf/0/properties/quantiles": "quantile",
};

// Every keyword the renderer understands. Anything else fails the run: a construct the docs would silently leave out
// is a docs bug, and failing here turns it into a visible one.
const KNOWN = new Set([
  "$schema",
  "$id",
  "$ref",
  "$defs",
  "title",
  "description",
  "default",
  "examples",
  "type",
  "const",
  "enum",
  "properties",
  "required",
  "additionalProperties",
  "patternProperties",
  "propertyNames",
  "minProperties",
  "items",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minLength",
  "maxLength",
  "pattern",
  "oneOf",
  "anyOf",
  "allOf",
  "if",
  "then",
  "else",
  "not",
]);
const ANNOTATIONS = new Set(["description", "default", "examples", "title"]);

// ---------------------------------------------------------------------------------------------------------------------
// Schemas: loading and $ref resolution

function loadSchemas() {
  const dir = join(ROOT, "schemas");
  const present = readdirSync(dir)
    .filter((f) => f.endsWith(".schema.json"))
    .sort();
  const listed = new Set(FILES.map((f) => f.schema));
  const unlisted = present.filter((f) => !listed.has(f));
  if (unlisted.length > 0) throw new Error(`schemas/${unlisted[0]} is not in FILES of scripts/make-config-docs.mjs`);
  const byId = new Map();
  const files = FILES.map((file) => {
    const schema = JSON.parse(readFileSync(join(dir, file.schema), "utf8"));
    checkKeywords(schema, `${file.schema}#`);
    byId.set(schema.$id, schema);
    return { ...file, root: schema, id: schema.$id };
  });
  return { files, byId };
}

/** Walks every schema position (not property names) and rejects keywords the renderer does not know. */
function checkKeywords(node, where) {
  if (typeof node === "boolean") return;
  for (const [k, v] of Object.entries(node)) {
    if (!KNOWN.has(k)) throw new Error(`${where}: keyword '${k}' is not rendered by scripts/make-config-docs.mjs`);
    if (["properties", "$defs", "patternProperties"].includes(k))
      for (const [name, sub] of Object.entries(v)) checkKeywords(sub, `${where}/${k}/${name}`);
    else if (["oneOf", "anyOf", "allOf"].includes(k)) v.forEach((sub, i) => checkKeywords(sub, `${where}/${k}/${i}`));
    else if (["items", "additionalProperties", "propertyNames", "if", "then", "else", "not"].includes(k))
      checkKeywords(v, `${where}/${k}`);
  }
}

/** A schema node and where it lives ($id and JSON pointer): refs resolve against the $id, placeholders look it up. */
function at(node, base, ptr) {
  return { node, base, ptr };
}

function child(s, ...parts) {
  let node = s.node;
  for (const p of parts) node = node[p];
  return at(node, s.base, `${s.ptr}/${parts.map((p) => String(p).replace(/~/g, "~0").replace(/\//g, "~1")).join("/")}`);
}

/**
 * Follows $ref (across schemas, by $id). Annotations next to a $ref (description, default) describe this use and
 * win; `refDescription` keeps the target's own description, and `refName` its $defs name, for formats like duration.
 */
function deref(s, byId) {
  if (typeof s.node === "boolean" || !s.node.$ref) return s;
  const [file, pointer = ""] = s.node.$ref.split("#");
  const base = file ? file : s.base;
  let node = byId.get(base);
  if (!node) throw new Error(`${s.base}#${s.ptr}: $ref ${s.node.$ref} names no schema in schemas/`);
  for (const part of pointer.split("/").slice(1)) {
    node = node[part.replace(/~1/g, "/").replace(/~0/g, "~")];
    if (node === undefined) throw new Error(`${s.base}#${s.ptr}: $ref ${s.node.$ref} does not resolve`);
  }
  const target = deref(at(node, base, pointer), byId);
  const siblings = Object.keys(s.node).filter((k) => k !== "$ref");
  const extra = siblings.find((k) => !ANNOTATIONS.has(k));
  if (extra) throw new Error(`${s.base}#${s.ptr}: '${extra}' next to $ref is not rendered`);
  const merged = { ...target.node };
  for (const k of siblings) merged[k] = s.node[k];
  if (s.node.description && target.node.description && s.node.description !== target.node.description)
    merged.refDescription = target.node.description;
  merged.refName = target.node.refName ?? pointer.split("/").at(-1);
  return at(merged, target.base, target.ptr);
}

/** The properties, required keys, maps and if/then rules of an object schema, with plain allOf parts merged in. */
function objectView(s, byId) {
  const properties = [];
  const required = new Set(s.node.required ?? []);
  const rules = [];
  const addProperties = (from) => {
    for (const name of Object.keys(from.node.properties ?? {}))
      properties.push([name, child(from, "properties", name)]);
  };
  const addAllOf = () =>
    (s.node.allOf ?? []).forEach((_, i) => {
      const part = deref(child(s, "allOf", i), byId);
      if ("if" in part.node) {
        rules.push(part.node);
        return;
      }
      addProperties(part);
      for (const r of part.node.required ?? []) required.add(r);
    });
  // In the order the schema writes them: shared parts (allOf) first when they come first.
  for (const k of Object.keys(s.node)) {
    if (k === "properties") addProperties(s);
    else if (k === "allOf") addAllOf();
  }
  const maps = [];
  for (const pattern of Object.keys(s.node.patternProperties ?? {}))
    maps.push({ value: child(s, "patternProperties", pattern), names: pattern });
  if (s.node.additionalProperties && typeof s.node.additionalProperties === "object")
    maps.push({ value: child(s, "additionalProperties"), names: s.node.propertyNames?.pattern ?? null });
  if (s.node.propertyNames && Object.keys(s.node.propertyNames).some((k) => k !== "pattern"))
    throw new Error(`${s.base}#${s.ptr}: propertyNames other than a pattern are not rendered`);
  return { properties, required, rules, maps };
}

function typesOf(node) {
  if (node.type) return Array.isArray(node.type) ? node.type : [node.type];
  if (node.properties || node.additionalProperties || node.patternProperties || node.allOf) return ["object"];
  return [];
}

const isObjectLevel = (node) => typeof node === "object" && (node.properties !== undefined || hasPlainAllOf(node));
const hasPlainAllOf = (node) => (node.allOf ?? []).some((p) => !("if" in p));
const isMap = (node) =>
  typeof node === "object" &&
  !isObjectLevel(node) &&
  ((node.additionalProperties && typeof node.additionalProperties === "object") || node.patternProperties);

/** oneOf/anyOf whose every branch is an object: documented as forms, one table each. */
function formsOf(s, byId) {
  const key = s.node.oneOf ? "oneOf" : s.node.anyOf ? "anyOf" : null;
  if (!key) return null;
  const branches = s.node[key].map((_, i) => deref(child(s, key, i), byId));
  if (!branches.every((b) => typesOf(b.node).includes("object") && isObjectLevel(b.node))) return null;
  const views = branches.map((b) => objectView(b, byId));
  // A property that is a const in every branch tells the forms apart (profile columns: kind).
  const discriminator = views[0].properties
    .map(([name]) => name)
    .find((name) => views.every((v) => v.properties.some(([n, p]) => n === name && "const" in deref(p, byId).node)));
  return branches.map((b, i) => {
    const view = views[i];
    let label;
    if (discriminator) {
      const value = deref(view.properties.find(([n]) => n === discriminator)[1], byId).node.const;
      label = `when ${code(discriminator)} is ${code(formatValue(value))}`;
    } else {
      label = `as ${code(formShape(view))}`;
    }
    return { s: b, view, label, discriminator };
  });
}

function formShape(view) {
  return `{${view.properties.map(([n]) => (view.required.has(n) ? n : `${n}?`)).join(", ")}}`;
}

// ---------------------------------------------------------------------------------------------------------------------
// Text

function code(text) {
  const s = String(text);
  return s.includes("`") ? `\`\` ${s} \`\`` : `\`${s}\``;
}

/** YAML flow style, the way the value would be written in the file. */
function formatValue(v) {
  if (typeof v === "string") return v === "" ? '""' : v;
  if (Array.isArray(v)) return `[${v.map(formatValue).join(", ")}]`;
  if (v !== null && typeof v === "object")
    return `{${Object.entries(v)
      .map(([k, x]) => `${k}: ${formatValue(x)}`)
      .join(", ")}}`;
  return String(v);
}

/** Outside code spans, `<` would start an HTML tag (GitHub drops `<state>`); inside them it is literal. */
function escapeText(text) {
  return text
    .replace(/\s*\n\s*/g, " ")
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/</g, "&lt;")))
    .join("");
}

const cell = (text) => text.replace(/\|/g, "\\|");

function table(header, rows) {
  const line = (cells) => `| ${cells.map(cell).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

function sentences(text) {
  return text.split(/(?<=\.)\s+(?=[A-Z`(])/);
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading) {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function interval(node) {
  const lo = node.minimum ?? node.exclusiveMinimum;
  const hi = node.maximum ?? node.exclusiveMaximum;
  if (lo !== undefined && hi !== undefined)
    return `in ${node.minimum !== undefined ? "[" : "("}${lo}, ${hi}${node.maximum !== undefined ? "]" : ")"}`;
  if (lo !== undefined) return `${node.minimum !== undefined ? "≥" : ">"} ${lo}`;
  if (hi !== undefined) return `${node.maximum !== undefined ? "≤" : "<"} ${hi}`;
  return null;
}

function constraints(node) {
  const out = [];
  const range = interval(node);
  if (range) out.push(range);
  if (node.minLength === 1 && node.maxLength === undefined) out.push("non-empty");
  else if (node.minLength !== undefined || node.maxLength !== undefined)
    out.push(`${node.minLength ?? 0} to ${node.maxLength ?? "any number of"} characters`);
  if (node.pattern !== undefined) out.push(`matching ${code(node.pattern)}`);
  if (node.minItems !== undefined) out.push(`at least ${node.minItems} item${node.minItems === 1 ? "" : "s"}`);
  if (node.maxItems !== undefined) out.push(`at most ${node.maxItems} items`);
  if (node.uniqueItems) out.push("no duplicates");
  if (node.minProperties !== undefined)
    out.push(`at least ${node.minProperties} key${node.minProperties === 1 ? "" : "s"}`);
  return out;
}

/**
 * The type column: enum values, const, "a | b" for unions, "list of X", "map", "object", forms as their shapes.
 * `full` adds ranges, patterns and sizes; the README leaves them to docs/configuration.md.
 */
function typeText(s0, byId, full) {
  const s = deref(s0, byId);
  const node = s.node;
  if (node === false) return "not allowed";
  if (node === true) return "any value";
  if ("const" in node) return code(formatValue(node.const));
  if (node.enum) return node.enum.map((v) => code(formatValue(v))).join(" | ");
  if (node.not || node.if) throw new Error(`${s.base}#${s.ptr}: 'not'/'if' outside allOf rules is not rendered`);
  const forms = formsOf(s, byId);
  if (forms) {
    if (forms[0].discriminator) return `object, by ${code(forms[0].discriminator)}`;
    return forms.map((f) => code(formShape(f.view))).join(" | ");
  }
  const union = node.oneOf ?? node.anyOf;
  if (union) {
    const key = node.oneOf ? "oneOf" : "anyOf";
    return [...new Set(union.map((_, i) => typeText(child(s, key, i), byId, full)))].join(" | ");
  }
  const types = typesOf(node);
  let base;
  if (types.length === 0) base = "any value";
  else
    base = types
      .map((t) => {
        if (t === "array") {
          if (!node.items) return "list";
          const item = typeText(child(s, "items"), byId, full);
          return `list of ${item.includes(" | ") || item.includes(",") ? `(${item})` : item}`;
        }
        if (t === "object") return isMap(node) ? "map" : "object";
        return t;
      })
      .join(" | ");
  // A described string format from $defs (duration, sha256) reads better by name than by its pattern alone.
  if (node.refName && node.pattern !== undefined && types.length === 1 && types[0] === "string") base = node.refName;
  if (!full) return base;
  const extra = constraints(node);
  if (s.node.propertyNames?.pattern) extra.push(`names matching ${code(s.node.propertyNames.pattern)}`);
  for (const pattern of Object.keys(node.patternProperties ?? {})) extra.push(`names matching ${code(pattern)}`);
  if (base === node.refName) return `${base}: ${types[0]}${extra.length ? `, ${extra.join(", ")}` : ""}`;
  return extra.length ? `${base}, ${extra.join(", ")}` : base;
}

/** The description column: the key's own words, then a referenced format's (duration: "such as 30s"), then examples. */
function descriptionText(s0, byId) {
  const node = deref(s0, byId).node;
  if (typeof node !== "object") return "";
  const parts = [];
  if (node.description) parts.push(node.description);
  if (node.refDescription && !node.enum) parts.push(node.refDescription);
  if (node.examples?.length)
    parts.push(
      `Example${node.examples.length > 1 ? "s" : ""}: ${node.examples.map((e) => code(formatValue(e))).join(", ")}.`,
    );
  return escapeText(parts.join(" "));
}

function defaultText(s0, byId) {
  const node = deref(s0, byId).node;
  return typeof node === "object" && "default" in node ? code(formatValue(node.default)) : "";
}

// ---------------------------------------------------------------------------------------------------------------------
// Walking a file's schema into tables

/**
 * The tree of a file's keys: a level per object (the top, each nested object, map entry, list item and form), each
 * with its rows { key, s (schema), required, children }, where children are the levels a row's value opens.
 */
function topLevelOf(root, byId) {
  const visit = (path, title, s) => {
    const view = objectView(s, byId);
    const notes = [];
    if (s.node.minProperties) notes.push(`At least ${s.node.minProperties} key${s.node.minProperties > 1 ? "s" : ""}.`);
    // Closed objects (additionalProperties: false, or a map of named entries) are the rule; say when one is open.
    if ((s.node.additionalProperties ?? true) === true && !s.node.patternProperties)
      notes.push("Keys not listed here are allowed too.");
    const level = { path, title, rows: [], rules: view.rules, notes, form: false };
    for (const [name, p] of view.properties) addRow(level, join2(path, name), p, view.required.has(name));
    for (const m of view.maps) addRow(level, join2(path, `<${placeholder(s, byId)}>`), m.value, false);
    return level;
  };
  const addRow = (level, key, s, required) => {
    const row = { key, s, required, children: [] };
    level.rows.push(row);
    row.children = expand(level, key, deref(s, byId));
  };
  const expand = (level, key, s) => {
    const node = s.node;
    if (typeof node !== "object") return [];
    const forms = formsOf(s, byId);
    if (forms)
      return forms.map((f) => {
        const level = visit(key, `${code(key)} ${f.label}`, f.s);
        level.form = true;
        // The property that tells the forms apart leads their tables.
        const lead = level.rows.findIndex((r) => r.key === join2(key, f.discriminator));
        if (lead > 0) level.rows.unshift(...level.rows.splice(lead, 1));
        return level;
      });
    if (isObjectLevel(node)) return [visit(key, code(key), s)];
    if (isMap(node)) {
      // A map of objects opens a level for its entries; a map of scalars is one more row in this level.
      return objectView(s, byId).maps.flatMap((m) => {
        const entryKey = join2(key, `<${placeholder(s, byId)}>`);
        const entry = deref(m.value, byId);
        if (typeof entry.node === "object" && (isObjectLevel(entry.node) || formsOf(entry, byId)))
          return expand(level, entryKey, entry);
        addRow(level, entryKey, m.value, false);
        return [];
      });
    }
    if (typesOf(node).includes("array") && node.items) {
      const item = deref(child(s, "items"), byId);
      if (typeof item.node === "object" && (isObjectLevel(item.node) || formsOf(item, byId) || isMap(item.node)))
        return expand(level, `${key}[]`, item);
    }
    return [];
  };
  return visit("", "Top level", at(root, root.$id, ""));
}

/** Levels in document order: each level, then the levels its rows open, row by row. */
function levelsOf(root, byId) {
  const flatten = (level) => [level, ...level.rows.flatMap((r) => r.children.flatMap(flatten))];
  return flatten(topLevelOf(root, byId));
}

function join2(path, name) {
  return path === "" ? name : `${path}.${name}`;
}

function placeholder(s, byId) {
  const d = deref(s, byId);
  return PLACEHOLDERS[`${d.base}#${d.ptr}`] ?? "name";
}

// ---------------------------------------------------------------------------------------------------------------------
// if/then rules, as sentences under the table

function ruleText(rule, byId) {
  const cond = Object.entries(rule.if.properties ?? {}).map(([k, v]) => {
    if ("const" in v) return `${code(k)} is ${code(formatValue(v.const))}`;
    if (v.enum) return `${code(k)} is ${orList(v.enum.map((x) => code(formatValue(x))))}`;
    throw new Error(`if on ${k}: only const and enum conditions are rendered`);
  });
  const extra = Object.keys(rule.if).find((k) => k !== "properties" && k !== "required");
  if (cond.length === 0 || extra) throw new Error("if: only property const/enum conditions are rendered");
  let text = `When ${cond.join(" and ")}: ${effects(rule.then, byId)}.`;
  if (rule.else) text += ` Otherwise: ${effects(rule.else, byId)}.`;
  return text;
}

function effects(node, byId) {
  const parts = [];
  const forbidden = [];
  for (const [k, v] of Object.entries(node.properties ?? {})) {
    if (v === false) {
      forbidden.push(k);
      continue;
    }
    for (const [kw, x] of Object.entries(v)) {
      if (kw === "type") parts.push(`${code(k)} is ${typeText(at({ type: x }, "", ""), byId, false)}`);
      else if (kw === "items") parts.push(`${code(k)} items are ${typeText(at(x, "", ""), byId, false)}`);
      else if (kw === "minItems") parts.push(`${code(k)} has at least ${x} items`);
      else if (kw === "maxItems") parts.push(`${code(k)} has at most ${x} items`);
      else throw new Error(`then/else: '${kw}' on ${k} is not rendered`);
    }
  }
  if (node.required)
    parts.push(`${andList(node.required.map(code))} ${node.required.length > 1 ? "are" : "is"} required`);
  if (node.not) {
    const names = node.not.required ?? (node.not.anyOf ?? []).flatMap((x) => x.required ?? []);
    if (names.length === 0) throw new Error("not: only required / anyOf of required is rendered");
    forbidden.push(...names);
  }
  if (forbidden.length > 0)
    parts.push(`${andList(forbidden.map(code))} ${forbidden.length > 1 ? "are" : "is"} not allowed`);
  const unknown = Object.keys(node).find((k) => !["properties", "required", "not"].includes(k));
  if (unknown) throw new Error(`then/else: '${unknown}' is not rendered`);
  return parts.join("; ");
}

const andList = (xs) => (xs.length < 2 ? xs.join("") : `${xs.slice(0, -1).join(", ")} and ${xs.at(-1)}`);
const orList = (xs) => (xs.length < 2 ? xs.join("") : `${xs.slice(0, -1).join(", ")} or ${xs.at(-1)}`);

// ---------------------------------------------------------------------------------------------------------------------
// docs/configuration.md

function fileHeading(file) {
  return `${code(file.name)}: ${file.what}`;
}

function renderFull(file, byId) {
  const out = [`### ${fileHeading(file)}`, ""];
  out.push(`Schema: [${code(`schemas/${file.schema}`)}](../schemas/${file.schema}) (${code(file.id)}).`, "");
  if (!file.root.description) throw new Error(`schemas/${file.schema}: no top-level description`);
  out.push(escapeText(file.root.description), "");
  for (const level of levelsOf(file.root, byId)) {
    out.push(`#### ${level.title}`, "");
    for (const note of level.notes) out.push(note, "");
    const rows = level.rows.map((r) => [
      code(r.key),
      typeText(r.s, byId, true),
      r.required ? "yes" : "no",
      defaultText(r.s, byId),
      descriptionText(r.s, byId),
    ]);
    out.push(table(["key", "type", "required", "default", "description"], rows), "");
    if (level.rules.length > 0) {
      out.push("Rules:", "");
      for (const rule of level.rules) out.push(`- ${ruleText(rule, byId)}`);
      out.push("");
    }
  }
  return out;
}

function renderConfiguration() {
  const { files, byId } = loadSchemas();
  const written = files.filter((f) => f.writtenBy === "user");
  const outputs = files.filter((f) => f.writtenBy === "modelguard");
  const toc = (f) => `- [${fileHeading(f)}](#${slug(fileHeading(f))})`;
  const out = [
    "# Configuration reference",
    "",
    "<!-- Generated by scripts/make-config-docs.mjs from schemas/: edit the schemas, then run `npm run docs`. -->",
    "",
    "Every file modelguard reads or writes has a JSON Schema in [`schemas/`](../schemas); this page is generated from",
    "those schemas, so it lists exactly the keys that are checked. Point your editor at a schema (`$schema:` or the",
    "editor's YAML schema mapping) to get completion and these descriptions while you type.",
    "",
    "Keys are dotted paths from the top of the file: `drift.columns.<column>.method` is `method` in the entry of one",
    "column under `drift:` → `columns:`. `<…>` stands for a name you choose (a map's key), `[]` for each item of a",
    "list. A key that is not listed is an error, unless its table says keys not listed are allowed. Defaults",
    "are what modelguard uses when the key is left out; `required: yes` applies within the enclosing object or entry.",
    "",
    "Files you write:",
    "",
    ...written.map(toc),
    "",
    "Files modelguard writes:",
    "",
    ...outputs.map(toc),
    "",
    "## Files you write",
    "",
  ];
  for (const f of written) out.push(...renderFull(f, byId));
  out.push("## Files modelguard writes", "");
  out.push(
    "These are contracts between steps (CI and the monitor, `evaluate` and `compare`): the tables say what each key",
    "holds, for reading them from your own code.",
    "",
  );
  for (const f of outputs) out.push(...renderFull(f, byId));
  return out.join("\n").replace(/\n+$/, "\n");
}

// ---------------------------------------------------------------------------------------------------------------------
// README block

/** The user-written file whose top-level key refers to the same definition, for "as in modelguard.yml" rows. */
function definedIn(s, files, byId) {
  for (const f of files) {
    if (f.id !== s.base) continue;
    for (const name of Object.keys(f.root.properties ?? {})) {
      const d = deref(at(f.root.properties[name], f.id, `/properties/${name}`), byId);
      if (d.ptr === s.ptr) return { file: f, key: name };
    }
  }
  return null;
}

/**
 * One row per key, each key followed by the keys inside it. The meaning is the description's first sentence; an
 * "Unset: ..." sentence (a default that is not a literal) goes to the default column.
 */
function renderCompact(file, files, byId) {
  const rows = [];
  const seen = new Set();
  const addRows = (level) => {
    for (const r of level.rows) {
      if (seen.has(r.key)) continue;
      seen.add(r.key);
      const d = deref(r.s, byId);
      const parts = sentences(descriptionText(r.s, byId));
      const unset = parts.find((p) => p.startsWith("Unset: "));
      let meaning = parts.filter((p) => p !== unset)[0] ?? "";
      const defaultCell = defaultText(r.s, byId) || (unset ? unset.slice("Unset: ".length).replace(/\.$/, "") : "");
      // A section another file defines is listed there in full; here it is one row that says so.
      const home = r.s.node.$ref && d.base !== file.id ? definedIn(d, files, byId) : null;
      const collapsed = home !== null && (isObjectLevel(d.node) || isMap(d.node));
      if (collapsed) meaning = `${meaning} Same keys as ${code(home.key)} in ${code(home.file.name)}.`;
      // In a form ({size} | {duration}) the parent's type already says which keys go together.
      const required = r.required && !level.form ? " (required)" : "";
      rows.push([code(r.key) + required, typeText(r.s, byId, false), defaultCell, meaning]);
      if (!collapsed) r.children.forEach(addRows);
    }
  };
  addRows(topLevelOf(file.root, byId));
  const first = sentences(escapeText(file.root.description))[0];
  return [
    `**${code(file.name)}** (${code(`schemas/${file.schema}`)}): ${first}`,
    "",
    table(["key", "type", "default", "meaning"], rows),
    "",
  ];
}

function renderReadmeBlock() {
  const { files, byId } = loadSchemas();
  const written = files.filter((f) => f.writtenBy === "user");
  const out = [
    "Generated from the JSON Schemas in `schemas/` by `npm run docs`. (required) marks the keys that must be there",
    "when the section holding them is.",
    "",
  ];
  for (const f of written) out.push(...renderCompact(f, written, byId));
  out.push(
    "Value ranges and patterns, the rules between keys, and the files modelguard writes (`profile.json`,",
    "`metrics.json`): [docs/configuration.md](docs/configuration.md).",
  );
  return out.join("\n") + "\n";
}

// ---------------------------------------------------------------------------------------------------------------------
// Writing and checking

/** README.md with only the text between the markers replaced; null when the markers are missing or out of order. */
function spliceReadme(readme, block) {
  const begin = readme.indexOf(BEGIN_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (begin < 0 || end < 0 || end < begin) return null;
  const afterBegin = readme.indexOf("\n", begin) + 1;
  if (afterBegin === 0 || afterBegin > end) return null;
  return `${readme.slice(0, afterBegin)}\n${block}\n${readme.slice(end)}`;
}

function main(argv) {
  const check = argv.includes("--check");
  const unknown = argv.filter((a) => a !== "--check");
  if (unknown.length > 0) {
    console.error(`usage: node scripts/make-config-docs.mjs [--check] (unknown: ${unknown.join(" ")})`);
    return 2;
  }
  // Render everything before touching README.md, so the read-modify-write below is one quick step (other people
  // edit the rest of README.md; only the text between the markers is ours).
  const docs = renderConfiguration();
  const block = renderReadmeBlock();
  const docsPath = join(ROOT, DOCS_FILE);
  const readmePath = join(ROOT, README_FILE);
  let stale = 0;
  const currentDocs = existsSync(docsPath) ? readFileSync(docsPath, "utf8") : null;
  if (currentDocs !== docs) {
    if (check) {
      console.error(`${DOCS_FILE} is stale: run npm run docs`);
      stale++;
    } else writeFileSync(docsPath, docs);
  }
  const readme = readFileSync(readmePath, "utf8");
  const next = spliceReadme(readme, block);
  if (next === null) {
    console.error(`${README_FILE}: the lines '${BEGIN_MARKER}' and '${END_MARKER}' must both be there, in that order`);
    return 1;
  }
  if (next !== readme) {
    if (check) {
      console.error(`${README_FILE} is stale: run npm run docs`);
      stale++;
    } else writeFileSync(readmePath, next);
  }
  if (!check) console.log(`${DOCS_FILE} and the config-reference block of ${README_FILE} are up to date`);
  return stale > 0 ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  console.error(`make-config-docs: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
