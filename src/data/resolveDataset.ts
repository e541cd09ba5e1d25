/**
 * What a dataset argument names: one file, a directory of shards (read recursively), or a glob (`data/*.parquet`,
 * `logs/**\/*.jsonl.gz`). Directories below the dataset's root named `key=value` (Hive partitioning, as Spark, pandas
 * and polars write it) give every row of the shards inside them a column `key` with that value.
 *
 * Shards are listed in path order (byte order of their path below the root). Names starting with "." or "_" are
 * skipped, as Spark and Hive do (`_SUCCESS`, `.part-0.crc`), and so are files of no data format in a directory.
 * The listing is bounded: at most MAX_SHARDS shards and MAX_LISTED_ENTRIES directory entries looked at.
 */
import { opendir, stat } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { ModelguardError } from "../errors.js";
import { withoutCompression } from "./openDataSource.js";

export const MAX_SHARDS = 10_000;
export const MAX_LISTED_ENTRIES = 1_000_000;

/** Hive writes a missing partition value so. */
const HIVE_NULL = "__HIVE_DEFAULT_PARTITION__";

export interface Shard {
  file: string;
  /** Partition key -> value (null: missing), from the `key=value` directories, outermost first. */
  partitions: [string, string | null][];
}

export interface Dataset {
  /** The argument as given: the label of every message about the whole dataset. */
  spec: string;
  /** The directory the shards' paths (and partitions) are taken below; a single file's own directory. */
  root: string;
  shards: Shard[];
  /** Partition keys, outermost first (the same for every shard). */
  partitionKeys: string[];
}

/** Extensions of the files a directory's listing takes (after .gz/.zst). */
const DATA_EXTENSIONS = [".csv", ".tsv", ".jsonl", ".ndjson", ".parquet"];

function isDataFile(name: string): boolean {
  const plain = withoutCompression(name).toLowerCase();
  return DATA_EXTENSIONS.some((ext) => plain.endsWith(ext));
}

const GLOB_CHARS = /[*?[{]/;

/** A glob as a regular expression over '/'-separated paths: `**` (any depth), `*`, `?`, `[...]`, `{a,b}`. */
export function globToRegExp(pattern: string): RegExp {
  let re = "";
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "*") {
      if (pattern[i + 1] === "*") {
        const slash = pattern[i + 2] === "/";
        re += slash ? "(?:[^/]*/)*" : ".*";
        i += slash ? 2 : 1;
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const close = pattern.indexOf("]", i + 2);
      if (close < 0) re += "\\[";
      else {
        let body = pattern.slice(i + 1, close).replace(/\\/g, "\\\\");
        if (body.startsWith("!")) body = "^" + body.slice(1);
        re += `[${body}]`;
        i = close;
      }
    } else if (c === "{") {
      braces++;
      re += "(?:";
    } else if (c === "}" && braces > 0) {
      braces--;
      re += ")";
    } else if (c === "," && braces > 0) re += "|";
    else re += c.replace(/[.+^$()|\\\]{}]/g, "\\$&");
  }
  return new RegExp(`^${re}${")".repeat(braces)}$`);
}

function listingError(spec: string, message: string, hint: string): ModelguardError {
  return new ModelguardError("input", `${spec}: ${message}`, hint, { file: spec });
}

