import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);

// src/report/escapeMarkdown.ts
function escapeMarkdown(text) {
  const s = sanitizeText(text);
  return s.replace(SPECIAL, (c, i) => {
    switch (c) {
      case "_":
        return isWordChar(s, i - 1) && isWordChar(s, i + 1) ? "_" : "&#95;";
      case "@":
        return "@&#8203;";
      case "#":
        return isWordChar(s, i + 1) ? "&#35;&#8203;" : "&#35;";
      case ":":
        return s.startsWith("//", i + 1) ? "&#58;" : ":";
      case "-":
        if (i === 0) return "&#45;";
        return i >= 2 && /gh/i.test(s.slice(i - 2, i)) && /[0-9]/.test(s[i + 1] ?? "") ? "-&#8203;" : "-";
      case ".":
        return i >= 3 && /www/i.test(s.slice(i - 3, i)) || isListNumber(s, i) ? "&#46;" : ".";
      case ")":
        return isListNumber(s, i) ? "&#41;" : ")";
      case "+":
        return i === 0 ? "&#43;" : "+";
      case "=":
        return i === 0 ? "&#61;" : "=";
      default:
        return ALWAYS[c];
    }
  });
}
var ALWAYS = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "|": "&#124;",
  "`": "&#96;",
  "*": "&#42;",
  "[": "&#91;",
  "]": "&#93;",
  "\\": "&#92;",
  "~": "&#126;",
  $: "&#36;"
};
var SPECIAL = /[&<>"'|`*[\]\\~$_@#:\-.)+=]/g;
function sanitizeText(text) {
  return String(text).replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "�").replace(/\r\n|[\r\n\t\v\f\u2028\u2029\u0085]/g, " ").replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "�");
}
function isWordChar(s, i) {
  const c = s[i];
  return c !== void 0 && /[\p{L}\p{N}]/u.test(c);
}
function isListNumber(s, i) {
  return i > 0 && /^[0-9]+$/.test(s.slice(0, i)) && (i + 1 === s.length || s[i + 1] === " ");
}

export {
  escapeMarkdown,
  sanitizeText
};
