import { Command } from "commander";
import { outcomeOfError, type CommandOutcome } from "./commandOutcome.js";
import { exitCodeForError } from "./exitCodeForError.js";
import { processIO, type CliIO } from "./io.js";
import { VERSION } from "../version.js";
import { registerDrift } from "./commands/drift.js";
import { registerProfile } from "./commands/profile.js";
import { registerCompare } from "./commands/compare.js";
import { registerEvaluate } from "./commands/evaluate.js";
import { registerCalibrate } from "./commands/calibrate.js";
import { registerMonitor } from "./commands/monitor.js";
import { registerPromote } from "./commands/promote.js";
import { registerRegistry } from "./commands/registry.js";
import { registerReport } from "./commands/report.js";
import { registerTrain } from "./commands/train.js";
import { registerValidate } from "./commands/validate.js";

/** Builds the `modelguard` program. Each command module adds itself; results flow back as exit codes. */
export function buildProgram(io: CliIO): { program: Command; exit: { code: number } } {
  const exit = { code: 0 };
  const program = new Command("modelguard")
    .description("Data tests, drift, model evaluation and gates for ML pull requests, and a drift monitor.")
    .version(VERSION)
    .showHelpAfterError("(run with --help for usage)")
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  for (const register of commands) register(program, io, exit);
  return { program, exit };
}

export type RegisterCommand = (program: Command, io: CliIO, exit: { code: number }) => void;

const commands: RegisterCommand[] = [
  registerValidate,
  registerProfile,
  registerDrift,
  registerTrain,
  registerEvaluate,
  registerCalibrate,
  registerCompare,
  registerReport,
  registerMonitor,
  registerPromote,
  registerRegistry,
];

/** Runs the CLI and returns the exit code: 0 ok, 1 a check failed, 2 bad usage or unreadable input. */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const { program, exit } = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: "user" });
    return exit.code;
  } catch (e) {
    return exitCodeForError(e, io);
  }
}

/**
 * Runs a command for a caller in the same process (the Action): the same program as `main`, but how it ended comes
 * back as a value, and its results through `io.result`, so nothing is read back from the text it printed. Errors are
 * not printed (commander's own usage messages aside, which it writes through `io.err` before throwing).
 */
export async function runCommand(argv: string[], io: CliIO): Promise<CommandOutcome> {
  const { program, exit } = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: "user" });
    return { exitCode: exit.code, error: null, internalError: null };
  } catch (e) {
    return outcomeOfError(e);
  }
}
