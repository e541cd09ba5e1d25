import { momentsFrom, type ScaledMoments } from "../stats/scaledMoments.js";
import type { NumericProfile } from "./referenceProfile.js";

/**
 * The moments of a numeric column's finite values, from its count, mean and M2, or its standard deviation where the
 * M2 did not fit in a double (written as "Infinity" for values near 1e308, or lost to underflow near 1e-160).
 */
export function profileMoments(column: NumericProfile): ScaledMoments {
  return momentsFrom(column.count - column.infinite, column.mean, column.m2, column.std);
}
