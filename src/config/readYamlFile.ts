import { readFileSync } from "node:fs";
import { parseDocument } from "yaml";
import { ModelguardError, type ErrorCode } from "../errors.js";

/** Reads a YAML file into plain data; a syntax error names the file and line. */
export function readYamlFile(path: string, code: ErrorCode, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === "ENOENT";
    throw new ModelguardError(
      code,
      missing ? `${what} not found: ${path}` : `cannot read ${path}: ${(e as Error).message}`,
      `check the path of the ${what}`,
      { file: path },
    );
  }
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
  return doc.toJS();
}
