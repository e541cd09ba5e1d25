import type { ColumnType } from "../data/table.js";
import { isProfilePath } from "../profile/profileFile.js";
import { readProfileColumns } from "../profile/readProfileColumns.js";
import { sampleColumnProfile, type ColumnSample } from "./columnSample.js";
import { defaultSkips } from "./defaultSkips.js";
import { detectDriftParts } from "./detectDrift.js";
import type { DriftFilesInput } from "./driftFilesInput.js";
import { BLOCK_COLUMNS, driftInColumnBlocks } from "./driftInColumnBlocks.js";
import type { DriftPolicy } from "./driftPolicy.js";
import type { DriftReportParts } from "./driftReport.js";
import { checkRequestedColumns, checkSomethingTested } from "./driftCoverage.js";
import { loadDataSides } from "./loadDataSides.js";
import { loadSamples } from "./loadSamples.js";

export type { DriftFilesInput } from "./driftFilesInput.js";

/**
 * Drift between two files. Both data files are loaded (a large one on a worker thread: loadSamples); a profile
 * reference needs only the current file. Current columns are read with the reference's types, so a stray bad cell
 * cannot turn a numeric column into text and hide it from the test. A run that names columns neither file has, or
 * that tests no column, is an input error rather than a clean report: a gate that tested nothing has nothing to say.
 *
 * Without `columns`, the target and id-like columns are skipped with the reason (defaultSkips); `columns`, or a
 * drift.columns override of the column in the policy (other than `skip: true`), tests them again.
 *
 * Two CSV or JSON Lines files of more than `blockColumns` columns are tested in blocks of that many columns
 * (driftInColumnBlocks): the same report, one block's samples held at a time. On 100,000 columns x 6 rows, blocks of
 * 10,000 peak at 116-120 MB (each collected after it; 180-192 MB before) against 244-248 in one pass (see
 * BLOCK_COLUMNS). `Infinity` always reads in one pass.
 */
export async function driftFiles(
  input: DriftFilesInput,
  policy: DriftPolicy,
  blockColumns: number = BLOCK_COLUMNS,
): Promise<DriftReportParts> {
  if (!isProfilePath(input.reference)) {
    const report = await driftInColumnBlocks(input, policy, blockColumns);
    if (report !== null) return report;
  }
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
    ({ reference, current, types } = await loadDataSides(input.reference, input.current, load));
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
