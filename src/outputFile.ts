import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
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
 */
export function writeOutputFileParts(path: string, parts: Iterable<string>): void {
  let fd: number | undefined;
  try {
    ensureParentDir(path);
    fd = openSync(path, "w");
    let pending: string[] = [];
    let pendingLength = 0;
    for (const part of parts) {
      pending.push(part);
      pendingLength += part.length;
      if (pendingLength >= 1 << 16) {
        writeAll(fd, pending.join(""));
        pending = [];
        pendingLength = 0;
      }
    }
    if (pendingLength > 0) writeAll(fd, pending.join(""));
  } catch (e) {
    throw outputError(path, e);
  } finally {
    if (fd !== undefined) closeSync(fd);
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
