// The configuration reference (docs/configuration.md and the README block) is generated from schemas/ by
// scripts/make-config-docs.mjs. These tests keep the committed text in step with the schemas, every key of the files
// users write described, and the documented defaults equal to what the code uses when a key is left out.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseDuration, parseSize, resolveMonitorConfig } from "../../monitor/config/monitorConfig.js";
import { DEFAULT_DRIFT_POLICY } from "../../src/drift/driftPolicy.js";
import { gatePolicyFrom } from "../../src/compare/gates.js";
import { parseSchema } from "../../src/schema/parseSchema.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SCRIPT = "scripts/make-config-docs.mjs";
const CONFIG_SCHEMAS = [
  "config.schema.json",
  "gates.schema.json",
  "schema-file.schema.json",
  "monitor-config.schema.json",
];
const BEGIN = "<!-- BEGIN GENERATED: config-reference (npm run docs) -->";
const END = "<!-- END GENERATED: config-reference -->";

function runScript(root: string, ...args: string[]) {
  return spawnSync(process.execPath, [join(root, SCRIPT), ...args], { cwd: root, encoding: "utf8" });
}

test("docs/configuration.md and the README block are what npm run docs generates", () => {
  const r = runScript(ROOT, "--check");
  assert.equal(r.status, 0, `${r.stderr}${r.stdout}\n(run npm run docs and commit the result)`);
});

