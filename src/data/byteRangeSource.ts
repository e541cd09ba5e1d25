import type { PositionedReader } from "./openDataSource.js";

/** A reader that sees the data end at `end`: a reader of one byte range of a file, for a worker that parses it. */
export function byteRangeSource(source: PositionedReader, end: number): PositionedReader {
  return {
    read: (buffer, offset, length, position) =>
      position >= end
        ? Promise.resolve({ bytesRead: 0 })
        : source.read(buffer, offset, Math.min(length, end - position), position),
  };
}
