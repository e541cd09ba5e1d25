import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  buildProfile,
  categoricalProfileFrom,
  numericProfileFrom
} from "./chunk-V6WF5AXB.js";
import {
  EMPTY_MOMENTS,
  mergeScaledMoments,
  profileMoments
} from "./chunk-3DTPGBZG.js";
import {
  delimiterOption,
  numberOption
} from "./chunk-MQ27DKMH.js";
import {
  formatTable
} from "./chunk-53OHGDPV.js";
import "./chunk-3YGHXF46.js";
import {
  SCAN_CHUNK_CELLS,
  loadTable,
  scanTable
} from "./chunk-VJAFT2KI.js";
import "./chunk-MPNIT6YO.js";
import "./chunk-ALM73KK2.js";
import {
  readProfile,
  writeProfile
} from "./chunk-7LHU6D6K.js";
import {
  stringifyContract
} from "./chunk-H5HJGWES.js";
import {
  QuantileSketch
} from "./chunk-4SL7UKIU.js";
import "./chunk-R667OS6Q.js";
import "./chunk-MGSHJULD.js";
import "./chunk-GT6KQK6X.js";
import {
  ModelguardError
} from "./chunk-FVTIIIIB.js";
import "./chunk-3DORHFRE.js";

// src/profile/mergeProfiles.ts
function mergeProfiles(a, b) {
  if (a.sketch_accuracy !== b.sketch_accuracy) {
    throw new ModelguardError(
      "profile",
      `cannot merge profiles built with sketch accuracy ${a.sketch_accuracy} and ${b.sketch_accuracy}`,
      "rebuild both with the same --sketch-accuracy"
    );
  }
  if (a.bins !== b.bins) {
    throw new ModelguardError(
      "profile",
      `cannot merge profiles with ${a.bins} and ${b.bins} PSI bins`,
      "rebuild both with the same --bins"
    );
  }
  const has = (p, name) => Object.hasOwn(p.columns, name);
  const names = [...Object.keys(a.columns), ...Object.keys(b.columns).filter((n) => !has(a, n))];
  const columns = /* @__PURE__ */ Object.create(null);
  for (const name of names) {
    const ca = has(a, name) ? a.columns[name] : absentColumn(b.columns[name], a.rows, a.bins);
    const cb = has(b, name) ? b.columns[name] : absentColumn(a.columns[name], b.rows, a.bins);
    columns[name] = mergeColumn(name, ca, cb, a.bins);
  }
  return {
    kind: "modelguard.profile",
    version: 1,
    created_at: (/* @__PURE__ */ new Date()).toISOString(),
    sources: [...a.sources, ...b.sources],
    rows: a.rows + b.rows,
    sketch_accuracy: a.sketch_accuracy,
    bins: a.bins,
    columns
  };
}
function absentColumn(like, rows, bins) {
  const empty = { count: 0, missing: rows, invalid: 0 };
  switch (like.kind) {
    case "numeric":
      return numericProfileFrom(
        { type: like.type, ...empty, infinite: 0, min: null, max: null, moments: EMPTY_MOMENTS },
        new QuantileSketch(like.sketch.relative_accuracy),
        bins
      );
    case "categorical":
      return categoricalProfileFrom(like.type, /* @__PURE__ */ new Map(), rows, 0);
    case "text":
      return { kind: "text", type: "string", ...empty, min_length: null, max_length: null, mean_length: null };
    case "datetime":
      return { kind: "datetime", type: "datetime", ...empty, min: null, max: null };
  }
}
function mergeColumn(name, a, b, bins) {
  if (a.kind === "numeric" && b.kind === "numeric") return mergeNumeric(a, b, bins);
  if (a.kind === "categorical" && b.kind === "categorical") return mergeCategorical(a, b);
  if (a.kind === "datetime" && b.kind === "datetime") return mergeDatetime(a, b);
  const textual = (c) => c.kind === "text" || c.kind === "categorical" && c.type === "category";
  if (textual(a) && textual(b))
    return mergeText(a, b);
  throw new ModelguardError(
    "profile",
    `column '${name}' is ${a.kind} (${a.type}) in one profile and ${b.kind} (${b.type}) in the other`,
    "profile both shards with the same schema (modelguard profile --schema schema.yml) so types agree"
  );
}
function mergeNumeric(a, b, bins) {
  const sketch = QuantileSketch.fromJson(a.sketch);
  sketch.merge(QuantileSketch.fromJson(b.sketch));
  const moments = mergeScaledMoments(profileMoments(a), profileMoments(b));
  return numericProfileFrom(
    {
      type: a.type === "integer" && b.type === "integer" ? "integer" : "number",
      count: a.count + b.count,
      missing: a.missing + b.missing,
      invalid: a.invalid + b.invalid,
      infinite: a.infinite + b.infinite,
      min: minOf(a.min, b.min),
      max: maxOf(a.max, b.max),
      moments
    },
    sketch,
    bins
  );
}
function mergeCategorical(a, b) {
  const freq = /* @__PURE__ */ new Map();
  for (const p of [a, b])
    p.frequencies.values.forEach((v, i) => freq.set(v, (freq.get(v) ?? 0) + p.frequencies.counts[i]));
  const type = a.type === "boolean" && b.type === "boolean" ? "boolean" : "category";
  return categoricalProfileFrom(type, freq, a.missing + b.missing, a.invalid + b.invalid);
}
function mergeDatetime(a, b) {
  const pick = (x, y, f) => x === null ? y : y === null ? x : new Date(f(Date.parse(x), Date.parse(y))).toISOString();
  return {
    kind: "datetime",
    type: "datetime",
    count: a.count + b.count,
    missing: a.missing + b.missing,
    invalid: a.invalid + b.invalid,
    min: pick(a.min, b.min, Math.min),
    max: pick(a.max, b.max, Math.max)
  };
}
function mergeText(a, b) {
  const lengths = (p) => {
    if (p.kind === "text") return { min: p.min_length, max: p.max_length, total: (p.mean_length ?? 0) * p.count };
    const lens = p.frequencies.values.map((v) => [...v].length);
    let total = 0;
    lens.forEach((l, i) => total += l * p.frequencies.counts[i]);
    return { min: lens.length ? Math.min(...lens) : null, max: lens.length ? Math.max(...lens) : null, total };
  };
  const la = lengths(a);
  const lb = lengths(b);
  const count = a.count + b.count;
  return {
    kind: "text",
    type: "string",
    count,
    missing: a.missing + b.missing,
    invalid: a.invalid + b.invalid,
    min_length: minOf(la.min, lb.min),
    max_length: maxOf(la.max, lb.max),
    mean_length: count > 0 ? (la.total + lb.total) / count : null
  };
}
function minOf(x, y) {
  return x === null ? y : y === null ? x : Math.min(x, y);
}
function maxOf(x, y) {
  return x === null ? y : y === null ? x : Math.max(x, y);
}

