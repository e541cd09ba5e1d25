import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  readYamlFile
} from "./chunk-J3DWLQHK.js";
import {
  validateContract
} from "./chunk-BERRGJKQ.js";
import {
  ModelguardError
} from "./chunk-7XDOXOVQ.js";

// src/config/projectConfig.ts
function readProjectConfig(path) {
  const value = readYamlFile(path, "config", "config file");
  if (value === null || typeof value !== "object") {
    throw new ModelguardError(
      "config",
      `${path}: expected a mapping with 'version: 1'`,
      "start the file with `version: 1`",
      { file: path }
    );
  }
  const problems = validateContract("config.schema.json", value);
  if (problems.length > 0) {
    throw new ModelguardError(
      "config",
      `${path}: ${problems.slice(0, 5).join("; ")}`,
      "see schemas/config.schema.json for every key",
      { file: path }
    );
  }
  return value;
}

export {
  readProjectConfig
};