test("--check names stale files; writing fixes them and leaves README.md outside the markers alone", () => {
  // A copy of the inputs, so the check can be made to fail without touching the real files.
  const dir = mkdtempSync(join(tmpdir(), "modelguard-docs-"));
  try {
    for (const d of ["scripts", "docs"]) mkdirSync(join(dir, d));
    cpSync(join(ROOT, SCRIPT), join(dir, SCRIPT));
    cpSync(join(ROOT, "schemas"), join(dir, "schemas"), { recursive: true });
    cpSync(join(ROOT, "docs/configuration.md"), join(dir, "docs/configuration.md"));
    const outside = (text: string) => text.slice(0, text.indexOf(BEGIN)) + text.slice(text.indexOf(END));
    const readme = `# title\n\nintro\n\n${BEGIN}\nold text\n${END}\n\n## after\n`;
    writeFileSync(join(dir, "README.md"), readme);

    // A default changed in a schema: both generated files are now stale.
    const schemaPath = join(dir, "schemas/config.schema.json");
    const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
    schema.$defs.drift.properties.psi_threshold.default = 0.2;
    writeFileSync(schemaPath, JSON.stringify(schema));
    let r = runScript(dir, "--check");
    assert.equal(r.status, 1);
    assert.match(r.stderr, /docs\/configuration\.md is stale: run npm run docs/);
    assert.match(r.stderr, /README\.md is stale: run npm run docs/);
    assert.equal(readFileSync(join(dir, "README.md"), "utf8"), readme, "--check writes nothing");

    r = runScript(dir);
    assert.equal(r.status, 0, r.stderr);
    const written = readFileSync(join(dir, "README.md"), "utf8");
    assert.equal(outside(written), outside(readme));
    assert.match(written, /\| `drift\.psi_threshold` \| number \| `0\.2` \|/);
    assert.equal(runScript(dir, "--check").status, 0);

    // A construct the renderer does not know fails loudly instead of going undocumented.
    schema.$defs.drift.properties.bins.multipleOf = 2;
    writeFileSync(schemaPath, JSON.stringify(schema));
    r = runScript(dir, "--check");
    assert.equal(r.status, 1);
    assert.match(r.stderr, /keyword 'multipleOf' is not rendered/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---------------------------------------------------------------------------------------------------------------------
// Every key of every config schema has a description, walked independently of the script.

type Schema = { [keyword: string]: unknown };

function loadSchemas(): Map<string, Schema> {
  const byId = new Map<string, Schema>();
  for (const f of readdirSync(join(ROOT, "schemas")).filter((f) => f.endsWith(".schema.json"))) {
    const s = JSON.parse(readFileSync(join(ROOT, "schemas", f), "utf8")) as Schema;
    byId.set(s.$id as string, s);
  }
  return byId;
}

/** The node a $ref names (by $id and JSON pointer), with the base it resolves further refs against. */
function resolveRef(ref: string, base: string, byId: Map<string, Schema>): { node: Schema; base: string } {
  const [file, pointer = ""] = ref.split("#");
  const target = file || base;
  let node: unknown = byId.get(target);
  for (const part of pointer.split("/").slice(1)) node = (node as Schema)[part];
  assert.ok(node && typeof node === "object", `$ref ${ref} from ${base} does not resolve`);
  return { node: node as Schema, base: target };
}

function undescribedKeys(file: string, byId: Map<string, Schema>): string[] {
  const root = JSON.parse(readFileSync(join(ROOT, "schemas", file), "utf8")) as Schema;
  const missing: string[] = [];
  const visit = (raw: unknown, base: string, path: string): void => {
    if (!raw || typeof raw !== "object") return;
    let node = raw as Schema;
    if (typeof node.$ref === "string") {
      const target = resolveRef(node.$ref, base, byId);
      node = { ...target.node, ...node, $ref: undefined };
      base = target.base;
    }
    for (const [name, p] of Object.entries((node.properties ?? {}) as Record<string, unknown>)) {
      const key = path ? `${path}.${name}` : name;
      let described = typeof (p as Schema).description === "string";
      const ref = (p as Schema).$ref;
      if (!described && typeof ref === "string")
        described = typeof resolveRef(ref, base, byId).node.description === "string";
      if (!described) missing.push(key);
      visit(p, base, key);
    }
    if (node.additionalProperties && typeof node.additionalProperties === "object")
      visit(node.additionalProperties, base, `${path}.<name>`);
    for (const p of Object.values((node.patternProperties ?? {}) as Record<string, unknown>))
      visit(p, base, `${path}.<name>`);
    if (node.items) visit(node.items, base, `${path}[]`);
    // if/then/else only restate the keys for one column type, so they are not walked; oneOf/anyOf/allOf add keys.
    for (const k of ["oneOf", "anyOf", "allOf"])
      for (const branch of (node[k] ?? []) as unknown[]) if (!("if" in (branch as Schema))) visit(branch, base, path);
  };
  visit(root, root.$id as string, "");
  return missing;
}

test("every key of every config schema has a description", () => {
  const byId = loadSchemas();
  for (const file of CONFIG_SCHEMAS) {
    assert.deepEqual(undescribedKeys(file, byId), [], `schemas/${file}: keys without a description`);
  }
});

test("the walk finds an undescribed key (the check above can fail)", () => {
  const byId = loadSchemas();
  const config = structuredClone(byId.get("https://modelguard.dev/schemas/config.v1.json")!);
  const drift = (config.$defs as Record<string, Schema>).drift!;
  const columnProps = ((drift.properties as Record<string, Schema>).columns!.additionalProperties as Schema)
    .properties as Record<string, Schema>;
  delete columnProps.skip!.description;
  byId.set(config.$id as string, config);
  // Walk the mutated config via the monitor schema, which reaches the same drift definition by $ref.
  assert.deepEqual(undescribedKeys("monitor-config.schema.json", byId), ["drift.columns.<name>.skip"]);
});

// ---------------------------------------------------------------------------------------------------------------------
// Documented defaults are the code's defaults.

interface DocRow {
  type: string;
  required: string;
  default: string;
  description: string;
}

/** docs/configuration.md as file name -> dotted key -> its table row (cells with the backticks removed). */
function docRows(): Map<string, Map<string, DocRow>> {
  const text = readFileSync(join(ROOT, "docs/configuration.md"), "utf8");
  const files = new Map<string, Map<string, DocRow>>();
  let current: Map<string, DocRow> | undefined;
  for (const line of text.split("\n")) {
    const heading = /^### `([^`]+)`/.exec(line);
    if (heading) files.set(heading[1]!, (current = new Map()));
    if (!current || !line.startsWith("| `")) continue;
    const cells = line
      .slice(2, -2)
      .split(/(?<!\\) \| /)
      .map((c) => c.replace(/\\\|/g, "|").replace(/^`(.*)`$/, "$1"));
    const [key, type, required, dflt, description] = cells as [string, string, string, string, string];
    current.set(key, { type, required, default: dflt, description });
  }
  return files;
}

function documentedDefault(rows: Map<string, Map<string, DocRow>>, file: string, key: string): string {
  const row = rows.get(file)?.get(key);
  assert.ok(row, `${file}: no row for ${key} in docs/configuration.md`);
  assert.notEqual(row.default, "", `${file}: ${key} has no documented default`);
  return row.default;
}

test("a few known keys are documented with their defaults", () => {
  const rows = docRows();
  assert.equal(documentedDefault(rows, "monitor.yml", "alert.consecutive"), "3");
  assert.equal(documentedDefault(rows, "modelguard.yml", "drift.psi_threshold"), "0.1");
  assert.equal(documentedDefault(rows, "monitor.yml", "drift.psi_threshold"), "0.1");
  assert.equal(documentedDefault(rows, "schema.yml", "columns.<name>.nullable"), "false");
  assert.equal(rows.get("monitor.yml")?.get("reference")?.required, "yes");
  assert.equal(rows.get("modelguard.yml")?.get("drift.columns.<column>.skip")?.type, "boolean");
  assert.ok(rows.get("profile.json")?.has("columns.<name>.sketch.positive.offset"), "output formats are documented");
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const block = readme.slice(readme.indexOf(BEGIN), readme.indexOf(END));
  assert.match(block, /\| `alert\.consecutive` \| integer \| `3` \|/);
  assert.match(block, /\[docs\/configuration\.md\]\(docs\/configuration\.md\)/);
  assert.doesNotMatch(block, /profile\.json`\*\*/, "the README covers only the files users write");
});

test("documented monitor.yml defaults are what resolveMonitorConfig fills in", () => {
  const rows = docRows();
  const doc = (key: string) => documentedDefault(rows, "monitor.yml", key);
  const path = join(tmpdir(), "mg", "monitor.yml");
  const c = resolveMonitorConfig({ reference: "p.json" }, path);
  assert.equal(doc("listen"), `${c.host}:${c.port}`);
  assert.equal(doc("window"), `{size: ${(c.window as { size: number }).size}}`);
  assert.equal(Number(doc("keep_windows")), c.keepWindows);
  assert.equal(Number(doc("alert.consecutive")), c.alert.consecutive);
  assert.equal(parseDuration(doc("alert.cooldown")), c.alert.cooldownMs);
  assert.equal(Number(doc("alert.close_after_clean")), c.alert.closeAfterClean);
  assert.equal(doc("actions.issue.labels"), `[${c.actions.issue.labels.join(", ")}]`);
  assert.equal(join(dirname(path), doc("state")), c.state);
  assert.equal(parseDuration(doc("snapshot_interval")), c.snapshotIntervalMs);
  assert.equal(doc("ingest.token_env"), c.ingest.tokenEnv);
  assert.equal(parseSize(doc("ingest.max_body")), c.ingest.maxBodyBytes);
  const withSource = resolveMonitorConfig({ reference: "p.json", source: { file: "log.jsonl" } }, path);
  assert.equal(parseDuration(doc("source.poll")), withSource.source?.pollMs);
  const withDispatch = resolveMonitorConfig(
    { reference: "p.json", actions: { dispatch: { workflow: "r.yml" } } },
    path,
  );
  assert.deepEqual(withDispatch.actions.dispatch, { workflow: "r.yml", ref: doc("actions.dispatch.ref") });
  assert.equal(Number(doc("drift.psi_threshold")), c.drift.psi_threshold);
});

test("documented drift, gates and schema file defaults are what the code fills in", () => {
  const rows = docRows();
  const drift = (key: keyof typeof DEFAULT_DRIFT_POLICY) => documentedDefault(rows, "modelguard.yml", `drift.${key}`);
  assert.equal(drift("method"), DEFAULT_DRIFT_POLICY.method);
  assert.equal(Number(drift("alpha")), DEFAULT_DRIFT_POLICY.alpha);
  assert.equal(Number(drift("psi_threshold")), DEFAULT_DRIFT_POLICY.psi_threshold);
  assert.equal(drift("correction"), DEFAULT_DRIFT_POLICY.correction);
  assert.equal(Number(drift("bins")), DEFAULT_DRIFT_POLICY.bins);
  assert.equal(Number(drift("dataset_share")), DEFAULT_DRIFT_POLICY.dataset_share);

  const policy = gatePolicyFrom({ gates: { accuracy: { min: 0.9 } } });
  for (const file of ["gates.yml", "modelguard.yml"]) {
    assert.equal(Number(documentedDefault(rows, file, "confidence")), policy.confidence);
    assert.equal(Number(documentedDefault(rows, file, "resamples")), policy.resamples);
    assert.equal(Number(documentedDefault(rows, file, "seed")), policy.seed);
    assert.equal(documentedDefault(rows, file, "gates.<metric>.on_fail"), policy.gates[0]!.on_fail);
  }

  const schema = parseSchema("version: 1\ncolumns:\n  a: { type: number }\n", "s.yml");
  const column = schema.columns[0]!;
  const col = (key: string) => documentedDefault(rows, "schema.yml", `columns.<name>.${key}`);
  assert.equal(col("nullable"), String(column.nullable));
  assert.equal(col("required"), String(column.required));
  assert.equal(col("unique"), String(column.unique));
  assert.equal(Number(col("mostly")), column.mostly);
  assert.equal(documentedDefault(rows, "schema.yml", "extra_columns"), schema.extraColumns);
});
