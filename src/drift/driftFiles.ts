import type { ColumnType } from "../data/table.js";
import type { LoadOptions } from "../data/loadTable.js";
import { isProfilePath } from "../profile/profileFile.js";
import { readProfileColumns } from "../profile/readProfileColumns.js";
import { driftKindOfType, sampleColumnProfile, type ColumnSample } from "./columnSample.js";
import { defaultSkips, type KnownTarget } from "./defaultSkips.js";
import { detectDriftParts } from "./detectDrift.js";
import type { DriftPolicy } from "./driftPolicy.js";
import type { DriftReportParts } from "./driftReport.js";
import { checkRequestedColumns, checkSomethingTested, type ConfiguredColumns } from "./driftCoverage.js";
import { loadSamples } from "./loadSamples.js";
import type { QualityThresholds } from "../quality/qualityThresholds.js";

export interface DriftFilesInput {
  /** A data file, or a profile made by `modelguard profile`. */
  reference: string;
  current: string;
  columns?: readonly string[];
  /** Column names given as critical on the command line: each must be in both files (and in `columns`, if set). */
  critical?: readonly string[];
  /** The columns a config file's drift.columns names: each must be in both files too. */
  config?: ConfiguredColumns;
  load?: Omit<LoadOptions, "types" | "columns">;
  /** The target, when known: left out by default, as are id-like columns (see defaultSkips). */
  target?: KnownTarget;
  /** Data-quality thresholds: every column tested (or empty in the current data) is measured too. */
  quality?: QualityThresholds;
}

/**
 * Drift between two files. Both data files parse at once on two threads; a profile reference needs only the current
 * file. Current columns are read with the reference's types, so a stray bad cell cannot turn a numeric column into
 * text and hide it from the test. A run that names columns neither file has, or that tests no column, is an input
 * error rather than a clean report: a gate that tested nothing has nothing to say.
 *
 * Without `columns`, the target and id-like columns are skipped with the reason (defaultSkips); `columns`, or a
 * drift.columns override of the column in the policy (other than `skip: true`), tests them again.
 */
export async function driftFiles(input: DriftFilesInput, policy: DriftPolicy): Promise<DriftReportParts> {
  const load = { ...input.load, ...(input.columns ? { columns: [...input.columns] } : {}) };
  let reference: Map<string, ColumnSample>;
  let current: Map<string, ColumnSample>;
  let types: Map<string, ColumnType>;
  if (isProfilePath(input.reference)) {
    // Column by column: each column's sample is made as it is read, and the profile's JSON is never held whole.
    types = new Map();
    reference = readProfileColumns(input.reference, (name, column, fields) => {
      types.set(name, column.type);
      return sampleColumnProfile(column, fields.bins);
    }).columns;
    current = (await loadSamples(input.current, { ...load, types })).samples;
  } else {
    const [ref, cur] = await Promise.all([loadSamples(input.reference, load), loadSamples(input.current, load)]);
    reference = ref.samples;
    current = cur.samples;
    types = ref.types;
    const mismatched = new Map<string, ColumnType>();
    for (const [name, type] of ref.types) {
      const curType = cur.types.get(name);
      if (curType !== undefined && driftKindOfType(curType) !== driftKindOfType(type)) mismatched.set(name, type);
    }
    if (mismatched.size > 0) {
      const again = await loadSamples(input.current, {
        ...load,
        columns: [...mismatched.keys()],
        types: mismatched,
      });
      for (const [name, sample] of again.samples) current.set(name, sample);
    }
  }
  checkRequestedColumns(reference, current, input);
  const skip = input.columns ? undefined : defaultSkips(reference, current, types, input.target);
  const report = detectDriftParts(
    {
      reference,
      current,
      referenceLabel: input.reference,
      currentLabel: input.current,
      columns: input.columns,
      ...(skip && { skip }),
      ...(input.quality && { quality: input.quality }),
    },
    policy,
  );
  checkSomethingTested(report, reference, current);
  return report;
}
