import { collectGarbage } from "../collectGarbage.js";
import { CsvColumnPasses } from "../data/csvColumnPasses.js";
import { nullOnModelguardError } from "../errors.js";
import { HeaderNameIndex } from "../data/headerNameIndex.js";
import { JsonlColumnPasses } from "../data/jsonlColumnPasses.js";
import { resolveLoadOptions } from "../data/loadOptions.js";
import type { LoadOptions } from "../data/loadTable.js";
import { resolveDataset } from "../data/resolveDataset.js";
import type { ColumnType, Table } from "../data/table.js";
import { defaultSkips } from "./defaultSkips.js";
import { DriftAccumulator } from "./detectDrift.js";
import { checkRequestedColumns, checkSomethingTested } from "./driftCoverage.js";
import type { DriftFilesInput } from "./driftFilesInput.js";
import type { DriftPolicy } from "./driftPolicy.js";
import type { DriftReportParts } from "./driftReport.js";
import { joinSides } from "./loadDataSides.js";
import { tableSamples } from "./sampleFile.js";
import { DEFAULT_SAMPLE_BUDGET, datasetBytes } from "./streamSamples.js";

/**
 * Columns tested per block. On 100,000 columns x 6 rows (peak RSS of `drift` to stdout, built CLI), blocks of 2,000 /
 * 5,000 / 10,000 / 20,000 / 50,000 peaked at 185-186 / 181-185 / 187-194 / 213-215 / 240-243 MB in 5.5 / 4.5 / 3.1-3.4
 * / 3.0-3.4 / 2.5-3.6 s, against 244-248 MB and 2.7-3.8 s in one pass (same runs, a shared 2-core machine); --json and
 * --out alike (188-202 MB against 242-257); 50,000 columns 154-156 MB against 171-190, 20,000 (two blocks) 126 MB
 * against 124-131. Each file is read through one CsvColumnPasses (its header parsed once; one set of read buffers for
 * both files), so a block costs about what one pass does. The garbage of each block's per-column objects (plans,
 * builders, samples' views, map entries: the sampled allocations of a run total some 120 MB) V8 let grow to a heap of
 * 70-80 MB around 20-35 MB live before a full collection (the figures above are of that time): each block is now
 * collected after it (collectGarbage), and with the CLI's young generation held small (sizeHeapForCommand) the run
 * peaks at 116-117 MB in 2.5-2.6 s (1.9-2.0 s before the collections, on a quiet machine). What holds memory then:
 * Node and the modules, some 50 MB; the report's columns of 100,000 features, some 19 MB of typed arrays and the
 * names; the two headers' names (some 6 MB) and one set of read buffers (12 MB); one block's tables and samples.
 */
export const BLOCK_COLUMNS = 10_000;

/**
 * driftFiles of two CSV or JSON Lines files wider than `blockColumns`, tested `blockColumns` columns at a time in the
 * order of the test (the reference's columns, or `columns`): only one block's samples are alive, and the
 * multiple-testing correction still runs across every column (DriftAccumulator), so the report is the one pass's.
 * Null when the run is not for blocks (a profile, Parquet, a dataset of shards, a side large enough to stream, a
 * narrow file) and when the input fails a read or check (a ModelguardError): the one pass then runs and reports the
 * error as it always did, so an error is the same whatever block would have met it first; any other error is a bug,
 * thrown on. A report that tested nothing is its own error, as in one pass.
 */
export async function driftInColumnBlocks(
  input: DriftFilesInput,
  policy: DriftPolicy,
  blockColumns: number = BLOCK_COLUMNS,
): Promise<DriftReportParts | null> {
  // A block of no columns would never end.
  if (!(blockColumns >= 1)) throw new RangeError(`blockColumns must be at least 1, got ${blockColumns}`);
  const load: LoadOptions = { ...input.load, ...(input.columns ? { columns: [...input.columns] } : {}) };
  let plan = await planBlocks(input, load, blockColumns).catch(nullOnModelguardError);
  if (plan === null) return null;
  const report = await testInBlocks(input, policy, blockColumns, plan).catch(nullOnModelguardError);
  if (report === null) return null;
  // Only to say why nothing was tested: the names as one pass would give them.
  if (report.features.length === 0)
    checkSomethingTested(report, new Set(plan.reference.names), new Set(plan.current.names));
  // The files' names and read buffers (some 20 MB for 100,000 columns) are not kept while the report is written.
  plan = null;
  collectGarbage();
  return report;
}

/** A file read in blocks of columns, and the names of its columns `load` reads, in file order. */
interface BlockSide {
  names: readonly string[];
  /** loadTable's Table of these of its columns (the others are left out), with these types forced. */
  load(names: Iterable<string>, types?: ReadonlyMap<string, ColumnType>): Promise<Table>;
}

interface BlockPlan {
  reference: BlockSide;
  current: BlockSide;
}

/**
 * Both files' columns and the names the current file only has; null when the files are not for blocks, and when the
 * coverage check fails (one pass reports its error, or a read's before it).
 */
