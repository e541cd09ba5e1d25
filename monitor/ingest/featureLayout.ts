import type { CbpeEstimator } from "../../src/performance/cbpe/cbpeEstimator.js";
import type { ReferenceProfile } from "../../src/profile/referenceProfile.js";

/** The features the monitor tracks, fixed by the reference profile. */
export interface FeatureLayout {
  names: string[];
  kinds: ("numeric" | "categorical" | "untested")[];
  index: Map<string, number>;
  accuracy: number;
  /**
   * The class whose probability an event's `probabilities: {class: p}` gives as its positive-class probability
   * (`labels.positive_class`); "1" when unset, scikit-learn's default `pos_label`.
   */
  positiveClass?: string;
  /**
   * `estimation`: every window of this layout also keeps a CBPE sketch of its events' positive-class probabilities,
   * calibrated by this estimator (set before the first window is filled; the same on every fleet member).
   */
  estimator?: CbpeEstimator;
  /**
   * Per feature, the reference's finite [min, max] for numeric features (null: none), which windows count values
   * outside of (the out-of-range quality signal). Set by the monitor from the profile; absent: not counted.
   */
  ranges?: (readonly [number, number] | null)[];
  /**
   * A fleet following production (`reference: registry:NAME`): the reference a window starting at `start` (ms) is
   * measured against, the same on every member (the fleet's plan in Redis), or null for the layout's own. A window
   * takes its ranges and estimator from it when it opens and carries its version, so that the leader merges only
   * partials measured against the version it judges the window with.
   */
  referenceAt?: (start: number) => MeasuredReference | null;
}

/** What a window's own state depends on in a reference: the out-of-range bounds and the calibration. */
export interface MeasuredReference {
  /** The production version (`v2`). */
  version: string;
  ranges: (readonly [number, number] | null)[];
  /** Production's calibration (`estimation.calibration: registry`); null: it has none; undefined: the layout's. */
  estimator?: CbpeEstimator | null;
}

export function layoutOf(profile: ReferenceProfile, positiveClass?: string): FeatureLayout {
  const names = Object.keys(profile.columns);
  const kinds = names.map((n) => {
    const k = profile.columns[n]!.kind;
    return k === "numeric" || k === "categorical" ? k : "untested";
  });
  const layout: FeatureLayout = {
    names,
    kinds,
    index: new Map(names.map((n, i) => [n, i])),
    accuracy: profile.sketch_accuracy,
  };
  if (positiveClass !== undefined) layout.positiveClass = positiveClass;
  return layout;
}
