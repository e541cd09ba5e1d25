import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  ModelguardError
} from "./chunk-A3WDWWYJ.js";

// src/outputFile.ts
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
function writeOutputFile(path, data) {
  try {
    ensureParentDir(path);
    writeFileSync(path, data);
  } catch (e) {
    throw outputError(path, e);
  }
}
function ensureParentDir(path) {
  mkdirSync(dirname(path), { recursive: true });
}
function outputError(path, e) {
  return new ModelguardError(
    "io",
    `cannot write ${path}: ${e.message}`,
    "check that the path is a writable location (not an existing directory or a read-only mount)",
    { file: path }
  );
}

export {
  writeOutputFile,
  ensureParentDir
};
