import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { ModelguardError } from "./errors.js";

/** Why a file could not be read as text; the caller turns it into its own error (kind, wording, hint). */
export type UnreadableFile =
  | { reason: "missing" }
  | { reason: "directory" }
  | { reason: "not-a-file" }
  | { reason: "too-large"; size: number }
  | { reason: "io"; message: string };

/**
 * The UTF-8 text of `path`, refusing before reading anything a directory, a device or pipe, and a file over
 * `maxBytes`: the size comes from the open descriptor, so a file cannot grow between the check and the read.
 * Every refusal goes through `refuse`, which names it in the caller's terms.
 */
export function readBoundedTextFile(
  path: string,
  maxBytes: number,
  refuse: (why: UnreadableFile) => ModelguardError,
): string {
  const { fd, size } = openBoundedFile(path, maxBytes, refuse);
  try {
    const buffer = Buffer.alloc(size);
    let read = 0;
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.toString("utf8", 0, read);
  } catch (e) {
    throw refuse({ reason: "io", message: (e as Error).message });
  } finally {
    closeSync(fd);
  }
}

/** Bytes read at a time by readBoundedTextLines: what it holds besides the line being read. */
const LINE_READ_BYTES = 64 * 1024;

/**
 * The lines of the text readBoundedTextFile would return, one at a time, read through a fixed buffer: a line without
 * its "\n" or "\r\n" (a last line without one included), a byte-order mark at the start left out. Each line is
 * decoded on its own, which gives the same characters as decoding the whole file, since a UTF-8 sequence never spans
 * a "\n" byte; and each is a string of its own, so that what a caller keeps of one line never holds the text around
 * it. The same refusals, when the first line is asked for; stopping the iteration closes the file.
 */
export function* readBoundedTextLines(
  path: string,
  maxBytes: number,
  refuse: (why: UnreadableFile) => ModelguardError,
): Generator<string, void, undefined> {
  const { fd, size } = openBoundedFile(path, maxBytes, refuse);
  try {
    const buffer = Buffer.allocUnsafe(LINE_READ_BYTES);
    // The start of a line that runs past the buffer, in pieces.
    let partial: Buffer[] = [];
    let first = true;
    const decode = (bytes: Buffer, crlf: boolean): string => {
      const end = crlf && bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.length - 1 : bytes.length;
      let line = bytes.toString("utf8", 0, end);
      if (first) {
        first = false;
        if (line.charCodeAt(0) === 0xfeff) line = line.slice(1);
      }
      return line;
    };
    for (let position = 0; position < size;) {
      let n: number;
      try {
        n = readSync(fd, buffer, 0, Math.min(buffer.length, size - position), position);
      } catch (e) {
        throw refuse({ reason: "io", message: (e as Error).message });
      }
      if (n === 0) break;
      position += n;
      const got = buffer.subarray(0, n);
      let start = 0;
      for (let nl = got.indexOf(10, start); nl >= 0; nl = got.indexOf(10, start)) {
        const piece = got.subarray(start, nl);
        if (partial.length > 0) {
          partial.push(piece);
          const whole = Buffer.concat(partial);
          partial = [];
          yield decode(whole, true);
        } else yield decode(piece, true);
        start = nl + 1;
      }
      // A copy: the buffer is read into again.
      if (start < n) partial.push(Buffer.from(got.subarray(start)));
    }
    if (partial.length > 0) yield decode(Buffer.concat(partial), false);
  } finally {
    closeSync(fd);
  }
}

/** The open descriptor and size of a regular file of at most `maxBytes`; the refusals of readBoundedTextFile. */
function openBoundedFile(
  path: string,
  maxBytes: number,
  refuse: (why: UnreadableFile) => ModelguardError,
): { fd: number; size: number } {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw refuse({ reason: "missing" });
    if (code === "EISDIR") throw refuse({ reason: "directory" });
    throw refuse({ reason: "io", message: (e as Error).message });
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw refuse({ reason: "directory" });
    if (!stat.isFile()) throw refuse({ reason: "not-a-file" });
    if (stat.size > maxBytes) throw refuse({ reason: "too-large", size: stat.size });
    return { fd, size: stat.size };
  } catch (e) {
    closeSync(fd);
    if (e instanceof ModelguardError) throw e;
    throw refuse({ reason: "io", message: (e as Error).message });
  }
}
