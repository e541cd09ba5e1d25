import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  MAX_THREADS,
  mergeProfiles,
  profileDataset,
  profileDatasetParts
} from "./chunk-5PEQ2FPE.js";
import "./chunk-ERARZTDZ.js";
import {
  readProfile,
  writeProfile,
  writeProfileParts
} from "./chunk-4VXYNFVR.js";
import {
  stringifyContract
} from "./chunk-NXWTCSVE.js";
import "./chunk-SOK6QJXI.js";
import "./chunk-63HQ5WJE.js";
import "./chunk-BERRGJKQ.js";
import {
  delimiterOption,
  numberOption
} from "./chunk-AI5GVDUK.js";
import {
  formatTable
} from "./chunk-TXLO3S3N.js";
import "./chunk-3YGHXF46.js";
import "./chunk-WKNXAUPU.js";
import "./chunk-TPKJ4BDL.js";
import "./chunk-LAIMP6IK.js";
import "./chunk-MYIUVGO5.js";
import {
  SCAN_CHUNK_CELLS
} from "./chunk-FDVPQZHU.js";
import "./chunk-DYO4I62G.js";
import "./chunk-IXAQPRDD.js";
import {
  ModelguardError
} from "./chunk-7XDOXOVQ.js";
import "./chunk-3DORHFRE.js";

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
  ).option("--delimiter <c>", "CSV delimiter (default ,; 'tab' for tabs)", delimiterOption).option(
    "--threads <n>",
    `threads for a large plain CSV file, each profiling a byte range (default: the cores, at most ${MAX_THREADS})`,
    numberOption("--threads", { min: 1, max: 64, integer: true })
  ).option("--json", "print the profile on stdout").action(async (flags) => {
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
    if (flags.json) {
      const profile = await profileFile(flags);
      if (flags.output) writeProfile(flags.output, profile);
      io.out(stringifyContract(profile));
      return;
    }
    const { fields, columns } = await profileFileParts(flags);
    const summary = [];
    let columnCount = 0;
    writeProfileParts(flags.output, {
      fields,
      columns: (function* () {
        for (const [name, column] of columns) {
          if (columnCount++ < SUMMARY_COLUMNS) summary.push(describeColumn(name, column));
          yield [name, column];
        }
      })()
    });
    io.out(describeRows(fields.rows, columnCount, summary, flags.output) + `
wrote ${flags.output}`);
  });
  cmd.command("merge").description("merge profiles of shards into the profile of their union").argument("<profiles...>", "profile files to merge").option("-o, --output <file>", "where to write the merged profile").option("--json", "print the merged profile on stdout").action((files, flags) => {
    if (files.length < 2) throw new ModelguardError("usage", "profile merge needs at least two profiles");
    if (!flags.output && !flags.json) throw new ModelguardError("usage", "profile merge needs -o FILE or --json");
    const merged = files.map(readProfile).reduce((a, b) => mergeProfiles(a, b, { consume: true }));
    if (flags.output) writeProfile(flags.output, merged);
    if (flags.json) io.out(stringifyContract(merged));
    else io.out(describeProfile(merged, flags.output) + `
wrote ${flags.output}`);
  });
}
function profileFile(flags) {
  return profileDataset(flags.data, datasetOptions(flags));
}
function profileFileParts(flags) {
  return profileDatasetParts(flags.data, datasetOptions(flags));
}
function datasetOptions(flags) {
  return {
    bins: flags.bins,
    sketchAccuracy: flags.sketchAccuracy,
    load: flags.delimiter ? { delimiter: flags.delimiter } : {},
    chunkRows: flags.chunkRows,
    ...flags.threads !== void 0 ? { threads: flags.threads } : {}
  };
}
var SUMMARY_COLUMNS = 1e3;
function describeProfile(p, file) {
  const names = Object.keys(p.columns);
  const rows = names.slice(0, SUMMARY_COLUMNS).map((name) => describeColumn(name, p.columns[name]));
  return describeRows(p.rows, names.length, rows, file);
}
function describeRows(rowCount, columnCount, rows, file) {
  const table = formatTable(["column", "type", "count", "missing", "summary"], rows);
  const more = columnCount - rows.length;
  const rest = more > 0 ? `
... and ${more} more columns${file ? ` (all in ${file})` : ""}` : "";
  return `${rowCount} rows, ${columnCount} columns
${table}${rest}`;
}
function describeColumn(name, c) {
  const summary = c.kind === "numeric" ? `mean ${fmt(c.mean)}, std ${fmt(c.std)}, min ${fmt(c.min)}, max ${fmt(c.max)}` : c.kind === "categorical" ? `${c.distinct} values, top ${c.frequencies.values.slice(0, 3).join(", ")}` : c.kind === "datetime" ? `${c.min ?? "-"} .. ${c.max ?? "-"}` : `length ${c.min_length ?? "-"}..${c.max_length ?? "-"}`;
  return [name, c.type, c.count, c.missing, summary];
}
function fmt(v) {
  return v === null ? "-" : Number.isInteger(v) ? String(v) : v.toPrecision(5);
}
export {
  registerProfile
};
