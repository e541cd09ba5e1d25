import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

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
  __require,
  __commonJS,
  __toESM,
  ModelguardError,
  isModelguardError,
  formatLocation,
  locatedMessage
};
