import { closeSync, fstatSync, mkdirSync, openSync, unlinkSync, writeFileSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { ModelguardError } from "./errors.js";

/**
 * Writes a result file, creating its directory first: `-o out/metrics.json` should work on a fresh checkout the way
 * every other CLI's output flag does. Failures become an `io` error that names the file.
 */
export function writeOutputFile(path: string, data: string | Uint8Array): void {
  try {
    ensureParentDir(path);
    writeFileSync(path, data);
  } catch (e) {
    throw outputError(path, e);
  }
}

/**
 * Writes a result file from pieces, so a large result (a profile of 100,000 columns is hundreds of MB of JSON) never
 * exists as one string, nor as that string's UTF-8 copy: pieces are gathered into writes of some 64K characters.
 *
 * The file is written in place, as writeOutputFile writes it: through a symbolic link (a dangling one creates its
 * target), keeping its permissions, and to /dev/stdout or a pipe (`-o >(cmd)`), which a temporary file renamed over
 * the path could not do. `parts` may be made as they are asked for (a schema inferred column by column), so its maker
 * may throw half way: then a regular file written so far is removed, so that no partial result is left to be taken
 * for a whole one (a truncated schema still parses), and the maker's error is thrown as it is. An error of the file
 * system becomes an `io` error that names the file.
 */
export function writeOutputFileParts(path: string, parts: Iterable<string>): void {
  const fd = onFileSystem(path, () => {
    ensureParentDir(path);
    return openSync(path, "w");
  });
  let open = true;
  try {
    let pending: string[] = [];
    let pendingLength = 0;
    for (const part of parts) {
      pending.push(part);
      pendingLength += part.length;
      if (pendingLength >= 1 << 16) {
        const text = pending.join("");
        pending = [];
        pendingLength = 0;
        onFileSystem(path, () => writeAll(fd, text));
      }
    }
    if (pendingLength > 0) onFileSystem(path, () => writeAll(fd, pending.join("")));
    open = false;
    onFileSystem(path, () => closeSync(fd));
  } catch (e) {
    if (open) {
      const partial = isRegularFile(fd);
      closeQuietly(fd);
      if (partial) removeQuietly(path);
    }
    throw e;
  }
}

function isRegularFile(fd: number): boolean {
  try {
    return fstatSync(fd).isFile();
  } catch {
    return false;
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone, or not ours to remove: the error being thrown says what failed
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // the error being thrown says more
  }
}

/** Runs a file system call for the output `path`, its errors as an `io` error naming the path. */
function onFileSystem<T>(path: string, call: () => T): T {
  try {
    return call();
  } catch (e) {
    throw outputError(path, e);
  }
}

/** Writes all of `text`: a write may take fewer bytes than it was given (a full disk takes what fits first). */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, "utf8");
  for (let at = 0; at < bytes.length;) {
    const written = writeSync(fd, bytes, at, bytes.length - at);
    if (written <= 0) throw new Error(`wrote ${at} of ${bytes.length} bytes, then nothing more`);
    at += written;
  }
}

/** Creates the directory a file is about to be written into (no-op when it exists). */
export function ensureParentDir(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
}

function outputError(path: string, e: unknown): ModelguardError {
  return new ModelguardError(
    "io",
    `cannot write ${path}: ${(e as Error).message}`,
    "check that the path is a writable location (not an existing directory or a read-only mount)",
    { file: path },
  );
}
