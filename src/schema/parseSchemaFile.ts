import { ModelguardError } from "../errors.js";
import { readBoundedTextFile } from "../readBoundedTextFile.js";
import type { DataSchema } from "./dataSchema.js";
import { parseSchema } from "./parseSchema.js";

/** A schema of 100,000 columns is about 4 MiB; anything near this is not a schema file. */
export const MAX_SCHEMA_FILE_BYTES = 64 * 1024 * 1024;

const HINT = "make one with `modelguard schema infer --data FILE -o schema.yaml`, or check the path";

/** Reads and parses a schema file (YAML, version 1); see parseSchema for the checks and the error format. */
export function parseSchemaFile(path: string): DataSchema {
  return parseSchema(readSchemaText(path).replace(/^\uFEFF/, ""), path);
}

/** The file's text; a directory, a device or pipe, or a file over MAX_SCHEMA_FILE_BYTES is refused before reading. */
function readSchemaText(path: string): string {
  const fail = (message: string, hint = HINT) => new ModelguardError("schema", message, hint, { file: path });
  return readBoundedTextFile(path, MAX_SCHEMA_FILE_BYTES, (why) => {
    switch (why.reason) {
      case "missing":
        return fail(`schema file not found: ${path}`);
      case "directory":
        return directory(path);
      case "not-a-file":
        return fail(`schema file ${path} is not a regular file`, "pass the schema YAML file itself");
      case "too-large":
        return fail(
          `schema file ${path} is ${why.size} bytes, more than the ${MAX_SCHEMA_FILE_BYTES / 1024 / 1024} MiB a schema file may be`,
          "check that --schema names the schema YAML, not a data file",
        );
      case "io":
        return fail(`cannot read schema file ${path}: ${why.message}`);
    }
  });
}

function directory(path: string): ModelguardError {
  return new ModelguardError(
    "schema",
    `${path} is a directory, not a schema file`,
    "pass the schema YAML inside it, e.g. --schema schema.yml; `modelguard schema infer --data FILE -o schema.yml` makes one",
    { file: path },
  );
}
