import type { Command } from "commander";
import { SCAN_CHUNK_CELLS } from "../../data/loadTable.js";
import { mergeProfiles } from "../../profile/mergeProfiles.js";
import {
  MAX_THREADS,
  profileDataset,
  profileDatasetParts,
  type ProfileDatasetOptions,
} from "../../profile/profileDataset.js";
import { readProfile, writeProfile, writeProfileParts, type ProfileParts } from "../../profile/profileFile.js";
import type { ColumnProfile, ReferenceProfile } from "../../profile/referenceProfile.js";
import { stringifyContract } from "../../contracts/contractJson.js";
import { formatTable, type CliIO } from "../io.js";
import { delimiterOption, numberOption } from "../options.js";
import { ModelguardError } from "../../errors.js";

interface ProfileFlags {
  data: string;
  output?: string;
  bins: number;
  sketchAccuracy: number;
  delimiter?: string;
  chunkRows: number;
  threads?: number;
  json?: boolean;
}

export function registerProfile(program: Command, io: CliIO): void {
  const cmd = program
    .command("profile")
    .description("build the reference profile of a dataset (the reference for drift and the monitor)")
    .option("--data <dataset>", "CSV, JSONL or Parquet file (.gz/.zst too), directory of shards or glob to profile")
    .option("-o, --output <file>", "where to write profile.json")
    .option(
      "--bins <n>",
      "reference-quantile bins for PSI",
      numberOption("--bins", { min: 2, max: 1000, integer: true }),
      10,
    )
    .option(
      "--sketch-accuracy <a>",
      "relative accuracy of numeric quantile sketches",
      numberOption("--sketch-accuracy", { min: 1e-6, max: 0.1 }),
      0.001,
    )
    .option(
      "--chunk-rows <n>",
      // More rows than cells per chunk could never be used: a chunk is capped at SCAN_CHUNK_CELLS cells anyway.
      `rows per chunk when streaming (at most ${SCAN_CHUNK_CELLS})`,
      numberOption("--chunk-rows", { min: 1, max: SCAN_CHUNK_CELLS, integer: true }),
      65536,
    )
    .option("--delimiter <c>", "CSV delimiter (default ,; 'tab' for tabs)", delimiterOption)
    .option(
      "--threads <n>",
      `threads for a large plain CSV file, each profiling a byte range (default: the cores, at most ${MAX_THREADS})`,
      numberOption("--threads", { min: 1, max: 64, integer: true }),
    )
    .option("--json", "print the profile on stdout")
    .action(async (flags: ProfileFlags) => {
      if (!flags.data)
        throw new ModelguardError(
          "usage",
          "profile needs --data FILE",
          "e.g. modelguard profile --data train.csv -o profile.json",
        );
      if (!flags.output && !flags.json)
        throw new ModelguardError(
          "usage",
          "profile needs -o FILE or --json",
          "e.g. modelguard profile --data train.csv -o profile.json",
        );
      if (flags.json) {
        const profile = await profileFile(flags);
        if (flags.output) writeProfile(flags.output, profile);
        io.out(stringifyContract(profile));
        return;
      }
      // Written as its columns are profiled: a wide profile is never held whole, only its first summary lines.
      const { fields, columns } = await profileFileParts(flags);
      const summary: (string | number)[][] = [];
      let columnCount = 0;
      writeProfileParts(flags.output!, {
        fields,
        columns: (function* () {
          for (const [name, column] of columns) {
            if (columnCount++ < SUMMARY_COLUMNS) summary.push(describeColumn(name, column));
            yield [name, column] as [string, ColumnProfile];
          }
        })(),
      });
      io.out(describeRows(fields.rows, columnCount, summary, flags.output!) + `\nwrote ${flags.output}`);
    });

  cmd
    .command("merge")
    .description("merge profiles of shards into the profile of their union")
    .argument("<profiles...>", "profile files to merge")
    .option("-o, --output <file>", "where to write the merged profile")
    .option("--json", "print the merged profile on stdout")
    .action((files: string[], flags: { output?: string; json?: boolean }) => {
      if (files.length < 2) throw new ModelguardError("usage", "profile merge needs at least two profiles");
      if (!flags.output && !flags.json) throw new ModelguardError("usage", "profile merge needs -o FILE or --json");
      // each file's profile is read for this merge alone: its columns can go as they are merged
      const merged = files.map(readProfile).reduce((a, b) => mergeProfiles(a, b, { consume: true }));
      if (flags.output) writeProfile(flags.output, merged);
      if (flags.json) io.out(stringifyContract(merged));
      else io.out(describeProfile(merged, flags.output) + `\nwrote ${flags.output}`);
    });
}

/** Streams the dataset chunk by chunk (a large CSV file in byte ranges on worker threads): memory stays bounded. */
function profileFile(flags: ProfileFlags): Promise<ReferenceProfile> {
  return profileDataset(flags.data, datasetOptions(flags));
}

/** profileFile as parts, for writing the profile without holding it (a dataset of one chunk). */
function profileFileParts(flags: ProfileFlags): Promise<ProfileParts> {
  return profileDatasetParts(flags.data, datasetOptions(flags));
}

function datasetOptions(flags: ProfileFlags): ProfileDatasetOptions {
  return {
    bins: flags.bins,
    sketchAccuracy: flags.sketchAccuracy,
    load: flags.delimiter ? { delimiter: flags.delimiter } : {},
    chunkRows: flags.chunkRows,
    ...(flags.threads !== undefined ? { threads: flags.threads } : {}),
  };
}

/**
 * Columns the summary table shows. A table of 100,000 columns is 8 MB that nobody reads on a terminal and, held until
 * printed, some 40 MB of rows; the profile file has every column.
 */
const SUMMARY_COLUMNS = 1000;

function describeProfile(p: ReferenceProfile, file: string | undefined): string {
  const names = Object.keys(p.columns);
  const rows = names.slice(0, SUMMARY_COLUMNS).map((name) => describeColumn(name, p.columns[name]!));
  return describeRows(p.rows, names.length, rows, file);
}

function describeRows(rowCount: number, columnCount: number, rows: (string | number)[][], file?: string): string {
  const table = formatTable(["column", "type", "count", "missing", "summary"], rows);
  const more = columnCount - rows.length;
  const rest = more > 0 ? `\n... and ${more} more columns${file ? ` (all in ${file})` : ""}` : "";
  return `${rowCount} rows, ${columnCount} columns\n${table}${rest}`;
}

function describeColumn(name: string, c: ColumnProfile): (string | number)[] {
  const summary =
    c.kind === "numeric"
      ? `mean ${fmt(c.mean)}, std ${fmt(c.std)}, min ${fmt(c.min)}, max ${fmt(c.max)}`
      : c.kind === "categorical"
        ? `${c.distinct} values, top ${c.frequencies.values.slice(0, 3).join(", ")}`
        : c.kind === "datetime"
          ? `${c.min ?? "-"} .. ${c.max ?? "-"}`
          : `length ${c.min_length ?? "-"}..${c.max_length ?? "-"}`;
  return [name, c.type, c.count, c.missing, summary];
}

function fmt(v: number | null): string {
  return v === null ? "-" : Number.isInteger(v) ? String(v) : v.toPrecision(5);
}
