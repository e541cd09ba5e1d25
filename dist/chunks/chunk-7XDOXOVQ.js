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
function nullOnModelguardError(e) {
  if (e instanceof ModelguardError) return null;
  throw e;
}
function formatLocation(loc) {
  const parts = [];
  if (loc.file) parts.push(loc.file);
  if (loc.line !== void 0) parts.push(`line ${loc.line}`);
  if (loc.row !== void 0) parts.push(`row ${loc.row}`);
  if (loc.column !== void 0) parts.push(`column '${loc.column}'`);
  return parts.join(", ");
}
function locatedMessage(message, loc) {
  if (!loc) return message;
  const where = formatLocation(loc);
  if (where === "" || message.startsWith(where)) return message;
  if (loc.file && message.startsWith(loc.file)) {
    const rest = message.slice(loc.file.length);
    return rest.startsWith(":") ? `${where}${rest}` : message;
  }
  return `${where}: ${message}`;
}

export {
  ModelguardError,
  isModelguardError,
  nullOnModelguardError,
  formatLocation,
  locatedMessage
};
