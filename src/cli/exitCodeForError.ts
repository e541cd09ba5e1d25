import { CommanderError } from "commander";
import { formatLocation, isModelguardError } from "../errors.js";
import type { CliIO } from "./io.js";

/**
 * Prints what went wrong and returns the exit code: 2 for usage and input mistakes (message and hint, no stack
 * trace), the error's own code where it has one (a failed training command), 70 for a bug of ours (with the stack,
 * so it can be reported). Many messages already start with the file they are about: the location prefix then leaves
 * the file out instead of printing it twice.
 */
export function exitCodeForError(e: unknown, io: CliIO): number {
  if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
  if (isModelguardError(e)) {
    const loc = e.location;
    const named = loc?.file !== undefined && e.message.startsWith(loc.file);
    const where = loc ? formatLocation(named ? { ...loc, file: undefined } : loc) : "";
    io.err(`modelguard: error: ${where ? `${where}: ` : ""}${e.message}`);
    if (e.hint) io.err(`  hint: ${e.hint}`);
    return e.exitCode;
  }
  io.err(`modelguard: internal error: ${(e as Error).stack ?? String(e)}`);
  return 70;
}
