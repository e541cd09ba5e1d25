import { mkdirSync, statSync } from "node:fs";
import { ModelguardError } from "../src/errors.js";

/**
 * Creates the monitor's state directory (`state` in monitor.yml) when missing; a path that exists but is not a
 * directory, or that cannot be created, is a config error naming it rather than a stack trace.
 */
export function ensureStateDirectory(path: string): void {
  try {
    mkdirSync(path, { recursive: true });
    if (!statSync(path).isDirectory()) throw Object.assign(new Error("not a directory"), { code: "ENOTDIR" });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST" || code === "ENOTDIR") {
      throw new ModelguardError(
        "config",
        `state: ${path} is not a directory (monitor.yml \`state\`)`,
        "set `state` to a directory the monitor may write to (it is created when missing), or move that file away",
      );
    }
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
      throw new ModelguardError(
        "config",
        `state: cannot create or use ${path} (${code}) (monitor.yml \`state\`)`,
        "give the monitor's user write access there, or set `state` to a writable directory (a volume in a container)",
      );
    }
    throw e;
  }
}
