import { writeOutputFileParts } from "../outputFile.js";
import { ModelguardError } from "../errors.js";
import { readBoundedTextFile } from "../readBoundedTextFile.js";
import { contractNumber, stringifyContract } from "../contracts/contractJson.js";
import { validateContract } from "../contracts/validateContract.js";
import { checkProfile } from "./checkProfile.js";
import { SketchStoreJson } from "./quantileSketch.js";
import {
  PROFILE_VERSION,
  READABLE_PROFILE_VERSIONS,
  type ColumnProfile,
  type ReferenceProfile,
} from "./referenceProfile.js";

/**
 * Profiles are a few kilobytes to megabytes per column. V8 holds no string much over 512 MiB, so a larger file could
 * not be parsed anyway: it is refused by its size rather than failing in the middle of reading.
 */
export const MAX_PROFILE_BYTES = 500 * 1024 * 1024;

const MAKE_ONE = "make one with `modelguard profile --data FILE -o profile.json`";

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
  const text = readProfileText(path);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ModelguardError("profile", `${path} is not valid JSON: ${(e as Error).message}`, MAKE_ONE, {
      file: path,
    });
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
  if (typeof version !== "number" || !READABLE_PROFILE_VERSIONS.includes(version)) {
    throw new ModelguardError(
      "profile",
      `${path} has profile version ${JSON.stringify(version)}; this modelguard reads versions ${READABLE_PROFILE_VERSIONS.join(" and ")}`,
      "rebuild it with this version of `modelguard profile`",
      { file: path },
    );
  }
  const problems = validateContract("profile.schema.json", value);
  if (problems.length === 0) {
    const revived = reviveProfile(value as StoredProfile);
    if (typeof revived === "string") problems.push(revived);
    else {
      const problem = checkProfile(revived);
      if (problem === null) return revived;
      problems.push(problem);
    }
  }
  throw new ModelguardError(
    "profile",
    `${path} is not a valid profile: ${problems.slice(0, 5).join("; ")}`,
    "rebuild it with `modelguard profile`; profiles are not meant to be edited by hand",
    { file: path },
  );
}

/** The file's text; a directory, a device or pipe, or a file over MAX_PROFILE_BYTES is refused before reading. */
function readProfileText(path: string): string {
  const fail = (message: string, hint = MAKE_ONE) => new ModelguardError("profile", message, hint, { file: path });
  return readBoundedTextFile(path, MAX_PROFILE_BYTES, (why) => {
    switch (why.reason) {
      case "missing":
        return fail(`profile not found: ${path}`);
      case "directory":
        return fail(`${path} is a directory, not a profile`, "pass the profile JSON file itself, e.g. profile.json");
      case "not-a-file":
        return fail(`${path} is not a regular file`, "pass the profile JSON file itself, e.g. profile.json");
      case "too-large":
        return fail(
          `${path} is ${why.size} bytes, more than the ${MAX_PROFILE_BYTES / 1024 / 1024} MiB a profile may be`,
          "check that the path names a profile written by `modelguard profile`",
        );
      case "io":
        return fail(`cannot read ${path}: ${why.message}`);
    }
  });
}

/** A profile as a file holds it: of a version readProfile reads, its sketch stores in that version's form. */
type StoredProfile = Omit<ReferenceProfile, "version"> & { version: number };

/**
 * Columns in an object without a prototype, numbers written as "Infinity" read back as numbers, and sketch stores in
 * their in-memory form (their occupied buckets), whichever version wrote them: the result is a profile of the current
 * version. A version 1 store has no skips, so a negative count there is a problem (returned as "path: what").
 */
function reviveProfile(p: StoredProfile): ReferenceProfile | string {
  const columns: Record<string, ColumnProfile> = Object.create(null) as Record<string, ColumnProfile>;
  for (const name of Object.keys(p.columns)) {
    const c = reviveColumn(p.columns[name]!, p.version);
    if (typeof c === "string") return `columns.${name}.${c}`;
    columns[name] = c;
  }
  return { ...p, version: PROFILE_VERSION, columns };
}

/**
 * One column of reviveProfile, in place (the parsed value is ours, and a copy of every column would hold a wide
 * profile twice for a while): the column, or its problem as "field: what".
 */
export function reviveColumn(c: ColumnProfile, version: number): ColumnProfile | string {
  if (c.kind !== "numeric") return c;
  const quantiles = c.quantiles;
  for (const k of Object.keys(quantiles) as (keyof typeof quantiles)[])
    quantiles[k] = contractNumber(quantiles[k]) as number | null;
  for (const side of ["positive", "negative"] as const) {
    if (version === 1 && c.sketch[side].counts.some((n) => n < 0))
      return `sketch.${side}.counts: a negative count in a version 1 profile`;
  }
  c.m2 = contractNumber(c.m2) as number;
  c.std = contractNumber(c.std) as number | null;
  c.sketch.positive = SketchStoreJson.fromContract(c.sketch.positive);
  c.sketch.negative = SketchStoreJson.fromContract(c.sketch.negative);
  return c;
}

/**
 * Writes a profile; infinite numbers as the strings "Infinity" / "-Infinity" (see stringifyContract). Column by
 * column: the file is the same bytes as stringifyContract(profile) + "\n", but a wide profile is never one string.
 */
export function writeProfile(path: string, profile: ReferenceProfile): void {
  writeProfileParts(path, wholeProfileParts(profile));
}

/**
 * A profile as its fields and its columns one after the other. `columns` may be profiled as it is iterated (see
 * profileDatasetParts), so a wide profile is written without ever being held: it is iterable once.
 */
export interface ProfileParts {
  /** Every field; `columns`, when present, is only where the columns go in the key order (last otherwise). */
  fields: Omit<ReferenceProfile, "columns">;
  columns: Iterable<[string, ColumnProfile]>;
}

/** The parts of a profile held whole: its own columns, in their key order. */
export function wholeProfileParts(profile: ReferenceProfile): ProfileParts {
  return {
    fields: profile,
    columns: (function* () {
      for (const name of Object.keys(profile.columns)) yield [name, profile.columns[name]!] as [string, ColumnProfile];
    })(),
  };
}

/** writeProfile of profile parts: the same bytes as the whole profile's, each column dropped once written. */
export function writeProfileParts(path: string, parts: ProfileParts): void {
  writeOutputFileParts(path, profileJsonParts(parts));
}

/** The pieces of stringifyContract(profile) + "\n", in order; keys in the order JSON.stringify takes them. */
function* profileJsonParts({ fields, columns }: ProfileParts): Generator<string> {
  let first = true;
  const keys = Object.keys(fields);
  if (!keys.includes("columns")) keys.push("columns");
  yield "{";
  for (const key of keys) {
    if (key === "columns") {
      yield `${first ? "" : ","}${JSON.stringify(key)}:{`;
      let firstColumn = true;
      for (const [name, column] of columns) {
        const json = stringifyContract(column);
        if (json === undefined) continue;
        yield `${firstColumn ? "" : ","}${JSON.stringify(name)}:${json}`;
        firstColumn = false;
      }
      yield "}";
    } else {
      // undefined (an absent optional field) is left out, as JSON.stringify leaves it out.
      const json = stringifyContract(fields[key as keyof typeof fields]) as string | undefined;
      if (json === undefined) continue;
      yield `${first ? "" : ","}${JSON.stringify(key)}:${json}`;
    }
    first = false;
  }
  yield "}\n";
}
