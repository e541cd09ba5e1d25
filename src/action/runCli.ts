import { Command } from "commander";
import type { CliIO } from "../cli/io.js";
import { exitCodeForError } from "../cli/exitCodeForError.js";

/**
 * Runs one CLI invocation. Commands that run ONNX models go through the CLI's own `main()` (src/cli/main.ts), whose
 * module graph imports onnxruntime-node, so it is imported only after ensureOnnxRuntime. The others (validate,
 * drift, train, report) use a program with just their commands, whose modules never import onnxruntime-node: a
 * validate step never installs it. Errors map to exit codes as in main(), through exitCodeForError.
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
    return exitCodeForError(e, io);
  }
}
