/**
 * The bytes of a data file, read at positions: a plain file, or a gzip (.gz) or zstd (.zst) file decompressed as it
 * is read. The CSV and JSONL readers see one interface and never hold the whole file.
 */
import { basename, extname } from "node:path";
import { DecompressingSource, type Compression, type DecompressionLimits } from "./decompressingSource.js";
import { openDataFile } from "./openDataFile.js";

export interface DataSource {
  /** Reads up to `length` bytes at `position` of the (decompressed) data; 0 bytes only at its end. */
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  /** The data's size in bytes: exact for a plain file, else estimated from the compression ratio so far. */
  estimatedSize(): Promise<number>;
  close(): Promise<void>;
}

/** What the record readers need: a plain FileHandle is one too. */
export type PositionedReader = Pick<DataSource, "read">;

const COMPRESSIONS: Record<string, Compression> = { ".gz": "gzip", ".zst": "zstd", ".zstd": "zstd" };

/** The compression a path's last extension names, or undefined for a plain file. */
export function compressionOf(path: string): Compression | undefined {
  const ext = extname(path).toLowerCase();
  return Object.hasOwn(COMPRESSIONS, ext) ? COMPRESSIONS[ext] : undefined;
}

/** The path without its compression extension ("a.csv.gz" -> "a.csv"), for telling the data format. */
export function withoutCompression(path: string): string {
  return compressionOf(path) === undefined ? path : path.slice(0, path.length - extname(path).length);
}

/** Opens `file` for positioned reads, decompressing .gz and .zst files (bounded by `limits`). */
export async function openDataSource(file: string, limits: DecompressionLimits): Promise<DataSource> {
  const fh = await openDataFile(file);
  const compression = compressionOf(file);
  if (compression === undefined)
    return {
      read: (buffer, offset, length, position) => fh.read(buffer, offset, length, position),
      estimatedSize: async () => (await fh.stat()).size,
      close: () => fh.close(),
    };
  const { size } = await fh.stat();
  await fh.close();
  return new DecompressingSource(file, basename(file), compression, size, limits);
}
