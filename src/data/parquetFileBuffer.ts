import type { FileHandle } from "node:fs/promises";
import type { AsyncBuffer } from "hyparquet";

/**
 * hyparquet's view of a file as positioned reads on one open handle. hyparquet's own asyncBufferFromFile opens a
 * read stream per slice, which costs an open, 64 KiB stream chunks and a concatenation for every column chunk.
 */
export function parquetFileBuffer(fh: FileHandle, byteLength: number): AsyncBuffer {
  return {
    byteLength,
    async slice(start: number, end: number = byteLength): Promise<ArrayBuffer> {
      const from = Math.max(0, Math.min(start, byteLength));
      const to = Math.max(from, Math.min(end, byteLength));
      const bytes = new Uint8Array(to - from);
      let filled = 0;
      while (filled < bytes.length) {
        const { bytesRead } = await fh.read(bytes, filled, bytes.length - filled, from + filled);
        // the file shrank under us: what is missing reads as a truncated file to the decoder
        if (bytesRead === 0) return bytes.buffer.slice(0, filled);
        filled += bytesRead;
      }
      return bytes.buffer;
    },
  };
}
