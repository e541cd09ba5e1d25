import type { ColumnType } from "../data/table.js";
import type { LoadOptions } from "../data/loadTable.js";
import { isProfilePath, readProfile } from "../profile/profileFile.js";
import type { ReferenceProfile } from "../profile/referenceProfile.js";
import { driftKindOfType, sampleProfile, type ColumnSample } from "./columnSample.js";
import { detectDrift } from "./detectDrift.js";
import type { DriftPolicy } from "./driftPolicy.js";
import type { DriftReport } from "./driftReport.js";
import { loadSamples } from "./loadSamples.js";

export interface DriftFilesInput {
  /** A data file, or a profile made by `modelguard profile`. */
  reference: string;
  current: string;
  columns?: readonly string[];
  load?: Omit<LoadOptions, "types" | "columns">;
}

/**
 * Drift between two files. Both data files parse at once on two threads; a profile reference needs only the current
 * file. Current columns are read with the reference's types, so a stray bad cell cannot turn a numeric column into
 * text and hide it from the test.
 */
export async function driftFiles(input: DriftFilesInput, policy: DriftPolicy): Promise<DriftReport> {
  const load = { ...input.load, ...(input.columns ? { columns: [...input.columns] } : {}) };
  let reference: Map<string, ColumnSample>;
  let current: Map<string, ColumnSample>;
  if (isProfilePath(input.reference)) {
    const profile = readProfile(input.reference);
    reference = sampleProfile(profile);
    current = (await loadSamples(input.current, { ...load, types: profileTypes(profile) })).samples;
  } else {
    const [ref, cur] = await Promise.all([loadSamples(input.reference, load), loadSamples(input.current, load)]);
    reference = ref.samples;
    current = cur.samples;
    const mismatched: Record<string, ColumnType> = {};
    for (const [name, type] of Object.entries(ref.types)) {
      const curType = cur.types[name];
      if (curType !== undefined && driftKindOfType(curType) !== driftKindOfType(type)) mismatched[name] = type;
    }
    if (Object.keys(mismatched).length > 0) {
      const again = await loadSamples(input.current, { ...load, columns: Object.keys(mismatched), types: mismatched });
      for (const [name, sample] of again.samples) current.set(name, sample);
    }
  }
  return detectDrift(
    { reference, current, referenceLabel: input.reference, currentLabel: input.current, columns: input.columns },
    policy,
  );
}

function profileTypes(profile: ReferenceProfile): Record<string, ColumnType> {
  return Object.fromEntries(Object.entries(profile.columns).map(([name, c]) => [name, c.type]));
}
