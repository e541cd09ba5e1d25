import type { CliIO } from "../cli/io.js";

/**
 * Runs one CLI invocation through the CLI's own `main()`. onnxruntime-node is imported only when a command opens a
 * model (src/model/evaluate/loadOnnxModel.ts), so steps that never run one (validate, drift, train, report) work
 * without it, and evaluate/compare find it once ensureOnnxRuntime has installed it.
 */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const { main } = await import("../cli/main.js");
  return main(argv, io);
}
