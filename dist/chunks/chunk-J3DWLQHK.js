import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-CV6AQ6IM.js";
import {
  readBoundedTextFile
} from "./chunk-MYIUVGO5.js";
import {
  ModelguardError
} from "./chunk-7XDOXOVQ.js";
import {
  __toESM
} from "./chunk-3DORHFRE.js";

// src/config/readYamlFile.ts
var import_yaml = __toESM(require_dist(), 1);
var MAX_YAML_FILE_BYTES = 8 * 1024 * 1024;
var MAX_ALIAS_COUNT = 100;
function readYamlFile(path, code, what) {
  const fail = (message) => new ModelguardError(code, message, `check the path of the ${what}`, { file: path });
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
  const doc = (0, import_yaml.parseDocument)(text, { prettyErrors: false });
  const err = doc.errors[0];
  if (err) {
    const line = err.linePos?.[0]?.line;
    throw new ModelguardError(
      code,
      `${path}${line ? `, line ${line}` : ""}: YAML syntax error: ${err.message.split("\n")[0]}`,
      "fix the YAML syntax (indentation, colons, quotes)",
      { file: path, ...line ? { line } : {} }
    );
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const excessive = /excessive alias count/i.test(e.message);
    throw new ModelguardError(
      code,
      excessive ? `${path}: YAML aliases expand to too much data (more than ${MAX_ALIAS_COUNT} aliased nodes)` : `${path}: YAML alias error: ${e.message}`,
      excessive ? "write the repeated blocks out, or use fewer aliases (*name) of anchors that themselves contain aliases" : "define each anchor (&name) before the aliases (*name) that refer to it",
      { file: path }
    );
  }
}

export {
  readYamlFile
};
