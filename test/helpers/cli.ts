import { spawnSync } from "node:child_process";
import { main } from "../../src/cli/main.js";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output. */
export async function runCli(...argv: string[]): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    out: (t) => (stdout += t.endsWith("\n") ? t : t + "\n"),
    err: (t) => (stderr += t.endsWith("\n") ? t : t + "\n"),
  });
  return { code, stdout, stderr };
}

/** Runs the built `modelguard` binary as a user would (npm test builds it first). */
export function runBin(...argv: string[]): CliResult {
  const r = spawnSync(process.execPath, ["bin/modelguard.js", ...argv], { encoding: "utf8" });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
