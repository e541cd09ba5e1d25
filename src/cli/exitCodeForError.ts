import { CommanderError } from "commander";
import { isModelguardError, locatedMessage } from "../errors.js";
import type { CliIO } from "./io.js";

/**
 * Prints what went wrong and returns the exit code: 2 for usage and input mistakes (message and hint, no stack
 * trace), the error's own code where it has one (a failed training command), 70 for a bug of ours (with the stack,
 * so it can be reported). The location is printed once: most messages already start with it (see locatedMessage).
 */
export function exitCodeForError(e: unknown, io: CliIO): number {
  if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
  if (isModelguardError(e)) {
    io.err(`modelguard: error: ${locatedMessage(e.message, e.location)}`);
    if (e.hint) io.err(`  hint: ${e.hint}`);
    return e.exitCode;
  }
  io.err(`modelguard: internal error: ${(e as Error).stack ?? String(e)}`);
  return 70;
}
