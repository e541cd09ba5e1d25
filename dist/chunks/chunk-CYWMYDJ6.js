import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  parseDatetime,
  parseNumber
} from "./chunk-DYO4I62G.js";

// src/schema/parseCellText.ts
function parseCellText(text, type) {
  const t = text.replace(/^[ \t]+|[ \t]+$/g, "");
  switch (type) {
    case "number":
      return parseNumber(t) ?? void 0;
    case "integer": {
      const v = parseNumber(t);
      return v !== null && Number.isSafeInteger(v) ? v : void 0;
    }
    case "boolean": {
      const l = t.toLowerCase();
      return l === "true" || l === "1" ? 1 : l === "false" || l === "0" ? 0 : void 0;
    }
    case "datetime":
      return parseDatetime(t) ?? void 0;
  }
}

// src/schema/isIdLike.ts
var ID_WORDS = /* @__PURE__ */ new Set(["id", "uuid", "guid", "key"]);
var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
var TOKEN = /^[A-Za-z0-9_-]+$/;
function isIdLike(column, rows) {
  if (rows < 2) return false;
  if (column.kind === "numeric") {
    if (column.type !== "integer" || column.invalid.size > 0) return false;
    const sorted = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      if (column.valid[r] !== 1) return false;
      sorted[r] = column.values[r];
    }
    sorted.sort();
    for (let i = 1; i < rows; i++) if (sorted[i] === sorted[i - 1]) return false;
    return idLikeName(column.name) || sorted[rows - 1] - sorted[0] === rows - 1;
  }
  const seen = new Uint8Array(column.dictionary.length);
  const texts = /* @__PURE__ */ new Set();
  for (let r = 0; r < rows; r++) {
    const code = column.codes[r];
    if (code < 0 || seen[code] === 1) return false;
    seen[code] = 1;
    const text = column.dictionary[code];
    if (texts.has(text)) return false;
    texts.add(text);
  }
  if (idLikeName(column.name)) return true;
  const values = [...texts];
  if (values.every((v) => UUID.test(v))) return true;
  const len = values[0].length;
  return len >= 4 && values.every((v) => v.length === len && TOKEN.test(v) && /\d/.test(v)) && !values.every((v) => parseCellText(v, "datetime") !== void 0);
}
function idLikeName(name) {
  const words = name.replace(new RegExp("([\\p{Ll}\\p{N}])(\\p{Lu})", "gu"), "$1 $2").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== "");
  const last = words[words.length - 1];
  return last !== void 0 && ID_WORDS.has(last);
}

export {
  parseCellText,
  isIdLike,
  idLikeName
};
