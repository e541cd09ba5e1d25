import { mkdirSync, writeFileSync } from "node:fs";
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
