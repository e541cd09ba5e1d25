import type { FileHandle } from "node:fs/promises";
import type { AsyncBuffer } from "hyparquet";

/** hyparquet's AsyncBuffer, plus reads into a buffer the caller reuses. */
export interface ParquetFileBuffer extends AsyncBuffer {
  /** Fills `target` from file offset `position`; the bytes read (fewer only at the end of the file). */
  readInto(target: Uint8Array, position: number): Promise<number>;
}

/**
 * hyparquet's view of a file as positioned reads on one open handle. hyparquet's own asyncBufferFromFile opens a
 * read stream per slice, which costs an open, 64 KiB stream chunks and a concatenation for every column chunk.
 */
export function parquetFileBuffer(fh: FileHandle, byteLength: number): ParquetFileBuffer {
  const readInto = async (target: Uint8Array, position: number): Promise<number> => {
    let filled = 0;
    while (filled < target.length) {
      const { bytesRead } = await fh.read(target, filled, target.length - filled, position + filled);
      // the file shrank under us: what is missing reads as a truncated file to the decoder
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled;
  };
  return {
    byteLength,
    readInto,
    async slice(start: number, end: number = byteLength): Promise<ArrayBuffer> {
      const from = Math.max(0, Math.min(start, byteLength));
      const to = Math.max(from, Math.min(end, byteLength));
      const bytes = new Uint8Array(to - from);
      const filled = await readInto(bytes, from);
      return filled === bytes.length ? bytes.buffer : bytes.buffer.slice(0, filled);
    },
  };
}
