import type { ReferenceProfile } from "../../src/profile/referenceProfile.js";

/** The features the monitor tracks, fixed by the reference profile. */
export interface FeatureLayout {
  names: string[];
  kinds: ("numeric" | "categorical" | "untested")[];
  index: Map<string, number>;
  accuracy: number;
}

export function layoutOf(profile: ReferenceProfile): FeatureLayout {
  const names = Object.keys(profile.columns);
  const kinds = names.map((n) => {
    const k = profile.columns[n]!.kind;
    return k === "numeric" || k === "categorical" ? k : "untested";
  });
  return { names, kinds, index: new Map(names.map((n, i) => [n, i])), accuracy: profile.sketch_accuracy };
}
