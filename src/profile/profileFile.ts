import { readFileSync } from "node:fs";
import { writeOutputFile } from "../outputFile.js";
import { ModelguardError } from "../errors.js";
import { contractNumber, stringifyContract } from "../contracts/contractJson.js";
import { validateContract } from "../contracts/validateContract.js";
import { checkProfile } from "./checkProfile.js";
import type { ColumnProfile, ReferenceProfile } from "./referenceProfile.js";

/**
 * True when a reference names a profile rather than a dataset, so a profile can stand in for any reference file.
 * By extension alone: `.json` is never a data format we load (JSON Lines is `.jsonl`), so a missing or broken
 * `profile.json` is reported as a profile problem instead of "cannot tell the data format".
 */
export function isProfilePath(path: string): boolean {
  return path.toLowerCase().endsWith(".json");
}

/**
 * Reads and checks a profile: the JSON Schema (types and bounds), then what a schema cannot say (counts that add up,
 * sketches within their key range, bins that fit). A profile that fails is an input error naming the bad field.
 * Column names are data: `columns` comes back as an object without a prototype, so `__proto__` or `constructor`
 * are names like any other.
 */
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
  if (problems.length === 0) {
    const profile = reviveProfile(value as ReferenceProfile);
    const problem = checkProfile(profile);
    if (problem === null) return profile;
    problems.push(problem);
  }
  throw new ModelguardError(
    "profile",
    `${path} is not a valid profile: ${problems.slice(0, 5).join("; ")}`,
    "rebuild it with `modelguard profile`; profiles are not meant to be edited by hand",
    { file: path },
  );
}

/** Columns in an object without a prototype, and the numbers written as "Infinity" read back as numbers. */
function reviveProfile(p: ReferenceProfile): ReferenceProfile {
  const columns: Record<string, ColumnProfile> = Object.create(null) as Record<string, ColumnProfile>;
  for (const name of Object.keys(p.columns)) {
    const c = p.columns[name]!;
    if (c.kind === "numeric") {
      const quantiles = { ...c.quantiles };
      for (const k of Object.keys(quantiles) as (keyof typeof quantiles)[])
        quantiles[k] = contractNumber(quantiles[k]) as number | null;
      columns[name] = {
        ...c,
        m2: contractNumber(c.m2) as number,
        std: contractNumber(c.std) as number | null,
        quantiles,
      };
    } else {
      columns[name] = c;
    }
  }
  return { ...p, columns };
}

/** Writes a profile; infinite numbers as the strings "Infinity" / "-Infinity" (see stringifyContract). */
export function writeProfile(path: string, profile: ReferenceProfile): void {
  writeOutputFile(path, stringifyContract(profile) + "\n");
}
