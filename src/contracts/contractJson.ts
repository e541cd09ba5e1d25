/**
 * JSON for our versioned contracts (profiles, drift reports, metrics.json). JSON has no Infinity or NaN, and
 * JSON.stringify writes them as null, which a reader cannot tell from "no value". Written by stringifyContract, a
 * non-finite number is the string "Infinity", "-Infinity" or "NaN" (what String(x) gives); the JSON Schemas allow
 * those strings where a number can be non-finite, and the loaders turn them back into numbers (contractNumber).
 *
 * Example: stringifyContract({ statistic: Infinity, p: 0.5 }) -> '{"statistic":"Infinity","p":0.5}'
 */
export function stringifyContract(value: unknown, space?: number): string {
  return JSON.stringify(value, nonFiniteAsString, space);
}

function nonFiniteAsString(_key: string, value: unknown): unknown {
  return typeof value === "number" && !Number.isFinite(value) ? String(value) : value;
}

export type ContractNumber = number | "Infinity" | "-Infinity" | "NaN";

/** A number as stringifyContract wrote it, read back: the three strings become numbers, anything else is kept. */
export function contractNumber<T>(value: T): T | number {
  if (value === "Infinity") return Infinity;
  if (value === "-Infinity") return -Infinity;
  if (value === "NaN") return NaN;
  return value;
}
