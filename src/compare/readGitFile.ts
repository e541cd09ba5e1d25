import { execFileSync } from "node:child_process";
import { ModelguardError } from "../errors.js";

/** Whether a spec names a file in git history (`git:REF:PATH`) rather than a path. */
export function isGitSpec(spec: string): boolean {
  return spec.startsWith("git:");
}

/**
 * The bytes of PATH at REF from `git:REF:PATH` (e.g. git:origin/main:ml/metrics.json), at most `maxBytes`, so a
 * baseline can be whatever main last recorded. `flag` names the option in messages.
 */
export function readGitFile(spec: string, maxBytes: number, flag: string, cwd = process.cwd()): Buffer {
  const example = flag === "--baseline" ? "git:origin/main:ml/metrics.json" : "git:origin/main:ml/model.onnx";
  const rest = spec.slice(4);
  const colon = rest.indexOf(":");
  if (colon <= 0 || colon === rest.length - 1) {
    throw new ModelguardError("usage", `'${spec}' is not git:REF:PATH`, `e.g. ${flag} ${example}`);
  }
  const ref = rest.slice(0, colon);
  const path = rest.slice(colon + 1);
  // A ref cannot start with '-' (git check-ref-format); to git it would be an option, e.g. --output=FILE.
  if (ref.startsWith("-")) {
    throw new ModelguardError(
      "usage",
      `'${spec}': the ref '${ref}' starts with '-', which no git ref does`,
      `e.g. ${flag} ${example}`,
    );
  }
  try {
    // --end-of-options: whatever the spec holds, git reads it as a revision, never as an option.
    return execFileSync("git", ["show", "--end-of-options", `${ref}:${path}`], {
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: maxBytes,
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOBUFS") {
      throw new ModelguardError(
        "input",
        `${path} at ${ref} is larger than ${maxBytes} bytes`,
        `check the path in ${flag}`,
      );
    }
    const stderr = ((e as { stderr?: Buffer }).stderr ?? Buffer.alloc(0)).toString().trim().split("\n")[0];
    throw new ModelguardError(
      "input",
      `cannot read ${path} at ${ref} from git: ${stderr || (e as Error).message}`,
      "in GitHub Actions the checkout is shallow: use actions/checkout with fetch-depth: 0 (or git fetch origin main) so the ref exists",
    );
  }
}
