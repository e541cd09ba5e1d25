import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  require__
} from "./chunk-WVMWPFZZ.js";
import {
  packageRoot
} from "./chunk-JLCG6PKP.js";
import {
  writeOutputFile
} from "./chunk-ICTC3HKU.js";
import {
  ModelguardError
} from "./chunk-A3WDWWYJ.js";
import {
  __toESM
} from "./chunk-3DORHFRE.js";

// src/profile/profileFile.ts
import { readFileSync as readFileSync2 } from "node:fs";

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
  return (validate.errors ?? []).map(describeError);
}
function describeError(e) {
  const path = e.instancePath.replace(/^\//, "").replace(/\//g, ".") || "(top level)";
  if (e.keyword === "additionalProperties") return `${path}: unknown key '${String(e.params.additionalProperty)}'`;
  if (e.keyword === "enum") return `${path}: must be one of ${e.params.allowedValues.join(", ")}`;
  return `${path}: ${e.message ?? "is invalid"}`;
}

// src/profile/profileFile.ts
function isProfilePath(path) {
  return path.toLowerCase().endsWith(".json");
}
function readProfile(path) {
  let value;
  try {
    value = JSON.parse(readFileSync2(path, "utf8"));
  } catch (e) {
    const code = e.code;
    throw new ModelguardError(
      "profile",
      code === "ENOENT" ? `profile not found: ${path}` : `${path} is not valid JSON: ${e.message}`,
      "make one with `modelguard profile --data FILE -o profile.json`",
      { file: path }
    );
  }
  const kind = value?.kind;
  if (kind !== "modelguard.profile") {
    throw new ModelguardError(
      "profile",
      `${path} is not a modelguard profile (kind is ${JSON.stringify(kind)})`,
      "make one with `modelguard profile`",
      { file: path }
    );
  }
  const version = value.version;
  if (version !== 1) {
    throw new ModelguardError(
      "profile",
      `${path} has profile version ${JSON.stringify(version)}; this modelguard reads version 1`,
      "rebuild it with this version of `modelguard profile`",
      { file: path }
    );
  }
  const problems = validateContract("profile.schema.json", value);
  if (problems.length > 0) {
    throw new ModelguardError(
      "profile",
      `${path} is not a valid profile: ${problems.slice(0, 5).join("; ")}`,
      "rebuild it with `modelguard profile`; profiles are not meant to be edited by hand",
      { file: path }
    );
  }
  return value;
}
function writeProfile(path, profile) {
  writeOutputFile(path, JSON.stringify(profile) + "\n");
}

export {
  validateContract,
  isProfilePath,
  readProfile,
  writeProfile
};
