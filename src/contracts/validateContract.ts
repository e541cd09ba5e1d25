import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { packageRoot } from "./packageRoot.js";

let ajv: Ajv2020 | undefined;
const byFile = new Map<string, string>();
const compiled = new Map<string, ValidateFunction>();

/** Every schema in schemas/ is registered by its $id, so one schema can $ref another (config -> gates). */
function registry(): Ajv2020 {
  if (ajv) return ajv;
  ajv = new Ajv2020({ allErrors: true, strict: false });
  const dir = join(packageRoot(), "schemas");
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".schema.json"))) {
    const schema = JSON.parse(readFileSync(join(dir, file), "utf8")) as { $id: string };
    ajv.addSchema(schema);
    byFile.set(file, schema.$id);
  }
  return ajv;
}

/** Validates a value against one of the JSON Schemas in schemas/; returns readable problems ("columns.age.min: must be number"). */
export function validateContract(schemaFile: string, value: unknown): string[] {
  let validate = compiled.get(schemaFile);
  if (!validate) {
    const id = (registry(), byFile.get(schemaFile));
    validate = id ? registry().getSchema(id) : undefined;
    if (!validate) throw new Error(`no schema ${schemaFile} in schemas/`);
    compiled.set(schemaFile, validate);
  }
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => describeError(e));
}

/**
 * Validates a value against one part of a schema (a JSON Pointer into it, e.g. "/$defs/column"): for readers that
 * check a large document piece by piece. Problems name their path under `prefix` ("columns.age"), as validateContract
 * names them in the whole document.
 */
export function validateContractPart(schemaFile: string, pointer: string, value: unknown, prefix: string): string[] {
  const key = `${schemaFile}#${pointer}`;
  let validate = compiled.get(key);
  if (!validate) {
    const id = (registry(), byFile.get(schemaFile));
    validate = id ? registry().getSchema(`${id}#${pointer}`) : undefined;
    if (!validate) throw new Error(`no schema ${key} in schemas/`);
    compiled.set(key, validate);
  }
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => describeError(e, prefix));
}

function describeError(e: ErrorObject, prefix = ""): string {
  const path = (prefix + e.instancePath).replace(/^\//, "").replace(/\//g, ".") || "(top level)";
  if (e.keyword === "additionalProperties") return `${path}: unknown key '${String(e.params.additionalProperty)}'`;
  if (e.keyword === "enum") return `${path}: must be one of ${(e.params.allowedValues as unknown[]).join(", ")}`;
  return `${path}: ${e.message ?? "is invalid"}`;
}
