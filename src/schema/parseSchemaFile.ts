import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { ModelguardError } from "../errors.js";
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
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw fail(`schema file not found: ${path}`);
    if (code === "EISDIR") throw directory(path);
    throw fail(`cannot read schema file ${path}: ${(e as Error).message}`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw directory(path);
    if (!stat.isFile()) throw fail(`schema file ${path} is not a regular file`, "pass the schema YAML file itself");
    if (stat.size > MAX_SCHEMA_FILE_BYTES) {
      throw fail(
        `schema file ${path} is ${stat.size} bytes, more than the ${MAX_SCHEMA_FILE_BYTES / 1024 / 1024} MiB a schema file may be`,
        "check that --schema names the schema YAML, not a data file",
      );
    }
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.toString("utf8", 0, read);
  } catch (e) {
    if (e instanceof ModelguardError) throw e;
    throw fail(`cannot read schema file ${path}: ${(e as Error).message}`);
  } finally {
    closeSync(fd);
  }
}

function directory(path: string): ModelguardError {
  return new ModelguardError(
    "schema",
    `schema file ${path} is a directory`,
    "pass the schema YAML inside it, e.g. --schema schema.yml; `modelguard schema infer --data FILE -o schema.yml` makes one",
    { file: path },
  );
}
