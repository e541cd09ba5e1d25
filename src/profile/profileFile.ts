import { readFileSync } from "node:fs";
import { writeOutputFile } from "../outputFile.js";
import { ModelguardError } from "../errors.js";
import { validateContract } from "../contracts/validateContract.js";
import type { ReferenceProfile } from "./referenceProfile.js";

/**
 * True when a reference names a profile rather than a dataset, so a profile can stand in for any reference file.
 * By extension alone: `.json` is never a data format we load (JSON Lines is `.jsonl`), so a missing or broken
 * `profile.json` is reported as a profile problem instead of "cannot tell the data format".
 */
export function isProfilePath(path: string): boolean {
  return path.toLowerCase().endsWith(".json");
}

export function readProfile(path: string): ReferenceProfile {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ModelguardError(
      "profile",
      code === "ENOENT" ? `profile not found: ${path}` : `${path} is not valid JSON: ${(e as Error).message}`,
      "make one with `modelguard profile --data FILE -o profile.json`",
      { file: path },
    );
  }
  const kind = (value as { kind?: unknown } | null)?.kind;
  if (kind !== "modelguard.profile") {
    throw new ModelguardError(
      "profile",
      `${path} is not a modelguard profile (kind is ${JSON.stringify(kind)})`,
      "make one with `modelguard profile`",
      { file: path },
    );
  }
  const version = (value as { version?: unknown }).version;
  if (version !== 1) {
    throw new ModelguardError(
      "profile",
      `${path} has profile version ${JSON.stringify(version)}; this modelguard reads version 1`,
      "rebuild it with this version of `modelguard profile`",
      { file: path },
    );
  }
  const problems = validateContract("profile.schema.json", value);
  if (problems.length > 0) {
    throw new ModelguardError(
      "profile",
      `${path} is not a valid profile: ${problems.slice(0, 5).join("; ")}`,
      "rebuild it with `modelguard profile`; profiles are not meant to be edited by hand",
      { file: path },
    );
  }
  return value as ReferenceProfile;
}

export function writeProfile(path: string, profile: ReferenceProfile): void {
  writeOutputFile(path, JSON.stringify(profile) + "\n");
}