async function planBlocks(input: DriftFilesInput, load: LoadOptions, blockColumns: number): Promise<BlockPlan | null> {
  const reference = await openSide(input.reference, load, blockColumns);
  // One set of read buffers for both files of a format, as they are read by turns, and a JSON Lines key both have is
  // one string. A wide reference is read in blocks whatever the current's width.
  const currentKeys = reference && reference.side.names.length > blockColumns ? 0 : blockColumns;
  const current = reference && (await openSide(input.current, load, currentKeys, reference.passes));
  if (reference === null || current === null) return null;
  if (Math.max(reference.side.names.length, current.side.names.length) <= blockColumns) return null;
  // The names a one pass's samples would have: what the coverage checks ask about. Sets not held through the blocks.
  checkRequestedColumns(new Set(reference.side.names), new Set(current.side.names), input);
  return { reference: reference.side, current: current.side };
}

/**
 * A plain, gzip or zstd CSV or JSON Lines file's columns that `load` reads; null for any other dataset, and for a
 * JSON Lines file whose first record has at most `keys` keys (JsonlColumnPasses.openWide: not read in full only to
 * find it narrow). A JSON Lines file is read once here for its keys: with `load`'s columns decoded, so that a nested
 * value where one pass would refuse it fails here (the blocks decode the reference's columns only). `shareWith`: the
 * other file's passes, whose read buffers (and JSON Lines key strings) these share when the files are of one format.
 */
async function openSide(
  path: string,
  load: LoadOptions,
  keys: number,
  shareWith?: CsvColumnPasses | JsonlColumnPasses,
): Promise<{ side: BlockSide; passes: CsvColumnPasses | JsonlColumnPasses } | null> {
  const dataset = await resolveDataset(path);
  if (dataset.shards.length !== 1 || dataset.partitionKeys.length > 0) return null;
  const file = dataset.shards[0]!.file;
  const resolved = resolveLoadOptions(file, load);
  if (resolved.format === "parquet") return null;
  // A side large enough to stream keeps values exactly up to a budget over all its columns: a block would get more.
  const bytes = await datasetBytes(path);
  if (bytes === null || bytes >= DEFAULT_SAMPLE_BUDGET.streamFromBytes) return null;
  const wanted = resolved.columns;
  const filtered = (names: readonly string[]) => (wanted ? names.filter((name) => wanted.has(name)) : names);
  if (resolved.format === "jsonl") {
    const shared = shareWith instanceof JsonlColumnPasses ? shareWith : undefined;
    const passes = await JsonlColumnPasses.openWide(file, resolved, keys, shared);
    if (passes === null) return null;
    return { side: { names: filtered(passes.names), load: (names, types) => passes.load(names, types) }, passes };
  }
  const shared = shareWith instanceof CsvColumnPasses ? shareWith : undefined;
  const passes = await CsvColumnPasses.open(file, resolved, shared);
  const index = new HeaderNameIndex(passes.names);
  const side: BlockSide = {
    names: filtered(passes.names),
    load: (names, types) => passes.load(index.sourcesOf(names), types),
  };
  return { side, passes };
}

/**
 * Each block read from both files as loadDataSides reads them (each side's types inferred, a current column of
 * another kind read again with the reference's type), one file after the other in this thread: a CSV file on its
 * header read once and the read buffers of the block before (CsvColumnPasses), a JSON Lines file on its keys decoded
 * once (JsonlColumnPasses); the two files of a format share one set of read buffers.
 */
async function testInBlocks(
  input: DriftFilesInput,
  policy: DriftPolicy,
  blockColumns: number,
  { reference, current }: BlockPlan,
): Promise<DriftReportParts> {
  const names = input.columns ?? reference.names;
  const detection = new DriftAccumulator(policy, {
    referenceLabel: input.reference,
    currentLabel: input.current,
    capacity: names.length,
    ...(input.quality && { quality: input.quality }),
  });
  // The current's own columns (not in the reference) are never decoded, as in one pass they are decoded and not
  // tested: each block reads every record of both files, and the errors of a CSV file are its records'
  // (CsvRecordReader), so a file one pass refuses is refused by the first block whatever columns it decodes. A JSON
  // Lines file can also refuse a nested value in a column it decodes: its first read (openSide) decoded them all.
  const testBlock = async (block: readonly string[]) => {
    // A name the current file lacks is not read there (as loadTable ignores it) and is reported absent, as in one pass.
    const ref = tableSamples(await reference.load(block));
    const cur = tableSamples(await current.load(block));
    const sides = await joinSides(ref, cur, async (types) => tableSamples(await current.load(types.keys(), types)));
    const skip = input.columns ? undefined : defaultSkips(sides.reference, sides.current, sides.types, input.target);
    detection.add(sides.reference, sides.current, block, skip);
  };
  for (let at = 0; at < names.length; at += blockColumns) {
    await testBlock(names.slice(at, at + blockColumns));
    // The block's tables and samples, collected as they are dropped (in a function of its own, so that no variable
    // of this loop still holds them).
    collectGarbage();
  }
  return detection.finish();
}
