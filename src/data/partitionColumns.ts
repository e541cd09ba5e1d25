/**
 * Hive partition values as columns. A key's type is inferred from its values across the shards by the rule of
 * inferColumnType.ts (each shard's value counted once: `date=2026-12-01` is a datetime, `year=2026` an integer),
 * except that text is a category while it has at most CATEGORY_MAX_DISTINCT distinct values; a type forced through
 * LoadOptions.types wins, and a value that does not parse under it is an input error naming the shard.
 */
import { ModelguardError } from "../errors.js";
import { CATEGORY_MAX_DISTINCT, ColumnTypeInference, parseBooleanBytes } from "./inferColumnType.js";
import type { NaMatcher } from "./naMatcher.js";
import { parseDatetime } from "./parseDatetime.js";
import { parseNumber } from "./parseNumber.js";
import type { Dataset, Shard } from "./resolveDataset.js";
import type { Column, ColumnType } from "./table.js";

export function partitionTypes(
  dataset: Dataset,
  forced: ReadonlyMap<string, ColumnType>,
  na: NaMatcher,
): Map<string, ColumnType> {
  const types = new Map<string, ColumnType>();
  dataset.partitionKeys.forEach((key, k) => {
    const given = forced.get(key);
    if (given !== undefined) {
      types.set(key, given);
      return;
    }
    const inference = new ColumnTypeInference(na);
    for (const shard of dataset.shards) inference.addText(shard.partitions[k]![1]);
    const type = inference.result();
    types.set(
      key,
      type === "category" || type === "string"
        ? inference.distinctCount <= CATEGORY_MAX_DISTINCT
          ? "category"
          : "string"
        : type,
    );
  });
  return types;
}

/** The number a partition value stands for under a numeric type, or NaN. */
function numericValue(text: string, type: ColumnType): number {
  switch (type) {
    case "integer": {
      const v = parseNumber(text);
      return v !== null && Number.isSafeInteger(v) ? v : NaN;
    }
    case "number":
      return parseNumber(text) ?? NaN;
    case "boolean": {
      const b = Buffer.from(text.trim(), "utf8");
      return parseBooleanBytes(b, 0, b.length);
    }
    case "datetime":
      return parseDatetime(text) ?? NaN;
    default:
      return NaN;
  }
}

/** The partition column `key` (the k-th key) of `rows` rows of `shard`. */
export function partitionColumn(shard: Shard, k: number, type: ColumnType, rows: number, na: NaMatcher): Column {
  const [key, raw] = shard.partitions[k]!;
  const bytes = raw === null ? null : Buffer.from(raw, "utf8");
  const text = raw === null || na.matches(bytes!, 0, bytes!.length) ? null : raw;
  if (type === "category" || type === "string")
    return {
      kind: "dictionary",
      name: key,
      type,
      codes: new Int32Array(rows).fill(text === null ? -1 : 0),
      dictionary: text === null ? [] : [text],
    };
  const value = text === null ? NaN : numericValue(text, type);
  if (text !== null && value !== value)
    throw new ModelguardError(
      "input",
      `${shard.file}: the partition value ${key}=${text} is not a${type === "integer" ? "n" : ""} ${type}`,
      `The ${key} column is ${type} (forced, or inferred from the other partitions): rename the directory, or force the type "string".`,
      { file: shard.file, column: key },
    );
  return {
    kind: "numeric",
    name: key,
    type,
    values: new Float64Array(rows).fill(value),
    valid: new Uint8Array(rows).fill(text === null ? 0 : 1),
    invalid: new Map(),
  };
}
