import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  CBPE_METRICS,
  calibrateProbability
} from "./chunk-IN4FC3XQ.js";
import {
  readCalibration
} from "./chunk-DBRIWJPI.js";
import {
  ModelguardError
} from "./chunk-7XDOXOVQ.js";

// src/performance/cbpe/cbpeEstimator.ts
var CbpeEstimator = class {
  constructor(calibration) {
    this.calibration = calibration;
    const iso = calibration.isotonic;
    this.fit = iso ? { x: Float64Array.from(iso.x), y: Float64Array.from(iso.y) } : null;
    this.components = /* @__PURE__ */ Object.create(null);
    for (const m of CBPE_METRICS) {
      const c = calibration.sampling_error[m];
      if (c.std !== null) this.components[m] = { std: c.std, fraction: c.fraction };
    }
  }
  calibration;
  fit;
  components;
  /** The calibrated probability of a raw score. */
  calibrate(score) {
    return this.fit ? calibrateProbability(this.fit, score) : score;
  }
  /**
   * Adds an event: `predictedPositive` true or false when it carried a predicted label, null to threshold the raw
   * score as the model's argmax would. Scores outside [0, 1] or NaN are not added (false returned).
   */
  add(sketch, score, predictedPositive) {
    if (!(score >= 0 && score <= 1)) return false;
    sketch.add(score, this.calibrate(score), predictedPositive ?? score > this.calibration.threshold);
    return true;
  }
  estimate(sketch, metrics = CBPE_METRICS) {
    return sketch.estimate(this.components, metrics);
  }
};

// monitor/performance/loadEstimator.ts
function loadEstimator(config, fromRegistry) {
  const e = config.estimation;
  if (!e) return null;
  let calibration;
  if (e.calibration === "registry") {
    if (!fromRegistry)
      throw new ModelguardError(
        "config",
        `${config.file}: estimation.calibration: production has no calibration.json in the registry`,
        "promote the model with --calibration calibration.json (modelguard calibrate makes it), or give the file's path",
        { file: config.file }
      );
    calibration = fromRegistry;
  } else calibration = readCalibration(e.calibration);
  const positive = config.labels?.positiveClass;
  if (positive !== void 0 && positive !== calibration.positive_class)
    throw new ModelguardError(
      "config",
      `${config.file}: labels.positive_class is '${positive}' but the calibration's positive class is '${calibration.positive_class}'`,
      "make them the same class: calibrate with --positive-label, or change labels.positive_class",
      { file: config.file }
    );
  return new CbpeEstimator(calibration);
}

export {
  CbpeEstimator,
  loadEstimator
};
