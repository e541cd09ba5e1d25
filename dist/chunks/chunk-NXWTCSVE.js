import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);

// src/contracts/contractJson.ts
function stringifyContract(value, space) {
  return JSON.stringify(value, nonFiniteAsString, space);
}
function nonFiniteAsString(_key, value) {
  return typeof value === "number" && !Number.isFinite(value) ? String(value) : value;
}
function contractNumber(value) {
  if (value === "Infinity") return Infinity;
  if (value === "-Infinity") return -Infinity;
  if (value === "NaN") return NaN;
  return value;
}
var ContractList = class {
  constructor(length, item) {
    this.length = length;
    this.item = item;
  }
  length;
  item;
  toJSON() {
    return Array.from({ length: this.length }, (_, i) => this.item(i));
  }
};
function* stringifyContractParts(value, space = 0, indent = "") {
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
      if (empty) yield "null";
    }
    yield close + "]";
    return;
  }
  if (!holdsContractList(value)) {
    const json = stringifyContract(value, space);
    if (json !== void 0) yield open === "" || indent === "" ? json : json.replaceAll("\n", "\n" + indent);
    return;
  }
  const object = value;
  let first = true;
  yield "{";
  for (const key of Object.keys(object)) {
    const parts = stringifyContractParts(nonFiniteAsString(key, object[key]), space, inner);
    const head = parts.next();
    if (head.done) continue;
    yield `${first ? "" : ","}${open}${JSON.stringify(key)}:${open === "" ? "" : " "}${head.value}`;
    yield* parts;
    first = false;
  }
  yield first ? "}" : close + "}";
}
function holdsContractList(value) {
  if (value instanceof ContractList) return true;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null || "toJSON" in value) return false;
  return Object.values(value).some(holdsContractList);
}

export {
  stringifyContract,
  contractNumber,
  ContractList,
  stringifyContractParts
};
