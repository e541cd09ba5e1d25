import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  neutralizeWorkflowCommands
} from "./chunk-3YGHXF46.js";
import {
  writeOutputFile
} from "./chunk-WKNXAUPU.js";

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
function outParts(io, parts) {
  let pending = "";
  for (const part of parts) {
    pending += part;
    if (pending.length < 1 << 16) continue;
    const cut = pending.lastIndexOf("\n");
    if (cut < 0) continue;
    io.out(pending.slice(0, cut + 1));
    pending = pending.slice(cut + 1);
  }
  if (pending.length > 0) io.out(pending);
}
function* joinLines(lines) {
  let first = true;
  for (const line of lines) {
    yield first ? line : "\n" + line;
    first = false;
  }
}
function formatTable(header, rows) {
  return [...formatTableLines(header, rows.length, (i) => rows[i])].join("\n");
}
function* formatTableLines(header, count, row) {
  const widths = header.map((h) => h.length);
  const numeric = header.map(() => count > 0);
  for (let i = 0; i < count; i++) {
    const r = row(i);
    for (let k = 0; k < header.length; k++) {
      const c = r[k];
      if (typeof c !== "number") numeric[k] = false;
      widths[k] = Math.max(widths[k], (typeof c === "number" ? formatNumber(c) : c ?? "").length);
    }
  }
  const line = (r) => r.map((c, k) => {
    const text = typeof c === "number" ? formatNumber(c) : c;
    return numeric[k] ? text.padStart(widths[k]) : text.padEnd(widths[k]);
  }).join("  ").trimEnd();
  yield line(header);
  yield widths.map((w) => "-".repeat(w)).join("  ");
  for (let i = 0; i < count; i++) yield line(row(i));
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
  outParts,
  joinLines,
  formatTable,
  formatTableLines,
  formatNumber,
  workflowWarning
};
