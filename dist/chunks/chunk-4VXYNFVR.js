import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  contractNumber,
  stringifyContract
} from "./chunk-NXWTCSVE.js";
import {
  QuantileSketch,
  SketchStoreJson
} from "./chunk-63HQ5WJE.js";
import {
  validateContract
} from "./chunk-BERRGJKQ.js";
import {
  writeOutputFileParts
} from "./chunk-WKNXAUPU.js";
import {
  readBoundedTextFile
} from "./chunk-MYIUVGO5.js";
import {
  ModelguardError
} from "./chunk-7XDOXOVQ.js";

// src/profile/checkProfile.ts
function checkProfile(p) {
  for (const name of Object.keys(p.columns)) {
    const problem = checkColumn(p, p.columns[name]);
    if (problem !== null) return `columns.${name}.${problem}`;
  }
  return null;
}
function checkColumn(p, c) {
  if (c.count + c.missing + c.invalid !== p.rows)
    return `count: count ${c.count} + missing ${c.missing} + invalid ${c.invalid} is not the profile's ${p.rows} rows`;
  if (c.kind === "numeric") return checkNumeric(p, c);
  if (c.kind === "categorical") {
    const { values, counts } = c.frequencies;
    if (values.length !== counts.length)
      return `frequencies.counts: ${counts.length} counts for ${values.length} values`;
    if (c.distinct !== values.length) return `distinct: ${c.distinct}, but frequencies lists ${values.length} values`;
    if (new Set(values).size !== values.length) return "frequencies.values: a value is listed twice";
    const total = counts.reduce((a, b) => a + b, 0);
    if (total !== c.count) return `frequencies.counts: they add up to ${total}, not the count ${c.count}`;
  }
  if (c.kind === "text" && c.min_length !== null && c.max_length !== null && c.min_length > c.max_length)
    return `min_length: ${c.min_length} is above max_length ${c.max_length}`;
  return null;
}
function checkNumeric(p, c) {
  const s = c.sketch;
  if (s.relative_accuracy !== p.sketch_accuracy)
    return `sketch.relative_accuracy: ${s.relative_accuracy}, but the profile's sketch_accuracy is ${p.sketch_accuracy}`;
  if (c.infinite > c.count) return `infinite: ${c.infinite} is above the count ${c.count}`;
  const finite = c.count - c.infinite;
  const maxKey = new QuantileSketch(s.relative_accuracy).key(Number.MAX_VALUE);
  for (const side of ["positive", "negative"]) {
    const keys2 = storeKeys(s[side]);
    if (keys2 === null) continue;
    if (keys2.first < 1) return `sketch.${side}.offset: ${keys2.first} is below 1`;
    if (keys2.last > maxKey)
      return `sketch.${side}: keys ${keys2.first}..${keys2.last} pass the largest key ${maxKey} of accuracy ${s.relative_accuracy}`;
  }
  if (s.positive_infinity !== void 0 || s.negative_infinity !== void 0) {
    const infinities = (s.positive_infinity ?? 0) + (s.negative_infinity ?? 0);
    if (infinities !== c.infinite)
      return `sketch: positive_infinity + negative_infinity is ${infinities}, not the infinite count ${c.infinite}`;
  }
  const total = sketchTotal(s);
  if (total !== c.count) return `sketch: its counts add up to ${total}, not the count ${c.count}`;
  const present = (v) => v !== null;
  if (present(c.min) !== finite > 0 || present(c.max) !== finite > 0 || present(c.mean) !== finite > 0)
    return `${present(c.min) ? "min" : "max"}: set exactly when there are finite values (here ${finite})`;
  if (present(c.std) !== finite > 1)
    return `std: set exactly when there are two finite values or more (here ${finite})`;
  if (c.min !== null && c.max !== null && c.min > c.max) return `min: ${c.min} is above max ${c.max}`;
  if (c.std !== null && c.std < 0) return `std: ${c.std} is negative`;
  const { keys, edges, proportions } = c.psi_bins;
  if (c.count === 0 ? proportions.length !== 0 : proportions.length !== keys.length + 1)
    return `psi_bins.proportions: ${proportions.length} entries for ${keys.length} keys`;
  if (edges.length !== keys.length) return `psi_bins.edges: ${edges.length} edges for ${keys.length} keys`;
  if (keys.length > p.bins - 1) return `psi_bins.keys: ${keys.length} inner edges for ${p.bins} bins`;
  for (let i = 1; i < keys.length; i++)
    if (!(keys[i] > keys[i - 1])) return `psi_bins.keys: not strictly ascending at index ${i}`;
  return null;
}
function storeKeys(store) {
  if (store instanceof SketchStoreJson) {
    const n = store.indices.length;
    return n === 0 ? null : { first: store.indices[0], last: store.indices[n - 1] };
  }
  return store.counts.length === 0 ? null : { first: store.offset, last: store.offset + store.counts.length - 1 };
}
function sketchTotal(s) {
  let total = s.zero + (s.positive_infinity ?? 0) + (s.negative_infinity ?? 0);
  for (const store of [s.positive, s.negative])
    for (const c of store instanceof SketchStoreJson ? store.values : store.counts) total += c;
  return total;
}

// src/profile/referenceProfile.ts
var PROFILE_VERSION = 2;
var READABLE_PROFILE_VERSIONS = [1, 2];
var PROFILE_DEFAULTS = { sketchAccuracy: 1e-3, bins: 10 };

