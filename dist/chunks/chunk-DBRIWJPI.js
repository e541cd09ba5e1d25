import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  validateContract
} from "./chunk-BERRGJKQ.js";
import {
  writeOutputFile
} from "./chunk-WKNXAUPU.js";
import {
  readBoundedTextFile
} from "./chunk-MYIUVGO5.js";
import {
  ModelguardError
} from "./chunk-7XDOXOVQ.js";

// src/performance/cbpe/calibrationFile.ts
var MAX_CALIBRATION_BYTES = 64 * 1024 * 1024;
var MAKE_ONE = "make one with `modelguard calibrate --predictions preds.csv -o calibration.json` (preds.csv from `modelguard evaluate --predictions`)";
function readCalibration(path) {
  const fail = (message, hint = MAKE_ONE) => new ModelguardError("profile", message, hint, { file: path });
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
  let value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw fail(`${path} is not valid JSON: ${e.message}`);
  }
  const problems = validateContract("calibration.schema.json", value);
  const c = value;
  if (problems.length === 0 && c.isotonic) {
    const { x, y } = c.isotonic;
    if (x.length !== y.length) problems.push(`isotonic: ${x.length} x but ${y.length} y`);
    for (let i = 1; i < Math.min(x.length, y.length) && problems.length === 0; i++) {
      if (!(x[i] > x[i - 1])) problems.push(`isotonic.x.${i}: must be above the one before`);
      else if (!(y[i] >= y[i - 1])) problems.push(`isotonic.y.${i}: must not be below the one before`);
    }
  }
  if (problems.length > 0)
    throw fail(
      `${path} is not a valid calibration: ${problems.slice(0, 5).join("; ")}`,
      "remake it with `modelguard calibrate`; calibrations are not meant to be edited by hand"
    );
  return c;
}
function writeCalibration(path, calibration) {
  writeOutputFile(path, JSON.stringify(calibration, null, 2) + "\n");
}

export {
  readCalibration,
  writeCalibration
};
