import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  ModelguardError
} from "./chunk-7XDOXOVQ.js";

// src/model/train/parseDuration.ts
var UNITS = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5 };
var MAX_DURATION_MS = 30 * UNITS.d;
function parseDuration(text, flag = "duration", { minMs = 1, maxMs = MAX_DURATION_MS } = {}) {
  const t = text.trim();
  let total = 0;
  if (/^\d+(\.\d+)?$/.test(t)) total = Number(t) * 1e3;
  else {
    const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;
    let matched = 0;
    for (let m = re.exec(t); m; m = re.exec(t)) {
      total += Number(m[1]) * UNITS[m[2]];
      matched = re.lastIndex;
    }
    if (matched !== t.length || matched === 0) total = NaN;
  }
  if (!(total > 0)) {
    throw new ModelguardError("usage", `${flag} must be a duration like 90s, 30m, 2h or 1h30m, got '${text}'`);
  }
  if (total < minMs || total > maxMs) {
    throw new ModelguardError(
      "usage",
      `${flag} must be between ${formatDuration(minMs)} and ${formatDuration(maxMs)}, got '${text}'`
    );
  }
  return total;
}
function formatDuration(ms) {
  let rest = Math.round(ms);
  const parts = [];
  for (const unit of ["d", "h", "m", "s", "ms"]) {
    const size = UNITS[unit];
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n}${unit}`);
    rest -= n * size;
  }
  return parts.length > 0 ? parts.join("") : "0ms";
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
function nonEmptyListOption(flag) {
  return (raw) => {
    const names = listOption(raw);
    if (names.length === 0) {
      throw new ModelguardError("usage", `${flag} is an empty list`, `give comma-separated names, e.g. ${flag} a,b`);
    }
    return names;
  };
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
function durationOption(flag, bounds = {}) {
  return (raw) => parseDuration(raw, flag, bounds);
}

export {
  formatDuration,
  numberOption,
  listOption,
  nonEmptyListOption,
  choiceOption,
  delimiterOption,
  durationOption
};
