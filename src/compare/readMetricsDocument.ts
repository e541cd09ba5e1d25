import { ModelguardError } from "../errors.js";
import { readBoundedTextFile } from "../readBoundedTextFile.js";
import { isGitSpec, readGitFile } from "./readGitFile.js";
import { validateContract } from "../contracts/validateContract.js";
import { reviveMetricsDocument, type MetricsDocument } from "../model/evaluate/metricsDocument.js";

/** A metrics.json is a few kilobytes; the same bound as a baseline read from git (its maxBuffer). */
export const MAX_METRICS_FILE_BYTES = 64 * 1024 * 1024;

const MAKE_ONE = "make one with `modelguard evaluate ... -o metrics.json`";

/**
 * Reads a metrics.json from a path, or from git history with `git:REF:PATH` (e.g. git:origin/main:ml/metrics.json),
 * so the production baseline can be whatever main last recorded.
 */
export function readMetricsDocument(spec: string, cwd = process.cwd()): MetricsDocument {
  let text: string;
  if (isGitSpec(spec)) {
    text = readGitFile(spec, MAX_METRICS_FILE_BYTES, "--baseline", cwd).toString("utf8");
  } else {
    text = readMetricsText(spec);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ModelguardError("input", `${spec} is not valid JSON: ${(e as Error).message}`, "", { file: spec });
  }
  const problems = validateContract("metrics.schema.json", value);
  if (problems.length > 0) {
    throw new ModelguardError(
      "input",
      `${spec} is not a modelguard metrics file: ${problems.slice(0, 3).join("; ")}`,
      "make one with `modelguard evaluate ... -o metrics.json`",
      { file: spec },
    );
  }
  return reviveMetricsDocument(value as MetricsDocument);
}

/** The file's text; a directory, a device or pipe, or a file over MAX_METRICS_FILE_BYTES is refused before reading. */
function readMetricsText(path: string): string {
  const fail = (message: string, hint = MAKE_ONE) => new ModelguardError("input", message, hint, { file: path });
  return readBoundedTextFile(path, MAX_METRICS_FILE_BYTES, (why) => {
    switch (why.reason) {
      case "missing":
        return fail(`metrics file not found: ${path}`);
      case "directory":
        return fail(`${path} is a directory, not a metrics file`, "pass the metrics.json file itself");
      case "not-a-file":
        return fail(`${path} is not a regular file`, "pass the metrics.json file itself");
      case "too-large":
        return fail(
          `${path} is ${why.size} bytes, more than the ${MAX_METRICS_FILE_BYTES / 1024 / 1024} MiB a metrics file may be`,
          "check that the path names the metrics.json `modelguard evaluate -o` wrote",
        );
      case "io":
        return fail(`cannot read ${path}: ${why.message}`);
    }
  });
}
