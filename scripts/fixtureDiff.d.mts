// Types of scripts/fixtureDiff.mjs, for the tests.
export declare const RELATIVE_TOLERANCE: number;
export declare const ABSOLUTE_TOLERANCE: number;
export interface NumericDifference {
  path: string;
  committed: number;
  regenerated: number;
  relative: number;
}
export interface FileComparison {
  ok: boolean;
  mismatch?: string;
  worst?: NumericDifference;
  compared: number;
}
export declare function compareFixture(path: string, committed: Uint8Array, regenerated: Uint8Array): FileComparison;
