import { extname } from "node:path";
import { ModelguardError } from "../errors.js";
import type { DecompressionLimits } from "./decompressingSource.js";
import { DEFAULT_NA_VALUES, NaMatcher } from "./naMatcher.js";
import { compressionOf, withoutCompression } from "./openDataSource.js";
import { COLUMN_TYPES, type ColumnType } from "./table.js";

export type DataFormat = "csv" | "jsonl" | "parquet";

export interface LoadOptions {
  /**
   * Default from the extension: .csv/.tsv/.txt -> csv, .jsonl/.ndjson -> jsonl, .parquet -> parquet; a further .gz
   * or .zst (.zstd) means gzip or zstd compression (CSV and JSONL), decompressed as the file is read.
   */
  format?: DataFormat;
  /** CSV only: one single-byte character; default "," (tab for .tsv). */
  delimiter?: string;
  /** Cells spelled exactly like one of these are missing. Default: pandas' NA strings (DEFAULT_NA_VALUES). */
  naValues?: string[];
  /** Load only these columns, in file order (the others are not decoded); names not in the file are ignored. */
  columns?: string[];
  /**
   * Forced types (from a schema): cells that do not parse become `invalid` entries, never errors. A Map, as column
   * names are data; a record is read by its own keys only (handy for literals in code).
   */
  types?: ReadonlyMap<string, ColumnType> | Readonly<Record<string, ColumnType>>;
  /**
   * The longest CSV field and the longest JSONL line, in bytes (default MAX_FIELD_BYTES, 16 MiB; at most 1 GiB).
   * Longer is an "input" error naming the file, line and column: it bounds the memory one cell can take.
   */
  maxFieldBytes?: number;
  /** Bounds on what a .gz/.zst file decompresses to (DEFAULT_DECOMPRESSION_LIMITS); beyond is an "input" error. */
  decompression?: Partial<DecompressionLimits>;
}

/**
 * 64 GiB at most, and at most 250 bytes per compressed byte once past 1 GiB: real CSV and JSONL compress 3-30x, a
 * gzip bomb about 1000x, a zstd bomb far more. A bomb is refused after reading 1 GiB, in seconds.
 */
export const DEFAULT_DECOMPRESSION_LIMITS: DecompressionLimits = {
  maxBytes: 64 * 2 ** 30,
  maxRatio: 250,
  ratioAfterBytes: 2 ** 30,
};

/** Default for LoadOptions.maxFieldBytes. */
export const MAX_FIELD_BYTES = 16 << 20;

/** Data rows the column types are inferred from. */
export const INFERENCE_ROWS = 10_000;

/** Cells per scanTable chunk at most (about 40 MB of numbers): rows per chunk = max(1, this / columns). */
export const SCAN_CHUNK_CELLS = 1 << 22;

/**
 * Rows per scanTable chunk: at most `chunkRows`, and at most `chunkCells` cells, so a chunk of a wide file (100,000
 * columns) holds a few rows instead of columns x chunkRows cells. Always at least one row.
 */
export function rowsPerChunk(chunkRows: number, chunkCells: number, columns: number): number {
  return Math.max(1, Math.min(chunkRows, Math.floor(chunkCells / Math.max(1, columns))));
}

export interface ResolvedLoadOptions {
  format: DataFormat;
  /** The delimiter byte. */
  delimiter: number;
  na: NaMatcher;
  /** Undefined: every column. */
  columns: ReadonlySet<string> | undefined;
  types: ReadonlyMap<string, ColumnType>;
  maxFieldBytes: number;
  decompression: DecompressionLimits;
}

const EXTENSIONS: Record<string, DataFormat> = {
  ".csv": "csv",
  ".tsv": "csv",
  ".txt": "csv",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".parquet": "parquet",
};

/** Checks the options and fills in the defaults. Bad options are "usage" errors. */
export function resolveLoadOptions(path: string, options: LoadOptions = {}): ResolvedLoadOptions {
  const ext = extname(withoutCompression(path)).toLowerCase();
  const format = options.format ?? (Object.hasOwn(EXTENSIONS, ext) ? EXTENSIONS[ext] : undefined);
  if (format === undefined)
    throw new ModelguardError(
      "usage",
      `${path}: cannot tell the data format from the extension '${ext}'`,
      "Name the file .csv, .tsv, .jsonl, .ndjson or .parquet (CSV and JSONL may end in .gz or .zst), or pass the " +
        "format (csv, jsonl or parquet).",
      { file: path },
    );
  if (format !== "csv" && format !== "jsonl" && format !== "parquet")
    throw new ModelguardError("usage", `unknown data format '${String(format)}'`, "Use csv, jsonl or parquet.");
  if (format === "parquet" && compressionOf(path) !== undefined)
    throw new ModelguardError(
      "usage",
      `${path}: a Parquet file cannot be read through ${compressionOf(path)} compression`,
      "Parquet compresses inside the file (write it with compression='zstd' instead): pass the .parquet file itself.",
      { file: path },
    );
  const delimiter = options.delimiter ?? (ext === ".tsv" ? "\t" : ",");
  const code = delimiter.charCodeAt(0);
  if (delimiter.length !== 1 || code > 127 || code === 34 || code === 10 || code === 13)
    throw new ModelguardError(
      "usage",
      `the CSV delimiter must be one ASCII character other than a quote or a line break, got ${JSON.stringify(delimiter)}`,
      'Use e.g. ",", ";", "|" or "\\t".',
    );
  // A Map is kept as given, not copied: a schema's has an entry per column (100,000 entries: 3.7 MB).
  const types: ReadonlyMap<string, ColumnType> =
    options.types instanceof Map
      ? (options.types as ReadonlyMap<string, ColumnType>)
      : new Map(Object.entries(options.types ?? {}));
  // forEach, not for-of: an entry pair per column was 11 MB of garbage for a schema of 100,000 columns
  types.forEach((type, name) => {
    if (!COLUMN_TYPES.includes(type))
      throw new ModelguardError(
        "usage",
        `unknown column type '${String(type)}' for column '${name}'`,
        `Use one of ${COLUMN_TYPES.join(", ")}.`,
        { column: name },
      );
  });
  const maxFieldBytes = options.maxFieldBytes ?? MAX_FIELD_BYTES;
  if (!Number.isInteger(maxFieldBytes) || maxFieldBytes < 1 || maxFieldBytes > 1 << 30)
    throw new ModelguardError(
      "usage",
      `maxFieldBytes must be a whole number of bytes from 1 to 1 GiB, got ${String(maxFieldBytes)}`,
      `Leave it out for the default of ${MAX_FIELD_BYTES >> 20} MiB.`,
    );
  return {
    format,
    delimiter: code,
    na: new NaMatcher(options.naValues ?? DEFAULT_NA_VALUES),
    columns: options.columns ? new Set(options.columns) : undefined,
    types,
    maxFieldBytes,
    decompression: resolveDecompressionLimits(options.decompression),
  };
}

function resolveDecompressionLimits(given: Partial<DecompressionLimits> = {}): DecompressionLimits {
  const limits = { ...DEFAULT_DECOMPRESSION_LIMITS };
  for (const key of ["maxBytes", "maxRatio", "ratioAfterBytes"] as const) {
    const v = given[key];
    if (v === undefined) continue;
    if (!(typeof v === "number" && v >= 0 && Number.isFinite(v)))
      throw new ModelguardError("usage", `decompression.${key} must be a finite number >= 0, got ${String(v)}`);
    limits[key] = v;
  }
  return limits;
}
