import { ModelguardError } from "../errors.js";

/**
 * A model name is part of a git tag (`modelguard/NAME/vN`), a deployment environment (`model/NAME`), a file name and
 * a directory: letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64 characters, and not
 * ending in ".lock" or "." (git refuses those in a ref).
 */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** Versions are numbered from 1; a bound keeps tags and file names short. */
export const MAX_VERSION_NUMBER = 999_999;

/** Which version of a model: a number, or whatever production points at. */
export interface ModelVersionSpec {
  name: string;
  version: number | "production";
}

export function checkModelName(name: string, what = "the model name"): string {
  if (!NAME.test(name) || name.endsWith(".lock") || name.endsWith(".") || name.includes("..")) {
    throw new ModelguardError(
      "usage",
      `${what} must be 1-64 letters, digits, '.', '_' or '-' starting with a letter or digit, got ${JSON.stringify(
        name.slice(0, 80),
      )}`,
      "e.g. --name churn-classifier (the name becomes part of git tags and file names)",
    );
  }
  return name;
}

/** "churn", "churn@v3", "churn@production" (the bare name means production). */
export function parseModelVersionSpec(spec: string): ModelVersionSpec {
  const at = spec.indexOf("@");
  const name = checkModelName(at < 0 ? spec : spec.slice(0, at));
  if (at < 0) return { name, version: "production" };
  const v = spec.slice(at + 1);
  if (v === "production") return { name, version: "production" };
  const m = /^v([1-9][0-9]{0,5})$/.exec(v);
  if (!m) {
    throw new ModelguardError(
      "usage",
      `'${spec.slice(0, 80)}': the version after '@' must be vN (e.g. v3) or 'production'`,
      `e.g. ${name}@v3, ${name}@production, or ${name} (production)`,
    );
  }
  return { name, version: Number(m[1]) };
}

export function formatVersion(n: number): string {
  return `v${n}`;
}

/** The git tag of a version, which is also the release's tag on GitHub. */
export function versionTag(name: string, n: number): string {
  return `modelguard/${name}/v${n}`;
}

/** The deployment environment a GitHub promotion deploys to. */
export function deploymentEnvironment(name: string): string {
  return `model/${name}`;
}
