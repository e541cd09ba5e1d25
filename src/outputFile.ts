import { randomBytes } from "node:crypto";
import {
  closeSync,
  fchmodSync,
  mkdirSync,
  openSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
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
 * `parts` may be made as they are asked for (a schema inferred column by column), so the file may take a while and
 * its maker may throw half way: the pieces go to a temporary file beside it, renamed over it at the end, so the file
 * is either what it was or the whole result, as writeOutputFile leaves it. An error of `parts` is thrown as it is
 * (the temporary file removed); an error of the file system becomes an `io` error that names the file. A path that
 * is not a regular file (/dev/stdout, a named pipe) is written in place.
 */
export function writeOutputFileParts(path: string, parts: Iterable<string>): void {
  const target = onFileSystem(path, () => replacementFor(path));
  const fd = onFileSystem(path, () => openSync(target.temp ?? path, target.temp === undefined ? "w" : "wx"));
  let open = true;
  try {
    if (target.mode !== undefined) onFileSystem(path, () => fchmodSync(fd, target.mode!));
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
    if (target.temp !== undefined) onFileSystem(path, () => renameSync(target.temp!, target.final));
  } catch (e) {
    if (open) closeQuietly(fd);
    if (target.temp !== undefined) removeQuietly(target.temp);
    throw e;
  }
}

interface Replacement {
  /** The file the result replaces: `path`, or the file its symbolic links lead to. */
  final: string;
  /** The temporary file beside it that takes the result first; undefined to write `path` in place. */
  temp?: string;
  /** The permissions of the file replaced, kept. */
  mode?: number;
}

function replacementFor(path: string): Replacement {
  ensureParentDir(path);
  let final = path;
  let mode: number | undefined;
  try {
    final = realpathSync(path);
    const stat = statSync(final);
    // A device or a pipe cannot be replaced by a rename, and a directory fails as an error naming the path.
    if (!stat.isFile()) return { final: path };
    mode = stat.mode & 0o7777;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  const temp = join(dirname(final), `.${basename(final)}.${process.pid}-${randomBytes(6).toString("hex")}.tmp`);
  return mode === undefined ? { final, temp } : { final, temp, mode };
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone, or the directory went with it: nothing is left to clean up
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
