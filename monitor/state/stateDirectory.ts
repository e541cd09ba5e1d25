import { mkdirSync, statSync } from "node:fs";
import { ModelguardError } from "../../src/errors.js";

/**
 * Creates the monitor's state directory (`state` in monitor.yml) when missing; a path that exists but is not a
 * directory, or that cannot be created, is a config error naming it rather than a stack trace.
 */
export function ensureStateDirectory(path: string): void {
  ensureDirectory(path, "config", {
    notDirectory: [
      `state: ${path} is not a directory (monitor.yml \`state\`)`,
      "set `state` to a directory the monitor may write to (it is created when missing), or move that file away",
    ],
    denied: (code) => [
      `state: cannot create or use ${path} (${code}) (monitor.yml \`state\`)`,
      "give the monitor's user write access there, or set `state` to a writable directory (a volume in a container)",
    ],
  });
}

/**
 * Creates a directory the monitor keeps inside its state directory (`journal`, `windows`) when missing. Something
 * else at that path was put there from outside: an input error naming the path, never overwritten or removed.
 */
export function ensureStateSubdirectory(path: string, holds: string): void {
  ensureDirectory(path, "input", {
    notDirectory: [
      `${path} is not a directory: the monitor keeps ${holds} there`,
      `move that file away (the monitor creates the directory when missing), or restore the directory from a backup`,
    ],
    denied: (code) => [
      `cannot create or use ${path} (${code}), where the monitor keeps ${holds}`,
      "give the monitor's user write access to its state directory and everything in it",
    ],
  });
}

function ensureDirectory(
  path: string,
  code: "config" | "input",
  messages: { notDirectory: [string, string]; denied: (code: string) => [string, string] },
): void {
  try {
    mkdirSync(path, { recursive: true });
    if (!statSync(path).isDirectory()) throw Object.assign(new Error("not a directory"), { code: "ENOTDIR" });
  } catch (e) {
    const errno = (e as NodeJS.ErrnoException).code;
    if (errno === "EEXIST" || errno === "ENOTDIR") throw new ModelguardError(code, ...messages.notDirectory);
    if (errno === "EACCES" || errno === "EPERM" || errno === "EROFS")
      throw new ModelguardError(code, ...messages.denied(errno));
    throw e;
  }
}
