import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { ModelguardError } from "../errors.js";
import { validateContract } from "../contracts/validateContract.js";
import { reviveMetricsDocument, type MetricsDocument } from "../model/evaluate/metricsDocument.js";

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
        maxBuffer: 64 << 20,
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
    try {
      text = readFileSync(spec, "utf8");
    } catch (e) {
      const missing = (e as NodeJS.ErrnoException).code === "ENOENT";
      throw new ModelguardError(
        "input",
        missing ? `metrics file not found: ${spec}` : `cannot read ${spec}: ${(e as Error).message}`,
        "make one with `modelguard evaluate ... -o metrics.json`",
        { file: spec },
      );
    }
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
