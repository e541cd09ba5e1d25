import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);

// src/data/scanJsonString.ts
var jsonStringScan = { at: 0, escaped: false };
var STRING_BAD_ESCAPE = -1;
var STRING_CONTROL_CHARACTER = -2;
var STRING_UNCLOSED = -3;
var QUOTE = 34;
var BACKSLASH = 92;
function scanJsonString(buf, q, e) {
  let escaped = false;
  let p = q + 1;
  while (p < e) {
    const c = buf[p];
    if (c === QUOTE) {
      jsonStringScan.escaped = escaped;
      return p;
    }
    if (c === BACKSLASH) {
      escaped = true;
      const n = buf[p + 1];
      if (n === 117) {
        for (let k = 2; k < 6; k++) {
          if (p + k >= e || !isHexDigit(buf[p + k])) return problem(STRING_BAD_ESCAPE, p);
        }
        p += 6;
      } else if (n === QUOTE || n === BACKSLASH || n === 47 || n === 98 || n === 102 || n === 110 || n === 114 || n === 116)
        p += 2;
      else return problem(STRING_BAD_ESCAPE, p);
      continue;
    }
    if (c < 32) return problem(STRING_CONTROL_CHARACTER, p);
    p++;
  }
  return problem(STRING_UNCLOSED, q);
}
function problem(code, at) {
  jsonStringScan.at = at;
  return code;
}
function isHexDigit(c) {
  const l = c | 32;
  return c >= 48 && c <= 57 || l >= 97 && l <= 102;
}

export {
  jsonStringScan,
  STRING_BAD_ESCAPE,
  STRING_CONTROL_CHARACTER,
  scanJsonString
};
