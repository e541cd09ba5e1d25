import { ModelguardError } from "../errors.js";
import { readBoundedTextFile, readBoundedTextLines, type UnreadableFile } from "../readBoundedTextFile.js";
import type { DataSchema } from "./dataSchema.js";
import { parseSchemaDocument, parseSchemaLines } from "./parseSchema.js";

/** A schema of 100,000 columns is about 4 MiB; anything near this is not a schema file. */
export const MAX_SCHEMA_FILE_BYTES = 64 * 1024 * 1024;

const HINT = "make one with `modelguard schema infer --data FILE -o schema.yaml`, or check the path";

/**
 * Reads and parses a schema file (YAML, version 1); see parseSchema for the checks and the error format.
 *
 * A file written one column per line is read through a small buffer a line at a time and built column by column
 * (parseSchemaLines): neither its text nor a value of all its columns is ever held, only the schema. Reading the
 * 22 MB schema of 100,000 columns took resident memory from 61 to 174 MB when the text and that value were held,
 * of which 24 MB was live at the end. Any other file, or any problem, is read whole and parsed as a document, whose
 * messages give each problem's line.
 */
export function parseSchemaFile(path: string): DataSchema {
  const refuse = refusal(path);
  return (
    parseSchemaLines(readBoundedTextLines(path, MAX_SCHEMA_FILE_BYTES, refuse), path) ??
    parseSchemaDocument(readBoundedTextFile(path, MAX_SCHEMA_FILE_BYTES, refuse).replace(/^\uFEFF/, ""), path)
  );
}

/**
 * Names why the file cannot be read: a directory, a device or pipe, or a file over MAX_SCHEMA_FILE_BYTES is refused
 * before reading.
 */
function refusal(path: string): (why: UnreadableFile) => ModelguardError {
  const fail = (message: string, hint = HINT) => new ModelguardError("schema", message, hint, { file: path });
  return (why) => {
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
  };
}

function directory(path: string): ModelguardError {
  return new ModelguardError(
    "schema",
    `${path} is a directory, not a schema file`,
    "pass the schema YAML inside it, e.g. --schema schema.yml; `modelguard schema infer --data FILE -o schema.yml` makes one",
    { file: path },
  );
}
