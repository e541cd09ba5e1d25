import { allInOrder } from "../allInOrder.js";
import type { LoadOptions } from "../data/loadTable.js";
import type { ColumnType } from "../data/table.js";
import { driftKindOfType, type ColumnSample } from "./columnSample.js";
import { loadSamples, type LoadedSamples } from "./loadSamples.js";

export interface DataSides {
  reference: Map<string, ColumnSample>;
  current: Map<string, ColumnSample>;
  /** The reference's column types. */
  types: Map<string, ColumnType>;
}

/**
 * The drift samples of two data files, both parsed at once (see loadSamples). A current column of another kind than
 * the reference's is read again with the reference's type, so a stray bad cell cannot turn a numeric column into
 * text and hide it from the test.
 */
export async function loadDataSides(reference: string, current: string, load: LoadOptions): Promise<DataSides> {
  // Both bad: the reference's error, whichever load fails first.
  const [ref, cur] = await allInOrder([loadSamples(reference, load), loadSamples(current, load)]);
  return joinSides(ref, cur, (types) => loadSamples(current, { ...load, columns: [...types.keys()], types }));
}

/**
 * The sides of a drift from the samples of each, the current's columns of another kind than the reference's read
 * again by `readAgain` with the reference's types (given by name, in the reference's order).
 */
export async function joinSides(
  ref: LoadedSamples,
  cur: LoadedSamples,
  readAgain: (types: Map<string, ColumnType>) => Promise<LoadedSamples>,
): Promise<DataSides> {
  const mismatched = new Map<string, ColumnType>();
  for (const [name, type] of ref.types) {
    const curType = cur.types.get(name);
    if (curType !== undefined && driftKindOfType(curType) !== driftKindOfType(type)) mismatched.set(name, type);
  }
  if (mismatched.size > 0) {
    const again = await readAgain(mismatched);
    for (const [name, sample] of again.samples) cur.samples.set(name, sample);
  }
  return { reference: ref.samples, current: cur.samples, types: ref.types };
}