// src/cli/commands/profile.ts
function registerProfile(program, io) {
  const cmd = program.command("profile").description("build the reference profile of a dataset (the reference for drift and the monitor)").option("--data <dataset>", "CSV, JSONL or Parquet file (.gz/.zst too), directory of shards or glob to profile").option("-o, --output <file>", "where to write profile.json").option(
    "--bins <n>",
    "reference-quantile bins for PSI",
    numberOption("--bins", { min: 2, max: 1e3, integer: true }),
    10
  ).option(
    "--sketch-accuracy <a>",
    "relative accuracy of numeric quantile sketches",
    numberOption("--sketch-accuracy", { min: 1e-6, max: 0.1 }),
    1e-3
  ).option(
    "--chunk-rows <n>",
    // More rows than cells per chunk could never be used: a chunk is capped at SCAN_CHUNK_CELLS cells anyway.
    `rows per chunk when streaming (at most ${SCAN_CHUNK_CELLS})`,
    numberOption("--chunk-rows", { min: 1, max: SCAN_CHUNK_CELLS, integer: true }),
    65536
  ).option("--delimiter <c>", "CSV delimiter (default ,; 'tab' for tabs)", delimiterOption).option("--json", "print the profile on stdout").action(async (flags) => {
    if (!flags.data)
      throw new ModelguardError(
        "usage",
        "profile needs --data FILE",
        "e.g. modelguard profile --data train.csv -o profile.json"
      );
    if (!flags.output && !flags.json)
      throw new ModelguardError(
        "usage",
        "profile needs -o FILE or --json",
        "e.g. modelguard profile --data train.csv -o profile.json"
      );
    const profile = await profileFile(flags);
    if (flags.output) writeProfile(flags.output, profile);
    if (flags.json) io.out(stringifyContract(profile));
    else io.out(describeProfile(profile) + `
wrote ${flags.output}`);
  });
  cmd.command("merge").description("merge profiles of shards into the profile of their union").argument("<profiles...>", "profile files to merge").option("-o, --output <file>", "where to write the merged profile").option("--json", "print the merged profile on stdout").action((files, flags) => {
    if (files.length < 2) throw new ModelguardError("usage", "profile merge needs at least two profiles");
    if (!flags.output && !flags.json) throw new ModelguardError("usage", "profile merge needs -o FILE or --json");
    const merged = files.map(readProfile).reduce(mergeProfiles);
    if (flags.output) writeProfile(flags.output, merged);
    if (flags.json) io.out(stringifyContract(merged));
    else io.out(describeProfile(merged) + `
wrote ${flags.output}`);
  });
}
async function profileFile(flags) {
  const options = { bins: flags.bins, sketchAccuracy: flags.sketchAccuracy, source: flags.data };
  const load = flags.delimiter ? { delimiter: flags.delimiter } : {};
  let profile;
  for await (const chunk of scanTable(flags.data, { ...load, chunkRows: flags.chunkRows })) {
    const p = buildProfile(chunk, options);
    profile = profile ? mergeProfiles(profile, p) : p;
  }
  if (!profile) profile = buildProfile(await loadTable(flags.data, load), options);
  return { ...profile, sources: [flags.data] };
}
function describeProfile(p) {
  const rows = Object.entries(p.columns).map(([name, c]) => {
    const summary = c.kind === "numeric" ? `mean ${fmt(c.mean)}, std ${fmt(c.std)}, min ${fmt(c.min)}, max ${fmt(c.max)}` : c.kind === "categorical" ? `${c.distinct} values, top ${c.frequencies.values.slice(0, 3).join(", ")}` : c.kind === "datetime" ? `${c.min ?? "-"} .. ${c.max ?? "-"}` : `length ${c.min_length ?? "-"}..${c.max_length ?? "-"}`;
    return [name, c.type, c.count, c.missing, summary];
  });
  return `${p.rows} rows, ${rows.length} columns
` + formatTable(["column", "type", "count", "missing", "summary"], rows);
}
function fmt(v) {
  return v === null ? "-" : Number.isInteger(v) ? String(v) : v.toPrecision(5);
}
export {
  registerProfile
};