// src/profile/profileFile.ts
var MAX_PROFILE_BYTES = 500 * 1024 * 1024;
var MAKE_ONE = "make one with `modelguard profile --data FILE -o profile.json`";
function isProfilePath(path) {
  return path.toLowerCase().endsWith(".json");
}
function readProfile(path) {
  const text = readProfileText(path);
  let value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ModelguardError("profile", `${path} is not valid JSON: ${e.message}`, MAKE_ONE, {
      file: path
    });
  }
  const kind = value?.kind;
  if (kind !== "modelguard.profile") {
    throw new ModelguardError(
      "profile",
      `${path} is not a modelguard profile (kind is ${JSON.stringify(kind)})`,
      "make one with `modelguard profile`",
      { file: path }
    );
  }
  const version = value.version;
  if (typeof version !== "number" || !READABLE_PROFILE_VERSIONS.includes(version)) {
    throw new ModelguardError(
      "profile",
      `${path} has profile version ${JSON.stringify(version)}; this modelguard reads versions ${READABLE_PROFILE_VERSIONS.join(" and ")}`,
      "rebuild it with this version of `modelguard profile`",
      { file: path }
    );
  }
  const problems = validateContract("profile.schema.json", value);
  if (problems.length === 0) {
    const revived = reviveProfile(value);
    if (typeof revived === "string") problems.push(revived);
    else {
      const problem = checkProfile(revived);
      if (problem === null) return revived;
      problems.push(problem);
    }
  }
  throw new ModelguardError(
    "profile",
    `${path} is not a valid profile: ${problems.slice(0, 5).join("; ")}`,
    "rebuild it with `modelguard profile`; profiles are not meant to be edited by hand",
    { file: path }
  );
}
function readProfileText(path) {
  const fail = (message, hint = MAKE_ONE) => new ModelguardError("profile", message, hint, { file: path });
  return readBoundedTextFile(path, MAX_PROFILE_BYTES, (why) => {
    switch (why.reason) {
      case "missing":
        return fail(`profile not found: ${path}`);
      case "directory":
        return fail(`${path} is a directory, not a profile`, "pass the profile JSON file itself, e.g. profile.json");
      case "not-a-file":
        return fail(`${path} is not a regular file`, "pass the profile JSON file itself, e.g. profile.json");
      case "too-large":
        return fail(
          `${path} is ${why.size} bytes, more than the ${MAX_PROFILE_BYTES / 1024 / 1024} MiB a profile may be`,
          "check that the path names a profile written by `modelguard profile`"
        );
      case "io":
        return fail(`cannot read ${path}: ${why.message}`);
    }
  });
}
function reviveProfile(p) {
  const columns = /* @__PURE__ */ Object.create(null);
  for (const name of Object.keys(p.columns)) {
    const c = reviveColumn(p.columns[name], p.version);
    if (typeof c === "string") return `columns.${name}.${c}`;
    columns[name] = c;
  }
  return { ...p, version: PROFILE_VERSION, columns };
}
function reviveColumn(c, version) {
  if (c.kind !== "numeric") return c;
  const quantiles = c.quantiles;
  for (const k of Object.keys(quantiles))
    quantiles[k] = contractNumber(quantiles[k]);
  for (const side of ["positive", "negative"]) {
    if (version === 1 && c.sketch[side].counts.some((n) => n < 0))
      return `sketch.${side}.counts: a negative count in a version 1 profile`;
  }
  c.m2 = contractNumber(c.m2);
  c.std = contractNumber(c.std);
  c.sketch.positive = SketchStoreJson.fromContract(c.sketch.positive);
  c.sketch.negative = SketchStoreJson.fromContract(c.sketch.negative);
  return c;
}
function writeProfile(path, profile) {
  writeProfileParts(path, wholeProfileParts(profile));
}
function wholeProfileParts(profile) {
  return {
    fields: profile,
    columns: (function* () {
      for (const name of Object.keys(profile.columns)) yield [name, profile.columns[name]];
    })()
  };
}
function writeProfileParts(path, parts) {
  writeOutputFileParts(path, profileJsonParts(parts));
}
function* profileJsonParts({ fields, columns }) {
  let first = true;
  const keys = Object.keys(fields);
  if (!keys.includes("columns")) keys.push("columns");
  yield "{";
  for (const key of keys) {
    if (key === "columns") {
      yield `${first ? "" : ","}${JSON.stringify(key)}:{`;
      let firstColumn = true;
      for (const [name, column] of columns) {
        const json = stringifyContract(column);
        if (json === void 0) continue;
        yield `${firstColumn ? "" : ","}${JSON.stringify(name)}:${json}`;
        firstColumn = false;
      }
      yield "}";
    } else {
      const json = stringifyContract(fields[key]);
      if (json === void 0) continue;
      yield `${first ? "" : ","}${JSON.stringify(key)}:${json}`;
    }
    first = false;
  }
  yield "}\n";
}

export {
  checkColumn,
  PROFILE_VERSION,
  READABLE_PROFILE_VERSIONS,
  PROFILE_DEFAULTS,
  MAX_PROFILE_BYTES,
  isProfilePath,
  readProfile,
  reviveColumn,
  writeProfile,
  wholeProfileParts,
  writeProfileParts
};
