import { ModelguardError } from "../errors.js";
import { parseDuration } from "../model/train/parseDuration.js";

/** Commander option parsers that turn bad values into usage errors (exit 2) naming the flag. */
export function numberOption(
  flag: string,
  { min, max, integer }: { min?: number; max?: number; integer?: boolean } = {},
) {
  return (raw: string): number => {
    const v = Number(raw);
    const bad =
      raw.trim() === "" ||
      !Number.isFinite(v) ||
      (integer && !Number.isInteger(v)) ||
      (min !== undefined && v < min) ||
      (max !== undefined && v > max);
    if (bad) {
      const range = [min !== undefined ? `>= ${min}` : "", max !== undefined ? `<= ${max}` : ""]
        .filter(Boolean)
        .join(" and ");
      throw new ModelguardError(
        "usage",
        `${flag} must be ${integer ? "an integer" : "a number"}${range ? ` ${range}` : ""}, got '${raw}'`,
      );
    }
    return v;
  };
}

export function listOption(raw: string): string[] {
  return raw
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** A list flag that must name something: `--columns ""` is a mistake, not a request for every column or none. */
export function nonEmptyListOption(flag: string) {
  return (raw: string): string[] => {
    const names = listOption(raw);
    if (names.length === 0) {
      throw new ModelguardError("usage", `${flag} is an empty list`, `give comma-separated names, e.g. ${flag} a,b`);
    }
    return names;
  };
}

export function choiceOption<T extends string>(flag: string, choices: readonly T[]) {
  return (raw: string): T => {
    if (!(choices as readonly string[]).includes(raw)) {
      throw new ModelguardError("usage", `${flag} must be one of ${choices.join(", ")}, got '${raw}'`);
    }
    return raw as T;
  };
}

export function delimiterOption(raw: string): string {
  const d = raw === "\\t" || raw === "tab" ? "\t" : raw;
  if (d.length !== 1) throw new ModelguardError("usage", `--delimiter must be one character (or 'tab'), got '${raw}'`);
  return d;
}

/** A duration flag ("30m", "2h", "1h30m", bare seconds) in milliseconds, bounded (default 1 ms to 30 days). */
export function durationOption(flag: string, bounds: { minMs?: number; maxMs?: number } = {}) {
  return (raw: string): number => parseDuration(raw, flag, bounds);
}
