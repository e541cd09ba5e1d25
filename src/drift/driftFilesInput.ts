import type { LoadOptions } from "../data/loadTable.js";
import type { QualityThresholds } from "../quality/qualityThresholds.js";
import type { KnownTarget } from "./defaultSkips.js";
import type { ConfiguredColumns } from "./driftCoverage.js";

/** What a drift between two files is asked: driftFiles', and driftInColumnBlocks' when it reads them in blocks. */
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
