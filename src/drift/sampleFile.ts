import { loadTable, type LoadOptions } from "../data/loadTable.js";
import type { ColumnType, Table } from "../data/table.js";
import { sampleTable, type ColumnSample } from "./columnSample.js";
import { shouldStream, streamSamples, type SampleBudget } from "./streamSamples.js";

export interface FileSamples {
  samples: Map<string, ColumnSample>;
  types: Map<string, ColumnType>;
  rows: number;
}

/**
 * A data file's drift samples: streamed into sketches when the dataset is at least `budget.streamFromBytes`, otherwise
 * loaded whole and each numeric column sorted inside the table's own buffer (the table is not read again). What the
 * drift worker runs, and what loadSamples runs in its own thread for a small file.
 */
export async function sampleFile(path: string, options: LoadOptions, budget: SampleBudget): Promise<FileSamples> {
  if (await shouldStream(path, budget)) return streamSamples(path, options, budget);
  return tableSamples(await loadTable(path, options));
}

/** A loaded table's drift samples, each numeric column sorted inside the table's own buffer (the table is spent). */
export function tableSamples(table: Table): FileSamples {
  const samples = sampleTable(table, { consume: { scratch: new Float64Array(table.rowCount) } });
  const types = new Map<string, ColumnType>(table.columns.map((c) => [c.name, c.type]));
  return { samples, types, rows: table.rowCount };
}
