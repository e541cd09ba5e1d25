import { collectGarbage } from "../collectGarbage.js";
import { CsvColumnPasses } from "../data/csvColumnPasses.js";
import { nullOnModelguardError } from "../errors.js";
import { JsonlColumnPasses } from "../data/jsonlColumnPasses.js";
import type { LoadOptions } from "../data/loadTable.js";
import { resolveLoadOptions, type ResolvedLoadOptions } from "../data/loadOptions.js";
import { resolveDataset } from "../data/resolveDataset.js";
import type { ColumnType, Table } from "../data/table.js";
import type { DataSchema } from "./dataSchema.js";
import { TableValidator } from "./validateTable.js";
import type { ValidationResult } from "./validationResult.js";

/**
 * Columns read per pass over a wide CSV or JSON Lines file. A chunk of every column of a 100,000-column file was some
 * 25 MB of builders and typed arrays, alive with the schema and the reader's buffers at validate's peak. Each pass
 * parses the whole file again. Measured on 100,000 columns x 6 rows, peak RSS of the CLI: blocks of 2,500 columns
 * 142-145 MB, 5,000 143-144, 10,000 144-148, 20,000 172-174 (one pass 176-178), while V8 let each block's garbage
 * build up. Collected after each block (collectGarbage), a collection marking the 22 MB schema each time, blocks of
 * 5,000 / 10,000 / 20,000 peak at 102-106 / 104-107 / 107-113 MB in 2.9-3.0 / 2.3-2.4 / 1.9-2.1 s (this CSV; the
 * 10 MB JSON Lines table: 108 / 110-111 / 115-116 MB in 5.3-6.2 / 3.4-4.0 / 2.0-2.5 s), measured side by side on a
 * 2-core machine another job kept busy: 20,000 holds memory as the smaller blocks did and takes less time than 5,000
 * did before (on a quiet machine 1.3 s for the CSV as before, 1.8-1.9 s for the JSON Lines table against 3.1-3.2).
 */
export const BLOCK_COLUMNS = 20_000;

/**
 * Validates a CSV or JSON Lines file of more than `blockColumns` columns one block of the schema's columns at a time:
 * the file is read once per block, with only that block's columns decoded (their types forced, as validateFiles
 * forces them), into one TableValidator. The result is the single pass's: cell checks, statistics and `unique` are
 * per column, the violations are ordered by schema column whatever the order they were found in, the extra columns
 * come from the header (a JSON Lines file's keys, in order of first appearance), and each pass counts the same rows.
 *
 * Null when this does not apply and the file is to be read in one pass: the data is not a single CSV or JSON Lines
 * file (plain, .gz or .zst), it has at most `blockColumns` columns, or the schema has row checks or compound keys
 * (they read several columns of a row at once). Null too when the input fails a JSON Lines file's blocks: its errors
 * can be a column's (a nested value), so the one pass reports it, as it always did.
 */
export async function validateInColumnBlocks(
  data: string,
  schema: DataSchema,
  options: LoadOptions,
  blockColumns = BLOCK_COLUMNS,
): Promise<ValidationResult | null> {
  // A block of no columns would never end.
  if (!(blockColumns >= 1)) throw new RangeError(`blockColumns must be at least 1, got ${blockColumns}`);
  if ((schema.checks ?? []).length > 0 || (schema.uniqueTogether ?? []).length > 0) return null;
  const dataset = await resolveDataset(data);
  if (dataset.shards.length !== 1 || dataset.partitionKeys.length > 0) return null;
  const file = dataset.shards[0]!.file;
  const resolved = resolveLoadOptions(file, options);
  if (resolved.format === "csv") return validateInBlocks(await csvPasses(file, resolved), data, schema, blockColumns);
  if (resolved.format !== "jsonl") return null;
  const jsonl = async () => {
    const passes = await jsonlPasses(file, resolved, blockColumns);
    return passes && validateInBlocks(passes, data, schema, blockColumns);
  };
  return jsonl().catch(nullOnModelguardError);
}

/** A file read once per block of its columns: its column names, and scanTable's chunks of some, by field. */
interface FilePasses {
  names: readonly string[];
  /** The chunks of these fields (ascending) with these types forced. */
  scan(fields: readonly number[], types: readonly ColumnType[]): AsyncGenerator<Table>;
}

async function csvPasses(file: string, resolved: ResolvedLoadOptions): Promise<FilePasses> {
  const passes = await CsvColumnPasses.open(file, resolved);
  return { names: passes.names, scan: (fields, types) => passes.scan(fields, types) };
}

/**
 * A JSON Lines file: its keys found by a first read, a block's keys then given by name; null when its first record
 * has at most `keys` keys (JsonlColumnPasses.openWide: the file is not read in full only to find it narrow).
 */
async function jsonlPasses(file: string, resolved: ResolvedLoadOptions, keys: number): Promise<FilePasses | null> {
  const passes = await JsonlColumnPasses.openWide(file, resolved, keys);
  if (passes === null) return null;
  const names = passes.names;
  return {
    names,
    scan: (fields, types) => {
      const block = new Map<string, ColumnType>();
      for (let k = 0; k < fields.length; k++) block.set(names[fields[k]!]!, types[k]!);
      return passes.scan(block.keys(), block);
    },
  };
}

async function validateInBlocks(
  passes: FilePasses,
  data: string,
  schema: DataSchema,
  blockColumns: number,
): Promise<ValidationResult | null> {
  const names = passes.names;
  if (names.length <= blockColumns) return null;
  const validator = new TableValidator(schema, data);
  validator.addColumnNames(names);
  const { fields, types } = schemaFields(validator, schema, names);
  // One pass even when no schema column is in the file: a pass of no columns still counts the rows.
  const validateBlock = async (start: number, end: number) => {
    for await (const chunk of passes.scan(fields.slice(start, end), types.slice(start, end))) validator.add(chunk);
  };
  for (let start = 0; start === 0 || start < fields.length; start += blockColumns) {
    if (start > 0) validator.newPass();
    await validateBlock(start, Math.min(fields.length, start + blockColumns));
    // The block's chunks, collected as they are dropped (see collectGarbage).
    collectGarbage();
  }
  return validator.finish();
}

/**
 * The schema's columns in the file, by field, in file order (each name once), less the ones the environment
 * excludes: those are never checked. Fields and types in arrays, not maps by name: for 100,000 columns a map's
 * growth was megabytes of garbage.
 */
function schemaFields(
  validator: TableValidator,
  schema: DataSchema,
  names: readonly string[],
): { fields: number[]; types: ColumnType[] } {
  const ignored = new Set(schema.ignored ?? []);
  const fields: number[] = [];
  const types: ColumnType[] = [];
  for (let k = 0; k < names.length; k++) {
    const spec = validator.specOf(names[k]!);
    if (!spec || ignored.has(spec.name)) continue;
    fields.push(k);
    types.push(spec.type);
  }
  return { fields, types };
}
