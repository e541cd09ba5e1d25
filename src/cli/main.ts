import { Command } from "commander";
import { outcomeOfError, type CommandOutcome } from "./commandOutcome.js";
import { exitCodeForError } from "./exitCodeForError.js";
import { processIO, type CliIO } from "./io.js";
import { VERSION } from "../version.js";
/**
 * Builds the `modelguard` program. Each command module adds itself; results flow back as exit codes. Only the module
 * of the command being run is loaded (every one for help or an unknown command, none for the version): a command then pays for
 * its own imports alone, not the monitor's Redis and Prometheus clients or the GitHub client (about half a second of
 * start-up CPU on this project's 2-core test machine).
 */
export async function buildProgram(
  io: CliIO,
  argv: readonly string[] = [],
): Promise<{ program: Command; exit: { code: number } }> {
  const exit = { code: 0 };
  const program = new Command("modelguard")
    .description("Data tests, drift, model evaluation and gates for ML pull requests, and a drift monitor.")
    .version(VERSION)
    .showHelpAfterError("(run with --help for usage)")
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  const named = argv[0] !== undefined ? COMMAND_MODULE.get(argv[0]) : undefined;
  // The version needs no command: loading every one (onnxruntime's binding among them) made `--version` 100 MB.
  const modules = named ? [named] : VERSION_FLAGS.has(argv[0] ?? "") ? [] : [...new Set(COMMAND_MODULE.values())];
  for (const load of modules) (await load())(program, io, exit);
  return { program, exit };
}

export type RegisterCommand = (program: Command, io: CliIO, exit: { code: number }) => void;

type LoadCommand = () => Promise<RegisterCommand>;
const VERSION_FLAGS = new Set(["--version", "-V"]);
const validate: LoadCommand = async () => (await import("./commands/validate.js")).registerValidate;
const monitor: LoadCommand = async () => (await import("./commands/monitor.js")).registerMonitor;

/** Top-level command name -> its module's register function, in help order. */
const COMMAND_MODULE = new Map<string, LoadCommand>([
  ["validate", validate],
  ["schema", validate],
  ["profile", async () => (await import("./commands/profile.js")).registerProfile],
  ["drift", async () => (await import("./commands/drift.js")).registerDrift],
  ["train", async () => (await import("./commands/train.js")).registerTrain],
  ["evaluate", async () => (await import("./commands/evaluate.js")).registerEvaluate],
  ["calibrate", async () => (await import("./commands/calibrate.js")).registerCalibrate],
  ["compare", async () => (await import("./commands/compare.js")).registerCompare],
  ["report", async () => (await import("./commands/report.js")).registerReport],
  ["monitor", monitor],
  ["promote", async () => (await import("./commands/promote.js")).registerPromote],
  ["registry", async () => (await import("./commands/registry.js")).registerRegistry],
]);

/** Runs the CLI and returns the exit code: 0 ok, 1 a check failed, 2 bad usage or unreadable input. */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  try {
    const { program, exit } = await buildProgram(io, argv);
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
  try {
    const { program, exit } = await buildProgram(io, argv);
    await program.parseAsync(argv, { from: "user" });
    return { exitCode: exit.code, error: null, internalError: null };
  } catch (e) {
    return outcomeOfError(e);
  }
}
