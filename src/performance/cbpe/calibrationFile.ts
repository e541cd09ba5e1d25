import { validateContract } from "../../contracts/validateContract.js";
import { ModelguardError } from "../../errors.js";
import { writeOutputFile } from "../../outputFile.js";
import { readBoundedTextFile } from "../../readBoundedTextFile.js";
import type { CbpeCalibration } from "./buildCbpeCalibration.js";

/** 1,000,000 isotonic points of two doubles as JSON are about 40 MB; anything larger is not a calibration. */
export const MAX_CALIBRATION_BYTES = 64 * 1024 * 1024;

const MAKE_ONE =
  "make one with `modelguard calibrate --predictions preds.csv -o calibration.json` (preds.csv from `modelguard evaluate --predictions`)";

/**
 * Reads and checks calibration.json: the JSON Schema, then what it cannot say (x increasing, y non-decreasing, as
 * many y as x). A problem is a "profile" error naming the file (the calibration is reference material, like the
 * profile).
 */
export function readCalibration(path: string): CbpeCalibration {
  const fail = (message: string, hint = MAKE_ONE) => new ModelguardError("profile", message, hint, { file: path });
  const text = readBoundedTextFile(path, MAX_CALIBRATION_BYTES, (why) => {
    switch (why.reason) {
      case "missing":
        return fail(`calibration not found: ${path}`);
      case "directory":
      case "not-a-file":
        return fail(`${path} is not a regular file`, "pass calibration.json itself");
      case "too-large":
        return fail(`${path} is ${why.size} bytes, more than a calibration may be (${MAX_CALIBRATION_BYTES} bytes)`);
      case "io":
        return fail(`cannot read ${path}: ${why.message}`);
    }
  });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw fail(`${path} is not valid JSON: ${(e as Error).message}`);
  }
  const problems = validateContract("calibration.schema.json", value);
  const c = value as CbpeCalibration;
  if (problems.length === 0 && c.isotonic) {
    const { x, y } = c.isotonic;
    if (x.length !== y.length) problems.push(`isotonic: ${x.length} x but ${y.length} y`);
    for (let i = 1; i < Math.min(x.length, y.length) && problems.length === 0; i++) {
      if (!(x[i]! > x[i - 1]!)) problems.push(`isotonic.x.${i}: must be above the one before`);
      else if (!(y[i]! >= y[i - 1]!)) problems.push(`isotonic.y.${i}: must not be below the one before`);
    }
  }
  if (problems.length > 0)
    throw fail(
      `${path} is not a valid calibration: ${problems.slice(0, 5).join("; ")}`,
      "remake it with `modelguard calibrate`; calibrations are not meant to be edited by hand",
    );
  return c;
}

export function writeCalibration(path: string, calibration: CbpeCalibration): void {
  writeOutputFile(path, JSON.stringify(calibration, null, 2) + "\n");
}
