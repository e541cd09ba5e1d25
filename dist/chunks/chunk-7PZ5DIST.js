import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  writeOutputFile
} from "./chunk-ICTC3HKU.js";
import {
  ModelguardError
} from "./chunk-A3WDWWYJ.js";

// src/cli/io.ts
var processIO = {
  out: (t) => process.stdout.write(t.endsWith("\n") ? t : t + "\n"),
  err: (t) => process.stderr.write(t.endsWith("\n") ? t : t + "\n")
};
function writeJsonFile(path, value) {
  writeOutputFile(path, JSON.stringify(value, null, 2) + "\n");
}
function formatTable(header, rows) {
  const cells = rows.map((r) => r.map((c) => typeof c === "number" ? formatNumber(c) : c));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? "").length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === "number"));
  const line = (r) => r.map((c, i) => numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)].join("\n");
}
function formatNumber(v) {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-4 || a >= 1e6)) return v.toExponential(3);
  return v.toFixed(4);
}

// src/cli/options.ts
function numberOption(flag, { min, max, integer } = {}) {
  return (raw) => {
    const v = Number(raw);
    const bad = raw.trim() === "" || !Number.isFinite(v) || integer && !Number.isInteger(v) || min !== void 0 && v < min || max !== void 0 && v > max;
    if (bad) {
      const range = [min !== void 0 ? `>= ${min}` : "", max !== void 0 ? `<= ${max}` : ""].filter(Boolean).join(" and ");
      throw new ModelguardError(
        "usage",
        `${flag} must be ${integer ? "an integer" : "a number"}${range ? ` ${range}` : ""}, got '${raw}'`
      );
    }
    return v;
  };
}
function listOption(raw) {
  return raw.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
}
function choiceOption(flag, choices) {
  return (raw) => {
    if (!choices.includes(raw)) {
      throw new ModelguardError("usage", `${flag} must be one of ${choices.join(", ")}, got '${raw}'`);
    }
    return raw;
  };
}
function delimiterOption(raw) {
  const d = raw === "\\t" || raw === "tab" ? "	" : raw;
  if (d.length !== 1) throw new ModelguardError("usage", `--delimiter must be one character (or 'tab'), got '${raw}'`);
  return d;
}

export {
  processIO,
  writeJsonFile,
  formatTable,
  formatNumber,
  numberOption,
  listOption,
  choiceOption,
  delimiterOption
};
