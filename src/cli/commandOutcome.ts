import { CommanderError } from "commander";
import { isModelguardError, ModelguardError } from "../errors.js";

/**
 * How a command ended, as values (the CLI turns it into an exit code and stderr lines; the Action reads it as is):
 * `error` is the user's mistake with its code and hint (exit 2, or the error's own code such as a failed training
 * command's), `internalError` a bug of ours (exit 70); with neither, `exitCode` is 0, or 1 for a failed check without
 * --no-fail.
 */
export interface CommandOutcome {
  exitCode: number;
  error: ModelguardError | null;
  internalError: Error | null;
}

export function outcomeOfError(e: unknown): CommandOutcome {
  if (e instanceof CommanderError) {
    if (e.exitCode === 0) return { exitCode: 0, error: null, internalError: null };
    // commander has already written its message through the CLI's io; this is the same text as a value.
    return { exitCode: 2, error: new ModelguardError("usage", e.message.replace(/^error: /, "")), internalError: null };
  }
  if (isModelguardError(e)) return { exitCode: e.exitCode, error: e, internalError: null };
  return { exitCode: 70, error: null, internalError: e instanceof Error ? e : new Error(String(e)) };
}
