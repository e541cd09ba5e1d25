import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  packageRoot,
  require__
} from "./chunk-MYIUVGO5.js";
import {
  __toESM
} from "./chunk-3DORHFRE.js";

// src/contracts/validateContract.ts
var import__ = __toESM(require__(), 1);
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
var ajv;
var byFile = /* @__PURE__ */ new Map();
var compiled = /* @__PURE__ */ new Map();
function registry() {
  if (ajv) return ajv;
  ajv = new import__.Ajv2020({ allErrors: true, strict: false });
  const dir = join(packageRoot(), "schemas");
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".schema.json"))) {
    const schema = JSON.parse(readFileSync(join(dir, file), "utf8"));
    ajv.addSchema(schema);
    byFile.set(file, schema.$id);
  }
  return ajv;
}
function validateContract(schemaFile, value) {
  let validate = compiled.get(schemaFile);
  if (!validate) {
    const id = (registry(), byFile.get(schemaFile));
    validate = id ? registry().getSchema(id) : void 0;
    if (!validate) throw new Error(`no schema ${schemaFile} in schemas/`);
    compiled.set(schemaFile, validate);
  }
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => describeError(e));
}
function validateContractPart(schemaFile, pointer, value, prefix) {
  const key = `${schemaFile}#${pointer}`;
  let validate = compiled.get(key);
  if (!validate) {
    const id = (registry(), byFile.get(schemaFile));
    validate = id ? registry().getSchema(`${id}#${pointer}`) : void 0;
    if (!validate) throw new Error(`no schema ${key} in schemas/`);
    compiled.set(key, validate);
  }
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => describeError(e, prefix));
}
function describeError(e, prefix = "") {
  const path = (prefix + e.instancePath).replace(/^\//, "").replace(/\//g, ".") || "(top level)";
  if (e.keyword === "additionalProperties") return `${path}: unknown key '${String(e.params.additionalProperty)}'`;
  if (e.keyword === "enum") return `${path}: must be one of ${e.params.allowedValues.join(", ")}`;
  return `${path}: ${e.message ?? "is invalid"}`;
}

export {
  validateContract,
  validateContractPart
};