/** Every file below `root` (skipping "." and "_" names), as paths relative to it with '/' separators. */
async function walk(spec: string, root: string, accept: (rel: string) => boolean): Promise<string[]> {
  const found: string[] = [];
  let seen = 0;
  const visit = async (dir: string): Promise<void> => {
    let handle;
    try {
      handle = await opendir(dir);
    } catch (e) {
      throw listingError(spec, `cannot list ${dir} (${(e as Error).message})`, "Check the path and its permissions.");
    }
    const subdirs: string[] = [];
    for await (const entry of handle) {
      if (++seen > MAX_LISTED_ENTRIES)
        throw listingError(
          spec,
          `more than ${MAX_LISTED_ENTRIES} entries to look at`,
          "Name a narrower directory or glob (e.g. data/date=2026-12-*/*.parquet).",
        );
      if (entry.name.startsWith(".") || entry.name.startsWith("_")) continue;
      const path = join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await stat(path).catch(() => null);
        isDir = target?.isDirectory() ?? false;
        isFile = target?.isFile() ?? false;
      }
      if (isDir) subdirs.push(path);
      else if (isFile) {
        const rel = relative(root, path).split(sep).join("/");
        if (!accept(rel)) continue;
        found.push(rel);
        if (found.length > MAX_SHARDS)
          throw listingError(
            spec,
            `more than ${MAX_SHARDS} shard files`,
            "Compact the shards into fewer, larger files, or name a subset with a glob.",
          );
      }
    }
    for (const sub of subdirs) await visit(sub);
  };
  await visit(root);
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function partitionsOf(rel: string): [string, string | null][] {
  const dirs = rel.split("/").slice(0, -1);
  const out: [string, string | null][] = [];
  for (const dir of dirs) {
    const eq = dir.indexOf("=");
    if (eq <= 0) continue;
    const raw = dir.slice(eq + 1);
    let value: string | null;
    try {
      value = decodeURIComponent(raw);
    } catch {
      value = raw;
    }
    out.push([dir.slice(0, eq), value === HIVE_NULL || value === "" ? null : value]);
  }
  return out;
}

function withPartitions(spec: string, root: string, rels: string[]): Dataset {
  const shards = rels.map((rel) => ({ file: join(root, ...rel.split("/")), partitions: partitionsOf(rel) }));
  const keys = shards[0]!.partitions.map(([k]) => k);
  for (const shard of shards) {
    const own = shard.partitions.map(([k]) => k);
    if (own.length !== keys.length || own.some((k, i) => k !== keys[i]))
      throw new ModelguardError(
        "input",
        `${shard.file}: its partition directories (${own.join("/") || "none"}) differ from those of ${shards[0]!.file} (${keys.join("/") || "none"})`,
        "Every shard of a Hive-partitioned dataset sits under the same key=value directories, in the same order.",
        { file: shard.file },
      );
  }
  if (new Set(keys).size !== keys.length)
    throw new ModelguardError(
      "input",
      `${shards[0]!.file}: the partition key '${keys.find((k, i) => keys.indexOf(k) !== i)}' appears twice in its path`,
      "Name each partition key once.",
      { file: shards[0]!.file },
    );
  return { spec, root, shards, partitionKeys: keys };
}

/** Lists the shards of a dataset argument. A plain file is a dataset of one shard without partitions. */
export async function resolveDataset(spec: string): Promise<Dataset> {
  const st = await stat(spec).catch(() => null);
  if (st?.isDirectory()) {
    const rels = await walk(spec, spec, isDataFile);
    if (rels.length === 0)
      throw listingError(
        spec,
        "the directory holds no data files",
        "A dataset directory holds .csv, .tsv, .jsonl, .ndjson or .parquet files (CSV and JSONL may end in .gz or " +
          ".zst), at any depth; names starting with '.' or '_' are skipped.",
      );
    return withPartitions(spec, spec, rels);
  }
  if (st !== null || !GLOB_CHARS.test(spec))
    return { spec, root: dirname(spec), shards: [{ file: spec, partitions: [] }], partitionKeys: [] };
  // a glob: walk from the directory before the first segment with a wildcard
  const segments = spec.split(/[\\/]/);
  const firstGlob = segments.findIndex((s) => GLOB_CHARS.test(s));
  const rootSegments = segments.slice(0, firstGlob);
  const root = rootSegments.length === 0 ? "." : rootSegments.join("/") || "/";
  const pattern = globToRegExp(segments.slice(firstGlob).join("/"));
  const rootStat = await stat(root).catch(() => null);
  const rels = rootStat?.isDirectory() ? await walk(spec, root, (rel) => pattern.test(rel)) : [];
  if (rels.length === 0)
    throw listingError(
      spec,
      "no file matches this glob",
      "Check the pattern: * matches within one directory, ** any number of directories (quote the pattern so the " +
        "shell does not expand it).",
    );
  return withPartitions(spec, root, rels);
}
