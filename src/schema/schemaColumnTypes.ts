import type { ColumnType } from "../data/table.js";
import type { DataSchema } from "./dataSchema.js";

/**
 * The column types a schema declares, to pass to loadTable as forced `types` so that cells which do not parse land in
 * `column.invalid` (reported as `type` violations) instead of turning the whole column into text.
 * The schema's type names are the Table's type names, so the mapping is one to one.
 */
export function schemaColumnTypes(schema: DataSchema): Map<string, ColumnType> {
  // Set one by one: the [name, type] pairs of a 100,000-column schema were 5 MB of garbage at the peak of `validate`.
  const types = new Map<string, ColumnType>();
  for (const c of schema.columns) types.set(c.name, c.type);
  return types;
}
