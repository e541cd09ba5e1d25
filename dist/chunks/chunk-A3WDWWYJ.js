import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);

// src/errors.ts
var ModelguardError = class extends Error {
  constructor(code, message, hint, location) {
    super(message);
    this.code = code;
    this.hint = hint;
    this.location = location;
  }
  code;
  hint;
  location;
  name = "ModelguardError";
  /** Exit code for the CLI: every user error is 2; a failed check is reported as a result, not an error. */
  get exitCode() {
    return 2;
  }
};
function isModelguardError(e) {
  return e instanceof ModelguardError;
}
function formatLocation(loc) {
  const parts = [];
  if (loc.file) parts.push(loc.file);
  if (loc.line !== void 0) parts.push(`line ${loc.line}`);
  if (loc.row !== void 0) parts.push(`row ${loc.row}`);
  if (loc.column !== void 0) parts.push(`column '${loc.column}'`);
  return parts.join(", ");
}

export {
  ModelguardError,
  isModelguardError,
  formatLocation
};
