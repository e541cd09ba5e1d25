import { readFileSync } from "node:fs";
import { ModelguardError } from "../errors.js";
import type { DataSchema } from "./dataSchema.js";
import { parseSchema } from "./parseSchema.js";

/** Reads and parses a schema file (YAML, version 1); see parseSchema for the checks and the error format. */
export function parseSchemaFile(path: string): DataSchema {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ModelguardError(
      "schema",
      code === "ENOENT" ? `schema file not found: ${path}` : `cannot read schema file ${path}: ${(e as Error).message}`,
      "make one with `modelguard schema infer --data FILE -o schema.yaml`, or check the path",
    );
  }
  return parseSchema(text.replace(/^\uFEFF/, ""), path);
}
