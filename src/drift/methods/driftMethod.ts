import type { CategoricalSample, ExactNumericSample, SampleKind, SketchNumericSample } from "../columnSample.js";

export type NumericSample = ExactNumericSample | SketchNumericSample;

export const METHOD_NAMES = ["ks", "psi", "chisquare", "jensenshannon", "wasserstein"] as const;
export type MethodName = (typeof METHOD_NAMES)[number];

export interface MethodResult {
  statistic: number;
  p_value?: number;
  /** Upper bound on |statistic - exact statistic| when a side was a sketch. */
  approximation_error?: number;
  note?: string;
}

export interface MethodContext {
  /** Number of reference-quantile bins for binned methods (PSI, Jensen-Shannon on numbers). */
  bins: number;
}

/**
 * One drift method, looked up by name (after Evidently's stattest registry): adding a method is adding one file.
 * `decision` says how its threshold reads: "p_value" drifts when the (adjusted) p-value is below it, "distance"
 * when the statistic is at or above it.
 */
export interface DriftMethod {
  name: MethodName;
  kinds: readonly SampleKind[];
  decision: "p_value" | "distance";
  defaultThreshold: number;
  description: string;
  numeric?(ref: NumericSample, cur: NumericSample, ctx: MethodContext): MethodResult;
  categorical?(ref: CategoricalSample, cur: CategoricalSample, ctx: MethodContext): MethodResult;
}
