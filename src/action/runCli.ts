import type { CommandOutcome } from "../cli/commandOutcome.js";
import type { CliIO } from "../cli/io.js";

/**
 * Runs one CLI invocation in-process through the CLI's own program (`runCommand`): how it ended comes back as a
 * CommandOutcome and its results through `io.result`. onnxruntime-node is imported only when a command opens a model
 * (src/model/evaluate/loadOnnxModel.ts), so steps that never run one (validate, drift, train, report) work without
 * it, and evaluate/compare find it once ensureOnnxRuntime has installed it.
 */
export async function runCli(argv: string[], io: CliIO): Promise<CommandOutcome> {
  const { runCommand } = await import("../cli/main.js");
  return runCommand(argv, io);
}
