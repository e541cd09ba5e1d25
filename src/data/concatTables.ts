/**
 * The shards of a dataset, loaded one by one, as one Table. Shards must agree: the same columns (JSONL: a key a
 * shard never has is missing there, as a key a row lacks is) and the same types, where integer and number make
 * number, category and string make text (category or string again by the rule of inferColumnType.ts on the whole
 * column), and a column with no value in a shard takes the type of the others. Any other difference is an input
 * error naming the shard, the column and the shard that first had it otherwise.
 *
 * Each shard's column is dropped as soon as it is copied, so the peak is about the shards plus one column.
 */
import { ModelguardError } from "../errors.js";
import { isCategoryCardinality } from "./inferColumnType.js";
import type { DataFormat } from "./loadOptions.js";
import type { Column, ColumnType, Table } from "./table.js";

export interface LoadedShard {
  file: string;
  rowCount: number;
  /** By name; entries are deleted as they are copied. */
  columns: Map<string, Column>;
}

function isValueless(c: Column): boolean {
  if (c.kind === "dictionary") return c.codes.every((code) => code < 0);
  return c.invalid.size === 0 && c.valid.every((v) => v === 0);
}

function isText(t: ColumnType): boolean {
  return t === "category" || t === "string";
}

function columnSetError(shard: LoadedShard, first: LoadedShard, name: string, missing: boolean): ModelguardError {
  return new ModelguardError(
    "input",
    missing
      ? `${shard.file}: the shard has no column '${name}', which ${first.file} has`
      : `${shard.file}: the shard has a column '${name}' that ${first.file} lacks`,
    "Every shard of a dataset has the same columns: rewrite the odd shard, or leave the column out with --columns.",
    { file: shard.file, column: name },
  );
}

/** The column names in order: the first shard's, then (JSONL) keys first seen in later shards. */
function columnNames(shards: LoadedShard[], format: DataFormat): string[] {
  const first = shards[0]!;
  const names = [...first.columns.keys()];
  const known = new Set(names);
  for (const shard of shards.slice(1)) {
    for (const name of shard.columns.keys())
      if (!known.has(name)) {
        if (format !== "jsonl") throw columnSetError(shard, first, name, false);
        known.add(name);
        names.push(name);
      }
    if (format !== "jsonl")
      for (const name of names) if (!shard.columns.has(name)) throw columnSetError(shard, first, name, true);
  }
  return names;
}

/** The one type of a column across shards, or an error naming the shard that disagrees. */
function unifiedType(shards: LoadedShard[], name: string, forced: ColumnType | undefined): ColumnType {
  if (forced !== undefined) return forced;
  let type: ColumnType | null = null;
  let from: LoadedShard | null = null;
  let fallback: ColumnType | null = null;
  for (const shard of shards) {
    const c = shard.columns.get(name);
    if (!c) continue;
    fallback ??= c.type;
    if (isValueless(c)) continue;
    if (type === null || type === c.type) {
      type ??= c.type;
      from ??= shard;
      continue;
    }
    if ((type === "integer" || type === "number") && (c.type === "integer" || c.type === "number")) type = "number";
    else if (isText(type) && isText(c.type)) type = "string";
    else
      throw new ModelguardError(
        "input",
        `${shard.file}, column '${name}': the shard's values are ${c.type} but ${from!.file} has ${type} values`,
        `Make the shards agree, or force the column's type with a schema (e.g. \`${name}: {type: string}\`) so every ` +
          "shard reads it the same way.",
        { file: shard.file, column: name },
      );
  }
  return type ?? fallback ?? "number";
}

function concatNumeric(shards: LoadedShard[], name: string, type: ColumnType, total: number): Column {
  const values = new Float64Array(total);
  const valid = new Uint8Array(total);
  const invalid = new Map<number, string>();
  let at = 0;
  for (const shard of shards) {
    const c = shard.columns.get(name);
    shard.columns.delete(name);
    if (c?.kind === "numeric") {
      values.set(c.values, at);
      valid.set(c.valid, at);
      for (const [row, text] of c.invalid) invalid.set(at + row, text);
    } else values.fill(NaN, at, at + shard.rowCount); // absent (JSONL) or valueless text: missing
    at += shard.rowCount;
  }
  return { kind: "numeric", name, type: type as "integer" | "number" | "boolean" | "datetime", values, valid, invalid };
}

function concatDictionary(
  shards: LoadedShard[],
  name: string,
  type: ColumnType,
  total: number,
  forced: boolean,
): Column {
  const codes = new Int32Array(total).fill(-1);
  const dictionary: string[] = [];
  const index = new Map<string, number>();
  let nonMissing = 0;
  let at = 0;
  for (const shard of shards) {
    const c = shard.columns.get(name);
    shard.columns.delete(name);
    if (c?.kind === "dictionary") {
      const remap = c.dictionary.map((text) => {
        let code = index.get(text);
        if (code === undefined) {
          code = dictionary.length;
          dictionary.push(text);
          index.set(text, code);
        }
        return code;
      });
      for (let i = 0; i < c.codes.length; i++) {
        const code = c.codes[i]!;
        if (code >= 0) {
          codes[at + i] = remap[code]!;
          nonMissing++;
        }
      }
    }
    at += shard.rowCount;
  }
  const text: "category" | "string" = forced
    ? (type as "category" | "string")
    : isCategoryCardinality(dictionary.length, nonMissing)
      ? "category"
      : "string";
  return { kind: "dictionary", name, type: text, codes, dictionary };
}

/** One Table of the shards, in shard order, labelled `source`. */
export function concatTables(
  source: string,
  shards: LoadedShard[],
  format: DataFormat,
  forced: ReadonlyMap<string, ColumnType>,
): Table {
  const names = columnNames(shards, format);
  const total = shards.reduce((n, s) => n + s.rowCount, 0);
  const columns = names.map((name) => {
    const type = unifiedType(shards, name, forced.get(name));
    return isText(type)
      ? concatDictionary(shards, name, type, total, forced.has(name))
      : concatNumeric(shards, name, type, total);
  });
  return { source, rowCount: total, columns };
}
