import { CbpeEstimator } from "../../src/performance/cbpe/cbpeEstimator.js";
import { readCalibration } from "../../src/performance/cbpe/calibrationFile.js";
import type { CbpeCalibration } from "../../src/performance/cbpe/buildCbpeCalibration.js";
import { ModelguardError } from "../../src/errors.js";
import type { MonitorConfig } from "../config/monitorConfig.js";

/**
 * The estimator of `estimation:`: the calibration read from its file, or the one given (production's, from the
 * registry), checked against the config: `labels.positive_class`, when set, must be the calibration's positive class
 * (the events' probabilities and the labels would otherwise be of two different classes). Null without `estimation`.
 */
export function loadEstimator(config: MonitorConfig, fromRegistry?: CbpeCalibration | null): CbpeEstimator | null {
  const e = config.estimation;
  if (!e) return null;
  let calibration: CbpeCalibration;
  if (e.calibration === "registry") {
    if (!fromRegistry)
      throw new ModelguardError(
        "config",
        `${config.file}: estimation.calibration: production has no calibration.json in the registry`,
        "promote the model with --calibration calibration.json (modelguard calibrate makes it), or give the file's path",
        { file: config.file },
      );
    calibration = fromRegistry;
  } else calibration = readCalibration(e.calibration);
  const positive = config.labels?.positiveClass;
  if (positive !== undefined && positive !== calibration.positive_class)
    throw new ModelguardError(
      "config",
      `${config.file}: labels.positive_class is '${positive}' but the calibration's positive class is '${calibration.positive_class}'`,
      "make them the same class: calibrate with --positive-label, or change labels.positive_class",
      { file: config.file },
    );
  return new CbpeEstimator(calibration);
}
