import { execFileSync } from "node:child_process";
import { ModelguardError } from "../errors.js";
import { readBoundedTextFile } from "../readBoundedTextFile.js";
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
  if (spec.startsWith("git:")) {
    const rest = spec.slice(4);
    const colon = rest.indexOf(":");
    if (colon <= 0 || colon === rest.length - 1) {
      throw new ModelguardError(
        "usage",
        `'${spec}' is not git:REF:PATH`,
        "e.g. --baseline git:origin/main:ml/metrics.json",
      );
    }
    const ref = rest.slice(0, colon);
    const path = rest.slice(colon + 1);
    // A ref cannot start with '-' (git check-ref-format); to git it would be an option, e.g. --output=FILE.
    if (ref.startsWith("-")) {
      throw new ModelguardError(
        "usage",
        `'${spec}': the ref '${ref}' starts with '-', which no git ref does`,
        "e.g. --baseline git:origin/main:ml/metrics.json",
      );
    }
    try {
      // --end-of-options: whatever the spec holds, git reads it as a revision, never as an option.
      text = execFileSync("git", ["show", "--end-of-options", `${ref}:${path}`], {
        cwd,
        stdio: ["ignore", "pipe", "pipe"],
        maxBuffer: MAX_METRICS_FILE_BYTES,
      }).toString("utf8");
    } catch (e) {
      const stderr = ((e as { stderr?: Buffer }).stderr ?? Buffer.alloc(0)).toString().trim().split("\n")[0];
      throw new ModelguardError(
        "input",
        `cannot read ${path} at ${ref} from git: ${stderr || (e as Error).message}`,
        "in GitHub Actions the checkout is shallow: use actions/checkout with fetch-depth: 0 (or git fetch origin main) so the ref exists",
      );
    }
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
