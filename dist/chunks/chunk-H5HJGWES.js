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

export {
  stringifyContract,
  contractNumber
};
