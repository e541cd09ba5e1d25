import type { CbpeCalibration } from "./buildCbpeCalibration.js";
import { calibrateProbability } from "./calibrateProbability.js";
import { CbpeSketch, type EstimatedMetric } from "./cbpeSketch.js";
import { CBPE_METRICS, type CbpeMetric } from "./cbpeMetric.js";
import type { IsotonicFit } from "./fitIsotonicRegression.js";
import type { SamplingErrorComponent } from "./samplingErrorComponents.js";

/**
 * A calibration made ready for windows: `add` puts one event (its raw positive-class probability and predicted class)
 * into a window's sketch, calibrated; `estimate` gives a window's estimates with their bands.
 */
export class CbpeEstimator {
  private readonly fit: IsotonicFit | null;
  private readonly components: Partial<Record<CbpeMetric, SamplingErrorComponent>>;

  constructor(readonly calibration: CbpeCalibration) {
    const iso = calibration.isotonic;
    this.fit = iso ? { x: Float64Array.from(iso.x), y: Float64Array.from(iso.y) } : null;
    this.components = Object.create(null) as Partial<Record<CbpeMetric, SamplingErrorComponent>>;
    for (const m of CBPE_METRICS) {
      const c = calibration.sampling_error[m];
      if (c.std !== null) this.components[m] = { std: c.std, fraction: c.fraction };
    }
  }

  /** The calibrated probability of a raw score. */
  calibrate(score: number): number {
    return this.fit ? calibrateProbability(this.fit, score) : score;
  }

  /**
   * Adds an event: `predictedPositive` true or false when it carried a predicted label, null to threshold the raw
   * score as the model's argmax would. Scores outside [0, 1] or NaN are not added (false returned).
   */
  add(sketch: CbpeSketch, score: number, predictedPositive: boolean | null): boolean {
    if (!(score >= 0 && score <= 1)) return false;
    sketch.add(score, this.calibrate(score), predictedPositive ?? score > this.calibration.threshold);
    return true;
  }

  estimate(sketch: CbpeSketch, metrics: readonly CbpeMetric[] = CBPE_METRICS): EstimatedMetric[] {
    return sketch.estimate(this.components, metrics);
  }
}
