import { parseDocument } from "yaml";
import { ModelguardError, type ErrorCode } from "../errors.js";
import { readBoundedTextFile } from "../readBoundedTextFile.js";

/** Config files are hand-written and small; a larger one is a wrong path (a data file), not a config to parse. */
export const MAX_YAML_FILE_BYTES = 8 * 1024 * 1024;

/**
 * Aliases (`*name`) resolved per file, weighted by what each one expands to (the yaml library's count): a few hundred
 * bytes of nested aliases ("billion laughs") would otherwise expand to gigabytes. 100 is the library's default, far
 * above what a config that reuses a block with anchors needs.
 */
const MAX_ALIAS_COUNT = 100;

/** Reads a YAML file into plain data; a syntax error names the file and line. */
export function readYamlFile(path: string, code: ErrorCode, what: string): unknown {
  const fail = (message: string) => new ModelguardError(code, message, `check the path of the ${what}`, { file: path });
  const text = readBoundedTextFile(path, MAX_YAML_FILE_BYTES, (why) => {
    switch (why.reason) {
      case "missing":
        return fail(`${what} not found: ${path}`);
      case "directory":
        return fail(`${path} is a directory, not a ${what}`);
      case "not-a-file":
        return fail(`${path} is not a regular file`);
      case "too-large":
        return fail(`${path}: ${why.size} bytes is over the ${MAX_YAML_FILE_BYTES}-byte limit of a ${what}`);
      case "io":
        return fail(`cannot read ${path}: ${why.message}`);
    }
  });
  const doc = parseDocument(text, { prettyErrors: false });
  const err = doc.errors[0];
  if (err) {
    const line = err.linePos?.[0]?.line;
    throw new ModelguardError(
      code,
      `${path}${line ? `, line ${line}` : ""}: YAML syntax error: ${err.message.split("\n")[0]}`,
      "fix the YAML syntax (indentation, colons, quotes)",
      { file: path, ...(line ? { line } : {}) },
    );
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // The library throws a ReferenceError for too many aliases and for an alias used before its anchor.
    const excessive = /excessive alias count/i.test((e as Error).message);
    throw new ModelguardError(
      code,
      excessive
        ? `${path}: YAML aliases expand to too much data (more than ${MAX_ALIAS_COUNT} aliased nodes)`
        : `${path}: YAML alias error: ${(e as Error).message}`,
      excessive
        ? "write the repeated blocks out, or use fewer aliases (*name) of anchors that themselves contain aliases"
        : "define each anchor (&name) before the aliases (*name) that refer to it",
      { file: path },
    );
  }
}
