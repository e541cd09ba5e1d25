import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { packageRoot } from "./packageRoot.js";

const ajv = new Ajv2020({ allErrors: true, strict: false });
const compiled = new Map<string, ValidateFunction>();

/** Validates a value against one of the JSON Schemas in schemas/; returns readable problems ("columns.age.min: must be number"). */
export function validateContract(schemaFile: string, value: unknown): string[] {
  let validate = compiled.get(schemaFile);
  if (!validate) {
    const schema = JSON.parse(readFileSync(join(packageRoot(), "schemas", schemaFile), "utf8"));
    validate = ajv.compile(schema);
    compiled.set(schemaFile, validate);
  }
  if (validate(value)) return [];
  return (validate.errors ?? []).map(describeError);
}

function describeError(e: ErrorObject): string {
  const path = e.instancePath.replace(/^\//, "").replace(/\//g, ".") || "(top level)";
  if (e.keyword === "additionalProperties") return `${path}: unknown key '${String(e.params.additionalProperty)}'`;
  if (e.keyword === "enum") return `${path}: must be one of ${(e.params.allowedValues as unknown[]).join(", ")}`;
  return `${path}: ${e.message ?? "is invalid"}`;
}
