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
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.toString("utf8", 0, read);
  } catch (e) {
    if (e instanceof ModelguardError) throw e;
    throw refuse({ reason: "io", message: (e as Error).message });
  } finally {
    closeSync(fd);
  }
}
