/**
 * A dataset of several shards (a directory, a glob, Hive partitions; see resolveDataset.ts) as one Table, or as a
 * stream of chunks shard after shard. Every shard is read by the loader of its format with the same options.
 */
import { ModelguardError } from "../errors.js";
import { concatTables, type LoadedShard } from "./concatTables.js";
import { dataFileColumnNames, loadDataFile, scanDataFile } from "./loadDataFile.js";
import { resolveLoadOptions, type LoadOptions, type ResolvedLoadOptions } from "./loadOptions.js";
import { partitionColumn, partitionTypes } from "./partitionColumns.js";
import type { Dataset, Shard } from "./resolveDataset.js";
import type { Column, ColumnType, Table } from "./table.js";

/** Every shard's options, checking that all shards are of one format. */
function shardOptions(dataset: Dataset, options: LoadOptions | undefined): ResolvedLoadOptions[] {
  const resolved = dataset.shards.map((s) => resolveLoadOptions(s.file, options));
  const format = resolved[0]!.format;
  resolved.forEach((r, i) => {
    if (r.format !== format)
      throw new ModelguardError(
        "input",
        `${dataset.shards[i]!.file}: a ${r.format} shard in a dataset whose first shard, ${dataset.shards[0]!.file}, is ${format}`,
        "Keep one format per dataset (a glob such as data/*.parquet picks one).",
        { file: dataset.shards[i]!.file },
      );
  });
  return resolved;
}

/** The partition keys wanted (all, or those in options.columns), with their types and indexes. */
function wantedPartitions(
  dataset: Dataset,
  resolved: ResolvedLoadOptions,
): { key: string; k: number; type: ColumnType }[] {
  const types = partitionTypes(dataset, resolved.types, resolved.na);
  return dataset.partitionKeys.flatMap((key, k) =>
    resolved.columns && !resolved.columns.has(key) ? [] : [{ key, k, type: types.get(key)! }],
  );
}

function checkNoClash(shard: Shard, names: Iterable<string>, keys: string[]): void {
  for (const name of names)
    if (keys.includes(name))
      throw new ModelguardError(
        "input",
        `${shard.file}: the column '${name}' is also a partition key (a ${name}=... directory)`,
        "Drop the column from the files or rename the partition directories: a name can be one or the other.",
        { file: shard.file, column: name },
      );
}

export async function loadDataset(dataset: Dataset, options?: LoadOptions): Promise<Table> {
  const resolved = shardOptions(dataset, options);
  const partitions = wantedPartitions(dataset, resolved[0]!);
  const keys = partitions.map((p) => p.key);
  const shards: LoadedShard[] = [];
  for (let i = 0; i < dataset.shards.length; i++) {
    const shard = dataset.shards[i]!;
    const table = await loadDataFile(shard.file, resolved[i]!);
    checkNoClash(
      shard,
      table.columns.map((c) => c.name),
      keys,
    );
    const columns = new Map<string, Column>(table.columns.map((c) => [c.name, c]));
    for (const p of partitions)
      columns.set(p.key, partitionColumn(shard, p.k, p.type, table.rowCount, resolved[0]!.na));
    shards.push({ file: shard.file, rowCount: table.rowCount, columns });
  }
  const forced = new Map(resolved[0]!.types);
  for (const p of partitions) forced.set(p.key, p.type);
  return concatTables(dataset.spec, shards, resolved[0]!.format, forced);
}

/**
 * Chunks shard after shard (a chunk never spans two shards; its source is the shard's file). Types are inferred on
 * the first shard as scanTable does for one file, then forced on the others, so later cells that do not fit are
 * `invalid` entries in every shard alike. CSV and Parquet shards must have the first shard's columns (in any order).
 */
export async function* scanDataset(
  dataset: Dataset,
  options: LoadOptions | undefined,
  chunkRows: number,
  chunkCells: number,
): AsyncGenerator<Table> {
  const resolved = shardOptions(dataset, options);
  const partitions = wantedPartitions(dataset, resolved[0]!);
  const keys = partitions.map((p) => p.key);
  const format = resolved[0]!.format;
  let fixed: Map<string, ColumnType> | null = null;
  let names: string[] = [];
  for (let i = 0; i < dataset.shards.length; i++) {
    const shard = dataset.shards[i]!;
    const opts: ResolvedLoadOptions = fixed ? { ...resolved[i]!, types: fixed } : resolved[i]!;
    for await (const chunk of scanDataFile(shard.file, opts, chunkRows, chunkCells)) {
      let columns = [...chunk.columns];
      if (fixed === null) {
        checkNoClash(
          shard,
          columns.map((c) => c.name),
          keys,
        );
        fixed = new Map(resolved[0]!.types);
        for (const c of columns) fixed.set(c.name, c.type);
        names = columns.map((c) => c.name);
      } else {
        checkNoClash(
          shard,
          columns.map((c) => c.name),
          keys,
        );
        if (format !== "jsonl") columns = inFirstShardOrder(shard, dataset.shards[0]!, columns, names);
      }
      for (const p of partitions) columns.push(partitionColumn(shard, p.k, p.type, chunk.rowCount, resolved[0]!.na));
      yield { source: chunk.source, rowCount: chunk.rowCount, columns };
    }
  }
}

function inFirstShardOrder(shard: Shard, first: Shard, columns: Column[], names: string[]): Column[] {
  const byName = new Map(columns.map((c) => [c.name, c]));
  for (const c of columns)
    if (!names.includes(c.name))
      throw new ModelguardError(
        "input",
        `${shard.file}: the shard has a column '${c.name}' that ${first.file} lacks`,
        "Every shard of a dataset has the same columns: rewrite the odd shard, or leave the column out with --columns.",
        { file: shard.file, column: c.name },
      );
  return names.map((name) => {
    const c = byName.get(name);
    if (!c)
      throw new ModelguardError(
        "input",
        `${shard.file}: the shard has no column '${name}', which ${first.file} has`,
        "Every shard of a dataset has the same columns: rewrite the odd shard, or leave the column out with --columns.",
        { file: shard.file, column: name },
      );
    return c;
  });
}

/** The first shard's column names, then the partition keys. */
export async function datasetColumnNames(dataset: Dataset, options?: LoadOptions): Promise<string[]> {
  const resolved = shardOptions(dataset, options);
  return [...(await dataFileColumnNames(dataset.shards[0]!.file, resolved[0]!)), ...dataset.partitionKeys];
}
