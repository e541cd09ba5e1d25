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

/**
 * A list written by stringifyContractParts one item at a time, each made by `item(i)` as it is written and dropped
 * once written: a drift report of 100,000 columns is never 100,000 objects at once. stringifyContract (and anything
 * else that calls toJSON) sees the array of its items.
 */
export class ContractList<T> {
  constructor(
    readonly length: number,
    readonly item: (i: number) => T,
  ) {}

  toJSON(): T[] {
    return Array.from({ length: this.length }, (_, i) => this.item(i));
  }
}

/**
 * The pieces of stringifyContract(value, space), in order: the same text, but a ContractList is written item by item,
 * and an object holding one (at any depth) key by key, so no piece holds more than one item.
 */
export function* stringifyContractParts(value: unknown, space = 0, indent = ""): Generator<string> {
  // JSON.stringify's gap: at most 10 spaces.
  const inner = indent + " ".repeat(Math.min(10, Math.max(0, Math.floor(space))));
  const open = inner === indent ? "" : "\n" + inner;
  const close = inner === indent ? "" : "\n" + indent;
  if (value instanceof ContractList) {
    if (value.length === 0) {
      yield "[]";
      return;
    }
    yield "[";
    for (let i = 0; i < value.length; i++) {
      yield i === 0 ? open : "," + open;
      let empty = true;
      for (const part of stringifyContractParts(value.item(i), space, inner)) {
        empty = false;
        yield part;
      }
      // As in an array: an item JSON cannot write (undefined, a function) is null.
      if (empty) yield "null";
    }
    yield close + "]";
    return;
  }
  if (!holdsContractList(value)) {
    const json = stringifyContract(value, space) as string | undefined;
    if (json !== undefined) yield open === "" || indent === "" ? json : json.replaceAll("\n", "\n" + indent);
    return;
  }
  const object = value as Record<string, unknown>;
  let first = true;
  yield "{";
  for (const key of Object.keys(object)) {
    const parts = stringifyContractParts(nonFiniteAsString(key, object[key]), space, inner);
    const head = parts.next();
    // A property JSON cannot write (undefined, a function) is left out.
    if (head.done) continue;
    yield `${first ? "" : ","}${open}${JSON.stringify(key)}:${open === "" ? "" : " "}${head.value}`;
    yield* parts;
    first = false;
  }
  yield first ? "}" : close + "}";
}

/** A ContractList, or a plain object (no toJSON) with one among its values at any depth. */
function holdsContractList(value: unknown): boolean {
  if (value instanceof ContractList) return true;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  if ((proto !== Object.prototype && proto !== null) || "toJSON" in value) return false;
  return Object.values(value).some(holdsContractList);
}
