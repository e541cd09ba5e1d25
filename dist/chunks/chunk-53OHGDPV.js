import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  neutralizeWorkflowCommands
} from "./chunk-3YGHXF46.js";
import {
  writeOutputFile
} from "./chunk-MGSHJULD.js";

// src/cli/io.ts
function processIOFor(env, stdout, stderr) {
  const inWorkflow = env.GITHUB_ACTIONS === "true";
  const line = (t) => {
    const text = t.endsWith("\n") ? t : t + "\n";
    return inWorkflow ? neutralizeWorkflowCommands(text) : text;
  };
  return {
    out: (t) => void stdout.write(line(t)),
    err: (t) => void stderr.write(line(t)),
    warning: (message) => void stderr.write((inWorkflow ? workflowWarning(message) : `warning: ${message}`) + "\n")
  };
}
var processIO = processIOFor(process.env, process.stdout, process.stderr);
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
function workflowWarning(message) {
  return `::warning title=modelguard::${message.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A")}`;
}

export {
  processIO,
  writeJsonFile,
  formatTable,
  formatNumber,
  workflowWarning
};
