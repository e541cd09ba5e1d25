import { Command, CommanderError } from "commander";
import type { CliIO } from "../cli/io.js";
import { formatLocation, isModelguardError } from "../errors.js";

/**
 * Runs one CLI invocation. Commands that run ONNX models go through the CLI's own `main()` (src/cli/main.ts), whose
 * module graph imports onnxruntime-node, so it is imported only after ensureOnnxRuntime. The others (validate,
 * drift, train, report) use a program with just their commands, whose modules never import onnxruntime-node: a
 * validate step never installs it. The error mapping is main()'s: 2 for a user error, 70 for a bug.
 */
export async function runCli(argv: string[], io: CliIO, onnx: boolean): Promise<number> {
  if (onnx) {
    const { main } = await import("../cli/main.js");
    return main(argv, io);
  }
  const [{ registerValidate }, { registerDrift }, { registerTrain }, { registerReport }, { VERSION }] =
    await Promise.all([
      import("../cli/commands/validate.js"),
      import("../cli/commands/drift.js"),
      import("../cli/commands/train.js"),
      import("../cli/commands/report.js"),
      import("../version.js"),
    ]);
  const exit = { code: 0 };
  const program = new Command("modelguard")
    .version(VERSION)
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  registerValidate(program, io, exit);
  registerDrift(program, io, exit);
  registerTrain(program, io);
  registerReport(program, io);
  try {
    await program.parseAsync(argv, { from: "user" });
    return exit.code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (isModelguardError(e)) {
      const where = e.location ? `${formatLocation(e.location)}: ` : "";
      io.err(`modelguard: error: ${where}${e.message}`);
      if (e.hint) io.err(`  hint: ${e.hint}`);
      return e.exitCode;
    }
    io.err(`modelguard: internal error: ${(e as Error).stack ?? String(e)}`);
    return 70;
  }
}
